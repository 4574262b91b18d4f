import sys
import traceback
import io
import os

# Where this file is (tracebacks name it by its path): left out of what
# is printed.
PATH = os.path.dirname(traceback.extract_stack()[-1].filename) + os.sep
if PATH == os.sep:
    PATH = "\0"


def inner(x):
    return 10 // x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.replace(PATH, ""), end="")
    items = traceback.format_exception(*sys.exc_info())
    print(len(items), [i.replace(PATH, "") for i in items])
    print(traceback.format_exception_only(sys.exception()))
    buffer = io.StringIO()
    traceback.print_exc(file=buffer)
    print(buffer.getvalue() == text)
    tb = sys.exc_info()[2]
    print([i.replace(PATH, "") for i in traceback.format_tb(tb)])
    print([i.replace(PATH, "") for i in traceback.format_tb(tb, limit=1)])
    print("".join(traceback.format_exception(sys.exception(), limit=-1)).replace(PATH, ""), end="")
    summary = traceback.extract_tb(tb)
    print([(f.name, f.lineno, f.line) for f in summary])
    print(summary[0] == (summary[0].filename, 15, "<module>", "outer(0)"), repr(summary[-1]).replace(PATH, ""))
    name, line = [(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)][-1]
    print(name, line)


def chained():
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("bad value") from e


try:
    chained()
except ValueError as e:
    for item in traceback.format_exception(e):
        print(repr(item.replace(PATH, "")))
    print("".join(traceback.format_exception(e, chain=False)).replace(PATH, ""), end="")
    exc = e

print(traceback.format_exc())
print(traceback.format_exception_only(ValueError, ValueError("x")))
print(traceback.format_exception(None))
te = traceback.TracebackException.from_exception(exc)
print(str(te), [f.name for f in te.stack], type(te.__cause__).__name__)
print("".join(te.format()).replace(PATH, ""), end="")
print(list(te.format_exception_only()))

try:
    exec("1 +")
except SyntaxError as e:
    print(traceback.format_exception_only(e))

e = RuntimeError("noted")
e.add_note("a note")
print(traceback.format_exception_only(e))


def show_stack():
    return traceback.format_stack()


stack = show_stack()
print([s.replace(PATH, "") for s in stack])
print([(f.name, f.line) for f in traceback.extract_stack()])
print(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 4, "g", None)]))


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    return recurse(n - 1)


try:
    recurse(10)
except RecursionError:
    print(traceback.format_exc().replace(PATH, ""))


class Out(io.StringIO):
    def flush_to_stdout(self):
        print(self.getvalue().replace(PATH, ""), end="")


def where():
    out = Out()
    traceback.print_stack(file=out)
    out.flush_to_stdout()


def caller():
    value = where()
    return value


caller()


class Custom(Exception):
    def __str__(self):
        return "custom text"


try:
    try:
        raise Custom()
    except Custom:
        raise KeyError("k")
except KeyError:
    out = Out()
    traceback.print_exc(file=out)
    out.flush_to_stdout()

try:
    [1, 2][5]
except IndexError as e:
    out = Out()
    traceback.print_exception(type(e), e, e.__traceback__, limit=None, file=out)
    traceback.print_exception(type(e), e, None, file=out)
    traceback.print_tb(e.__traceback__, file=out)
    out.flush_to_stdout()
