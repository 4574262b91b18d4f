"""json.encoder for krait: JSONEncoder and the string escapers.

The encoding loop is krait's native `_json.encode`; this module holds the
class programs construct and subclass (default, encode, iterencode).
"""

import _json

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
py_encode_basestring = c_encode_basestring = encode_basestring
py_encode_basestring_ascii = c_encode_basestring_ascii = \
    encode_basestring_ascii
c_make_encoder = None

INFINITY = float('inf')


class JSONEncoder(object):
    """Turns Python values into JSON text.  dict, list/tuple, str, int,
    float, True/False/None (and their subclasses) are understood; any
    other object is handed to default(), which must return something
    that is understood or raise TypeError."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii, self.check_circular = ensure_ascii, check_circular
        self.allow_nan, self.sort_keys = allow_nan, sort_keys
        self.indent = indent
        if separators is None:
            if indent is not None:
                self.item_separator = ','
        else:
            item, key = separators
            self.item_separator = item
            self.key_separator = key
        if default is not None:
            self.default = default

    def default(self, o):
        """What to encode in place of `o`; this base version accepts
        nothing and raises TypeError."""
        name = o.__class__.__name__
        raise TypeError(f'Object of type {name} is not JSON serializable')

    def encode(self, o):
        """The JSON text of `o` as one str."""
        if isinstance(o, str):
            escape = (encode_basestring_ascii if self.ensure_ascii
                      else encode_basestring)
            return escape(o)
        pieces = self.iterencode(o, _one_shot=True)
        if not isinstance(pieces, (list, tuple)):
            pieces = list(pieces)
        return ''.join(pieces)

    def _native(self, o, pieces):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _json.encode(o, self.ensure_ascii, indent, self.key_separator,
                            self.item_separator, self.sort_keys,
                            self.skipkeys, self.allow_nan,
                            self.check_circular, self.default, pieces)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of `o` as an iterable of str pieces: a generator
        (a one-item list when `_one_shot`)."""
        if _one_shot:
            return [self._native(o, False)]
        return _pieces(self, o)


def _pieces(encoder, o):
    # Lazy like CPython's generator: nothing is encoded before the first
    # piece is asked for, and a failure is raised after the pieces that
    # come before it (which is what json.dump has written by then).
    done = encoder._native(o, True)
    if type(done) is tuple:
        written, failure = done
        yield from written
        raise failure
    yield from done
