import asyncio

async def boom(n, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"boom {n}")

async def ok(delay):
    await asyncio.sleep(delay)
    return "ok"

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1, 0.01))
            tg.create_task(boom(2, 0.5))
            tg.create_task(ok(0.5))
    except* ValueError as eg:
        print("caught", sorted(str(e) for e in eg.exceptions), type(eg).__name__)
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    print([x async for x in agen()])
    results = await asyncio.gather(ok(0.01), ok(0.0), return_exceptions=True)
    print(results)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")

asyncio.run(main())
