# weakref.finalize and weakref.WeakMethod.
import weakref


class Resource:
    def __init__(self, name):
        self.name = name

    def method(self, x):
        return (self.name, x)


print("--- finalize")
r = Resource("r")
f = weakref.finalize(r, print, "cleaning up", "r", sep="|")
print(f.alive, f.atexit, f.peek()[1:], f.peek()[0] is r)
del r
print("alive after death:", f.alive, f.peek(), f())
r = Resource("called")
f = weakref.finalize(r, lambda *a, **k: ("result", a, k), 1, 2, k=3)
print("call:", f(), f.alive, f())
print("runs once:", f())
r = Resource("detached")
f = weakref.finalize(r, print, "never printed")
obj, func, args, kwargs = f.detach()
print("detach:", obj is r, func is print, args, kwargs, f.alive, f.detach())
del obj, r
print("nothing printed after detach")
r = Resource("repr")
f = weakref.finalize(r, print)
print(repr(f).startswith("<finalize object at 0x"), "; for 'Resource' at 0x" in repr(f))
f.detach()
print(repr(f).endswith("; dead>"))
del r
order = []
objs = [Resource(i) for i in range(3)]
fs = [weakref.finalize(o, order.append, o.name) for o in objs]
del objs
print("finalized in list order:", order)
f = weakref.finalize(Resource("x"), print, "immediately")
print("temporary object finalized:", f.alive)

print("--- finalize at exit, newest first, unless atexit is false")
keep1 = Resource("keep1")
keep2 = Resource("keep2")
keep3 = Resource("keep3")
weakref.finalize(keep1, print, "exit: keep1")
quiet = weakref.finalize(keep2, print, "exit: keep2 (never)")
quiet.atexit = False
print("atexit:", quiet.atexit)
weakref.finalize(keep3, print, "exit: keep3")

print("--- WeakMethod")
res = Resource("m")
wm = weakref.WeakMethod(res.method)
print(type(wm).__name__, isinstance(wm, weakref.ref), wm()(1))
print("a plain ref to a bound method dies at once:", weakref.ref(res.method)() is None)
wm2 = weakref.WeakMethod(res.method)
print("equal:", wm == wm2, wm != wm2, hash(wm) == hash(wm2), wm is not wm2)
calls = []
wm3 = weakref.WeakMethod(res.method, lambda r: calls.append(r is wm3))
del res
print("dead:", wm(), wm3(), calls, wm == wm2, wm == wm)
try:
    weakref.WeakMethod(print)
except TypeError as e:
    print("TypeError:", e)


def plain():
    pass


try:
    weakref.WeakMethod(plain)
except TypeError as e:
    print("TypeError:", e)


print("end of program")
