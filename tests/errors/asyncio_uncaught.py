# An exception escaping the main coroutine propagates out of asyncio.run
# after the other tasks were cancelled (their cleanup still runs).
import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleaned up")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.01)
    print("main fails")
    raise LookupError("no such thing")


asyncio.run(main())
