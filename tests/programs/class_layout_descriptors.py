# The __dict__ and __weakref__ descriptors a class statement introduces:
# in its namespace, read from the class, listed by dir() only when the
# instances have them (__slots__), and __annotations__ made before the
# body stores into it.
class C: pass
print('__weakref__' in dir(C), '__dict__' in C.__dict__, '__weakref__' in C.__dict__)
print(type(C.__dict__['__dict__']).__name__)
d = C.__dict__['__weakref__']
print(type(d).__name__, d.__name__, d.__objclass__ is C, repr(d).split(' of ')[0])
print(C.__weakref__ is d or type(C.__weakref__).__name__)
c = C()
print(c.__weakref__)
import weakref
r = weakref.ref(c)
print(c.__weakref__ is r)
class S:
    __slots__ = ('a',)
print('__weakref__' in dir(S), hasattr(S, '__weakref__'))
class S:
    __slots__ = ('a',)
class T:
    __slots__ = ('a', '__dict__')
class U:
    __slots__ = ('__weakref__',)
class V(S): pass
class E(Exception): pass
for c in (S, T, U, V, E):
    d = dir(c)
    print(c.__name__, '__dict__' in d, '__weakref__' in d, '__module__' in d, hasattr(c, '__weakref__'), hasattr(c(), '__dict__'))

import typing
@typing.no_type_check
class NTC:
    def meth(self, x: int): ...
print(NTC.meth.__no_type_check__)

exec("'doc'\n__annotations__['early'] = 1\nlate: int = 2\n", ns := {})
print(ns['__annotations__'], ns['__doc__'])
class K:
    'kdoc'
    if True:
        inner: str
    else:
        other: int
print(K.__annotations__, K.__doc__)
