# asyncio.timeout/timeout_at (reschedule, expired, nesting) and TaskGroup
# (waiting for children, cancelling siblings on error, the group of errors).
import asyncio


async def step(name, delay, fail=None):
    try:
        print(name, "starts")
        await asyncio.sleep(delay)
        if fail is not None:
            print(name, "raises", type(fail).__name__)
            raise fail
        print(name, "ends")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()

    # a timeout that does not expire
    async with asyncio.timeout(1) as cm:
        await step("quick", 0.01)
    print("expired:", cm.expired(), repr(cm))

    # a timeout that expires: the block is cancelled, TimeoutError raised
    try:
        async with asyncio.timeout(0.01) as cm:
            await step("slow", 1)
    except TimeoutError as e:
        print("TimeoutError", type(e.__cause__).__name__, cm.expired(), repr(cm))
    print("cancelling:", asyncio.current_task().cancelling())

    # None: no deadline; reschedule later on
    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
        cm.reschedule(loop.time() + 1)
        print("rescheduled:", cm.when() > loop.time())
        cm.reschedule(None)
        await step("unbounded", 0.01)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        asyncio.timeout(1).reschedule(1)
    except RuntimeError as e:
        print(type(e).__name__, e)

    # timeout_at in the past expires at the next iteration
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("inside past deadline")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline -> TimeoutError")

    # nested: the inner one expires first and only it raises
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await step("nested", 1)
            except TimeoutError:
                print("inner expired:", inner.expired(), "outer:", outer.expired())
            await step("after inner", 0)
    except TimeoutError:
        print("outer raised (unexpected)")

    # an outer timeout that expires while an inner one is pending
    try:
        async with asyncio.timeout(0.01) as outer:
            async with asyncio.timeout(1) as inner:
                await step("deep", 1)
    except TimeoutError:
        print("outer expired:", outer.expired(), "inner:", inner.expired())

    # TaskGroup: waits for all children
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(step("tg1", 0.06))
        t2 = tg.create_task(step("tg2", 0.01), name="second")
        print("in group:", t2.get_name())
    print("group done:", t1.result(), t2.result())

    # an error cancels the siblings and the body; errors are grouped
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("ok", 0.01))
            tg.create_task(step("bad", 0.05, ValueError("bad one")))
            tg.create_task(step("long", 1))
            await step("body", 1)
    except Exception as e:
        print(type(e).__name__, e, [repr(x) for x in e.exceptions],
              isinstance(e, Exception), e.__cause__, e.__suppress_context__)

    # two children failing in the same iteration
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("e1", 0, KeyError("k")))
            tg.create_task(step("e2", 0, IndexError("i")))
    except Exception as e:
        print(type(e).__name__, e, [type(x).__name__ for x in e.exceptions])

    # an error in the body itself
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("child", 1))
            await asyncio.sleep(0)
            raise RuntimeError("body failed")
    except Exception as e:
        print(type(e).__name__, e, [repr(x) for x in e.exceptions])

    # the group may not be used after it finished
    late = step("late", 0)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        print(type(e).__name__, e)
    late.close()  # refused, never run: dropping it would warn

    # a TaskGroup inside a timeout
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(step("tt1", 1))
    except TimeoutError:
        print("TaskGroup timed out")

    # wait_for and cancellation of the waiting task
    async def wrapper():
        return await asyncio.wait_for(step("wrapped", 1), 5)

    w = asyncio.create_task(wrapper())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("wrapper cancelled:", w.cancelled())


asyncio.run(main())
