"""Iterate over the lines of several files or standard input
(CPython's `fileinput`): input() and the module-level functions that
query its state, the FileInput class, and the hook_compressed and
hook_encoded opening hooks.

"-" (or an empty file list) means sys.stdin. With inplace=True each
file is renamed to a backup, read from there, and sys.stdout is sent to
a new file under the original name (with the original permissions)
until the next file; the backup is removed unless `backup` names its
extension. hook_compressed opens ".gz" files with gzip; ".bz2" needs the
bz2 module, which krait lacks, so such files raise ImportError. The
EncodingWarning of -X warn_default_encoding is not emitted.
"""

import io
import os
import sys
from types import GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

# The FileInput instance behind the module-level functions.
_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Create the FileInput instance the module-level functions use and
    return it (arguments as for FileInput). RuntimeError if the previous
    one is still reading a file."""
    global _state
    if _state and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Close the sequence opened by input()."""
    global _state
    state = _state
    _state = None
    if state:
        state.close()


def _active():
    if not _state:
        raise RuntimeError("no active input()")
    return _state


def nextfile():
    """Close the current file: the next line read comes from the next
    file. Lines already read count toward lineno()."""
    return _active().nextfile()


def filename():
    """Name of the file being read; None before the first line."""
    return _active().filename()


def lineno():
    """Cumulative number of the line just read, over all files."""
    return _active().lineno()


def filelineno():
    """Number of the line just read within the current file."""
    return _active().filelineno()


def fileno():
    """File descriptor of the current file; -1 when none is open."""
    return _active().fileno()


def isfirstline():
    """True if the line just read is the first of its file."""
    return _active().isfirstline()


def isstdin():
    """True if the line just read came from sys.stdin."""
    return _active().isstdin()


class FileInput:
    """FileInput([files[, inplace[, backup]]], *, mode=None,
    openhook=None, encoding=None, errors=None)

    Iterates over the lines of `files` (one name, a path-like object or
    a sequence; sys.argv[1:] when None, stdin when that is empty). The
    methods filename(), lineno(), filelineno(), isfirstline(),
    isstdin(), fileno(), nextfile(), readline() and close() match the
    module-level functions; it is also a context manager.
    """

    def __init__(self, files=None, inplace=False, backup="", *, mode="r",
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, os.PathLike):
            files = (os.fspath(files),)
        else:
            if files is None:
                files = sys.argv[1:]
            if not files:
                files = ("-",)
            else:
                files = tuple(files)
        self._files = files
        self._inplace = inplace
        self._backup = backup
        self._savestdout = None
        self._output = None
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._backupfilename = None
        self._encoding = encoding
        self._errors = errors
        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        self._mode = mode
        self._write_mode = mode.replace("r", "w")
        if openhook:
            if inplace:
                raise ValueError(
                    "FileInput cannot use an opening hook in inplace mode")
            if not callable(openhook):
                raise ValueError("FileInput openhook must be callable")
        self._openhook = openhook

    def __del__(self):
        self.close()

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def nextfile(self):
        savestdout = self._savestdout
        self._savestdout = None
        if savestdout:
            sys.stdout = savestdout
        output = self._output
        self._output = None
        try:
            if output:
                output.close()
        finally:
            file = self._file
            self._file = None
            try:
                if file and not self._isstdin:
                    file.close()
            finally:
                backupfilename = self._backupfilename
                self._backupfilename = None
                if backupfilename and not self._backup:
                    try:
                        os.unlink(backupfilename)
                    except OSError:
                        pass
                self._isstdin = False

    def readline(self):
        """The next line over all the files; "" (b"" in mode "rb") at
        the end of the last one."""
        while True:
            line = self._read_current()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line     # every file is exhausted
            self.nextfile()

    def _read_current(self):
        if self._file is None:
            if not self._files:
                return b"" if "b" in self._mode else ""
            self._open_next()
        return self._file.readline()

    def _open_next(self):
        self._filename = self._files[0]
        self._files = self._files[1:]
        self._startlineno = self.lineno()
        self._filelineno = 0
        self._isstdin = False
        self._backupfilename = None
        if self._filename == "-":
            self._filename = "<stdin>"
            if "b" in self._mode:
                self._file = getattr(sys.stdin, "buffer", sys.stdin)
            else:
                self._file = sys.stdin
            self._isstdin = True
        elif self._inplace:
            self._open_inplace()
        elif self._openhook:
            if self._encoding is None:
                self._file = self._openhook(self._filename, self._mode)
            else:
                self._file = self._openhook(self._filename, self._mode,
                                            encoding=self._encoding,
                                            errors=self._errors)
        else:
            self._file = open(self._filename, self._mode,
                              encoding=self._text_encoding(),
                              errors=self._errors)

    def _text_encoding(self):
        if "b" in self._mode or self._encoding is not None:
            return self._encoding
        return "locale"

    def _open_inplace(self):
        """Read the file from its backup and send sys.stdout to a new
        file under the original name, keeping its permission bits."""
        name = os.fspath(self._filename)
        self._backupfilename = name + (self._backup or ".bak")
        try:
            os.unlink(self._backupfilename)
        except OSError:
            pass
        os.rename(name, self._backupfilename)
        encoding = self._text_encoding()
        self._file = open(self._backupfilename, self._mode,
                          encoding=encoding, errors=self._errors)
        try:
            perm = os.fstat(self._file.fileno()).st_mode
        except OSError:
            self._output = open(name, self._write_mode, encoding=encoding,
                                errors=self._errors)
        else:
            flags = os.O_CREAT | os.O_WRONLY | os.O_TRUNC
            flags |= getattr(os, "O_BINARY", 0)
            fd = os.open(name, flags, perm)
            self._output = os.fdopen(fd, self._write_mode,
                                     encoding=encoding, errors=self._errors)
            try:
                os.chmod(name, perm)
            except OSError:
                pass
        self._savestdout = sys.stdout
        sys.stdout = self._output

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file:
            try:
                return self._file.fileno()
            except ValueError:
                return -1
        return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    __class_getitem__ = classmethod(GenericAlias)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """Opening hook reading ".gz" (gzip) and ".bz2" (bz2) files
    transparently, other files with open()."""
    if encoding is None and "b" not in mode:
        encoding = "locale"
    ext = os.path.splitext(filename)[1]
    if ext == ".gz":
        import gzip
        stream = gzip.open(filename, mode)
    elif ext == ".bz2":
        import bz2
        stream = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if "b" not in mode:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream


def hook_encoded(encoding, errors=None):
    """Opening hook that opens each file with the given encoding and
    error handler."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook
