# Reference cycles are freed by the cycle collector: each case makes a
# cycle, drops the last outside reference, collects, and checks through a
# weak reference (or a callback) that the objects died.
import gc
import weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

died = []
def note(name):
    return lambda ref: died.append(name)

def check(label, refs):
    gc.collect()
    print(label, [r() is None for r in refs])

# Two instances pointing at each other.
a = Node("a"); b = Node("b")
a.other = b; b.other = a
refs = [weakref.ref(a, note("a")), weakref.ref(b, note("b"))]
del a, b
print("alive before collect:", [r() is not None for r in refs])
check("pair", refs)
print("callbacks:", sorted(died))

# An instance referring to itself through its own list and dict.
n = Node("self")
n.items = [n, {"again": n}]
r = weakref.ref(n)
del n
check("self via list and dict", [r])

# A cycle that goes through a tuple and a bound method.
n = Node("tuple")
n.pair = (1, n)
m = Node("method")
m.callback = m.__init__
rs = [weakref.ref(n), weakref.ref(m)]
del n, m
check("through tuple and bound method", rs)

# A cycle through a closure: a nested function that refers to itself.
def outer():
    def recurse(k):
        return 0 if k == 0 else recurse(k - 1)
    return recurse
f = outer()
print("closure works:", f(5))
r = weakref.ref(f)
del f
check("recursive closure", [r])

# A long ring of nodes.
first = Node(0)
node = first
ring = []
for i in range(1, 1000):
    nxt = Node(i)
    node.other = nxt
    node = nxt
    if i % 100 == 0:
        ring.append(weakref.ref(nxt))
node.other = first
ring.append(weakref.ref(first))
del first, node, nxt
check("ring of 1000", ring)

# A list that contains itself, and a dict that contains itself.
class Box:
    pass
holder = Box()
l = []
l.append(l)
holder.l = l
d = {}
d["d"] = d
holder.d = d
del l, d
print("holder keeps them:", holder.l[0] is holder.l, holder.d["d"] is holder.d)
r = weakref.ref(holder)
holder.me = holder
del holder
check("containers inside a cycle", [r])

# Objects still referenced from outside are not collected.
keep = Node("keep")
keep.other = Node("child")
keep.other.other = keep
gc.collect()
print("kept:", keep.name, keep.other.name, keep.other.other is keep)

# gc.collect() counts what it found.
for i in range(10):
    x = Node(i); x.other = x
del x
print("found at least 10:", gc.collect() >= 10)
print("nothing left:", gc.collect())

# A generator suspended inside a cycle.
def gen():
    me = yield 1
    yield me
g = gen()
next(g)
g.send(g)
r = weakref.ref(g)
del g
check("generator referring to itself", [r])

# An exception caught and kept by an object it refers to.
class Holder:
    pass
h = Holder()
try:
    raise ValueError(h)
except ValueError as e:
    h.error = e
r = weakref.ref(h)
del h
check("exception in a cycle", [r])
