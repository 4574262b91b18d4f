# Object-model gaps closed together: Unicode error attributes and text,
# object.__reduce_ex__/__getstate__, writable names, slices compared,
# tracebacks, super().__getattr__, builtin slot identity, small sys facts.


def section(title):
    print("--", title)


section("unicode errors")
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "bad")
print(str(e), repr(e), e.args)
print(e.encoding, e.object, e.start, e.end, e.reason)
e.start = 1
e.end = 2
e.reason = "r"
e.encoding = "x"
print(str(e))
print(str(UnicodeDecodeError("utf-8", b"ab", 0, 2, "bad")))
e3 = UnicodeEncodeError("ascii", "a\xe9b", 1, 2, "ordinal")
print(str(e3), ascii(e3.object), e3.start)
print(str(UnicodeEncodeError("ascii", "a\xe9\xe9", 1, 3, "ordinal")))
e5 = UnicodeTranslateError("a\xe9b", 1, 2, "tr")
print(str(e5), e5.encoding, ascii(e5.args))
print(str(UnicodeTranslateError("a\xe9b", 1, 3, "tr")))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e, e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    "a\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.encoding, ascii(e.object), e.start, e.end, e.reason)
for args in [(), ("x",), ("utf-8", "ab", 0, 1, "bad"), ("utf-8", b"ab", "a", 1, "bad"),
             (1, b"ab", 0, 1, "bad"), ("utf-8", b"ab", 0, 1, 5)]:
    try:
        print(UnicodeDecodeError(*args))
    except TypeError as ex:
        print("TypeError", ex)
for args in [(), ("utf-8", b"ab", 0, 1, "bad")]:
    try:
        print(UnicodeEncodeError(*args))
    except TypeError as ex:
        print("TypeError", ex)
try:
    UnicodeTranslateError("a", 0, 1)
except TypeError as ex:
    print("TypeError", ex)
print(str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "\x05", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "\u1234", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "abc", 5, 6, "x")))
print(str(UnicodeDecodeError("ascii", b"abc", 5, 6, "x")))
e = UnicodeDecodeError("utf-8", bytearray(b"ab"), 0, 1, "bad")
print(type(e.object), e.object)


class U(UnicodeDecodeError):
    pass


class V(UnicodeEncodeError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1


print(U("utf-8", b"ab", 0, 1, "bad"))
v = V("ascii", "xy", 0, 2, "why")
print(v, v.extra, v.reason)
