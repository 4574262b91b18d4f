# (Memory addresses in reprs are masked.)
import re, sys
class _AddrFilter:
    def __init__(self, out): self._out = out
    def write(self, text): return self._out.write(re.sub(r'0x[0-9a-f]+', '0xADDR', text))
    def flush(self): self._out.flush()
sys.stdout = _AddrFilter(sys.stdout)
from xml.dom import minidom
import xml.dom
doc = minidom.parseString('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "ent">]>\n<!--top-->\n<?pi top?>\n<r a="1" b="x&quot;&lt;&#10;&#9;&amp;&gt;\'" xmlns:p="urn:p"><p:c p:x="2">t&amp;e&e;</p:c><![CDATA[cd<>&]]><e/>\n  <f>  </f><g><h/>text</g></r>')
print(repr(doc.toxml()))
print(repr(doc.toprettyxml()))
print(repr(doc.toprettyxml(indent='  ', newl='\n', encoding='utf-8')))
print(repr(doc.toxml('latin-1')))
print(repr(doc.toxml(standalone=True)), repr(doc.toxml(standalone=False)))
print([c.nodeType for c in doc.childNodes], doc.doctype, doc.doctype.name, doc.doctype.publicId, doc.doctype.systemId, repr(doc.doctype.internalSubset))
r = doc.documentElement
print(r.childNodes)
for n in r.childNodes: print(repr(n), n.nodeName, repr(n.nodeValue), n.nodeType)
print(r.attributes.items(), r.attributes.keys(), r.attributes.length, r.attributes.item(0), r.attributes['a'].value)
print(r.getAttribute('a'), repr(r.getAttribute('zz')), r.hasAttribute('a'))
c = r.firstChild
print(c.tagName, c.localName, c.prefix, c.namespaceURI, c.attributes.items(), c.getAttributeNS('urn:p', 'x'), c.attributes.itemsNS())
a = c.getAttributeNode('p:x'); print(repr(a), a.name, a.value, a.nodeName, a.nodeValue, a.localName, a.prefix, a.namespaceURI, a.ownerElement is c, a.specified)
print(c.childNodes, [t.data for t in c.childNodes])
print(repr(doc), repr(r), repr(doc.childNodes[1]), repr(doc.childNodes[2]))
print(doc.getElementsByTagName('h'), doc.getElementsByTagNameNS('urn:p', 'c'), doc.getElementsByTagNameNS('*', 'c'), doc.getElementsByTagName('*'))
print(r.firstChild.nextSibling.data, r.lastChild.previousSibling.nodeName, r.parentNode is doc, doc.parentNode, r.ownerDocument is doc, doc.ownerDocument)
