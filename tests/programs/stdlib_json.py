# The json package, writing side: dumps/dump and their options.
import json
import io


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


# Scalars and containers.
for value in [None, True, False, 0, -7, 123456789, 2**64, -(2**100), 10**30,
              0.0, -0.0, 1.5, 0.1, 1e16, 1e-5, 1.1e-05, 123456789.125, 1e300,
              2.5e-300, 3.141592653589793, "", "abc", [], (), {}, [1, [2, [3]]],
              (1, (2,)), {"a": 1}, {"a": {"b": [None, True]}}]:
    show(json.dumps, value)

# Strings: escapes, ensure_ascii, surrogate pairs.
s = "q\"b\\s/\b\f\n\r\t\x00\x01\x1f\x7f é ü ☃ \u2028 \U0001f600 \U00010000"
show(json.dumps, s)
show(json.dumps, s, ensure_ascii=False)
show(json.dumps, {s: s})
show(json.dumps, {s: s}, ensure_ascii=False)

# Floats: repr, NaN and the infinities.
nan, inf = float("nan"), float("inf")
show(json.dumps, [nan, inf, -inf])
show(json.dumps, {nan: 1, inf: 2, -inf: 3})
show(json.dumps, nan, allow_nan=False)
show(json.dumps, [1, -inf], allow_nan=False)
show(json.dumps, [inf], allow_nan=False, indent=2)
show(json.dumps, {1.5: nan}, allow_nan=False)
show(json.dumps, [1e22, 1e21, 1e-7, 123e-20, 5e-324, 1.7976931348623157e308])

# Keys: coercion, skipkeys, errors.
show(json.dumps, {2: "int", 1.5: "float", True: "true", False: "false", None: "null"})
show(json.dumps, {2**70: 1, -3: 2})
show(json.dumps, {(1, 2): 3})
show(json.dumps, {(1, 2): 3, "a": 1}, skipkeys=True)
show(json.dumps, {frozenset(): 3}, skipkeys=True)
show(json.dumps, {b"x": 1})
show(json.dumps, {object(): 1})

# sort_keys.
show(json.dumps, {"b": 1, "a": 2, "c": {"z": 1, "y": 2}, "B": 3, "é": 4, "aa": 5}, sort_keys=True)
show(json.dumps, {3: "c", 1: "a", 2: "b"}, sort_keys=True)
show(json.dumps, {1.5: 1, 0.5: 2}, sort_keys=True)
show(json.dumps, {"b": 1, 2: 2}, sort_keys=True)

# indent and separators.
doc = {"name": "x", "list": [1, 2, {"k": []}], "empty": {}, "t": (1,), "n": None}
show(json.dumps, doc, indent=2)
show(json.dumps, doc, indent=0)
show(json.dumps, doc, indent="\t")
show(json.dumps, doc, indent="")
show(json.dumps, doc, indent=-1)
show(json.dumps, doc, indent=2, separators=(",", ": "))
show(json.dumps, doc, separators=(",", ":"))
show(json.dumps, doc, separators=(" ,", " : "), sort_keys=True)
show(json.dumps, [[]], indent=3)
show(json.dumps, [], indent=3)
show(json.dumps, "top", indent=3)

# Unserializable objects and default.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


show(json.dumps, Point(1, 2))
show(json.dumps, [1, {2, 3}])
show(json.dumps, b"bytes")
show(json.dumps, ...)
show(json.dumps, Point(1, 2), default=lambda o: {"x": o.x, "y": o.y})
show(json.dumps, [Point(1, 2), Point(3, Point(4, 5))], default=vars)
show(json.dumps, {1, 2}, default=sorted)
show(json.dumps, Point(1, 2), default=lambda o: o)
show(json.dumps, [range(3)], default=list)


def fails(o):
    raise ValueError("cannot do " + type(o).__name__)


show(json.dumps, [1, Point(0, 0)], default=fails)

# Circular references.
a = [1]
a.append(a)
show(json.dumps, a)
d = {"k": 1}
d["self"] = d
show(json.dumps, d)
show(json.dumps, [a, 1])
shared = [1, 2]
show(json.dumps, [shared, shared, {"a": shared}])

# Deep nesting: RecursionError, never a crash.
deep = []
for _ in range(100000):
    deep = [deep]
show(json.dumps, deep)
deep_d = {}
for _ in range(100000):
    deep_d = {"a": deep_d}
show(json.dumps, deep_d)
show(json.dumps, a, check_circular=False)
ok = []
for _ in range(50):
    ok = [ok]
print(json.dumps(ok))

# Subclasses of the builtin types.
class MyInt(int):
    def __repr__(self):
        return "MyInt!"

    def __str__(self):
        return "MyInt?"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    def __str__(self):
        return "MyStr!"


class MyList(list):
    pass


class MyTuple(tuple):
    pass


class MyDict(dict):
    pass


class ItemsDict(dict):
    def items(self):
        return [("overridden", True)]


class IterList(list):
    def __iter__(self):
        return iter(["from", "iter"])


show(json.dumps, [MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyTuple((3,)), MyDict(a=1)])
show(json.dumps, {MyInt(5): 1, MyFloat(2.5): 2, MyStr("k"): 3})
show(json.dumps, MyDict(b=1, a=2), sort_keys=True)
show(json.dumps, ItemsDict(a=1))
show(json.dumps, IterList([1, 2]))
show(json.dumps, [MyInt(5), MyFloat(2.5)], indent=1)
show(json.dumps, MyList(), indent=1)
show(json.dumps, MyDict(), indent=1)

# dump to a file-like object.
buf = io.StringIO()
json.dump({"a": [1, 2], "b": None}, buf)
print(repr(buf.getvalue()))
buf = io.StringIO()
json.dump({"b": [1, 2], "a": "é"}, buf, indent=2, sort_keys=True, ensure_ascii=False)
print(repr(buf.getvalue()))

# Keyword-only arguments.
show(json.dumps, [1], 2)
show(json.dumps, [1], bogus=1)

# Round trips.
for value in [{"a": [1, 2.5, "x"], "b": {"c": None}}, [1e100, -0.0, 2**80], "é\U0001f600"]:
    text = json.dumps(value)
    print(json.loads(text) == value, text)

# Options are tested for truth.
show(json.dumps, {"b": "é", "a": 0.0}, sort_keys=[1], ensure_ascii=0)
show(json.dumps, {"b": 1, (1,): 2}, skipkeys="yes", sort_keys="")
show(json.dumps, [float("nan")], allow_nan=0.0)
show(json.dumps, [float("nan")], allow_nan=[0])
