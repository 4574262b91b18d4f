# zipfile: reading an archive CPython made (bytes embedded below), writing
# archives whose bytes must equal CPython's, append mode, comments,
# extraction, testzip, ZipExtFile seeking, Path, and error messages.
import base64
import io
import os
import shutil
import tempfile
import zipfile
import zlib
from zipfile import ZipFile, ZipInfo

FIXTURE = (
    'UEsDBBQAAAAIAH2/XVBLhjy5DwAAAMgAAAAHAAAAdG9wLnR4dCvJL1DISS1LzeEqGdIsAFBL'
    'AwQUAAAAAAB9v11QAAAAAAAAAAAAAAAABAAAAHBrZy9QSwMEFAAAAAAAfb9dUK+mnvgMAAAA'
    'DAAAAAoABgBwa2cvbW9kLnB5mZkCAGFicHJpbnQoJ2hpJykKUEsDBBQAAAgIAH2/XVDS7ESJ'
    'CAAAAAYAAAASAAAAcGtnL3N1Yi9kw6lqw6AudHh0S05MO7ySCwBQSwMEFAAAAAgAfb9dUCZM'
    'C7cYAQAAAAQAABMAAABvdGhlci9kZWVwL2ZpbGUuYmluY2BkYmZhZWPn4OTi5uHl4xcQFBIW'
    'ERUTl5CUkpaRlZNXUFRSVlFVU9fQ1NLW0dXTNzA0MjYxNTO3sLSytrG1s3dwdHJ2cXVz9/D0'
    '8vbx9fMPCAwKDgkNC4+IjIqOiY2LT0hMSk5JTUvPyMzKzsnNyy8oLCouKS0rr6isqq6pratv'
    'aGxqbmlta+/o7Oru6e3rnzBx0uQpU6dNnzFz1uw5c+fNX7Bw0eIlS5ctX7Fy1eo1a9et37Bx'
    '0+YtW7dt37Fz1+49e/ftP3Dw0OEjR48dP3Hy1OkzZ8+dv3Dx0uUrV69dv3Hz1u07d+/df/Dw'
    '0eMnT589f/Hy1es3b9+9//Dx0+cvX799//Hz1+8/f//9Zxj1/6j/R7D/AVBLAQIUAxQAAAAI'
    'AH2/XVBLhjy5DwAAAMgAAAAHAAAAAAAAAAAAAACAAQAAAAB0b3AudHh0UEsBAhQDFAAAAAAA'
    'fb9dUAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAQAO1BNAAAAHBrZy9QSwECFAMUAAAAAAB9v11Q'
    'r6ae+AwAAAAMAAAACgAGAA4AAAAAAAAAgAFWAAAAcGtnL21vZC5weZmZAgBhYm1lbWJlciBj'
    'b21tZW50UEsBAhQDFAAACAgAfb9dUNLsRIkIAAAABgAAABIAAAAAAAAAAAAAAIABkAAAAHBr'
    'Zy9zdWIvZMOpasOgLnR4dFBLAQIUAxQAAAAIAH2/XVAmTAu3GAEAAAAEAAATAAAAAAAAAAAA'
    'AACAAcgAAABvdGhlci9kZWVwL2ZpbGUuYmluUEsFBgAAAAAFAAUANAEAABECAAAPAG1hZGUg'
    'YnkgQ1B5dGhvbg=='
)


def err(action):
    try:
        result = action()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   ok", result)


def digest(data):
    return "%d:%08x" % (len(data), zlib.crc32(data))


print("== reading CPython's archive")
raw = base64.b64decode("".join(FIXTURE))
print(zipfile.is_zipfile(io.BytesIO(raw)), zipfile.is_zipfile(io.BytesIO(b"nope")))
zf = ZipFile(io.BytesIO(raw))
print(zf.namelist())
print(zf.comment)
for info in zf.infolist():
    print(" ", info.filename, info.date_time, info.compress_type, info.file_size,
          info.compress_size, "%08x" % info.CRC, info.is_dir(), info.comment,
          info.extra, info.flag_bits, info.create_system, info.extract_version,
          oct(info.external_attr >> 16), info.header_offset)
    print("  ", repr(info))
print(zf.read("top.txt")[:20], digest(zf.read("other/deep/file.bin")))
print(zf.read(zf.getinfo("pkg/sub/d\u00e9j\u00e0.txt")).decode())
print(zf.testzip())
with zf.open("other/deep/file.bin") as fh:
    print(fh.readable(), fh.seekable(), fh.read(3), fh.tell())
    fh.seek(250)
    print(fh.read(8), fh.tell())
    fh.seek(-4, 2)
    print(fh.read(), fh.tell())
    fh.seek(10)
    print(fh.read1(4), fh.peek(2)[:2])
    fh.seek(0)
    print(len(fh.read(2000)), len(fh.read()), fh.read())
with zf.open("top.txt") as fh:
    print(fh.readline(), fh.readline(4), fh.readline(-1), len(fh.readlines()))
print(repr(fh).endswith("[closed]>"))
err(lambda: fh.read())
err(lambda: zf.getinfo("missing"))
err(lambda: zf.read("missing"))
err(lambda: zf.open("top.txt", "a"))
err(lambda: zf.writestr("x", b"y"))
buf = io.StringIO()
zf.printdir(file=buf)
print(buf.getvalue())
zf.close()
zf.close()
print(repr(zf))
err(lambda: zf.read("top.txt"))

print("== writing, compared with CPython's bytes")
W = (2021, 6, 15, 13, 45, 30)


def info(name, ct=zipfile.ZIP_STORED):
    zi = ZipInfo(name, W)
    zi.compress_type = ct
    return zi


buf = io.BytesIO()
with ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zw:
    zw.writestr(info("a.txt"), b"alpha\n" * 50)
    zw.writestr(info("b.txt", zipfile.ZIP_DEFLATED), "beta \u00fc\n" * 50)
    zw.writestr(info("lvl", zipfile.ZIP_DEFLATED), b"x" * 1000, compresslevel=1)
    zw.writestr(info("forced"), b"y" * 500, compress_type=zipfile.ZIP_DEFLATED)
    d = info("folder/")
    d.external_attr = 0o40755 << 16 | 0x10
    zw.writestr(d, b"")
    made = info("made/")
    made.CRC = 0
    zw.mkdir(made)
    with zw.open(info("streamed.bin", zipfile.ZIP_DEFLATED), "w") as out:
        print(out.writable(), out.write(b"abc" * 100), out.write(bytearray(b"z")),
              out.write(memoryview(b"mv")))
    zw.comment = b"written"
    print(repr(zw).split(" mode=")[1])
data = buf.getvalue()
print(digest(data))
back = ZipFile(io.BytesIO(data))
print(back.namelist(), back.comment, back.testzip())
for zi in back.infolist():
    print(" ", repr(zi))
print(back.read("b.txt").decode()[:8], len(back.read("streamed.bin")))

print("== append mode")
buf2 = io.BytesIO(data)
with ZipFile(buf2, "a") as za:
    za.writestr(info("added.txt"), b"appended")
    za.comment = b"changed comment"
with ZipFile(buf2) as zr:
    print(zr.namelist()[-2:], zr.read("added.txt"), zr.comment)
print(digest(buf2.getvalue()))
plain = io.BytesIO(b"not a zip at all")
with ZipFile(plain, "a") as za:
    za.writestr(info("x"), b"1")
print(plain.getvalue()[:16], zipfile.is_zipfile(plain))
with ZipFile(plain) as zr:
    print(zr.namelist(), zr.read("x"))

print("== files on disk")
tmp = tempfile.mkdtemp()
try:
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "inner"))
    with open(os.path.join(src, "inner", "f.txt"), "wb") as f:
        f.write(b"on disk\n" * 10)
    path = os.path.join(tmp, "t.zip")
    with ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zw:
        zw.write(os.path.join(src, "inner", "f.txt"), "f.txt")
        zw.write(os.path.join(src, "inner"), "inner")
        zw.writestr("named.txt", "now-dated")
        zw.writestr("dir2/", b"")
        zw.mkdir("dir3", 0o700)
        err(lambda: zw.mkdir(ZipInfo("notdir")))
        err(lambda: zw.mkdir(5))
    print(zipfile.is_zipfile(path))
    with ZipFile(path) as zr:
        print([(i.filename, i.is_dir(), i.compress_type, i.file_size) for i in zr.infolist()])
        print(oct(zr.getinfo("dir2/").external_attr), oct(zr.getinfo("named.txt").external_attr))
        out = os.path.join(tmp, "out")
        print(zr.extract("f.txt", out) == os.path.join(out, "f.txt"))
        zr.extractall(out)
        print(sorted(os.listdir(out)))
        with open(os.path.join(out, "f.txt"), "rb") as f:
            print(f.read()[:8])
        print(repr(zr).split(" mode=")[1])
    with ZipFile(path, "a") as za:
        za.writestr(info("late.txt"), b"late")
    with ZipFile(path, "r") as zr:
        print(zr.namelist())
    try:
        ZipFile(os.path.join(tmp, "missing.zip"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, os.path.basename(e.filename))
    with open(os.path.join(tmp, "junk.zip"), "wb") as f:
        f.write(b"PK\x03\x04 garbage")
    err(lambda: ZipFile(os.path.join(tmp, "junk.zip")))
    zi = ZipInfo.from_file(os.path.join(src, "inner", "f.txt"), "/abs/name.txt")
    print(zi.filename, zi.file_size, zi.is_dir())
    zi = ZipInfo.from_file(os.path.join(src, "inner"))
    print(zi.filename.endswith("inner/"), zi.is_dir(), zi.file_size)
finally:
    shutil.rmtree(tmp)

print("== errors")
err(lambda: ZipFile(io.BytesIO(), "q"))
err(lambda: ZipFile(io.BytesIO(), "w", compression=99))
err(lambda: ZipFile(io.BytesIO(), "w", compression=zipfile.ZIP_BZIP2 + 1000))
err(lambda: ZipFile(io.BytesIO(), "w", metadata_encoding="cp437"))
err(lambda: ZipFile(io.BytesIO(b"")))
err(lambda: ZipInfo("old", (1979, 12, 31, 0, 0, 0)))
zw = ZipFile(io.BytesIO(), "w")
err(lambda: zw.open("x", "w", pwd=b"pw"))
h = zw.open("x", "w")
err(lambda: zw.writestr("y", b""))
err(lambda: zw.write(__file__))
err(lambda: zw.open("z", "w"))
err(lambda: zw.open("x"))
err(lambda: zw.close())
h.close()
err(lambda: h.write(b"more"))
err(lambda: setattr(zw, "comment", "str"))
err(lambda: zw.setpassword("str"))
zw.close()
err(lambda: zw.writestr("late", b""))
err(lambda: zw.open("late", "w"))
corrupt = bytearray(data)
at = corrupt.index(b"alpha")
corrupt[at] = ord("A")
zc = ZipFile(io.BytesIO(bytes(corrupt)))
print(zc.testzip())
err(lambda: zc.read("a.txt"))

print("== ZipInfo")
zi = ZipInfo()
print(zi.filename, zi.date_time, zi.compress_type, zi.file_size, zi.compress_size,
      zi.comment, zi.extra, zi.create_version, zi.extract_version, zi.flag_bits)
zi = ZipInfo("a\\b/c\x00junk", W)
print(repr(zi.filename), repr(zi.orig_filename), repr(zi))
zi.external_attr = 0o100644 << 16 | 0x20
zi.compress_type = zipfile.ZIP_DEFLATED
zi.file_size, zi.compress_size = 10, 7
print(repr(zi))
print(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA,
      zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is zipfile.BadZipFile,
      issubclass(zipfile.LargeZipFile, Exception))
print(sorted(set(zipfile.__all__) - {"PyZipFile"}))
