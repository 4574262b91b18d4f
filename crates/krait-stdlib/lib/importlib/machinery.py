"""The import system's finders, loaders and specs (CPython's
`importlib.machinery`).

The finders `sys.meta_path` starts with are the VM's own classes:
`BuiltinImporter` (modules written in Rust), `PathFinder` (source files
and packages on `sys.path` or a package's `__path__`) and `FrozenImporter`
(the standard library compiled into krait, found after the search path as
CPython finds its standard library at the end of `sys.path`).
"""

from _imp import (
    BuiltinImporter,
    FrozenImporter,
    ModuleSpec,
    PathFinder,
    SourceFileLoader,
)

SOURCE_SUFFIXES = [".py"]
DEBUG_BYTECODE_SUFFIXES = [".pyc"]
OPTIMIZED_BYTECODE_SUFFIXES = [".pyc"]
BYTECODE_SUFFIXES = [".pyc"]
EXTENSION_SUFFIXES = []


def all_suffixes():
    """The suffixes of every kind of module file the import system reads."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class NamespaceLoader:
    """The loader of a namespace package (a folder without `__init__.py`)."""

    def __init__(self, name, path, path_finder=None):
        self._name = name
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


class SourcelessFileLoader:
    """CPython's loader of `.pyc` files: krait has none to read."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        raise ImportError("krait cannot load compiled CPython files", name=self.name)


class ExtensionFileLoader:
    """CPython's loader of C extension modules: krait loads none."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def create_module(self, spec):
        raise ImportError("krait cannot load C extension modules", name=self.name)

    def exec_module(self, module):
        pass


class FileFinder:
    """A finder for one folder (what CPython's `PathFinder` asks per
    `sys.path` entry): `find_spec` looks for a package or a source file
    there."""

    def __init__(self, path, *loader_details):
        self.path = path or "."

    def find_spec(self, fullname, target=None):
        return PathFinder.find_spec(fullname, [self.path])

    def invalidate_caches(self):
        pass

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            import os
            if not os.path.isdir(path or "."):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f"FileFinder({self.path!r})"
