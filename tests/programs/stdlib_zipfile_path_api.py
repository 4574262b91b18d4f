# zipfile.Path: navigation, implied folders, reading and writing text
# and bytes, names/suffixes, errors.
import io
import zipfile

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as zf:
    for name, data in (("a.txt", b"A\r\nB\rC\n"), ("d/e/f.tar.gz", b"gz"),
                       ("d/g.py", b"print(1)\n"), ("x//y.txt", b"y"),
                       ("listed/", b"")):
        zf.writestr(zipfile.ZipInfo(name, (2022, 1, 2, 3, 4, 6)), data)
zf = zipfile.ZipFile(buf)
root = zipfile.Path(zf)
print(repr(root), root.is_dir(), root.exists(), root.at)
print(sorted(p.at for p in root.iterdir()))
d = root / "d"
print(d.at, d.is_dir(), d.exists(), d.name, sorted(p.name for p in d.iterdir()))
f = d.joinpath("e", "f.tar.gz")
print(f.at, f.name, f.suffix, f.suffixes, f.stem, f.is_file(), f.read_bytes())
print(f.parent.at, f.parent.parent.at, repr(f.parent.parent.parent.at))
print((root / "a.txt").read_text(), repr((root / "a.txt").read_text(newline="")))
with (root / "a.txt").open() as fh:
    print(fh.readlines())
with (root / "a.txt").open("rb") as fh:
    print(fh.read())
print((root / "x").is_dir(), sorted(p.at for p in (root / "x").iterdir()))
print((root / "listed").at, (root / "nope").exists(), (root / "/d/g.py").at)
for action in (lambda: (root / "nope").read_text(), lambda: d.open(),
               lambda: f.iterdir(), lambda: f.open("rb", "utf-8")):
    try:
        action()
    except Exception as e:
        print(type(e).__name__)
try:
    str(root / "d")
except TypeError:
    print("TypeError")
print(list(p.at for p in root.iterdir()), [p.at for p in d.iterdir()])
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w") as z2:
    for n in ("/a/b", "a//b//c", "q/r/s/t", "q/"):
        z2.writestr(n, b"")
p2 = zipfile.Path(zipfile.ZipFile(zb))
print([p.at for p in p2.iterdir()], [p.at for p in (p2 / "q").iterdir()],
      [p.at for p in (p2 / "a").iterdir()])

out = io.BytesIO()
wz = zipfile.ZipFile(out, "w")
wp = zipfile.Path(wz, "new.txt")
with wp.open("w", encoding="utf-8", newline="\n") as fh:
    print(fh.write("caf\u00e9\nline2\n"))
with zipfile.Path(wz, "raw.bin").open("wb") as fh:
    fh.write(b"\x00\x01")
wz.close()
rz = zipfile.ZipFile(out)
print(rz.namelist(), rz.read("new.txt"), rz.read("raw.bin"))
