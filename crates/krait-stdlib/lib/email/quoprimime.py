"""Quoted-printable encoding for headers (RFC 2047 'Q') and bodies
(RFC 2045), working on str whose characters stand for octets."""

__all__ = [
    'body_decode',
    'body_encode',
    'body_length',
    'decode',
    'decodestring',
    'header_decode',
    'header_encode',
    'header_length',
    'quote',
    'unquote',
    ]

import re

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''

_ESCAPED = ['=%02X' % _n for _n in range(256)]

# Octets that stand for themselves.
_HEADER_SAFE = (b'-!*+/0123456789'
                b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
_BODY_SAFE = bytes(range(32, 127)).replace(b'=', b'') + b'\t'


def _table(safe):
    table = {}
    for n in range(256):
        if n not in safe:
            table[n] = _ESCAPED[n]
    return table


_HEADER_TABLE = _table(_HEADER_SAFE)
_HEADER_TABLE[32] = '_'
_BODY_TABLE = _table(_BODY_SAFE)
# For encoding whole bodies line ends survive (the lines are split later).
_BODY_ENCODE_TABLE = dict(_BODY_TABLE)
del _BODY_ENCODE_TABLE[10], _BODY_ENCODE_TABLE[13]

# Octets that grow to three characters ('_' stands for a space).
_HEADER_UNSAFE = bytes(n for n in range(256)
                       if n not in _HEADER_SAFE and n != 32)
_BODY_UNSAFE = bytes(n for n in range(256) if n not in _BODY_SAFE)


def header_check(octet):
    """True if `octet` needs quoting in a 'Q' encoded header."""
    return octet not in _HEADER_SAFE


def body_check(octet):
    """True if `octet` needs quoting in a quoted-printable body."""
    return octet not in _BODY_SAFE


def header_length(
        bytearray):
    """Length of the 'Q' encoding of `bytearray` (no chrome)."""
    data = bytes(bytearray)
    quoted = len(data) - len(data.translate(None, _HEADER_UNSAFE))
    return len(data) + 2 * quoted


def body_length(
        bytearray):
    """Length of the quoted-printable body encoding of `bytearray`."""
    data = bytes(bytearray)
    quoted = len(data) - len(data.translate(None, _BODY_UNSAFE))
    return len(data) + 2 * quoted


def _max_append(L, s, maxlen,
                extra=''):
    s = s if isinstance(s, str) else chr(s)
    if L and len(L[-1]) + len(s) <= maxlen:
        L[-1] = L[-1] + extra + s
    else:
        L.append(s.lstrip())


def unquote(s):
    """The character of an '=XX' escape."""
    return chr(int(s[1:3], base=16))


def quote(c):
    """The '=XX' escape of a character below 256."""
    return _ESCAPED[ord(c)]


def header_encode(header_bytes,
                  charset='iso-8859-1'):
    """One RFC 2047 'Q' encoded word holding `header_bytes`."""
    if not header_bytes:
        return ''
    text = header_bytes.decode('latin1').translate(_HEADER_TABLE)
    return '=?' + charset + '?q?' + text + '?='


def _fold_line(line, width, soft_break, out):
    """Append to `out` the pieces of one quoted line, none longer than
    `width`; every piece but the last ends with a soft break '='."""
    pos = 0
    # Start positions past this leave room for one more whole piece.
    limit = len(line) - 1 - width
    while pos <= limit:
        end = pos + width - 1
        if line[end - 2] == '=':
            # An escape would straddle the break: its '=' ends this piece
            # and starts the next.
            out.append(line[pos:end - 1])
            pos = end - 2
        elif line[end - 1] == '=':
            out.append(line[pos:end])
            pos = end - 1
        else:
            out.append(line[pos:end] + '=')
            pos = end
    last = line[-1:]
    if last and last in ' \t':
        room = pos - limit
        if room > 2:
            tail = _ESCAPED[ord(last)]
        elif room == 2:
            tail = last + soft_break
        else:
            tail = soft_break + _ESCAPED[ord(last)]
        out.append(line[pos:-1] + tail)
    else:
        out.append(line[pos:])


def body_encode(body, maxlinelen=76,
                eol=NL):
    """Quoted-printable body encoding of str `body` (characters as octets)
    with lines of at most `maxlinelen` and line ends `eol`."""
    if maxlinelen < 4:
        raise ValueError("maxlinelen must be at least 4")
    if not body:
        return body
    quoted = body.translate(_BODY_ENCODE_TABLE)
    soft_break = '=' + eol
    out = []
    for line in quoted.splitlines():
        _fold_line(line, maxlinelen, soft_break, out)
    if quoted[-1] in CRLF:
        out.append('')
    return eol.join(out)


_ESCAPE_RE = re.compile('=([0-9a-fA-F]{2})')


def _unescape(match):
    return chr(int(match.group(1), 16))


def decode(encoded,
           eol=NL):
    """Decode a quoted-printable body; line ends become `eol`."""
    if not encoded:
        return encoded
    pieces = []
    for line in map(str.rstrip, encoded.splitlines()):
        if not line:
            pieces.append(eol)
            continue
        soft = line[-1] == '='
        if soft:
            line = line[:-1]
        pieces.append(_ESCAPE_RE.sub(_unescape, line))
        if not soft:
            pieces.append(eol)
    decoded = ''.join(pieces)
    if decoded.endswith(eol) and encoded[-1] not in CRLF:
        decoded = decoded[:-1]
    return decoded


body_decode = decode
decodestring = decode


def _unquote_match(found):
    return unquote(found.group())


_HEADER_ESCAPE_RE = re.compile('=[a-fA-F0-9]{2}', re.ASCII)


def header_decode(s):
    """Decode the text of an RFC 2047 'Q' encoded word."""
    return _HEADER_ESCAPE_RE.sub(_unquote_match, s.replace('_', ' '))
