# email.base64mime: header lengths and encoded words, body encoding with line limits, decoding.
import binascii
import email.base64mime as b

print(sorted(b.__all__), b.MISC_LEN)
for x in [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', bytearray(b'xyzw'), b'\x00\xff' * 10, 'abc', '\xe9']:
    print(repr(x), b.header_length(x), repr(b.header_encode(x)), repr(b.header_encode(x, 'utf-8')))
for x in ['abc', '\xe9']:
    try:
        b.body_encode(x)
    except TypeError as e:
        print('TypeError', e)
data = bytes(range(256)) * 2
for ml in (76, 40, 20, 8, 4, 3, 2):
    for eol in ('\n', '\r\n', ''):
        print(ml, repr(eol), repr(b.body_encode(data[:100], ml, eol)))
print(repr(b.body_encode(b'')), repr(b.body_encode(b'x' * 57)), repr(b.body_encode(b'x' * 58)))
for ml in (0, 1):
    try:
        b.body_encode(b'abc', ml)
    except ValueError as e:
        print('ValueError', e)
for x in ['', b'', 'aGVsbG8=', b'aGVsbG8=', 'aGVs\nbG8=', 'aGVsbG8=\r\n', bytearray(b'aGk='), None, 0,
          'YQ==', 'YQ', 'a', '!!aGk=!!', 'aGk=aGk=']:
    try:
        print(repr(x), repr(b.decode(x)), repr(b.body_decode(x)), repr(b.decodestring(x)))
    except binascii.Error as e:
        print(repr(x), type(e).__name__, e)
for size in range(0, 200, 7):
    blob = bytes((i * 37 + size) % 256 for i in range(size))
    enc = b.body_encode(blob, 30)
    print(b.decode(enc) == blob, len(b.decode(b.body_encode(blob))) == size)
    print(size, b.header_length(blob), len(b.header_encode(blob)), enc.count('\n'))
