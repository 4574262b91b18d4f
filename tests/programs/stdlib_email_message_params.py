from email.message import Message
import email.errors

def show(m):
    print(m.items())

m = Message()
m.set_param('charset', 'utf-8')
show(m)
m.set_param('format', 'flowed')
show(m)
m.set_param('CHARSET', 'iso-8859-1')
show(m)
m.set_param('title', 'café')
show(m)
m.set_param('title', 'x y', charset='us-ascii', language='en')
show(m)
m.set_param('q', 'a b', requote=False)
show(m)
m.set_param('r', 'ab', requote=False)
show(m)
m.del_param('format')
show(m)
m.del_param('nothing')
show(m)
m.del_param('x', header='not-present')
show(m)
m.set_param('x', 'y', header='X-Other')
show(m)
m.set_param('x', 'z', header='X-Other', replace=True)
m['X-A'] = '1'
m.set_param('filename', 'f.txt', header='X-Other', replace=True)
show(m)
m.set_param('x', 'w', header='X-Other')
show(m)
m.set_type('text/html')
show(m)
m.set_type('Multipart/Alternative', header='X-Other')
show(m)
try:
    m.set_type('bad')
except ValueError as e:
    print(type(e).__name__, repr(str(e)))
m2 = Message()
m2.set_type('image/png')
show(m2)

m3 = Message()
try:
    m3.set_boundary('abc')
except email.errors.HeaderParseError as e:
    print(type(e).__name__, e)
m3['Content-Type'] = 'multipart/mixed'
m3['X'] = 'y'
m3.set_boundary('abc')
show(m3)
m3.set_boundary('def ghi')
show(m3)
print(repr(m3.get_boundary()))
m3.replace_header('Content-Type', 'multipart/mixed; Boundary=old; charset; x="1"')
m3.set_boundary('new')
show(m3)

m4 = Message()
m4['Content-Type'] = 'text/plain; charset="us-ascii"'
m4.del_param('charset')
show(m4)
m4.set_param('a', '')
show(m4)
m4.set_param('b', 'has"quote')
show(m4)
print(m4.get_params())
m5 = Message()
m5['Content-Type'] = 'text/plain; a=1; b=2'
m5.set_param('a', '3', requote=False)
show(m5)
m5.set_param('c', ('utf-8', '', 'é'))
show(m5)
print(m5.get_params())
print(m5.get_param('c'))
