class C:
    def __init__(self, v): self.v = v
print(C.__call__(3).v, int.__call__("5"), type.__call__(C, 4).v, hasattr(C, "__call__"), callable(C))
class D:
    def __call__(self, x): return x * 2
print(D()(2), D().__call__(3), D.__call__(D(), 4))
def f(x): return x + 1
class E:
    def m(self): return 5
print(hasattr(f, "__call__"), f.__call__(1), hasattr(len, "__call__"), len.__call__([1, 2]), E().m.__call__())
print(hasattr(E, "__call__"), hasattr(E(), "__call__"), callable(E()))
