import io, sys
from xml.sax import saxutils
from xml.sax.saxutils import escape, unescape, quoteattr, XMLGenerator, XMLFilterBase
from xml.sax.xmlreader import AttributesImpl, AttributesNSImpl
from xml.sax import make_parser, parseString, handler

for s in ['', 'plain', 'a<b', 'a>b', 'a&b', '&lt;', '"q"', "'", 'a\nb\tc\rd', 'é€']:
    print(repr(escape(s)), repr(unescape(s)), repr(quoteattr(s)))
print(escape('abc', {'b': 'B', 'c': '&c;'}))
print(unescape('&amp;lt; &lt; &gt; &amp; &x;', {'&x;': 'X'}))
print(quoteattr('x"y\'z', {'z': '&zed;'}))
print(quoteattr('x\ny', {'\n': '<nl>'}))

def gen(**kw):
    out = io.StringIO()
    g = XMLGenerator(out, **kw)
    return out, g

for short in (False, True):
    out, g = gen(short_empty_elements=short)
    g.startDocument()
    g.startElement('doc', AttributesImpl({'a': '1', 'b': 'x"y'}))
    g.startElement('empty', AttributesImpl({}))
    g.endElement('empty')
    g.startElement('e2', {})
    g.characters('')
    g.endElement('e2')
    g.startElement('t', {})
    g.characters('text & more')
    g.endElement('t')
    g.startElement('w', {})
    g.ignorableWhitespace('  ')
    g.endElement('w')
    g.startElement('p', {})
    g.processingInstruction('target', 'some data')
    g.endElement('p')
    g.endElement('doc')
    g.endDocument()
    print(out.getvalue())

# namespaces
out, g = gen(short_empty_elements=True)
g.startDocument()
g.startPrefixMapping(None, 'urn:default')
g.startPrefixMapping('a', 'urn:a')
g.startElementNS(('urn:default', 'root'), 'root', AttributesNSImpl({('urn:a', 'x'): 'v', (None, 'y'): 'w'}, {}))
g.startElementNS(('urn:a', 'child'), 'a:child', {})
g.endElementNS(('urn:a', 'child'), 'a:child')
g.startElementNS(('http://www.w3.org/XML/1998/namespace', 'lang'), None, {('http://www.w3.org/XML/1998/namespace', 'space'): 'preserve'})
g.endElementNS(('http://www.w3.org/XML/1998/namespace', 'lang'), None)
g.startPrefixMapping('b', 'urn:b')
g.startElementNS(('urn:b', 'inner'), None, {})
g.characters('x')
g.endElementNS(('urn:b', 'inner'), None)
g.endPrefixMapping('b')
g.endElementNS(('urn:default', 'root'), 'root')
g.endPrefixMapping('a')
g.endPrefixMapping(None)
g.endDocument()
print(out.getvalue())

# bytes outputs in several encodings
for enc in ['utf-8', 'latin-1', 'ascii', 'utf-16']:
    b = io.BytesIO()
    g = XMLGenerator(b, enc)
    g.startDocument()
    g.startElement('a', {'x': 'é€'})
    g.characters('é€ñ')
    if enc != 'utf-16': g.characters(b'bytes')
    g.endElement('a')
    g.endDocument()
    print(enc, b.getvalue())

# an arbitrary object with write()
class W:
    def __init__(self): self.parts = []
    def write(self, x): self.parts.append(x)
w = W()
g = XMLGenerator(w, 'utf-8')
g.startElement('q', {}); g.characters('ü'); g.endElement('q'); g.endDocument()
print(b''.join(w.parts))

# round trip through the parser
out = io.StringIO()
parseString(b'<?xml version="1.0"?><doc a="1&amp;2"><x>t&lt;</x><!-- c --><y/><?pi  d ?></doc>', XMLGenerator(out))
print(out.getvalue())
out = io.StringIO()
parseString('<doc><e></e><f>t</f></doc>', XMLGenerator(out, short_empty_elements=True))
print(out.getvalue())

# namespaces round trip
out = io.StringIO()
p = make_parser()
p.setFeature(handler.feature_namespaces, 1)
p.setContentHandler(XMLGenerator(out, 'utf-8', True))
p.feed('<r xmlns="urn:r" xmlns:p="urn:p"><p:c p:at="1" plain="2"/><d xmlns:q="urn:q"><q:e/></d></r>')
p.close()
print(out.getvalue())

# XMLFilterBase
class Upper(XMLFilterBase):
    def characters(self, content):
        super().characters(content.upper())
    def startElement(self, name, attrs):
        super().startElement(name.upper(), attrs)
    def endElement(self, name):
        super().endElement(name.upper())
out = io.StringIO()
f = Upper(make_parser())
f.setContentHandler(XMLGenerator(out))
f.parse(io.BytesIO(b'<a x="1">hello<b>world</b></a>'))
print(out.getvalue())
print(f.getFeature(handler.feature_namespaces), f.getParent() is not None)
f.setFeature(handler.feature_namespaces, True)
print(f.getFeature(handler.feature_namespaces))
print(f.resolveEntity('pub', 'sys'))
try:
    f.setLocale('fr')
except Exception as e:
    print(type(e).__name__, e)
