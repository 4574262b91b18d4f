# email.header: Header construction, append, str, encode (RFC 2047 words and folding), errors.
from email.header import Header, decode_header, make_header
from email.charset import Charset
from email import errors
import email.header as eh

print(sorted(eh.__all__), eh.MAXLINELEN, repr(eh.FWS), repr(eh.SPACE8), str(eh.USASCII), str(eh.UTF8))


def attempt(f, *a, **k):
    try:
        return f(*a, **k)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


def show(h, **kw):
    print(repr(attempt(h.encode, **kw)))
    print('   str:', repr(str(h)), [(s, str(c)) for s, c in h._chunks])


long_ascii = ('This is a long subject line that goes on and on and on, well past the usual '
              'line length limit; it should be folded at sensible places by the encoder')
show(Header(long_ascii))
show(Header(long_ascii, header_name='Subject'))
show(Header(long_ascii, header_name='X-A-Very-Long-Header-Name-Indeed'))
show(Header(long_ascii, maxlinelen=40))
show(Header(long_ascii, maxlinelen=40, continuation_ws='\t'))
show(Header(long_ascii), maxlinelen=0)
show(Header(long_ascii, maxlinelen=0))
show(Header(long_ascii), splitchars=' ')
show(Header(long_ascii), splitchars=';')
show(Header(long_ascii), linesep='\r\n')
show(Header('x' * 120, header_name='Subject'))
show(Header('x' * 120))
show(Header('a' * 50 + ' ' + 'b' * 50, header_name='Subject'))
show(Header('a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p;q;r;s;t;u;v;w;x;y;z;' * 3, header_name='To'))
show(Header('one,two, three,   four,\tfive ' * 6, header_name='Cc'))
show(Header('  leading and trailing   '))
show(Header('tabs\tinside\tthe\tvalue ' * 8))
show(Header('multi\nline\n  value'))
show(Header('multi\n\tline\r\n  value', 'utf-8'))
show(Header('ends with newline\n'))
show(Header(''))
show(Header())
show(Header('', 'utf-8'))

for cs in ['utf-8', 'iso-8859-1', 'latin-1', 'windows-1252', Charset('utf-8'), 'us-ascii', None]:
    for text in ['caf\xe9', 'Gr\xfc\xdfe aus M\xfcnchen, sch\xf6ne Gr\xfc\xdfe an alle ' * 3, 'plain ascii text',
                 'a_b=c?d', '\u20ac100 and \u20ac200', '\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8' * 5]:
        h = attempt(Header, text, cs, header_name='Subject')
        if isinstance(h, str):
            print(repr(text[:10]), cs, h)
            continue
        show(h)
        show(h, maxlinelen=30)
        show(h, maxlinelen=0)

# mixed chunks
h = Header('Hello', 'us-ascii', header_name='Subject')
h.append(' w\xf6rld', 'iso-8859-1')
h.append('and \u20ac', 'utf-8')
h.append(' tail (comment)')
h.append('(paren) more', 'utf-8')
h.append('end')
show(h)
show(h, maxlinelen=25)
h = Header(header_name='Subject')
for i in range(6):
    h.append('chunk%d caf\xe9 ' % i, 'iso-8859-1' if i % 2 else 'utf-8')
    h.append('ascii%d ' % i)
show(h)
h = Header('a', 'utf-8')
h.append('b', 'utf-8')
h.append('c')
h.append('d', Charset('utf-8'))
show(h)
h = Header('start ')
h.append('\xe9 ', 'latin-1')
h.append(' end')
show(h)

# bytes and errors
show(Header(b'caf\xc3\xa9', 'utf-8'))
show(Header(b'caf\xe9', 'iso-8859-1'))
h = Header()
h.append(b'bytes', 'us-ascii')
h.append(b'caf\xe9', 'latin-1')
show(h)
print(attempt(Header, b'caf\xe9', 'utf-8'))
show(Header(b'caf\xe9', 'utf-8', errors='replace'))
show(Header(b'caf\xe9', errors='replace'))
show(Header(b'caf\xe9', errors='ignore'))
print(attempt(Header, '\u20ac', 'iso-8859-1'))
show(Header('\u20ac', 'iso-8859-1', errors='replace'))
show(Header('caf\xe9'))
show(Header('caf\xe9', 'us-ascii'))
print(attempt(Header, 'x', 'x-unknown-charset'))
print(attempt(Header, 'x', '\xfc'))
print(attempt(Header('abc\nX-Injected: 1').encode))
print(attempt(Header('abc\n X-Not-Injected: 1').encode))
print(attempt(Header('abc\r\nBcc: a@b').encode))

# equality and hashing
h = Header('abc')
print(h == 'abc', h != 'abc', h == 'abd', 'abc' == h, h == Header('abc'), h == Header('abd'))
print(Header.__hash__ is None)
try:
    hash(h)
except TypeError as e:
    print('TypeError', e)
print(str(Header('\xe9', 'utf-8')) == '\xe9')
print(repr(h) == object.__repr__(h))

# subclasses
class MyHeader(Header):
    def encode(self, splitchars=';, \t', maxlinelen=None, linesep='\n'):
        return '<' + super().encode(splitchars, maxlinelen, linesep) + '>'


mh = MyHeader('caf\xe9 au lait', 'utf-8', header_name='Subject')
print(mh.encode(), str(mh), decode_header(mh))
print(make_header([(b'hi', None)]).__class__.__name__)

# characters outside the BMP, multi-octet and stateful codecs
for cs in ['utf-8', 'utf-16', 'utf-32']:
    h = Header('caf\xe9 \U0001F600 ' * 12, cs, header_name='Subject')
    e = h.encode()
    print(e)
    print(decode_header(e))
    print(Charset(cs).header_encode_lines('\U0001F600x' * 10, iter([30] * 40)))
