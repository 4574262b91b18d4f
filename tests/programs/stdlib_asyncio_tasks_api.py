# asyncio tasks: create_task, names, reprs, gather, wait, wait_for,
# shield, sleep, as_completed and cancellation messages.
import asyncio
import re


def clean(text):
    # Drop file locations and addresses from reprs.
    text = re.sub(r" at [^ >]+:\d+", "", str(text))
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def boom(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def names_and_reprs():
    t = asyncio.create_task(value(1), name="first")
    u = asyncio.create_task(value(2))
    print(t.get_name(), u.get_name().startswith("Task-"))
    t.set_name(42)
    print(repr(t.get_name()))
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)))
    await t
    print(clean(repr(t)), t.result(), await u)
    print(asyncio.current_task().get_name() == asyncio.current_task().get_name())
    print(t in asyncio.all_tasks(), asyncio.current_task() in asyncio.all_tasks())
    c = value(3)
    try:
        asyncio.Task(c, loop=asyncio.get_running_loop(), name=None).get_coro() is c
    finally:
        pass
    await asyncio.sleep(0)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError", e)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print("RuntimeError", e)
    print(hasattr(t, "get_context"), hasattr(t, "print_stack"))


async def gathering():
    print(await asyncio.gather(value(1), value(2, 0.01), value(3)))
    print(await asyncio.gather())
    r = await asyncio.gather(value(1), boom("bad"), value(3), return_exceptions=True)
    print([clean(repr(x)) for x in r])
    try:
        await asyncio.gather(value(1), boom("first", 0.01), boom("second", 0.02))
    except ValueError as e:
        print("gather raised", e)
    same = asyncio.ensure_future(value("dup"))
    print(await asyncio.gather(same, same, value("x")))
    # cancelling the gather cancels the children
    g = asyncio.gather(value(1, 1), value(2, 1))
    await asyncio.sleep(0)
    print(g.cancel("stop it"), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e.args))
    # a child cancelled, with return_exceptions
    child = asyncio.create_task(value(5, 1))
    g = asyncio.gather(child, value(6), return_exceptions=True)
    await asyncio.sleep(0)
    child.cancel("child msg")
    res = await g
    print([type(x).__name__ for x in res], res[0].args, res[1])
    # a child cancelled, without return_exceptions
    child = asyncio.create_task(value(5, 1))
    g = asyncio.gather(child, value(6))
    await asyncio.sleep(0)
    child.cancel("child msg 2")
    try:
        await g
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)


async def waiting():
    a = asyncio.create_task(value("a", 0.001), name="a")
    b = asyncio.create_task(value("b", 0.1), name="b")
    done, pending = await asyncio.wait({a, b}, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait([b])
    print(len(done), len(pending))
    c = asyncio.create_task(boom("c", 0.01))
    d = asyncio.create_task(value("d", 0.2))
    done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), c.exception())
    done, pending = await asyncio.wait([d], timeout=0.01)
    print(len(done), len(pending))
    d.cancel()
    for bad in ([], value(1)):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
        if asyncio.iscoroutine(bad):
            bad.close()
    try:
        await asyncio.wait([a], return_when="sometimes")
    except ValueError as e:
        print("ValueError", e)
    co = value(1)
    try:
        await asyncio.wait([co])
    except TypeError as e:
        print("TypeError", e)
    co.close()
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait(fut)
    except TypeError as e:
        print("TypeError", e)


async def timeouts_and_shield():
    print(await asyncio.wait_for(value("quick"), 1))
    print(await asyncio.wait_for(value("none"), None))
    try:
        await asyncio.wait_for(value("slow", 1), 0.01)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, asyncio.TimeoutError is TimeoutError,
              type(e.__cause__).__name__)
    try:
        await asyncio.wait_for(value("zero", 1), 0)
    except TimeoutError:
        print("zero timeout")
    done = asyncio.ensure_future(value("done"))
    await done
    print(await asyncio.wait_for(done, 0))
    inner = asyncio.create_task(value("inner", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", inner.cancelled())
    print(await inner)
    f = asyncio.shield(value("shielded"))
    print(await f)
    print(await asyncio.sleep(0.001, "slept"), await asyncio.sleep(0, "zero"),
          await asyncio.sleep(-1))


async def completed():
    order = []
    tasks = [value(n, n / 100) for n in (3, 1, 2)]
    for next_one in asyncio.as_completed(tasks):
        order.append(await next_one)
    print(order)
    outs = []
    for next_one in asyncio.as_completed([value(1, 0), value(2, 1)], timeout=0.1):
        try:
            outs.append(await next_one)
        except asyncio.TimeoutError:
            outs.append("timeout")
    print(outs)
    try:
        for x in asyncio.as_completed(asyncio.get_running_loop().create_future()):
            pass
    except TypeError as e:
        print("TypeError", e)
    for t in asyncio.all_tasks():
        if t is not asyncio.current_task():
            t.cancel()


async def cancelling():
    async def sleeper():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("sleeper caught", e.args)
            raise
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(t.cancel("reason"), t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaited", e.args, t.cancelled(), t.done())
    print(t.cancel(), t.uncancel(), t.uncancel(), t.uncancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception", e.args)

    async def ignorer():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "ignored"
    t = asyncio.create_task(ignorer())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())

    t = asyncio.create_task(value(1))
    t.cancel("before start")
    try:
        await t
    except asyncio.CancelledError as e:
        print("before start", e.args)

    async def self_cancel():
        asyncio.current_task().cancel("me")
        await asyncio.sleep(0)
        return "never"
    try:
        await asyncio.create_task(self_cancel())
    except asyncio.CancelledError as e:
        print("self", e.args)


async def main():
    await names_and_reprs()
    await gathering()
    await waiting()
    await timeouts_and_shield()
    await completed()
    await cancelling()
    return "main done"


print(asyncio.run(main()))
try:
    asyncio.run(value(1, "not a number"))
except TypeError as e:
    print("TypeError", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError", e)
