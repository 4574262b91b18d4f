"""JSON (RFC 8259) for krait, with the interface of CPython's `json`.

dumps/dump turn Python values into JSON text, loads/load parse it; the
classes live in json.encoder and json.decoder. The loops themselves are
krait's native `_json` module; calls with every option left at its
default go to it directly.
"""

__version__ = "2.0.9"
__author__ = "Bob Ippolito <bob@redivi.com>"
__all__ = [
    "dump", "dumps", "load", "loads",
    "JSONDecoder", "JSONDecodeError", "JSONEncoder",
]

import _json
from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def _encoder(cls, skipkeys, ensure_ascii, check_circular, allow_nan,
             indent, separators, default, sort_keys, extra):
    """The encoder for these dumps/dump options, or None when they are
    all the defaults (then the shared default encoder's settings apply)."""
    plain = (cls is None and not extra and not skipkeys and ensure_ascii
             and check_circular and allow_nan and not sort_keys
             and indent is None and separators is None and default is None)
    if plain:
        return None
    factory = JSONEncoder if cls is None else cls
    return factory(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan,
                   indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **extra)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Write the JSON text of `obj` to `fp` (an object with write()),
    piece by piece; the options are those of dumps."""
    encoder = _encoder(cls, skipkeys, ensure_ascii, check_circular,
                       allow_nan, indent, separators, default, sort_keys, kw)
    if encoder is None:
        encoder = _default_encoder
    write = fp.write
    for piece in encoder.iterencode(obj):
        write(piece)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """The JSON text of `obj` as a str.

    skipkeys: drop dict keys that are not str/int/float/bool/None instead
    of raising TypeError. ensure_ascii: escape non-ASCII characters.
    check_circular: detect reference cycles. allow_nan: write NaN and the
    infinities (else ValueError). indent: pretty-print with this many
    spaces (or this str). separators: (item, key) separator pair.
    default: called for objects that cannot be serialized. sort_keys:
    order dict output by key. cls: the JSONEncoder subclass to use.
    """
    encoder = _encoder(cls, skipkeys, ensure_ascii, check_circular,
                       allow_nan, indent, separators, default, sort_keys, kw)
    if encoder is not None:
        return encoder.encode(obj)
    # The default settings, straight to the native encoder.
    return _json.encode(obj, True, None, ': ', ', ', False, False, True,
                        True, _default_encoder.default, False)


# Byte order marks, longest first (the UTF-32 LE mark starts like UTF-16's).
_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)


def detect_encoding(b):
    """The encoding of the JSON bytes `b`: from a byte order mark, else
    from the pattern of zero bytes at the start (JSON begins with ASCII)."""
    for mark, codec in _MARKS:
        if b.startswith(mark):
            return codec
    size = len(b)
    if size < 4 and size != 2:
        return "utf-8"
    nulls = tuple(byte == 0 for byte in b[:4])
    if nulls[0]:
        # 00 XX: UTF-16-BE; 00 00 00 XX: UTF-32-BE.
        if size == 2 or not nulls[1]:
            return "utf-16-be"
        return "utf-32-be"
    if nulls[1]:
        # XX 00 XX ..: UTF-16-LE; XX 00 00 00: UTF-32-LE.
        if size == 2 or not (nulls[2] and nulls[3]):
            return "utf-16-le"
        return "utf-32-le"
    return "utf-8"


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Parse the JSON document read from `fp` (an object with read());
    the options are those of loads."""
    text = fp.read()
    return loads(text, cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Parse the JSON document `s` (str, or bytes in UTF-8/16/32).

    object_hook(dict) and object_pairs_hook(list of pairs) replace each
    decoded object (the pairs hook has priority); parse_float, parse_int
    and parse_constant receive the text of floats, ints and
    NaN/Infinity/-Infinity; strict=False allows control characters in
    strings; cls is the JSONDecoder subclass to use.
    """
    if not isinstance(s, str):
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError("the JSON object must be str, bytes or "
                            f"bytearray, not {type(s).__name__}")
        s = _json.decode_bytes(s)    # by the detected encoding
    elif s[:1] == "\ufeff":
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                              s, 0)
    hooks = {
        "object_hook": object_hook,
        "object_pairs_hook": object_pairs_hook,
        "parse_float": parse_float,
        "parse_int": parse_int,
        "parse_constant": parse_constant,
    }
    for name, hook in hooks.items():
        if hook is not None:
            kw[name] = hook
    if cls is None and not kw:
        # All defaults: the native scanner directly.
        return _json.scan(s, 0, True, True, None, None, None, None, None,
                          JSONDecodeError)
    factory = JSONDecoder if cls is None else cls
    return factory(**kw).decode(s)
