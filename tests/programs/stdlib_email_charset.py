# email.charset: the charset table, aliases, codecs, Charset methods.
import email.charset as ec
from email.charset import Charset, add_charset, add_alias, add_codec, QP, BASE64, SHORTEST

print(QP, BASE64, SHORTEST, ec.DEFAULT_CHARSET, ec.UNKNOWN8BIT, ec.RFC2047_CHROME_LEN)
print(sorted(ec.__all__))
print(list(ec.CHARSETS.items()))
print(list(ec.ALIASES.items()))
print(list(ec.CODEC_MAP.items()))


def enc_name(c):
    e = c.get_body_encoding()
    return e if isinstance(e, str) else e.__name__


names = ['us-ascii', 'ASCII', 'utf-8', 'UTF-8', 'utf8', 'iso-8859-1', 'ISO-8859-1', 'latin_1', 'latin-1',
         'Latin_2', 'iso-8859-2', 'iso-8859-15', 'latin-9', 'latin_10', 'iso-8859-16', 'windows-1252',
         'cp1252', 'viscii', 'euc-jp', 'euc_jp', 'EUC-JP', 'iso-2022-jp', 'shift_jis', 'koi8-r', 'big5',
         'gb2312', 'cp949', 'euc_kr', 'ks_c_5601-1987', 'unknown-8bit', 'x-unknown', '', b'utf-8',
         b'iso-8859-1', bytearray(b'big5')]
for n in names:
    c = Charset(n)
    print(repr(n), repr(c), str(c), c.input_charset, c.header_encoding, c.body_encoding,
          c.output_charset, c.input_codec, c.output_codec, c.get_output_charset(), enc_name(c))
print(repr(Charset()), Charset().input_charset)

for bad in ['\xfc', 'utf-\u20ac', b'\xff', 3, None, 2.5]:
    try:
        Charset(bad)
    except Exception as e:
        print(type(e).__name__, e, e.args)

c = Charset('utf-8')
for other in ['utf-8', 'UTF-8', 'Utf-8', 'utf8', Charset('utf-8'), Charset('UTF-8'), Charset('utf8'), 'x', 3, None]:
    print(repr(other), c == other, c != other, other == c)
print(Charset('latin_1') == 'iso-8859-1', Charset('latin_1') == 'latin_1')
print(c.__hash__ is None)
try:
    hash(c)
except TypeError as e:
    print('TypeError', e)
print(Charset('us-ascii') in [None, 'us-ascii'], Charset('utf-8') in (None, 'us-ascii'))

# header_encode / body_encode
cases = ['hello', 'h\xe9llo', 'a b c \t', '', 'x' * 30, '\u20ac uro', 'caf\xe9 cr\xe8me br\xfbl\xe9e',
         'line1\nline2\n', '=?q?= _ equals', 'tab\there']
for n in ['us-ascii', 'utf-8', 'iso-8859-1', 'latin-1', 'windows-1252', 'cp1252', 'utf-16',
          'unknown-8bit', 'x-foo']:
    c = Charset(n)
    for s in cases:
        for meth in ('header_encode', 'body_encode'):
            try:
                r = getattr(c, meth)(s)
            except Exception as e:
                r = (type(e).__name__, str(e))
            print(n, repr(s), meth, repr(r))
    for b in [b'hello', b'h\xe9llo\n', b'', b'\x00\xff' * 3]:
        try:
            print(n, 'bytes', repr(c.body_encode(b)))
        except Exception as e:
            print(n, 'bytes', type(e).__name__, e)

# header_encode_lines
for n in ['utf-8', 'iso-8859-1', 'windows-1252', 'us-ascii', 'cp1252']:
    c = Charset(n)
    for s, lens in [('hello world ' * 5, [20, 30, 30, 30, 30, 30, 30]),
                    ('h\xe9llo w\xf6rld ' * 6, [40] + [50] * 20),
                    ('\u20ac' * 40, [10] + [30] * 40),
                    ('', [5]),
                    ('abc', [1, 1, 1, 1, 1, 1, 1, 1]),
                    ('abcdef' * 10, [0] + [25] * 40),
                    ('x', [])]:
        try:
            print(n, repr(s[:20]), c.header_encode_lines(s, iter(lens)))
        except Exception as e:
            print(n, repr(s[:20]), type(e).__name__, e)

# registering charsets, aliases and codecs
try:
    add_charset('x-bad', SHORTEST, SHORTEST)
except ValueError as e:
    print('ValueError', e)
add_charset('x-mine', QP, BASE64, 'utf-8')
c = Charset('x-mine')
print(c.input_charset, c.header_encoding, c.body_encoding, c.output_charset, c.input_codec, c.output_codec)
print(c.header_encode('h\xe9'), repr(c.body_encode('h\xe9')))
add_alias('x-alias', 'x-mine')
print(Charset('X-ALIAS').input_charset, Charset('x-alias').output_charset)
add_codec('x-mine', 'latin-1')
c = Charset('x-mine')
print(c.input_codec, c.output_codec)
add_charset('x-plain')
c = Charset('x-plain')
print(c.header_encoding, c.body_encoding, c.output_charset, enc_name(c))
for meth in (c.header_encode, c.body_encode):
    try:
        print(repr(meth('abc')))
    except LookupError as e:
        print('LookupError', e)
add_charset('x-b64', BASE64, None, None)
add_codec('x-b64', 'utf-8')
print(Charset('x-b64').header_encode('abc'), Charset('x-b64').output_codec)
add_charset('x-short', SHORTEST, QP, 'iso-8859-1')
add_codec('x-short', 'latin-1')
c = Charset('x-short')
print(c.header_encode('aaaa\xe9'), c.header_encode('\xe9\xe9\xe9\xe9\xe9'), repr(c.body_encode('a\xe9')))
add_alias('latin_1', 'utf-8')
print(Charset('latin_1').output_charset)
add_alias('latin_1', 'iso-8859-1')
print(Charset('latin_1').output_charset)
