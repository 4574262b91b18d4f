# queue: FIFO, LIFO and priority queues, SimpleQueue, bounded queues,
# Empty/Full, task_done/join, subclass hooks, and producer/consumer
# threads run one after the other (or a daemon worker fed by the main
# thread, as in the queue module's documentation).
import queue
import threading


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        print(label, type(exc).__name__, repr(exc))
    else:
        print(label, "->", result)


# --- Orders.
fifo = queue.Queue()
for x in (3, 1, 2):
    fifo.put(x)
print("fifo", [fifo.get() for _ in range(3)], fifo.empty(), fifo.qsize())

lifo = queue.LifoQueue()
for x in (3, 1, 2):
    lifo.put(x)
print("lifo", [lifo.get() for _ in range(3)])

prio = queue.PriorityQueue()
for item in [(2, "write"), (1, "read"), (3, "close"), (1, "open")]:
    prio.put(item)
print("prio", [prio.get() for _ in range(4)])

simple = queue.SimpleQueue()
for x in "abc":
    simple.put(x)
simple.put_nowait("d")
print("simple", simple.qsize(), [simple.get() for _ in range(3)], simple.get_nowait(), simple.empty())

# --- Empty, Full and timeouts (no other thread: nothing arrives).
empty = queue.Queue()
attempt("get_nowait", empty.get_nowait)
attempt("get block=False", empty.get, False)
attempt("get timeout", empty.get, timeout=0.01)
attempt("negative timeout", empty.get, True, -1)
attempt("simple get timeout", queue.SimpleQueue().get, timeout=0.01)
attempt("simple get_nowait", queue.SimpleQueue().get_nowait)

bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print("full", bounded.full(), bounded.qsize(), bounded.maxsize)
attempt("put_nowait", bounded.put_nowait, "c")
attempt("put timeout", bounded.put, "c", timeout=0.01)
attempt("put negative", bounded.put, "c", True, -1)
print(bounded.get(), bounded.full())
bounded.put("c", timeout=1)
print(list(bounded.queue))
unbounded = queue.Queue()
unbounded.put("x", True, -1)
print("unbounded put ignores timeout", unbounded.qsize(), unbounded.full())
print(queue.Queue(maxsize=-1).full(), queue.Queue(0).maxsize)

# --- task_done and join.
tasks = queue.Queue()
for i in range(3):
    tasks.put(i)
print("unfinished", tasks.unfinished_tasks)
while not tasks.empty():
    tasks.get()
    tasks.task_done()
tasks.join()
print("joined", tasks.unfinished_tasks)
attempt("task_done", tasks.task_done)

# --- Exceptions and generic aliases.
print(queue.Empty.__name__, queue.Full.__name__, issubclass(queue.Empty, Exception))
print(queue.Queue[int], queue.SimpleQueue[str])
print(sorted(queue.__all__))


# --- Subclass hooks.
class SortedQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)
        self.queue.sort(reverse=True)

    def _get(self):
        return self.queue.pop()


sq = SortedQueue()
for x in (5, 2, 9, 1):
    sq.put(x)
print("sorted", [sq.get() for _ in range(4)])
with sq.mutex:
    sq.queue.clear()
print(sq.qsize(), sq.unfinished_tasks)

# --- A producer thread, then a consumer thread.
pipe = queue.Queue()
consumed = []


def producer(n):
    for i in range(n):
        pipe.put(i * i)
    pipe.put(None)


def consumer():
    while True:
        item = pipe.get()
        if item is None:
            pipe.task_done()
            break
        consumed.append(item)
        pipe.task_done()


for t in (threading.Thread(target=producer, args=(5,)), threading.Thread(target=consumer)):
    t.start()
    t.join()
pipe.join()
print("consumed", consumed, pipe.empty())

# --- The documented worker: a daemon thread fed by the main thread.
work = queue.Queue()
log = []


def worker():
    while True:
        item = work.get()
        log.append("working on %s" % item)
        work.task_done()


threading.Thread(target=worker, daemon=True).start()
for item in range(4):
    work.put(item)
work.join()
print(log)
print("all work completed", work.unfinished_tasks)

# --- Results from several threads through one queue.
results = queue.Queue()
threads = [threading.Thread(target=lambda n=n: results.put((n, n ** 3))) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.get() for _ in range(results.qsize())))
