# dir() of builtin types lists their special methods, every name it lists
# is an attribute, and object's __dir__ and __sizeof__ exist.
for t in (dict, list, str, int, tuple, set, frozenset, bytes, float, object, type(len)):
    names = dir(t)
    print(t.__name__, all(hasattr(t, n) for n in names), names == sorted(names))
print([n for n in ("__len__", "__getitem__", "__iter__", "__contains__", "__setitem__") if n in dir(dict)])
print([n for n in ("__add__", "__mul__", "__len__", "__iadd__", "__getitem__", "__call__") if n in dir(list)])
print([n for n in ("__add__", "__and__", "__index__", "__len__", "__neg__") if n in dir(int)])
print("__call__" in dir(len), "__call__" in dir(list))
print(object().__sizeof__(), [].__sizeof__(), {}.__sizeof__(), ().__sizeof__(), (1, 2).__sizeof__())
class C:
    pass
print(C().__sizeof__(), "__sizeof__" in dir(C()), sorted(C().__dir__()) == dir(C()))
import sys
print(sys.getsizeof([]) - [].__sizeof__(), sys.getsizeof(object()) - object().__sizeof__())
class S:
    __slots__ = ("a", "b")
class E:
    __slots__ = ()
class SD(S):
    pass
class W:
    __slots__ = ("__weakref__",)
print(S().__sizeof__(), E().__sizeof__(), SD().__sizeof__(), W().__sizeof__())
