# (Memory addresses in reprs are masked.)
import re, sys
class _AddrFilter:
    def __init__(self, out): self._out = out
    def write(self, text): return self._out.write(re.sub(r'0x[0-9a-f]+', '0xADDR', text))
    def flush(self): self._out.flush()
sys.stdout = _AddrFilter(sys.stdout)
from xml.dom import minidom
import xml.dom
d = minidom.parseString('<!DOCTYPE html PUBLIC "p" "s"><html><body/></html>')
print(repr(d.toprettyxml()), repr(d.toprettyxml(indent='', newl='')))
d = minidom.parseString('<!DOCTYPE a SYSTEM "s" [<!ENTITY x "y">]><a/>')
print(repr(d.toprettyxml()))
d = minidom.Document()
t = d.createTextNode('0123456789abc'); print(repr(t), repr(d.createTextNode('short')), repr(d.createComment('x'*12)), repr(d.createCDATASection('abc')))
print(t.substringData(2, 3), t.length)
for f in [lambda: t.substringData(-1, 2), lambda: t.substringData(99, 1), lambda: t.substringData(1, -1), lambda: t.insertData(-1, 'x'), lambda: t.insertData(99, 'x'), lambda: t.deleteData(-1, 1), lambda: t.deleteData(99, 1), lambda: t.deleteData(1, -2), lambda: t.replaceData(-1, 1, 'x'), lambda: t.replaceData(99, 1, 'x'), lambda: t.replaceData(1, -1, 'x'), lambda: t.splitText(-1), lambda: t.splitText(99)]:
    try: f(); print('ok', t.data)
    except Exception as e: print(type(e).__name__, e)
t.appendData('++'); t.insertData(0, '--'); t.deleteData(1, 2); t.replaceData(0, 2, 'R'); print(t.data)
e = d.createElement('p'); e.appendChild(t); t2 = t.splitText(4); print(repr(t.data), repr(t2.data), len(e.childNodes), t.wholeText)
for f in [lambda: t.insertBefore(d.createElement('x'), None), lambda: t.removeChild(t), lambda: t.replaceChild(t, t), lambda: t.appendChild(t), lambda: d.createComment('c').appendChild(t)]:
    try: f()
    except Exception as ex: print(type(ex).__name__, ex)
for f in [lambda: e.insertBefore(d.createElement('x'), d.createElement('notchild')), lambda: e.replaceChild(d.createElement('x'), d.createElement('nc')), lambda: e.appendChild(d), lambda: e.appendChild(d.createAttribute('a')), lambda: d.appendChild(d.createTextNode('x')), lambda: e.insertBefore(e, None)]:
    try: f(); print('ok')
    except Exception as ex: print(type(ex).__name__, ex)
impl = minidom.getDOMImplementation()
for args in [('urn', 'x', None), (None, 'p:x', None), ('urn', None, None), ('http://other', 'xml:x', None), ('urn:a', 'a:b:c', None)]:
    try: doc = impl.createDocument(*args); print('ok', repr(doc.toxml()))
    except Exception as ex: print(type(ex).__name__, ex)
el = d.createElement('w')
el.appendChild(d.createTextNode('only'))
print(repr(el.toprettyxml()))
el.appendChild(d.createTextNode('two'))
print(repr(el.toprettyxml()))
el = d.createElement('w'); el.appendChild(d.createCDATASection('only')); print(repr(el.toprettyxml()))
el = d.createElement('w'); el.appendChild(d.createElement('x')); el.firstChild.appendChild(d.createElement('y')); print(repr(el.toprettyxml()))
el = d.createElement('w'); el.appendChild(d.createTextNode('')); print(repr(el.toprettyxml()), repr(el.toxml()))
print(repr(d.createElement('q').toprettyxml(encoding='utf-16')))
d2 = minidom.parseString('<a>\n  <b>x</b>\n  <c>\n    <d/>\n  </c>\n</a>')
print(repr(d2.toprettyxml(indent='  ')))
print(repr(d2.documentElement.toprettyxml(indent='  ')))
print(d2.documentElement.childNodes.length, d2.documentElement.childNodes.item(1), d2.documentElement.childNodes.item(50))
import io
s = io.StringIO(); d2.writexml(s, indent='>', addindent='+', newl='~'); print(repr(s.getvalue()))
s = io.StringIO(); d2.writexml(s, encoding='ascii', standalone=True); print(repr(s.getvalue()))
s = io.StringIO(); d2.documentElement.writexml(s, '', '', ''); print(repr(s.getvalue()))
print(repr(d2.toxml(encoding='utf-8', standalone=False)))
print(minidom.parseString('<a>é€</a>').toxml('ascii'))
