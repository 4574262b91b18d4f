import email, email.policy, io
from email.generator import BytesGenerator, Generator
raw = (b'Subject: plain\nContent-Type: multipart/mixed; boundary=B\n\n--B\n'
       b'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\ncaf\xc3\xa9 \xe2\x82\xac\nFrom here\n'
       b'--B\nContent-Type: text/plain; charset=latin-1\n\nna\xefve\n'
       b'--B\nContent-Type: text/plain\n\nunknown \xff\xfe\n'
       b'--B\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: 8bit\n\n\x00\x80\x81\xff\n--B--\n')
m = email.message_from_bytes(raw)
print(m.as_bytes() == raw)
for p in m.walk():
    if not p.is_multipart():
        print(p.get_content_type(), repr(p.get_payload()), repr(p.get_payload(decode=True)), p.get_content_charset())
print(repr(m.as_string()))
buf = io.BytesIO()
BytesGenerator(buf, mangle_from_=True).flatten(m)
print(repr(buf.getvalue()))
buf = io.BytesIO()
try:
    BytesGenerator(buf, policy=email.policy.compat32.clone(cte_type='7bit')).flatten(m)
    print(repr(buf.getvalue()))
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason)
buf = io.StringIO()
Generator(buf).flatten(m)
print(repr(buf.getvalue()))
d = email.message_from_bytes(raw, policy=email.policy.default)
print(d.as_bytes() == raw)
for p in d.walk():
    if not p.is_multipart():
        try:
            print(repr(p.get_content()))
        except Exception as e:
            print(type(e).__name__, e)
print(repr(d.as_string()))
print(repr(bytes(d)))
