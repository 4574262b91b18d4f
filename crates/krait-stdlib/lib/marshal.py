"""Serialisation of plain Python values in the byte layout of CPython's
`marshal` module (format version 4), written in pure Python for krait.

Only data values are handled: None, bools, ints, floats, complex numbers,
str, bytes-like objects, tuples, lists, dicts, sets, frozensets, Ellipsis
and StopIteration.  Code objects are not supported."""

import struct as _struct

version = 4

_REF_BIT = 0x80
_MAX_DEPTH = 2000
_PY_SHORT = 15                      # bits per digit of a long record
_SHORT_MASK = (1 << _PY_SHORT) - 1

_pack_i32 = _struct.Struct('<i').pack
_pack_dbl = _struct.Struct('<d').pack
_unpack_i32 = _struct.Struct('<i').unpack
_unpack_dbl = _struct.Struct('<d').unpack

# Single-byte tags that carry no payload.
_CONSTANTS = {
    b'N'[0]: None, b'T'[0]: True, b'F'[0]: False,
    b'.'[0]: Ellipsis, b'S'[0]: StopIteration,
}

_BUFFER_TYPES = (bytes, bytearray, memoryview)


def _bad(what):
    return ValueError('bad marshal data (%s)' % what)


# ----------------------------------------------------------------- writing

class _Encoder:
    def __init__(self, ver):
        self.ver = ver
        self.out = bytearray()
        self.seen = {}          # id(obj) -> reference index
        self.keep = []          # keeps every referenced object alive
        self.depth = 0

    def tag(self, code, flagged):
        self.out.append(ord(code) | (_REF_BIT if flagged else 0))

    def i32(self, n):
        self.out += _pack_i32(n)

    def size(self, n):
        if n > 0x7FFFFFFF:
            raise ValueError('unmarshallable object')
        self.i32(n)

    def remember(self, obj):
        """Handle back-references.  Returns True when a reference record was
        written instead of the object, otherwise whether to set the flag."""
        if self.ver < 3:
            return False, False
        key = id(obj)
        idx = self.seen.get(key)
        if idx is not None:
            self.out.append(ord('r'))
            self.i32(idx)
            return True, True
        self.seen[key] = len(self.keep)
        self.keep.append(obj)
        return False, True

    def text_float(self, x):
        raw = ('%.17g' % x).encode('ascii')
        self.out.append(len(raw))
        self.out += raw

    def put(self, obj):
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise ValueError('object too deeply nested to marshal')
        try:
            self._put(obj)
        finally:
            self.depth -= 1

    def _put(self, obj):
        if obj is None:
            self.out += b'N'
            return
        if obj is True:
            self.out += b'T'
            return
        if obj is False:
            self.out += b'F'
            return
        if obj is Ellipsis:
            self.out += b'.'
            return
        if obj is StopIteration:
            self.out += b'S'
            return
        kind = type(obj)
        if kind not in _WRITERS and not isinstance(obj, _BUFFER_TYPES):
            raise ValueError('unmarshallable object')
        done, flag = self.remember(obj)
        if done:
            return
        if kind in _WRITERS:
            _WRITERS[kind](self, obj, flag)
        else:
            _w_bytes(self, obj, flag)


def _w_int(enc, n, flag):
    if -0x80000000 <= n <= 0x7FFFFFFF:
        enc.tag('i', flag)
        enc.i32(n)
        return
    mag = -n if n < 0 else n
    pieces = []
    while mag:
        pieces.append(mag & _SHORT_MASK)
        mag >>= _PY_SHORT
    enc.tag('l', flag)
    enc.i32(-len(pieces) if n < 0 else len(pieces))
    for p in pieces:
        enc.out += p.to_bytes(2, 'little')


def _w_float(enc, x, flag):
    if enc.ver > 1:
        enc.tag('g', flag)
        enc.out += _pack_dbl(x)
    else:
        enc.tag('f', flag)
        enc.text_float(x)


def _w_complex(enc, z, flag):
    if enc.ver > 1:
        enc.tag('y', flag)
        enc.out += _pack_dbl(z.real) + _pack_dbl(z.imag)
    else:
        enc.tag('x', flag)
        enc.text_float(z.real)
        enc.text_float(z.imag)


def _w_str(enc, s, flag):
    if enc.ver >= 4 and s.isascii():
        raw = s.encode('ascii')
        if len(raw) < 256:
            enc.tag('z', flag)
            enc.out.append(len(raw))
        else:
            enc.tag('a', flag)
            enc.size(len(raw))
        enc.out += raw
        return
    raw = s.encode('utf-8', 'surrogatepass')
    enc.tag('u', flag)
    enc.size(len(raw))
    enc.out += raw


def _w_bytes(enc, b, flag):
    raw = bytes(b)
    enc.tag('s', flag)
    enc.size(len(raw))
    enc.out += raw


def _w_tuple(enc, t, flag):
    if enc.ver >= 4 and len(t) < 256:
        enc.tag(')', flag)
        enc.out.append(len(t))
    else:
        enc.tag('(', flag)
        enc.size(len(t))
    for item in t:
        enc.put(item)


def _w_list(enc, seq, flag):
    enc.tag('[', flag)
    enc.size(len(seq))
    for item in list(seq):
        enc.put(item)


def _w_dict(enc, d, flag):
    enc.tag('{', flag)
    for k, v in list(d.items()):
        enc.put(k)
        enc.put(v)
    enc.out += b'0'


def _w_set(enc, s, flag):
    enc.tag('<' if type(s) is set else '>', flag)
    enc.size(len(s))
    for item in list(s):
        enc.put(item)


# A code object is krait's own: its `.kbc` encoding after a marker, in
# CPython's 'c' record (CPython's code records hold CPython's bytecode,
# which krait can neither run nor make).
_KBC_MARK = b'KBC\0'


def _w_code(enc, code, flag):
    import _imp
    data = _imp._code_to_kbc(code)
    enc.tag('c', flag)
    enc.out += _KBC_MARK
    enc.size(len(data))
    enc.out += data


_WRITERS = {
    int: _w_int, float: _w_float, complex: _w_complex, str: _w_str,
    bytes: _w_bytes, bytearray: _w_bytes, tuple: _w_tuple, list: _w_list,
    dict: _w_dict, set: _w_set, frozenset: _w_set,
    type(_w_code.__code__): _w_code,
}


def _check_version(ver):
    if not isinstance(ver, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(ver).__name__)
    return ver


def dumps(value, version=version, /):
    """Return the bytes marshal.loads() turns back into `value`."""
    enc = _Encoder(_check_version(version))
    try:
        enc.put(value)
    except RecursionError:
        raise ValueError('object too deeply nested to marshal') from None
    return bytes(enc.out)


def dump(value, file, version=version, /):
    """Write dumps(value, version) to the binary file `file`."""
    return file.write(dumps(value, version))


# ----------------------------------------------------------------- reading

class _BytesSource:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        start = self.pos
        end = start + n
        if end > len(self.data):
            raise EOFError('marshal data too short')
        self.pos = end
        return self.data[start:end]

    def first(self):
        if self.pos >= len(self.data):
            return None
        b = self.data[self.pos]
        self.pos += 1
        return b


class _FileSource:
    def __init__(self, f):
        self.f = f

    def take(self, n):
        if n == 0:
            return b''
        got = self.f.read(n)
        if got is None or len(got) < n:
            raise EOFError('EOF read where not expected')
        return bytes(got)

    def first(self):
        got = self.f.read(1)
        if not got:
            return None
        return got[0]


class _NullMark:
    """Returned by a '0' record; ends dicts, invalid anywhere else."""


class _Decoder:
    def __init__(self, src):
        self.src = src
        self.refs = []
        self.depth = 0

    def i32(self):
        return _unpack_i32(self.src.take(4))[0]

    def u8(self):
        return self.src.take(1)[0]

    def count(self, what):
        n = self.i32()
        if n < 0:
            raise _bad('%s size out of range' % what)
        return n

    def slot(self, flagged, obj=_NullMark):
        if not flagged:
            return -1
        self.refs.append(obj)
        return len(self.refs) - 1

    def fill(self, idx, obj):
        if idx >= 0:
            self.refs[idx] = obj
        return obj

    def text_float(self):
        n = self.u8()
        return float(self.src.take(n).decode('ascii'))

    def value(self, where='object'):
        obj = self.get()
        if obj is _NullMark:
            raise TypeError('NULL object in marshal data for %s' % where)
        return obj

    def get(self):
        b = self.src.first()
        if b is None:
            raise EOFError('EOF read where object expected')
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            self.depth -= 1
            raise _bad('object too deeply nested to unmarshal')
        try:
            return self._dispatch(b & ~_REF_BIT, bool(b & _REF_BIT))
        finally:
            self.depth -= 1

    def _dispatch(self, code, flag):
        if code in _CONSTANTS:
            return _CONSTANTS[code]
        reader = _READERS.get(chr(code))
        if reader is None:
            raise _bad('unknown type code')
        return reader(self, flag)


def _r_null(dec, flag):
    return _NullMark


def _r_int(dec, flag):
    return dec.fill(dec.slot(flag), dec.i32())


def _r_long(dec, flag):
    n = dec.i32()
    if n < -0x7FFFFFFF or n > 0x7FFFFFFF:
        raise _bad('long size out of range')
    total = 0
    ndig = -n if n < 0 else n
    digit = 0
    for i in range(ndig):
        digit = int.from_bytes(dec.src.take(2), 'little')
        if digit > _SHORT_MASK:
            raise _bad('digit out of range in long')
        total |= digit << (_PY_SHORT * i)
    if ndig and digit == 0:
        raise _bad('unnormalized long data')
    if n < 0:
        total = -total
    return dec.fill(dec.slot(flag), total)


def _r_float_bin(dec, flag):
    return dec.fill(dec.slot(flag), _unpack_dbl(dec.src.take(8))[0])


def _r_float_txt(dec, flag):
    return dec.fill(dec.slot(flag), dec.text_float())


def _r_complex_bin(dec, flag):
    re_part = _unpack_dbl(dec.src.take(8))[0]
    im_part = _unpack_dbl(dec.src.take(8))[0]
    return dec.fill(dec.slot(flag), complex(re_part, im_part))


def _r_complex_txt(dec, flag):
    re_part = dec.text_float()
    im_part = dec.text_float()
    return dec.fill(dec.slot(flag), complex(re_part, im_part))


def _r_bytes(dec, flag):
    n = dec.count('bytes object')
    return dec.fill(dec.slot(flag), bytes(dec.src.take(n)))


def _r_unicode(dec, flag):
    n = dec.count('string')
    raw = bytes(dec.src.take(n))
    return dec.fill(dec.slot(flag), raw.decode('utf-8', 'surrogatepass'))


def _r_ascii(dec, flag):
    n = dec.count('string')
    return dec.fill(dec.slot(flag), bytes(dec.src.take(n)).decode('latin-1'))


def _r_short_ascii(dec, flag):
    n = dec.u8()
    return dec.fill(dec.slot(flag), bytes(dec.src.take(n)).decode('latin-1'))


def _tuple_body(dec, flag, n):
    idx = dec.slot(flag)
    items = [dec.value('tuple') for _ in range(n)]
    return dec.fill(idx, tuple(items))


def _r_tuple(dec, flag):
    return _tuple_body(dec, flag, dec.count('tuple'))


def _r_small_tuple(dec, flag):
    return _tuple_body(dec, flag, dec.u8())


def _r_list(dec, flag):
    n = dec.count('list')
    result = []
    dec.slot(flag, result)
    for _ in range(n):
        result.append(dec.value('list'))
    return result


def _r_dict(dec, flag):
    result = {}
    dec.slot(flag, result)
    while True:
        key = dec.get()
        if key is _NullMark:
            break
        val = dec.get()
        if val is _NullMark:
            break
        result[key] = val
    return result


def _r_set(dec, flag):
    n = dec.count('set')
    result = set()
    dec.slot(flag, result)
    for _ in range(n):
        result.add(dec.value('set'))
    return result


def _r_frozenset(dec, flag):
    n = dec.count('set')
    idx = dec.slot(flag)
    members = [dec.value('set') for _ in range(n)]
    return dec.fill(idx, frozenset(members))


def _r_ref(dec, flag):
    n = dec.i32()
    if n < 0 or n >= len(dec.refs):
        raise _bad('invalid reference')
    obj = dec.refs[n]
    if obj is _NullMark:
        raise _bad('invalid reference')
    return obj


def _r_code(dec, flag):
    if bytes(dec.src.take(4)) != _KBC_MARK:
        raise _bad("a code object of CPython's, which krait cannot run")
    idx = dec.slot(flag)
    n = dec.count('code object')
    import _imp
    return dec.fill(idx, _imp._code_from_kbc(bytes(dec.src.take(n))))


_READERS = {
    '0': _r_null, 'i': _r_int, 'l': _r_long, 'g': _r_float_bin,
    'f': _r_float_txt, 'y': _r_complex_bin, 'x': _r_complex_txt,
    's': _r_bytes, 'u': _r_unicode, 't': _r_unicode,
    'a': _r_ascii, 'A': _r_ascii, 'z': _r_short_ascii, 'Z': _r_short_ascii,
    '(': _r_tuple, ')': _r_small_tuple, '[': _r_list, '{': _r_dict,
    '<': _r_set, '>': _r_frozenset, 'r': _r_ref, 'c': _r_code,
}


def loads(data, /):
    """Rebuild the value whose marshal form starts `data`; extra trailing
    bytes are ignored."""
    if isinstance(data, str) or not isinstance(data, _BUFFER_TYPES):
        raise TypeError('a bytes-like object is required, not %r'
                        % type(data).__name__)
    return _Decoder(_BytesSource(bytes(data))).value()


def load(file, /):
    """Read one marshalled value from the binary file `file`, leaving the
    file positioned just after it."""
    return _Decoder(_FileSource(file)).value()
