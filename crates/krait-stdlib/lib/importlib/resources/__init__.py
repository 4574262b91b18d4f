"""Reading the data files of packages (CPython 3.11's `importlib.resources`).

`files(package)` gives a Traversable for the folder of a package (a module
object or a dotted name): a `pathlib.Path` for a package with a file
location, a MultiplexedPath merging the folders of a namespace package, or
what the package loader's `get_resource_reader(name).files()` gives when
the loader has one. `as_file(traversable)` is a context manager giving a
real file path (a temporary copy when the Traversable is not a
`pathlib.Path`). The 3.11 legacy functions `open_binary`, `read_binary`,
`open_text`, `read_text`, `path`, `is_resource` and `contents` take a
package and a plain file name, warn with DeprecationWarning and are built
on `files()`, as in CPython.

krait's frozen standard-library packages have no files: `files()` gives
an empty Traversable (no children; `joinpath` gives paths that do not
exist and `open` raises FileNotFoundError), as CPython does for packages
whose loader cannot read resources.

Left out: the zip-archive reader (krait has no `zipimport`) and the
`simple` and `readers` submodules. `pathlib.Path` is registered as a
Traversable when this module is imported (CPython's Traversable is a
structural Protocol, krait's an ABC).
"""

import contextlib
import functools
import importlib
import os
import pathlib
import tempfile
import types
import warnings
from typing import Union

from importlib.abc import ResourceReader, Traversable, TraversableResources

# CPython's Traversable is a runtime-checkable Protocol, so a
# `pathlib.Path` is an instance of it; krait's is an ABC: register Path.
Traversable.register(pathlib.Path)

__all__ = [
    "Package", "Resource", "ResourceReader", "as_file", "contents",
    "files", "is_resource", "open_binary", "open_text", "path",
    "read_binary", "read_text",
]

Package = Union[types.ModuleType, str]
Resource = str


def _package_module(package):
    """The module of `package` (imported when given by name); TypeError
    when it is not a package."""
    if isinstance(package, types.ModuleType):
        module = package
    else:
        module = importlib.import_module(package)
    if module.__spec__.submodule_search_locations is None:
        raise TypeError(f"{package!r} is not a package")
    return module


def files(package):
    """The Traversable of the resources of `package`."""
    spec = _package_module(package).__spec__
    get_reader = getattr(spec.loader, "get_resource_reader", None)
    if get_reader is not None:
        reader = get_reader(spec.name)
        if reader is not None:
            if hasattr(reader, "files"):
                return reader.files()
            return _ReaderFolder(reader, spec.name)
    origin = spec.origin
    if origin and origin not in ("frozen", "built-in") and os.path.isfile(origin):
        return pathlib.Path(origin).parent
    locations = list(spec.submodule_search_locations)
    if locations:
        return MultiplexedPath(*locations)
    return _EmptyFolder(spec.name)


def _unique_by_name(items):
    seen = set()
    for item in items:
        if item.name not in seen:
            seen.add(item.name)
            yield item


class MultiplexedPath(Traversable):
    """The folders of a namespace package merged into one Traversable."""

    def __init__(self, *paths):
        self._paths = [pathlib.Path(p) for p in dict.fromkeys(paths)]
        if not self._paths:
            raise FileNotFoundError("MultiplexedPath must contain at least one path")
        if not all(p.is_dir() for p in self._paths):
            raise NotADirectoryError("MultiplexedPath only supports directories")

    def iterdir(self):
        return _unique_by_name(child for p in self._paths for child in p.iterdir())

    def read_bytes(self):
        raise FileNotFoundError(f"{self} is not a file")

    def read_text(self, *args, **kwargs):
        raise FileNotFoundError(f"{self} is not a file")

    def is_dir(self):
        return True

    def is_file(self):
        return False

    def joinpath(self, child):
        for item in self.iterdir():
            if item.name == child:
                return item
        return self._paths[0] / child

    __truediv__ = joinpath

    def open(self, *args, **kwargs):
        raise FileNotFoundError(f"{self} is not a file")

    @property
    def name(self):
        return self._paths[0].name

    def __repr__(self):
        paths = ", ".join(f"'{p}'" for p in self._paths)
        return f"MultiplexedPath({paths})"


class _MissingPath(Traversable):
    """A path under a package that has no files: nothing exists there."""

    def __init__(self, *parts):
        self._parts = parts

    def iterdir(self):
        return iter(())

    def is_file(self):
        return False

    is_dir = is_file

    def joinpath(self, *other):
        return _MissingPath(*self._parts, *other)

    __truediv__ = joinpath

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    def open(self, mode="r", *args, **kwargs):
        raise FileNotFoundError("Can't open orphan path")

    def __repr__(self):
        return f"<missing resource {'/'.join(self._parts)!r}>"


class _EmptyFolder(_MissingPath):
    """The resources of a package without files (a frozen package)."""

    def __init__(self, package_name):
        super().__init__()
        self._package = package_name

    def is_dir(self):
        return True

    @property
    def name(self):
        return self._package.rpartition(".")[2]

    def open(self, mode="r", *args, **kwargs):
        raise FileNotFoundError(f"{self._package} has no resource files")

    def __repr__(self):
        return f"<resources of {self._package!r}: none>"


class _ReaderFolder(Traversable):
    """The Traversable of a legacy ResourceReader (`contents`,
    `open_resource`, `is_resource`): a flat folder."""

    def __init__(self, reader, package_name):
        self._reader = reader
        self._package = package_name

    def iterdir(self):
        return iter([_ReaderFile(self._reader, name) for name in self._reader.contents()])

    def is_dir(self):
        return True

    def is_file(self):
        return False

    def joinpath(self, *other):
        if len(other) == 1 and other[0] in self._reader.contents():
            return _ReaderFile(self._reader, other[0])
        return _MissingPath(*other)

    __truediv__ = joinpath

    @property
    def name(self):
        return self._package.rpartition(".")[2]

    def open(self, mode="r", *args, **kwargs):
        raise IsADirectoryError(f"{self._package} is a package")


class _ReaderFile(Traversable):
    def __init__(self, reader, name):
        self._reader = reader
        self._name = name

    def iterdir(self):
        return iter(())

    def is_file(self):
        return self._reader.is_resource(self._name)

    def is_dir(self):
        return not self.is_file()

    def joinpath(self, *other):
        return _MissingPath(self._name, *other)

    __truediv__ = joinpath

    @property
    def name(self):
        return self._name

    def open(self, mode="r", *args, **kwargs):
        stream = self._reader.open_resource(self._name)
        if "b" in mode:
            return stream
        import io
        return io.TextIOWrapper(stream, *args, **kwargs)


@contextlib.contextmanager
def _temporary_copy(read, suffix=""):
    fd, raw_path = tempfile.mkstemp(suffix=suffix)
    try:
        try:
            os.write(fd, read())
        finally:
            os.close(fd)
        del read
        yield pathlib.Path(raw_path)
    finally:
        try:
            os.remove(raw_path)
        except FileNotFoundError:
            pass


@functools.singledispatch
def as_file(path):
    """A context manager giving `path` (a Traversable) as a file on disk:
    the path itself for a `pathlib.Path`, else a temporary copy of its
    bytes, removed on exit."""
    return _temporary_copy(path.read_bytes, suffix=path.name)


@as_file.register(pathlib.Path)
@contextlib.contextmanager
def _(path):
    yield path


def _deprecated(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        warnings.warn(
            f"{func.__name__} is deprecated. Use files() instead. "
            "Refer to https://importlib-resources.readthedocs.io"
            "/en/latest/using.html#migrating-from-legacy for migration advice.",
            DeprecationWarning,
            stacklevel=2,
        )
        return func(*args, **kwargs)
    return wrapper


def _file_name(path):
    """`path` as a string; ValueError unless it is a plain file name."""
    text = str(path)
    parent, name = os.path.split(text)
    if parent:
        raise ValueError(f"{path!r} must be only a file name")
    return name


@_deprecated
def open_binary(package, resource):
    """The resource opened for reading bytes."""
    return (files(package) / _file_name(resource)).open("rb")


@_deprecated
def read_binary(package, resource):
    """The bytes of the resource."""
    return (files(package) / _file_name(resource)).read_bytes()


@_deprecated
def open_text(package, resource, encoding="utf-8", errors="strict"):
    """The resource opened for reading text."""
    return (files(package) / _file_name(resource)).open(
        "r", encoding=encoding, errors=errors)


@_deprecated
def read_text(package, resource, encoding="utf-8", errors="strict"):
    """The text of the resource, decoded as `bytes.decode` would."""
    with (files(package) / _file_name(resource)).open(
            "r", encoding=encoding, errors=errors) as file:
        return file.read()


@_deprecated
def contents(package):
    """The names of the entries of the package's folder (files and
    folders: use `is_resource` to tell them apart)."""
    return [item.name for item in files(package).iterdir()]


@_deprecated
def is_resource(package, name):
    """Whether `name` is a file (not a folder) of the package."""
    resource = _file_name(name)
    return any(item.name == resource and item.is_file()
               for item in files(package).iterdir())


@_deprecated
def path(package, resource):
    """A context manager giving the resource as a path on disk (a
    temporary copy, removed on exit, when it is not a file already)."""
    return as_file(files(package) / _file_name(resource))
