"""json.decoder for krait: JSONDecoder and JSONDecodeError.

Parsing is krait's native `_json.scan`; this module holds the classes
programs construct, subclass and catch, plus `scanstring`.
"""

import _json
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

from json.scanner import _CONSTANTS, _constant

NaN = _CONSTANTS['NaN']
PosInf = _CONSTANTS['Infinity']
NegInf = _CONSTANTS['-Infinity']


class JSONDecodeError(ValueError):
    """A ValueError for malformed JSON, with the parts of its message as
    attributes: msg, doc, pos (index of the fault) and the 1-based
    lineno and colno."""

    def __init__(self, msg, doc, pos):
        line_start = doc.rfind('\n', 0, pos)
        line = doc.count('\n', 0, pos) + 1
        column = pos - line_start
        ValueError.__init__(
            self, '%s: line %d column %d (char %d)' % (msg, line, column, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = line
        self.colno = column

    def __reduce__(self):
        return type(self), (self.msg, self.doc, self.pos)


def _check_text(s):
    # What CPython's whitespace regex says about a non-str document.
    if not isinstance(s, str):
        if isinstance(s, (bytes, bytearray, memoryview)):
            raise TypeError('cannot use a string pattern on a bytes-like '
                            'object')
        raise TypeError('expected string or bytes-like object, got '
                        f'{type(s).__name__!r}')


def _skip_space(s, i):
    size = len(s)
    while i < size and s[i] in ' \t\n\r':
        i += 1
    return i


def scanstring(s, end, strict=True):
    """Decode the JSON string whose body starts at index `end` of `s`
    (just after its opening quote): ``(text, index after the closing
    quote)``."""
    if end < 0 or end > len(s):
        raise ValueError('end is out of bounds')
    shift = end - 1
    doc = s
    if end == 0 or s[shift] != '"':
        doc = '"' + s[end:]
        start = 0
    else:
        start = shift
        shift = 0
    try:
        text, stop = _json.scan(doc, start, False, strict, None, None, None,
                                None, None, JSONDecodeError)
    except JSONDecodeError as problem:
        raise JSONDecodeError(problem.msg, s, problem.pos + shift) from None
    return text, stop + shift


py_scanstring = scanstring
c_scanstring = None


class JSONDecoder(object):
    """Turns JSON text into Python values: objects into dicts (or what
    object_hook / object_pairs_hook return), arrays into lists, strings,
    numbers (via parse_int / parse_float), true/false/null, and the
    non-standard NaN/Infinity/-Infinity (via parse_constant).  With
    strict=False control characters may appear inside strings."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        to_float = self.parse_float = parse_float or float
        to_int = self.parse_int = parse_int or int
        to_const = self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.parse_string = scanstring
        self.memo = {}
        # The settings are fixed now, as CPython's scanner fixes them;
        # decode() hands them straight to the native scanner unless
        # scan_once or raw_decode has been replaced.  None stands for the
        # builtin parsers (the native scanner's own, faster).
        self._settings = (strict, object_hook, object_pairs_hook,
                          None if to_float is float else to_float,
                          None if to_int is int else to_int,
                          None if to_const is _constant else to_const)
        self.scan_once = self._made = self._scan_once

    def _scan_once(self, string, idx):
        return scanner._scan_value(self._settings, JSONDecodeError,
                                   string, idx)

    def decode(self, s, _w=None):
        """The Python value of the JSON document `s` (only whitespace may
        surround it)."""
        if (type(self).raw_decode is _raw_decode
                and self.scan_once is self._made):
            # The whole document in one native call.
            strict, hook, pairs, to_float, to_int, to_const = self._settings
            try:
                return _json.scan(s, 0, True, strict, hook, pairs, to_float,
                                  to_int, to_const, JSONDecodeError)
            except TypeError:
                _check_text(s)
                raise
        _check_text(s)
        value, stop = self.raw_decode(s, idx=_skip_space(s, 0))
        stop = _skip_space(s, stop)
        if stop != len(s):
            raise JSONDecodeError('Extra data', s, stop)
        return value

    def raw_decode(self, s, idx=0):
        """``(value, end)`` for the JSON value starting exactly at index
        `idx` of `s`; whatever follows it is left alone."""
        try:
            return self.scan_once(s, idx)
        except StopIteration as stop:
            raise JSONDecodeError('Expecting value', s, stop.value) from None


_raw_decode = JSONDecoder.raw_decode
