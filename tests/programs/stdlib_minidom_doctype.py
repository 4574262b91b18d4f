# (Memory addresses in reprs are masked.)
import re, sys
class _AddrFilter:
    def __init__(self, out): self._out = out
    def write(self, text): return self._out.write(re.sub(r'0x[0-9a-f]+', '0xADDR', text))
    def flush(self): self._out.flush()
sys.stdout = _AddrFilter(sys.stdout)
from xml.dom import minidom
d = minidom.parseString('<?xml version="1.0" standalone="no"?><!DOCTYPE a [<!-- c --><?p x?><!ENTITY e1 "v1"><!ENTITY % pe "x"><!ENTITY e2 SYSTEM "s2"><!ENTITY e3 PUBLIC "p3" "s3" NDATA n><!NOTATION n PUBLIC "np"><!NOTATION m SYSTEM "ms">]><!--after--><a>&e1;</a><!--end-->')
print(d.standalone, d.childNodes, [n.nodeName for n in d.childNodes])
dt = d.doctype
print(dt.entities.length, dt.notations.length, type(dt.entities).__name__)
for i in range(dt.entities.length):
    e = dt.entities.item(i); print(e.nodeName, e.nodeType, e.publicId, e.systemId, e.notationName, [c.data for c in e.childNodes], e.nodeValue, e.actualEncoding, e.encoding, e.version)
for i in range(dt.notations.length):
    n = dt.notations.item(i); print(n.nodeName, n.nodeType, n.publicId, n.systemId)
print(dt.entities.getNamedItem('e1').nodeName, dt.entities.getNamedItem('zz'), dt.entities['e2'].systemId if hasattr(dt.entities, '__getitem__') else '')
print(repr(dt.internalSubset), dt.nodeType, dt.nodeName, dt.nodeValue, dt.childNodes)
print(repr(d.toxml()))
d = minidom.parseString('<a xmlns="urn:d"><b xmlns=""><c/></b><p:x xmlns:p="urn:p"><p:y xmlns:p="urn:q"/></p:x></a>')
for e in d.getElementsByTagName('*'): print(e.tagName, e.namespaceURI, e.prefix, e.localName, e.attributes.items())
print(repr(d.toxml()))
import io
d = minidom.parse(io.BytesIO(b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'))
print(d.encoding, d.documentElement.firstChild.data, repr(d.toxml()), d.toxml('utf-8'))
d = minidom.parseString('<a>  <b/>\n</a>'); print([repr(n.data) if n.nodeType==3 else n.tagName for n in d.documentElement.childNodes])
print(d.documentElement.firstChild.isWhitespaceInElementContent)
