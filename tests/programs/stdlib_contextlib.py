# contextlib: contextmanager (also as a decorator), suppress, closing,
# nullcontext, redirect_stdout/stderr, ExitStack, AbstractContextManager.
import contextlib
import io
import sys
from contextlib import (
    AbstractContextManager, ContextDecorator, ExitStack, closing, contextmanager,
    nullcontext, redirect_stderr, redirect_stdout, suppress)


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


log = []


@contextmanager
def tag(name):
    """Wrap in a tag."""
    log.append(f"<{name}>")
    try:
        yield name.upper()
    finally:
        log.append(f"</{name}>")


with tag("b") as value:
    log.append(value)
print(log, tag.__name__, tag.__doc__)
log.clear()

try:
    with tag("i"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e, log)
log.clear()


@contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as e:
        log.append(f"swallowed {type(e).__name__}")


with swallow(KeyError):
    raise KeyError("k")
print("after swallow", log)
log.clear()
try:
    with swallow(KeyError):
        raise IndexError("i")
except IndexError as e:
    print("not swallowed", repr(e))


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("translated") from e


try:
    with translate():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def yields_after_throw():
    try:
        yield
    except ValueError:
        yield


attempt("no yield", lambda: no_yield().__enter__())


def use(cm_factory, raise_inside=None):
    with cm_factory():
        if raise_inside:
            raise raise_inside
    return "done"


attempt("two yields", lambda: use(two_yields))
attempt("yield after throw", lambda: use(yields_after_throw, ValueError("v")))


@contextmanager
def passthrough():
    yield


def raise_stop():
    with passthrough():
        raise StopIteration("stop")


attempt("StopIteration through", raise_stop)


@contextmanager
def reraise_runtime():
    try:
        yield
    except RuntimeError:
        raise


def raise_runtime():
    with reraise_runtime():
        raise RuntimeError("rt")


attempt("RuntimeError re-raised", raise_runtime)


@contextmanager
def catch_and_stop():
    try:
        yield
    except Exception:
        return


def stop_inside():
    with catch_and_stop():
        raise ValueError("caught")
    return "suppressed by return"


attempt("return in except", stop_inside)


def exit_with_class():
    cm = passthrough()
    cm.__enter__()
    try:
        return cm.__exit__(KeyError, None, None)
    except KeyError as e:
        return f"raised {type(e).__name__}"


attempt("exit with class only", exit_with_class)


# As a decorator: each call gets a fresh generator.
@tag("call")
def decorated(x):
    log.append(f"body {x}")
    return x * 2


print(decorated(1), decorated(2), log, decorated.__name__)
log.clear()


class Tracker(ContextDecorator):
    def __enter__(self):
        log.append("enter")
        return self

    def __exit__(self, *exc):
        log.append(f"exit {exc[0].__name__ if exc[0] else None}")
        return False


@Tracker()
def tracked():
    log.append("tracked body")
    return 7


print(tracked(), log)
log.clear()

# suppress
with suppress(KeyError, IndexError):
    {}["missing"]
with suppress(LookupError):
    [][1]
with suppress():
    pass
print("suppressed")
try:
    with suppress(KeyError):
        raise ValueError("v")
except ValueError as e:
    print("not suppressed", e)
print(suppress(KeyError).__exit__(None, None, None), suppress(KeyError).__exit__(KeyError, KeyError(), None))


# closing
class Resource:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


res = Resource()
with closing(res) as entered:
    print(entered is res, res.closed)
print(res.closed)

# nullcontext
with nullcontext() as nothing:
    print("nullcontext", nothing)
with nullcontext(42) as value:
    print("nullcontext", value)
print(nullcontext(5).enter_result)

# redirect_stdout / redirect_stderr
buffer = io.StringIO()
with redirect_stdout(buffer) as target:
    print("captured line")
    print(target is buffer, sys.stdout is buffer)
print("back", repr(buffer.getvalue()), sys.stdout is sys.__stdout__)
err_buffer = io.StringIO()
with redirect_stderr(err_buffer):
    sys.stderr.write("to stderr\n")
print(repr(err_buffer.getvalue()), sys.stderr is sys.__stderr__)
outer, inner = io.StringIO(), io.StringIO()
reusable = redirect_stdout(outer)
with reusable:
    print("outer 1")
    with redirect_stdout(inner):
        print("inner")
    with reusable:
        print("outer again")
    print("outer 2")
print(repr(outer.getvalue()), repr(inner.getvalue()))

# ExitStack
order = []
with ExitStack() as stack:
    for name in ["a", "b", "c"]:
        stack.callback(order.append, name)
    print(stack.enter_context(tag("x")), stack.enter_context(nullcontext("n")))
    stack.push(lambda *exc: order.append(("push", exc[0])))
print(order, log)
log.clear()


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        order.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        order.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.suppress


order.clear()
with ExitStack() as stack:
    stack.enter_context(Manager("one", suppress=True))
    stack.enter_context(Manager("two"))
    raise KeyError("boom")
print(order)

order.clear()
stack = ExitStack()
stack.enter_context(Manager("held"))
moved = stack.pop_all()
stack.close()
print("after close", order)
moved.close()
print("after moved.close", order)

m = Manager("pushed")
order.clear()
with ExitStack() as stack:
    print(stack.push(m) is m)
print(order)


def cb(*args, **kwargs):
    order.append(("cb", args, kwargs))


order.clear()
with ExitStack() as stack:
    returned = stack.callback(cb, 1, key="v")
print(returned is cb, order)

attempt("enter_context int", lambda: ExitStack().enter_context(1))
attempt("enter_context no exit", lambda: ExitStack().enter_context(Resource()))


# Exceptions raised by callbacks chain to the one being handled.
def raiser(exc):
    def callback(*exc_details):
        raise exc
    return callback


try:
    with ExitStack() as stack:
        stack.push(raiser(IndexError("from first pushed")))
        stack.push(raiser(KeyError("from last pushed")))
        raise ValueError("body")
except Exception as e:
    chain = []
    while e is not None:
        chain.append(f"{type(e).__name__}({e})")
        e = e.__context__
    print(" <- ".join(chain))

try:
    with ExitStack() as stack:
        stack.push(raiser(KeyError("only")))
except KeyError as e:
    print("callback error", repr(e), e.__context__)


def suppressing(*exc_details):
    return True


try:
    with ExitStack() as stack:
        stack.push(suppressing)
        stack.push(raiser(TypeError("replaced")))
        raise ValueError("original")
    print("suppressed by earlier callback")
except Exception as e:
    print("unexpected", repr(e))

# AbstractContextManager
print(issubclass(Manager, AbstractContextManager), isinstance(res, AbstractContextManager),
      isinstance(nullcontext(), AbstractContextManager), issubclass(ExitStack, AbstractContextManager))


class Minimal(AbstractContextManager):
    def __exit__(self, *exc):
        return None


with Minimal() as minimal:
    print(type(minimal).__name__)


class NoExit(AbstractContextManager):
    pass


attempt("abstract", lambda: NoExit())


class Blocked(Manager):
    __exit__ = None


print(issubclass(Blocked, AbstractContextManager))
print(issubclass(contextlib.chdir, AbstractContextManager), contextlib.chdir("/tmp").path)
print(sorted(name for name in contextlib.__all__ if "sync" not in name and name != "aclosing"))
