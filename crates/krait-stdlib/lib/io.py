"""Streams: the file types (`_io`, built into the VM) and the abstract
base classes user streams derive from (`IOBase`, `RawIOBase`,
`BufferedIOBase`, `TextIOBase`), whose mixin methods (`readline`,
`readlines`, iteration, `writelines`, context management, `read` over
`readinto`...) build on the few methods a subclass defines. The VM's
file types are registered as their virtual subclasses, so
`isinstance(open(p), io.TextIOBase)` holds as in CPython.

`TextIOWrapper(buffer, ...)` over any binary stream is a Python class
here (`open()` makes the VM's own text files, registered as its virtual
subclass so that `isinstance(open(p), io.TextIOWrapper)` holds).

Left out: `BufferedRWPair`, `IncrementalNewlineDecoder`.
"""

import abc

from _io import (DEFAULT_BUFFER_SIZE, SEEK_CUR, SEEK_END, SEEK_SET,
                 BufferedRandom, BufferedReader, BufferedWriter, BytesIO,
                 FileIO, StringIO, UnsupportedOperation, _codec_name, open)
from _io import TextIOWrapper as _FileTextIOWrapper

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
            # (Past the hint, as CPython's IOBase stops.)
            if total > hint:
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


class _BufferedOverRaw(BufferedIOBase):
    """`BufferedReader(raw)`, `BufferedWriter(raw)`, `BufferedRandom(raw)`
    over a raw stream that is not one of krait's files (`BytesIO`, a
    `RawIOBase` subclass): reads come from `raw.read`/`readinto` through a
    read-ahead buffer, writes gather until `flush()` or a full buffer (a
    file of krait's gets the native buffered file instead)."""

    def __init__(self, raw, buffer_size, kind):
        self.raw = raw
        self._size = buffer_size
        self._kind = kind
        self._rbuf = b""
        self._wbuf = bytearray()
        if kind != "BufferedWriter" and not raw.readable():
            raise OSError('"raw" argument must be readable.')
        if kind != "BufferedReader" and not raw.writable():
            raise OSError('"raw" argument must be writable.')

    def __repr__(self):
        try:
            name = self.name
        except AttributeError:
            return f"<_io.{self._kind}>"
        return f"<_io.{self._kind} name={name!r}>"

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def readable(self):
        return self._kind != "BufferedWriter" and self.raw.readable()

    def writable(self):
        return self._kind != "BufferedReader" and self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def _check_open(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")

    def _raw_read(self, n):
        data = self.raw.read(n)
        return b"" if data is None else bytes(data)

    def read(self, size=-1):
        self._check_open()
        if not self.readable():
            raise UnsupportedOperation("read")
        self.flush()
        if size is None or size < 0:
            chunks = [self._rbuf]
            self._rbuf = b""
            while True:
                data = self._raw_read(self._size)
                if not data:
                    break
                chunks.append(data)
            return b"".join(chunks)
        while len(self._rbuf) < size:
            data = self._raw_read(max(self._size, size - len(self._rbuf)))
            if not data:
                break
            self._rbuf += data
        out, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return out

    def read1(self, size=-1):
        self._check_open()
        if not self._rbuf:
            self.flush()
            self._rbuf = self._raw_read(self._size if size is None or size < 0 else max(size, 1))
        if size is None or size < 0:
            size = len(self._rbuf)
        out, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return out

    def peek(self, size=0):
        self._check_open()
        if not self._rbuf:
            self.flush()
            self._rbuf = self._raw_read(self._size)
        return self._rbuf

    def readline(self, size=-1):
        self._check_open()
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            if not self._rbuf:
                self._rbuf = self._raw_read(self._size)
                if not self._rbuf:
                    break
            limit = len(self._rbuf) if size is None or size < 0 else size - len(line)
            end = self._rbuf.find(b"\n", 0, limit)
            end = limit if end < 0 else end + 1
            line += self._rbuf[:end]
            self._rbuf = self._rbuf[end:]
            if line.endswith(b"\n"):
                break
        return bytes(line)

    def write(self, data):
        self._check_open()
        if not self.writable():
            raise UnsupportedOperation("write")
        if self._rbuf:
            # The raw position is past what was read ahead.
            self.raw.seek(-len(self._rbuf), 1)
            self._rbuf = b""
        data = memoryview(data).cast("B")
        self._wbuf += data
        if len(self._wbuf) >= self._size:
            self.flush()
        return len(data)

    def flush(self):
        if self._wbuf:
            self._check_open()
            data, self._wbuf = bytes(self._wbuf), bytearray()
            while data:
                n = self.raw.write(data)
                data = data[n:] if n is not None else data
        if hasattr(self.raw, "flush"):
            self.raw.flush()

    def tell(self):
        return self.raw.tell() - len(self._rbuf) + len(self._wbuf)

    def seek(self, offset, whence=0):
        self.flush()
        if whence == 1:
            offset -= len(self._rbuf)
        self._rbuf = b""
        return self.raw.seek(offset, whence)

    def truncate(self, size=None):
        self.flush()
        if size is None:
            size = self.tell()
        self._rbuf = b""
        return self.raw.truncate(size)

    def close(self):
        if not self.raw.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def detach(self):
        self.flush()
        raw, self.raw = self.raw, None
        return raw


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


# Bytes needed before a decoder knows whether its input starts with a
# byte-order mark, and the codec it decodes with after one.
_BOM_CODECS = {
    "utf-16": (2, ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")),
               "utf-16-le"),
    "utf-32": (4, ((b"\xff\xfe\x00\x00", "utf-32-le"),
                   (b"\x00\x00\xfe\xff", "utf-32-be")), "utf-32-le"),
    "utf-8-sig": (3, ((b"\xef\xbb\xbf", "utf-8"),), "utf-8"),
}


def _complete_prefix(codec, data):
    """How many bytes at the start of `data` decode on their own with
    `codec`: the rest may be the start of a character the next chunk
    completes."""
    n = len(data)
    if codec == "utf-8":
        # The last lead byte among the final three, if its sequence is
        # cut short.
        for back in range(1, min(n, 4) + 1):
            b = data[n - back]
            if b & 0xC0 == 0x80:
                continue
            need = 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else \
                4 if 0xF0 <= b < 0xF8 else 1
            return n - back if need > back else n
        return n
    if codec in ("utf-16-le", "utf-16-be"):
        n -= n % 2
        if n >= 2:
            high = data[n - 1] if codec == "utf-16-le" else data[n - 2]
            if 0xD8 <= high <= 0xDB:
                n -= 2
        return n
    if codec in ("utf-32-le", "utf-32-be"):
        return n - n % 4
    if codec in ("unicode-escape", "raw-unicode-escape"):
        # An escape may run across chunks: decode these once all is read.
        return 0
    return n


_NEWLINE_KINDS = (None, "\r", "\n", ("\r", "\n"), "\r\n", ("\r", "\r\n"),
                  ("\n", "\r\n"), ("\r", "\n", "\r\n"))


class TextIOWrapper(TextIOBase):
    """Text over a binary stream `buffer`: decoding as it reads (a
    character cut between two chunks waits for the next), universal
    newlines, newline translation on writing, and writes gathered until
    a flush, a full chunk, a newline under `line_buffering`, or each one
    under `write_through` (as CPython's `_io.TextIOWrapper`)."""

    # Shown as CPython's type is (`<class '_io.TextIOWrapper'>`).
    __module__ = "_io"

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        for name, value in (("encoding", encoding), ("errors", errors),
                            ("newline", newline)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"TextIOWrapper() argument '{name}' must be "
                                f"str or None, not {type(value).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        self._codec = _codec_name(encoding)
        self._encoding = encoding
        self._errors = "strict" if errors is None else errors
        self._buffer = buffer
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ""
        self._writenl = newline or "\n"
        # Lines end at "\n" in the text read (the readline fast path).
        self._newline_is_lf = newline is None or newline == "\n"
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._readable = buffer.readable()
        self._writable = buffer.writable()
        self._seekable = self._telling = buffer.seekable()
        self._read1 = hasattr(buffer, "read1")
        self._pending_writes = []
        self._pending_count = 0
        self._reset_decoder(True)
        # A byte-order mark is written first, unless writing starts
        # past the start of the stream. On a stream that cannot seek (a
        # pipe) CPython writes none for UTF-16 and UTF-32 (its own
        # encoders use the native order there) but one for utf-8-sig.
        self._bom_pending = self._codec in _BOM_CODECS and (
            self._seekable or self._codec == "utf-8-sig")
        if self._bom_pending and self._seekable and self._writable:
            if buffer.tell() != 0:
                self._bom_pending = False

    def _reset_decoder(self, at_start):
        """Forgets what was read ahead; `at_start`: the next bytes are
        the stream's first (a byte-order mark may come)."""
        if at_start or not hasattr(self, "_decode_codec"):
            self._decode_codec = self._codec
        self._decoded = ""
        self._used = 0
        # The decoded text's form before newlines were translated, for
        # `tell()`.
        self._decoded_raw = ""
        self._undecoded = b""
        # A "\r" held back until the next chunk tells whether "\n"
        # follows.
        self._pendingcr = False
        self._seennl = 0

    # -- attributes -------------------------------------------------------

    @property
    def _buf(self):
        buffer = self._buffer
        if buffer is None:
            raise ValueError("underlying buffer has been detached")
        return buffer

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        if not self._readuniversal:
            return None
        return _NEWLINE_KINDS[self._seennl]

    @property
    def name(self):
        return self._buf.name

    @property
    def closed(self):
        return self._buf.closed

    def __repr__(self):
        text = "<_io.TextIOWrapper"
        if self._buffer is not None:
            try:
                text += f" name={self._buffer.name!r}"
            except AttributeError:
                pass
        mode = self.__dict__.get("mode")
        if mode is not None:
            text += f" mode={mode!r}"
        return text + f" encoding={self._encoding!r}>"

    def __del__(self):
        # Closes the buffer, as IOBase does (a detached wrapper has none).
        try:
            if self._buffer is not None and not self.closed:
                self.close()
        except Exception:
            pass

    def fileno(self):
        return self._buf.fileno()

    def isatty(self):
        return self._buf.isatty()

    def readable(self):
        return self._buf.readable()

    def writable(self):
        return self._buf.writable()

    def seekable(self):
        self._checkClosed()
        return self._seekable

    def _check_open(self):
        if self._buf.closed:
            raise ValueError("I/O operation on closed file.")

    # -- writing ----------------------------------------------------------

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not "
                            f"{type(s).__name__}")
        if not self._writable:
            raise UnsupportedOperation("not writable")
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and "\n" in s
        if haslf and self._writetranslate and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        needflush = self._line_buffering and (haslf or "\r" in s)
        codec = self._codec
        if self._bom_pending:
            self._bom_pending = False
        elif codec in _BOM_CODECS:
            codec = _BOM_CODECS[codec][2]
        data = s.encode(codec, self._errors)
        if self._pending_count + len(data) > self._CHUNK_SIZE:
            self._flush_writes()
        self._pending_writes.append(data)
        self._pending_count += len(data)
        if (self._pending_count >= self._CHUNK_SIZE or needflush
                or self._write_through):
            self._flush_writes()
        if needflush:
            self._buf.flush()
        # What was read ahead is forgotten.
        if self._decoded or self._undecoded or self._pendingcr:
            self._reset_decoder(False)
        return length

    def _flush_writes(self):
        if self._pending_writes:
            data = b"".join(self._pending_writes)
            self._pending_writes = []
            self._pending_count = 0
            self._buf.write(data)

    def flush(self):
        self._check_open()
        self._telling = self._seekable
        self._flush_writes()
        return self._buf.flush()

    def close(self):
        buffer = self._buf
        if not buffer.closed:
            try:
                self.flush()
            finally:
                buffer.close()

    def detach(self):
        buffer = self._buf
        self.flush()
        self._buffer = None
        return buffer

    # -- reading ----------------------------------------------------------

    def _check_readable(self):
        if not self._readable:
            raise UnsupportedOperation("not readable")

    def _read_bytes(self, size):
        buffer = self._buf
        if size < 0:
            data = buffer.read()
            method = "read"
        elif self._read1:
            data = buffer.read1(size)
            method = "read1"
        else:
            data = buffer.read(size)
            method = "read"
        if data is None:
            data = b""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"underlying {method}() should have returned a "
                            f"bytes-like object, not '{type(data).__name__}'")
        return bytes(data)

    def _decode(self, data, final):
        """Decodes what can be of the bytes held back and `data`; the
        text as read (newlines not translated)."""
        data = self._undecoded + data
        codec = self._decode_codec
        if codec in _BOM_CODECS:
            width, marks, default = _BOM_CODECS[codec]
            if len(data) < width and not final:
                self._undecoded = data
                return ""
            codec = default
            for mark, by_mark in marks:
                if data.startswith(mark):
                    data = data[len(mark):]
                    codec = by_mark
                    break
            self._decode_codec = codec
        n = len(data) if final else _complete_prefix(codec, data)
        self._undecoded = data[n:]
        return data[:n].decode(codec, self._errors)

    def _read_chunk(self, size=None):
        """Reads and decodes the next chunk (all that is left if `size`
        is negative) after what is unread; False at the end of input."""
        data = self._read_bytes(self._CHUNK_SIZE if size is None else size)
        final = not data or size is not None and size < 0
        raw = self._decode(data, final)
        if self._pendingcr:
            raw = "\r" + raw
            self._pendingcr = False
        if self._readuniversal and not final and raw.endswith("\r"):
            raw = raw[:-1]
            self._pendingcr = True
        text = raw
        if self._readuniversal and ("\r" in raw or "\n" in raw):
            crlf = raw.count("\r\n")
            seen = 0
            if raw.count("\r") > crlf:
                seen |= 1
            if raw.count("\n") > crlf:
                seen |= 2
            if crlf:
                seen |= 4
            self._seennl |= seen
            if self._readtranslate:
                text = raw.replace("\r\n", "\n").replace("\r", "\n")
        rest = self._decoded[self._used:]
        rest_raw = self._decoded_raw[self._raw_index():]
        self._decoded = rest + text
        self._decoded_raw = rest_raw + raw
        self._used = 0
        return bool(data)

    def _raw_index(self):
        """Where the unread text starts in its untranslated form: each
        "\\r\\n" before it was read as one "\\n"."""
        used = self._used
        if not self._readtranslate or len(self._decoded) == len(self._decoded_raw):
            return used
        raw = self._decoded_raw
        index = raw.find("\r\n")
        extra = 0
        while index != -1 and index - extra < used:
            extra += 1
            index = raw.find("\r\n", index + 2)
        return used + extra

    def _take(self, n):
        text = self._decoded[self._used:self._used + n]
        self._used += len(text)
        return text

    def read(self, size=-1):
        self._check_open()
        self._check_readable()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not "
                            f"'{type(size).__name__}'")
        self._flush_writes()
        if size < 0:
            self._read_chunk(-1)
            return self._take(len(self._decoded))
        while len(self._decoded) - self._used < size and self._read_chunk():
            pass
        return self._take(size)

    def _line_end(self, text, start):
        """The end of the first line in `text[start:]`, or -1."""
        if self._readtranslate or self._readnl == "\n":
            end = text.find("\n", start)
            return end + 1 if end >= 0 else -1
        if self._readuniversal:
            lf = text.find("\n", start)
            cr = text.find("\r", start)
            if cr < 0 or 0 <= lf < cr:
                return lf + 1 if lf >= 0 else -1
            # A held-back "\r" is never last unless input ended.
            return cr + 2 if text.startswith("\n", cr + 1) else cr + 1
        end = text.find(self._readnl, start)
        return end + len(self._readnl) if end >= 0 else -1

    def readline(self, size=-1):
        # The common case first: a whole line is already decoded.
        buffer = self._buffer
        if (size == -1 and self._newline_is_lf and buffer is not None
                and not self._pending_writes and not buffer.closed):
            used = self._used
            end = self._decoded.find("\n", used)
            if end >= 0:
                self._used = end + 1
                return self._decoded[used:end + 1]
        return self._readline(size)

    def _readline(self, size):
        self._check_open()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            try:
                size = size.__index__()
            except AttributeError:
                raise TypeError(f"'{type(size).__name__}' object cannot be "
                                f"interpreted as an integer") from None
        self._check_readable()
        self._flush_writes()
        start = self._used
        while True:
            end = self._line_end(self._decoded, start)
            if end >= 0:
                break
            if size >= 0 and len(self._decoded) - self._used >= size:
                break
            # The text read so far becomes `_decoded[:before]`: search on
            # from its last character (a "\r\n" may straddle chunks).
            before = len(self._decoded) - self._used
            more = self._read_chunk()
            start = max(0, before - 1)
            if not more:
                end = self._line_end(self._decoded, start)
                break
        if end < 0:
            end = len(self._decoded)
        n = end - self._used
        if size >= 0:
            n = min(n, size)
        return self._take(n)

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._telling = self._seekable
            raise StopIteration
        return line

    # -- positions --------------------------------------------------------

    def tell(self):
        self._check_open()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self.flush()
        position = self._buf.tell()
        unread = self._decoded_raw[self._raw_index():]
        if self._pendingcr:
            unread += "\r"
        codec = self._decode_codec
        if codec in _BOM_CODECS:
            codec = _BOM_CODECS[codec][2]
        return (position - len(self._undecoded)
                - len(unread.encode(codec, "replace")))

    def seek(self, cookie, whence=0):
        self._check_open()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative "
                                           "seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative "
                                           "seeks")
            self.flush()
            position = self._buf.seek(0, 2)
            self._reset_decoder(position == 0)
            self._bom_pending = False
            return position
        if whence != 0:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 "
                             f"or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self.flush()
        self._buf.seek(cookie)
        self._reset_decoder(cookie == 0)
        self._bom_pending = cookie == 0 and self._codec in _BOM_CODECS
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buf.truncate(pos)

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        """Changes the encoding, errors, newline handling or buffering
        (the encoding only before anything was read)."""
        if encoding is not None and errors is None:
            errors = "strict"
        if newline is not Ellipsis:
            if newline is not None and not isinstance(newline, str):
                raise TypeError(f"reconfigure() argument 'newline' must be "
                                f"str or None, not {type(newline).__name__}")
            if newline not in (None, "", "\n", "\r", "\r\n"):
                raise ValueError(f"illegal newline value: {newline}")
        self.flush()
        if encoding is not None:
            self._codec = _codec_name(encoding)
            self._encoding = encoding
            self._decode_codec = self._codec
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ""
            self._writenl = newline or "\n"
            self._newline_is_lf = newline is None or newline == "\n"
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)
        if write_through is not None:
            self._write_through = bool(write_through)


RawIOBase.register(FileIO)
for _type in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_type)
TextIOBase.register(StringIO)
TextIOWrapper.register(_FileTextIOWrapper)
del _type
