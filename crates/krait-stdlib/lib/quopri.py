"""Conversions to and from quoted-printable transport encoding (RFC 1521).

encode/decode work on binary file objects, encodestring/decodestring on
bytes.  CPython does the work in binascii.b2a_qp/a2b_qp when they exist;
krait's binascii has neither, so this module carries its own encoder and
decoder that reproduce their output byte for byte (line breaks at 76
columns, CRLF kept when the data uses it, trailing blanks and a lone '.'
on a line escaped, '_' for ' ' in header mode, lenient decoding of bad
escapes).  The helpers needsquoting, quote, ishex and unhex are kept for
programs that use them.  Left out: the command-line interface (main).
"""

__all__ = ["encode", "decode", "encodestring", "decodestring"]

ESCAPE = b'='
MAXLINESIZE = 76
HEX = b'0123456789ABCDEF'
EMPTYSTRING = b''

_EQUALS = ord('=')
_UNDERSCORE = ord('_')
_SPACE = ord(' ')
_TAB = ord('\t')
_CR = ord('\r')
_LF = ord('\n')
_DOT = ord('.')
_HEX_DIGITS = b'0123456789abcdefABCDEF'


def needsquoting(c, quotetabs, header):
    """Whether the single byte c must be written as an escape.

    Space and tab count as needing quotes only when quotetabs is true;
    the caller deals with whitespace at the end of a line.
    """
    assert isinstance(c, bytes)
    if c in b' \t':
        return quotetabs
    if c == b'_':
        return header
    return c == ESCAPE or not (b' ' <= c <= b'~')


def quote(c):
    """The escape sequence (=XX) for the single byte c."""
    assert isinstance(c, bytes) and len(c) == 1
    value = ord(c)
    return ESCAPE + bytes((HEX[value // 16], HEX[value % 16]))


def ishex(c):
    """Whether the single byte c is a hexadecimal digit."""
    assert isinstance(c, bytes)
    return b'0' <= c <= b'9' or b'a' <= c <= b'f' or b'A' <= c <= b'F'


def unhex(s):
    """The integer value of the hexadecimal digits in s."""
    bits = 0
    for x in s:
        x = bytes((x,))
        if b'0' <= x <= b'9':
            i = ord('0')
        elif b'a' <= x <= b'f':
            i = ord('a') - 10
        elif b'A' <= x <= b'F':
            i = ord(b'A') - 10
        else:
            assert False, "non-hex digit " + repr(x)
        bits = bits * 16 + (ord(x) - i)
    return bits


def _as_bytes(data):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError(
                "string argument should contain only ASCII characters")
    return bytes(data)


def _b2a_qp(data, quotetabs=False, istext=True, header=False):
    """Quoted-printable encoding with the rules of binascii.b2a_qp."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    data = bytes(data)
    size = len(data)
    # The whole output uses CRLF line ends when the first newline is one.
    first_newline = data.find(b'\n')
    crlf = first_newline > 0 and data[first_newline - 1] == _CR
    soft_break = b'=\r\n' if crlf else b'=\n'
    hard_break = b'\r\n' if crlf else b'\n'
    out = bytearray()
    line_length = 0
    pos = 0
    while pos < size:
        byte = data[pos]
        at_end = pos + 1 == size
        following = data[pos + 1] if not at_end else None
        must_quote = (
            byte > 126
            or byte == _EQUALS
            or (header and byte == _UNDERSCORE)
            # A line holding only '.' would end an SMTP message.
            or (byte == _DOT and line_length == 0
                and (at_end or following in (_LF, _CR, 0)))
            or (not istext and byte in (_CR, _LF))
            or (byte in (_TAB, _SPACE) and at_end)
            or (byte < 33 and byte not in (_CR, _LF)
                and (quotetabs or byte not in (_TAB, _SPACE))))
        if must_quote:
            if line_length + 3 >= MAXLINESIZE:
                out += soft_break
                line_length = 0
            out.append(_EQUALS)
            out.append(HEX[byte >> 4])
            out.append(HEX[byte & 15])
            pos += 1
            line_length += 3
        elif istext and (byte == _LF or (byte == _CR and following == _LF)):
            line_length = 0
            # Blanks at the end of a line would be lost in transport.
            if out and out[-1] in (_SPACE, _TAB):
                blank = out[-1]
                out[-1] = _EQUALS
                out.append(HEX[blank >> 4])
                out.append(HEX[blank & 15])
            out += hard_break
            pos += 2 if byte == _CR else 1
        else:
            if (not at_end and following != _LF
                    and line_length + 1 >= MAXLINESIZE):
                out += soft_break
                line_length = 0
            line_length += 1
            if header and byte == _SPACE:
                out.append(_UNDERSCORE)
            else:
                out.append(byte)
            pos += 1
    return bytes(out)


def _a2b_qp(data, header=False):
    """Quoted-printable decoding with the rules of binascii.a2b_qp."""
    data = _as_bytes(data)
    size = len(data)
    out = bytearray()
    pos = 0
    while pos < size:
        byte = data[pos]
        if byte == _EQUALS:
            pos += 1
            if pos >= size:
                break
            byte = data[pos]
            if byte in (_LF, _CR):
                # A soft line break: drop everything up to the newline.
                while pos < size and data[pos] != _LF:
                    pos += 1
                if pos < size:
                    pos += 1
            elif byte == _EQUALS:
                # "==" comes from old, broken encoders: keep one '='.
                out.append(_EQUALS)
                pos += 1
            elif (pos + 1 < size and byte in _HEX_DIGITS
                  and data[pos + 1] in _HEX_DIGITS):
                out.append(int(data[pos:pos + 2], 16))
                pos += 2
            else:
                # Not an escape after all: the '=' stands for itself.
                out.append(_EQUALS)
        elif header and byte == _UNDERSCORE:
            out.append(_SPACE)
            pos += 1
        else:
            out.append(byte)
            pos += 1
    return bytes(out)


def encode(input, output, quotetabs, header=False):
    """Read binary file input and write its encoding to binary file output.

    quotetabs says whether to escape embedded spaces and tabs; header
    selects the RFC 1522 header form, where spaces become '_'.
    """
    output.write(_b2a_qp(input.read(), quotetabs=quotetabs, header=header))


def encodestring(s, quotetabs=False, header=False):
    """The quoted-printable encoding of the bytes s."""
    return _b2a_qp(s, quotetabs=quotetabs, header=header)


def decode(input, output, header=False):
    """Read binary file input and write its decoding to binary file output.

    With header true, '_' decodes to a space.
    """
    output.write(_a2b_qp(input.read(), header=header))


def decodestring(s, header=False):
    """The bytes that the quoted-printable text s stands for."""
    return _a2b_qp(s, header=header)
