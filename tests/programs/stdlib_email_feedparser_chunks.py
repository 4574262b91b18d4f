import io, email
from email.parser import BytesParser, Parser
from email.feedparser import FeedParser, BytesFeedParser
import email.policy

parts = []
for i in range(40):
    parts.append('--B\r\nContent-Type: text/plain\r\nX-Index: %d\r\n\r\n' % i + ('line %d of part\r\n' % i) * 30)
text = 'Subject: big\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\npre\r\n' + ''.join(parts) + '--B--\r\nepi\r\n'
raw = text.encode()
print(len(raw))
for size in (1, 2, 3, 7, 100, 8191, 8192, 100000):
    fp = BytesFeedParser()
    for k in range(0, len(raw), size):
        fp.feed(raw[k:k + size])
    m = fp.close()
    print(size, len(m.get_payload()), m.get_payload(39)['x-index'], repr(m.get_payload(5).get_payload()[:30]), repr(m.epilogue), m.defects)
m1 = BytesParser().parse(io.BytesIO(raw))
print(len(m1.get_payload()), repr(m1.get_payload(3).get_payload()[-20:]), repr(m1.preamble))
print(m1.as_string() == text.replace('\r\n', '\n'))
m2 = BytesParser().parsebytes(raw)
print(m2.as_bytes() == raw, m2.as_string() == text)
m3 = Parser().parse(io.StringIO(text))
print(m3.as_string() == text)
m4 = email.message_from_binary_file(io.BytesIO(b'Subject: x\r\n\r\nbody\rmore\r'))
print(repr(m4.get_payload()), m4.items())
m5 = email.message_from_bytes(raw, policy=email.policy.SMTP)
print(m5.as_bytes() == raw, type(m5).__name__)

# strict policy raising
for src in ['Content-Type: multipart/mixed; boundary=X\n\nno boundary\n',
            'Content-Type: multipart/mixed; boundary=X\n\n--X\n\nabc\n',
            'Content-Type: multipart/mixed\n\nabc\n',
            ' cont\nSubject: x\n\nb\n',
            'Subject: x\nbad line\n\nb\n',
            'Content-Transfer-Encoding: base64\nContent-Type: multipart/mixed; boundary=X\n\n--X\n\nx\n--X--\n']:
    try:
        email.message_from_string(src, policy=email.policy.compat32.clone(raise_on_defect=True))
        print('no raise')
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
    m = email.message_from_string(src)
    print([type(d).__name__ for d in m.defects], [[type(d).__name__ for d in p.defects] for p in m.walk()])
