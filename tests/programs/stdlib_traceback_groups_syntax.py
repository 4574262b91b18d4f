import os
import sys
import traceback

PATH = os.path.dirname(traceback.extract_stack()[-1].filename) + os.sep
if PATH == os.sep:
    PATH = "\0"


def show(items):
    print([x.replace(PATH, "") for x in items])


def leaf(kind, msg):
    try:
        raise kind(msg)
    except BaseException as e:
        return e


def group():
    inner = ExceptionGroup("inner", [leaf(ValueError, "v1"), leaf(TypeError, "t1")])
    try:
        raise ExceptionGroup("outer", [inner, leaf(KeyError, "k")])
    except ExceptionGroup as e:
        return e


g = group()
show(traceback.format_exception(g))
show(traceback.format_exception_only(g))
te = traceback.TracebackException.from_exception(g)
print(len(te.exceptions), [len(x.exceptions or ()) for x in te.exceptions])
show(te.format())
te = traceback.TracebackException.from_exception(g, max_group_width=1, max_group_depth=1)
show(te.format())
wide = ExceptionGroup("wide", [ValueError(i) for i in range(20)])
show(traceback.format_exception(wide))
deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup("level %d" % i, [deep])
show(traceback.format_exception(deep))


def chained_group():
    try:
        1 / 0
    except Exception as e:
        try:
            raise KeyError(1) from e
        except KeyError as k:
            raise ExceptionGroup("g", [ValueError(1), k, TypeError(2)])


g = None
try:
    chained_group()
except ExceptionGroup as caught:
    g = caught
for width, depth in [(2, 10), (1, 1), (5, 0), (15, 2)]:
    te = traceback.TracebackException.from_exception(g, max_group_width=width, max_group_depth=depth)
    show(te.format())
    show(te.format(chain=False))
te = traceback.TracebackException.from_exception(deep, max_group_depth=3)
show(te.format())
te = traceback.TracebackException.from_exception(wide, max_group_width=3, limit=0)
show(te.format())
print(te.max_group_width, te.max_group_depth, [x.exc_type.__name__ for x in te.exceptions][:3])

for src in ["x = (1,\n", "a b c", "x = 1 +\n", "  indented", "f(**)", "print 'x'"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
        show(traceback.format_exception_only(e))
        te = traceback.TracebackException.from_exception(e)
        print(te.filename, te.lineno, repr(te.text), te.offset, te.msg)
        show(te.format_exception_only())

e = SyntaxError("custom", ("file.py", 3, 5, "    bad line here\n", 3, 9))
show(traceback.format_exception_only(e))
e = SyntaxError("custom")
show(traceback.format_exception_only(e))
e = SyntaxError("off", ("f.py", 1, 0, "abc"))
show(traceback.format_exception_only(e))
e = IndentationError("unexpected indent", ("m.py", 4, 2, "  x\n"))
show(traceback.format_exception_only(e))


class MyErr(Exception):
    pass


class Outer:
    class NestedErr(Exception):
        pass


show(traceback.format_exception_only(MyErr("mine")))
show(traceback.format_exception_only(Outer.NestedErr("nested")))
show(traceback.format_exception_only(KeyboardInterrupt()))
show(traceback.format_exception_only(SystemExit(3)))
e = ValueError("x")
e.__notes__ = ["ok", 42]
show(traceback.format_exception_only(e))
noted = ExceptionGroup("noted", [leaf(OSError, "disk")])
noted.add_note("group note")
noted.exceptions[0].add_note("leaf note")
show(traceback.format_exception(noted))
try:
    try:
        raise noted
    except ExceptionGroup:
        raise RuntimeError("after group")
except RuntimeError as r:
    show(traceback.format_exception(r))
    show(traceback.format_exception(r, limit=1))
