# A user class deriving from a type implemented natively, whose own
# __new__ calls the base's __new__ through super() or by name.
from collections import deque
from decimal import Decimal


class Buffer(bytearray):
    def __new__(cls, value=b""):
        return super().__new__(cls, value)


b = Buffer(b"ab")
print(type(b).__name__, b, len(b), isinstance(b, bytearray))
b.extend(b"cd")
print(b, b.upper(), type(b.upper()).__name__)
print(type(bytearray.__new__(Buffer)).__name__)


class Tagged(bytearray):
    def __new__(cls, value):
        print("  __new__ got", type(value).__name__)
        me = super().__new__(cls, value)
        me.tag = "t"
        return me


t = Tagged.fromhex("a0 ff")
print(type(t).__name__, t, t.tag)


class Queue(deque):
    def __new__(cls, *args):
        return super().__new__(cls)


q = Queue([1, 2, 3])
q.appendleft(0)
print(type(q).__name__, q, len(q))


class Money(Decimal):
    def __new__(cls, value="0"):
        self = super().__new__(cls, value)
        self.currency = "EUR"
        return self


m = Money("1.50")
print(type(m).__name__, m, m.currency, m + 1, type(m + 1).__name__)
print(type(Decimal.__new__(Money, "2")).__name__)


# A __new__ that returns something else skips __init__.
class Odd(bytearray):
    def __new__(cls, *args):
        return 42

    def __init__(self, *args):
        print("never")


print(Odd(b"x"))
