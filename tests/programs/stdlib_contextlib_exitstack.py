import asyncio
import contextlib
import io
import os
import sys
from contextlib import ExitStack, AsyncExitStack


def describe(e):
    chain = []
    while e is not None:
        chain.append("%s(%s)" % (type(e).__name__, e))
        e = e.__context__
    return " <- ".join(chain)


class CM:
    def __init__(self, name, log, suppress=False, raise_on_exit=None):
        self.name, self.log, self.suppress, self.raise_on_exit = name, log, suppress, raise_on_exit
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        self.log.append("exit %s %s" % (self.name, et.__name__ if et else None))
        if self.raise_on_exit:
            raise self.raise_on_exit
        return self.suppress


log = []
with ExitStack() as st:
    print(st.enter_context(CM("a", log)), st.enter_context(CM("b", log)))
    r = st.callback(log.append, "cb1")
    print(r is log.append)
    st.push(lambda *a: log.append(("push", a[0])))
    st.push(CM("pushed", log))
print(log)

log = []
try:
    with ExitStack() as st:
        st.enter_context(CM("outer", log))
        st.enter_context(CM("sup", log, suppress=True))
        st.enter_context(CM("inner", log))
        raise KeyError("body")
    print("suppressed")
except KeyError:
    print("not suppressed")
print(log)

log = []
try:
    with ExitStack() as st:
        st.enter_context(CM("first", log))
        st.enter_context(CM("boom", log, raise_on_exit=ValueError("exit-boom")))
        st.enter_context(CM("last", log))
        raise KeyError("body")
except Exception as e:
    print(describe(e))
print(log)

log = []
try:
    with ExitStack() as st:
        st.enter_context(CM("b1", log, raise_on_exit=IndexError("one")))
        st.enter_context(CM("b2", log, raise_on_exit=ValueError("two")))
except Exception as e:
    print(describe(e))

try:
    try:
        raise OSError("outer")
    except OSError:
        with ExitStack() as st:
            st.enter_context(CM("x", log, raise_on_exit=ValueError("in-handler")))
            raise KeyError("k")
except Exception as e:
    print(describe(e))

# suppressing, then a new error
log = []
try:
    with ExitStack() as st:
        st.enter_context(CM("late", log, raise_on_exit=TypeError("late")))
        st.enter_context(CM("sup", log, suppress=True))
        raise KeyError("k")
except Exception as e:
    print(describe(e))

# pop_all / close
log = []
with ExitStack() as st:
    st.callback(log.append, 1)
    moved = st.pop_all()
print(log, type(moved).__name__)
moved.close()
print(log)
moved.close()
print(log)

# callback keyword args and __wrapped__
st = ExitStack()
st.callback(lambda *a, **k: print("cb", a, sorted(k.items())), 1, 2, x=3)
print(st._exit_callbacks[-1][1].__wrapped__.__name__)
st.close()

# errors
st = ExitStack()
for bad in (1, object(), "s"):
    try:
        st.enter_context(bad)
    except TypeError as e:
        print("TypeError", e)


class EnterOnly:
    def __enter__(self):
        return 1


try:
    st.enter_context(EnterOnly())
except TypeError as e:
    print("TypeError", e)

# exit returns
st = ExitStack()
print(st.__enter__() is st, st.__exit__(None, None, None))
st = ExitStack()
st.push(lambda *a: True)
print(st.__exit__(KeyError, KeyError(), None))
st = ExitStack()
st.push(lambda *a: True)
print(st.__exit__(None, None, None))

# redirect
buf = io.StringIO()
with contextlib.redirect_stdout(buf) as target:
    print("captured")
    print(target is buf)
print(repr(buf.getvalue()))
err = io.StringIO()
r = contextlib.redirect_stderr(err)
with r:
    with r:
        sys.stderr.write("e1\n")
    sys.stderr.write("e2\n")
print(sys.stderr is sys.__stderr__, repr(err.getvalue()))

# chdir
here = os.getcwd()
with contextlib.chdir("/") as res:
    print(res, os.getcwd())
print(os.getcwd() == here)


# async
class ACM:
    def __init__(self, name, log):
        self.name, self.log = name, log
    async def __aenter__(self):
        self.log.append("aenter " + self.name)
        return self.name
    async def __aexit__(self, et, ev, tb):
        self.log.append("aexit %s %s" % (self.name, et.__name__ if et else None))
        return False


@contextlib.asynccontextmanager
async def agen(log, name):
    log.append("ag-in " + name)
    try:
        yield name
    except ValueError:
        log.append("ag-caught")
    finally:
        log.append("ag-out " + name)


@contextlib.asynccontextmanager
async def anoyield():
    if False:
        yield


class AGen:
    def __init__(self):
        self.closed = False
    async def aclose(self):
        self.closed = True


async def main():
    log = []
    async with AsyncExitStack() as st:
        print(await st.enter_async_context(ACM("a", log)))
        print(st.enter_context(CM("s", log)))
        async def acb(x):
            log.append(("acb", x))
        st.push_async_callback(acb, 1)
        st.callback(log.append, "synccb")
        st.push_async_exit(ACM("pushed", log))
        async def aexit(*a):
            log.append(("aexit-fn", a[0]))
        st.push_async_exit(aexit)
    print(log)
    log = []
    async with agen(log, "g") as v:
        log.append(v)
    async with agen(log, "h"):
        raise ValueError("swallowed")
    print(log)
    try:
        async with anoyield():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        async with AsyncExitStack() as st:
            await st.enter_async_context(1)
    except TypeError as e:
        print("TypeError", e)
    g = AGen()
    async with contextlib.aclosing(g) as same:
        print(same is g)
    print(g.closed)
    async with contextlib.nullcontext(7) as n:
        print(n)
    st = AsyncExitStack()
    st.push_async_exit(lambda *a: asyncio.sleep(0, result=True))
    print(await st.__aexit__(KeyError, KeyError(), None))
    st = AsyncExitStack()
    async def bad(*a):
        raise IndexError("from-async-cb")
    st.push_async_exit(bad)
    try:
        await st.aclose()
    except IndexError as e:
        print("IndexError", e)

    @agen([], "dec")
    async def decorated(x):
        return x + 1
    print(await decorated(1), await decorated(2))


asyncio.run(main())
