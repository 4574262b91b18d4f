"""Importing Python modules from ZIP archives (CPython's `zipimport`):
the `zipimporter` class and `ZipImportError`.

`zipimporter(path)` takes the path of an archive, optionally followed by
a folder inside it (`"lib.zip/some/pkg"`), and finds modules there by
the last part of their dotted name: `name.py`, or `name/__init__.py` for
a package. It offers the loader protocol (find_spec, create_module,
exec_module), the older one (find_module, find_loader and load_module,
deprecated as in 3.11) and get_code, get_source, get_data,
get_filename, is_package, get_resource_reader and invalidate_caches.
The archive is read with `zipfile`, so stored and deflated members work.

krait differences:
- krait runs no CPython bytecode, so `.pyc` members are ignored: a
  module only present as `.pyc` is not found.
- krait's import system does not consult `sys.path_hooks`, so putting an
  archive on `sys.path` (or a zip-loaded package's `__path__`) does not
  make `import` look inside it; use the importer directly (or from a
  finder of your own on `sys.meta_path`).
"""

import io
import os
import sys
import zipfile
from types import ModuleType
from importlib.machinery import ModuleSpec

__all__ = ["ZipImportError", "zipimporter"]

path_sep = os.sep
alt_path_sep = os.altsep

# Archive path -> its table of contents ({path inside: ZipInfo}), shared
# by every importer of that archive.
_zip_directory_cache = {}

# The smallest archive: an end-of-central-directory record.
END_CENTRAL_DIR_SIZE = 22


class ZipImportError(ImportError):
    """A module could not be found or read in an archive, or the archive
    itself is not usable."""


def _read_directory(archive):
    """The table of contents of `archive`, keyed by member path (with
    this system's separator)."""
    try:
        size = os.stat(archive).st_size
        handle = open(archive, "rb")
    except OSError:
        raise ZipImportError(f"can't open Zip file: {archive!r}", path=archive)
    with handle:
        if size < END_CENTRAL_DIR_SIZE:
            raise ZipImportError(f"can't read Zip file: {archive!r}", path=archive)
        try:
            members = zipfile.ZipFile(handle).infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ZipImportError(f"not a Zip file: {archive!r}", path=archive)
    files = {}
    for info in members:
        name = info.filename
        if path_sep != "/":
            name = name.replace("/", path_sep)
        files[name] = info
    return files


class zipimporter:
    """Finds and loads modules from one ZIP archive (see the module's
    docstring). `archive` is the archive's path, `prefix` the folder
    inside it that is searched ('' or ending with a separator)."""

    def __init__(self, path):
        if not isinstance(path, str):
            raise TypeError(f"expected str, not {type(path)!r}")
        if not path:
            raise ZipImportError("archive path is empty", path=path)
        if alt_path_sep:
            path = path.replace(alt_path_sep, path_sep)
        # Walk up until a file is found: that is the archive, what was
        # walked over the folder inside it.
        inside = []
        while True:
            try:
                mode = os.stat(path).st_mode
            except (OSError, ValueError):
                head, _, tail = path.rpartition(path_sep)
                if head == path:
                    raise ZipImportError("not a Zip file", path=path)
                path = head
                inside.append(tail)
                continue
            if mode & 0o170000 != 0o100000:
                raise ZipImportError("not a Zip file", path=path)
            break
        files = _zip_directory_cache.get(path)
        if files is None:
            files = _zip_directory_cache[path] = _read_directory(path)
        self._files = files
        self.archive = path
        # Empty parts (from doubled or trailing separators) are dropped.
        self.prefix = path_sep.join(part for part in reversed(inside) if part)
        if self.prefix:
            self.prefix += path_sep

    def __repr__(self):
        return f'<zipimporter object "{self.archive}{path_sep}{self.prefix}">'

    # -- finding ----------------------------------------------------------

    def _module_path(self, fullname):
        # Only the last part of the name counts: the prefix stands for
        # the package folder.
        return self.prefix + fullname.rpartition(".")[2]

    def _is_dir(self, path):
        return path + path_sep in self._files

    def _module_info(self, fullname):
        """True for a package, False for a module, None when neither is
        in the archive."""
        path = self._module_path(fullname)
        if path + path_sep + "__init__.py" in self._files:
            return True
        if path + ".py" in self._files:
            return False
        return None

    def _find(self, fullname):
        """(is_package, member path) of the module's source, raising
        ZipImportError when it is not there."""
        is_package = self._module_info(fullname)
        if is_package is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        path = self._module_path(fullname)
        member = path + path_sep + "__init__.py" if is_package else path + ".py"
        return is_package, member

    def find_spec(self, fullname, target=None):
        """The spec of `fullname` in this archive; a namespace-package
        spec when only a folder of that name is there; else None."""
        is_package = self._module_info(fullname)
        if is_package is not None:
            _, member = self._find(fullname)
            spec = ModuleSpec(fullname, self, origin=self.archive + path_sep + member,
                              is_package=is_package)
            spec.has_location = True
            if is_package:
                spec.submodule_search_locations.append(
                    self.archive + path_sep + self._module_path(fullname))
            return spec
        path = self._module_path(fullname)
        if self._is_dir(path):
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations.append(self.archive + path_sep + path)
            return spec
        return None

    def find_loader(self, fullname, path=None):
        """Deprecated: (self, []) when `fullname` is here, (None,
        [folder]) for a namespace-package portion, else (None, [])."""
        _deprecated("zipimporter.find_loader() is deprecated and slated for "
                    "removal in Python 3.12; use find_spec() instead")
        if self._module_info(fullname) is not None:
            return self, []
        folder = self._module_path(fullname)
        if self._is_dir(folder):
            return None, [self.archive + path_sep + folder]
        return None, []

    def find_module(self, fullname, path=None):
        """Deprecated: this importer when it has `fullname`, else None."""
        _deprecated("zipimporter.find_module() is deprecated and slated for "
                    "removal in Python 3.12; use find_spec() instead")
        return self.find_loader(fullname, path)[0]

    # -- reading ----------------------------------------------------------

    def _read(self, member):
        info = self._files[member]
        try:
            with zipfile.ZipFile(self.archive) as archive:
                return archive.read(info)
        except (OSError, zipfile.BadZipFile) as exc:
            raise ZipImportError(f"can't read Zip file: {self.archive!r}",
                                 path=self.archive) from exc

    def get_data(self, pathname):
        """The bytes of a member, named by its path inside the archive or
        by the archive's path followed by that; OSError when absent."""
        if alt_path_sep:
            pathname = pathname.replace(alt_path_sep, path_sep)
        key = pathname
        if pathname.startswith(self.archive + path_sep):
            key = pathname[len(self.archive + path_sep):]
        if key not in self._files:
            raise OSError(0, "", key)
        return self._read(key)

    def get_filename(self, fullname):
        """The path (archive path, then member path) of the module's
        file."""
        return self.archive + path_sep + self._find(fullname)[1]

    def get_source(self, fullname):
        """The module's source text (None when only compiled code is
        there)."""
        _, member = self._find(fullname)
        if member not in self._files:
            return None
        return self._read(member).decode()

    def is_package(self, fullname):
        """Whether `fullname` is a package in this archive."""
        return self._find(fullname)[0]

    def get_code(self, fullname):
        """The module's code object, compiled from its source."""
        _, member = self._find(fullname)
        source = self._read(member).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        return compile(source, self.archive + path_sep + member, "exec", dont_inherit=True)

    # -- loading ----------------------------------------------------------

    def create_module(self, spec):
        """The default module creation."""
        return None

    def exec_module(self, module):
        """Runs the module's code in `module`'s namespace."""
        exec(self.get_code(module.__name__), module.__dict__)

    def load_module(self, fullname):
        """Deprecated: imports `fullname` from the archive into
        `sys.modules` (reusing a module already there) and returns it."""
        _deprecated("zipimport.zipimporter.load_module() is deprecated and slated "
                    "for removal in Python 3.12; use exec_module() instead")
        is_package, member = self._find(fullname)
        code = self.get_code(fullname)
        module = sys.modules.get(fullname)
        if module is None or not isinstance(module, ModuleType):
            module = ModuleType(fullname)
            sys.modules[fullname] = module
        module.__loader__ = self
        try:
            filename = self.archive + path_sep + member
            if is_package:
                module.__path__ = [self.archive + path_sep + self._module_path(fullname)]
            spec = ModuleSpec(fullname, self, origin=filename, is_package=is_package)
            spec.has_location = True
            if is_package:
                spec.submodule_search_locations.extend(module.__path__)
            module.__spec__ = spec
            module.__file__ = filename
            exec(code, module.__dict__)
        except BaseException:
            del sys.modules[fullname]
            raise
        try:
            return sys.modules[fullname]
        except KeyError:
            raise ImportError(f"Loaded module {fullname!r} not found in sys.modules")

    def get_resource_reader(self, fullname):
        """A reader of the data files of package `fullname` (None for a
        plain module)."""
        try:
            if not self.is_package(fullname):
                return None
        except ZipImportError:
            return None
        return _ZipReader(self, fullname)

    def invalidate_caches(self):
        """Reads the archive's table of contents again."""
        try:
            self._files = _read_directory(self.archive)
            _zip_directory_cache[self.archive] = self._files
        except ZipImportError:
            _zip_directory_cache.pop(self.archive, None)
            self._files = {}


def _deprecated(message):
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=3)


class _ZipReader:
    """The resources of a package inside an archive (the
    `importlib.resources` reader protocol)."""

    def __init__(self, importer, fullname):
        self._importer = importer
        self._folder = importer._module_path(fullname) + path_sep

    def open_resource(self, resource):
        try:
            return io.BytesIO(self._importer.get_data(self._folder + resource))
        except OSError:
            raise FileNotFoundError(resource) from None

    def resource_path(self, resource):
        # Members have no path of their own on the file system.
        raise FileNotFoundError(resource)

    def is_resource(self, name):
        member = self._folder + name
        return member in self._importer._files and not member.endswith(path_sep)

    def contents(self):
        names = set()
        for member in self._importer._files:
            if member.startswith(self._folder) and member != self._folder:
                names.add(member[len(self._folder):].split(path_sep)[0])
        return iter(sorted(names))

    def files(self):
        return zipfile.Path(self._importer.archive, self._folder.replace(path_sep, "/"))
