"""Regular expressions with CPython 3.11's syntax and semantics.

The engine, `re.Pattern` and `re.Match` are native (`_re`); this module
adds the flags, `re.error`, the compiled-pattern cache and the module-level
functions."""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

Pattern = _re.Pattern
Match = _re.Match


class error(Exception):
    """A pattern or replacement template that cannot be compiled: `msg`,
    and where (`pattern`, `pos`, `lineno`, `colno`)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            text = pattern
            if not isinstance(text, str):
                text = "".join(map(chr, pattern))
            self.lineno = text.count("\n", 0, pos) + 1
            self.colno = pos - text.rfind("\n", 0, pos)
            if "\n" in text:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
_re.set_error(error)

# The flags, in the order their names appear in a combination's repr.
_FLAG_ORDER = [
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
]


class RegexFlag(int):
    """The flags: ints that print as `re.IGNORECASE|re.MULTILINE`."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    @property
    def name(self):
        names = [n for n, v in _FLAG_ORDER if self & v]
        return "|".join(names) if names else None

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        value = int(self)
        names = []
        for name, bit in _FLAG_ORDER:
            if value & bit:
                names.append("re." + name)
                value &= ~bit
        if value or not names:
            names.append(hex(value) if names else "re.NOFLAG" if not value else hex(value))
        return "|".join(names)

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec) if not spec else format(int(self), spec)

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)
for _name, _value in _FLAG_ORDER:
    setattr(RegexFlag, _name, RegexFlag(_value))
RegexFlag.NOFLAG = NOFLAG
del _name, _value

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    # A RegexFlag equals and hashes as its int: the key needs no converting.
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        key = None
    # As CPython: a flags argument that is not an int fails here.
    debug = flags & DEBUG
    flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    compiled = _re.compile(pattern, flags)
    if key is not None and not debug:
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest entry (dicts keep insertion order).
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    "Try to apply the pattern at the start of the string."
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    "Try to apply the pattern to all of the string."
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    "Scan through string looking for a match to the pattern."
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    "Return the string with the leftmost non-overlapping matches replaced."
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    "Like sub, also returning the number of substitutions made."
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    "Split the source string by the occurrences of the pattern."
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    "Return a list of all non-overlapping matches in the string."
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    "Return an iterator over all non-overlapping matches in the string."
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression cache."
    _cache.clear()


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    "Escape special characters in a string."
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")
