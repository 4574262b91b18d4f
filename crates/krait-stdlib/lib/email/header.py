"""Header values with non-ASCII text: RFC 2047 encoded words, decoding,
and folding into lines."""

__all__ = [
    'Header',
    'decode_header',
    'make_header',
    ]

import re
import binascii
from email._policybase import _decode_escaped, _encode_escaped

import email.base64mime
import email.charset as _charset
import email.quoprimime
from email import errors
from email.charset import Charset

HeaderParseError = errors.HeaderParseError

NL = '\n'
SPACE = ' '
BSPACE = b' '
SPACE8 = ' ' * 8
EMPTYSTRING = ''
MAXLINELEN = 78
FWS = ' \t'

USASCII = Charset("us-ascii")
UTF8 = Charset("utf-8")

# =?charset?q-or-b?text?=
ecre = re.compile(r'=\?([^?]*)\?([qQbB])\?(.*?)\?=', re.MULTILINE)

# A field name followed by a colon.
fcre = re.compile('[!-~]+:$')

# A line of the value that looks like the start of another header.
_embedded_header = re.compile('\n[^\t ]+:')

_PLAIN = (None, 'us-ascii')


def _words_of(header):
    # (text, encoding or None, charset or None) for each piece, the
    # encoded words undecoded.
    words = []
    for pieces in map(ecre.split, header.splitlines()):
        plain = pieces[0].lstrip()
        if plain:
            words.append((plain, None, None))
        for at in range(1, len(pieces), 4):
            cset, kind, text = pieces[at:at + 3]
            words.append((text, kind.lower(), cset.lower()))
            plain = pieces[at + 3]
            if plain:
                words.append((plain, None, None))
    # Whitespace between two encoded words is not part of the text.
    dropped = {n - 1 for n in range(2, len(words))
               if words[n][1] and words[n - 2][1]
               and words[n - 1][0].isspace()}
    return [w for n, w in enumerate(words) if n not in dropped]


def _decoded(text, kind):
    if kind is None:
        return text
    if kind == 'q':
        return email.quoprimime.header_decode(text)
    if kind == 'b':
        missing = len(text) % 4
        if missing:
            text += '==='[:4 - missing]
        try:
            return email.base64mime.decode(text)
        except binascii.Error:
            raise HeaderParseError('Base64 decoding error')
    raise AssertionError('Unexpected encoding: ' + kind)


def decode_header(header):
    """Split a header value into (decoded bytes, charset) pairs; a value
    with no encoded word comes back as [(value, None)] unchanged."""
    if hasattr(header, '_chunks'):
        pairs = [(text, str(cs)) for text, cs in header._chunks]
        return [(_charset._encode(text, name), name) for text, name in pairs]
    if ecre.search(header) is None:
        return [(header, None)]
    decoded = [(_decoded(text, kind), cset)
               for text, kind, cset in _words_of(header)]
    # Adjacent pieces in one charset make one; plain pieces keep a space
    # between them.
    result = []
    for data, cset in decoded:
        if isinstance(data, str):
            data = bytes(data, 'raw-unicode-escape')
        if result and result[-1][1] == cset:
            joint = BSPACE if cset is None else b''
            result[-1][0] = result[-1][0] + joint + data
        else:
            result.append([data, cset])
    return [tuple(pair) for pair in result]


def make_header(decoded_seq,
                maxlinelen=None, header_name=None, continuation_ws=' '):
    """Build a Header from (string, charset) pairs such as decode_header
    returns."""
    header = Header(None, None, maxlinelen, header_name, continuation_ws)
    for text, cset in decoded_seq:
        if not (cset is None or isinstance(cset, Charset)):
            cset = Charset(cset)
        header.append(text, cset)
    return header


class Header:
    """A header value made of chunks, each in its own charset."""

    def __init__(self, s=None, charset=None, maxlinelen=None,
                 header_name=None, continuation_ws=' ', errors='strict'):
        self._charset = _as_charset(charset, USASCII)
        self._continuation_ws = continuation_ws
        self._chunks = []
        if s is not None:
            self.append(s, self._charset, errors)
        self._maxlinelen = MAXLINELEN if maxlinelen is None else maxlinelen
        # The name, the colon and the space take room on the first line.
        self._headerlen = 0 if header_name is None else len(header_name) + 2

    def __str__(self):
        self._normalize()
        out = []
        prev_cs = prev_space = None
        for text, cs in self._chunks:
            if cs == _charset.UNKNOWN8BIT:
                raw = _encode_escaped(text)
                text = raw.decode('ascii', 'replace')
            if out:
                # A space separates encoded from plain text unless one is
                # already there.
                lead = text and self._nonctext(text[0])
                if prev_cs not in _PLAIN:
                    if cs in _PLAIN and not lead:
                        out.append(SPACE)
                        cs = None
                elif cs not in _PLAIN and not prev_space:
                    out.append(SPACE)
            prev_space = text and self._nonctext(text[-1])
            prev_cs = cs
            out.append(text)
        return EMPTYSTRING.join(out)

    def __eq__(self, other):
        return other == str(self)

    def append(self, s, charset=None,
               errors='strict'):
        """Add `s` (str, or bytes in `charset`) as a chunk in `charset`
        (default: the header's).  Text that does not fit in us-ascii goes
        in as utf-8."""
        charset = _as_charset(charset, self._charset)
        eight_bit = _charset.UNKNOWN8BIT
        if isinstance(s, str):
            text = s
        else:
            codec = charset.input_codec or 'us-ascii'
            if codec == eight_bit:
                text = _decode_escaped(s)
            else:
                text = s.decode(codec, errors)
        # Fail now, not when encoding, if the text has no place in the
        # output charset.
        out_codec = charset.output_codec or 'us-ascii'
        if out_codec != eight_bit:
            try:
                text.encode(out_codec, errors)
            except UnicodeEncodeError:
                if out_codec != 'us-ascii':
                    raise
                charset = UTF8
        self._chunks.append((text, charset))

    def _nonctext(self, s):
        # Not RFC 822 ctext: whitespace, parentheses, backslash.
        return s in ('(', ')', '\\') or s.isspace()

    def encode(self, splitchars=';, \t',
               maxlinelen=None, linesep='\n'):
        """The value folded into lines joined by `linesep`, non-ASCII
        chunks as encoded words.  maxlinelen 0 means no folding."""
        self._normalize()
        width = self._maxlinelen if maxlinelen is None else maxlinelen
        # 0: no folding, which a huge width gives.
        folder = _Folder(self._headerlen, width or 1000000,
                         self._continuation_ws, splitchars)
        prev_cs = None
        lead = prev_space = None
        for text, cs in self._chunks:
            if lead is not None:
                lead = text and self._nonctext(text[0])
                if prev_cs not in _PLAIN:
                    if not lead or cs not in _PLAIN:
                        folder.add_transition()
                elif cs not in _PLAIN and not prev_space:
                    folder.add_transition()
            prev_space = text and self._nonctext(text[-1])
            prev_cs = cs
            lead = False
            lines = text.splitlines()
            folder.feed('', lines[0] if lines else '', cs)
            for line in lines[1:]:
                folder.newline()
                body = line.lstrip()
                if cs.header_encoding is None:
                    folder.feed(line[:len(line) - len(body)], body, cs)
                else:
                    folder.feed(self._continuation_ws, ' ' + body, cs)
            if len(lines) > 1:
                folder.newline()
        if self._chunks:
            folder.add_transition()
        value = folder.joined(linesep)
        if _embedded_header.search(value) is None:
            return value
        raise HeaderParseError(
            "header value appears to contain an embedded header: %r"
            % (value,))

    def _normalize(self):
        # Runs of chunks in one charset become one chunk, space-joined.
        merged = []
        for text, cs in self._chunks:
            if merged and cs == merged[-1][1]:
                merged[-1][0].append(text)
            else:
                merged.append(([text], cs))
        self._chunks = [(SPACE.join(texts), cs) for texts, cs in merged]


def _as_charset(charset, default):
    if charset is None:
        return default
    if isinstance(charset, Charset):
        return charset
    return Charset(charset)


class _Line:
    """The line being built: (whitespace, text) parts, plus `base` columns
    already taken (the header name) while it is the first line."""

    def __init__(self, base=0):
        self.base = base
        self.parts = []

    def width(self):
        return self.base + sum(len(ws) + len(text) for ws, text in self.parts)

    def text(self):
        return EMPTYSTRING.join(ws + text for ws, text in self.parts)

    def take_last(self):
        return self.parts.pop() if self.parts else ('', '')

    def restart(self, parts=None):
        self.parts = [] if parts is None else parts
        self.base = 0

    def blank(self):
        return self.base == 0 and (not self.parts or self.text().isspace())


def _split_point(parts, splitchars):
    # Index of the part to start a new line with: the latest one after a
    # split character, trying the split characters in order.
    for ch in splitchars:
        white = ch.isspace()
        for at in range(len(parts) - 1, 0, -1):
            if white:
                ws = parts[at][0]
                if ws and ws[0] == ch:
                    return at
            before = parts[at - 1][1]
            if before and before[-1] == ch:
                return at
    return None


class _Folder:
    """Folds chunks of a header value into lines of at most maxlen."""

    def __init__(self, headerlen, maxlen,
                 continuation_ws, splitchars):
        self.maxlen = maxlen
        self.ws = continuation_ws
        self.splitchars = splitchars
        self.lines = []
        self.line = _Line(headerlen)

    def joined(self, linesep):
        self.newline()
        return linesep.join(self.lines)

    def newline(self):
        line = self.line
        tail = line.take_last()
        if tail != (' ', ''):
            line.parts.append(tail)
        if line.width() > 0:
            if self.lines and line.blank():
                self.lines[-1] += line.text()
            else:
                self.lines.append(line.text())
        line.restart()

    def add_transition(self):
        self.line.parts.append((' ', ''))

    def _limits(self):
        yield self.maxlen - self.line.width()
        rest = self.maxlen - len(self.ws)
        while True:
            yield rest

    def feed(self, fws, string, charset):
        if charset.header_encoding is None:
            # Plain text: break at whitespace runs.
            pieces = re.split('([' + FWS + ']+)', fws + string)
            if pieces[0]:
                pieces.insert(0, '')
            else:
                del pieces[0]
            for at in range(0, len(pieces), 2):
                self._add(pieces[at], pieces[at + 1])
            return
        words = charset.header_encode_lines(string, self._limits())
        first = words.pop(0)
        if first is not None:
            self._add(fws, first)
        if not words:
            return
        last = words.pop()
        self.newline()
        self.line.parts.append((self.ws, last))
        self.lines.extend(self.ws + word for word in words)

    def _add(self, fws, string):
        line = self.line
        line.parts.append((fws, string))
        if line.width() <= self.maxlen:
            return
        at = _split_point(line.parts, self.splitchars)
        if at is None:
            # Nowhere to break: a first line holding the header name keeps
            # only the name, and the text starts the next line.
            fws, string = line.take_last()
            if line.base > 0:
                self.newline()
                fws = fws or ' '
            line.parts.append((fws, string))
            return
        rest = line.parts[at:]
        del line.parts[at:]
        self.lines.append(line.text())
        line.restart(rest)
