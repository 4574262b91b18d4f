for c in (AttributeError, NameError, ImportError, ValueError):
    try: c('m', foo=1)
    except TypeError as e: print(e)
e=AttributeError('x'); print(e.name, e.obj, hasattr(e, 'name'), getattr(e, 'obj', 5))
e=NameError('x'); print(e.name)
e=AttributeError('x', name='n', obj=3); print(e.name, e.obj, e.args)
e=NameError('x', name='y'); print(e.name, e.args)
e.name = 'z'; print(e.name)
class A:
    def __repr__(self): return 'A()'
try: A().zz
except AttributeError as e: print(e.name, e.obj)
try: A.zz
except AttributeError as e: print(e.name, e.obj)
import math
try: math.zz
except AttributeError as e: print(e.name, e.obj.__name__)
try: getattr(1,'zz')
except AttributeError as e: print(e.name, e.obj)
try: (1).zz
except AttributeError as e: print(e.name, e.obj)
try: None.foo()
except AttributeError as e: print(e.name, e.obj)
class B:
    def __repr__(self): return 'B()'
    def __getattr__(self, n): raise AttributeError('custom')
try: B().q
except AttributeError as e: print(e.name, e.obj)
class C:
    def __repr__(self): return 'C()'
    def __getattr__(self, n): raise AttributeError('custom', name='given', obj=0)
try: C().q
except AttributeError as e: print(e.name, e.obj)
try: xyz
except NameError as e: print(e.name)
def f():
    try: return qq
    except NameError as e: print(e.name)
f()
def g():
    v = 1; del v
    try: v
    except NameError as e: print(type(e).__name__, e.name)
g()
class MyAE(AttributeError): pass
e = MyAE('m'); print(e.name)
class D:
    @property
    def p(self): raise MyAE('inner')
try: D().p
except AttributeError as e: print(type(e).__name__, e.name, type(e.obj).__name__)
try: import nosuchmod
except ImportError as e: print(e.name, e.path)
