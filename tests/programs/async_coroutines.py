import types

async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(main()))
c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_code.co_name)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            got = yield ("tick", i)
            print("resumed with", got)
        return "slept"

async def sleeper():
    r = await Sleep(2)
    print("sleeper got", r)
    return r.upper()

co = sleeper()
print(co.send(None))
print(co.send("a"))
try:
    co.send("b")
except StopIteration as e:
    print("done", e.value)

# awaiting something that is not awaitable
async def bad():
    await 5
try:
    run(bad())
except TypeError as e:
    print("TypeError", e)

class BadAwait:
    def __await__(self):
        return 42
async def bad2():
    await BadAwait()
try:
    run(bad2())
except TypeError as e:
    print("TypeError", e)

# throw into a coroutine waiting on an awaitable
async def catcher():
    try:
        await Sleep(5)
    except ValueError as e:
        print("caught", e)
        return "recovered"
co = catcher()
co.send(None)
try:
    co.throw(ValueError("boom"))
except StopIteration as e:
    print("after throw", e.value)

# close
co = catcher()
co.send(None)
co.close()
print("closed", co.cr_await)

# async with
class CM:
    async def __aenter__(self):
        print("enter")
        await Sleep(1)
        return "resource"
    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True

async def use_cm():
    async with CM() as r:
        print("inside", r)
    async with CM():
        raise KeyError("suppressed")
    return "ok"
print(run(use_cm()))

# async for with a class-based async iterator
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(0)
        return self.n

async def count():
    out = []
    async for i in Countdown(3):
        out.append(i)
    else:
        out.append("else")
    return out
print(run(count()))

# async generators
async def agen(n):
    for i in range(n):
        await Sleep(1)
        yield i * 10
    print("agen done")

async def consume():
    got = []
    async for v in agen(3):
        got.append(v)
    return got
print(run(consume()))

async def comp():
    a = [v async for v in agen(2)]
    b = [await add(i, 1) for i in range(3)]
    c = {v: v async for v in agen(2) if v}
    return a, b, c
print(run(comp()))

async def manual():
    g = agen(5)
    print(await g.__anext__())
    print(await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    return type(g).__name__
print(run(manual()))

@types.coroutine
def legacy():
    yield "legacy-step"
    return "legacy-result"

async def uses_legacy():
    return await legacy()
co = uses_legacy()
print(co.send(None))
try:
    co.send(None)
except StopIteration as e:
    print(e.value)

# Coroutines that never run are closed: dropping them would warn.
async def f():
    pass
never_run = f()
try:
    for x in never_run:
        pass
except TypeError as e:
    print("TypeError", e)
never_run.close()
added = add(1, 2)
print(repr(added)[:26])
added.close()
