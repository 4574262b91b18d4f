"""JSON token scanner, as CPython's json.scanner: `make_scanner(context)`
returns the function that scans one value at an index, here the native
scanner of `_json` configured from a JSONDecoder."""

__all__ = ['make_scanner']


def make_scanner(context):
    def scan_once(string, idx):
        return context._scan(string, idx, False)
    return scan_once


c_make_scanner = None
py_make_scanner = make_scanner
