# glob over a scratch folder made under the current folder (removed at
# the end): sorted names only, as os.scandir's order varies.
import glob
import os

W = "stdlib_glob_%d" % os.getpid()
os.mkdir(W)


def rel(text):
    return str(text).replace(W, "W")


def write(path, data="x"):
    os.makedirs(os.path.dirname(path) or os.curdir, exist_ok=True)
    with open(path, "w") as f:
        f.write(data)


G = os.path.join(W, "g")
for name in ["a.py", "b.txt", ".hid.py", "sub/c.py", "sub/.h/d.py",
             "sub/deep/e.py", "sub/deep/f.txt", "x[1].py", "q?.txt"]:
    write(os.path.join(G, name))
os.makedirs(os.path.join(G, "emptydir"))
patterns = ["*", "*.py", "*/*.py", "**", "**/*.py", "sub/**", "sub/**/",
            "**/", "*/", "s*/d*/*", ".*", "sub/.*/*", "x[[]1].py",
            "q[?].txt", "nonexist/*", "nonexist/**", "sub", "sub/", "a.py/",
            "", "[ab].*", "[!a]*", "**/.h", "sub/*/", "[]x]*", "*[!y]"]
for pattern in patterns:
    plain = sorted(glob.glob(pattern, root_dir=G))
    recursive = sorted(glob.glob(pattern, root_dir=G, recursive=True))
    hidden = sorted(glob.glob(pattern, root_dir=G, recursive=True,
                              include_hidden=True))
    print(repr(pattern), plain, recursive if recursive != plain else "same",
          hidden if hidden != recursive else "same")
print(sorted(rel(p) for p in glob.glob(os.path.join(G, "**", "*.txt"), recursive=True)))
print(sorted(rel(p) for p in glob.iglob(os.path.join(G, "sub", "*"))))
print(type(glob.iglob("*")).__name__ != "list")
print(glob.escape("a*b?[c]"), glob.escape("plain/path"), glob.escape("//x*"))
print(glob.has_magic("a*"), glob.has_magic("a?"), glob.has_magic("[a]"),
      glob.has_magic("abc"), glob.has_magic("a]"))
for name in ["x[1].py", "q?.txt"]:
    print(name, glob.glob(glob.escape(name), root_dir=G))
print(glob.__all__)

print(sorted(glob.glob1(G, "*.txt")), glob.glob0(G, "a.py"), glob.glob0(G, "zz"),
      glob.glob0(G, ""))
print(sorted(glob.glob("*", root_dir=os.path.join(G, "nonexist"))))
print(sorted(rel(p) for p in glob.glob(os.path.join(W, "g", "*", ""))))

for folder, folders, files in os.walk(W, topdown=False):
    for name in files:
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)
print(os.path.exists(W))
