import io
import linecache
import os
import sys
import traceback

PATH = os.path.dirname(traceback.extract_stack()[-1].filename) + os.sep
if PATH == os.sep:
    PATH = "\0"


def clean(x):
    if isinstance(x, str):
        return x.replace(PATH, "")
    return [clean(i) for i in x]


def show(items):
    print(clean(list(items)))


def boom(n):
    if n == 0:
        raise KeyError("deep")
    boom(n - 1)


def catch(f, *a):
    try:
        f(*a)
    except BaseException as e:
        return e


# Chaining: cause, context, suppressed context.
def chained_cause():
    try:
        boom(1)
    except KeyError as e:
        raise ValueError("from cause") from e


def chained_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context") from None


for fn in (chained_cause, chained_context, suppressed):
    e = catch(fn)
    show(traceback.format_exception(e))
    show(traceback.format_exception(e, chain=False))
    show(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
    show(traceback.format_exception_only(e))
    show(traceback.format_exception_only(type(e), e))

# Notes.
e = catch(boom, 0)
e.add_note("first note")
e.add_note("second\nmultiline note")
show(traceback.format_exception(e))
show(traceback.format_exception_only(e))

# No traceback / None.
print(traceback.format_exception(ValueError("bare")))
print(traceback.format_exception_only(ValueError("x"), ValueError("bare")))
print(traceback.format_exception_only(None))
print(traceback.format_exception(None))
print(traceback.format_exception_only(KeyError, None))
print(traceback.format_exception_only(ValueError(), ))
print(traceback.format_exception_only(Exception("a", "b")))


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("nope")


print(traceback.format_exception_only(BadStr()))

# format_exc / print_exc / print_exception with files.
try:
    boom(2)
except KeyError:
    text = traceback.format_exc()
    text1 = traceback.format_exc(limit=1)
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    buf2 = io.StringIO()
    traceback.print_exc(limit=-1, file=buf2)
    print(clean(text), end="")
    print(clean(text1), end="")
    print(buf.getvalue() == text, clean(buf2.getvalue()), end="")
    exc = sys.exception()
print(traceback.format_exc())
buf = io.StringIO()
traceback.print_exception(exc, file=buf)
print(buf.getvalue() == text)
buf = io.StringIO()
traceback.print_exception(type(exc), exc, exc.__traceback__, limit=2, file=buf, chain=False)
print(clean(buf.getvalue()), end="")

# extract_tb / format_tb / print_tb / walk_tb / format_list.
tb = exc.__traceback__
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(fs.name, fs.lineno, repr(fs.line), clean(fs.filename) , len(fs))
print([f.lineno for f in traceback.extract_tb(tb, limit=2)], [f.lineno for f in traceback.extract_tb(tb, limit=-2)])
show(traceback.format_tb(tb))
show(traceback.format_tb(tb, 1))
print(traceback.format_tb(None))
show(traceback.format_list(summary))
show(traceback.format_list([("file.py", 3, "func", "x = 1"), ("other.py", 9, "g", None), ("f.py", 1, "h", "")]))
show(summary.format())
buf = io.StringIO()
traceback.print_tb(tb, limit=1, file=buf)
print(clean(buf.getvalue()), end="")
buf = io.StringIO()
traceback.print_list(summary[:1], file=buf)
print(clean(buf.getvalue()), end="")
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])

# FrameSummary.
fs = traceback.FrameSummary("nofile.py", 12, "fn", line="  some code  ")
print(fs.filename, fs.lineno, fs.name, repr(fs.line), fs.locals, list(fs), fs[2], fs[-1])
print(repr(fs), fs == ("nofile.py", 12, "fn", "some code"), fs == traceback.FrameSummary("nofile.py", 12, "fn", line="x"))
print(fs.end_lineno, fs.colno, fs.end_colno)
fs2 = traceback.FrameSummary("nofile.py", 12, "fn", lookup_line=False, locals={"a": [1, 2], "b": "s"})
print(fs2.locals, fs2.line, fs2 != fs)
fs3 = traceback.FrameSummary("nofile.py", None, "fn")
print(fs3.line)
linecache.cache["<virtual>"] = (10, None, ["first line\n", "  second = 2  \n"], "<virtual>")
fs4 = traceback.FrameSummary("<virtual>", 2, "mod")
print(repr(fs4.line), fs4 == ("<virtual>", 2, "mod", "second = 2"))

# StackSummary.from_list / extract with locals.
ss = traceback.StackSummary.from_list([("a.py", 1, "f", "pass"), fs4, ("b.py", 2, "g", None)])
print(type(ss).__name__, [f.name for f in ss])
show(ss.format())


def recursive(n):
    if n:
        return recursive(n - 1)
    return traceback.extract_stack()


st = recursive(8)
print([f.name for f in st][-10:])
show(st.format()[-4:])


def with_locals(x, y="why"):
    z = [x, y]
    return traceback.StackSummary.extract(traceback.walk_stack(None), limit=1, capture_locals=True)


s = with_locals(5)
print(s[0].name, sorted(s[0].locals.items()))
show(s.format())
s = traceback.StackSummary.extract(iter([]))
print(s, s.format())

# extract_stack / format_stack / print_stack / walk_stack.


def stack_user():
    here = traceback.extract_stack(limit=2)
    print([(f.name, f.line) for f in here])
    show(traceback.format_stack(limit=1))
    buf = io.StringIO()
    traceback.print_stack(limit=1, file=buf)
    print(clean(buf.getvalue()), end="")
    print([f.f_code.co_name for f, n in traceback.walk_stack(sys._getframe())][:2])
    show(traceback.format_stack(sys._getframe(), limit=1))


stack_user()

# TracebackException.
e = catch(chained_cause)
te = traceback.TracebackException.from_exception(e)
print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__, te.__context__)
print(te.__suppress_context__, te.__notes__, len(te.stack), te.__cause__.__cause__)
show(te.format())
show(te.format(chain=False))
show(te.format_exception_only())
print(te == traceback.TracebackException.from_exception(e))
te_lim = traceback.TracebackException(type(e), e, e.__traceback__, limit=0)
show(te_lim.format())
buf = io.StringIO()
te.print(file=buf)
print(clean(buf.getvalue()) == clean("".join(traceback.format_exception(e))))
e = catch(suppressed)
te = traceback.TracebackException.from_exception(e)
print(te.__suppress_context__, te.__context__ is not None)
show(te.format())
te = traceback.TracebackException(ValueError, ValueError("v"), None)
show(te.format())
show(te.stack.format())

# Self-referential context cycles.
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            a.__context__ = b
            raise a
except ValueError as final:
    show(traceback.format_exception(final))

traceback.clear_frames(tb)
print(sorted(traceback.__all__))
