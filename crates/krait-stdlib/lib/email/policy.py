"""Policies of the current email API (krait implementation).

Header values come back as `_HeaderStr` objects: str subclasses holding
the unfolded value (encoded words decoded when email.header is present)
with `name`, `defects`, `max_count` and `fold()`.  CPython's
headerregistry classes (address lists, dates, parameters parsed into
attributes) are not provided."""

import re
import sys

from email import _policybase
from email._policybase import Policy, Compat32, compat32
from email.message import EmailMessage, _raw_data_manager

__all__ = ['Compat32', 'compat32', 'Policy',
           'EmailPolicy', 'default', 'strict',
           'SMTP', 'HTTP']

_has_escapes = _policybase._has_escapes
_encode_escaped = _policybase._encode_escaped
_split_source_header = _policybase._split_source_header
linesep_splitter = re.compile('\n|\r')

_UNIQUE = frozenset(['bcc', 'cc', 'content-disposition',
                     'content-transfer-encoding', 'content-type', 'date',
                     'from', 'message-id', 'mime-version', 'orig-date',
                     'reply-to', 'sender', 'subject', 'to'])

# Bytes that stay literal in a "Q" encoded word (RFC 2047 5.3).
_Q_SAFE = frozenset(b'abcdefghijklmnopqrstuvwxyz'
                    b'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/')
_Q_MAP = {}
for _byte in range(256):
    if _byte in _Q_SAFE:
        _Q_MAP[_byte] = chr(_byte)
    elif _byte == 32:
        _Q_MAP[_byte] = '_'
    else:
        _Q_MAP[_byte] = '=%02X' % _byte
del _byte
_WSP = ' \t'
_WSP_RUNS = re.compile('([ \t]+)')


def _encoded_word(text, charset):
    """One RFC 2047 encoded word, q or b, whichever is about shorter."""
    import base64
    if charset == 'unknown-8bit':
        data = _encode_escaped(text, 'utf-8')
    else:
        data = text.encode(charset)
    q = ''.join([_Q_MAP[x] for x in data])
    b = base64.b64encode(data).decode('ascii')
    if len(q) - len(b) < 5:
        return '=?%s?q?%s?=' % (charset, q)
    return '=?%s?b?%s?=' % (charset, b)


_EW = re.compile(r'=\?([^?]*)\?([qQbB])\?([^?]*)\?=')


def _ew_text(charset, kind, body):
    import base64
    if kind in 'qQ':
        data = re.sub(b'=([0-9A-Fa-f]{2})',
                      lambda m: bytes([int(m.group(1), 16)]),
                      body.replace('_', ' ').encode('ascii'))
    else:
        data = base64.b64decode(body.encode('ascii') + b'===')
    if charset.lower() == 'unknown-8bit':
        return _policybase._decode_escaped(data)
    return data.decode(charset, 'replace')


def _plain_text(fragment):
    """Text of a folded fragment: encoded words decoded, whitespace
    between two encoded words dropped."""
    out = []
    prev_ew = False
    held = ''
    for piece in _WSP_RUNS.split(fragment):
        if not piece:
            continue
        if piece[0] in _WSP:
            held = piece
            continue
        found = _EW.fullmatch(piece)
        if not (found and prev_ew):
            out.append(held)
        held = ''
        if found:
            out.append(_ew_text(*found.groups()))
        else:
            out.append(piece)
        prev_ew = bool(found)
    out.append(held)
    return ''.join(out)


class _Refolder:
    """Folds an unstructured header the way the RFC 5322 folder of the
    current API does: whitespace is the place to break, words that cannot
    be sent as they are (or that no line can hold) become encoded words,
    and neighbouring encoded words merge."""

    def __init__(self, policy):
        self.maxlen = policy.max_line_length or sys.maxsize
        self.utf8 = policy.utf8
        self.lines = ['']
        self.ew_at = None       # where the open encoded word starts

    def room(self):
        return self.maxlen - len(self.lines[-1])

    def add(self, text):
        self.lines[-1] += text

    def new_line(self, text):
        self.lines.append(text)
        self.ew_at = None

    def steal_wsp(self):
        line = self.lines[-1]
        if line and line[-1] in _WSP:
            self.lines[-1] = line[:-1]
            return line[-1]
        return ''

    def charset_for(self, text):
        if _has_escapes(text):
            return 'unknown-8bit'
        if self.utf8 or text.isascii():
            return None
        return 'utf-8'

    def as_encoded(self, text, charset):
        if self.ew_at is not None:
            # Merge with the encoded word already on this line (the
            # index may be stale, as it is in CPython's folder).
            text = _plain_text(self.lines[-1][self.ew_at:]) + text
            self.lines[-1] = self.lines[-1][:self.ew_at]
        lines = self.lines
        if text[0] in _WSP:
            if len(lines[-1]) == self.maxlen:
                lines.append(self.steal_wsp())
            lines[-1] += text[0]
            text = text[1:]
        trail = ''
        if text and text[-1] in _WSP:
            trail = text[-1]
            text = text[:-1]
        start = len(lines[-1]) if self.ew_at is None else self.ew_at
        chrome = len(charset) + 7
        if chrome + 1 >= self.maxlen:
            from email import errors
            raise errors.HeaderParseError(
                "max_line_length is too small to fit an encoded word")
        while text:
            room = self.room()
            if room - chrome <= 0:
                lines.append(' ')
                continue
            chunk = text[:room - chrome]
            word = _encoded_word(chunk, charset)
            while len(word) > room:
                chunk = chunk[:-1]
                word = _encoded_word(chunk, charset)
            lines[-1] += word
            text = text[len(chunk):]
            if text:
                lines.append(' ')
                start = len(lines[-1])
        lines[-1] += trail
        self.ew_at = start

    def plain_token(self, is_fws, text):
        # A token that may not become an encoded word.
        if len(text) <= self.room():
            self.add(text)
            return
        lead = self.steal_wsp()
        if lead or is_fws:
            self.new_line(lead + text)
        else:
            self.add(text)

    def token(self, kind, text):
        charset = self.charset_for(text)
        if charset is not None:
            self.as_encoded(text, charset)
            return
        if len(text) <= self.room():
            self.add(text)
            return
        if len(text) + 1 <= self.maxlen:
            lead = self.steal_wsp()
            if lead or kind == 'fws':
                self.new_line(lead + text)
                return
        # No break helps: wrap it in encoded words so it can be split.
        self.as_encoded(text, 'utf-8')

    def fold_parameterized(self, name, value, main, params, linesep):
        self.add(name + ':')
        self.token('fws', ' ')
        if self.charset_for(value) is None and len(value) <= self.room():
            self.add(value)
        else:
            for piece in _MAIN_SPLIT.split(main):
                if piece:
                    self.plain_token(piece[0] in _WSP, piece)
            self.plain_token(False, ';')
            _fold_params(self, params)
        return linesep.join(self.lines) + linesep

    def fold(self, name, value, linesep):
        self.add(name + ':')
        pieces = [p for p in _WSP_RUNS.split(value) if p]
        if pieces:
            self.token('fws', ' ')
            whole = ''.join(pieces)
            if self.charset_for(whole) is None:
                if len(whole) <= self.room():
                    self.add(whole)
                    pieces = []
                elif len(whole) + 1 <= self.maxlen:
                    lead = self.steal_wsp()
                    if lead or whole[0] in _WSP:
                        self.new_line(lead + whole)
                        pieces = []
            for piece in pieces:
                self.token('fws' if piece[0] in _WSP else 'word', piece)
        return linesep.join(self.lines) + linesep


def _fold_modern(name, value, policy):
    return _Refolder(policy).fold(name, value, policy.linesep)


_MAIN_SPLIT = re.compile('([ \t]+|/)')
_PARAMETERIZED = frozenset(['content-type', 'content-disposition'])


def _split_params(rest):
    """Split the text after the first ';' at the semicolons outside
    quoted strings; names keep their case."""
    pieces = []
    start = 0
    while True:
        end = rest.find(';', start)
        while end >= 0:
            chunk = rest[start:end]
            if (chunk.count('"') - chunk.count('\\"')) % 2 == 0:
                break
            end = rest.find(';', end + 1)
        if end < 0:
            pieces.append(rest[start:])
            return pieces
        pieces.append(rest[start:end])
        start = end + 1


def _parse_parameterized(value):
    """(text before the first ';' or None, [(name, value)]) with values
    unquoted and RFC 2231 pieces joined and decoded."""
    main, sep, rest = value.partition(';')
    if not sep:
        return None, []
    from email import utils
    pairs = [('', '')]
    for piece in _split_params(rest):
        piece = piece.strip()
        if not piece:
            continue
        key, eq, val = piece.partition('=')
        pairs.append((key.strip(), val.strip()))
    decoded = []
    for key, val in utils.decode_params(pairs)[1:]:
        if isinstance(val, tuple):
            val = (val[0], val[1], utils.unquote(val[2]))
        decoded.append((key, utils.collapse_rfc2231_value(val)))
    return main, decoded


def _quote_string(value):
    return '"%s"' % value.replace('\\', '\\\\').replace('"', '\\"')


def _render_parameterized(main, params):
    shown = [key if val == '' else '%s=%s' % (key, _quote_string(val))
             for key, val in params]
    return main + ';' + ';'.join([' ' + item for item in shown])


def _fold_params(refolder, params):
    """Port of the parameter folding of the RFC 5322 folder: each
    parameter goes on the current line if it fits, else on a line of its
    own, else it is split into RFC 2231 sections."""
    import urllib.parse
    lines = refolder.lines
    maxlen = refolder.maxlen
    target = 'utf-8' if refolder.utf8 else 'us-ascii'
    for key, val in params:
        if not lines[-1].rstrip().endswith(';'):
            lines[-1] += ';'
        if _has_escapes(val):
            charset = 'unknown-8bit'
            raw = _encode_escaped(val, 'utf-8')
        else:
            charset = None
            try:
                val.encode(target)
            except UnicodeEncodeError:
                charset = 'utf-8'
            raw = val
        if charset is None:
            tstr = '%s=%s' % (key, _quote_string(val))
        else:
            tstr = "%s*=%s''%s" % (key, charset,
                                   urllib.parse.quote(raw, safe=''))
        if len(lines[-1]) + len(tstr) + 1 < maxlen:
            lines[-1] += ' ' + tstr
            continue
        if len(tstr) + 2 <= maxlen:
            lines.append(' ' + tstr)
            continue
        section = 0
        prefix = "%s''" % (charset or target)
        rest = raw
        while rest:
            chrome = len(key) + len(str(section)) + 3 + len(prefix)
            if maxlen <= chrome + 3:
                maxlen = 78
            cut = room = maxlen - chrome - 2
            while True:
                piece = urllib.parse.quote(rest[:cut], safe='')
                if len(piece) <= room:
                    break
                cut -= 1
            lines.append(' %s*%d*=%s%s' % (key, section, prefix, piece))
            prefix = ''
            section += 1
            rest = rest[cut:]
            if rest:
                lines[-1] += ';'


def _decode_words(value):
    if '=?' not in value:
        return value
    try:
        from email.header import decode_header, make_header
        return str(make_header(decode_header(value)))
    except Exception:
        return value


class _HeaderStr(str):
    """A header value: the str is the decoded, unfolded value."""

    def __new__(cls, name, value, source=None, parsed=None):
        self = str.__new__(cls, value)
        self._name = name
        self._source = value if source is None else source
        self._parsed = parsed
        self._defects = ()
        return self

    @property
    def name(self):
        return self._name

    @property
    def defects(self):
        return tuple(self._defects)

    @property
    def max_count(self):
        return 1 if self._name.lower() in _UNIQUE else None

    def fold(self, *, policy):
        if self._parsed is not None:
            main, params = self._parsed
            return _Refolder(policy).fold_parameterized(
                self._name, str(self), main, params, policy.linesep)
        text = self._source
        if not _has_escapes(text):
            text = str(self)
        return _fold_modern(self._name, text, policy)

    def __reduce__(self):
        return (type(self), (self._name, str(self), self._source,
                             self._parsed))


class _HeaderFactory:
    """Stand-in for headerregistry.HeaderRegistry."""

    def __call__(self, name, value):
        if name.lower() in _PARAMETERIZED:
            main, params = _parse_parameterized(value)
            if main is not None:
                shown = _render_parameterized(main, params)
                return _HeaderStr(name, shown, value, (main, params))
        shown = _decode_words(value)
        if _has_escapes(shown):
            # Undecodable bytes show as what they decode to in UTF-8.
            shown = _encode_escaped(shown, 'utf-8').decode('utf-8',
                                                           'replace')
        return _HeaderStr(name, shown, value)

    def __getitem__(self, name):
        return _HeaderStr(name, '')


_NO_NEWLINES = ("Header values may not contain linefeed or carriage "
                "return characters")


def _too_long(name, lines, limit):
    if not lines:
        return False
    if len(name) + 2 + len(lines[0]) > limit:
        return True
    return any(len(rest) > limit for rest in lines[1:])


class EmailPolicy(Policy):
    """The policy of the current email API: RFC 5322/6532 minded."""

    message_factory = EmailMessage
    utf8 = False
    refold_source = 'long'
    header_factory = _HeaderFactory()
    content_manager = _raw_data_manager

    def __init__(self, **kw):
        # Each policy made with arguments gets its own factory.
        if 'header_factory' not in kw:
            kw = dict(header_factory=_HeaderFactory(), **kw)
        super().__init__(**kw)

    def header_max_count(self, name):
        return self.header_factory[name].max_count

    def header_source_parse(self, sourcelines):
        return _split_source_header(sourcelines)

    def header_store_parse(self, name, value):
        if hasattr(value, 'name'):
            if value.name.lower() == name.lower():
                return name, value
        if isinstance(value, str) and len(value.splitlines()) >= 2:
            raise ValueError(_NO_NEWLINES)
        return name, self.header_factory(name, value)

    def header_fetch_parse(self, name, value):
        if hasattr(value, 'name'):
            return value
        flat = linesep_splitter.sub('', value)
        return self.header_factory(name, flat)

    def fold(self, name, value):
        return self._fold(name, value, True)

    def fold_binary(self, name, value):
        seven = self.cte_type == '7bit'
        text = self._fold(name, value, seven)
        codec = 'utf-8' if self.utf8 else 'ascii'
        return _encode_escaped(text, codec)

    def _fold(self, name, value,
              refold_binary=False):
        if hasattr(value, 'name'):
            return value.fold(policy=self)
        limit = self.max_line_length or sys.maxsize
        lines = value.splitlines()
        mode = self.refold_source
        refold = mode == 'all' or (mode == 'long'
                                   and _too_long(name, lines, limit))
        if not refold and refold_binary:
            refold = _has_escapes(value)
        if refold:
            fresh = self.header_factory(name, ''.join(lines))
            return fresh.fold(policy=self)
        nl = self.linesep
        return '%s: %s%s' % (name, nl.join(lines), nl)


default = EmailPolicy()
# The default uses the class-level factory (and so shows no arguments).
del default.header_factory
strict = default.clone(raise_on_defect=True)
SMTP = default.clone(linesep='\r\n')
HTTP = SMTP.clone(max_line_length=None)
SMTPUTF8 = SMTP.clone(utf8=True)
