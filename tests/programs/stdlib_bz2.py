# bz2: compressed bytes (libbzip2's, as CPython's), streaming objects with
# max_length, several streams, BZ2File reading and writing, text mode.
import bz2
import hashlib
import io
import os
import tempfile

data = b"".join(b"line %d of some text to compress\n" % i for i in range(2000))
packed = bz2.compress(data)
print(len(packed), hashlib.sha256(packed).hexdigest()[:16])
for level in (1, 5, 9):
    print(level, len(bz2.compress(data, level)))
print(bz2.decompress(packed) == data)
print(bz2.compress(b""), bz2.decompress(bz2.compress(b"")))
print(bz2.decompress(packed + bz2.compress(b"tail")) == data + b"tail")
print(bz2.decompress(b""))

# Streaming compression in pieces gives the one-shot bytes.
c = bz2.BZ2Compressor()
pieces = [c.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
pieces.append(c.flush())
print(b"".join(pieces) == packed, [len(p) for p in pieces if p])
for call in (lambda: c.compress(b"x"), c.flush):
    try:
        call()
    except ValueError as err:
        print("ValueError:", err)

# Streaming decompression with max_length.
d = bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
first = d.decompress(packed, 100)
print(len(first), d.eof, d.needs_input)
rest = d.decompress(b"", 5000)
print(len(rest), d.eof, d.needs_input)
out = first + rest
while not d.eof:
    out += d.decompress(b"", 30000)
print(out == data, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"more")
except EOFError as err:
    print("EOFError:", err)

d = bz2.BZ2Decompressor()
print(d.decompress(packed + b"extra bytes") == data, d.unused_data)
d = bz2.BZ2Decompressor()
half = len(packed) // 2
part = d.decompress(packed[:half])
print(d.eof, d.needs_input)
part += d.decompress(packed[half:])
print(part == data, d.eof)

for bad in (b"not bz2 data at all", b"BZh9" + b"\x00" * 20):
    try:
        bz2.decompress(bad)
    except OSError as err:
        print(type(err).__name__, err)
try:
    bz2.decompress(packed[:-10])
except ValueError as err:
    print("ValueError:", err)
try:
    bz2.BZ2Compressor(10)
except ValueError as err:
    print("ValueError:", err)
try:
    bz2.compress("text")
except TypeError as err:
    print("TypeError:", err)

# Files.
folder = tempfile.mkdtemp()
path = os.path.join(folder, "data.bz2")
with bz2.BZ2File(path, "w") as f:
    print(f.write(data[:30000]), f.write(bytearray(data[30000:])), f.writable(), f.readable())
print(f.closed)
with bz2.BZ2File(path) as f:
    print(f.readline(), f.readline(5), f.tell())
    print(len(f.read(100)), f.tell(), len(f.read()), f.read(), f.tell())
    print(f.seek(10), f.read(14), f.seek(-5, io.SEEK_END), f.read())
with bz2.open(path, "rb") as f:
    lines = list(f)
print(len(lines), lines[-1])
with bz2.open(path, "ab") as f:
    f.write(b"appended\n")
with bz2.open(path, "rt", encoding="ascii") as f:
    text = f.read()
print(text.endswith("of some text to compress\nappended\n"), len(text))
with bz2.open(path, "wt", encoding="utf-8") as f:
    f.write("h\u00e9llo\nw\u00f6rld\n")
with open(path, "rb") as raw:
    print(raw.read(3))
with bz2.open(path, "rt", encoding="utf-8") as f:
    print(f.readlines())
buffer = io.BytesIO()
with bz2.BZ2File(buffer, "wb", compresslevel=1) as f:
    f.writelines([b"a\n", b"b\n"])
print(bz2.decompress(buffer.getvalue()))
with bz2.BZ2File(io.BytesIO(packed[:-20])) as f:
    try:
        f.read()
    except EOFError as err:
        print("EOFError:", err)
for mode in ("rw", "rbt"):
    try:
        bz2.BZ2File(path, mode)
    except ValueError as err:
        print("ValueError:", err)
try:
    bz2.open(path, "rb", encoding="utf-8")
except ValueError as err:
    print("ValueError:", err)
f = bz2.BZ2File(path)
f.close()
try:
    f.read()
except ValueError as err:
    print("ValueError:", err)
with bz2.BZ2File(path, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as err:
        print("UnsupportedOperation:", err)
os.remove(path)
os.rmdir(folder)
