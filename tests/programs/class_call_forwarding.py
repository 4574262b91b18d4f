# Classes called with *args and an empty **kwargs (forwarding wrappers, as
# ElementTree's SubElement): the same instances, errors and order of
# effects as a plain call.
import abc


class Plain:
    def __init__(self, a, b=2, **extra):
        self.a, self.b, self.extra = a, b, extra


def forward(cls, *args, **kwargs):
    return cls(*args, **kwargs)


p = forward(Plain, 1)
print(type(p).__name__, p.a, p.b, p.extra)
p = forward(Plain, 1, 3, c=4)
print(p.a, p.b, p.extra)
empty = {}
p = Plain(*(5,), **empty)
print(p.a, p.b, p.extra, p.extra is empty)


class NoInit:
    pass


print(type(forward(NoInit)).__name__)
try:
    forward(NoInit, 1)
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, *args, **kwargs):
        print("new", args, kwargs)
        return super().__new__(cls)

    def __init__(self, x):
        print("init", x)


forward(WithNew, 7)


class Meta(type):
    def __call__(cls, *args, **kwargs):
        print("meta call", args, kwargs)
        return super().__call__(*args, **kwargs)


class Managed(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print(forward(Managed, 8).x)


class Abstract(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass


try:
    forward(Abstract)
except TypeError as e:
    print("TypeError:", e)


class ReturnsValue:
    def __init__(self):
        return 5


try:
    forward(ReturnsValue)
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, x):
        raise ValueError(f"bad {x}")


try:
    forward(Raises, 1)
except ValueError as e:
    print("ValueError:", e)


class Finalized:
    count = 0

    def __init__(self, ok):
        if not ok:
            raise RuntimeError("no")

    def __del__(self):
        Finalized.count += 1


for ok in (True, False, True):
    try:
        forward(Finalized, ok)
    except RuntimeError:
        pass
print("finalized", Finalized.count)


class Err(Exception):
    def __init__(self, code, **info):
        super().__init__(code)
        self.info = info


e = forward(Err, 404)
print(repr(e), e.info)


class Sub(Plain):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sub = True


s = forward(Sub, 9)
print(s.a, s.b, s.sub)
try:
    forward(Plain)
except TypeError as e:
    print("TypeError:", e)
try:
    forward(Plain, 1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
