# Builtin objects answer hasattr() for the dunders their types define, and no others (duck typing).
vals = [5, True, 2.5, 1j, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), range(3), None, {}.keys(), {}.values(), {}.items(), object(), len, iter([]), (x for x in ()), bytearray(b"x"), ValueError(), slice(1)]
names = ["__getitem__","__setitem__","__delitem__","__len__","__contains__","__iter__","__next__","__add__","__radd__","__sub__","__rsub__","__mul__","__rmul__","__truediv__","__floordiv__","__mod__","__rmod__","__pow__","__matmul__","__lshift__","__and__","__or__","__ror__","__xor__","__neg__","__pos__","__abs__","__invert__","__bool__","__hash__","__eq__","__lt__","__format__","__repr__"]
for v in vals:
    print(type(v).__name__, "".join("1" if hasattr(v, n) else "0" for n in names))
class I(int): pass
class L(list): pass
print("".join("1" if hasattr(I(3), n) else "0" for n in names))
print("".join("1" if hasattr(L(), n) else "0" for n in names))
print([1,2].__getitem__(0), (5).__add__(1), "a".__mul__(2), {1}.__or__({2}), list.__len__([1]), int.__add__(1, 2))
