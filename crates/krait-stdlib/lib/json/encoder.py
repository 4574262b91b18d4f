"""JSON encoding: JSONEncoder, as CPython's json.encoder.

The encoding loop is the native module `_json` (`encode`); this module
keeps the class programs construct and subclass (`default`, `encode`,
`iterencode`).
"""

import _json

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii
c_encode_basestring = encode_basestring
c_encode_basestring_ascii = encode_basestring_ascii
c_make_encoder = None

INFINITY = float('inf')


class JSONEncoder(object):
    """Turns Python values into JSON text: dicts become objects, lists
    and tuples arrays, str strings, int and float numbers, True/False/None
    true/false/null (subclasses of these count as them). Anything else is
    given to ``default``, which returns something serializable or raises
    TypeError; override it in a subclass (calling the base method for
    what it does not handle) or pass ``default=``."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
            check_circular=True, allow_nan=True, sort_keys=False,
            indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """A serializable stand-in for ``o``; this base version refuses
        every object with TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of ``o``, as one str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def _encode(self, o, chunks):
        # With `chunks`, a list of the pieces CPython's iterencode yields.
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _json.encode(o, self.ensure_ascii, indent, self.key_separator,
                            self.item_separator, self.sort_keys,
                            self.skipkeys, self.allow_nan,
                            self.check_circular, self.default, chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of ``o`` as an iterable of str chunks (a
        generator; with ``_one_shot``, a list of one chunk)."""
        if _one_shot:
            return [self._encode(o, False)]
        return _chunks(self, o)


def _chunks(encoder, o):
    # A generator, as CPython's iterencode returns: nothing is encoded
    # until the first chunk is asked for. A failure comes after the chunks
    # that precede it (what `dump` has written by then in CPython).
    chunks = encoder._encode(o, True)
    if type(chunks) is tuple:
        yield from chunks[0]
        raise chunks[1]
    yield from chunks
