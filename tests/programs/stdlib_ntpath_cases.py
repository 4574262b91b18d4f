# ntpath: Windows path string semantics on hand-picked and generated inputs
# (drive letters, UNC and device paths, mixed slashes, str and bytes).
import ntpath, os

os.chdir("/")
for k in ("USERPROFILE", "HOMEPATH", "HOMEDRIVE", "USERNAME"):
    os.environ.pop(k, None)
os.environ["NTP_FOO"] = "foo"
os.environ["NTP_B-R"] = "bar"

print(ntpath.sep, ntpath.altsep, ntpath.pathsep, ntpath.extsep, ntpath.curdir, ntpath.pardir,
      ntpath.defpath, ntpath.devnull)
print(sorted(ntpath.__all__))

def show(name, *args):
    try:
        r = repr(getattr(ntpath, name)(*args))
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(name, repr(args)[1:-1], "->", r)

HAND = ["", "C:", "c:\\", "C:/", "C:foo", "C:\\foo\\bar", "C:/foo/bar/", "\\\\server\\share",
        "\\\\server\\share\\", "\\\\server\\share\\dir\\file.txt", "//server/share/dir/file.txt",
        "\\\\server", "\\\\server\\", "\\\\\\share", "\\\\?\\C:\\x", "\\\\.\\device\\x",
        "\\\\?\\UNC\\server\\share\\x", "//?/unc/server/share", "\\\\?\\UNC\\server",
        "foo/bar\\baz", "foo\\\\bar", ".", "..", "...", ".bashrc", "a.b.c", "a.b/", "dir.d\\file",
        "C:\\a\\..\\..\\b", "a\\..\\..\\b", "\\..\\x", "C:..", "./.\\.", "x/./y/../z",
        "\\\\server\\share\\..\\..", "/abs/path", "C:\\trailing\\\\", "C:x.y\\z"]
for p in HAND:
    for name in ("splitdrive", "split", "splitext", "basename", "dirname", "normpath",
                 "normcase", "isabs", "abspath", "ismount"):
        show(name, p)
    show("normpath", p.encode())
    show("split", p.encode())

for args in [("C:", "foo"), ("C:\\", "foo"), ("C:\\a", "D:b"), ("C:\\a", "c:b"), ("C:\\a", "\\b"),
             ("\\\\srv\\sh", "x"), ("\\\\srv\\sh\\", "x"), ("a", "b", "C:", "d"), ("a", "/b", "c"),
             ("", ""), ("", "a"), ("a", ""), ("c:", "C:x"), ("x", "\\\\srv\\sh", "y"),
             (b"C:", b"x"), ("a",), ("d:", "\\")]:
    show("join", *args)
for args in [("C:\\a\\b\\c", "C:\\a"), ("C:\\a", "C:\\a\\b\\c"), ("C:\\a", "D:\\a"), ("a\\b", "a\\c"),
             ("\\\\s\\h\\x", "\\\\s\\h\\y\\z"), ("C:\\A\\b", "c:\\a"), ("x",), ("", "x"), ("a", "a"),
             (b"a\\b", b"a"), ("C:\\x", "C:y")]:
    show("relpath", *args)
for paths in [["C:\\a\\b", "C:\\a\\c"], ["C:\\a\\b", "c:/A/b/c"], ["a\\b", "a/b/c", "a\\x"],
              ["C:\\a", "a"], ["C:\\a", "D:\\a"], [], ["\\\\s\\h\\a", "\\\\S\\H\\a\\b"],
              ["C:a\\b", "C:a\\c"], [b"C:\\x\\y", b"C:\\x"], ["./a/./b", "a/b/./c"], ["\\", "/"]]:
    show("commonpath", paths)
for p in ["%NTP_FOO%", "$NTP_FOO", "${NTP_FOO}", "$NTP_B-R/x", "'$NTP_FOO'", "'%NTP_FOO%", "%%",
          "$$", "%NOPE%", "$NOPE", "${NOPE}", "${NTP_FOO", "%NTP_FOO", "$", "a$.b", b"%NTP_FOO%\\x",
          "%NTP_FOO%%NTP_FOO%", "${NTP_FOO}$NTP_FOO"]:
    show("expandvars", p)
for p in ["~", "~\\x", "~joe\\x", "x~", b"~/y"]:
    show("expanduser", p)
os.environ["USERPROFILE"] = "C:\\Users\\joe"
os.environ["USERNAME"] = "joe"
for p in ["~", "~\\x", "~joe\\x", "~ann/y", b"~ann\\y"]:
    show("expanduser", p)
del os.environ["USERPROFILE"]
os.environ["HOMEPATH"] = "\\Users\\joe"
os.environ["HOMEDRIVE"] = "E:"
show("expanduser", "~/z")

# Generated inputs: a small linear congruential generator picks tokens.
TOKENS = ["C:", "d:", "\\", "/", "a", "B", ".", "..", "\\\\", "//", "?", "UNC", "x.txt",
          ".e", ":", " ", "~", "'", "$", "%", "unc", "x..y"]
state = 12345
def nxt(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n
def gen():
    return "".join(TOKENS[nxt(len(TOKENS))] for _ in range(nxt(6)))
for _ in range(300):
    p, q = gen(), gen()
    out = []
    for name in ("splitdrive", "split", "splitext", "normpath", "isabs", "abspath", "normcase", "ismount"):
        out.append(repr(getattr(ntpath, name)(p)))
    for name, args in (("join", (p, q)), ("relpath", (p, q)), ("commonpath", ([p, q],))):
        try:
            out.append(repr(getattr(ntpath, name)(*args)))
        except ValueError as e:
            out.append("ValueError: %s" % e)
    print(repr(p), repr(q), " ".join(out))

for bad in [("join", 1), ("join", "a", b"b"), ("relpath", "a", b"b"), ("commonpath", ["a", b"b"]),
            ("splitdrive", None), ("relpath", "")]:
    show(*bad)
print(ntpath.realpath is ntpath.abspath or ntpath.realpath("C:\\x\\..\\y"))
print(ntpath.lexists("/"), ntpath.islink("/"), ntpath.isdir("/"), ntpath.exists("/nonexistent-ntp"))
