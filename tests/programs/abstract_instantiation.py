class A: pass
A.__abstractmethods__ = frozenset({'g','f'})
for f in [lambda: A(), lambda: A(1)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
class B: __abstractmethods__ = frozenset({'f'})
print(type(B()).__name__)
class C(A): pass
print(type(C()).__name__)
A.__abstractmethods__ = frozenset()
print(type(A()).__name__)
A.__abstractmethods__ = ['z']
try: A()
except Exception as e: print(type(e).__name__, e)
class L(list): pass
L.__abstractmethods__ = frozenset({'x'})
print(L())
class N:
    def __new__(cls): return object.__new__(cls)
N.__abstractmethods__ = {'q'}
try: N()
except Exception as e: print(type(e).__name__, e)
del A.__abstractmethods__
print(type(A()).__name__)
import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
try: Base()
except Exception as e: print(type(e).__name__, e)
