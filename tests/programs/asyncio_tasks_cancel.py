import re
# Tasks: creation order, names, current_task/all_tasks, cancellation
# (messages, catching, cancelling/uncancel), exceptions, and what
# asyncio.run does with tasks left at exit.
import asyncio


async def ticker(name, n, delay):
    for i in range(n):
        print(name, "tick", i)
        await asyncio.sleep(delay)
    return f"{name} finished"


async def sleeper(name):
    try:
        print(name, "sleeping")
        await asyncio.sleep(1)
        print(name, "woke (unexpected)")
    except asyncio.CancelledError as e:
        print(name, "cancelled with", repr(e.args))
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    await asyncio.sleep(0)
    return "stubborn survived"


async def failing():
    await asyncio.sleep(0)
    raise KeyError("missing")


async def main():
    me = asyncio.current_task()
    print("main is", me.get_name(), me.done())
    t1 = asyncio.create_task(ticker("A", 3, 0))
    t2 = asyncio.create_task(ticker("B", 2, 0), name="bee")
    print(t1.get_name(), t2.get_name())
    t2.set_name("B-task")
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(await t1, "|", await t2)
    print(t1.done(), t1.result(), re.sub(r"defined at .*:", "defined at FILE:", repr(t1)))
    print(len(asyncio.all_tasks()))

    # cancel a sleeping task, with a message
    s = asyncio.create_task(sleeper("S"))
    await asyncio.sleep(0)
    print("cancel ->", s.cancel("stop now"), s.cancelling())
    print("cancel again ->", s.cancel(), s.cancelling())
    try:
        await s
    except asyncio.CancelledError as e:
        print("awaiting S raised CancelledError", e.args)
    print(s.cancelled(), s.done(), s.cancel())
    try:
        s.result()
    except asyncio.CancelledError as e:
        print("result():", type(e).__name__, e.args)

    # cancel before the first step: the coroutine never runs
    s2 = asyncio.create_task(sleeper("S2"))
    s2.cancel()
    try:
        await s2
    except asyncio.CancelledError:
        print("S2 cancelled before starting:", s2.cancelled())

    # a task may refuse cancellation
    st = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    st.cancel()
    print(await st, st.cancelled(), st.cancelling(), st.uncancel(), st.uncancel())

    # exceptions are stored and re-raised
    f = asyncio.create_task(failing())
    try:
        await f
    except KeyError as e:
        print("failing raised", repr(e), f.exception() is e)
    print(re.sub(r"defined at .*:", "defined at FILE:", repr(f)))

    # awaiting a task from several tasks
    shared = asyncio.create_task(ticker("shared", 1, 0.01))

    async def waiter(i):
        r = await shared
        print("waiter", i, "got", r)

    await asyncio.gather(waiter(1), waiter(2))

    # Task.set_result is not allowed; tasks need coroutines
    try:
        shared.set_result(1)
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        asyncio.create_task(ticker)
    except TypeError as e:
        print(type(e).__name__, str(e).split(" at ")[0])

    # cancelling the current task from inside
    async def self_cancel():
        asyncio.current_task().cancel()
        print("self cancel requested")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("self cancel delivered")
            return "kept going"

    print(await asyncio.create_task(self_cancel()))

    # left running at exit: asyncio.run cancels it
    asyncio.create_task(sleeper("leftover"))
    await asyncio.sleep(0)
    print("main returns")
    return 7


print("run ->", asyncio.run(main()))


async def boom():
    await asyncio.sleep(0)
    raise ValueError("from main")


try:
    asyncio.run(boom())
except ValueError as e:
    print("asyncio.run raised", type(e).__name__, e)


async def cancelled_main():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)

try:
    asyncio.run(cancelled_main())
except asyncio.CancelledError as e:
    print("asyncio.run raised", type(e).__name__)
print(asyncio.current_task(asyncio.new_event_loop()))
