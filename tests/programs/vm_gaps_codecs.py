# Codecs: encoding names as CPython normalises them, the utf-16/32 and
# utf-8-sig byte-order marks, code pages, the escape codecs, every error
# handler, and UnicodeDecodeError/EncodeError's arguments.


def show(f):
    try:
        return ascii(f())
    except Exception as e:
        return '%s %s %s' % (type(e).__name__, ascii(str(e)), ascii(e.args))


print('-- names')
for name in ['UTF8', 'utf_8', 'U8', 'latin1', 'iso-8859-1', 'ISO8859-1', 'Latin-1',
             ' utf-8 ', 'utf--8', 'UTF-16LE', 'utf_16_be', 'UTF32', 'windows-1252',
             'WINDOWS_1252', 'IBM437', 'utf-8-sig', 'UTF-8-SIG', 'u16', 'us-ascii',
             'ansi_x3.4_1968', 'utf 8', 'utf.8', 'bogus', 'unicode-escape',
             'Raw-Unicode-Escape', 'cp65001', 'l1', '']:
    print(repr(name), show(lambda: 'a\xe9'.encode(name)),
          show(lambda: b'a\xe9'.decode(name)))

print('-- byte-order marks')
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le',
            'utf-32-be', 'utf-8-sig']:
    data = 'a\xe9\u20ac\U0001f600'.encode(enc)
    print(enc, data, show(lambda: data.decode(enc)), ''.encode(enc))
print(show(lambda: b'\xfe\xff\x00a'.decode('utf-16')),
      show(lambda: b'\xff\xfea\x00'.decode('utf-16')),
      show(lambda: b'\xff\xfea\x00'.decode('utf-16-le')),
      show(lambda: b'\x00\x00\xfe\xff\x00\x00\x00a'.decode('utf-32')),
      show(lambda: b'\xef\xbb\xbfabc'.decode('utf-8-sig')),
      show(lambda: b'abc'.decode('utf-8-sig')),
      show(lambda: b'\xef\xbb\xbfabc'.decode('utf-8')))

print('-- decode errors')
cases = [b'abc', b'a\x81\x8d\xff', b'\x00\xd8a\x00', b'\x00\xdc', b'\x00\xd8',
         b'\xff\xfe\x00\x00\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'\xef\xbb\xbf\xff',
         b'\\x4\\u12', b'\\U00110000', b'\\u12', b'\\N{SNOWMAN}\\N{bogus}',
         b'\\N{latin small letter e with acute}\\t\\101\\x41\\u20ac', b'\\', b'\\N{',
         b'\\\\u0041\\\\\\u0041']
for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32',
            'utf-32-be', 'cp1252', 'cp437', 'utf-8-sig', 'raw_unicode_escape',
            'unicode_escape']:
    for data in cases:
        print(enc, data, show(lambda: data.decode(enc)),
              show(lambda: data.decode(enc, 'replace')),
              show(lambda: data.decode(enc, 'backslashreplace')),
              show(lambda: data.decode(enc, 'ignore')))

print('-- encode errors and handlers')
text = 'a\xe9\u20ac\U0001f600\x00\u2603\ue000\\\n'
for enc in ['ascii', 'latin-1', 'cp1252', 'cp437', 'utf-8', 'utf-16-le',
            'raw_unicode_escape', 'unicode_escape']:
    for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace',
                   'backslashreplace', 'namereplace', 'surrogateescape',
                   'surrogatepass']:
        print(enc, errors, show(lambda: text.encode(enc, errors)))
print(show(lambda: '\xe9'.encode('ascii', 'bogus')),
      show(lambda: '\xe9'.encode('cp1252', 'bogus')),
      show(lambda: 'e'.encode('ascii', 'bogus')),
      show(lambda: b'\xff'.decode('utf-8', 'bogus')),
      show(lambda: b'\xff'.decode('utf-8', 'namereplace')),
      show(lambda: b'\xff'.decode('cp437', 'xmlcharrefreplace')),
      show(lambda: b'\x81'.decode('cp1252', 'xmlcharrefreplace')))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'\xe9\x80', 'cp1252'),
      bytearray('\xe9\u20ac', 'utf-16-be'), bytes('\xe9', encoding='utf-32-le'),
      bytearray(b'\xff\xfeh\x00').decode('utf-16'))

print('-- the exceptions')
try:
    b'ab\xffc'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, repr(e), isinstance(e, ValueError))
try:
    'a\xff\u0100b'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, repr(e))
for args in [('utf-8', b'ab\xff', 2, 3, 'bad'), ('utf-8', b'ab\xff', 0, 3, 'bad'),
             ('utf-8', bytearray(b'ab'), 5, 6, 'bad'), ('utf-8', 'x', 0, 1, 'r'),
             (1, b'', 0, 1, 'r'), ('a', b'', 'x', 1, 'r'), ('a', b'')]:
    print(show(lambda: str(UnicodeDecodeError(*args))))
for args in [('ascii', 'a\xe9', 1, 2, 'bad'), ('ascii', 'a\u20ac', 1, 2, 'bad'),
             ('ascii', 'a\U0001f600', 1, 2, 'bad'), ('ascii', 'abc', 0, 3, 'r'),
             ('ascii', b'x', 0, 1, 'r')]:
    print(show(lambda: str(UnicodeEncodeError(*args))))
e = UnicodeTranslateError('a\xe9', 1, 2, 'nope')
print(str(e), e.args, e.object, str(UnicodeTranslateError('abc', 0, 2, 'no')))
e = UnicodeDecodeError('utf-8', b'ab\xff', 2, 3, 'bad')
e.start, e.end, e.reason = 0, 2, 'changed'
print(e, e.args)
print(show(lambda: UnicodeDecodeError()))


class MyError(UnicodeDecodeError):
    def __init__(self, reason):
        super().__init__('utf-8', b'\xff', 0, 1, reason)


print(str(MyError('mine')), MyError('x').object)
