# The event loop (call_soon, call_later, call_at, run_until_complete,
# exception handlers, task factories, policies) and the Future API.
import asyncio
import functools
import re


def clean(obj):
    text = re.sub(r" at [^ >]+:\d+", "", repr(obj))
    text = re.sub(r"when=[0-9.e+-]+", "when=T", text)
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


def loop_api():
    loop = asyncio.new_event_loop()
    print(clean(loop).split(" ")[1:])
    log = []
    h = loop.call_soon(log.append, "soon 1")
    loop.call_soon(log.append, "soon 2")
    cancelled = loop.call_soon(log.append, "never")
    cancelled.cancel()
    print(clean(h), clean(cancelled), cancelled.cancelled(), h.cancelled())
    t1 = loop.call_later(0.002, log.append, "later 2ms")
    loop.call_later(0.001, log.append, "later 1ms")
    t3 = loop.call_at(loop.time() + 0.003, log.append, "at 3ms")
    gone = loop.call_later(0.001, log.append, "cancelled timer")
    gone.cancel()
    print(clean(t1), t1 < t3, t3 > t1, t1 <= t1, t1 == t1, t1 != t3, isinstance(t3.when(), float))
    loop.call_soon(functools.partial(log.append, "partial"))
    print(clean(loop.call_soon(functools.partial(print, 1, sep="-"), 2)))

    async def main():
        await asyncio.sleep(0.005)
        return "main result"

    print(loop.run_until_complete(main()))
    print(log)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future result")
    print(loop.run_until_complete(fut))
    print(loop.is_running(), loop.is_closed(), loop.get_debug())

    def stopper():
        log.append("stopping")
        loop.stop()
    loop.call_soon(stopper)
    loop.run_forever()
    print(log[-1])

    async def nested():
        inner = asyncio.sleep(0)
        try:
            loop.run_until_complete(inner)
        except RuntimeError as e:
            print("RuntimeError", e)
        inner.close()
        return asyncio.get_running_loop() is loop
    print(loop.run_until_complete(nested()))

    # errors in callbacks go to the exception handler
    seen = []
    def handler(lp, context):
        seen.append((context["message"].split(" at ")[0],
                     type(context.get("exception")).__name__))
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: 1 / 0)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print(seen)

    async def fails():
        raise KeyError("x")
    try:
        loop.run_until_complete(fails())
    except KeyError as e:
        print("KeyError", e)
    loop.set_exception_handler(None)
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError", e)

    # task factory
    def factory(lp, coro, **kw):
        t = asyncio.Task(coro, loop=lp, **kw)
        t.made_by_factory = True
        return t
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    async def who():
        return asyncio.current_task().made_by_factory
    print(loop.run_until_complete(who()))
    task = loop.create_task(who(), name="named")
    print(task.get_name(), loop.run_until_complete(task))
    loop.set_task_factory(None)
    try:
        loop.set_task_factory(3)
    except TypeError as e:
        print("TypeError", e)

    for bad in (lambda: loop.call_later(None, print), lambda: loop.call_at(None, print)):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    loop.set_debug(True)
    for bad in (lambda: loop.call_soon(3), lambda: loop.call_soon(who)):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    loop.set_debug(False)

    loop.close()
    loop.close()
    print(loop.is_closed(), clean(loop).split(" ")[1:])
    late = who()
    for bad in (lambda: loop.call_soon(print), lambda: loop.run_forever(),
                lambda: loop.call_at(1, print), lambda: loop.create_task(late)):
        try:
            bad()
        except RuntimeError as e:
            print("RuntimeError", e)
    late.close()


def future_api():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    f = loop.create_future()
    print(clean(f), f.done(), f.cancelled(), f.get_loop() is loop)
    for method in (f.result, f.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError", e)
    calls = []
    f.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
    def cb2(fut):
        calls.append("cb2")
    f.add_done_callback(cb2)
    f.add_done_callback(cb2)
    print(clean(f))
    print(f.remove_done_callback(cb2), f.remove_done_callback(cb2))
    f.set_result({"k": [1, 2]})
    print(clean(f), f.result(), f.exception())
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    loop.run_until_complete(asyncio.sleep(0))
    print(calls)
    print(f.cancel(), f.cancelled())

    g = asyncio.Future(loop=loop)
    g.set_exception(ValueError)
    print(clean(g), repr(g.exception()))
    try:
        g.result()
    except ValueError as e:
        print("raised", repr(e))
    for bad in (StopIteration(), 3):
        h = loop.create_future()
        try:
            h.set_exception(bad)
        except TypeError as e:
            print("TypeError", e)
        h.cancel()

    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), clean(c))
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    try:
        c.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)

    async def awaiter():
        fut = loop.create_future()
        loop.call_later(0.001, fut.set_result, "awaited")
        return await fut
    print(loop.run_until_complete(awaiter()))
    print(asyncio.isfuture(f), asyncio.isfuture(3), asyncio.isfuture(asyncio.Future))
    print(asyncio.Future[int], asyncio.Task[str])

    class MyFuture(asyncio.Future):
        def result(self):
            return ("wrapped", super().result())
    mf = MyFuture(loop=loop)
    loop.call_soon(mf.set_result, 7)
    async def use():
        return await mf, await asyncio.gather(mf)
    print(loop.run_until_complete(use()))
    long = loop.create_future()
    long.set_result("x" * 100)
    print(clean(long))
    many = loop.create_future()
    for i in range(4):
        many.add_done_callback(cb2)
    print(clean(many))
    many.cancel()
    print(clean(many))
    asyncio.set_event_loop(None)
    loop.close()
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(asyncio.iscoroutinefunction(awaiter), asyncio.iscoroutinefunction(clean))
    co = awaiter()
    print(asyncio.iscoroutine(co), asyncio.iscoroutine(awaiter))
    co.close()
    policy = asyncio.get_event_loop_policy()
    print(type(policy).__name__, isinstance(policy, asyncio.AbstractEventLoopPolicy))
    try:
        asyncio.set_event_loop_policy(3)
    except TypeError as e:
        print("TypeError", e)
    try:
        asyncio.set_event_loop(3)
    except TypeError as e:
        print("TypeError", e)


loop_api()
future_api()
