# Golden test for runpy: run_path (file, directory, zip) and run_module.
import os
import runpy
import shutil
import sys
import tempfile
import zipfile

tmp = tempfile.mkdtemp()


def write(relpath, text):
    full = os.path.join(tmp, relpath)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    return full


def rel(value):
    """Paths shown relative to the temporary folder."""
    if isinstance(value, str) and value.startswith(tmp):
        return "TMP" + value[len(tmp):]
    return value


SCRIPT = '''
import sys
result = 6 * 7
seen_name = __name__
seen_argv0 = sys.argv[0]
in_modules = sys.modules.get(__name__) is not None
print("running", __name__, __package__, __doc__, __spec__ is None)
if __name__ == "__main__":
    print("main block runs")
'''

try:
    script = write("script.py", SCRIPT)
    argv0 = sys.argv[0]
    g = runpy.run_path(script)
    print(g["result"], g["seen_name"], rel(g["__file__"]), rel(g["seen_argv0"]),
          g["in_modules"], g["__loader__"], g["__cached__"], repr(g["__package__"]))
    print(sys.argv[0] == argv0, "<run_path>" in sys.modules)
    g = runpy.run_path(script, init_globals={"extra": 1, "result": 0},
                       run_name="__main__")
    print(g["extra"], g["result"], g["seen_name"])
    print(sys.modules["__main__"].__name__, "script" not in sys.modules)
    g = runpy.run_path(script, run_name="pkg.sub.mod")
    print(repr(g["__package__"]))

    # A directory with __main__.py.
    write("app/__main__.py", SCRIPT + "helper_name = __file__\n")
    g = runpy.run_path(os.path.join(tmp, "app"))
    print(g["seen_name"], rel(g["__file__"]), rel(g["seen_argv0"]),
          g["__spec__"].name, os.path.join(tmp, "app") in sys.path)
    try:
        os.makedirs(os.path.join(tmp, "nomain"))
        runpy.run_path(os.path.join(tmp, "nomain"))
    except ImportError as e:
        print("ImportError:", rel(str(e)).replace(tmp, "TMP"))

    # A zip archive with __main__.py.
    zpath = os.path.join(tmp, "app.zip")
    with zipfile.ZipFile(zpath, "w") as z:
        z.writestr("__main__.py", "print('zip main', __name__)\nanswer = 7\n")
    g = runpy.run_path(zpath, run_name="__main__")
    print(g["answer"], rel(g["__file__"]))

    # Errors in the script propagate.
    bad = write("bad.py", "x = 1\nraise ValueError('boom')\n")
    try:
        runpy.run_path(bad)
    except ValueError as e:
        print("ValueError:", e)
    try:
        runpy.run_path(os.path.join(tmp, "missing.py"))
    except OSError as e:
        print(type(e).__name__, e.errno)

    # run_module on modules found through sys.path.
    write("mods/plainmod.py", SCRIPT)
    write("mods/pkgx/__init__.py", "print('pkgx init')\n")
    write("mods/pkgx/__main__.py", SCRIPT)
    write("mods/pkgx/inner.py", SCRIPT)
    write("mods/nomainpkg/__init__.py", "")
    sys.path.insert(0, os.path.join(tmp, "mods"))
    g = runpy.run_module("plainmod")
    print(g["seen_name"], rel(g["__file__"]), g["__spec__"].name,
          g["in_modules"], "plainmod" in sys.modules, g["__package__"] == "")
    g = runpy.run_module("plainmod", run_name="__main__", alter_sys=True,
                         init_globals={"pre": 5})
    print(g["seen_name"], g["pre"], rel(g["seen_argv0"]), g["in_modules"],
          sys.argv[0] == argv0, sys.modules["__main__"].__name__)
    g = runpy.run_module("pkgx")
    print(g["seen_name"], g["__package__"], g["__spec__"].name)
    g = runpy.run_module("pkgx.inner", run_name="custom")
    print(g["seen_name"], g["__package__"], "pkgx" in sys.modules)
    for name in ["nosuchmod_xyz", ".relative", "nomainpkg", "pkgx.nosub",
                 "plainmod.py", "__main__"]:
        try:
            runpy.run_module(name)
        except ImportError as e:
            print("ImportError:", e)
    sys.path.remove(os.path.join(tmp, "mods"))
finally:
    shutil.rmtree(tmp)
print(os.path.exists(tmp), sorted(runpy.__all__))
