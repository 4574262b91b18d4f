# A class body that binds a name nested functions reach in an enclosing function relays the outer variable (CPython's DEF_FREE_CLASS).
def make(encode):
    class C:
        def encode(self): return encode()
    return C
print(make(lambda: 'ok')().encode())
def outer(x):
    class D:
        x = x if False else 5
        def get(self): return x
    return D
print(outer(3)().get(), outer(3).x)
def deep(v):
    class A:
        v = 10
        class B:
            def get(self): return v
        def me(self): return v
    return A
A = deep(7)
print(A.v, A.B().get(), A().me())
def both(name):
    class K:
        name = name + "!" if False else "cls"
        def f(self): return name
        g = lambda self: name
    return K
print(both("x")().f(), both("x")().g(), both("x").name)
