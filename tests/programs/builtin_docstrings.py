# The builtins carry CPython's docstrings: functions, types, methods,
# exceptions, and instances (their type's).
import math

for obj in (len, print, sorted, next, dir, int, dict, list, str, object, type,
            bool, property, range, ValueError, KeyError, BaseException,
            dict.get, list.append, [].append, str.join, "".join):
    doc = obj.__doc__
    print(type(doc).__name__, repr(doc.splitlines()[0]) if doc else doc)

for value in ({}, 1, "s", None, 1.5, (1,), ValueError("x"), range(3)):
    doc = value.__doc__
    print(type(value).__name__, repr(doc.splitlines()[0]) if doc else doc)

print(math.pow.__doc__ != pow.__doc__)


class Documented:
    """Mine."""


class Plain:
    pass


class Derived(Documented):
    pass


print(Documented.__doc__, Plain.__doc__, Derived.__doc__, Documented().__doc__)


def f():
    """Function doc."""


print(f.__doc__, (lambda: 0).__doc__)
