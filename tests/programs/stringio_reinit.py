# StringIO/BytesIO are filled by __init__: calling it again starts over; subclasses pass their own values.
import io
s = io.StringIO("abc"); print(s.read()); s.__init__("xyz"); print(s.read(), s.tell())
s.__init__("a\r\nb", newline=None); print(repr(s.read()), s.newlines)
s.__init__(); print(repr(s.getvalue()))
b = io.BytesIO(b"hello"); b.read(2); b.__init__(b"new"); print(b.read(), b.tell())
class MyS(io.StringIO):
    def __init__(self, x):
        super().__init__(x.upper())
print(MyS("abc").getvalue())
class MyB(io.BytesIO):
    def __init__(self, data, extra):
        super().__init__(data + extra)
print(MyB(b"a", b"b").getvalue())
print(io.StringIO("q", "\n").read(), io.StringIO(initial_value="k").read(), io.BytesIO(initial_bytes=b"z").read())
for bad in [lambda: io.StringIO(1), lambda: io.StringIO("", "x"), lambda: io.BytesIO("s")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
