# NormalDist: exact float results and messages, compared with CPython.
import pickle
import random
import statistics as st
from statistics import NormalDist as N
from fractions import Fraction as F


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, repr(r))


d = N(100, 15)
z = N()
print(repr(d), repr(z), d.mean, d.median, d.mode, d.stdev, d.variance)
for x in [-1e9, 0, 40, 85.5, 100, 115, 160, 1e9, F(201, 2)]:
    show("pdf %r" % x, lambda: d.pdf(x))
    show("cdf %r" % x, lambda: d.cdf(x))
    show("zscore %r" % x, lambda: d.zscore(x))
ps = [1e-300, 1e-20, 1e-10, 0.0001, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.075, 0.1, 0.2, 0.3,
      0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.925, 0.95, 0.975, 0.97575, 0.99, 0.999, 0.9999,
      1 - 1e-10, 1 - 1e-16]
for p in ps:
    show("inv_cdf %r" % p, lambda: z.inv_cdf(p))
    show("d.inv_cdf %r" % p, lambda: d.inv_cdf(p))
for p in [0, 1, -0.5, 1.5]:
    show("inv_cdf bad %r" % p, lambda: z.inv_cdf(p))
for n in [1, 2, 4, 10]:
    show("quantiles %d" % n, lambda: d.quantiles(n))
show("quantiles default", lambda: z.quantiles())
pairs = [(N(0, 1), N(0, 1)), (N(0, 1), N(1, 1)), (N(0, 1), N(0, 2)), (N(2.4, 1.6), N(3.2, 2.0)),
         (N(10, 3), N(-4, 0.5)), (N(5, 2), N(5, 1)), (N(0, 1), N(50, 1))]
for a, b in pairs:
    show("overlap %r %r" % (a, b), lambda: a.overlap(b))
    show("overlap %r %r" % (b, a), lambda: b.overlap(a))
show("overlap type", lambda: z.overlap(3))
show("overlap zero", lambda: z.overlap(N(0, 0)))
zero = N(5, 0)
for meth in ["pdf", "cdf", "zscore"]:
    show(meth + " sigma0", lambda: getattr(zero, meth)(1))
show("inv_cdf sigma0", lambda: zero.inv_cdf(0.5))
show("neg sigma", lambda: N(0, -1))
show("str mu", lambda: N("1", 2))
show("int args", lambda: N(3, 4))
show("frac args", lambda: N(F(1, 3), F(1, 7)))
for r in [d + 5, 5 + d, d - 5, 5 - d, d * 2, 2 * d, d * -2, d / 4, d / -4, -d, +d,
          d + z, d - z, z - d]:
    print(repr(r))
show("d * d", lambda: d * d)
show("d / d", lambda: d / d)
print(d == N(100, 15), d == N(100, 16), d == 3, d != z, hash(d) == hash(N(100.0, 15.0)))
print(pickle.loads(pickle.dumps(d)) == d, d.__getstate__())
data = [random.Random(7).gauss(50, 6) for _ in range(3)] + [1.5, 2.25, 3.125, 4, 9, 10.5]
rng = random.Random(3)
data2 = [rng.uniform(-5, 5) for _ in range(101)]
for dd in [data, data2, [1, 2], [F(1, 3), F(1, 2), 1], range(10), (x for x in [1.0, 2.0, 4.0])]:
    show("from_samples", lambda: N.from_samples(dd))
show("from_samples short", lambda: N.from_samples([1]))
show("from_samples empty", lambda: N.from_samples([]))


class MyN(N):
    pass


m = MyN.from_samples([1, 2, 3, 4])
print(type(m).__name__, repr(m), type(m + 1).__name__)
s1 = N(0, 1).samples(5, seed=42)
s2 = N(0, 1).samples(5, seed=42)
print(len(s1), s1 == s2, N(3, 0).samples(2, seed=1))
try:
    d.foo = 1
except AttributeError:
    print("AttributeError")
