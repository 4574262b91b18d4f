"""External Data Representation (RFC 1014): packing and unpacking of
the basic XDR types. Deprecated since Python 3.11."""

import struct
import warnings
import functools
from io import BytesIO

warnings._deprecated('xdrlib', remove=(3, 13))

__all__ = ['Error', 'Packer', 'Unpacker', 'ConversionError']


class Error(Exception):
    """An XDR error; its message is .msg."""

    def __init__(self, msg):
        self.msg = msg

    def __repr__(self):
        return repr(self.msg)

    def __str__(self):
        return str(self.msg)


class ConversionError(Error):
    pass


def raise_conversion_error(function):
    """Turn the struct.error of a packing method into ConversionError."""
    @functools.wraps(function)
    def converting(self, x):
        try:
            return function(self, x)
        except struct.error as problem:
            raise ConversionError(problem.args[0]) from None
    return converting


def _writer(layout):
    # A Packer method writing one value in a fixed struct layout.
    encode = struct.Struct(layout).pack

    @raise_conversion_error
    def pack(self, x):
        self._sink.write(encode(x))
    return pack


def _reader(layout):
    # An Unpacker method reading one value of a fixed struct layout.
    shape = struct.Struct(layout)

    def unpack(self):
        return shape.unpack(self._read(shape.size))[0]
    return unpack


_SIZE_ERROR = 'fstring size must be nonnegative'


class Packer:
    """Builds an XDR byte string, one item after another."""

    def __init__(self):
        self.reset()

    def reset(self):
        self._sink = BytesIO()

    def get_buffer(self):
        return self._sink.getvalue()

    get_buf = get_buffer

    pack_uint = _writer('>L')
    pack_int = pack_enum = _writer('>l')
    pack_float = _writer('>f')
    pack_double = _writer('>d')

    def pack_bool(self, x):
        self._sink.write(b'\0\0\0\1' if x else bytes(4))

    def pack_uhyper(self, x):
        for half in (x >> 32 & 0xffffffff, x & 0xffffffff):
            try:
                self.pack_uint(half)
            except (TypeError, struct.error) as problem:
                raise ConversionError(problem.args[0]) from None

    pack_hyper = pack_uhyper

    def pack_fstring(self, n, s):
        if n < 0:
            raise ValueError(_SIZE_ERROR)
        # The field is n bytes rounded up to a multiple of four, zero-filled.
        head = s[:n]
        self._sink.write(head + ((n + 3) // 4 * 4 - len(head)) * b'\0')

    pack_fopaque = pack_fstring

    def pack_string(self, s):
        count = len(s)
        self.pack_uint(count)
        self.pack_fstring(count, s)

    pack_opaque = pack_bytes = pack_string

    def pack_list(self, list, pack_item):
        for element in list:
            self.pack_uint(1)
            pack_item(element)
        self.pack_uint(0)

    def pack_farray(self, n, list, pack_item):
        if n != len(list):
            raise ValueError('wrong array size')
        for element in list:
            pack_item(element)

    def pack_array(self, list, pack_item):
        self.pack_uint(len(list))
        self.pack_farray(len(list), list, pack_item)


class Unpacker:
    """Reads XDR items back from a byte string, in order."""

    def __init__(self, data):
        self.reset(data)

    def reset(self, data):
        self._data = data
        self._at = 0

    def get_position(self):
        return self._at

    def set_position(self, position):
        self._at = position

    def get_buffer(self):
        return self._data

    def done(self):
        if len(self._data) > self._at:
            raise Error('unextracted data remains')

    def _read(self, count):
        # (The position moves on even when the data runs out.)
        start = self._at
        self._at = start + count
        chunk = self._data[start:self._at]
        if len(chunk) != count:
            raise EOFError
        return chunk

    unpack_uint = _reader('>L')
    unpack_int = unpack_enum = _reader('>l')
    unpack_float = _reader('>f')
    unpack_double = _reader('>d')

    def unpack_bool(self):
        return self.unpack_int() != 0

    def unpack_uhyper(self):
        high = self.unpack_uint()
        return high << 32 | self.unpack_uint()

    def unpack_hyper(self):
        value = self.unpack_uhyper()
        return value - (1 << 64) if value >> 63 else value

    def unpack_fstring(self, n):
        if n < 0:
            raise ValueError(_SIZE_ERROR)
        return self._read((n + 3) // 4 * 4)[:n]

    unpack_fopaque = unpack_fstring

    def unpack_string(self):
        return self.unpack_fstring(self.unpack_uint())

    unpack_opaque = unpack_bytes = unpack_string

    def unpack_list(self, unpack_item):
        found = []
        while (marker := self.unpack_uint()) != 0:
            if marker != 1:
                raise ConversionError('0 or 1 expected, got %r' % (marker,))
            found.append(unpack_item())
        return found

    def unpack_farray(self, n, unpack_item):
        return [unpack_item() for _ in range(n)]

    def unpack_array(self, unpack_item):
        return self.unpack_farray(self.unpack_uint(), unpack_item)
