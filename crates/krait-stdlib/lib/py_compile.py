"""Compile Python source files to bytecode files (krait's `.kbc` format,
at the path CPython would cache them: `importlib.util.cache_from_source`).

The same interface as CPython's `py_compile`: `compile`, `main`,
`PyCompileError` and `PycInvalidationMode`. The file written holds
krait's bytecode (what `krait run FILE.kbc` and `marshal` read), not
CPython's; the invalidation mode is accepted and recorded nowhere."""

import builtins
import enum
import importlib.util
import os
import sys

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


class PyCompileError(Exception):
    """A source file could not be compiled: `exc_type_name`, `exc_value`,
    `file` and `msg` say why."""

    def __init__(self, exc_type, exc_value, file, msg=''):
        exc_type_name = exc_type.__name__
        if exc_type is SyntaxError:
            detail = ''.join(
                __import__('traceback').format_exception_only(exc_type, exc_value))
            errmsg = detail.replace('File "<string>"', 'File "%s"' % file)
        else:
            errmsg = "Sorry: %s: %s" % (exc_type_name, exc_value)
        Exception.__init__(self, msg or errmsg, exc_type_name, exc_value, file)
        self.exc_type_name = exc_type_name
        self.exc_value = exc_value
        self.file = file
        self.msg = msg or errmsg

    def __str__(self):
        return self.msg


class PycInvalidationMode(enum.Enum):
    TIMESTAMP = 1
    CHECKED_HASH = 2
    UNCHECKED_HASH = 3


def _get_default_invalidation_mode():
    if os.environ.get('SOURCE_DATE_EPOCH'):
        return PycInvalidationMode.CHECKED_HASH
    return PycInvalidationMode.TIMESTAMP


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Compile the source file `file`, writing the bytecode to `cfile`
    (by default where `importlib.util.cache_from_source` puts it). Returns
    the path written, or None when compiling failed and `doraise` is false
    (the error is then printed to stderr unless `quiet`)."""
    if invalidation_mode is None:
        invalidation_mode = _get_default_invalidation_mode()
    if cfile is None:
        if optimize >= 0:
            level = optimize if optimize >= 1 else ''
            cfile = importlib.util.cache_from_source(file, optimization=level)
        else:
            cfile = importlib.util.cache_from_source(file)
    if os.path.islink(cfile):
        raise FileExistsError(
            '{} is a symlink and will be changed into a regular file if '
            'import writes a byte-compiled file to it'.format(cfile))
    if os.path.exists(cfile) and not os.path.isfile(cfile):
        raise FileExistsError(
            '{} is a non-regular file and will be changed into a regular '
            'one if import writes a byte-compiled file to it'.format(cfile))
    with open(file, 'rb') as source_file:
        source = source_file.read()
    try:
        code = builtins.compile(source, dfile or file, 'exec',
                                dont_inherit=True, optimize=optimize)
    except Exception as err:
        error = PyCompileError(err.__class__, err, dfile or file)
        if quiet < 2:
            if doraise:
                raise error
            sys.stderr.write(error.msg + '\n')
        return None
    import _imp
    data = _imp._code_to_kbc(code)
    folder = os.path.dirname(cfile)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(cfile, 'wb') as out:
        out.write(data)
    return cfile


def main():
    """Compile the files named on the command line (or, with `-`, those
    read one per line from stdin); exit status 1 if any failed."""
    import argparse
    parser = argparse.ArgumentParser(description='A simple command-line '
                                     'interface for py_compile module.')
    parser.add_argument('-q', '--quiet', action='store_true',
                        help='Suppress error output')
    parser.add_argument('filenames', nargs='+',
                        help='Files to compile')
    args = parser.parse_args()
    if args.filenames == ['-']:
        filenames = [name.rstrip('\n') for name in sys.stdin.readlines()]
    else:
        filenames = args.filenames
    for filename in filenames:
        try:
            compile(filename, doraise=True)
        except PyCompileError as error:
            if args.quiet:
                parser.exit(1)
            else:
                parser.exit(1, error.msg)
        except OSError as error:
            if args.quiet:
                parser.exit(1)
            else:
                parser.exit(1, str(error))


if __name__ == "__main__":
    main()
