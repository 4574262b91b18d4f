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
from posix import getcwd, getcwdb, getpid, listdir, mkdir, rmdir, remove, unlink
from posix import rename, replace, stat, lstat, fstat, stat_result, urandom
from posix import chdir, chmod, utime, symlink, readlink, link, truncate
from posix import getppid, getuid, geteuid, getgid, getegid, getlogin
from posix import uname, uname_result, umask, times, times_result
from posix import open, close, read, write, lseek, fsync, ftruncate, dup
from posix import isatty, get_terminal_size, terminal_size, putenv, unsetenv
from posix import (
    O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
    O_NONBLOCK, O_NDELAY, O_NOCTTY, O_NOFOLLOW, O_CLOEXEC, O_DIRECTORY,
    O_SYNC, O_DSYNC,
)

try:
    from posix import O_NOATIME, O_PATH, O_TMPFILE, O_LARGEFILE, O_ASYNC
    from posix import O_DIRECT, O_FSYNC, O_RSYNC
except ImportError:
    pass

# What the calls here accept, as CPython's sets tell it (no call takes
# `dir_fd`: `shutil.rmtree` then walks by paths).
supports_dir_fd = set()
supports_fd = {stat, truncate}
supports_follow_symlinks = {stat, utime, link}
supports_effective_ids = set()


def makedirs(name, mode=0o777, exist_ok=False):
    """Makes the folder `name` and every missing folder above it."""
    name = fspath(name)
    parent, last = path.split(name)
    if not last:
        # A trailing separator: the last part is the one before it.
        parent, last = path.split(parent)
    here = b"." if isinstance(last, bytes) else curdir
    if parent and last and not path.exists(parent):
        try:
            makedirs(parent, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if last == here:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # A folder already there may be reported as another error than
        # EEXIST (EACCES, EROFS): only its absence makes it one.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes the folder `name`, then each parent that became empty."""
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


def renames(old, new):
    """`rename`, making the folders `new` needs and removing those `old`
    leaves empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    """Whether `path` exists and its permission bits allow `mode` to the
    process's user (root may read and write anything)."""
    try:
        st = stat(path, follow_symlinks=follow_symlinks)
    except (OSError, ValueError):
        return False
    if mode == F_OK:
        return True
    try:
        uid = geteuid() if effective_ids else getuid()
        gid = getegid() if effective_ids else getgid()
    except OSError:
        return True
    if uid == 0:
        # Execution needs one execute bit, even for root.
        return not (mode & X_OK) or bool(st.st_mode & 0o111) or _stat.S_ISDIR(st.st_mode)
    if st.st_uid == uid:
        bits = (st.st_mode >> 6) & 7
    elif st.st_gid == gid:
        bits = (st.st_mode >> 3) & 7
    else:
        bits = st.st_mode & 7
    return mode & bits == mode


class DirEntry:
    """One entry of `os.scandir`: its `name` and `path`, and what it is
    (asked of the system once, then remembered, as CPython's)."""

    def __init__(self, folder, name):
        self.name = name
        self.path = path.join(folder, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def _own_stat(self):
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            return self._own_stat()
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self._own_stat()
        return self._stat

    def _test_mode(self, follow_symlinks, kind):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return _stat.S_IFMT(st.st_mode) == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _stat.S_IFDIR)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _stat.S_IFREG)

    def is_symlink(self):
        try:
            return _stat.S_ISLNK(self._own_stat().st_mode)
        except FileNotFoundError:
            return False

    def inode(self):
        return self._own_stat().st_ino

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


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
    """An iterator of `DirEntry` for the entries of the folder `path`."""
    folder = _path_arg("scandir", path)
    if folder is None:
        folder = "."
    return _ScandirIterator(folder, listdir(folder))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields `(folder, subfolders, files)` for `top` and every folder
    under it; top-down, a caller may prune `subfolders` in place. Links
    to folders are listed among the folders but walked into only when
    `followlinks`."""
    return _walk_folder(fspath(top), topdown, onerror, followlinks)


def _walk_folder(top, topdown, onerror, followlinks):
    try:
        with scandir(top) as entries:
            listing = list(entries)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    folders = []
    files = []
    # Bottom-up, what is walked into is decided now (top-down, after the
    # caller has seen and maybe edited `folders`).
    linked = set()
    for entry in listing:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder:
            files.append(entry.name)
            continue
        folders.append(entry.name)
        if not topdown and not followlinks:
            try:
                if entry.is_symlink():
                    linked.add(entry.name)
            except OSError:
                pass
    if topdown:
        yield top, folders, files
        for name in folders:
            child = path.join(top, name)
            if followlinks or not path.islink(child):
                yield from _walk_folder(child, topdown, onerror, followlinks)
    else:
        for name in folders:
            if name not in linked:
                yield from _walk_folder(path.join(top, name), topdown,
                                        onerror, followlinks)
        yield top, folders, files


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object over the open descriptor `fd` (`open(fd, ...)`)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


def fsencode(filename):
    """A file name as bytes (UTF-8, undecodable bytes kept by
    `surrogateescape`)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    """A file name as str (the inverse of `fsencode`)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


class _Environ:
    """`os.environ`: the environment as a mapping of str to str; changes
    reach the process's environment through `putenv`/`unsetenv` (where the
    host allows: the `krait` command does), as CPython's."""

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
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        unsetenv(key)
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

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is self._MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self._data))
        except StopIteration:
            raise KeyError("popitem(): dictionary is empty") from None
        value = self._data[key]
        del self[key]
        return key, value

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, other=(), **kwargs):
        for key, value in dict(other, **kwargs).items():
            self[key] = value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def copy(self):
        return dict(self._data)


environ = _Environ(posix.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get("PATH", defpath).split(pathsep)


supports_follow_symlinks.add(access)


def cpu_count():
    """The number of CPUs the host lets the process use, or None."""
    return posix.cpu_count()


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

# --- Processes: pipes, signals, wait statuses, system, popen. ---
# (To be appended to os.py: it uses `posix` and `fsdecode` from above.)

from posix import pipe, kill, waitpid, WNOHANG

try:
    from posix import WUNTRACED, WCONTINUED
except ImportError:
    pass


def wait():
    """Waits for any child; returns `(pid, status)` (ChildProcessError
    when there is none)."""
    return waitpid(-1, 0)


# A wait status as Linux encodes it: the low 7 bits are the signal that
# ended the process (0: it exited, 0x7f: it is stopped), bit 7 says a
# core was dumped, the next byte is the exit code or the stop signal;
# 0xffff is "continued".

def _wait_status(status):
    # A C int, as CPython converts it.
    if not isinstance(status, int):
        try:
            index = type(status).__index__
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(status).__name__) from None
        status = index(status)
    if not -0x80000000 <= status <= 0x7FFFFFFF:
        raise OverflowError("Python int too large to convert to C int")
    return int(status)


def WIFEXITED(status):
    return _wait_status(status) & 0x7F == 0


def WEXITSTATUS(status):
    return (_wait_status(status) >> 8) & 0xFF


def WIFSIGNALED(status):
    return _wait_status(status) & 0x7F not in (0, 0x7F)


def WTERMSIG(status):
    return _wait_status(status) & 0x7F


def WIFSTOPPED(status):
    return _wait_status(status) & 0xFF == 0x7F


def WSTOPSIG(status):
    return (_wait_status(status) >> 8) & 0xFF


def WCOREDUMP(status):
    return bool(_wait_status(status) & 0x80)


def WIFCONTINUED(status):
    return _wait_status(status) & 0xFFFF == 0xFFFF


def waitstatus_to_exitcode(status):
    """The exit code of an exited process, minus the signal number of a
    killed one; ValueError for any other status."""
    status = _wait_status(status)
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    if WIFSTOPPED(status):
        raise ValueError("process stopped by delivery of signal %i" % WSTOPSIG(status))
    raise ValueError("invalid wait status: %i" % status)


def system(command):
    """Runs `command` with /bin/sh and returns its raw wait status (as
    C's system(): 127 << 8 when the shell cannot be started)."""
    command = fsdecode(command)
    try:
        # (C's system() leaves the descriptors it inherits open.)
        pid = posix._spawn_child("/bin/sh", ["sh", "-c", command], None, None,
                                 None, None, None, False, [])[0]
    except OSError:
        return 127 << 8
    while True:
        try:
            return waitpid(pid, 0)[1]
        except InterruptedError:
            pass


def popen(cmd, mode="r", buffering=-1):
    """A text file reading the output of (mode "r") or writing to the
    input of (mode "w") the shell command `cmd`; its close() gives None
    for a child that exited with 0, else the returncode shifted left by 8
    bits (the wait status of an exit; a negative number for a signal)."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True,
                                stdout=subprocess.PIPE, bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True,
                            stdin=subprocess.PIPE, bufsize=buffering)
    return _wrap_close(proc.stdin, proc)


class _wrap_close:
    """The file `popen` returns: its stream, whose close() also waits for
    the child."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)
