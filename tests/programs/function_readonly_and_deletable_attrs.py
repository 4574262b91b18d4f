# Function attributes: __globals__ and __closure__ are read-only, deleting
# __defaults__/__kwdefaults__ resets them; a negative sys.tracebacklimit
# shows no traceback entries in the traceback module.
import sys
import traceback


def foo(a=1, *, b=2):
    return a, b


for name, value in (("__globals__", {}), ("__closure__", None)):
    try:
        setattr(foo, name, value)
    except AttributeError as e:
        print(name, "AttributeError:", e)
del foo.__defaults__
del foo.__kwdefaults__
print(foo.__defaults__, foo.__kwdefaults__)
try:
    foo()
except TypeError as e:
    print("TypeError:", e)
try:
    del foo.__globals__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)


def f():
    raise ValueError("v")


sys.tracebacklimit = -1
try:
    f()
except ValueError as e:
    traceback.print_exception(None, e, e.__traceback__, file=sys.stdout)
sys.tracebacklimit = 1
try:
    f()
except ValueError as e:
    print("".join(traceback.format_exception(e)).count("File"))
del sys.tracebacklimit
