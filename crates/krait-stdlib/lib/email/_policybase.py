"""Policy framework of the email package: the Policy base class and the
Compat32 policy that reproduces the historical behaviour (krait)."""

import abc
import re

__all__ = ['Policy', 'Compat32', 'compat32']


class _PolicyBase:
    """Immutable bag of settings; clone() makes changed copies."""

    def __init__(self, **kw):
        for key, val in kw.items():
            if not hasattr(self, key):
                raise TypeError("{!r} is an invalid keyword argument for {}"
                                .format(key, type(self).__name__))
            object.__setattr__(self, key, val)

    def __repr__(self):
        shown = ['{}={!r}'.format(k, v) for k, v in self.__dict__.items()]
        return '{}({})'.format(type(self).__name__, ', '.join(shown))

    def clone(self, **kw):
        twin = type(self).__new__(type(self))
        for key, val in self.__dict__.items():
            object.__setattr__(twin, key, val)
        for key, val in kw.items():
            if not hasattr(self, key):
                raise TypeError("{!r} is an invalid keyword argument for {}"
                                .format(key, type(self).__name__))
            object.__setattr__(twin, key, val)
        return twin

    def __setattr__(self, name, value):
        if hasattr(self, name):
            msg = "{!r} object attribute {!r} is read-only"
        else:
            msg = "{!r} object has no attribute {!r}"
        raise AttributeError(msg.format(type(self).__name__, name))

    def __add__(self, other):
        return self.clone(**other.__dict__)


class Policy(_PolicyBase, metaclass=abc.ABCMeta):
    """Settings and hooks that steer parsing and generation."""

    raise_on_defect = False
    linesep = '\n'
    cte_type = '8bit'
    max_line_length = 78
    mangle_from_ = False
    message_factory = None

    def handle_defect(self, obj, defect):
        if self.raise_on_defect:
            raise defect
        self.register_defect(obj, defect)

    def register_defect(self, obj, defect):
        obj.defects.append(defect)

    def header_max_count(self, name):
        return None

    @abc.abstractmethod
    def header_source_parse(self, sourcelines):
        raise NotImplementedError

    @abc.abstractmethod
    def header_store_parse(self, name, value):
        raise NotImplementedError

    @abc.abstractmethod
    def header_fetch_parse(self, name, value):
        raise NotImplementedError

    @abc.abstractmethod
    def fold(self, name, value):
        raise NotImplementedError

    @abc.abstractmethod
    def fold_binary(self, name, value):
        raise NotImplementedError


def _split_source_header(sourcelines):
    # "Name: value" plus continuation lines -> (name, value without the
    # final line ending, inner line endings kept).
    first = sourcelines[0]
    name, _, rest = first.partition(':')
    text = rest.lstrip(' \t') + ''.join(sourcelines[1:])
    return name, text.rstrip('\r\n')


# ---------------------------------------------------------------------------
# Undecodable bytes in text.  CPython smuggles the bytes 0x80-0xFF of a
# binary message through str as lone surrogates (U+DC80-U+DCFF, the
# "surrogateescape" error handler).  krait's str cannot hold surrogates,
# so there the bytes travel as the private-use characters U+F780-U+F7FF
# instead.  The helpers below hide the difference from the rest of the
# package.

try:
    b'\x80'.decode('ascii', 'surrogateescape')
    _ESC_BASE = 0xDC00
except (LookupError, UnicodeError):
    _ESC_BASE = 0xF700
_NATIVE_ESCAPES = _ESC_BASE == 0xDC00
_ESCAPED_RUN = re.compile('([%s-%s]+)' % (chr(_ESC_BASE + 0x80),
                                          chr(_ESC_BASE + 0xFF)))
_TO_ESC = {b: _ESC_BASE + b for b in range(0x80, 0x100)}
_FROM_ESC = {_ESC_BASE + b: b for b in range(0x80, 0x100)}


def _decode_escaped(data):
    """bytes -> str: ASCII as itself, other bytes smuggled."""
    if _NATIVE_ESCAPES:
        return bytes(data).decode('ascii', 'surrogateescape')
    text = bytes(data).decode('latin-1')
    if text.isascii():
        return text
    return text.translate(_TO_ESC)


def _encode_escaped(text, codec='ascii'):
    """str -> bytes with codec; smuggled bytes come back as themselves."""
    if _NATIVE_ESCAPES:
        return text.encode(codec, 'surrogateescape')
    if text.isascii() or not _ESCAPED_RUN.search(text):
        return text.encode(codec)
    out = []
    for pos, piece in enumerate(_ESCAPED_RUN.split(text)):
        if pos % 2:
            out.append(piece.translate(_FROM_ESC).encode('latin-1'))
        elif piece:
            out.append(piece.encode(codec))
    return b''.join(out)


def _has_escapes(text):
    """True if text holds smuggled bytes (CPython: lone surrogates)."""
    if not isinstance(text, str) or text.isascii():
        return False
    if _NATIVE_ESCAPES:
        try:
            text.encode('utf-8')
        except UnicodeEncodeError:
            return True
        return False
    return _ESCAPED_RUN.search(text) is not None


_is_surrogate_laden = _has_escapes


# ---------------------------------------------------------------------------
# Folding of plain ASCII header values the way compat32 has always done
# it: keep the source line breaks, and break too-long lines preferably
# after ';', then after ',', then at whitespace.

_WSP_SPLIT = re.compile(r'([ \t]+)')
_EMBEDDED = re.compile(r'\n[^ \t]+:')
_SPLITCHARS = ';, \t'


class _Line:
    __slots__ = ('pieces', 'lead')

    def __init__(self, lead=0, pieces=None):
        self.lead = lead
        self.pieces = pieces if pieces is not None else []

    def width(self):
        total = self.lead
        for ws, word in self.pieces:
            total += len(ws) + len(word)
        return total

    def text(self):
        return ''.join([ws + word for ws, word in self.pieces])

    def blank(self):
        return self.lead == 0 and (not self.pieces or self.text().isspace())


class _AsciiFolder:
    def __init__(self, lead, limit):
        self.limit = limit
        self.done = []
        self.cur = _Line(lead)

    def end_line(self):
        cur = self.cur
        if cur.pieces and cur.pieces[-1] == (' ', ''):
            cur.pieces.pop()
        elif not cur.pieces:
            pass
        if cur.width() > 0:
            if cur.blank() and self.done:
                self.done[-1] += cur.text()
            else:
                self.done.append(cur.text())
        self.cur = _Line()

    def _cut_point(self):
        pieces = self.cur.pieces
        for ch in _SPLITCHARS:
            for i in range(len(pieces) - 1, 0, -1):
                if ch in ' \t':
                    ws = pieces[i][0]
                    if ws and ws[0] == ch:
                        return i
                prev = pieces[i - 1][1]
                if prev and prev[-1] == ch:
                    return i
        return None

    def add(self, ws, word):
        cur = self.cur
        cur.pieces.append((ws, word))
        if cur.width() <= self.limit:
            return
        cut = self._cut_point()
        if cut is None:
            ws, word = cur.pieces.pop()
            if cur.lead > 0:
                self.end_line()
                if not ws:
                    ws = ' '
            self.cur.pieces.append((ws, word))
            return
        rest = cur.pieces[cut:]
        del cur.pieces[cut:]
        self.done.append(cur.text())
        self.cur = _Line(0, rest)

    def feed(self, ws, text):
        bits = _WSP_SPLIT.split(ws + text)
        if bits[0]:
            bits.insert(0, '')
        else:
            del bits[0]
        for k in range(0, len(bits) - 1, 2):
            self.add(bits[k], bits[k + 1])

    def result(self, linesep):
        self.end_line()
        return linesep.join(self.done)


def _fold_ascii(name, value, maxlen, linesep):
    """Fold an ASCII header value as compat32 does; returns the value part
    (without "Name: " and without the final line ending)."""
    if not maxlen:
        maxlen = 1000000
    lead = len(name) + 2 if name is not None else 0
    folder = _AsciiFolder(lead, maxlen)
    lines = value.splitlines()
    folder.feed('', lines[0] if lines else '')
    for line in lines[1:]:
        folder.end_line()
        stripped = line.lstrip()
        folder.feed(line[:len(line) - len(stripped)], stripped)
    if len(lines) > 1:
        folder.end_line()
    folder.cur.pieces.append((' ', ''))
    out = folder.result(linesep)
    if _EMBEDDED.search(out):
        from email.errors import HeaderParseError
        raise HeaderParseError(
            "header value appears to contain an embedded header: {!r}"
            .format(out))
    return out


def _unknown8bit_header(value, name):
    from email.header import Header
    from email import charset
    return Header(value, charset=charset.UNKNOWN8BIT, header_name=name)


class Compat32(Policy):
    """The policy that mimics the email package of Python 3.2."""

    mangle_from_ = True

    def _sanitize_header(self, name, value):
        if isinstance(value, str) and _is_surrogate_laden(value):
            return _unknown8bit_header(value, name)
        return value

    def header_source_parse(self, sourcelines):
        return _split_source_header(sourcelines)

    def header_store_parse(self, name, value):
        return (name, value)

    def header_fetch_parse(self, name, value):
        return self._sanitize_header(name, value)

    def fold(self, name, value):
        return self._fold(name, value, sanitize=True)

    def fold_binary(self, name, value):
        text = self._fold(name, value, sanitize=self.cte_type == '7bit')
        return _encode_escaped(text, 'ascii')

    def _fold(self, name, value, sanitize):
        limit = self.max_line_length or 0
        head = '%s: ' % name
        if isinstance(value, str):
            if _is_surrogate_laden(value):
                if not sanitize:
                    return head + value + self.linesep
                value = _unknown8bit_header(value, name)
            elif value.isascii():
                return (head + _fold_ascii(name, value, limit, self.linesep)
                        + self.linesep)
            else:
                from email.header import Header
                value = Header(value, header_name=name)
        body = value.encode(linesep=self.linesep, maxlinelen=limit)
        return head + body + self.linesep


compat32 = Compat32()
