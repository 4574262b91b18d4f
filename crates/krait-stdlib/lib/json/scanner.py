"""JSON token scanner, as CPython's json.scanner: `make_scanner(context)`
returns the function that scans one value at an index, here the native
scanner of `_json` configured from a JSONDecoder."""

__all__ = ['make_scanner']


def make_scanner(context):
    def scan_once(string, idx):
        try:
            return context._scan(string, idx, False)
        except ValueError as err:
            # CPython's scanner says "no value here" with StopIteration.
            if getattr(err, 'msg', None) == 'Expecting value' and err.pos == idx:
                raise StopIteration(idx) from None
            raise
    return scan_once


c_make_scanner = None
py_make_scanner = make_scanner
