# email.header: pseudo-random Header chunks (ASCII, latin-1, utf-8) folded with assorted widths,
# split characters and line separators; decode_header/make_header round trips.
import sys
from email.header import Header, decode_header, make_header
from email.charset import Charset
import email.quoprimime as q, email.base64mime as b
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n
def choice(seq): return seq[rnd(len(seq))]
def run(f, *a, **k):
    try: return f(*a, **k)
    except Exception as e: return (type(e).__name__, str(e))
words = ['a', 'hello', 'world', 'x'*30, 'y'*90, ';', ',', 'foo;', 'bar,', ' ', '  ', '\t', '\n', '\n ', 'h\xe9llo', '\u20ac', '\u3042\u3044', '(', ')', '\\', 'abc=?', '?=', '_', 'Z'*50]
charsets = [None, 'us-ascii', 'utf-8', 'iso-8859-1', 'latin-1', 'cp1252']
N = 700
for it in range(N):
    kw = {}
    if rnd(2): kw['maxlinelen'] = choice([0, 10, 20, 30, 40, 60, 76, 78])
    if rnd(2): kw['header_name'] = choice(['Subject', 'X', 'A-Very-Long-Header-Name-Here'])
    if rnd(3) == 0: kw['continuation_ws'] = choice(['\t', '  ', ''])
    def mk():
        h = None
        for i in range(1 + rnd(3)):
            s = ''.join(choice(words) + choice(['', ' ', ' ', '; ', ', ', '']) for _ in range(rnd(8)))
            cs = choice(charsets)
            if h is None: h = Header(s, cs, **kw)
            else: h.append(s, cs)
        return h
    h = run(mk)
    if isinstance(h, tuple):
        print(it, h); continue
    ekw = {}
    if rnd(3) == 0: ekw['splitchars'] = choice([' ', ';', ',; ', '\t', 'x'])
    if rnd(3) == 0: ekw['maxlinelen'] = choice([0, 15, 25, 50, 100])
    if rnd(3) == 0: ekw['linesep'] = '\r\n'
    e = run(h.encode, **ekw)
    print(it, repr(e))
    print(repr(str(h)), [(s, str(c)) for s, c in h._chunks])
    e = h.encode()
    d = run(decode_header, e)
    print(d)
    if isinstance(d, list):
        print(repr(make_header(d, 30, 'Subj', '\t').encode()))
