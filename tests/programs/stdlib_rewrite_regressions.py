# Cases a sweep with CPython's own tests found after the library rewrite:
# configparser defaults and exception context, NormalDist.inv_cdf(nan),
# Fraction truth through the numerator, dataclass metadata of any mapping.
import configparser, statistics, numbers, dataclasses, types
from fractions import Fraction
class C(configparser.ConfigParser): _DEFAULT_INTERPOLATION = None
c = C(); c.read_string("[s]\nx = %(y)s\n"); print(c["s"]["x"])
cp = configparser.ConfigParser()
try: cp.get("nosect", "x")
except configparser.NoSectionError as e: print(e.__suppress_context__, repr(e.__context__))
cp.read_string("[a]\n")
try: cp.get("a", "missing")
except configparser.NoOptionError as e: print(e.__suppress_context__, repr(e.__context__))
print(statistics.NormalDist().inv_cdf(float("nan")))
class V:
    def __init__(self, v): self.v = v
    numerator = property(lambda self: self)
    denominator = 1
    def __bool__(self): return bool(self.v)
    def __eq__(self, other): raise AssertionError("compared")
    __hash__ = None
numbers.Rational.register(V)
print(bool(Fraction(V(1))), bool(Fraction(V(0))))
class M:
    def __getitem__(self, k): return 10
    def __len__(self): return 1
    def __iter__(self): return iter(['a'])
@dataclasses.dataclass
class D:
    x: int = dataclasses.field(default=1, metadata=M())
print(dataclasses.fields(D)[0].metadata['a'], len(dataclasses.fields(D)[0].metadata))
print(type(dataclasses.field(metadata={'k': 1}).metadata).__name__)
