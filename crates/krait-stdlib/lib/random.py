"""Pseudo-random numbers for krait, matching CPython's `random` draw for
draw.

The Mersenne Twister core (seeding, `random()`, `getrandbits()`, state)
is the native `_random.Random`. Every distribution below consumes that
stream in exactly the order, and with exactly the float arithmetic, that
CPython 3.11 uses, so seeded programs reproduce CPython's values.
`SystemRandom` reads the operating system's entropy instead.
"""

import math as _math
import _random
from bisect import bisect as _bisect
from itertools import accumulate as _accumulate
from itertools import repeat as _repeat

_log = _math.log
_exp = _math.exp
_sqrt = _math.sqrt
_floor = _math.floor
_ceil = _math.ceil
_cos, _sin, _acos = _math.cos, _math.sin, _math.acos
_pi, _e = _math.pi, _math.e
_isfinite = _math.isfinite
TWOPI = _math.tau

__all__ = [
    "Random", "SystemRandom", "betavariate", "choice", "choices",
    "expovariate", "gammavariate", "gauss", "getrandbits", "getstate",
    "lognormvariate", "normalvariate", "paretovariate", "randbytes",
    "randint", "random", "randrange", "sample", "seed", "setstate",
    "shuffle", "triangular", "uniform", "vonmisesvariate", "weibullvariate",
]

# Constants of the distributions (CPython exports them too).
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = _log(4.5) + 1.0
BPF = 53
RECIP_BPF = 2 ** -BPF

_SEEDABLE = (type(None), int, float, str, bytes, bytearray)
_TEXTUAL = (str, bytes, bytearray)
_SEED_TYPE_MESSAGE = ("The only supported seed types are: None,\n"
                      "int, float, str, bytes, and bytearray.")

# Default of randrange's `step`, so that an explicit step=1 is told apart.
_ONE = 1


def _as_index(value, what):
    """randrange's argument conversion: __index__, or an integral value."""
    if isinstance(value, int):
        return int(value)
    to_index = getattr(type(value), "__index__", None)
    if to_index is not None:
        return to_index(value)
    whole = int(value)
    from warnings import warn
    # Stack level 3: the warning is about randrange's caller.
    if whole != value:
        warn("randrange() will raise TypeError in the future",
             DeprecationWarning, 3)
        raise ValueError(f"non-integer {what} for randrange()")
    warn("non-integer arguments to randrange() have been deprecated since "
         "Python 3.10 and will be removed in a subsequent version",
         DeprecationWarning, 3)
    return whole


def _legacy_string_seed(text):
    """Version-1 seeding of a str/bytes: the old string-hash mix."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    mixed = (ord(text[0]) << 7) if text else 0
    for code in map(ord, text):
        mixed = (mixed * 1000003 ^ code) & 0xFFFFFFFFFFFFFFFF
    mixed ^= len(text)
    return -2 if mixed == -1 else mixed


def _pick_randbelow(cls):
    """Which integer generator suits `cls`: the one built on the nearest
    override of getrandbits or random along the MRO."""
    for klass in cls.__mro__:
        own = klass.__dict__
        if "_randbelow" in own:
            return None
        if "getrandbits" in own:
            return cls._randbelow_with_getrandbits
        if "random" in own:
            return cls._randbelow_without_getrandbits
    return None


class Random(_random.Random):
    """Random number generator; the module-level functions are bound
    methods of one hidden instance of this class."""

    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        chosen = _pick_randbelow(cls)
        if chosen is not None:
            cls._randbelow = chosen
        super().__init_subclass__(**kwargs)

    # -- state ------------------------------------------------------------

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            a = _legacy_string_seed(a)
        elif version == 2 and isinstance(a, _TEXTUAL):
            raw = bytes(a) if isinstance(a, bytearray) else a
            a = _random._sha512_seed(raw)
        elif not isinstance(a, _SEEDABLE):
            raise TypeError(_SEED_TYPE_MESSAGE)
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        inner = super().getstate()
        return (self.VERSION, inner, self.gauss_next)

    def setstate(self, state):
        version = state[0]
        if version not in (2, 3):
            raise ValueError(f"state with version {version} passed to "
                             f"Random.setstate() of version {self.VERSION}")
        _, inner, self.gauss_next = state
        if version == 2:
            # Version 2 kept the words as signed ints.
            try:
                inner = tuple(word % 4294967296 for word in inner)
            except ValueError as problem:
                raise TypeError from problem
        super().setstate(inner)

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return type(self), (), self.getstate()

    # -- integers ---------------------------------------------------------

    def _randbelow_with_getrandbits(self, n):
        """Uniform int in [0, n): rejection on n.bit_length()-bit draws."""
        bits = n.bit_length()
        draw = self.getrandbits
        while True:
            candidate = draw(bits)
            if candidate < n:
                return candidate

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Uniform int in [0, n) using only random()."""
        draw = self.random
        if n >= maxsize:
            return _floor(n * draw())
        cutoff = (maxsize - maxsize % n) / maxsize
        while True:
            sample = draw()
            if sample < cutoff:
                return _floor(maxsize * sample) % n

    # The native generator's own loop over getrandbits: identical draws.
    _randbelow = _random.Random._randbelow

    def randbytes(self, n):
        bits = self.getrandbits(8 * n)
        return bits.to_bytes(n, "little")

    def randrange(self, start, stop=None, step=_ONE):
        low = _as_index(start, "arg 1")
        if stop is None:
            if step is not _ONE:
                raise TypeError("Missing a non-None stop argument")
            if low <= 0:
                raise ValueError("empty range for randrange()")
            return self._randbelow(low)
        high = _as_index(stop, "stop")
        span = high - low
        stride = _as_index(step, "step")
        if stride == 1:
            if span <= 0:
                raise ValueError(
                    f"empty range for randrange() ({low}, {high}, {span})")
            return low + self._randbelow(span)
        if stride == 0:
            raise ValueError("zero step for randrange()")
        adjust = -1 if stride > 0 else 1
        count = (span + stride + adjust) // stride
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return low + self._randbelow(count) * stride

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    # -- sequences --------------------------------------------------------

    def choice(self, seq):
        size = len(seq)
        if not size:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        below = self._randbelow
        top = len(x) - 1
        while top > 0:
            other = below(top + 1)
            x[top], x[other] = x[other], x[top]
            top -= 1

    def _sample_counts(self, population, k, counts):
        running = list(_accumulate(counts))
        if len(running) != len(population):
            raise ValueError("The number of counts does not match the population")
        total = running.pop()
        if not isinstance(total, int):
            raise TypeError("Counts must be integers")
        if total <= 0:
            raise ValueError("Total of counts must be greater than zero")
        positions = self.sample(range(total), k=k)
        return [population[_bisect(running, spot)] for spot in positions]

    def sample(self, population, k, *, counts=None):
        from _collections_abc import Sequence
        if not isinstance(population, Sequence):
            raise TypeError("Population must be a sequence.  For dicts or "
                            "sets, use sorted(d).")
        if counts is not None:
            return self._sample_counts(population, k, counts)
        size = len(population)
        if not 0 <= k <= size:
            raise ValueError("Sample larger than population or is negative")
        below = self._randbelow
        # CPython's choice between a shrinking pool and a set of picked
        # indices (it decides which draws are made, so it must agree).
        threshold = 21
        if k > 5:
            threshold += 4 ** _ceil(_log(3 * k, 4))
        picked = []
        if size <= threshold:
            pool = list(population)
            for left in range(size, size - k, -1):
                spot = below(left)
                picked.append(pool[spot])
                pool[spot] = pool[left - 1]
            return picked
        taken = set()
        for _ in range(k):
            spot = below(size)
            while spot in taken:
                spot = below(size)
            taken.add(spot)
            picked.append(population[spot])
        return picked

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        draw = self.random
        size = len(population)
        if cum_weights is None and weights is None:
            scale = size + 0.0
            return [population[_floor(draw() * scale)] for _ in _repeat(None, k)]
        if cum_weights is None:
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if isinstance(weights, int):
                    raise TypeError("The number of choices must be a keyword "
                                    f"argument: k={weights!r}") from None
                raise
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != size:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _isfinite(total):
            raise ValueError("Total of weights must be finite")
        last = size - 1
        return [population[_bisect(cum_weights, draw() * total, 0, last)]
                for _ in _repeat(None, k)]

    # -- continuous distributions -----------------------------------------

    def uniform(self, a, b):
        width = b - a
        return a + width * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        if mode is None:
            c = 0.5
        else:
            try:
                c = (mode - low) / (high - low)
            except ZeroDivisionError:
                return low
        if c < u:
            u, c = 1.0 - u, 1.0 - c
            low, high = high, low
        width = high - low
        return low + width * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        # Ratio of uniforms (Kinderman and Monahan).
        draw = self.random
        while True:
            first = draw()
            second = 1.0 - draw()
            shifted = first - 0.5
            z = NV_MAGICCONST * shifted / second
            if z * z / 4.0 <= -_log(second):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        # Box-Muller makes values in pairs; the spare one is remembered.
        z, self.gauss_next = self.gauss_next, None
        if z is None:
            draw = self.random
            angle = draw() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - draw()))
            z = radius * _cos(angle)
            self.gauss_next = radius * _sin(angle)
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        exponent = self.normalvariate(mu, sigma)
        return _exp(exponent)

    def expovariate(self, lambd):
        tail = 1.0 - self.random()
        return -_log(tail) / lambd

    def vonmisesvariate(self, mu, kappa):
        draw = self.random
        if kappa <= 1e-6:
            return draw() * TWOPI
        half = 0.5 / kappa
        rr = half + _sqrt(half * half + 1.0)
        while True:
            z = _cos(draw() * _pi)
            d = z / (z + rr)
            accept = draw()
            if accept < 1.0 - d * d:
                break
            if accept <= (1.0 - d) * _exp(d):
                break
        inv = 1.0 / rr
        f = (inv + z) / (inv * z + 1.0)
        turn = _acos(f)
        if draw() > 0.5:
            return (mu + turn) % TWOPI
        return (mu - turn) % TWOPI

    def _gamma_large(self, alpha):
        # alpha > 1: R.C.H. Cheng's rejection method.
        draw = self.random
        spread = _sqrt(alpha * 2.0 - 1.0)
        bbb = alpha - LOG4
        ccc = alpha + spread
        while True:
            u1 = draw()
            if u1 <= 1e-7 or u1 >= 0.9999999:
                continue
            u2 = 1.0 - draw()
            v = _log(u1 / (1.0 - u1)) / spread
            x = alpha * _exp(v)
            z = u1 * u1 * u2
            r = bbb + ccc * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0:
                return x
            if r >= _log(z):
                return x

    def _gamma_small(self, alpha):
        # 0 < alpha < 1: algorithm GS of statistical computing.
        draw = self.random
        while True:
            b = (alpha + _e) / _e
            p = draw() * b
            if p <= 1.0:
                x = p ** (1.0 / alpha)
                if draw() <= _exp(-x):
                    return x
            else:
                x = -_log((b - p) / alpha)
                if draw() <= x ** (alpha - 1.0):
                    return x

    def gammavariate(self, alpha, beta):
        invalid = alpha <= 0.0 or beta <= 0.0
        if invalid:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        if alpha > 1.0:
            return self._gamma_large(alpha) * beta
        if alpha == 1.0:
            return -_log(1.0 - self.random()) * beta
        return self._gamma_small(alpha) * beta

    def betavariate(self, alpha, beta):
        first = self.gammavariate(alpha, 1.0)
        if not first:
            return 0.0
        return first / (first + self.gammavariate(beta, 1.0))

    def paretovariate(self, alpha):
        tail = 1.0 - self.random()
        return tail ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        tail = 1.0 - self.random()
        return alpha * (-_log(tail)) ** (1.0 / beta)


class SystemRandom(Random):
    """Numbers from the operating system's entropy: no seed, no state."""

    def random(self):
        from os import urandom
        return (int.from_bytes(urandom(7), "big") >> 3) * RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        from os import urandom
        nbytes = (k + 7) // 8
        raw = int.from_bytes(urandom(nbytes), "big")
        return raw >> (nbytes * 8 - k)

    def randbytes(self, n):
        from os import urandom
        return urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = _notimplemented
    setstate = _notimplemented


# The shared generator behind the module-level functions.
_inst = Random()

seed, random, uniform = _inst.seed, _inst.random, _inst.uniform
triangular, randint = _inst.triangular, _inst.randint
choice, randrange, sample = _inst.choice, _inst.randrange, _inst.sample
shuffle, choices = _inst.shuffle, _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate, setstate = _inst.getstate, _inst.setstate
getrandbits, randbytes = _inst.getrandbits, _inst.randbytes
