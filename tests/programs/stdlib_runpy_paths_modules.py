import os
import runpy
import shutil
import sys
import tempfile
import zipfile

base = tempfile.mkdtemp()


def clean(value):
    return str(value).replace(base, "<TMP>")


def show(label, fn):
    try:
        print(label, clean(repr(fn())))
    except Exception as e:
        print(label, "!", type(e).__name__, clean(e))


def write(rel, text):
    path = os.path.join(base, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


BODY = """
import sys
seen_name = __name__
seen_file = __file__
seen_package = __package__
seen_doc = __doc__
has_spec = __spec__ is not None
argv0 = sys.argv[0]
in_modules = __name__ in sys.modules
injected = globals().get("injected", "missing")
result = injected * 2 if injected != "missing" else None
"""

script = write("script.py", BODY)
write("rp_pkg/__init__.py", "")
write("rp_pkg/__main__.py", BODY)
write("rp_pkg/mod.py", BODY)
write("rp_nomain/__init__.py", "")
write("rp_mod.py", BODY)
write("rp_broken.py", "x = 1\nraise RuntimeError('boom inside')\n")
write("rp_syntax.py", "x = = 1\n")
write("dir_main/__main__.py", BODY)
os.makedirs(os.path.join(base, "empty_dir"))
zpath = os.path.join(base, "app.zip")
with zipfile.ZipFile(zpath, "w") as z:
    z.writestr("__main__.py", "zipped = __name__\nvalue = 6 * 7\n")
zbad = os.path.join(base, "nomain.zip")
with zipfile.ZipFile(zbad, "w") as z:
    z.writestr("other.py", "x = 1\n")
sys.path.insert(0, base)

KEYS = ["seen_name", "seen_file", "seen_package", "seen_doc", "has_spec",
        "argv0", "in_modules", "injected", "result"]


def summary(g):
    out = {k: clean(g[k]) for k in KEYS if k in g}
    if "argv0" in out:
        # Without the extension: a .kbc run has its own.
        out["argv0"] = os.path.splitext(os.path.basename(out["argv0"]))[0]
    return out


argv_before = sys.argv[0]

# run_path on a script
g = runpy.run_path(script)
print("path", summary(g), g["__name__"], clean(g["__file__"]), g["__spec__"], g["__loader__"])
print("  dunders", sorted(k for k in g if k.startswith("__") and k != "__builtins__"))
g = runpy.run_path(script, init_globals={"injected": 21}, run_name="custom.name")
print("path init", summary(g), g["__package__"])
g = runpy.run_path(script, {"injected": "ab", "__name__": "overridden"})
print("path override", summary(g))
import pathlib
g = runpy.run_path(pathlib.Path(script))
print("pathlike", summary(g))
print("argv restored", sys.argv[0] == argv_before, "<run_path>" in sys.modules)

# run_path on a directory and on zip files
g = runpy.run_path(os.path.join(base, "dir_main"), run_name="__main__")
print("dir", summary(g), g["__spec__"].name if g["__spec__"] else None)
show("dir empty", lambda: runpy.run_path(os.path.join(base, "empty_dir")))
g = runpy.run_path(zpath)
print("zip", g["zipped"], g["value"])
show("zip no main", lambda: runpy.run_path(zbad))
print("path cleaned", base not in sys.path[1:] and sys.path[0] == base)
show("missing file", lambda: runpy.run_path(os.path.join(base, "nope.py")))
show("syntax", lambda: runpy.run_path(os.path.join(base, "rp_syntax.py"))["x"])
show("raises", lambda: runpy.run_path(os.path.join(base, "rp_broken.py")))
print("modules after failure", "<run_path>" in sys.modules, sys.argv[0] == argv_before)

# run_module
g = runpy.run_module("rp_mod")
print("module", summary(g), g["__name__"], g["__spec__"].name, clean(g["__loader__"].__class__.__name__))
print("  dunders", sorted(k for k in g if k.startswith("__") and k != "__builtins__"))
g = runpy.run_module("rp_mod", init_globals={"injected": 5}, run_name="__main__")
print("module run_name", summary(g))
g = runpy.run_module("rp_mod", alter_sys=True)
print("module alter_sys", summary(g))
g = runpy.run_module("rp_mod", run_name="zz.yy", alter_sys=True)
print("module alter_sys named", summary(g), "zz.yy" in sys.modules)
g = runpy.run_module("rp_pkg")
print("package", summary(g))
g = runpy.run_module("rp_pkg.mod", alter_sys=True)
print("submodule", summary(g))
g = runpy.run_module("rp_pkg.__main__")
print("pkg main direct", summary(g))
print("rp_mod imported?", "rp_mod" in sys.modules, "rp_pkg" in sys.modules)
for name in ["nonexistent_mod_xyz", ".relative", "rp_nomain", "rp_pkg.nothere",
             "nonexistent_pkg_xyz.sub", "rp_mod.py", "rp_mod.sub", "__main__",
             "rp_pkg.mod.py", ""]:
    show("run_module %r" % name, lambda: runpy.run_module(name)["seen_name"])
show("raises", lambda: runpy.run_module("rp_broken"))
show("syntax", lambda: runpy.run_module("rp_syntax"))
print(runpy.__all__)
sys.path.remove(base)
shutil.rmtree(base)
