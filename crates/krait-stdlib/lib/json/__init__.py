"""JSON (RFC 8259) encoding and decoding.

krait's json has the interface of CPython's: ``dumps``/``dump``,
``loads``/``load``, ``JSONEncoder``, ``JSONDecoder`` and
``JSONDecodeError``; the encoding and decoding loops are the native
module ``_json``.
"""
__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

import _json
from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    """Writes the JSON text of ``obj`` to the file-like ``fp`` (anything
    with ``write``); the options are those of ``dumps``."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
            check_circular=check_circular, allow_nan=allow_nan, indent=indent,
            separators=separators,
            default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    """The JSON text of ``obj``, as a str.

    ``skipkeys`` skips dict keys that are not str, int, float, bool or
    None instead of raising TypeError; ``ensure_ascii=False`` keeps
    non-ASCII characters as they are; ``check_circular=False`` skips the
    cycle check; ``allow_nan=False`` refuses NaN and the infinities;
    ``indent`` (an int or a str) pretty-prints; ``separators`` is an
    ``(item_separator, key_separator)`` pair; ``default(obj)`` returns a
    serializable version of an object that is not; ``sort_keys`` sorts
    the keys of objects; ``cls`` is a JSONEncoder subclass to use.
    """
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        # What _default_encoder.encode(obj) does, without its layers.
        return _json.encode(obj, True, None, ': ', ', ', False, False, True,
                            True, _default_encoder.default, False)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


_BOMS = (
    (b'\xff\xfe\x00\x00', 'utf-32'),
    (b'\x00\x00\xfe\xff', 'utf-32'),
    (b'\xff\xfe', 'utf-16'),
    (b'\xfe\xff', 'utf-16'),
    (b'\xef\xbb\xbf', 'utf-8-sig'),
)


def detect_encoding(b):
    """The name of the encoding the JSON bytes ``b`` are in, told by a
    byte order mark or by which of the first bytes are zero (a JSON text
    starts with ASCII characters)."""
    for mark, name in _BOMS:
        if b[:len(mark)] == mark:
            return name
    n = len(b)
    if n >= 4 or n == 2:
        zero = [byte == 0 for byte in b[:4]]
        if zero[0]:
            # "\x00X": big-endian; "\x00\x00": a 32-bit unit.
            return 'utf-16-be' if n == 2 or not zero[1] else 'utf-32-be'
        if zero[1]:
            if n == 2 or not (zero[2] and zero[3]):
                return 'utf-16-le'
            return 'utf-32-le'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The value of the JSON document read from the file-like ``fp``
    (anything with ``read``); the options are those of ``loads``."""
    return loads(fp.read(),
        cls=cls, object_hook=object_hook,
        parse_float=parse_float, parse_int=parse_int,
        parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The value of the JSON document ``s`` (a str, or bytes in UTF-8,
    UTF-16 or UTF-32).

    ``object_hook(dict)`` and ``object_pairs_hook(list of pairs)`` replace
    each decoded object (the pairs hook wins); ``parse_float``,
    ``parse_int`` and ``parse_constant`` are called with the text of
    each float, int and NaN/Infinity/-Infinity; ``strict=False`` allows
    control characters inside strings; ``cls`` is a JSONDecoder subclass.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        # Raises the TypeError for what is not bytes.
        s = _json.decode_bytes(s)

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        # What _default_decoder.decode(s) does, without its layers.
        return _json.scan(s, 0, True, True, None, None, None, None, None,
                          JSONDecodeError)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
