# collections: defaultdict, OrderedDict, Counter, namedtuple, ChainMap,
# deque, UserDict, UserList, UserString.
from collections import (defaultdict, OrderedDict, Counter, namedtuple,
                         ChainMap, deque, UserDict, UserList, UserString)
import collections


def show_error(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", result)


print("--- defaultdict")
dd = defaultdict(int)
for word in "the cat and the hat and the bat".split():
    dd[word] += 1
print(dd)
print(repr(dd), dd.default_factory, isinstance(dd, dict), type(dd).__name__)
lists = defaultdict(list)
lists["a"].append(1)
lists["a"].append(2)
lists["b"]
print(lists, sorted(lists.items()))
print(dd.get("zebra"), "zebra" in dd)
none_dd = defaultdict()
print(none_dd)
show_error(lambda: none_dd["missing"])
show_error(defaultdict, 5)
copied = dd.copy()
copied["new"] = 9
print(type(copied).__name__, copied.default_factory, len(dd), len(copied))
kw = defaultdict(str, {"x": "y"}, z="w")
print(kw, kw["q"] == "", kw)
print(defaultdict(int, [("a", 1)]) == {"a": 1})
merged = defaultdict(int, a=1) | {"b": 2}
print(type(merged).__name__, merged)
dd.default_factory = None
show_error(lambda: dd["nothing"])


class Tally(defaultdict):
    def __init__(self):
        super().__init__(int)


t = Tally()
t["x"] += 5
print(t, type(t).__name__)

print("--- OrderedDict")
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(reversed(od)))
od.move_to_end("b")
print(od)
od.move_to_end("b", last=False)
print(od)
show_error(od.move_to_end, "zz")
print(od.popitem(), od)
print(od.popitem(last=False), od)
print(OrderedDict())
show_error(OrderedDict().popitem)
x = OrderedDict([("a", 1), ("b", 2)])
y = OrderedDict([("b", 2), ("a", 1)])
print(x == y, x == dict(y), dict(x) == y, x != y)
print(OrderedDict.fromkeys("abc", 0))
print(OrderedDict(one=1, two=2), OrderedDict({"k": "v"}))
od2 = OrderedDict.fromkeys("xyz")
print(od2.setdefault("x", 5), od2.setdefault("w", 7), od2)
print(od2.pop("y"), od2, od2.copy(), type(od2.copy()).__name__)
od2.update([("q", 1)], r=2)
print(od2, isinstance(od2, dict))
print(OrderedDict(a=1) | {"b": 2})
del od2["x"]
print(od2, list(od2.keys()), list(od2.values()), list(od2.items()))

print("--- Counter")
c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0))
print(c["a"], c["zzz"], "zzz" in c, c.total())
print(sorted(c.elements()))
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))
ties = Counter("dcbadcba")
print(ties.most_common(), ties)
c.update("aaz")
print(c)
c.update({"b": 10})
print(c)
c.subtract("aaaa")
print(c)
c.subtract({"z": 3})
print(c)
c.update(k=2)
print(c)
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a | b, a & b)
print(+Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2, c=0))
a2 = Counter(a=3, b=1)
a2 += Counter(b=-1, c=2)
print(a2)
a2 -= Counter(a=1)
print(a2)
a2 |= Counter(a=5, e=1)
print(a2)
a2 &= Counter(a=1, e=4)
print(a2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter() == Counter())
print(Counter(a=1) <= Counter(a=2), Counter(a=3) <= Counter(a=2), Counter(a=1) < Counter(a=1))
print(Counter(a=2, b=1) >= Counter(a=1), Counter(a=2) > Counter(a=2))
show_error(Counter.fromkeys, "abc")
print(Counter(), Counter(cats=4, dogs=8), Counter({"x": 1, "y": 1}))
del c["a"]
del c["never"]
print(c)
print(Counter([1, 2, 2, 3, 3, 3]).most_common(1))
print(Counter(a=1, b=2).copy(), type(Counter().copy()).__name__)


class WordCount(Counter):
    pass


wc = WordCount("hello world hello".split())
print(wc, wc.most_common(1))

print("--- namedtuple")
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), isinstance(p, tuple))
print(Point._fields, Point._field_defaults, Point.__match_args__)
print(Point(x=3, y=4), Point(5, y=6))
print(p._replace(x=10), p._asdict(), type(p._asdict()).__name__)
print(Point._make([7, 8]), p.__getnewargs__())
show_error(Point._make, [1])
show_error(p._replace, z=3)
show_error(Point, 1)
show_error(Point, 1, 2, 3)
show_error(Point, 1, 2, z=3)
print(Point.__doc__, Point.x.__doc__, Point.__name__)
print(Point._make.__doc__)
print(p == (1, 2), p + (3,), p * 2, hash(p) == hash((1, 2)))
x_val, y_val = p
print(x_val, y_val)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[20, 30])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
print(namedtuple("R", "a, def, _x, a", rename=True)._fields)
print(namedtuple("S", "one,two")._fields)
print(namedtuple("Single", "only")(5))
print(namedtuple("Empty", "")())
print(namedtuple("M", "a", module="mymod").__module__)
for bad in [("1abc", "x"), ("Ok", "x class"), ("Ok", "x _y"), ("Ok", "x x"), ("def", "a"), ("Ok", "a-b")]:
    show_error(namedtuple, *bad)
show_error(namedtuple, "Ok", "a b", defaults=(1, 2, 3))
show_error(namedtuple, "Ok", [1, "a"])
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")


class Vector(namedtuple("Vector", "dx dy")):
    __slots__ = ()

    def length2(self):
        return self.dx ** 2 + self.dy ** 2

    def __repr__(self):
        return f"<Vector {self.dx},{self.dy}>"


v = Vector(3, 4)
print(v, v.length2(), v._replace(dx=0), Vector._fields)

print("--- ChainMap")
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm["c"], len(cm), list(cm), sorted(cm.items()))
print(cm.get("zz"), cm.get("zz", 0), "a" in cm, "zz" in cm, bool(cm), bool(ChainMap()))
cm["d"] = 4
print(over, base)
show_error(cm.__getitem__, "missing")
try:
    del cm["a"]
except KeyError as e:
    print("KeyError", e)
show_error(cm.pop, "a")
print(cm.pop("d"), cm.pop("nope", "dflt"))
child = cm.new_child()
child["x"] = 1
print(child, child.parents, child.maps[0])
print(cm.new_child({"m": 1}), cm.new_child(k=9))
print(ChainMap(), ChainMap({}, {}).popitem if False else "")
show_error(ChainMap({}).popitem)
print(ChainMap({"a": 1}).popitem())
print(cm.copy(), type(cm.copy()).__name__)
print(list(cm.keys()), list(cm.values()), cm == {"a": 1, "b": 20, "c": 30})
cm2 = ChainMap({"a": 1})
cm2.update(b=2)
cm2.setdefault("c", 3)
print(cm2, cm2 | {"z": 0})
cm2.clear()
print(cm2)
print(ChainMap.fromkeys("ab", 0))

print("--- deque")
dq = deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(dq, len(dq), dq[0], dq[-1], list(dq), list(reversed(dq)))
print(dq.pop(), dq.popleft(), dq)
dq.extend([7, 8])
dq.extendleft([-1, -2])
print(dq)
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq)
print(dq.count(7), dq.index(7), 3 in dq, 99 in dq)
dq.insert(1, "i")
dq.remove("i")
dq.reverse()
print(dq, dq.copy(), dq == deque(dq), dq == list(dq))
bounded = deque(range(5), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(9)
print(bounded)
bounded.appendleft(-9)
print(bounded)
print(deque(maxlen=2), deque())
show_error(deque().pop)
show_error(deque().popleft)
show_error(deque(range(2)).__getitem__, 5)
show_error(bounded.insert, 0, 1)
show_error(deque, [], -1)
print(deque("ab") + deque("cd"), deque("ab") * 2, deque([1]) < deque([2]))
dq3 = deque([1, 2])
dq3 += [3]
dq3[0] = 100
del dq3[1]
print(dq3, bool(dq3), bool(deque()))
dq3.clear()
print(dq3)

print("--- UserDict")


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ld = LowerDict({"A": 1}, B=2)
ld["C"] = 3
print(ld, ld.data, len(ld), ld["a"], "b" in ld, list(ld), ld.get("zz", 0))
show_error(ld.__getitem__, "zz")
print(ld.pop("a"), ld, sorted(ld.items()), list(ld.keys()), list(ld.values()))
print(ld == {"b": 2, "c": 3}, ld.copy(), type(ld.copy()).__name__)
ud = UserDict(x=1)
ud.update({"y": 2})
print(ud, ud | {"z": 3}, type(ud | {"z": 3}).__name__, UserDict.fromkeys("ab"))


class DefaultUD(UserDict):
    def __missing__(self, key):
        return key * 2


print(DefaultUD()["ab"], DefaultUD().get("q"))

print("--- UserList")
ul = UserList([3, 1, 2])
ul.append(5)
ul.sort()
print(ul, ul[1], ul[1:3], type(ul[1:3]).__name__, len(ul), ul == [1, 2, 3, 5])
print(ul + [9], [0] + ul, ul * 2, ul.index(3), ul.count(1), 2 in ul)
ul.extend(UserList([7]))
ul.insert(0, 0)
print(ul.pop(), ul.pop(0), ul)
ul.reverse()
ul.remove(3)
print(ul, ul.copy(), type(ul.copy()).__name__, ul < [9], UserList())


class Stack(UserList):
    def push(self, x):
        self.append(x)


s = Stack()
s.push(1)
s.push(2)
print(s, s.pop(), s, type(s + [1]).__name__)

print("--- UserString")
us = UserString("Hello")
print(us, repr(us), len(us), us[1], us[1:3], us.upper(), us.lower(), type(us.upper()).__name__)
print(us + " world", "Say " + us, us * 2, us == "Hello", "ell" in us, us < "World")
print(us.find("l"), us.count("l"), us.replace("l", "L"), us.split("l"), us.startswith("He"))
print(us.center(11, "*"), us.zfill(8), us.strip("Ho"), list(us), us.isalpha())
print(UserString(42), UserString("%s-%d") % ("a", 1), hash(us) == hash("Hello"))
print(sorted(n for n in collections.__all__))
