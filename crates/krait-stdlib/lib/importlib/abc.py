"""Abstract base classes of the import system (CPython's
`importlib.abc`): what a finder or loader written in Python implements;
the VM's own finders and loaders are registered with them."""

import abc as _abc

from importlib import machinery as _machinery

__all__ = [
    "Loader", "Finder", "MetaPathFinder", "PathEntryFinder",
    "ResourceLoader", "InspectLoader", "ExecutionLoader", "FileLoader",
    "SourceLoader", "ResourceReader", "Traversable", "TraversableResources",
]


class Finder(metaclass=_abc.ABCMeta):
    """Legacy base of finders (deprecated in CPython)."""


class MetaPathFinder(metaclass=_abc.ABCMeta):
    """A finder for `sys.meta_path`: `find_spec(fullname, path, target)`."""

    def invalidate_caches(self):
        """Drops what the finder remembers (nothing here)."""


class PathEntryFinder(metaclass=_abc.ABCMeta):
    """A finder for one `sys.path` entry: `find_spec(fullname, target)`."""

    def invalidate_caches(self):
        """Drops what the finder remembers (nothing here)."""


class Loader(metaclass=_abc.ABCMeta):
    """Loads modules: `create_module(spec)` then `exec_module(module)`."""

    def create_module(self, spec):
        """`None`: the import system makes the module."""
        return None

    def load_module(self, fullname):
        """The older protocol; `exec_module` replaced it."""
        if not hasattr(self, "exec_module"):
            raise ImportError
        import sys
        import importlib.util
        spec = importlib.util.spec_from_loader(fullname, self)
        module = importlib.util.module_from_spec(spec)
        sys.modules[fullname] = module
        self.exec_module(module)
        return sys.modules[fullname]

    def module_repr(self, module):
        raise NotImplementedError


class ResourceLoader(Loader):
    """A loader that reads data files: `get_data(path)`."""

    @_abc.abstractmethod
    def get_data(self, path):
        raise OSError


class InspectLoader(Loader):
    """A loader that gives a module's source and code."""

    def is_package(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        source = self.get_source(fullname)
        if source is None:
            return None
        return self.source_to_code(source)

    @_abc.abstractmethod
    def get_source(self, fullname):
        raise ImportError

    @staticmethod
    def source_to_code(data, path="<string>"):
        return compile(data, path, "exec", dont_inherit=True)

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f"cannot load module {module.__name__!r} when get_code() returns None")
        exec(code, module.__dict__)


class ExecutionLoader(InspectLoader):
    """An InspectLoader that knows its modules' files."""

    @_abc.abstractmethod
    def get_filename(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        source = self.get_source(fullname)
        if source is None:
            return None
        try:
            path = self.get_filename(fullname)
        except ImportError:
            return self.source_to_code(source)
        return self.source_to_code(source, path)


class FileLoader(ResourceLoader, ExecutionLoader):
    """A loader of one file: `name` and `path`."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as file:
            return file.read()

    def get_source(self, fullname):
        import importlib.util
        return importlib.util.decode_source(self.get_data(self.get_filename(fullname)))


class SourceLoader(ResourceLoader, ExecutionLoader):
    """A loader built on `get_data` and `get_filename`."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {"mtime": self.path_mtime(path)}

    def set_data(self, path, data):
        """Caches nothing."""

    def get_source(self, fullname):
        import importlib.util
        return importlib.util.decode_source(self.get_data(self.get_filename(fullname)))


class ResourceReader(metaclass=_abc.ABCMeta):
    """Reads a package's resources (superseded by `files()`)."""

    @_abc.abstractmethod
    def open_resource(self, resource):
        raise FileNotFoundError

    @_abc.abstractmethod
    def resource_path(self, resource):
        raise FileNotFoundError

    @_abc.abstractmethod
    def is_resource(self, path):
        raise FileNotFoundError

    @_abc.abstractmethod
    def contents(self):
        return iter([])


class Traversable(metaclass=_abc.ABCMeta):
    """A file or folder of a package's resources (`pathlib.Path`-like)."""

    @_abc.abstractmethod
    def iterdir(self):
        """The children of this folder."""

    def read_bytes(self):
        with self.open("rb") as file:
            return file.read()

    def read_text(self, encoding=None):
        with self.open(encoding=encoding) as file:
            return file.read()

    @_abc.abstractmethod
    def is_dir(self):
        """Whether this is a folder."""

    @_abc.abstractmethod
    def is_file(self):
        """Whether this is a file."""

    @_abc.abstractmethod
    def joinpath(self, *descendants):
        """The child named by the path segments."""

    def __truediv__(self, child):
        return self.joinpath(child)

    @_abc.abstractmethod
    def open(self, mode="r", *args, **kwargs):
        """The file, opened."""

    @property
    @_abc.abstractmethod
    def name(self):
        """The last segment of the path."""


class TraversableResources(ResourceReader):
    """A ResourceReader built on `files()`."""

    @_abc.abstractmethod
    def files(self):
        """The package's Traversable."""

    def open_resource(self, resource):
        return self.files().joinpath(resource).open("rb")

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, path):
        return self.files().joinpath(path).is_file()

    def contents(self):
        return (item.name for item in self.files().iterdir())


for _loader in (_machinery.SourceFileLoader,):
    FileLoader.register(_loader)
    SourceLoader.register(_loader)
    ExecutionLoader.register(_loader)
for _finder in (_machinery.BuiltinImporter, _machinery.FrozenImporter, _machinery.PathFinder):
    MetaPathFinder.register(_finder)
for _loader in (_machinery.BuiltinImporter, _machinery.FrozenImporter):
    InspectLoader.register(_loader)
PathEntryFinder.register(_machinery.FileFinder)
del _loader, _finder
