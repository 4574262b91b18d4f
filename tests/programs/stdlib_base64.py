# base64 and binascii: every encoding both ways, padding and alphabet
# errors, the strict decoder, hex with separators, CRC-32.
import base64, binascii
samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd' * 30]
for s in samples:
    e64 = base64.b64encode(s)
    assert base64.b64decode(e64) == s
    e32 = base64.b32encode(s); e32h = base64.b32hexencode(s); e16 = base64.b16encode(s); e85 = base64.b85encode(s)
    assert base64.b32decode(e32) == s and base64.b32hexdecode(e32h) == s and base64.b16decode(e16) == s and base64.b85decode(e85) == s
    print(len(s), e64[:40], e32[:24], e32h[:16], e16[:12], e85[:20], base64.b85encode(s, pad=True)[-5:])
print(base64.urlsafe_b64encode(b'\xfb\xff\xbf'), base64.urlsafe_b64decode('-_-_'), base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.standard_b64decode('Zm9vYmFy'), base64.b64decode('Zm9v\nYmFy'), base64.b64decode(b'Zm9vYg==garbage'), base64.b64decode('Zm 9v'), base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.b32decode('mzxw6===', casefold=True), base64.b32decode('MZXW6YQ=', map01=None), base64.b16decode('666f6f', casefold=True))
for bad in [lambda: base64.b64decode('abc'), lambda: base64.b64decode('a'), lambda: base64.b64decode('ab!c', validate=True), lambda: base64.b64decode('=abc', validate=True), lambda: base64.b64decode('ab=c', validate=True), lambda: base64.b64decode('abc=d', validate=True), lambda: base64.b32decode('MZXW6'), lambda: base64.b32decode('MZXW6===', casefold=False) and base64.b32decode('1ZXW6==='), lambda: base64.b16decode('xyz0'), lambda: base64.b64decode('é'), lambda: base64.b64encode('str'), lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz'), lambda: base64.b85decode(b'\x00\x01')]:
    try:
        print('ok', bad())
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(binascii.hexlify(b'\x01\xab\xff'), binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', -2), binascii.b2a_hex(b'ab'), binascii.unhexlify(b'DEADbeef'), binascii.a2b_hex('00ff'))
print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b''), binascii.crc32(b'a', -1))
print(binascii.b2a_base64(b'hi'), binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64('aGk='), issubclass(binascii.Error, ValueError))
