"""JSON decoding: JSONDecoder and JSONDecodeError, as CPython's json.decoder.

The scanning itself is done by the native module `_json` (`scan`); this
module keeps the classes programs construct, subclass and catch.
"""

import _json
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """The ValueError a malformed document raises. Besides the message
    (``msg: line L column C (char P)``) it carries ``msg`` (the message
    alone), ``doc`` (the document), ``pos`` (the code point index of the
    fault) and ``lineno``/``colno`` (its 1-based line and column)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        super().__init__(errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}



def _constant(name):
    return _CONSTANTS[name]


class JSONDecoder(object):
    """Turns JSON text into Python values: objects become dicts (or what
    ``object_hook``/``object_pairs_hook`` make of them), arrays lists,
    strings str, numbers int or float (or what ``parse_int`` and
    ``parse_float`` return), true/false/null True/False/None. ``NaN``,
    ``Infinity`` and ``-Infinity``, outside the standard, are accepted as
    floats (or passed to ``parse_constant``). ``strict=False`` lets
    control characters stand unescaped inside strings."""

    def __init__(self, *, object_hook=None, parse_float=None,
            parse_int=None, parse_constant=None, strict=True,
            object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def _scan(self, s, idx, whole):
        # The builtin parsers are passed as None: the scanner then makes
        # the values itself instead of calling back.
        parse_float = self.parse_float
        if parse_float is float:
            parse_float = None
        parse_int = self.parse_int
        if parse_int is int:
            parse_int = None
        parse_constant = self.parse_constant
        if parse_constant is _constant:
            parse_constant = None
        return _json.scan(s, idx, whole, self.strict, self.object_hook,
                          self.object_pairs_hook, parse_float, parse_int,
                          parse_constant, JSONDecodeError)

    def decode(self, s, _w=None):
        """The value of the JSON document ``s`` (whitespace around it
        allowed, anything else after it is "Extra data")."""
        if type(self).raw_decode is JSONDecoder.raw_decode:
            return self._scan(s, 0, True)
        # A subclass's raw_decode is honoured, as CPython's decode calls it.
        idx = _skip_space(s, 0)
        obj, end = self.raw_decode(s, idx)
        end = _skip_space(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """``(value, end)``: the value whose text starts exactly at index
        ``idx`` of ``s`` and the index just after it; what follows is
        left alone."""
        return self._scan(s, idx, False)


def _skip_space(s, i):
    n = len(s)
    while i < n and s[i] in ' \t\n\r':
        i += 1
    return i
