# email.encoders on Message payloads: base64, quoted-printable, 7or8bit, noop.
from email.message import Message
from email import encoders
from email.charset import Charset
import email.charset

print(sorted(encoders.__all__))
print(Charset('us-ascii').get_body_encoding() is encoders.encode_7or8bit,
      Charset('euc-jp').get_body_encoding() is encoders.encode_7or8bit)
payloads = [b'', b'hello', b'hello world\n', b'caf\xe9\n', b'\x00\x01\x02\xff' * 20,
            b'long line ' * 12 + b'\n', b'trailing spaces   \nand tabs\t\t\n', b'dots\n.\nFrom me\n',
            b'equals = sign and _ underscore?\r\n', 'text payload\n', 'caf\xe9 text\n']
for data in payloads:
    for enc in (encoders.encode_base64, encoders.encode_quopri, encoders.encode_7or8bit, encoders.encode_noop):
        m = Message()
        m['Content-Type'] = 'application/octet-stream'
        m.set_payload(data)
        r = enc(m)
        print(enc.__name__, repr(data[:16]), r, repr(m.get_payload()), m.get_all('Content-Transfer-Encoding'))
        print('   ', repr(m.get_payload(decode=True)))
m = Message()
m['Content-Transfer-Encoding'] = 'base64'
m.set_payload('aGVsbG8=\n')
encoders.encode_quopri(m)
print(m.get_all('Content-Transfer-Encoding'), repr(m.get_payload()))
m = Message()
m.set_payload([])
encoders.encode_7or8bit(m)
print(m.get_all('Content-Transfer-Encoding'))
m = Message()
m.set_payload('h\xe9', 'latin-1')
print(m.get_all('Content-Transfer-Encoding'), repr(m.get_payload()))
m = Message()
m.set_payload('h\xe9', 'utf-8')
print(m.get_all('Content-Transfer-Encoding'), repr(m.get_payload()))
m = Message()
m.set_payload('plain', 'us-ascii')
print(m.get_all('Content-Transfer-Encoding'), repr(m.get_payload()), m.as_string())
email.charset.add_charset('x-enc', None, None, 'us-ascii')
m = Message()
m.set_payload('abc', 'x-enc')
print(m.get_all('Content-Transfer-Encoding'), m.as_string())

# pseudo-random payloads: long lines, trailing whitespace, dots, CR/LF, 8-bit octets
state = [77]


def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n


alpha = b'ab \t=\r\n.\xe9\x00F' + b'x' * 5
for it in range(300):
    data = bytes(alpha[rnd(len(alpha))] for _ in range(rnd(200)))
    for enc in (encoders.encode_quopri, encoders.encode_base64, encoders.encode_7or8bit):
        m = Message()
        m.set_payload(data)
        enc(m)
        print(it, repr(m.get_payload()), m['Content-Transfer-Encoding'], m.get_payload(decode=True) == data)
