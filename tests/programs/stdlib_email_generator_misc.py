import io, re
from email.message import Message
from email.generator import Generator, BytesGenerator, DecodedGenerator
from email import message_from_string, message_from_bytes
import email.policy

def mask(s):
    if isinstance(s, bytes):
        return re.sub(rb'===============\d+==(\.\d+)?', b'=====MASK=====', s)
    return re.sub(r'===============\d+==(\.\d+)?', '=====MASK=====', s)

def gen(msg, cls=Generator, **kw):
    fp = io.BytesIO() if cls is BytesGenerator else io.StringIO()
    flat = {}
    for k in ('unixfrom', 'linesep'):
        if k in kw:
            flat[k] = kw.pop(k)
    cls(fp, **kw).flatten(msg, **flat)
    return mask(fp.getvalue())

src = """From someone Mon Jan  1 00:00:00 2001
Subject: test
Content-Type: multipart/mixed; boundary="===============1234567890=="

From the preamble
--===============1234567890==
Content-Type: text/plain

From here
 From not here
>From already
--===============1234567890==
Content-Type: image/png; name="pic.png"
Content-Transfer-Encoding: base64
Content-Description: a picture

iVBORw0KGgo=
--===============1234567890==
Content-Type: message/rfc822

Subject: inner
From: x

From inner body
--===============1234567890==--
From epilogue
"""
m = message_from_string(src)
for kw in ({}, {'mangle_from_': False}, {'mangle_from_': True}, {'unixfrom': True}, {'linesep': '\r\n'},
           {'policy': email.policy.compat32}, {'policy': email.policy.compat32.clone(mangle_from_=False)},
           {'policy': email.policy.default}, {'policy': email.policy.SMTP}):
    print(kw, repr(gen(m, **dict(kw))))
    print(kw, repr(gen(m, BytesGenerator, **dict(kw))))
print(repr(m.as_string(unixfrom=True)))
print(repr(m.as_bytes(unixfrom=True)))
print(repr(str(m)), repr(bytes(m)))
fp = io.StringIO()
DecodedGenerator(fp).flatten(m)
print(repr(fp.getvalue()))
fp = io.StringIO()
DecodedGenerator(fp, False, 0, '%(type)s|%(maintype)s|%(subtype)s|%(filename)s|%(description)s|%(encoding)s').flatten(m)
print(repr(fp.getvalue()))

g = Generator(io.StringIO(), mangle_from_=False, maxheaderlen=10)
c = g.clone(io.StringIO())
print(type(c).__name__, c._mangle_from_, c.maxheaderlen, c.policy)

# generated boundary
mm = Message()
mm['Content-Type'] = 'multipart/mixed'
p1 = Message(); p1.set_payload('one\n'); mm.attach(p1)
p2 = Message(); p2['Content-Type'] = 'text/html'; p2.set_payload('<b>two</b>'); mm.attach(p2)
out = mm.as_string()
print(repr(mask(out)))
print(repr(mask(mm['content-type'])), mm.get_boundary() is not None)
mm.preamble = 'pre'; mm.epilogue = 'epi'
print(repr(mask(mm.as_string())))
mm.epilogue = ''
print(repr(mask(mm.as_string())))
mm.preamble = ''
print(repr(mask(mm.as_string())))

# multipart with no parts, string payload, non list
e = Message(); e['Content-Type'] = 'multipart/mixed; boundary=X'
print(repr(e.as_string()))
e.set_payload('just a string\n')
print(repr(e.as_string()))
e.set_payload(None)
print(repr(e.as_string()))
# payload None
n = Message(); n['A'] = 'b'
print(repr(n.as_string()), repr(n.as_bytes()))
n.set_payload('no newline')
print(repr(n.as_string()))
n.set_payload('mixed\r\nline\rends\n')
print(repr(n.as_string()), repr(n.as_string(policy=email.policy.compat32.clone(linesep='\r\n'))))
t = Message(); t.set_payload(['not', 'messages'])
t['Content-Type'] = 'text/plain'
try:
    t.as_string()
except Exception as ex:
    print(type(ex).__name__, ex)

# delivery-status and signed
ds = message_from_string("Content-Type: multipart/report; boundary=R\n\n--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\nFinal-Recipient: rfc822; a@b\nAction: failed\n\n--R--\n")
print(repr(ds.as_string()))
sg = message_from_string("Content-Type: multipart/signed; boundary=S\n\n--S\nX-Long: " + 'word ' * 25 + "\n\nsigned\n--S\nContent-Type: application/pgp-signature\n\nsig\n--S--\n")
print(repr(gen(sg)))
print(repr(gen(sg, maxheaderlen=30)))

b = message_from_bytes(b'Subject: cafe\nContent-Type: text/plain; charset=utf-8\n\ncaf\xc3\xa9\nFrom x\n')
print(repr(b.as_bytes()))
print(repr(gen(b, BytesGenerator)))
print(repr(gen(b, BytesGenerator, mangle_from_=True)))
print(repr(gen(b, BytesGenerator, policy=email.policy.compat32.clone(cte_type='7bit'))))
print(repr(b.as_string()))
b2 = message_from_bytes(b'Content-Type: text/plain; charset=latin-1\n\ncaf\xe9\n')
print(repr(b2.as_string()), repr(b2.as_bytes()))
print(b2.items(), b2['Content-Transfer-Encoding'])
b3 = message_from_bytes(b'Content-Type: text/plain\n\ncaf\xe9\n')
print(repr(b3.as_string()), repr(b3.get_payload()), repr(b3.get_payload(decode=True)))
