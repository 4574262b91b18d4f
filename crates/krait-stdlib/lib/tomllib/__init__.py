"""TOML 1.0 parsing (CPython's `tomllib`): `loads`, `load` and
`TOMLDecodeError`.

Documents become dicts of str, int, float, bool, list, dict and the
`datetime` types; errors carry CPython's messages and positions
("Invalid value (at line 3, column 5)"). Parsing only: there is no writer,
as in CPython.
"""

import re as _re
from datetime import date as _date, datetime as _datetime, time as _time
from datetime import timedelta as _timedelta, timezone as _timezone

__all__ = ("loads", "load", "TOMLDecodeError")


class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML."""


def load(fp, /, *, parse_float=float):
    """Parse TOML from a binary file object."""
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError("File must be opened in binary mode, e.g. use "
                        "`open('foo.toml', 'rb')`") from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse TOML from a string."""
    # Positions in messages count in the text with CRLF already folded, as
    # CPython's do; a lone CR is then an illegal character.
    src = s.replace("\r\n", "\n")
    if parse_float is not float:
        parse_float = _checked_float_parser(parse_float)
    return _Parser(src, parse_float).document()


def _checked_float_parser(parse_float):
    def parse(text):
        value = parse_float(text)
        # A container would be mistaken for a table or array of the document.
        if isinstance(value, (dict, list)):
            raise ValueError("parse_float must not return dicts or lists")
        return value
    return parse


# --- character classes and tokens -------------------------------------------

_CONTROL = "".join(map(chr, range(32))) + "\x7f"
_BAD_IN_LINE = frozenset(_CONTROL) - {"\t"}             # comments, strings
_BAD_IN_MULTILINE = frozenset(_CONTROL) - {"\t", "\n"}  # multi-line strings
_BARE_KEY_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_KEY_START = _BARE_KEY_CHARS | {'"', "'"}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_ESCAPES = {"\\b": "\b", "\\t": "\t", "\\n": "\n", "\\f": "\f",
            "\\r": "\r", '\\"': '"', "\\\\": "\\"}

_SPACES = _re.compile(r"[ \t]*")
_SPACES_AND_NEWLINES = _re.compile(r"[ \t\n]*")
_BARE_KEY = _re.compile(r"[A-Za-z0-9_-]+")
# The plain run of a basic string: up to a quote, a backslash or a control
# character (which is an error or, in multi-line strings, a newline).
_BASIC_RUN = _re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')
_MULTILINE_BASIC_RUN = _re.compile(r'[^"\\\x00-\x08\x0b-\x1f\x7f]*')

_TIME = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?"
_LOCAL_TIME = _re.compile(_TIME)
_DATE_TIME = _re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ]" + _TIME + r"(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?")
# Decimal numbers match greedily, so dates and times are tried first.
_NUMBER = _re.compile(
    r"0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|b[01](?:_?[01])*|o[0-7](?:_?[0-7])*)"
    r"|[+-]?(?:0|[1-9](?:_?[0-9])*)"
    r"((?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?)")
_SPECIAL_FLOATS = frozenset(["inf", "nan", "+inf", "+nan", "-inf", "-nan"])

_offsets = {}


def _offset(sign, hours, minutes):
    key = (sign, hours, minutes)
    tz = _offsets.get(key)
    if tz is None:
        delta = _timedelta(hours=int(hours), minutes=int(minutes))
        tz = _offsets[key] = _timezone(-delta if sign == "-" else delta)
    return tz


def _microseconds(digits):
    return int(digits.ljust(6, "0")) if digits else 0


# --- where tables may be declared or extended -------------------------------

class _Node:
    """What the parser knows about one key path: `declared` when a header
    (or a dotted key of an earlier section) defined it, `frozen` when it is
    (inside) an inline table or a static array, which nothing may extend."""

    __slots__ = ("children", "declared", "frozen")

    def __init__(self):
        self.children = {}
        self.declared = False
        self.frozen = False


class _Registry:
    def __init__(self):
        self.root = _Node()
        # Tables opened by dotted keys become closed to headers and to
        # dotted keys only once the section that opened them ends.
        self.pending = []

    def find(self, key):
        node = self.root
        for part in key:
            node = node.children.get(part)
            if node is None:
                return None
        return node

    def node(self, key):
        node = self.root
        for part in key:
            child = node.children.get(part)
            if child is None:
                child = node.children[part] = _Node()
            node = child
        return node

    def is_declared(self, key):
        node = self.find(key)
        return node is not None and node.declared

    def is_frozen(self, key):
        node = self.root
        for part in key:
            node = node.children.get(part)
            if node is None:
                return False
            if node.frozen:
                return True
        return False

    def forget(self, key):
        """Drop everything known below `key`: a new array-of-tables element
        starts with a clean slate."""
        parent = self.find(key[:-1])
        if parent is not None:
            parent.children.pop(key[-1], None)

    def close_pending(self):
        for key in self.pending:
            self.node(key).declared = True
        self.pending = []


def _nest(root, key, into_arrays=True):
    """The table at `key` below `root`, creating missing tables; KeyError
    when a non-table value is in the way."""
    table = root
    for part in key:
        child = table.get(part)
        if child is None:
            child = table[part] = {}
        elif into_arrays and type(child) is list:
            child = child[-1]
        if type(child) is not dict:
            raise KeyError(part)
        table = child
    return table


# --- the parser ---------------------------------------------------------------

class _Parser:
    def __init__(self, src, parse_float):
        self.src = src
        self.parse_float = parse_float

    def error(self, pos, message):
        src = self.src
        if pos >= len(src):
            where = "end of document"
        else:
            line_start = src.rfind("\n", 0, pos) + 1
            where = "line %d, column %d" % (src.count("\n", 0, pos) + 1,
                                            pos - line_start + 1)
        return TOMLDecodeError("%s (at %s)" % (message, where))

    def document(self):
        src = self.src
        end = len(src)
        registry = _Registry()
        root = {}
        header = ()
        pos = 0
        spaces = _SPACES.match
        while True:
            pos = spaces(src, pos).end()
            if pos >= end:
                break
            char = src[pos]
            if char == "\n":
                pos += 1
                continue
            if char in _KEY_START:
                pos = self.assignment(pos, root, registry, header)
                pos = spaces(src, pos).end()
            elif char == "[":
                registry.close_pending()
                if src.startswith("[[", pos):
                    pos, header = self.array_header(pos, root, registry)
                else:
                    pos, header = self.table_header(pos, root, registry)
                pos = spaces(src, pos).end()
            elif char != "#":
                raise self.error(pos, "Invalid statement")
            if src.startswith("#", pos):
                pos = self.skip_to(pos + 1, "\n", _BAD_IN_LINE, False)
            if pos >= end:
                break
            if src[pos] != "\n":
                raise self.error(
                    pos, "Expected newline or end of document after a statement")
            pos += 1
        return root

    # Statements

    def table_header(self, pos, root, registry):
        pos, key = self.key(_SPACES.match(self.src, pos + 1).end())
        node = registry.node(key)
        if node.declared or registry.is_frozen(key):
            raise self.error(pos, "Cannot declare %s twice" % (key,))
        node.declared = True
        try:
            _nest(root, key)
        except KeyError:
            raise self.error(pos, "Cannot overwrite a value") from None
        if not self.src.startswith("]", pos):
            raise self.error(pos, "Expected ']' at the end of a table declaration")
        return pos + 1, key

    def array_header(self, pos, root, registry):
        pos, key = self.key(_SPACES.match(self.src, pos + 2).end())
        if registry.is_frozen(key):
            raise self.error(pos, "Cannot mutate immutable namespace %s" % (key,))
        registry.forget(key)
        registry.node(key).declared = True
        try:
            parent = _nest(root, key[:-1])
            last = key[-1]
            if last in parent:
                tables = parent[last]
                if type(tables) is not list:
                    raise KeyError(last)
                tables.append({})
            else:
                parent[last] = [{}]
        except KeyError:
            raise self.error(pos, "Cannot overwrite a value") from None
        if not self.src.startswith("]]", pos):
            raise self.error(pos, "Expected ']]' at the end of an array declaration")
        return pos + 2, key

    def assignment(self, pos, root, registry, header):
        pos, key, value = self.key_value(pos)
        parent_key = header + key[:-1]
        for length in range(len(header) + 1, len(parent_key) + 1):
            table_key = parent_key[:length]
            # A dotted key may not reopen a table a header declared...
            if registry.is_declared(table_key):
                raise self.error(pos, "Cannot redefine namespace %s" % (table_key,))
            # ...and later sections may not reopen one it opened.
            registry.pending.append(table_key)
        if registry.is_frozen(parent_key):
            raise self.error(
                pos, "Cannot mutate immutable namespace %s" % (parent_key,))
        try:
            table = _nest(root, parent_key)
        except KeyError:
            raise self.error(pos, "Cannot overwrite a value") from None
        name = key[-1]
        if name in table:
            raise self.error(pos, "Cannot overwrite a value")
        if type(value) is dict or type(value) is list:
            registry.node(header + key).frozen = True
        table[name] = value
        return pos

    def key_value(self, pos):
        pos, key = self.key(pos)
        if not self.src.startswith("=", pos):
            raise self.error(pos, "Expected '=' after a key in a key/value pair")
        pos, value = self.value(_SPACES.match(self.src, pos + 1).end())
        return pos, key, value

    # Keys

    def key(self, pos):
        src = self.src
        spaces = _SPACES.match
        parts = []
        while True:
            pos, part = self.key_part(pos)
            parts.append(part)
            pos = spaces(src, pos).end()
            if not src.startswith(".", pos):
                return pos, tuple(parts)
            pos = spaces(src, pos + 1).end()

    def key_part(self, pos):
        src = self.src
        match = _BARE_KEY.match(src, pos)
        if match is not None:
            return match.end(), match.group()
        if src.startswith("'", pos):
            return self.literal_string(pos)
        if src.startswith('"', pos):
            return self.basic_string(pos + 1)
        raise self.error(pos, "Invalid initial character for a key part")

    # Values

    def value(self, pos):
        src = self.src
        char = src[pos:pos + 1]
        if char == '"':
            if src.startswith('"""', pos):
                return self.multiline_basic_string(pos)
            return self.basic_string(pos + 1)
        if char == "'":
            if src.startswith("'''", pos):
                return self.multiline_literal_string(pos)
            return self.literal_string(pos)
        if char == "t":
            if src.startswith("true", pos):
                return pos + 4, True
        elif char == "f":
            if src.startswith("false", pos):
                return pos + 5, False
        elif char == "[":
            return self.array(pos)
        elif char == "{":
            return self.inline_table(pos)
        match = _DATE_TIME.match(src, pos)
        if match is not None:
            try:
                value = self.date_time(match)
            except ValueError as exc:
                raise self.error(pos, "Invalid date or datetime") from exc
            return match.end(), value
        match = _LOCAL_TIME.match(src, pos)
        if match is not None:
            hour, minute, second, fraction = match.groups()
            return match.end(), _time(int(hour), int(minute), int(second),
                                      _microseconds(fraction))
        match = _NUMBER.match(src, pos)
        if match is not None:
            text = match.group()
            if match.group(1):
                return match.end(), self.parse_float(text)
            return match.end(), int(text, 0)
        if src[pos:pos + 3] in _SPECIAL_FLOATS:
            return pos + 3, self.parse_float(src[pos:pos + 3])
        if src[pos:pos + 4] in _SPECIAL_FLOATS:
            return pos + 4, self.parse_float(src[pos:pos + 4])
        raise self.error(pos, "Invalid value")

    def date_time(self, match):
        (year, month, day, hour, minute, second, fraction,
         zulu, sign, offset_hours, offset_minutes) = match.groups()
        if hour is None:
            return _date(int(year), int(month), int(day))
        if sign:
            tz = _offset(sign, offset_hours, offset_minutes)
        elif zulu:
            tz = _timezone.utc
        else:
            tz = None
        return _datetime(int(year), int(month), int(day), int(hour),
                         int(minute), int(second), _microseconds(fraction),
                         tzinfo=tz)

    def skip_blank(self, pos):
        """Skip whitespace, newlines and comments between array items."""
        src = self.src
        blank = _SPACES_AND_NEWLINES.match
        while True:
            pos = blank(src, pos).end()
            if not src.startswith("#", pos):
                return pos
            pos = self.skip_to(pos + 1, "\n", _BAD_IN_LINE, False)

    def array(self, pos):
        src = self.src
        items = []
        pos = self.skip_blank(pos + 1)
        if src.startswith("]", pos):
            return pos + 1, items
        while True:
            pos, item = self.value(pos)
            items.append(item)
            pos = self.skip_blank(pos)
            char = src[pos:pos + 1]
            if char == "]":
                return pos + 1, items
            if char != ",":
                raise self.error(pos, "Unclosed array")
            pos = self.skip_blank(pos + 1)
            if src.startswith("]", pos):
                return pos + 1, items

    def inline_table(self, pos):
        src = self.src
        spaces = _SPACES.match
        table = {}
        frozen = _Registry()
        pos = spaces(src, pos + 1).end()
        if src.startswith("}", pos):
            return pos + 1, table
        while True:
            pos, key, value = self.key_value(pos)
            if frozen.is_frozen(key):
                raise self.error(pos, "Cannot mutate immutable namespace %s" % (key,))
            try:
                parent = _nest(table, key[:-1], False)
            except KeyError:
                raise self.error(pos, "Cannot overwrite a value") from None
            name = key[-1]
            if name in parent:
                raise self.error(pos, "Duplicate inline table key %r" % (name,))
            parent[name] = value
            pos = spaces(src, pos).end()
            char = src[pos:pos + 1]
            if char == "}":
                return pos + 1, table
            if char != ",":
                raise self.error(pos, "Unclosed inline table")
            if type(value) is dict or type(value) is list:
                frozen.node(key).frozen = True
            pos = spaces(src, pos + 1).end()

    # Strings

    def skip_to(self, pos, terminator, forbidden, required):
        """The position of `terminator` from `pos` on (or the end, when not
        `required`), checking that no `forbidden` character comes first."""
        src = self.src
        end = src.find(terminator, pos)
        if end < 0:
            end = len(src)
            if required:
                raise self.error(end, "Expected %r" % (terminator,))
        if not forbidden.isdisjoint(src[pos:end]):
            while src[pos] not in forbidden:
                pos += 1
            raise self.error(pos, "Found invalid character %r" % (src[pos],))
        return end

    def literal_string(self, pos):
        end = self.skip_to(pos + 1, "'", _BAD_IN_LINE, True)
        return end + 1, self.src[pos + 1:end]

    def multiline_literal_string(self, pos):
        src = self.src
        pos += 3
        if src.startswith("\n", pos):
            pos += 1
        end = self.skip_to(pos, "'''", _BAD_IN_MULTILINE, True)
        return self.closing_quotes(end + 3, src[pos:end], "'")

    def multiline_basic_string(self, pos):
        pos += 3
        if self.src.startswith("\n", pos):
            pos += 1
        pos, text = self.basic_string(pos, True)
        return self.closing_quotes(pos, text, '"')

    def closing_quotes(self, pos, text, quote):
        # Up to two quotes right before the closing three belong to the text.
        src = self.src
        if src.startswith(quote, pos):
            pos += 1
            text += quote
            if src.startswith(quote, pos):
                pos += 1
                text += quote
        return pos, text

    def basic_string(self, pos, multiline=False):
        """The string whose body starts at `pos`, after its opening quote(s)."""
        src = self.src
        if multiline:
            run = _MULTILINE_BASIC_RUN.match
        else:
            run = _BASIC_RUN.match
        pieces = []
        start = pos
        while True:
            pos = run(src, pos).end()
            char = src[pos:pos + 1]
            if char == '"':
                if not multiline:
                    pieces.append(src[start:pos])
                    return pos + 1, "".join(pieces)
                if src.startswith('"""', pos):
                    pieces.append(src[start:pos])
                    return pos + 3, "".join(pieces)
                pos += 1
            elif char == "\\":
                pieces.append(src[start:pos])
                pos, text = self.escape(pos, multiline)
                pieces.append(text)
                start = pos
            elif char:
                raise self.error(pos, "Illegal character %r" % (char,))
            else:
                raise self.error(pos, "Unterminated string")

    def escape(self, pos, multiline):
        src = self.src
        sequence = src[pos:pos + 2]
        pos += 2
        if multiline and sequence in ("\\\n", "\\ ", "\\\t"):
            # A line-ending backslash: the whitespace up to the next
            # non-blank character vanishes, newlines included.
            if sequence != "\\\n":
                pos = _SPACES.match(src, pos).end()
                if pos >= len(src):
                    return pos, ""
                if src[pos] != "\n":
                    raise self.error(pos, "Unescaped '\\' in a string")
            return _SPACES_AND_NEWLINES.match(src, pos).end(), ""
        if sequence == "\\u":
            return self.code_point(pos, 4)
        if sequence == "\\U":
            return self.code_point(pos, 8)
        text = _ESCAPES.get(sequence)
        if text is None:
            raise self.error(pos, "Unescaped '\\' in a string")
        return pos, text

    def code_point(self, pos, length):
        digits = self.src[pos:pos + length]
        if len(digits) != length or not _HEX_DIGITS.issuperset(digits):
            raise self.error(pos, "Invalid hex value")
        pos += length
        value = int(digits, 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise self.error(pos, "Escaped character is not a Unicode scalar value")
        return pos, chr(value)
