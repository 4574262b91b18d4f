# codecs.charmap_build / charmap_encode / charmap_decode, and a table-based
# codec written in Python (in the style of CPython's encodings.cp1252)
# registered with codecs.register and used through the codecs API.
import codecs
import io


def attempt(label, function, *args):
    try:
        print(label, repr(function(*args)))
    except Exception as exc:
        print(label, type(exc).__name__, exc)


def undefined_or(byte):
    try:
        return bytes([byte]).decode('cp1252')
    except UnicodeDecodeError:
        return '\ufffe'


# The decoding table of cp1252: 256 characters, U+FFFE for the 5
# undefined bytes.
CP1252_TABLE = ''.join(undefined_or(byte) for byte in range(256))
print(len(CP1252_TABLE), CP1252_TABLE.count('\ufffe'), repr(CP1252_TABLE[0x80:0x90]))

print('--- charmap_build')
encoding_map = codecs.charmap_build(CP1252_TABLE)
print(type(encoding_map).__name__, encoding_map.size())
for table in ('\x00', '\x00' + '\ufffe' * 255, ''.join(map(chr, range(256))),
              '\x00abc', '\x00' + '\uffff' * 300,
              '\x00' + ''.join(chr(0x80 * i + 1) for i in range(1, 254)),
              '\x00' + ''.join(chr(0x80 * i + 1) for i in range(1, 255))):
    built = codecs.charmap_build(table)
    if isinstance(built, dict):
        print('dict', len(built))
    else:
        print(type(built).__name__, built.size())
for table in ('abc', 'a' * 256, 'x\ufffey\ufffe', '\x00a\x00b', '\x00\U0001f600z', ''):
    attempt('build %r' % table[:8], codecs.charmap_build, table)
for bad in (b'abc', None, 3, ['a']):
    attempt('build', codecs.charmap_build, bad)

print('--- charmap_encode')
attempt('none', codecs.charmap_encode, 'abc\xff')
attempt('none bad', codecs.charmap_encode, 'abc\u0100')
attempt('none ignore', codecs.charmap_encode, 'a\u0100b', 'ignore', None)
attempt('map', codecs.charmap_encode, 'Price: 5\u20ac \u201cq\u201d \u2122\xe9', 'strict', encoding_map)
attempt('map empty', codecs.charmap_encode, '', 'strict', encoding_map)
attempt('map nul', codecs.charmap_encode, '\x00a\x00', 'strict', encoding_map)
for errors in (None, 'strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
    attempt('map %s' % errors, codecs.charmap_encode, 'a\u0100\u0101b\u20ac\U0001f600c', errors, encoding_map)
attempt('map U+FFFE', codecs.charmap_encode, '\ufffe', 'strict', encoding_map)
attempt('map unknown handler', codecs.charmap_encode, 'a\u0100', 'no-such-handler', encoding_map)
attempt('map fine unknown handler', codecs.charmap_encode, 'abc', 'no-such-handler', encoding_map)
attempt('not str', codecs.charmap_encode, b'abc', 'strict', encoding_map)
attempt('None str', codecs.charmap_encode, None, 'strict', encoding_map)

mappings = [{97: 98}, {97: b'xyz'}, {97: b''}, {97: None}, {}, {97: 'x'},
            {97: 256}, {97: -1}, {97: 3.0}, {97: None, 63: 120}, {97: True}]
for mapping in mappings:
    for errors in ('strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace'):
        attempt('%r %s' % (mapping, errors), codecs.charmap_encode, 'aa', errors, mapping)

xml_mapping = {ord(c): ord(c) for c in '&#;0123456789'}
attempt('xml through mapping', codecs.charmap_encode, 'A&B', 'xmlcharrefreplace', xml_mapping)
attempt('replace through mapping', codecs.charmap_encode, 'AB', 'replace', {63: b'<?>'})
attempt('list mapping', codecs.charmap_encode, 'ab', 'strict', [0, 1])
attempt('int mapping', codecs.charmap_encode, 'ab', 'strict', 5)


class Lookup:
    """A mapping that is not a dict: any __getitem__ will do."""
    def __getitem__(self, code_point):
        if code_point == ord('!'):
            raise ValueError('no exclamations')
        if code_point > 0x7f:
            raise KeyError(code_point)
        return code_point + 1


attempt('object', codecs.charmap_encode, 'HAL', 'strict', Lookup())
attempt('object undefined', codecs.charmap_encode, 'HAL\xe9', 'replace', Lookup())
attempt('object raises', codecs.charmap_encode, 'HAL!', 'strict', Lookup())

seen = []


def recording_handler(exc):
    seen.append((type(exc).__name__, exc.encoding, exc.object, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d>' % (exc.end - exc.start), exc.end)
    return ('[%02x]' % exc.object[exc.start], exc.end)


codecs.register_error('test.recording', recording_handler)
codecs.register_error('test.bytes', lambda exc: (b'\xff\xfe', exc.end))
codecs.register_error('test.skip_one_more', lambda exc: ('', exc.end + 1))
# A negative resume position counts from the end of the input.
codecs.register_error('test.back', lambda exc: ('#', exc.end - len(exc.object)))
codecs.register_error('test.unencodable', lambda exc: ('\u0100', exc.end))
codecs.register_error('test.bad_result', lambda exc: 'oops')
codecs.register_error('test.far', lambda exc: ('', 100))
attempt('recording', codecs.charmap_encode, 'x\u0100\u0101y\u0102', 'test.recording', encoding_map)
print(seen)
attempt('bytes result', codecs.charmap_encode, 'x\u0100y', 'test.bytes', encoding_map)
attempt('skip more', codecs.charmap_encode, 'x\u0100yz', 'test.skip_one_more', encoding_map)
attempt('back', codecs.charmap_encode, 'x\u0100yz', 'test.back', encoding_map)
attempt('unencodable', codecs.charmap_encode, 'x\u0100y', 'test.unencodable', encoding_map)
attempt('bad result', codecs.charmap_encode, 'x\u0100y', 'test.bad_result', encoding_map)
attempt('far', codecs.charmap_encode, 'x\u0100y', 'test.far', encoding_map)

try:
    codecs.charmap_encode('ab\u0100\u0101c', 'strict', encoding_map)
except UnicodeEncodeError as exc:
    print(exc.encoding, repr(exc.object), exc.start, exc.end, exc.reason)

print('--- charmap_decode')
all_bytes = bytes(range(256))
attempt('none', codecs.charmap_decode, b'abc\xff')
attempt('none errors', codecs.charmap_decode, b'abc\xff', 'strict', None)
attempt('table', codecs.charmap_decode, b'Price: 5\x80 \x93q\x94 \x99\xe9', 'strict', CP1252_TABLE)
decoded, consumed = codecs.charmap_decode(all_bytes, 'replace', CP1252_TABLE)
print(consumed, len(decoded), decoded.count('\ufffd'), decoded == all_bytes.decode('cp1252', 'replace'))
for errors in (None, 'strict', 'ignore', 'replace', 'backslashreplace', 'test.recording'):
    seen.clear()
    attempt('table %s' % errors, codecs.charmap_decode, b'a\x81b\x8d\x8fc', errors, CP1252_TABLE)
print(seen)
attempt('xmlcharref on decode', codecs.charmap_decode, b'\x81', 'xmlcharrefreplace', CP1252_TABLE)
attempt('short table', codecs.charmap_decode, b'\x00\x01\x02\x03', 'replace', 'ab\ufffe')
attempt('short table strict', codecs.charmap_decode, b'\x01\x05', 'strict', 'abcd')
attempt('bytearray', codecs.charmap_decode, bytearray(b'\x80\x99'), 'strict', CP1252_TABLE)
attempt('memoryview', codecs.charmap_decode, memoryview(b'\x80\x99'), 'strict', CP1252_TABLE)
attempt('str data', codecs.charmap_decode, 'abc', 'strict', CP1252_TABLE)
attempt('empty', codecs.charmap_decode, b'', 'strict', CP1252_TABLE)
attempt('skip more', codecs.charmap_decode, b'\x81xyz', 'test.skip_one_more', CP1252_TABLE)
attempt('back', codecs.charmap_decode, b'\x00\x03\x01\x02', 'test.back', 'abc\ufffe')
attempt('bad result', codecs.charmap_decode, b'\x81', 'test.bad_result', CP1252_TABLE)
attempt('far', codecs.charmap_decode, b'\x81', 'test.far', CP1252_TABLE)
attempt('unknown handler', codecs.charmap_decode, b'\x81', 'no-such-handler', CP1252_TABLE)
try:
    codecs.charmap_decode(b'ab\x90c', 'strict', CP1252_TABLE)
except UnicodeDecodeError as exc:
    print(exc.encoding, exc.object, exc.start, exc.end, exc.reason)

decode_mappings = [{97: 98}, {97: 'xyz'}, {97: ''}, {97: None}, {}, {97: 0xfffe},
                   {97: '\ufffe'}, {97: 0x110000}, {97: -1}, {97: b'x'}, {97: 1.5},
                   {97: 0x1f600}, {97: '\U0001f600'}, [0] * 98, ['A', None, 'C'] * 40]
for mapping in decode_mappings:
    for errors in ('strict', 'replace', 'ignore'):
        attempt('%r %s' % (mapping if not isinstance(mapping, list) else 'list', errors),
                codecs.charmap_decode, b'aa', errors, mapping)


class ByteLookup:
    def __getitem__(self, byte):
        if byte == 0xff:
            raise RuntimeError('no 0xff')
        if byte >= 0x80:
            raise IndexError(byte)
        return chr(byte).upper()


attempt('object', codecs.charmap_decode, b'hal', 'strict', ByteLookup())
attempt('object undefined', codecs.charmap_decode, b'hal\x80', 'replace', ByteLookup())
attempt('object raises', codecs.charmap_decode, b'hal\xff', 'strict', ByteLookup())


class TableStr(str):
    """A str subclass goes through the general mapping path."""


attempt('str subclass', codecs.charmap_decode, b'\x00\x02\x09', 'replace', TableStr('abc'))

print('--- round trip')
round_trip = CP1252_TABLE.replace('\ufffe', '')
encoded, count = codecs.charmap_encode(round_trip, 'strict', encoding_map)
print(count, len(encoded), codecs.charmap_decode(encoded, 'strict', CP1252_TABLE)[0] == round_trip)

print('--- a registered charmap codec')
# A table-based codec laid out as CPython's generated encodings modules:
# an upper-case-swapping "rot" page, with bytes 0xf0-0xff undefined.
ROT_TABLE = ''.join(
    chr(b).swapcase() if chr(b).isalpha() and b < 0x80 else chr(b)
    for b in range(0xf0)) + '\ufffe' * 16
ROT_ENCODING = codecs.charmap_build(ROT_TABLE)


class RotCodec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return codecs.charmap_encode(input, errors, ROT_ENCODING)

    def decode(self, input, errors='strict'):
        return codecs.charmap_decode(input, errors, ROT_TABLE)


class RotIncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.charmap_encode(input, self.errors, ROT_ENCODING)[0]


class RotIncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.charmap_decode(input, self.errors, ROT_TABLE)[0]


class RotStreamWriter(RotCodec, codecs.StreamWriter):
    pass


class RotStreamReader(RotCodec, codecs.StreamReader):
    pass


def search_rot(name):
    if name != 'test_rot_page':
        return None
    return codecs.CodecInfo(
        name='test-rot-page',
        encode=RotCodec().encode,
        decode=RotCodec().decode,
        incrementalencoder=RotIncrementalEncoder,
        incrementaldecoder=RotIncrementalDecoder,
        streamreader=RotStreamReader,
        streamwriter=RotStreamWriter,
    )


codecs.register(search_rot)
info = codecs.lookup('Test-Rot Page')
print(info.name, repr(info)[:30], info._is_text_encoding)
print(codecs.encode('Hello, World \xe9', 'test-rot-page'))
print(codecs.decode(b'hELLO, wORLD \xe9', 'test-rot-page'))
print(codecs.encode('Hello\u0100!', 'test-rot-page', 'replace'))
print(codecs.decode(b'Hi\xf5\xf6', 'test_rot_page', 'backslashreplace'))
attempt('encode error', codecs.encode, 'Hi\u0100', 'test-rot-page')
attempt('decode error', codecs.decode, b'Hi\xfa', 'test-rot-page')
print(list(codecs.iterencode(['ab', 'C', '', 'dE'], 'test-rot-page')))
print(list(codecs.iterdecode([b'ab', b'C', b'', b'dE'], 'test-rot-page')))
encoder = codecs.getincrementalencoder('test-rot-page')('replace')
print(encoder.encode('Abc'), encoder.encode('\u20ac', final=True))
decoder = codecs.getincrementaldecoder('test-rot-page')()
print(decoder.decode(b'aBC'), decoder.decode(b'', final=True))
stream = io.BytesIO()
writer = codecs.getwriter('test-rot-page')(stream)
writer.write('Stream Text\n')
writer.writelines(['one ', 'Two\n'])
print(stream.getvalue())
reader = codecs.getreader('test-rot-page')(io.BytesIO(stream.getvalue()))
print(reader.readline(), reader.read())
print(codecs.getencoder('test-rot-page')('xY'), codecs.getdecoder('test-rot-page')(b'xY'))
codecs.unregister(search_rot)
attempt('after unregister', codecs.lookup, 'test-rot-page')
