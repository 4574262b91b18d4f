"""Base64 content transfer encoding for headers (RFC 2047 'B') and bodies."""

__all__ = [
    'body_decode',
    'body_encode',
    'decode',
    'decodestring',
    'header_encode',
    'header_length',
    ]

import binascii

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''

# Characters an encoded word adds around its payload: =? ? b ? ?=
MISC_LEN = 7


def header_length(
        bytearray):
    """Length of the base64 text for `bytearray` (no chrome)."""
    return (len(bytearray) + 2) // 3 * 4


def header_encode(
        header_bytes, charset='iso-8859-1'):
    """One RFC 2047 'B' encoded word holding `header_bytes`."""
    if not header_bytes:
        return ''
    data = (header_bytes.encode(charset) if isinstance(header_bytes, str)
            else header_bytes)
    payload = binascii.b2a_base64(data, newline=False).decode('ascii')
    return '=?%s?b?%s?=' % (charset, payload)


def body_encode(
        s, maxlinelen=76, eol=NL):
    """Base64 text for bytes `s`, lines of at most `maxlinelen` characters,
    every line (the last included) ended by `eol`."""
    if not s:
        return ''
    step = maxlinelen * 3 // 4
    lines = [binascii.b2a_base64(s[at:at + step]).decode('ascii')
             for at in range(0, len(s), step)]
    if eol != NL:
        lines = [line[:-1] + eol if line[-1:] == NL else line
                 for line in lines]
    return ''.join(lines)


def decode(string):
    """Bytes from base64 text (str or bytes); empty input gives b''."""
    if not string:
        return b''
    if isinstance(string, str):
        return binascii.a2b_base64(string.encode('raw-unicode-escape'))
    return binascii.a2b_base64(string)


body_decode = decode
decodestring = decode
