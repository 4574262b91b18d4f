# email.mime.*: MIMEText/MIMEMultipart/MIMEApplication/MIMEImage/MIMEAudio/MIMEMessage/MIMEBase output.
import re
from email.mime.base import MIMEBase
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.audio import MIMEAudio
from email.mime.message import MIMEMessage
from email.message import Message
from email.charset import Charset
from email import encoders, errors
import email.mime


def show(m, title):
    print('====', title, type(m).__name__)
    print(m.as_string())
    print(m.items())
    print(m.get_content_type(), m.get_content_charset(), m.is_multipart(), m.get_default_type())


show(MIMEText('hello world\n'), 'ascii text')
show(MIMEText('h\xe9llo w\xf6rld\n'), 'utf-8 text')
show(MIMEText('h\xe9llo w\xf6rld\n', 'html', 'iso-8859-1'), 'latin-1 html')
show(MIMEText('h\xe9llo\n', 'plain', 'latin_1'), 'latin_1 alias')
show(MIMEText('hello\n', _charset='utf-8'), 'ascii as utf-8')
show(MIMEText('hello\n', _charset=Charset('utf-8')), 'Charset object')
show(MIMEText('x' * 100 + ' \n', _charset='iso-8859-1'), 'long qp line')
show(MIMEText('\u20ac uro\n', 'plain', 'windows-1252'), 'windows-1252')
show(MIMEText('', 'plain'), 'empty')
show(MIMEText('plain\n', 'x-custom', 'us-ascii'), 'custom subtype')
t = MIMEText('abc')
print(t.get_payload(), t.get_payload(decode=True), t['Content-Transfer-Encoding'], t.get_charset())
t = MIMEText('\xe9t\xe9')
print(t.get_payload(), t.get_payload(decode=True), t['Content-Transfer-Encoding'], t.get_charset())

mp = MIMEMultipart(boundary='===BOUNDARY===')
mp['Subject'] = 'test message'
mp['From'] = 'a@example.com'
mp.attach(MIMEText('part one\n'))
mp.attach(MIMEApplication(b'\x00\x01\x02binary data' * 10))
mp.attach(MIMEApplication(b'abc', 'x-custom', encoders.encode_7or8bit))
mp.attach(MIMEApplication(b'a\xffb \n', 'x-qp', encoders.encode_quopri))
mp.attach(MIMEApplication(b'raw', 'x-noop', encoders.encode_noop, name='raw.bin'))
mp.attach(MIMEImage(b'\x89PNG\r\n\x1a\n' + bytes(range(40))))
mp.attach(MIMEImage(b'GIF89a' + b'\x00' * 30, name='pic.gif'))
mp.attach(MIMEAudio(b'.snd' + b'\x00' * 30))
show(mp, 'multipart')
print(len(mp.get_payload()), [p.get_content_type() for p in mp.walk()])

alt = MIMEMultipart('alternative', 'B', [MIMEText('a'), MIMEText('<b>b</b>', 'html')], report_type='x')
show(alt, 'alternative with subparts and params')
empty = MIMEMultipart(boundary='E')
show(empty, 'empty multipart')
print(empty.get_payload(), empty.get_boundary())
nb = MIMEMultipart('related', type='text/html')
print(nb.get_boundary(), nb['Content-Type'], nb.get_payload())
s = nb.as_string()
print(re.sub(r'=+\d+==', 'BOUNDARY', s))

inner = MIMEText('inner body\n')
inner['Subject'] = 'inner'
mm = MIMEMessage(inner)
show(mm, 'message/rfc822')
print(mm.get_payload(0) is inner, len(mm.get_payload()), mm.is_multipart())
mm2 = MIMEMessage(Message(), 'delivery-status')
show(mm2, 'message/delivery-status')

b = MIMEBase('application', 'x-foo', name='my file.bin', size='3')
b.set_payload(b'abc \xff\n')
encoders.encode_base64(b)
show(b, 'MIMEBase base64')
b = MIMEBase('text', 'plain', charset='latin-1')
b.set_payload('abc \xe9 = x \t\nline two  \n'.encode('latin-1'))
encoders.encode_quopri(b)
show(b, 'MIMEBase quopri')
for data in [b'abc', b'abc\xe9', b'']:
    b = MIMEBase('application', 'octet-stream')
    b.set_payload(data)
    encoders.encode_7or8bit(b)
    encoders.encode_noop(b)
    show(b, '7or8bit %r' % data)
m = MIMEMultipart(boundary='Z')
encoders.encode_7or8bit(m)
print(m['Content-Transfer-Encoding'])

for f in [lambda: MIMEText('x').attach(MIMEText('y')),
          lambda: MIMEApplication(b'x').attach(Message()),
          lambda: MIMEMessage(inner).attach(inner),
          lambda: MIMENonMultipart('text', 'plain').attach('x'),
          lambda: MIMEImage(b'not an image'),
          lambda: MIMEAudio(b'not audio'),
          lambda: MIMEApplication(b'x', None),
          lambda: MIMEMessage('not a message'),
          lambda: MIMEMessage(None),
          lambda: MIMEText(b'bytes are not text')]:
    try:
        r = f()
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, errors.MessageError))
print(issubclass(errors.MultipartConversionError, TypeError))


class MyText(MIMEText):
    def __init__(self, text):
        super().__init__(text, 'markdown')
        self['X-Mine'] = 'yes'


show(MyText('# title\n'), 'subclass')
print(isinstance(MyText('x'), MIMENonMultipart), isinstance(mp, MIMEBase), MIMEBase.__mro__[1].__name__)
print(MIMEBase.__module__, MIMEText.__module__, MIMEMultipart.__module__, MIMEImage.__module__)
b = MIMEBase('multipart', 'mixed')
b.attach(MIMEText('x'))
b.set_boundary('Q')
show(b, 'MIMEBase multipart')
