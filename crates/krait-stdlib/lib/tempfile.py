"""Temporary files and folders (CPython's `tempfile`): `mkstemp`,
`mkdtemp`, `mktemp`, `NamedTemporaryFile`, `TemporaryFile`,
`SpooledTemporaryFile`, `TemporaryDirectory`, `gettempdir` and
`gettempprefix` (and their bytes forms).

Names are made of "tmp", 8 random characters from [a-z0-9_] and the
suffix; a file is created with O_EXCL (and mode 0o600, a folder 0o700),
so an existing name is never reused: another name is drawn.

Differences from CPython:
- `TemporaryFile` never uses O_TMPFILE: it makes a file with `mkstemp`
  and unlinks it at once (CPython's fallback), so it has no name (its
  `name` is the descriptor);
- a text-mode `SpooledTemporaryFile` spools into an `io.StringIO` when
  `io.TextIOWrapper` cannot wrap an `io.BytesIO` (krait); `max_size` then
  counts characters, and `encoding` is None until the rollover;
- a text file's default encoding is left as None, where CPython passes
  io.text_encoding(None), "locale" (the same encoding, without the
  EncodingWarning of -X warn_default_encoding): krait's open() does not
  know "locale";
- no audit events.
"""

import os
import io
import errno
import warnings
import weakref
import shutil
import types
from random import Random

try:
    from os import fsencode as _fsencode, fsdecode as _fsdecode
except ImportError:
    # krait's os may lack them: names are UTF-8 there (CPython's POSIX
    # file system encoding, with its error handler).
    def _fsencode(name):
        return name if isinstance(name, bytes) else name.encode("utf-8", "surrogateescape")

    def _fsdecode(name):
        return name.decode("utf-8", "surrogateescape") if isinstance(name, bytes) else name

__all__ = [
    "NamedTemporaryFile", "TemporaryFile",
    "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp",
    "mktemp",
    "TMP_MAX", "gettempprefix",
    "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

_text_openflags = os.O_RDWR | os.O_CREAT | os.O_EXCL
# A name planted as a link must not redirect the file elsewhere.
_text_openflags |= getattr(os, "O_NOFOLLOW", 0)
# Descriptors must not leak into child processes.
_text_openflags |= getattr(os, "O_CLOEXEC", 0)
_bin_openflags = _text_openflags | getattr(os, "O_BINARY", 0)

TMP_MAX = getattr(os, "TMP_MAX", 10000)

# The prefix of every name; a program may change these two globals.
template = "tmp"
# The folder for temporary files: found by gettempdir() when None.
tempdir = None


def _exists(path):
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def _infer_return_type(*args):
    """str or bytes: the type of the non-None path parts, which must
    agree (str when all are None, unless `tempdir` is bytes)."""
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, os.PathLike):
            arg = os.fspath(arg)
        if isinstance(arg, bytes):
            if return_type is str:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = bytes
        else:
            if return_type is bytes:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = str
    if return_type is None:
        if tempdir is None or isinstance(tempdir, str):
            return str
        return bytes
    return return_type


def _sanitize_params(prefix, suffix, dir):
    """The defaults for a name's parts, in the type the given ones have."""
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


class _RandomNameSequence:
    """An endless iterator of random 8-character names from
    [a-z0-9_]. A forked child gets a generator of its own, so parent
    and child do not draw the same names."""

    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    @property
    def rng(self):
        pid = os.getpid()
        if pid != getattr(self, "_rng_pid", None):
            self._rng = Random()
            self._rng_pid = pid
        return self._rng

    def __iter__(self):
        return self

    def __next__(self):
        return "".join(self.rng.choices(self.characters, k=8))


def _candidate_tempdir_list():
    """The folders gettempdir() tries, in order."""
    dirlist = []
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.getenv(name)
        if value:
            dirlist.append(value)
    dirlist.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        dirlist.append(os.getcwd())
    except (AttributeError, OSError):
        dirlist.append(os.curdir)
    return dirlist


def _get_default_tempdir():
    """The first candidate folder where a file can really be made (and
    written and removed)."""
    namer = _RandomNameSequence()
    dirlist = _candidate_tempdir_list()
    for dir in dirlist:
        if dir != os.curdir:
            dir = os.path.abspath(dir)
        for _ in range(100):
            filename = os.path.join(dir, next(namer))
            try:
                # "x" creates with O_EXCL, as the real files will be.
                with open(filename, "xb") as probe:
                    probe.write(b"blat")
                os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except OSError:
                # Not writable, not a folder, missing: the next one.
                break
    raise FileNotFoundError(errno.ENOENT,
                            "No usable temporary directory found in %s" % dirlist)


_name_sequence = None


def _get_candidate_names():
    """The module's shared random name sequence."""
    global _name_sequence
    if _name_sequence is None:
        _name_sequence = _RandomNameSequence()
    return _name_sequence


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    """Opens a new file `dir/pre<random>suf` with `flags`: its descriptor
    and absolute path."""
    dir = os.path.abspath(dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_fsencode, names)
    for _ in range(TMP_MAX):
        name = next(names)
        file = os.path.join(dir, pre + name + suf)
        try:
            fd = os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, file
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


def gettempprefix():
    """The default prefix of temporary names ("tmp")."""
    return _fsdecode(template)


def gettempprefixb():
    """As `gettempprefix`, in bytes."""
    return _fsencode(template)


def _gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """The folder for temporary files: `tempdir` if set, else the first
    usable of $TMPDIR, $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp and the
    current folder (then remembered in `tempdir`)."""
    folder = _gettempdir()
    return _fsdecode(folder)


def gettempdirb():
    """As `gettempdir`, in bytes."""
    return _fsencode(_gettempdir())


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Makes a new file readable and writable only by its owner and
    returns `(descriptor, absolute path)`; closing and removing it is
    the caller's business."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _text_openflags if text else _bin_openflags
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Makes a new folder usable only by its owner and returns its path
    (relative when `dir` is); removing it is the caller's business."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_fsencode, names)
    for _ in range(TMP_MAX):
        name = next(names)
        file = os.path.join(dir, prefix + name + suffix)
        try:
            os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return file
    raise FileExistsError(errno.EEXIST, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A path that did not exist when asked (deprecated: another process
    may take the name before the caller does; use mkstemp)."""
    if dir is None:
        dir = gettempdir()
    names = _get_candidate_names()
    for _ in range(TMP_MAX):
        name = next(names)
        file = os.path.join(dir, prefix + name + suffix)
        if not _exists(file):
            return file
    raise FileExistsError(errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileCloser:
    """Closes the file and, when `delete`, removes it: once, at close()
    or when garbage collected."""

    file = None
    close_called = False

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def close(self, unlink=os.unlink):
        # `unlink` is bound now: at interpreter exit, module globals may
        # already be gone when __del__ runs.
        if not self.close_called and self.file is not None:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    unlink(self.name)

    def __del__(self):
        self.close()


class _TemporaryFileWrapper:
    """What NamedTemporaryFile returns: the file object (`file`), its
    path (`name`) and `delete`; every other attribute is the file's.
    Closing it (or leaving its `with` block) removes the file when
    `delete`."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closer = _TemporaryFileCloser(file, name, delete)

    def __getattr__(self, name):
        # Only called for what the wrapper lacks: the file's own.
        file = self.__dict__.get("file")
        if file is None:
            raise AttributeError(name)
        attr = getattr(file, name)
        if hasattr(attr, "__call__"):
            # A bound method of the file keeps the wrapper alive while
            # it runs (else the file could be removed under a call such
            # as `NamedTemporaryFile().write(...)`).
            method = attr

            def wrapper(*args, **kwargs):
                return method(*args, **kwargs)

            wrapper.__name__ = getattr(method, "__name__", name)
            wrapper.__doc__ = getattr(method, "__doc__", None)
            wrapper._closer = self._closer
            attr = wrapper
        if not isinstance(attr, int):
            setattr(self, name, attr)
        return attr

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        """Closes the file, removing it when `delete`."""
        self._closer.close()

    def __iter__(self):
        # A generator, so that the wrapper (and the file) stays alive
        # while iterated, and the file's own iteration is used.
        for line in self.file:
            yield line


def _open_descriptor(fd, name, mode, buffering, newline, encoding, errors):
    """A file object over the new descriptor `fd` (closed on failure),
    named after the path as CPython's are."""
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline,
                       encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise
    if name is not None:
        raw = getattr(file, "buffer", file)
        raw = getattr(raw, "raw", raw)
        try:
            raw.name = name
        except (AttributeError, TypeError):
            # A file type whose name is read-only keeps the descriptor.
            pass
    return file


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A new temporary file with a name in the file system (`.name`),
    opened with `mode` (and `buffering`, `encoding`, `newline`,
    `errors`), inside `dir` with the given `prefix` and `suffix`. It is
    removed when closed, unless `delete` is false."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _bin_openflags, output_type)
    try:
        file = _open_descriptor(fd, name, mode, buffering, newline, encoding,
                                errors)
    except BaseException:
        os.unlink(name)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    """A new temporary file with no name in the file system (it is
    unlinked at once): it disappears when closed. Arguments as for
    NamedTemporaryFile."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _bin_openflags, output_type)
    try:
        os.unlink(name)
    except BaseException:
        os.close(fd)
        raise
    return _open_descriptor(fd, None, mode, buffering, newline, encoding, errors)


def _spool_text(encoding, errors, newline):
    """The in-memory text stream a text SpooledTemporaryFile starts with."""
    try:
        return io.TextIOWrapper(io.BytesIO(), encoding=encoding,
                                errors=errors, newline=newline)
    except TypeError:
        # krait: TextIOWrapper takes only its own binary files.
        return io.StringIO(newline=newline)


class SpooledTemporaryFile(io.IOBase):
    """A temporary file kept in memory (an io.BytesIO, or a text stream)
    until its size passes `max_size` (0: never), or `fileno()` or
    `rollover()` is called: then its data moves to a TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = io.BytesIO()
        else:
            self._file = _spool_text(encoding, errors, newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering,
                                   "suffix": suffix, "prefix": prefix,
                                   "encoding": encoding, "newline": newline,
                                   "dir": dir, "errors": errors}

    __class_getitem__ = classmethod(types.GenericAlias)

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        """Moves the data to a real temporary file (once), keeping the
        position."""
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs

        pos = file.tell()
        if isinstance(file, io.StringIO):
            # The text is stored with its newlines already translated:
            # it goes to the file as CPython's bytes do, and the position
            # (in characters) becomes a position in bytes.
            text = file.getvalue()
            encoding, errors = newfile.encoding, newfile.errors
            data = text.encode(encoding, errors)
            pos = len(text[:pos].encode(encoding, errors))
        elif isinstance(file, io.BytesIO):
            data = file.getvalue()
        else:
            data = file.detach().getvalue()
        if isinstance(file, io.BytesIO):
            newfile.write(data)
        elif hasattr(newfile, "buffer"):
            newfile.buffer.write(data)
        else:
            # A native text file (no binary buffer under it): the same
            # bytes, written as the text they encode.
            newfile.write(data.decode(newfile.encoding, newfile.errors))
            newfile.flush()
        newfile.seek(pos, 0)
        self._rolled = True

    # The rest stands for the file of the moment.

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        written = file.write(s)
        self._check(file)
        return written

    def writelines(self, iterable):
        file = self._file
        result = file.writelines(iterable)
        self._check(file)
        return result

    def detach(self):
        return self._file.detach()


class TemporaryDirectory:
    """A new temporary folder (made by mkdtemp), removed with all its
    content by `cleanup()`, at the end of its `with` block (which gives
    its name), or when garbage collected (with a ResourceWarning).
    `ignore_cleanup_errors` makes the removal best-effort."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._finalizer = weakref.finalize(
            self, self._cleanup, self.name,
            warn_message="Implicitly cleaning up {!r}".format(self),
            ignore_errors=self._ignore_cleanup_errors)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False):
        def onerror(func, path, exc_info):
            if issubclass(exc_info[0], PermissionError):
                # A read-only folder (or file): make it writable and
                # try again.
                def resetperms(path):
                    try:
                        os.chflags(path, 0)
                    except AttributeError:
                        pass
                    os.chmod(path, 0o700)

                try:
                    if path != name:
                        resetperms(os.path.dirname(path))
                    resetperms(path)
                    try:
                        os.unlink(path)
                    except (IsADirectoryError, PermissionError):
                        # A folder (unlink says EPERM for one on some
                        # systems).
                        cls._rmtree(path, ignore_errors=ignore_errors)
                except FileNotFoundError:
                    pass
            elif issubclass(exc_info[0], FileNotFoundError):
                pass
            elif not ignore_errors:
                raise

        shutil.rmtree(name, onerror=onerror)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False):
        cls._rmtree(name, ignore_errors=ignore_errors)
        warnings.warn(warn_message, ResourceWarning)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        """Removes the folder and all it holds (once)."""
        if self._finalizer.detach() or os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    __class_getitem__ = classmethod(types.GenericAlias)
