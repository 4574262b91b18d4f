import collections
from dataclasses import dataclass

def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2+3j:
            return "complex"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case []:
            return "empty seq"
        case [x]:
            return f"one item {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long from {first}, rest {rest}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": t, **others}:
            return f"typed {t} others={others}"
        case {}:
            return "some mapping"
        case str() as s:
            return f"other string {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case _:
            return f"something else {x!r}"

for v in [0, 1, 3, -1, 1.5, 2+3j, "hello", "hi", b"bytes", None, True, False, [], [7], (8, 9),
          [1, 2, 3, 4, 5], (1, 2, 3), [1, 2, 3, 4], {"type": "point", "x": 1, "y": 2},
          {"type": "circle", "r": 5}, {"a": 1}, {}, "zzz", 500, 50, 3.25, range(2), range(3),
          collections.OrderedDict(type="od"), collections.deque([1, 2]), (x for x in [])]:
    r = classify(v)
    print(r if "generator" not in r else "generator")

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

@dataclass
class Circle:
    center: Point
    radius: float

def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x=cx, y=cy), radius=r) if r > 10:
            return f"big circle at {cx},{cy} r={r}"
        case Circle(center=c, radius=r):
            return f"circle r={r} at ({c.x}, {c.y})"
        case Point():
            return "some point"
        case _:
            return "unknown"

for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
          Circle(Point(1, 1), 20), Circle(Point(1, 2), 1), "x"]:
    print(describe(s))

# or-patterns binding names in different orders
def alt(v):
    match v:
        case (a, b, 0) | (b, a, 1):
            return ("alt", a, b)
        case [x, *_] | {"first": x}:
            return ("first", x)
        case (1 | 2 | 3) as n:
            return ("n", n)
        case _:
            return "no"

for v in [(1, 2, 0), (1, 2, 1), [9, 8, 7], {"first": 4}, 2, 5]:
    print(alt(v))

# star patterns in the middle and with wildcard
def stars(v):
    match v:
        case [*_, last]:
            return ("last", last)
        case _:
            return None
print(stars([1, 2, 3]), stars([]), stars("abc"), stars((5,)))

def mid(v):
    match v:
        case [a, *mid, b, c]:
            return a, mid, b, c
        case [a, *_, b]:
            return a, b
    return "nomatch"
print(mid([1, 2]), mid([1, 2, 3]), mid(list(range(7))), mid([1]))

# match on tuple subject
def pair(a, b):
    match a, b:
        case 0, 0:
            return "both zero"
        case 0, _:
            return "a zero"
        case _, 0:
            return "b zero"
        case x, y:
            return f"neither {x} {y}"
print(pair(0, 0), pair(0, 1), pair(1, 0), pair(2, 3))

# builtin class patterns with self matching
for v in [1, 1.0, "s", [1], (1,), {1: 2}, {1}, frozenset({2}), True, b"x"]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case list(l):
            print("list", l)
        case tuple(t):
            print("tuple", t)
        case dict(d):
            print("dict", d)
        case set(s):
            print("set", s)
        case frozenset(fs):
            print("frozenset", sorted(fs))
        case bytes(bs):
            print("bytes", bs)

# value patterns with dotted names
class Color:
    RED = 1
    GREEN = 2
import enum
class Shade(enum.Enum):
    DARK = "d"
    LIGHT = "l"
for v in [1, 2, 3, Shade.DARK, Shade.LIGHT]:
    match v:
        case Color.RED:
            print("red")
        case Color.GREEN:
            print("green")
        case Shade.DARK:
            print("dark")
        case Shade.LIGHT | Color.RED:
            print("light")
        case other:
            print("other", other)

# nested and as-patterns
data = {"users": [{"name": "ann", "roles": ["admin", "dev"]}, {"name": "bob", "roles": []}]}
match data:
    case {"users": [{"name": str(n1), "roles": [*roles1]} as u1, {"name": n2}]}:
        print(n1, roles1, u1["name"], n2)

# guard sees bindings; failed case leaves no binding
z = "unset"
match 5:
    case z if z > 10:
        print("no")
    case w:
        print("w", w, "z", z)

# subject evaluated once
calls = []
def subj():
    calls.append(1)
    return [1, 2]
match subj():
    case [1]: pass
    case [1, 3]: pass
    case [1, 2]: print("matched once", len(calls))

# defaultdict: missing keys not created
d = collections.defaultdict(int, a=1)
match d:
    case {"b": 0}:
        print("bad")
    case {"a": 1}:
        print("dd ok", dict(d))

# mapping with non-dict Mapping ABC
from collections.abc import Mapping, Sequence
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
class MySeq(Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
match MyMap({"k": 3, "j": 4}):
    case {"k": v, **rest}:
        print("mymap", v, rest)
match MySeq(1, 2, 3):
    case [a, *b]:
        print("myseq", a, b)
class NotSeq:
    def __getitem__(self, i): return i
    def __len__(self): return 2
match NotSeq():
    case [a, b]:
        print("bad")
    case _:
        print("notseq is not a sequence")

# __match_args__ errors and multiple sub-patterns
class Bad:
    __match_args__ = ["a"]
for build in [lambda: Bad(), lambda: Point(1, 2)]:
    try:
        match build():
            case Bad(1):
                pass
            case Point(1, 2, 3):
                pass
    except TypeError as e:
        print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, x=2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 3:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 3:
        case len():
            pass
except TypeError as e:
    print("TypeError", e)
class Missing:
    __match_args__ = ("nope",)
match Missing():
    case Missing(1):
        print("bad")
    case _:
        print("missing attribute: no match")
# str is not a sequence, but a user Sequence subclass of str? 
match "ab":
    case [a, b]:
        print("bad")
    case _:
        print("str not a sequence")
match bytearray(b"ab") if False else b"ab":
    case [a, b]:
        print("bad")
    case _:
        print("bytes not a sequence")
# match in a loop with break/continue
for i in range(6):
    match i:
        case 1:
            continue
        case 4:
            break
    print("loop", i)
# soft keywords still names
match = [1, 2]
case = 3
print(match, case)
match[0] = 9
print(match)
def match(case):
    return case
print(match(5))
