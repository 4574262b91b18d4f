"""Reading and writing gzip files (RFC 1952): `compress`/`decompress` for
whole byte strings, `GzipFile` for streams, and `open` for binary or text
access to a gzip file.

The deflate work is done by `zlib`, so the bytes written equal CPython's
for the same data, compression level and mtime.

krait's `io.TextIOWrapper` cannot wrap a Python binary stream yet, so the
text modes of `open` use a small adapter of this module (`_GzipText`):
it decodes and encodes incrementally and handles `newline` as
`TextIOWrapper` does, but cannot `seek`/`tell` (and has no `detach` or
`reconfigure`). The command-line interface (`python -m gzip`) is left out.
"""

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ, WRITE = 1, 2

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_MAGIC = b"\x1f\x8b"
_CHUNK = io.DEFAULT_BUFFER_SIZE
_EBADF = 9
_TRUNCATED = ("Compressed file ended before the end-of-stream marker was "
              "reached")


class BadGzipFile(OSError):
    """Raised for data that is not valid gzip."""


def _header(compresslevel, mtime, fname=b""):
    # XFL tells readers how hard the compressor worked (RFC 1952 2.3.1).
    if compresslevel == _COMPRESS_LEVEL_BEST:
        extra_flags = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        extra_flags = 4
    else:
        extra_flags = 0
    head = struct.pack("<BBBBLBB", 0x1F, 0x8B, 8, FNAME if fname else 0,
                       int(mtime), extra_flags, 255)
    if fname:
        return head + fname + b"\x00"
    return head


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compresses `data` into one gzip member (stamped with the current
    time unless `mtime` is given)."""
    if mtime == 0:
        # As CPython: zlib writes the whole member itself (its header
        # says OS 3, "Unix", where the general path writes 255).
        return zlib.compress(data, compresslevel, 31)
    if mtime is None:
        mtime = time.time()
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    trailer = struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return _header(compresslevel, mtime) + body + trailer


class _ByteSource:
    """Reads compressed bytes from a file object, with a pushback buffer
    for what the decompressor read past the end of a member."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.pending = b""

    def read(self, size):
        pending = self.pending
        if pending:
            if size >= len(pending):
                self.pending = b""
                return pending
            self.pending = pending[size:]
            return pending[:size]
        return self.fileobj.read(size)

    def read_exact(self, size):
        data = self.read(size)
        while len(data) < size:
            more = self.read(size - len(data))
            if not more:
                raise EOFError(_TRUNCATED)
            data += more
        return data

    def read_until_nul(self):
        parts = []
        while True:
            byte = self.read(1)
            if not byte or byte == b"\x00":
                return b"".join(parts)
            parts.append(byte)

    def push_back(self, data):
        self.pending = data + self.pending if self.pending else data


def _read_member_header(source):
    """Consumes one member header; returns its mtime, or None at the end
    of the data."""
    magic = source.read(2)
    if magic == b"":
        return None
    if magic != _MAGIC:
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    method, flags, mtime = struct.unpack("<BBIxx", source.read_exact(8))
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    if flags & FEXTRA:
        extra_len, = struct.unpack("<H", source.read_exact(2))
        source.read_exact(extra_len)
    if flags & FNAME:
        source.read_until_nul()
    if flags & FCOMMENT:
        source.read_until_nul()
    if flags & FHCRC:
        source.read_exact(2)
    return mtime


def decompress(data):
    """Decompresses gzip `data`: every member, in order, skipping zero
    padding between and after members."""
    members = []
    while True:
        source = _ByteSource(io.BytesIO(data))
        if _read_member_header(source) is None:
            return b"".join(members)
        header_size = source.fileobj.tell() - len(source.pending)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        member = inflater.decompress(data[header_size:])
        rest = inflater.unused_data
        if not inflater.eof or len(rest) < 8:
            raise EOFError(_TRUNCATED)
        crc, size = struct.unpack("<II", rest[:8])
        if crc != zlib.crc32(member):
            raise BadGzipFile("CRC check failed")
        if size != len(member) & 0xFFFFFFFF:
            raise BadGzipFile("Incorrect length of data produced")
        members.append(member)
        data = rest[8:].lstrip(b"\x00")


class GzipFile(io.BufferedIOBase):
    """A binary stream reading or writing gzip data on a file (named by
    `filename`) or on `fileobj`. Reading goes through every member of the
    file; writing makes one member, closed by `close()`."""

    myfileobj = None
    fileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        given_mode = mode
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")

        if mode.startswith("r"):
            self.mode = READ
            self.name = filename
            self._source = _ByteSource(fileobj)
            self._reset_reader()
            self._size = -1
        elif mode.startswith(("w", "a", "x")):
            if given_mode is None:
                import warnings
                warnings.warn(
                    "GzipFile was opened for writing, but this will "
                    "change in future Python releases.  "
                    "Specify the mode argument for opening it for writing.",
                    FutureWarning, 2)
            self.mode = WRITE
            self.name = filename
            self.crc = zlib.crc32(b"")
            self.size = 0
            self.offset = 0
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_header(compresslevel)

    # -- common ------------------------------------------------------------

    @property
    def filename(self):
        import warnings
        warnings.warn("use the name attribute", DeprecationWarning, 2)
        if self.mode == WRITE and self.name[-3:] != ".gz":
            return self.name + ".gz"
        return self.name

    @property
    def mtime(self):
        """The modification time in the last member header read, or None."""
        if self.mode != READ:
            raise AttributeError("'GzipFile' object has no attribute "
                                 "'_buffer'")
        return self._last_mtime

    def __repr__(self):
        inner = repr(self.fileobj)
        return "<gzip " + inner[1:-1] + " " + hex(id(self)) + ">"

    @property
    def closed(self):
        return self.fileobj is None

    def _check_not_closed(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")

    def _check_mode(self, wanted, what):
        self._check_not_closed()
        if self.mode != wanted:
            role = "write-only" if wanted == READ else "read-only"
            raise OSError(_EBADF, f"{what}() on {role} GzipFile object")

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(struct.pack("<LL", self.crc,
                                          self.size & 0xFFFFFFFF))
            else:
                self._buffer = b""
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def fileno(self):
        return self.fileobj.fileno()

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def tell(self):
        self._check_not_closed()
        if self.mode == WRITE:
            return self.offset
        return self._pos

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError("Seek from end not supported")
            if offset < self.offset:
                raise OSError("Negative seek in write mode")
            # Moving forward in write mode writes zeros up to the target.
            count = offset - self.offset
            zeros = b"\x00" * 1024
            for _ in range(count // 1024):
                self.write(zeros)
            self.write(b"\x00" * (count % 1024))
            return self.offset
        self._check_not_closed()
        return self._seek_read(offset, whence)

    # -- writing -------------------------------------------------------------

    def _write_header(self, compresslevel):
        fname = os.path.basename(self.name)
        if not isinstance(fname, bytes):
            try:
                fname = fname.encode("latin-1")
            except UnicodeEncodeError:
                fname = b""
        if fname.endswith(b".gz"):
            fname = fname[:-3]
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(_header(compresslevel, mtime, fname))

    def write(self, data):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")
        if self.mode != WRITE:
            raise OSError(_EBADF, "write() on read-only GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    # -- reading -------------------------------------------------------------

    def _reset_reader(self):
        # `_buffer[_offset:]` is decompressed data not yet handed out;
        # `_pos` is the position of its first byte in the whole stream.
        self._buffer = b""
        self._offset = 0
        self._pos = 0
        self._eof = False
        self._new_member = True
        self._inflater = None
        self._last_mtime = None

    def _start_member(self):
        mtime = _read_member_header(self._source)
        if mtime is None:
            return False
        self._last_mtime = mtime
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        self._crc = zlib.crc32(b"")
        self._member_size = 0
        self._new_member = False
        return True

    def _end_member(self):
        source = self._source
        crc, size = struct.unpack("<II", source.read_exact(8))
        if crc != self._crc:
            raise BadGzipFile("CRC check failed %s != %s"
                              % (hex(crc), hex(self._crc)))
        if size != self._member_size & 0xFFFFFFFF:
            raise BadGzipFile("Incorrect length of data produced")
        # Members may be followed by zero padding (gzip FAQ #8).
        byte = b"\x00"
        while byte == b"\x00":
            byte = source.read(1)
        if byte:
            source.push_back(byte)
        self._new_member = True

    def _inflate(self, limit):
        """The next decompressed chunk (at most `limit` bytes unless
        `limit` is 0), or b"" at the end of the last member."""
        if self._eof:
            return b""
        source = self._source
        while True:
            if self._new_member:
                if self._inflater is not None and self._inflater.eof:
                    self._end_member()
                if not self._start_member():
                    self._eof = True
                    self._size = self._pos + len(self._buffer) - self._offset
                    return b""
            inflater = self._inflater
            raw = source.read(_CHUNK)
            data = inflater.decompress(raw, limit)
            if inflater.unconsumed_tail:
                source.push_back(inflater.unconsumed_tail)
            elif inflater.unused_data:
                source.push_back(inflater.unused_data)
            if inflater.eof:
                self._new_member = True
            if data:
                self._crc = zlib.crc32(data, self._crc)
                self._member_size += len(data)
                return data
            if not raw and not inflater.eof:
                raise EOFError(_TRUNCATED)

    def _take(self, size):
        # Hands out up to `size` buffered bytes.
        start = self._offset
        chunk = self._buffer[start:start + size]
        self._offset = start + len(chunk)
        self._pos += len(chunk)
        return chunk

    def _read_all(self):
        parts = [self._buffer[self._offset:]]
        self._buffer = b""
        self._offset = 0
        while True:
            data = self._inflate(0)
            if not data:
                break
            parts.append(data)
        result = b"".join(parts)
        self._pos += len(result)
        return result

    def read(self, size=-1):
        self._check_mode(READ, "read")
        if size is None or size < 0:
            return self._read_all()
        available = len(self._buffer) - self._offset
        if size <= available:
            return self._take(size)
        parts = [self._take(available)]
        needed = size - available
        while needed > 0:
            data = self._inflate(max(needed, _CHUNK))
            if not data:
                break
            if len(data) > needed:
                self._buffer = data
                self._offset = 0
                data = self._take(needed)
            else:
                self._pos += len(data)
            parts.append(data)
            needed -= len(data)
        return b"".join(parts)

    def _fill(self):
        """Makes the buffer non-empty unless at the end; returns whether
        there is buffered data."""
        if self._offset < len(self._buffer):
            return True
        data = self._inflate(_CHUNK)
        self._buffer = data
        self._offset = 0
        return bool(data)

    def read1(self, size=-1):
        self._check_mode(READ, "read1")
        if size is None or size < 0:
            size = _CHUNK
        if size == 0 or not self._fill():
            return b""
        return self._take(size)

    def peek(self, n):
        self._check_mode(READ, "peek")
        self._fill()
        return self._buffer[self._offset:]

    def readline(self, size=-1):
        if size is None or size < 0:
            # Fast path: a whole line in the buffer.
            buffer = self._buffer
            start = self._offset
            end = buffer.find(b"\n", start) + 1
            if end:
                self._offset = end
                self._pos += end - start
                return buffer[start:end]
        self._check_not_closed()
        if self.mode != READ:
            # CPython fails the same way (no read buffer in write mode).
            raise AttributeError("'GzipFile' object has no attribute "
                                 "'_buffer'")
        if size is None:
            size = -1
        parts = []
        got = 0
        while self._fill():
            buffer, start = self._buffer, self._offset
            end = buffer.find(b"\n", start) + 1
            if end == 0:
                end = len(buffer)
            if size >= 0 and got + end - start > size:
                end = start + size - got
            chunk = buffer[start:end]
            self._offset = end
            self._pos += len(chunk)
            parts.append(chunk)
            got += len(chunk)
            if chunk.endswith(b"\n") or (size >= 0 and got >= size):
                break
        return b"".join(parts)

    def __next__(self):
        # readline's fast path, inlined: iteration is the common way in.
        buffer = self._buffer
        start = self._offset
        end = buffer.find(b"\n", start) + 1
        if end:
            self._offset = end
            self._pos += end - start
            return buffer[start:end]
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def rewind(self):
        """Goes back to the start of the (compressed) file."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._check_not_closed()
        self._rewind()

    def _rewind(self):
        self.fileobj.seek(0)
        self._source = _ByteSource(self.fileobj)
        self._reset_reader()

    def _seek_read(self, offset, whence):
        if whence == io.SEEK_SET:
            pass
        elif whence == io.SEEK_CUR:
            offset += self._pos
        elif whence == io.SEEK_END:
            if self._size < 0:
                while self.read(_CHUNK):
                    pass
            offset += self._size
        else:
            raise ValueError("Invalid value for whence: {}".format(whence))
        # Within the buffer: move in it; before it: start over from the
        # beginning of the file; after it: read and discard.
        buffer_start = self._pos - self._offset
        if buffer_start <= offset <= self._pos + len(self._buffer) - self._offset:
            self._offset = offset - buffer_start
            self._pos = buffer_start + self._offset
            return self._pos
        if offset < buffer_start:
            self._rewind()
        remaining = offset - self._pos
        while remaining > 0:
            data = self.read(min(_CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
        return self._pos


_SINGLE_BYTE_CODECS = frozenset([
    "ascii", "us-ascii", "latin-1", "latin1", "iso8859-1", "l1",
    "cp1250", "cp1251", "cp1252", "windows-1252", "cp437", "cp850",
    "mac-roman", "koi8-r", "koi8-u"])


_BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe",
         "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
         "utf-32-be": b"\x00\x00\xfe\xff"}


class _GzipText(io.TextIOBase):
    """Text access to a binary GzipFile (stands in for io.TextIOWrapper,
    which cannot wrap a Python stream in krait yet)."""

    def __init__(self, buffer, encoding, errors=None, newline=None):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None or encoding == "locale":
            encoding = "utf-8"
        if errors is None:
            errors = "strict"
        self.buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        normalized = encoding.lower().replace("_", "-")
        # Encodings with a byte order mark write and strip it only once:
        # after the first chunk the BOM-less codec takes over.
        self._first_codec = normalized
        self._codec = {"utf-16": "utf-16-le", "utf16": "utf-16-le",
                       "utf-32": "utf-32-le", "utf32": "utf-32-le",
                       "utf-8-sig": "utf-8"}.get(normalized, normalized)
        self._started = False
        self._pending = b""   # undecoded bytes: an incomplete character
        self._held_cr = False  # universal newlines: a "\r" maybe before "\n"
        self._text = ""       # decoded text; self._text[_text_pos:] is
        self._text_pos = 0    # not handed out yet
        self._at_eof = False

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def name(self):
        return self.buffer.name

    @property
    def mode(self):
        return "r" if self.buffer.mode == READ else "w"

    @property
    def closed(self):
        return self.buffer.closed

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.buffer.fileno()

    def flush(self):
        self.buffer.flush()

    def close(self):
        self._text = ""
        self._text_pos = 0
        if not self.buffer.closed:
            self.buffer.close()

    def __repr__(self):
        return (f"<gzip text stream name={self.name!r} "
                f"encoding={self._encoding!r}>")

    def _check_open(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    # -- writing -------------------------------------------------------------

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, "
                            f"not {type(s).__name__}")
        length = len(s)
        newline = self._newline
        if newline is None:
            newline = os.linesep
        if newline not in ("", "\n") and "\n" in s:
            s = s.replace("\n", newline)
        if self._started:
            data = s.encode(self._codec, self._errors)
        else:
            data = s.encode(self._first_codec, self._errors)
            self._started = True
        self.buffer.write(data)
        return length

    # -- reading -------------------------------------------------------------

    def _decode(self, data, final):
        if not self._started:
            self._started = True
            first = self._first_codec
            if first in ("utf-16", "utf16") and data[:2] == b"\xfe\xff":
                self._codec = "utf-16-be"
            elif first in ("utf-32", "utf32") and data[:4] == b"\x00\x00\xfe\xff":
                self._codec = "utf-32-be"
            if first != self._codec:
                bom = _BOMS[self._codec]
                if data.startswith(bom):
                    data = data[len(bom):]
        if self._pending:
            data = self._pending + data
            self._pending = b""
        if not final:
            keep = self._incomplete_tail(data)
            if keep:
                self._pending = data[-keep:]
                data = data[:-keep]
        return data.decode(self._codec, self._errors)

    def _incomplete_tail(self, data):
        """How many bytes at the end of `data` may be the start of a
        character completed by the next chunk."""
        # Worked out from the bytes rather than from UnicodeDecodeError,
        # whose start/end krait does not always set.
        codec = self._codec
        size = len(data)
        if codec in ("utf-8", "utf8"):
            for back in range(1, min(3, size) + 1):
                byte = data[size - back]
                if byte & 0xC0 == 0x80:
                    continue
                if byte >= 0xC0:
                    needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
                    return back if needed > back else 0
                return 0
            return 0
        if codec in ("utf-16-le", "utf-16-be"):
            odd = size % 2
            if size - odd >= 2:
                high = data[size - odd - 1 if codec == "utf-16-le" else size - odd - 2]
                if 0xD8 <= high <= 0xDB:
                    return odd + 2
            return odd
        if codec in ("utf-32-le", "utf-32-be"):
            return size % 4
        if codec in _SINGLE_BYTE_CODECS or codec.startswith("iso-8859"):
            return 0
        # Unknown multibyte codec: decode everything at the end.
        return size

    def _more_text(self):
        """Decodes the next chunk into the text buffer; False at the end."""
        if self._at_eof:
            return False
        data = self.buffer.read1(_CHUNK)
        final = not data
        if final:
            self._at_eof = True
            if not self._pending and not self._held_cr:
                return False
        text = self._decode(data, final) if (data or self._pending) else ""
        if self._newline is None:
            if self._held_cr:
                text = "\r" + text
            self._held_cr = not final and text.endswith("\r")
            if self._held_cr:
                text = text[:-1]
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._text = self._text[self._text_pos:] + text
        self._text_pos = 0
        return True

    def _take(self, end):
        start = self._text_pos
        self._text_pos = end
        return self._text[start:end]

    def read(self, size=-1):
        self._check_open()
        self._checkReadable()
        if size is None or size < 0:
            text = self._decode(self.buffer.read(), True) if not self._at_eof else ""
            if self._newline is None:
                if self._held_cr:
                    text = "\r" + text
                    self._held_cr = False
                if "\r" in text:
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
            text = self._text[self._text_pos:] + text
            self._text = ""
            self._text_pos = 0
            self._at_eof = True
            return text
        while (len(self._text) - self._text_pos < size
               and self._more_text()):
            pass
        return self._take(min(self._text_pos + size, len(self._text)))

    def _line_end(self, text, start):
        """Index just past the first line ending in `text` at or after
        `start`, or -1."""
        newline = self._newline
        if newline is None:
            end = text.find("\n", start)
            return end + 1 if end >= 0 else -1
        if newline == "":
            lf = text.find("\n", start)
            cr = text.find("\r", start)
            if cr >= 0 and (lf < 0 or cr < lf):
                if cr + 1 < len(text):
                    return cr + 2 if text[cr + 1] == "\n" else cr + 1
                # A final "\r" may yet be followed by "\n".
                return cr + 1 if self._at_eof else -1
            return lf + 1 if lf >= 0 else -1
        end = text.find(newline, start)
        return end + len(newline) if end >= 0 else -1

    def readline(self, size=-1):
        if size is None:
            size = -1
        if size < 0 and self._newline is None:
            # Fast path: a whole line already decoded.
            end = self._text.find("\n", self._text_pos) + 1
            if end:
                return self._take(end)
        self._check_open()
        searched = self._text_pos
        while True:
            end = self._line_end(self._text, max(searched - 1, self._text_pos))
            if end >= 0 or 0 <= size <= len(self._text) - self._text_pos:
                break
            searched = len(self._text) - self._text_pos
            if not self._more_text():
                break
            searched += self._text_pos
        if end < 0:
            end = len(self._text)
        if 0 <= size < end - self._text_pos:
            end = self._text_pos + size
        return self._take(end)

    def __next__(self):
        if self._newline is None:
            end = self._text.find("\n", self._text_pos) + 1
            if end:
                start = self._text_pos
                self._text_pos = end
                return self._text[start:end]
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Opens a gzip file in binary ("r", "w", "a", "x", with or without
    "b") or text ("rt", "wt", "at", "xt") mode; `filename` is a path or a
    file object."""
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

    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")

    if "t" in mode:
        return _GzipText(binary_file, io.text_encoding(encoding), errors,
                         newline)
    return binary_file
