# Lone surrogates in a str: made by escapes, chr, surrogateescape and
# surrogatepass decoding; read back by ord, repr, ascii, the codecs with
# every error handler, comparisons, json and os.fsencode/fsdecode.
import codecs
import json
import os

s = b'-\xff'.decode('utf-8', 'surrogateescape')
print(repr(s), len(s), [hex(ord(c)) for c in s])
print(s.encode('utf-8', 'surrogateescape'))
print(ascii(s), repr('\udcff'), '\udcff' == s[1], chr(0xdcff) == s[1], repr(chr(0xd800)))

for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16-le', 'utf-32-be']:
    for err in ['strict', 'surrogateescape', 'surrogatepass', 'ignore', 'replace',
                'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
        try:
            print(enc, err, ('a' + s + '\ud800b').encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e, e.start, e.end)

print(b'\xed\xa0\x80x'.decode('utf-8', 'surrogatepass') == '\ud800x')
for data, how in [(b'\xed\xa0\x80', 'strict'), (b'a\x00\xff', 'surrogateescape')]:
    try:
        data.decode('utf-8' if how == 'strict' else 'ascii', how)
    except UnicodeDecodeError as e:
        print(e)
print(repr(b'a\x80\xff'.decode('ascii', 'surrogateescape')))
print(repr('\\ud800'.encode().decode('unicode_escape')))
print(ascii('%c' % 0xdc80), '{:c}'.format(0xdc81) == '\udc81')

name = os.fsdecode(b'caf\xe9')
print(repr(name), os.fsencode(name), os.fsencode(name) == b'caf\xe9')

words = ['\ue000', '\udc80', '\U0001f600', 'a', '\ud7ff', '\udc80a', '\udc80\ud800']
print('\udc80' < '\ue000', max('\udc80', '\uffff') == '\uffff', min(words) == 'a')
print('\ud800'.isprintable(), '\udc80'.upper() == '\udc80', len('a\udc80b'),
      'a\udc80b'.find('\udc80'), 'x\udc80y'.split('\udc80'))

loaded = json.loads('"a\\udcffb\\ud83d\\ude00"')
print(len(loaded), [hex(ord(c)) for c in loaded])
print(json.dumps(loaded), json.dumps('\ud800'),
      json.dumps('\ud800', ensure_ascii=False).encode('utf-8', 'surrogatepass'))
print(repr('\ud83d\ude00'), len('\ud83d\ude00'))

try:
    '\udc80'.encode()
except UnicodeEncodeError as e:
    print(e.start, e.end, e.reason, repr(e.object))
print(codecs.decode(b'\xff\xfe', 'utf-8', 'surrogateescape') == '\udcff\udcfe')
print(codecs.lookup_error('surrogateescape')(
    UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'bad')))
print(codecs.encode('x\udcff', 'utf-8', 'surrogateescape'))
