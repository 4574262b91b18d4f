class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("M.__new__", mcs.__name__, name, [b.__name__ for b in bases])
        ns['tag'] = 'from M'
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name)
        super().__init__(name, bases, ns)
class A(metaclass=M): pass
X = type("X", (A,), {})
print(type(X).__name__, X.tag, X.__mro__[1].__name__)
class N(type): pass
class B(metaclass=N): pass
Y = type("Y", (B,), {'v': 1})
print(type(Y).__name__, Y.v)
Z = type("Z", (), {})
print(type(Z).__name__)
class M2(type):
    def __call__(cls, *a): return "called"
class C(metaclass=M2): pass
W = type("W", (C,), {})
print(type(W).__name__, W())
print(type(type("Q", (int,), {})(3)).__name__)
class Other(type): pass
class O(metaclass=Other): pass
try: type("Conf", (A, O), {})
except Exception as e: print(type(e).__name__, e)
T = type.__new__(type, "T", (A,), {})
print(type(T).__name__, getattr(T, 'tag', None))
