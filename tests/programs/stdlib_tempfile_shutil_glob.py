# shutil and tempfile (glob is in stdlib_glob.py) over a scratch folder
# made under the current folder (removed at the end). Only deterministic
# facts are printed:
# sorted names relative to the scratch folder, contents, booleans and
# error messages with the scratch folder's path replaced by "W".
import gc
import io
import os
import re
import shutil
import stat
import tempfile
import warnings
import zipfile

W = tempfile.mkdtemp(prefix="stdlib_tsg_", dir=os.curdir)
WABS = os.path.abspath(W)


def rel(text):
    return str(text).replace(WABS, "W").replace(W, "W")


def write(path, data="x"):
    os.makedirs(os.path.dirname(path) or os.curdir, exist_ok=True)
    with open(path, "w") as f:
        f.write(data)


def read(path):
    with open(path) as f:
        return f.read()


def tree(top):
    found = []
    for folder, folders, files in os.walk(top):
        for name in files:
            path = os.path.join(folder, name)
            found.append(os.path.relpath(path, top) + "=" + read(path))
        for name in folders:
            found.append(os.path.relpath(os.path.join(folder, name), top) + "/")
    return sorted(found)


def attempt(label, function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as e:
        print(label, type(e).__name__, rel(e))
    else:
        print(label, "->", rel(result) if isinstance(result, str) else result)


print("== shutil: files")
S = os.path.join(W, "s")
write(os.path.join(S, "a.txt"), "alpha")
write(os.path.join(S, "src", "one.txt"), "1")
write(os.path.join(S, "src", "sub", "two.py"), "2")
write(os.path.join(S, "src", "sub", "three.pyc"), "3")
write(os.path.join(S, "src", ".hidden"), "h")
source = io.BytesIO(b"abc" * 1000)
target = io.BytesIO()
shutil.copyfileobj(source, target, 7)
print(len(target.getvalue()), target.getvalue()[:6])
text_target = io.StringIO()
shutil.copyfileobj(io.StringIO("héllo"), text_target)
print(text_target.getvalue())
a_txt = os.path.join(S, "a.txt")
attempt("copyfile", shutil.copyfile, a_txt, os.path.join(S, "b.txt"))
print(read(os.path.join(S, "b.txt")))
attempt("same", shutil.copyfile, a_txt, a_txt)
attempt("missing", shutil.copyfile, os.path.join(S, "missing"), os.path.join(S, "c"))
attempt("no folder", shutil.copyfile, a_txt, os.path.join(S, "nodir", "c.txt"))
attempt("to folder", shutil.copyfile, a_txt, os.path.join(S, "src"))
attempt("copy", shutil.copy, a_txt, os.path.join(S, "src"))
print(read(os.path.join(S, "src", "a.txt")))
os.chmod(a_txt, 0o640)
os.utime(a_txt, (1000000000, 1200000000))
attempt("copy2", shutil.copy2, a_txt, os.path.join(S, "c2.txt"))
st = os.stat(os.path.join(S, "c2.txt"))
print(oct(stat.S_IMODE(st.st_mode)), st.st_mtime == 1200000000)
write(os.path.join(S, "m.txt"), "m")
shutil.copymode(a_txt, os.path.join(S, "m.txt"))
print(oct(stat.S_IMODE(os.stat(os.path.join(S, "m.txt")).st_mode)))
shutil.copystat(a_txt, os.path.join(S, "m.txt"))
print(os.stat(os.path.join(S, "m.txt")).st_mtime == 1200000000)
print(issubclass(shutil.SameFileError, shutil.Error),
      issubclass(shutil.Error, OSError), issubclass(shutil.ReadError, OSError))
attempt("chown", shutil.chown, a_txt)

print("== shutil: trees")
print(sorted(shutil.ignore_patterns("*.pyc", ".*")("x", ["a.pyc", ".h", "b.py"])))
dst = os.path.join(S, "dst")
attempt("copytree", shutil.copytree, os.path.join(S, "src"), dst,
        ignore=shutil.ignore_patterns("*.pyc"))
print(tree(dst))
attempt("exists", shutil.copytree, os.path.join(S, "src"), dst)
attempt("exist ok", shutil.copytree, os.path.join(S, "src"), dst, dirs_exist_ok=True)
print(tree(dst))
seen = []


def failing_copy(src, dst):
    seen.append(os.path.basename(src))
    if src.endswith("one.txt"):
        raise OSError("boom")
    return shutil.copyfile(src, dst)


try:
    shutil.copytree(os.path.join(S, "src"), os.path.join(S, "dst3"),
                    copy_function=failing_copy)
except shutil.Error as e:
    print("Error", [(rel(a), rel(b), why) for a, b, why in e.args[0]])
print(sorted(seen))
attempt("no source", shutil.copytree, os.path.join(S, "nosrc"), os.path.join(S, "x"))
calls = []


def record(function, path, exc_info):
    calls.append((function.__name__, rel(path), exc_info[0].__name__))


shutil.rmtree(os.path.join(S, "nothere"), onerror=record)
shutil.rmtree(a_txt, onerror=record)
print(calls)
shutil.rmtree(os.path.join(S, "nothere"), ignore_errors=True)
attempt("rmtree missing", shutil.rmtree, os.path.join(S, "nothere"))
attempt("rmtree", shutil.rmtree, os.path.join(S, "dst3"))
print(os.path.exists(os.path.join(S, "dst3")))

print("== shutil: move")
attempt("rename", shutil.move, os.path.join(S, "b.txt"), os.path.join(S, "moved.txt"))
print(os.path.exists(os.path.join(S, "b.txt")), read(os.path.join(S, "moved.txt")))
attempt("into", shutil.move, os.path.join(S, "moved.txt"), dst)
print(sorted(os.listdir(dst)))
write(os.path.join(S, "moved.txt"), "again")
attempt("clash", shutil.move, os.path.join(S, "moved.txt"), dst)
attempt("itself", shutil.move, dst, os.path.join(dst, "inner"))
attempt("folder", shutil.move, dst, os.path.join(S, "dst2"))
print(tree(os.path.join(S, "dst2")))
attempt("nothing", shutil.move, os.path.join(S, "nothing"), os.path.join(S, "x"))

print("== shutil: symbolic links")
L = os.path.join(W, "l")
write(os.path.join(L, "outside", "keep.txt"), "keep")
write(os.path.join(L, "tree", "f.txt"), "f")
os.symlink(os.path.abspath(os.path.join(L, "outside")), os.path.join(L, "tree", "link"))
os.symlink("f.txt", os.path.join(L, "tree", "flink"))
shutil.copytree(os.path.join(L, "tree"), os.path.join(L, "kept"), symlinks=True)
print(os.path.islink(os.path.join(L, "kept", "link")),
      os.readlink(os.path.join(L, "kept", "flink")))
shutil.copytree(os.path.join(L, "tree"), os.path.join(L, "followed"))
print(os.path.islink(os.path.join(L, "followed", "link")), tree(os.path.join(L, "followed")))
shutil.copyfile(os.path.join(L, "tree", "flink"), os.path.join(L, "flink2"),
                follow_symlinks=False)
print(os.readlink(os.path.join(L, "flink2")))
attempt("rmtree link", shutil.rmtree, os.path.join(L, "tree", "link"))
shutil.rmtree(os.path.join(L, "tree"))
shutil.rmtree(os.path.join(L, "kept"))
print(sorted(os.listdir(L)), tree(os.path.join(L, "outside")))

print("== shutil: which, terminal, archives")
B = os.path.join(W, "bin")
write(os.path.join(B, "tool"), "#!/bin/sh\n")
write(os.path.join(B, "data"), "not a program")
os.chmod(os.path.join(B, "tool"), 0o755)
print(rel(shutil.which("tool", path=B)), shutil.which("data", path=B))
print(rel(shutil.which("data", mode=os.F_OK, path=os.pathsep.join(["nope", B]))))
print(shutil.which("nosuchprog-xyz"), shutil.which("tool", path=""),
      shutil.which(B), rel(shutil.which(os.path.join(B, "tool"))))
os.environ["COLUMNS"], os.environ["LINES"] = "123", "45"
size = shutil.get_terminal_size()
print(tuple(size), size.columns, size.lines, type(size).__name__)
print(shutil.get_archive_formats()[-1], shutil.get_unpack_formats()[-1])
ROOT = os.path.join(S, "dst2")
made = shutil.make_archive(os.path.join(W, "arch"), "zip", root_dir=ROOT)
with zipfile.ZipFile(made) as archive:
    print(rel(made), sorted(archive.namelist()))
made = shutil.make_archive(os.path.join(W, "arch2"), "zip", root_dir=S, base_dir="dst2")
with zipfile.ZipFile(made) as archive:
    print(rel(made), sorted(archive.namelist()))
shutil.unpack_archive(os.path.join(W, "arch.zip"), os.path.join(W, "unz"))
print(tree(os.path.join(W, "unz")))
shutil.unpack_archive(made, os.path.join(W, "unz2"), "zip")
print(tree(os.path.join(W, "unz2")))
attempt("format", shutil.make_archive, os.path.join(W, "x"), "rar")
attempt("unknown", shutil.unpack_archive, a_txt)
attempt("unpack format", shutil.unpack_archive, made, W, "rar")
attempt("not zip", shutil.unpack_archive, os.path.join(L, "flink2"), W, "zip")
attempt("register", shutil.register_unpack_format, "zz", [".zip"], len)
attempt("register", shutil.register_archive_format, "zz", 5)

print("== tempfile: names")
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.template)
os.environ["TMPDIR"] = WABS
tempfile.tempdir = None
print(rel(tempfile.gettempdir()), rel(tempfile.tempdir), rel(tempfile.gettempdirb().decode()))
names = tempfile._RandomNameSequence()
drawn = [next(names) for _ in range(50)]
print(all(re.fullmatch(r"[a-z0-9_]{8}", n) for n in drawn), len(set(drawn)), iter(names) is names)
fd, path = tempfile.mkstemp(suffix=".x", prefix="pre_")
print(type(fd).__name__, os.path.isabs(path), rel(os.path.dirname(path)),
      re.fullmatch(r"pre_[a-z0-9_]{8}\.x", os.path.basename(path)) is not None)
os.write(fd, b"data")
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 10), oct(stat.S_IMODE(os.fstat(fd).st_mode)))
os.close(fd)
os.unlink(path)
attempt("mix", tempfile.mkstemp, prefix=b"x", suffix="y")
made = tempfile.mkdtemp(dir=W, prefix="D")
print(rel(made).startswith("W/D"), oct(stat.S_IMODE(os.stat(made).st_mode)))
os.rmdir(made)
maybe = tempfile.mktemp(dir=W, suffix=".m")
print(rel(os.path.dirname(maybe)), maybe.endswith(".m"), os.path.exists(maybe))

print("== tempfile: files")
f = tempfile.NamedTemporaryFile(dir=W, suffix=".txt")
print(rel(os.path.dirname(f.name)), f.name.endswith(".txt"), os.path.exists(f.name), f.delete)
print(f.write(b"hello\nworld\n"))
f.seek(0)
print(f.read(), f.file.name == f.name)
f.seek(0)
print(list(f), f.closed)
name = f.name
f.close()
print(f.closed, os.path.exists(name))
f.close()
with tempfile.NamedTemporaryFile("w+", dir=W, encoding="utf-8", newline="") as g:
    print(g.write("a\r\nb\n"))
    g.seek(0)
    print(repr(g.read()), g.encoding)
    name = g.name
print(os.path.exists(name))
h = tempfile.NamedTemporaryFile("w", dir=W, delete=False, prefix="keep")
h.write("kept")
h.close()
print(os.path.basename(h.name).startswith("keep"), read(h.name))
os.unlink(h.name)
with tempfile.TemporaryFile(dir=W) as t:
    t.write(b"abc")
    t.seek(0)
    print(t.read(), type(t.name).__name__)
with tempfile.TemporaryFile("w+", dir=W) as t:
    t.write("text")
    t.seek(0)
    print(t.read())

print("== tempfile: spooled")
s = tempfile.SpooledTemporaryFile(max_size=10, dir=W)
print(s._rolled, s.name, s.mode, s.write(b"12345"), s._rolled, s.tell(),
      s.closed, s.readable(), s.writable(), s.seekable())
s.write(b"67890")
print(s._rolled)
s.write(b"X")
print(s._rolled, s.tell(), type(s.name).__name__)
s.seek(0)
print(s.read())
s.close()
attempt("closed", s.__enter__)
s = tempfile.SpooledTemporaryFile(mode="w+", dir=W, encoding="utf-8")
s.write("héllo\nwörld\n")
s.seek(0)
print(repr(s.readline()), s._rolled, s.name, s.mode)
s.seek(0)
print(list(s))
s.seek(0)
s.readline()
s.rollover()
print(s._rolled, repr(s.read()), type(s.name).__name__, s.encoding)
s.close()
with tempfile.SpooledTemporaryFile(max_size=4, mode="w+", dir=W) as s:
    s.writelines(["ab", "cd"])
    print(s._rolled)
    s.writelines(["e"])
    print(s._rolled)
    s.seek(0)
    print(s.read())
print(s.closed)
s = tempfile.SpooledTemporaryFile(max_size=100)
s.write(b"abcdef")
s.truncate(3)
s.seek(0)
print(s.read(), s._rolled)
s.truncate(200)
print(s._rolled)
s.close()
print(isinstance(tempfile.SpooledTemporaryFile(), io.IOBase))

print("== tempfile: folders")
with tempfile.TemporaryDirectory(dir=W, prefix="td", suffix="_s") as folder:
    print(type(folder).__name__, rel(folder).startswith("W/td"), folder.endswith("_s"))
    write(os.path.join(folder, "a", "b", "f"), "deep")
print(os.path.exists(folder))
td = tempfile.TemporaryDirectory(dir=W)
print(repr(td) == "<TemporaryDirectory %r>" % td.name)
td.cleanup()
print(os.path.exists(td.name))
td.cleanup()
td = tempfile.TemporaryDirectory(dir=W)
name = td.name
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    del td
    gc.collect()
    print(os.path.exists(name), [w.category.__name__ for w in caught])
td = tempfile.TemporaryDirectory(dir=W, ignore_cleanup_errors=True)
os.rmdir(td.name)
td.cleanup()
print(sorted(os.listdir(W)))
shutil.rmtree(W)
print(os.path.exists(W))
