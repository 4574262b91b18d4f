import io
from email.message import Message
from email.generator import Generator, BytesGenerator, DecodedGenerator
from email import message_from_string
import email.policy

def gen(msg, **kw):
    fp = io.StringIO()
    flat = {}
    for k in ('unixfrom', 'linesep'):
        if k in kw:
            flat[k] = kw.pop(k)
    Generator(fp, **kw).flatten(msg, **flat)
    return fp.getvalue()

values = [
    'short',
    'word ' * 30,
    'x' * 100,
    'a' * 70 + ' ' + 'b' * 20,
    'Some text; with=params; and, commas, separated; ' * 3,
    'foo@example.com, bar@example.com, baz@example.com, qux@example.com, quux@example.com',
    'text/plain; charset="us-ascii"; name="a_rather_long_file_name_that_goes_on_and_on.txt"',
    'first line\n second line that is folded already',
    'first\n\tsecond\n third which is really quite a bit longer than seventy-eight characters in total length',
    '   leading spaces',
    'trailing spaces   ',
    'multiple    inner     spaces ' * 5,
    'tab\tseparated\tvalues ' * 8,
    'nosplit;' * 15,
    ';;;;' * 30,
    '',
    ' ',
    'a' * 75,
    'a' * 76,
    'a' * 77,
    'b ' + 'a' * 80 + ' c',
    'x, ' + 'y' * 90 + ', z',
]
for v in values:
    m = Message()
    m['X-Header-Name'] = v
    m['S'] = v
    m.set_payload('body\n')
    for kw in ({}, {'maxheaderlen': 0}, {'maxheaderlen': 40}, {'maxheaderlen': 20}, {'maxheaderlen': 100}):
        try:
            print(kw, repr(gen(m, **kw)))
        except Exception as e:
            print(kw, type(e).__name__, e)
    print(repr(m.as_string()), repr(m.as_string(maxheaderlen=60)))
    print(repr(m.as_bytes()))

m = Message()
m['Subject'] = 'embedded\nX-Evil: yes'
try:
    print(repr(gen(m)))
except Exception as e:
    print(type(e).__name__, e)

long_received = 'from mail.example.com (mail.example.com [192.0.2.1]) by mx.example.org (Postfix) with ESMTPS id ABCDEF123 for <someone@example.org>; Mon, 1 Jan 2001 00:00:00 +0000'
m = message_from_string('Received: ' + long_received + '\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=from:to:subject:date; bh=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH=; b=' + 'Q' * 150 + '\n\nbody\n')
print(repr(gen(m)))
print(repr(gen(m, maxheaderlen=0)))
print(repr(m.as_string()))
print(repr(gen(m, policy=email.policy.compat32.clone(max_line_length=50))))
print(repr(gen(m, policy=email.policy.compat32.clone(max_line_length=None))))
print(repr(gen(m, policy=email.policy.compat32.clone(linesep='\r\n'))))
