"""Loop over the lines of several files, or of standard input.

input() makes the FileInput object that the module-level functions
(filename(), lineno(), nextfile(), ...) ask; FileInput can also be used
on its own. "-" (or no file at all) stands for sys.stdin. With
inplace=True each file is moved to a backup and read from there while
sys.stdout writes a new file under the old name (same permission bits);
the backup is deleted afterwards unless `backup` gives its extension.
hook_compressed reads ".gz" files through gzip (and ".bz2" ones through
bz2, which krait does not have: ImportError). The EncodingWarning of
-X warn_default_encoding is not given.
"""

import io
import os
import sys
from types import GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

# The FileInput that input() made, for the module-level functions.
_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Start reading `files` (arguments as for FileInput) for the
    module-level functions; returns the FileInput."""
    global _state
    if _state is not None and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Stop the reading started by input()."""
    global _state
    current, _state = _state, None
    if current:
        current.close()


def _current():
    if _state:
        return _state
    raise RuntimeError("no active input()")


def nextfile():
    """Skip the rest of the current file."""
    return _current().nextfile()


def filename():
    """The name of the file being read (None before the first line)."""
    return _current().filename()


def lineno():
    """The number of the last line read, counted over all the files."""
    return _current().lineno()


def filelineno():
    """The number of the last line read within its own file."""
    return _current().filelineno()


def fileno():
    """The descriptor of the file being read; -1 when there is none."""
    return _current().fileno()


def isfirstline():
    """Whether the last line read was the first of its file."""
    return _current().isfirstline()


def isstdin():
    """Whether the last line read came from sys.stdin."""
    return _current().isstdin()


class FileInput:
    """FileInput([files[, inplace[, backup]]], *, mode=None,
    openhook=None, encoding=None, errors=None)

    Iterate over the lines of `files`: one name or path, or a sequence of
    them (sys.argv[1:] by default, standard input when that is empty).
    Its methods are those of the module-level functions, plus readline();
    it works as a context manager.
    """

    def __init__(self, files=None, inplace=False, backup="", *, mode="r",
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            names = (files,)
        elif isinstance(files, os.PathLike):
            names = (os.fspath(files),)
        else:
            names = tuple(sys.argv[1:] if files is None else files)
        self._files = names or ("-",)
        self._inplace = inplace
        self._backup = backup
        self._encoding = encoding
        self._errors = errors
        # Per-file state, reset by nextfile() and when a file opens.
        self._file = None
        self._filename = None
        self._isstdin = False
        self._output = None
        self._savestdout = None
        self._backupfilename = None
        self._startlineno = 0
        self._filelineno = 0
        if mode != "r" and mode != "rb":
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        self._mode = mode
        self._write_mode = "wb" if mode == "rb" else "w"
        if openhook:
            if inplace:
                raise ValueError(
                    "FileInput cannot use an opening hook in inplace mode")
            if not callable(openhook):
                raise ValueError("FileInput openhook must be callable")
        self._openhook = openhook

    __class_getitem__ = classmethod(GenericAlias)

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self._next_line()
        if not line:
            raise StopIteration
        return line

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def nextfile(self):
        # Undo everything the current file set up, each step even when an
        # earlier one fails.
        saved, self._savestdout = self._savestdout, None
        if saved:
            sys.stdout = saved
        output, self._output = self._output, None
        reading, self._file = self._file, None
        backup, self._backupfilename = self._backupfilename, None
        from_stdin, self._isstdin = self._isstdin, False
        try:
            if output:
                output.close()
        finally:
            try:
                if reading and not from_stdin:
                    reading.close()
            finally:
                if backup and not self._backup:
                    try:
                        os.unlink(backup)
                    except OSError:
                        pass

    def readline(self):
        """The next line, over all the files in turn; "" (b"" in mode
        "rb") once they are all read."""
        return self._next_line()

    def _next_line(self):
        while True:
            current = self._file
            if current is None:
                if not self._files:
                    return b"" if self._mode == "rb" else ""
                current = self._open_next()
            line = current.readline()
            if line:
                self._filelineno += 1
                return line
            self.nextfile()

    def _encoding_for_text(self):
        if self._mode == "rb" or self._encoding is not None:
            return self._encoding
        return "locale"

    def _open_next(self):
        name = self._files[0]
        self._files = self._files[1:]
        self._startlineno += self._filelineno
        self._filelineno = 0
        self._filename = name
        self._isstdin = False
        self._backupfilename = None
        if name == "-":
            self._filename = "<stdin>"
            self._isstdin = True
            stream = sys.stdin
            if self._mode == "rb":
                stream = getattr(stream, "buffer", stream)
        elif self._inplace:
            stream = self._start_rewrite(name)
        elif self._openhook is None:
            stream = open(name, self._mode,
                          encoding=self._encoding_for_text(),
                          errors=self._errors)
        elif self._encoding is None:
            stream = self._openhook(name, self._mode)
        else:
            stream = self._openhook(name, self._mode,
                                    encoding=self._encoding,
                                    errors=self._errors)
        self._file = stream
        return stream

    def _start_rewrite(self, name):
        # Move the file aside, read it from there, and point sys.stdout
        # at a new file with the original name and permissions.
        path = os.fspath(name)
        backup = path + (self._backup or ".bak")
        try:
            os.unlink(backup)
        except OSError:
            pass
        os.rename(path, backup)
        self._backupfilename = backup
        encoding = self._encoding_for_text()
        source = open(backup, self._mode, encoding=encoding,
                      errors=self._errors)
        self._file = source
        try:
            permissions = os.fstat(source.fileno()).st_mode
        except OSError:
            permissions = None
        if permissions is None:
            output = open(path, self._write_mode, encoding=encoding,
                          errors=self._errors)
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            fd = os.open(path, flags | getattr(os, "O_BINARY", 0),
                         permissions)
            output = os.fdopen(fd, self._write_mode, encoding=encoding,
                               errors=self._errors)
            try:
                os.chmod(path, permissions)
            except OSError:
                pass
        self._output = output
        self._savestdout = sys.stdout
        sys.stdout = output
        return source

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        current = self._file
        if not current:
            return -1
        try:
            return current.fileno()
        except ValueError:
            return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An opening hook that reads ".gz" and ".bz2" files uncompressed and
    opens any other file as open() does."""
    binary = "b" in mode
    if encoding is None and not binary:
        encoding = "locale"
    extension = os.path.splitext(filename)[1]
    if extension == ".gz":
        import gzip
        raw = gzip.open(filename, mode)
    elif extension == ".bz2":
        import bz2
        raw = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if binary:
        return raw
    return io.TextIOWrapper(raw, encoding=encoding, errors=errors)


def hook_encoded(encoding, errors=None):
    """An opening hook that opens every file with `encoding` and
    `errors`."""
    def opener(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return opener
