import asyncio
from contextlib import (asynccontextmanager, AsyncExitStack, aclosing, nullcontext,
                        AbstractAsyncContextManager, AbstractContextManager)

log = []

@asynccontextmanager
async def resource(name, fail_exit=False):
    log.append(f"open {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} saw {e!r}")
        raise
    except ValueError:
        log.append(f"{name} swallowed ValueError")
    finally:
        log.append(f"close {name}")

@asynccontextmanager
async def no_yield():
    if False:
        yield

@asynccontextmanager
async def two_yields():
    yield 1
    yield 2

async def ticker(n):
    for i in range(n):
        yield i
    log.append("ticker done")

class AsyncCM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        log.append(f"enter {self.name}"); return self
    async def __aexit__(self, *exc):
        log.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        return False

async def main():
    async with resource("a") as r:
        log.append(f"body {r}")
    async with resource("b"):
        raise ValueError("x")
    log.append("after b")
    try:
        async with resource("c"):
            raise KeyError("k")
    except KeyError as e:
        log.append(f"caught {e!r}")
    for bad in (no_yield, two_yields):
        try:
            async with bad():
                pass
        except RuntimeError as e:
            log.append(f"RuntimeError {e}")
    @resource("deco")
    async def decorated(x):
        log.append(f"inside decorated {x}")
        return x * 2
    log.append(f"decorated -> {await decorated(21)}")
    async with aclosing(ticker(5)) as t:
        async for i in t:
            if i == 2:
                break
    log.append(f"after aclosing")
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(AsyncCM("one"))
        stack.enter_context(nullcontext())
        stack.callback(log.append, "sync callback")
        async def acb(msg): log.append(msg)
        stack.push_async_callback(acb, "async callback")
        stack.push_async_exit(AsyncCM("pushed"))
        log.append(f"in stack with {a.name}")
    try:
        async with AsyncExitStack() as stack:
            async def suppressor(*exc):
                log.append(f"suppressor saw {exc[0].__name__}")
                return True
            stack.push_async_exit(suppressor)
            await stack.enter_async_context(AsyncCM("two"))
            raise OSError("boom")
        log.append("suppressed by the stack")
    except OSError:
        log.append("not suppressed")
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(object())
    except TypeError as e:
        log.append(str(e))
    stack = AsyncExitStack()
    await stack.enter_async_context(AsyncCM("three"))
    other = stack.pop_all()
    await stack.aclose()
    log.append("popped")
    await other.aclose()
    async with nullcontext(5) as five:
        log.append(f"nullcontext {five}")
    log.append(str(isinstance(AsyncCM("x"), AbstractAsyncContextManager)))
    log.append(str(isinstance(nullcontext(), AbstractContextManager)))

asyncio.run(main())
print("\n".join(log))
