# zipfile.Path: the pathlib-like view of an archive, with the directories
# that members' names imply.
import io
import zipfile


class NamedBytesIO(io.BytesIO):
    pass


def show_error(action):
    try:
        result = action()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   ok", result)


buf = NamedBytesIO()
buf.name = "arch.zip"
with zipfile.ZipFile(buf, "w") as zf:
    for name in ["a.txt", "b/c.txt", "b/d/e.bin", "f/", "g/h/i/j.tar.gz"]:
        data = b"data of " + name.encode() + b"\r\nline2\rline3\n"
        zf.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data)
    # Writing through a Path (text and binary).
    with zipfile.Path(zf, "w.txt").open("w", encoding="utf-8") as f:
        print(f.write("written \u00e9\n"), f.writable())
    with zipfile.Path(zf, "w.bin").open("wb") as f:
        print(f.write(b"\x00\x01"))

zf = zipfile.ZipFile(buf)
root = zipfile.Path(zf)
print(repr(root), str(root), root.name, root.is_dir(), root.is_file(),
      root.exists(), repr(root.at))
print([str(p) for p in root.iterdir()])
c = root / "b" / "c.txt"
print(repr(c), c.name, c.stem, c.suffix, c.suffixes, c.is_file(),
      c.is_dir(), c.exists())
print(repr(c.parent), repr(c.parent.parent), repr(c.filename))
print(repr(c.read_text()), c.read_bytes())
print(repr(c.read_text(newline="")), repr(c.read_text("utf-8", None, "\n")))
with c.open() as f:
    print(list(f))
with c.open(newline="") as f:
    print(list(f))
with c.open("rb") as f:
    print(f.read(4), f.read())
print(repr(root.joinpath("b", "d")), (root / "b").is_dir(),
      [repr(p) for p in (root / "b").iterdir()])
deep = root / "g/h/i/j.tar.gz"
print(deep.name, deep.stem, deep.suffix, deep.suffixes, repr(deep.parent))
print([repr(p) for p in (root / "g").iterdir()], (root / "g/h").exists())
print(repr(root.joinpath("g").joinpath("h", "i")))
print((root / "w.txt").read_text(encoding="utf-8"), (root / "w.bin").read_bytes())
print((root / "nope").exists(), (root / "f").is_dir(), repr(root / "f"))
show_error(lambda: (root / "nope").read_text())
show_error(lambda: (root / "b").open())
show_error(lambda: c.iterdir())
show_error(lambda: c.open("rb", encoding="utf-8"))
print(isinstance(root / "a.txt", zipfile.Path))
