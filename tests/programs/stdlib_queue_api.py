# queue: the API of the four queues, errors, subclasses, daemon worker.
import queue
import threading


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        print(label, type(exc).__name__, repr(exc))
    else:
        print(label, "->", result)


print(queue.__all__)
print(queue.Empty.__module__, queue.Full.__module__, queue.SimpleQueue.__module__,
      queue.Queue.__module__)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Queue[int], queue.SimpleQueue[str], queue.PriorityQueue[int])

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(maxsize=3)
    print(cls.__name__, q.maxsize, q.empty(), q.full(), q.qsize(), q.unfinished_tasks)
    for x in (5, 1, 4):
        q.put(x)
    print(" full", q.full(), q.qsize(), q.unfinished_tasks, type(q.queue).__name__)
    attempt(" put_nowait", q.put_nowait, 9)
    attempt(" put block=False", q.put, 9, False)
    attempt(" put timeout", q.put, 9, True, 0.01)
    attempt(" put negative", q.put, 9, True, -1)
    attempt(" put nonblock negative", q.put, 9, False, -1)
    out = [q.get(), q.get_nowait(), q.get(True, 0.5)]
    print(" got", out, q.empty())
    attempt(" get_nowait", q.get_nowait)
    attempt(" get timeout", q.get, timeout=0)
    attempt(" get negative", q.get, timeout=-0.5)
    attempt(" get nonblock negative", q.get, False, -1)
    for _ in range(3):
        q.task_done()
    attempt(" task_done", q.task_done)
    q.join()
    print(" joined", q.unfinished_tasks)

unbounded = queue.Queue()
for i in range(1000):
    unbounded.put_nowait(i)
print("unbounded", unbounded.full(), unbounded.qsize(), unbounded.maxsize)
neg = queue.Queue(-5)
neg.put(1)
print("negative maxsize", neg.full(), neg.maxsize)
attempt("negative put timeout, unbounded", neg.put, 2, True, -1)

s = queue.SimpleQueue()
print("simple", s.empty(), s.qsize())
s.put(1)
s.put(2, block=False)
s.put(3, timeout=-1)
s.put_nowait(4)
print(s.qsize(), s.get(), s.get(False), s.get(timeout=1), s.get_nowait(), s.empty())
attempt("simple get", s.get, timeout=0.01)
attempt("simple nowait", s.get_nowait)
attempt("simple negative", s.get, True, -1)
attempt("simple nonblock negative", s.get, False, -1)

# ties in a PriorityQueue
p = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (2, "a"), (0, "x"), (1, "y")]:
    p.put(item)
print([p.get() for _ in range(p.qsize())])


class Deduped(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
        self.seen = set()

    def _put(self, item):
        if item not in self.seen:
            self.seen.add(item)
            self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


d = Deduped()
for x in "abcabd":
    d.put(x)
print("dedup", d.qsize(), d.unfinished_tasks, [d.get() for _ in range(d.qsize())])


class Counting(queue.LifoQueue):
    def put(self, item, block=True, timeout=None):
        super().put(item * 10, block, timeout)


c = Counting(2)
c.put(1)
c.put_nowait(2)
attempt("counting full", c.put_nowait, 3)
print("counting", c.get(), c.get())

# a daemon worker fed after it starts, as in the documentation
work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        done.append(item * item)
        work.task_done()


threading.Thread(target=worker, daemon=True).start()
for n in range(5):
    work.put(n)
work.join()
print("worker", done, work.unfinished_tasks)

# producer then consumer, one after the other
pipe = queue.Queue()
t1 = threading.Thread(target=lambda: [pipe.put(i) for i in range(3)])
t1.start()
t1.join()
got = []
t2 = threading.Thread(target=lambda: got.extend(pipe.get() for _ in range(3)))
t2.start()
t2.join()
print("pipe", got, pipe.empty())
print(type(work.mutex).__name__, type(work.not_empty).__name__,
      work.not_full._lock is work.mutex if hasattr(work.not_full, "_lock") else True)
