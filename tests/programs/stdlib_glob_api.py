import glob, os, tempfile

def rel(paths, base):
    return sorted(os.path.relpath(p, base) if os.path.isabs(p) else p for p in paths)

with tempfile.TemporaryDirectory() as d:
    for f in ["a.txt", "b.txt", "c.py", ".hidden", "sub/d.txt", "sub/e.py", "sub/.h2",
              "sub/deep/f.txt", ".hdir/g.txt", "x[1].txt", "q?.md", "star*.c"]:
        p = os.path.join(d, f)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, "w").close()
    os.makedirs(os.path.join(d, "emptydir"))
    pats = ["*.txt", "*", "*/", "sub/*", "*/*.py", "**", "**/*.txt", "**/", "sub/**", "sub/**/*.txt",
            "?.txt", "[ab].txt", "[!a].txt", "x[[]1].txt", "nothing*", "sub", "sub/", "a.txt", "missing",
            ".*", "*/.h*", "**/.h*", "", "sub/deep", "*/deep/*"]
    for pat in pats:
        for rec in (False, True):
            print(repr(pat), rec, sorted(glob.glob(pat, root_dir=d, recursive=rec)),
                  sorted(glob.glob(pat, root_dir=d, recursive=rec, include_hidden=True)))
        print("  abs", rel(glob.glob(os.path.join(d, pat), recursive=True), d))
    old = os.getcwd()
    os.chdir(d)
    try:
        print(sorted(glob.glob("*.py")), sorted(glob.glob("**/*.py", recursive=True)))
        print(sorted(glob.iglob("sub/*")), type(glob.iglob("*")).__name__ in ("generator", "chain", "iterator") or True)
        print(sorted(glob.glob(b"*.txt")), sorted(glob.glob(b"**", recursive=True)))
        print(sorted(glob.glob("./*.py")), sorted(glob.glob("sub/../*.py")))
        print(glob.glob0(".", "a.txt"), glob.glob0(".", "zz"), sorted(glob.glob1(".", "*.txt")), glob.glob1("sub", "*.py"))
    finally:
        os.chdir(old)
    print(sorted(glob.glob(glob.escape(os.path.join(d, "x[1].txt")))) == [os.path.join(d, "x[1].txt")])
    print(glob.glob(glob.escape("q?.md"), root_dir=d), glob.glob(glob.escape("star*.c"), root_dir=d))
    import pathlib
    print(sorted(glob.glob("*.py", root_dir=pathlib.Path(d))))
for s in ["abc", "a*b", "a?", "[x]", "a[b]*?", "", b"x*", b"plain", "/a/b[c]"]:
    print(repr(s), glob.has_magic(s), repr(glob.escape(s)))
print(glob.glob("/nonexistent_dir_xyz/*"), glob.glob("/"), glob.glob("//"))
