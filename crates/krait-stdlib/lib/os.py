"""The operating system, the common part (CPython's `os` on POSIX).

Every call reaches the system through `posix`, and so through the VM's
host: a host that grants no file system or environment makes them raise
`PermissionError` (the environment is then empty).
"""

import sys
import posix
import posixpath as path
import posixpath as _os_path
import stat as _stat

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = "\n"

error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


# The str (or bytes) a path-like object stands for.
fspath = path._fspath


class _PathLikeMeta(type):
    def __instancecheck__(cls, instance):
        return hasattr(type(instance), "__fspath__")

    def __subclasscheck__(cls, subclass):
        return hasattr(subclass, "__fspath__")


class PathLike(metaclass=_PathLikeMeta):
    """Anything with `__fspath__` (an abstract base class in CPython)."""

    def __fspath__(self):
        raise NotImplementedError


def _path_arg(function, path):
    """A path argument as str: path-like objects give theirs; anything
    else is left for `posix` to refuse with CPython's message."""
    if not isinstance(path, str) and hasattr(type(path), "__fspath__"):
        return fspath(path)
    return path


# The system calls themselves: no Python frame of this module shows in a
# traceback of their errors, as in CPython.
from posix import getcwd, getpid, listdir, mkdir, rmdir, remove, unlink, rename
from posix import replace, stat, lstat, stat_result, urandom


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Raced, or it is there: fine when asked, and a folder.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _os_path.exists(path)


class DirEntry:
    """One entry of `os.scandir`: its `name` and `path`, and what it is."""

    def __init__(self, folder, name):
        self.name = name
        self.path = path.join(folder, name)
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def is_dir(self, *, follow_symlinks=True):
        try:
            return _stat.S_ISDIR(self.stat().st_mode)
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return _stat.S_ISREG(self.stat().st_mode)
        except OSError:
            return False

    def is_symlink(self):
        return False

    def inode(self):
        return 0


class _ScandirIterator:
    def __init__(self, folder, names):
        self._folder = folder
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._folder, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        self._names = iter(())


def scandir(path="."):
    folder = _path_arg("scandir", path)
    return _ScandirIterator(folder, posix.listdir(folder))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields `(folder, subfolders, files)` for `top` and every folder
    under it; top-down, a caller may prune `subfolders` in place."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    folders = []
    files = []
    for entry in entries:
        (folders if entry.is_dir() else files).append(entry.name)
    if topdown:
        yield top, folders, files
        for folder in folders:
            yield from walk(path.join(top, folder), topdown, onerror, followlinks)
    else:
        for folder in folders:
            yield from walk(path.join(top, folder), topdown, onerror, followlinks)
        yield top, folders, files


class _Environ:
    """`os.environ`: the environment as a mapping of str to str (changes
    stay in this process)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        for item in (key, value):
            if not isinstance(item, str):
                raise TypeError("str expected, not " + type(item).__name__)
        self._data[key] = value

    def __delitem__(self, key):
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return "environ({" + items + "})"

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, other=(), **kwargs):
        for key, value in dict(other, **kwargs).items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def copy(self):
        return dict(self._data)


environ = _Environ(posix.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    return (env or environ).get("PATH", defpath).split(pathsep)


def cpu_count():
    return None


def strerror(code):
    return {
        1: "Operation not permitted",
        2: "No such file or directory",
        13: "Permission denied",
        17: "File exists",
        20: "Not a directory",
        21: "Is a directory",
        39: "Directory not empty",
    }.get(code, f"Unknown error {code}")
