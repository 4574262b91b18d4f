# codecs: the registry, encode/decode, error handlers, incremental and
# stream codecs, BOMs.
import codecs
import io
import os


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print("-- lookup")
for name in ['UTF8', 'utf_8', 'U8', ' utf-8 ', 'latin1', 'ISO-8859-1', 'L1', 'ascii',
             'US-ASCII', '646', 'utf-16', 'utf_16_be', 'UTF-16LE', 'utf-32', 'u32',
             'utf_32_le', 'utf-8-sig', 'cp1252', 'windows-1252', 'IBM437', 'hex',
             'hex_codec', 'base64', 'base_64', 'zlib', 'zip', 'rot13', 'rot_13',
             'UTF16LE', 'utf.8', 'nope', '']:
    show(lambda: codecs.lookup(name).name)
show(lambda: codecs.lookup(8))
info = codecs.lookup('utf-8')
enc, dec, reader, writer = info
print(type(info).__name__, isinstance(info, tuple), len(info))
print(enc is info.encode, dec is info.decode, reader is info.streamreader, writer is info.streamwriter)
print(info.incrementalencoder.__name__, info.incrementaldecoder.__name__)
print(info._is_text_encoding, codecs.lookup('hex')._is_text_encoding, codecs.lookup('rot13')._is_text_encoding)
print(codecs.lookup('utf8') is codecs.lookup('utf8'))
made = codecs.CodecInfo(len, len, name='mine')
print(made.name, made.incrementalencoder, made.streamreader, made._is_text_encoding)
print(codecs.CodecInfo(len, len, _is_text_encoding=False)._is_text_encoding)

print("-- encode/decode")
sample = 'Grüße, €5 — ok'
for name in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le',
             'utf-32-be', 'utf-8-sig', 'cp1252']:
    data = codecs.encode(sample, name)
    print(name, data, codecs.decode(data, name) == sample)
print(codecs.encode('a\U0001f600b', 'utf-16-le'), codecs.encode('a\U0001f600b', 'utf-32-be'))
print(codecs.decode(b'a\x00=\xd8\x00\xdeb\x00', 'utf-16-le'))
print(codecs.encode('Ç½▓', 'cp437'), codecs.decode(b'\x80\xab\xb2', 'cp437'))
print(codecs.encode('x'), codecs.decode(b'x'), codecs.decode(bytearray(b'ba')), codecs.decode(memoryview(b'mv')))
print(codecs.encode('é', 'latin-1'), codecs.decode(b'\xe9', 'iso-8859-1'))
show(lambda: codecs.decode(b'\xef\xbb\xbfa\xef\xbb\xbf', 'utf-8-sig'))
show(lambda: codecs.decode(b'\xff\xfea\x00', 'utf-16'))
show(lambda: codecs.decode(b'\xfe\xff\x00a', 'utf-16'))
show(lambda: codecs.decode(b'a\x00', 'utf-16'))
show(lambda: codecs.decode(b'\x00\x00\xfe\xff\x00\x00\x00a', 'utf-32'))

print("-- bytes and str codecs")
show(lambda: codecs.encode(b'abc', 'hex'))
show(lambda: codecs.decode(b'616263', 'hex'))
show(lambda: codecs.decode('616263', 'hex_codec'))
show(lambda: codecs.decode(b'616', 'hex'))
show(lambda: codecs.encode(b'x' * 60, 'base64'))
show(lambda: codecs.decode(b'YWJj\n', 'base64'))
show(lambda: codecs.decode(b'YWJ', 'base64'))
show(lambda: codecs.decode(codecs.encode(b'hello' * 10, 'zlib'), 'zlib'))
show(lambda: codecs.encode('Hello, World!', 'rot13'))
show(lambda: codecs.decode('Uryyb', 'rot_13'))
show(lambda: codecs.encode('abc', 'hex'))
show(lambda: codecs.encode(b'abc', 'utf-8'))
show(lambda: codecs.encode(5))
show(lambda: codecs.decode('abc', 'utf-8'))
show(lambda: codecs.encode('abc', 'no-such-codec'))
show(lambda: codecs.getencoder('hex')(b'\x00\xff'))
show(lambda: codecs.getdecoder('rot13')('nop'))
show(lambda: codecs.lookup('utf-8').encode('é'))
show(lambda: codecs.lookup('utf-16-le').decode(b'a\x00b'))

print("-- errors")
show(lambda: codecs.encode('aé€b', 'ascii'))
show(lambda: codecs.encode('aé€b', 'latin-1'))
show(lambda: codecs.decode(b'a\xff\xfeb', 'utf-8'))
show(lambda: codecs.decode(b'a\xe2\x82', 'utf-8'))
show(lambda: codecs.decode(b'a\x81', 'cp1252'))
show(lambda: codecs.encode('€\u0100\u0101x', 'cp437'))
show(lambda: codecs.decode(b'=\xd8a\x00', 'utf-16-le'))
show(lambda: codecs.decode(b'\x00\xdca\x00', 'utf-16-le'))
show(lambda: codecs.decode(b'a\x00b', 'utf-16-le'))
show(lambda: codecs.decode(b'\x00\x00\x11\x00', 'utf-32-le'))
show(lambda: codecs.decode(b'\x00\xd8\x00\x00', 'utf-32-le'))
for handler in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    show(lambda: codecs.encode('aé€\U0001f600b', 'ascii', handler))
    show(lambda: codecs.encode('aé€b', 'cp1252', handler))
for handler in ['ignore', 'replace', 'backslashreplace']:
    show(lambda: codecs.decode(b'a\xff\xc3b\xe2\x82', 'utf-8', handler))
    show(lambda: codecs.decode(b'a\x81\x8db', 'cp1252', handler))
    show(lambda: codecs.decode(b'=\xd8a\x00b', 'utf-16-le', handler))
show(lambda: codecs.encode('é', 'ascii', 'bogus'))
show(lambda: codecs.encode('e', 'ascii', 'bogus'))

print("-- error handlers")
ee = UnicodeEncodeError('ascii', 'aé€b', 1, 3, 'ordinal not in range(128)')
de = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte')
te = UnicodeTranslateError('aé€b', 1, 3, 'no')
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    handler = codecs.lookup_error(name)
    print(name, handler.__name__)
    for exc in (ee, de, te, ValueError('v')):
        show(lambda: handler(exc))
show(lambda: codecs.lookup_error('strict')(ee))
show(lambda: codecs.lookup_error('strict')(KeyError('k')))
show(lambda: codecs.lookup_error('strict')('text'))
print(codecs.lookup_error('replace') is codecs.replace_errors, codecs.strict_errors.__name__)
show(lambda: codecs.lookup_error('nope'))
show(lambda: codecs.lookup_error(3))
show(lambda: codecs.register_error('x', 3))
show(lambda: codecs.register_error(3, len))


def angle(exc):
    return '<%s>' % exc.object[exc.start:exc.end], exc.end


codecs.register_error('test.angle', angle)
print(codecs.lookup_error('test.angle') is angle)
show(lambda: codecs.encode('aé€b', 'latin-1', 'test.angle'))
show(lambda: codecs.encode('aé€b', 'ascii', 'test.angle'))
show(lambda: codecs.decode(b'a\xff\xfeb', 'utf-8', 'test.angle'))
show(lambda: codecs.decode(b'a\x81b', 'cp1252', 'test.angle'))
codecs.register_error('test.bytes', lambda exc: (b'[?]', exc.end))
show(lambda: codecs.encode('aéb', 'ascii', 'test.bytes'))
show(lambda: codecs.decode(b'a\xffb', 'ascii', 'test.bytes'))
codecs.register_error('test.back', lambda exc: ('X', -1))
show(lambda: codecs.encode('aéb', 'ascii', 'test.back'))
codecs.register_error('test.far', lambda exc: ('X', 99))
show(lambda: codecs.encode('aéb', 'ascii', 'test.far'))
codecs.register_error('test.bad', lambda exc: 'X')
show(lambda: codecs.encode('aéb', 'ascii', 'test.bad'))
show(lambda: codecs.decode(b'a\xffb', 'utf-8', 'test.bad'))

print("-- incremental")
decoder = codecs.getincrementaldecoder('utf-8')()
print([decoder.decode(piece) for piece in [b'a\xe2', b'\x82', b'\xac!', b'\xf0\x9f\x98', b'\x80']])
print(decoder.decode(b'\xe2\x82'), decoder.getstate())
show(lambda: decoder.decode(b'', final=True))
decoder.reset()
print(decoder.getstate())
show(lambda: decoder.decode(b'\xe0\x80'))
decoder = codecs.getincrementaldecoder('utf-8')('replace')
print([decoder.decode(b'\xe2\x82'), decoder.decode(b'a'), decoder.decode(b'\xe2', True)])
data = codecs.encode('aé\U0001f600z', 'utf-16')
for name in ['utf-16', 'utf-32', 'utf-8-sig']:
    data = codecs.encode('aé\U0001f600z', name)
    decoder = codecs.getincrementaldecoder(name)()
    print(name, [decoder.decode(data[i:i + 1]) for i in range(len(data))], decoder.decode(b'', True))
show(lambda: codecs.getincrementaldecoder('utf-16')().decode(b'a\x00'))
decoder = codecs.getincrementaldecoder('utf-16-be')()
print(repr(decoder.decode(b'\x00a\xd8')), decoder.getstate())
show(lambda: decoder.decode(b'', True))
for name in ['utf-16', 'utf-8-sig', 'utf-32-le', 'utf-8', 'rot13']:
    encoder = codecs.getincrementalencoder(name)()
    print(name, encoder.encode('ab'), encoder.encode('c'), encoder.encode('', True))
    encoder.reset()
    print(encoder.encode('d'))
print(list(codecs.iterencode(['ab', '', 'é'], 'utf-16')))
print(list(codecs.iterdecode([b'a', b'\xc3', b'\xa9', b''], 'utf-8')))
print(list(codecs.iterdecode([b'ff', b'00'], 'hex')))
encoder = codecs.getincrementalencoder('zlib')()
parts = [encoder.encode(b'hello '), encoder.encode(b'world'), encoder.encode(b'!', True)]
decoder = codecs.getincrementaldecoder('zlib')()
print([decoder.decode(part) for part in parts], decoder.decode(b'', True))


class Upper(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return input.upper().encode('ascii')


print(list(codecs.iterencode(['ab', 'c'], 'ascii')), Upper().encode('xy'), Upper().getstate())


class Pairs(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        usable = len(input) if final else len(input) // 2 * 2
        return input[:usable].decode('ascii')[::-1], usable


pairs = Pairs()
print(repr(pairs.decode(b'abc')), pairs.getstate(), repr(pairs.decode(b'd')), repr(pairs.decode(b'e', True)))
show(lambda: codecs.IncrementalDecoder().decode(b'x'))
show(lambda: codecs.Codec().encode('x'))

print("-- streams")
raw = io.BytesIO()
writer = codecs.getwriter('utf-16')(raw)
writer.write('line one\n')
writer.writelines(['two\r\n', 'thr€e'])
print(raw.getvalue()[:6], len(raw.getvalue()))
raw.seek(0)
reader = codecs.getreader('utf-16')(raw)
print([reader.readline(), reader.readline(keepends=False), reader.readline(), reader.readline()])
raw = io.BytesIO('αβγ\ndelta\n\nlast'.encode('utf-8'))
reader = codecs.getreader('utf-8')(raw)
print(repr(reader.read(1, 2)), repr(reader.read(chars=3)), repr(reader.readline()))
print(list(reader))
raw.seek(0)
reader.reset()
print(reader.readlines(), raw.read())
raw = io.BytesIO(b'a\r\nb\rc\nd')
print(list(codecs.getreader('ascii')(raw)))
raw = io.BytesIO(b'x\xe9y')
show(lambda: codecs.getreader('utf-8')(raw).read())
raw = io.BytesIO(b'x\xe9y')
print(codecs.getreader('utf-8')(raw, 'replace').read(), codecs.getreader('utf-8')(raw).closed)

# A file of this run's own: the goldens run twice at once (normal and
# collector stress), in the same directory.
import tempfile
path = os.path.join(tempfile.mkdtemp(), 'stdlib_codecs_tmp.txt')
with codecs.open(path, 'w', 'utf-32-be') as f:
    print(type(f).__name__, f.encoding)
    f.write('hé\nthere\n')
with codecs.open(path, 'rb') as f:
    print(f.read())
with codecs.open(path, encoding='utf-32-be') as f:
    print(f.readline(), f.read(), f.closed)
print(f.closed)
with open(path, 'wb') as f:
    recoder = codecs.EncodedFile(f, 'utf-8', 'utf-16-le')
    recoder.write('zé'.encode('utf-8'))
    print(recoder.data_encoding, recoder.file_encoding)
with open(path, 'rb') as f:
    print(f.read())
    f.seek(0)
    print(codecs.EncodedFile(f, 'latin-1', 'utf-16-le').read())
os.remove(path)
os.rmdir(os.path.dirname(path))

print("-- registry")
seen = []


def search(name):
    seen.append(name)
    if name == 'test_upper':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (b.decode().lower(), len(b)),
                                name='test-upper')
    if name == 'bad_result':
        return 42
    return None


codecs.register(search)
show(lambda: codecs.encode('abc', 'Test Upper'))
show(lambda: codecs.decode(b'ABC', 'test-upper'))
show(lambda: codecs.lookup('test.upper'))
show(lambda: codecs.lookup('bad result'))
print(seen)
codecs.unregister(search)
show(lambda: codecs.lookup('Another One'))
show(lambda: codecs.register('x'))
print(seen)

print("-- helpers and BOMs")
print(codecs.utf_8_decode(b'a\xc3'), codecs.utf_8_decode(b'a\xc3\xa9', 'strict', True))
show(lambda: codecs.utf_8_decode(b'a\xc3', 'strict', True))
print(codecs.utf_8_encode('é'), codecs.latin_1_encode('é'), codecs.ascii_decode(b'ab'))
print(codecs.utf_16_encode('a'), codecs.utf_16_encode('a', 'strict', 1), codecs.utf_16_le_decode(b'a\x00b'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a'), codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
print(codecs.BOM == codecs.BOM_UTF16, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM_UTF32 in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
