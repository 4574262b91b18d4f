import os, tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath


TMP = []


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        text = str(e)
        for t in TMP:
            text = text.replace(t, "TMP")
        print(label, "!", type(e).__name__, text)


for raw in ["/usr/lib/python3.11/os.py", "a/b/c.tar.gz", "//net/share", "///x", "relative", ".", "", "/",
            "a//b/./c/", "../x/..", ".bashrc", "x.", "a/b.c.", "name.with.many.dots.txt", "..."]:
    p = PurePosixPath(raw)
    print(repr(raw), repr(p), str(p), p.parts, p.drive, p.root, p.anchor, repr(p.name), repr(p.suffix),
          p.suffixes, repr(p.stem), p.parent, list(p.parents), p.is_absolute(), p.as_posix())
p = PurePosixPath("/a/b/c.txt")
print(p / "d", "x" / PurePosixPath("y"), p.joinpath("e", "f"), PurePosixPath("a", "/b", "c"), PurePosixPath(p, "z"))
print(p.with_name("z.py"), p.with_stem("new"), p.with_suffix(".md"), p.with_suffix(""), PurePosixPath("a.tar.gz").with_suffix(".bz2"))
show("with_name empty", lambda: PurePosixPath("/").with_name("x"))
show("with_name bad", lambda: p.with_name("a/b"))
show("with_name dot", lambda: p.with_name("."))
show("with_name blank", lambda: p.with_name(""))
show("with_suffix bad", lambda: p.with_suffix("md"))
show("with_suffix dot", lambda: p.with_suffix("."))
show("with_suffix slash", lambda: p.with_suffix("./a"))
show("with_suffix empty name", lambda: PurePosixPath("").with_suffix(".x"))
print(p.relative_to("/a"), p.relative_to("/a/b/c.txt"), p.relative_to("/", "a"))
show("relative_to bad", lambda: p.relative_to("/x"))
show("relative_to rel", lambda: p.relative_to("a"))
print(p.is_relative_to("/a"), p.is_relative_to("/b"), p.is_relative_to("/a/b/c.txt/d"))
for pat in ["*.txt", "c.*", "b/*.txt", "/a/*/*.txt", "/a/*.txt", "a/b/c.txt", "*", "**/*.txt", "*/*/*/*",
            "*/*/*/*/*", "/", "//a/b/c.txt", "/a/b/c.txt", "a/./b/c.txt", "C.TXT", "[abc]/*"]:
    print(pat, p.match(pat), PurePosixPath("a/b").match(pat), PurePosixPath("/").match(pat))
show("match dot", lambda: p.match("."))
show("match empty", lambda: p.match(""))
print(PurePosixPath("a") == PurePosixPath("a"), PurePosixPath("a") == "a", PurePosixPath("a/b") < PurePosixPath("a/c"),
      sorted([PurePosixPath("b"), PurePosixPath("a/z"), PurePosixPath("a")]), hash(PurePosixPath("x/y")) == hash(PurePosixPath("x//y")))
show("lt str", lambda: PurePosixPath("a") < "b")
show("bad arg", lambda: PurePosixPath(5))
show("bad arg bytes", lambda: PurePosixPath(b"x"))
print(type(PurePath("x")).__name__, type(Path("x")).__name__, isinstance(Path("x"), PurePath), os.fspath(PurePosixPath("q/r")))
print(PurePosixPath("a") / PurePosixPath("/b"), PurePosixPath(PurePosixPath("a"), "b"))
class MyPath(PurePosixPath):
    pass
print(type(MyPath("a") / "b").__name__, type(MyPath("a").parent).__name__)

with tempfile.TemporaryDirectory() as d:
    root = Path(d)
    TMP.append(d)
    (root / "sub" / "deep").mkdir(parents=True)
    show("mkdir exists", lambda: (root / "sub").mkdir())
    (root / "sub").mkdir(exist_ok=True)
    show("mkdir noparent", lambda: (root / "x" / "y").mkdir())
    f = root / "sub" / "file.txt"
    print(f.write_text("hello\nworld\n"), f.read_text(), f.read_bytes(), f.exists(), f.is_file(), f.is_dir())
    print((root / "b.bin").write_bytes(b"\x00\x01"), (root / "b.bin").read_bytes(), (root / "b.bin").stat().st_size)
    show("write_text bytes", lambda: f.write_text(b"x"))
    (root / "t.txt").touch()
    (root / "t.txt").touch()
    show("touch exist", lambda: (root / "t.txt").touch(exist_ok=False))
    (root / ".hidden").touch()
    (root / "sub" / "deep" / "z.py").touch()
    (root / "sub" / "a.py").touch()
    rel = lambda it: sorted(str(x.relative_to(root)) for x in it)
    print(rel(root.iterdir()))
    print(rel(root.glob("*")), rel(root.glob("*.txt")), rel(root.glob("sub/*")), rel(root.glob("**/*.py")))
    print(rel(root.rglob("*.py")), rel(root.glob("**")), rel(root.glob("*/")), rel(root.glob("s*/d*")))
    print(rel(root.glob("sub/file.txt")), rel(root.glob("nothing/*")), rel(root.rglob("*")))
    show("glob empty", lambda: list(root.glob("")))
    show("glob abs", lambda: list(root.glob("/x")))
    print(f.stat().st_size, f.lstat().st_size, (root / "nope").exists(), (root / "sub").is_dir())
    link = root / "lnk"
    link.symlink_to(f)
    print(link.is_symlink(), link.exists(), link.readlink() == f, link.resolve() == f.resolve(), link.lstat().st_size != f.stat().st_size or True)
    print(f.samefile(link), (root / "sub").resolve().is_absolute(), Path("rel").absolute().is_absolute())
    show("resolve strict", lambda: (root / "missing").resolve(strict=True))
    print((root / "missing").resolve() == root.resolve() / "missing")
    g = f.rename(root / "renamed.txt")
    print(type(g).__name__, g.exists(), f.exists())
    h = g.replace(root / "replaced.txt")
    print(h.read_text().splitlines())
    h.chmod(0o600)
    print(oct(h.stat().st_mode & 0o777))
    h.unlink()
    show("unlink missing", lambda: h.unlink())
    h.unlink(missing_ok=True)
    (root / "sub" / "deep" / "z.py").unlink()
    (root / "sub" / "deep").rmdir()
    print(rel(root.rglob("*")))
    with (root / "o.txt").open("w") as fh:
        fh.write("abc")
    with (root / "o.txt").open() as fh:
        print(fh.read())
    print((root / "o.txt").read_text(encoding="utf-8"), Path.cwd().is_absolute(), Path.home().is_absolute())
    print(Path("~").expanduser() == Path.home(), Path(d).is_mount())
    old = os.getcwd(); os.chdir(d)
    try:
        print(sorted(str(x) for x in Path(".").glob("*.txt")), sorted(str(x) for x in Path().iterdir()))
    finally:
        os.chdir(old)
