# io: the abstract bases (mixin methods over what a subclass defines), the file types as their virtual subclasses; the OSError subclasses; SystemExit.code; types.GenericAlias().
import io
class Upper(io.RawIOBase):
    def __init__(self, data):
        self.data = data; self.pos = 0
    def readable(self): return True
    def readinto(self, b):
        chunk = self.data[self.pos:self.pos + len(b)]
        b[:len(chunk)] = chunk.upper()
        self.pos += len(chunk)
        return len(chunk)
u = Upper(b"one\ntwo\nthree")
print(u.read(5), u.readline(), list(u), u.read())
print(isinstance(u, io.IOBase), isinstance(open(__file__), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
class W(io.TextIOBase):
    def __init__(self): self.parts = []
    def writable(self): return True
    def write(self, s): self.parts.append(s); return len(s)
w = W()
print("hello", "there", file=w)
w.writelines(["a", "b"])
print(w.parts, w.closed, w.encoding)
with w:
    pass
print(w.closed)
try:
    w.flush()
except ValueError as e:
    print("ValueError", e)
try:
    w.read()
except io.UnsupportedOperation as e:
    print("Unsupported", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    io.BufferedIOBase().read()
except io.UnsupportedOperation as e:
    print(e)
b = io.BufferedIOBase()
print(b.readable(), b.seekable(), b.isatty())
class B(io.BufferedIOBase):
    def read(self, n=-1): return b"xyz"[:n]
buf = bytearray(2)
print(B().readinto(buf), buf)
for e in (BlockingIOError, BrokenPipeError, ConnectionResetError, InterruptedError, ProcessLookupError, ChildProcessError):
    print(e.__name__, e.__mro__[1].__name__, type(OSError(32, "x")).__name__)
try:
    raise SystemExit(3)
except SystemExit as e:
    print(e.code)
try:
    raise SystemExit
except SystemExit as e:
    print(e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code)
e = SystemExit(4)
e.code = 7
print(e.code, e.args)
from types import GenericAlias
print(GenericAlias(list, int), GenericAlias(dict, (str, int)) == dict[str, int])
for errno in (1, 3, 4, 10, 11, 32, 103, 104, 110, 111, 114):
    print(errno, type(OSError(errno, "x")).__name__)
print(issubclass(BrokenPipeError, ConnectionError), ConnectionError.__mro__[1].__name__)
