# pprint: layout of containers, strings and bytes; options; helpers.
import collections
import dataclasses
import io
import pprint
import re
import types


def no_ids(text):
    # A recursion marker shows an id, which differs from run to run.
    return re.sub(r"id=\d+", "id=N", text)


def show(label, f, *args, **kwargs):
    try:
        print(label, no_ids(repr(f(*args, **kwargs))))
    except Exception as e:
        print(label, type(e).__name__, e)


print(pprint.__all__)

data = {
    "name": "krait",
    "versions": list(range(30)),
    "nested": {"a": [1, 2, {"b": "c" * 50}], "z": (1,), "empty": [], "e2": {}, "e3": ()},
    "text": "the quick brown fox jumps over the lazy dog " * 4,
    "tuple": tuple(range(25)),
    "set": set(range(20, 0, -1)),
    "frozen": frozenset("abcdefghijklmnopqrstuvwxyz"),
    "bytes": bytes(range(40)),
    3: None,
    2.5: True,
}
for kwargs in [{}, {"width": 40}, {"width": 40, "indent": 4}, {"depth": 1}, {"depth": 2},
               {"width": 60, "compact": True}, {"sort_dicts": False}, {"width": 20, "indent": 0},
               {"width": 1}]:
    print("--", kwargs)
    pprint.pprint(data, **kwargs)
print("-- pp")
pprint.pp(data, width=50)
print("-- pformat")
print(pprint.pformat(data, width=120))

# Lists, compact mode and widths.
numbers = list(range(100))
pprint.pprint(numbers, compact=True)
pprint.pprint(numbers, width=30, compact=True, indent=3)
pprint.pprint([list(range(10))] * 5, width=40, compact=True)
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]] * 3, width=20)
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]] * 3, depth=3)
pprint.pprint(([1, 2, 3], {"key": ("value",) * 10}), width=30)
pprint.pprint((("a" * 30,),), width=20)
pprint.pprint([("x" * 15, "y" * 15)] * 2, width=30)
pprint.pprint([], width=1)
pprint.pprint([[]] * 3, width=5)

# Strings: split at spaces, lines kept, parentheses at the top level.
long_text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor " \
            "incididunt ut labore et dolore magna aliqua."
pprint.pprint(long_text)
pprint.pprint(long_text, width=30)
pprint.pprint([long_text], width=40)
pprint.pprint({"key": long_text}, width=50)
pprint.pprint("first line\nsecond line that is a good deal longer than the first one\nthird\n",
              width=30)
pprint.pprint("x" * 100, width=40)
pprint.pprint("a\tb " * 30, width=40)
pprint.pprint(["", "short", "quotes ' and \" inside " * 5], width=40)
pprint.pprint("\u00e9t\u00e9 " * 30, width=40)

# Bytes.
pprint.pprint(bytes(range(60)), width=40)
pprint.pprint([b"abcdefghij" * 8], width=40)
pprint.pprint(b"abc", width=1)
pprint.pprint({"b": b"0123456789" * 3}, width=20)

# Sets, frozensets and subclasses.
pprint.pprint(set(range(30)), width=40)
pprint.pprint(frozenset(range(30)), width=40)
pprint.pprint({"s": set(), "f": frozenset()}, width=5)


class MySet(set):
    pass


class MyFrozen(frozenset):
    pass


pprint.pprint(MySet(range(30)), width=40)
pprint.pprint(MyFrozen(["b", "a", "c"] * 10), width=20)
pprint.pprint({1, "a", 2.5, (1, 2), None, "b"}, width=10)
pprint.pprint({"b": 1, 2: "x", "a": 3, (1,): 4, None: 5}, width=10)

# underscore_numbers.
pprint.pprint([10 ** 12, -1234567, 12, 1.5e6, True, {10 ** 6: 10 ** 7}], underscore_numbers=True)


class MyInt(int):
    pass


class LoudInt(int):
    def __repr__(self):
        return "LoudInt!"


pprint.pprint([MyInt(10 ** 6), LoudInt(10 ** 6)], underscore_numbers=True)

# Recursion.
loop = [1, 2]
loop.append(loop)
d = {"self": None}
d["self"] = d
print(no_ids(pprint.pformat(loop)), no_ids(pprint.pformat(d)), no_ids(pprint.saferepr(loop)))
print(no_ids(pprint.pformat([loop, d], width=20)))
print(pprint.isrecursive(loop), pprint.isreadable(loop), pprint.isrecursive([loop]),
      pprint.isrecursive([1, [2]]), pprint.isreadable([1, (2, "x"), {3: 4.5}]),
      pprint.isreadable([object()]), pprint.isreadable(set()), pprint.isreadable(None))
shared = [1, 2]
print(pprint.isrecursive([shared, shared]), pprint.pformat([shared, shared]))
printer = pprint.PrettyPrinter()
print(printer.isrecursive(loop), printer.isreadable(loop), printer.isreadable({"a": [1]}),
      no_ids(str(printer.format(loop, {}, 0, 0))))

# saferepr and depth.
print(pprint.saferepr({"b": [1, {"c": 2}], "a": (3,)}), pprint.saferepr("x"), pprint.saferepr(5))
deep = [1, [2, [3, [4, [5]]]], {"k": {"k2": {"k3": 1}}}, (1, (2, (3,)))]
for depth in (1, 2, 3, 4, None):
    print(depth, pprint.pformat(deep, depth=depth))
print(pprint.PrettyPrinter(depth=1).isreadable([[1]]))

# The collections types.
od = collections.OrderedDict((str(i) * 5, i) for i in range(8))
pprint.pprint(od, width=40)
pprint.pprint(collections.OrderedDict(), width=1)
dd = collections.defaultdict(list, {"x" * 10: list(range(10)), "y": [1]})
pprint.pprint(dd, width=40)
pprint.pprint(collections.defaultdict(int), width=1)
counter = collections.Counter("abracadabra alakazam shazam")
pprint.pprint(counter, width=40)
pprint.pprint(collections.Counter(), width=1)
chain = collections.ChainMap({"a" * 10: 1, "b" * 10: 2}, {"c" * 10: 3}, {})
pprint.pprint(chain, width=30)
pprint.pprint(collections.ChainMap(), width=1)
pprint.pprint(collections.deque(range(30)), width=40)
pprint.pprint(collections.deque(range(30), maxlen=40), width=40)
pprint.pprint(collections.deque(), width=1)
pprint.pprint(collections.UserDict({"k" * 20: "v" * 20, "a": 1}), width=40)
pprint.pprint(collections.UserList(range(40)), width=40)
pprint.pprint(collections.UserString("word " * 20), width=40)
Point = collections.namedtuple("Point", "x y")
pprint.pprint([Point(1, 2)] * 6, width=40)
pprint.pprint(Point("x" * 40, "y" * 40), width=40)

# mappingproxy and SimpleNamespace.
pprint.pprint(types.MappingProxyType({"k" + str(i): i * 1000 for i in range(8)}), width=40)
ns = types.SimpleNamespace(alpha=list(range(20)), beta="text " * 10, gamma={"a": 1})
pprint.pprint(ns, width=40)


class MyNamespace(types.SimpleNamespace):
    pass


pprint.pprint(MyNamespace(first=1, second="x" * 50), width=40)
pprint.pprint(types.SimpleNamespace(), width=1)


# Dataclasses.
@dataclasses.dataclass
class Item:
    name: str
    tags: list
    price: float = 0.0
    secret: str = dataclasses.field(default="hidden", repr=False)


@dataclasses.dataclass
class Node:
    value: int
    children: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Custom:
    a: int

    def __repr__(self):
        return "Custom<" + "x" * 100 + ">"


@dataclasses.dataclass(repr=False)
class NoRepr:
    a: int


item = Item("widget " * 5, ["tag%d" % i for i in range(12)], 9.99)
pprint.pprint(item, width=40)
pprint.pprint([item], width=60)
tree = Node(1, [Node(2, [Node(3)]), Node(4, list(range(20)))])
pprint.pprint(tree, width=40)
cyclic = Node(0)
cyclic.children.append(cyclic)
print(no_ids(pprint.pformat(cyclic, width=20)))
pprint.pprint(Custom(1), width=20)
print(pprint.pformat(NoRepr(1), width=5).startswith("<__main__.NoRepr object at"))
pprint.pprint(Item, width=5)


class SubItem(Item):
    pass


pprint.pprint(SubItem("s" * 30, [1, 2, 3]), width=30)


# User classes and builtin subclasses.
class Wide:
    def __repr__(self):
        return "Wide(" + ", ".join(str(i) for i in range(30)) + ")"


class MyList(list):
    pass


class MyDict(dict):
    pass


class ReprList(list):
    def __repr__(self):
        return "ReprList" + list.__repr__(self)


pprint.pprint([Wide(), Wide()], width=40)
pprint.pprint(MyList(range(30)), width=40)
pprint.pprint(MyDict({"k%d" % i: i for i in range(10)}), width=40)
pprint.pprint(ReprList(range(30)), width=40)
print(pprint.saferepr(MyList([1, {"b": 1, "a": 2}])), pprint.saferepr(ReprList([1])),
      pprint.isreadable(ReprList([1])))


# A PrettyPrinter subclass can change how objects are formatted.
class HexPrinter(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, int) and not isinstance(object, bool):
            return hex(object), True, False
        return super().format(object, context, maxlevels, level)


HexPrinter(width=30).pprint({"a": list(range(250, 262)), "b": True})

# Streams.
out = io.StringIO()
pprint.pprint({"x": 1}, stream=out)
pprint.PrettyPrinter(stream=out, width=10).pprint(list(range(5)))
print(repr(out.getvalue()))
print(pprint.PrettyPrinter(width=10).pformat(list(range(5))))

# Argument errors.
show("indent", pprint.PrettyPrinter, indent=-1)
show("depth", pprint.PrettyPrinter, depth=0)
show("depth", pprint.PrettyPrinter, depth=-1)
show("width", pprint.PrettyPrinter, width=0)
show("width", pprint.PrettyPrinter, width="x")
show("pformat", pprint.pformat, [1, 2, 3], width=-5)
show("pformat", pprint.pformat, [1, 2], 0)
show("pformat", pprint.pformat, [1, 2], indent="3", width="3")
show("stream", pprint.pprint, [1], io.StringIO(), 1, 80, None)
