# threading: threads started and joined one by one, names, current_thread,
# excepthook, locks, conditions, semaphores, events, barriers, timers and
# thread-local data. Only what CPython prints deterministically.
import threading
import _thread


def show_error(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        print(label, type(exc).__name__, exc)
    else:
        print(label, "->", result)


# --- Threads run, one at a time.
results = []


def work(n, scale=1):
    me = threading.current_thread()
    results.append((n * scale, me.name, me.is_alive(), me is not threading.main_thread()))


threads = [threading.Thread(target=work, args=(i,), kwargs={"scale": 10}) for i in range(3)]
print([t.name for t in threads])
print([t.is_alive() for t in threads], [t.ident is None for t in threads])
for t in threads:
    t.start()
    t.join()
print(results)
print([t.is_alive() for t in threads], [type(t.ident) is int for t in threads])
print(all(t.native_id is not None for t in threads))
print(repr(threads[0]).split(",")[0], "stopped" in repr(threads[0]))
show_error("start twice", threads[0].start)
show_error("join unstarted", threading.Thread(target=print).join)
show_error("join current", threading.current_thread().join)
show_error("daemon after start", setattr, threads[0], "daemon", True)
threads[0].join(timeout=0.5)

print(threading.Thread(target=lambda: 0).name.split(" ")[1])
print(threading.Thread(name="worker").name, threading.Thread(name=7).name)
print(repr(threading.Thread(target=print, name="T", daemon=True)))


class Counter(threading.Thread):
    total = 0

    def __init__(self, amount):
        super().__init__(name="counter-%d" % amount)
        self.amount = amount

    def run(self):
        Counter.total += self.amount
        print("run in", threading.current_thread().name, threading.active_count())


for amount in (1, 2, 3):
    c = Counter(amount)
    c.start()
    c.join()
print("total", Counter.total, threading.active_count())

main = threading.main_thread()
print(main.name, main.daemon, main is threading.current_thread(), main.is_alive())
print(threading.get_ident() == main.ident == _thread.get_ident())
print(threading.enumerate() == [main], threading.active_count())
print(threading.Thread(target=print).daemon, threading.Thread(daemon=True).daemon)


class Broken(threading.Thread):
    def __init__(self):
        pass


show_error("no init", Broken().start)

# --- Exceptions in threads go to threading.excepthook.
def fail(x):
    raise ValueError("bad %s" % x)


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name,
          args.exc_traceback is not None, len(args))


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
t = threading.Thread(target=fail, args=("input",))
t.start()
t.join()
print("after failure", t.is_alive())
t = threading.Thread(target=lambda: exec("raise SystemExit(3)"), name="quits")
t.start()
t.join()
threading.excepthook = threading.__excepthook__

# --- Locks.
lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False))
print(lock.acquire(timeout=0.01))
lock.release()
show_error("release unlocked", lock.release)
show_error("timeout no block", lock.acquire, False, 1)
show_error("negative timeout", lock.acquire, True, -5)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())

rlock = threading.RLock()
with rlock:
    with rlock:
        print("nested rlock", rlock._is_owned())
print(rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
show_error("rlock over-release", rlock.release)

shared = []
guard = threading.Lock()


def append_many(tag):
    for i in range(3):
        with guard:
            shared.append((tag, i))


for tag in "ab":
    t = threading.Thread(target=append_many, args=(tag,))
    t.start()
    t.join()
print(shared)

# --- Condition, Semaphore, Event, Barrier.
cond = threading.Condition()
show_error("wait unowned", cond.wait)
show_error("notify unowned", cond.notify)
with cond:
    print("wait timeout", cond.wait(0.01))
    print("wait_for", cond.wait_for(lambda: "ready"), cond.wait_for(lambda: 0, 0.01))
    cond.notify()
    cond.notify_all()
print(repr(cond).startswith("<Condition(<unlocked _thread.RLock"))

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
with sem:
    print("sem value", sem._value)
show_error("negative sem", threading.Semaphore, -1)
show_error("release 0", sem.release, 0)
show_error("timeout no block", sem.acquire, False, 1)
bounded = threading.BoundedSemaphore(1)
with bounded:
    pass
show_error("bounded", bounded.release)

event = threading.Event()
print(event.is_set(), event.wait(0.01))
event.set()
print(event.is_set(), event.wait(), event.wait(5))
event.clear()
print(event.is_set(), repr(event).endswith("unset>"))

# A daemon thread that waits for the main thread.
seen = []
ready = threading.Event()


def waiter():
    ready.wait()
    seen.append("waiter saw the event")


w = threading.Thread(target=waiter, daemon=True)
w.start()
seen.append("main sets the event")
ready.set()
w.join()
print(seen, w.is_alive())

barrier = threading.Barrier(1, action=lambda: print("barrier action"))
print(barrier.wait(), barrier.parties, barrier.n_waiting, barrier.broken)
barrier.abort()
show_error("broken barrier", barrier.wait)
barrier.reset()
print(barrier.broken, threading.BrokenBarrierError.__mro__[1].__name__)

# --- Timers.
fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
print(timer.name.startswith("Thread-"), timer.is_alive())
timer.start()
timer.join()
print(fired, timer.is_alive(), timer.finished.is_set())
cancelled = threading.Timer(0.5, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.is_alive())

# --- Thread-local data.
data = threading.local()
data.value = "main"


class Config(threading.local):
    def __init__(self, level):
        self.level = level
        self.items = []


config = Config(3)
config.items.append("main item")


def use_locals(tag):
    print(tag, hasattr(data, "value"), config.level, config.items)
    data.value = tag
    config.items.append(tag)
    config.level += 1
    print(tag, data.value, config.level, config.items, sorted(vars(config)))


for tag in ("x", "y"):
    t = threading.Thread(target=use_locals, args=(tag,))
    t.start()
    t.join()
print(data.value, config.level, config.items)
show_error("local args", threading.local, 1)

# --- Module-level odds and ends.
print(threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError)
print(threading.stack_size(), threading.stack_size(65536), threading.stack_size(0))
show_error("stack size", threading.stack_size, 100)
threading.settrace(None)
print(threading.gettrace(), threading.getprofile())
print(type(threading.get_native_id()).__name__, type(_thread.allocate_lock()).__name__)
print(_thread.error is RuntimeError)

# --- _thread.start_new_thread, waited for with a lock.
finished = _thread.allocate_lock()
finished.acquire()
got = []


def low_level(x, y=0):
    got.append((x + y, threading.current_thread().name.startswith("Dummy-"),
                _thread.get_ident() != main.ident))
    finished.release()


print(type(_thread.start_new_thread(low_level, (1,), {"y": 2})).__name__)
finished.acquire()
print(got)
show_error("args not tuple", _thread.start_new_thread, low_level, [1])
