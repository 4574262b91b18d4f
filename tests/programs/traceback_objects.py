import sys


def inner(x):
    return 10 // x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None)
    steps = []
    while tb is not None:
        frame = tb.tb_frame
        steps.append((frame.f_code.co_name, tb.tb_lineno, frame.f_code.co_filename.endswith("traceback_objects.py")))
        tb = tb.tb_next
    print(steps)
    info = sys.exc_info()
    print(info[2] is not None, type(info[2]).__name__, info[2].tb_lineno)
    inner_frame = e.__traceback__.tb_next.tb_next.tb_frame
    print(inner_frame.f_back.f_code.co_name, inner_frame.f_globals is globals())

fresh = ValueError("never raised")
print(fresh.__traceback__)

# Setting the chain attributes.
e = ValueError(1)
e.__cause__ = KeyError(2)
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__context__ = TypeError(3)
print(repr(e.__context__))
for name, value in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 5), ("__suppress_context__", 1)]:
    try:
        setattr(e, name, value)
    except TypeError as err:
        print(name, "->", err)
e.__traceback__ = None
print(e.__traceback__, "__cause__" in vars(e))

# with_traceback and clearing.
try:
    outer(0)
except ZeroDivisionError as first:
    saved = first.__traceback__
    kept = first
other = RuntimeError("moved")
print(other.with_traceback(saved) is other, other.__traceback__.tb_lineno)
try:
    raise other
except RuntimeError as again:
    linenos = []
    tb = again.__traceback__
    while tb is not None:
        linenos.append(tb.tb_lineno)
        tb = tb.tb_next
    print(linenos)
kept.__traceback__ = None
print(kept.__traceback__)


class Loud(Exception):
    pass


def gen():
    yield 1
    raise Loud("from a generator")


try:
    for _ in gen():
        pass
except Loud as exc:
    tb = exc.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
