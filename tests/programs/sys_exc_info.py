# sys.exc_info() and sys.exception(): the exception being handled, nested
# handlers, after the handler, inside a generator.
import sys
print(sys.exc_info(), sys.exception())
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), sys.exception() is v)
    try:
        raise KeyError('k')
    except KeyError:
        print(sys.exc_info()[0])
    print(sys.exc_info()[0])
print(sys.exc_info(), sys.exception())
def gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exception()
print(repr(next(gen())))
