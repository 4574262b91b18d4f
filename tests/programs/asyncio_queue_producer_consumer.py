# Queues: producers and consumers interleaving through a bounded queue,
# join/task_done, LIFO and priority orders, the *_nowait errors.
import asyncio


async def producer(q, name, n):
    for i in range(n):
        item = f"{name}{i}"
        print("put start", item, "qsize", q.qsize(), "full", q.full())
        await q.put(item)
        print("put done", item)
    print("producer", name, "finished")


async def consumer(q, name, turns):
    # Each item takes `turns` iterations of the loop (no timers: the
    # interleaving does not depend on the machine's speed).
    while True:
        item = await q.get()
        print(name, "got", item)
        for _ in range(turns):
            await asyncio.sleep(0)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    consumers = [asyncio.create_task(consumer(q, f"c{i}", (3, 1)[i]))
                 for i in range(2)]
    await asyncio.gather(producer(q, "p", 5), producer(q, "q", 3))
    print("producers done; waiting for join")
    await q.join()
    print("joined, empty:", q.empty(), str(q))
    for c in consumers:
        c.cancel()
    res = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in res])

    # nowait variants
    q2 = asyncio.Queue(1)
    q2.put_nowait("a")
    try:
        q2.put_nowait("b")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q2.task_done()
    try:
        q2.task_done()
    except ValueError as e:
        print(type(e).__name__, e)

    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 4, 1, 5, 9, 2, 6):
        lq.put_nowait(x)
        await pq.put((x % 4, x))
    print("lifo:", [lq.get_nowait() for _ in range(lq.qsize())])
    print("priority:", [(await pq.get()) for _ in range(pq.qsize())])

    # a getter waiting on an empty queue, then cancelled
    q3 = asyncio.Queue()
    getter = asyncio.create_task(q3.get())
    await asyncio.sleep(0)
    print(str(q3))
    getter.cancel()
    await asyncio.sleep(0)
    print("getter cancelled:", getter.cancelled(), str(q3))
    q3.put_nowait(1)
    print(await q3.get())

    # wait_for on a get that times out
    try:
        await asyncio.wait_for(q3.get(), 0.01)
    except TimeoutError:
        print("get timed out")


asyncio.run(main())
