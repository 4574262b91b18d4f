"""Streams: the file types (`_io`, built into the VM) and the abstract
base classes user streams derive from (`IOBase`, `RawIOBase`,
`BufferedIOBase`, `TextIOBase`), whose mixin methods (`readline`,
`readlines`, iteration, `writelines`, context management, `read` over
`readinto`...) build on the few methods a subclass defines. The VM's
file types are registered as their virtual subclasses, so
`isinstance(open(p), io.TextIOBase)` holds as in CPython.

Left out: `BufferedRWPair`, `IncrementalNewlineDecoder`.
"""

import abc

from _io import (DEFAULT_BUFFER_SIZE, SEEK_CUR, SEEK_END, SEEK_SET,
                 BufferedRandom, BufferedReader, BufferedWriter, BytesIO,
                 FileIO, StringIO, TextIOWrapper, UnsupportedOperation, open)

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRandom",
           "TextIOBase", "TextIOWrapper", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
           "text_encoding"]

BlockingIOError = BlockingIOError


def open_code(path):
    """Opens `path` for reading as code is read: binary, buffered."""
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, "
                        f"not {type(path).__name__}")
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    """The encoding a text stream opened with `encoding` uses: "locale"
    when None is given (PEP 597)."""
    return "locale" if encoding is None else encoding


def _unsupported(name):
    raise UnsupportedOperation(name)


class IOBase(metaclass=abc.ABCMeta):
    """The base of every stream: closing, iteration by lines, and the
    defaults (not seekable, readable or writable) a stream overrides."""

    # Whether `close()` ran (CPython's `__IOBase_closed`).
    _IOBase__closed = False

    def seek(self, pos, whence=0):
        _unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        _unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self._IOBase__closed:
            try:
                self.flush()
            finally:
                self._IOBase__closed = True

    def __del__(self):
        try:
            closed = self.closed
        except AttributeError:
            return
        if not closed:
            try:
                self.close()
            except Exception:
                pass

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file."
                             if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable."
                                       if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable."
                                       if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable."
                                       if msg is None else msg)

    @property
    def closed(self):
        return self._IOBase__closed

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        _unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, "
                            f"not '{type(size).__name__}'")
        # With `peek`, read up to the next newline in one go.
        peek = getattr(self, "peek", None)
        line = bytearray()
        while size < 0 or len(line) < size:
            n = 1
            if peek is not None:
                ahead = peek(1)
                if not ahead:
                    break
                end = ahead.find(b"\n") + 1
                n = end if end > 0 else len(ahead)
                if size >= 0:
                    n = min(n, size - len(line))
            chunk = self.read(n)
            if chunk is None:
                raise BlockingIOError(11, "read could not complete without "
                                          "blocking", 0)
            if not isinstance(chunk, (bytes, bytearray)):
                raise OSError(f"read() should have returned a bytes object, "
                              f"not '{type(chunk).__name__}'")
            if not chunk:
                break
            line += chunk
            if line.endswith(b"\n"):
                break
        return bytes(line)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary streams: `read` and `readall` over the
    `readinto` a subclass defines."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        buffer = bytearray(size.__index__())
        n = self.readinto(buffer)
        if n is None:
            return None
        del buffer[n:]
        return bytes(buffer)

    def readall(self):
        result = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            result += data
        if result:
            return bytes(result)
        return data

    def readinto(self, buffer):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError


class BufferedIOBase(IOBase):
    """Buffered binary streams: `readinto` over the `read` a subclass
    defines."""

    def read(self, size=-1):
        _unsupported("read")

    def read1(self, size=-1):
        _unsupported("read1")

    def write(self, data):
        _unsupported("write")

    def detach(self):
        _unsupported("detach")

    def readinto(self, buffer):
        return self._readinto(buffer, self.read)

    def readinto1(self, buffer):
        return self._readinto(buffer, self.read1)

    def _readinto(self, buffer, read):
        view = memoryview(buffer)
        data = read(len(view))
        n = len(data)
        view[:n] = data
        return n


class TextIOBase(IOBase):
    """Text streams: what a subclass does not define is unsupported."""

    def read(self, size=-1):
        _unsupported("read")

    def write(self, s):
        _unsupported("write")

    def truncate(self, pos=None):
        _unsupported("truncate")

    def readline(self, size=-1):
        _unsupported("readline")

    def detach(self):
        _unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


RawIOBase.register(FileIO)
for _type in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_type)
for _type in (StringIO, TextIOWrapper):
    TextIOBase.register(_type)
del _type
