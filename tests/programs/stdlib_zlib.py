# zlib: compressed bytes equal CPython's (both are zlib), streaming objects, wbits formats, errors.
import zlib
data = b"hello world " * 100 + bytes(range(256)) * 3
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12].hex(), zlib.crc32(c), zlib.decompress(c) == data)
for wbits in (9, 15, -15, 31, -9):
    c = zlib.compress(data, 6, wbits) if wbits != 31 else zlib.compress(data, wbits=31)
    print(wbits, len(c), zlib.crc32(c))
    print(zlib.decompress(c, wbits if wbits != 9 else 15) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
print(zlib.decompress(zlib.compress(data), 32 + 15) == data)
print(zlib.crc32(b"abc"), zlib.crc32(b"abc", 12345), zlib.adler32(b"abc"), zlib.adler32(b"abc", 7), zlib.crc32(b"x", -1))
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[:100]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(data[100:]), co.flush(zlib.Z_FULL_FLUSH), co.compress(b"tail"), co.flush()]
print([len(p) for p in parts], zlib.crc32(b"".join(parts)))
try:
    co.compress(b"x")
except zlib.error as e:
    print("error", e)
do = zlib.decompressobj(-12)
blob = b"".join(parts)
out = b""
chunk = blob
while chunk:
    out += do.decompress(chunk, 100)
    chunk = do.unconsumed_tail
print(len(out), out == data + b"tail", do.eof, do.unused_data)
c = zlib.compress(data) + b"EXTRA"
do = zlib.decompressobj()
print(do.decompress(c) == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)
for bad in (b"", b"x\x9c", b"garbage", zlib.compress(data)[:-3]):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("error", e)
zd = b"hello world abcdefg"
co = zlib.compressobj(zdict=zd)
c = co.compress(b"hello world hello abcdefg") + co.flush()
print(c.hex())
try:
    zlib.decompress(c)
except zlib.error as e:
    print("error", e)
do = zlib.decompressobj(zdict=zd)
print(do.decompress(c))
try:
    zlib.compress(b"x", 10)
except zlib.error as e:
    print("error", e)
try:
    zlib.compressobj(10)
except ValueError as e:
    print("ValueError", e)
try:
    zlib.decompressobj(3)
except ValueError as e:
    print("ValueError", e)
try:
    zlib.decompress(b"x", 3)
except zlib.error as e:
    print("error", e)
d = zlib.decompressobj()
c = zlib.compress(data)
a = d.decompress(c[:50])
d2 = d.copy()
print(a + d.decompress(c[50:]) == data, a + d2.decompress(c[50:]) == data)
co = zlib.compressobj()
co.compress(b"abc")
co2 = co.copy()
print(co.flush() == co2.flush())
try:
    co.copy()
except ValueError as e:
    print("ValueError", e)
d = zlib.decompressobj()
print(len(d.decompress(c, 10)), len(d.unconsumed_tail) > 0, len(d.flush()) + 10 == len(data), d.eof)
print(type(zlib.compressobj()).__name__, zlib.error.__module__, zlib.error.__mro__)
try:
    zlib.compress("str")
except TypeError as e:
    print("TypeError", e)
print(zlib.compress(b""), zlib.compress(bytearray(b"ab")), zlib.decompress(memoryview(zlib.compress(b"mv"))))
big = bytes(i * 7 % 251 for i in range(300000))
print(len(zlib.compress(big)), zlib.decompress(zlib.compress(big), bufsize=1) == big)
