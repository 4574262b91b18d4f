"""bzip2 compression (CPython's `bz2`): one-shot `compress`/`decompress`,
the streaming `BZ2Compressor`/`BZ2Decompressor` (native, `_bz2`), and
`BZ2File`/`open` for reading and writing .bz2 files (several streams one
after another read as one)."""

import builtins
import io
import os

from _bz2 import BZ2Compressor, BZ2Decompressor

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor", "open",
           "compress", "decompress"]

_MODE_CLOSED = 0
_MODE_READ = 1
_MODE_WRITE = 3

_CHUNK = 8192


def compress(data, compresslevel=9):
    """The bytes of `data` compressed as one bzip2 stream."""
    compressor = BZ2Compressor(compresslevel)
    return compressor.compress(data) + compressor.flush()


def decompress(data):
    """The bytes of `data` decompressed: one or more streams back to
    back."""
    results = []
    while data:
        decompressor = BZ2Decompressor()
        try:
            results.append(decompressor.decompress(data))
        except OSError:
            if results:
                break  # Trailing data that is no stream: ignored.
            raise
        if not decompressor.eof:
            raise ValueError("Compressed data ended before the "
                             "end-of-stream marker was reached")
        data = decompressor.unused_data
    return b"".join(results)


class BZ2File(io.BufferedIOBase):
    """A file object reading or writing bzip2-compressed data, on a file
    named `filename` or on a file object given instead. Modes: 'r', 'w',
    'x' and 'a' (binary only)."""

    def __init__(self, filename, mode="r", *, compresslevel=9):
        self._fp = None
        self._closefp = False
        self._mode = _MODE_CLOSED
        if not 1 <= compresslevel <= 9:
            raise ValueError("compresslevel must be between 1 and 9")
        if mode in ("", "r", "rb"):
            mode = "rb"
            mode_code = _MODE_READ
        elif mode in ("w", "wb"):
            mode = "wb"
            mode_code = _MODE_WRITE
            self._compressor = BZ2Compressor(compresslevel)
        elif mode in ("x", "xb"):
            mode = "xb"
            mode_code = _MODE_WRITE
            self._compressor = BZ2Compressor(compresslevel)
        elif mode in ("a", "ab"):
            mode = "ab"
            mode_code = _MODE_WRITE
            self._compressor = BZ2Compressor(compresslevel)
        else:
            raise ValueError("Invalid mode: %r" % (mode,))
        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = builtins.open(filename, mode)
            self._closefp = True
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike object")
        self._mode = mode_code
        self._pos = 0
        if mode_code == _MODE_READ:
            self._decompressor = BZ2Decompressor()
            self._buffer = b""
            self._offset = 0
            self._at_end = False

    # -- state ---------------------------------------------------------------

    @property
    def closed(self):
        return self._mode == _MODE_CLOSED

    @property
    def name(self):
        self._check_not_closed()
        return self._fp.name

    @property
    def mode(self):
        return "wb" if self._mode == _MODE_WRITE else "rb"

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_can_read(self):
        if self._mode != _MODE_READ:
            self._check_not_closed()
            raise io.UnsupportedOperation("File not open for reading")

    def _check_can_write(self):
        if self._mode != _MODE_WRITE:
            self._check_not_closed()
            raise io.UnsupportedOperation("File not open for writing")

    def close(self):
        if self._mode == _MODE_CLOSED:
            return
        try:
            if self._mode == _MODE_WRITE:
                self._fp.write(self._compressor.flush())
                self._compressor = None
            else:
                self._buffer = b""
        finally:
            try:
                if self._closefp:
                    self._fp.close()
            finally:
                self._fp = None
                self._closefp = False
                self._mode = _MODE_CLOSED

    def fileno(self):
        self._check_not_closed()
        return self._fp.fileno()

    def seekable(self):
        return self.readable() and self._fp.seekable()

    def readable(self):
        self._check_not_closed()
        return self._mode == _MODE_READ

    def writable(self):
        self._check_not_closed()
        return self._mode == _MODE_WRITE

    def tell(self):
        self._check_not_closed()
        return self._pos

    # -- reading -------------------------------------------------------------

    def _decompress_more(self):
        """The next decompressed bytes (b"" at the end of the file)."""
        while not self._at_end:
            if self._decompressor.eof:
                rest = self._decompressor.unused_data
                if not rest:
                    rest = self._fp.read(_CHUNK)
                    if not rest:
                        self._at_end = True
                        return b""
                # A next stream follows the one that ended.
                self._decompressor = BZ2Decompressor()
                try:
                    data = self._decompressor.decompress(rest)
                except OSError:
                    # Trailing bytes that are no stream end the file.
                    self._at_end = True
                    return b""
            else:
                if self._decompressor.needs_input:
                    raw = self._fp.read(_CHUNK)
                    if not raw:
                        raise EOFError("Compressed file ended before the "
                                       "end-of-stream marker was reached")
                else:
                    raw = b""
                data = self._decompressor.decompress(raw)
            if data:
                return data
        return b""

    def _fill(self):
        if self._offset < len(self._buffer):
            return True
        self._buffer = self._decompress_more()
        self._offset = 0
        return bool(self._buffer)

    def _take(self, size):
        start = self._offset
        chunk = self._buffer[start:start + size]
        self._offset = start + len(chunk)
        self._pos += len(chunk)
        return chunk

    def read(self, size=-1):
        self._check_can_read()
        if size is None or size < 0:
            parts = [self._buffer[self._offset:]]
            self._buffer = b""
            self._offset = 0
            while True:
                data = self._decompress_more()
                if not data:
                    break
                parts.append(data)
            result = b"".join(parts)
            self._pos += len(result)
            return result
        parts = []
        while size > 0 and self._fill():
            chunk = self._take(size)
            parts.append(chunk)
            size -= len(chunk)
        return b"".join(parts)

    def read1(self, size=-1):
        self._check_can_read()
        if size is None or size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        if size == 0 or not self._fill():
            return b""
        return self._take(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def peek(self, n=0):
        self._check_can_read()
        self._fill()
        return self._buffer[self._offset:]

    def readline(self, size=-1):
        self._check_can_read()
        if size is None:
            size = -1
        parts = []
        got = 0
        while self._fill():
            buffer, start = self._buffer, self._offset
            end = buffer.find(b"\n", start) + 1 or len(buffer)
            if size >= 0 and got + end - start > size:
                end = start + size - got
            chunk = self._take(end - start)
            parts.append(chunk)
            got += len(chunk)
            if chunk.endswith(b"\n") or (size >= 0 and got >= size):
                break
        return b"".join(parts)

    def seek(self, offset, whence=io.SEEK_SET):
        """Moves the position in the decompressed data (by decompressing
        from the start again when going back: slow, as CPython's)."""
        self._check_can_read()
        if not self._fp.seekable():
            raise io.UnsupportedOperation("The underlying file object does not support seeking")
        if whence == io.SEEK_CUR:
            offset = self._pos + offset
        elif whence == io.SEEK_END:
            while self._fill():
                self._take(len(self._buffer))
            offset = self._pos + offset
        elif whence != io.SEEK_SET:
            raise ValueError("Invalid value for whence: %r" % (whence,))
        if offset < self._pos:
            self._fp.seek(0)
            self._decompressor = BZ2Decompressor()
            self._buffer = b""
            self._offset = 0
            self._pos = 0
            self._at_end = False
        while self._pos < offset and self._fill():
            self._take(offset - self._pos)
        return self._pos

    # -- writing -------------------------------------------------------------

    def write(self, data):
        """Compresses and writes `data`; returns the number of
        uncompressed bytes written."""
        self._check_can_write()
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        self._fp.write(self._compressor.compress(data))
        self._pos += length
        return length

    def writelines(self, seq):
        for line in seq:
            self.write(line)

    def __repr__(self):
        if self.closed:
            return "<bz2.BZ2File [closed]>"
        return "<bz2.BZ2File %r>" % (getattr(self._fp, "name", self._fp),)


def open(filename, mode="rb", compresslevel=9,
         encoding=None, errors=None, newline=None):
    """A BZ2File (binary modes) or a text stream over one ('t' modes)."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    binary_file = BZ2File(filename, mode.replace("t", ""), compresslevel=compresslevel)
    if "t" in mode:
        encoding = io.text_encoding(encoding) if hasattr(io, "text_encoding") else encoding
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file
