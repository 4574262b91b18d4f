# Cancellation through chains of awaited tasks: messages, tasks that
# swallow the cancel, uncancel() before delivery; asyncio.Runner.
import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner got", e.args)
        raise
async def outer():
    try:
        await asyncio.create_task(inner())
    except asyncio.CancelledError as e:
        print("outer got", e.args, type(e.__context__).__name__)
        raise
async def catcher():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass
    return "caught"
async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0); await asyncio.sleep(0)
    t.cancel("bye")
    r = await asyncio.gather(t, return_exceptions=True)
    print(r, t.cancelling())
    # cancel a task awaiting a task that swallows cancellation
    c = asyncio.create_task(catcher())
    async def waiting():
        return await c
    w = asyncio.create_task(waiting())
    await asyncio.sleep(0); await asyncio.sleep(0)
    print(w.cancel(), w.cancelling())
    print(await asyncio.gather(w, return_exceptions=True), w.cancelled(), c.result())
    # cancel and then uncancel before it is delivered
    async def quick():
        await asyncio.sleep(0)
        return "q"
    q = asyncio.create_task(quick())
    q.cancel(); print(q.uncancel())
    print(await asyncio.gather(q, return_exceptions=True))
    # timeouts inside wait_for inside gather
    res = await asyncio.gather(asyncio.wait_for(asyncio.sleep(0.2, 'a'), 0.01),
                               asyncio.wait_for(asyncio.sleep(0.01, 'b'), 0.2),
                               return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res])
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01); ev.set()
    st = asyncio.create_task(setter())
    async with asyncio.timeout(1):
        await ev.wait()
    print("event ok")
    # exception chaining in future result
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    try:
        await f
    except asyncio.CancelledError as e:
        print("cancelled future", e.args)
    print(asyncio.current_task().cancelling())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

with asyncio.Runner() as runner:
    runner.run(main())
    print(runner.get_loop().is_closed(), runner.run(asyncio.sleep(0, "again")))
sleeper = asyncio.sleep(0)
try:
    runner.run(sleeper)
except RuntimeError as e:
    print(type(e).__name__, e)
sleeper.close()  # refused, never run: dropping it would warn
