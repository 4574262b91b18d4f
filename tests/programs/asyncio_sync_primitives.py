# Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier: who
# gets in, in which order, and the errors of misuse.
import asyncio


async def main():
    # Lock: FIFO hand-over between tasks
    lock = asyncio.Lock()
    print("locked?", lock.locked())

    async def critical(name, delay):
        print(name, "wants the lock")
        async with lock:
            print(name, "has the lock")
            await asyncio.sleep(delay)
            print(name, "releases")

    await asyncio.gather(critical("a", 0.01), critical("b", 0), critical("c", 0.01))
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e)
    print(await lock.acquire(), lock.locked())
    lock.release()

    # a cancelled waiter does not take the lock
    await lock.acquire()
    w1 = asyncio.create_task(critical("w1", 0))
    w2 = asyncio.create_task(critical("w2", 0))
    await asyncio.sleep(0)
    w1.cancel()
    lock.release()
    await asyncio.gather(w1, w2, return_exceptions=True)
    print("w1 cancelled:", w1.cancelled(), "lock free:", not lock.locked())

    # Event
    ev = asyncio.Event()

    async def waiter(i):
        print("waiter", i, "waiting")
        print("waiter", i, "got", await ev.wait())

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("set; is_set before:", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    print(await ev.wait(), ev.is_set())
    ev.clear()
    print("cleared:", ev.is_set())

    # Condition: notify(n), notify_all, wait_for
    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            print("consumer", i, "waits")
            await cond.wait_for(lambda: items)
            print("consumer", i, "takes", items.pop(0))

    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.extend(["y", "z"])
        cond.notify_all()
    await asyncio.gather(*cs)
    try:
        cond.notify()
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print(type(e).__name__, e)

    # Semaphore: at most two inside
    sem = asyncio.Semaphore(2)
    inside = 0

    async def limited(i):
        nonlocal inside
        async with sem:
            inside += 1
            print("limited", i, "in, inside =", inside)
            for _ in range(i + 1):  # i + 1 turns of the loop
                await asyncio.sleep(0)
            inside -= 1
            print("limited", i, "out")

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("sem locked?", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(type(e).__name__, e)

    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(type(e).__name__, e)

    # Barrier
    barrier = asyncio.Barrier(3)

    async def party(i):
        print("party", i, "arrives")
        idx = await barrier.wait()
        print("party", i, "passes, index", idx)

    await asyncio.gather(*(party(i) for i in range(3)))
    print(barrier.parties, barrier.n_waiting, barrier.broken)


asyncio.run(main())

# A primitive is bound to the loop that first used it.
lock = asyncio.Lock()


async def hold():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()


asyncio.run(hold())


async def again():
    try:
        await lock.acquire()
    except RuntimeError as e:
        print(type(e).__name__, str(e).endswith("is bound to a different event loop"))


asyncio.run(again())
