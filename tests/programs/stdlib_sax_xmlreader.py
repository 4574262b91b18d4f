import io, os, tempfile
from xml.sax import xmlreader, make_parser, handler, parse, ContentHandler
from xml.sax.xmlreader import AttributesImpl, AttributesNSImpl, InputSource, Locator
from xml.sax.saxutils import prepare_input_source

a = AttributesImpl({'id': '7', 'class': 'c'})
print(a.getLength(), len(a), a.getNames(), a.getQNames(), a.keys(), a.items(), a.values())
print(a.getType('id'), a.getValue('id'), a.getValueByQName('class'), a.getNameByQName('id'), a.getQNameByName('class'))
print('id' in a, 'zz' in a, a['id'], a.get('zz'), a.get('zz', 'dflt'), a.get('id'))
c = a.copy(); print(type(c).__name__, c.items())
for m in ['getValue', 'getValueByQName', 'getNameByQName', 'getQNameByName', '__getitem__']:
    try:
        getattr(a, m)('missing')
    except KeyError as e:
        print(m, 'KeyError', e)

n = AttributesNSImpl({('urn:x', 'a'): '1', (None, 'b'): '2'}, {('urn:x', 'a'): 'x:a', (None, 'b'): 'b'})
print(n.getLength(), n.getNames(), n.getQNames(), n.getValue(('urn:x', 'a')), n.getValueByQName('x:a'), n.getNameByQName('b'), n.getQNameByName(('urn:x', 'a')))
print(n.copy().getQNames(), n.items(), n.getType(('urn:x', 'a')))
for m, arg in [('getValueByQName', 'nope'), ('getNameByQName', 'nope'), ('getQNameByName', ('u', 'v'))]:
    try:
        getattr(n, m)(arg)
    except KeyError as e:
        print(m, 'KeyError', e)

s = InputSource()
print(s.getSystemId(), s.getPublicId(), s.getEncoding(), s.getByteStream(), s.getCharacterStream())
s.setSystemId('sys'); s.setPublicId('pub'); s.setEncoding('utf-8')
bs = io.BytesIO(b'x'); cs = io.StringIO('y')
s.setByteStream(bs); s.setCharacterStream(cs)
print(s.getSystemId(), s.getPublicId(), s.getEncoding(), s.getByteStream() is bs, s.getCharacterStream() is cs)
l = Locator(); print(l.getColumnNumber(), l.getLineNumber(), l.getPublicId(), l.getSystemId())

src = prepare_input_source(io.StringIO('<a/>'))
print(type(src).__name__, src.getCharacterStream() is not None, src.getByteStream())
src = prepare_input_source(io.BytesIO(b'<a/>'))
print(src.getCharacterStream(), src.getByteStream() is not None)
src2 = prepare_input_source(src)
print(src2 is src)

d = tempfile.mkdtemp()
path = os.path.join(d, 'doc.xml')
with open(path, 'wb') as f:
    f.write(b'<?xml version="1.0" encoding="iso-8859-1"?>\n<doc>caf\xe9<item n="1"/>\n<item n="2"/></doc>')

class H(ContentHandler):
    def setDocumentLocator(self, loc):
        self.loc = loc
    def startDocument(self):
        print('startDocument', self.loc.getLineNumber(), os.path.basename(self.loc.getSystemId() or '-'))
    def startElement(self, name, attrs):
        print('start', name, dict(attrs), self.loc.getLineNumber(), self.loc.getColumnNumber(), os.path.basename(self.loc.getSystemId() or '-'), self.loc.getPublicId())
    def characters(self, data):
        print('chars', repr(data))
    def endDocument(self):
        print('endDocument', self.loc.getLineNumber(), self.loc.getColumnNumber())

parse(path, H())
with open(path, 'rb') as f:
    parse(f, H())
    print('closed after parse', f.closed)
src = InputSource(path)
parse(src, H())
import pathlib
parse(pathlib.Path(path), H())
src = prepare_input_source('doc.xml', os.path.join(d, 'other.xml'))
print(os.path.basename(src.getSystemId()), src.getByteStream() is not None)
src.getByteStream().close()

# incremental with byte chunks split inside multibyte chars
p = make_parser()
h = H(); h.loc = p
p.setContentHandler(h)
data = '<r>héllo wörld</r>'.encode('utf-8')
for i in range(len(data)):
    p.feed(data[i:i+1])
p.close()

# reader reuse and reset
p = make_parser()
class Ev(ContentHandler):
    def startDocument(self): print('SD')
    def endDocument(self): print('ED')
    def startElement(self, n, a): print('SE', n)
p.setContentHandler(Ev())
p.parse(io.BytesIO(b'<one/>'))
p.parse(io.BytesIO(b'<two/>'))
p.feed(b'<three>')
p.reset()
p.feed(b'<four/>')
p.close()
print(p.getLineNumber(), p.getColumnNumber())

# lexical handler
class Lex(handler.LexicalHandler):
    def comment(self, c): print('comment', repr(c))
    def startCDATA(self): print('startCDATA')
    def endCDATA(self): print('endCDATA')
    def startDTD(self, name, pub, sysid): print('startDTD', name, pub, sysid)
    def endDTD(self): print('endDTD')
class Ch(ContentHandler):
    def characters(self, c): print('chars', repr(c))
    def processingInstruction(self, t, d): print('pi', t, repr(d))
p = make_parser()
p.setProperty(handler.property_lexical_handler, Lex())
p.setContentHandler(Ch())
p.parse(io.BytesIO(b'<!DOCTYPE doc SYSTEM "doc.dtd"><doc><!--hi--><![CDATA[<x>]]><?t  a b ?></doc>'))
print(type(p.getProperty(handler.property_lexical_handler)).__name__)

# namespaces with attributes qnames
class NS(ContentHandler):
    def startPrefixMapping(self, p, u): print('map', p, u)
    def endPrefixMapping(self, p): print('unmap', p)
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, sorted(attrs.items(), key=repr), sorted(attrs.getQNames()))
        for k in sorted(attrs.getNames(), key=repr):
            print('   ', k, attrs.getQNameByName(k), attrs.getValueByQName(attrs.getQNameByName(k)))
    def endElementNS(self, name, qname): print('endNS', name, qname)
p = make_parser()
p.setFeature(handler.feature_namespaces, True)
p.setContentHandler(NS())
p.parse(io.StringIO('<a:r xmlns:a="urn:a" xmlns:b="urn:b" a:one="1" b:two="2" three="3" xml:lang="en">'
                    '<a:c xmlns:a="urn:other" a:x="y"/><plain/></a:r>'))
