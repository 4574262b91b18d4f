# tempfile: name shapes, files and folders, spooled files, cleanup.
import io
import os
import re
import stat
import tempfile
import warnings

base = tempfile.mkdtemp(prefix="tfapi_")
print(os.path.basename(base).startswith("tfapi_"), os.path.isdir(base),
      oct(stat.S_IMODE(os.stat(base).st_mode)))


def shape(path, prefix="tmp", suffix=""):
    name = os.path.basename(path)
    if isinstance(name, bytes):
        name = name.decode()
        prefix = prefix.decode() if isinstance(prefix, bytes) else prefix
        suffix = suffix.decode() if isinstance(suffix, bytes) else suffix
    middle = name[len(prefix):len(name) - len(suffix)]
    return (name.startswith(prefix) and name.endswith(suffix)
            and bool(re.fullmatch(r"[a-z0-9_]{8}", middle)))


print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.template,
      type(tempfile.gettempdir()).__name__, type(tempfile.gettempdirb()).__name__,
      tempfile.gettempdir() == tempfile.tempdir, os.path.isabs(tempfile.gettempdir()))
print(tempfile.TMP_MAX > 0, sorted(tempfile.__all__))

fd, path = tempfile.mkstemp()
print(type(fd).__name__, os.path.isabs(path), shape(path),
      os.path.dirname(path) == tempfile.gettempdir(), oct(stat.S_IMODE(os.stat(path).st_mode)))
os.write(fd, b"data")
os.close(fd)
os.unlink(path)
fd, path = tempfile.mkstemp(".sfx", "pre-", base, text=True)
print(shape(path, "pre-", ".sfx"), os.path.dirname(path) == base)
os.close(fd)
fd, bpath = tempfile.mkstemp(prefix=b"b_", dir=base.encode())
print(type(bpath).__name__, shape(bpath, b"b_"))
os.close(fd)
fd, bpath = tempfile.mkstemp(suffix=b".b")
print(type(bpath).__name__, shape(bpath, b"tmp", b".b"))
os.close(fd)
os.unlink(bpath)
for kwargs in ({"prefix": b"x", "suffix": "y"}, {"dir": base, "prefix": b"p"},
               {"suffix": b"s", "dir": base}):
    try:
        tempfile.mkstemp(**kwargs)
    except TypeError as e:
        print("TypeError", e)
try:
    tempfile.mkdtemp(prefix="a", suffix=b"b")
except TypeError as e:
    print("TypeError", e)
try:
    tempfile.mkstemp(dir=os.path.join(base, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)

d = tempfile.mkdtemp(suffix="_d", prefix="dd", dir=base)
print(shape(d, "dd", "_d"), oct(stat.S_IMODE(os.stat(d).st_mode)))
rd = tempfile.mkdtemp(dir=os.path.relpath(base))
print(os.path.isabs(rd), os.path.isdir(rd))
bd = tempfile.mkdtemp(dir=base.encode())
print(type(bd).__name__, shape(bd))
m = tempfile.mktemp(suffix=".m", prefix="mm", dir=base)
print(shape(m, "mm", ".m"), os.path.exists(m), shape(tempfile.mktemp()))

# NamedTemporaryFile
f = tempfile.NamedTemporaryFile(dir=base, suffix=".txt")
print(type(f).__name__, shape(f.name, "tmp", ".txt"), f.delete, os.path.exists(f.name),
      f.mode, type(f.file).__name__, f.name == f.file.name)
f.write(b"hello\nworld\n")
f.flush()
f.seek(0)
print(f.read(), f.tell(), list(io.open(f.name, "rb")), f.closed)
f.seek(0)
print(list(f), [line for line in f])
name = f.name
f.close()
print(f.closed, os.path.exists(name))
f.close()
with tempfile.NamedTemporaryFile("w+", dir=base, encoding="utf-8", newline="") as g:
    print(g.encoding, g.mode, g.write("a\r\nb\n"), g.newlines)
    g.seek(0)
    print(repr(g.read()))
    gname = g.name
print(os.path.exists(gname), g.closed)
h = tempfile.NamedTemporaryFile("w", dir=base, delete=False, prefix="keep")
h.write("kept")
h.close()
print(shape(h.name, "keep"), open(h.name).read(), h.delete)
os.unlink(h.name)
with tempfile.NamedTemporaryFile(dir=base) as t:
    write = t.write
    print(write(b"abc"), write.__name__, hasattr(t, "fileno"), t.fileno() > 2)
print(os.path.exists(t.name))
try:
    tempfile.NamedTemporaryFile(mode="bogus", dir=base)
except ValueError as e:
    print("ValueError", e)
print(sorted(n for n in os.listdir(base) if n.startswith("tmp") and not os.path.isdir(os.path.join(base, n))) == [])
t = tempfile.NamedTemporaryFile(dir=base, delete=False)
t.close()
os.unlink(t.name)
with tempfile.NamedTemporaryFile("w+", dir=base) as e:
    print(e.encoding, e.errors, e.newlines)

# TemporaryFile
with tempfile.TemporaryFile(dir=base) as t:
    print(type(t).__name__, t.mode, type(t.name).__name__, t.write(b"xyz"))
    t.seek(0)
    print(t.read())
with tempfile.TemporaryFile("w+", dir=base, encoding="latin-1", errors="replace") as t:
    print(t.encoding, t.errors, t.write("caf\xe9\u20ac"))
    t.seek(0)
    print(t.read())
with tempfile.TemporaryFile("w+") as t:
    print(t.encoding)
print(sorted(os.listdir(base)) == sorted(n for n in os.listdir(base)))

# SpooledTemporaryFile
s = tempfile.SpooledTemporaryFile(max_size=10, dir=base)
print(isinstance(s, io.IOBase), s._rolled, s.mode, s.name, s.closed, s.readable(),
      s.writable(), s.seekable(), s.isatty())
print(s.write(b"12345"), s._rolled, s.tell())
print(s.writelines([b"678", b"90"]), s._rolled, s.tell())
print(s.write(b"X"), s._rolled, s.tell(), s.mode, type(s.name).__name__)
s.seek(0)
print(s.read(), s.read1(), s.seek(2), s.read(3))
buf = bytearray(4)
s.seek(0)
print(s.readinto(buf), buf, s.readinto1(buf), buf)
s.seek(0)
print(s.readline(), s.readlines(), s.truncate(4), s.tell())
s.seek(0)
print(s.read(), list(iter(s)))
s.close()
print(s.closed)
s = tempfile.SpooledTemporaryFile(max_size=100)
s.write(b"line1\nline2\n")
s.seek(3)
print(s.fileno() > 2, s._rolled, s.tell(), s.read())
s.rollover()
s.close()
s = tempfile.SpooledTemporaryFile()
s.write(b"x" * 1000)
print(s._rolled, s.truncate(), s.tell())
s.truncate(5)
s.seek(0)
print(s._rolled, s.read())
s.truncate(50)
print(s._rolled)
s.close()
s = tempfile.SpooledTemporaryFile(mode="w+", dir=base, encoding="utf-8")
print(s.mode, s.encoding, s.errors, s.newlines, s.name)
s.write("caf\xe9\nabc\r\n")
s.seek(0)
print(repr(s.read()), s.newlines)
s.rollover()
s.seek(0)
print(s._rolled, repr(s.read()), s.mode, s.encoding)
s.close()
with tempfile.SpooledTemporaryFile(max_size=4, mode="w+", dir=base, newline="") as s:
    s.write("ab")
    print(s._rolled, s.tell())
    s.write("cdef\r\n")
    print(s._rolled, s.tell())
    s.seek(0)
    print(repr(s.read()), repr(s.readline()))
print(s.closed)
try:
    with s:
        pass
except ValueError as e:
    print("ValueError", e)
print(tempfile.SpooledTemporaryFile[bytes], tempfile.TemporaryDirectory[str])
s = tempfile.SpooledTemporaryFile(mode="w+")
print(s.encoding)
s.close()
try:
    s.write("x")
except ValueError as e:
    print("ValueError", e)
s = tempfile.SpooledTemporaryFile(mode="w+")
s.write("text")
s.seek(0)
print(s.read())
s.close()

# TemporaryDirectory
with tempfile.TemporaryDirectory(dir=base, prefix="td", suffix="_s") as folder:
    print(type(folder).__name__, shape(folder, "td", "_s"), os.path.isdir(folder))
    open(os.path.join(folder, "f"), "w").close()
    os.mkdir(os.path.join(folder, "sub"))
print(os.path.exists(folder))
td = tempfile.TemporaryDirectory(dir=base)
print(repr(td) == "<TemporaryDirectory %r>" % td.name, sorted(vars(td)))
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))
td = tempfile.TemporaryDirectory(dir=base)
sub = os.path.join(td.name, "ro")
os.mkdir(sub)
open(os.path.join(sub, "x"), "w").close()
os.chmod(os.path.join(sub, "x"), 0o400)
os.chmod(sub, 0o500)
td.cleanup()
print("read-only removed", not os.path.exists(td.name))
td = tempfile.TemporaryDirectory(dir=base, ignore_cleanup_errors=True)
os.rmdir(td.name)
td.cleanup()
print(td._ignore_cleanup_errors)
td = tempfile.TemporaryDirectory(dir=base)
name = td.name
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    del td
    import gc
    gc.collect()
print(os.path.exists(name), [(w.category.__name__, str(w.message) == "Implicitly cleaning up <TemporaryDirectory %r>" % name) for w in caught])


class Mine(tempfile.TemporaryDirectory):
    pass


m = Mine(dir=base)
print(repr(m).startswith("<Mine "), os.path.isdir(m.name))
m.cleanup()
tempfile.TemporaryDirectory._rmtree(base)
print(os.path.exists(base))
