# pkgutil on a fake package tree made in a temporary folder.
import os
import sys
import tempfile
import pkgutil

root = tempfile.mkdtemp()
root2 = tempfile.mkdtemp()
files = {
    "fakepkg/__init__.py": "X = 1\n",
    "fakepkg/alpha.py": "A = 'alpha'\n",
    "fakepkg/beta.py": "",
    "fakepkg/sub/__init__.py": "",
    "fakepkg/sub/gamma.py": "class K:\n    class L:\n        value = 5\n",
    "fakepkg/data/info.txt": "some data\n",
    "fakepkg/notes.txt": "not a module",
    "fakepkg/folder/readme.txt": "a folder without __init__",
    "topmod.py": "T = 'top'\n",
    "nsdir/inside.py": "",
    "brokenpkg/__init__.py": "raise ImportError('broken on purpose')\n",
    "errpkg/__init__.py": "raise ValueError('bad value')\n",
}
for name, text in files.items():
    full = os.path.join(root, *name.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
os.makedirs(os.path.join(root2, "fakepkg"))
with open(os.path.join(root2, "fakepkg", "extra.py"), "w") as f:
    f.write("E = 3\n")
with open(os.path.join(root2, "fakepkg.pkg"), "w") as f:
    f.write("# comment\n\n/some/other/place\n")
sys.path.insert(0, root)

print("top level:", [(m.name, m.ispkg) for m in pkgutil.iter_modules([root])])
info = next(pkgutil.iter_modules([root]))
print(type(info).__name__, info._fields, type(info.module_finder).__name__)
print(pkgutil.ModuleInfo.__doc__)

import fakepkg
print("fakepkg:", [(m.name, m.ispkg) for m in pkgutil.iter_modules(fakepkg.__path__)])
print("prefixed:", [m.name for m in pkgutil.iter_modules(fakepkg.__path__, "fakepkg.")])

errors = []
walked = [m.name for m in pkgutil.walk_packages([root], onerror=errors.append)]
print("walk:", walked)
print("errors:", errors)
try:
    list(pkgutil.walk_packages([root]))
except ValueError as exc:
    print("walk without onerror:", type(exc).__name__, exc)
print("walk fakepkg:", [(m.name, m.ispkg) for m in pkgutil.walk_packages(fakepkg.__path__, "fakepkg.")])

every = {m.name: m.ispkg for m in pkgutil.iter_modules()}
for name in ["topmod", "fakepkg", "nsdir", "json", "os", "collections", "sys"]:
    print("iter_modules()", name, every.get(name))

try:
    next(pkgutil.iter_modules("not a list"))
except ValueError as exc:
    print("ValueError:", exc)

print("get_data:", pkgutil.get_data("fakepkg", "data/info.txt"))
try:
    pkgutil.get_data("fakepkg", "data/missing.txt")
except FileNotFoundError:
    print("get_data missing: FileNotFoundError")
print("get_data unknown package:", pkgutil.get_data("no_such_package_xyz", "a.txt"))

print(pkgutil.resolve_name("fakepkg.sub.gamma:K.L.value"))
print(pkgutil.resolve_name("fakepkg.sub.gamma.K.L").value)
print(pkgutil.resolve_name("fakepkg.alpha:A"), pkgutil.resolve_name("fakepkg.alpha.A"))
print(pkgutil.resolve_name("os.path:join").__name__, pkgutil.resolve_name("fakepkg").X)
print(pkgutil.resolve_name("fakepkg.sub:").__name__)
for bad in ["1abc", "a.b:c:d", "a..b", "fakepkg.nothing_here"]:
    try:
        pkgutil.resolve_name(bad)
    except (ValueError, AttributeError, ImportError) as exc:
        print(bad, "->", type(exc).__name__, exc)

importer = pkgutil.get_importer(root)
print(type(importer).__name__, importer is pkgutil.get_importer(root))
print(pkgutil.get_importer(os.path.join(root, "topmod.py")))
print([type(i).__name__ for i in pkgutil.iter_importers("fakepkg.sub")])
try:
    list(pkgutil.iter_importers(".relative"))
except ImportError as exc:
    print("ImportError:", exc)

print(pkgutil.find_loader("fakepkg.alpha").name, pkgutil.find_loader("no_such_module_xyz"))
print(pkgutil.get_loader("fakepkg").name, pkgutil.get_loader(fakepkg).name)
print(pkgutil.get_loader("topmod").name)

sys.path.append(root2)
extended = pkgutil.extend_path(list(fakepkg.__path__), "fakepkg")
print(len(extended), [os.path.basename(p) for p in extended])
print(extended[0] == fakepkg.__path__[0], extended[1] == os.path.join(root2, "fakepkg"))
print(pkgutil.extend_path("not a list", "fakepkg"))
fakepkg.__path__ = extended[:2]
import fakepkg.extra
print("extra:", fakepkg.extra.E)

import shutil
shutil.rmtree(root)
shutil.rmtree(root2)
