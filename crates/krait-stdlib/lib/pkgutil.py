"""Utilities for the import system (CPython's `pkgutil`): listing the
modules of a folder or package, walking packages, reading a package's data
files and building namespace-package paths.

ModuleInfo, iter_modules, walk_packages, iter_importers, get_importer,
iter_importer_modules, get_data, extend_path, resolve_name, find_loader
and get_loader behave as CPython 3.11's.

krait differences: `sys.path_hooks` starts empty, so `get_importer` falls
back to an `importlib.machinery.FileFinder` for any folder (and remembers
it in `sys.path_importer_cache`, as CPython does). The standard library is
compiled into krait rather than read from a folder on `sys.path`, so
`iter_modules()` with no path lists, after the modules of `sys.path`, the
frozen standard-library modules (module_finder FrozenImporter) and the
native ones a CPython build would load from `lib-dynload`
(module_finder BuiltinImporter). The VM does not expose the names of its
frozen modules, so they are found by probing the names of CPython 3.11's
standard library (`sys.stdlib_module_names`): a module krait adds under a
new name is not listed. A frozen package has an empty `__path__`, so its
submodules are not listed (`walk_packages` does not descend into it).

Left out: the deprecated ImpImporter/ImpLoader classes, zipimport support
(krait has no `zipimport`) and `read_code` (krait reads no `.pyc`).
"""

import importlib
import importlib.machinery
import importlib.util
import os
import re
import sys
from collections import namedtuple

__all__ = [
    "get_importer", "iter_importers", "get_loader", "find_loader",
    "walk_packages", "iter_modules", "get_data", "extend_path",
    "ModuleInfo", "resolve_name", "iter_importer_modules",
]

ModuleInfo = namedtuple("ModuleInfo", "module_finder name ispkg")
ModuleInfo.__doc__ = "A namedtuple with minimal info about a module."


def walk_packages(path=None, prefix="", onerror=None):
    """Yields ModuleInfo for every module under `path` (or `sys.path`),
    recursively: each package found is imported to read its `__path__`.
    `onerror(name)` is called when importing a package fails (an
    ImportError is otherwise ignored, other errors propagate)."""
    seen_paths = set()

    def walk(path, prefix):
        for info in iter_modules(path, prefix):
            yield info
            if not info.ispkg:
                continue
            try:
                __import__(info.name)
            except ImportError:
                if onerror is not None:
                    onerror(info.name)
                continue
            except Exception:
                if onerror is None:
                    raise
                onerror(info.name)
                continue
            sub = getattr(sys.modules[info.name], "__path__", None) or []
            fresh = []
            for entry in sub:
                if entry not in seen_paths:
                    seen_paths.add(entry)
                    fresh.append(entry)
            yield from walk(fresh, info.name + ".")

    return walk(path, prefix)


def iter_modules(path=None, prefix=""):
    """Yields ModuleInfo for each top-level module found in the folders of
    `path` (a list), or on `sys.path` then in krait's standard library when
    `path` is None. A name is given once, by the first finder that has it."""
    if path is None:
        importers = [get_importer(item) for item in sys.path]
        importers.append(importlib.machinery.FrozenImporter)
        importers.append(importlib.machinery.BuiltinImporter)
    elif isinstance(path, str):
        raise ValueError("path must be None or list of paths to look for "
                         "modules in")
    else:
        importers = map(get_importer, path)
    yielded = set()
    for importer in importers:
        for name, ispkg in iter_importer_modules(importer, prefix):
            if name not in yielded:
                yielded.add(name)
                yield ModuleInfo(importer, name, ispkg)


def iter_importer_modules(importer, prefix=""):
    """The (name, ispkg) pairs of the modules `importer` can find."""
    if importer is None:
        return []
    if isinstance(importer, importlib.machinery.FileFinder):
        return _iter_folder_modules(importer.path, prefix)
    if importer is importlib.machinery.FrozenImporter:
        return _iter_stdlib_modules(importer, prefix)
    if importer is importlib.machinery.BuiltinImporter:
        return _iter_stdlib_modules(importer, prefix)
    if not hasattr(importer, "iter_modules"):
        return []
    return importer.iter_modules(prefix)


def _module_name(filename):
    """The module name of a file name (`inspect.getmodulename`)."""
    for suffix in sorted(importlib.machinery.all_suffixes(), key=len,
                         reverse=True):
        if filename.endswith(suffix):
            return filename[:-len(suffix)]
    return None


def _iter_folder_modules(folder, prefix):
    if folder is None or not os.path.isdir(folder):
        return
    try:
        filenames = os.listdir(folder)
    except OSError:
        filenames = []
    filenames.sort()
    yielded = set()
    for filename in filenames:
        name = _module_name(filename)
        if name == "__init__" or name in yielded:
            continue
        full = os.path.join(folder, filename)
        ispkg = False
        if not name and os.path.isdir(full) and "." not in filename:
            name = filename
            try:
                contents = os.listdir(full)
            except OSError:
                contents = []
            if not any(_module_name(child) == "__init__" for child in contents):
                continue
            ispkg = True
        if name and "." not in name:
            yielded.add(name)
            yield prefix + name, ispkg


# CPython 3.11's standard-library module names that are not built into
# its interpreter (with krait's own `_exceptiongroup`): the candidates for
# krait's frozen and native standard-library modules.
_STDLIB_NAMES = """
    __future__ _aix_support _asyncio _bisect _blake2 _bootsubprocess
    _bz2 _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr
    _codecs_tw _collections_abc _compat_pickle _compression _contextvars
    _crypt _csv _ctypes _curses _curses_panel _datetime _dbm _decimal
    _elementtree _exceptiongroup _frozen_importlib
    _frozen_importlib_external _gdbm _hashlib _heapq _json _lsprof _lzma
    _markupbase _md5 _msi _multibytecodec _multiprocessing _opcode
    _osx_support _overlapped _pickle _posixshmem _posixsubprocess
    _py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3
    _sha512 _sitebuiltins _socket _sqlite3 _ssl _statistics _strptime
    _struct _threading_local _tkinter _typing _uuid _weakrefset _winapi
    _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio
    asyncore audioop base64 bdb binascii bisect bz2 cProfile calendar
    cgi cgitb chunk cmath cmd code codecs codeop collections colorsys
    compileall concurrent configparser contextlib contextvars copy
    copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
    difflib dis distutils doctest email encodings ensurepip enum fcntl
    filecmp fileinput fnmatch fractions ftplib functools genericpath
    getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac
    html http idlelib imaplib imghdr imp importlib inspect io ipaddress
    json keyword lib2to3 linecache locale logging lzma mailbox mailcap
    math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc
    nis nntplib nt ntpath nturl2path numbers opcode operator optparse os
    ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform
    plistlib poplib posixpath pprint profile pstats pty py_compile
    pyclbr pydoc pydoc_data pyexpat queue quopri random re readline
    reprlib resource rlcompleter runpy sched secrets select selectors
    shelve shlex shutil signal site smtpd smtplib sndhdr socket
    socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl
    stat statistics string stringprep struct subprocess sunau symtable
    sysconfig syslog tabnanny tarfile telnetlib tempfile termios
    textwrap this threading timeit tkinter token tokenize tomllib trace
    traceback tracemalloc tty turtle turtledemo types typing unicodedata
    unittest urllib uu uuid venv warnings wave weakref webbrowser winreg
    winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib
    zoneinfo
""".split()


def _iter_stdlib_modules(importer, prefix):
    for name in _STDLIB_NAMES:
        if importer is importlib.machinery.BuiltinImporter:
            if name in sys.builtin_module_names:
                continue
        try:
            spec = importer.find_spec(name)
        except Exception:
            spec = None
        if spec is None:
            continue
        yield prefix + name, spec.submodule_search_locations is not None


def get_importer(path_item):
    """The finder for one `sys.path` entry: from `sys.path_importer_cache`,
    else made by the first of `sys.path_hooks` that accepts it, else (krait
    has no path hooks by default) a FileFinder when it is a folder; None
    when nothing can search it."""
    path_item = os.fsdecode(path_item)
    try:
        return sys.path_importer_cache[path_item]
    except KeyError:
        pass
    for hook in sys.path_hooks:
        try:
            importer = hook(path_item)
        except ImportError:
            continue
        sys.path_importer_cache.setdefault(path_item, importer)
        return importer
    if os.path.isdir(path_item or "."):
        importer = importlib.machinery.FileFinder(path_item)
        sys.path_importer_cache.setdefault(path_item, importer)
        return importer
    return None


def iter_importers(fullname=""):
    """The finders that could find `fullname`: for a submodule, those of
    its parent package's `__path__` (importing the parent); for a
    top-level name, `sys.meta_path` then those of `sys.path`."""
    if fullname.startswith("."):
        raise ImportError(f"Relative module name {fullname!r} not supported")
    if "." in fullname:
        parent = importlib.import_module(fullname.rpartition(".")[0])
        path = getattr(parent, "__path__", None)
        if path is None:
            return
    else:
        yield from sys.meta_path
        path = sys.path
    for item in path:
        yield get_importer(item)


def get_loader(module_or_name):
    """The loader of a module (or module name), or None."""
    if module_or_name in sys.modules:
        module_or_name = sys.modules[module_or_name]
        if module_or_name is None:
            return None
    if isinstance(module_or_name, type(sys)):
        module = module_or_name
        loader = getattr(module, "__loader__", None)
        if loader is not None:
            return loader
        if getattr(module, "__spec__", None) is None:
            return None
        fullname = module.__name__
    else:
        fullname = module_or_name
    return find_loader(fullname)


def find_loader(fullname):
    """The loader `importlib.util.find_spec` finds for `fullname`, or None."""
    if fullname.startswith("."):
        raise ImportError(f"Relative module name {fullname!r} not supported")
    try:
        spec = importlib.util.find_spec(fullname)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        raise ImportError(f"Error while finding loader for {fullname!r} "
                          f"({type(ex)}: {ex})") from ex
    return spec.loader if spec is not None else None


def extend_path(path, name):
    """Extends a package's `__path__` (call it as
    `__path__ = extend_path(__path__, __name__)` in its `__init__.py`) with
    the folders of the same package found elsewhere on `sys.path` (or the
    parent package's `__path__`), and with the lines of `NAME.pkg` files."""
    if not isinstance(path, list):
        return path
    path = path[:]
    parent, _, last = name.rpartition(".")
    if parent:
        try:
            search = sys.modules[parent].__path__
        except (KeyError, AttributeError):
            return path
    else:
        search = sys.path
    pkg_file_name = name + ".pkg"
    for folder in search:
        if not isinstance(folder, str):
            continue
        finder = get_importer(folder)
        if finder is not None:
            portions = []
            if hasattr(finder, "find_spec"):
                spec = finder.find_spec(last)
                if spec is not None:
                    portions = spec.submodule_search_locations or []
            elif hasattr(finder, "find_loader"):
                _, portions = finder.find_loader(last)
            for portion in portions:
                if portion not in path:
                    path.append(portion)
        pkg_file = os.path.join(folder, pkg_file_name)
        if os.path.isfile(pkg_file):
            try:
                file = open(pkg_file)
            except OSError as exc:
                sys.stderr.write(f"Can't open {pkg_file}: {exc}\n")
            else:
                with file:
                    for line in file:
                        line = line.rstrip("\n")
                        if line and not line.startswith("#"):
                            path.append(line)
    return path


def get_data(package, resource):
    """The bytes of `resource` (a '/'-separated path relative to the
    package's folder) read through the package's loader; None when the
    package cannot be found or its loader reads no data (frozen packages).
    Raises OSError when the resource does not exist."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    if loader is None or not hasattr(loader, "get_data"):
        return None
    module = sys.modules.get(package) or importlib.import_module(package)
    if module is None or getattr(module, "__file__", None) is None:
        return None
    parts = resource.split("/")
    parts.insert(0, os.path.dirname(module.__file__))
    return loader.get_data(os.path.join(*parts))


_DOTTED_WORDS = r"(?!\d)(\w+)(\.(?!\d)(\w+))*"
_NAME_PATTERN = re.compile(
    f"^(?P<pkg>{_DOTTED_WORDS})(?P<cln>:(?P<obj>{_DOTTED_WORDS})?)?$", re.U)


def resolve_name(name):
    """The object named by `name`: `pkg.mod:obj.attr` (import `pkg.mod`,
    then walk the attributes) or `pkg.mod.obj.attr` (import as long a
    dotted prefix as possible, then walk the attributes)."""
    match = _NAME_PATTERN.match(name)
    if not match:
        raise ValueError(f"invalid format: {name!r}")
    groups = match.groupdict()
    if groups.get("cln"):
        module = importlib.import_module(groups["pkg"])
        parts = groups.get("obj")
        parts = parts.split(".") if parts else []
    else:
        parts = name.split(".")
        modname = parts.pop(0)
        module = importlib.import_module(modname)
        while parts:
            candidate = f"{modname}.{parts[0]}"
            try:
                module = importlib.import_module(candidate)
            except ImportError:
                break
            parts.pop(0)
            modname = candidate
    result = module
    for part in parts:
        result = getattr(result, part)
    return result
