# Classes in reference cycles are freed by the cycle collector, as
# CPython's: a class referring to itself, through a method's `__class__`
# cell, through its metaclass, through a tuple or its instances; weak
# references to a collected class die (their callbacks run); a class a
# finalizer stores somewhere alive survives, with its methods.
import gc
import weakref

died = []
def note(name):
    return lambda ref: died.append(name)

def check(label, ref):
    gc.collect()
    print(label, "collected:", ref() is None)

# A class whose namespace refers to the class itself.
class Selfish:
    pass
Selfish.me = Selfish
r = weakref.ref(Selfish, note("Selfish"))
del Selfish
print("alive before collect:", r() is not None)
check("self-reference", r)
print("callback ran:", died)

# A method using super(): the class is in the method's __class__ cell.
class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        return "child of " + super().greet()
print(Child().greet())
r = weakref.ref(Child)
print("subclasses before:", [c.__name__ for c in Base.__subclasses__()])
del Child
check("super() cell", r)
print("subclasses after:", [c.__name__ for c in Base.__subclasses__()])
print("base still works:", Base().greet())

# Methods called many times: the lookup caches must not keep it alive.
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        return self
    def run(self):
        for _ in range(50):
            self.bump()
        return self.n
print("counted:", Counter().run(), Counter().run())
r = weakref.ref(Counter)
del Counter
check("cached methods", r)

# A metaclass whose __new__ uses super(), and a class made with it.
class Meta(type):
    made = []
    def __new__(meta, name, bases, namespace):
        cls = super().__new__(meta, name, bases, namespace)
        meta.made.append(name)
        return cls
class WithMeta(metaclass=Meta):
    def method(self):
        return __class__.__name__
print(WithMeta().method(), Meta.made)
r_class = weakref.ref(WithMeta)
r_meta = weakref.ref(Meta)
del WithMeta, Meta
gc.collect()
print("metaclass pair collected:", r_class() is None, r_meta() is None)

# Classes held only by a tuple in a cycle.
class A:
    pass
class B(A):
    pass
holder = [(A, B)]
holder.append(holder)
refs = [weakref.ref(A), weakref.ref(B)]
del A, B, holder
gc.collect()
print("tuple of classes collected:", [x() is None for x in refs])

# Instances in a cycle with their class, one with __del__.
class Finalized:
    deleted = []
    def __del__(self):
        print("__del__ of", type(self).__name__, self.name)
x = Finalized()
x.name = "x"
x.cls = Finalized
Finalized.instance = x
r = weakref.ref(Finalized)
del x, Finalized
check("class and instance with __del__", r)

# A finalizer that stores its class somewhere alive: the class survives,
# methods and all.
saved = []
class Phoenix:
    def __del__(self):
        saved.append(type(self))
    def hello(self):
        return "still here"
p = Phoenix()
p.cls = Phoenix
Phoenix.keep = p
r = weakref.ref(Phoenix)
del p, Phoenix
gc.collect()
print("weak reference cleared first:", r() is None, saved[0].__name__)
print(saved[0]().hello())

# A class made by type() in a loop, each in a cycle: none outlives a
# collection.
refs = []
for i in range(20):
    made = type("Made%d" % i, (), {"index": i})
    made.self_ref = made
    refs.append(weakref.ref(made))
del made
gc.collect()
print("classes made in a loop collected:", sum(x() is None for x in refs), "of", len(refs))

# gc.collect() counts collected classes among what it found.
class Counted:
    pass
Counted.me = Counted
del Counted
print("collect found something:", gc.collect() > 0)

# Classes are tracked objects, as in CPython (builtin types are not).
print("tracked:", gc.is_tracked(Base), Base in gc.get_objects(), gc.is_tracked(int))
print("int listed:", any(o is int for o in gc.get_objects()))
