# gather, wait, wait_for, as_completed, shield, ensure_future and sleep
# results: result order, exception propagation, cancellation, timeouts.
import asyncio


async def job(name, delay, fail=None):
    print("job", name, "start")
    await asyncio.sleep(delay)
    if fail:
        print("job", name, "fails")
        raise fail
    print("job", name, "done")
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    # results follow the argument order, not the finishing order
    print(await asyncio.gather(job("slow", 0.03), job("fast", 0.01), job("now", 0)))
    print(await asyncio.gather())
    print(await asyncio.sleep(0.01, result="slept"), await asyncio.sleep(0, "zero"))

    # the first exception propagates; the others keep running
    try:
        await asyncio.gather(job("g1", 0.05), job("g2", 0.01, ValueError("g2 bad")))
    except ValueError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.08)

    # return_exceptions collects them in place
    res = await asyncio.gather(job("r1", 0), job("r2", 0, KeyError("k")),
                               asyncio.sleep(0, "s"), return_exceptions=True)
    print("return_exceptions:", res)

    # the same awaitable twice is run once
    t = asyncio.ensure_future(job("dup", 0))
    print(await asyncio.gather(t, t, t))

    # cancelling a gather cancels its children
    g = asyncio.gather(job("c1", 1), job("c2", 1))
    await asyncio.sleep(0)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())

    # a cancelled child is reported as CancelledError
    child = asyncio.create_task(job("child", 1))
    g2 = asyncio.gather(child, job("other", 0.01), return_exceptions=True)
    await asyncio.sleep(0)
    child.cancel("msg")
    print("gather with cancelled child:", [type(r).__name__ for r in await g2])

    # wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, timeout
    ts = [asyncio.create_task(job(f"w{i}", d), name=f"w{i}")
          for i, d in enumerate((0.6, 0.02, 0.25))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.4)
    print("after timeout:", names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print("all:", names(done), names(pending), [t.result() for t in ts])

    ts = [asyncio.create_task(job("e1", 0.01, RuntimeError("e1")), name="e1"),
          asyncio.create_task(job("e2", 0.06), name="e2")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), names(pending), repr(ts[0].exception()))
    await asyncio.wait(pending)
    never_run = job("x", 0)
    for bad in ([], never_run):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    # Refused coroutines are closed: dropping them would warn.
    never_run.close()
    sleeper = asyncio.sleep(0)
    try:
        await asyncio.wait([sleeper])
    except TypeError as e:
        print(type(e).__name__, e)
    sleeper.close()
    try:
        await asyncio.wait(ts, return_when="sometimes")
    except ValueError as e:
        print(type(e).__name__, e)

    # wait_for
    print(await asyncio.wait_for(job("wf", 0.01), timeout=1))
    try:
        await asyncio.wait_for(job("too slow", 1), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for:", type(e).__name__, type(e.__cause__).__name__,
              asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(job("zero", 0.01), timeout=0)
    except TimeoutError as e:
        print("wait_for(0):", type(e).__name__)
    print(await asyncio.wait_for(job("none", 0), None))

    # as_completed yields in completion order (tasks: a set of coroutines
    # would start in an order that depends on their addresses)
    acs = [asyncio.create_task(job(n, d)) for n, d in (("ac3", 0.09), ("ac1", 0.01), ("ac2", 0.05))]
    for coro in asyncio.as_completed(acs):
        print("as_completed ->", await coro)
    try:
        for coro in asyncio.as_completed([job("slowpoke", 1)], timeout=0.01):
            await coro
    except TimeoutError as e:
        print("as_completed timeout", type(e).__name__)

    # shield: the inner task survives the outer cancellation
    inner = asyncio.create_task(job("inner", 0.05))

    async def guarded():
        return await asyncio.shield(inner)

    outer = asyncio.create_task(guarded())
    await asyncio.sleep(0.005)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner:", inner.cancelled())
    print("inner result:", await inner)

    # done callbacks run in registration order, via call_soon
    f = asyncio.get_running_loop().create_future()
    for i in range(3):
        f.add_done_callback(lambda fut, i=i: print("callback", i, fut.result()))
    asyncio.get_running_loop().call_soon(print, "call_soon before set_result")
    f.set_result("value")
    print("set_result returned")
    await asyncio.sleep(0)
    print("after one iteration")


asyncio.run(main())
