import linecache
import os
import sys
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "sample_mod.py")
with open(path, "w") as f:
    f.write("first = 1\nsecond = 2\nthird = 3")

print(repr(linecache.getline(path, 1)), repr(linecache.getline(path, 3)))
print(repr(linecache.getline(path, 0)), repr(linecache.getline(path, 4)), repr(linecache.getline(path, -1)))
print(linecache.getlines(path))
print(path in linecache.cache, linecache.cache[path][0], linecache.cache[path][2] is linecache.getlines(path))
with open(path, "w") as f:
    f.write("changed\nlines here\n")
print(linecache.getlines(path))
linecache.checkcache(path)
print(path in linecache.cache)
print(linecache.getlines(path))
linecache.checkcache("not-cached-at-all")
os.remove(path)
linecache.checkcache()
print(path in linecache.cache, linecache.getlines(path), linecache.getline(path, 1) == "")
print(linecache.getlines("<string>"), linecache.getlines(""), linecache.updatecache("<stdin>"))
print(linecache.getlines(os.path.join(folder, "missing.py")))

# An entry with no mtime stays through checkcache.
linecache.cache["<fake>"] = (5, None, ["a = 1\n", "b = 2\n"], "<fake>")
linecache.checkcache()
print(linecache.getline("<fake>", 2), end="")
print(linecache.getlines("<fake>"))

# Relative names are looked up along sys.path.
with open(os.path.join(folder, "rel_target.py"), "w") as f:
    f.write("x = 'found'\n")
sys.path.insert(0, folder)
print(linecache.getline("rel_target.py", 1), end="")
print(linecache.cache["rel_target.py"][3] == os.path.join(folder, "rel_target.py"))
sys.path.pop(0)


class Loader:
    def __init__(self, text):
        self.text = text
        self.calls = 0

    def get_source(self, name):
        self.calls += 1
        return self.text


loader = Loader("line one\nline two")
g = {"__name__": "fake_mod", "__loader__": loader}
print(linecache.lazycache("/nowhere/fake_mod.py", g))
print(len(linecache.cache["/nowhere/fake_mod.py"]), loader.calls)
print(linecache.lazycache("/nowhere/fake_mod.py", g))
print(linecache.getlines("/nowhere/fake_mod.py", g), loader.calls)
print(linecache.lazycache("/nowhere/fake_mod.py", g))
print(linecache.lazycache("<x>", g), linecache.lazycache("/nowhere/b.py", None),
      linecache.lazycache("/nowhere/c.py", {"__name__": "c"}), linecache.lazycache("/nowhere/d.py", {}))


class Spec:
    loader = Loader("via spec")


print(linecache.getline("/nowhere/e.py", 1, {"__name__": "e", "__spec__": Spec()}), end="")
print(linecache.getlines("/nowhere/f.py", {"__name__": "f", "__loader__": Loader(None)}))
print("/nowhere/f.py" in linecache.cache)
linecache.clearcache()
print(linecache.cache)
print(sorted(linecache.__all__))
os.remove(os.path.join(folder, "rel_target.py"))
os.rmdir(folder)
