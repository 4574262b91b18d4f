import collections.abc as cabc
from functools import singledispatch, singledispatchmethod


@singledispatch
def show(x):
    """generic doc"""
    return "object"


@show.register
def _(x: int):
    return "int"


@show.register(str)
def _(x):
    return "str"


@show.register(cabc.Sequence)
def _(x):
    return "sequence"


@show.register(cabc.Mapping)
def _(x):
    return "mapping"


def for_float(x):
    return "float"


show.register(float, for_float)


@show.register
def _(x: "bytes"):
    return "bytes (string annotation)"


@show.register
def _(x: list | set):
    return "list or set"


class MyInt(int):
    pass


class MySeq(cabc.Sequence):
    def __getitem__(self, i):
        raise IndexError
    def __len__(self):
        return 0


for value in (1, True, MyInt(3), "s", 1.5, [1], (1,), {1: 2}, {1}, frozenset(), b"b", None, MySeq(), range(2)):
    print(type(value).__name__, show(value))
print(show.__name__, show.__doc__, show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), "__name__") else "")
print(show.dispatch(object) is show.registry[object], float in show.registry, len(show.registry))
print(sorted(k.__name__ for k in show.registry.keys()))
try:
    show.registry[int] = None
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    show()
except TypeError as e:
    print("TypeError", e)
for bad in (lambda: show.register(5), lambda: show.register(5, lambda x: x)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", str(e).replace(hex(id(show)), "ADDR").split(" at 0x")[0])


def unannotated(x):
    return 1


try:
    show.register(unannotated)
except TypeError as e:
    print("TypeError", str(e).split(":")[0])


def badnote(x: 5):
    return 1


try:
    show.register(badnote)
except TypeError as e:
    print("TypeError", e)


class Late:
    pass


print(show(Late()))
cabc.Sequence.register(Late)
print(show(Late()))
show._clear_cache()


# ambiguity
class A(cabc.Sized, cabc.Container):
    pass


class Both:
    def __len__(self):
        return 0
    def __contains__(self, x):
        return False


@singledispatch
def amb(x):
    return "base"


amb.register(cabc.Sized, lambda x: "sized")
amb.register(cabc.Container, lambda x: "container")
try:
    print(amb(Both()))
except RuntimeError as e:
    print("RuntimeError", e)
print(amb(A()) if False else "skip")


class Dispatcher:
    @singledispatchmethod
    def handle(self, arg):
        return "default"

    @handle.register
    def _(self, arg: int):
        return "int %d" % arg

    @handle.register(str)
    def _(self, arg):
        return "str " + arg

    @singledispatchmethod
    @classmethod
    def cm(cls, arg):
        return cls.__name__ + " default"

    @cm.register(int)
    @classmethod
    def _(cls, arg):
        return cls.__name__ + " int"


d = Dispatcher()
print(d.handle(1), d.handle("x"), d.handle(2.5), Dispatcher.cm(1), Dispatcher.cm("s"), d.cm(3))
print(Dispatcher.handle.__name__, Dispatcher.__dict__["handle"].__isabstractmethod__)
try:
    singledispatchmethod(5)
except TypeError as e:
    print("TypeError", e)
