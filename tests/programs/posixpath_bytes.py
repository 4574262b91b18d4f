# posixpath with bytes paths (and str), as CPython's: split, join, normpath,
# relpath, commonpath, expanduser/expandvars, and the mixing errors.
import os, posixpath
for p in [b"/a/b.c", b"a/b/", b"///x//y", b"", b".bashrc", b"a/..b/c.d.e", "/a/b.c", "rel/x"]:
    print(p, posixpath.basename(p), posixpath.dirname(p), posixpath.split(p), posixpath.splitext(p), posixpath.normpath(p), posixpath.isabs(p))
print(posixpath.join(b"a", b"b", b"/c", b"d"), posixpath.join("a"), posixpath.join(b"a"))
print(posixpath.abspath(b"/q/../r"), posixpath.abspath(b"x") == os.getcwd().encode() + b"/x")
for bad in [("a", b"b"), (b"a", "b"), ("a", 3)]:
    try:
        posixpath.join(*bad)
    except TypeError as exc:
        print("TypeError:", exc)
try:
    posixpath.join(5)
except TypeError as exc:
    print("TypeError:", type(exc).__name__)
print(posixpath.normpath(b"//a/./b/../c"), posixpath.normpath(b"../../x"), posixpath.splitext(b"..."), posixpath.splitext(b"a/.b.c"))
print(posixpath.relpath(b"/a/b/c", b"/a/x"), posixpath.relpath("/a/b/c", "/a/x"), posixpath.relpath(b"/a", b"/a"))
print(posixpath.commonpath([b"/usr/lib", b"/usr/local/lib"]), posixpath.commonpath(["/usr/lib", "/usr/local/lib"]), posixpath.commonprefix([b"/usr/lib", b"/usr/local"]))
os.environ["HOME"] = "/home/tester"
os.environ["KRAIT_T"] = "val"
print(posixpath.expanduser(b"~/x"), posixpath.expanduser("~/x"), posixpath.expanduser(b"~"), posixpath.expandvars(b"$KRAIT_T/${KRAIT_T}/$NOPE_X"), posixpath.expandvars("$KRAIT_T"))
for bad in [([b"/a", "/b"],), ([],)]:
    try:
        posixpath.commonpath(*bad)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
try:
    posixpath.relpath(b"/a", "/b")
except TypeError as exc:
    print("TypeError:", exc)
