# gc.freeze() moves classes too: a frozen class in a cycle is not
# collected until unfrozen, and gc.get_objects() leaves frozen objects out
# (CPython's permanent generation).
import gc, weakref
class A:
    pass
A.me = A
r = weakref.ref(A)
gc.freeze()
del A
print("collected while frozen:", gc.collect() >= 0, r() is not None)
print("freeze count positive:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
gc.collect()
print("alive after unfreeze + collect:", r() is not None)
class B:
    pass
gc.freeze()
print("frozen objects listed:", any(o is B for o in gc.get_objects()))
gc.unfreeze()
print("unfrozen objects listed:", any(o is B for o in gc.get_objects()))
