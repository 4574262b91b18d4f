# A task that fails and whose exception nobody retrieves is reported to the
# loop's exception handler when the task goes away; a retrieved one is not.
import asyncio
import gc


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]),
          type(context["future"]).__name__)


async def fails(n):
    raise ValueError(n)


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.create_task(fails(1))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after the dropped task")
    kept = asyncio.create_task(fails(2))
    await asyncio.sleep(0)
    print("retrieved:", repr(kept.exception()))
    del kept
    gc.collect()
    future = asyncio.get_running_loop().create_future()
    future.set_exception(KeyError("k"))
    del future
    gc.collect()
    print("done")


asyncio.run(main())
