import sys
def g():
    yield 1
    print("inside sees", repr(sys.exc_info()[1]))
    raise
try:
    raise ValueError("outer")
except ValueError:
    it = g(); next(it)
    try:
        next(it)
    except ValueError as e:
        print("reraised", e)
def h():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
it = h()
print(repr(next(it)), repr(sys.exc_info()[1]))
print(repr(next(it)))
