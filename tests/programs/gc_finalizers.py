# Finalizers of objects in cyclic garbage (PEP 442): __del__ runs once,
# weak references are cleared first, resurrection is safe, generators
# are closed.
import gc
import weakref

class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Loud("a")
a.me = a
del a
print("collecting")
gc.collect()
print("collected")

# The __del__ of each object of a larger cycle runs once.
order = []
class Counted:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        order.append(self.name)
x = Counted("x"); y = Counted("y"); z = Counted("z")
x.n = y; y.n = z; z.n = x
del x, y, z
gc.collect()
print(sorted(order))
gc.collect()
print(sorted(order))

# Weak references to garbage are cleared before __del__ runs.
class Check:
    def __del__(self):
        print("ref inside __del__ is None:", self.ref() is None)
c = Check()
c.ref = weakref.ref(c)
c.me = c
del c
gc.collect()

# Resurrection: __del__ stores the object; it lives on, usable, and its
# __del__ does not run again.
saved = []
class Phoenix:
    def __init__(self):
        self.lives = 1
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)
p = Phoenix()
p.me = p
del p
gc.collect()
print("saved:", len(saved), saved[0].lives, saved[0].me is saved[0])
print("is_finalized:", gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("no second __del__")

# A generator suspended in a try/finally is closed when collected.
def worker(log):
    try:
        while True:
            yield
    finally:
        log.append("finally ran")
log = []
g = worker(log)
next(g)
log_ref = log
class Cycle:
    pass
cyc = Cycle()
cyc.g = g
cyc.me = cyc
del g, cyc
gc.collect()
print(log_ref)

# A callback of a weak reference that is not garbage itself runs.
events = []
class Target:
    pass
t = Target()
t.me = t
keep_ref = weakref.ref(t, lambda r: events.append("callback"))
del t
gc.collect()
print(events, keep_ref() is None)

# Objects in cycles still alive at exit are finalized at exit.
e = Loud("at exit")
e.me = e
print("end of program")
