import collections
import dataclasses
import pprint
import types


@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = "origin"
    hidden: list = dataclasses.field(default_factory=list, repr=False)


@dataclasses.dataclass
class Tree:
    name: str
    children: list


@dataclasses.dataclass(repr=False)
class NoRepr:
    a: int


class Custom:
    def __repr__(self):
        return "Custom()"


Pair = collections.namedtuple("Pair", "left right")
words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 3
data = {
    "numbers": list(range(40)),
    "nested": {"a": [1, 2, {"b": (3, 4, {5, 6, 7})}], "z": frozenset({1, 2, 3}), "e": {}},
    "text": words,
    "multi": "line one\nline two is here\n" * 3,
    "bytes": bytes(range(60)),
    "tuple1": (1,),
    "points": [Point(i, i * i) for i in range(4)],
    "tree": Tree("root", [Tree("leaf%d" % i, []) for i in range(3)]),
    "pair": Pair(list(range(20)), "right side value" * 3),
    "od": collections.OrderedDict((k, k * 3) for k in "abcdefghij"),
    "dd": collections.defaultdict(list, {"x": [1] * 20, "y": [2] * 20}),
    "counter": collections.Counter("abracadabra" * 5),
    "chain": collections.ChainMap({"one": 1, "two": [2] * 30}, {"three": 3}),
    "deque": collections.deque(range(30)),
    "bounded": collections.deque(range(30), maxlen=40),
    "userdict": collections.UserDict({"k%d" % i: i for i in range(15)}),
    "userlist": collections.UserList(range(30)),
    "proxy": types.MappingProxyType({"p%d" % i: i for i in range(12)}),
    "ns": types.SimpleNamespace(alpha=list(range(15)), beta="b" * 50),
    "norepr": dataclasses.is_dataclass(NoRepr(1)),
    "custom": [Custom()] * 30,
    "big": 12345678901234567890,
}

for width in (80, 40, 20):
    print(pprint.pformat(data, width=width))
print(pprint.pformat(data, width=60, indent=4, compact=True))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, sort_dicts=False, width=50, underscore_numbers=True))
print(pprint.pformat(words * 2))
print(pprint.pformat([words]))
print(pprint.pformat(bytes(range(100)), width=30))
print(pprint.pformat({"k": bytes(range(100))}, width=30))
print(pprint.pformat("short"))
print(pprint.pformat(collections.OrderedDict()), pprint.pformat(collections.Counter()), pprint.pformat(collections.deque()))
print(pprint.pformat(collections.defaultdict(int)), pprint.pformat(collections.ChainMap()))
print(pprint.pformat(types.SimpleNamespace()), pprint.pformat(set()), pprint.pformat(frozenset()))
print(pprint.pformat(list(range(100)), compact=True, width=30))
print(pprint.pformat([[1, 2, [3, 4, [5, 6]]]] * 4, compact=True, width=15, indent=3))

loop = [1, 2]
loop.append(loop)
d = {"self": None}
d["self"] = d
print(pprint.pformat(loop).replace(str(id(loop)), "ID"), pprint.pformat(d).replace(str(id(d)), "ID"))
print(pprint.saferepr(loop).replace(str(id(loop)), "ID"))
print(pprint.isrecursive(loop), pprint.isreadable(loop), pprint.isreadable([1, 2]), pprint.isreadable(Custom()))
print(pprint.isreadable(object()), pprint.isreadable({1: "a"}), pprint.isrecursive({1: "a"}))
print(pprint.saferepr({"b": 1, "a": [2, (3,)], 1: None}))
p = pprint.PrettyPrinter(width=30, depth=3)
print(p.pformat([[[[1]]], {"a": {"b": {"c": 1}}}]))
print(p.isreadable([[[[1]]]]), p.isrecursive(loop))
print(p.format([1, 2], {}, 0, 0))

for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError", e)


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


print(Upper(width=30).pformat({"key": ["value", "other", {"deep": "x" * 20}]}))
print(Upper().pformat(("a", "b")))

import io
buf = io.StringIO()
pprint.pprint({"z": 1, "a": 2}, stream=buf)
pprint.pp({"z": 1, "a": 2}, stream=buf)
pprint.PrettyPrinter(stream=buf, width=10).pprint(list(range(5)))
print(buf.getvalue(), end="")
