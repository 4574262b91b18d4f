# Timers with equal deadlines run in the order of CPython's heap (heapq's
# sift order over TimerHandle.__lt__), not in the order they were made.
import asyncio
loop = asyncio.new_event_loop()
now = loop.time() + 0.01
for i in range(12):
    loop.call_at(now + (i % 3) * 0.001, print, "tie", i % 3, i)
h = loop.call_at(now, print, "cancelled")
h.cancel()
loop.call_at(now + 0.005, loop.stop)
loop.run_forever()
async def main():
    async def w(i, d):
        await asyncio.sleep(d)
        print("w", i)
    lp = asyncio.get_running_loop()
    # identical deadlines through call_at
    when = lp.time() + 0.01
    fs = []
    for i in range(6):
        f = lp.create_future()
        lp.call_at(when, f.set_result, i)
        f.add_done_callback(lambda f: print("fut", f.result()))
        fs.append(f)
    await asyncio.gather(*fs)
asyncio.run(main())
