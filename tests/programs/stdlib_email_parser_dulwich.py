import email.parser, io
from email.parser import Parser, BytesParser

patch = b"""From 7b2a8f1e6c1d3e4f5a6b7c8d9e0f1a2b3c4d5e6f Mon Sep 17 00:00:00 2001
From: Jelmer Vernooij <jelmer@example.com>
Date: Thu, 15 Apr 2010 15:40:28 +0200
Subject: [PATCH 1/2] Remove executable bit from prey.ico (triggers a lintian
 warning).

---
 pixmaps/prey.ico |  Bin 9662 -> 9662 bytes
 1 files changed, 0 insertions(+), 0 deletions(-)
 mode change 100755 => 100644 pixmaps/prey.ico

-- 
1.7.0.4
"""
msg = BytesParser().parse(io.BytesIO(patch))
print(msg.get_unixfrom())
print(msg['from'], '|', msg['date'], '|', repr(msg['subject']))
print(msg.is_multipart(), repr(msg.get_payload(decode=True)))
print(repr(msg.get_payload()))
msg = BytesParser().parsebytes(patch)
print(repr(msg['subject']), msg.keys())
msg = Parser().parsestr(patch.decode())
print(repr(msg['subject']), len(msg.get_payload()))
msg = email.parser.Parser().parse(io.StringIO(patch.decode()))
print(msg.get('Subject'), msg.get('X-Missing'), msg.get('X-Missing', 'dflt'))
hp = email.parser.HeaderParser().parsestr(patch.decode())
print(hp.keys(), repr(hp.get_payload()[:20]))
# multipart patch mail
mp = b"""From: a@b
Subject: [PATCH] x
Content-Type: multipart/mixed; boundary="BOUND"

--BOUND
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Commit message with caf\xc3\xa9.
--BOUND
Content-Type: text/x-patch; name="x.patch"
Content-Transfer-Encoding: 8bit
Content-Disposition: attachment; filename="x.patch"

diff --git a/x b/x
--- a/x
+++ b/x
--BOUND--
"""
msg = BytesParser().parsebytes(mp)
for part in msg.get_payload():
    print(part.get_content_type(), part.get_filename(), part.get_content_charset(), repr(part.get_payload(decode=True)))
print(len(msg.as_bytes()), msg.as_bytes() == mp)
