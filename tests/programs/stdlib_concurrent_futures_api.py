# concurrent.futures: the Future API by hand, wait/as_completed modes,
# executors (map timeout, shutdown, initializer errors), exceptions.
import concurrent.futures as cf
import logging
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool


class ToStdout(logging.Handler):
    def emit(self, record):
        msg = record.getMessage().split(" for ")[0]
        print("LOG", record.levelname, " ".join(w for w in msg.split() if not w.isdigit()),
              record.exc_info[0].__name__ if record.exc_info else None)


log = logging.getLogger("concurrent.futures")
log.addHandler(ToStdout())
log.propagate = False


def state(f):
    text = repr(f)
    return text[text.index("state="):-1]


print("== Future by hand")
f = Future()
print(state(f), f.done(), f.running(), f.cancelled())
seen = []
f.add_done_callback(lambda fut: seen.append(("cb1", fut.result())))
print(f.set_running_or_notify_cancel(), state(f), f.running())
print(f.cancel(), state(f))
f.set_result([1, 2])
print(state(f), f.done(), f.result(), f.exception(), seen)
f.add_done_callback(lambda fut: seen.append("late"))
print(seen)
for action in (lambda: f.set_result(3), lambda: f.set_exception(ValueError())):
    try:
        action()
    except cf.InvalidStateError as e:
        print("InvalidStateError", str(e).split(":")[0])

g = Future()
g.set_exception(KeyError("k"))
print(state(g), repr(g.exception()))
try:
    g.result()
except KeyError as e:
    print("raised", repr(e))

h = Future()
print(h.cancel(), h.cancel(), state(h), h.cancelled(), h.done())
for call in (h.result, h.exception):
    try:
        call()
    except cf.CancelledError as e:
        print("CancelledError", repr(e))
print(h.set_running_or_notify_cancel(), state(h))
try:
    h.set_running_or_notify_cancel()
except RuntimeError as e:
    print("RuntimeError", e)

p = Future()
for call in (p.result, p.exception):
    try:
        call(timeout=0)
    except cf.TimeoutError as e:
        print("TimeoutError", repr(e), type(e) is TimeoutError)


def bad_cb(fut):
    raise ZeroDivisionError("cb")


q = Future()
q.add_done_callback(bad_cb)
q.add_done_callback(lambda fut: print("second callback ran"))
q.set_result(None)
print(state(q))
r = Future()
r.set_result(1)
r.add_done_callback(bad_cb)

print(Future[int], cf.Future.__class_getitem__(str))
print(issubclass(cf.CancelledError, cf._base.Error),
      issubclass(cf.BrokenExecutor, RuntimeError),
      issubclass(BrokenThreadPool, cf.BrokenExecutor),
      cf.TimeoutError is TimeoutError)
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

print("== wait")
done1 = Future(); done1.set_result(1)
fail1 = Future(); fail1.set_exception(OSError("x"))
pend = Future()
for mode in (cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED):
    res = cf.wait([done1, pend], timeout=0, return_when=mode)
    print(mode, len(res.done), len(res.not_done), type(res).__name__)
res = cf.wait([done1, fail1, pend], timeout=0.01, return_when=cf.FIRST_EXCEPTION)
print(sorted(map(state, res.done)), [state(x) for x in res.not_done])
res = cf.wait([done1, fail1])
print(res._fields, len(res.done), res.not_done)
try:
    cf.wait([pend], timeout=0, return_when="BOGUS")
except ValueError as e:
    print("ValueError", e)
print(cf.wait([done1], return_when="BOGUS").done == {done1})

print("== as_completed")
order = []
try:
    for fut in cf.as_completed([done1, pend, fail1, done1], timeout=0):
        order.append(state(fut))
except cf.TimeoutError as e:
    print("TimeoutError", e)
print(sorted(order))
try:
    for fut in cf.as_completed([pend, Future()], timeout=0.01):
        pass
except cf.TimeoutError as e:
    print("TimeoutError", e)
print(sorted(state(x) for x in cf.as_completed(iter([done1, fail1]))))

print("== executor")


def square(x):
    return x * x


def boom(x):
    if x == 2:
        raise ValueError("two")
    return x


with ThreadPoolExecutor(2, thread_name_prefix="sq") as ex:
    print(list(ex.map(square, range(5), timeout=5)))
    print(list(ex.map(pow, [2, 3], [5, 2], chunksize=3)))
    it = ex.map(boom, range(4))
    print(next(it), next(it))
    try:
        next(it)
    except ValueError as e:
        print("map raised", e)
with ThreadPoolExecutor(1, thread_name_prefix="one") as ex:
    fut = ex.submit(threading.current_thread)
    print(fut.result().name, fut.result() is not threading.main_thread())
    fut = ex.submit(lambda *a, **k: (a, k), 1, 2, key="v")
    print(fut.result())
    try:
        ex.submit()
    except TypeError as e:
        print("TypeError", type(e).__name__)
print(ex._shutdown)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)
ex.shutdown(wait=False, cancel_futures=True)

for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError", e)

default = ThreadPoolExecutor()
print(default._max_workers > 0, default._thread_name_prefix.startswith("ThreadPoolExecutor-"))
default.shutdown()


def failing_init():
    raise OSError("init failed")


broken = ThreadPoolExecutor(1, initializer=failing_init)
first = broken.submit(square, 3)
try:
    first.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool", e)
try:
    broken.submit(square, 4)
except BrokenThreadPool as e:
    print("BrokenThreadPool on submit:", e)
broken.shutdown()


class MyExecutor(cf.Executor):
    def submit(self, fn, /, *args, **kwargs):
        f = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except Exception as e:
            f.set_exception(e)
        return f


with MyExecutor() as mine:
    print(list(mine.map(square, [1, 2, 3])))
    print(mine.submit(square, 9).result())
try:
    cf.Executor().submit(square, 1)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
print(cf.Executor().shutdown())
print(sorted(cf.__all__))
