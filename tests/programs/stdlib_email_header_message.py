# Header objects as Message header values: generation with folding, parsing back, decode_header/make_header.
import email
from email.message import Message
from email.header import Header, decode_header, make_header
from email.mime.text import MIMEText
from email.mime.multipart import MIMEMultipart
m = MIMEMultipart(boundary='XX')
m['Subject'] = Header('caf\xe9 cr\xe8me ' * 8, 'utf-8')
m['To'] = Header('Fran\xe7ois <f@example.com>', 'iso-8859-1')
m['X-Long'] = 'word ' * 30
m['X-Plain'] = Header('plain ascii header value ' * 4, header_name='X-Plain')
t = MIMEText('body \xe9\n', 'plain', 'iso-8859-1')
t.add_header('Content-Disposition', 'attachment', filename=('utf-8', '', 'f\xe9.txt'))
m.attach(t)
s = m.as_string()
print(s)
p = email.message_from_string(s)
print(decode_header(p['Subject']))
print(str(make_header(decode_header(p['Subject']))))
print(str(make_header(decode_header(p['To']))))
print(p.get_payload(0).get_payload(decode=True), p.get_payload(0).get_filename())
print(m.as_string(maxheaderlen=40))
import email.generator, io
f = io.StringIO()
email.generator.Generator(f, maxheaderlen=30).flatten(m)
print(f.getvalue())
