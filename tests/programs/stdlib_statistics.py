# statistics: averages, spread and quantiles, exact where CPython is exact.
import random
import statistics as st
from fractions import Fraction as F

inf, nan = float("inf"), float("nan")


def describe(value):
    # An iterator's repr holds its address: name its type instead.
    if isinstance(value, (list, tuple, str, range, int, float, F)):
        return repr(value)
    return "<iterator>"


def show(f, *args, **kwargs):
    label = f.__name__ + "(" + ", ".join(map(describe, args))[:60] + ")" + (
        repr(kwargs) if kwargs else "")
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


# NormalDist is not there in krait.
print(st.StatisticsError.__mro__[1].__name__, [n for n in sorted(st.__all__) if n != "NormalDist"])

datasets = [
    [1, 2, 3, 4],
    [1, 2, 3],
    [2, 2, 3, 5, 7, 7, 7],
    [True, False, True],
    [True, True],
    [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
    [0.1, 0.2, 0.3, 0.4],
    [F(1, 2), F(3, 4), F(5, 6)],
    [F(1, 2), 1],
    [F(1, 2), 1.5],
    [1, 2.5],
    [10 ** 20, 10 ** 20 + 1, 10 ** 20 + 3],
    [1e300, 1e300, -1e300],
    [5],
    [-1.5, -2.5],
    [1, inf],
    [1, -inf, inf],
    [1, nan],
]
for data in datasets:
    print("data", data)
    for f in (st.mean, st.fmean, st.median, st.median_low, st.median_high, st.median_grouped,
              st.mode, st.multimode, st.pvariance, st.variance, st.pstdev, st.stdev):
        show(f, data)

# Empty and bad data.
for f in (st.mean, st.fmean, st.geometric_mean, st.harmonic_mean, st.median, st.median_low,
          st.median_high, st.median_grouped, st.mode, st.multimode, st.pvariance, st.variance,
          st.pstdev, st.stdev):
    show(f, [])
    show(f, iter([]))
for f in (st.variance, st.stdev):
    show(f, [1])
for f in (st.mean, st.variance, st.pvariance):
    show(f, ["a", "b"])
    show(f, [1, None])
show(st.mean, [1.0, "x"])
show(st.median, [1, "x"])
show(st.median_grouped, ["a"])
show(st.median_grouped, [1, 2, 3], interval="x")
show(st.median_grouped, [1, 2, 3], interval=None)

# Iterators and generators work as well as lists.
print(st.mean(iter([1, 2, 3, 4])), st.fmean(x for x in [1, 2, 3]), st.variance(iter([1, 2, 3, 4])),
      st.median(iter([3, 1, 2])), st.mode(iter("abracadabra")), st.multimode(iter("aabbc")),
      st.harmonic_mean(iter([1, 2, 4])), st.pstdev(iter([1.5, 2.5])), st.quantiles(iter(range(10))))

# Given means.
show(st.variance, [1, 2, 3, 4], 2)
show(st.variance, [1, 2, 3, 4], 2.5)
show(st.pvariance, [1, 2, 3, 4], 2)
show(st.pvariance, [1, 2, 3, 4], F(5, 2))
show(st.stdev, [1, 2, 3, 4], 2.5)
show(st.pstdev, [1, 2, 3, 4], 2)
show(st.pvariance, [F(1, 3), F(2, 3)], F(1, 2))

# fmean with weights, geometric and harmonic means.
show(st.fmean, [1, 2, 3], [3, 2, 1])
show(st.fmean, [85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30])
show(st.fmean, iter([1, 2, 3]), iter([1, 1, 1]))
show(st.fmean, [1, 2], [1])
show(st.fmean, [1, 2], [1, -1])
show(st.fmean, [])
show(st.fmean, [F(1, 3), F(2, 3)])
for data in ([54, 24, 36], [1, 2, 4, 8], [2.5, 4.0], [F(1, 2), 8], [], [1, -1], [0, 1], [1]):
    show(st.geometric_mean, data)
for args in [([40, 60],), ([40, 60], [5, 30]), ([1, 2, 4],), ([1.0, 2, 4],), ([1, 3],),
             ([F(1, 2), F(1, 3)],), ([F(5)],), ([5],), ([2.5],), (["a"],), ([0, 1],),
             ([1, 2], [0, 0]), ([1, 2], [1]), ([1, -2],), ([-1],), ([1, 2], [-1, 1]),
             ([2, 4], [F(1, 2), 3]), ([1, 2], iter([1, 1])), ([],)]:
    show(st.harmonic_mean, *args)

# Medians of various kinds.
for data in ([5, 3, 1, 4], [1, 3, 5], ["b", "a", "d", "c"], [1.5, F(1, 2)], [52, 52, 53, 54],
             [1, 2, 2, 3, 4, 4, 4, 4, 4, 5], [1], [1, 3, 3, 5, 7]):
    print(data, st.median_low(data), st.median_high(data))
    show(st.median, data)
    show(st.median_grouped, data)
    show(st.median_grouped, data, 2)
    show(st.median_grouped, data, interval=0.5)

# Modes.
for data in ([1, 1, 2, 3, 3, 3, 3, 4], "aabbbbccddddeeffffgg", [], ["red", "blue", "red", "blue"],
             [1.0, 1, True], [(1, 2), (1, 2), None, None], range(5)):
    show(st.mode, data)
    show(st.multimode, data)

# Quantiles.
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91,
        103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111,
        88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print([round(q, 1) for q in st.quantiles(data, n=10)])
for n in (1, 2, 3, 4, 5, 10):
    for method in ("exclusive", "inclusive"):
        show(st.quantiles, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=n, method=method)
show(st.quantiles, [1.5, 2.5], n=4)
show(st.quantiles, [F(1, 2), F(3, 2), F(7, 3)], n=3)
show(st.quantiles, [F(1, 2), F(3, 2), F(7, 3)], n=3, method="inclusive")
show(st.quantiles, [1, 2], n=0)
show(st.quantiles, [1], n=4)
show(st.quantiles, [1, 2, 3], method="other")

# Covariance, correlation, regression.
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = list(reversed(x))
print(st.covariance(x, y), st.covariance(z, x), st.correlation(x, x), st.correlation(x, z))
print(st.linear_regression(x, [2 * v + 1 for v in x]), st.linear_regression(x, y))
print(st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
lr = st.linear_regression([1, 2], [3, 5])
print(lr.slope, lr.intercept, type(lr).__name__, lr._fields)
for f in (st.covariance, st.correlation, st.linear_regression):
    show(f, [1, 2], [1])
    show(f, [1], [1])
show(st.correlation, [1, 1, 1], [1, 2, 3])
show(st.linear_regression, [1, 1, 1], [1, 2, 3])

# Seeded random data: the float results must agree to the last bit.
rng = random.Random(2024)
for trial in range(40):
    size = rng.randrange(2, 12)
    data = [rng.uniform(-1000, 1000) for _ in range(size)]
    other = [rng.gauss(0, 50) for _ in range(size)]
    print(trial, st.mean(data), st.fmean(data), st.median(data), st.pvariance(data),
          st.variance(data), st.pstdev(data), st.stdev(data), st.geometric_mean([abs(v) + 1 for v in data]),
          st.harmonic_mean([abs(v) for v in data]), st.quantiles(data, n=5),
          st.covariance(data, other), st.correlation(data, other), st.linear_regression(data, other))
for trial in range(10):
    ints = [rng.randrange(-50, 100) for _ in range(rng.randrange(2, 15))]
    print(trial, ints, st.mean(ints), st.median(ints), st.pvariance(ints), st.variance(ints),
          st.stdev(ints), st.pstdev(ints), st.mode(ints), st.multimode(ints), st.quantiles(ints),
          st.quantiles(ints, method="inclusive"))
fr = [F(rng.randrange(1, 100), rng.randrange(1, 100)) for _ in range(7)]
print(fr)
print(st.mean(fr), st.median(fr), st.pvariance(fr), st.variance(fr), st.stdev(fr), st.harmonic_mean(fr))


# Subclasses keep their type through the exact conversion.
class MyFloat(float):
    def __repr__(self):
        return f"MyFloat({float(self)!r})"


class MyInt(int):
    pass


show(st.mean, [MyFloat(1.5), MyFloat(2.5)])
show(st.mean, [MyFloat(1.5), 2])
show(st.mean, [MyFloat(1.5), 2.5])
show(st.variance, [MyFloat(1.5), MyFloat(2.0), 3])
show(st.mean, [MyInt(1), MyInt(3)])
show(st.mean, [MyInt(1), MyInt(2)])
show(st.mean, [MyInt(1), F(1, 2)])
show(st.median, [MyInt(1), MyInt(2)])
show(st.pvariance, [MyInt(1), MyInt(3)])
