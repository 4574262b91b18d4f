# A function's locals die when it returns, even after something looked at
# its frame (traceback.format_stack, sys._getframe, f_locals, logging's
# caller lookup); a frame object the program keeps holds them, as
# CPython's does.
import logging
import sys
import traceback
import weakref


class Obj:
    pass


log = []


def probe():
    traceback.format_stack(limit=12)


def looked_at_from_below(i):
    a = Obj()
    r = weakref.ref(a, lambda _: log.append(('died', i)))
    probe()
    return r


def looked_at_itself(i):
    a = Obj()
    r = weakref.ref(a, lambda _: log.append(('died', i)))
    sys._getframe().f_locals
    return r


def in_a_generator(i):
    a = Obj()
    r = weakref.ref(a, lambda _: log.append(('died', i)))
    sys._getframe(0).f_back
    yield r


logging.basicConfig(stream=sys.stdout, format='%(funcName)s:%(message)s')


def logs(i):
    a = Obj()
    r = weakref.ref(a, lambda _: log.append(('died', i)))
    logging.warning('record %d', i)
    return r


for i in range(2):
    r = looked_at_from_below(i)
    log.append(('after', i, r() is None))
for i in range(2, 4):
    r = looked_at_itself(i)
    log.append(('after', i, r() is None))
for i in range(4, 6):
    r = next(in_a_generator(i))
    log.append(('after', i, r() is None))
for i in range(6, 8):
    r = logs(i)
    log.append(('after', i, r() is None))
print(log)


def keeps_frame():
    b = Obj()
    r = weakref.ref(b)
    return sys._getframe(), r


frame, r = keeps_frame()
print('kept frame holds its local:', r() is not None, type(frame.f_locals['b']).__name__)
del frame
print('released with the frame:', r() is None)


def inner_keeps_outer():
    return sys._getframe(1)


def outer():
    c = Obj()
    r = weakref.ref(c)
    return inner_keeps_outer(), r


f, r = outer()
print('outer frame kept by the caller:', f.f_code.co_name, r() is not None)
del f
print('gone:', r() is None)
