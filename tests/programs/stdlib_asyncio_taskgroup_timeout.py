# TaskGroup (errors, ExceptionGroup, cancellation, nesting) and
# asyncio.timeout / timeout_at (expiry, reschedule, reprs, errors).
import asyncio
import re


def clean(obj):
    text = re.sub(r" at [^ >]+:\d+", "", repr(obj))
    text = re.sub(r"when=[0-9.]+", "when=T", text)
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


def show_group(eg):
    print(type(eg).__name__, repr(str(eg)),
          [f"{type(e).__name__}({e})" for e in eg.exceptions])


async def groups():
    async with asyncio.TaskGroup() as tg:
        print(clean(tg))
        a = tg.create_task(value(1))
        b = tg.create_task(value(2, 0.001), name="bee")
        print(clean(tg), b.get_name())
    print(a.result(), b.result(), clean(tg))

    try:
        async with asyncio.TaskGroup() as tg:
            # (Both fail in the same loop step: no timers to race.)
            tg.create_task(fail(ValueError("one")))
            tg.create_task(fail(TypeError("two")))
            slow = tg.create_task(value("slow", 1))
    except* ValueError as eg:
        show_group(eg)
    except* TypeError as eg:
        show_group(eg)
    print("slow cancelled:", slow.cancelled())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError("k")))
            await asyncio.sleep(1)
            print("not reached")
    except ExceptionGroup as eg:
        show_group(eg)
        print(asyncio.current_task().cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(value(1, 1))
            raise RuntimeError("body fails")
    except ExceptionGroup as eg:
        show_group(eg)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(OSError("inner"), 0.001))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(fail(ValueError("nested")))
    except ExceptionGroup as eg:
        print(eg.__class__.__name__, len(eg.exceptions),
              [type(e).__name__ for e in eg.exceptions])
        sub = [e for e in eg.exceptions if isinstance(e, ExceptionGroup)]
        if sub:
            show_group(sub[0])

    tg = asyncio.TaskGroup()
    coro = value(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError", clean(e))
    coro.close()
    async with tg:
        pass
    coro = value(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError", clean(e))
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError", clean(e))

    # the parent is cancelled from outside
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(value(1, 1))
            await asyncio.sleep(1)
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.001)
    p.cancel("outer")
    try:
        await p
    except asyncio.CancelledError as e:
        print("parent cancelled", e.args)


async def timeouts():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01) as cm:
            print(clean(cm), cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out", type(e.__cause__).__name__, cm.expired(), clean(cm))

    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print(cm.expired(), clean(cm))

    async with asyncio.timeout(None) as cm:
        print(cm.when(), clean(cm))
        cm.reschedule(loop.time() + 1)
        print(clean(cm))
        cm.reschedule(None)
    print(clean(cm))

    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("already past", clean(cm))

    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled into the past")

    try:
        async with asyncio.timeout(0.001):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner sees CancelledError")
                raise
    except TimeoutError:
        print("and the block raises TimeoutError")

    t = asyncio.timeout(1)
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError", e)
    async with t:
        pass
    for action in (lambda: t.reschedule(2),):
        try:
            action()
        except RuntimeError as e:
            print("RuntimeError", e)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
    print(asyncio.Timeout(None).when(), clean(asyncio.timeout_at(5)))

    # a cancellation from outside is not turned into TimeoutError
    async def inner():
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
    task = asyncio.create_task(inner())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outer cancellation stays CancelledError")


async def main():
    await groups()
    await timeouts()


asyncio.run(main())
try:
    asyncio.timeout(1)
except RuntimeError as e:
    print("RuntimeError", e)
