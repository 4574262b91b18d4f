# importlib.resources on a fake package made in a temporary folder.
import os
import sys
import tempfile
import warnings
import pathlib
import importlib.resources as resources
from importlib.resources.abc import Traversable, TraversableResources, ResourceReader

root = tempfile.mkdtemp()
root2 = tempfile.mkdtemp()
files = {
    (root, "respkg/__init__.py"): "",
    (root, "respkg/mod.py"): "M = 1\n",
    (root, "respkg/hello.txt"): "héllo\nworld\n",
    (root, "respkg/data/deep/x.txt"): "deep file\n",
    (root, "respkg/data/y.cfg"): "[y]\n",
    (root, "nsres/a.txt"): "A from first\n",
    (root, "nsres/inner/keep.txt"): "",
    (root2, "nsres/b.txt"): "B from second\n",
    (root2, "nsres/a.txt"): "A from second\n",
}
for (base, name), text in files.items():
    full = os.path.join(base, *name.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
with open(os.path.join(root, "respkg", "blob.bin"), "wb") as f:
    f.write(bytes(range(8)))
sys.path[:0] = [root, root2]


def names(traversable):
    return sorted(p.name for p in traversable.iterdir() if p.name != "__pycache__")


top = resources.files("respkg")
print(type(top).__name__, isinstance(top, Traversable), top.name, top.is_dir(), top.is_file())
print(names(top))
print(repr((top / "hello.txt").read_text(encoding="utf-8")))
print((top / "blob.bin").read_bytes())
print(top.joinpath("data", "deep", "x.txt").read_text())
print(names(top / "data"), (top / "data" / "deep" / "x.txt").is_file())
print((top / "missing.txt").is_file(), (top / "missing.txt").exists())
with (top / "hello.txt").open("rb") as f:
    print(f.read(3))

import respkg
print(resources.files(respkg) == top)
print(top == pathlib.Path(respkg.__file__).parent)

with resources.as_file(top / "hello.txt") as path:
    print(type(path).__name__, path.name, path.exists(), path == top / "hello.txt")

print(sorted(resources.__all__))
print(issubclass(TraversableResources, ResourceReader))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(repr(resources.read_text("respkg", "hello.txt")))
    print(resources.read_binary(respkg, "blob.bin"))
    with resources.open_text("respkg", "hello.txt") as f:
        print(repr(f.readline()))
    with resources.open_binary("respkg", "blob.bin") as f:
        print(f.read(2))
    print(repr(resources.read_text("respkg", "hello.txt", encoding="latin-1")))
    print(sorted(n for n in resources.contents("respkg") if n != "__pycache__"))
    print(resources.is_resource("respkg", "hello.txt"), resources.is_resource("respkg", "data"),
          resources.is_resource("respkg", "nothing.txt"))
    with resources.path("respkg", "hello.txt") as path:
        print(path.name, path.read_text(encoding="utf-8").splitlines()[0])
print(len(caught) > 0, all(w.category is DeprecationWarning for w in caught))
print(str(caught[0].message).split(".")[0])

warnings.simplefilter("ignore")
checks = [
    ("module, not package", lambda: resources.files("respkg.mod")),
    ("module object", lambda: resources.files(sys)),
    ("missing package", lambda: resources.files("no_such_package_xyz")),
    ("path in name", lambda: resources.read_text("respkg", "data/y.cfg")),
    ("missing resource", lambda: resources.read_binary("respkg", "missing.bin")),
    ("is_resource of module", lambda: resources.is_resource("respkg.mod", "x")),
    ("open a folder", lambda: resources.read_text("respkg", "data")),
]
for label, check in checks:
    try:
        check()
        print(label, "-> no error")
    except OSError as exc:
        print(label, "->", type(exc).__name__)
    except Exception as exc:
        print(label, "->", type(exc).__name__, exc)

ns = resources.files("nsres")
print(type(ns).__name__, ns.name, ns.is_dir(), ns.is_file(), names(ns))
print(repr((ns / "a.txt").read_text()), repr((ns / "b.txt").read_text()))
print((ns / "inner").is_dir(), (ns / "nothing").exists())
for action in (ns.read_bytes, ns.read_text, ns.open):
    try:
        action()
    except FileNotFoundError:
        print("namespace folder is not a file")


class Virtual(Traversable):
    """A Traversable that is not on the file system."""

    def iterdir(self):
        return iter(())

    def is_dir(self):
        return False

    def is_file(self):
        return True

    def joinpath(self, *other):
        return self

    def open(self, mode="r", *args, **kwargs):
        import io
        return io.BytesIO(b"virtual bytes") if "b" in mode else io.StringIO("virtual text")

    @property
    def name(self):
        return "virtual.bin"


virtual = Virtual()
print(virtual.read_bytes(), virtual.read_text(), (virtual / "x").name)
with resources.as_file(virtual) as path:
    kept = path
    print(path.name.endswith("virtual.bin"), path.read_bytes(), path.exists())
print(kept.exists())

import shutil
shutil.rmtree(root)
shutil.rmtree(root2)
