# statistics results, compared bit for bit (repr) with CPython's.
import random
import statistics as st
from decimal import Decimal, getcontext
from fractions import Fraction as F


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, repr(r))


rng = random.Random(12345)
floats = [rng.uniform(-100, 100) for _ in range(37)]
pos = [rng.uniform(0.1, 50) for _ in range(23)]
ints = [rng.randrange(-50, 100) for _ in range(31)]
posints = [rng.randrange(1, 40) for _ in range(17)]
fracs = [F(rng.randrange(-30, 30), rng.randrange(1, 12)) for _ in range(19)]
decs = [Decimal(rng.randrange(-5000, 5000)) / 100 for _ in range(21)]
datasets = {
    "floats": floats, "pos": pos, "ints": ints, "posints": posints, "fracs": fracs,
    "decs": decs, "one": [3], "two": [1.5, 2.5], "empty": [], "bools": [True, False, True],
    "mixed_if": [1, 2.5, 3], "mixed_fi": [F(1, 3), 2], "mixed_ff": [F(1, 3), 0.5],
    "mixed_df": [Decimal("1.5"), 0.5], "mixed_dF": [Decimal("1.5"), F(1, 2)],
    "inf": [1.0, float("inf"), 2.0], "nan": [1.0, float("nan")], "ninf": [float("-inf"), float("inf")],
    "big": [1e300, 1e300, -1e300, 3.0], "tiny": [5e-324, 1e-320, 2e-310],
    "same": [2.0] * 5, "strs": ["a", "b", "b"], "zero": [0, 0.0, 1.5], "neg": [-1.0, 2.0],
    "intsame": [7, 7, 7, 7],
}
funcs = ["mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low",
         "median_high", "median_grouped", "mode", "multimode", "pvariance", "variance",
         "pstdev", "stdev"]
for name, data in datasets.items():
    for fn in funcs:
        show("%s(%s)" % (fn, name), lambda: getattr(st, fn)(data))
        if fn in ("mean", "variance", "stdev", "median", "fmean", "pvariance"):
            show("%s(iter %s)" % (fn, name), lambda: getattr(st, fn)(iter(data)))
    for n in (1, 2, 3, 4, 5, 10):
        for method in ("exclusive", "inclusive"):
            show("quantiles(%s, n=%d, %s)" % (name, n, method),
                 lambda: st.quantiles(data, n=n, method=method))
show("quantiles bad method", lambda: st.quantiles([1, 2, 3], method="x"))
show("quantiles n=0", lambda: st.quantiles([1, 2, 3], n=0))

for mu_name, mu in [("0", 0), ("1.5", 1.5), ("F", F(1, 3))]:
    show("pvariance mu=" + mu_name, lambda: st.pvariance(fracs, mu))
    show("variance xbar=" + mu_name, lambda: st.variance(ints, mu))
    show("stdev xbar=" + mu_name, lambda: st.stdev(floats, mu))
    show("pstdev mu=" + mu_name, lambda: st.pstdev(posints, mu))
show("variance dec xbar", lambda: st.variance(decs, Decimal("0.5")))

for prec in (5, 28, 40):
    getcontext().prec = prec
    show("dec stdev %d" % prec, lambda: st.stdev(decs))
    show("dec pstdev %d" % prec, lambda: st.pstdev(decs[:7]))
    show("dec mean %d" % prec, lambda: st.mean(decs))
    show("dec variance %d" % prec, lambda: st.variance(decs))
getcontext().prec = 28

weights = [rng.uniform(0.5, 3) for _ in pos]
show("fmean w", lambda: st.fmean(pos, weights))
show("fmean w int", lambda: st.fmean([1, 2, 3], [3, 2, 1]))
show("fmean w iter", lambda: st.fmean(iter([1, 2, 3]), iter([3, 2, 1])))
show("fmean w len", lambda: st.fmean([1, 2, 3], [1, 2]))
show("fmean w zero", lambda: st.fmean([1, 2, 3], [0, 0, 0]))
show("fmean gen", lambda: st.fmean(x for x in floats))
show("fmean empty gen", lambda: st.fmean(x for x in []))
show("harmonic w", lambda: st.harmonic_mean(pos, weights))
show("harmonic w ints", lambda: st.harmonic_mean([40, 60], [5, 30]))
show("harmonic w frac", lambda: st.harmonic_mean([F(1, 2), F(3)], [1, 2]))
show("harmonic w len", lambda: st.harmonic_mean([1, 2], [1]))
show("harmonic w neg", lambda: st.harmonic_mean([1, 2], [1, -1]))
show("harmonic zero", lambda: st.harmonic_mean([1, 0, 2]))
show("harmonic neg", lambda: st.harmonic_mean([1, -2]))
show("harmonic one neg", lambda: st.harmonic_mean([-2]))
show("harmonic one str", lambda: st.harmonic_mean(["a"]))
show("harmonic iter", lambda: st.harmonic_mean(iter([1, 2, 4])))
show("harmonic dec", lambda: st.harmonic_mean([Decimal("1.5"), Decimal(2)]))
show("harmonic w all zero", lambda: st.harmonic_mean([1, 2], [0, 0]))
show("geometric neg", lambda: st.geometric_mean([1, -1]))
show("median_grouped iv", lambda: st.median_grouped([1, 2, 2, 3, 4, 4, 4, 5], 2))
show("median_grouped str", lambda: st.median_grouped(["a", "b"]))
show("median_grouped dec", lambda: st.median_grouped(decs, Decimal("0.5")))
show("median strs", lambda: st.median(["a", "c", "b", "d"]))
show("mode tie", lambda: st.mode([3, 1, 1, 3, 2]))
show("mode empty", lambda: st.mode([]))
show("multimode str", lambda: st.multimode("aabbbcccd"))
show("multimode empty", lambda: st.multimode(""))
show("mean str", lambda: st.mean(["a", "b"]))
show("mean complex", lambda: st.mean([1j, 2]))
show("variance dec-float", lambda: st.variance([Decimal(1), 2.0]))

xs = [rng.uniform(0, 10) for _ in range(15)]
ys = [2.5 * x + rng.gauss(0, 1) for x in xs]
show("covariance", lambda: st.covariance(xs, ys))
show("covariance ints", lambda: st.covariance([1, 2, 3, 4], [1, 3, 2, 5]))
show("correlation", lambda: st.correlation(xs, ys))
show("correlation ints", lambda: st.correlation([1, 2, 3, 4], [1, 3, 2, 5]))
show("correlation const", lambda: st.correlation([1, 1, 1], [1, 2, 3]))
show("correlation len", lambda: st.correlation([1, 2], [1]))
show("correlation short", lambda: st.correlation([1], [1]))
show("covariance len", lambda: st.covariance([1, 2], [1]))
show("covariance short", lambda: st.covariance([1], [1]))
show("linreg", lambda: st.linear_regression(xs, ys))
show("linreg prop", lambda: st.linear_regression(xs, ys, proportional=True))
show("linreg ints", lambda: st.linear_regression([1, 2, 3], [2, 4, 7]))
show("linreg const", lambda: st.linear_regression([1, 1, 1], [1, 2, 3]))
show("linreg len", lambda: st.linear_regression([1, 2], [1]))
show("linreg short", lambda: st.linear_regression([1], [1]))
lr = st.linear_regression([1, 2, 3], [2, 4, 7])
print(lr.slope, lr.intercept, type(lr).__name__, lr._fields)
print(issubclass(st.StatisticsError, ValueError))
