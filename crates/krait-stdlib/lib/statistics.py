"""Basic statistics of numeric data (CPython's `statistics`): averages
(mean, fmean, geometric_mean, harmonic_mean, the medians, mode,
multimode), spread (pvariance, variance, pstdev, stdev), quantiles, and
covariance, correlation and linear_regression, and NormalDist (normal
distributions: density, cumulative and inverse, overlap, arithmetic).

As in CPython, mean and the variances sum exactly: every value is taken
as an integer ratio and the sums are Fractions, so the only rounding is
the final conversion back to the data's type (an int mean stays an int
when it is whole, Fractions give a Fraction, floats a float). The
standard deviations are the correctly rounded square roots of the exact
variances.
Decimal data keeps its type: means and variances are Decimals, and the
standard deviations are Decimal square roots.
"""

import math
import numbers
import random
from decimal import Decimal
from collections import Counter, namedtuple
from fractions import Fraction
from functools import reduce
from itertools import repeat
from operator import mul
from bisect import bisect_left, bisect_right

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


class StatisticsError(ValueError):
    pass


# -- Exact sums --------------------------------------------------------------

def _exact_ratio(x):
    """x as (numerator, denominator); (x, None) for a float inf or nan."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # An infinity or a NaN: it decides the sum on its own.
        return (x, None)
    try:
        # Some other Rational.
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to "
                        "numerator/denominator") from None


def _coerce(T, S):
    """The type a result over values of types T and S takes: an int
    gives way to anything, a subclass wins over its base, a float over a
    Fraction; other mixtures are a TypeError."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s"
                    % (T.__name__, S.__name__))


def _sum(data):
    """(T, total, count): the type results are converted to, the exact
    sum of the data (a Fraction, or a float inf/nan) and how many values
    there were."""
    count = 0
    types = set()
    # Numerators summed per denominator: few Fraction additions at the
    # end (floats share a handful of power-of-two denominators).
    partials = {}
    for x in data:
        types.add(type(x))
        n, d = _exact_ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = sum(Fraction(n, d) for d, n in partials.items())
    T = reduce(_coerce, types, int)
    return (T, total, count)


def _ss(data, c=None):
    """(T, ssd, c, count): the exact sum of squared deviations from the
    mean c (from the data unless given), in one pass over the data."""
    if c is not None:
        def squared_deviations():
            for x in data:
                deviation = x - c
                yield deviation * deviation
        T, ssd, count = _sum(squared_deviations())
        return (T, ssd, c, count)
    count = 0
    types = set()
    sums = {}
    sums_of_squares = {}
    for x in data:
        types.add(type(x))
        n, d = _exact_ratio(x)
        count += 1
        sums[d] = sums.get(d, 0) + n
        sums_of_squares[d] = sums_of_squares.get(d, 0) + n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sums:
        # An infinity or a NaN: the result is one too.
        ssd = c = sums[None]
    else:
        sx = sum(Fraction(n, d) for d, n in sums.items())
        sxx = sum(Fraction(n, d * d) for d, n in sums_of_squares.items())
        # count * sum(x**2) - sum(x)**2, over count: unstable in floats,
        # exact in Fractions.
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    T = reduce(_coerce, types, int)
    return (T, ssd, c, count)


def _convert(value, T):
    """The exact value as type T: an int only when it is whole (else a
    float), T itself when value already is one (a Fraction, inf, nan)."""
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        # A Decimal is made of a Fraction by dividing its two parts.
        if issubclass(T, Decimal):
            return T(value.numerator) / T(value.denominator)
        raise


def _decimal_sqrt_of_fraction(n, m):
    """The square root of n/m as a Decimal of the context's precision,
    rounded once: the root of n*m over m, nudged by one unit in the last
    place when squaring shows the division rounded it to the wrong side."""
    if n <= 0:
        if not n:
            return Decimal("0.0")
        n, m = -n, -m
    root = (Decimal(n) * Decimal(m)).sqrt() / Decimal(m)
    # Compare root**2 with n/m exactly, as integer ratios.
    num, den = root.as_integer_ratio()
    if num * num * m > n * den * den:
        nearby = root.next_minus()
    else:
        nearby = root.next_plus()
    nearby_num, nearby_den = nearby.as_integer_ratio()
    # Keep whichever of the two is nearer the true root: compare the
    # midpoint's square with n/m.
    mid_num = num * nearby_den + nearby_num * den
    mid_den = 2 * den * nearby_den
    mid_below = mid_num * mid_num * m < n * mid_den * mid_den
    if (nearby > root) == mid_below:
        return nearby
    return root


def _fail_neg(values, errmsg="negative value"):
    """The values, a StatisticsError at the first negative one."""
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _sqrt_of_fraction(n, m):
    """The square root of n/m as a float, correctly rounded.

    The integer square root of a scaled n/m has at least 55 bits; made
    odd when inexact (a sticky bit), it rounds to 53 bits in one step,
    the same way the exact root would."""
    # Scale by 4**shift so that the root has about 2 + 53 + 1 bits.
    shift = (n.bit_length() - m.bit_length() - 109) // 2
    if shift >= 0:
        m <<= 2 * shift
    else:
        n <<= -2 * shift
    root = math.isqrt(n // m)
    if root * root * m != n:
        root |= 1
    if shift >= 0:
        return float(root << shift)
    return root / (1 << -shift)


# -- Averages ----------------------------------------------------------------

def mean(data):
    """The arithmetic mean, exact until converted to the data's type:
    mean([1, 2, 3, 4]) is 2.5, mean([1, 2, 3]) is 2."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    """The mean as a float, fast (math.fsum); with weights, the weighted
    mean."""
    try:
        n = len(data)
    except TypeError:
        # An iterator: count while summing.
        n = 0

        def counted(iterable):
            nonlocal n
            for n, x in enumerate(iterable, start=1):
                yield x
        data = counted(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = math.fsum(map(mul, data, weights))
    if n != num_weights:
        raise StatisticsError("data and weights must be the same length")
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    """The geometric mean, a float: exp of the mean of the logs."""
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data, weights=None):
    """The harmonic mean: the number of values over the sum of their
    reciprocals (weighted when weights are given); 0 when a value is 0."""
    if iter(data) is data:
        data = list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, numbers.Real):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = repeat(1, n)
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        # w / x: an int over an int is a float, as in CPython.
        T, total, count = _sum(w / x if w else 0
                               for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(sum_weights / total, T)


def median(data):
    """The middle value, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """The middle value, or the smaller of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The middle value, or the larger of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    """The 50th percentile of continuous data grouped in classes of
    width `interval` centred on the values, interpolated; a float."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    # The class holding the middle value, and where it starts and ends in
    # the sorted data.
    x = data[n // 2]
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    lower_limit = x - interval / 2.0
    below = i
    frequency = j - i
    return lower_limit + interval * (n / 2 - below) / frequency


def mode(data):
    """The most common value (the first seen of equally common ones)."""
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    """The most common values, in the order first seen ([] for no data)."""
    counts = Counter(iter(data))
    if not counts:
        return []
    highest = max(counts.values())
    return [value for value, count in counts.items() if count == highest]


def quantiles(data, *, n=4, method="exclusive"):
    """The n-1 cut points dividing the data into n intervals of equal
    probability, interpolated linearly. method "exclusive" treats the
    data as a sample (the extremes may lie beyond it), "inclusive" as the
    whole population."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f"Unknown method: {method!r}")


# -- Spread ------------------------------------------------------------------

def variance(data, xbar=None):
    """The sample variance (n - 1 degrees of freedom); `xbar` is the
    mean if already known."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """The population variance; `mu` is the mean if already known."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    """The sample standard deviation: the square root of variance(), a
    float rounded once from the exact variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    mss = ss / (n - 1)
    if issubclass(T, Decimal):
        return _decimal_sqrt_of_fraction(mss.numerator, mss.denominator)
    return _sqrt_of_fraction(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    """The population standard deviation: the square root of
    pvariance(), rounded once."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    mss = ss / n
    if issubclass(T, Decimal):
        return _decimal_sqrt_of_fraction(mss.numerator, mss.denominator)
    return _sqrt_of_fraction(mss.numerator, mss.denominator)


# -- Two variables -----------------------------------------------------------

def _paired_length(x, y, what):
    """len(x), once x and y are checked to be equally long with at least
    two points (`what` names the function in the messages, as CPython's)."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError(f"{what} requires that both inputs have "
                              "same number of data points")
    if n < 2:
        raise StatisticsError(f"{what} requires at least two data points")
    return n


def _centered_sums(x, y, n):
    """The means of x and y and the sum of the products of the deviations."""
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return xbar, ybar, sxy


def covariance(x, y, /):
    """The sample covariance of two equally long inputs (floats)."""
    n = _paired_length(x, y, "covariance")
    _, _, sxy = _centered_sums(x, y, n)
    return sxy / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of two equally long inputs."""
    n = _paired_length(x, y, "correlation")
    xbar, ybar, sxy = _centered_sums(x, y, n)
    sxx = math.fsum((xi - xbar) * (xi - xbar) for xi in x)
    syy = math.fsum((yi - ybar) * (yi - ybar) for yi in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """The least-squares line through the points: (slope, intercept);
    with proportional=True, the line through the origin."""
    n = _paired_length(x, y, "linear regression")
    if proportional:
        sxy = math.fsum(xi * yi for xi, yi in zip(x, y))
        sxx = math.fsum(xi * xi for xi in x)
    else:
        xbar, ybar, sxy = _centered_sums(x, y, n)
        sxx = math.fsum((xi - xbar) * (xi - xbar) for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    intercept = ybar - slope * xbar if not proportional else 0.0
    return LinearRegression(slope=slope, intercept=intercept)


# -- Normal distributions ----------------------------------------------------

# Wichura's algorithm AS 241 (Applied Statistics 37(3), 1988): rational
# approximations of the normal quantile in three ranges of p, each a ratio
# of two degree-7 polynomials in r (coefficients from the highest power).
_AS241_CENTRAL = (
    (2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
     4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
     1.3314166789178437745e+2, 3.3871328727963666080e+0),
    (5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
     2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
     4.2313330701600911252e+1, 1.0),
)
_AS241_INTERMEDIATE = (
    (7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
     1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
     4.63033784615654529590e+0, 1.42343711074968357734e+0),
    (1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
     1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
     2.05319162663775882187e+0, 1.0),
)
_AS241_TAIL = (
    (2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
     2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
     5.46378491116411436990e+0, 6.65790464350110377720e+0),
    (2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
     7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
     5.99832206555887937690e-1, 1.0),
)


def _horner(coefficients, r):
    """The polynomial with these coefficients (highest power first) at r."""
    total = coefficients[0]
    for c in coefficients[1:]:
        total = total * r + c
    return total


def _normal_quantile(p, mu, sigma):
    """The x with P(X <= x) = p for X ~ N(mu, sigma) (AS 241)."""
    q = p - 0.5
    if math.fabs(q) <= 0.425:
        r = 0.180625 - q * q
        numerator, denominator = _AS241_CENTRAL
        x = (q * _horner(numerator, r)) / _horner(denominator, r)
        return mu + (x * sigma)
    r = p if q <= 0.0 else 1.0 - p
    r = math.sqrt(-math.log(r))
    if r <= 5.0:
        r = r - 1.6
        numerator, denominator = _AS241_INTERMEDIATE
    else:
        r = r - 5.0
        numerator, denominator = _AS241_TAIL
    x = _horner(numerator, r) / _horner(denominator, r)
    if q < 0.0:
        x = -x
    return mu + (x * sigma)


_SQRT2 = math.sqrt(2.0)


class NormalDist:
    """Normal distribution of a random variable: its mean mu and standard
    deviation sigma, with the density, the cumulative distribution and its
    inverse, and arithmetic with constants and other (independent) normal
    distributions."""

    __slots__ = {
        "_mu": "Arithmetic mean of a normal distribution",
        "_sigma": "Standard deviation of a normal distribution",
    }

    def __init__(self, mu=0.0, sigma=1.0):
        """NormalDist where mu is the mean and sigma is the standard
        deviation."""
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """The NormalDist of data's mean and sample standard deviation."""
        if not isinstance(data, (list, tuple)):
            data = list(data)
        xbar = fmean(data)
        return cls(xbar, stdev(data, xbar))

    def samples(self, n, *, seed=None):
        """n random samples of the distribution (repeatable with seed)."""
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        mu, sigma = self._mu, self._sigma
        return [gauss(mu, sigma) for _ in range(n)]

    def pdf(self, x):
        """The probability density at x."""
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError("pdf() not defined when sigma is zero")
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        """The probability that a value of the distribution is at most x."""
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        """The x where cdf(x) is p (the quantile function)."""
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0:
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return _normal_quantile(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        """The n - 1 cut points dividing the distribution into n
        intervals of equal probability."""
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """The overlapping coefficient of two normal distributions: the
        area both densities share, between 0.0 and 1.0."""
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = Y_var - X_var
        dm = math.fabs(Y._mu - X._mu)
        if not dv:
            return 1.0 - math.erf(dm / (2.0 * X._sigma * _SQRT2))
        # The two densities cross at x1 and x2.
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * math.sqrt(dm * dm + dv * math.log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (math.fabs(Y.cdf(x1) - X.cdf(x1)) + math.fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        """How many standard deviations x is above the mean."""
        if not self._sigma:
            raise StatisticsError("zscore() not defined when sigma is zero")
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        """Arithmetic mean of the normal distribution."""
        return self._mu

    @property
    def median(self):
        """Return the median of the normal distribution"""
        return self._mu

    @property
    def mode(self):
        """The mode of the normal distribution (its mean)."""
        return self._mu

    @property
    def stdev(self):
        """Standard deviation of the normal distribution."""
        return self._sigma

    @property
    def variance(self):
        """Square of the standard deviation."""
        return self._sigma * self._sigma

    def __add__(x1, x2):
        """Shift by a constant, or the sum of two independent variables."""
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        """Shift by a constant, or the difference of two independent
        variables."""
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        """Scale by a constant."""
        return NormalDist(x1._mu * x2, x1._sigma * math.fabs(x2))

    def __truediv__(x1, x2):
        """Scale by the reciprocal of a constant."""
        return NormalDist(x1._mu / x2, x1._sigma / math.fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f"{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})"

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
