"""json.scanner for krait: make_scanner(context) builds the function that
reads one JSON value from a string at an index.

The scanning is krait's native `_json.scan`; the settings (strict, hooks,
number and constant parsers) are read from `context` once, when the
scanner is made, as CPython's scanners do.
"""

import _json

__all__ = ['make_scanner']

# The values of the non-standard constants, and the default
# parse_constant (json.decoder uses both; compared by identity to spot
# the default, which the native scanner then replaces).
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'),
              '-Infinity': float('-inf')}
_constant = _CONSTANTS.__getitem__
_error_class = []


def _scan_settings(context):
    # The native scanner builds floats, ints and the constants itself
    # when it is given None instead of the builtin parsers.
    to_float = context.parse_float
    to_int = context.parse_int
    to_constant = context.parse_constant
    return (
        context.strict,
        context.object_hook,
        context.object_pairs_hook,
        None if to_float is float else to_float,
        None if to_int is int else to_int,
        None if to_constant is _constant else to_constant,
    )


def make_scanner(context):
    if not _error_class:
        from json.decoder import JSONDecodeError as found
        _error_class.append(found)
    return _scanner_for(_scan_settings(context), _error_class[0])


def _scanner_for(settings, error):
    def scan_once(string, idx):
        return _scan_value(settings, error, string, idx)
    return scan_once


def _scan_value(settings, error, string, idx):
    strict, hook, pairs_hook, to_float, to_int, to_constant = settings
    try:
        return _json.scan(string, idx, False, strict, hook, pairs_hook,
                          to_float, to_int, to_constant, error)
    except error as problem:
        # "No value here" is StopIteration(position) to the caller.
        if problem.msg != 'Expecting value':
            raise
        where = problem.pos
    raise StopIteration(where)


py_make_scanner = make_scanner
c_make_scanner = None
