# email.quoprimime: header/body checks, lengths, encoding with line limits, decoding.
import email.quoprimime as q

print(sorted(q.__all__))
print(''.join('1' if q.header_check(o) else '0' for o in range(256)))
print(''.join('1' if q.body_check(o) else '0' for o in range(256)))
print([q.quote(chr(o)) for o in (0, 9, 32, 61, 95, 127, 255)], q.unquote('=4a'), q.unquote('=E9'), q.unquote('=3D'))
for b in [b'', b'abc', b'a b', b'a_b=c?', b'\xe9\xff\x00', bytearray(b'hello world'), b'-!*+/', b'\t\r\n']:
    print(repr(b), q.header_length(b), q.body_length(b), repr(q.header_encode(b)), repr(q.header_encode(b, 'utf-8')))
for s in ['', 'abc', 'a_b', '=E9t=E9', '=e9', '=3', '=XY', '__=5F', 'a=20b', '=C3=A9_x']:
    print(repr(s), repr(q.header_decode(s)))

# Deterministic pseudo-random inputs
state = [2024]


def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n


alpha = 'ab =\t\r\n\xe9\x00~_?A3F   '
for it in range(400):
    s = ''.join(alpha[rnd(len(alpha))] for _ in range(rnd(90)))
    ml = [4, 5, 6, 7, 8, 10, 13, 20, 76][rnd(9)]
    eol = ['\n', '\r\n'][rnd(2)]
    print(it, repr(q.body_encode(s, ml, eol)))
    print(it, repr(q.decode(s, eol)), repr(q.header_decode(s)))
    b = s.encode('latin-1')
    print(it, q.header_length(b), q.body_length(b), repr(q.header_encode(b)))

for body in ['', 'hello', 'hello\n', 'a' * 200, 'a ' * 50 + '\n', 'trailing space \ntrailing tab\t\n',
             'x' * 74 + ' ', 'x' * 75 + ' ', 'x' * 76 + ' ', 'x' * 77 + '\t', 'x' * 73 + '\xe9\xe9',
             'x' * 74 + '=', 'line\r\nline\r\n', 'end\r', '\n\n\n', 'From here\n.\n']:
    for ml in (76, 10, 4):
        print(repr(body[:20]), ml, repr(q.body_encode(body, ml)), repr(q.body_encode(body, ml, '\r\n')))
for ml in (3, 0, -1):
    try:
        q.body_encode('abc', ml)
    except ValueError as e:
        print('ValueError', e)
for enc in ['', 'abc', 'abc\n', 'a=\nb', 'a=\r\nb\r\n', 'a=3Db', 'a=3db', '=41=42=4', 'x=', '=',
            'spaces   \nmore\t\t\n', 'a\n\nb', 'soft=   \nbreak', '=ZZ=41', 'a==41']:
    print(repr(enc), repr(q.decode(enc)), repr(q.decode(enc, '\r\n')), repr(q.body_decode(enc)), repr(q.decodestring(enc)))
L = []
for piece in ['abc', ' def', 'ghijkl', ' mn', 'o']:
    q._max_append(L, piece, 8)
print(L)
