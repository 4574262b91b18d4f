import email
from email.message import Message
from email.header import Header
from email.charset import Charset
import email.policy

for cs in ('utf-8', 'iso-8859-1', 'us-ascii', 'latin_1', Charset('utf-8')):
    m = Message()
    try:
        m.set_payload('caf\xe9 text\n' if str(cs) != 'us-ascii' and str(cs) != 'euc-jp' else 'plain text\n', cs)
    except Exception as e:
        print(cs, type(e).__name__, e)
        continue
    print(str(cs), m.items(), repr(m.get_payload()), repr(m.get_payload(decode=True)), repr(m.get_charset()))
    print(repr(m.as_string()))
m = Message()
m['Content-Type'] = 'text/html; format=flowed'
m.set_charset('utf-8')
print(m.items())
m.set_charset(None)
print(m.items(), m.get_charset())
m = Message()
m['Content-Transfer-Encoding'] = '8bit'
m.set_payload('x\n')
m.set_charset('utf-8')
print(m.items(), repr(m.get_payload()))

# Header objects as header values
m = Message()
m['Subject'] = Header('caf\xe9 and more words to make this a rather long header value indeed', 'utf-8')
m['X-Plain'] = Header('plain ascii header')
m['X-Uni'] = 'caf\xe9 unicode string'
m['X-Long-Uni'] = 'd\xe9j\xe0 vu ' * 12
m.set_payload('body\n')
print(repr(m.as_string()))
print(repr(m.as_string(maxheaderlen=78)))
print(repr(m.as_bytes()))
print(repr(str(m['subject'])), type(m['subject']).__name__)

em = email.message.EmailMessage()
em['Subject'] = 'caf\xe9 au lait'
em['X-Long'] = 'word ' * 30
em.set_content('b\n')
print(repr(em.as_string()))
print(repr(str(em)))
print(repr(em.as_bytes(policy=email.policy.SMTPUTF8)))
print(repr(em.as_bytes()))
p = email.message_from_string('Subject: =?utf-8?q?caf=C3=A9?= x\n\nb\n', policy=email.policy.default)
print(repr(str(p['subject'])), repr(p.as_string()))
