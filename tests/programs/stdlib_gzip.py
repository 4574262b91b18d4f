# gzip: compress/decompress, GzipFile reading and writing, open() in
# binary and text modes; the bytes produced must equal CPython's.
import gzip
import io
import os
import struct
import zlib


def show_error(action):
    try:
        result = action()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   ok", result)


class NamedBytesIO(io.BytesIO):
    pass


text = b"".join(b"line %d: the quick brown fox\n" % i for i in range(200))
noise = bytes((i * 7919 + (i >> 3)) & 0xFF for i in range(5000))

print("== compress")
for level in (0, 1, 5, 6, 9):
    for mtime in (0, 1234567890):
        blob = gzip.compress(text, level, mtime=mtime)
        print(level, mtime, len(blob), hex(zlib.crc32(blob)), blob[:10].hex())
print(gzip.compress(b"", mtime=5).hex())
print(gzip.compress(noise, mtime=5)[-8:].hex())
print(gzip.decompress(gzip.compress(text)) == text)
print(gzip.compress(bytearray(b"abc"), mtime=1).hex())
print(gzip.compress(memoryview(b"abc"), mtime=1).hex())

print("== decompress")
two = gzip.compress(b"first ", mtime=1) + gzip.compress(b"second", mtime=2)
print(gzip.decompress(two))
print(gzip.decompress(two + b"\x00" * 10))
print(gzip.decompress(b""))
good = gzip.compress(b"payload", mtime=9)
crc_bad = bytearray(good)
crc_bad[-5] ^= 1
len_bad = bytearray(good)
len_bad[-2] ^= 1
method_bad = bytearray(good)
method_bad[2] = 7
for bad in [b"\x1f", b"xx", b"PK\x03\x04", bytes(method_bad), good[:5],
            good[:-3], good[:-8], good + b"\x00\x00x", bytes(crc_bad),
            bytes(len_bad)]:
    show_error(lambda: gzip.decompress(bad))
    show_error(lambda: gzip.GzipFile(fileobj=io.BytesIO(bad)).read())

print("== header fields on read")
body = zlib.compress(b"with fields", 9, -15)
trailer = struct.pack("<LL", zlib.crc32(b"with fields"), 11)
flags = gzip.FEXTRA | gzip.FNAME | gzip.FCOMMENT | gzip.FHCRC
header = (b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<L", 777) +
          b"\x00\x03" + struct.pack("<H", 4) + b"XY\x00\x00" +
          b"name.txt\x00" + b"a comment\x00" + b"\xab\xcd")
with_fields = header + body + trailer
print(gzip.decompress(with_fields))
with gzip.GzipFile(fileobj=io.BytesIO(with_fields)) as f:
    print(f.mtime, f.read(), f.mtime)

print("== GzipFile writing")
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=3) as f:
    print(f.write(b"abc"), f.write(bytearray(b"def")), f.write(memoryview(b"gh")))
    print(f.tell(), f.writable(), f.readable(), f.seekable(), f.closed)
    f.flush()
    f.write(b"after flush")
    print(f.seek(20), f.tell(), f.seek(2, 1))
    show_error(lambda: f.seek(0, 2))
    show_error(lambda: f.seek(0))
    show_error(lambda: f.read())
    show_error(lambda: f.read1())
    show_error(lambda: f.rewind())
print(f.closed, buf.getvalue().hex())
print(gzip.decompress(buf.getvalue()))
show_error(lambda: f.write(b"late"))
for name, level in [("foo.txt.gz", 9), ("dir/data.bin", 1), ("plain.gz", 6),
                    ("", 9), ("caf\xe9.gz", 9), ("\u20ac.gz", 9)]:
    buf = NamedBytesIO()
    buf.name = name
    with gzip.GzipFile(fileobj=buf, mode="w", compresslevel=level, mtime=42) as f:
        f.writelines([b"one\n", b"two\n"])
    print(repr(name), f.name == name, buf.getvalue().hex())
buf = io.BytesIO()
with gzip.GzipFile("given/name.gz", "wb", 9, buf, 8) as f:
    f.write(noise)
print(len(buf.getvalue()), hex(zlib.crc32(buf.getvalue())))
for mode in ["rt", "z", "U"]:
    show_error(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode=mode))

print("== GzipFile reading")
data = gzip.compress(text, mtime=11) + gzip.compress(noise, mtime=12)
f = gzip.GzipFile(fileobj=io.BytesIO(data))
print(f.mode == gzip.READ, f.mtime, repr(f.name), f.readable(), f.writable())
print(f.read(5), f.mtime, f.tell())
print(f.peek(1)[:5], f.tell())
print(f.read1(10), f.readline(), f.readline(4), f.tell())
print(len(f.readlines(100)), f.tell())
ba = bytearray(7)
print(f.readinto(ba), ba)
print(f.seek(0), f.read(11), f.seek(100), f.read(4), f.seek(-10, 1), f.read(6))
print(f.seek(len(text) - 3), f.read(6).hex(), f.mtime)
print(f.seek(-4, 2), f.read().hex(), f.tell())
print(f.read(), f.read(10), f.read1(), f.readline())
f.rewind()
print(f.tell(), f.read(4))
whole = f.read()
print(len(whole), whole[-5:].hex(), zlib.crc32(whole) == zlib.crc32(text[4:] + noise))
f.close()
f.close()
print(f.closed, f.fileobj)
show_error(lambda: f.read())
show_error(lambda: f.seek(0))
show_error(lambda: f.write(b"x"))
with gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"a\nbb\n\nccc"))) as f:
    print(list(f))
    print(f.read(), f.tell())
with gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b""))) as f:
    print(f.read(), f.read(1), f.readline(), list(f))
with gzip.GzipFile(fileobj=io.BytesIO(two)) as f:
    print([f.read(4) for _ in range(4)])

print("== files on disk")
folder = "gzip_test_dir"
os.makedirs(folder, exist_ok=True)
path = os.path.join(folder, "sample.txt.gz")
try:
    with gzip.open(path, "wb", compresslevel=5) as f:
        f.write(text)
        print(f.name == path, f.mode == gzip.WRITE)
    with open(path, "rb") as raw:
        head = raw.read(10)
        print(head[:4].hex(), head[8:].hex(), raw.read(11))
    with gzip.open(path, "ab") as f:
        f.write(b"appended\n")
    with gzip.open(path) as f:
        lines = f.readlines()
        print(len(lines), lines[0], lines[-1])
    show_error(lambda: gzip.open(path, "xb"))
    path2 = os.path.join(folder, "new.gz")
    with gzip.open(path2, "x") as f:
        f.write(b"exclusive")
    print(gzip.decompress(open(path2, "rb").read()))
    with gzip.open(path2, "wt", encoding="utf-8") as f:
        print(f.write("h\xe9llo\nw\u20acrld\n"), f.write("\u00e9" * 5000))
    with gzip.open(path2, "rt", encoding="utf-8") as f:
        print(f.readline(), repr(f.readline()), len(f.read()))
    with gzip.open(path2, "rb") as f:
        print(f.read(12))
    with gzip.GzipFile(path2) as f:
        print(f.read(3), f.mode)
finally:
    for name in sorted(os.listdir(folder)):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)
print(os.path.exists(folder))

print("== text mode")
buf = io.BytesIO()
with gzip.open(buf, "wt", encoding="utf-8", newline="\r\n") as f:
    f.write("one\ntwo\n")
    f.writelines(["three\n", "four"])
raw = gzip.decompress(buf.getvalue())
print(raw)
for newline in (None, "", "\n", "\r", "\r\n"):
    src = gzip.compress(b"a\rb\r\nc\nd\r\re", mtime=1)
    with gzip.open(io.BytesIO(src), "rt", encoding="ascii", newline=newline) as f:
        print(repr(newline), [line for line in f])
    with gzip.open(io.BytesIO(src), "rt", encoding="ascii", newline=newline) as f:
        print(repr(newline), repr(f.read()))
src = gzip.compress("\u00e9t\u00e9 \u2603\n".encode("utf-8") * 3000, mtime=1)
with gzip.open(io.BytesIO(src), "rt", encoding="utf-8") as f:
    print(repr(f.read(7)), repr(f.readline()), len(f.readlines()))
with gzip.open(io.BytesIO(src), "rt", encoding="utf-8") as f:
    count = sum(len(f.read(1000)) for _ in range(20))
    print(count)
bad = gzip.compress(b"ok\xffok\n", mtime=1)
show_error(lambda: gzip.open(io.BytesIO(bad), "rt", encoding="utf-8").read())
print(repr(gzip.open(io.BytesIO(bad), "rt", encoding="utf-8", errors="replace").read()))
buf = io.BytesIO()
with gzip.open(buf, "wt", encoding="latin-1", newline="\r") as f:
    f.write("caf\xe9\n")
    f.write("\xff\n")
print(gzip.decompress(buf.getvalue()).hex())
with gzip.open(io.BytesIO(buf.getvalue()), "rt", encoding="latin-1") as f:
    print(f.encoding, f.errors, repr(f.read()), f.closed)
print(f.closed)
for kwargs in [dict(mode="rb", encoding="x"), dict(mode="rtb"),
               dict(mode="rb", errors="x"), dict(mode="rb", newline="")]:
    show_error(lambda: gzip.open(io.BytesIO(), **kwargs))
show_error(lambda: gzip.open(5))
print(issubclass(gzip.BadGzipFile, OSError), isinstance(f, io.IOBase))
print(isinstance(gzip.GzipFile(fileobj=io.BytesIO(), mode="w"), io.BufferedIOBase))
