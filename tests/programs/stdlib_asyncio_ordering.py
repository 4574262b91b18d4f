# Ordering and error semantics of asyncio's loop, futures, tasks, gather
# and TaskGroup: the paths krait's asyncio takes shortcuts on.
import asyncio

log = []


def cb(tag):
    log.append(tag)


def cb_fut(tag):
    def inner(fut):
        log.append((tag, fut.cancelled() or fut.result()))
    return inner


def handler(loop, context):
    exc = context.get('exception')
    message = context['message'].split(' at ')[0]
    if loop.get_debug():
        # CPython's debug mode adds where the future was made.
        message = message.split('(')[0]
    log.append(('handler', message,
                type(exc).__name__, str(exc)))


async def worker(name, n):
    for i in range(n):
        log.append(f'{name}{i}')
        await asyncio.sleep(0)
    return name


async def callbacks_order():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(cb, 'a')
    h = loop.call_soon(cb, 'b')
    loop.call_soon(cb, 'c')
    h.cancel()
    print('handle cancelled:', h.cancelled())
    fut = loop.create_future()
    fut.add_done_callback(cb_fut('f1'))
    fut.add_done_callback(cb_fut('f2'))
    f3 = cb_fut('f3')
    fut.add_done_callback(f3)
    print('removed:', fut.remove_done_callback(f3))
    loop.call_soon(cb, 'd')
    fut.set_result(7)
    loop.call_soon(cb, 'e')
    fut.add_done_callback(cb_fut('late'))
    await asyncio.sleep(0)
    print(log)
    log.clear()

    # A callback raising goes to the exception handler; the others run.
    def bad(fut):
        raise ValueError('boom in callback')
    fut2 = loop.create_future()
    fut2.add_done_callback(cb_fut('before'))
    fut2.add_done_callback(bad)
    fut2.add_done_callback(cb_fut('after'))
    loop.call_soon(cb, 'soon')
    fut2.set_result(1)
    loop.call_soon(cb, 'soon2')
    loop.call_soon(bad, None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)
    log.clear()

    # A cancelled future's callbacks see it cancelled.
    fut3 = loop.create_future()
    fut3.add_done_callback(cb_fut('c1'))
    print('cancel:', fut3.cancel('why'), fut3.cancel())
    await asyncio.sleep(0)
    print(log)
    log.clear()
    loop.set_exception_handler(None)


async def interleave():
    t1 = asyncio.create_task(worker('x', 3))
    t2 = asyncio.create_task(worker('y', 2))
    t3 = asyncio.create_task(worker('z', 4))
    log.append('created')
    r = await asyncio.gather(t1, t2, t3)
    print(r, log)
    log.clear()
    # Task steps and future callbacks share one FIFO.
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker('w', 2))
    loop.call_soon(cb, 'after-create')
    await asyncio.sleep(0)
    loop.call_soon(cb, 'after-sleep')
    await t
    print(log)
    log.clear()


async def fail(n, exc):
    for _ in range(n):
        await asyncio.sleep(0)
    raise exc


async def gathers():
    r = await asyncio.gather(worker('a', 1), fail(1, KeyError('k')),
                             worker('b', 3), return_exceptions=True)
    print('rx:', [type(x).__name__ if isinstance(x, BaseException) else x
                  for x in r])
    log.clear()
    slow = asyncio.create_task(worker('s', 5))
    try:
        await asyncio.gather(fail(2, ValueError('v')), slow)
    except ValueError as e:
        print('gather raised', repr(e), 'slow done:', slow.done())
    print('slow result:', await slow)
    log.clear()
    # Cancelling a gather cancels its children.
    kids = [asyncio.create_task(worker(f'k{i}', 3)) for i in range(3)]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0)
    print('cancel gather:', g.cancel('stop'))
    try:
        await g
    except asyncio.CancelledError as e:
        print('gather cancelled', e.args, [k.cancelled() for k in kids])
    log.clear()
    # A child cancelled on its own, with and without return_exceptions.
    k = asyncio.create_task(worker('c', 3))
    g = asyncio.gather(k, worker('d', 1), return_exceptions=True)
    await asyncio.sleep(0)
    k.cancel('own')
    res = await g
    print('rx cancel:', [type(x).__name__ for x in res], res[0].args)
    k = asyncio.create_task(worker('c', 3))
    g = asyncio.gather(k, worker('d', 1))
    await asyncio.sleep(0)
    k.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        print('child cancel propagates', type(e).__name__)
    log.clear()
    # Duplicates share a future; empty gather.
    t = asyncio.create_task(worker('dup', 1))
    print('dup:', await asyncio.gather(t, t, t), await asyncio.gather())
    log.clear()


async def task_groups():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(worker(f't{i}', i)) for i in range(3)]
    print('tg results:', [t.result() for t in ts], log)
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(worker('ok', 5))
            tg.create_task(fail(1, ValueError('one')))
            tg.create_task(fail(2, TypeError('two')))
            await asyncio.sleep(10)
    except* ValueError as eg:
        print('caught V', [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print('caught T', [str(e) for e in eg.exceptions])
    print('ok cancelled:', ok.cancelled(), log)
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker('body', 2))
            raise LookupError('in body')
    except* LookupError as eg:
        print('body error', [str(e) for e in eg.exceptions], log)
    log.clear()


async def cancellation():
    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            log.append(('caught', e.args))
            raise
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel('msg1')
    print('cancelling:', t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaited cancelled', e.args, log)
    log.clear()

    # Cancel before the first step: the coroutine never runs.
    t = asyncio.create_task(worker('never', 1))
    t.cancel()
    await asyncio.sleep(0)
    print('early cancel:', t.cancelled(), log)

    # A task that swallows its cancellation.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 'swallowed'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print('stubborn:', await t, t.cancelled(), t.cancelling())

    # shield and wait_for.
    inner = asyncio.create_task(worker('sh', 2))
    outer = asyncio.shield(inner)
    outer.cancel()
    print('shield:', outer.cancelled(), await inner)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('wait_for timed out')
    log.clear()


async def bad_yields():
    class Weird:
        def __await__(self):
            yield 'not a future'
    try:
        await asyncio.create_task(Weird().__await__().__class__ and
                                  asyncio.sleep(0, 'fine'))
    except Exception as e:
        print(type(e).__name__)
    async def yields_weird():
        await Weird()
    t = asyncio.create_task(yields_weird())
    try:
        await t
    except RuntimeError as e:
        print('bad yield:', str(e).split(':')[0])
    fut = asyncio.get_running_loop().create_future()
    fut.set_result('r')
    print('done future await:', await fut)
    f2 = asyncio.get_running_loop().create_future()
    f2.set_exception(KeyError('x'))
    try:
        await f2
    except KeyError as e:
        print('exc future:', repr(e))


async def main():
    await callbacks_order()
    await interleave()
    await gathers()
    await task_groups()
    await cancellation()
    await bad_yields()
    cur = asyncio.current_task()
    print('current is main:', cur.get_name(), len(asyncio.all_tasks()))


asyncio.run(main())

# A SystemExit from a callback stops run_until_complete; the callbacks
# queued after it still run on the next run.
loop = asyncio.new_event_loop()
def stop_now():
    raise SystemExit(3)
loop.call_soon(cb, 'one')
loop.call_soon(stop_now)
loop.call_soon(cb, 'two')
try:
    loop.run_until_complete(asyncio.sleep(0))
except SystemExit as e:
    print('SystemExit', e.code, log)
loop.run_until_complete(asyncio.sleep(0))
print('after', log)
loop.close()
try:
    asyncio.Future(loop=loop).add_done_callback(cb)
    f = asyncio.Future(loop=loop)
    f.add_done_callback(cb)
    f.set_result(1)
except RuntimeError as e:
    print('closed loop:', e)

# The same orderings through a loop whose call_soon is its own (every
# callback then goes through it) and through a loop in debug mode.
class CountingLoop(asyncio.SelectorEventLoop):
    calls = 0

    def call_soon(self, callback, *args, context=None):
        CountingLoop.calls += 1
        return super().call_soon(callback, *args, context=context)


async def orderings():
    log.clear()
    await callbacks_order()
    await interleave()
    await gathers()
    print('current:', asyncio.current_task().get_name().startswith('Task-'))


for make in (CountingLoop, asyncio.new_event_loop):
    loop = make()
    if make is not CountingLoop:
        loop.set_debug(True)
    print('--', type(loop).__name__, loop.get_debug())
    loop.run_until_complete(orderings())
    loop.close()
print('call_soon was called:', CountingLoop.calls > 50)

# Task names: counted at creation, whether or not the name is asked for.
async def names():
    t1 = asyncio.create_task(asyncio.sleep(0))
    t2 = asyncio.create_task(asyncio.sleep(0), name='custom')
    t3 = asyncio.create_task(asyncio.sleep(0))
    n1, n3 = int(t1.get_name()[5:]), int(t3.get_name()[5:])
    print('names:', n3 - n1, t2.get_name())
    t3.set_name(42)
    print(repr(t3.get_name()))
    await asyncio.gather(t1, t2, t3)
    f = asyncio.get_running_loop().create_future()
    print(repr(f))
    f.add_done_callback(cb)
    print(repr(f).split(' at ')[0])
    f.set_result([1, 2])
    print(repr(f))
    await asyncio.sleep(0)
asyncio.run(names())

# An exception handler raising SystemExit: the callbacks after the failing
# one stay queued for the next run.
log.clear()
loop = asyncio.new_event_loop()
def exiting_handler(loop, context):
    raise SystemExit('from handler')
loop.set_exception_handler(exiting_handler)
fut = loop.create_future()
fut.add_done_callback(lambda f: 1 / 0)
fut.add_done_callback(lambda f: log.append('second'))
fut.set_result(1)
loop.call_soon(log.append, 'third')
try:
    loop.run_until_complete(asyncio.sleep(0))
except SystemExit as e:
    print('exit', e, log)
loop.set_exception_handler(None)
loop.run_until_complete(asyncio.sleep(0))
print(log)
loop.close()
