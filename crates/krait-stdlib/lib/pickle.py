"""Serializing Python objects to bytes and back (CPython's `pickle`).

`Pickler`, `Unpickler`, `dump`, `dumps`, `load`, `loads` and the
exceptions are the native `_pickle` module's (as CPython's come from its
C accelerator): the same bytes as CPython 3.11 for protocols 0 to 5. The
pure-Python `_Pickler` and `_Unpickler` below are the fallback when
`_pickle` is absent (`sys.modules['_pickle'] = None`), with the same
output; they support persistent_id, dispatch_table, reducer_override,
memo/clear_memo and fast mode, persistent_load, find_class,
encoding/errors for Python 2 str data and out-of-band buffers.

Left out: `PickleBuffer` (so buffer_callback never receives anything).
"""

import sys
from struct import Struct
from types import FunctionType
from copyreg import dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache
from copyreg import _object_reduce_ex, _is_plain_class

_object_reduce_ex_method = object.__reduce_ex__
_object_reduce_method = object.__reduce__

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads"]

bytes_types = (bytes, bytearray)

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0",
                      "5.0"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to
    the dump() method."""


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an
    object, such as a security violation."""


# Opcodes.
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# Protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
# Protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# Protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# Protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

# The protocol numbers and opcode names are public too (sorted, as
# CPython lists them).
__all__.extend(sorted(name for name in list(globals())
                      if name.isupper() and not name.startswith('_')))

_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000

_pack_u16 = Struct("<H").pack
_pack_i32 = Struct("<i").pack
_pack_u32 = Struct("<I").pack
_pack_u64 = Struct("<Q").pack
_pack_double = Struct(">d").pack
_unpack_u16 = Struct("<H").unpack_from
_unpack_i32 = Struct("<i").unpack_from
_unpack_u32 = Struct("<I").unpack_from
_unpack_u64 = Struct("<Q").unpack_from
_unpack_double = Struct(">d").unpack_from

# Ready-made short opcodes: building them is a measurable part of a dump.
_BININT1_CODES = [BININT1 + bytes((i,)) for i in range(256)]
_BINPUT_CODES = [BINPUT + bytes((i,)) for i in range(256)]
_BINGET_CODES = [BINGET + bytes((i,)) for i in range(256)]
_SHORT_BINUNICODE_HEADS = [SHORT_BINUNICODE + bytes((i,)) for i in range(256)]
_SHORT_BINBYTES_HEADS = [SHORT_BINBYTES + bytes((i,)) for i in range(256)]


# Python 2 <-> 3 renames applied by fix_imports (protocols 0-2).
_PY2_EXCEPTIONS = (
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
    "BufferError", "BytesWarning", "DeprecationWarning", "EOFError",
    "EnvironmentError", "Exception", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning",
    "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt",
    "LookupError", "MemoryError", "NameError", "NotImplementedError",
    "OSError", "OverflowError", "PendingDeprecationWarning",
    "ReferenceError", "RuntimeError", "RuntimeWarning", "StopIteration",
    "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
    "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError")
_OSERROR_SUBCLASSES = (
    "BrokenPipeError", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "FileExistsError", "FileNotFoundError", "InterruptedError",
    "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError")

_NAME_MAPPING = {
    ("__builtin__", "xrange"): ("builtins", "range"),
    ("__builtin__", "unichr"): ("builtins", "chr"),
    ("__builtin__", "unicode"): ("builtins", "str"),
    ("__builtin__", "long"): ("builtins", "int"),
    ("itertools", "izip"): ("builtins", "zip"),
    ("itertools", "imap"): ("builtins", "map"),
    ("itertools", "ifilter"): ("builtins", "filter"),
}
_REVERSE_NAME_MAPPING = {v: k for k, v in _NAME_MAPPING.items()}
for _name in _PY2_EXCEPTIONS:
    _NAME_MAPPING["exceptions", _name] = ("builtins", _name)
    _REVERSE_NAME_MAPPING["builtins", _name] = ("exceptions", _name)
for _name in _OSERROR_SUBCLASSES:
    _REVERSE_NAME_MAPPING["builtins", _name] = ("exceptions", "OSError")
_REVERSE_NAME_MAPPING["builtins", "ModuleNotFoundError"] = (
    "exceptions", "ImportError")
_NAME_MAPPING["__builtin__", "basestring"] = ("builtins", "str")
_NAME_MAPPING["exceptions", "StandardError"] = ("builtins", "Exception")
del _name

# The rest of _compat_pickle's renames (Python 2 modules that moved).
_NAME_MAPPING.update({
    ('UserDict', 'IterableUserDict'): ('collections', 'UserDict'),
    ('UserDict', 'UserDict'): ('collections', 'UserDict'),
    ('UserList', 'UserList'): ('collections', 'UserList'),
    ('UserString', 'UserString'): ('collections', 'UserString'),
    ('__builtin__', 'intern'): ('sys', 'intern'),
    ('__builtin__', 'reduce'): ('functools', 'reduce'),
    ('_multiprocessing', 'Connection'): ('multiprocessing.connection', 'Connection'),
    ('_socket', 'fromfd'): ('socket', 'fromfd'),
    ('itertools', 'ifilterfalse'): ('itertools', 'filterfalse'),
    ('itertools', 'izip_longest'): ('itertools', 'zip_longest'),
    ('multiprocessing', 'AuthenticationError'): ('multiprocessing.context', 'AuthenticationError'),
    ('multiprocessing', 'BufferTooShort'): ('multiprocessing.context', 'BufferTooShort'),
    ('multiprocessing', 'ProcessError'): ('multiprocessing.context', 'ProcessError'),
    ('multiprocessing', 'TimeoutError'): ('multiprocessing.context', 'TimeoutError'),
    ('multiprocessing.forking', 'Popen'): ('multiprocessing.popen_fork', 'Popen'),
    ('multiprocessing.process', 'Process'): ('multiprocessing.context', 'Process'),
    ('socket', '_socketobject'): ('socket', 'SocketType'),
    ('urllib', 'ContentTooShortError'): ('urllib.error', 'ContentTooShortError'),
    ('urllib', 'getproxies'): ('urllib.request', 'getproxies'),
    ('urllib', 'pathname2url'): ('urllib.request', 'pathname2url'),
    ('urllib', 'quote'): ('urllib.parse', 'quote'),
    ('urllib', 'quote_plus'): ('urllib.parse', 'quote_plus'),
    ('urllib', 'unquote'): ('urllib.parse', 'unquote'),
    ('urllib', 'unquote_plus'): ('urllib.parse', 'unquote_plus'),
    ('urllib', 'url2pathname'): ('urllib.request', 'url2pathname'),
    ('urllib', 'urlcleanup'): ('urllib.request', 'urlcleanup'),
    ('urllib', 'urlencode'): ('urllib.parse', 'urlencode'),
    ('urllib', 'urlopen'): ('urllib.request', 'urlopen'),
    ('urllib', 'urlretrieve'): ('urllib.request', 'urlretrieve'),
    ('urllib2', 'HTTPError'): ('urllib.error', 'HTTPError'),
    ('urllib2', 'URLError'): ('urllib.error', 'URLError'),
    ('whichdb', 'whichdb'): ('dbm', 'whichdb'),
})
_REVERSE_NAME_MAPPING.update({
    ('_functools', 'reduce'): ('__builtin__', 'reduce'),
    ('_socket', 'socket'): ('socket', '_socketobject'),
    ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
    ('collections', 'UserList'): ('UserList', 'UserList'),
    ('collections', 'UserString'): ('UserString', 'UserString'),
    ('dbm', 'whichdb'): ('whichdb', 'whichdb'),
    ('functools', 'reduce'): ('__builtin__', 'reduce'),
    ('http.server', 'CGIHTTPRequestHandler'): ('CGIHTTPServer', 'CGIHTTPRequestHandler'),
    ('http.server', 'SimpleHTTPRequestHandler'): ('SimpleHTTPServer', 'SimpleHTTPRequestHandler'),
    ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
    ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
    ('multiprocessing.connection', 'Connection'): ('_multiprocessing', 'Connection'),
    ('multiprocessing.context', 'AuthenticationError'): ('multiprocessing', 'AuthenticationError'),
    ('multiprocessing.context', 'BufferTooShort'): ('multiprocessing', 'BufferTooShort'),
    ('multiprocessing.context', 'Process'): ('multiprocessing.process', 'Process'),
    ('multiprocessing.context', 'ProcessError'): ('multiprocessing', 'ProcessError'),
    ('multiprocessing.context', 'TimeoutError'): ('multiprocessing', 'TimeoutError'),
    ('multiprocessing.popen_fork', 'Popen'): ('multiprocessing.forking', 'Popen'),
    ('socket', 'fromfd'): ('_socket', 'fromfd'),
    ('sys', 'intern'): ('__builtin__', 'intern'),
    ('tkinter.filedialog', 'FileDialog'): ('FileDialog', 'FileDialog'),
    ('tkinter.filedialog', 'LoadFileDialog'): ('FileDialog', 'LoadFileDialog'),
    ('tkinter.filedialog', 'SaveFileDialog'): ('FileDialog', 'SaveFileDialog'),
    ('tkinter.simpledialog', 'SimpleDialog'): ('SimpleDialog', 'SimpleDialog'),
    ('urllib.error', 'ContentTooShortError'): ('urllib', 'ContentTooShortError'),
    ('urllib.error', 'HTTPError'): ('urllib2', 'HTTPError'),
    ('urllib.error', 'URLError'): ('urllib2', 'URLError'),
    ('urllib.parse', 'quote'): ('urllib', 'quote'),
    ('urllib.parse', 'quote_plus'): ('urllib', 'quote_plus'),
    ('urllib.parse', 'unquote'): ('urllib', 'unquote'),
    ('urllib.parse', 'unquote_plus'): ('urllib', 'unquote_plus'),
    ('urllib.parse', 'urlencode'): ('urllib', 'urlencode'),
    ('urllib.request', 'getproxies'): ('urllib', 'getproxies'),
    ('urllib.request', 'pathname2url'): ('urllib', 'pathname2url'),
    ('urllib.request', 'url2pathname'): ('urllib', 'url2pathname'),
    ('urllib.request', 'urlcleanup'): ('urllib', 'urlcleanup'),
    ('urllib.request', 'urlopen'): ('urllib', 'urlopen'),
    ('urllib.request', 'urlretrieve'): ('urllib', 'urlretrieve'),
    ('xmlrpc.server', 'DocCGIXMLRPCRequestHandler'): ('DocXMLRPCServer', 'DocCGIXMLRPCRequestHandler'),
    ('xmlrpc.server', 'DocXMLRPCRequestHandler'): ('DocXMLRPCServer', 'DocXMLRPCRequestHandler'),
    ('xmlrpc.server', 'DocXMLRPCServer'): ('DocXMLRPCServer', 'DocXMLRPCServer'),
    ('xmlrpc.server', 'ServerHTMLDoc'): ('DocXMLRPCServer', 'ServerHTMLDoc'),
    ('xmlrpc.server', 'XMLRPCDocGenerator'): ('DocXMLRPCServer', 'XMLRPCDocGenerator'),
})
_IMPORT_MAPPING = {
    '__builtin__': 'builtins',
    'copy_reg': 'copyreg',
    'Queue': 'queue',
    'SocketServer': 'socketserver',
    'ConfigParser': 'configparser',
    'repr': 'reprlib',
    'tkFileDialog': 'tkinter.filedialog',
    'tkSimpleDialog': 'tkinter.simpledialog',
    'tkColorChooser': 'tkinter.colorchooser',
    'tkCommonDialog': 'tkinter.commondialog',
    'Dialog': 'tkinter.dialog',
    'Tkdnd': 'tkinter.dnd',
    'tkFont': 'tkinter.font',
    'tkMessageBox': 'tkinter.messagebox',
    'ScrolledText': 'tkinter.scrolledtext',
    'Tkconstants': 'tkinter.constants',
    'Tix': 'tkinter.tix',
    'ttk': 'tkinter.ttk',
    'Tkinter': 'tkinter',
    'markupbase': '_markupbase',
    '_winreg': 'winreg',
    'thread': '_thread',
    'dummy_thread': '_dummy_thread',
    'dbhash': 'dbm.bsd',
    'dumbdbm': 'dbm.dumb',
    'dbm': 'dbm.ndbm',
    'gdbm': 'dbm.gnu',
    'xmlrpclib': 'xmlrpc.client',
    'SimpleXMLRPCServer': 'xmlrpc.server',
    'httplib': 'http.client',
    'htmlentitydefs': 'html.entities',
    'HTMLParser': 'html.parser',
    'Cookie': 'http.cookies',
    'cookielib': 'http.cookiejar',
    'BaseHTTPServer': 'http.server',
    'test.test_support': 'test.support',
    'commands': 'subprocess',
    'urlparse': 'urllib.parse',
    'robotparser': 'urllib.robotparser',
    'urllib2': 'urllib.request',
    'anydbm': 'dbm',
    '_abcoll': 'collections.abc',
    'cPickle': 'pickle',
    '_elementtree': 'xml.etree.ElementTree',
    'FileDialog': 'tkinter.filedialog',
    'SimpleDialog': 'tkinter.simpledialog',
    'DocXMLRPCServer': 'xmlrpc.server',
    'SimpleHTTPServer': 'http.server',
    'CGIHTTPServer': 'http.server',
    'UserDict': 'collections',
    'UserList': 'collections',
    'UserString': 'collections',
    'whichdb': 'dbm',
    'StringIO': 'io',
    'cStringIO': 'io',
}
_REVERSE_IMPORT_MAPPING = {
    'builtins': '__builtin__',
    'copyreg': 'copy_reg',
    'queue': 'Queue',
    'socketserver': 'SocketServer',
    'configparser': 'ConfigParser',
    'reprlib': 'repr',
    'tkinter.filedialog': 'tkFileDialog',
    'tkinter.simpledialog': 'tkSimpleDialog',
    'tkinter.colorchooser': 'tkColorChooser',
    'tkinter.commondialog': 'tkCommonDialog',
    'tkinter.dialog': 'Dialog',
    'tkinter.dnd': 'Tkdnd',
    'tkinter.font': 'tkFont',
    'tkinter.messagebox': 'tkMessageBox',
    'tkinter.scrolledtext': 'ScrolledText',
    'tkinter.constants': 'Tkconstants',
    'tkinter.tix': 'Tix',
    'tkinter.ttk': 'ttk',
    'tkinter': 'Tkinter',
    '_markupbase': 'markupbase',
    'winreg': '_winreg',
    '_thread': 'thread',
    '_dummy_thread': 'dummy_thread',
    'dbm.bsd': 'dbhash',
    'dbm.dumb': 'dumbdbm',
    'dbm.ndbm': 'dbm',
    'dbm.gnu': 'gdbm',
    'xmlrpc.client': 'xmlrpclib',
    'xmlrpc.server': 'SimpleXMLRPCServer',
    'http.client': 'httplib',
    'html.entities': 'htmlentitydefs',
    'html.parser': 'HTMLParser',
    'http.cookies': 'Cookie',
    'http.cookiejar': 'cookielib',
    'http.server': 'BaseHTTPServer',
    'test.support': 'test.test_support',
    'subprocess': 'commands',
    'urllib.parse': 'urlparse',
    'urllib.robotparser': 'robotparser',
    'urllib.request': 'urllib2',
    'dbm': 'anydbm',
    'collections.abc': '_abcoll',
    '_bz2': 'bz2',
    '_dbm': 'dbm',
    '_functools': 'functools',
    '_gdbm': 'gdbm',
    '_pickle': 'pickle',
}


def _codecs_encode(text, encoding):
    """Stands in for `_codecs.encode`, which protocols 0-2 name to rebuild
    bytes (krait has no `_codecs` module)."""
    return text.encode(encoding)


# Module and attribute names saved by protocol 4 are memoized by identity;
# CPython's are interned, so equal names share one memo entry. krait does
# not intern them: this table hands out one object per name.
_interned_names = {}


def _intern_name(name):
    return _interned_names.setdefault(name, name)


def _getattribute(obj, name):
    """Follow a dotted qualified name; (the object, its parent)."""
    parent = None
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError(
                "Can't get local attribute {!r} on {!r}".format(name, obj))
        try:
            parent = obj
            obj = getattr(obj, subpath)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}"
                                 .format(name, obj)) from None
    return obj, parent


def whichmodule(obj, name):
    """Find the module an object belongs to."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if (module_name == '__main__' or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _is_iterator(obj):
    # Not hasattr(obj, "__next__"): krait reports that every object has
    # __next__.
    try:
        return iter(obj) is obj
    except TypeError:
        return False


def encode_long(x):
    """Two's complement little-endian bytes of x, as short as possible
    (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, byteorder='little', signed=True)


def _raw_unicode_escape(text):
    """text encoded as 'raw-unicode-escape' (which krait lacks)."""
    try:
        return text.encode('latin-1')
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(ch)
        elif code < 0x10000:
            out.append('\\u%04x' % code)
        else:
            out.append('\\U%08x' % code)
    return ''.join(out).encode('latin-1')


def _raw_unicode_unescape(data):
    """Decode 'raw-unicode-escape' bytes: \\uXXXX and \\UXXXXXXXX escapes
    (after an odd number of backslashes), other bytes as Latin-1."""
    text = data.decode('latin-1')
    if '\\' not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find('\\', i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        # Count the run of backslashes: only the last one can escape.
        k = j
        while k < n and text[k] == '\\':
            k += 1
        run = k - j
        if run % 2 == 0 or k >= n or text[k] not in 'uU':
            out.append(text[j:k])
            i = k
            continue
        out.append('\\' * (run - 1))
        width = 4 if text[k] == 'u' else 8
        digits = text[k + 1:k + 1 + width]
        if len(digits) != width or not all(c in '0123456789abcdefABCDEF'
                                           for c in digits):
            raise UnicodeDecodeError(
                'rawunicodeescape', data, k - 1, min(k + 1 + width, n),
                'truncated \\%sXXXX escape' % ('u' if width == 4 else 'U'))
        code = int(digits, 16)
        if code > 0x10ffff:
            raise UnicodeDecodeError('rawunicodeescape', data, k - 1,
                                     k + 1 + width,
                                     '\\Uxxxxxxxx out of range')
        out.append(chr(code))
        i = k + 1 + width
    return ''.join(out)


_SIMPLE_ESCAPES = {'\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b',
                   'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
                   '\n': ''}


def _escape_decode(data):
    """Decode the backslash escapes of a Python 2 str literal (the body of
    a STRING opcode) into bytes."""
    text = data.decode('latin-1')
    if '\\' not in text:
        return data
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find('\\', i)
        if j < 0 or j + 1 >= n:
            if j >= 0:
                raise ValueError("Trailing \\ in string")
            out.append(text[i:])
            break
        out.append(text[i:j])
        c = text[j + 1]
        i = j + 2
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif c in '01234567':
            k = i
            while k < n and k < i + 2 and text[k] in '01234567':
                k += 1
            out.append(chr(int(text[j + 1:k], 8) & 0xff))
            i = k
        elif c == 'x':
            digits = text[i:i + 2]
            if len(digits) != 2 or not all(d in '0123456789abcdefABCDEF'
                                           for d in digits):
                raise ValueError("invalid \\x escape at position %d" % j)
            out.append(chr(int(digits, 16)))
            i += 2
        else:
            out.append('\\' + c)
    return ''.join(out).encode('latin-1')


# Pickling.

class _Pickler:
    """Writes pickles of objects to a binary file."""

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" %
                             HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._buffer_callback = buffer_callback
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3

    def clear_memo(self):
        """Forget the objects pickled so far: later dumps repeat them."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % (self.__class__.__name__,))
        self._output = self._file_write
        self._run(obj)

    def _run(self, obj):
        proto = self.proto
        # The hooks a subclass (or the instance) may define.
        self._persistent_id = getattr(self, "persistent_id", None)
        self._reducer_override = getattr(self, "reducer_override", None)
        table = getattr(self, "dispatch_table", None)
        self._dispatch_table = dispatch_table if table is None else table
        # Classes whose instances save() found to pickle as plain objects
        # (see _save_plain_object), for the fast path of _save_all.
        self._plain_types = set()
        frame = self._frame = bytearray()
        self.write = frame.extend
        self._framing = proto >= 4
        # Whether memoize() only writes MEMOIZE (inlined in hot paths).
        self._memoize_opcode = proto >= 4 and not self.fast
        if proto >= 2:
            self._output(PROTO + bytes((proto,)))
        try:
            self.save(obj)
            frame.extend(STOP)
            self._commit_frame()
        finally:
            del self._frame, self.write

    def _commit_frame(self):
        """Send the bytes written so far to the output, as one frame from
        protocol 4 on."""
        frame = self._frame
        if not frame:
            return
        data = bytes(frame)
        frame.clear()
        if self._framing and len(data) >= _FRAME_SIZE_MIN:
            self._output(FRAME + _pack_u64(len(data)))
        self._output(data)

    def _write_large_bytes(self, header, payload):
        # Payloads as big as a frame go to the output unframed, after the
        # frame written so far.
        if self._framing:
            self._commit_frame()
            self._output(header)
            self._output(payload)
        else:
            self.write(header)
            self.write(payload)

    # The memo maps id(obj) to (index, obj); keeping obj alive keeps ids
    # from being reused during the dump.
    def memoize(self, obj):
        """Store obj in the memo, writing the opcode that does so."""
        if self.fast:
            return
        memo = self.memo
        idx = len(memo)
        self.write(self.put(idx))
        memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return _BINPUT_CODES[idx]
            return LONG_BINPUT + _pack_u32(idx)
        return PUT + repr(idx).encode("ascii") + b'\n'

    def get(self, i):
        if self.bin:
            if i < 256:
                return _BINGET_CODES[i]
            return LONG_BINGET + _pack_u32(i)
        return GET + repr(i).encode("ascii") + b'\n'

    def save(self, obj, save_persistent_id=True):
        if self._framing and len(self._frame) >= _FRAME_SIZE_TARGET:
            self._commit_frame()

        if save_persistent_id and self._persistent_id is not None:
            pid = self._persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return

        t = type(obj)
        # None, bools, ints and floats are never memoized.
        f = _atom_dispatch.get(t)
        if f is not None:
            f(self, obj)
            return

        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return

        f = _dispatch.get(t)
        if f is not None:
            f(self, obj)
            return

        reduce = self._reducer_override
        if reduce is not None:
            rv = reduce(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return

        if t is FunctionType:
            self.save_global(obj)
            return

        reduce = self._dispatch_table.get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            # object's own reductions are done here (a class overriding
            # neither pickles without a call).
            reduce = getattr(t, "__reduce_ex__", None)
            if reduce is _object_reduce_ex_method:
                reduce = None
            if (reduce is None and self.proto >= 2 and _is_plain_class(t)
                    and getattr(t, "__reduce__", None)
                    in (None, _object_reduce_method)):
                if self._reducer_override is None:
                    self._plain_types.add(t)
                self._save_plain_object(obj, t)
                return
            if reduce is not None:
                if self.proto < 3 and isinstance(obj, bytearray):
                    # krait's bytearray.__reduce_ex__ ignores the protocol.
                    rv = (t, (str(obj, 'latin-1'), 'latin-1'),
                          getattr(obj, '__dict__', None) or None)
                else:
                    rv = obj.__reduce_ex__(self.proto)
            else:
                reduce = getattr(t, "__reduce__", None)
                if reduce is not None and reduce is not _object_reduce_method:
                    rv = obj.__reduce__()
                else:
                    rv = _object_reduce_ex(obj, self.proto)
        self._save_reduce_value(obj, rv)

    def _save_plain_object(self, obj, cls):
        # What save_reduce() writes for object.__reduce_ex__'s
        # (copyreg.__newobj__, (cls,), obj.__dict__ or None).
        write = self.write
        memo = self.memo
        m = memo.get(id(cls))
        if m is not None:
            write(self.get(m[0]))
        else:
            self.save(cls)
        if self._memoize_opcode:
            write(EMPTY_TUPLE + NEWOBJ + MEMOIZE)
            memo[id(obj)] = len(memo), obj
        else:
            write(EMPTY_TUPLE + NEWOBJ)
            self.memoize(obj)
        state = getattr(obj, "__dict__", None)
        if state:
            if (type(state) is dict and id(state) not in memo
                    and self._persistent_id is None):
                if self._framing and len(self._frame) >= _FRAME_SIZE_TARGET:
                    self._commit_frame()
                self.save_dict(state)
            else:
                self.save(state)
            write(BUILD)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain "
                                "2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be "
                                    "ASCII strings") from None

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not callable(func):
            raise PicklingError("first item of the tuple returned by "
                                "__reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by "
                                "__reduce__ must be a tuple")
        if listitems is not None and not _is_iterator(listitems):
            raise PicklingError("fourth element of the tuple returned by "
                                "__reduce__ must be an iterator, not %s"
                                % type(listitems).__name__)
        if dictitems is not None and not _is_iterator(dictitems):
            raise PicklingError("fifth element of the tuple returned by "
                                "__reduce__ must be an iterator, not %s"
                                % type(dictitems).__name__)
        if state_setter is not None and not callable(state_setter):
            raise PicklingError("sixth element of the tuple returned by "
                                "__reduce__ must be a function, not %s"
                                % type(state_setter).__name__)
        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj_ex__ args has no "
                                    "__new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the "
                                    "wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                from functools import partial
                save(partial(cls.__new__, cls, *args, **kwargs))
                save(())
                write(REDUCE)
        elif self.proto >= 2 and func_name == "__newobj__":
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no "
                                    "__new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the "
                                    "wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)

        if obj is not None:
            # A reduction may have pickled obj already (a cycle through
            # its arguments): use that copy instead.
            x = self.memo.get(id(obj))
            if x is not None:
                write(POP + self.get(x[0]))
            else:
                self.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)

        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # Savers for the builtin types, keyed by exact type below.

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(_BININT1_CODES[obj])
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + _pack_u16(obj))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + _pack_i32(obj))
                return
        if self.proto >= 2:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + bytes((n,)) + encoded)
            else:
                self.write(LONG4 + _pack_i32(n) + encoded)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode("ascii") + b'\n')
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + _pack_double(obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b'\n')

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode,
                                 (str(obj, 'latin-1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(_SHORT_BINBYTES_HEADS[n] + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large_bytes(BINBYTES8 + _pack_u64(n), obj)
        elif n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BINBYTES + _pack_u32(n), obj)
        else:
            self.write(BINBYTES + _pack_u32(n) + obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BYTEARRAY8 + _pack_u64(n), bytes(obj))
        else:
            self.write(BYTEARRAY8 + _pack_u64(n) + obj)
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            try:
                encoded = obj.encode('utf-8')
            except UnicodeEncodeError:
                encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self.write(_SHORT_BINUNICODE_HEADS[n] + encoded)
            elif n > 0xffffffff and self.proto >= 4:
                self._write_large_bytes(BINUNICODE8 + _pack_u64(n), encoded)
            elif n >= _FRAME_SIZE_TARGET:
                self._write_large_bytes(BINUNICODE + _pack_u32(n), encoded)
            else:
                self.write(BINUNICODE + _pack_u32(n) + encoded)
        else:
            # Escape what would end the line or be read as an escape.
            text = (obj.replace("\\", "\\u005c").replace("\0", "\\u0000")
                    .replace("\n", "\\u000a").replace("\r", "\\u000d")
                    .replace("\x1a", "\\u001a"))
            self.write(UNICODE + _raw_unicode_escape(text) + b'\n')
        self.memoize(obj)

    def _save_all(self, items):
        """save() each object of items in turn. The common atoms (ints,
        floats, short strs, None, bools) are written here directly: a
        save() call per list item is most of the cost of a dump."""
        save = self.save
        if self._persistent_id is not None or self.fast or self.proto < 2:
            for x in items:
                save(x)
            return
        write = self.write
        frame = self._frame
        framing = self._framing
        memo = self.memo
        short_strs = self.proto >= 4
        plain_types = self._plain_types
        for x in items:
            if framing and len(frame) >= _FRAME_SIZE_TARGET:
                self._commit_frame()
            t = type(x)
            if t is int:
                if 0 <= x <= 0xff:
                    write(_BININT1_CODES[x])
                    continue
                if -0x80000000 <= x <= 0x7fffffff:
                    if 0 <= x <= 0xffff:
                        write(BININT2 + _pack_u16(x))
                    else:
                        write(BININT + _pack_i32(x))
                    continue
            elif t is str:
                if short_strs:
                    m = memo.get(id(x))
                    if m is not None:
                        i = m[0]
                        write(_BINGET_CODES[i] if i < 256
                              else LONG_BINGET + _pack_u32(i))
                        continue
                    if len(x) <= 0xff:
                        try:
                            encoded = x.encode('utf-8')
                        except UnicodeEncodeError:
                            encoded = b'\0' * 256
                        n = len(encoded)
                        if n <= 0xff:
                            write(_SHORT_BINUNICODE_HEADS[n] + encoded +
                                  MEMOIZE)
                            memo[id(x)] = len(memo), x
                            continue
            elif t is float:
                write(BINFLOAT + _pack_double(x))
                continue
            elif x is None:
                write(NONE)
                continue
            elif t is bool:
                write(NEWTRUE if x else NEWFALSE)
                continue
            else:
                # save() without the checks done above.
                m = memo.get(id(x))
                if m is not None:
                    i = m[0]
                    write(_BINGET_CODES[i] if i < 256
                          else LONG_BINGET + _pack_u32(i))
                    continue
                f = _dispatch.get(t)
                if f is not None:
                    f(self, x)
                    continue
                if t in plain_types:
                    self._save_plain_object(x, t)
                    continue
            save(x)

    def save_tuple(self, obj):
        if not obj:
            if self.bin:
                self.write(EMPTY_TUPLE)
            else:
                self.write(MARK + TUPLE)
            return
        n = len(obj)
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            self._save_all(obj)
            # A recursive tuple was pickled by its own elements already.
            if id(obj) in memo:
                self.write(POP * n + self.get(memo[id(obj)][0]))
            elif self._memoize_opcode:
                self.write(_tuplesize2code[n] + MEMOIZE)
                memo[id(obj)] = len(memo), obj
            else:
                self.write(_tuplesize2code[n])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        self._save_all(obj)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            if self.bin:
                write(POP_MARK + get)
            else:
                write(POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        if self._memoize_opcode:
            self.write(EMPTY_LIST + MEMOIZE)
            memo = self.memo
            memo[id(obj)] = len(memo), obj
        else:
            self.write(EMPTY_LIST if self.bin else MARK + LIST)
            self.memoize(obj)
        self._batch_list(obj)

    def _batch_list(self, items):
        # Exact lists are written in batches of APPENDS, a single item
        # with APPEND.
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        n = len(items)
        if n == 1:
            save(items[0])
            write(APPEND)
            return
        start = 0
        while start < n:
            write(MARK)
            self._save_all(items[start:start + _BATCHSIZE]
                           if n > _BATCHSIZE else items)
            write(APPENDS)
            start += _BATCHSIZE

    def _batch_appends(self, items):
        # Items from a reduction's iterator: a batch of one is an APPEND.
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                self._save_all(batch)
                write(APPENDS)
            elif n:
                save(batch[0])
                write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        write = self.write
        if self._memoize_opcode:
            write(EMPTY_DICT + MEMOIZE)
            memo = self.memo
            memo[id(obj)] = len(memo), obj
        else:
            write(EMPTY_DICT if self.bin else MARK + DICT)
            self.memoize(obj)
        save = self.save
        if not self.bin:
            for k, v in obj.items():
                save(k)
                save(v)
                write(SETITEM)
            return
        n = len(obj)
        if n == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            write(SETITEM)
            return
        if n == 0:
            return
        if n < _BATCHSIZE:
            write(MARK)
            self._save_all([x for item in obj.items() for x in item])
            write(SETITEMS)
            return
        items = list(obj.items())
        # Like CPython, a full last batch is followed by an empty one.
        start = 0
        while start <= n:
            write(MARK)
            self._save_all([x for item in items[start:start + _BATCHSIZE]
                            for x in item])
            write(SETITEMS)
            start += _BATCHSIZE

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                self._save_all([x for item in batch for x in item])
                write(SETITEMS)
            elif n:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        n = len(items)
        if not n:
            return
        # Like CPython, a full last batch is followed by an empty one.
        start = 0
        while start <= n:
            write(MARK)
            self._save_all(items[start:start + _BATCHSIZE])
            write(ADDITEMS)
            start += _BATCHSIZE

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(MARK)
        self._save_all(obj)
        if id(obj) in self.memo:
            # A frozenset reached through its own elements.
            write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        write = self.write
        memo = self.memo

        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__

        if obj is _codecs_encode:
            module_name, name = '_codecs', 'encode'
            module = parent = None
        else:
            if '<locals>' in name.split('.'):
                raise AttributeError(f"Can't pickle local object {name!r}")
            module_name = whichmodule(obj, name)
            try:
                __import__(module_name, level=0)
                module = sys.modules[module_name]
            except (ImportError, KeyError):
                raise PicklingError(f"Can't pickle {obj!r}: import of module "
                                    f"{module_name!r} failed") from None
            try:
                obj2, parent = _getattribute(module, name)
            except AttributeError:
                raise PicklingError(f"Can't pickle {obj!r}: attribute lookup "
                                    f"{name} on {module_name} failed") from None
            if obj2 is not obj:
                raise PicklingError(f"Can't pickle {obj!r}: it's not the same "
                                    f"object as {module_name}.{name}")

        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    write(EXT1 + bytes((code,)))
                elif code <= 0xffff:
                    write(EXT2 + _pack_u16(code))
                else:
                    write(EXT4 + _pack_i32(code))
                return
        lastname = name.rpartition('.')[2]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(_intern_name(module_name))
            self.save(_intern_name(name))
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        elif self.proto >= 3:
            write(GLOBAL + module_name.encode('utf-8') + b'\n' +
                  name.encode('utf-8') + b'\n')
        else:
            if self.fix_imports:
                if (module_name, name) in _REVERSE_NAME_MAPPING:
                    module_name, name = _REVERSE_NAME_MAPPING[
                        (module_name, name)]
                elif module_name in _REVERSE_IMPORT_MAPPING:
                    module_name = _REVERSE_IMPORT_MAPPING[module_name]
            try:
                write(GLOBAL + module_name.encode('ascii') + b'\n' +
                      name.encode('ascii') + b'\n')
            except UnicodeEncodeError:
                raise PicklingError(
                    "can't pickle global identifier '%s.%s' using "
                    "pickle protocol %i" % (module_name, name, self.proto)
                ) from None
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)


_atom_dispatch = {
    type(None): _Pickler.save_none,
    bool: _Pickler.save_bool,
    int: _Pickler.save_long,
    float: _Pickler.save_float,
}

_dispatch = {
    bytes: _Pickler.save_bytes,
    bytearray: _Pickler.save_bytearray,
    str: _Pickler.save_str,
    tuple: _Pickler.save_tuple,
    list: _Pickler.save_list,
    dict: _Pickler.save_dict,
    set: _Pickler.save_set,
    frozenset: _Pickler.save_frozenset,
    FunctionType: _Pickler.save_global,
    type: _Pickler.save_type,
}


class _BytesSink:
    """The output of dumps: the written chunks, joined at the end."""
    __slots__ = ("chunks", "write")

    def __init__(self):
        self.chunks = []
        self.write = self.chunks.append


# Unpickling.

class _Unpickler:
    """Reads pickles from a binary file."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' "
                            "attributes") from None
        self._file = file
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Read a pickled object from the file and return it."""
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % (self.__class__.__name__,))
        return self._load_from(self._read_pickle(), 0)[0]

    def _read_pickle(self):
        """The bytes of the next pickle in the file, up to its STOP (or all
        that is left when it is malformed: parsing them then reports the
        error). The opcodes are scanned, not run, so the file is left
        just after the pickle: a seekable file is read in chunks and
        seeked back, any other file read no further than needed."""
        file = self._file
        try:
            start = file.tell() if file.seekable() else None
        except (AttributeError, OSError, ValueError):
            start = None
        if start is None:
            return self._read_pickle_exactly()
        self._scan_buffer = buf = bytearray()
        self._scan_chunk = 65536
        fill = self._scan_fill
        arg_sizes = _ARG_SIZES
        pos = 0
        n = 0
        while True:
            # Every opcode with a fixed-size argument fits in 9 bytes.
            if pos + 9 > n:
                n = fill(pos + 9)
                if pos >= n:
                    break
            op = buf[pos]
            pos += 1
            size = arg_sizes[op]
            if size == 0:
                if op == 0x2e:        # STOP
                    break
            elif size > 0:
                if op == 0x95 and pos + 8 <= n:     # FRAME
                    frame_end = pos + 8 + _unpack_u64(buf, pos)[0]
                    n = fill(frame_end + 1)
                    pos += 8
                    # The STOP ends the last frame: a frame that ends
                    # otherwise is not the last one, and need not be
                    # scanned.
                    if frame_end <= n and buf[frame_end - 1] != 0x2e:
                        pos = frame_end
                    elif frame_end == n and n:
                        # A frame ending in STOP at the end of the file.
                        pos = frame_end
                        break
                else:
                    pos += size
            elif size == -1:
                if pos < n:
                    pos += 1 + buf[pos]
                else:
                    pos = n + 1
            elif size == _LINE or size == _TWO_LINES:
                for _ in range(1 if size == _LINE else 2):
                    end = buf.find(b'\n', pos)
                    while end < 0:
                        n = self._scan_fill_line()
                        if n is None:
                            break
                        end = buf.find(b'\n', pos)
                    if end < 0:
                        pos = len(buf) + 1
                        break
                    pos = end + 1
                n = len(buf)
            elif size == _INVALID:
                break
            else:
                # A length-prefixed argument; -size is the prefix width.
                width = -size
                if pos + width > n:
                    pos = n + 1
                else:
                    if width == 4:
                        length = _unpack_i32(buf, pos)[0]
                    else:
                        length = _unpack_u64(buf, pos)[0]
                    pos += width + max(length, 0)
            if pos > n:
                n = fill(pos)
                if pos > n:
                    break
        pos = min(pos, len(buf))
        if start is not None:
            file.seek(start + pos)
        del self._scan_buffer
        return bytes(buf[:pos])

    def _read_pickle_exactly(self):
        """_read_pickle() for a file that cannot seek back: read opcode
        by opcode (frame by frame), never past the STOP."""
        read = self._file_read
        buf = bytearray()
        arg_sizes = _ARG_SIZES
        pos = 0

        def need(size):
            # Make buf hold size bytes from pos; False at end of file.
            missing = pos + size - len(buf)
            while missing > 0:
                more = read(missing)
                if not more:
                    return False
                buf.extend(more)
                missing -= len(more)
            return True

        while need(1):
            op = buf[pos]
            pos += 1
            size = arg_sizes[op]
            if size == 0:
                if op == 0x2e:        # STOP
                    break
            elif size > 0:
                if not need(size):
                    pos = len(buf)
                    break
                if op == 0x95:        # FRAME: read it whole
                    frame_size = _unpack_u64(buf, pos)[0]
                    pos += size
                    need(frame_size)
                else:
                    pos += size
            elif size == _LINE or size == _TWO_LINES:
                for _ in range(1 if size == _LINE else 2):
                    end = buf.find(b'\n', pos)
                    if end < 0:
                        buf.extend(self._file_readline())
                        end = buf.find(b'\n', pos)
                    if end < 0:
                        break
                    pos = end + 1
                if end < 0:
                    pos = len(buf)
                    break
            elif size == _INVALID:
                break
            else:
                width = -size
                if not need(width):
                    pos = len(buf)
                    break
                if width == 1:
                    length = buf[pos]
                elif width == 4:
                    length = _unpack_i32(buf, pos)[0]
                else:
                    length = _unpack_u64(buf, pos)[0]
                pos += width
                if length < 0 or not need(length):
                    pos = len(buf)
                    break
                pos += length
        return bytes(buf[:pos])

    def _scan_fill(self, size):
        """Read until the scan buffer holds size bytes (or the file
        ends); its length."""
        buf = self._scan_buffer
        read = self._file_read
        while len(buf) < size:
            more = read(max(size - len(buf), self._scan_chunk))
            if not more:
                break
            buf.extend(more)
        return len(buf)

    def _scan_fill_line(self):
        # More data for a line argument: None at the end of the file.
        more = self._file_read(self._scan_chunk)
        if not more:
            return None
        self._scan_buffer.extend(more)
        return len(self._scan_buffer)

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was "
                              "encountered,\nbut no persistent_load function "
                              "was specified.")

    def find_class(self, module, name):
        """The object name in module (both str), importing module."""
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _NAME_MAPPING:
                module, name = _NAME_MAPPING[(module, name)]
            elif module in _IMPORT_MAPPING:
                module = _IMPORT_MAPPING[module]
        if module == '_codecs' and name == 'encode' and (
                '_codecs' not in sys.modules):
            try:
                __import__('_codecs')
            except ImportError:
                return _codecs_encode
        __import__(module, level=0)
        if self.proto >= 4:
            return _getattribute(sys.modules[module], name)[0]
        module = sys.modules[module]
        try:
            return getattr(module, name)
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on "
                                 f"{module!r}") from None

    def _decode_string(self, value):
        # STRING/BINSTRING data from Python 2: text unless asked for bytes.
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def _get_extension(self, code):
        obj = _extension_cache.get(code, _missing)
        if obj is not _missing:
            return obj
        key = _inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        return obj

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or
                hasattr(klass, "__getinitargs__")):
            try:
                return klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" %
                                (klass.__name__, str(err))).with_traceback(
                                    err.__traceback__)
        return klass.__new__(klass)

    def _load_from(self, data, pos):
        """Unpickle the pickle at data[pos:]; (the object, the position
        after its STOP)."""
        # The stack of the innermost MARK is `stack`; MARK pushes the
        # outer stacks on `metastack`.
        self.metastack = metastack = []
        self.stack = stack = []
        append = stack.append
        memo = self.memo
        memo_list = []
        n = len(data)
        find_class = self.find_class
        while True:
            if pos >= n:
                raise EOFError("Ran out of input")
            op = data[pos]
            pos += 1
            try:
                # The most common opcodes first.
                if op == 0x94:        # MEMOIZE
                    memo[len(memo)] = stack[-1]
                elif op == 0x8c:      # SHORT_BINUNICODE
                    if pos >= n:
                        raise _truncated()
                    end = pos + 1 + data[pos]
                    if end > n:
                        raise _truncated()
                    try:
                        append(str(data[pos + 1:end], 'utf-8'))
                    except UnicodeDecodeError:
                        append(_decode_utf8(data[pos + 1:end]))
                    pos = end
                elif op == 0x4b:      # BININT1
                    if pos >= n:
                        raise _truncated()
                    append(data[pos])
                    pos += 1
                elif op == 0x68:      # BINGET
                    if pos >= n:
                        raise _truncated()
                    i = data[pos]
                    pos += 1
                    try:
                        append(memo[i])
                    except KeyError:
                        raise UnpicklingError(
                            "Memo value not found at index %d" % i) from None
                elif op == 0x71:      # BINPUT
                    if pos >= n:
                        raise _truncated()
                    memo[data[pos]] = stack[-1]
                    pos += 1
                elif op == 0x28:      # MARK
                    metastack.append(stack)
                    self.stack = stack = []
                    append = stack.append
                elif op == 0x65:      # APPENDS
                    items = stack
                    if not metastack:
                        raise UnpicklingError("could not find MARK")
                    self.stack = stack = metastack.pop()
                    append = stack.append
                    target = stack[-1]
                    if type(target) is list:
                        target.extend(items)
                    else:
                        extend = getattr(target, 'extend', None)
                        if extend is not None:
                            extend(items)
                        else:
                            add = target.append
                            for item in items:
                                add(item)
                elif op == 0x75:      # SETITEMS
                    items = stack
                    if not metastack:
                        raise UnpicklingError("could not find MARK")
                    self.stack = stack = metastack.pop()
                    append = stack.append
                    target = stack[-1]
                    if len(items) % 2:
                        raise UnpicklingError(
                            "odd number of items for SETITEMS")
                    for i in range(0, len(items), 2):
                        target[items[i]] = items[i + 1]
                elif op == 0x4a:      # BININT
                    if pos + 4 > n:
                        raise _truncated()
                    append(_unpack_i32(data, pos)[0])
                    pos += 4
                elif op == 0x47:      # BINFLOAT
                    if pos + 8 > n:
                        raise _truncated()
                    append(_unpack_double(data, pos)[0])
                    pos += 8
                elif op == 0x5d:      # EMPTY_LIST
                    append([])
                elif op == 0x7d:      # EMPTY_DICT
                    append({})
                elif op == 0x29:      # EMPTY_TUPLE
                    append(())
                elif op == 0x86:      # TUPLE2
                    second = stack.pop()
                    stack[-1] = (stack[-1], second)
                elif op == 0x85:      # TUPLE1
                    stack[-1] = (stack[-1],)
                elif op == 0x87:      # TUPLE3
                    third = stack.pop()
                    second = stack.pop()
                    stack[-1] = (stack[-1], second, third)
                elif op == 0x4d:      # BININT2
                    if pos + 2 > n:
                        raise _truncated()
                    append(data[pos] | data[pos + 1] << 8)
                    pos += 2
                elif op == 0x61:      # APPEND
                    value = stack.pop()
                    stack[-1].append(value)
                elif op == 0x73:      # SETITEM
                    value = stack.pop()
                    key = stack.pop()
                    stack[-1][key] = value
                elif op == 0x4e:      # NONE
                    append(None)
                elif op == 0x88:      # NEWTRUE
                    append(True)
                elif op == 0x89:      # NEWFALSE
                    append(False)
                elif op == 0x81:      # NEWOBJ
                    args = stack.pop()
                    cls = stack.pop()
                    append(cls.__new__(cls, *args))
                elif op == 0x62:      # BUILD
                    state = stack.pop()
                    inst = stack[-1]
                    setstate = getattr(inst, "__setstate__", None)
                    if setstate is not None:
                        setstate(state)
                    elif type(state) is dict:
                        inst_dict = inst.__dict__
                        if type(inst_dict) is dict:
                            inst_dict.update(state)
                        else:
                            self._build(inst, state)
                    else:
                        self._build(inst, state)
                elif op == 0x93:      # STACK_GLOBAL
                    name = stack.pop()
                    module = stack.pop()
                    if type(name) is not str or type(module) is not str:
                        raise UnpicklingError("STACK_GLOBAL requires str")
                    append(find_class(module, name))
                elif op == 0x52:      # REDUCE
                    args = stack.pop()
                    stack[-1] = stack[-1](*args)
                elif op == 0x95:      # FRAME
                    if pos + 8 > n:
                        raise _truncated()
                    if pos + 8 + _unpack_u64(data, pos)[0] > n:
                        raise _truncated()
                    pos += 8
                elif op == 0x2e:      # STOP
                    if not stack:
                        if metastack:
                            raise UnpicklingError("unexpected MARK found")
                        raise UnpicklingError("unpickling stack underflow")
                    value = stack.pop()
                    self.stack = self.metastack = None
                    return value, pos
                elif op == 0x80:      # PROTO
                    if pos >= n:
                        raise _truncated()
                    proto = data[pos]
                    pos += 1
                    if proto > HIGHEST_PROTOCOL:
                        raise ValueError("unsupported pickle protocol: %d"
                                         % proto)
                    self.proto = proto
                else:
                    # The rarer opcodes work on self.stack.
                    handler = _rare_opcodes.get(op)
                    if handler is None:
                        if 0x20 < op < 0x7f:
                            key = chr(op)
                        else:
                            key = '\\x%02x' % op
                        raise UnpicklingError(
                            "invalid load key, '%s'." % key)
                    self.stack = stack
                    pos = handler(self, data, pos, n)
                    stack = self.stack
                    append = stack.append
            except IndexError as exc:
                # Our own pops and peeks of an empty stack; an IndexError
                # from deeper down (user code) passes through.
                if exc.__traceback__.tb_next is not None:
                    raise
                if metastack and not stack:
                    raise UnpicklingError("unexpected MARK found") from None
                raise UnpicklingError("unpickling stack underflow") from None

    def _build(self, inst, state):
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state is not None:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            for k, v in state.items():
                inst_dict[k] = v
        if slotstate is not None:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def _pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    # Handlers of the rarer opcodes: (self, data, pos, n) -> new pos.

    def _readline(self, data, pos, n):
        end = data.find(b'\n', pos)
        if end < 0:
            raise _truncated()
        return data[pos:end], end + 1

    def _take(self, data, pos, n, size):
        end = pos + size
        if end > n:
            raise _truncated()
        return data[pos:end], end

    def _op_persid(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        try:
            pid = line.decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be "
                                  "ASCII strings") from None
        self.stack.append(self.persistent_load(pid))
        return pos

    def _op_binpersid(self, data, pos, n):
        pid = self.stack.pop()
        self.stack.append(self.persistent_load(pid))
        return pos

    def _op_int(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        if line == b'00':
            value = False
        elif line == b'01':
            value = True
        else:
            try:
                value = int(line, 0)
            except ValueError:
                raise ValueError("could not convert string to int") from None
        self.stack.append(value)
        return pos

    def _op_long(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        if line[-1:] == b'L':
            line = line[:-1]
        try:
            self.stack.append(int(line, 0))
        except ValueError:
            raise ValueError("could not convert string to int") from None
        return pos

    def _op_long1(self, data, pos, n):
        if pos >= n:
            raise _truncated()
        raw, pos = self._take(data, pos + 1, n, data[pos])
        self.stack.append(decode_long(raw))
        return pos

    def _op_long4(self, data, pos, n):
        if pos + 4 > n:
            raise _truncated()
        size = _unpack_i32(data, pos)[0]
        if size < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        raw, pos = self._take(data, pos + 4, n, size)
        self.stack.append(decode_long(raw))
        return pos

    def _op_float(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        try:
            self.stack.append(float(line))
        except ValueError:
            raise ValueError("could not convert string to float: '%s\n'"
                             % line.decode('latin-1')) from None
        return pos

    def _op_string(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        if len(line) >= 2 and line[0] == line[-1] and line[0] in b'"\'':
            line = line[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be "
                                  "quoted")
        self.stack.append(self._decode_string(_escape_decode(line)))
        return pos

    def _op_binstring(self, data, pos, n):
        if pos + 4 > n:
            raise _truncated()
        size = _unpack_i32(data, pos)[0]
        if size < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        raw, pos = self._take(data, pos + 4, n, size)
        self.stack.append(self._decode_string(raw))
        return pos

    def _op_short_binstring(self, data, pos, n):
        if pos >= n:
            raise _truncated()
        raw, pos = self._take(data, pos + 1, n, data[pos])
        self.stack.append(self._decode_string(raw))
        return pos

    def _sized(self, data, pos, n, width):
        if pos + width > n:
            raise _truncated()
        if width == 4:
            size = _unpack_u32(data, pos)[0]
        else:
            size = _unpack_u64(data, pos)[0]
            if size > sys.maxsize:
                raise UnpicklingError("exceeds system's maximum size of %d "
                                      "bytes" % sys.maxsize)
        return self._take(data, pos + width, n, size)

    def _op_binbytes(self, data, pos, n):
        raw, pos = self._sized(data, pos, n, 4)
        self.stack.append(raw)
        return pos

    def _op_binbytes8(self, data, pos, n):
        raw, pos = self._sized(data, pos, n, 8)
        self.stack.append(raw)
        return pos

    def _op_short_binbytes(self, data, pos, n):
        if pos >= n:
            raise _truncated()
        raw, pos = self._take(data, pos + 1, n, data[pos])
        self.stack.append(raw)
        return pos

    def _op_bytearray8(self, data, pos, n):
        raw, pos = self._sized(data, pos, n, 8)
        self.stack.append(bytearray(raw))
        return pos

    def _op_next_buffer(self, data, pos, n):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None
        self.stack.append(buf)
        return pos

    def _op_readonly_buffer(self, data, pos, n):
        buf = self.stack[-1]
        with memoryview(buf) as m:
            if not m.readonly:
                self.stack[-1] = m.toreadonly()
        return pos

    def _op_unicode(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        self.stack.append(_raw_unicode_unescape(line))
        return pos

    def _op_binunicode(self, data, pos, n):
        raw, pos = self._sized(data, pos, n, 4)
        self.stack.append(_decode_utf8(raw))
        return pos

    def _op_binunicode8(self, data, pos, n):
        raw, pos = self._sized(data, pos, n, 8)
        self.stack.append(_decode_utf8(raw))
        return pos

    def _op_tuple(self, data, pos, n):
        items = self._pop_mark()
        self.stack.append(tuple(items))
        return pos

    def _op_empty_set(self, data, pos, n):
        self.stack.append(set())
        return pos

    def _op_frozenset(self, data, pos, n):
        items = self._pop_mark()
        self.stack.append(frozenset(items))
        return pos

    def _op_list(self, data, pos, n):
        items = self._pop_mark()
        self.stack.append(items)
        return pos

    def _op_dict(self, data, pos, n):
        items = self._pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        self.stack.append({items[i]: items[i + 1]
                           for i in range(0, len(items), 2)})
        return pos

    def _op_inst(self, data, pos, n):
        module, pos = self._readline(data, pos, n)
        name, pos = self._readline(data, pos, n)
        klass = self.find_class(module.decode("ascii"), name.decode("ascii"))
        args = self._pop_mark()
        self.stack.append(self._instantiate(klass, args))
        return pos

    def _op_obj(self, data, pos, n):
        args = self._pop_mark()
        cls = args.pop(0)
        self.stack.append(self._instantiate(cls, args))
        return pos

    def _op_newobj_ex(self, data, pos, n):
        stack = self.stack
        kwargs = stack.pop()
        args = stack.pop()
        cls = stack.pop()
        stack.append(cls.__new__(cls, *args, **kwargs))
        return pos

    def _op_global(self, data, pos, n):
        module, pos = self._readline(data, pos, n)
        name, pos = self._readline(data, pos, n)
        self.stack.append(self.find_class(module.decode("utf-8"),
                                          name.decode("utf-8")))
        return pos

    def _op_ext1(self, data, pos, n):
        if pos >= n:
            raise _truncated()
        self.stack.append(self._get_extension(data[pos]))
        return pos + 1

    def _op_ext2(self, data, pos, n):
        if pos + 2 > n:
            raise _truncated()
        self.stack.append(self._get_extension(_unpack_u16(data, pos)[0]))
        return pos + 2

    def _op_ext4(self, data, pos, n):
        if pos + 4 > n:
            raise _truncated()
        self.stack.append(self._get_extension(_unpack_i32(data, pos)[0]))
        return pos + 4

    def _op_pop(self, data, pos, n):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self._pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")
        return pos

    def _op_pop_mark(self, data, pos, n):
        self._pop_mark()
        return pos

    def _op_dup(self, data, pos, n):
        self.stack.append(self.stack[-1])
        return pos

    def _memo_get(self, i):
        try:
            return self.memo[i]
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d"
                                  % i) from None

    def _op_get(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        self.stack.append(self._memo_get(int(line)))
        return pos

    def _op_long_binget(self, data, pos, n):
        if pos + 4 > n:
            raise _truncated()
        self.stack.append(self._memo_get(_unpack_u32(data, pos)[0]))
        return pos + 4

    def _op_put(self, data, pos, n):
        line, pos = self._readline(data, pos, n)
        i = int(line)
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]
        return pos

    def _op_long_binput(self, data, pos, n):
        if pos + 4 > n:
            raise _truncated()
        i = _unpack_u32(data, pos)[0]
        if i > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[i] = self.stack[-1]
        return pos + 4

    def _op_additems(self, data, pos, n):
        items = self._pop_mark()
        target = self.stack[-1]
        if isinstance(target, set):
            target.update(items)
        else:
            add = target.add
            for item in items:
                add(item)
        return pos


_missing = object()

# How the argument of each opcode is laid out, for Unpickler._read_pickle:
# a byte count, a length prefix (negated width), or one of these.
_LINE = -10
_TWO_LINES = -11
_INVALID = -12
_ARG_SIZES = [_INVALID] * 256
for _op in (MARK + STOP + POP + POP_MARK + DUP + NONE + BINPERSID + REDUCE
            + APPEND + BUILD + DICT + EMPTY_DICT + APPENDS + LIST + EMPTY_LIST
            + OBJ + SETITEM + TUPLE + EMPTY_TUPLE + SETITEMS + NEWOBJ + TUPLE1
            + TUPLE2 + TUPLE3 + NEWTRUE + NEWFALSE + EMPTY_SET + ADDITEMS
            + FROZENSET + NEWOBJ_EX + STACK_GLOBAL + MEMOIZE + NEXT_BUFFER
            + READONLY_BUFFER):
    _ARG_SIZES[_op] = 0
for _opcodes, _size in [
        (BININT1 + BINGET + BINPUT + PROTO + EXT1, 1), (BININT2 + EXT2, 2),
        (BININT + LONG_BINGET + LONG_BINPUT + EXT4, 4), (BINFLOAT + FRAME, 8),
        (FLOAT + INT + LONG + PERSID + STRING + UNICODE + GET + PUT, _LINE),
        (GLOBAL + INST, _TWO_LINES),
        (SHORT_BINSTRING + SHORT_BINBYTES + SHORT_BINUNICODE + LONG1, -1),
        (BINSTRING + BINUNICODE + BINBYTES + LONG4, -4),
        (BINUNICODE8 + BINBYTES8 + BYTEARRAY8, -8)]:
    for _op in _opcodes:
        _ARG_SIZES[_op] = _size
del _op, _opcodes, _size


def _decode_utf8(raw):
    try:
        return str(raw, 'utf-8')
    except UnicodeDecodeError as exc:
        # Lone surrogates (which protocol 1+ writes as-is) need
        # 'surrogatepass', which krait's str cannot hold (the handler
        # raises the decoding error then).
        try:
            return str(raw, 'utf-8', 'surrogatepass')
        except (LookupError, UnicodeDecodeError):
            raise exc from None


def _truncated():
    return UnpicklingError("pickle data was truncated")


_rare_opcodes = {
    ord(PERSID): _Unpickler._op_persid,
    ord(BINPERSID): _Unpickler._op_binpersid,
    ord(INT): _Unpickler._op_int,
    ord(LONG): _Unpickler._op_long,
    ord(LONG1): _Unpickler._op_long1,
    ord(LONG4): _Unpickler._op_long4,
    ord(FLOAT): _Unpickler._op_float,
    ord(STRING): _Unpickler._op_string,
    ord(BINSTRING): _Unpickler._op_binstring,
    ord(SHORT_BINSTRING): _Unpickler._op_short_binstring,
    ord(BINBYTES): _Unpickler._op_binbytes,
    ord(BINBYTES8): _Unpickler._op_binbytes8,
    ord(SHORT_BINBYTES): _Unpickler._op_short_binbytes,
    ord(BYTEARRAY8): _Unpickler._op_bytearray8,
    ord(NEXT_BUFFER): _Unpickler._op_next_buffer,
    ord(READONLY_BUFFER): _Unpickler._op_readonly_buffer,
    ord(UNICODE): _Unpickler._op_unicode,
    ord(BINUNICODE): _Unpickler._op_binunicode,
    ord(BINUNICODE8): _Unpickler._op_binunicode8,
    ord(TUPLE): _Unpickler._op_tuple,
    ord(EMPTY_SET): _Unpickler._op_empty_set,
    ord(FROZENSET): _Unpickler._op_frozenset,
    ord(LIST): _Unpickler._op_list,
    ord(DICT): _Unpickler._op_dict,
    ord(INST): _Unpickler._op_inst,
    ord(OBJ): _Unpickler._op_obj,
    ord(NEWOBJ_EX): _Unpickler._op_newobj_ex,
    ord(GLOBAL): _Unpickler._op_global,
    ord(EXT1): _Unpickler._op_ext1,
    ord(EXT2): _Unpickler._op_ext2,
    ord(EXT4): _Unpickler._op_ext4,
    ord(POP): _Unpickler._op_pop,
    ord(POP_MARK): _Unpickler._op_pop_mark,
    ord(DUP): _Unpickler._op_dup,
    ord(GET): _Unpickler._op_get,
    ord(LONG_BINGET): _Unpickler._op_long_binget,
    ord(PUT): _Unpickler._op_put,
    ord(LONG_BINPUT): _Unpickler._op_long_binput,
    ord(ADDITEMS): _Unpickler._op_additems,
}


# The module-level shortcuts.

def _dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open binary file."""
    _Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def _dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of obj as bytes."""
    sink = _BytesSink()
    pickler = _Pickler(sink, protocol, fix_imports=fix_imports,
                      buffer_callback=buffer_callback)
    pickler._output = sink.write
    pickler._run(obj)
    chunks = sink.chunks
    if len(chunks) == 1:
        return chunks[0]
    return b''.join(chunks)


def _load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    """Read and return an object from the pickle in the open binary file."""
    return _Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def _loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    """Read and return an object from the pickle bytes data."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    unpickler = _Unpickler.__new__(_Unpickler)
    unpickler._buffers = iter(buffers) if buffers is not None else None
    unpickler.memo = {}
    unpickler.encoding = encoding
    unpickler.errors = errors
    unpickler.proto = 0
    unpickler.fix_imports = fix_imports
    return unpickler._load_from(bytes(data), 0)[0]


# The native pickler and unpickler (krait's `_pickle`, as CPython's C
# accelerator) replace the pure-Python ones when present.
try:
    from _pickle import (
        PickleError,
        PicklingError,
        UnpicklingError,
        Pickler,
        Unpickler,
        dump,
        dumps,
        load,
        loads
    )
except ImportError:
    Pickler, Unpickler = _Pickler, _Unpickler
    dump, dumps, load, loads = _dump, _dumps, _load, _loads
