"""Mathematical statistics of numeric data (krait's implementation).

Averages: mean, fmean, geometric_mean, harmonic_mean, median, median_low,
median_high, median_grouped, mode, multimode, quantiles.
Spread: pvariance, variance, pstdev, stdev.
Two inputs: covariance, correlation, linear_regression.
NormalDist models a normal distribution.

Means and variances are computed exactly over integer ratios and only
converted to the data's type at the end.
"""

import math
import numbers
import random
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from decimal import Decimal
from fractions import Fraction
from functools import reduce
from itertools import repeat
from operator import mul

__all__ = [
    "NormalDist",
    "StatisticsError",
    "correlation",
    "covariance",
    "fmean",
    "geometric_mean",
    "harmonic_mean",
    "linear_regression",
    "mean",
    "median",
    "median_grouped",
    "median_high",
    "median_low",
    "mode",
    "multimode",
    "pstdev",
    "pvariance",
    "quantiles",
    "stdev",
    "variance",
]

_fsum = math.fsum
_sqrt = math.sqrt
_fabs = math.fabs
_erf = math.erf


class StatisticsError(ValueError):
    pass


# ---------------------------------------------------------------------------
# Exact accumulation

def _exact_ratio(x):
    """x as an integer pair (n, d); a non-finite float gives (x, None)."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        kind = type(x).__name__
        raise TypeError(f"can't convert type '{kind}' to numerator/denominator") from None


def _coerce(T, S):
    """The result type for values of types T and S together."""
    if T is S or S is int or S is bool:
        return T
    if T is int or issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    # Integer-like types yield to the other one.
    for weak, strong in ((T, S), (S, T)):
        if issubclass(weak, int):
            return strong
    # A float beats a Fraction.
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    if issubclass(S, float) and issubclass(T, Fraction):
        return S
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _result_type(kinds):
    return reduce(_coerce, kinds, int)


def _collect(data):
    """Group exact numerators by denominator. Returns the types seen (in
    first-seen order), the count and the per-denominator sums."""
    kinds = {}
    groups = {}
    count = 0
    get = groups.get
    ratio = _exact_ratio
    for item in data:
        kinds[type(item)] = None
        num, den = ratio(item)
        count += 1
        groups[den] = get(den, 0) + num
    return kinds, count, groups


def _collect2(data):
    """Like _collect, also summing squared numerators per denominator."""
    kinds = {}
    firsts = {}
    seconds = {}
    count = 0
    get1 = firsts.get
    get2 = seconds.get
    ratio = _exact_ratio
    for item in data:
        kinds[type(item)] = None
        num, den = ratio(item)
        count += 1
        firsts[den] = get1(den, 0) + num
        seconds[den] = get2(den, 0) + num * num
    return kinds, count, firsts, seconds


def _total(groups, squared=False):
    if squared:
        return sum(Fraction(num, den * den) for den, num in groups.items())
    return sum(Fraction(num, den) for den, num in groups.items())


def _sum(data):
    """(result type, exact total, count) for data."""
    kinds, count, groups = _collect(data)
    total = groups[None] if None in groups else _total(groups)
    return (_result_type(kinds), total, count)


def _ss(data, c=None):
    """(result type, sum of squared deviations, centre, count).

    Deviations are taken from c when given, else from the exact mean."""
    if c is not None:
        def squares():
            for item in data:
                gap = item - c
                yield gap * gap
        kind, total, count = _sum(squares())
        return (kind, total, c, count)
    kinds, count, firsts, seconds = _collect2(data)
    if count == 0:
        centre = spread = Fraction(0)
    elif None in firsts:
        centre = spread = firsts[None]
    else:
        linear = _total(firsts)
        quadratic = _total(seconds, True)
        spread = (count * quadratic - linear * linear) / count
        centre = linear / count
    return (_result_type(kinds), spread, centre, count)


def _convert(value, T):
    """value converted to T (an int result that is not whole is a float)."""
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if not issubclass(T, Decimal):
            raise
        return T(value.numerator) / T(value.denominator)


def _fail_neg(values, errmsg="negative value"):
    """Pass the values through, raising StatisticsError on a negative one."""
    for item in values:
        if item < 0:
            raise StatisticsError(errmsg)
        yield item


# ---------------------------------------------------------------------------
# Correctly rounded square roots of n/m

def _float_root(n, m):
    """sqrt(n/m) as a float, rounded once."""
    # Scale so the integer root has 55+ bits; an inexact root gets its low
    # bit set, so the final int/int division rounds like the true root.
    half = (n.bit_length() - m.bit_length() - 109) // 2
    if half < 0:
        n <<= -2 * half
    else:
        m <<= 2 * half
    root = math.isqrt(n // m)
    if root * root * m != n:
        root |= 1
    if half < 0:
        return root / (1 << -half)
    return (root << half) / 1


def _decimal_root(n, m):
    """sqrt(n/m) as a Decimal in the current context, rounded once."""
    if n <= 0:
        if n == 0:
            return Decimal("0.0")
        n, m = -n, -m
    guess = (Decimal(n) / Decimal(m)).sqrt()
    gn, gd = guess.as_integer_ratio()
    # A neighbour wins when the true root lies beyond the midpoint
    # between it and the guess: compare n/m with the midpoint squared.
    for step, beyond in ((guess.next_plus(), 1), (guess.next_minus(), -1)):
        sn, sd = step.as_integer_ratio()
        mid_n = gn * sd + sn * gd
        mid_d = 2 * gd * sd
        lhs = n * mid_d * mid_d
        rhs = m * mid_n * mid_n
        if (lhs > rhs) if beyond > 0 else (lhs < rhs):
            return step
    return guess


def _root_of(value, T):
    if issubclass(T, Decimal):
        return _decimal_root(value.numerator, value.denominator)
    return _float_root(value.numerator, value.denominator)


# ---------------------------------------------------------------------------
# Averages

def mean(data):
    """Arithmetic mean, exact until converted to the data's type."""
    kind, total, count = _sum(data)
    if count == 0:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / count, kind)


def fmean(data, weights=None):
    """Fast floating-point arithmetic mean, optionally weighted."""
    try:
        size = len(data)
    except TypeError:
        size = None
    if weights is None:
        if size is None:
            data = list(data)
            size = len(data)
        total = _fsum(data)
        if size == 0:
            raise StatisticsError("fmean requires at least one data point")
        return total / size
    try:
        wanted = len(weights)
    except TypeError:
        weights = list(weights)
        wanted = len(weights)
    if size is None:
        # Count only what the weighted sum consumes.
        seen = [0]

        def counted(items):
            for seen[0], item in enumerate(items, 1):
                yield item
        top = _fsum(map(mul, counted(data), weights))
        size = seen[0]
    else:
        top = _fsum(map(mul, data, weights))
    if wanted != size:
        raise StatisticsError("data and weights must be the same length")
    bottom = _fsum(weights)
    if not bottom:
        raise StatisticsError("sum of weights must be non-zero")
    return top / bottom


def geometric_mean(data):
    """exp of the mean of the natural logs, as a float."""
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data, weights=None):
    """Reciprocal of the mean of reciprocals (optionally weighted)."""
    if iter(data) is data:
        data = list(data)
    negative = "harmonic mean does not support negative values"
    count = len(data)
    if count == 0:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if count == 1 and weights is None:
        only = data[0]
        if not isinstance(only, numbers.Real):
            raise TypeError("unsupported type")
        if only < 0:
            raise StatisticsError(negative)
        return only
    if weights is None:
        weight_total = count
        weights = repeat(1, count)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != count:
            raise StatisticsError("Number of weights does not match data size")
        weight_total = _sum(_fail_neg(weights, negative))[1]
    checked = _fail_neg(data, negative)
    try:
        kind, total, _ = _sum(w / x if w else 0 for w, x in zip(weights, checked))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(weight_total / total, kind)


def _sorted_or_fail(data):
    ordered = sorted(data)
    if not ordered:
        raise StatisticsError("no median for empty data")
    return ordered, len(ordered)


def median(data):
    """Middle value; the mean of the two middle values for even length."""
    ordered, size = _sorted_or_fail(data)
    half = size // 2
    if size & 1:
        return ordered[half]
    return (ordered[half - 1] + ordered[half]) / 2


def median_low(data):
    """Middle value; the lower middle value for even length."""
    ordered, size = _sorted_or_fail(data)
    return ordered[(size - 1) // 2]


def median_high(data):
    """Middle value; the upper middle value for even length."""
    ordered, size = _sorted_or_fail(data)
    return ordered[size // 2]


def median_grouped(data, interval=1.0):
    """Median of grouped continuous data (50th percentile, interpolated)."""
    ordered, size = _sorted_or_fail(data)
    pivot = ordered[size // 2]
    start = bisect_left(ordered, pivot)
    stop = bisect_right(ordered, pivot, lo=start)
    try:
        interval = float(interval)
        pivot = float(pivot)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    lower = pivot - interval / 2.0
    return lower + interval * (size / 2 - start) / (stop - start)


def mode(data):
    """Most common value; the first encountered on a tie."""
    best = Counter(iter(data)).most_common(1)
    if not best:
        raise StatisticsError("no mode for empty data")
    return best[0][0]


def multimode(data):
    """All most common values, in first-seen order."""
    tally = Counter(iter(data))
    if not tally:
        return []
    top = max(tally.values())
    return [value for value, seen in tally.items() if seen == top]


def quantiles(data, *, n=4, method="exclusive"):
    """n - 1 cut points dividing data into n equal-probability groups."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    ordered = sorted(data)
    size = len(ordered)
    if size < 2:
        raise StatisticsError("must have at least two data points")
    cuts = []
    if method == "inclusive":
        span = size - 1
        for k in range(1, n):
            j, delta = divmod(k * span, n)
            cuts.append((ordered[j] * (n - delta) + ordered[j + 1] * delta) / n)
        return cuts
    if method == "exclusive":
        span = size + 1
        for k in range(1, n):
            j = min(max(k * span // n, 1), size - 1)
            delta = k * span - j * n
            cuts.append((ordered[j - 1] * (n - delta) + ordered[j] * delta) / n)
        return cuts
    raise ValueError(f"Unknown method: {method!r}")


# ---------------------------------------------------------------------------
# Spread

def variance(data, xbar=None):
    """Sample variance (n - 1 degrees of freedom)."""
    kind, spread, _, count = _ss(data, xbar)
    if count < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(spread / (count - 1), kind)


def pvariance(data, mu=None):
    """Population variance."""
    kind, spread, _, count = _ss(data, mu)
    if count < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(spread / count, kind)


def stdev(data, xbar=None):
    """Sample standard deviation, the rounded root of the exact variance."""
    kind, spread, _, count = _ss(data, xbar)
    if count < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _root_of(spread / (count - 1), kind)


def pstdev(data, mu=None):
    """Population standard deviation."""
    kind, spread, _, count = _ss(data, mu)
    if count < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _root_of(spread / count, kind)


def _mean_stdev(data):
    """(float mean, float sample stdev) in one pass."""
    _, spread, centre, count = _ss(data)
    if count < 2:
        raise StatisticsError("stdev requires at least two data points")
    scaled = spread / (count - 1)
    try:
        return float(centre), _float_root(scaled.numerator, scaled.denominator)
    except AttributeError:
        return float(centre), float(centre) / float(spread)


# ---------------------------------------------------------------------------
# Two variables

def _check_pair(x, y, label):
    size = len(x)
    if len(y) != size:
        raise StatisticsError(label + " requires that both inputs have "
                              "same number of data points")
    if size < 2:
        raise StatisticsError(label + " requires at least two data points")
    return size


def covariance(x, y, /):
    """Sample covariance of x and y."""
    size = _check_pair(x, y, "covariance")
    mx = _fsum(x) / size
    my = _fsum(y) / size
    return _fsum([(a - mx) * (b - my) for a, b in zip(x, y)]) / (size - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of x and y."""
    size = _check_pair(x, y, "correlation")
    mx = _fsum(x) / size
    my = _fsum(y) / size
    dx = [a - mx for a in x]
    dy = [b - my for b in y]
    cross = _fsum(map(mul, dx, dy))
    ssx = _fsum(map(mul, dx, dx))
    ssy = _fsum(map(mul, dy, dy))
    try:
        return cross / _sqrt(ssx * ssy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Least-squares slope and intercept of y against x."""
    size = _check_pair(x, y, "linear regression")
    if proportional:
        cross = _fsum(map(mul, x, y))
        ssx = _fsum(map(mul, x, x))
    else:
        mx = _fsum(x) / size
        my = _fsum(y) / size
        dx = [a - mx for a in x]
        cross = _fsum([d * (b - my) for d, b in zip(dx, y)])
        ssx = _fsum(map(mul, dx, dx))
    try:
        slope = cross / ssx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    if proportional:
        return LinearRegression(slope=slope, intercept=0.0)
    return LinearRegression(slope=slope, intercept=my - slope * mx)


# ---------------------------------------------------------------------------
# Normal distribution

# Coefficients of Wichura's AS 241 rational approximations (highest power
# first), for |p - 0.5| <= 0.425, for r <= 5 and for the far tails.
_AS241 = {
    "central": (
        (2.5090809287301226727e+3,
         3.3430575583588128105e+4,
         6.7265770927008700853e+4,
         4.5921953931549871457e+4,
         1.3731693765509461125e+4,
         1.9715909503065514427e+3,
         1.3314166789178437745e+2,
         3.3871328727963666080e+0),
        (5.2264952788528545610e+3,
         2.8729085735721942674e+4,
         3.9307895800092710610e+4,
         2.1213794301586595867e+4,
         5.3941960214247511077e+3,
         6.8718700749205790830e+2,
         4.2313330701600911252e+1,
         1.0)),
    "middle": (
        (7.74545014278341407640e-4,
         2.27238449892691845833e-2,
         2.41780725177450611770e-1,
         1.27045825245236838258e+0,
         3.64784832476320460504e+0,
         5.76949722146069140550e+0,
         4.63033784615654529590e+0,
         1.42343711074968357734e+0),
        (1.05075007164441684324e-9,
         5.47593808499534494600e-4,
         1.51986665636164571966e-2,
         1.48103976427480074590e-1,
         6.89767334985100004550e-1,
         1.67638483018380384940e+0,
         2.05319162663775882187e+0,
         1.0)),
    "tail": (
        (2.01033439929228813265e-7,
         2.71155556874348757815e-5,
         1.24266094738807843860e-3,
         2.65321895265761230930e-2,
         2.96560571828504891230e-1,
         1.78482653991729133580e+0,
         5.46378491116411436990e+0,
         6.65790464350110377720e+0),
        (2.04426310338993978564e-15,
         1.42151175831644588870e-7,
         1.84631831751005468180e-5,
         7.86869131145613259100e-4,
         1.48753612908506148525e-2,
         1.36929880922735805310e-1,
         5.99832206555887937690e-1,
         1.0)),
}


def _ratio_at(coeffs, r):
    # Horner's rule on both polynomials; r is always finite here, so
    # starting from 0.0 gives the leading coefficient exactly.
    top = bottom = 0.0
    upper, lower = coeffs
    for c in upper:
        top = top * r + c
    for c in lower:
        bottom = bottom * r + c
    return top, bottom


def _inverse_normal(p, mu, sigma):
    offset = p - 0.5
    if _fabs(offset) <= 0.425:
        top, bottom = _ratio_at(_AS241["central"], 0.180625 - offset * offset)
        return mu + ((offset * top) / bottom) * sigma
    r = _sqrt(-math.log(p if offset <= 0.0 else 1.0 - p))
    if r <= 5.0:
        top, bottom = _ratio_at(_AS241["middle"], r - 1.6)
    else:
        top, bottom = _ratio_at(_AS241["tail"], r - 5.0)
    z = top / bottom
    if offset < 0.0:
        z = -z
    return mu + z * sigma


_SQRT2 = _sqrt(2.0)


class NormalDist:
    """Normal distribution with mean mu and standard deviation sigma."""

    __slots__ = ("_mu", "_sigma")

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """Estimate mu and sigma from sample data."""
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
        """n random draws, reproducible when seed is given."""
        draw = random.gauss if seed is None else random.Random(seed).gauss
        centre, width = self._mu, self._sigma
        return [draw(centre, width) for _ in range(n)]

    def pdf(self, x):
        """Probability density at x."""
        var = self._sigma * self._sigma
        if not var:
            raise StatisticsError("pdf() not defined when sigma is zero")
        gap = x - self._mu
        return math.exp(gap * gap / (-2.0 * var)) / _sqrt(math.tau * var)

    def cdf(self, x):
        """P(X <= x)."""
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + _erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        """The x with P(X <= x) == p."""
        # (NaN passes, and comes back out, as in CPython.)
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0:
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return _inverse_normal(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        """n - 1 cut points splitting the distribution into n equal parts."""
        return [self.inv_cdf(k / n) for k in range(1, n)]

    def overlap(self, other):
        """Area shared by the two density curves (0.0 to 1.0)."""
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        lo, hi = self, other
        if (hi._sigma, hi._mu) < (lo._sigma, lo._mu):
            lo, hi = hi, lo
        v_lo = lo._sigma * lo._sigma
        v_hi = hi._sigma * hi._sigma
        if not v_lo or not v_hi:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = v_hi - v_lo
        dm = _fabs(hi._mu - lo._mu)
        if not dv:
            return 1.0 - _erf(dm / (2.0 * lo._sigma * _SQRT2))
        a = lo._mu * v_hi - hi._mu * v_lo
        b = lo._sigma * hi._sigma * _sqrt(dm * dm + dv * math.log(v_hi / v_lo))
        right = (a + b) / dv
        left = (a - b) / dv
        shared = _fabs(hi.cdf(right) - lo.cdf(right)) + _fabs(hi.cdf(left) - lo.cdf(left))
        return 1.0 - shared

    def zscore(self, x):
        """Number of standard deviations x lies above the mean."""
        if not self._sigma:
            raise StatisticsError("zscore() not defined when sigma is zero")
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        """Arithmetic mean of the distribution."""
        return self._mu

    @property
    def median(self):
        """Median of the distribution (its mean)."""
        return self._mu

    @property
    def mode(self):
        """Mode of the distribution (its mean)."""
        return self._mu

    @property
    def stdev(self):
        """Standard deviation."""
        return self._sigma

    @property
    def variance(self):
        """Variance (sigma squared)."""
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    __radd__ = __add__

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __rsub__(x1, x2):
        return -(x1 - x2)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * _fabs(x2))

    __rmul__ = __mul__

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / _fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    def __eq__(x1, x2):
        if isinstance(x2, NormalDist):
            return x1._mu == x2._mu and x1._sigma == x2._sigma
        return NotImplemented

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f"{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})"

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
