import io, sys, email
from email import iterators
from email.iterators import walk, body_line_iterator, typed_subpart_iterator, _structure
from email.message import Message
from email.parser import Parser
from email.feedparser import FeedParser, BytesFeedParser
import email.policy

src = """Content-Type: multipart/mixed; boundary=X

--X
Content-Type: text/plain

line one
line two
--X
Content-Type: multipart/alternative; boundary=Y

--Y
Content-Type: text/html

<p>html</p>
--Y
Content-Type: text/plain
Content-Transfer-Encoding: quoted-printable

qp=3Dline
--Y--
--X
Content-Type: image/gif
Content-Transfer-Encoding: base64

R0lGODlh
--X
Content-Type: message/rfc822

Subject: inner

inner text
--X--
"""
m = email.message_from_string(src)
print(iterators.__all__)
print([p.get_content_type() for p in walk(m)])
print([p.get_content_type() for p in m.walk()])
print(list(body_line_iterator(m)))
print(list(body_line_iterator(m, decode=True)))
print([p.get_content_type() for p in typed_subpart_iterator(m)])
print([p.get_content_type() for p in typed_subpart_iterator(m, 'text', 'plain')])
print([p.get_content_type() for p in typed_subpart_iterator(m, 'multipart')])
print([p.get_content_type() for p in typed_subpart_iterator(m, 'image', 'png')])
_structure(m)
buf = io.StringIO()
_structure(m, buf, 2, True)
print(buf.getvalue())
print(m.get_charsets(), m.get_charsets('dflt'))
print(type(walk(m)).__name__, type(typed_subpart_iterator(m)).__name__)

class MyMessage(Message):
    def __init__(self, policy=email.policy.compat32):
        super().__init__(policy)
        self.tag = 'mine'

class OldStyle(Message):
    def __init__(self):
        super().__init__()
        self.tag = 'old'

for factory in (MyMessage, OldStyle):
    mm = Parser(factory).parsestr(src)
    print([type(p).__name__ for p in mm.walk()], mm.tag)
    fp = FeedParser(factory)
    fp.feed(src)
    print(type(fp.close()).__name__)
    bp = BytesFeedParser(_factory=factory)
    bp.feed(src.encode())
    print(type(bp.close()).__name__)
mm = email.message_from_string(src, MyMessage)
print(type(mm).__name__)
mm = email.message_from_file(io.StringIO(src), policy=email.policy.default)
print(type(mm).__name__, [type(p).__name__ for p in mm.walk()])
mm = email.message_from_binary_file(io.BytesIO(src.replace('\n', '\r\n').encode()))
print(type(mm).__name__, repr(mm.as_string()[:60]))
mm = email.message_from_bytes(src.replace('\n', '\r\n').encode())
print(repr(mm.as_string()[:60]), repr(mm.get_payload(0).get_payload()))
pol = email.policy.compat32.clone(message_factory=MyMessage)
mm = email.message_from_string(src, policy=pol)
print([type(p).__name__ for p in mm.walk()])

import copy
c = copy.deepcopy(m)
print(c.as_string() == m.as_string(), c is not m, c.get_payload(0) is not m.get_payload(0))
c2 = copy.copy(m)
print(c2.as_string() == m.as_string())

rfc = m.get_payload(3)
print(rfc.get_content_type(), rfc.is_multipart(), type(rfc.get_payload(0)).__name__, rfc.get_payload(0)['subject'])
print(repr(rfc.get_payload(decode=True)))
print(repr(rfc.as_string()))
