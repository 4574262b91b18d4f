# The gc module's interface.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(old)
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) for c in count))

for bad in ["gc.collect(3)", "gc.collect(-1)", "gc.collect('x')", "gc.set_threshold()",
            "gc.set_threshold(1, 2, 3, 4)", "gc.get_objects(5)", "gc.is_tracked()",
            "gc.enable(1)", "gc.set_debug('x')"]:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, "->", type(e).__name__, e)

print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)

# Tracking, as documented.
print([gc.is_tracked(v) for v in (0, "a", [], {}, {"a": 1}, {"a": []}, (1, 2), (1, []), set(), lambda: 0)])
class C:
    pass
print(gc.is_tracked(C()), gc.is_tracked(C))

# Referents and referrers.
inner = [1, 2]
outer = [inner, "s"]
print(inner in gc.get_referents(outer), any(r is outer for r in gc.get_referrers(inner)))
fresh = ["fresh"]
print(any(o is fresh for o in gc.get_objects()))

# Statistics.
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

# Callbacks see the start and the end of each collection.
seen = []
def callback(phase, info):
    seen.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(callback)
gc.collect(1)
gc.callbacks.remove(callback)
print(seen)

# DEBUG_SAVEALL keeps the garbage in gc.garbage.
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
gc.collect()
print(any(type(o) is list and len(o) == 1 and o[0] is o for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)

# freeze() moves everything out of the collector's reach.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# Collection happens by itself when enough objects are made.
import weakref
dead = []
class Node:
    pass
gc.collect()
for i in range(5000):
    n = Node()
    n.me = n
    weakref.finalize(n, dead.append, i) if i % 1000 == 0 else None
del n
print("collected without gc.collect():", len(dead) >= 3)
gc.disable()
before = len(dead)
for i in range(5000):
    n = Node()
    n.me = n
    if i == 0:
        weakref.finalize(n, dead.append, "disabled")
del n
print("nothing while disabled:", "disabled" not in dead)
gc.enable()
gc.collect()
print("after enable:", "disabled" in dead)
