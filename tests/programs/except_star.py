eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions, eg.args)
print(type(eg).__name__, isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
beg = BaseExceptionGroup("b", [ValueError(1)])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg2).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
            lambda: ExceptionGroup("x", None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
print(repr(nested.split(ValueError)))

def f():
    raise ExceptionGroup("grp", [ValueError("v1"), TypeError("t1"), KeyError("k")])

try:
    f()
except* ValueError as e:
    print("got values", repr(e))
except* TypeError as e:
    print("got types", repr(e))
except* KeyError:
    print("got keys")

try:
    try:
        f()
    except* ValueError:
        print("only values")
except ExceptionGroup as e:
    print("rest", repr(e))

try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked wrapped", repr(e))

try:
    try:
        raise ValueError("naked2")
    except* TypeError:
        print("no")
except ValueError as e:
    print("naked passes through", repr(e))

try:
    try:
        f()
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraised", repr(e))

try:
    try:
        f()
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as e:
    print("raised new", repr(e), [repr(x) for x in e.exceptions])

for bad in [int, ExceptionGroup]:
    try:
        try:
            f()
        except* bad:
            pass
    except TypeError as e:
        print("TypeError", e)

import sys
try:
    f()
except* (ValueError, TypeError) as e:
    print("tuple", repr(e), repr(sys.exc_info()[1]) == repr(e))
except* KeyError:
    pass
else:
    print("else")
finally:
    print("finally")

def g():
    for i in range(2):
        try:
            raise ExceptionGroup("x", [ValueError(i)])
        except* ValueError:
            print("loop", i)
    return "done"
print(g())
e = ValueError("noted")
e.add_note("first note")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print(err)
