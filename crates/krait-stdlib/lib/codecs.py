"""Codec registry, error handlers and the stream and incremental codec classes.

`lookup` finds a codec by name (normalised as CPython does, with CPython's
aliases) among: utf-8, ascii and latin-1 (the VM's own `str.encode` and
`bytes.decode` do the work), utf-8-sig, utf-16 and utf-32 (with and without
BOM, either byte order), cp1252 and cp437 (tables below), and the
bytes-to-bytes codecs hex, base64, zlib and the str-to-str rot-13; search
functions added with `register` are asked after these.

Error handlers: strict, ignore, replace, backslashreplace,
xmlcharrefreplace, surrogateescape and surrogatepass (lone surrogates are
kept in a krait str by stand-in characters, which `ord` and the codecs
read as the surrogates), plus any registered with `register_error` (used
by the codecs written here and by `codecs.encode`/`codecs.decode`; the
VM's `str.encode` knows only its own).

Left out: namereplace (no Unicode name database), the escape codecs
(unicode_escape, raw_unicode_escape), utf-7, idna, the CJK and most other
code pages (though `charmap_build`, `charmap_encode` and `charmap_decode`
are here for table-based codecs written in Python, like those of CPython's
`encodings` package), and the `EncodingMap` internals (its `size()` only
mirrors CPython's figure).
"""

import builtins
import sys
from array import array as _array

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors",
           "backslashreplace_errors",
           "register_error", "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
# Old names.
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

_NATIVE_LITTLE = sys.byteorder == 'little'


# ---------------------------------------------------------------------------
# Unicode errors.

# krait's UnicodeEncodeError(encoding, object, start, end, reason) keeps
# only `args` (no .start/.end/..., and str() shows the tuple), and the
# errors the VM raises carry just their message. Until that is fixed the
# errors made here carry CPython's message as their only argument plus the
# attributes set by hand, and the handlers read a user-made error's fields
# from its args.
_FIELDS_NATIVE = hasattr(UnicodeEncodeError('ascii', '', 0, 0, ''), 'start')


def _char_escape(c):
    o = ord(c)
    if o < 0x100:
        return '\\x%02x' % o
    if o < 0x10000:
        return '\\u%04x' % o
    return '\\U%08x' % o


def _encode_error(encoding, text, start, end, reason):
    if _FIELDS_NATIVE:
        return UnicodeEncodeError(encoding, text, start, end, reason)
    if end - start == 1:
        where = "character '%s' in position %d" % (_char_escape(text[start]), start)
    else:
        where = "characters in position %d-%d" % (start, end - 1)
    exc = UnicodeEncodeError("'%s' codec can't encode %s: %s" % (encoding, where, reason))
    exc.encoding, exc.object, exc.start, exc.end, exc.reason = encoding, text, start, end, reason
    return exc


def _decode_error(encoding, data, start, end, reason):
    if _FIELDS_NATIVE:
        return UnicodeDecodeError(encoding, data, start, end, reason)
    if end - start == 1:
        where = "byte 0x%02x in position %d" % (data[start], start)
    else:
        where = "bytes in position %d-%d" % (start, end - 1)
    exc = UnicodeDecodeError("'%s' codec can't decode %s: %s" % (encoding, where, reason))
    exc.encoding, exc.object, exc.start, exc.end, exc.reason = encoding, data, start, end, reason
    return exc


def _error_fields(exc):
    """(object, start, end) of a Unicode error (see _FIELDS_NATIVE)."""
    try:
        return exc.object, exc.start, exc.end
    except AttributeError:
        args = exc.args
        if isinstance(exc, UnicodeTranslateError):
            return args[0], args[1], args[2]
        return args[1], args[2], args[3]


def _native_error_span(exc):
    """(start, end, reason) of an error raised by the VM's bytes.decode,
    read from its message when it has no attributes (see _FIELDS_NATIVE)."""
    try:
        return exc.start, exc.end, exc.reason
    except AttributeError:
        pass
    message = str(exc)
    where, _, reason = message.partition(' in position ')[2].partition(': ')
    if '-' in where:
        first, last = where.split('-')
        return int(first), int(last) + 1, reason
    return int(where), int(where) + 1, reason


# ---------------------------------------------------------------------------
# Error handlers.

_UNICODE_ERRORS = (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)


def _cannot_handle(exc):
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    """Raise the error: the default handler."""
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    """Skip the offending input."""
    if not isinstance(exc, _UNICODE_ERRORS):
        raise _cannot_handle(exc)
    return '', _error_fields(exc)[2]


def replace_errors(exc):
    """'?' for each unencodable character, U+FFFD for undecodable input."""
    if isinstance(exc, UnicodeEncodeError):
        _, start, end = _error_fields(exc)
        return '?' * (end - start), end
    if isinstance(exc, UnicodeDecodeError):
        return '\ufffd', _error_fields(exc)[2]
    if isinstance(exc, UnicodeTranslateError):
        _, start, end = _error_fields(exc)
        return '\ufffd' * (end - start), end
    raise _cannot_handle(exc)


def backslashreplace_errors(exc):
    """Python backslash escapes for the offending characters or bytes."""
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        text, start, end = _error_fields(exc)
        return ''.join(map(_char_escape, text[start:end])), end
    if isinstance(exc, UnicodeDecodeError):
        data, start, end = _error_fields(exc)
        return ''.join(['\\x%02x' % b for b in data[start:end]]), end
    raise _cannot_handle(exc)


def xmlcharrefreplace_errors(exc):
    """XML character references (&#233;) for unencodable characters."""
    if isinstance(exc, UnicodeEncodeError):
        text, start, end = _error_fields(exc)
        return ''.join(['&#%d;' % ord(c) for c in text[start:end]]), end
    raise _cannot_handle(exc)


def surrogateescape_errors(exc):
    """Undecodable bytes (0x80 and up) as lone surrogates U+DC80..U+DCFF,
    and those surrogates encoded back to their bytes (PEP 383)."""
    if isinstance(exc, UnicodeDecodeError):
        data, start, end = _error_fields(exc)
        bad = data[start:end]
        if any(b < 128 for b in bad):
            raise exc
        return ''.join([chr(0xdc00 + b) for b in bad]), end
    if isinstance(exc, UnicodeEncodeError):
        text, start, end = _error_fields(exc)
        out = bytearray()
        for c in text[start:end]:
            code = ord(c)
            if not 0xdc80 <= code <= 0xdcff:
                raise exc
            out.append(code - 0xdc00)
        return bytes(out), end
    raise _cannot_handle(exc)


def surrogatepass_errors(exc):
    """Lone surrogates encoded (and decoded) in UTF-8's three-byte form."""
    if isinstance(exc, UnicodeEncodeError):
        text, start, end = _error_fields(exc)
        if exc.encoding.replace('_', '-').lower() not in ('utf-8', 'utf8'):
            raise exc
        out = bytearray()
        for c in text[start:end]:
            code = ord(c)
            if not 0xd800 <= code <= 0xdfff:
                raise exc
            out += bytes([0xe0 | code >> 12, 0x80 | (code >> 6) & 0x3f, 0x80 | code & 0x3f])
        return bytes(out), end
    if isinstance(exc, UnicodeDecodeError):
        data, start, end = _error_fields(exc)
        if exc.encoding.replace('_', '-').lower() not in ('utf-8', 'utf8'):
            raise exc
        three = data[start:start + 3]
        if (len(three) == 3 and three[0] == 0xed and 0xa0 <= three[1] <= 0xbf
                and 0x80 <= three[2] <= 0xbf):
            return chr(0xd000 | (three[1] & 0x3f) << 6 | three[2] & 0x3f), start + 3
        raise exc
    raise _cannot_handle(exc)


_error_handlers = {
    'strict': strict_errors,
    'surrogateescape': surrogateescape_errors,
    'surrogatepass': surrogatepass_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
}

# The handlers the VM's str.encode/bytes.decode apply themselves (by name,
# as CPython's built-in codecs do, whatever register_error says).
_VM_HANDLERS = frozenset(['strict', 'ignore', 'replace', 'backslashreplace',
                          'surrogateescape', 'surrogatepass'])


def register_error(errors, handler, /):
    """Register `handler(exc) -> (replacement, resume_position)` as the
    error handler named `errors`."""
    if not isinstance(errors, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(errors).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name, /):
    """The error handler registered as `name`."""
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _resume_position(pos, length):
    if pos < 0:
        pos += length
    if not 0 <= pos <= length:
        raise IndexError("position %d from error handler out of bounds" % pos)
    return pos


def _call_encode_handler(errors, exc, length):
    """Run handler `errors` on `exc`: (replacement str or bytes, position)."""
    result = lookup_error(errors)(exc)
    if (not isinstance(result, tuple) or len(result) != 2
            or not isinstance(result[0], (str, bytes)) or not isinstance(result[1], int)):
        raise TypeError("encoding error handler must return (str/bytes, int) tuple")
    return result[0], _resume_position(result[1], length)


def _call_decode_handler(errors, exc, length):
    result = lookup_error(errors)(exc)
    if (not isinstance(result, tuple) or len(result) != 2
            or not isinstance(result[0], str) or not isinstance(result[1], int)):
        raise TypeError("decoding error handler must return (str, int) tuple")
    return result[0], _resume_position(result[1], length)


# ---------------------------------------------------------------------------
# Argument checks shared by the codec functions.

def _type_name(obj):
    """How CPython's argument errors name the type of `obj` ('None', not
    'NoneType')."""
    return 'None' if obj is None else type(obj).__name__


def _check_str(text, function):
    if not isinstance(text, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (function, _type_name(text)))


def _as_bytes(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


# ---------------------------------------------------------------------------
# utf-8, ascii, latin-1: the VM's codecs, with Python fallbacks for the
# error handlers it does not know.

# The replacements of the built-in handlers (other than strict), made
# without an exception; like CPython's codecs, these apply by name.
_DIRECT_ENCODE_HANDLERS = {
    'ignore': lambda run: '',
    'replace': lambda run: '?' * len(run),
    'backslashreplace': lambda run: ''.join(map(_char_escape, run)),
    'xmlcharrefreplace': lambda run: ''.join(['&#%d;' % ord(c) for c in run]),
}

_run_patterns = {}


def _runs_of(limit):
    """A regex matching runs of characters at or above `limit` (0x80 or
    0x100)."""
    pattern = _run_patterns.get(limit)
    if pattern is None:
        import re
        pattern = _run_patterns[limit] = re.compile('[^\\x00-\\x%02x]+' % (limit - 1))
    return pattern


def _limited_encode(text, errors, encoding, limit):
    """Encode to ascii (limit 0x80) or latin-1 (0x100) with any handler."""
    try:
        return text.encode(encoding, errors if errors in _VM_HANDLERS else 'strict')
    except UnicodeEncodeError:
        if errors in _VM_HANDLERS:
            raise
    runs = _runs_of(limit)
    direct = _DIRECT_ENCODE_HANDLERS.get(errors)
    if direct is not None:
        return runs.sub(lambda run: direct(run.group()), text).encode('latin-1')
    reason = 'ordinal not in range(%d)' % limit
    out = bytearray()
    length = len(text)

    def replace(bad, end):
        exc = _encode_error(encoding, text, bad, end, reason)
        replacement, pos = _call_encode_handler(errors, exc, length)
        if isinstance(replacement, str):
            if runs.search(replacement):
                raise exc
            replacement = replacement.encode('latin-1')
        out.extend(replacement)
        return pos

    _replace_runs(runs, text, out, replace)
    return bytes(out)


def _replace_runs(runs, mapped, out, replace):
    """Append the latin-1 encoding of `mapped` to `out`, with
    `replace(start, end) -> resume position` handling each run of
    unencodable characters (`runs` matches them in `mapped`)."""
    pos = 0
    while True:
        for run in runs.finditer(mapped, pos):
            bad, end = run.span()
            out += mapped[pos:bad].encode('latin-1')
            pos = replace(bad, end)
            if pos != end:
                # The handler resumes elsewhere: search again from there.
                break
        else:
            out += mapped[pos:].encode('latin-1')
            return


def _vm_decode(data, errors, encoding):
    """bytes.decode with any handler (the VM reports where decoding failed)."""
    if errors in _VM_HANDLERS:
        return data.decode(encoding, errors)
    pieces = []
    pos = 0
    length = len(data)
    while True:
        try:
            pieces.append(data[pos:].decode(encoding))
            return ''.join(pieces)
        except UnicodeDecodeError as exc:
            start, end, reason = _native_error_span(exc)
        pieces.append(data[pos:pos + start].decode(encoding))
        exc = _decode_error(encoding, data, pos + start, pos + end, reason)
        replacement, pos = _call_decode_handler(errors, exc, length)
        pieces.append(replacement)


def _utf8_incomplete_tail(data):
    """How many bytes at the end of `data` start a UTF-8 sequence that more
    input could complete (0 if none)."""
    length = len(data)
    for back in range(1, min(3, length) + 1):
        lead = data[length - back]
        if lead < 0x80:
            return 0
        if lead < 0xc0:
            continue
        if lead < 0xc2 or lead > 0xf4:
            return 0
        need = 2 if lead < 0xe0 else 3 if lead < 0xf0 else 4
        if back >= need:
            return 0
        if back >= 2:
            # The second byte's range depends on the lead (no overlongs,
            # surrogates or code points past U+10FFFF).
            second = data[length - back + 1]
            low, high = 0x80, 0xbf
            if lead == 0xe0:
                low = 0xa0
            elif lead == 0xed:
                high = 0x9f
            elif lead == 0xf0:
                low = 0x90
            elif lead == 0xf4:
                high = 0x8f
            if not low <= second <= high:
                return 0
        return back
    return 0


def utf_8_encode(str, errors=None, /):
    _check_str(str, 'utf_8_encode')
    errors = errors or 'strict'
    return str.encode('utf-8', errors if errors in _VM_HANDLERS else 'strict'), len(str)


def utf_8_decode(data, errors=None, final=False, /):
    data = _as_bytes(data)
    if not final:
        tail = _utf8_incomplete_tail(data)
        if tail:
            data = data[:-tail]
    return _vm_decode(data, errors or 'strict', 'utf-8'), len(data)


def ascii_encode(str, errors=None, /):
    _check_str(str, 'ascii_encode')
    return _limited_encode(str, errors or 'strict', 'ascii', 0x80), len(str)


def ascii_decode(data, errors=None, /):
    data = _as_bytes(data)
    return _vm_decode(data, errors or 'strict', 'ascii'), len(data)


def latin_1_encode(str, errors=None, /):
    _check_str(str, 'latin_1_encode')
    return _limited_encode(str, errors or 'strict', 'latin-1', 0x100), len(str)


def latin_1_decode(data, errors=None, /):
    data = _as_bytes(data)
    return data.decode('latin-1'), len(data)


# ---------------------------------------------------------------------------
# UTF-16 and UTF-32. Encoding cannot fail: krait's str has no lone
# surrogates.

def _code_units(text, size):
    """`text` as an array of native-order UTF-16 (size 2) or UTF-32 code
    units."""
    if size == 4:
        return _array('I', map(ord, text))
    if not text or max(text) < '\U00010000':
        return _array('H', map(ord, text))
    units = _array('H')
    for c in text:
        o = ord(c)
        if o >= 0x10000:
            o -= 0x10000
            units.append(0xd800 | (o >> 10))
            units.append(0xdc00 | (o & 0x3ff))
        else:
            units.append(o)
    return units


def _utf_encode(text, size, little):
    try:
        narrow = text.encode('latin-1')
    except UnicodeEncodeError:
        pass
    else:
        # Latin-1 text: each byte followed (or preceded) by zero bytes.
        out = bytearray(size * len(narrow))
        out[0 if little else size - 1::size] = narrow
        return bytes(out)
    units = _code_units(text, size)
    if little != _NATIVE_LITTLE:
        units.byteswap()
    return units.tobytes()


def _narrow(data, size, little):
    """The text of whole UTF-16/32 `data` if it is all Latin-1 (every byte
    but the low one of each unit zero), else None."""
    low = 0 if little else size - 1
    zeros = bytes(len(data) // size)
    for i in range(size):
        if i != low and data[i::size] != zeros:
            return None
    return data[low::size].decode('latin-1')


def _read_units(data, size, little):
    units = _array('H' if size == 2 else 'I')
    units.frombytes(data)
    if little != _NATIVE_LITTLE:
        units.byteswap()
    return units


def _utf16_decode(data, errors, little, final, start=0):
    """(text, end of the bytes consumed) of UTF-16 `data[start:]`, without
    BOM handling; error positions are in `data`."""
    encoding = 'utf-16-le' if little else 'utf-16-be'
    length = len(data)
    even = length - ((length - start) & 1)
    narrow = _narrow(data[start:even], 2, little)
    if narrow is not None and (even == length or not final):
        return narrow, even
    units = _read_units(data[start:even], 2, little)
    if not units or max(units) < 0xd800:
        text = ''.join(map(chr, units))
        if even == length or not final:
            return text, even
        pieces, pos = [text], even
    else:
        pieces, pos = [], start
    # Slow path: surrogate pairs, errors and a truncated end.
    while pos < length:
        if length - pos < 2:
            if not final:
                break
            exc = _decode_error(encoding, data, pos, length, 'truncated data')
        else:
            unit = units[(pos - start) >> 1]
            if unit < 0xd800 or unit >= 0xe000:
                pieces.append(chr(unit))
                pos += 2
                continue
            if unit >= 0xdc00:
                exc = _decode_error(encoding, data, pos, pos + 2, 'illegal encoding')
            elif length - pos < 4:
                if not final:
                    break
                exc = _decode_error(encoding, data, pos, length, 'unexpected end of data')
            else:
                low = units[((pos - start) >> 1) + 1]
                if 0xdc00 <= low < 0xe000:
                    pieces.append(chr(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)))
                    pos += 4
                    continue
                exc = _decode_error(encoding, data, pos, pos + 2, 'illegal UTF-16 surrogate')
        replacement, pos = _call_decode_handler(errors, exc, length)
        pieces.append(replacement)
        if (pos - start) & 1:
            # Resuming mid-unit: the units change, decode the rest anew.
            rest, pos = _utf16_decode(data, errors, little, final, pos)
            pieces.append(rest)
            break
    return ''.join(pieces), pos


def _utf32_decode(data, errors, little, final, start=0):
    """Like _utf16_decode, for UTF-32."""
    encoding = 'utf-32-le' if little else 'utf-32-be'
    length = len(data)
    whole = length - ((length - start) & 3)
    narrow = _narrow(data[start:whole], 4, little)
    if narrow is not None and (whole == length or not final):
        return narrow, whole
    units = _read_units(data[start:whole], 4, little)
    try:
        if units and 0xd800 <= max(units) and any(0xd800 <= u < 0xe000 for u in units):
            # Surrogates are errors here (chr() would make them).
            raise ValueError
        text = ''.join(map(chr, units))
    except ValueError:
        pieces, pos = [], start
    else:
        if whole == length or not final:
            return text, whole
        pieces, pos = [text], whole
    byteorder = 'little' if little else 'big'
    while pos < length:
        if length - pos < 4:
            if not final:
                break
            exc = _decode_error(encoding, data, pos, length, 'truncated data')
        else:
            unit = int.from_bytes(data[pos:pos + 4], byteorder)
            if unit < 0xd800 or 0xe000 <= unit < 0x110000:
                pieces.append(chr(unit))
                pos += 4
                continue
            if unit >= 0x110000:
                reason = 'code point not in range(0x110000)'
            else:
                reason = 'code point in surrogate code point range(0xd800, 0xe000)'
            exc = _decode_error(encoding, data, pos, pos + 4, reason)
        replacement, pos = _call_decode_handler(errors, exc, length)
        pieces.append(replacement)
    return ''.join(pieces), pos


def utf_16_le_encode(str, errors=None, /):
    _check_str(str, 'utf_16_le_encode')
    return _utf_encode(str, 2, True), len(str)


def utf_16_be_encode(str, errors=None, /):
    _check_str(str, 'utf_16_be_encode')
    return _utf_encode(str, 2, False), len(str)


def utf_16_encode(str, errors=None, byteorder=0, /):
    _check_str(str, 'utf_16_encode')
    if byteorder == 0:
        return BOM_UTF16 + _utf_encode(str, 2, _NATIVE_LITTLE), len(str)
    return _utf_encode(str, 2, byteorder < 0), len(str)


def utf_32_le_encode(str, errors=None, /):
    _check_str(str, 'utf_32_le_encode')
    return _utf_encode(str, 4, True), len(str)


def utf_32_be_encode(str, errors=None, /):
    _check_str(str, 'utf_32_be_encode')
    return _utf_encode(str, 4, False), len(str)


def utf_32_encode(str, errors=None, byteorder=0, /):
    _check_str(str, 'utf_32_encode')
    if byteorder == 0:
        return BOM_UTF32 + _utf_encode(str, 4, _NATIVE_LITTLE), len(str)
    return _utf_encode(str, 4, byteorder < 0), len(str)


def utf_16_le_decode(data, errors=None, final=False, /):
    return _utf16_decode(_as_bytes(data), errors or 'strict', True, final)


def utf_16_be_decode(data, errors=None, final=False, /):
    return _utf16_decode(_as_bytes(data), errors or 'strict', False, final)


def utf_32_le_decode(data, errors=None, final=False, /):
    return _utf32_decode(_as_bytes(data), errors or 'strict', True, final)


def utf_32_be_decode(data, errors=None, final=False, /):
    return _utf32_decode(_as_bytes(data), errors or 'strict', False, final)


def _bom_decode(data, errors, byteorder, final, size):
    """Decode with a byte order given (-1 little, 1 big) or, for 0, taken
    from a BOM (native order if none): (text, consumed, byteorder)."""
    data = _as_bytes(data)
    errors = errors or 'strict'
    decode = _utf16_decode if size == 2 else _utf32_decode
    skipped = 0
    if byteorder == 0:
        if len(data) < size and not final:
            return '', 0, 0
        head = data[:size]
        if head == (BOM_UTF16_LE if size == 2 else BOM_UTF32_LE):
            byteorder, skipped = -1, size
        elif head == (BOM_UTF16_BE if size == 2 else BOM_UTF32_BE):
            byteorder, skipped = 1, size
    little = byteorder < 0 if byteorder else _NATIVE_LITTLE
    text, consumed = decode(data, errors, little, final, skipped)
    return text, consumed, byteorder


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _bom_decode(data, errors, byteorder, final, 2)


def utf_16_decode(data, errors=None, final=False, /):
    return _bom_decode(data, errors, 0, final, 2)[:2]


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _bom_decode(data, errors, byteorder, final, 4)


def utf_32_decode(data, errors=None, final=False, /):
    return _bom_decode(data, errors, 0, final, 4)[:2]


# ---------------------------------------------------------------------------
# Single-byte code pages: the upper 128 characters (ASCII maps to itself;
# U+FFFE marks an undefined byte).

_CP1252_HIGH = (
    '\u20ac\ufffe\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffe\u017d\ufffe'
    '\ufffe\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffe\u017e\u0178'
    + ''.join(map(chr, range(0xa0, 0x100))))

_CP437_HIGH = (
    '\xc7\xfc\xe9\xe2\xe4\xe0\xe5\xe7\xea\xeb\xe8\xef\xee\xec\xc4\xc5'
    '\xc9\xe6\xc6\xf4\xf6\xf2\xfb\xf9\xff\xd6\xdc\xa2\xa3\xa5\u20a7\u0192'
    '\xe1\xed\xf3\xfa\xf1\xd1\xaa\xba\xbf\u2310\xac\xbd\xbc\xa1\xab\xbb'
    '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510'
    '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567'
    '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580'
    '\u03b1\xdf\u0393\u03c0\u03a3\u03c3\xb5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229'
    '\u2261\xb1\u2265\u2264\u2320\u2321\xf7\u2248\xb0\u2219\xb7\u221a\u207f\xb2\u25a0\xa0')


class _CodePage:
    """A single-byte code page. Both directions go through str.translate
    and the VM's latin-1 codec, one character per byte, so an error's
    position in the translated text is its position in the input."""

    def __init__(self, high):
        # bytes -> text: latin-1 decode, then map the upper half (a str
        # table translates faster than a dict).
        self.decoding = ''.join(map(chr, range(0x80))) + high
        # text -> bytes: map to the latin-1 character of the byte; the
        # upper-half latin-1 characters the page lacks become U+FFFE,
        # which latin-1 cannot encode.
        encoding = {ord(c): chr(0x80 + i) for i, c in enumerate(high) if c != '\ufffe'}
        for o in range(0x80, 0x100):
            if o not in encoding and chr(o) not in high:
                encoding[o] = '\ufffe'
        for o, c in list(encoding.items()):
            if o == ord(c):
                del encoding[o]
        self.encoding = encoding

    def encode(self, text, errors):
        _check_str(text, 'charmap_encode')
        if text.isascii():
            return text.encode('ascii'), len(text)
        mapped = text.translate(self.encoding)
        try:
            return mapped.encode('latin-1'), len(text)
        except UnicodeEncodeError:
            pass
        reason = 'character maps to <undefined>'
        errors = errors or 'strict'
        runs = _runs_of(0x100)
        out = bytearray()
        length = len(text)

        direct = _DIRECT_ENCODE_HANDLERS.get(errors)
        if direct is not None:
            def substitute(run):
                return direct(text[run.start():run.end()])
            return runs.sub(substitute, mapped).encode('latin-1'), length

        def replace(bad, end):
            exc = _encode_error('charmap', text, bad, end, reason)
            replacement, pos = _call_encode_handler(errors, exc, length)
            if isinstance(replacement, str):
                replacement = replacement.translate(self.encoding)
                if runs.search(replacement):
                    raise exc
                replacement = replacement.encode('latin-1')
            out.extend(replacement)
            return pos

        _replace_runs(runs, mapped, out, replace)
        return bytes(out), length

    def decode(self, data, errors):
        data = _as_bytes(data)
        if data.isascii():
            return data.decode('ascii'), len(data)
        text = data.decode('latin-1').translate(self.decoding)
        bad = text.find('\ufffe')
        if bad < 0:
            return text, len(data)
        errors = errors or 'strict'
        pieces = []
        pos = 0
        length = len(data)
        while bad >= 0:
            pieces.append(text[pos:bad])
            exc = _decode_error('charmap', data, bad, bad + 1, 'character maps to <undefined>')
            replacement, pos = _call_decode_handler(errors, exc, length)
            pieces.append(replacement)
            bad = text.find('\ufffe', pos)
        pieces.append(text[pos:])
        return ''.join(pieces), length


# ---------------------------------------------------------------------------
# Table-based codecs: charmap_build, charmap_encode and charmap_decode, as
# the generated modules of CPython's `encodings` package use them.
#
# A decoding table is a str whose i-th character is what byte i decodes
# to ('\ufffe' for an undefined byte). An encoding mapping is what
# charmap_build makes of one, or any object indexed by code point (a
# dict, usually) giving an int byte, a bytes string, or None (undefined;
# so is a LookupError). A decoding mapping is a decoding table, or any
# object indexed by byte giving an int code point, a str, or None.

_UNDEFINED = 'character maps to <undefined>'


class EncodingMap:
    """The encoding mapping charmap_build makes of a decoding table.

    CPython's is a compact three-level lookup table; `size()` reports the
    bytes that table would take, which this keeps for compatibility
    (computed the same way), while the lookup itself is a dict."""

    __slots__ = ('_bytes_of', '_size')

    def __init__(self, bytes_of, size):
        self._bytes_of = bytes_of  # character -> one-byte bytes
        self._size = size

    def size(self):
        return self._size


EncodingMap.__module__ = 'builtins'


def charmap_build(decoding_table, /):
    """The encoding mapping for `decoding_table`: an EncodingMap, or (as
    CPython, for a table its compact form cannot hold) a dict from code
    point to byte."""
    if not isinstance(decoding_table, str):
        raise TypeError("charmap_build() argument must be str, not %s"
                        % _type_name(decoding_table))
    if not decoding_table:
        raise TypeError("bad argument type for built-in operation")
    table = decoding_table[:256]
    # CPython's compact table indexes code points by their top 5 bits and
    # then by their bits 7-10, in blocks of 128, and it cannot represent a
    # table that does not map byte 0 to U+0000 (only that is implied),
    # maps another byte to U+0000, goes past U+FFFF, or needs 255 blocks.
    top_blocks = set()
    blocks = set()
    compact = table[:1] == '\x00'
    for c in table[1:]:
        o = ord(c)
        if o == 0 or o > 0xffff:
            compact = False
            break
        if o != 0xfffe:
            top_blocks.add(o >> 11)
            blocks.add(o >> 7)
    if compact and len(blocks) < 0xff:
        bytes_of = {'\x00': b'\x00'}
        for byte, c in enumerate(table):
            if c != '\ufffe':
                bytes_of[c] = bytes((byte,))
        return EncodingMap(bytes_of, 63 + 16 * len(top_blocks) + 128 * len(blocks))
    # Unlike an EncodingMap, the dict keeps U+FFFE (from an undefined byte).
    return {ord(c): byte for byte, c in enumerate(table)}


def _charmap_lookup(mapping, c):
    """The bytes `mapping` encodes character `c` to, or None (undefined)."""
    if type(mapping) is EncodingMap:
        return mapping._bytes_of.get(c)
    try:
        target = mapping[ord(c)]
    except LookupError:
        return None
    if target is None or isinstance(target, bytes):
        return target
    if isinstance(target, int):
        if not 0 <= target < 256:
            raise TypeError("character mapping must be in range(256)")
        return bytes((target,))
    raise TypeError("character mapping must return integer, bytes or None, not %s"
                    % type(target).__name__)


def _charmap_encode_all(replacement, mapping):
    """`replacement` (an error handler's str) encoded, or None if some
    character of it is undefined too."""
    out = bytearray()
    for c in replacement:
        encoded = _charmap_lookup(mapping, c)
        if encoded is None:
            return None
        out += encoded
    return out


def charmap_encode(str, errors=None, mapping=None, /):
    """Encode `str` through an encoding mapping (latin-1 if None):
    (bytes, characters consumed)."""
    _check_str(str, 'charmap_encode')
    if mapping is None:
        return latin_1_encode(str, errors)
    text = str
    length = len(text)
    if type(mapping) is EncodingMap:
        try:
            return b''.join(map(mapping._bytes_of.__getitem__, text)), length
        except KeyError:
            pass  # an undefined character: the slow path reports it
    errors = errors or 'strict'
    out = bytearray()
    pos = 0
    while pos < length:
        encoded = _charmap_lookup(mapping, text[pos])
        if encoded is not None:
            out += encoded
            pos += 1
            continue
        # The handler gets the whole run of undefined characters.
        end = pos + 1
        while end < length and _charmap_lookup(mapping, text[end]) is None:
            end += 1
        # CPython applies these by name, without calling the handler; the
        # replacement goes through the mapping and must be defined there.
        if errors == 'ignore':
            pos = end
            continue
        if errors == 'strict':
            raise _encode_error('charmap', text, pos, end, _UNDEFINED)
        if errors == 'replace':
            replacement = '?' * (end - pos)
            resume = end
        elif errors == 'xmlcharrefreplace':
            replacement = ''.join(['&#%d;' % ord(c) for c in text[pos:end]])
            resume = end
        else:
            exc = _encode_error('charmap', text, pos, end, _UNDEFINED)
            replacement, resume = _call_encode_handler(errors, exc, length)
            if isinstance(replacement, bytes):
                out += replacement
                pos = resume
                continue
        encoded = _charmap_encode_all(replacement, mapping)
        if encoded is None:
            raise _encode_error('charmap', text, pos, end, _UNDEFINED)
        out += encoded
        pos = resume
    return bytes(out), length


def _charmap_decode_table(data, errors, table):
    """charmap_decode through a decoding table (a str)."""
    if len(table) < 256:
        # Bytes past the end of the table are undefined.
        table = table + '\ufffe' * (256 - len(table))
    text = data.decode('latin-1').translate(table)
    bad = text.find('\ufffe')
    if bad < 0:
        return text
    errors = errors or 'strict'
    length = len(data)
    pieces = []
    pos = 0
    while bad >= 0:
        pieces.append(text[pos:bad])
        exc = _decode_error('charmap', data, bad, bad + 1, _UNDEFINED)
        replacement, pos = _call_decode_handler(errors, exc, length)
        pieces.append(replacement)
        bad = text.find('\ufffe', pos)
    pieces.append(text[pos:])
    return ''.join(pieces)


def _charmap_decode_mapping(data, errors, mapping):
    """charmap_decode through any mapping indexed by byte."""
    errors = errors or 'strict'
    length = len(data)
    pieces = []
    pos = 0
    while pos < length:
        try:
            target = mapping[data[pos]]
        except LookupError:
            target = None
        if isinstance(target, int):
            if target != 0xfffe:
                if not 0 <= target < 0x110000:
                    raise TypeError("character mapping must be in range(0x110000)")
                pieces.append(chr(target))
                pos += 1
                continue
        elif isinstance(target, str):
            if target != '\ufffe':
                pieces.append(target)
                pos += 1
                continue
        elif target is not None:
            raise TypeError("character mapping must return integer, None or str")
        exc = _decode_error('charmap', data, pos, pos + 1, _UNDEFINED)
        replacement, pos = _call_decode_handler(errors, exc, length)
        pieces.append(replacement)
    return ''.join(pieces)


def charmap_decode(data, errors=None, mapping=None, /):
    """Decode `data` through a decoding table or mapping (latin-1 if None):
    (str, bytes consumed)."""
    if mapping is None:
        return latin_1_decode(data, errors)
    data = _as_bytes(data)
    if type(mapping) is builtins.str:
        return _charmap_decode_table(data, errors, mapping), len(data)
    return _charmap_decode_mapping(data, errors, mapping), len(data)


# ---------------------------------------------------------------------------
# Bytes-to-bytes and str-to-str codecs.

def _hex_encode(input, errors='strict'):
    import binascii
    return binascii.b2a_hex(input), len(input)


def _hex_decode(input, errors='strict'):
    import binascii
    return binascii.a2b_hex(input), len(input)


def _base64_encode(input, errors='strict'):
    import binascii
    data = memoryview(input).tobytes()
    # 57 bytes make a 76-character line, as base64.encodebytes writes.
    lines = [binascii.b2a_base64(data[i:i + 57]) for i in range(0, len(data), 57)]
    return b''.join(lines), len(input)


def _base64_decode(input, errors='strict'):
    import binascii
    if isinstance(input, str):
        raise TypeError("expected bytes-like object, not str")
    return binascii.a2b_base64(memoryview(input).tobytes()), len(input)


def _zlib_encode(input, errors='strict'):
    import zlib
    return zlib.compress(input), len(input)


def _zlib_decode(input, errors='strict'):
    import zlib
    return zlib.decompress(input), len(input)


_ROT13 = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                       'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def _rot13(input, errors='strict'):
    return str.translate(input, _ROT13), len(input)


# ---------------------------------------------------------------------------
# Base classes.

class CodecInfo(tuple):
    """What `lookup` returns: the codec's functions and classes; as a tuple,
    (encode, decode, streamreader, streamwriter)."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """The stateless encode/decode interface: both return (output, length
    consumed)."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes input given in pieces; `final=True` on the last piece."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An incremental encoder keeping the input `_buffer_encode` left
    unconsumed for the next call."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder:
    """Decodes input given in pieces; `final=True` on the last piece."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder keeping the bytes `_buffer_decode` left
    unconsumed (an incomplete sequence) for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    """Writes encoded data to a binary stream; other attributes are the
    stream's."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    """Reads and decodes data from a binary stream; other attributes are the
    stream's."""

    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self._empty_charbuffer = self.charbuffertype()
        self.charbuffer = self._empty_charbuffer

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def _fill(self, size):
        """Read and decode more; False at the end of the stream."""
        new = self.stream.read() if size < 0 else self.stream.read(size)
        data = self.bytebuffer + new
        if not data:
            return False
        chars, consumed = self.decode(data, self.errors)
        self.bytebuffer = data[consumed:]
        self.charbuffer += chars
        return bool(new)

    def read(self, size=-1, chars=-1, firstline=False):
        """Up to `chars` characters (or all), reading `size` bytes at a
        time (or all at once)."""
        if chars < 0:
            chars = size
        while chars < 0 or len(self.charbuffer) < chars:
            if not self._fill(size):
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        """The next line, reading `size` bytes at a time (with `size`, at
        most one read)."""
        chunk = size if size is not None and size > 0 else 72
        more = True
        while True:
            lines = self.charbuffer.splitlines(True)
            if lines:
                line = lines[0]
                ended = line != line.splitlines()[0]
                # A '\r' at the end of what is decoded so far may be the
                # start of '\r\n'.
                cr = '\r' if isinstance(line, str) else b'\r'
                if ended and (len(lines) > 1 or not line.endswith(cr) or not more):
                    self.charbuffer = self.charbuffer[len(line):]
                    return line if keepends else line.splitlines()[0]
            if not more or (size is not None and size > 0 and self.charbuffer):
                line = self.charbuffer
                self.charbuffer = self._empty_charbuffer
                return line if keepends or not line else line.splitlines()[0]
            more = self._fill(chunk)
            if chunk < 8000:
                chunk *= 2

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    """A stream both read and written through a codec's StreamReader and
    StreamWriter (what `codecs.open` returns)."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    """Data in one encoding outside, another in the stream: reads decode
    with the stream's codec and encode with `encode`; writes the reverse."""

    data_encoding = 'unknown'
    file_encoding = 'unknown'

    def __init__(self, stream, encode, decode, Reader, Writer, errors='strict'):
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.encode(self.reader.read(size), self.errors)[0]

    def readline(self, size=None):
        return self.encode(self.reader.readline(size), self.errors)[0]

    def readlines(self, sizehint=None):
        return self.encode(self.reader.read(), self.errors)[0].splitlines(keepends=True)

    def __next__(self):
        return self.encode(next(self.reader), self.errors)[0]

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(self.decode(data, self.errors)[0])

    def writelines(self, list):
        return self.write(b''.join(list))

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.reader.seek(offset, whence)
        self.writer.seek(offset, whence)

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


# ---------------------------------------------------------------------------
# The built-in codecs' CodecInfo, made on first lookup.

# The codecs' own classes reuse these names.
_BaseIncrementalEncoder = IncrementalEncoder
_BaseIncrementalDecoder = IncrementalDecoder
_BaseStreamWriter = StreamWriter
_BaseStreamReader = StreamReader

def _stateless(name, encode_fn, decode_fn, text=True):
    """CodecInfo for a codec whose `encode_fn(input, errors)` needs no
    state and whose `decode_fn(input, errors, final)` may leave an
    incomplete tail."""
    # (The outer functions are not named encode/decode: krait's compiler
    # cannot yet resolve a free variable named like a method of the class
    # that uses it.)

    class IncrementalEncoder(_BaseIncrementalEncoder):
        def encode(self, input, final=False):
            return encode_fn(input, self.errors)[0]

    class IncrementalDecoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            return decode_fn(input, errors, final)

    class StreamWriter(_BaseStreamWriter):
        def encode(self, input, errors='strict'):
            return encode_fn(input, errors)

    class StreamReader(_BaseStreamReader):
        def decode(self, input, errors='strict'):
            return decode_fn(input, errors, False)

    if not text:
        StreamReader.charbuffertype = bytes

    def decode_all(input, errors='strict'):
        return decode_fn(input, errors, True)

    return CodecInfo(encode_fn, decode_all, StreamReader, StreamWriter,
                     IncrementalEncoder, IncrementalDecoder, name=name,
                     _is_text_encoding=text)


def _whole(function):
    """A decode(input, errors, final) for codecs that take all the input."""
    def decode(input, errors, final):
        return function(input, errors)
    return decode


def _with_bom(name, size):
    """CodecInfo for utf-16 or utf-32: a BOM first, then native order when
    encoding; the BOM chooses the order when decoding."""
    bom_encode = utf_16_encode if size == 2 else utf_32_encode
    ex_decode = utf_16_ex_decode if size == 2 else utf_32_ex_decode
    little_decode = utf_16_le_decode if size == 2 else utf_32_le_decode
    big_decode = utf_16_be_decode if size == 2 else utf_32_be_decode
    plain_encode = utf_16_le_encode if size == 2 else utf_32_le_encode
    if not _NATIVE_LITTLE:
        plain_encode = utf_16_be_encode if size == 2 else utf_32_be_encode
    stream_name = name.upper()

    def encode(input, errors='strict'):
        return bom_encode(input, errors)

    def decode(input, errors='strict'):
        return ex_decode(input, errors, 0, True)[:2]

    class IncrementalEncoder(_BaseIncrementalEncoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.started = False

        def encode(self, input, final=False):
            if self.started:
                return plain_encode(input, self.errors)[0]
            self.started = True
            return bom_encode(input, self.errors)[0]

        def reset(self):
            self.started = False

        def getstate(self):
            return 0 if self.started else 2

        def setstate(self, state):
            self.started = not state

    class IncrementalDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.byte_decode = None

        def _buffer_decode(self, input, errors, final):
            if self.byte_decode is not None:
                return self.byte_decode(input, errors, final)
            text, consumed, byteorder = ex_decode(input, errors, 0, final)
            if byteorder == -1:
                self.byte_decode = little_decode
            elif byteorder == 1:
                self.byte_decode = big_decode
            elif consumed >= size:
                raise UnicodeError("%s stream does not start with BOM" % stream_name)
            return text, consumed

        def reset(self):
            super().reset()
            self.byte_decode = None

    class StreamWriter(_BaseStreamWriter):
        def __init__(self, stream, errors='strict'):
            super().__init__(stream, errors)
            self.started = False

        def reset(self):
            self.started = False

        def encode(self, input, errors='strict'):
            if self.started:
                return plain_encode(input, errors)
            self.started = True
            return bom_encode(input, errors)

    class StreamReader(_BaseStreamReader):
        byte_decode = None

        def reset(self):
            super().reset()
            self.byte_decode = None

        def decode(self, input, errors='strict'):
            if self.byte_decode is not None:
                return self.byte_decode(input, errors, False)
            text, consumed, byteorder = ex_decode(input, errors, 0, False)
            if byteorder == -1:
                self.byte_decode = little_decode
            elif byteorder == 1:
                self.byte_decode = big_decode
            elif consumed >= size:
                raise UnicodeError("%s stream does not start with BOM" % stream_name)
            return text, consumed

    return CodecInfo(encode, decode, StreamReader, StreamWriter,
                     IncrementalEncoder, IncrementalDecoder, name=name)


def _utf_8_sig():
    def sig_encode(input, errors='strict'):
        return BOM_UTF8 + utf_8_encode(input, errors)[0], len(input)

    def sig_decode(input, errors='strict'):
        input = _as_bytes(input)
        skipped = 3 if input[:3] == BOM_UTF8 else 0
        text, consumed = utf_8_decode(input[skipped:], errors, True)
        return text, consumed + skipped

    class IncrementalEncoder(_BaseIncrementalEncoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.started = False

        def encode(self, input, final=False):
            if self.started:
                return utf_8_encode(input, self.errors)[0]
            self.started = True
            return BOM_UTF8 + utf_8_encode(input, self.errors)[0]

        def reset(self):
            self.started = False

        def getstate(self):
            return 0 if self.started else 1

        def setstate(self, state):
            self.started = not state

    class IncrementalDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.bom_checked = False

        def _buffer_decode(self, input, errors, final):
            if self.bom_checked:
                return utf_8_decode(input, errors, final)
            if len(input) < 3 and BOM_UTF8.startswith(input) and not final:
                return '', 0
            self.bom_checked = True
            skipped = 3 if input[:3] == BOM_UTF8 else 0
            text, consumed = utf_8_decode(input[skipped:], errors, final)
            return text, consumed + skipped

        def reset(self):
            super().reset()
            self.bom_checked = False

    class StreamWriter(_BaseStreamWriter):
        started = False

        def reset(self):
            self.started = False

        def encode(self, input, errors='strict'):
            if self.started:
                return utf_8_encode(input, errors)
            self.started = True
            return sig_encode(input, errors)

    class StreamReader(_BaseStreamReader):
        bom_checked = False

        def reset(self):
            super().reset()
            self.bom_checked = False

        def decode(self, input, errors='strict'):
            if self.bom_checked:
                return utf_8_decode(input, errors, False)
            if len(input) < 3 and BOM_UTF8.startswith(input):
                return '', 0
            self.bom_checked = True
            skipped = 3 if input[:3] == BOM_UTF8 else 0
            text, consumed = utf_8_decode(input[skipped:], errors, False)
            return text, consumed + skipped

    return CodecInfo(sig_encode, sig_decode, StreamReader, StreamWriter,
                     IncrementalEncoder, IncrementalDecoder, name='utf-8-sig')


def _code_page(name, high):
    page = _CodePage(high)
    return _stateless(name, page.encode, _whole(page.decode))


def _zlib_codec():
    """zlib: incrementally, one compressed stream across the pieces."""
    import zlib
    info = _stateless('zlib', _zlib_encode, _whole(_zlib_decode), False)

    class IncrementalEncoder(info.incrementalencoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.compressor = zlib.compressobj()

        def encode(self, input, final=False):
            if final:
                data = self.compressor.compress(input) + self.compressor.flush()
                self.compressor = zlib.compressobj()
                return data
            return self.compressor.compress(input)

        def reset(self):
            self.compressor = zlib.compressobj()

    class IncrementalDecoder(_BaseIncrementalDecoder):
        def __init__(self, errors='strict'):
            super().__init__(errors)
            self.decompressor = zlib.decompressobj()

        def decode(self, input, final=False):
            if final:
                data = self.decompressor.decompress(input) + self.decompressor.flush()
                self.decompressor = zlib.decompressobj()
                return data
            return self.decompressor.decompress(input)

        def reset(self):
            self.decompressor = zlib.decompressobj()

    return CodecInfo(info.encode, info.decode, info.streamreader, info.streamwriter,
                     IncrementalEncoder, IncrementalDecoder, name='zlib',
                     _is_text_encoding=False)


def _decoder_of(function):
    def decode(input, errors, final):
        return function(input, errors, final)
    return decode


_BUILTIN = {
    'utf_8': lambda: _stateless('utf-8', utf_8_encode, _decoder_of(utf_8_decode)),
    'ascii': lambda: _stateless('ascii', ascii_encode, _whole(ascii_decode)),
    'latin_1': lambda: _stateless('iso8859-1', latin_1_encode, _whole(latin_1_decode)),
    'utf_8_sig': _utf_8_sig,
    'utf_16': lambda: _with_bom('utf-16', 2),
    'utf_16_le': lambda: _stateless('utf-16-le', utf_16_le_encode, _decoder_of(utf_16_le_decode)),
    'utf_16_be': lambda: _stateless('utf-16-be', utf_16_be_encode, _decoder_of(utf_16_be_decode)),
    'utf_32': lambda: _with_bom('utf-32', 4),
    'utf_32_le': lambda: _stateless('utf-32-le', utf_32_le_encode, _decoder_of(utf_32_le_decode)),
    'utf_32_be': lambda: _stateless('utf-32-be', utf_32_be_encode, _decoder_of(utf_32_be_decode)),
    'cp1252': lambda: _code_page('cp1252', _CP1252_HIGH),
    'cp437': lambda: _code_page('cp437', _CP437_HIGH),
    'hex_codec': lambda: _stateless('hex', _hex_encode, _whole(_hex_decode), False),
    'base64_codec': lambda: _stateless('base64', _base64_encode, _whole(_base64_decode), False),
    'zlib_codec': _zlib_codec,
    'rot_13': lambda: _stateless('rot-13', _rot13, _whole(_rot13), False),
}

_ALIASES = {
    'cp65001': 'utf_8', 'u8': 'utf_8', 'utf': 'utf_8', 'utf8': 'utf_8',
    'utf8_ucs2': 'utf_8', 'utf8_ucs4': 'utf_8',
    '646': 'ascii', 'ansi_x3.4_1968': 'ascii', 'ansi_x3.4_1986': 'ascii',
    'ansi_x3_4_1968': 'ascii', 'cp367': 'ascii', 'csascii': 'ascii',
    'ibm367': 'ascii', 'iso646_us': 'ascii', 'iso_646.irv_1991': 'ascii',
    'iso_ir_6': 'ascii', 'us': 'ascii', 'us_ascii': 'ascii',
    '8859': 'latin_1', 'cp819': 'latin_1', 'csisolatin1': 'latin_1',
    'ibm819': 'latin_1', 'iso8859': 'latin_1', 'iso8859_1': 'latin_1',
    'iso_8859_1': 'latin_1', 'iso_8859_1_1987': 'latin_1',
    'iso_ir_100': 'latin_1', 'l1': 'latin_1', 'latin': 'latin_1',
    'latin1': 'latin_1',
    'u16': 'utf_16', 'utf16': 'utf_16',
    'unicodelittleunmarked': 'utf_16_le', 'utf_16le': 'utf_16_le',
    'unicodebigunmarked': 'utf_16_be', 'utf_16be': 'utf_16_be',
    'u32': 'utf_32', 'utf32': 'utf_32',
    'utf_32le': 'utf_32_le', 'utf_32be': 'utf_32_be',
    '1252': 'cp1252', 'windows_1252': 'cp1252',
    '437': 'cp437', 'cspc8codepage437': 'cp437', 'ibm437': 'cp437',
    'hex': 'hex_codec', 'base64': 'base64_codec', 'base_64': 'base64_codec',
    'zip': 'zlib_codec', 'zlib': 'zlib_codec', 'rot13': 'rot_13',
}

_builtin_infos = {}


def _search_builtin(normalized):
    module = _ALIASES.get(normalized, normalized)
    info = _builtin_infos.get(module)
    if info is None:
        make = _BUILTIN.get(module)
        if make is None:
            return None
        info = _builtin_infos[module] = make()
    return info


# ---------------------------------------------------------------------------
# The registry.

_search_functions = [_search_builtin]
# CPython caches by normalised name; the cache by the name as given saves
# normalising it again.
_normalized_cache = {}
_lookup_cache = {}


def _normalize(encoding):
    """Lower case, each run of characters other than letters, digits and
    '.' one '_', none at either end ('UTF-8 ' -> 'utf_8')."""
    pieces = []
    run = []
    for c in encoding.lower():
        if c.isalnum() and c.isascii() or c == '.':
            run.append(c)
        elif run:
            pieces.append(''.join(run))
            run = []
    if run:
        pieces.append(''.join(run))
    return '_'.join(pieces)


def register(search_function, /):
    """Add a search function: called with a normalised encoding name, it
    returns a CodecInfo or None."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function, /):
    """Remove a search function (and forget the lookups made so far)."""
    if search_function in _search_functions:
        _search_functions.remove(search_function)
        _normalized_cache.clear()
        _lookup_cache.clear()


def _search(normalized):
    """The first search function's answer for `normalized`, or None."""
    for search in _search_functions:
        info = search(normalized)
        if info is not None:
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError("codec search functions must return 4-tuples")
            return info
    return None


_encodings_loaded = False


def _load_encodings():
    """Imports the `encodings` package (whose import registers its search
    function, as CPython's start-up does) the first time a name is
    unknown; whether that was now."""
    global _encodings_loaded
    if _encodings_loaded:
        return False
    _encodings_loaded = True
    try:
        import encodings
    except ImportError:
        return False
    return True


def lookup(encoding, /):
    """The CodecInfo for `encoding` (LookupError if no search function
    knows it)."""
    try:
        return _lookup_cache[encoding]
    except KeyError:
        pass
    except TypeError:
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__) from None
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    normalized = _normalize(encoding)
    info = _normalized_cache.get(normalized)
    if info is None:
        info = _search(normalized)
        if info is None and _load_encodings():
            info = _search(normalized)
        if info is None:
            raise LookupError("unknown encoding: %s" % encoding)
        _normalized_cache[normalized] = info
    _lookup_cache[encoding] = info
    return info


def _rewrapped(exc, action, encoding):
    """CPython's 'encoding with 'x' codec failed (E: message)': a copy of a
    plain exception (one message, no state) naming the codec, else None."""
    if isinstance(exc, (UnicodeError, OSError)) or len(exc.args) > 1 or getattr(exc, '__dict__', None):
        return None
    try:
        return type(exc)("%s with %r codec failed (%s: %s)" % (action, encoding, type(exc).__name__, exc))
    except Exception:
        return None


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode `obj` with any codec (text or bytes-to-bytes)."""
    encoder = lookup(encoding).encode
    try:
        return encoder(obj, errors)[0]
    except Exception as exc:
        wrapped = _rewrapped(exc, 'encoding', encoding)
        if wrapped is None:
            raise
        raise wrapped from exc


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode `obj` with any codec (text or bytes-to-bytes)."""
    decoder = lookup(encoding).decode
    try:
        return decoder(obj, errors)[0]
    except Exception as exc:
        wrapped = _rewrapped(exc, 'decoding', encoding)
        if wrapped is None:
            raise
        raise wrapped from exc


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encode each string of `iterator`, yielding the non-empty results."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for piece in iterator:
        output = encoder.encode(piece)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decode each bytes object of `iterator`, yielding the non-empty
    results."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for piece in iterator:
        output = decoder.decode(piece)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file in binary mode, reading and writing text through the
    codec `encoding` (a plain binary file if encoding is None)."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        wrapper = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        wrapper.encoding = encoding
        return wrapper
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Wrap `file` (holding `file_encoding`) so that it is read and written
    in `data_encoding`."""
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    recoder = StreamRecoder(file, data_info.encode, data_info.decode,
                            file_info.streamreader, file_info.streamwriter, errors)
    recoder.data_encoding = data_encoding
    recoder.file_encoding = file_encoding
    return recoder
