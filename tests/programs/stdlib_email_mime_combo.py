import re, email
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.base import MIMEBase
from email.mime.nonmultipart import MIMENonMultipart
from email import encoders
from email.header import Header
from email.utils import formataddr

def mask(s):
    return re.sub(r'===============\d+==', '=====B=====', s)

outer = MIMEMultipart()
outer['Subject'] = 'Mixed message'
outer['From'] = formataddr(('Sender Name', 'sender@example.com'))
outer['To'] = 'a@example.com, b@example.com'
outer.preamble = 'You will not see this in a MIME-aware mail reader.\n'
outer.attach(MIMEText('plain text body\nline 2\n'))
outer.attach(MIMEText('<p>caf\xe9</p>', 'html', 'utf-8'))
outer.attach(MIMEText('latin text \xe9', 'plain', 'iso-8859-1'))
app = MIMEApplication(b'\x00\x01\x02binary' * 20, Name='data.bin')
app.add_header('Content-Disposition', 'attachment', filename='data.bin')
outer.attach(app)
base = MIMEBase('application', 'x-custom')
base.set_payload(b'custom payload')
encoders.encode_base64(base)
outer.attach(base)
inner = MIMEText('inner message body')
inner['Subject'] = 'inner'
outer.attach(MIMEMessage(inner))
s = outer.as_string()
print(mask(s))
b = outer.as_bytes()
print(mask(b.decode('ascii')) == mask(s))
back = email.message_from_string(s)
print([p.get_content_type() for p in back.walk()])
print([p.get_content_charset() for p in back.walk()])
print(repr(back.get_payload(1).get_payload(decode=True)), repr(back.get_payload(2).get_payload(decode=True)))
print(repr(back.get_payload(3).get_payload(decode=True)[:12]), back.get_payload(3).get_filename())
print(back.get_payload(5).get_payload(0)['subject'])
print(mask(back.as_string()) == mask(s))
m = MIMEText('x' * 100 + '\n' + 'caf\xe9 ' * 30, 'plain', 'utf-8')
m['Subject'] = Header('Un sujet tr\xe8s long qui doit \xeatre pli\xe9 sur plusieurs lignes ' * 2, 'utf-8')
print(m.as_string())
print(str(m))
