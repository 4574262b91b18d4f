# datetime arithmetic against CPython on random values: ordinals both
# ways, date/datetime +/- timedelta (overflow at the ends included),
# differences, comparisons, constructors' checks, and subclasses' results.
import random
from datetime import date, datetime, time, timedelta, timezone

rng = random.Random(20261206)


def rand_date():
    kind = rng.random()
    if kind < 0.1:
        return date(rng.choice([1, 9999]), rng.randint(1, 12), rng.randint(1, 28))
    y = rng.choice([rng.randint(1, 9999), rng.choice([1600, 1700, 1900, 2000, 2004, 2100, 2400])])
    m = rng.randint(1, 12)
    dim = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30,
           31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, rng.choice([1, dim, rng.randint(1, dim)]))


def rand_datetime():
    d = rand_date()
    return datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59),
                    rng.randint(0, 59), rng.choice([0, 999999, rng.randint(0, 999999)]))


def rand_delta():
    kind = rng.random()
    if kind < 0.3:
        return timedelta(days=rng.randint(-800000, 800000))
    if kind < 0.6:
        return timedelta(seconds=rng.randint(-10**7, 10**7), microseconds=rng.randint(-10**7, 10**7))
    if kind < 0.8:
        return timedelta(rng.randint(-5, 5), rng.randint(-100000, 100000), rng.randint(-2000000, 2000000),
                         rng.randint(-3000, 3000), rng.randint(-100, 100), rng.randint(-30, 30),
                         rng.randint(-3, 3))
    return timedelta(hours=rng.uniform(-1e5, 1e5), minutes=rng.randint(-10, 10))


def attempt(fn):
    try:
        return fn()
    except (OverflowError, ValueError, TypeError) as e:
        return "%s: %s" % (type(e).__name__, e)


for _ in range(300):
    n = rng.randint(1, 3652059)
    d = date.fromordinal(n)
    assert d.toordinal() == n
    print(n, d, d.weekday(), d.isoweekday(), tuple(d.isocalendar()), d.timetuple().tm_yday)

for _ in range(300):
    a, b, td = rand_date(), rand_date(), rand_delta()
    print(a, b, td, attempt(lambda: a + td), attempt(lambda: a - td), a - b, b - a,
          a < b, a <= b, a == b, a != b, a > b, a >= b)

for _ in range(300):
    a, b, td = rand_datetime(), rand_datetime(), rand_delta()
    print(a, b, td, attempt(lambda: a + td), attempt(lambda: td + a), attempt(lambda: a - td),
          a - b, (a - b).total_seconds(), a < b, a == b, a >= b)

# Timedelta arithmetic and normalisation.
for _ in range(200):
    x, y = rand_delta(), rand_delta()
    k = rng.randint(-5, 5)
    print(x, y, repr(x), x + y, x - y, -x, abs(x), x * k, attempt(lambda: x // (y or timedelta(1))),
          x < y, x == y, x.total_seconds())

# Constructor checks: out-of-range fields, non-int types.
for args in [(2020, 2, 30), (2019, 2, 29), (2000, 2, 29), (1900, 2, 29), (0, 1, 1), (10000, 1, 1),
             (2020, 0, 1), (2020, 13, 1), (2020, 4, 31), (2020, 1, 0), (2020.0, 1, 1),
             ("2020", 1, 1), (True, 1, 1), (2020, 12, 31)]:
    print(args, attempt(lambda: date(*args)), attempt(lambda: datetime(*args, 23, 59, 59)))
for args in [(24, 0), (0, 60), (0, 0, 60), (0, 0, 0, 1000000), (-1,), (1.5,), (23, 59, 59, 999999)]:
    print(args, attempt(lambda: time(*args)), attempt(lambda: datetime(2020, 1, 1, *args)))
print(attempt(lambda: datetime(2020, 1, 1, fold=2)), attempt(lambda: timedelta(days=10**9)),
      attempt(lambda: timedelta(days=-10**9)), timedelta(days=999999999, hours=23, minutes=59))
print(attempt(lambda: date.max + timedelta(1)), attempt(lambda: date.min - timedelta(1)),
      attempt(lambda: datetime.max + timedelta(microseconds=1)),
      attempt(lambda: datetime.min - timedelta(microseconds=1)))
print(attempt(lambda: date(2020, 1, 1) < datetime(2020, 1, 1)),
      attempt(lambda: datetime(2020, 1, 1) >= date(2020, 1, 1)),
      date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))


# Subclasses: arithmetic makes the subclass through its constructor.
class MyDate(date):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.note = "made"
        return self


class MyDateTime(datetime):
    pass


md = MyDate(2020, 2, 28)
r = md + timedelta(days=2)
print(type(r).__name__, r, r.note, type(md - timedelta(1)).__name__, type(md - MyDate(2020, 1, 1)).__name__)
mdt = MyDateTime(2020, 12, 31, 23, 59, 59, 999999)
for value in (mdt + timedelta(microseconds=1), mdt - timedelta(days=400), timedelta(1) + mdt):
    print(type(value).__name__, value)
print(type(mdt - datetime(2020, 1, 1)).__name__, type(mdt.date()).__name__, sorted([mdt, datetime(2021, 1, 1)]))
print(sorted([date(2020, 5, 1), MyDate(2020, 1, 1), date(2019, 12, 31)]),
      MyDate(2020, 1, 1) == date(2020, 1, 1), hash(MyDate(2020, 1, 1)) == hash(date(2020, 1, 1)))

# Aware datetimes: arithmetic keeps the tzinfo; differences across zones.
tz1 = timezone(timedelta(hours=5, minutes=30))
tz2 = timezone(timedelta(hours=-8), "PST")
for _ in range(60):
    a = rand_datetime().replace(tzinfo=tz1)
    b = rand_datetime().replace(tzinfo=tz2)
    td = rand_delta()
    print(attempt(lambda: a + td), attempt(lambda: (a + td).tzinfo), a - b, a < b, a == b,
          attempt(lambda: a - b.replace(tzinfo=None)))
