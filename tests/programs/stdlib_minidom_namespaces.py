# (Memory addresses in reprs are masked.)
import re, sys
class _AddrFilter:
    def __init__(self, out): self._out = out
    def write(self, text): return self._out.write(re.sub(r'0x[0-9a-f]+', '0xADDR', text))
    def flush(self): self._out.flush()
sys.stdout = _AddrFilter(sys.stdout)
from xml.dom import minidom
doc = minidom.parseString('<r a="1" xmlns:p="urn:p" b="2" xmlns="urn:d" p:z="3" xml:lang="en"><x>a<![CDATA[b]]>c<!--m-->d&amp;e<?p q?></x><p:y/></r>')
r = doc.documentElement
for a in r.attributes.values():
    print(a.name, a.value, a.namespaceURI, a.prefix, a.localName, a.nodeName)
print(r.namespaceURI, r.prefix, r.localName, r.tagName)
for n in r.firstChild.childNodes: print(repr(n), n.nodeName)
y = r.lastChild; print(y.namespaceURI, y.prefix, y.localName, y.tagName)
print(r.attributes.keysNS(), list(r.attributes.itemsNS()))

doc = minidom.parseString(b'<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>')
print(doc.version, doc.encoding, doc.standalone, repr(doc.toxml()))
doc = minidom.parseString('<a/>')
print(doc.version, doc.encoding, doc.standalone, repr(doc.toxml()))
doc = minidom.parseString('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>')
print(repr(doc.toxml()), doc.doctype.publicId, doc.doctype.systemId, repr(doc.doctype.internalSubset), doc.doctype.nodeName, doc.doctype.entities.length, doc.doctype.notations.length)
doc = minidom.parseString('<!DOCTYPE a SYSTEM "a.dtd"><a/>')
print(repr(doc.toxml()))
doc = minidom.parseString('<!DOCTYPE a [\n<!ELEMENT a (#PCDATA)>\n<!ATTLIST a x CDATA "dflt">\n<!ENTITY foo "bar">\n<!NOTATION n SYSTEM "s">\n]><a>&foo;</a>')
print(repr(doc.toxml()), doc.doctype.entities.length, doc.doctype.notations.length, doc.documentElement.getAttribute('x'))
for e in doc.doctype.entities.values() if hasattr(doc.doctype.entities, 'values') else []: print(e)
doc = minidom.parseString('<a>\r\n x \r y</a>'); print(repr(doc.documentElement.firstChild.data))
try: minidom.parseString('<a><b></a>')
except Exception as e: print(type(e), e)
try: minidom.parseString('<p:a/>')
except Exception as e: print(type(e), e)
