# threading: Thread attributes and lifecycle, current/main thread,
# locks, conditions, semaphores, events, barriers, timers, local data,
# excepthook, and their error messages.
import io
import sys
import threading
import time

print("== threads")
results = []


def work(tag, n, *, scale=1):
    me = threading.current_thread()
    results.append((tag, n * scale, me.name, me is not threading.main_thread(),
                    threading.get_ident() == me.ident, me.is_alive()))


t = threading.Thread(target=work, args=("a", 2), kwargs={"scale": 10},
                     name="worker-a")
print(t.name, t.ident, t.native_id, t.is_alive(), t.daemon)
print(repr(t).replace(t.name, "NAME"))
t.start()
t.join()
print(results, t.is_alive(), isinstance(t.ident, int), isinstance(t.native_id, int))
print(repr(t).split(",")[1].split()[0])
for action, exc in ((t.start, RuntimeError),):
    try:
        action()
    except exc as e:
        print(type(e).__name__, e)


class Sub(threading.Thread):
    def __init__(self, value):
        super().__init__(daemon=False)
        self.value = value
        self.out = None

    def run(self):
        self.out = self.value * 3


s = Sub(7)
print(s.name.startswith("Thread-"), s.daemon)
s.start(); s.join(timeout=1)
print(s.out)

u = threading.Thread(target=print)
print(u.name.endswith(" (print)"))
try:
    u.join()
except RuntimeError as e:
    print("RuntimeError", e)
u.name = 123
print(repr(u.name))
u.daemon = True
print(u.daemon)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("AssertionError", e)
try:
    s.daemon = True
except RuntimeError as e:
    print("RuntimeError", e)


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError", e)

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [x.name for x in threading.enumerate()])
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)
print(threading.TIMEOUT_MAX > 1000, threading.ThreadError is RuntimeError)

print("== locks")
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in lock", lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)

rl = threading.RLock()
print(rl.acquire(), rl.acquire(), rl.acquire(blocking=False))
rl.release(); rl.release(); rl.release()
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError", e)
with rl:
    with rl:
        print("nested rlock ok")

print("== condition")
cond = threading.Condition()
print(repr(cond).startswith("<Condition(<unlocked _thread.RLock"))
try:
    cond.wait(0)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError", e)
with cond:
    print(cond.wait(0), cond.wait(timeout=0.001))
    cond.notify(); cond.notify_all()
    print(cond.wait_for(lambda: 42), cond.wait_for(lambda: 0, timeout=0.001))
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2._is_owned(), c2.wait(0))
print(c2._is_owned())

print("== semaphores")
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.001))
sem.release(2)
print(sem._value)
with sem:
    print("in sem", sem._value)
for bad in (lambda: threading.Semaphore(-1), lambda: sem.release(0),
            lambda: sem.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
print(repr(bs).split(": ")[1], repr(sem).split(": ")[1])

print("== event")
ev = threading.Event()
print(ev.is_set(), ev.wait(0), ev.wait(0.001), repr(ev).split(": ")[1])
ev.set()
print(ev.is_set(), ev.wait(), ev.wait(0), repr(ev).split(": ")[1])
ev.clear()
print(ev.is_set())

print("== barrier")
order = []
b = threading.Barrier(1, action=lambda: order.append("action"))
print(b.parties, b.n_waiting, b.broken, b.wait(), order)
print(repr(b).split(": ")[1])
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e), b2.broken)
print(repr(b2).split(": ")[1])
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("still broken")
b2.reset()
print(b2.broken, b2.n_waiting)
b2.abort()
print(b2.broken)
b3 = threading.Barrier(1, action=lambda: 1 / 0)
try:
    b3.wait()
except ZeroDivisionError:
    print("action failed", b3.broken)

print("== timer")
fired = []
tm = threading.Timer(0.01, fired.append, args=["t1"])
tm.start()
tm.join()
print(fired, tm.is_alive(), tm.finished.is_set())
tm2 = threading.Timer(5, fired.append, args=["never"])
tm2.start()
tm2.cancel()
tm2.join(1)
print(fired, tm2.is_alive())
tm3 = threading.Timer(0.001, lambda **kw: fired.append(kw), kwargs={"k": 1})
tm3.run()
print(fired)

print("== local")
data = threading.local()
data.x = "main"


def touch():
    print("thread sees x:", hasattr(data, "x"))
    data.x = "thread"


th = threading.Thread(target=touch)
th.start(); th.join()
print("main sees", data.x)


class MyLocal(threading.local):
    def __init__(self, start):
        self.count = start


ml = MyLocal(5)
ml.count += 1


def bump():
    ml.count += 100
    print("thread count", ml.count)


th = threading.Thread(target=bump); th.start(); th.join()
print("main count", ml.count)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)

print("== excepthook")
caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value),
                   args.thread.name, args.exc_traceback is not None))


old = threading.excepthook
threading.excepthook = hook
bad = threading.Thread(target=lambda: 1 / 0, name="bad")
bad.start(); bad.join()
ex = threading.Thread(target=sys.exit, name="exiting")
ex.start(); ex.join()
threading.excepthook = old
print(caught)
print(threading.__excepthook__ is threading.excepthook)
a = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(a.exc_type, a.exc_value, a.thread, len(a))
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError", e)
import io
sys.stderr = io.StringIO()
bad2 = threading.Thread(target=lambda: {}["missing"], name="shown")
bad2.start(); bad2.join()
shown = sys.stderr.getvalue().splitlines()
sys.stderr = sys.__stderr__
print(shown[0], shown[1], shown[-1])

print("== trace/profile")
print(threading.gettrace(), threading.getprofile())
threading.settrace(None); threading.setprofile(None)
print(threading.stack_size())
print(sorted(threading.__all__))
