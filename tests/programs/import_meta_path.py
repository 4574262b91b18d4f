# Finders written in Python on sys.meta_path: find_spec/create_module/
# exec_module, the older find_module/load_module, a finder ahead of the
# default ones, and the importlib.machinery/util pieces they use.
import sys
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import types

print(sorted(f.__name__ for f in sys.meta_path if isinstance(f, type) and f.__module__.startswith("_frozen")))
print(importlib.machinery.BuiltinImporter.find_spec("sys").origin)
print(importlib.machinery.PathFinder.find_spec("no_such_module_here"))
print(importlib.machinery.FrozenImporter.find_spec("no_such_module_here"))


class VirtualFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Modules `virtual` (a package) and `virtual.*`, made in memory."""

    def find_spec(self, name, path, target=None):
        if name == "virtual" or name.startswith("virtual."):
            print("find_spec", name, path)
            return importlib.util.spec_from_loader(name, self, is_package=name == "virtual")
        return None

    def exec_module(self, module):
        module.value = module.__name__.upper()


finder = VirtualFinder()
sys.meta_path.append(finder)
import virtual
import virtual.sub
from virtual import other
print(virtual.value, virtual.sub.value, other.value)
print(virtual.__package__, virtual.__path__, virtual.sub.__package__)
print(virtual.__spec__.name, virtual.__spec__.loader is finder, virtual.__loader__ is finder)
print(virtual.sub.__spec__.parent, virtual.sub.__spec__.submodule_search_locations)
print("virtual.sub" in sys.modules, virtual.sub is sys.modules["virtual.sub"])
print(importlib.util.find_spec("virtual.third").name)
print(importlib.import_module("virtual.fourth").value)


class Made(types.ModuleType):
    pass


class CreatingLoader:
    """create_module gives the module object; exec_module fills it."""

    def find_spec(self, name, path, target=None):
        if name == "made":
            return importlib.machinery.ModuleSpec(name, self, origin="made-origin")

    def create_module(self, spec):
        return Made(spec.name)

    def exec_module(self, module):
        module.ran = True


sys.meta_path.append(CreatingLoader())
import made
print(type(made).__name__, made.ran, made.__spec__.origin, getattr(made, "__file__", None))


class Legacy:
    """The pre-3.4 protocol: find_module gives a loader, load_module
    registers the module itself."""

    def find_module(self, name, path=None):
        return self if name == "legacy_mod" else None

    def load_module(self, name):
        module = types.ModuleType(name)
        module.where = "legacy"
        sys.modules[name] = module
        return module


sys.meta_path.append(Legacy())
import legacy_mod
print(legacy_mod.where, legacy_mod.__spec__.name)


class Override:
    """Ahead of the default finders, it serves a name the standard library
    also has."""

    def find_spec(self, name, path, target=None):
        if name == "colorsys":
            return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.mine = True


sys.modules.pop("colorsys", None)
sys.meta_path.insert(0, Override())
import colorsys
print(getattr(colorsys, "mine", False), hasattr(colorsys, "rgb_to_hsv"))
sys.meta_path.pop(0)
del sys.modules["colorsys"]
import colorsys
print(getattr(colorsys, "mine", False), hasattr(colorsys, "rgb_to_hsv"))


class Broken:
    def find_spec(self, name, path, target=None):
        if name == "broken_mod":
            return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        raise ValueError("cannot run")


sys.meta_path.append(Broken())
try:
    import broken_mod
except ValueError as err:
    print("ValueError", err, "broken_mod" in sys.modules)


class NoCreate:
    def find_spec(self, name, path, target=None):
        if name == "nocreate_mod":
            return importlib.machinery.ModuleSpec(name, self)

    def exec_module(self, module):
        pass


sys.meta_path.append(NoCreate())
try:
    import nocreate_mod
except ImportError as err:
    print("ImportError", err)

spec = importlib.machinery.ModuleSpec("pkg.mod", None, origin="somewhere", is_package=False)
print(spec.name, spec.parent, spec.origin, spec.submodule_search_locations, spec.has_location)
spec = importlib.machinery.ModuleSpec("pkg", None, is_package=True)
print(spec.parent, spec.submodule_search_locations)
print(importlib.util.resolve_name(".b", "pkg.a"), importlib.util.resolve_name("..c", "pkg.a.b"))
print(importlib.util.resolve_name("abs", None))
try:
    importlib.util.resolve_name(".x", None)
except ImportError as err:
    print("ImportError", err)

sys.meta_path[:] = [f for f in sys.meta_path if isinstance(f, type)]
try:
    import virtual.gone
except ModuleNotFoundError as err:
    print("ModuleNotFoundError", err)
print(issubclass(importlib.machinery.PathFinder, importlib.abc.MetaPathFinder))
print(isinstance(finder, importlib.abc.MetaPathFinder), importlib.machinery.SOURCE_SUFFIXES)
