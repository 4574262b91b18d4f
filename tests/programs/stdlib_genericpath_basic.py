# genericpath: the file-system questions and commonprefix.
import genericpath, os, tempfile

print(sorted(genericpath.__all__))
d = tempfile.mkdtemp()
f = os.path.join(d, "f.txt")
with open(f, "w") as fh:
    fh.write("hello world")
sub = os.path.join(d, "sub")
os.mkdir(sub)
missing = os.path.join(d, "nope")
for p in (f, sub, missing, f + "\0x"):
    print(os.path.basename(p), genericpath.exists(p), genericpath.isfile(p), genericpath.isdir(p))
print(genericpath.exists(d.encode()), genericpath.isdir(d.encode()))
print(genericpath.getsize(f), genericpath.getsize(f.encode()))
st = os.stat(f)
print(genericpath.getmtime(f) == st.st_mtime, genericpath.getatime(f) == st.st_atime,
      genericpath.getctime(f) == st.st_ctime, type(genericpath.getmtime(f)).__name__)
try:
    genericpath.getsize(missing)
except OSError as e:
    print("getsize missing:", type(e).__name__, e.errno)
print(genericpath.samefile(f, os.path.join(sub, "..", "f.txt")), genericpath.samefile(f, sub))
with open(f) as a, open(f) as b, open(os.path.join(d, "g"), "w") as c:
    print(genericpath.sameopenfile(a.fileno(), b.fileno()), genericpath.sameopenfile(a.fileno(), c.fileno()))
print(genericpath.samestat(os.stat(f), os.stat(f)), genericpath.samestat(os.stat(f), os.stat(sub)))
for m in ([], ["abc"], ["interspecies", "interstellar", "interstate"], ["/usr/lib", "/usr/local"],
          ["a", "b"], ["", "x"], [b"abc", b"abd"], [[1, 2, 3], [1, 2, 4]], [(1, 2), (1, 2)],
          ("same", "same"), ["throne", "throne", "thr"]):
    print(repr(m), repr(genericpath.commonprefix(m)))
for name in ("exists", "isfile", "isdir"):
    print(name, getattr(genericpath, name)(12345678))  # a file descriptor that is not open
print(genericpath._splitext("a/b.c.d", "/", None, "."), genericpath._splitext("a\\.x", "/", "\\", "."),
      genericpath._splitext(b"...x", b"/", None, b"."), genericpath._splitext("..x.y", "/", None, "."))
for args in (("f", "a", 1), ("f", "a", b"b"), ("f", "a", "b")):
    try:
        print(genericpath._check_arg_types(*args))
    except TypeError as e:
        print("TypeError:", e)
import shutil
shutil.rmtree(d)
print(genericpath.exists(d))
