# Recursion that passes through no Python frame (a dunder set to a
# builtin that calls the same dunder again, an instance that is its own
# class's __call__) ends in RecursionError, never a crash.


class Foo:
    pass


Foo.__repr__ = Foo.__str__
try:
    str(Foo())
except RecursionError:
    print("RecursionError: __repr__ = __str__")


class Callable:
    pass


c = Callable()
Callable.__call__ = c
try:
    c()
except RecursionError:
    print("RecursionError: __call__ is an instance")


class Eq:
    pass


Eq.__eq__ = Eq.__ne__
try:
    Eq() == Eq()
except RecursionError:
    print("RecursionError: __eq__ = __ne__")

# The program goes on normally afterwards.
print(repr(Foo)[:14], [1, 2] == [1, 2])
