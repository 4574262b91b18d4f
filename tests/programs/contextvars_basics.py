# contextvars: variables, tokens, contexts, and asyncio tasks each in their own context.
import asyncio
import contextvars
from contextvars import ContextVar, copy_context, Context, Token

request = ContextVar("request", default="none")
plain = ContextVar("plain")
print(request.name, request.get(), plain.get("fallback"))
try:
    plain.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is plain)
token = request.set("first")
print(request.get(), token.var is request, token.old_value is Token.MISSING, repr(Token.MISSING))
token2 = request.set("second")
print(token2.old_value)
request.reset(token2)
print(request.get())
try:
    request.reset(token2)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    plain.reset(token)
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))
ctx = copy_context()
print(len(ctx), request in ctx, ctx[request], ctx.get(plain, "x"), list(ctx.keys()) == [request], list(ctx.values()), [(k.name, v) for k, v in ctx.items()])
def inside(n):
    request.set("inside %d" % n)
    plain.set(n)
    return request.get(), plain.get()
print(ctx.run(inside, 1))
print(request.get(), plain.get("unset"), ctx[request], ctx[plain])
try:
    ctx.run(ctx.run, inside, 2)
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))
try:
    ctx.run(lambda: request.reset(token))
except ValueError as e:
    print("ValueError", "different Context" in str(e))
empty = Context()
print(len(empty), empty.run(request.get), empty.run(plain.get, "dflt"))
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    ctx[5]
except TypeError as e:
    print("TypeError", e)
print(ContextVar[int], "default=" in repr(request), repr(plain).startswith("<ContextVar name='plain' at 0x"))

async def handler(n):
    request.set("req%d" % n)
    await asyncio.sleep(0)
    await asyncio.sleep(0.001 * (3 - n))
    return n, request.get()

async def main():
    request.set("main")
    results = await asyncio.gather(*(handler(n) for n in range(3)))
    print(results, request.get())
    task = asyncio.create_task(handler(7))
    print(await task, request.get())
    ctx2 = copy_context()
    ctx2.run(request.set, "custom")
    t = asyncio.get_running_loop().create_task(handler(9), context=ctx2)
    await t
    print(ctx2[request], request.get())
    seen = []
    loop = asyncio.get_running_loop()
    other = Context()
    other.run(request.set, "callback ctx")
    loop.call_soon(lambda: seen.append(request.get()), context=other)
    await asyncio.sleep(0)
    print(seen)

asyncio.run(main())
print(request.get())
