# asyncio's event loop and futures: call_soon order, timers, handles,
# run_until_complete/run_forever/stop, Future states, errors and reprs.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(type(e).__name__, e)

loop = asyncio.new_event_loop()
print(type(loop).__name__, loop.is_running(), loop.is_closed())
log = []


def cb(tag, *more):
    log.append((tag,) + more)
    print("cb", tag, *more)


loop.call_soon(cb, "soon1")
h = loop.call_soon(cb, "cancelled")
loop.call_later(0.06, cb, "later-0.06")
loop.call_later(0.01, cb, "later-0.01")
loop.call_at(loop.time() + 0.01, cb, "at-0.01")
loop.call_soon(cb, "soon2", 1, 2)
h.cancel()
print(h.cancelled(), repr(h))
print(repr(loop.call_soon(print, "x", 1)))


def stopper():
    print("stopping, running:", loop.is_running())
    loop.stop()


loop.call_later(0.1, stopper)
loop.run_forever()
print("after run_forever", loop.is_running(), len(log))


# A callback that schedules more callbacks: they run in the next iteration.
def chain(n):
    print("chain", n)
    if n < 3:
        loop.call_soon(chain, n + 1)
        loop.call_soon(cb, f"side{n}")
    else:
        loop.stop()


loop.call_soon(chain, 0)
loop.call_soon(cb, "first-round")
loop.run_forever()

# Futures
fut = loop.create_future()
print(fut, fut.done(), fut.cancelled())
for meth in (fut.result, fut.exception):
    try:
        meth()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
fut.add_done_callback(lambda f: print("done cb 1", f.result()))
fut.add_done_callback(lambda f: print("done cb 2"))
loop.call_soon(fut.set_result, 42)
print(loop.run_until_complete(fut))
print(fut)
try:
    fut.set_result(1)
except asyncio.InvalidStateError as e:
    print(type(e).__name__, e)

f2 = loop.create_future()
f2.set_exception(ValueError("bad"))
print(f2, f2.exception())
try:
    loop.run_until_complete(f2)
except ValueError as e:
    print("raised", type(e).__name__, e)

f3 = loop.create_future()
print(f3.cancel("why"), f3.cancel(), f3.cancelled(), f3)
try:
    f3.result()
except asyncio.CancelledError as e:
    print(type(e).__name__, e, isinstance(e, Exception), isinstance(e, BaseException))

f4 = loop.create_future()
try:
    f4.set_exception(StopIteration())
except TypeError as e:
    print(type(e).__name__, e)
f4.set_exception(KeyError)
print(repr(f4.exception()))


def rm(f):
    print("never")


f5 = loop.create_future()
f5.add_done_callback(rm)
f5.add_done_callback(rm)
f5.add_done_callback(cb)
print(f5.remove_done_callback(rm), f5.remove_done_callback(rm))
f5.set_result("r" * 40)
print(f5)
loop.run_until_complete(asyncio.sleep(0))


async def coro(x):
    await asyncio.sleep(0.01)
    return x * 3


print(loop.run_until_complete(coro(5)))
print(asyncio.isfuture(fut), asyncio.isfuture(5), asyncio.iscoroutinefunction(coro),
      asyncio.iscoroutinefunction(cb))
c = coro(1)
print(asyncio.iscoroutine(c), asyncio.iscoroutine(coro))
import collections.abc


async def agen():
    yield


print(isinstance(c, collections.abc.Coroutine), isinstance(c, collections.abc.Awaitable),
      isinstance(agen(), collections.abc.AsyncGenerator), isinstance(agen(), collections.abc.Awaitable))
c.close()
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(cb, "closed")
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print(type(e).__name__, e)

# get_event_loop / set_event_loop
loop2 = asyncio.new_event_loop()
asyncio.set_event_loop(loop2)
print(asyncio.get_event_loop() is loop2)
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(type(e).__name__, e)
loop2.close()


async def inside():
    lp = asyncio.get_running_loop()
    print(lp is asyncio.get_event_loop(), lp.is_running())
    # The refused coroutines are closed: dropping them would warn.
    sleeper = asyncio.sleep(0)
    try:
        lp.run_until_complete(sleeper)
    except RuntimeError as e:
        print(type(e).__name__, e)
    sleeper.close()
    sleeper = asyncio.sleep(0)
    try:
        asyncio.run(sleeper)
    except RuntimeError as e:
        print(type(e).__name__, e)
    sleeper.close()
    return "inside done"


print(asyncio.run(inside()))
try:
    asyncio.run(5)
except ValueError as e:
    print(type(e).__name__, e)
