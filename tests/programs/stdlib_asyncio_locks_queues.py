# asyncio Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier
# and the queues: ordering, reprs, errors, cancellation while waiting.
import asyncio
import re


def clean(obj):
    return re.sub(r"0x[0-9a-f]+", "0x?", repr(obj))


async def lock_demo():
    lock = asyncio.Lock()
    log = []

    async def worker(n):
        async with lock:
            log.append(f"in {n}")
            await asyncio.sleep(0)
            log.append(f"out {n}")

    print(clean(lock), lock.locked())
    await asyncio.gather(*(worker(i) for i in range(3)))
    print(log)
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(clean(lock))
    waiter.cancel()
    await asyncio.sleep(0)
    print(waiter.cancelled(), clean(lock))
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    async with lock as bound:
        print("bound", bound)
    # woken then cancelled: the next waiter gets the lock
    await lock.acquire()
    a = asyncio.create_task(lock.acquire())
    b = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(a.cancelled(), b.done(), lock.locked())
    lock.release()


async def event_demo():
    ev = asyncio.Event()
    print(clean(ev), ev.is_set())
    results = []

    async def wait_it(n):
        results.append((n, await ev.wait()))

    tasks = [asyncio.create_task(wait_it(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(clean(ev))
    ev.set()
    ev.set()
    await asyncio.gather(*tasks)
    print(results, clean(ev))
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print("event wait timed out", clean(ev))


async def condition_demo():
    cond = asyncio.Condition()
    print(clean(cond))
    items = []

    async def consumer(n):
        async with cond:
            got = await cond.wait_for(lambda: items)
            print("consumer", n, "sees", list(got))
            items.pop()

    consumers = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        print(clean(cond))
        items.append("x")
        cond.notify()
    await asyncio.sleep(0.001)
    async with cond:
        items.append("y")
        cond.notify_all()
    await asyncio.gather(*consumers)
    for method in (cond.wait(), ):
        try:
            await method
        except RuntimeError as e:
            print("RuntimeError", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print(c2.locked())
    # cancelled while waiting: the lock is held again afterwards
    async def cancelled_waiter():
        async with c2:
            try:
                await c2.wait()
            except asyncio.CancelledError:
                print("waiter cancelled, holds lock:", c2.locked())
                raise
    t = asyncio.create_task(cancelled_waiter())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled; lock now", c2.locked())


async def semaphore_demo():
    sem = asyncio.Semaphore(2)
    print(clean(sem), sem.locked())
    active = 0
    peak = 0

    async def job():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1

    await asyncio.gather(*(job() for _ in range(5)))
    print("peak", peak, clean(sem))
    await sem.acquire()
    await sem.acquire()
    print(sem.locked(), clean(sem))
    w = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print(clean(sem))
    sem.release()
    await w
    sem.release()
    sem.release()
    print(clean(sem))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    print(clean(b))


async def barrier_demo():
    barrier = asyncio.Barrier(3)
    print(clean(barrier), barrier.parties, barrier.n_waiting, barrier.broken)

    async def party(n):
        await asyncio.sleep(n / 1000)
        pos = await barrier.wait()
        return pos

    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    print(clean(barrier))
    b1 = asyncio.Barrier(1)
    async with b1 as pos:
        print("single party at", pos, clean(b1))


async def barrier_abort():
    barrier = asyncio.Barrier(2)
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(clean(barrier), barrier.n_waiting)
    await barrier.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", e)
    print(clean(barrier), barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", e)
    await barrier.reset()
    print(clean(barrier))
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(b2.wait())
    await asyncio.sleep(0)
    await b2.reset()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("reset:", e)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)


async def queue_demo():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full(), str(q))
    q.put_nowait(1)
    q.put_nowait(2)
    print(q.full(), str(q))
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    putter = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print(str(q))
    print(q.get_nowait(), q.get_nowait())
    await putter
    print(await q.get(), q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(str(q))
    getter.cancel()
    await asyncio.sleep(0)
    print(str(q), getter.cancelled())
    for _ in range(3):
        q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    print(clean(q).startswith("<Queue at 0x?"))

    work = asyncio.Queue()
    done = []

    async def worker(name):
        while True:
            item = await work.get()
            done.append((name, item))
            await asyncio.sleep(0)
            work.task_done()

    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for i in range(5):
        await work.put(i)
    await work.join()
    print(sorted(item for _, item in done), work._unfinished_tasks)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait()[1] for _ in range(5)], str(pq))
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print(str(lq), [await lq.get() for _ in range(3)])
    print(asyncio.Queue[int], asyncio.Queue(0).full(), asyncio.Queue(-1).full())

    class Custom(asyncio.Queue):
        def _init(self, maxsize):
            self._queue = []
        def _put(self, item):
            self._queue.insert(0, item)
        def _get(self):
            return self._queue.pop(0)
    c = Custom()
    for x in range(3):
        c.put_nowait(x)
    print([c.get_nowait() for _ in range(3)])


async def main():
    await lock_demo()
    await event_demo()
    await condition_demo()
    await semaphore_demo()
    await barrier_demo()
    await barrier_abort()
    await queue_demo()


asyncio.run(main())
