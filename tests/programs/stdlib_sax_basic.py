import io, sys
from xml.sax.saxutils import *
from xml.sax import parseString, ContentHandler, make_parser
from xml.sax.handler import feature_namespaces
print(escape('a<b>&c"d\'', {'"': '&quot;'}), unescape('&lt;&gt;&amp;&quot;', {'&quot;': '"'}), quoteattr('a"b'), quoteattr("a\"b'c"), quoteattr("a'b"), quoteattr('x\ny\tz\r'))
out = io.StringIO()
g = XMLGenerator(out, short_empty_elements=True)
g.startDocument()
g.startPrefixMapping('p', 'urn:p')
g.startElementNS(('urn:p', 'root'), 'p:root', {('urn:p','a'): '1', (None, 'b'): '<2>'})
g.startElement('e', {})
g.endElement('e')
g.characters('x<&>"')
g.ignorableWhitespace(' \n')
g.processingInstruction('t', 'd')
g.startElementNS((None, 'plain'), 'plain', {})
g.endElementNS((None, 'plain'), 'plain')
g.endElementNS(('urn:p', 'root'), 'p:root')
g.endPrefixMapping('p')
g.endDocument()
print(out.getvalue())
b = io.BytesIO()
g = XMLGenerator(b, 'latin-1')
g.startDocument(); g.startElement('a', {'x': 'é"'}); g.characters('é€'); g.endElement('a'); g.endDocument()
print(b.getvalue())
class H(ContentHandler):
    def setDocumentLocator(self, loc): self.loc = loc
    def startElement(self, n, a): print('SE', n, sorted(a.items()), *((self.loc.getLineNumber(), self.loc.getColumnNumber()) if hasattr(self, 'loc') else ()))
    def endElement(self, n): print('EE', n)
    def characters(self, c): print('CH', repr(c))
    def startDocument(self): print('SD')
    def endDocument(self): print('ED')
    def processingInstruction(self, t, d): print('PI', t, d)
    def startPrefixMapping(self, p, u): print('SPM', p, u)
    def endPrefixMapping(self, p): print('EPM', p)
    def startElementNS(self, n, q, a): print('SENS', n, q, sorted(a.items(), key=repr), a.getQNames(), a.getNames())
    def endElementNS(self, n, q): print('EENS', n, q)
parseString(b'<?xml version="1.0"?>\n<r a="1">\n  <c>t&amp;x</c><?pi data?>\n</r>', H())
p = make_parser(); p.setFeature(feature_namespaces, True); p.setContentHandler(H())
import io
from xml.sax.xmlreader import InputSource
src = InputSource(); src.setByteStream(io.BytesIO(b'<r xmlns="urn:a" xmlns:b="urn:b" x="1" b:y="2"><b:c/></r>'))
p.parse(src)
from xml.sax.handler import feature_namespace_prefixes
p = make_parser()
print(p.getFeature(feature_namespaces), p.getFeature(feature_namespace_prefixes))
for f in ['http://xml.org/sax/features/string-interning', 'http://xml.org/sax/features/validation','http://xml.org/sax/features/external-general-entities','http://xml.org/sax/features/external-parameter-entities', 'http://xml.org/sax/properties/lexical-handler']:
    try: print(p.getFeature(f))
    except Exception as e: print(type(e).__name__, e)
for pr in ['http://xml.org/sax/properties/lexical-handler', 'http://www.python.org/sax/properties/interning-dict', 'http://xml.org/sax/properties/xml-string', 'foo']:
    try: print(repr(p.getProperty(pr))[:20])
    except Exception as e: print(type(e).__name__, e)
try: p.setFeature('http://xml.org/sax/features/validation', True)
except Exception as e: print(type(e).__name__, e)
try: p.setFeature('foo', True)
except Exception as e: print(type(e).__name__, e)
p.setContentHandler(H())
p.feed('<a>x'); p.feed('y</a>'); p.close()
try:
    p.feed('<b/>')
except Exception as e: print(type(e).__name__, e)
p.reset(); p.feed('<q/>'); p.close()
