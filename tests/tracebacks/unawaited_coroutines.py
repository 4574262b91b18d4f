# A coroutine dropped before it ever ran warns "was never awaited", located
# where it was dropped; one that ran, or was closed, does not. At exit the
# warning has no location left ("sys:1").
import warnings


async def fetch(n):
    return n * 2


async def main():
    fetch(1)  # forgot the await
    return await fetch(2)


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value


print(run(main()))
pending = fetch(3)
del pending
closed = fetch(4)
closed.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fetch(5)
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
left_over = fetch(6)
print("done")
