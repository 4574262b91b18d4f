# bytearray: a mutable sequence of bytes.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
print(ba)
ba[1:3] = b"EL"
print(ba)
ba[1:3] = b"ipp"          # grows
print(ba)
ba[0:0] = [33, 34]        # iterable of ints
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0]
print(ba)
del ba[::3]
print(ba)
del ba[1:3]
print(ba)
ba[:] = b"reset"
same = ba
ba += b" more"
print(ba, ba is same)
ba *= 2
print(ba, ba is same)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.extend(bytearray(b"!"))
ba.extend(x for x in b"gen")
print(ba)
ba.insert(0, 62)
ba.insert(-1, 60)
ba.insert(100, 95)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("r"))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, len(ba) > 0)
ba.extend(ba)   # extends with a copy of itself
print(len(ba))

print(bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray(b"bytes"), bytearray("t\xe9xt", "utf-8"), bytearray(range(65, 70)))
print(bytearray(memoryview(b"mv")), bytearray.fromhex("de ad be ef"), bytearray(b"x").fromhex("41"))
b2 = bytearray(b"abc")
b2.__init__(b"re-init")
print(b2)

# The methods shared with bytes return bytearrays.
x = bytearray(b"  Mixed Case  ")
for r in [x.upper(), x.lower(), x.strip(), x.title(), x.center(20, b"*"), x.replace(b" ", b"_"),
          x.zfill(16), x.removeprefix(b"  "), x.expandtabs(), x.translate(None, b" ")]:
    print(type(r).__name__, r)
print(x.split(), x.partition(b"d"), x.find(b"Case"), x.count(b" "), x.startswith(b"  M"), x.isspace())
print(bytearray(b",").join([b"a", bytearray(b"b")]), x.hex(), x.decode())
print(bytearray(b"%d-%s") % (1, b"two"))

# Operators and comparisons with bytes.
print(bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") + bytearray(b"cd"))
print(type(bytearray(b"ab") + b"cd").__name__, type(b"ab" + bytearray(b"cd")).__name__)
print(bytearray(b"ab") * 2, 3 * bytearray(b"x"))
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") != b"abd")
print(bytearray(b"abc") < b"abd", b"abd" > bytearray(b"abc"), bytearray(b"a") <= bytearray(b"a"))
print(sorted([b"c", bytearray(b"a"), b"b"]))
print(b"b" in bytearray(b"abc"), 99 in bytearray(b"abc"), bytearray(b"bc") in bytearray(b"abc"), 100 in bytearray(b"abc"))
print(list(bytearray(b"it")), [b for b in bytearray(b"\x00\xff")])
it = iter(bytearray(b"ab"))
print(next(it), next(it), next(it, "done"))
print(bool(bytearray()), bool(bytearray(b"\x00")))
print(repr(bytearray(b"q'uote")), str(bytearray(b"s")))

# Errors.
show("setitem range", lambda: bytearray(b"a").__setitem__(0, 256))
show("setitem type", lambda: bytearray(b"a").__setitem__(0, "x"))
show("setitem index", lambda: bytearray(b"a").__setitem__(5, 1))
show("extended slice", lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"xyz"))
show("slice int", lambda: bytearray(b"abc").__setitem__(slice(0, 1), 5))
show("slice bad items", lambda: bytearray(b"abc").__setitem__(slice(0, 1), [300]))
show("getitem", lambda: bytearray(b"abc")[3])
show("getitem type", lambda: bytearray(b"abc")["0"])
show("delitem", lambda: bytearray(b"abc").__delitem__(-4))
show("append", lambda: bytearray().append(-1))
show("append type", lambda: bytearray().append(b"a"))
show("extend int", lambda: bytearray().extend(3))
show("extend bad", lambda: bytearray().extend([1, "a"]))
show("pop empty", lambda: bytearray().pop())
show("pop range", lambda: bytearray(b"a").pop(3))
show("remove", lambda: bytearray(b"a").remove(98))
show("insert args", lambda: bytearray().insert(0))
show("hash", lambda: hash(bytearray()))
show("concat str", lambda: bytearray(b"a") + "b")
show("iadd str", lambda: bytearray(b"a").__iadd__("b"))
show("mul str", lambda: bytearray(b"a") * "b")
show("order str", lambda: bytearray(b"a") < "b")
show("eq str", lambda: bytearray(b"a") == "a")
show("ctor neg", lambda: bytearray(-1))
show("ctor str", lambda: bytearray("x"))
show("ctor float", lambda: bytearray(1.5))
show("ctor items", lambda: bytearray([256]))
show("ctor enc", lambda: bytearray(b"x", "utf-8"))
show("ctor enc only", lambda: bytearray(encoding="utf-8"))
show("fromhex bad", lambda: bytearray.fromhex("4g"))

# A subclass: __init__ fills it, methods and operators work.
class Buffer(bytearray):
    def __init__(self, *args, label="buf"):
        super().__init__(*args)
        self.label = label
    def add(self, data):
        self.extend(data)
        return self

b = Buffer(b"start", label="B")
b.add(b"+more")
b[0] = ord("S")
print(b, b.label, len(b), isinstance(b, bytearray), type(b.upper()).__name__, b == b"Start+more")
print(Buffer.fromhex("4142"), type(Buffer.fromhex("4142")).__name__)
print(bytes(b), b.find(b"more"), b"S" in b)

# Copies.
import copy
orig = bytearray(b"copy me")
shallow, deep = copy.copy(orig), copy.deepcopy(orig)
shallow[0] = ord("C")
print(orig, shallow, deep, type(deep).__name__, deep is not orig)
b3 = copy.deepcopy(b)
print(b3, type(b3).__name__, b3.label)
print(orig.__reduce_ex__(4))
