import email
from email import message_from_string
from email.parser import Parser, BytesParser
msg = message_from_string("""From foo@bar  Mon Jan 1 00:00:00 2000
Received: from a
\tby b; Mon, 1 Jan
Subject: Hello world
To: a@b.c
Content-Type: multipart/mixed; boundary="XYZ"

preamble line
--XYZ
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

caf=C3=A9 =
line
--XYZ
Content-Type: application/octet-stream; name="a.bin"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="a.bin"

aGVsbG8gd29ybGQ=
--XYZ--
epilogue
""")
print(msg.get_unixfrom())
print(msg.keys())
print(repr(msg['received']))
print(msg.get_content_type(), msg.get_boundary(), msg.is_multipart())
print(repr(msg.preamble), repr(msg.epilogue))
for p in msg.walk():
    print(p.get_content_type(), p.get_filename(), p.get_content_charset(), repr(p.get_payload(decode=True)) if not p.is_multipart() else None)
print(msg.as_string())
print(repr(msg.as_bytes()))
print(msg.defects)
from email.iterators import _structure
_structure(msg)
_structure(msg, include_default=True)
