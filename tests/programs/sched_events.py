# sched: a scheduler on a simulated clock (ordering by time, priority and
# entry order; cancel; non-blocking runs; events entered while running).


class Clock:
    def __init__(self):
        self.now = 0.0
        self.slept = []

    def time(self):
        return self.now

    def sleep(self, delay):
        self.slept.append(delay)
        self.now += delay


import sched

clock = Clock()
s = sched.scheduler(clock.time, clock.sleep)
log = []


def note(*args, **kwargs):
    log.append((clock.now, args, kwargs))


a = s.enter(5, 1, note, ("five",))
b = s.enter(2, 2, note, ("two low",))
c = s.enter(2, 1, note, ("two high",))
d = s.enterabs(2, 1, note, ("two high again",), {"k": 1})
e = s.enter(1, 1, note)
print([(ev.time, ev.priority, ev.sequence, ev.argument) for ev in s.queue])
print(type(a).__name__, a._fields, a < b, c < d, e < c)
s.cancel(b)
try:
    s.cancel(b)
except ValueError as exc:
    print("ValueError", exc)
print(s.empty(), len(s.queue))


def chain(n):
    note("chain", n)
    if n:
        s.enter(0.5, 1, chain, (n - 1,))


s.enter(3, 0, chain, (2,))
print(s.run(blocking=False), log)
s.run()
for entry in log:
    print(entry)
print(clock.slept, clock.now, s.empty(), s.run(), s.queue)
print(sched.__all__)
