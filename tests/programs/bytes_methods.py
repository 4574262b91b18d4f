# bytes methods shared with str, with CPython's results and messages.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

data = b"  Hello, World! hello\tworld  "
for name in ["upper", "lower", "swapcase", "capitalize", "title", "strip", "lstrip",
             "rstrip", "split", "rsplit", "splitlines", "isalnum", "isalpha", "isdigit",
             "islower", "isupper", "isspace", "istitle", "isascii", "expandtabs", "hex"]:
    show(name, getattr(data, name))

show("strip chars", lambda: b"xxabcxx".strip(b"x"))
show("lstrip chars", lambda: b"xyabcxy".lstrip(b"yx"))
show("rstrip ba", lambda: b"abc..".rstrip(bytearray(b".")))
show("split sep", lambda: b"a,b,,c".split(b","))
show("split max", lambda: b"a,b,,c".split(b",", 2))
show("split kw", lambda: b"a b  c d".split(maxsplit=2))
show("rsplit max", lambda: b"a,b,,c".rsplit(b",", 1))
show("rsplit ws", lambda: b"  a b  c d ".rsplit(None, 2))
show("split empty", lambda: b"".split())
show("split empty sep", lambda: b"".split(b","))
show("splitlines", lambda: b"a\nb\r\nc\rd\n".splitlines())
show("splitlines keep", lambda: b"a\nb\r\nc\rd\n".splitlines(keepends=True))
show("find", lambda: (b"hello".find(b"l"), b"hello".find(b"l", 3), b"hello".find(b"z"), b"hello".find(108)))
show("find range", lambda: (b"hello".find(b"", 5), b"hello".find(b"", 6), b"hello".find(b"lo", -3, -1)))
show("rfind", lambda: (b"hello".rfind(b"l"), b"hello".rfind(b"l", 0, 3), b"hello".rfind(104)))
show("index", lambda: b"hello".index(b"e"))
show("rindex", lambda: b"hello".rindex(b"l"))
show("index missing", lambda: b"hello".index(b"z"))
show("count", lambda: (b"aaaa".count(b"aa"), b"abcabc".count(b"b", 2), b"abc".count(b""), b"aXa".count(97)))
show("replace", lambda: b"a-b-c".replace(b"-", b"+"))
show("replace count", lambda: b"a-b-c".replace(b"-", b"", 1))
show("replace empty", lambda: b"abc".replace(b"", b"."))
show("join", lambda: b", ".join([b"a", bytearray(b"b"), memoryview(b"c")]))
show("join empty", lambda: b"x".join([]))
show("partition", lambda: b"key=value=x".partition(b"="))
show("partition miss", lambda: b"key".partition(b"="))
show("rpartition", lambda: b"key=value=x".rpartition(b"="))
show("rpartition miss", lambda: b"key".rpartition(b"="))
show("startswith", lambda: (b"hello".startswith(b"he"), b"hello".startswith((b"x", b"hel")), b"hello".startswith(b"l", 2), b"hello".startswith(b"", 5), b"hello".startswith(b"", 6)))
show("endswith", lambda: (b"hello".endswith(b"lo"), b"hello".endswith((b"x", b"ll"), 0, 4), b"hello".endswith(b"he", 0, 2)))
show("center", lambda: (b"ab".center(7), b"ab".center(7, b"*"), b"abc".center(6, b"-"), b"abc".center(2)))
show("ljust rjust", lambda: (b"ab".ljust(5, b"."), b"ab".rjust(5), b"ab".rjust(1)))
show("zfill", lambda: (b"42".zfill(5), b"-42".zfill(5), b"+x".zfill(4), b"abc".zfill(2)))
show("expandtabs", lambda: (b"a\tb\tc".expandtabs(4), b"ab\ncd\te".expandtabs(3), b"\t".expandtabs(0)))
show("removeprefix", lambda: (b"prefix-body".removeprefix(b"prefix-"), b"body".removeprefix(b"x")))
show("removesuffix", lambda: (b"body.txt".removesuffix(b".txt"), b"body".removesuffix(b"")))
show("istitle", lambda: (b"Hello World".istitle(), b"Hello world".istitle(), b"123".istitle(), b"A1 B2".istitle()))
show("is empty", lambda: (b"".isalpha(), b"".isascii(), b"".isspace(), b"".islower()))
show("is various", lambda: (b"abc123".isalnum(), b"\x80".isascii(), b" \t\x0b\x0c\r\n".isspace(), b"ABC1".isupper()))
table = bytes.maketrans(b"abc", b"xyz")
show("maketrans", lambda: table[97:100])
show("translate", lambda: b"aabbcc".translate(table))
show("translate delete", lambda: b"aabbcc".translate(table, b"b"))
show("translate None", lambda: b"aabbcc".translate(None, delete=b"a"))
show("hex", lambda: (b"\x01\xab\xff".hex(), b"\x01\x02\x03\x04\x05".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(b" ", -2)))
show("fromhex", lambda: (bytes.fromhex("41 42 43"), bytes.fromhex(" 0a0B\t"), bytes.fromhex("")))
show("decode", lambda: (b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("latin-1"), b"abc".decode("ascii")))
show("decode errors", lambda: (b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode(errors="backslashreplace"), b"a\x80".decode("ascii", "replace")))
show("str(b, enc)", lambda: (str(b"abc", "ascii"), str(bytearray(b"xy"), encoding="utf-8"), str(b"\xff", "utf-8", "replace")))
show("encode errors", lambda: ("caf\xe9 \u20ac".encode("ascii", "replace"), "caf\xe9".encode("ascii", "ignore"), "caf\xe9 \u20ac".encode("latin-1", "backslashreplace")))

# Formatting with %.
show("%d %s", lambda: b"%d items of %s" % (3, b"spam"))
show("%b %r %a", lambda: b"%b|%r|%a" % (bytearray(b"x"), "\xe9", b"q"))
show("%x %X %o %c", lambda: b"%x %X %#o %c%c" % (255, 255, 8, 65, b"B"))
show("%5.2s", lambda: b"[%5.2s] [%-4s]" % (b"abc", b"z"))
show("%f %e %g", lambda: b"%.2f %e %g" % (3.14159, 12345.678, 0.0001))
show("%(key)s", lambda: b"%(name)s=%(n)d" % {b"name": b"k", b"n": 7})
show("%%", lambda: b"100%%" % ())
show("bytearray %", lambda: bytearray(b"<%s>") % b"in")
show("__bytes__", lambda: b"%s" % type("B", (), {"__bytes__": lambda self: b"via dunder"})())

# Operators, iteration, comparisons.
show("concat", lambda: (b"ab" + b"cd", b"ab" + bytearray(b"cd"), b"ab" + memoryview(b"!")))
show("repeat", lambda: (b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -1))
show("iter", lambda: list(b"abc"))
show("in", lambda: (b"b" in b"abc", 98 in b"abc", b"" in b"abc", bytearray(b"bc") in b"abc", 300 in b"x" if False else None))
show("compare", lambda: (b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"abc" == bytearray(b"abc"), b"a" <= bytearray(b"a")))
show("hash", lambda: hash(b"abc") == hash(b"abc") and hash(b"") == hash(bytes()))
show("index", lambda: (b"abc"[0], b"abc"[-1], b"abcdef"[1:4], b"abcdef"[::2], b"abcdef"[::-1]))
show("len bool", lambda: (len(b"abc"), bool(b""), bool(b"\x00")))
show("reprs", lambda: [b"'", b'"', b"'\"", b"\x00\x7f\x80\xff", b"\t\n\r\\"])
show("constructors", lambda: (bytes(3), bytes([65, 66]), bytes(range(3)), bytes("h\xe9", "utf-8"), bytes("h\xe9", "ascii", "replace"), bytes(b"x"), bytes(bytearray(b"y")), bytes(memoryview(b"z"))))
show("constructor iter", lambda: bytes(x for x in [1, 2, 3]))

class Sub(bytes):
    def shout(self):
        return self.upper() + b"!"

s = Sub(b"hey")
show("subclass", lambda: (s, type(s).__name__, s.shout(), type(s.upper()).__name__, s == b"hey", len(s), s[0], type(s[0:2]).__name__))
show("subclass fromhex", lambda: (Sub.fromhex("4142"), type(Sub.fromhex("4142")).__name__))
show("bytes of subclass", lambda: (bytes(s), type(bytes(s)).__name__))

# An in-place append loop stays linear.
acc = b""
for i in range(100000):
    acc += b"xy"
print(len(acc), acc[:6])
def local_loop():
    out = b""
    for i in range(100000):
        out += bytes([i % 256])
    return out
res = local_loop()
print(len(res), res[250:260])
print(b"  a b  c d ".split(None, 1), b"  a b  c d ".rsplit(None, 1), b" a ".split(None, 0), b" a ".rsplit(None, 0))
