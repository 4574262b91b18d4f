"""The codec search function of the standard codecs (CPython's
`encodings` package).

Importing this package registers `search_function` with `codecs`: asked
for an encoding name, it normalises it, maps it through the
`encodings.aliases` table and imports the submodule of that name, whose
`getregentry()` gives the codec's `codecs.CodecInfo`. A submodule may
also offer `getaliases()`, a list of further names for it.

The submodules here: utf_8, ascii, latin_1, utf_16, utf_32, cp1252,
punycode and idna. krait's `codecs` module has its own built-in codecs
(tried before any search function), so this package mostly matters for
punycode and idna, which it alone provides, and for code that imports
the submodules itself.

krait differences: nothing imports this package at start-up (CPython
imports it before `site`), so `codecs.lookup("idna")` works once
`encodings` has been imported; and krait's `str.encode`/`bytes.decode`
know only the VM's own codecs, so use `codecs.encode`/`codecs.decode`
for the codecs found here.
"""

import codecs
from . import aliases

_cache = {}
_unknown = '--unknown--'
_import_tail = ['*']
_aliases = aliases.aliases


class CodecRegistryError(LookupError, SystemError):
    """A codec module's getregentry() gave something unusable."""


def normalize_encoding(encoding):
    """`encoding` with every run of characters other than ASCII letters,
    digits and '.' made one '_' (none at either end); the case is kept.
    Bytes are read as ASCII."""
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    out = []
    pending = False     # a separator seen since the last kept character
    for c in encoding:
        if c.isalnum() or c == '.':
            if pending and out:
                out.append('_')
            # Non-ASCII letters end a separator run but are not kept.
            if c.isascii():
                out.append(c)
            pending = False
        else:
            pending = True
    return ''.join(out)


def _check_entry(entry, module):
    """A getregentry() result as a CodecInfo (old modules return a 4- to
    7-tuple)."""
    if isinstance(entry, codecs.CodecInfo):
        return entry
    where = 'module "%s" (%s)' % (module.__name__, getattr(module, '__file__', None))
    if not 4 <= len(entry) <= 7:
        raise CodecRegistryError('%s failed to register' % where)
    functions = tuple(entry) + (None,) * (6 - len(entry))
    if (not callable(functions[0]) or not callable(functions[1])
            or any(f is not None and not callable(f) for f in functions[2:6])):
        raise CodecRegistryError('incompatible codecs in %s' % where)
    name = entry[6] if len(entry) == 7 and entry[6] is not None else module.__name__.split('.', 1)[1]
    return codecs.CodecInfo(*functions[:6], name=name)


def search_function(encoding):
    """The CodecInfo of `encoding` from the submodule it names (directly
    or through an alias), or None."""
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry
    normalized = normalize_encoding(encoding)
    aliased = _aliases.get(normalized) or _aliases.get(normalized.replace('.', '_'))
    module = None
    for name in ([aliased, normalized] if aliased else [normalized]):
        # A dot would reach outside this package.
        if not name or '.' in name:
            continue
        try:
            module = __import__('encodings.' + name, fromlist=_import_tail, level=0)
        except ImportError:
            # No such module, or one that needs something missing here.
            continue
        break
    getregentry = getattr(module, 'getregentry', None)
    if getregentry is None:
        _cache[encoding] = None
        return None
    entry = _check_entry(getregentry(), module)
    _cache[encoding] = entry
    # The module's own further names, unless taken already.
    for alias in getattr(module, 'getaliases', lambda: ())():
        _aliases.setdefault(alias, name)
    return entry


codecs.register(search_function)
