import statistics as st, pickle, math
from statistics import NormalDist, StatisticsError
from decimal import Decimal as D
from fractions import Fraction as F
nd = NormalDist(100, 15)
print(nd, round(nd.cdf(115), 12), nd.pdf(100), nd.inv_cdf(0.95), nd.zscore(130))
for p in (1e-300, 1e-20, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, 1 - 1e-16):
    print(p, NormalDist().inv_cdf(p), NormalDist(3, 0.5).inv_cdf(p))
print(nd.quantiles(), NormalDist().quantiles(10))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), NormalDist(1, 2).overlap(NormalDist(1, 2)))
print(NormalDist(0, 1).overlap(NormalDist(5, 1)))
a, b = NormalDist(1, 2), NormalDist(3, 4)
print(a + b, a - b, a * 3, 3 * a, a / 2, -a, +a, 10 - a, a + 1, a == NormalDist(1, 2), a == 5, hash(a) == hash(NormalDist(1.0, 2.0)))
print(a.mean, a.median, a.mode, a.stdev, a.variance)
s = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(s, s.samples(3, seed=42))
print(pickle.loads(pickle.dumps(a)) == a)
for bad in (lambda: NormalDist(0, -1), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist(1, 0).cdf(1),
            lambda: NormalDist().inv_cdf(0), lambda: NormalDist().inv_cdf(1.5), lambda: NormalDist(1, 0).zscore(1),
            lambda: a.overlap(3)):
    try:
        bad()
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
data = [D("1.1"), D("2.2"), D("3.35"), D("0.5")]
print(st.mean(data), st.median_high(data), st.median(data), st.variance(data), st.pvariance(data))
print(st.stdev(data), st.pstdev(data), st.stdev([D(1), D(2)]), st.pstdev([D("1.5"), D("2.5"), D(4)]))
print(st.mean([D(1), D(2)]), st.fmean(data), st.mode(data), st.harmonic_mean([D(1), D(2)]) if False else "")
print(F(D("0.25")), F.from_decimal(D("-1.5E3")), F(D("3.14159")), F(D(7)))
for x in ("nan", "inf"):
    try:
        F(D(x))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    F.from_decimal(1.5)
except TypeError as e:
    print(e)
