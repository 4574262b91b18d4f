import asyncio
import inspect
from collections.abc import (Generator, Coroutine, AsyncGenerator, AsyncIterator,
                             AsyncIterable, Awaitable, Iterator, Iterable)


class Countdown(Generator):
    def __init__(self, n):
        self.n = n
        self.log = []
    def send(self, value):
        self.log.append(value)
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def throw(self, typ, val=None, tb=None):
        self.log.append(("throw", typ.__name__ if isinstance(typ, type) else type(typ).__name__))
        return super().throw(typ, val, tb)


c = Countdown(3)
print(list(c), c.log, iter(c) is c)
c2 = Countdown(3)
print(next(c2), c2.close(), c2.log)
try:
    Countdown(1).throw(ValueError, ValueError("v"))
except ValueError as e:
    print("ValueError", e)
try:
    Countdown(1).throw(KeyError)
except KeyError as e:
    print("KeyError", repr(e))


class Stubborn(Generator):
    def send(self, value):
        return 1
    def throw(self, *a):
        return 2


try:
    Stubborn().close()
except RuntimeError as e:
    print("RuntimeError", e)


class StubbornCoro(Coroutine):
    def send(self, value):
        return 1
    def throw(self, *a):
        return 2
    def __await__(self):
        return iter(())


try:
    StubbornCoro().close()
except RuntimeError as e:
    print("RuntimeError", e)
print(isinstance(StubbornCoro(), Awaitable), sorted(Coroutine.__abstractmethods__))


class Ticker(AsyncGenerator):
    def __init__(self, n):
        self.n = n
    async def asend(self, value):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
    async def athrow(self, typ, val=None, tb=None):
        if typ is GeneratorExit:
            self.n = -1
            raise StopAsyncIteration
        return await super().athrow(typ, val, tb)


class Stuck(AsyncGenerator):
    async def asend(self, value):
        return 1
    async def athrow(self, *a):
        return 2


async def main():
    t = Ticker(3)
    print([x async for x in t])
    t2 = Ticker(5)
    print(await t2.__anext__(), await t2.aclose(), t2.n)
    try:
        await Ticker(1).athrow(ValueError, ValueError("av"))
    except ValueError as e:
        print("ValueError", e)
    try:
        await Stuck().aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(t2.__aiter__() is t2)


asyncio.run(main())
print(inspect.iscoroutinefunction(AsyncGenerator.__anext__), inspect.iscoroutinefunction(AsyncGenerator.aclose),
      inspect.iscoroutinefunction(AsyncIterator.__anext__), inspect.iscoroutinefunction(AsyncIterator.__aiter__))
print(sorted(AsyncGenerator.__abstractmethods__), sorted(AsyncIterator.__abstractmethods__))
print(isinstance(Ticker(1), AsyncIterable), isinstance(Ticker(1), Iterable))


async def agen():
    yield 1


def gen():
    yield 1


async def coro():
    pass


co = coro()
print(isinstance(agen(), AsyncGenerator), isinstance(gen(), Generator), isinstance(co, Coroutine), isinstance(co, Awaitable))
co.close()
print(isinstance(gen(), Iterator), isinstance(agen(), AsyncIterator), isinstance(iter([]), Generator))
