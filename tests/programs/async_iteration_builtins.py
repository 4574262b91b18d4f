# aiter()/anext() (with a default: CPython's anext_awaitable); yield from an iterator whose __next__ raises StopIteration(value).
class A:
    def __aiter__(self): return 5
try: aiter(A())
except TypeError as e: print(e)
try: aiter(5)
except TypeError as e: print(e)
class B:
    def __anext__(self): return 1
try: anext(5)
except TypeError as e: print(e)
print(anext(B()))
print(type(anext(B(), 2)).__name__)
import asyncio
async def agen():
    yield 1
class Counter:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        await asyncio.sleep(0)
        return self.n
async def main():
    g = agen()
    print(await anext(g), await anext(g, 'done'))
    it = aiter(g)
    print(it is g)
    try:
        await anext(g)
    except StopAsyncIteration: print('stop')
    c = aiter(Counter())
    print(await anext(c), await anext(c, 'x'), await anext(c, 'end'), await anext(c, None))
    async for v in aiter(Counter()):
        print("for", v)
asyncio.run(main())
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration("result")
        return self.n
def g():
    r = yield from It()
    print("got", r)
print(list(g()))
