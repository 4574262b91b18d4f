# __context__ of exceptions raised in generators and through throw(): set
# where the exception is raised, from what is handled there -- by the
# generator, or else by the code that resumed it; throw() sets none.
import sys
from contextlib import contextmanager


def show(label, err):
    chain = []
    while err is not None:
        chain.append(repr(err))
        err = err.__context__
    print(label, " <- ".join(chain))


def raises_on_resume():
    yield
    raise ValueError("in generator")


def handles_thrown():
    try:
        yield
    except TypeError:
        raise ValueError("while handling the thrown one")


def reports():
    yield repr(sys.exc_info()[1])
    try:
        raise OSError("inner")
    except OSError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


try:
    raise KeyError("outer")
except KeyError:
    it = raises_on_resume()
    next(it)
    try:
        next(it)
    except ValueError as e:
        show("resumed while handling:", e)

it = handles_thrown()
next(it)
try:
    raise KeyError("outer")
except KeyError:
    try:
        it.throw(TypeError("thrown"))
    except ValueError as e:
        show("thrown while handling:", e)

it = handles_thrown()
next(it)
try:
    it.throw(TypeError("thrown"))
except ValueError as e:
    show("thrown alone:", e)

try:
    raise KeyError("outer")
except KeyError:
    it = handles_thrown()
    next(it)
    try:
        it.throw(TypeError("thrown"))
    except ValueError as e:
        show("thrown into one started while handling:", e)
    print(list(reports()))


@contextmanager
def converting():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError("converted")


try:
    with converting():
        1 / 0
except ValueError as e:
    show("context manager:", e)


def calls_back(callback):
    return callback()


def failing():
    raise IndexError("from a callback")


try:
    raise KeyError("outer")
except KeyError:
    try:
        calls_back(failing)
    except IndexError as e:
        show("through a call:", e)
    try:
        sorted([3, 1], key=lambda x: 1 / 0)
    except ZeroDivisionError as e:
        show("through a builtin:", e)
    try:
        int("x")
    except ValueError as e:
        show("from a builtin:", e)

saved = None
try:
    raise KeyError("first")
except KeyError as e:
    saved = e
try:
    raise OSError("second")
except OSError:
    try:
        raise saved
    except KeyError as e:
        show("re-raised elsewhere:", e)
