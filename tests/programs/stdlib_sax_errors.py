import io
import xml.sax
from xml.sax import (SAXException, SAXParseException, SAXNotRecognizedException,
                     SAXNotSupportedException, SAXReaderNotAvailable, ContentHandler,
                     ErrorHandler, make_parser, parseString)
from xml.sax import handler, xmlreader
from xml.sax.xmlreader import InputSource

e = SAXException('msg')
print(str(e), repr(e), e.getMessage(), e.getException(), e.args)
e = SAXException('msg2', KeyError('k'))
print(str(e), repr(e.getException()))
try:
    e[0]
except AttributeError as x:
    print('AttributeError', x)

class Loc:
    def __init__(self, sysid, line, col):
        self.s, self.l, self.c = sysid, line, col
    def getSystemId(self): return self.s
    def getPublicId(self): return 'PUB'
    def getLineNumber(self): return self.l
    def getColumnNumber(self): return self.c

for loc in [Loc(None, 1, 2), Loc('file.xml', 10, 0), Loc(None, None, None)]:
    p = SAXParseException('boom', None, loc)
    print(str(p), p.getLineNumber(), p.getColumnNumber(), p.getSystemId(), p.getPublicId(), p.getMessage())

for cls in [SAXNotRecognizedException, SAXNotSupportedException, SAXReaderNotAvailable, SAXParseException]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])

docs = [b'<a><b></a>', b'<a></a>x', b'', b'<a', b'<a>&undefined;</a>', b'<a x="1" x="2"/>',
        '<a>\n<b>\n</c></a>', b'<?xml version="1.0" encoding="utf-8"?>\n<r>\n\n  <x y=1/></r>',
        b'<a><!-- -- --></a>', b'<1a/>']
for d in docs:
    try:
        parseString(d, ContentHandler())
        print('ok')
    except SAXParseException as x:
        print('SAXParseException:', x, '|', x.getMessage(), x.getLineNumber(), x.getColumnNumber(), x.getSystemId(), type(x.getException()).__name__)

class Collect(ErrorHandler):
    def __init__(self): self.seen = []
    def fatalError(self, exc):
        self.seen.append(str(exc))
eh = Collect()
parseString(b'<a><b></a>', ContentHandler(), eh)
print(eh.seen[0], len(eh.seen))

class H(ContentHandler):
    def startElement(self, name, attrs):
        print('start', name)
parseString(b'<a/>', H(), None)

# handler raising propagates
class Boom(ContentHandler):
    def startElement(self, name, attrs):
        raise ValueError('from handler ' + name)
try:
    parseString(b'<zz/>', Boom())
except ValueError as x:
    print('ValueError', x)

# reader feature/property errors
r = make_parser()
for name in handler.all_features + ['http://unknown/feature']:
    try:
        print(name, r.getFeature(name))
    except Exception as x:
        print(name, type(x).__name__, x)
for name in handler.all_features + ['http://unknown/feature']:
    for state in (False, True):
        try:
            r.setFeature(name, state)
            print('set', name, state, 'ok')
        except Exception as x:
            print('set', name, state, type(x).__name__, x)
r = make_parser()
for name in handler.all_properties + ['http://unknown/prop']:
    try:
        print(name, r.getProperty(name))
    except Exception as x:
        print(name, type(x).__name__, x)
    try:
        r.setProperty(name, None)
        print('setprop ok')
    except Exception as x:
        print('setprop', type(x).__name__, x)

r = make_parser()
r.setContentHandler(ContentHandler())
r.feed('<a>')
try:
    r.setFeature(handler.feature_namespaces, True)
except SAXNotSupportedException as x:
    print('SAXNotSupportedException', x)
r.feed('</a>')
r.close()

base = xmlreader.XMLReader()
for call in [lambda: base.parse('x'), lambda: base.setLocale('de'), lambda: base.getFeature('f'),
             lambda: base.setFeature('f', 1), lambda: base.getProperty('p'), lambda: base.setProperty('p', 1)]:
    try:
        call()
    except Exception as x:
        print(type(x).__name__, x)
inc = xmlreader.IncrementalParser()
for call in [lambda: inc.feed('x'), lambda: inc.close(), lambda: inc.reset(), lambda: inc.prepareParser(None)]:
    try:
        call()
    except Exception as x:
        print(type(x).__name__, x)
try:
    make_parser(['no.such.module.here'])
    print('fallback ok')
except Exception as x:
    print(type(x).__name__, x)
