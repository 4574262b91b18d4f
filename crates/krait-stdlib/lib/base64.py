"""Base16, Base32, Base64 (RFC 3548) and Base85/Ascii85 codecs.

The interface of CPython's `base64`; the Base64 and Base16 work is done by
`binascii`, the others are computed here.
"""

import binascii

__all__ = [
    # Base64 (legacy and modern spellings)
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
    # Base32 and Base16
    'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode',
    'b16encode', 'b16decode',
    # Base85
    'b85encode', 'b85decode',
]

bytes_types = (bytes, bytearray)

MAXLINESIZE = 76                       # characters per encodebytes line
MAXBINSIZE = MAXLINESIZE // 4 * 3      # the input bytes making one line


# -- argument coercion ------------------------------------------------------

def _decodable(value):
    """Bytes for a decoder argument: ASCII str, or any bytes-like object."""
    if isinstance(value, str):
        try:
            return value.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only '
                             'ASCII characters')
    if isinstance(value, bytes_types):
        return value
    try:
        view = memoryview(value)
    except TypeError:
        kind = type(value).__name__
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % kind) from None
    return view.tobytes()


def _raw(value):
    """Bytes of a bytes-like encoder argument."""
    if isinstance(value, bytes_types):
        return bytes(value)
    return memoryview(value).tobytes()


def _byte_buffer(value):
    """encodebytes/decodebytes accept only flat buffers of single bytes."""
    try:
        view = memoryview(value)
    except TypeError as exc:
        raise TypeError('expected bytes-like object, not %s'
                        % type(value).__name__) from exc
    kind = type(value).__name__
    if view.format not in ('c', 'b', 'B'):
        raise TypeError('expected single byte elements, not %r from %s'
                        % (view.format, kind))
    if view.ndim != 1:
        raise TypeError('expected 1-D data, not %d-D data from %s'
                        % (view.ndim, kind))


# -- Base64 -------------------------------------------------------------------

def _check_pair(chars):
    assert len(chars) == 2, repr(chars)
    return chars


def b64encode(s, altchars=None):
    """Base64 of the bytes-like `s`; `altchars` replaces '+' and '/'."""
    out = binascii.b2a_base64(s, newline=False)
    if altchars is None:
        return out
    table = bytes.maketrans(b'+/', _check_pair(altchars))
    return out.translate(table)


def b64decode(s, altchars=None, validate=False):
    """Decode Base64; `validate` rejects bytes outside the alphabet."""
    data = _decodable(s)
    if altchars is not None:
        pair = _check_pair(_decodable(altchars))
        data = data.translate(bytes.maketrans(pair, b'+/'))
    return binascii.a2b_base64(data, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_TO_URLSAFE = bytes.maketrans(b'+/', b'-_')
_FROM_URLSAFE = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    return b64encode(s).translate(_TO_URLSAFE)


def urlsafe_b64decode(s):
    return b64decode(_decodable(s).translate(_FROM_URLSAFE))


def encodebytes(s):
    """Base64 in lines of 76 characters, each ending with a newline."""
    _byte_buffer(s)
    data = _raw(s)
    step = MAXBINSIZE
    return b''.join([binascii.b2a_base64(data[at:at + step])
                     for at in range(0, len(data), step)])


def decodebytes(s):
    _byte_buffer(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Base64-encode the binary stream `input` into `output`, in lines."""
    while True:
        block = input.read(MAXBINSIZE)
        if not block:
            return
        # Fill the block completely so each line has its full length.
        while len(block) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(block))
            if not more:
                break
            block += more
        output.write(binascii.b2a_base64(block))


def decode(input, output):
    """Decode the Base64 lines of the binary stream `input` into `output`."""
    for line in iter(input.readline, b''):
        if not line:
            break
        output.write(binascii.a2b_base64(line))


# -- Base32 ---------------------------------------------------------------------

_RFC4648_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_EXTENDED_HEX_B32 = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Significant characters of a final group of 1..4 input bytes.
_B32_SIGNIFICANT = {1: 2, 2: 4, 3: 5, 4: 7}
# Where each of the eight 5-bit digits of a 40-bit group sits.
_B32_SHIFTS = tuple(range(35, -1, -5))
# Bytes to drop from the last decoded group, by number of '=' characters.
_B32_TRIM = {0: 0, 1: 1, 3: 2, 4: 3, 6: 4}


def _base32_encode(digits, s):
    data = _raw(s)
    full, rest = divmod(len(data), 5)
    if rest:
        data += bytes(5 - rest)
    pieces = bytearray()
    for start in range(0, len(data), 5):
        group = int.from_bytes(data[start:start + 5], 'big')
        pieces.extend([digits[(group >> shift) & 0x1f]
                       for shift in _B32_SHIFTS])
    if rest:
        keep = len(pieces) - 8 + _B32_SIGNIFICANT[rest]
        pieces[keep:] = b'=' * (len(pieces) - keep)
    return bytes(pieces)


def _base32_decode(digits, s, casefold, map01):
    text = _decodable(s)
    if len(text) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _decodable(map01)
        assert len(map01) == 1, repr(map01)
        text = text.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        text = text.upper()
    body = text.rstrip(b'=')
    padded = len(text) - len(body)
    index = {code: value for value, code in enumerate(digits)}
    try:
        values = [index[code] for code in body]
    except KeyError:
        raise binascii.Error('Non-base32 digit found') from None
    if padded not in _B32_TRIM:
        raise binascii.Error('Incorrect padding')
    out = bytearray()
    for start in range(0, len(values), 8):
        group = values[start:start + 8]
        number = 0
        for value in group:
            number = number * 32 + value
        number <<= 5 * (8 - len(group))
        out += number.to_bytes(5, 'big')
    if out and _B32_TRIM[padded]:
        del out[-_B32_TRIM[padded]:]
    return bytes(out)


def b32encode(s):
    """Base32 (RFC 4648 alphabet) of the bytes-like `s`."""
    return _base32_encode(_RFC4648_B32, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32; `casefold` accepts lower case, `map01` says which
    letter the digit 1 stands for (0 is always O)."""
    return _base32_decode(_RFC4648_B32, s, casefold, map01)


def b32hexencode(s):
    """Base32 with the Extended Hex alphabet (RFC 4648)."""
    return _base32_encode(_EXTENDED_HEX_B32, s)


def b32hexdecode(s, casefold=False):
    return _base32_decode(_EXTENDED_HEX_B32, s, casefold, None)


# -- Base16 ---------------------------------------------------------------------

_HEX_UPPER = frozenset(b'0123456789ABCDEF')


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    text = _decodable(s)
    if casefold:
        text = text.upper()
    if not _HEX_UPPER.issuperset(text):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(text)


# -- Base85 and Ascii85 -------------------------------------------------------

_B85_DIGITS = (b'0123456789'
               b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
               b'abcdefghijklmnopqrstuvwxyz'
               b'!#$%&()*+-;<=>?@^_`{|}~')
_B85_VALUES = {code: value for value, code in enumerate(_B85_DIGITS)}
_POWERS_85 = (85 ** 4, 85 ** 3, 85 ** 2, 85, 1)


def _words(data):
    """The big-endian 32-bit words of `data` (zero-filled at the end) and
    how many fill bytes that took."""
    fill = -len(data) % 4
    if fill:
        data = data + bytes(fill)
    words = [int.from_bytes(data[k:k + 4], 'big')
             for k in range(0, len(data), 4)]
    return words, fill


def _digits_85(word):
    return [word // power % 85 for power in _POWERS_85]


def b85encode(b, pad=False):
    """Base85 (the alphabet of git and Mercurial) of the bytes-like `b`."""
    words, fill = _words(_raw(b))
    out = bytearray()
    for word in words:
        out.extend(_B85_DIGITS[d] for d in _digits_85(word))
    if fill and not pad:
        del out[len(out) - fill:]
    return bytes(out)


def b85decode(b):
    """Decode Base85; whitespace is not allowed."""
    text = _decodable(b)
    fill = -len(text) % 5
    text = text + b'~' * fill
    out = bytearray()
    for start in range(0, len(text), 5):
        number = 0
        for offset in range(5):
            value = _B85_VALUES.get(text[start + offset])
            if value is None:
                raise ValueError('bad base85 character at position %d'
                                 % (start + offset))
            number = number * 85 + value
        if number >> 32:
            raise ValueError('base85 overflow in hunk starting at byte %d'
                             % start)
        out += number.to_bytes(4, 'big')
    if fill:
        del out[len(out) - fill:]
    return bytes(out)


_A85_OPEN = b'<~'
_A85_CLOSE = b'~>'
_A85_FIRST = ord('!')      # digit value 0
_A85_LAST = ord('u')       # digit value 84


def _wrap_lines(text, width, adobe):
    if not text:
        return text
    rows = [text[k:k + width] for k in range(0, len(text), width)]
    # The closing '~>' must not be split across lines.
    if adobe and len(rows[-1]) > width - 2:
        rows.append(b'')
    return b'\n'.join(rows)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85 of the bytes-like `b`: 'z' abbreviates four zero bytes,
    'y' four spaces (with `foldspaces`); `wrapcol` limits the line length,
    `adobe` frames the result with '<~' and '~>'."""
    words, fill = _words(_raw(b))
    partial_last = bool(fill) and not pad
    out = bytearray()
    for position, word in enumerate(words):
        last = position == len(words) - 1
        if word == 0 and not (last and partial_last):
            out += b'z'
        elif foldspaces and word == 0x20202020:
            out += b'y'
        else:
            out.extend(_A85_FIRST + d for d in _digits_85(word))
    if partial_last:
        del out[len(out) - fill:]
    text = bytes(out)
    if adobe:
        text = _A85_OPEN + text
    if wrapcol:
        text = _wrap_lines(text, max(wrapcol, 2 if adobe else 1), adobe)
    if adobe:
        text += _A85_CLOSE
    return text


def _a85_word(digits):
    number = 0
    for value in digits:
        number = number * 85 + value
    if number >> 32:
        raise ValueError('Ascii85 overflow')
    return number.to_bytes(4, 'big')


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 (with `adobe`, framed by '<~' and '~>')."""
    text = _decodable(b)
    if adobe:
        if not text.endswith(_A85_CLOSE):
            raise ValueError('Ascii85 encoded byte sequences must end '
                             'with {!r}'.format(_A85_CLOSE))
        text = text[2 if text.startswith(_A85_OPEN) else 0:-2]
    out = bytearray()
    pending = []
    for code in text:
        if _A85_FIRST <= code <= _A85_LAST:
            pending.append(code - _A85_FIRST)
            if len(pending) == 5:
                out += _a85_word(pending)
                pending = []
            continue
        if code == 0x7a:          # 'z'
            if pending:
                raise ValueError('z inside Ascii85 5-tuple')
            out += bytes(4)
        elif code == 0x79 and foldspaces:     # 'y'
            if pending:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'\x20' * 4
        elif code not in ignorechars:
            raise ValueError('Non-Ascii85 digit found: %c' % code)
    if pending:
        missing = 5 - len(pending)
        out += _a85_word(pending + [84] * missing)[:4 - missing]
    return bytes(out)
