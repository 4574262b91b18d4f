import contextlib
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


def show(f):
    try:
        r = f()
        print("ok", r)
    except BaseException as e:
        print(type(e).__name__, e, "| ctx:", type(e.__context__).__name__ if e.__context__ else None,
              "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)


@contextmanager
def tag(name, log):
    log.append("enter " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("caught %r" % (e,))
    finally:
        log.append("exit " + name)


log = []
with tag("a", log) as v:
    log.append("body " + v)
with tag("b", log):
    raise KeyError("k")
print(log)


def raises_value():
    with tag("c", log):
        raise ValueError("v")
show(raises_value)
print(log[-2:])


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def swallow_all():
    try:
        yield
    except Exception:
        pass


@contextmanager
def reraise_other():
    try:
        yield
    except Exception as e:
        raise RuntimeError("wrapped") from e


@contextmanager
def yields_after_exc():
    try:
        yield
    except Exception:
        yield


@contextmanager
def plain():
    yield 5


def use(cm, exc=None):
    def run():
        with cm as v:
            if exc is not None:
                raise exc
            return v
    return run


show(use(no_yield()))
show(use(two_yields()))
show(use(swallow_all(), ValueError("x")))
show(use(reraise_other(), ValueError("x")))
show(use(yields_after_exc(), ValueError("x")))
show(use(plain(), StopIteration("s")))
show(use(plain(), GeneratorExit()))
show(use(plain(), KeyboardInterrupt()))
show(use(swallow_all(), StopIteration("s")))



cm = plain()
print(type(cm).__name__, cm.__doc__, sorted(vars(cm)))
with cm:
    pass
print(sorted(vars(cm)))
print(plain.__name__, plain.__wrapped__.__name__, tag.__doc__)


@contextmanager
def documented():
    """The doc."""
    yield
print(documented().__doc__)


# exceptions' identity and traceback
def ident():
    e = ValueError("same")
    try:
        with plain():
            raise e
    except ValueError as got:
        return got is e, got.__traceback__ is not None
show(ident)

# contextmanager as a decorator (recreated each call)
calls = []


@contextmanager
def around():
    calls.append("in")
    yield
    calls.append("out")


@around()
def decorated(x):
    calls.append(x)
    return x * 2


print(decorated(1), decorated(2), calls, decorated.__name__)


# with exception class only
print(plain().__exit__(ValueError, None, None))
gcm = swallow_all()
gcm.__enter__()
print(gcm.__exit__(ValueError, None, None))
gcm = plain()
gcm.__enter__()
show(lambda: gcm.__exit__(None, None, None))
gcm = two_yields()
gcm.__enter__()
show(lambda: gcm.__exit__(None, None, None))

# suppress
with suppress(KeyError, IndexError):
    {}[1]
with suppress():
    pass
show(lambda: suppress(KeyError).__exit__(None, None, None))
def sup_value():
    with suppress(KeyError):
        raise ValueError("not suppressed")
show(sup_value)
with suppress(Exception):
    raise ZeroDivisionError
print(suppress(LookupError).__exit__(KeyError, KeyError(), None))


class Thing:
    def close(self):
        print("closed")


with closing(Thing()) as t:
    print(type(t).__name__)
with nullcontext(42) as n:
    print(n)
with nullcontext() as n:
    print(n)

print(issubclass(type(plain()), contextlib.AbstractContextManager),
      isinstance(nullcontext(), contextlib.AbstractAsyncContextManager))


class Enterish:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None


class NoExit:
    def __enter__(self):
        return self


class NoneExit(Enterish):
    __exit__ = None


print(isinstance(Enterish(), contextlib.AbstractContextManager),
      isinstance(NoExit(), contextlib.AbstractContextManager),
      isinstance(NoneExit(), contextlib.AbstractContextManager),
      isinstance(1, contextlib.AbstractContextManager))
print(contextlib.AbstractContextManager[int], contextlib.AbstractAsyncContextManager[str])
print(sorted(contextlib.AbstractContextManager.__abstractmethods__))
print([c.__name__ for c in contextlib.ExitStack.__mro__])
print([c.__name__ for c in contextlib.nullcontext.__mro__])
print(sorted(contextlib.__all__))


class ACM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        print("exit", a[0])


with ACM() as a:
    print(type(a).__name__)
try:
    contextlib.AbstractContextManager()
except TypeError as e:
    print("TypeError", e)
