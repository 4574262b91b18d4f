"""Reading and writing ZIP archives: `ZipFile` (modes "r", "w", "x", "a"),
its members described by `ZipInfo`, and `is_zipfile`.

Members are stored (ZIP_STORED) or deflated (ZIP_DEFLATED, by `zlib`);
the archive bytes written equal CPython's for the same members, times and
levels. ZIP64 records are read, and written when an archive needs them
(sizes or offsets past 2 GiB, more than 65535 members).

`Path` offers the pathlib-like view of an archive; its text reading
decodes a member whole (see its docstring).

Left out: bzip2 and LZMA members (krait has neither module, so they fail
as CPython does without them), decrypting encrypted members, writing to
unseekable streams (data descriptors), `PyZipFile`, `Path.glob`/`match`,
and the command-line interface.
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
    """Raised when writing a zipfile that needs ZIP64 extensions while
    they are disabled."""


error = BadZipfile = BadZipFile

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14

DEFAULT_VERSION = 20
ZIP64_VERSION = 45
BZIP2_VERSION = 46
LZMA_VERSION = 63
MAX_EXTRACT_VERSION = 63

compressor_names = {
    0: "store", 1: "shrink", 2: "reduce", 3: "reduce", 4: "reduce",
    5: "reduce", 6: "implode", 7: "tokenize", 8: "deflate", 9: "deflate64",
    10: "implode", 12: "bzip2", 14: "lzma", 18: "terse", 19: "lz77",
    97: "wavpack", 98: "ppmd",
}

# The record layouts of the format (APPNOTE.TXT sections 4.3.7 to 4.3.16).
structEndArchive = b"<4s4H2LH"
stringEndArchive = b"PK\005\006"
sizeEndCentDir = struct.calcsize(structEndArchive)
structCentralDir = "<4s4B4HL2L5H2L"
stringCentralDir = b"PK\001\002"
sizeCentralDir = struct.calcsize(structCentralDir)
structFileHeader = "<4s2B4HL2L2H"
stringFileHeader = b"PK\003\004"
sizeFileHeader = struct.calcsize(structFileHeader)
structEndArchive64Locator = "<4sLQL"
stringEndArchive64Locator = b"PK\x06\x07"
sizeEndCentDir64Locator = struct.calcsize(structEndArchive64Locator)
structEndArchive64 = "<4sQ2H2L4Q"
stringEndArchive64 = b"PK\x06\x06"
sizeEndCentDir64 = struct.calcsize(structEndArchive64)

# Indexes into the end-of-archive record as `_end_record` returns it:
# the unpacked fields, then the comment and the record's file offset.
_ECD_SIGNATURE = 0
_ECD_ENTRIES_TOTAL = 4
_ECD_SIZE = 5
_ECD_OFFSET = 6
_ECD_COMMENT = 8
_ECD_LOCATION = 9

_FLAG_ENCRYPTED = 0x01
_FLAG_LZMA_EOS = 0x02
_FLAG_DATA_DESCRIPTOR = 0x08
_FLAG_PATCHED = 0x20
_FLAG_STRONG_ENCRYPTION = 0x40
_FLAG_UTF8 = 0x800

_CHUNK = 8192

# IBM PC code page 437, the names' encoding when the UTF-8 flag is clear
# (krait has no cp437 codec): the characters for bytes 0x80 to 0xFF.
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


def _decode_name(raw, encoding):
    if encoding is not None:
        return raw.decode(encoding)
    if raw.isascii():
        return raw.decode("ascii")
    high = _CP437_HIGH
    return "".join(chr(b) if b < 128 else high[b - 128] for b in raw)


def _check_compression(compression):
    if compression == ZIP_STORED or compression == ZIP_DEFLATED:
        return
    if compression == ZIP_BZIP2:
        raise RuntimeError("Compression requires the (missing) bz2 module")
    if compression == ZIP_LZMA:
        raise RuntimeError("Compression requires the (missing) lzma module")
    raise NotImplementedError("That compression method is not supported")


def _dos_time(date_time):
    year, month, day, hour, minute, second = date_time[:6]
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | (second // 2)
    return dostime, dosdate


def _strip_extra(extra, ids):
    """`extra` without the fields whose header ids are in `ids`."""
    kept = []
    pos = 0
    size = len(extra)
    while pos + 4 <= size:
        field_id, length = struct.unpack("<HH", extra[pos:pos + 4])
        end = pos + 4 + length
        if field_id not in ids:
            kept.append(extra[pos:end])
        pos = end
    return b"".join(kept) + extra[pos:] if pos < size else b"".join(kept)


_FILE_TYPE_CHARS = ((0o140000, "s"), (0o120000, "l"), (0o100000, "-"),
                    (0o060000, "b"), (0o040000, "d"), (0o020000, "c"),
                    (0o010000, "p"))


def _filemode(mode):
    # stat.filemode, which krait's stat module lacks.
    kind = "?"
    for bits, char in _FILE_TYPE_CHARS:
        if mode & 0o170000 == bits:
            kind = char
            break
    perms = []
    for shift, special, set_exec, set_noexec in ((6, 0o4000, "s", "S"),
                                                 (3, 0o2000, "s", "S"),
                                                 (0, 0o1000, "t", "T")):
        bits = mode >> shift
        perms.append("r" if bits & 4 else "-")
        perms.append("w" if bits & 2 else "-")
        if mode & special:
            perms.append(set_exec if bits & 1 else set_noexec)
        else:
            perms.append("x" if bits & 1 else "-")
    return kind + "".join(perms)


class ZipInfo:
    """The description of one archive member: its name, time, sizes,
    compression and attributes."""

    __slots__ = ("orig_filename", "filename", "date_time", "compress_type",
                 "_compresslevel", "comment", "extra", "create_system",
                 "create_version", "extract_version", "reserved",
                 "flag_bits", "volume", "internal_attr", "external_attr",
                 "header_offset", "CRC", "compress_size", "file_size",
                 "_raw_time")

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # A NUL ends the name (some archivers pad names with it).
        null_byte = filename.find(chr(0))
        if null_byte >= 0:
            filename = filename[:null_byte]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b""
        self.extra = b""
        self.create_system = 0 if sys.platform == "win32" else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0

    def __repr__(self):
        parts = ["<%s filename=%r" % (type(self).__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            parts.append(" compress_type=%s" % compressor_names.get(
                self.compress_type, self.compress_type))
        high = self.external_attr >> 16
        low = self.external_attr & 0xFFFF
        if high:
            parts.append(" filemode=%r" % _filemode(high))
        if low:
            parts.append(" external_attr=%#x" % low)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            parts.append(" file_size=%r" % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or
                 self.file_size != self.compress_size)):
            parts.append(" compress_size=%r" % self.compress_size)
        parts.append(">")
        return "".join(parts)

    def _versions(self, zip64):
        needed = ZIP64_VERSION if zip64 else 0
        if self.compress_type == ZIP_BZIP2:
            needed = max(BZIP2_VERSION, needed)
        elif self.compress_type == ZIP_LZMA:
            needed = max(LZMA_VERSION, needed)
        self.extract_version = max(needed, self.extract_version)
        self.create_version = max(needed, self.create_version)

    def FileHeader(self, zip64=None):
        """The local file header that precedes the member's data."""
        dostime, dosdate = _dos_time(self.date_time)
        if self.flag_bits & _FLAG_DATA_DESCRIPTOR:
            crc = compress_size = file_size = 0
        else:
            crc = self.CRC
            compress_size = self.compress_size
            file_size = self.file_size
        extra = self.extra
        if zip64 is None:
            zip64 = file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT
        if zip64:
            extra = extra + struct.pack("<HHQQ", 1, 16, file_size,
                                        compress_size)
            file_size = compress_size = 0xFFFFFFFF
        self._versions(zip64)
        filename, flag_bits = self._encodeFilenameFlags()
        header = struct.pack(structFileHeader, stringFileHeader,
                             self.extract_version, self.reserved, flag_bits,
                             self.compress_type, dostime, dosdate, crc,
                             compress_size, file_size, len(filename),
                             len(extra))
        return header + filename + extra

    def _encodeFilenameFlags(self):
        try:
            return self.filename.encode("ascii"), self.flag_bits
        except UnicodeEncodeError:
            return (self.filename.encode("utf-8"),
                    self.flag_bits | _FLAG_UTF8)

    def _decodeExtra(self):
        # Fill in the sizes and offset a ZIP64 field (id 1) carries for
        # the ones saturated at 0xFFFFFFFF in the fixed record.
        extra = self.extra
        pos = 0
        while pos + 4 <= len(extra):
            field_id, length = struct.unpack("<HH", extra[pos:pos + 4])
            if pos + 4 + length > len(extra):
                raise BadZipFile("Corrupt extra field %04x (size=%d)"
                                 % (field_id, length))
            if field_id == 1:
                data = extra[pos + 4:pos + 4 + length]
                for attr, label in (("file_size", "File size"),
                                    ("compress_size", "Compress size"),
                                    ("header_offset", "Header offset")):
                    if getattr(self, attr) == 0xFFFFFFFF:
                        if len(data) < 8:
                            raise BadZipFile("Corrupt zip64 extra field. "
                                             "%s not found." % label)
                        setattr(self, attr, struct.unpack("<Q", data[:8])[0])
                        data = data[8:]
            pos += 4 + length

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for the file `filename`, to be archived as `arcname`
        (by default the path itself, made relative)."""
        import stat
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        date_time = time.localtime(st.st_mtime)[:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += "/"
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        """Whether the member is a directory (its name ends with "/")."""
        return self.filename[-1] == "/"


def _end_record(fp):
    """The end-of-central-directory record of the archive in `fp` (merged
    with its ZIP64 record if there is one), or None."""
    fp.seek(0, 2)
    filesize = fp.tell()
    # Usually there is no archive comment and the record ends the file.
    try:
        fp.seek(-sizeEndCentDir, 2)
    except OSError:
        return None
    data = fp.read()
    if (len(data) == sizeEndCentDir and data[:4] == stringEndArchive
            and data[-2:] == b"\x00\x00"):
        record = list(struct.unpack(structEndArchive, data))
        record.append(b"")
        record.append(filesize - sizeEndCentDir)
        return _merge_end_record64(fp, -sizeEndCentDir, record)
    # Otherwise look for it within the longest comment's reach.
    search_start = max(filesize - ZIP_MAX_COMMENT - sizeEndCentDir, 0)
    fp.seek(search_start, 0)
    data = fp.read()
    start = data.rfind(stringEndArchive)
    if start < 0:
        return None
    fixed = data[start:start + sizeEndCentDir]
    if len(fixed) != sizeEndCentDir:
        return None
    record = list(struct.unpack(structEndArchive, fixed))
    comment_size = record[7]
    comment_start = start + sizeEndCentDir
    record.append(data[comment_start:comment_start + comment_size])
    record.append(search_start + start)
    return _merge_end_record64(fp, search_start + start - filesize, record)


def _merge_end_record64(fp, offset, record):
    try:
        fp.seek(offset - sizeEndCentDir64Locator, 2)
    except OSError:
        return record
    data = fp.read(sizeEndCentDir64Locator)
    if len(data) != sizeEndCentDir64Locator:
        return record
    sig, diskno, _, disks = struct.unpack(structEndArchive64Locator, data)
    if sig != stringEndArchive64Locator:
        return record
    if diskno != 0 or disks > 1:
        raise BadZipFile("zipfiles that span multiple disks are not supported")
    fp.seek(offset - sizeEndCentDir64Locator - sizeEndCentDir64, 2)
    data = fp.read(sizeEndCentDir64)
    if len(data) != sizeEndCentDir64:
        return record
    (sig, _, _, _, disk_num, disk_dir, count, count_total, dir_size,
     dir_offset) = struct.unpack(structEndArchive64, data)
    if sig != stringEndArchive64:
        return record
    record[0:7] = [sig, disk_num, disk_dir, count, count_total, dir_size,
                   dir_offset]
    return record


def is_zipfile(filename):
    """Whether `filename` (a path or a file object) looks like a ZIP
    archive: it has an end-of-central-directory record."""
    try:
        if hasattr(filename, "read"):
            return _end_record(filename) is not None
        with open(filename, "rb") as fp:
            return _end_record(fp) is not None
    except OSError:
        return False


class ZipExtFile(io.BufferedIOBase):
    """A readable stream over one member's data: decompressed, and
    checked against its CRC-32 at the end."""

    def __init__(self, fileobj, mode, zipinfo, pwd=None, close_fileobj=False):
        self._fileobj = fileobj
        self._data_start = fileobj.tell()
        self._zipinfo = zipinfo
        self._close_fileobj = close_fileobj
        self._compress_type = zipinfo.compress_type
        self._expected_crc = zipinfo.CRC if hasattr(zipinfo, "CRC") else None
        self.mode = mode
        self.name = zipinfo.filename
        self._closed = False
        self._restart()

    def _restart(self):
        self._raw_pos = self._data_start
        self._compress_left = self._zipinfo.compress_size
        self._left = self._zipinfo.file_size
        self._inflater = (zlib.decompressobj(-15)
                          if self._compress_type == ZIP_DEFLATED else None)
        self._crc = 0
        self._eof = False
        self._buffer = b""
        self._offset = 0
        self._pos = 0

    def __repr__(self):
        result = ["<%s.%s" % (type(self).__module__, type(self).__qualname__)]
        if not self._closed:
            result.append(" name=%r mode=%r" % (self.name, self.mode))
            if self._compress_type != ZIP_STORED:
                result.append(" compress_type=%s" % compressor_names.get(
                    self._compress_type, self._compress_type))
        else:
            result.append(" [closed]")
        result.append(">")
        return "".join(result)

    @property
    def closed(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._close_fileobj:
            self._fileobj.close()

    def readable(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return True

    def seekable(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return True

    def _read_raw(self, size):
        # Members share the archive's file object: seek to our own place.
        size = min(size, self._compress_left)
        if size <= 0:
            return b""
        fileobj = self._fileobj
        fileobj.seek(self._raw_pos)
        data = fileobj.read(size)
        if not data:
            raise EOFError
        self._raw_pos += len(data)
        self._compress_left -= len(data)
        return data

    def _inflate(self, size):
        """The next piece of member data (`size` a hint), b"" at the end;
        checks the CRC once all data is out."""
        if self._eof:
            return b""
        inflater = self._inflater
        if inflater is None:
            data = self._read_raw(max(size, _CHUNK))
            self._eof = self._compress_left <= 0
        else:
            while True:
                raw = inflater.unconsumed_tail or self._read_raw(max(size, _CHUNK))
                data = inflater.decompress(raw, max(size, _CHUNK))
                self._eof = inflater.eof or (
                    self._compress_left <= 0 and not inflater.unconsumed_tail)
                if data or self._eof:
                    break
                if not raw:
                    raise EOFError("Compressed file ended before the "
                                   "end-of-stream marker was reached")
        data = data[:self._left]
        self._left -= len(data)
        if self._left <= 0:
            self._eof = True
        self._crc = zlib.crc32(data, self._crc)
        if self._eof and self._expected_crc is not None \
                and self._crc != self._expected_crc:
            raise BadZipFile("Bad CRC-32 for file %r" % self.name)
        return data

    def _check_open(self):
        if self._closed:
            raise ValueError("read from closed file.")

    def read(self, n=-1):
        self._check_open()
        if n is None or n < 0:
            parts = [self._buffer[self._offset:]]
            self._buffer = b""
            self._offset = 0
            while not self._eof:
                parts.append(self._inflate(self._left))
            data = b"".join(parts)
            self._pos += len(data)
            return data
        start = self._offset
        available = len(self._buffer) - start
        if n <= available:
            self._offset = start + n
            self._pos += n
            return self._buffer[start:start + n]
        parts = [self._buffer[start:]]
        self._buffer = b""
        self._offset = 0
        needed = n - available
        while needed > 0 and not self._eof:
            data = self._inflate(needed)
            if len(data) > needed:
                self._buffer = data
                self._offset = needed
                data = data[:needed]
            parts.append(data)
            needed -= len(data)
        data = b"".join(parts)
        self._pos += len(data)
        return data

    def _fill(self):
        if self._offset >= len(self._buffer):
            self._buffer = b"" if self._eof else self._inflate(_CHUNK)
            self._offset = 0
        return self._offset < len(self._buffer)

    def read1(self, n=-1):
        self._check_open()
        if n is None or n < 0:
            n = _CHUNK
        if n == 0 or not self._fill():
            return b""
        start = self._offset
        data = self._buffer[start:start + n]
        self._offset = start + len(data)
        self._pos += len(data)
        return data

    def peek(self, n=1):
        self._check_open()
        self._fill()
        return self._buffer[self._offset:self._offset + 512]

    def readline(self, limit=-1):
        self._check_open()
        if limit is None:
            limit = -1
        parts = []
        got = 0
        while self._fill():
            buffer, start = self._buffer, self._offset
            end = buffer.find(b"\n", start) + 1
            if end == 0:
                end = len(buffer)
            if 0 <= limit < got + end - start:
                end = start + limit - got
            piece = buffer[start:end]
            self._offset = end
            parts.append(piece)
            got += len(piece)
            if piece.endswith(b"\n") or (0 <= limit <= got):
                break
        self._pos += got
        return b"".join(parts)

    def tell(self):
        if self._closed:
            raise ValueError("tell on closed file.")
        return self._pos

    def seek(self, offset, whence=0):
        if self._closed:
            raise ValueError("seek on closed file.")
        if whence == 0:
            target = offset
        elif whence == 1:
            target = self._pos + offset
        elif whence == 2:
            target = self._zipinfo.file_size + offset
        else:
            raise ValueError("whence must be os.SEEK_SET (0), "
                             "os.SEEK_CUR (1), or os.SEEK_END (2)")
        target = max(0, min(target, self._zipinfo.file_size))
        buffer_start = self._pos - self._offset
        if buffer_start <= target <= buffer_start + len(self._buffer):
            self._offset = target - buffer_start
            self._pos = target
            return target
        if target < self._pos:
            self._restart()
        while self._pos < target:
            if not self.read(min(target - self._pos, _CHUNK)):
                break
        return self._pos


class _ZipWriteFile(io.BufferedIOBase):
    """The stream `ZipFile.open(name, "w")` returns: compresses what is
    written into the archive, then completes the member's header."""

    def __init__(self, zipfile, zinfo, zip64):
        self._zinfo = zinfo
        self._zip64 = zip64
        self._zipfile = zipfile
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo._compresslevel
            if level is None:
                level = zlib.Z_DEFAULT_COMPRESSION
            self._compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        else:
            self._compressor = None
        self._file_size = 0
        self._compress_size = 0
        self._crc = 0
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
            raise ValueError("I/O operation on closed file.")
        if isinstance(data, (bytes, bytearray)):
            nbytes = len(data)
        else:
            data = memoryview(data)
            nbytes = data.nbytes
        self._file_size += nbytes
        self._crc = zlib.crc32(data, self._crc)
        if self._compressor is not None:
            data = self._compressor.compress(data)
            self._compress_size += len(data)
        self._fileobj.write(data)
        return nbytes

    def close(self):
        if self._closed:
            return
        try:
            fileobj = self._fileobj
            if self._compressor is not None:
                tail = self._compressor.flush()
                self._compress_size += len(tail)
                fileobj.write(tail)
            else:
                self._compress_size = self._file_size
            zinfo = self._zinfo
            zinfo.compress_size = self._compress_size
            zinfo.CRC = self._crc
            zinfo.file_size = self._file_size
            if not self._zip64:
                if self._file_size > ZIP64_LIMIT:
                    raise RuntimeError("File size too large, try using "
                                       "force_zip64")
                if self._compress_size > ZIP64_LIMIT:
                    raise RuntimeError("Compressed size too large, try "
                                       "using force_zip64")
            # Go back and write the header again, now with the sizes.
            zipfile = self._zipfile
            zipfile.start_dir = fileobj.tell()
            fileobj.seek(zinfo.header_offset)
            fileobj.write(zinfo.FileHeader(self._zip64))
            fileobj.seek(zipfile.start_dir)
            zipfile.filelist.append(zinfo)
            zipfile.NameToInfo[zinfo.filename] = zinfo
        finally:
            self._closed = True
            self._zipfile._writing = False


class ZipFile:
    """A ZIP archive on a file (a path or a file object), opened for
    reading ("r"), writing a new archive ("w", "x") or adding to one
    ("a")."""

    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED,
                 allowZip64=True, compresslevel=None, *,
                 strict_timestamps=True, metadata_encoding=None):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self._allowZip64 = allowZip64
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b""
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        if self.metadata_encoding and mode != "r":
            raise ValueError(
                "metadata_encoding is only supported for reading files")

        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = False
            self.filename = file
            # "a" falls back to creating the file when it does not exist.
            fallback = {"r": "rb", "w": "w+b", "x": "x+b", "a": "r+b",
                        "r+b": "w+b", "w+b": "wb", "x+b": "xb"}
            filemode = fallback[mode]
            while True:
                try:
                    self.fp = open(file, filemode)
                except OSError:
                    if filemode in fallback:
                        filemode = fallback[filemode]
                        continue
                    raise
                break
        else:
            self._filePassed = True
            self.fp = file
            self.filename = getattr(file, "name", None)
        self._fileRefCnt = 1
        self._seekable = True
        self._writing = False

        try:
            if mode == "r":
                self._RealGetContents()
            elif mode in ("w", "x"):
                self._didModify = True
                self.start_dir = self.fp.tell()
            else:
                try:
                    self._RealGetContents()
                    self.fp.seek(self.start_dir)
                except BadZipFile:
                    # Not an archive yet: append one to the file's end.
                    self.fp.seek(0, 2)
                    self._didModify = True
                    self.start_dir = self.fp.tell()
        except BaseException:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)
            raise

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ["<%s.%s" % (type(self).__module__, type(self).__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(" file=%r" % self.fp)
            elif self.filename is not None:
                result.append(" filename=%r" % self.filename)
            result.append(" mode=%r" % self.mode)
        else:
            result.append(" [closed]")
        result.append(">")
        return "".join(result)

    def _RealGetContents(self):
        fp = self.fp
        try:
            record = _end_record(fp)
        except OSError:
            raise BadZipFile("File is not a zip file")
        if not record:
            raise BadZipFile("File is not a zip file")
        size_cd = record[_ECD_SIZE]
        offset_cd = record[_ECD_OFFSET]
        self._comment = record[_ECD_COMMENT]
        # Bytes before the archive (a self-extractor's stub, say) shift
        # every recorded offset by `concat`.
        concat = record[_ECD_LOCATION] - size_cd - offset_cd
        if record[_ECD_SIGNATURE] == stringEndArchive64:
            concat -= sizeEndCentDir64 + sizeEndCentDir64Locator
        self.start_dir = offset_cd + concat
        if self.start_dir < 0:
            raise BadZipFile("Bad offset for central directory")
        fp.seek(self.start_dir, 0)
        data = fp.read(size_cd)
        pos = 0
        encoding = self.metadata_encoding
        while pos < size_cd:
            fixed = data[pos:pos + sizeCentralDir]
            if len(fixed) != sizeCentralDir:
                raise BadZipFile("Truncated central directory")
            centdir = struct.unpack(structCentralDir, fixed)
            if centdir[0] != stringCentralDir:
                raise BadZipFile("Bad magic number for central directory")
            name_len, extra_len, comment_len = centdir[12:15]
            pos += sizeCentralDir
            raw_name = data[pos:pos + name_len]
            pos += name_len
            flags = centdir[5]
            if flags & _FLAG_UTF8:
                filename = raw_name.decode("utf-8")
            else:
                filename = _decode_name(raw_name, encoding)
            info = ZipInfo(filename)
            info.extra = data[pos:pos + extra_len]
            pos += extra_len
            info.comment = data[pos:pos + comment_len]
            pos += comment_len
            (info.create_version, info.create_system, info.extract_version,
             info.reserved, info.flag_bits, info.compress_type, t, d,
             info.CRC, info.compress_size, info.file_size) = centdir[1:12]
            if info.extract_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError("zip file version %.1f"
                                          % (info.extract_version / 10))
            info.volume, info.internal_attr, info.external_attr = centdir[15:18]
            info.header_offset = centdir[18]
            info._raw_time = t
            info.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F,
                              t >> 11, (t >> 5) & 0x3F, (t & 0x1F) * 2)
            info._decodeExtra()
            info.header_offset += concat
            self.filelist.append(info)
            self.NameToInfo[info.filename] = info

    def namelist(self):
        """The members' names, in archive order."""
        return [info.filename for info in self.filelist]

    def infolist(self):
        """The members' ZipInfo objects, in archive order."""
        return self.filelist

    def printdir(self, file=None):
        """Prints a table of the members to `file` (stdout by default)."""
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"),
              file=file)
        for info in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % info.date_time[:6]
            print("%-46s %s %12d" % (info.filename, date, info.file_size),
                  file=file)

    def testzip(self):
        """The name of the first member whose data is corrupt, or None."""
        for info in self.filelist:
            try:
                with self.open(info.filename, "r") as member:
                    while member.read(1 << 20):
                        pass
            except BadZipFile:
                return info.filename
        return None

    def getinfo(self, name):
        """The ZipInfo of member `name`; KeyError if there is none."""
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError("There is no item named %r in the archive" % name)
        return info

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        """The archive comment (bytes)."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s"
                            % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn("Archive comment is too long; truncating to %d "
                          "bytes" % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    def read(self, name, pwd=None):
        """The (decompressed) data of member `name`."""
        with self.open(name, "r", pwd) as member:
            return member.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        """A stream reading member `name` (a name or ZipInfo), or with
        mode "w" writing a new member."""
        if mode not in ("r", "w"):
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and mode == "w":
            raise ValueError("pwd is only supported for reading files")
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already "
                             "closed")
        if isinstance(name, ZipInfo):
            zinfo = name
        elif mode == "w":
            zinfo = ZipInfo(name)
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
        else:
            zinfo = self.getinfo(name)
        if mode == "w":
            return self._open_to_write(zinfo, force_zip64=force_zip64)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there is "
                             "an open writing handle on it. Close the "
                             "writing handle before trying to read.")

        fp = self.fp
        fp.seek(zinfo.header_offset)
        fixed = fp.read(sizeFileHeader)
        if len(fixed) != sizeFileHeader:
            raise BadZipFile("Truncated file header")
        header = struct.unpack(structFileHeader, fixed)
        if header[0] != stringFileHeader:
            raise BadZipFile("Bad magic number for file header")
        raw_name = fp.read(header[10])
        if header[11]:
            fp.seek(header[11], 1)
        if zinfo.flag_bits & _FLAG_PATCHED:
            raise NotImplementedError("compressed patched data (flag bit 5)")
        if zinfo.flag_bits & _FLAG_STRONG_ENCRYPTION:
            raise NotImplementedError("strong encryption (flag bit 6)")
        if header[3] & _FLAG_UTF8:
            name_in_header = raw_name.decode("utf-8")
        else:
            name_in_header = _decode_name(raw_name, self.metadata_encoding)
        if name_in_header != zinfo.orig_filename:
            raise BadZipFile("File name in directory %r and header %r differ."
                             % (zinfo.orig_filename, raw_name))
        if zinfo.flag_bits & _FLAG_ENCRYPTED:
            if not pwd:
                pwd = self.pwd
            if pwd and not isinstance(pwd, bytes):
                raise TypeError("pwd: expected bytes, got %s"
                                % type(pwd).__name__)
            if not pwd:
                raise RuntimeError("File %r is encrypted, password required "
                                   "for extraction" % name)
            raise NotImplementedError("decrypting members is not supported")
        _check_compression(zinfo.compress_type)
        return ZipExtFile(fp, mode, zinfo, pwd)

    def _open_to_write(self, zinfo, force_zip64=False):
        if force_zip64 and not self._allowZip64:
            raise ValueError("force_zip64 is True, but allowZip64 was False "
                             "when opening the ZIP file.")
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is "
                             "another write handle open on it. Close the "
                             "first handle before opening another.")
        zinfo.compress_size = 0
        zinfo.CRC = 0
        zinfo.flag_bits = 0
        if zinfo.compress_type == ZIP_LZMA:
            zinfo.flag_bits |= _FLAG_LZMA_EOS
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16  # -rw-------
        zip64 = self._allowZip64 and (
            force_zip64 or zinfo.file_size * 1.05 > ZIP64_LIMIT)
        self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        self._writecheck(zinfo)
        self._didModify = True
        self.fp.write(zinfo.FileHeader(zip64))
        self._writing = True
        return _ZipWriteFile(self, zinfo, zip64)

    def _writecheck(self, zinfo):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn("Duplicate name: %r" % zinfo.filename, stacklevel=3)
        if self.mode not in ("w", "x", "a"):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write ZIP archive that was already "
                             "closed")
        _check_compression(zinfo.compress_type)
        if not self._allowZip64:
            requires_zip64 = None
            if len(self.filelist) >= ZIP_FILECOUNT_LIMIT:
                requires_zip64 = "Files count"
            elif zinfo.file_size > ZIP64_LIMIT:
                requires_zip64 = "Filesize"
            elif zinfo.header_offset > ZIP64_LIMIT:
                requires_zip64 = "Zipfile size"
            if requires_zip64:
                raise LargeZipFile(requires_zip64 +
                                   " would require ZIP64 extensions")

    def _check_writable(self):
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was "
                             "already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open "
                             "writing handle exists")

    def write(self, filename, arcname=None, compress_type=None,
              compresslevel=None):
        """Adds the file `filename` to the archive as `arcname`."""
        self._check_writable()
        zinfo = ZipInfo.from_file(filename, arcname,
                                  strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self.mkdir(zinfo)
            return
        zinfo.compress_type = (self.compression if compress_type is None
                               else compress_type)
        zinfo._compresslevel = (self.compresslevel if compresslevel is None
                                else compresslevel)
        with open(filename, "rb") as source, self.open(zinfo, "w") as dest:
            while True:
                chunk = source.read(1 << 16)
                if not chunk:
                    break
                dest.write(chunk)

    def writestr(self, zinfo_or_arcname, data, compress_type=None,
                 compresslevel=None):
        """Adds a member holding `data` (str is encoded as UTF-8), named by
        a string (stamped with the current time) or described by a
        ZipInfo."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = zinfo_or_arcname
        else:
            zinfo = ZipInfo(filename=zinfo_or_arcname,
                            date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
            if zinfo.filename[-1] == "/":
                zinfo.external_attr = 0o40775 << 16  # drwxrwxr-x
                zinfo.external_attr |= 0x10          # MS-DOS directory flag
            else:
                zinfo.external_attr = 0o600 << 16    # -rw-------
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was "
                             "already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open "
                             "writing handle exists.")
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo._compresslevel = compresslevel
        zinfo.file_size = len(data)
        with self.open(zinfo, mode="w") as dest:
            dest.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Adds a directory member (a name, or a ZipInfo of a directory)."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a "
                                 "directory")
        elif isinstance(zinfo_or_directory_name, str):
            name = zinfo_or_directory_name
            if not name.endswith("/"):
                name += "/"
            zinfo = ZipInfo(name)
            zinfo.compress_size = 0
            zinfo.CRC = 0
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        if zinfo.compress_type == ZIP_LZMA:
            zinfo.flag_bits |= _FLAG_LZMA_EOS
        self._writecheck(zinfo)
        self._didModify = True
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self.fp.write(zinfo.FileHeader(False))
        self.start_dir = self.fp.tell()

    def extract(self, member, path=None, pwd=None):
        """Extracts `member` under `path` (the current directory by
        default); returns the path written."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Extracts all members (or those in `members`) under `path`."""
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for member in members:
            self._extract_member(member, path, pwd)

    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        # Keep the member inside `targetpath`: drop drive letters and
        # empty, "." and ".." components.
        arcname = member.filename.replace("/", os.path.sep)
        if os.path.altsep:
            arcname = arcname.replace(os.path.altsep, os.path.sep)
        arcname = os.path.splitdrive(arcname)[1]
        arcname = os.path.sep.join(
            part for part in arcname.split(os.path.sep)
            if part not in ("", os.path.curdir, os.path.pardir))
        targetpath = os.path.normpath(os.path.join(targetpath, arcname))
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        with self.open(member, pwd=pwd) as source, \
                open(targetpath, "wb") as target:
            while True:
                chunk = source.read(1 << 16)
                if not chunk:
                    break
                target.write(chunk)
        return targetpath

    def __del__(self):
        # Closes the archive in case the user forgot.
        self.close()

    def close(self):
        """Writes the central directory (if anything changed) and closes
        the file."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is an "
                             "open writing handle on it. Close the writing "
                             "handle before closing the zip.")
        try:
            if self.mode in ("w", "x", "a") and self._didModify:
                self.fp.seek(self.start_dir)
                self._write_end_record()
        finally:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)

    def _write_end_record(self):
        fp = self.fp
        for zinfo in self.filelist:
            dostime, dosdate = _dos_time(zinfo.date_time)
            large = []
            if zinfo.file_size > ZIP64_LIMIT or zinfo.compress_size > ZIP64_LIMIT:
                large.append(zinfo.file_size)
                large.append(zinfo.compress_size)
                file_size = compress_size = 0xFFFFFFFF
            else:
                file_size = zinfo.file_size
                compress_size = zinfo.compress_size
            if zinfo.header_offset > ZIP64_LIMIT:
                large.append(zinfo.header_offset)
                header_offset = 0xFFFFFFFF
            else:
                header_offset = zinfo.header_offset
            extra_data = zinfo.extra
            needed = 0
            if large:
                extra_data = struct.pack("<HH" + "Q" * len(large), 1,
                                         8 * len(large), *large) + \
                    _strip_extra(extra_data, (1,))
                needed = ZIP64_VERSION
            if zinfo.compress_type == ZIP_BZIP2:
                needed = max(BZIP2_VERSION, needed)
            elif zinfo.compress_type == ZIP_LZMA:
                needed = max(LZMA_VERSION, needed)
            extract_version = max(needed, zinfo.extract_version)
            create_version = max(needed, zinfo.create_version)
            filename, flag_bits = zinfo._encodeFilenameFlags()
            centdir = struct.pack(
                structCentralDir, stringCentralDir, create_version,
                zinfo.create_system, extract_version, zinfo.reserved,
                flag_bits, zinfo.compress_type, dostime, dosdate, zinfo.CRC,
                compress_size, file_size, len(filename), len(extra_data),
                len(zinfo.comment), 0, zinfo.internal_attr,
                zinfo.external_attr, header_offset)
            fp.write(centdir + filename + extra_data + zinfo.comment)

        end_of_dir = fp.tell()
        count = len(self.filelist)
        dir_size = end_of_dir - self.start_dir
        dir_offset = self.start_dir
        requires_zip64 = None
        if count > ZIP_FILECOUNT_LIMIT:
            requires_zip64 = "Files count"
        elif dir_offset > ZIP64_LIMIT:
            requires_zip64 = "Central directory offset"
        elif dir_size > ZIP64_LIMIT:
            requires_zip64 = "Central directory size"
        if requires_zip64:
            if not self._allowZip64:
                raise LargeZipFile(requires_zip64 +
                                   " would require ZIP64 extensions")
            fp.write(struct.pack(structEndArchive64, stringEndArchive64, 44,
                                 45, 45, 0, 0, count, count, dir_size,
                                 dir_offset))
            fp.write(struct.pack(structEndArchive64Locator,
                                 stringEndArchive64Locator, 0, end_of_dir, 1))
            count = min(count, 0xFFFF)
            dir_size = min(dir_size, 0xFFFFFFFF)
            dir_offset = min(dir_offset, 0xFFFFFFFF)
        fp.write(struct.pack(structEndArchive, stringEndArchive, 0, 0, count,
                             count, dir_size, dir_offset, len(self._comment)))
        fp.write(self._comment)
        if self.mode == "a":
            fp.truncate()
        fp.flush()

    def _fpclose(self, fp):
        assert self._fileRefCnt > 0
        self._fileRefCnt -= 1
        if not self._fileRefCnt and not self._filePassed:
            fp.close()


def _implied_dirs(names):
    """The directories the members' names imply but the archive does not
    list, in order of first appearance."""
    listed = set(names)
    implied = {}
    for name in names:
        end = name.rfind("/", 0, len(name) - 1)
        parents = []
        while end > 0:
            parents.append(name[:end + 1])
            end = name.rfind("/", 0, end)
        for parent in reversed(parents):
            if parent not in listed:
                implied[parent] = None
    return list(implied)


class _TextWriter(io.TextIOBase):
    """Text written to a member opened by `Path.open("w")` (krait's
    io.TextIOWrapper cannot wrap a Python binary stream yet)."""

    def __init__(self, stream, encoding=None, errors=None, newline=None):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        self.buffer = stream
        self._encoding = ("utf-8" if encoding in (None, "locale")
                          else encoding)
        self._errors = errors or "strict"
        self._newline = os.linesep if newline is None else newline

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def closed(self):
        return self.buffer.closed

    def writable(self):
        return True

    def write(self, s):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, "
                            f"not {type(s).__name__}")
        length = len(s)
        if self._newline not in ("", "\n"):
            s = s.replace("\n", self._newline)
        self.buffer.write(s.encode(self._encoding, self._errors))
        return length

    def flush(self):
        pass

    def close(self):
        self.buffer.close()


class Path:
    """A pathlib-like view of a path inside an archive: `root` is a
    ZipFile (or a file to open as one), `at` the member path ("" for the
    archive's top, directories ending with "/"). Directories that are
    only implied by members' names exist too.

    Text opened for reading is decoded whole into a StringIO (krait's
    io.TextIOWrapper cannot wrap a member stream); newline "\\r" and
    "\\r\\n" then split lines on any line ending."""

    __repr = "{self.__class__.__name__}({self.root.filename!r}, {self.at!r})"

    def __init__(self, root, at=""):
        if not isinstance(root, ZipFile):
            root = ZipFile(root)
        self.root = root
        self.at = at

    def _names(self):
        # Reading archives do not change: keep their name list.
        root = self.root
        cache = getattr(root, "_path_names", None)
        if cache is not None:
            return cache
        names = root.namelist()
        names = names + _implied_dirs(names)
        if root.mode == "r":
            root._path_names = names
        return names

    def _next(self, at):
        return self.__class__(self.root, at)

    def open(self, mode="r", *args, pwd=None, **kwargs):
        """The member opened for reading ("r", "rb") or writing ("w",
        "wb"); text modes take TextIOWrapper's encoding arguments."""
        if self.is_dir():
            raise IsADirectoryError(self)
        zip_mode = mode[0]
        if not self.exists() and zip_mode == "r":
            raise FileNotFoundError(self)
        stream = self.root.open(self.at, zip_mode, pwd=pwd)
        if "b" in mode:
            if args or kwargs:
                raise ValueError("encoding args invalid for binary operation")
            return stream
        options = dict(zip(("encoding", "errors", "newline"), args))
        options.update(kwargs)
        encoding = io.text_encoding(options.get("encoding"))
        errors = options.get("errors")
        newline = options.get("newline")
        if zip_mode == "w":
            return _TextWriter(stream, encoding, errors, newline)
        with stream:
            data = stream.read()
        if encoding == "locale":
            encoding = "utf-8"
        text = data.decode(encoding, errors or "strict")
        if newline is None:
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            return io.StringIO(text, newline="\n")
        return io.StringIO(text, newline="\n" if newline == "\n" else "")

    @property
    def name(self):
        at = self.at.rstrip("/")
        return at[at.rfind("/") + 1:] or self.filename.name

    @property
    def suffix(self):
        return self._pure().suffix or self.filename.suffix

    @property
    def suffixes(self):
        return self._pure().suffixes or self.filename.suffixes

    @property
    def stem(self):
        return self._pure().stem or self.filename.stem

    def _pure(self):
        import pathlib
        return pathlib.PurePosixPath(self.at)

    @property
    def filename(self):
        import pathlib
        return pathlib.Path(self.root.filename).joinpath(self.at)

    def read_text(self, *args, **kwargs):
        with self.open("r", *args, **kwargs) as stream:
            return stream.read()

    def read_bytes(self):
        with self.open("rb") as stream:
            return stream.read()

    def _is_child(self, path):
        at = path.at.rstrip("/")
        return at[:at.rfind("/") + 1].rstrip("/") == self.at.rstrip("/")

    def is_dir(self):
        return not self.at or self.at.endswith("/")

    def is_file(self):
        return self.exists() and not self.is_dir()

    def exists(self):
        return self.at in self._names()

    def iterdir(self):
        if not self.is_dir():
            raise ValueError("Can't listdir a file")
        return filter(self._is_child, map(self._next, self._names()))

    def __str__(self):
        return os.path.join(self.root.filename, self.at) \
            if self.root.filename else self.at

    def __repr__(self):
        return self.__repr.format(self=self)

    def joinpath(self, *other):
        at = self.at
        for part in other:
            part = os.fspath(part)
            if part.startswith("/"):
                at = part
            elif not at or at.endswith("/"):
                at += part
            else:
                at += "/" + part
        # A name that is only a directory gets its trailing "/".
        names = self._names()
        if at not in names and at + "/" in names:
            at += "/"
        return self._next(at)

    __truediv__ = joinpath

    @property
    def parent(self):
        if not self.at:
            return self.filename.parent
        at = self.at.rstrip("/")
        parent_at = at[:at.rfind("/") + 1] if "/" in at else ""
        return self._next(parent_at)
