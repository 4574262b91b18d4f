# importlib.util.spec_from_file_location with loader= and
# submodule_search_locations=, as CPython builds the spec.
import importlib.util, os, tempfile
class L:
    def __init__(self, pkg): self.pkg = pkg
    def is_package(self, name): return self.pkg
    def create_module(self, spec): return None
    def exec_module(self, module): module.value = 42
loader = L(False)
spec = importlib.util.spec_from_file_location("m", "/x/m.py", loader=loader)
print(spec.loader is loader, spec.origin, spec.submodule_search_locations, spec.has_location)
spec = importlib.util.spec_from_file_location("p", "/x/p/__init__.py", loader=L(True))
print(spec.submodule_search_locations)
spec = importlib.util.spec_from_file_location("q", "/x/q.py", loader=loader, submodule_search_locations=["/y"])
print(spec.submodule_search_locations)
mod = importlib.util.module_from_spec(importlib.util.spec_from_file_location("m", "/x/m.py", loader=loader))
spec.loader.exec_module(mod)
print(mod.value, mod.__name__)
d = tempfile.mkdtemp()
path = os.path.join(d, "plain.py")
with open(path, "w") as f:
    f.write("X = 'plain'\n")
spec = importlib.util.spec_from_file_location("plain", path)
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.X, type(spec.loader).__name__)
print(importlib.util.spec_from_file_location("n", path, submodule_search_locations=[]).submodule_search_locations == [d])
