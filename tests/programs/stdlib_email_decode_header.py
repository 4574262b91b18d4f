# email.header.decode_header and make_header on encoded words, whitespace rules, errors.
from email.header import Header, decode_header, make_header
from email.errors import HeaderParseError

cases = [
    'plain text', '', '   leading', '=?utf-8?q?h=C3=A9llo?=', '=?UTF-8?B?aMOpbGxv?=',
    '=?iso-8859-1?q?caf=E9?= au lait', 'Re: =?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?=',
    '=?utf-8?q?a?=   =?utf-8?q?b?=', '=?utf-8?q?a?=\t=?iso-8859-1?q?b?=', '=?utf-8?q?a?= x =?utf-8?q?b?=',
    '=?utf-8?q?a?=\n =?utf-8?q?b?=', 'x\n y\n\tz', '=?utf-8?b?aMOpbGx?=', '=?utf-8?b?aMOpbG?=',
    '=?utf-8?b?a?=', '=?utf-8?b?====?=', '=?x-unknown?q?abc?=', '=??q?abc?=', '=?utf-8?x?abc?=',
    '=?utf-8?q?a b?=', '=?utf-8?q? ?= =?utf-8?q?x?=', '=?utf-8*en?q?x?=', 'foo =?bar', 'a=?utf-8?q?b?=c',
    '=?us-ascii?q?plain?= text', '=?utf-8?Q?=E2=82=AC?= 100', '(=?utf-8?q?comment?=)',
    '=?iso-8859-1?b?4+Tl?= =?utf-8?b?4oKs?= plain =?utf-8?q?x?=', '=?utf-8?q?__?=',
    'Subject: =?utf-8?q?x?=\r\n =?utf-8?q?y?=', '=?utf-8?q?=3D=5F=3f?=',
]
for s in cases:
    try:
        d = decode_header(s)
    except HeaderParseError as e:
        print(repr(s), 'HeaderParseError', e)
        continue
    print(repr(s), d)
    try:
        h = make_header(d)
        print('   ', repr(str(h)), repr(h.encode()))
    except Exception as e:
        print('   ', type(e).__name__, e)

# decode_header of Header objects gives the chunks, encoded
h = Header('caf\xe9', 'iso-8859-1')
h.append(' and more')
h.append('\u20ac', 'utf-8')
print(decode_header(h))
print(decode_header(Header()))
print(decode_header(Header('abc')))

# make_header arguments
seq = [(b'Hello ', None), (b'w\xc3\xb6rld', 'utf-8'), (b' and ', 'us-ascii'), (b'caf\xe9', 'iso-8859-1')]
for kw in [{}, {'maxlinelen': 20}, {'header_name': 'Subject'}, {'continuation_ws': '\t', 'maxlinelen': 25}]:
    h = make_header(seq, **kw)
    print(kw, repr(str(h)), repr(h.encode()))
print(repr(str(make_header([('str text', None), ('\xe9', 'utf-8')]))))
print(repr(str(make_header([]))), repr(make_header([]).encode()))
try:
    make_header([(b'\xff', 'utf-8')])
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
for bad in [None, b'=?utf-8?q?x?=', 5]:
    try:
        decode_header(bad)
    except Exception as e:
        print(type(e).__name__, e)
