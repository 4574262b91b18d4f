# lru_cache and dict.setdefault ask a key's __hash__ once per call (its lookup,
# insertion and the recheck after a miss share it), and __eq__ only for
# a different key object of the same hash; the LRU order and cache_info
# are CPython's.
import functools
calls = []
class K:
    def __init__(self, v): self.v = v
    def __hash__(self):
        calls.append(('hash', self.v)); return hash(self.v)
    def __eq__(self, o):
        calls.append(('eq', self.v)); return isinstance(o, K) and o.v == self.v
@functools.lru_cache(maxsize=2)
def f(x, y=0):
    return (getattr(x, 'v', x), y)
a, b, c = K(1), K(2), K(3)
print(f(a), f(a), f(b), f(a), f(c), f(b), f.cache_info())
print(calls); calls.clear()
@functools.lru_cache(maxsize=None)
def g(x): return getattr(x, 'v', x)
print(g(a), g(a), g(K(1)), g.cache_info(), calls); calls.clear()
@functools.lru_cache(maxsize=3)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
@functools.lru_cache(maxsize=None)
def fib2(n): return n if n < 2 else fib2(n - 1) + fib2(n - 2)
print(fib2(100), fib2.cache_info())
try: f([1])
except TypeError as e: print('TypeError', e)
@functools.lru_cache(maxsize=2, typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
d = {}
print(d.setdefault(a, "A"), d.setdefault(K(1), "B"), d.setdefault(b), list(d.values()), calls)
