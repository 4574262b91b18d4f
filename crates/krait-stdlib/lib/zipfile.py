"""ZIP archives: `ZipFile` (modes "r", "w", "x", "a"), the `ZipInfo`
describing each member, `is_zipfile`, and the pathlib-like `Path`.

Members are stored (ZIP_STORED) or deflated (ZIP_DEFLATED, through
`zlib`); the bytes written equal CPython's for the same members, times
and levels.  ZIP64 records are read, and written when an archive needs
them (sizes or offsets past 2 GiB, more than 65535 members).

Not provided: bzip2 and LZMA members (krait has neither module, so they
fail as in a CPython built without them), decryption, writing to
unseekable streams (data descriptors), `PyZipFile`, `Path.glob`/`match`
and the command line.
"""

import io
import os
import struct
import sys
import time
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED",
           "ZIP_BZIP2", "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile",
           "LargeZipFile", "Path"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    """The archive would need ZIP64 extensions, which are disabled."""


BadZipfile = error = BadZipFile

ZIP64_LIMIT = 0x7FFFFFFF
ZIP_FILECOUNT_LIMIT = 0xFFFF
ZIP_MAX_COMMENT = 0xFFFF

ZIP_STORED, ZIP_DEFLATED, ZIP_BZIP2, ZIP_LZMA = 0, 8, 12, 14

DEFAULT_VERSION, ZIP64_VERSION, BZIP2_VERSION, LZMA_VERSION = 20, 45, 46, 63
MAX_EXTRACT_VERSION = LZMA_VERSION

compressor_names = {
    0: "store", 1: "shrink", 2: "reduce", 3: "reduce", 4: "reduce",
    5: "reduce", 6: "implode", 7: "tokenize", 8: "deflate", 9: "deflate64",
    10: "implode", 12: "bzip2", 14: "lzma", 18: "terse", 19: "lz77",
    97: "wavpack", 98: "ppmd",
}

# Record layouts (APPNOTE.TXT 4.3.7-4.3.16): struct format, signature.
structEndArchive, stringEndArchive = b"<4s4H2LH", b"PK\x05\x06"
structCentralDir, stringCentralDir = "<4s4B4HL2L5H2L", b"PK\x01\x02"
structFileHeader, stringFileHeader = "<4s2B4HL2L2H", b"PK\x03\x04"
structEndArchive64Locator, stringEndArchive64Locator = "<4sLQL", b"PK\x06\x07"
structEndArchive64, stringEndArchive64 = "<4sQ2H2L4Q", b"PK\x06\x06"

_END = struct.Struct(structEndArchive)
_CENTRAL = struct.Struct(structCentralDir)
_LOCAL = struct.Struct(structFileHeader)
_LOCATOR64 = struct.Struct(structEndArchive64Locator)
_END64 = struct.Struct(structEndArchive64)

sizeEndCentDir = _END.size
sizeCentralDir = _CENTRAL.size
sizeFileHeader = _LOCAL.size
sizeEndCentDir64Locator = _LOCATOR64.size
sizeEndCentDir64 = _END64.size

_SATURATED = 0xFFFFFFFF

# General purpose flag bits.
_FLAG_ENCRYPTED = 1 << 0
_FLAG_LZMA_EOS = 1 << 1
_FLAG_DATA_DESCRIPTOR = 1 << 3
_FLAG_PATCHED = 1 << 5
_FLAG_STRONG_ENCRYPTION = 1 << 6
_FLAG_UTF8 = 1 << 11

_CHUNK = 8192
_COPY_CHUNK = 1 << 16

# Code page 437 (names without the UTF-8 flag; krait has no cp437
# codec): the characters of bytes 0x80-0xFF.
_CP437_HIGH = (
    "\xc7\xfc\xe9\xe2\xe4\xe0\xe5\xe7\xea\xeb\xe8\xef\xee\xec\xc4\xc5"
    "\xc9\xe6\xc6\xf4\xf6\xf2\xfb\xf9\xff\xd6\xdc\xa2\xa3\xa5\u20a7\u0192"
    "\xe1\xed\xf3\xfa\xf1\xd1\xaa\xba\xbf\u2310\xac\xbd\xbc\xa1\xab\xbb"
    "\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551"
    "\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c\u2500\u253c"
    "\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568"
    "\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588"
    "\u2584\u258c\u2590\u2580\u03b1\xdf\u0393\u03c0\u03a3\u03c3\xb5\u03c4"
    "\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229\u2261\xb1\u2265"
    "\u2264\u2320\u2321\xf7\u2248\xb0\u2219\xb7\u221a\u207f\xb2\u25a0\xa0")


def _member_name(raw, flags, encoding):
    if flags & _FLAG_UTF8:
        return raw.decode("utf-8")
    if encoding is not None:
        return raw.decode(encoding)
    if raw.isascii():
        return raw.decode("ascii")
    return "".join([chr(b) if b < 0x80 else _CP437_HIGH[b - 0x80]
                    for b in raw])


_MISSING_MODULE = {ZIP_BZIP2: "bz2", ZIP_LZMA: "lzma"}


def _check_compression(compression):
    if compression in (ZIP_STORED, ZIP_DEFLATED):
        return
    missing = _MISSING_MODULE.get(compression)
    if missing is None:
        raise NotImplementedError(
            "That compression method is not supported")
    raise RuntimeError(f"Compression requires the (missing) {missing} module")


def _dos_time(date_time):
    y, mo, d, h, mi, s = date_time[:6]
    return (h << 11) | (mi << 5) | (s >> 1), ((y - 1980) << 9) | (mo << 5) | d


def _from_dos(dos_time, dos_date):
    return ((dos_date >> 9) + 1980, (dos_date >> 5) & 0xF, dos_date & 0x1F,
            dos_time >> 11, (dos_time >> 5) & 0x3F, (dos_time & 0x1F) * 2)


def _extra_fields(extra):
    # (header id, start of data, end of data) for each complete field.
    at, total = 0, len(extra)
    while at + 4 <= total:
        ident, length = struct.unpack_from("<HH", extra, at)
        yield ident, at + 4, at + 4 + length
        at += 4 + length


def _strip_extra(extra, ids):
    """`extra` without the fields whose header ids are in `ids`."""
    pieces = []
    last = 0
    for ident, start, end in _extra_fields(extra):
        if ident not in ids:
            pieces.append(extra[start - 4:end])
        last = end
    if last < len(extra):
        pieces.append(extra[last:])
    return b"".join(pieces)


def _needed_version(compress_type, zip64):
    need = ZIP64_VERSION if zip64 else 0
    if compress_type == ZIP_BZIP2:
        return max(need, BZIP2_VERSION)
    if compress_type == ZIP_LZMA:
        return max(need, LZMA_VERSION)
    return need


_KIND_CHARS = {0o140000: "s", 0o120000: "l", 0o100000: "-", 0o060000: "b",
               0o040000: "d", 0o020000: "c", 0o010000: "p"}


def _filemode(mode):
    # What stat.filemode gives (krait's stat lacks it).
    out = [_KIND_CHARS.get(mode & 0o170000, "?")]
    for shift, special, on, off in ((6, 0o4000, "s", "S"),
                                    (3, 0o2000, "s", "S"),
                                    (0, 0o1000, "t", "T")):
        trio = (mode >> shift) & 7
        out.append("r" if trio & 4 else "-")
        out.append("w" if trio & 2 else "-")
        if mode & special:
            out.append(on if trio & 1 else off)
        else:
            out.append("x" if trio & 1 else "-")
    return "".join(out)


class ZipInfo:
    """One archive member: name, time, sizes, compression, attributes."""

    __slots__ = ("orig_filename", "filename", "date_time", "compress_type",
                 "_compresslevel", "comment", "extra", "create_system",
                 "create_version", "extract_version", "reserved",
                 "flag_bits", "volume", "internal_attr", "external_attr",
                 "header_offset", "CRC", "compress_size", "file_size",
                 "_raw_time")

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # Some archivers pad names with NULs: the first one ends the name.
        cut = filename.find("\0")
        name = filename if cut < 0 else filename[:cut]
        if os.sep != "/":
            name = name.replace(os.sep, "/")
        self.filename = name
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = self.extra = b""
        self.create_system = 0 if sys.platform == "win32" else 3
        self.create_version = self.extract_version = DEFAULT_VERSION
        self.reserved = self.flag_bits = self.volume = 0
        self.internal_attr = self.external_attr = 0
        self.compress_size = self.file_size = 0

    def __repr__(self):
        text = f"<{type(self).__name__} filename={self.filename!r}"
        method = self.compress_type
        stored = method == ZIP_STORED
        if not stored:
            text += " compress_type=%s" % compressor_names.get(method, method)
        unix_mode, dos_bits = divmod(self.external_attr, 1 << 16)
        if unix_mode:
            text += f" filemode={_filemode(unix_mode)!r}"
        if dos_bits:
            text += " external_attr=%#x" % dos_bits
        folder = self.is_dir()
        size, packed = self.file_size, self.compress_size
        if size or not folder:
            text += f" file_size={size!r}"
        if (packed or not folder) and (size != packed or not stored):
            text += f" compress_size={packed!r}"
        return text + ">"

    def _encodeFilenameFlags(self):
        name = self.filename
        if name.isascii():
            return name.encode("ascii"), self.flag_bits
        return name.encode("utf-8"), self.flag_bits | _FLAG_UTF8

    def FileHeader(self, zip64=None):
        """The local header that precedes the member's data."""
        if self.flag_bits & _FLAG_DATA_DESCRIPTOR:
            crc = packed = size = 0
        else:
            crc, packed, size = self.CRC, self.compress_size, self.file_size
        if zip64 is None:
            zip64 = max(size, packed) > ZIP64_LIMIT
        extra = self.extra
        if zip64:
            extra += struct.pack("<HHQQ", 1, 16, size, packed)
            size = packed = _SATURATED
        need = _needed_version(self.compress_type, zip64)
        if need > self.extract_version:
            self.extract_version = need
        if need > self.create_version:
            self.create_version = need
        raw_name, flags = self._encodeFilenameFlags()
        dos_time, dos_date = _dos_time(self.date_time)
        fixed = _LOCAL.pack(
            stringFileHeader, self.extract_version, self.reserved, flags,
            self.compress_type, dos_time, dos_date, crc, packed, size,
            len(raw_name), len(extra))
        return b"".join((fixed, raw_name, extra))

    def _decodeExtra(self):
        # A ZIP64 field (id 1) holds, in order, the values saturated in
        # the fixed record.
        extra = self.extra
        for ident, start, end in _extra_fields(extra):
            if end > len(extra):
                raise BadZipFile("Corrupt extra field %04x (size=%d)"
                                 % (ident, end - start))
            if ident != 1:
                continue
            at = start
            for attr, label in (("file_size", "File size"),
                                ("compress_size", "Compress size"),
                                ("header_offset", "Header offset")):
                if getattr(self, attr) != _SATURATED:
                    continue
                if end - at < 8:
                    raise BadZipFile(f"Corrupt zip64 extra field. "
                                     f"{label} not found.")
                setattr(self, attr, struct.unpack_from("<Q", extra, at)[0])
                at += 8

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for file `filename`, archived as `arcname` (default:
        the path itself, made relative)."""
        path = os.fspath(filename)
        info = os.stat(path)
        folder = (info.st_mode & 0o170000) == 0o040000
        stamp = time.localtime(info.st_mtime)[:6]
        if not strict_timestamps:
            if stamp[0] < 1980:
                stamp = (1980, 1, 1, 0, 0, 0)
            elif stamp[0] > 2107:
                stamp = (2107, 12, 31, 23, 59, 59)
        name = os.path.normpath(
            os.path.splitdrive(path if arcname is None else arcname)[1])
        seps = (os.sep, os.altsep)
        while name[0] in seps:
            name = name[1:]
        if folder:
            name += "/"
        member = cls(name, stamp)
        member.external_attr = (info.st_mode & 0xFFFF) << 16
        if folder:
            member.file_size = 0
            member.external_attr |= 0x10
        else:
            member.file_size = info.st_size
        return member

    def is_dir(self):
        """Whether the member is a directory (name ending in "/")."""
        return self.filename[-1] == "/"


# ---------------------------------------------------------------------------
# Finding the end-of-central-directory record.

# Positions in the list _end_record returns: the record's fields, then
# its comment and its offset in the file.
_ECD_SIGNATURE = 0
_ECD_ENTRIES_TOTAL = 4
_ECD_SIZE = 5
_ECD_OFFSET = 6
_ECD_COMMENT = 8
_ECD_LOCATION = 9


def _end_record(fp):
    """The end-of-central-directory record of `fp` (its ZIP64 record's
    fields merged in), or None."""
    fp.seek(0, 2)
    file_len = fp.tell()
    try:
        fp.seek(-sizeEndCentDir, 2)
    except OSError:
        return None
    tail = fp.read()
    # The common case: no archive comment, the record ends the file.
    if len(tail) == sizeEndCentDir and tail.startswith(stringEndArchive) \
            and tail.endswith(b"\0\0"):
        fields = [*_END.unpack(tail), b"", file_len - sizeEndCentDir]
        return _with_zip64(fp, -sizeEndCentDir, fields)
    window = max(0, file_len - sizeEndCentDir - ZIP_MAX_COMMENT)
    fp.seek(window)
    tail = fp.read()
    found = tail.rfind(stringEndArchive)
    if found < 0 or len(tail) - found < sizeEndCentDir:
        return None
    fields = list(_END.unpack_from(tail, found))
    body = found + sizeEndCentDir
    fields.append(tail[body:body + fields[7]])
    fields.append(window + found)
    return _with_zip64(fp, window + found - file_len, fields)


def _with_zip64(fp, from_end, fields):
    # from_end: the (negative) offset of the classic record from the end.
    try:
        fp.seek(from_end - sizeEndCentDir64Locator, 2)
    except OSError:
        return fields
    blob = fp.read(sizeEndCentDir64Locator)
    if len(blob) < sizeEndCentDir64Locator:
        return fields
    magic, disk, _, disk_count = _LOCATOR64.unpack(blob)
    if magic != stringEndArchive64Locator:
        return fields
    if disk or disk_count > 1:
        raise BadZipFile(
            "zipfiles that span multiple disks are not supported")
    fp.seek(from_end - sizeEndCentDir64Locator - sizeEndCentDir64, 2)
    blob = fp.read(sizeEndCentDir64)
    if len(blob) < sizeEndCentDir64:
        return fields
    rec = _END64.unpack(blob)
    if rec[0] != stringEndArchive64:
        return fields
    # signature, this disk, directory disk, entries here, entries in
    # all, directory size, directory offset
    fields[0:7] = [rec[0], rec[4], rec[5], rec[6], rec[7], rec[8], rec[9]]
    return fields


def is_zipfile(filename):
    """Whether `filename` (a path or file object) has a ZIP
    end-of-central-directory record."""
    try:
        if hasattr(filename, "read"):
            return _end_record(filename) is not None
        with open(filename, "rb") as stream:
            return _end_record(stream) is not None
    except OSError:
        return False


def _closed_error(what="I/O operation on closed file."):
    return ValueError(what)


# ---------------------------------------------------------------------------
# Member streams.

class ZipExtFile(io.BufferedIOBase):
    """Reads one member's data, decompressed and CRC-checked at its end."""

    def __init__(self, fileobj, mode, zipinfo, pwd=None, close_fileobj=False):
        self._fileobj = fileobj
        self._data_start = fileobj.tell()
        self._zipinfo = zipinfo
        self._close_fileobj = close_fileobj
        self._method = zipinfo.compress_type
        self._expected_crc = getattr(zipinfo, "CRC", None)
        self.mode = mode
        self.name = zipinfo.filename
        self._closed = False
        self._rewind()

    def _rewind(self):
        info = self._zipinfo
        self._raw_pos = self._data_start
        self._raw_left = info.compress_size
        self._out_left = info.file_size
        self._inflater = None
        if self._method == ZIP_DEFLATED:
            self._inflater = zlib.decompressobj(-15)
        self._crc = 0
        self._eof = False
        self._buf = b""
        self._bufpos = 0
        self._pos = 0

    # CPython's name for the restart, used by seek.
    _restart = _rewind

    def __repr__(self):
        kind = type(self)
        text = f"<{kind.__module__}.{kind.__qualname__}"
        if self._closed:
            return text + " [closed]>"
        text += f" name={self.name!r} mode={self.mode!r}"
        if self._method != ZIP_STORED:
            text += " compress_type=%s" % compressor_names.get(
                self._method, self._method)
        return text + ">"

    @property
    def closed(self):
        return self._closed

    def close(self):
        if not self._closed:
            self._closed = True
            if self._close_fileobj:
                self._fileobj.close()

    def readable(self):
        if self._closed:
            raise _closed_error()
        return True

    seekable = readable

    def _raw(self, want):
        # The archive's file is shared by members: seek to our place.
        want = min(want, self._raw_left)
        if want <= 0:
            return b""
        src = self._fileobj
        src.seek(self._raw_pos)
        got = src.read(want)
        if not got:
            raise EOFError
        self._raw_pos += len(got)
        self._raw_left -= len(got)
        return got

    def _next_piece(self, hint):
        """The next decompressed bytes (about `hint`), b"" at the end; the
        CRC is checked once everything is out."""
        if self._eof:
            return b""
        step = hint if hint > _CHUNK else _CHUNK
        inflater = self._inflater
        if inflater is None:
            piece = self._raw(step)
            self._eof = self._raw_left <= 0
        else:
            while True:
                feed = inflater.unconsumed_tail
                if not feed:
                    feed = self._raw(step)
                piece = inflater.decompress(feed, step)
                self._eof = inflater.eof or (
                    self._raw_left <= 0 and not inflater.unconsumed_tail)
                if piece or self._eof:
                    break
                if not feed:
                    raise EOFError("Compressed file ended before the "
                                   "end-of-stream marker was reached")
        if len(piece) > self._out_left:
            piece = piece[:self._out_left]
        self._out_left -= len(piece)
        if self._out_left <= 0:
            self._eof = True
        self._crc = zlib.crc32(piece, self._crc)
        if self._eof and self._expected_crc is not None \
                and self._crc != self._expected_crc:
            raise BadZipFile(f"Bad CRC-32 for file {self.name!r}")
        return piece

    def _ensure_open(self):
        if self._closed:
            raise _closed_error("read from closed file.")

    def read(self, n=-1):
        self._ensure_open()
        buf, at = self._buf, self._bufpos
        if n is None or n < 0:
            chunks = [buf[at:]]
            self._buf, self._bufpos = b"", 0
            while not self._eof:
                chunks.append(self._next_piece(self._out_left))
            out = b"".join(chunks)
            self._pos += len(out)
            return out
        held = len(buf) - at
        if n <= held:
            self._bufpos = at + n
            self._pos += n
            return buf[at:at + n]
        chunks = [buf[at:]]
        self._buf, self._bufpos = b"", 0
        short = n - held
        while short > 0 and not self._eof:
            piece = self._next_piece(short)
            if len(piece) > short:
                self._buf, self._bufpos = piece, short
                piece = piece[:short]
            chunks.append(piece)
            short -= len(piece)
        out = b"".join(chunks)
        self._pos += len(out)
        return out

    def _refill(self):
        if self._bufpos >= len(self._buf):
            self._buf = b"" if self._eof else self._next_piece(_CHUNK)
            self._bufpos = 0
        return self._bufpos < len(self._buf)

    def read1(self, n=-1):
        self._ensure_open()
        if n is None or n < 0:
            n = _CHUNK
        if not n or not self._refill():
            return b""
        at = self._bufpos
        out = self._buf[at:at + n]
        self._bufpos = at + len(out)
        self._pos += len(out)
        return out

    def peek(self, n=1):
        self._ensure_open()
        self._refill()
        return self._buf[self._bufpos:self._bufpos + 512]

    def readline(self, limit=-1):
        self._ensure_open()
        if limit is None:
            limit = -1
        parts = []
        taken = 0
        while self._refill():
            buf, at = self._buf, self._bufpos
            stop = buf.find(b"\n", at)
            stop = len(buf) if stop < 0 else stop + 1
            if limit >= 0 and taken + (stop - at) > limit:
                stop = at + (limit - taken)
            piece = buf[at:stop]
            self._bufpos = stop
            parts.append(piece)
            taken += len(piece)
            if piece[-1:] == b"\n" or 0 <= limit <= taken:
                break
        self._pos += taken
        return b"".join(parts)

    def tell(self):
        if self._closed:
            raise _closed_error("tell on closed file.")
        return self._pos

    def seek(self, offset, whence=0):
        if self._closed:
            raise _closed_error("seek on closed file.")
        total = self._zipinfo.file_size
        if whence == 0:
            goal = offset
        elif whence == 1:
            goal = self._pos + offset
        elif whence == 2:
            goal = total + offset
        else:
            raise ValueError("whence must be os.SEEK_SET (0), os.SEEK_CUR "
                             "(1), or os.SEEK_END (2)")
        goal = min(max(goal, 0), total)
        base = self._pos - self._bufpos
        if base <= goal <= base + len(self._buf):
            self._bufpos = goal - base
            self._pos = goal
            return goal
        if goal < self._pos:
            self._rewind()
        while self._pos < goal and self.read(min(goal - self._pos, _CHUNK)):
            pass
        return self._pos


class _ZipWriteFile(io.BufferedIOBase):
    """What ZipFile.open(name, "w") returns: writes (compressed) member
    data, then completes the member's header on close."""

    def __init__(self, zipfile, zinfo, zip64):
        self._zipfile = zipfile
        self._zinfo = zinfo
        self._zip64 = zip64
        self._compressor = None
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo._compresslevel
            self._compressor = zlib.compressobj(
                zlib.Z_DEFAULT_COMPRESSION if level is None else level,
                zlib.DEFLATED, -15)
        self._file_size = self._compress_size = self._crc = 0
        self._closed = False

    @property
    def _fileobj(self):
        return self._zipfile.fp

    @property
    def closed(self):
        return self._closed

    def writable(self):
        return True

    def write(self, data):
        if self._closed:
            raise _closed_error()
        if type(data) is bytes or isinstance(data, bytearray):
            count = len(data)
        else:
            data = memoryview(data)
            count = data.nbytes
        self._file_size += count
        self._crc = zlib.crc32(data, self._crc)
        packer = self._compressor
        if packer is not None:
            data = packer.compress(data)
            self._compress_size += len(data)
        self._fileobj.write(data)
        return count

    def close(self):
        if self._closed:
            return
        owner = self._zipfile
        try:
            out = self._fileobj
            packer = self._compressor
            if packer is None:
                self._compress_size = self._file_size
            else:
                rest = packer.flush()
                self._compress_size += len(rest)
                out.write(rest)
            info = self._zinfo
            info.compress_size = self._compress_size
            info.CRC = self._crc
            info.file_size = self._file_size
            if not self._zip64:
                if info.file_size > ZIP64_LIMIT:
                    raise RuntimeError(
                        "File size too large, try using force_zip64")
                if info.compress_size > ZIP64_LIMIT:
                    raise RuntimeError(
                        "Compressed size too large, try using force_zip64")
            # Rewrite the local header, now that the sizes are known.
            end = out.tell()
            owner.start_dir = end
            out.seek(info.header_offset)
            out.write(info.FileHeader(self._zip64))
            out.seek(end)
            owner._register(info)
        finally:
            self._closed = True
            owner._writing = False


# ---------------------------------------------------------------------------
# Archives.

# How to open a path for each mode, with what to fall back to when the
# open fails ("a" creates a missing file).
_OPEN_MODES = {"r": "rb", "w": "w+b", "x": "x+b", "a": "r+b",
               "r+b": "w+b", "w+b": "wb", "x+b": "xb"}

_WRITE_MODES = ("w", "x", "a")


def _open_path(path, mode):
    how = _OPEN_MODES[mode]
    while True:
        try:
            return open(path, how)
        except OSError:
            if how not in _OPEN_MODES:
                raise
            how = _OPEN_MODES[how]


def _zip64_need(count, offset, size, count_name, offset_name, size_name):
    # Which limit an archive passes first (None: none).
    if count > ZIP_FILECOUNT_LIMIT:
        return count_name
    if offset > ZIP64_LIMIT:
        return offset_name
    if size > ZIP64_LIMIT:
        return size_name
    return None


def _copy_stream(source, target):
    while True:
        block = source.read(_COPY_CHUNK)
        if not block:
            return
        target.write(block)


class ZipFile:
    """A ZIP archive in a file (path or file object), opened to read
    ("r"), to write a new archive ("w", "x") or to add to one ("a")."""

    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True, compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self.mode = mode
        self.compression = compression
        self.compresslevel = compresslevel
        self._allowZip64 = allowZip64
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.pwd = None
        self._comment = b""
        if metadata_encoding and mode != "r":
            raise ValueError("metadata_encoding is only supported for "
                             "reading files")
        if isinstance(file, (str, os.PathLike)):
            self._filePassed = False
            self.filename = os.fspath(file)
            self.fp = _open_path(self.filename, mode)
        else:
            self._filePassed = True
            self.fp = file
            self.filename = getattr(file, "name", None)
        self._fileRefCnt = 1
        self._seekable = True
        self._writing = False
        try:
            self._prepare(mode)
        except BaseException:
            stream, self.fp = self.fp, None
            self._fpclose(stream)
            raise

    def _prepare(self, mode):
        if mode == "r":
            self._RealGetContents()
            return
        if mode == "a":
            try:
                self._RealGetContents()
            except BadZipFile:
                pass            # not an archive: append one at its end
            else:
                self.fp.seek(self.start_dir)
                return
            self.fp.seek(0, 2)
        self._didModify = True
        self.start_dir = self.fp.tell()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        kind = type(self)
        text = f"<{kind.__module__}.{kind.__qualname__}"
        if self.fp is None:
            return text + " [closed]>"
        if self._filePassed:
            text += f" file={self.fp!r}"
        elif self.filename is not None:
            text += f" filename={self.filename!r}"
        return text + f" mode={self.mode!r}>"

    def _register(self, info):
        self.filelist.append(info)
        self.NameToInfo[info.filename] = info

    def _RealGetContents(self):
        src = self.fp
        try:
            rec = _end_record(src)
        except OSError:
            rec = None
        if not rec:
            raise BadZipFile("File is not a zip file")
        dir_size, dir_offset = rec[_ECD_SIZE], rec[_ECD_OFFSET]
        self._comment = rec[_ECD_COMMENT]
        # Bytes in front of the archive (a self-extractor stub, say) move
        # every recorded offset by `shift`.
        shift = rec[_ECD_LOCATION] - dir_size - dir_offset
        if rec[_ECD_SIGNATURE] == stringEndArchive64:
            shift -= sizeEndCentDir64 + sizeEndCentDir64Locator
        start = dir_offset + shift
        self.start_dir = start
        if start < 0:
            raise BadZipFile("Bad offset for central directory")
        src.seek(start)
        directory = src.read(dir_size)
        encoding = self.metadata_encoding
        at = 0
        while at < dir_size:
            if len(directory) - at < sizeCentralDir:
                raise BadZipFile("Truncated central directory")
            (magic, made_version, made_system, need_version, reserved,
             flags, method, dos_time, dos_date, crc, packed, size, name_len,
             extra_len, comment_len, volume, internal, external,
             offset) = _CENTRAL.unpack_from(directory, at)
            if magic != stringCentralDir:
                raise BadZipFile("Bad magic number for central directory")
            at += sizeCentralDir
            raw_name = directory[at:at + name_len]
            at += name_len
            info = ZipInfo(_member_name(raw_name, flags, encoding))
            info.extra = directory[at:at + extra_len]
            at += extra_len
            info.comment = directory[at:at + comment_len]
            at += comment_len
            info.create_version = made_version
            info.create_system = made_system
            info.extract_version = need_version
            info.reserved = reserved
            info.flag_bits = flags
            info.compress_type = method
            info.CRC = crc
            info.compress_size = packed
            info.file_size = size
            if need_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError(
                    "zip file version %.1f" % (need_version / 10))
            info.volume = volume
            info.internal_attr = internal
            info.external_attr = external
            info.header_offset = offset
            info._raw_time = dos_time
            info.date_time = _from_dos(dos_time, dos_date)
            info._decodeExtra()
            info.header_offset += shift
            self._register(info)

    def namelist(self):
        """Member names in archive order."""
        return [info.filename for info in self.filelist]

    def infolist(self):
        """Member ZipInfo objects in archive order."""
        return self.filelist

    def printdir(self, file=None):
        """Print a table of the members to `file` (default stdout)."""
        print(f"{'File Name':<46} {'Modified    ':>19} {'Size':>12}",
              file=file)
        for info in self.filelist:
            stamp = "%d-%02d-%02d %02d:%02d:%02d" % info.date_time[:6]
            print(f"{info.filename:<46} {stamp} {info.file_size:12d}",
                  file=file)

    def testzip(self):
        """Name of the first member whose data fails its check, or None."""
        for info in self.filelist:
            try:
                with self.open(info.filename) as stream:
                    while stream.read(1 << 20):
                        pass
            except BadZipFile:
                return info.filename
        return None

    def getinfo(self, name):
        """The ZipInfo of member `name` (KeyError when there is none)."""
        try:
            return self.NameToInfo[name]
        except KeyError:
            pass
        raise KeyError(f"There is no item named {name!r} in the archive")

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError(f"pwd: expected bytes, got {type(pwd).__name__}")
        self.pwd = pwd if pwd else None

    @property
    def comment(self):
        """The archive comment, as bytes."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError(
                f"comment: expected bytes, got {type(comment).__name__}")
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn(f"Archive comment is too long; truncating to "
                          f"{ZIP_MAX_COMMENT} bytes", stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    def read(self, name, pwd=None):
        """Member `name`'s data, decompressed."""
        with self.open(name, "r", pwd) as stream:
            return stream.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        """A stream reading member `name` (name or ZipInfo); with mode "w",
        one writing a new member."""
        if mode != "r" and mode != "w":
            raise ValueError('open() requires mode "r" or "w"')
        writing = mode == "w"
        if pwd and writing:
            raise ValueError("pwd is only supported for reading files")
        if not self.fp:
            raise ValueError(
                "Attempt to use ZIP archive that was already closed")
        if isinstance(name, ZipInfo):
            info = name
        elif writing:
            info = ZipInfo(name)
            info.compress_type = self.compression
            info._compresslevel = self.compresslevel
        else:
            info = self.getinfo(name)
        if writing:
            return self._open_to_write(info, force_zip64=force_zip64)
        if self._writing:
            raise ValueError(
                "Can't read from the ZIP file while there is an open "
                "writing handle on it. Close the writing handle before "
                "trying to read.")
        return self._open_member(info, name, pwd)

    def _open_member(self, info, name, pwd):
        src = self.fp
        src.seek(info.header_offset)
        fixed = src.read(sizeFileHeader)
        if len(fixed) < sizeFileHeader:
            raise BadZipFile("Truncated file header")
        head = _LOCAL.unpack(fixed)
        if head[0] != stringFileHeader:
            raise BadZipFile("Bad magic number for file header")
        raw_name = src.read(head[10])
        if head[11]:
            src.seek(head[11], 1)
        flags = info.flag_bits
        if flags & _FLAG_PATCHED:
            raise NotImplementedError("compressed patched data (flag bit 5)")
        if flags & _FLAG_STRONG_ENCRYPTION:
            raise NotImplementedError("strong encryption (flag bit 6)")
        local_name = _member_name(raw_name, head[3], self.metadata_encoding)
        if local_name != info.orig_filename:
            raise BadZipFile(
                f"File name in directory {info.orig_filename!r} and header "
                f"{raw_name!r} differ.")
        if flags & _FLAG_ENCRYPTED:
            pwd = pwd or self.pwd
            if pwd and not isinstance(pwd, bytes):
                raise TypeError(
                    f"pwd: expected bytes, got {type(pwd).__name__}")
            if not pwd:
                raise RuntimeError(f"File {name!r} is encrypted, password "
                                   f"required for extraction")
            raise NotImplementedError("decrypting members is not supported")
        _check_compression(info.compress_type)
        return ZipExtFile(src, "r", info, pwd)

    def _open_to_write(self, zinfo, force_zip64=False):
        if force_zip64 and not self._allowZip64:
            raise ValueError("force_zip64 is True, but allowZip64 was False "
                             "when opening the ZIP file.")
        if self._writing:
            raise ValueError(
                "Can't write to the ZIP file while there is another write "
                "handle open on it. Close the first handle before opening "
                "another.")
        zinfo.compress_size = zinfo.CRC = 0
        zinfo.flag_bits = _FLAG_LZMA_EOS if zinfo.compress_type == ZIP_LZMA \
            else 0
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16          # -rw-------
        zip64 = self._allowZip64 and (
            force_zip64 or zinfo.file_size * 1.05 > ZIP64_LIMIT)
        out = self.fp
        out.seek(self.start_dir)
        zinfo.header_offset = out.tell()
        self._writecheck(zinfo)
        self._didModify = True
        out.write(zinfo.FileHeader(zip64))
        self._writing = True
        return _ZipWriteFile(self, zinfo, zip64)

    def _writecheck(self, zinfo):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn(f"Duplicate name: {zinfo.filename!r}",
                          stacklevel=3)
        if self.mode not in _WRITE_MODES:
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError(
                "Attempt to write ZIP archive that was already closed")
        _check_compression(zinfo.compress_type)
        if self._allowZip64:
            return
        if len(self.filelist) >= ZIP_FILECOUNT_LIMIT:
            reason = "Files count"
        else:
            reason = _zip64_need(0, zinfo.file_size, zinfo.header_offset,
                                 None, "Filesize", "Zipfile size")
        if reason:
            raise LargeZipFile(f"{reason} would require ZIP64 extensions")

    def _check_writable(self, dot=""):
        if not self.fp:
            raise ValueError(
                "Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open "
                             "writing handle exists" + dot)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Add file `filename` to the archive as `arcname`."""
        self._check_writable()
        info = ZipInfo.from_file(filename, arcname,
                                 strict_timestamps=self._strict_timestamps)
        if info.is_dir():
            info.compress_size = info.CRC = 0
            self.mkdir(info)
            return
        info.compress_type = self.compression if compress_type is None \
            else compress_type
        info._compresslevel = self.compresslevel if compresslevel is None \
            else compresslevel
        with open(filename, "rb") as source, self.open(info, "w") as target:
            _copy_stream(source, target)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Add a member holding `data` (str goes in as UTF-8), named by a
        string (dated now) or described by a ZipInfo."""
        if isinstance(data, str):
            data = data.encode()
        if isinstance(zinfo_or_arcname, ZipInfo):
            info = zinfo_or_arcname
        else:
            info = ZipInfo(zinfo_or_arcname, time.localtime(time.time())[:6])
            info.compress_type = self.compression
            info._compresslevel = self.compresslevel
            if info.filename.endswith("/"):
                # drwxrwxr-x, plus the MS-DOS directory bit
                info.external_attr = (0o40775 << 16) | 0x10
            else:
                info.external_attr = 0o600 << 16
        self._check_writable(".")
        if compress_type is not None:
            info.compress_type = compress_type
        if compresslevel is not None:
            info._compresslevel = compresslevel
        info.file_size = len(data)
        with self.open(info, mode="w") as target:
            target.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Add a directory member (a name, or a ZipInfo of a directory)."""
        given = zinfo_or_directory_name
        if isinstance(given, ZipInfo):
            if not given.is_dir():
                raise ValueError(
                    "The given ZipInfo does not describe a directory")
            info = given
        elif isinstance(given, str):
            info = ZipInfo(given if given.endswith("/") else given + "/")
            info.compress_size = info.CRC = info.file_size = 0
            info.external_attr = (((0o40000 | mode) & 0xFFFF) << 16) | 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        out = self.fp
        out.seek(self.start_dir)
        info.header_offset = out.tell()
        if info.compress_type == ZIP_LZMA:
            info.flag_bits |= _FLAG_LZMA_EOS
        self._writecheck(info)
        self._didModify = True
        self._register(info)
        out.write(info.FileHeader(False))
        self.start_dir = out.tell()

    def extract(self, member, path=None, pwd=None):
        """Extract `member` under `path` (default: the current folder);
        return the path written."""
        where = os.getcwd() if path is None else os.fspath(path)
        return self._extract_member(member, where, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Extract every member (or those of `members`) under `path`."""
        where = os.getcwd() if path is None else os.fspath(path)
        for member in self.namelist() if members is None else members:
            self._extract_member(member, where, pwd)

    def _extract_member(self, member, targetpath, pwd):
        info = member if isinstance(member, ZipInfo) else self.getinfo(member)
        # Stay inside targetpath: no drive, no empty, "." or ".." parts.
        sep = os.path.sep
        relative = info.filename.replace("/", sep)
        if os.path.altsep:
            relative = relative.replace(os.path.altsep, sep)
        skip = ("", os.path.curdir, os.path.pardir)
        relative = sep.join([part for part in
                             os.path.splitdrive(relative)[1].split(sep)
                             if part not in skip])
        dest = os.path.normpath(os.path.join(targetpath, relative))
        folder = os.path.dirname(dest)
        if folder and not os.path.exists(folder):
            os.makedirs(folder)
        if info.is_dir():
            if not os.path.isdir(dest):
                os.mkdir(dest)
            return dest
        with self.open(info, pwd=pwd) as source, open(dest, "wb") as target:
            _copy_stream(source, target)
        return dest

    def __del__(self):
        self.close()

    def close(self):
        """Write the central directory (when something changed) and close
        the file."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError(
                "Can't close the ZIP file while there is an open writing "
                "handle on it. Close the writing handle before closing the "
                "zip.")
        try:
            if self._didModify and self.mode in _WRITE_MODES:
                self.fp.seek(self.start_dir)
                self._write_end_record()
        finally:
            stream, self.fp = self.fp, None
            self._fpclose(stream)

    def _central_entry(self, info):
        dos_time, dos_date = _dos_time(info.date_time)
        big = []
        size, packed, offset = info.file_size, info.compress_size, \
            info.header_offset
        if size > ZIP64_LIMIT or packed > ZIP64_LIMIT:
            big += [size, packed]
            size = packed = _SATURATED
        if offset > ZIP64_LIMIT:
            big.append(offset)
            offset = _SATURATED
        extra = info.extra
        if big:
            extra = struct.pack(f"<HH{len(big)}Q", 1, 8 * len(big), *big) \
                + _strip_extra(extra, (1,))
        need = _needed_version(info.compress_type, bool(big))
        raw_name, flags = info._encodeFilenameFlags()
        fixed = _CENTRAL.pack(
            stringCentralDir, max(need, info.create_version),
            info.create_system, max(need, info.extract_version),
            info.reserved, flags, info.compress_type, dos_time, dos_date,
            info.CRC, packed, size, len(raw_name), len(extra),
            len(info.comment), 0, info.internal_attr, info.external_attr,
            offset)
        return b"".join((fixed, raw_name, extra, info.comment))

    def _write_end_record(self):
        out = self.fp
        for info in self.filelist:
            out.write(self._central_entry(info))
        dir_end = out.tell()
        entries = len(self.filelist)
        dir_start = self.start_dir
        dir_len = dir_end - dir_start
        reason = _zip64_need(entries, dir_start, dir_len, "Files count",
                             "Central directory offset",
                             "Central directory size")
        if reason:
            if not self._allowZip64:
                raise LargeZipFile(f"{reason} would require ZIP64 extensions")
            out.write(_END64.pack(stringEndArchive64, 44, 45, 45, 0, 0,
                                  entries, entries, dir_len, dir_start))
            out.write(_LOCATOR64.pack(stringEndArchive64Locator, 0, dir_end,
                                      1))
            entries = min(entries, 0xFFFF)
            dir_len = min(dir_len, _SATURATED)
            dir_start = min(dir_start, _SATURATED)
        out.write(_END.pack(stringEndArchive, 0, 0, entries, entries,
                            dir_len, dir_start, len(self._comment)))
        out.write(self._comment)
        if self.mode == "a":
            out.truncate()
        out.flush()

    def _fpclose(self, fp):
        if self._fileRefCnt <= 0:
            raise AssertionError
        self._fileRefCnt -= 1
        if self._fileRefCnt == 0 and not self._filePassed:
            fp.close()


# ---------------------------------------------------------------------------
# zipfile.Path

def _implied_dirs(names):
    """Folders the members' names imply but the archive does not list,
    in order of first appearance."""
    listed = set(names)
    found = {}
    for name in names:
        # Deepest first; runs of "/" count as one, as posixpath.split has it.
        head = name.rstrip("/")
        while True:
            cut = head.rfind("/")
            if cut < 0:
                break
            head = head[:cut].rstrip("/") or head[:cut + 1]
            if not head or head == "/" * len(head):
                break
            folder = head + "/"
            if folder not in listed:
                found[folder] = None
    return list(found)


class _TextWriter(io.TextIOBase):
    """Text written to a member that Path.open("w") opened (krait's
    io.TextIOWrapper cannot wrap a Python binary stream yet)."""

    def __init__(self, stream, encoding=None, errors=None, newline=None):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        self.buffer = stream
        self._encoding = "utf-8" if encoding in (None, "locale") else encoding
        self._errors = errors or "strict"
        self._newline = os.linesep if newline is None else newline

    encoding = property(lambda self: self._encoding)
    errors = property(lambda self: self._errors)
    closed = property(lambda self: self.buffer.closed)

    def writable(self):
        return True

    def write(self, s):
        if self.buffer.closed:
            raise _closed_error()
        if not isinstance(s, str):
            raise TypeError(
                f"write() argument must be str, not {type(s).__name__}")
        count = len(s)
        if self._newline and self._newline != "\n":
            s = s.replace("\n", self._newline)
        self.buffer.write(s.encode(self._encoding, self._errors))
        return count

    def flush(self):
        pass

    def close(self):
        self.buffer.close()


def _text_args(args, kwargs):
    options = dict(zip(("encoding", "errors", "newline"), args))
    options.update(kwargs)
    return (io.text_encoding(options.get("encoding")), options.get("errors"),
            options.get("newline"))


class Path:
    """A pathlib-like view of a path in an archive: `root` a ZipFile (or
    what to open as one), `at` the member path ("" for the top; folders
    end in "/").  Folders only implied by member names exist too.

    Text read is decoded whole into a StringIO (krait's io.TextIOWrapper
    cannot wrap a member stream); newline "\\r" and "\\r\\n" then split
    lines at any line ending."""

    def __init__(self, root, at=""):
        self.root = root if isinstance(root, ZipFile) else ZipFile(root)
        self.at = at

    def _names(self):
        # An archive opened for reading does not change: cache its names.
        archive = self.root
        known = getattr(archive, "_path_names", None)
        if known is None:
            listed = archive.namelist()
            known = listed + _implied_dirs(listed)
            if archive.mode == "r":
                archive._path_names = known
        return known

    def _next(self, at):
        return type(self)(self.root, at)

    def open(self, mode="r", *args, pwd=None, **kwargs):
        """The member opened to read ("r", "rb") or write ("w", "wb");
        text modes take TextIOWrapper's encoding arguments."""
        if self.is_dir():
            raise IsADirectoryError(self)
        how = mode[0]
        if how == "r" and not self.exists():
            raise FileNotFoundError(self)
        stream = self.root.open(self.at, how, pwd=pwd)
        if "b" in mode:
            if args or kwargs:
                raise ValueError("encoding args invalid for binary operation")
            return stream
        encoding, errors, newline = _text_args(args, kwargs)
        if how == "w":
            return _TextWriter(stream, encoding, errors, newline)
        with stream:
            raw = stream.read()
        text = raw.decode("utf-8" if encoding == "locale" else encoding,
                          errors or "strict")
        if newline is not None:
            return io.StringIO(text, newline="\n" if newline == "\n" else "")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return io.StringIO(text, newline="\n")

    def _pure(self):
        import pathlib
        return pathlib.PurePosixPath(self.at)

    @property
    def name(self):
        last = self.at.rstrip("/").rpartition("/")[2]
        return last or self.filename.name

    @property
    def suffix(self):
        return self._pure().suffix or self.filename.suffix

    @property
    def suffixes(self):
        return self._pure().suffixes or self.filename.suffixes

    @property
    def stem(self):
        return self._pure().stem or self.filename.stem

    @property
    def filename(self):
        import pathlib
        return pathlib.Path(self.root.filename) / self.at

    def read_text(self, *args, **kwargs):
        with self.open("r", *args, **kwargs) as stream:
            return stream.read()

    def read_bytes(self):
        with self.open("rb") as stream:
            return stream.read()

    def _is_child(self, path):
        # posixpath.dirname of the path without its trailing "/".
        other = path.at.rstrip("/")
        head = other[:other.rfind("/") + 1]
        if head.strip("/"):
            head = head.rstrip("/")
        return head == self.at.rstrip("/")

    def is_dir(self):
        return self.at == "" or self.at[-1] == "/"

    def is_file(self):
        return not self.is_dir() and self.exists()

    def exists(self):
        return self.at in self._names()

    def iterdir(self):
        if not self.is_dir():
            raise ValueError("Can't listdir a file")
        return filter(self._is_child, map(self._next, self._names()))

    def __str__(self):
        return os.path.join(self.root.filename, self.at)

    def __repr__(self):
        return f"{type(self).__name__}({self.root.filename!r}, {self.at!r})"

    def joinpath(self, *other):
        at = self.at
        for piece in map(os.fspath, other):
            if piece.startswith("/"):
                at = piece
            elif at and not at.endswith("/"):
                at = f"{at}/{piece}"
            else:
                at += piece
        # A name that only exists as a folder gets its "/".
        names = self._names()
        if at not in names and at + "/" in names:
            at += "/"
        return self._next(at)

    __truediv__ = joinpath

    @property
    def parent(self):
        if not self.at:
            return self.filename.parent
        trimmed = self.at.rstrip("/")
        return self._next(trimmed[:trimmed.rfind("/") + 1])
