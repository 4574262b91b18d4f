# concurrent.futures: executors' submit/map/shutdown, futures' results,
# exceptions, cancellation and callbacks, wait() and as_completed().
# Only what CPython prints deterministically: results are collected, not
# printed from worker threads running alongside the main thread.
import concurrent.futures as cf
import logging
import threading

# The logged tracebacks (a failing initializer) go through each
# implementation's own frames: they are kept out of the output.
logging.getLogger("concurrent.futures").addHandler(logging.NullHandler())
logging.getLogger("concurrent.futures").propagate = False
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def square(x):
    if x == 3:
        raise ValueError("no threes")
    return x * x


def add(a, b):
    return a + b


def state(future):
    # A future's repr without its address.
    text = repr(future)
    return text[text.index("state="):-1]


# --- ThreadPoolExecutor: submit, result, exception.
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(square, i) for i in range(5)]
    values = []
    for f in futures:
        try:
            values.append(f.result())
        except ValueError as exc:
            values.append("error: %s" % exc)
    print(values)
    print([f.done() for f in futures], [f.cancelled() for f in futures])
    print(state(futures[2]), "|", state(futures[3]))
    print(repr(futures[3].exception()), futures[2].exception())
    print(pool.submit(add, 2, b=5).result(timeout=1))
    print(list(pool.map(add, [1, 2, 3], [10, 20, 30])))
    print(list(pool.map(square, [])), list(pool.map(add, [1, 2, 3], [1])))
    results = pool.map(square, range(6))
    collected = []
    try:
        for value in results:
            collected.append(value)
    except ValueError as exc:
        print("map stopped at", collected, "by", repr(exc))

try:
    pool.submit(square, 1)
except RuntimeError as exc:
    print("after shutdown:", exc)
pool.shutdown()  # a second shutdown is harmless

# --- The worker thread: its name, thread-local data, the initializer.
seen_init = []
local = threading.local()


def init(tag):
    seen_init.append((tag, threading.current_thread().name))
    local.calls = 0


def count_call(x):
    local.calls += 1
    return (x, local.calls, threading.current_thread().name)


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool",
                        initializer=init, initargs=("ready",)) as pool:
    print([pool.submit(count_call, x).result() for x in "abc"])
print(seen_init, hasattr(local, "calls"))


def bad_init():
    raise OSError("init failed")


with ThreadPoolExecutor(max_workers=1, initializer=bad_init) as pool:
    f = pool.submit(square, 2)
    print(type(f.exception()).__name__, f.exception())
    try:
        pool.submit(square, 2)
    except cf.BrokenExecutor as exc:
        print(type(exc).__name__, exc)
print(issubclass(cf.thread.BrokenThreadPool, cf.BrokenExecutor), issubclass(cf.BrokenExecutor, RuntimeError))

for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as exc:
        print(bad, exc)
try:
    ThreadPoolExecutor(initializer="nope")
except TypeError as exc:
    print(exc)

# --- ProcessPoolExecutor (module-level functions, results only).
with ProcessPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(square, [1, 2, 4], chunksize=2)))
    print(pool.submit(add, "a", "b").result())
    print(repr(pool.submit(square, 3).exception()))
    try:
        pool.map(square, [1], chunksize=0)
    except ValueError as exc:
        print(exc)
try:
    ProcessPoolExecutor(max_workers=0)
except ValueError as exc:
    print(exc)

# --- Futures by hand.
f = cf.Future()
print(state(f), f.done(), f.running())
try:
    f.result(timeout=0.01)
except cf.TimeoutError as exc:
    print("timeout", repr(exc), cf.TimeoutError is TimeoutError)
try:
    f.exception(timeout=0)
except TimeoutError:
    print("exception() timed out too")
calls = []
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
print(f.set_running_or_notify_cancel(), state(f), f.running(), f.cancel())
f.set_result([1, 2])
f.add_done_callback(lambda fut: calls.append(("late", fut.done())))
print(calls, state(f))
try:
    f.set_result(3)
except cf.InvalidStateError as exc:
    print(type(exc).__name__, str(exc).split(":")[0])

g = cf.Future()
g.add_done_callback(lambda fut: calls.append(("cancelled", fut.cancelled())))
print(g.cancel(), g.cancel(), state(g), g.done(), calls[-1])
for method in (g.result, g.exception):
    try:
        method()
    except cf.CancelledError as exc:
        print(method.__name__, repr(exc))
print(g.set_running_or_notify_cancel(), state(g))

h = cf.Future()
h.set_exception(KeyError("k"))
print(state(h), repr(h.exception()))
try:
    h.result()
except KeyError as exc:
    print("raised", repr(exc))
print(cf.Future[int], issubclass(cf.CancelledError, cf._base.Error))

# --- wait() and as_completed().
with ThreadPoolExecutor() as pool:
    done_futures = [pool.submit(square, i) for i in (1, 2, 3, 4)]
pending = cf.Future()
done, not_done = cf.wait(done_futures)
print(len(done), len(not_done), sorted(f.result() for f in done if not f.exception()))
done, not_done = cf.wait(done_futures + [pending], timeout=0.01)
print(len(done), len(not_done), pending in not_done)
done, not_done = cf.wait(done_futures + [pending], return_when=cf.FIRST_COMPLETED)
print(len(done), len(not_done))
done, not_done = cf.wait(done_futures + [pending], return_when=cf.FIRST_EXCEPTION)
print(len(done), len(not_done))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(sorted(f.result() for f in cf.as_completed(done_futures[:2] * 2)))
try:
    for f in cf.as_completed([pending] + done_futures, timeout=0.01):
        pass
except TimeoutError as exc:
    print(repr(exc))
print(sorted(cf.__all__))
