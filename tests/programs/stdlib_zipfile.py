# zipfile: writing archives (bytes equal to CPython's for fixed times),
# reading them back, members, ZipInfo, extraction, errors.
import io
import os
import zipfile
import zlib
from zipfile import ZipFile, ZipInfo


def show_error(action):
    try:
        result = action()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   ok", result)


def digest(data):
    return "%d:%08x" % (len(data), zlib.crc32(data))


WHEN = (2021, 6, 15, 13, 45, 30)
text = b"".join(b"row %d, some repeated text\n" % i for i in range(300))
noise = bytes((i * 2654435761 >> 7) & 0xFF for i in range(3000))


def info(name, compress_type=zipfile.ZIP_STORED, when=WHEN):
    zinfo = ZipInfo(name, when)
    zinfo.compress_type = compress_type
    return zinfo


print("== writing")
buf = io.BytesIO()
with ZipFile(buf, "w") as zf:
    zf.writestr(info("a.txt"), b"hello zip\n")
    zf.writestr(info("dir/b.txt", zipfile.ZIP_DEFLATED), text)
    zf.writestr(info("noise.bin", zipfile.ZIP_DEFLATED), noise)
    zf.writestr(info("empty"), b"")
    zf.writestr(info("str.txt"), "text \u00e9\u20ac")
    zf.writestr(info("caf\u00e9/\u20ac.txt"), b"unicode name")
    zf.writestr(info("level1", zipfile.ZIP_DEFLATED), text, compresslevel=1)
    zf.writestr(info("forced"), text, compress_type=zipfile.ZIP_DEFLATED,
                compresslevel=9)
    zf.comment = b"archive comment"
archive = buf.getvalue()
print(digest(archive))

buf = io.BytesIO()
with ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
    zf.writestr(info("x", zipfile.ZIP_DEFLATED), text)
    member = info("meta.txt")
    member.comment = b"member comment"
    member.extra = b"\xfe\xca\x04\x00abcd"
    member.external_attr = 0o644 << 16
    member.create_system = 0
    zf.writestr(member, b"with metadata")
    with zf.open(info("streamed", zipfile.ZIP_DEFLATED), "w") as dest:
        print(dest.write(b"part one, "), dest.write(bytearray(b"part two")))
    with zf.open("opened-by-name", "w") as dest:
        dest.write(text[:100])
    zf.mkdir("made-dir")
    directory = info("zinfo-dir/")
    directory.CRC = 0  # mkdir(ZipInfo) needs it set, as in CPython
    directory.external_attr = 0o40755 << 16 | 0x10
    zf.mkdir(directory)
print(digest(buf.getvalue()))
second = buf.getvalue()

print("== reading")
with ZipFile(io.BytesIO(archive)) as zf:
    print(zf.namelist())
    print(zf.comment, zf.mode, zf.testzip())
    for zi in zf.infolist():
        print(zi.filename, zi.date_time, zi.compress_type, zi.file_size,
              zi.compress_size, "%08x" % zi.CRC, hex(zi.flag_bits),
              zi.create_system, zi.create_version, zi.extract_version,
              hex(zi.external_attr), zi.header_offset, zi.is_dir())
    print(zf.read("a.txt"), digest(zf.read("dir/b.txt")))
    print(zf.read("noise.bin") == noise, zf.read("empty"),
          zf.read("str.txt").decode("utf-8"), zf.read("caf\u00e9/\u20ac.txt"))
    print(zf.read(zf.getinfo("level1")) == text, zf.read("forced") == text)
    out = io.StringIO()
    zf.printdir(file=out)
    print(out.getvalue(), end="")
    show_error(lambda: zf.getinfo("missing"))
    show_error(lambda: zf.read("missing"))
    show_error(lambda: zf.writestr("new", b"x"))
    show_error(lambda: zf.open("a.txt", "rw"))
with ZipFile(io.BytesIO(second)) as zf:
    for zi in zf.infolist():
        print(repr(zi))
    meta = zf.getinfo("meta.txt")
    print(meta.comment, meta.extra, oct(meta.external_attr >> 16))
    print(zf.read("streamed"), zf.read("opened-by-name") == text[:100])
    print(zf.getinfo("made-dir/").is_dir(), zf.read("made-dir/"))

print("== member streams")
with ZipFile(io.BytesIO(archive)) as zf:
    with zf.open("dir/b.txt") as member:
        print(member.name, member.mode, member.readable(), member.seekable())
        print(member.read(10), member.tell(), member.readline())
        print(member.readline(5), member.read1(4), member.peek(3)[:3])
        print(len(member.readlines()), member.read(), member.tell())
        print(member.seek(0), member.read(5), member.seek(-5, 2),
              member.read(), member.seek(100), member.read(8))
        print(member.seek(-20, 1), member.read(4))
    print(member.closed)
    show_error(lambda: member.read())
    with zf.open(zf.getinfo("noise.bin")) as member:
        chunks = []
        while True:
            piece = member.read(777)
            if not piece:
                break
            chunks.append(piece)
        print(len(chunks), b"".join(chunks) == noise)
    with zf.open("dir/b.txt") as member:
        lines = list(member)
        print(len(lines), lines[0], lines[-1])
    with zf.open("a.txt") as member:
        ba = bytearray(5)
        print(member.readinto(ba), ba, member.read())

print("== errors")
for bad in [b"", b"not a zip file at all", archive[:-30], archive[:50]]:
    show_error(lambda: ZipFile(io.BytesIO(bad)))
    print(zipfile.is_zipfile(io.BytesIO(bad)))
print(zipfile.is_zipfile(io.BytesIO(archive)))
corrupt = bytearray(archive)
corrupt[archive.index(b"hello zip")] ^= 0x20
with ZipFile(io.BytesIO(bytes(corrupt))) as zf:
    print(zf.testzip())
    show_error(lambda: zf.read("a.txt"))
show_error(lambda: ZipFile(io.BytesIO(), "q"))
show_error(lambda: ZipFile(io.BytesIO(), "w", compression=99))
show_error(lambda: ZipFile(io.BytesIO(), "w", metadata_encoding="utf-8"))
show_error(lambda: ZipInfo("old", (1979, 12, 31, 0, 0, 0)))
zf = ZipFile(io.BytesIO(), "w")
show_error(lambda: setattr(zf, "comment", "text"))
show_error(lambda: zf.writestr(info("u", 99), b"x"))
handle = zf.open(info("busy"), "w")
show_error(lambda: zf.writestr(info("other"), b"x"))
show_error(lambda: zf.open(info("other"), "w"))
show_error(lambda: zf.close())
handle.close()
show_error(lambda: zf.open("busy", "w", pwd=b"x"))
show_error(lambda: zf.mkdir(info("not-a-dir")))
show_error(lambda: zf.mkdir(5))
zf.close()
print(repr(zf))
show_error(lambda: zf.writestr(info("late"), b"x"))
show_error(lambda: zf.open("busy"))
show_error(lambda: zf.read("busy"))
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is zipfile.BadZipFile)
print(issubclass(zipfile.LargeZipFile, Exception))
tiny = io.BytesIO()
with ZipFile(tiny, "w", allowZip64=False) as zf:
    zf.writestr(info("fine"), b"ok")
print(digest(tiny.getvalue()))

print("== ZipInfo")
zi = ZipInfo()
print(zi.filename, zi.date_time, zi.compress_type, zi.comment, zi.extra,
      zi.create_system, zi.create_version, zi.extract_version, zi.flag_bits,
      zi.external_attr, zi.file_size, zi.compress_size, repr(zi))
zi = ZipInfo("name\x00trailing.txt", WHEN)
print(repr(zi.filename), repr(zi.orig_filename))
show_error(lambda: setattr(zi, "unknown", 1))
print(repr(ZipInfo("d/")), ZipInfo("d/").is_dir(), ZipInfo("f").is_dir())
zi = info("dz", zipfile.ZIP_DEFLATED)
zi.external_attr = 0o100755 << 16 | 0x20
zi.file_size = 10
zi.compress_size = 5
print(repr(zi))
zi.CRC = 0x12345678
print(zi.FileHeader().hex())

print("== files on disk")
folder = "zipfile_test_dir"
os.makedirs(os.path.join(folder, "src", "sub"), exist_ok=True)
try:
    with open(os.path.join(folder, "src", "one.txt"), "wb") as f:
        f.write(text)
    with open(os.path.join(folder, "src", "sub", "two.bin"), "wb") as f:
        f.write(noise)
    path = os.path.join(folder, "test.zip")
    with ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        print(repr(zf) == "<zipfile.ZipFile filename=%r mode='w'>" % path)
        zf.write(os.path.join(folder, "src", "one.txt"), "one.txt")
        zf.write(os.path.join(folder, "src", "sub", "two.bin"))
        zf.write(os.path.join(folder, "src", "sub"), "sub")
        zf.writestr(info("../evil.txt"), b"sanitised")
        zf.writestr(info("/abs/path.txt"), b"made relative")
    print(zipfile.is_zipfile(path), zipfile.is_zipfile(os.path.join(folder, "src", "one.txt")))
    with ZipFile(path, "a") as zf:
        zf.writestr(info("appended.txt"), b"appended")
    show_error(lambda: ZipFile(path, "x"))
    with ZipFile(path) as zf:
        for zi in zf.infolist():
            print(zi.filename, zi.file_size, zi.compress_type, zi.is_dir())
        print(zf.extract("one.txt", os.path.join(folder, "out")))
        print(zf.extract(zf.getinfo("../evil.txt"), os.path.join(folder, "out")))
        zf.extractall(os.path.join(folder, "all"))
        zf.extractall(os.path.join(folder, "some"), members=["appended.txt"])
    for root, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        print(root.replace(os.sep, "/"), sorted(files))
    with open(os.path.join(folder, "all", "one.txt"), "rb") as f:
        print(f.read() == text)
    with open(os.path.join(folder, "all", "abs", "path.txt"), "rb") as f:
        print(f.read())
    # Appending to a file that is not an archive puts one after its data.
    plain = os.path.join(folder, "plain.bin")
    with open(plain, "wb") as f:
        f.write(b"prefix data " * 10)
    with ZipFile(plain, "a") as zf:
        zf.writestr(info("inside"), b"after a prefix")
    with open(plain, "rb") as f:
        print(digest(f.read()))
    with ZipFile(plain) as zf:
        print(zf.namelist(), zf.read("inside"))
finally:
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        os.rmdir(root)
print(os.path.exists(folder))

print("== append and rewrite in memory")
buf = io.BytesIO(archive)
with ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(info("added", zipfile.ZIP_DEFLATED), text * 2)
    zf.comment = b"new comment"
print(digest(buf.getvalue()))
with ZipFile(buf) as zf:
    print(zf.namelist()[-2:], zf.comment, zf.read("added") == text * 2)
buf = io.BytesIO(archive)
with ZipFile(buf, "a") as zf:
    pass
print(buf.getvalue() == archive)

print("== many members")
buf = io.BytesIO()
with ZipFile(buf, "w") as zf:
    for i in range(300):
        zf.writestr(info("m/%03d" % i), b"%d" % i)
print(digest(buf.getvalue()))
with ZipFile(buf) as zf:
    print(len(zf.namelist()), zf.read("m/299"), zf.testzip())
