# (Memory addresses in reprs are masked.)
import re, sys
class _AddrFilter:
    def __init__(self, out): self._out = out
    def write(self, text): return self._out.write(re.sub(r'0x[0-9a-f]+', '0xADDR', text))
    def flush(self): self._out.flush()
sys.stdout = _AddrFilter(sys.stdout)
import os
import io, tempfile
from xml.dom import minidom
import xml.dom
from xml.parsers.expat import ExpatError

# non-ASCII text before an internal subset, str and bytes input
src = '<?xml version="1.0" encoding="utf-8"?><!-- é€ --><!DOCTYPE d [<!ENTITY w "wörld">]><d>&w; ü</d>'
for data in (src, src.encode('utf-8')):
    d = minidom.parseString(data)
    print(repr(d.doctype.internalSubset), repr(d.documentElement.firstChild.data), repr(d.toxml()))
d = minidom.parseString('<?xml version="1.0" encoding="iso-8859-1"?><!DOCTYPE d [ <!ENTITY w "w\xf6rld"> ]  ><d>&w;</d>'.encode('latin-1'))
print(repr(d.doctype.internalSubset), repr(d.documentElement.firstChild.data), d.encoding)

# errors
for bad in ['<a><b></a>', '', '<a>', '<a/><b/>', '<p:a/>', '<a p:x="1"/>', '<a>&nope;</a>', '<a x="1" x="2"/>', '<a>\n<b>\n<q:c/></b></a>']:
    try:
        minidom.parseString(bad)
        print('parsed', repr(bad))
    except ExpatError as e:
        print(repr(bad), 'ExpatError', e, e.code, e.lineno, e.offset)

# parse from files
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'f.xml')
with open(path, 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0"?>\n<list>\n  <item id="1">One</item>\n  <item id="2">Two &amp; more</item>\n</list>\n')
d = minidom.parse(path)
print([ (i.getAttribute('id'), i.firstChild.data) for i in d.getElementsByTagName('item')])
with open(path, 'rb') as f:
    d2 = minidom.parse(f)
print(d2.toxml() == d.toxml(), repr(d2.toprettyxml(indent='  ')))

# mixed content and CDATA merging
d = minidom.parseString('<a>one<![CDATA[two]]><![CDATA[]]>three&#65;&#x42;<b>x</b>tail</a>')
print([(n.nodeName, getattr(n, 'data', None)) for n in d.documentElement.childNodes])
print(repr(d.documentElement.toprettyxml()))
d.documentElement.normalize()
print(len(d.documentElement.childNodes))

# whitespace-only pretty print and nested structure
d = minidom.parseString('<root><a><b><c>deep</c></b></a><empty></empty><mixed>t<i>i</i>t2</mixed><!-- note --><?proc inst?></root>')
print(d.toprettyxml())
print(d.toprettyxml(indent=' ', newl='\r\n'))
print(d.documentElement.toxml())
print(repr(d.getElementsByTagName('c')[0].toprettyxml()))

# cloning parsed trees
root = d.documentElement
c = root.cloneNode(True)
print(c.toxml() == root.toxml(), c.parentNode, c.ownerDocument is d, len(c.childNodes))
print(root.cloneNode(False).toxml())
dc = d.cloneNode(True)
print(dc.toxml() == d.toxml(), dc.documentElement is not root)

# moving nodes between parents
a = root.getElementsByTagName('a')[0]
m = root.getElementsByTagName('mixed')[0]
m.appendChild(a)
print(root.toxml())
root.insertBefore(a, root.firstChild)
print(root.toxml())
print(a.previousSibling, a.nextSibling.tagName, root.firstChild is a)
root.removeChild(a)
print(a.parentNode, a.nextSibling, a.previousSibling, root.firstChild.tagName)

# namespaces API
d = minidom.parseString('<r xmlns="urn:d" xmlns:x="urn:x"><x:a x:attr="1" attr="2"/><b/><x:a/></r>')
print([e.tagName for e in d.getElementsByTagNameNS('urn:x', 'a')], [e.tagName for e in d.getElementsByTagNameNS('urn:d', '*')], [e.tagName for e in d.getElementsByTagNameNS('*', '*')])
a = d.getElementsByTagNameNS('urn:x', 'a')[0]
print(a.getAttributeNS('urn:x', 'attr'), a.getAttributeNS(None, 'attr'), a.getAttribute('x:attr'), a.hasAttributeNS('urn:x', 'attr'), a.getAttributeNodeNS('urn:x', 'attr').name)
print(sorted(a.attributes.keysNS(), key=repr))

# unlink
d = minidom.parseString('<a><b/><c/></a>')
b = d.documentElement.firstChild
d.unlink()
print(d.childNodes, b.parentNode)
doc = minidom.Document()
el = doc.appendChild(doc.createElement('x'))
print(el is doc.documentElement, doc.removeChild(el) is el, doc.documentElement)
print(doc.appendChild(doc.createComment('c')).data, doc.toxml())
d = minidom.parseString('<a><![CDATA[x]]><![CDATA[y]]>z<![CDATA[]]>w</a>')
print([(n.nodeName, n.data) for n in d.documentElement.childNodes])
