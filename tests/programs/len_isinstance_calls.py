# len() and isinstance() as CALL runs them for builtin arguments, next to
# the cases that must keep the general path: subclasses with their own
# __len__, metaclass hooks, __class__ claims, errors, rebinding the names.

class Sized(list):
    def __len__(self):
        return 42

class Empty(dict):
    pass

print(len([1, 2, 3]), len(()), len("héllo"), len(b"ab"), len({1: 2}),
      len({1, 2}), len(frozenset()), len(range(0, 10, 3)), len({1: 2}.items()))
print(len(Sized([1, 2])), len(Empty(a=1)), len(bytearray(b"xyz")))

class Liar:
    def __len__(self):
        return -1

for bad in (5, None, Liar()):
    try:
        len(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(e)
try:
    len([], [])
except TypeError as e:
    print(e)

class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "anything"

class Anything(metaclass=Meta):
    pass

class Base:
    pass

class Derived(Base):
    pass

class Claims:
    @property
    def __class__(self):
        return Base

print(isinstance(Derived(), Base), isinstance(Base(), Derived), isinstance(3, int),
      isinstance(True, int), isinstance(3, (str, float)), isinstance(3, (str, int)),
      isinstance("anything", Anything), isinstance("else", Anything),
      isinstance(Claims(), Base), isinstance(Claims(), Claims), isinstance([], list | None))
for args in ((3, 3), (3, (int, 3)), (3,)):
    try:
        print(isinstance(*args))
    except TypeError as e:
        print(e)

def shadowed():
    len = lambda x: "mine"
    isinstance = lambda a, b: "also mine"
    return len([1]), isinstance(1, int)

print(shadowed())
import builtins
saved = builtins.len
builtins.len = lambda x: -7
print(len([1, 2]))
builtins.len = saved
print(len([1, 2]))
total = 0
for i in range(1000):
    total += len([0] * (i % 7)) + isinstance(i, int)
print(total)
