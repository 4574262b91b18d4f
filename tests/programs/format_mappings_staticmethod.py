# str.format_map and %-formatting with mappings that are not dicts (and
# dict subclasses with __missing__); mixing %(key)s with %s; calling
# staticmethod objects.
import collections


class Upper:
    def __getitem__(self, key):
        return key.upper()


class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"


def attempt(fn):
    try:
        return repr(fn())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


cases = [
    lambda: "{a} {b}".format_map(Upper()),
    lambda: "{a} and {b}".format_map(Missing(a=1)),
    lambda: "{x}".format_map(collections.defaultdict(lambda: "default")),
    lambda: "{x}".format_map(collections.ChainMap({}, {"x": "chained"})),
    lambda: "{x}".format_map(collections.UserDict(x="user")),
    lambda: "{x[0]} {y.real}".format_map({"x": [7], "y": 2}),
    lambda: "{x}".format_map({}),
    lambda: "{x}".format_map([1]),
    lambda: "{0}".format_map({"0": "zero"}),
    lambda: "%(x)s" % collections.UserDict(x=1),
    lambda: "%(a)s-%(b)s" % Upper(),
    lambda: "%(a)s" % Missing(),
    lambda: "%(a)s %s" % {"a": 1},
    lambda: "%s %(a)s" % {"a": 1},
    lambda: "%(a)s %(a)r" % {"a": "q"},
    lambda: "%s" % [1, 2],
    lambda: "%(a)s" % [1, 2],
    lambda: "%s" % {"a": 1},
    lambda: "%(a)s" % ({"a": 1},),
    lambda: "%(a)s" % "text",
    lambda: b"%(a)s" % {b"a": b"bytes"},
    lambda: "%d %%" % collections.UserDict(),
]
for case in cases:
    print(attempt(case))


sm = staticmethod(lambda x=1: x * 2)
print(sm(), sm(5), callable(sm), callable(staticmethod(3)))
try:
    staticmethod(3)()
except TypeError as e:
    print("TypeError:", e)


class Handlers:
    @staticmethod
    def double(x):
        return x * 2

    table = {"double": double}
    computed = double(21)


print(Handlers.computed, Handlers.table["double"](4), list(map(Handlers.table["double"], [1, 2])))
