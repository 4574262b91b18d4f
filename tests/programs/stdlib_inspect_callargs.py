import inspect


def f0():
    pass


def f1(a):
    pass


def f2(a, b=1, *args, k, m=2, **kw):
    pass


def f3(a, b, c, d=4):
    pass


def f4(a, b, c, *, x, y, z):
    pass


class K:
    def meth(self, p, q=0):
        pass

    @classmethod
    def cmeth(cls, r):
        pass


calls = [
    (f0, (), {}), (f0, (1,), {}), (f0, (1, 2), {}), (f0, (), {"a": 1}),
    (f1, (), {}), (f1, (1,), {}), (f1, (1, 2), {}), (f1, (), {"a": 1}),
    (f1, (1,), {"a": 1}), (f1, (), {"b": 1}),
    (f2, (1,), {"k": 1}), (f2, (1, 2, 3, 4), {"k": 1, "z": 9}), (f2, (), {"k": 1}),
    (f2, (1,), {}), (f2, (), {}), (f2, (1,), {"b": 2, "k": 3, "m": 4}),
    (f2, (1,), {"args": 5, "k": 1}), (f2, (1,), {"kw": 5, "k": 1}),
    (f3, (), {}), (f3, (1,), {}), (f3, (1, 2), {}), (f3, (1, 2, 3), {}),
    (f3, (1, 2, 3, 4, 5), {}), (f3, (1, 2, 3, 4, 5, 6), {"x": 1}),
    (f3, (1,), {"c": 3}), (f3, (1, 2), {"d": 1}),
    (f4, (1, 2, 3), {}), (f4, (1, 2, 3), {"y": 1}), (f4, (1, 2, 3, 4), {"x": 1}),
    (f4, (1, 2, 3, 4, 5), {"x": 1, "y": 2}), (f4, (1,), {}),
    (f1, (1, 2), {"q": 0}),
    (K().meth, (1,), {}), (K().meth, (), {}), (K().meth, (1, 2, 3), {}),
    (K.cmeth, (1,), {}), (K.cmeth, (), {}), (K.meth, (K(), 5), {}),
]
for fn, args, kwargs in calls:
    try:
        res = inspect.getcallargs(fn, *args, **kwargs)
        args = tuple("K()" if isinstance(a, K) else a for a in args)
        print(fn.__name__, args, kwargs, "->",
              sorted((k, v if not isinstance(v, K) and not isinstance(v, type) else type(v).__name__)
                     for k, v in res.items()))
    except TypeError as e:
        print(fn.__name__, args, kwargs, "!", e)
