# (The deprecated calls' warnings, which CPython prints too, are not
# the subject here.)
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
# zipimport: zipimporter used directly on an archive made with zipfile:
# finding specs, loading modules and packages (new and old protocols),
# reading sources and data, prefixes inside the archive, and errors.
import os, sys, tempfile, shutil, warnings, zipfile, zipimport
import importlib.util

work = tempfile.mkdtemp()
os.chdir(work)
with zipfile.ZipFile("a.zip", "w") as z:
    z.writestr("mod.py", 'x = 1\r\nprint("mod run as", __name__)\n')
    z.writestr("pkg/__init__.py", "y = 2\nfrom . import helper_value\n" if False else "y = 2\n")
    z.writestr("pkg/sub.py", "z = 3\ndef f():\n    return __name__\n")
    z.writestr("pkg/data.txt", "DATA")
    z.writestr("ns/inner.py", "w = 4\n")
    z.writestr("dir/", "")
    z.writestr("bad.py", "def broken(:\n")
    z.writestr("boom.py", "raise ValueError('boom at import')\n")
with zipfile.ZipFile("deflated.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("big.py", "VALUES = %r\n" % (list(range(200)),))
with open("notzip.txt", "w") as f:
    f.write("hi")
with open("longnotzip.txt", "w") as f:
    f.write("x" * 100)

print(zipimport.__all__, issubclass(zipimport.ZipImportError, ImportError))
zi = zipimport.zipimporter("a.zip")
print(repr(zi), zi.archive, repr(zi.prefix), isinstance(zi, zipimport.zipimporter))
for name in ("mod", "pkg", "ns", "dir", "nothing", "pkg.sub"):
    print(name, zi.find_spec(name))

for arg in ("a.zip/pkg", "a.zip/pkg/", "a.zip/nonexist/deeper", "a.zip//pkg", "", "notzip.txt",
            "longnotzip.txt", "missing.zip", ".", b"a.zip", None):
    try:
        z2 = zipimport.zipimporter(arg)
        print(repr(arg), repr(z2), repr(z2.prefix))
    except zipimport.ZipImportError as e:
        print(repr(arg), "ZipImportError:", e, repr(e.path))
    except TypeError as e:
        print(repr(arg), "TypeError:", e)

for meth in ("get_source", "is_package", "get_filename"):
    for name in ("mod", "pkg", "ns", "nothing", "pkg.sub"):
        try:
            print(meth, name, repr(getattr(zi, meth)(name)))
        except zipimport.ZipImportError as e:
            print(meth, name, "ZipImportError:", e, e.name)
print(zi.get_data("pkg/data.txt"), zi.get_data(zi.archive + "/pkg/data.txt"))
try:
    zi.get_data("zzz")
except OSError as e:
    print("OSError", e.args, str(e))
code = zi.get_code("mod")
print(type(code).__name__, code.co_filename)

spec = zi.find_spec("pkg")
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.y, mod.__path__, mod.__file__, mod.__loader__ is zi, spec.has_location, spec.parent)
spec = zi.find_spec("mod")
m = importlib.util.module_from_spec(spec)
print(zi.create_module(spec))
spec.loader.exec_module(m)
print(m.x, m.__name__, m.__file__)

zp = zipimport.zipimporter("a.zip/pkg")
print(zp.get_source("sub"), zp.is_package("pkg.sub"), zp.get_filename("x.y.sub"))
sub_spec = zp.find_spec("pkg.sub")
sub = importlib.util.module_from_spec(sub_spec)
sub_spec.loader.exec_module(sub)
print(sub.z, sub.f(), sub_spec.origin)

warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    lm = zi.load_module("mod")
    print(lm.x, lm.__file__, lm.__loader__ is zi, sys.modules["mod"] is lm)
    lp = zi.load_module("pkg")
    print(lp.y, lp.__path__, lp.__file__, sys.modules["pkg"] is lp)
    print(zi.find_module("pkg") is zi, zi.find_module("nothing"))
    print(zi.find_loader("mod")[0] is zi, zi.find_loader("dir"), zi.find_loader("ns"), zi.find_loader("nothing"))
    for w in caught:
        print(w.category.__name__, w.message)
    del sys.modules["mod"], sys.modules["pkg"]

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zi.load_module("boom")
except ValueError as e:
    print("ValueError", e, "boom" in sys.modules)
try:
    zi.get_code("bad")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zi.load_module("nothing")
except zipimport.ZipImportError as e:
    print("ZipImportError", e)

zd = zipimport.zipimporter("deflated.zip")
spec = zd.find_spec("big")
big = importlib.util.module_from_spec(spec)
spec.loader.exec_module(big)
print(sum(big.VALUES), zd.get_source("big")[:20])

reader = zi.get_resource_reader("pkg")
print(zi.get_resource_reader("mod"), sorted(reader.contents()), reader.is_resource("data.txt"),
      reader.is_resource("nope"), reader.open_resource("data.txt").read())

# The table of contents is cached per archive and re-read on request.
with zipfile.ZipFile("a.zip", "a") as z:
    z.writestr("late.py", "LATE = True\n")
print(zi.find_spec("late"))
zi.invalidate_caches()
print(zi.find_spec("late"))
os.chdir("/")
shutil.rmtree(work)
