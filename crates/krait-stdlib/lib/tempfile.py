"""Temporary files and folders: mkstemp, mkdtemp, mktemp,
NamedTemporaryFile, TemporaryFile, SpooledTemporaryFile,
TemporaryDirectory, gettempdir and gettempprefix (and bytes forms).

A name is the prefix ("tmp" by default), 8 random characters from
[a-z0-9_] and the suffix. Files are created with O_EXCL (mode 0o600,
folders 0o700), so an existing name is never taken over: another one is
drawn instead.

Differences from CPython: TemporaryFile never uses O_TMPFILE (it makes
a file with mkstemp and unlinks it at once, CPython's fallback; either
way the file object's name is its descriptor); no audit events.
"""

import errno as _errno
import io as _io
import os as _os
import shutil as _shutil
import types as _types
import warnings as _warnings
import weakref as _weakref
from random import Random as _Random

__all__ = [
    "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
    "TemporaryDirectory", "mkstemp", "mkdtemp", "mktemp", "TMP_MAX",
    "gettempprefix", "tempdir", "gettempdir", "gettempprefixb",
    "gettempdirb",
]

# Flags for new files: create only if absent, never through a symbolic
# link planted under the name, not inherited by child processes.
_text_openflags = (_os.O_RDWR | _os.O_CREAT | _os.O_EXCL
                   | getattr(_os, "O_NOFOLLOW", 0)
                   | getattr(_os, "O_CLOEXEC", 0))
_bin_openflags = _text_openflags | getattr(_os, "O_BINARY", 0)

TMP_MAX = getattr(_os, "TMP_MAX", 238328)

# Both may be changed by programs: the name prefix, and the folder
# (found by gettempdir() while None).
template = "tmp"
tempdir = None


def _exists(path):
    try:
        _os.lstat(path)
    except OSError:
        return False
    return True


_MIXED = "Can't mix bytes and non-bytes in path components."


def _infer_return_type(*args):
    """bytes or str: what the given (non-None) path parts are; they must
    agree. With none given, str unless `tempdir` is bytes."""
    found = None
    for part in args:
        if part is None:
            continue
        if isinstance(part, _os.PathLike):
            part = _os.fspath(part)
        kind = bytes if isinstance(part, bytes) else str
        if found is not None and found is not kind:
            raise TypeError(_MIXED)
        found = kind
    if found is not None:
        return found
    return bytes if isinstance(tempdir, bytes) else str


def _sanitize_params(prefix, suffix, dir):
    """(prefix, suffix, dir, type) with the defaults filled in, all of the
    type of the parts given."""
    kind = _infer_return_type(prefix, suffix, dir)
    if kind is str:
        return (template if prefix is None else prefix,
                "" if suffix is None else suffix,
                gettempdir() if dir is None else dir, kind)
    return (_os.fsencode(template) if prefix is None else prefix,
            b"" if suffix is None else suffix,
            gettempdirb() if dir is None else dir, kind)


class _RandomNameSequence:
    """An endless iterator of random 8-character names over [a-z0-9_]. A
    forked child reseeds, so that parent and child draw different names."""

    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    @property
    def rng(self):
        here = _os.getpid()
        if getattr(self, "_rng_pid", None) != here:
            self._rng = _Random()
            self._rng_pid = here
        return self._rng

    def __iter__(self):
        return self

    def __next__(self):
        return "".join(self.rng.choices(self.characters, k=8))


def _candidate_tempdir_list():
    """The folders gettempdir() tries, in order."""
    found = [value for value in map(_os.getenv, ("TMPDIR", "TEMP", "TMP"))
             if value]
    found += ["/tmp", "/var/tmp", "/usr/tmp"]
    try:
        found.append(_os.getcwd())
    except (AttributeError, OSError):
        found.append(_os.curdir)
    return found


def _can_write_in(folder, names):
    """True if a file can be made, written and removed in `folder`; None
    if 100 drawn names were all taken."""
    for _ in range(100):
        probe = _os.path.join(folder, next(names))
        try:
            fd = _os.open(probe, _bin_openflags, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return False
        try:
            try:
                _os.write(fd, b"blat")
            finally:
                _os.close(fd)
        except OSError:
            return False
        finally:
            _os.unlink(probe)
        return True
    return None


def _get_default_tempdir():
    """The first candidate folder where files can really be made."""
    names = _RandomNameSequence()
    candidates = _candidate_tempdir_list()
    for folder in candidates:
        if folder != _os.curdir:
            folder = _os.path.abspath(folder)
        if _can_write_in(folder, names):
            return folder
    raise FileNotFoundError(
        _errno.ENOENT, "No usable temporary directory found in %s" % candidates)


_name_sequence = None


def _get_candidate_names():
    """The random name sequence the module shares."""
    global _name_sequence
    if _name_sequence is None:
        _name_sequence = _RandomNameSequence()
    return _name_sequence


def _fresh_names(kind):
    names = _get_candidate_names()
    return map(_os.fsencode, names) if kind is bytes else names


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    """Open a new file dir/pre<random>suf with `flags`; (descriptor,
    absolute path)."""
    folder = _os.path.abspath(dir)
    names = _fresh_names(output_type)
    for _ in range(TMP_MAX):
        path = _os.path.join(folder, pre + next(names) + suf)
        try:
            return _os.open(path, flags, 0o600), path
        except FileExistsError:
            pass
    raise FileExistsError(_errno.EEXIST, "No usable temporary file name found")


def gettempprefix():
    """The default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """The default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


def _gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """The folder for temporary files (as str): `tempdir` when set, else
    the first usable of $TMPDIR, $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp and
    the current folder, then kept in `tempdir`."""
    return _os.fsdecode(_gettempdir())


def gettempdirb():
    """gettempdir() as bytes."""
    return _os.fsencode(_gettempdir())


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Make a new file only its owner can read and write; return
    (descriptor, absolute path). Closing and removing it is up to the
    caller."""
    prefix, suffix, dir, kind = _sanitize_params(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix,
                          _text_openflags if text else _bin_openflags, kind)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Make a new folder only its owner can use and return its path;
    removing it is up to the caller."""
    prefix, suffix, dir, kind = _sanitize_params(prefix, suffix, dir)
    names = _fresh_names(kind)
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(_errno.EEXIST,
                          "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A path that did not exist when asked. Deprecated: someone else may
    take it before the caller does (mkstemp has no such race)."""
    folder = gettempdir() if dir is None else dir
    names = _get_candidate_names()
    for _ in range(TMP_MAX):
        path = _os.path.join(folder, prefix + next(names) + suffix)
        if not _exists(path):
            return path
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileCloser:
    """Closes the file, and removes it when `delete`: once, at close() or
    when collected."""

    file = None
    close_called = False

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def close(self, unlink=_os.unlink):
        # `unlink` is bound at definition: at shutdown the module's
        # globals may be gone before __del__ runs.
        if self.close_called or self.file is None:
            return
        self.close_called = True
        try:
            self.file.close()
        finally:
            if self.delete:
                unlink(self.name)

    def __del__(self):
        self.close()


class _TemporaryFileWrapper:
    """What NamedTemporaryFile gives: `file` (the file object), `name`,
    `delete`, and every attribute of the file. Closing it removes the file
    when `delete`."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closer = _TemporaryFileCloser(self.file, self.name,
                                            self.delete)

    def __getattr__(self, name):
        # Only reached for what the file provides.
        target = self.__dict__.get("file")
        if target is None:
            raise AttributeError(name)
        found = getattr(target, name)
        if hasattr(found, "__call__"):
            method = found

            def call_through(*args, **kwargs):
                return method(*args, **kwargs)

            # The closer rides along with the bound method, so the file
            # lives while e.g. NamedTemporaryFile().write(...) runs.
            call_through.__name__ = getattr(method, "__name__", name)
            call_through.__doc__ = getattr(method, "__doc__", None)
            call_through.__wrapped__ = method
            call_through._closer = self._closer
            found = call_through
        if not isinstance(found, int):
            setattr(self, name, found)
        return found

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        suppress = self.file.__exit__(exc, value, tb)
        self.close()
        return suppress

    def close(self):
        """Close the file; it is removed when `delete`."""
        self._closer.close()

    def __iter__(self):
        # A generator keeps the wrapper (hence the file) alive while the
        # file's own iteration runs.
        for line in self.file:
            yield line


def _file_on(fd, mode, buffering, newline, encoding, errors):
    """A file object over the new descriptor `fd` (closed on failure)."""
    if "b" not in mode:
        encoding = _io.text_encoding(encoding)
    try:
        return _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


def NamedTemporaryFile(mode="w+b", buffering=-1,
                       encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None,
                       delete=True, *, errors=None):
    """A new temporary file that has a name (`.name`) in the file system,
    opened with `mode`, `buffering`, `encoding`, `newline` and `errors`,
    in `dir`, named with `prefix` and `suffix`. It is removed once
    closed, unless `delete` is false."""
    prefix, suffix, dir, kind = _sanitize_params(prefix, suffix, dir)
    fd, path = _mkstemp_inner(dir, prefix, suffix, _bin_openflags, kind)
    try:
        opened = _file_on(fd, mode, buffering, newline, encoding, errors)
        try:
            # Named after the path, as CPython's opener makes it.
            inner = getattr(opened, "buffer", opened)
            getattr(inner, "raw", inner).name = path
        except (AttributeError, TypeError):
            pass
    except BaseException:
        _os.unlink(path)
        raise
    return _TemporaryFileWrapper(opened, path, delete)


def TemporaryFile(mode="w+b", buffering=-1,
                  encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    """A new temporary file without a name in the file system (removed
    at once): it is gone when closed. Arguments as for
    NamedTemporaryFile."""
    prefix, suffix, dir, kind = _sanitize_params(prefix, suffix, dir)
    fd, path = _mkstemp_inner(dir, prefix, suffix, _bin_openflags, kind)
    try:
        _os.unlink(path)
    except BaseException:
        _os.close(fd)
        raise
    return _file_on(fd, mode, buffering, newline, encoding, errors)


# SpooledTemporaryFile's methods that only pass the call on to the file of
# the moment (in memory or on disk), by how many arguments they take.

def _named(method, name):
    method.__name__ = name
    method.__qualname__ = "SpooledTemporaryFile." + name
    return method


def _forward(name):
    def method(self):
        return getattr(self._file, name)()
    return _named(method, name)


def _forward_one(name):
    def method(self, b):
        return getattr(self._file, name)(b)
    return _named(method, name)


def _forward_any(name):
    def method(self, *args):
        return getattr(self._file, name)(*args)
    return _named(method, name)


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file held in memory until it grows past `max_size`
    bytes (0: never) or fileno()/rollover() is called; its data then moves
    to a TemporaryFile made with the other arguments."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1,
                 encoding=None, newline=None, suffix=None,
                 prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = _io.BytesIO()
        else:
            encoding = _io.text_encoding(encoding)
            self._file = _io.TextIOWrapper(_io.BytesIO(), encoding=encoding,
                                           errors=errors, newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = dict(mode=mode, buffering=buffering,
                                       suffix=suffix, prefix=prefix,
                                       encoding=encoding, newline=newline,
                                       dir=dir, errors=errors)

    __class_getitem__ = classmethod(_types.GenericAlias)

    def __del__(self):
        if self.closed:
            return
        _warnings.warn("Unclosed file %r" % (self,), ResourceWarning,
                       stacklevel=2, source=self)
        self.close()

    def _check(self, file):
        if not self._rolled and self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        """Move the data to a real temporary file (once), keeping the
        position."""
        if self._rolled:
            return
        memory = self._file
        settings = self._TemporaryFileArgs
        del self._TemporaryFileArgs
        disk = self._file = TemporaryFile(**settings)
        where = memory.tell()
        if isinstance(memory, _io.BytesIO):
            disk.write(memory.getvalue())
        else:
            data = memory.detach().getvalue()
            if hasattr(disk, "buffer"):
                disk.buffer.write(data)
            else:
                disk.write(data.decode(disk.encoding, disk.errors))
                disk.flush()
        disk.seek(where, 0)
        self._rolled = True

    # Everything else is the current file's.

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    close = _forward("close")

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    @property
    def mode(self):
        current = self._file
        if hasattr(current, "mode"):
            return current.mode
        return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        return getattr(self._file, "name", None)

    @property
    def newlines(self):
        return self._file.newlines

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    flush = _forward("flush")
    isatty = _forward("isatty")
    readable = _forward("readable")
    read = _forward_any("read")
    read1 = _forward_any("read1")
    readinto = _forward_one("readinto")
    readinto1 = _forward_one("readinto1")
    readline = _forward_any("readline")
    readlines = _forward_any("readlines")
    seekable = _forward("seekable")
    seek = _forward_any("seek")
    tell = _forward("tell")

    def truncate(self, size=None):
        if size is not None and size > self._max_size:
            self.rollover()
        if size is None:
            return self._file.truncate()
        return self._file.truncate(size)

    writable = _forward("writable")

    def write(self, s):
        current = self._file
        count = current.write(s)
        self._check(current)
        return count

    def writelines(self, iterable):
        current = self._file
        outcome = current.writelines(iterable)
        self._check(current)
        return outcome

    detach = _forward("detach")


def _writable_again(path):
    try:
        _os.chflags(path, 0)
    except AttributeError:
        pass
    _os.chmod(path, 0o700)


class TemporaryDirectory:
    """A new temporary folder (from mkdtemp), removed with all it holds by
    cleanup(), at the end of its `with` block (which gives its name), or
    when collected (with a ResourceWarning). With ignore_cleanup_errors
    the removal is best-effort."""

    def __init__(self, suffix=None, prefix=None,
                 dir=None, ignore_cleanup_errors=False):
        path = mkdtemp(suffix, prefix, dir)
        self.name = path
        self._ignore_cleanup_errors = ignore_cleanup_errors
        # Removes the folder if the object is collected first.
        self._finalizer = _weakref.finalize(
            self, self._cleanup, path,
            warn_message="Implicitly cleaning up %r" % (self,),
            ignore_errors=ignore_cleanup_errors)

    __class_getitem__ = classmethod(_types.GenericAlias)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False):
        again = cls._rmtree

        def retry(func, path, exc_info):
            problem = exc_info[0]
            if issubclass(problem, PermissionError):
                # Read-only entries: make them (and their folder)
                # writable and try again.
                try:
                    if path != name:
                        _writable_again(_os.path.dirname(path))
                    _writable_again(path)
                    try:
                        _os.unlink(path)
                    except (IsADirectoryError, PermissionError):
                        again(path, ignore_errors)
                except FileNotFoundError:
                    pass
            elif not issubclass(problem, FileNotFoundError) and not ignore_errors:
                raise

        _shutil.rmtree(name, onerror=retry)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False):
        cls._rmtree(name, ignore_errors)
        _warnings.warn(warn_message, ResourceWarning)

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        """Remove the folder and everything in it (once)."""
        pending = self._finalizer.detach()
        if pending or _os.path.exists(self.name):
            self._rmtree(self.name, self._ignore_cleanup_errors)
