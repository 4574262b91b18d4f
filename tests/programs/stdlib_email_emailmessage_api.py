import email, re
import email.policy as P
from email.message import EmailMessage, MIMEPart, Message

def mask(s):
    return re.sub(r'===============\d+==', '=====MASK=====', s)

m = EmailMessage()
m['Subject'] = 'Test message'
m['From'] = 'a@example.com'
m['To'] = 'b@example.com'
m.set_content('Hello there.\nSecond line.\n')
print(repr(m.as_string()))
print(repr(m.get_content()), m.get_content_type(), m.is_multipart(), m.is_attachment())
m.add_alternative('<p>Hello</p>\n', subtype='html')
print(repr(mask(m.as_string())))
print(m.get_content_type(), [p.get_content_type() for p in m.iter_parts()])
print(m.get_body().get_content_type(), m.get_body(('plain',)).get_content_type(), m.get_body(('xml',)))
m.add_attachment(b'\x00\x01binary data' * 5, maintype='application', subtype='octet-stream', filename='data.bin')
print(repr(mask(m.as_string())))
print([p.get_content_type() for p in m.iter_parts()])
print([a.get_filename() for a in m.iter_attachments()])
att = list(m.iter_attachments())[0]
print(att.is_attachment(), att.get_content(), att.get_content_disposition())
print(m.get_body().get_content_type())
print(repr(m.get_body(('html', 'plain')).get_content()))

t = EmailMessage()
t.set_content('caf\xe9 non ascii\n')
print(repr(t.as_string()), repr(t.get_content()))
t.set_content('x' * 100 + '\n')
print(repr(t.as_string()))
t.set_content('line\n', subtype='html', charset='us-ascii', cte='quoted-printable')
print(repr(t.as_string()))
t.set_content('line\n', cte='base64', disposition='inline', filename='f.txt', cid='<c@d>', params={'format': 'flowed'})
print(repr(t.as_string()), repr(t.get_content()), t.get_filename(), t.is_attachment())
t.set_content('abc\n', cte='7bit', headers=['X-Extra: yes'])
print(repr(t.as_string()))
try:
    t.set_content('abc\n', cte='bogus')
except ValueError as e:
    print(type(e).__name__, e)
t.set_content(b'\x89PNG data', 'image', 'png')
print(repr(t.as_string()), t.get_content())
t.set_content(b'abc', 'application', 'x-thing', cte='quoted-printable')
print(repr(t.as_string()))
t.set_content(b'abc', 'application', 'x-thing', cte='7bit')
print(repr(t.as_string()))
inner = EmailMessage(); inner['Subject'] = 'inner'; inner.set_content('inner body\n')
t.set_content(inner)
print(repr(t.as_string()), type(t.get_content()).__name__)

mp = EmailMessage()
mp.make_mixed()
print(repr(mask(mp.as_string())), mp.get_payload())
try:
    mp.make_alternative()
except ValueError as e:
    print(type(e).__name__, e)
try:
    mp.set_content('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    mp.get_content()
except KeyError as e:
    print(type(e).__name__, e)

r = EmailMessage()
r['To'] = 'x@y'
r.set_content('body\n')
r.make_related(boundary='REL')
print(repr(r.as_string()))
r.add_related(b'img', 'image', 'gif', cid='<img1>')
print(repr(r.as_string()))
print([p.get_content_type() for p in r.iter_attachments()])
r.set_param('start', '<img1>')
print([p.get_content_type() for p in r.iter_attachments()])
print(r.get_body())
r.clear_content()
print(r.items(), r.get_payload())
r.clear()
print(r.items(), r.get_payload())

part = MIMEPart()
print(type(part.policy).__name__, part.items())
part['Content-Type'] = 'text/plain'
part.set_payload('abc\n')
print(repr(part.as_string()), repr(str(part)))

src = """Content-Type: multipart/mixed; boundary=X
Subject: parsed

--X
Content-Type: multipart/alternative; boundary=Y

--Y
Content-Type: text/plain

plain body
--Y
Content-Type: text/html

<b>html</b>
--Y--
--X
Content-Type: text/plain
Content-Disposition: attachment; filename=notes.txt

attached text
--X
Content-Type: application/pdf; name=doc.pdf
Content-Transfer-Encoding: base64

JVBERi0=
--X--
"""
pm = email.message_from_string(src, policy=P.default)
print(type(pm).__name__, pm.get_body().get_content_type(), repr(pm.get_body(('plain',)).get_content()))
print([(a.get_content_type(), a.get_filename()) for a in pm.iter_attachments()])
print([a.get_content() for a in pm.iter_attachments()])
print(repr(pm.as_string()) == repr(src), pm.get_body(('html','plain')).get_content())
