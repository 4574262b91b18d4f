# Object-model gaps closed together: Unicode error attributes and text,
# object.__reduce_ex__/__getstate__, writable names, slices compared,
# tracebacks, super().__getattr__, builtin slot identity, small sys facts.


def section(title):
    print("--", title)


section("unicode errors")
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "bad")
print(str(e), repr(e), e.args)
print(e.encoding, e.object, e.start, e.end, e.reason)
e.start = 1
e.end = 2
e.reason = "r"
e.encoding = "x"
print(str(e))
print(str(UnicodeDecodeError("utf-8", b"ab", 0, 2, "bad")))
e3 = UnicodeEncodeError("ascii", "a\xe9b", 1, 2, "ordinal")
print(str(e3), ascii(e3.object), e3.start)
print(str(UnicodeEncodeError("ascii", "a\xe9\xe9", 1, 3, "ordinal")))
e5 = UnicodeTranslateError("a\xe9b", 1, 2, "tr")
print(str(e5), e5.encoding, ascii(e5.args))
print(str(UnicodeTranslateError("a\xe9b", 1, 3, "tr")))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e, e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    "a\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.encoding, ascii(e.object), e.start, e.end, e.reason)
for args in [(), ("x",), ("utf-8", "ab", 0, 1, "bad"), ("utf-8", b"ab", "a", 1, "bad"),
             (1, b"ab", 0, 1, "bad"), ("utf-8", b"ab", 0, 1, 5)]:
    try:
        print(UnicodeDecodeError(*args))
    except TypeError as ex:
        print("TypeError", ex)
for args in [(), ("utf-8", b"ab", 0, 1, "bad")]:
    try:
        print(UnicodeEncodeError(*args))
    except TypeError as ex:
        print("TypeError", ex)
try:
    UnicodeTranslateError("a", 0, 1)
except TypeError as ex:
    print("TypeError", ex)
print(str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "\x05", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "\u1234", 0, 1, "x")))
print(str(UnicodeEncodeError("ascii", "abc", 5, 6, "x")))
print(str(UnicodeDecodeError("ascii", b"abc", 5, 6, "x")))
e = UnicodeDecodeError("utf-8", bytearray(b"ab"), 0, 1, "bad")
print(type(e.object), e.object)


class U(UnicodeDecodeError):
    pass


class V(UnicodeEncodeError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1


print(U("utf-8", b"ab", 0, 1, "bad"))
v = V("ascii", "xy", 0, 2, "why")
print(v, v.extra, v.reason)


section("object.__reduce_ex__ / __reduce__ / __getstate__")
import copy
import copyreg
import pickle


class Plain:
    def __init__(self):
        self.x = 1


p = Plain()
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1:])
print(p.__getstate__(), p.__getstate__() is p.__dict__)
print(object().__getstate__(), (5).__getstate__(), [1].__getstate__())


class Slotted:
    __slots__ = ("a", "b")


s = Slotted()
s.a = 1
print(s.__getstate__())


class SlottedDict:
    __slots__ = ("a", "__dict__")


sd = SlottedDict()
sd.a = 1
sd.z = 2
print(sd.__getstate__())
print(hasattr(5, "__reduce_ex__"), hasattr(5, "__reduce__"), hasattr(5, "__getstate__"))
print(hasattr(p, "__reduce_ex__"), hasattr(Plain, "__getstate__"))
r = (5).__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1:])


class Logged(Plain):
    def __reduce_ex__(self, protocol):
        print("Logged.__reduce_ex__", protocol)
        return super().__reduce_ex__(protocol)


c = copy.copy(Logged())
print(c.x, type(c).__name__)
print(pickle.loads(pickle.dumps(Logged())).x)
print(copy.deepcopy(Logged()).x)


class OwnReduce(Plain):
    def __reduce__(self):
        return (OwnReduce, ())


print(OwnReduce().__reduce_ex__(2))
print(object.__reduce_ex__(OwnReduce(), 2))
r = p.__reduce__()
print(r[0] is copyreg._reconstructor, r[1:])
r = p.__reduce_ex__(0)
print(r[0] is copyreg._reconstructor, r[1:])
print(copy.deepcopy(p).x)


class OwnState:
    def __getstate__(self):
        return {"g": 1}


print(OwnState().__reduce_ex__(4)[2], object.__getstate__(OwnState()))
r = [1, 2].__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1], r[2], list(r[3]), r[4])
print(object.__getstate__(p))
for bad in [(), ("x",)]:
    try:
        object.__reduce_ex__(p, *bad)
    except TypeError as e:
        print("TypeError", e)
print(Plain.__reduce_ex__ is object.__reduce_ex__, Plain.__reduce__ == object.__reduce__)
print(pickle.loads(pickle.dumps(p, 0)).x, pickle.loads(pickle.dumps(p, 2)).x)


class MyList(list):
    pass


ml = MyList([1, 2])
ml.tag = "t"
for proto in range(6):
    back = pickle.loads(pickle.dumps(ml, proto))
    print(proto, type(back).__name__, back, back.tag)


section("builtin methods are the same object each time")


class Empty:
    pass


print(object.__init__ is object.__init__, Empty.__init__ == object.__init__,
      Empty.__init__ is object.__init__)
print(object.__new__ is object.__new__, Empty.__new__ is object.__new__)
print(object.__eq__ is object.__eq__, Empty.__eq__ is object.__eq__,
      Empty.__eq__ == object.__eq__)
print(int.__add__ is int.__add__, list.append is list.append, dict.get is dict.get)
print(Empty.__setattr__ is object.__setattr__, Empty.__repr__ is object.__repr__)
print(list.__init__ == object.__init__, dict.__init__ is dict.__init__,
      ValueError.__init__ == object.__init__)
print(int.__add__ == int.__add__, int.__add__ != int.__add__,
      hash(int.__add__) == hash(int.__add__))
print(Empty().__init__ == Empty().__init__)
e = Empty()
print(e.__init__ == e.__init__, e.__eq__ == e.__eq__, [].append == [].append)
lst = []
print(lst.append == lst.append, lst.append is lst.append,
      hash(lst.append) == hash(lst.append))
print(object.__reduce_ex__, object.__getstate__)


section("assignable __module__, __name__, __qualname__")


def func():
    pass


func.__module__ = "x"
print(func.__module__, func.__dict__)


class Renamed:
    pass


Renamed.__name__ = "B"
Renamed.__qualname__ = "Q.B"
print(Renamed.__name__, Renamed.__qualname__, Renamed, Renamed().__class__.__name__)
print(repr(Renamed())[:12], Renamed.__dict__.get("__name__"), Renamed.__dict__.get("__qualname__"))
Renamed.__module__ = "mod"
print(Renamed, Renamed.__module__)
for attribute, value in [("__name__", 5), ("__qualname__", 5), ("__name__", "a\0b")]:
    try:
        setattr(Renamed, attribute, value)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for target in [Renamed, int]:
    try:
        del target.__name__
    except TypeError as e:
        print("TypeError", e)
try:
    int.__name__ = "x"
except TypeError as e:
    print("TypeError", e)


class HasMethod:
    def m(self):
        pass


HasMethod.m.__module__ = "y"
print(HasMethod.m.__module__, HasMethod().m.__module__)
func.__module__ = None
print(func.__module__)
del func.__module__
print(func.__module__)
import functools


@functools.wraps(func)
def wrapper():
    pass


print(wrapper.__module__)


class D:
    pass


D.__name__ = "E"


class F(D):
    pass


print(F.__mro__, F.__bases__)
try:
    D.x
except AttributeError as e:
    print(e)
try:
    D().x
except AttributeError as e:
    print(e)


section("slices compare as (start, stop, step)")
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 2), slice(1, 2) == slice(1, 3))
print(slice(1, 2) < slice(1, 3), slice(1, 2) <= slice(1, 2), slice(2) > slice(1),
      slice(1, 2, 3) >= slice(1, 2, 3))
print(slice(1, 2) == (1, 2, None), slice(None) == slice(None, None, None))
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
for other in [slice("a", 2), 5]:
    try:
        slice(1, 2) < other
    except TypeError as e:
        print("TypeError", e)
print(slice(1, 2) in [slice(1, 2)], [slice(1, 2)].index(slice(1, 2)))
print(slice(1.0, 2) == slice(1, 2))
try:
    sorted([slice(3), slice(1, 5), slice(1, 2)])
except TypeError as e:
    print("TypeError", e)
print(sorted([slice(3, 1), slice(1, 5), slice(1, 2)]))


class Loose:
    def __eq__(self, other):
        return True

    __hash__ = None


print(slice(Loose(), 1) == slice(2, 1), slice(Loose(), 1) == slice(2, 3))


section("traceback text of multi-line messages")
import traceback


def show(e):
    print(repr(traceback.format_exception(e)[-1:]))
    print(repr("".join(traceback.format_exception(e)).split("\n", 1)[0]))
    print(repr("".join(traceback.format_exception(e))[-20:]))
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    print(list(traceback.TracebackException.from_exception(e).format_exception_only()))


for msg in ["x\n", "a\nb", "a\nb\n", "", "\n", "plain"]:
    try:
        raise ValueError(msg)
    except ValueError as e:
        show(e)
try:
    raise KeyError("k\n")
except KeyError as e:
    show(e)


class Lines(Exception):
    def __str__(self):
        return "line1\nline2"


try:
    raise Lines()
except Lines as e:
    show(e)
try:
    raise ValueError("x")
except ValueError as e:
    e.add_note("note1\nnote2")
    e.add_note("n3")
    show(e)
try:
    try:
        raise ValueError("inner\n")
    except ValueError as inner:
        raise TypeError("outer\nmore") from inner
except TypeError as e:
    items = traceback.format_exception(e, chain=True)[-5:]
    print([item for item in items if "File" not in item])


section("tb_next is writable; types.TracebackType, types.FrameType")
import sys
import types


def inner():
    raise ValueError("v")


def middle():
    inner()


def outer():
    middle()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next.tb_frame.f_code.co_name)
    for bad in [5, "x"]:
        try:
            tb.tb_next = bad
        except TypeError as ex:
            print("TypeError", ex)
    for loop in [lambda: setattr(tb.tb_next, "tb_next", tb), lambda: setattr(tb, "tb_next", tb)]:
        try:
            loop()
        except ValueError as ex:
            print("ValueError", ex)
    try:
        del tb.tb_next
    except TypeError as ex:
        print("TypeError", ex)
    for name in ["tb_lineno", "foo"]:
        try:
            setattr(tb, name, 5)
        except AttributeError as ex:
            print("AttributeError", ex)
    tb.tb_next = tb.tb_next.tb_next.tb_next
    print([f.name for f in traceback.extract_tb(tb)])
    e2 = e.with_traceback(tb)
    print([f.name for f in traceback.extract_tb(e2.__traceback__)])
    print("".join(traceback.format_exception(e2)).count("File"))
    tb.tb_next = None
    print(tb.tb_next, len(traceback.extract_tb(tb)))
print(types.TracebackType, types.FrameType)
print(isinstance(tb, types.TracebackType), isinstance(sys._getframe(), types.FrameType))


section("super().__getattr__ without a base defining it")


class OwnGetattr:
    def __getattr__(self, name):
        try:
            return super().__getattr__(name)
        except AttributeError as e:
            print("AttributeError", e)
            return "fallback"


print(OwnGetattr().foo)


class BaseGetattr:
    def __getattr__(self, name):
        return "B:" + name


class ChildGetattr(BaseGetattr):
    def __getattr__(self, name):
        return "C>" + super().__getattr__(name)


print(ChildGetattr().zz)


class Through:
    def __getattribute__(self, name):
        return super().__getattribute__(name)


t = Through()
t.x = 1
print(t.x)


class Missing:
    def f(self):
        return super().nothing


try:
    Missing().f()
except AttributeError as e:
    print("AttributeError", e)


class DictChild(dict):
    def g(self):
        return super().__getattr__


try:
    DictChild().g()
except AttributeError as e:
    print("AttributeError", e)


class SelfInfo:
    def f(self):
        s = super()
        return s.__self__ is self, s.__thisclass__ is SelfInfo, s.__self_class__ is SelfInfo


print(SelfInfo().f())


section("class-level dunders only where the builtin type has them")
DUNDERS = ["__getitem__", "__setitem__", "__delitem__", "__len__", "__iter__", "__next__",
           "__contains__", "__add__", "__radd__", "__sub__", "__mul__", "__truediv__",
           "__floordiv__", "__mod__", "__pow__", "__neg__", "__abs__", "__invert__",
           "__lshift__", "__or__", "__and__", "__bool__", "__hash__", "__eq__", "__lt__",
           "__format__", "__repr__", "__str__"]
for t in [int, str, list, dict, tuple, set, frozenset, bytes, bytearray, memoryview, float,
          complex, bool, type(None), range, object, type, type({}.keys())]:
    print(t.__name__, [n for n in DUNDERS if hasattr(t, n)])


class IntChild(int):
    pass


print(hasattr(IntChild, "__getitem__"), hasattr(IntChild, "__add__"),
      hasattr(ValueError, "__getitem__"), hasattr(ValueError, "__repr__"))
try:
    int.__getitem__
except AttributeError as e:
    print("AttributeError", e)


class ListChild(list):
    def f(self):
        return super().__getitem__(0), hasattr(super(), "__neg__")


print(ListChild([5]).f())
import collections

print(hasattr(collections.deque, "__getitem__"), hasattr(collections.deque, "__neg__"))
print(hasattr(iter([]), "__next__"), hasattr(type(iter([])), "__next__"))
print(str.__or__(int), int.__or__(1, 2), type.__or__(str, None))


section("sys facts, builtins' __module__, bytearray membership")
print(sys.getdefaultencoding(), sys.maxunicode)
fi = sys.float_info
print(fi)
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.rounds,
      fi.max_exp, fi.min_exp, fi.max_10_exp, fi.min_10_exp)
print(type(fi).__name__, len(fi), fi[0], tuple(fi)[:3])
import math
import time

print(len.__module__, print.__module__, abs.__module__, isinstance.__module__,
      getattr.__module__, sorted.__module__, math.sqrt.__module__, time.time.__module__)
print([].append.__module__, hasattr((1).__add__, "__module__"))
for needle in ["a", [], 1.5]:
    for haystack in [bytearray(b"abc"), b"abc"]:
        try:
            needle in haystack
        except TypeError as e:
            print(type(haystack).__name__, "TypeError", e)
print(97 in bytearray(b"abc"), b"ab" in bytearray(b"abc"), bytearray(b"b") in bytearray(b"abc"))
try:
    256 in bytearray(b"abc")
except ValueError as e:
    print("ValueError", e)
