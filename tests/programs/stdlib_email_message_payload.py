from email.message import Message
from email import message_from_string, message_from_bytes

def t(cte, payload, **kw):
    m = Message()
    if cte:
        m['Content-Transfer-Encoding'] = cte
    m.set_payload(payload)
    try:
        r = m.get_payload(decode=True)
    except Exception as e:
        r = (type(e).__name__, str(e))
    print(repr(cte), repr(r), [type(d).__name__ for d in m.defects], repr(m.get_payload()))

t(None, 'hello\n')
t('7bit', 'hello\n')
t('8bit', 'caf\xe9\n')
t('quoted-printable', 'caf=C3=A9=\n line\n')
t('Quoted-Printable', 'a=3Db\n')
t('base64', 'aGVsbG8gd29ybGQ=\n')
t('BASE64', 'aGVs\nbG8g\nd29y\nbGQ=\n')
t('base64', 'aGVsbG8gd29ybGQ')
t('base64', 'aGVsbG8gd29ybG')
t('base64', 'aGVs!bG8gd29ybGQ=')
t('base64', 'aGVsbG8gd29ybGQ=garbage!')
t('base64', 'a')
t('base64', 'aGVsb')
t('base64', '')
t('x-uuencode', 'begin 644 file.txt\n+:&5L;&\\@=V]R;&0*\n`\nend\n')
t('uuencode', 'begin 644 file.txt\n%:&5L;&\\`\n`\nend\n')
t('uue', 'no begin line\n')
t('x-uue', 'begin abc x\nbegin 600 y\n#86)C\n`\nend\n')
t('x-uuencode', 'begin 644 f\n#86)C\n')
t('x-uuencode', 'begin 644 f\n#86)C\n\nend\n')
t('bogus', 'plain\n')
t(None, b'raw bytes \xff\n')
t('8bit', b'raw bytes \xff\n')
t('quoted-printable', b'x=41\xe9\n')

m = Message()
print(m.get_payload(), m.get_payload(decode=True))
m.set_payload(b'\xe9t\xe9\n')
print(repr(m.get_payload()))
m['Content-Type'] = 'text/plain; charset=latin-1'
print(repr(m.get_payload()))
m.replace_header('Content-Type', 'text/plain; charset=bogus-charset')
print(repr(m.get_payload()))
m = Message()
m.attach(Message())
print(m.get_payload(decode=True), len(m.get_payload()), type(m.get_payload(0)).__name__)
try:
    m.get_payload(5)
except IndexError as e:
    print(type(e).__name__, e)
m.set_payload('text')
try:
    m.attach(Message())
except TypeError as e:
    print(type(e).__name__, e)
try:
    m.get_payload(0)
except TypeError as e:
    print(type(e).__name__, e)
m.set_payload(['a', 'b'])
print(m.is_multipart(), m.get_payload(1))
m = message_from_bytes(b'Content-Type: text/plain; charset=utf-8\n\ncaf\xc3\xa9 \xff\n')
print(repr(m.get_payload()), repr(m.get_payload(decode=True)))
m = message_from_bytes(b'Content-Transfer-Encoding: base64\n\nY2Fm6Q==\n')
print(repr(m.get_payload()), repr(m.get_payload(decode=True)))
