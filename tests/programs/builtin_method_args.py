# Argument checking of the builtin types' methods: each CPython convention
# (METH_NOARGS, METH_O, Argument Clinic's positional and keyword forms, the
# older tuple parsing) with its messages, correct calls that use keywords,
# and int.to_bytes / int.from_bytes.


def check(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


print("-- str: tuple parsing (find family)")
for name in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
    method = getattr("abcabc", name)
    check(name + "()", lambda: method())
    check(name + "(4 args)", lambda: method("b", 0, 6, 1))
    check(name + "('b', 2)", lambda: method("b", 2))
    check(name + "('b', None, 4)", lambda: method("b", None, 4))

# Called as `s.find(...)` CPython names the type (through a bound method
# object kept for later it would not: `m = s.find; m(x=1)`).
check("find(kw)", lambda: "abcabc".find("b", start=1))
check("rfind(kw)", lambda: "abcabc".rfind("b", start=1))
check("index(kw)", lambda: "abcabc".index("b", start=1))
check("rindex(kw)", lambda: "abcabc".rindex("b", start=1))
check("count(kw)", lambda: "abcabc".count("b", start=1))
check("startswith(kw)", lambda: "abcabc".startswith("b", start=1))
check("endswith(kw)", lambda: "abcabc".endswith("b", start=1))
check("str.find(s, kw)", lambda: str.find("abcabc", "b", start=1))

print("-- str: exactly one argument")
for name, arg in [
    ("translate", {97: "A"}),
    ("join", ["x", "y"]),
    ("zfill", 5),
    ("partition", "b"),
    ("rpartition", "b"),
    ("removeprefix", "a"),
    ("removesuffix", "c"),
    ("format_map", {"x": 1}),
]:
    method = getattr("abc", name)
    check(name + "()", lambda: method())
    check(name + "(2 args)", lambda: method(arg, arg))
    check(name + "(kw)", lambda: method(x=arg))
    check(name + "(arg)", lambda: method(arg))

print("-- str: no arguments")
for name in [
    "upper", "lower", "casefold", "swapcase", "capitalize", "title",
    "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
    "isascii", "isprintable", "isupper", "islower", "istitle", "isidentifier",
]:
    method = getattr("Hello World", name)
    check(name + "(1)", lambda: method(1))
    check(name + "(kw)", lambda: method(x=1))
    check(name + "()", lambda: method())

print("-- str: positional-only (Argument Clinic)")
for name in ["strip", "lstrip", "rstrip"]:
    method = getattr("xxhixx", name)
    check(name + "(2 args)", lambda: method("x", "y"))
    check(name + "('x')", lambda: method("x"))
    check(name + "(None)", lambda: method(None))
    check(name + "(1)", lambda: method(1))
check("replace()", lambda: "aaa".replace())
check("replace('a')", lambda: "aaa".replace("a"))
check("replace(4 args)", lambda: "aaa".replace("a", "b", 1, 2))
check("replace('a', 'b', 2)", lambda: "aaa".replace("a", "b", 2))
for name in ["center", "ljust", "rjust"]:
    method = getattr("ab", name)
    check(name + "()", lambda: method())
    check(name + "(3 args)", lambda: method(6, "*", 1))
    check(name + "(6, '*')", lambda: method(6, "*"))
    check(name + "(6, '**')", lambda: method(6, "**"))
check("str.center('ab', 6, '-')", lambda: str.center("ab", 6, "-"))
check("strip(kw)", lambda: "xx".strip(chars="x"))
check("replace(kw)", lambda: "aaa".replace("a", "b", count=1))
check("center(kw)", lambda: "ab".center(6, fillchar="*"))
check("str.ljust(s, kw)", lambda: str.ljust("ab", width=6))

print("-- str: keyword parameters")
for name in ["split", "rsplit"]:
    method = getattr("a,b,c", name)
    check(name + "(3 args)", lambda: method(",", 1, 2))
    check(name + "(zz=)", lambda: method(zz=1))
    check(name + "(',', sep=)", lambda: method(",", sep=","))
    check(name + "(',', maxsplit=1)", lambda: method(",", maxsplit=1))
    check(name + "(sep=',', maxsplit=1)", lambda: method(sep=",", maxsplit=1))
    check(name + "(maxsplit=1)", lambda: getattr("a b c", name)(maxsplit=1))
    check(name + "(1)", lambda: method(1))
    check(name + "(sep=1)", lambda: method(sep=1))
check("splitlines(2 args)", lambda: "a\nb".splitlines(True, False))
check("split(',', 1, zz=)", lambda: "a,b".split(",", 1, zz=3))
check("split(3 bad keywords)", lambda: "a,b".split(a=1, b=2, c=3))
check("split(',', maxsplit=1, sep=None)", lambda: "a,b".split(",", maxsplit=1, sep=None))
check("splitlines(True, keepends=)", lambda: "a\nb".splitlines(True, keepends=True))
check("splitlines(zz=, keepends=)", lambda: "a\nb".splitlines(zz=1, keepends=True))
check("expandtabs(4, tabsize=)", lambda: "a\tb".expandtabs(4, tabsize=4))
check("splitlines(zz=)", lambda: "a\nb".splitlines(zz=True))
check("splitlines(keepends=True)", lambda: "a\nb".splitlines(keepends=True))
check("splitlines(True)", lambda: "a\nb".splitlines(True))
check("expandtabs(2 args)", lambda: "a\tb".expandtabs(4, 4))
check("expandtabs(zz=)", lambda: "a\tb".expandtabs(size=4))
check("expandtabs(tabsize=4)", lambda: "a\tb".expandtabs(tabsize=4))
check("encode(3 args)", lambda: "é".encode("utf-8", "strict", 1))
check("encode(zz=)", lambda: "é".encode(codec="utf-8"))
check("encode('utf-8', encoding=)", lambda: "é".encode("utf-8", encoding="utf-8"))
check("encode(encoding=, errors=)", lambda: "é".encode(encoding="latin-1", errors="strict"))
check("encode(errors='strict')", lambda: "é".encode(errors="strict"))
check("encode(1)", lambda: "é".encode(1))
check("encode(errors=None)", lambda: "é".encode(errors=None))
check("str.split('a b', maxsplit=0)", lambda: str.split("a b", maxsplit=0))
check("format(1, x=2)", lambda: "{} {x}".format(1, x=2))
check("__len__(1)", lambda: "abc".__len__(1))
check("__len__(kw)", lambda: "abc".__len__(x=1))
check("__len__()", lambda: "abc".__len__())

print("-- bytes")
check("decode(3 args)", lambda: b"\xc3\xa9".decode("utf-8", "strict", 1))
check("decode(zz=)", lambda: b"\xc3\xa9".decode(codec="utf-8"))
check("decode('utf-8', encoding=)", lambda: b"\xc3\xa9".decode("utf-8", encoding="utf-8"))
check("decode(encoding=, errors=)", lambda: b"\xc3\xa9".decode(encoding="latin-1", errors="strict"))
check("decode(errors=)", lambda: b"\xc3\xa9".decode(errors="strict"))
check("decode(1)", lambda: b"\xc3\xa9".decode(1))
check("decode(None)", lambda: b"\xc3\xa9".decode(None))

print("-- list")
items = [3, 1, 2]
check("append()", lambda: items.append())
check("append(x=)", lambda: items.append(x=1))
check("extend(1, 2)", lambda: items.extend([1], [2]))
check("insert(1)", lambda: items.insert(1))
check("insert(3 args)", lambda: items.insert(0, 1, 2))
check("insert('a', 1)", lambda: items.insert("a", 1))
check("pop(2 args)", lambda: items.pop(0, 1))
check("pop(kw)", lambda: items.pop(index=0))
check("insert(kw)", lambda: items.insert(0, object=1))
check("index(kw)", lambda: items.index(1, start=0))
check("remove()", lambda: items.remove())
check("index()", lambda: items.index())
check("index(4 args)", lambda: items.index(1, 0, 3, 4))
check("index(1, None)", lambda: items.index(1, None))
check("index(1, 'a')", lambda: items.index(1, "a"))
check("index(2, 1, 3)", lambda: items.index(2, 1, 3))
check("count(1, 2)", lambda: items.count(1, 2))
check("reverse(1)", lambda: items.reverse(1))
check("copy(x=)", lambda: items.copy(x=1))
check("clear(1)", lambda: items.clear(1))
check("sort(1)", lambda: items.sort(1))
check("sort(zz=)", lambda: items.sort(cmp=None))
check("sort(3 args)", lambda: items.sort(1, 2, 3))
check("sort(1, key=, reverse=)", lambda: items.sort(1, key=None, reverse=True))
check("sort(reverse=None)", lambda: items.sort(reverse=None))
check("sort(reverse=True)", lambda: items.sort(reverse=True))
print(items)
check("sort(key=, reverse=False)", lambda: items.sort(key=lambda x: -x, reverse=False))
print(items)
check("list.sort(items)", lambda: list.sort(items))
print(items)
check("[3,1].sort(reverse=True)", lambda: [3, 1].sort(reverse=True))

print("-- tuple")
t = (1, 2, 1)
check("count()", lambda: t.count())
check("count(x=)", lambda: t.count(x=1))
check("index()", lambda: t.index())
check("index(4 args)", lambda: t.index(1, 0, 3, 4))
check("index(1, None)", lambda: t.index(1, None))
check("index(1, 1)", lambda: t.index(1, 1))
check("index(kw)", lambda: t.index(1, start=0))

print("-- dict")
d = {"a": 1}
for name in ["get", "setdefault", "pop"]:
    method = getattr(d, name)
    check(name + "()", lambda: method())
    check(name + "(3 args)", lambda: method("a", 1, 2))
    check(name + "('z', 0)", lambda: method("z", 0))
for name in ["keys", "values", "items", "popitem", "copy", "clear"]:
    method = getattr({"k": "v"}, name)
    check(name + "(1)", lambda: method(1))
    check(name + "(kw)", lambda: method(x=1))
check("get(kw)", lambda: d.get("a", default=0))
check("pop(kw)", lambda: d.pop("a", default=0))
check("setdefault(kw)", lambda: d.setdefault("a", default=0))
check("update(2 args)", lambda: d.update({}, {}))
check("update(b=2)", lambda: d.update(b=2))
print(d)

print("-- set and frozenset")
s = {1, 2}
f = frozenset({2, 3})
check("set.pop(1)", lambda: s.pop(1))
check("set.add()", lambda: s.add())
check("set.discard(x=)", lambda: s.discard(x=1))
for obj in [s, f]:
    for name in ["symmetric_difference", "isdisjoint", "issubset", "issuperset"]:
        method = getattr(obj, name)
        check(name + "()", lambda: method())
        check(name + "(2 args)", lambda: method({1}, {2}))
        check(name + "(kw)", lambda: method(other={1}))
        check(name + "({2})", lambda: method({2}))
    check("union(kw)", lambda: obj.union(other={1}))
    check("intersection(kw)", lambda: obj.intersection({1}, other={1}))
    check("difference(kw)", lambda: obj.difference(other={1}))
    for name in ["union", "intersection", "difference"]:
        method = getattr(obj, name)
        check(name + "()", lambda: method())
        check(name + "({2}, [3])", lambda: sorted(method({2}, [3])))
    check("copy(1)", lambda: obj.copy(1))
check("symmetric_difference_update()", lambda: s.symmetric_difference_update())
check("update(kw)", lambda: s.update(other=[1]))
check("intersection_update(kw)", lambda: s.intersection_update(other=[1]))
check("difference_update(kw)", lambda: s.difference_update(other=[1]))
check("set.union(s, kw)", lambda: set.union(s, other=[1]))

print("-- int, float, range")
for name in ["bit_length", "bit_count", "conjugate", "as_integer_ratio"]:
    method = getattr(-5, name)
    check("int." + name + "(1)", lambda: method(1))
    check("int." + name + "(kw)", lambda: method(x=1))
    check("int." + name + "()", lambda: method())
check("True.bit_length(1)", lambda: True.bit_length(1))
for name in ["is_integer", "as_integer_ratio", "conjugate"]:
    method = getattr(2.5, name)
    check("float." + name + "(1)", lambda: method(1))
    check("float." + name + "(kw)", lambda: method(x=1))
    check("float." + name + "()", lambda: method())
r = range(0, 10, 2)
for name in ["index", "count"]:
    method = getattr(r, name)
    check("range." + name + "()", lambda: method())
    check("range." + name + "(2 args)", lambda: method(4, 5))
    check("range." + name + "(kw)", lambda: method(value=4))
    check("range." + name + "(4)", lambda: method(4))

print("-- int.to_bytes")
check("(1).to_bytes()", lambda: (1).to_bytes())
check("(255).to_bytes()", lambda: (255).to_bytes())
check("(256).to_bytes()", lambda: (256).to_bytes())
check("(1024).to_bytes(4, 'little')", lambda: (1024).to_bytes(4, "little"))
check("(1024).to_bytes(length=4, byteorder='big')", lambda: (1024).to_bytes(length=4, byteorder="big"))
check("(1024).to_bytes(2, byteorder='little')", lambda: (1024).to_bytes(2, byteorder="little"))
check("(-1).to_bytes()", lambda: (-1).to_bytes())
check("(-1).to_bytes(2, signed=True)", lambda: (-1).to_bytes(2, signed=True))
check("(-1024).to_bytes(4, 'little', signed=True)", lambda: (-1024).to_bytes(4, "little", signed=True))
for v in [127, 128, -128, -129, 0, -1, 1, 255, -256, 32767, -32768, 65535]:
    for n in [0, 1, 2]:
        check("(%d).to_bytes(%d, signed=True)" % (v, n), lambda: v.to_bytes(n, signed=True))
        check("(%d).to_bytes(%d)" % (v, n), lambda: v.to_bytes(n))
check("(2**100).to_bytes(16)", lambda: (2 ** 100).to_bytes(16))
check("(2**100).to_bytes(12)", lambda: (2 ** 100).to_bytes(12))
check("(2**100).to_bytes(13)", lambda: (2 ** 100).to_bytes(13))
check("(-2**100).to_bytes(16, 'little', signed=True)", lambda: (-(2 ** 100)).to_bytes(16, "little", signed=True))
check("(-2**100).to_bytes(13, signed=True)", lambda: (-(2 ** 100)).to_bytes(13, signed=True))
check("(2**127).to_bytes(16, signed=True)", lambda: (2 ** 127).to_bytes(16, signed=True))
check("(-2**127).to_bytes(16, signed=True)", lambda: (-(2 ** 127)).to_bytes(16, signed=True))
check("True.to_bytes(2)", lambda: True.to_bytes(2))
check("(1).to_bytes(True)", lambda: (1).to_bytes(True))
check("(1).to_bytes(2, signed=[])", lambda: (1).to_bytes(2, signed=[]))
check("(-1).to_bytes(2, signed='yes')", lambda: (-1).to_bytes(2, signed="yes"))
check("(1).to_bytes(-1)", lambda: (1).to_bytes(-1))
check("(1).to_bytes(-1, 'middle')", lambda: (1).to_bytes(-1, "middle"))
check("(1).to_bytes('a')", lambda: (1).to_bytes("a"))
check("(1).to_bytes(2**70)", lambda: (1).to_bytes(2 ** 70))
check("(1).to_bytes(2, 'middle')", lambda: (1).to_bytes(2, "middle"))
check("(1).to_bytes(2, 5)", lambda: (1).to_bytes(2, 5))
check("(1).to_bytes(2, None)", lambda: (1).to_bytes(2, None))
check("(1).to_bytes(zz=)", lambda: (1).to_bytes(size=2))
check("(1).to_bytes(1, length=)", lambda: (1).to_bytes(1, length=2))
check("(1).to_bytes(2, 'big', byteorder=)", lambda: (1).to_bytes(2, "big", byteorder="big"))
check("int.to_bytes(258, 2)", lambda: int.to_bytes(258, 2))
check("(1).to_bytes(1, 'big', True)", lambda: (1).to_bytes(1, "big", True))
check("(1).to_bytes(4 args)", lambda: (1).to_bytes(1, "big", True, 4))
check("(1).to_bytes(1, zz=, length=)", lambda: (1).to_bytes(1, zz=1, length=2))
check("(1).to_bytes(a=, b=, c=, d=)", lambda: (1).to_bytes(a=1, b=2, c=3, d=4))


class MyInt(int):
    pass


check("MyInt(258).to_bytes(2, 'little')", lambda: MyInt(258).to_bytes(2, "little"))

print("-- int.from_bytes")


class B(bytes):
    pass


class WithBytes:
    def __bytes__(self):
        return b"\x01\x02"


class BadBytes:
    def __bytes__(self):
        return "x"


class BytesWithBytes(bytes):
    def __bytes__(self):
        return b"\x09"


def gen():
    yield 1
    yield 0


check("from_bytes(b'\\x01\\x00')", lambda: int.from_bytes(b"\x01\x00"))
check("from_bytes(b'\\x01\\x00', 'little')", lambda: int.from_bytes(b"\x01\x00", "little"))
check("from_bytes(bytes=, byteorder=)", lambda: int.from_bytes(bytes=b"\x01\x00", byteorder="little"))
check("from_bytes(b'\\xff', signed=True)", lambda: int.from_bytes(b"\xff", signed=True))
check("from_bytes(b'\\xff\\x7f', 'little', signed=True)", lambda: int.from_bytes(b"\xff\x7f", "little", signed=True))
check("from_bytes(b'\\x00\\x80', 'little', signed=True)", lambda: int.from_bytes(b"\x00\x80", "little", signed=True))
check("from_bytes(b'\\x80' + 19 zeros, signed=True)", lambda: int.from_bytes(b"\x80" + bytes(19), signed=True))
check("from_bytes(b'\\xff' * 20)", lambda: int.from_bytes(b"\xff" * 20))
check("from_bytes(b'\\xff' * 20, signed=True)", lambda: int.from_bytes(b"\xff" * 20, signed=True))
check("from_bytes(b'')", lambda: int.from_bytes(b""))
check("from_bytes(b'', signed=True)", lambda: int.from_bytes(b"", signed=True))
check("from_bytes(B(b'\\x01\\x00'))", lambda: int.from_bytes(B(b"\x01\x00")))
check("from_bytes(BytesWithBytes(b'\\x01'))", lambda: int.from_bytes(BytesWithBytes(b"\x01")))
check("from_bytes(WithBytes())", lambda: int.from_bytes(WithBytes()))
check("from_bytes(BadBytes())", lambda: int.from_bytes(BadBytes()))
check("from_bytes([1, 2])", lambda: int.from_bytes([1, 2]))
check("from_bytes((255, 255), signed=True)", lambda: int.from_bytes((255, 255), signed=True))
check("from_bytes(gen(), 'little')", lambda: int.from_bytes(gen(), "little"))
check("from_bytes(range(3))", lambda: int.from_bytes(range(3)))
check("from_bytes([True, MyInt(2)])", lambda: int.from_bytes([True, MyInt(2)]))
check("from_bytes('ab')", lambda: int.from_bytes("ab"))
check("from_bytes(5)", lambda: int.from_bytes(5))
check("from_bytes(None)", lambda: int.from_bytes(None))
check("from_bytes(1.5)", lambda: int.from_bytes(1.5))
check("from_bytes([256])", lambda: int.from_bytes([256]))
check("from_bytes([-1])", lambda: int.from_bytes([-1]))
check("from_bytes([2**70])", lambda: int.from_bytes([2 ** 70]))
check("from_bytes(['a'])", lambda: int.from_bytes(["a"]))
check("from_bytes(b'\\x01', 'middle')", lambda: int.from_bytes(b"\x01", "middle"))
check("from_bytes('ab', 'middle')", lambda: int.from_bytes("ab", "middle"))
check("from_bytes(b'\\x01', 5)", lambda: int.from_bytes(b"\x01", 5))
check("from_bytes(b'\\x01', byteorder=None)", lambda: int.from_bytes(b"\x01", byteorder=None))
check("from_bytes(b'\\x01', signed=[])", lambda: int.from_bytes(b"\x01", signed=[]))
check("from_bytes()", lambda: int.from_bytes())
check("from_bytes(zz=)", lambda: int.from_bytes(zz=1))
check("from_bytes(b'', 'big', True)", lambda: int.from_bytes(b"", "big", True))
check("from_bytes(byteorder=, signed=, zz=, yy=)", lambda: int.from_bytes(byteorder="big", signed=1, zz=2, yy=3))
check("from_bytes(b'', byteorder=, signed=, zz=)", lambda: int.from_bytes(b"", byteorder="big", signed=1, zz=2))
check("from_bytes(b'', bytes=)", lambda: int.from_bytes(b"", bytes=b""))
check("from_bytes(b'', 'big', byteorder=)", lambda: int.from_bytes(b"", "big", byteorder="big"))
check("from_bytes(b'', 'big', zz=)", lambda: int.from_bytes(b"", "big", zz=1))
n = 2 ** 200 + 12345
check("round trip", lambda: int.from_bytes(n.to_bytes(26, "little"), "little") == n)
check("signed round trip", lambda: int.from_bytes((-n).to_bytes(26, signed=True), signed=True) == -n)
