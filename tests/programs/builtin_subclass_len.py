# len() of instances of subclasses of builtin containers: the builtin's
# length unless a class in the MRO defines __len__ (also when added or
# removed after the class statement).
import array
from collections import deque


class L(list):
    pass


class D(dict):
    pass


class S(str):
    pass


class T(tuple):
    pass


class B(bytes):
    pass


class FS(frozenset):
    pass


class Q(deque):
    pass


class A(array.array):
    pass


for value in [L([1, 2, 3]), D(a=1), S("héllo"), T((1,)), B(b"ab"), FS({1, 2}),
              Q([1, 2, 3, 4]), A("i", [1, 2])]:
    print(type(value).__name__, len(value), len(value) == len(list(value)))


class Counted(list):
    def __len__(self):
        return 42


class Mixin:
    def __len__(self):
        return 7


class Mixed(Mixin, list):
    pass


class Below(Counted):
    pass


print(len(Counted([1])), len(Mixed([1, 2])), len(Below()))

items = L([1, 2])
items.append(3)
items.extend([4, 5])
del items[0]
print(len(items), items)


class Later(list):
    pass


later = Later([1, 2, 3])
print(len(later))
Later.__len__ = lambda self: -1 + 100
print(len(later))
del Later.__len__
print(len(later))


class Bad(list):
    def __len__(self):
        raise ValueError("no length")


try:
    len(Bad())
except ValueError as e:
    print("ValueError:", e)


class Negative(list):
    def __len__(self):
        return -1


try:
    len(Negative())
except ValueError as e:
    print("ValueError:", e)


def loop(xs):
    total = 0
    for _ in range(1000):
        total += len(xs)
    return total


print(loop(L(range(5))), loop(D.fromkeys("abc")), loop(Counted()))
