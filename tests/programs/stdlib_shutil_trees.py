import os, shutil, stat, tempfile, zipfile

def attempt(label, fn, *a, **kw):
    try:
        r = fn(*a, **kw)
        print(label, "->", rel(r))
    except Exception as e:
        print(label, "!", type(e).__name__, clean(str(e)))

base = tempfile.mkdtemp()
def rel(p):
    if isinstance(p, str) and p.startswith(base):
        return "<T>" + p[len(base):]
    return p
def clean(text):
    return text.replace(base, "<T>")
def listing(top):
    out = []
    for here, dirs, files in os.walk(top):
        dirs.sort()
        r = os.path.relpath(here, top)
        for f in sorted(files):
            p = os.path.join(here, f)
            kind = "L" if os.path.islink(p) else "F"
            out.append(f"{kind}:{os.path.normpath(os.path.join(r, f))}")
        for d in dirs:
            if os.path.islink(os.path.join(here, d)):
                out.append("LD:" + os.path.normpath(os.path.join(r, d)))
    return out
def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
def read(path):
    with open(path) as f:
        return f.read()

src = os.path.join(base, "src")
write(os.path.join(src, "a.txt"), "alpha")
write(os.path.join(src, "b.log"), "beta")
write(os.path.join(src, "sub", "c.txt"), "gamma")
write(os.path.join(src, "sub", "deep", "d.pyc"), "delta")
os.symlink("a.txt", os.path.join(src, "link_a"))
os.symlink("sub", os.path.join(src, "link_sub"))
os.chmod(os.path.join(src, "a.txt"), 0o640)

# copyfile / copy / copy2
attempt("copyfile", shutil.copyfile, os.path.join(src, "a.txt"), os.path.join(base, "a1"))
print(read(os.path.join(base, "a1")), oct(stat.S_IMODE(os.stat(os.path.join(base, "a1")).st_mode)) != "0o640" or "same-mode")
attempt("copyfile same", shutil.copyfile, os.path.join(src, "a.txt"), os.path.join(src, "a.txt"))
attempt("copyfile missing", shutil.copyfile, os.path.join(src, "nope"), os.path.join(base, "x"))
attempt("copyfile nodir", shutil.copyfile, os.path.join(src, "a.txt"), os.path.join(base, "nodir", "x"))
attempt("copyfile dst is dir", shutil.copyfile, os.path.join(src, "a.txt"), src)
attempt("copyfile link", shutil.copyfile, os.path.join(src, "link_a"), os.path.join(base, "la"), follow_symlinks=False)
print(os.path.islink(os.path.join(base, "la")), os.readlink(os.path.join(base, "la")))
os.mkdir(os.path.join(base, "dest"))
attempt("copy into dir", shutil.copy, os.path.join(src, "a.txt"), os.path.join(base, "dest"))
print(oct(stat.S_IMODE(os.stat(os.path.join(base, "dest", "a.txt")).st_mode)))
attempt("copy2", shutil.copy2, os.path.join(src, "b.log"), os.path.join(base, "dest", "b2"))
s1, s2 = os.stat(os.path.join(src, "b.log")), os.stat(os.path.join(base, "dest", "b2"))
print("mtime kept", s1.st_mtime_ns == s2.st_mtime_ns)
shutil.copymode(os.path.join(src, "a.txt"), os.path.join(base, "a1"))
print(oct(stat.S_IMODE(os.stat(os.path.join(base, "a1")).st_mode)))
os.utime(os.path.join(base, "a1"), ns=(10**18, 10**18))
shutil.copystat(os.path.join(src, "a.txt"), os.path.join(base, "a1"))
print("copystat", os.stat(os.path.join(base, "a1")).st_mtime_ns == os.stat(os.path.join(src, "a.txt")).st_mtime_ns)

# copytree
attempt("copytree", shutil.copytree, src, os.path.join(base, "t1"))
print(listing(os.path.join(base, "t1")))
attempt("copytree exists", shutil.copytree, src, os.path.join(base, "t1"))
attempt("copytree exist ok", shutil.copytree, src, os.path.join(base, "t1"), dirs_exist_ok=True)
attempt("copytree symlinks", shutil.copytree, src, os.path.join(base, "t2"), symlinks=True)
print(listing(os.path.join(base, "t2")))
attempt("copytree ignore", shutil.copytree, src, os.path.join(base, "t3"), ignore=shutil.ignore_patterns("*.pyc", "b.*", "link*"))
print(listing(os.path.join(base, "t3")))
seen = []
def my_ignore(path, names):
    seen.append((rel(path), sorted(names)))
    return {"deep"}
attempt("copytree ignore fn", shutil.copytree, src, os.path.join(base, "t4"), ignore=my_ignore, copy_function=shutil.copy)
print(sorted(seen))
print(listing(os.path.join(base, "t4")))
print(sorted(shutil.ignore_patterns("*.txt", "sub")("x", ["a.txt", "sub", "b.log", "c.txt"])))
copied = []
def recorder(s, d):
    copied.append((os.path.basename(s), rel(d)))
    return d
attempt("copytree custom", shutil.copytree, os.path.join(src, "sub"), os.path.join(base, "t5"), copy_function=recorder)
print(sorted(copied))
os.symlink("missing-target", os.path.join(src, "dangling"))
attempt("copytree dangling", shutil.copytree, src, os.path.join(base, "t6"))
attempt("copytree dangling ignored", shutil.copytree, src, os.path.join(base, "t7"), ignore_dangling_symlinks=True)
os.unlink(os.path.join(src, "dangling"))
attempt("copytree missing", shutil.copytree, os.path.join(base, "nosuch"), os.path.join(base, "t8"))

# rmtree
calls = []
def onerror(func, path, exc_info):
    calls.append((func.__name__, rel(path), exc_info[0].__name__))
attempt("rmtree missing", shutil.rmtree, os.path.join(base, "nosuch"))
attempt("rmtree missing ignored", shutil.rmtree, os.path.join(base, "nosuch"), ignore_errors=True)
attempt("rmtree missing onerror", shutil.rmtree, os.path.join(base, "nosuch"), onerror=onerror)
attempt("rmtree link", shutil.rmtree, os.path.join(src, "link_sub"))
attempt("rmtree link onerror", shutil.rmtree, os.path.join(src, "link_sub"), onerror=onerror)
attempt("rmtree file", shutil.rmtree, os.path.join(src, "a.txt"))
print(calls)
attempt("rmtree t2", shutil.rmtree, os.path.join(base, "t2"))
print(os.path.exists(os.path.join(base, "t2")), os.path.exists(os.path.join(src, "sub", "c.txt")))
print(shutil.rmtree.avoids_symlink_attacks in (True, False))

# move
write(os.path.join(base, "m", "f.txt"), "move me")
attempt("move file", shutil.move, os.path.join(base, "m", "f.txt"), os.path.join(base, "m", "g.txt"))
os.mkdir(os.path.join(base, "m", "into"))
attempt("move into dir", shutil.move, os.path.join(base, "m", "g.txt"), os.path.join(base, "m", "into"))
write(os.path.join(base, "m", "g.txt"), "again")
attempt("move clash", shutil.move, os.path.join(base, "m", "g.txt"), os.path.join(base, "m", "into"))
attempt("move dir", shutil.move, os.path.join(base, "m", "into"), os.path.join(base, "m", "moved"))
attempt("move dir trailing", shutil.move, os.path.join(base, "m", "moved") + "/", os.path.join(base, "dest"))
attempt("move missing", shutil.move, os.path.join(base, "m", "zzz"), os.path.join(base, "m", "yyy"))
print(listing(os.path.join(base, "m")), listing(os.path.join(base, "dest")))
attempt("move into itself", shutil.move, os.path.join(base, "dest"), os.path.join(base, "dest", "moved", "x"))

# copyfileobj
import io
a, b = io.BytesIO(b"x" * 100000), io.BytesIO()
shutil.copyfileobj(a, b, 7); print(len(b.getvalue()))
a, b = io.StringIO("hello"), io.StringIO()
shutil.copyfileobj(a, b); print(b.getvalue())
print(shutil.COPY_BUFSIZE)

# which / disk_usage / terminal size
bindir = os.path.join(base, "bin")
write(os.path.join(bindir, "tool"), "#!/bin/sh\n")
write(os.path.join(bindir, "plain"), "data")
os.chmod(os.path.join(bindir, "tool"), 0o755)
os.mkdir(os.path.join(bindir, "dirtool"))
print(rel(shutil.which("tool", path=bindir)), shutil.which("plain", path=bindir), shutil.which("dirtool", path=bindir))
print(rel(shutil.which("plain", mode=os.F_OK, path=bindir)), shutil.which("tool", path=""), shutil.which("nothing", path=bindir + os.pathsep + bindir))
print(rel(shutil.which(os.path.join(bindir, "tool"))), shutil.which(os.path.join(bindir, "plain")))
print(rel(os.fsdecode(shutil.which(b"tool", path=bindir))), rel(shutil.which("tool", path=os.fsencode(bindir))))
os.environ["COLUMNS"] = "123"; os.environ["LINES"] = "45"
print(shutil.get_terminal_size())
os.environ["COLUMNS"] = "0"; os.environ["LINES"] = "x"
print(shutil.get_terminal_size((11, 22)))
attempt("chown none", shutil.chown, base)
attempt("chown user", shutil.chown, base, user="no-such-user-xyz")
attempt("chown group", shutil.chown, base, group="no-such-group-xyz")

# archives
print([n for n, d in shutil.get_archive_formats() if n == "zip"], [f for f in shutil.get_unpack_formats() if f[0] == "zip"])
arc = shutil.make_archive(os.path.join(base, "out", "arch"), "zip", root_dir=os.path.join(src, "sub"))
print(rel(arc), sorted(zipfile.ZipFile(arc).namelist()))
cwd = os.getcwd(); os.chdir(src)
arc2 = shutil.make_archive(os.path.join(base, "arch2"), "zip", base_dir="sub")
os.chdir(cwd)
print(rel(arc2), sorted(zipfile.ZipFile(arc2).namelist()))
attempt("make bad format", shutil.make_archive, os.path.join(base, "x"), "rar")
attempt("make root not dir", shutil.make_archive, os.path.join(base, "x"), "zip", root_dir=os.path.join(src, "a.txt"))
shutil.unpack_archive(arc, os.path.join(base, "un"))
print(listing(os.path.join(base, "un")))
attempt("unpack unknown", shutil.unpack_archive, os.path.join(base, "a1"))
attempt("unpack bad format", shutil.unpack_archive, arc, os.path.join(base, "un2"), "rar")
attempt("unpack not zip", shutil.unpack_archive, os.path.join(base, "a1"), os.path.join(base, "un3"), "zip")
attempt("unpack filter", shutil.unpack_archive, arc, os.path.join(base, "un4"), filter="data")
def fake(base_name, base_dir, **kw):
    print("fake called", rel(base_name), base_dir, sorted(kw))
    return "made"
attempt("register bad", shutil.register_archive_format, "fake", 42)
attempt("register bad extra", shutil.register_archive_format, "fake", fake, "xx")
attempt("register bad extra2", shutil.register_archive_format, "fake", fake, [("a", 1, 2)])
shutil.register_archive_format("fake", fake, [("level", 9)], "fake fmt")
print(("fake", "fake fmt") in shutil.get_archive_formats())
attempt("make fake", shutil.make_archive, os.path.join(base, "ff"), "fake", root_dir=src)
shutil.unregister_archive_format("fake")
attempt("unregister missing", shutil.unregister_archive_format, "fake")
def fake_unpack(filename, extract_dir, **kw):
    print("unpack called", rel(filename), rel(extract_dir), kw)
attempt("reg unpack clash", shutil.register_unpack_format, "z2", [".zip"], fake_unpack)
attempt("reg unpack notcallable", shutil.register_unpack_format, "z2", [".z2"], None)
shutil.register_unpack_format("z2", [".z2"], fake_unpack, [("opt", 1)], "z two")
print([f for f in shutil.get_unpack_formats() if f[0] == "z2"])
shutil.unpack_archive(os.path.join(base, "thing.z2"), os.path.join(base, "w"))
shutil.unpack_archive(os.path.join(base, "thing.bin"), os.path.join(base, "w"), format="z2", filter="data")
shutil.unregister_unpack_format("z2")
attempt("unreg unpack missing", shutil.unregister_unpack_format, "z2")

print(issubclass(shutil.SameFileError, shutil.Error), issubclass(shutil.Error, OSError), issubclass(shutil.RegistryError, OSError), issubclass(shutil.ReadError, OSError), issubclass(shutil.SpecialFileError, OSError), issubclass(shutil.ExecError, OSError))
print(sorted(n for n in shutil.__all__ if n != 'disk_usage'))
shutil.rmtree(base)
print(os.path.exists(base))
