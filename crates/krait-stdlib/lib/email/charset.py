"""Character sets as email sees them: how a charset's text goes into
headers (RFC 2047) and bodies, and what it is called on output."""

__all__ = [
    'Charset',
    'add_alias',
    'add_charset',
    'add_codec',
    ]

import email.base64mime
import email.encoders
import email.quoprimime
from email import errors

encode_7or8bit = email.encoders.encode_7or8bit

# How to encode: quoted-printable, base64, or whichever is shorter
# (headers only).
QP = 1
BASE64 = 2
SHORTEST = 3

# Length of the fixed parts of an encoded word: =? ? q ? ?=
RFC2047_CHROME_LEN = 7

DEFAULT_CHARSET = "us-ascii"
UNKNOWN8BIT = "unknown-8bit"
EMPTYSTRING = ''

# charset -> (header encoding, body encoding, output charset or None)
CHARSETS = {}
for _name in ('1', '2', '3', '4', '9', '10', '13', '14', '15', '16'):
    CHARSETS['iso-8859-' + _name] = (QP, QP, None)
CHARSETS['windows-1252'] = CHARSETS['viscii'] = (QP, QP, None)
CHARSETS['us-ascii'] = (None, None, None)
CHARSETS['big5'] = CHARSETS['gb2312'] = (BASE64, BASE64, None)
CHARSETS['euc-jp'] = (BASE64, None, 'iso-2022-jp')
CHARSETS['shift_jis'] = (BASE64, None, 'iso-2022-jp')
CHARSETS['iso-2022-jp'] = (BASE64, None, None)
CHARSETS['koi8-r'] = (BASE64, BASE64, None)
CHARSETS['utf-8'] = (SHORTEST, BASE64, 'utf-8')

# alias -> canonical charset name
ALIASES = {}
for _number, _iso in enumerate(('1', '2', '3', '4', '9', '10', '13', '14',
                                '15', '16'), 1):
    ALIASES['latin_%d' % _number] = ALIASES['latin-%d' % _number] = \
        'iso-8859-' + _iso
ALIASES.update(cp949='ks_c_5601-1987', euc_jp='euc-jp', euc_kr='euc-kr',
               ascii='us-ascii')
del _name, _number, _iso

# charset -> Python codec name (None: no conversion needed)
CODEC_MAP = {
    'gb2312': 'eucgb2312_cn',
    'big5': 'big5_tw',
    'us-ascii': None,
    }


def add_charset(charset, header_enc=None, body_enc=None,
                output_charset=None):
    """Register how `charset` is encoded in headers and bodies (QP, BASE64,
    SHORTEST for headers only, or None) and its output charset."""
    if body_enc == SHORTEST:
        raise ValueError('SHORTEST not allowed for body_enc')
    CHARSETS.update({charset: (header_enc, body_enc, output_charset)})


def add_alias(alias,
              canonical):
    """Make `alias` another name of charset `canonical`."""
    ALIASES.update({alias: canonical})


def add_codec(charset,
              codecname):
    """Use Python codec `codecname` for `charset`."""
    CODEC_MAP.update({charset: codecname})


def _encode(string, codec):
    if codec == UNKNOWN8BIT:
        # Such text holds its octets escaped (see _policybase).
        from email._policybase import _encode_escaped
        return _encode_escaped(string)
    return string.encode(codec)


class Charset:
    """A charset and what email does with it.

    input_charset: the (lower-cased, de-aliased) name given;
    header_encoding / body_encoding: QP, BASE64, SHORTEST or None;
    output_charset: the name used on output; input_codec / output_codec:
    the Python codecs for the two."""

    def __init__(self,
                 input_charset=DEFAULT_CHARSET):
        given = input_charset
        try:
            if not isinstance(given, str):
                given = str(given, 'ascii')
            elif not given.isascii():
                given.encode('ascii')
        except UnicodeError:
            raise errors.CharsetError(input_charset)
        name = given.lower()
        name = ALIASES.get(name, name)
        self.input_charset = name
        header, body, output = CHARSETS.get(name, (SHORTEST, BASE64, None))
        self.header_encoding = header
        self.body_encoding = body
        output = output or name
        self.output_charset = ALIASES.get(output, output)
        self.input_codec = CODEC_MAP.get(name, name)
        out = self.output_charset
        self.output_codec = CODEC_MAP.get(out, out)

    def __repr__(self):
        return self.input_charset

    def __eq__(self, other):
        return str(other).lower() == str(self)

    def get_body_encoding(
            self):
        """'quoted-printable', 'base64', or the encode_7or8bit function."""
        kind = self.body_encoding
        if kind == QP:
            return 'quoted-printable'
        if kind == BASE64:
            return 'base64'
        return email.encoders.encode_7or8bit

    def get_output_charset(
            self):
        if self.output_charset:
            return self.output_charset
        return self.input_charset

    def _get_encoder(self, raw):
        kind = self.header_encoding
        if kind == BASE64:
            return email.base64mime
        if kind == QP:
            return email.quoprimime
        if kind == SHORTEST:
            b_len = email.base64mime.header_length(raw)
            q_len = email.quoprimime.header_length(raw)
            if b_len < q_len:
                return email.base64mime
            return email.quoprimime
        return None

    def header_encode(self,
                      string):
        """`string` as one encoded word (unchanged if the charset has no
        header encoding)."""
        codec = self._header_codec()
        raw = _encode(string, codec)
        module = self._get_encoder(raw)
        if module is None:
            return string
        return module.header_encode(raw, codec)

    def _header_codec(self):
        return self.output_codec or 'us-ascii'

    def header_encode_lines(self, string,
                            maxlengths):
        """`string` as a list of encoded words, the n-th no longer than the
        n-th value from the iterator `maxlengths`.  A first element None
        means not even one character fit on the first line."""
        codec = self._header_codec()
        module = self._get_encoder(_encode(string, codec))
        word_of = module.header_encode

        def encoder(raw):
            return word_of(raw, charset=codec)
        charset = self.get_output_charset()
        extra = RFC2047_CHROME_LEN + len(charset)
        lines = []
        limit = next(maxlengths) - extra
        sizes = self._piece_sizes(string, charset, module)
        if sizes is None:
            # Codec with state (escape sequences, byte order marks): measure
            # every candidate line whole.
            current = []
            for ch in string:
                current.append(ch)
                size = module.header_length(_encode(''.join(current), charset))
                if size > limit:
                    current.pop()
                    if current or lines:
                        lines.append(encoder(_encode(''.join(current), codec)))
                    else:
                        lines.append(None)
                    current = [ch]
                    limit = next(maxlengths) - extra
            lines.append(encoder(_encode(''.join(current), codec)))
            return lines
        by_octets = module is email.base64mime
        start = total = 0
        for at, size in enumerate(sizes):
            total += size
            length = (total + 2) // 3 * 4 if by_octets else total
            if length > limit:
                if at == start and not lines:
                    lines.append(None)
                else:
                    lines.append(encoder(_encode(string[start:at], codec)))
                start = at
                total = size
                limit = next(maxlengths) - extra
        lines.append(encoder(_encode(string[start:], codec)))
        return lines

    @staticmethod
    def _piece_sizes(string, charset, module):
        # Per character: octet count (base64) or encoded length (Q), when
        # the codec encodes each character on its own; else None.
        try:
            pieces = [_encode(ch, charset) for ch in string]
            if _encode(string, charset) != b''.join(pieces):
                return None
        except (UnicodeError, LookupError):
            return None
        if module is email.base64mime:
            return [len(piece) for piece in pieces]
        return [email.quoprimime.header_length(piece) for piece in pieces]

    def body_encode(self,
                    string):
        """`string` (str or bytes) in the body encoding of this charset."""
        if not string:
            return string
        kind = self.body_encoding
        if kind not in (BASE64, QP):
            if not isinstance(string, str):
                return string
            return string.encode(self.output_charset).decode('ascii')
        data = string
        if isinstance(data, str):
            data = data.encode(self.output_charset)
        if kind == BASE64:
            return email.base64mime.body_encode(data)
        return email.quoprimime.body_encode(data.decode('latin1'))
