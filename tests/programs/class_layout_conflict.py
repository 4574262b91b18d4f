def attempt(make):
    try:
        cls = make()
        print("ok", cls.__name__, [c.__name__ for c in cls.__mro__])
    except TypeError as e:
        print("TypeError:", e)
attempt(lambda: type("A", (int, str), {}))
attempt(lambda: type("B", (list, dict), {}))
attempt(lambda: type("C", (int, bool), {}))
attempt(lambda: type("D", (bool,), {}))
attempt(lambda: type("E", (ValueError, TypeError), {}))
attempt(lambda: type("F", (Exception, int), {}))
attempt(lambda: type("G", (dict, object), {}))
class S1: __slots__ = ("a",)
class S2: __slots__ = ("b",)
class S3: __slots__ = ()
class W1: __slots__ = ("__dict__",)
class W2: __slots__ = ("__weakref__",)
class Plain: pass
attempt(lambda: type("H", (S1, S2), {}))
attempt(lambda: type("I", (S1, S3), {}))
attempt(lambda: type("J", (W1, W2), {}))
attempt(lambda: type("K", (S1, Plain), {}))
attempt(lambda: type("L", (S1, int), {}))
class SubS1(S1): pass
attempt(lambda: type("M", (SubS1, S1), {}))
class IntS(int): __slots__ = ()
attempt(lambda: type("N", (IntS, int), {}))
class StrMixin(str): pass
attempt(lambda: type("O", (StrMixin, Plain), {}))
import collections, enum
attempt(lambda: type("P", (collections.OrderedDict, Plain), {}))
class Color(int, enum.Enum):
    RED = 1
print(Color.RED, Color.RED + 1)
class MyTuple(tuple, Plain): pass
print(MyTuple((1, 2)))
