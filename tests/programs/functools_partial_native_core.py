# functools.partial, made and called natively: stored and given arguments
# and keywords, flattening of plain partials (not of ones with attributes
# or their own __call__), subclasses, read-only parts, __dict__,
# pickling, copying, __setstate__, recursive repr, signatures.
import functools, pickle, copy, weakref, inspect
def f(*a, **k): return (a, sorted(k.items()))
p = functools.partial(f, 1, x=2)
print(p(3), p(3, x=5, y=6), p.func is f, p.args, p.keywords, repr(p).replace(repr(f), 'F'))
q = functools.partial(p, 4, z=7)
print(q.func is f, q.args, q.keywords, q())
p.attr = 'a'
r = functools.partial(p, 9)
print(r.func is p, r.args, r())
class MyP(functools.partial):
    def __call__(self, *a, **k):
        return ('my', super().__call__(*a, **k))
m = MyP(f, 1)
print(m(2), repr(m).replace(repr(f), 'F'), type(m).__name__)
n = functools.partial(m, 3)
print(n.func is m, n())
class Plain(functools.partial): pass
pl = Plain(f, 5)
fl = functools.partial(pl, 6)
print(fl.func is f, fl.args, isinstance(pl, functools.partial))
for bad in [lambda: functools.partial(), lambda: functools.partial(5)]:
    try: bad()
    except TypeError as e: print('TypeError', e)
try: p.func = 1
except AttributeError as e: print('AttributeError', e)
try: del p.__dict__
except TypeError as e: print('TypeError', e)
p.__dict__ = {'k': 1}; print(p.k, p.__dict__)
g = functools.partial(max, key=len)
print(g(['a', 'bbb'], ['cc']), pickle.loads(pickle.dumps(g))(['x'], ['yy']))
p2 = pickle.loads(pickle.dumps(functools.partial(sorted, reverse=True)))
print(p2([3, 1, 2]), p2.keywords, copy.copy(p2)([1, 2]), copy.deepcopy(p2)([5, 6]))
w = weakref.ref(p2); print(w() is p2)
print(inspect.signature(functools.partial(f, 1)), inspect.signature(functools.partial(lambda a, b, c=1: 0, 1)))
s = functools.partial(f); s.__setstate__((f, (1,), {'a': 2}, {'n': 3})); print(s(), s.n)
try: s.__setstate__((1, 2))
except TypeError as e: print('TypeError', e)
rec = functools.partial(f); rec.__setstate__((f, (), {}, None))
d = {}; pp = functools.partial(f, d); d['self'] = pp
print(repr(pp).replace(repr(f), 'F'))
print(functools.partial[int], callable(p))
class C:
    m = functools.partial(f, 'bound?')
print(C().m(1))
print(list(map(functools.partial(pow, 2), range(5))), sorted([3, 1, 2], key=functools.partial(lambda k, x: -x, 0)))
