# sys._getframe gives one frame object per running frame (as CPython's
# frames keep theirs): asked again, the same object, with its line moved
# on; a new call at the same depth gets a new object.
import sys


def caller_info():
    frame = sys._getframe(1)
    return frame, frame.f_code.co_name, frame.f_lineno


def work():
    first, name, line1 = caller_info()
    second, _, line2 = caller_info()
    return first is second, name, line2 - line1, first.f_back.f_code.co_name


print(work())
f1, _, _ = caller_info()
f2, _, _ = caller_info()
print(f1 is f2, f1.f_code.co_name)


def nested(n):
    if n == 0:
        return sys._getframe(2)
    return nested(n - 1)


a = nested(3)
b = nested(3)
print(a is b, a.f_locals["n"], b.f_locals["n"], a.f_code.co_name)


def holder():
    mine = sys._getframe()
    value = 10

    def inner():
        return sys._getframe(1)

    return mine is inner(), inner().f_locals["value"], sorted(inner().f_locals)


print(holder())


def chain(depth):
    if depth:
        return chain(depth - 1)
    names = []
    frame = sys._getframe().f_back
    while frame is not None:
        names.append((frame.f_code.co_name, frame.f_lineno))
        frame = frame.f_back
    return names


print(chain(3))
print(chain(2))
