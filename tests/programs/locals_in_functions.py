# locals() in a function: one dict per frame, refreshed from the fast locals on
# each call, so names exec() adds stay visible; dir() lists locals().
def f():
    a = 1
    exec("y = a + 1")
    return locals()["y"]
print(f())
def g():
    l = locals()
    b = 2
    print(sorted(l), l is locals(), sorted(l))
g()
def h(x):
    y = 1
    def inner(): return x
    del y
    print(dir(), sorted(locals()))
h(3)
class K:
    a = 1
    print(dir())
print([n for n in dir() if not n.startswith("__")])
def gen():
    q = 1
    yield sorted(locals())
    exec("r = 5")
    yield sorted(locals())
print(list(gen()))
