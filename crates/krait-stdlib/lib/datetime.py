"""Dates and times (CPython's `datetime`): date, time, datetime, timedelta,
tzinfo, timezone, with CPython's arithmetic, comparisons, reprs, parsing
(fromisoformat, strptime), formatting (isoformat, strftime) and messages.

The local time zone: krait's `time` module has no `localtime` yet, so when
it is missing local time is taken to be UTC (today(), now(),
fromtimestamp() without tz, timestamp() of naive datetimes, astimezone()).
"""

import time as _time

_new_object = object.__new__


def _datetime_fields(cls, year, month, day, hour, minute, second, us, tz, fold):
    """A new `cls` (datetime or a subclass) holding these checked fields."""
    self = _new_object(cls)
    self._year = year
    self._month = month
    self._day = day
    self._hour = hour
    self._minute = minute
    self._second = second
    self._microsecond = us
    self._tzinfo = tz
    self._hashcode = -1
    self._fold = fold
    return self

__all__ = (
    "date",
    "datetime",
    "time",
    "timedelta",
    "timezone",
    "tzinfo",
    "MINYEAR",
    "MAXYEAR",
    "UTC",
)

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_days = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_days)
    _days += _dim
del _days, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June",
                    "July", "August", "September", "October", "November", "December"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_DAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday", "Sunday"]

_DAYS_IN_400_YEARS = 146097
_DAYS_IN_100_YEARS = 36524
_DAYS_IN_4_YEARS = 1461
_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    """Proleptic Gregorian ordinal: 1 is January 1 of year 1."""
    # (Written out: this is under every date's arithmetic.)
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] + day
    if month > 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        days += 1
    return days


def _ord2ymd(n):
    """(year, month, day) of the proleptic Gregorian ordinal n."""
    n -= 1
    n400, n = divmod(n, _DAYS_IN_400_YEARS)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DAYS_IN_100_YEARS)
    n4, n = divmod(n, _DAYS_IN_4_YEARS)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # The last day of a 4-year or 400-year cycle.
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    # Every month has 28 to 31 days: n // 32 + 1 is the month or the one
    # before it.
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _index(value):
    """The integer value of an argument that must be an integer."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer"
        ) from None
    return index(value)


def _state_bytes(state, kind):
    """The bytes of a pickled date/time state (a str from Python 2 data
    unpickled with encoding='latin1')."""
    if isinstance(state, str):
        try:
            return state.encode("latin1")
        except UnicodeEncodeError:
            raise ValueError(
                f"Failed to encode latin1 string when unpickling a {kind} "
                "object. pickle.load(data, encoding='latin1') is assumed."
            ) from None
    return state


def _state_tzinfo(tz):
    if tz is None or isinstance(tz, tzinfo):
        return tz
    raise TypeError("bad tzinfo state arg")


def _check_date_fields(year, month, day):
    if type(year) is not int or type(month) is not int or type(day) is not int:
        year = _index(year)
        month = _index(month)
        day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if day < 1 or (day > _DAYS_IN_MONTH[month] and (
            month != 2 or day > 29 or not _is_leap(year))):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    if (type(hour) is not int or type(minute) is not int or type(second) is not int
            or type(microsecond) is not int):
        hour = _index(hour)
        minute = _index(minute)
        second = _index(second)
        microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(
            "tzinfo argument must be None or of a tzinfo subclass, "
            f"not type '{type(tz).__name__}'"
        )


def _type_name(obj):
    """The type's name as CPython's C types spell it: datetime.date."""
    cls = type(obj)
    if cls.__module__ == "datetime":
        return "datetime." + cls.__name__
    return cls.__name__




def _divide_and_round(a, b):
    """a / b rounded to the nearest integer, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or (r == b and q % 2 == 1):
        q += 1
    return q


def _round_half_away(x):
    """C's round(): halves go away from zero."""
    whole = int(x)
    rest = x - whole
    if rest >= 0.5:
        whole += 1
    elif rest <= -0.5:
        whole -= 1
    return whole


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(
            f"tzinfo.{name}() must return None or timedelta, not '{type(offset).__name__}'"
        )
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(
            f"offset must be a timedelta strictly between -timedelta(hours=24) "
            f"and timedelta(hours=24), not {offset!r}."
        )

def _tz_utcoffset(tzinfo, arg):
    """`tzinfo.utcoffset(arg)`, checked; None without a tzinfo."""
    if tzinfo is None:
        return None
    offset = tzinfo.utcoffset(arg)
    _check_utc_offset("utcoffset", offset)
    return offset


def _tz_name(tzinfo, arg):
    """`tzinfo.tzname(arg)`, checked; None without a tzinfo."""
    if tzinfo is None:
        return None
    name = tzinfo.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError(f"tzinfo.tzname() must return None or a string, not '{type(name).__name__}'")
    return name


def _tz_dst(tzinfo, arg):
    """`tzinfo.dst(arg)`, checked; None without a tzinfo."""
    if tzinfo is None:
        return None
    offset = tzinfo.dst(arg)
    _check_utc_offset("dst", offset)
    return offset



def _format_offset(off, sep=":"):
    """+HH:MM[:SS[.ffffff]] for a UTC offset, '' for None."""
    if off is None:
        return ""
    if off.days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or ss.microseconds:
        s += f"{sep}{ss.seconds:02d}"
        if ss.microseconds:
            s += f".{ss.microseconds:06d}"
    return s


def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


def _check_format_arg(fmt):
    if not isinstance(fmt, str):
        raise TypeError(f"__format__() argument 1 must be str, not {type(fmt).__name__}")


# ---------------------------------------------------------------------------
# strftime


def _iso_week1_monday(year):
    """Ordinal of the Monday of ISO week 1 of year."""
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7  # Monday is 0
    week1monday = firstday - firstweekday
    if firstweekday > 3:  # Jan 1 after Thursday: week 1 starts next week
        week1monday += 7
    return week1monday


def _iso_calendar(year, month, day):
    today = _ymd2ord(year, month, day)
    week1monday = _iso_week1_monday(year)
    week, weekday = divmod(today - week1monday, 7)
    if week < 0:
        year -= 1
        week1monday = _iso_week1_monday(year)
        week, weekday = divmod(today - week1monday, 7)
    elif week >= 52 and today >= _iso_week1_monday(year + 1):
        year += 1
        week = 0
    return year, week + 1, weekday + 1


def _strftime(obj, fmt, year, month, day, hour, minute, second, microsecond):
    """Format as glibc's strftime does in the C locale, plus %f, %z and %Z
    from the object (a date, time or datetime)."""
    ordinal = _ymd2ord(year, month, day)
    weekday = (ordinal + 6) % 7  # Monday is 0
    yday = ordinal - _ymd2ord(year, 1, 1) + 1
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%":
            out.append(ch)
            continue
        if i >= n:
            out.append("%")
            break
        ch = fmt[i]
        i += 1
        if ch == "Y":
            out.append(str(year))
        elif ch == "y":
            out.append(f"{year % 100:02d}")
        elif ch == "C":
            # glibc does not pad the century of years before 1000.
            out.append(str(year // 100) if year < 1000 else f"{year // 100:02d}")
        elif ch == "m":
            out.append(f"{month:02d}")
        elif ch == "d":
            out.append(f"{day:02d}")
        elif ch == "e":
            out.append(f"{day:2d}")
        elif ch == "H":
            out.append(f"{hour:02d}")
        elif ch == "k":
            out.append(f"{hour:2d}")
        elif ch == "I":
            out.append(f"{(hour + 11) % 12 + 1:02d}")
        elif ch == "l":
            out.append(f"{(hour + 11) % 12 + 1:2d}")
        elif ch == "M":
            out.append(f"{minute:02d}")
        elif ch == "S":
            out.append(f"{second:02d}")
        elif ch == "f":
            out.append(f"{microsecond:06d}")
        elif ch == "p":
            out.append("AM" if hour < 12 else "PM")
        elif ch == "j":
            out.append(f"{yday:03d}")
        elif ch == "a":
            out.append(_DAYNAMES[weekday + 1])
        elif ch == "A":
            out.append(_FULL_DAYNAMES[weekday + 1])
        elif ch == "b" or ch == "h":
            out.append(_MONTHNAMES[month])
        elif ch == "B":
            out.append(_FULL_MONTHNAMES[month])
        elif ch == "w":
            out.append(str((weekday + 1) % 7))
        elif ch == "u":
            out.append(str(weekday + 1))
        elif ch == "U":
            out.append(f"{(yday + 6 - (weekday + 1) % 7) // 7:02d}")
        elif ch == "W":
            out.append(f"{(yday + 6 - weekday) // 7:02d}")
        elif ch == "G":
            out.append(str(_iso_calendar(year, month, day)[0]))
        elif ch == "g":
            out.append(f"{_iso_calendar(year, month, day)[0] % 100:02d}")
        elif ch == "V":
            out.append(f"{_iso_calendar(year, month, day)[1]:02d}")
        elif ch == "c":
            out.append(
                f"{_DAYNAMES[weekday + 1]} {_MONTHNAMES[month]} {day:2d} "
                f"{hour:02d}:{minute:02d}:{second:02d} {year}"
            )
        elif ch == "x" or ch == "D":
            out.append(f"{month:02d}/{day:02d}/{year % 100:02d}")
        elif ch == "X" or ch == "T":
            out.append(f"{hour:02d}:{minute:02d}:{second:02d}")
        elif ch == "R":
            out.append(f"{hour:02d}:{minute:02d}")
        elif ch == "r":
            out.append(
                f"{(hour + 11) % 12 + 1:02d}:{minute:02d}:{second:02d} "
                + ("AM" if hour < 12 else "PM")
            )
        elif ch == "F":
            out.append(f"{year}-{month:02d}-{day:02d}")
        elif ch == "n":
            out.append("\n")
        elif ch == "t":
            out.append("\t")
        elif ch == "s":
            seconds = (ordinal - _EPOCH_ORDINAL) * 86400 + hour * 3600 + minute * 60 + second
            out.append(str(seconds))
        elif ch == "z":
            offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_format_offset(offset, sep=""))
        elif ch == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append("" if name is None else name)
        elif ch == "%":
            out.append("%")
        else:
            out.append("%" + ch)
    return "".join(out)


# ---------------------------------------------------------------------------
# timedelta

_US_PER_DAY = 86400 * 1000000


class timedelta:
    """Difference between two datetime values:
    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0,
              minutes=0, hours=0, weeks=0)."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        if (type(days) is int and type(seconds) is int and type(microseconds) is int
                and type(milliseconds) is int and type(minutes) is int
                and type(hours) is int and type(weeks) is int):
            # Whole units only (the common call): exact at once.
            return cls._from_microseconds(
                ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000
                + milliseconds * 1000 + microseconds
            )
        # Integers are summed exactly; the fractions of floats are summed
        # apart and rounded once, to the nearest microsecond (as CPython).
        total = 0
        leftover = 0.0
        for value, factor, name in (
            (microseconds, 1, "microseconds"),
            (milliseconds, 1000, "milliseconds"),
            (seconds, 1000000, "seconds"),
            (minutes, 60000000, "minutes"),
            (hours, 3600000000, "hours"),
            (days, _US_PER_DAY, "days"),
            (weeks, 7 * _US_PER_DAY, "weeks"),
        ):
            if isinstance(value, int):
                total += int(value) * factor
            elif isinstance(value, float):
                whole = int(value)
                frac = value - whole
                total += whole * factor
                if frac:
                    scaled = factor * frac
                    whole_scaled = int(scaled)
                    total += whole_scaled
                    leftover += scaled - whole_scaled
            else:
                raise TypeError(
                    f"unsupported type for timedelta {name} component: {type(value).__name__}"
                )
        if leftover:
            whole_us = _round_half_away(leftover)
            if abs(whole_us - leftover) == 0.5:
                odd = total & 1
                whole_us = 2 * _round_half_away((leftover + odd) * 0.5) - odd
            total += whole_us
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        seconds, us = divmod(rest, 1000000)
        if not -999999999 <= days <= 999999999:
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        self = _new_object(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_microseconds() / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f"days={self._days}")
        if self._seconds:
            args.append(f"seconds={self._seconds}")
        if self._microseconds:
            args.append(f"microseconds={self._microseconds}")
        if not args:
            args.append("0")
        return f"{_type_name(self)}({', '.join(args)})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            s = f"{self._days} day{plural}, " + s
        if self._microseconds:
            s += f".{self._microseconds:06d}"
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return timedelta._from_microseconds(self._to_microseconds())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec // other._to_microseconds()
        return timedelta._from_microseconds(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec / other._to_microseconds()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_microseconds(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        if a == 0:
            raise ZeroDivisionError("float division by zero")
        return timedelta._from_microseconds(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            divisor = other._to_microseconds()
            if divisor == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return timedelta._from_microseconds(self._to_microseconds() % divisor)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# ISO 8601 parsing


def _invalid_iso(text):
    return ValueError(f"Invalid isoformat string: {text!r}")


# CPython 3.11 parses ISO strings with a C scanner that is lenient in
# places (fractions without a separator, extra digits ignored, characters
# read past the time into the offset). The functions below walk the string
# the same way; `_IsoText.at` reads "\0" past the end, as C would.


class _IsoText:
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def at(self, i):
        return self.text[i] if 0 <= i < len(self.text) else "\0"

    def digits(self, pos, count):
        """(value, pos after) of `count` ASCII digits at pos, or None."""
        value = 0
        for i in range(pos, pos + count):
            c = self.at(i)
            if not "0" <= c <= "9":
                return None
            value = value * 10 + ord(c) - 48
        return value, pos + count


class _IsoError(Exception):
    pass


def _parse_iso_date(text, start=0, length=None):
    """(year, month, day) of the date at text[start:start+length]:
    YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D] or YYYYWww[D]."""
    src = _IsoText(text)
    if length is None:
        length = len(text) - start
    got = src.digits(start, 4)
    if got is None:
        raise _IsoError
    year, p = got
    uses_separator = src.at(p) == "-"
    if uses_separator:
        p += 1
    if src.at(p) == "W":
        p += 1
        got = src.digits(p, 2)
        if got is None:
            raise _IsoError
        week, p = got
        if p - start < length:
            if uses_separator:
                if src.at(p) != "-":
                    raise _IsoError
                p += 1
            got = src.digits(p, 1)
            if got is None:
                raise _IsoError
            day = got[0]
        else:
            day = 1
        try:
            return _isocalendar_to_ymd(year, week, day, check_year=False)
        except ValueError:
            raise _IsoError from None
    got = src.digits(p, 2)
    if got is None:
        raise _IsoError
    month, p = got
    if uses_separator:
        if src.at(p) != "-":
            raise _IsoError
        p += 1
    got = src.digits(p, 2)
    if got is None:
        raise _IsoError
    return year, month, got[0]


def _parse_hh_mm_ss_ff(src, p, p_end):
    """([hour, minute, second, microsecond], trailing) of [HH[:?MM[:?SS]]]
    [.,]ffffff at p; trailing is true when characters remain."""
    comps = [0, 0, 0, 0]
    has_separator = True
    for i in range(3):
        got = src.digits(p, 2)
        if got is None:
            raise _IsoError
        comps[i], p = got
        c = src.at(p)
        p += 1
        if i == 0:
            has_separator = c == ":"
        if p >= p_end:
            return comps, c != "\0"
        if has_separator and c == ":":
            continue
        if c == "." or c == ",":
            break
        if not has_separator:
            p -= 1
        else:
            raise _IsoError
    to_parse = min(p_end - p, 6)
    if to_parse > 0:
        got = src.digits(p, to_parse)
        if got is None:
            raise _IsoError
        comps[3], p = got
        comps[3] *= 10 ** (6 - to_parse)
    while "0" <= src.at(p) <= "9":
        p += 1  # digits past the sixth are dropped
    return comps, src.at(p) != "\0"


def _parse_iso_time(text, start=0):
    """(hour, minute, second, microsecond, tzinfo) of the time at
    text[start:]."""
    src = _IsoText(text)
    end = len(text)
    tz_pos = start
    while True:
        if src.at(tz_pos) in "Z+-":
            break
        tz_pos += 1
        if tz_pos >= end:
            break
    comps, trailing = _parse_hh_mm_ss_ff(src, start, tz_pos)
    if tz_pos == end:
        if trailing:
            raise _IsoError
        return comps[0], comps[1], comps[2], comps[3], None
    if src.at(tz_pos) == "Z":
        if src.at(tz_pos + 1) != "\0":
            raise _IsoError
        return comps[0], comps[1], comps[2], comps[3], timezone.utc
    sign = -1 if src.at(tz_pos) == "-" else 1
    tz_comps, trailing = _parse_hh_mm_ss_ff(src, tz_pos + 1, end)
    if trailing:
        raise _IsoError
    tz_seconds = sign * (tz_comps[0] * 3600 + tz_comps[1] * 60 + tz_comps[2])
    if tz_seconds == 0:
        tz = timezone.utc
    else:
        tz = timezone(timedelta(seconds=tz_seconds, microseconds=sign * tz_comps[3]))
    return comps[0], comps[1], comps[2], comps[3], tz


def _iso_separator_position(text):
    """Where the date of an ISO datetime string ends (the separator, any
    character, comes next)."""
    size = len(text)
    if size == 7:
        return 7
    src = _IsoText(text)
    if src.at(4) == "-":
        if src.at(5) == "W":
            if size < 8:
                raise _IsoError
            if size > 8 and src.at(8) == "-":
                if size == 9:
                    raise _IsoError
                if size > 10 and "0" <= src.at(10) <= "9":
                    # YYYY-Www-##: taken as a separator at 8, the likelier.
                    return 8
                return 10
            return 8
        return 10
    if src.at(4) == "W":
        idx = 7
        while idx < size and "0" <= src.at(idx) <= "9":
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def _isocalendar_to_ymd(year, week, day, check_year=True):
    if check_year and not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            # Only years starting on a Thursday (or leap years starting on
            # a Wednesday) have a week 53.
            first_weekday = _ymd2ord(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid day: {day} (range is [1, 7])")
    ordinal = _iso_week1_monday(year) + (week - 1) * 7 + (day - 1)
    return _ord2ymd(ordinal)


# ---------------------------------------------------------------------------
# date


class IsoCalendarDate(tuple):
    """(year, week, weekday) of the ISO calendar, with named fields."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return f"{_type_name(self)}(year={self[0]}, week={self[1]}, weekday={self[2]})"


def _struct_time(values):
    struct_time = getattr(_time, "struct_time", None)
    if struct_time is not None:
        return struct_time(values)
    return _StructTime(values)


class _StructTime(tuple):
    """time.struct_time's shape, for when krait's time module has none."""

    __slots__ = ()
    _names = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
              "tm_wday", "tm_yday", "tm_isdst")

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[self._names.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._names, self))
        return f"time.struct_time({fields})"


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


def _local_fields(t):
    """(y, m, d, hh, mm, ss, utc offset seconds) of timestamp t (an int)
    in local time, or in UTC when krait cannot tell the local zone."""
    localtime = getattr(_time, "localtime", None)
    if localtime is not None:
        tm = localtime(t)
        return tm[0], tm[1], tm[2], tm[3], tm[4], tm[5], getattr(tm, "tm_gmtoff", 0)
    return _utc_fields(t) + (0,)


def _utc_fields(t):
    days, rest = divmod(t, 86400)
    hh, rest = divmod(rest, 3600)
    mm, ss = divmod(rest, 60)
    y, m, d = _ord2ymd(days + _EPOCH_ORDINAL)
    return y, m, d, hh, mm, ss


class date:
    """date(year, month, day): a date in the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        if month is None and type(year) is bytes and len(year) == 4 and 1 <= year[2] <= 12:
            # Pickle state: CPython's 4 bytes (year high, year low, month,
            # day). The common case first: unpickling many dates is hot.
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2]
            self._day = year[3]
            self._hashcode = -1
            return self
        if (month is None and isinstance(year, (bytes, str)) and len(year) == 4
                and 1 <= ord(year[2:3]) <= 12):
            # A str is Python 2 data read as latin-1.
            state = _state_bytes(year, "date")
            self = object.__new__(cls)
            self._year = state[0] * 256 + state[1]
            self._month = state[2]
            self._day = state[3]
            self._hashcode = -1
            return self
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    # Constructors

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, _ = _local_fields(_timestamp_seconds(t))
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) not in (7, 8, 10):
            raise _invalid_iso(date_string)
        # A malformed string is "invalid"; a date out of range says why.
        try:
            fields = _parse_iso_date(date_string)
        except _IsoError:
            raise _invalid_iso(date_string) from None
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isocalendar_to_ymd(year, week, day))

    # Conversions to string

    def __repr__(self):
        return f"{_type_name(self)}({self._year}, {self._month}, {self._day})"

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (
            f"{_DAYNAMES[weekday]} {_MONTHNAMES[self._month]} {self._day:2d} "
            f"00:00:00 {self._year:04d}"
        )

    def strftime(self, fmt):
        return _strftime(self, fmt, self._year, self._month, self._day, 0, 0, 0, 0)

    def __format__(self, fmt):
        _check_format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    # Fields

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # Comparisons

    def _cmp_key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                return False
            return (self._year == other._year and self._month == other._month
                    and self._day == other._day)
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def _order(self, other):
        if isinstance(other, datetime):
            raise TypeError(f"can't compare {_type_name(other)} to {_type_name(self)}")
        if self._comparable(other):
            return (self._cmp_key() > other._cmp_key()) - (self._cmp_key() < other._cmp_key())
        return None

    # (Plain dates compared at once: `sorted` and `min` call these per
    # pair. A datetime's `_order` raises against a date.)
    def __le__(self, other):
        if type(self) is date and type(other) is date:
            return ((self._year, self._month, self._day)
                    <= (other._year, other._month, other._day))
        c = self._order(other)
        return NotImplemented if c is None else c <= 0

    def __lt__(self, other):
        if type(self) is date and type(other) is date:
            return ((self._year, self._month, self._day)
                    < (other._year, other._month, other._day))
        c = self._order(other)
        return NotImplemented if c is None else c < 0

    def __ge__(self, other):
        if type(self) is date and type(other) is date:
            return ((self._year, self._month, self._day)
                    >= (other._year, other._month, other._day))
        c = self._order(other)
        return NotImplemented if c is None else c >= 0

    def __gt__(self, other):
        if type(self) is date and type(other) is date:
            return ((self._year, self._month, self._day)
                    > (other._year, other._month, other._day))
        c = self._order(other)
        return NotImplemented if c is None else c > 0

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    # Arithmetic

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = _ymd2ord(self._year, self._month, self._day) + other._days
            if 0 < ordinal <= _MAXORDINAL:
                y, m, d = _ord2ymd(ordinal)
                return _new_date(type(self), y, m, d)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _new_timedelta(
                _ymd2ord(self._year, self._month, self._day)
                - _ymd2ord(other._year, other._month, other._day), 0, 0
            )
        return NotImplemented

    def weekday(self):
        """Monday is 0, Sunday is 6."""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        """Monday is 1, Sunday is 7."""
        return _ymd2ord(self._year, self._month, self._day) % 7 or 7

    def isocalendar(self):
        return IsoCalendarDate(*_iso_calendar(self._year, self._month, self._day))

    def __reduce__(self):
        year = self._year
        return (type(self), (bytes((year >> 8, year & 255, self._month, self._day)),))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _timestamp_seconds(t):
    """Whole seconds of a timestamp (the fraction is dropped)."""
    if not isinstance(t, (int, float)):
        raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
    return int(t // 1) if isinstance(t, float) else t


# ---------------------------------------------------------------------------
# tzinfo, timezone


class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return (type(self), args, getattr(self, "__dict__", None) or None)


class timezone(tzinfo):
    """A fixed offset from UTC: timezone(offset, name=None)."""

    __slots__ = ("_offset", "_name")

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError(
                f"timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}"
            )
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {type(name).__name__}")
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError(
                "offset must be a timedelta strictly between -timedelta(hours=24) "
                f"and timedelta(hours=24), not {offset!r}."
            )
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"{_type_name(self)}({self._offset!r})"
        return f"{_type_name(self)}({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def _check_arg(self, name, dt):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(
                f"{name}(dt) argument must be a datetime instance or None, not {type(dt).__name__}"
            )

    def utcoffset(self, dt):
        self._check_arg("utcoffset", dt)
        return self._offset

    def tzname(self, dt):
        self._check_arg("tzname", dt)
        if self._name is None:
            return self._name_from_offset(self._offset)
        return self._name

    def dst(self, dt):
        self._check_arg("dst", dt)
        return None

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime.datetime instance")

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        return "UTC" + _format_offset(delta)


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# ---------------------------------------------------------------------------
# time


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]], *, fold=0):
    a time of day, naive or with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_hashcode", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(hour, (bytes, str)) and len(hour) == 6
                and ord(hour[0:1]) & 0x7F < 24):
            # Pickle state: hour (+128 with fold), minute, second, and the
            # microseconds in 3 bytes; the tzinfo comes second.
            state = _state_bytes(hour, "time")
            self = object.__new__(cls)
            h = state[0]
            self._fold = 1 if h > 127 else 0
            self._hour = h & 0x7F
            self._minute = state[1]
            self._second = state[2]
            self._microsecond = (state[3] << 16) | (state[4] << 8) | state[5]
            self._tzinfo = _state_tzinfo(minute or None)
            self._hashcode = -1
            return self
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold
        )
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def _fields(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            a, b = self._fields(), other._fields()
            return (a > b) - (a < b)
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2  # unequal, whatever they are
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        a = (myhhmm, self._second, self._microsecond)
        b = (othhmm, other._second, other._microsecond)
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, allow_mixed=True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, allow_mixed=True) != 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other) > 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            tzoff = self.utcoffset()
            if not tzoff:
                self._hashcode = hash(self._fields())
            else:
                h, m = divmod(
                    timedelta(hours=self._hour, minutes=self._minute) - tzoff,
                    timedelta(hours=1),
                )
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash((h, m, self._second, self._microsecond))
                else:
                    self._hashcode = hash(((h, m), self._second, self._microsecond))
        return self._hashcode

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond != 0:
            s = f", {self._second}, {self._microsecond}"
        elif self._second != 0:
            s = f", {self._second}"
        else:
            s = ""
        s = f"{_type_name(self)}({self._hour}, {self._minute}{s})"
        if self._tzinfo is not None:
            s = s[:-1] + f", tzinfo={self._tzinfo!r})"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + self._tzstr()

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        start = 1 if time_string.startswith("T") else 0
        try:
            fields = _parse_iso_time(time_string, start)
        except _IsoError:
            raise _invalid_iso(time_string) from None
        return cls(*fields)

    def strftime(self, fmt):
        return _strftime(
            self, fmt, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond
        )

    def __format__(self, fmt):
        _check_format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # time asks its tzinfo with None, datetime with itself.
    def utcoffset(self):
        return _tz_utcoffset(self._tzinfo, None)

    def tzname(self):
        return _tz_name(self._tzinfo, None)

    def dst(self):
        return _tz_dst(self._tzinfo, None)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def _getstate(self, protocol=3):
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        h = self._hour
        if self._fold and protocol > 3:
            h += 128
        basestate = bytes((h, self._minute, self._second, us1, us2, us3))
        if self._tzinfo is None:
            return (basestate,)
        return (basestate, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# datetime


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,
    tzinfo]]]]], *, fold=0)."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(year, (bytes, str)) and len(year) == 10
                and 1 <= ord(year[2:3]) & 0x7F <= 12):
            # Pickle state: date's 4 bytes (month +128 with fold), then
            # time's without the fold; the tzinfo comes second.
            state = _state_bytes(year, "datetime")
            m = state[2]
            return _datetime_fields(
                cls, state[0] * 256 + state[1], m & 0x7F, state[3], state[4], state[5],
                state[6], (state[7] << 16) | (state[8] << 8) | state[9],
                _state_tzinfo(month), 1 if m > 127 else 0,
            )
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold
        )
        _check_tzinfo(tzinfo)
        return _datetime_fields(cls, year, month, day, hour, minute, second, microsecond,
                                tzinfo, fold)

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        if not isinstance(t, (int, float)):
            raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
        if isinstance(t, float):
            whole = int(t)
            us = round((t - whole) * 1e6)
            if us >= 1000000:
                whole += 1
                us -= 1000000
            elif us < 0:
                whole -= 1
                us += 1000000
        else:
            whole = t
            us = 0
        if utc:
            y, m, d, hh, mm, ss = _utc_fields(whole)
        else:
            y, m, d, hh, mm, ss, _ = _local_fields(whole)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        return cls._fromtimestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError(
                f"combine() argument 1 must be datetime.date, not {type(date).__name__}"
            )
        if not isinstance(time, _time_class):
            raise TypeError(
                f"combine() argument 2 must be datetime.time, not {type(time).__name__}"
            )
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute,
                   time.second, time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            separator = _iso_separator_position(date_string)
            fields = _parse_iso_date(date_string, 0, separator)
            if len(date_string) > separator:
                fields += _parse_iso_time(date_string, separator + 1)
        except _IsoError:
            raise _invalid_iso(date_string) from None
        return cls(*fields)

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime_datetime(cls, date_string, format)

    def timetuple(self):
        dst = self.dst()
        if dst is None:
            dstflag = -1
        elif dst:
            dstflag = 1
        else:
            dstflag = 0
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second, dstflag)

    def _local_timestamp(self):
        # Local time taken as UTC unless krait's time module has localtime.
        epoch_seconds = (self.toordinal() - _EPOCH_ORDINAL) * 86400 + (
            self._hour * 3600 + self._minute * 60 + self._second
        )
        localtime = getattr(_time, "localtime", None)
        if localtime is None:
            return epoch_seconds
        guess = epoch_seconds - _local_fields(epoch_seconds)[6]
        return epoch_seconds - _local_fields(guess)[6]

    def timestamp(self):
        if self._tzinfo is None:
            return self._local_timestamp() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        offset = self.utcoffset()
        if offset:
            self -= offset
        y, m, d = self._year, self._month, self._day
        return _build_struct_time(y, m, d, self._hour, self._minute, self._second, 0)

    def date(self):
        return _new_date(date, self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._local_timestamp()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        localtime = getattr(_time, "localtime", None)
        if localtime is None:
            return timezone(timedelta(0), "UTC")
        tm = localtime(ts)
        return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                            f"not type '{type(tz).__name__}'")
        mytz = self.tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (
            f"{_DAYNAMES[weekday]} {_MONTHNAMES[self._month]} {self._day:2d} "
            f"{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}"
        )

    def strftime(self, fmt):
        return _strftime(self, fmt, self._year, self._month, self._day,
                         self._hour, self._minute, self._second, self._microsecond)

    def isoformat(self, sep="T", timespec="auto"):
        s = f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}" + _format_time(
            self._hour, self._minute, self._second, self._microsecond, timespec
        )
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = f"{_type_name(self)}({', '.join(map(str, fields))})"
        # CPython's datetime names fold before tzinfo (time does the reverse).
        if self._fold:
            s = s[:-1] + ", fold=1)"
        if self._tzinfo is not None:
            s = s[:-1] + f", tzinfo={self._tzinfo!r})"
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def utcoffset(self):
        return _tz_utcoffset(self._tzinfo, self)

    def tzname(self):
        return _tz_name(self._tzinfo, self)

    def dst(self):
        return _tz_dst(self._tzinfo, self)

    # Comparisons

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _compare(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            a, b = self._fields(), other._fields()
            return (a > b) - (a < b)
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return 1 if diff else 0

    def _order(self, other):
        if isinstance(other, datetime):
            return self._compare(other)
        if isinstance(other, date):
            raise TypeError(f"can't compare {_type_name(self)} to {_type_name(other)}")
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, allow_mixed=True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            tzoff = t.utcoffset()
            if tzoff is None:
                self._hashcode = hash(t._fields())
            else:
                days = _ymd2ord(self._year, self._month, self._day)
                seconds = self._hour * 3600 + self._minute * 60 + self._second
                self._hashcode = hash(timedelta(days, seconds, self._microsecond) - tzoff)
        return self._hashcode

    # Arithmetic

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        # (A timedelta's seconds and microseconds are never negative.)
        seconds = self._hour * 3600 + self._minute * 60 + self._second + other._seconds
        us = self._microsecond + other._microseconds
        if us >= 1000000:
            us -= 1000000
            seconds += 1
        days = _ymd2ord(self._year, self._month, self._day) + other._days
        if seconds >= 86400:
            seconds -= 86400
            days += 1
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days)
        hour, rem = divmod(seconds, 3600)
        minute, second = divmod(rem, 60)
        return _new_datetime(type(self), y, m, d, hour, minute, second, us, self._tzinfo, 0)

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        days1 = _ymd2ord(self._year, self._month, self._day)
        days2 = _ymd2ord(other._year, other._month, other._day)
        secs1 = self._second + self._minute * 60 + self._hour * 3600
        secs2 = other._second + other._minute * 60 + other._hour * 3600
        base = timedelta._from_microseconds(
            ((days1 - days2) * 86400 + secs1 - secs2) * 1000000
            + self._microsecond - other._microsecond
        )
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def _getstate(self, protocol=3):
        yhi, ylo = divmod(self._year, 256)
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        m = self._month
        if self._fold and protocol > 3:
            m += 128
        basestate = bytes((yhi, ylo, m, self._day, self._hour, self._minute,
                           self._second, us1, us2, us3))
        if self._tzinfo is None:
            return (basestate,)
        return (basestate, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


_date_class = date
_time_class = time


def _new_date(cls, year, month, day):
    """`cls(year, month, day)` of fields known valid: a subclass's own
    constructor is called (CPython's arithmetic does too)."""
    if cls is not date:
        return cls(year, month, day)
    self = _new_object(date)
    self._year = year
    self._month = month
    self._day = day
    self._hashcode = -1
    return self


def _new_datetime(cls, year, month, day, hour, minute, second, us, tz, fold):
    """`cls(...)` of fields known valid, as `_new_date`."""
    if cls is not datetime:
        if fold:
            return cls(year, month, day, hour, minute, second, us, tz, fold=fold)
        return cls(year, month, day, hour, minute, second, us, tz)
    return _datetime_fields(datetime, year, month, day, hour, minute, second, us, tz, fold)


def _new_timedelta(days, seconds, us):
    """A timedelta of normalised fields within range."""
    self = _new_object(timedelta)
    self._days = days
    self._seconds = seconds
    self._microseconds = us
    self._hashcode = -1
    return self

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# ---------------------------------------------------------------------------
# strptime

# The alternatives each directive tries, longest first as CPython's
# regular expressions do: (kind, width) pairs where kind "d" is digits.
_NUMERIC_DIRECTIVES = {
    "d": ("3[01]", "[12]\\d", "0[1-9]", "[1-9]", " [1-9]"),
    "m": ("1[0-2]", "0[1-9]", "[1-9]"),
    "H": ("2[0-3]", "[0-1]\\d", "\\d"),
    "I": ("1[0-2]", "0[1-9]", "[1-9]"),
    "M": ("[0-5]\\d", "\\d"),
    "S": ("6[0-1]", "[0-5]\\d", "\\d"),
    "j": ("36[0-6]", "3[0-5]\\d", "[12]\\d\\d", "0[1-9]\\d", "00[1-9]", "[1-9]\\d", "0[1-9]", "[1-9]"),
    "U": ("5[0-3]", "[0-4]\\d", "\\d"),
    "W": ("5[0-3]", "[0-4]\\d", "\\d"),
    "V": ("5[0-3]", "0[1-9]", "[1-4]\\d", "\\d"),
    "w": ("[0-6]",),
    "u": ("[1-7]",),
    "y": ("\\d\\d",),
    "Y": ("\\d\\d\\d\\d",),
    "G": ("\\d\\d\\d\\d",),
}


def _split_alternative(pattern):
    """'[12]\\d' -> a list of per-character tests."""
    tests = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            tests.append("0123456789")
            i += 2
        elif ch == "[":
            end = pattern.index("]", i)
            body = pattern[i + 1 : end]
            chars = ""
            j = 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    chars += "".join(chr(c) for c in range(ord(body[j]), ord(body[j + 2]) + 1))
                    j += 3
                else:
                    chars += body[j]
                    j += 1
            tests.append(chars)
            i = end + 1
        else:
            tests.append(ch)
            i += 1
    return tests


_COMPILED_NUMERIC = {
    key: [_split_alternative(p) for p in alternatives]
    for key, alternatives in _NUMERIC_DIRECTIVES.items()
}

_NAMED_DIRECTIVES = {
    "a": [name.lower() for name in _DAYNAMES[1:]],
    "A": [name.lower() for name in _FULL_DAYNAMES[1:]],
    "b": [name.lower() for name in _MONTHNAMES[1:]],
    "B": [name.lower() for name in _FULL_MONTHNAMES[1:]],
    "p": ["am", "pm"],
    "Z": ["utc", "gmt"],
}

_EXPANSIONS = {
    "c": "%a %b %d %H:%M:%S %Y",
    "x": "%m/%d/%y",
    "X": "%H:%M:%S",
}


def _compile_strptime(fmt):
    """The format as a list of items: ("lit", char), ("space",),
    ("num", directive) or ("name", directive)."""
    items = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch == "%":
            if i >= n:
                raise ValueError(f"stray % in format {fmt!r}")
            directive = fmt[i]
            i += 1
            if directive in _EXPANSIONS:
                items.extend(_compile_strptime(_EXPANSIONS[directive]))
            elif directive in _COMPILED_NUMERIC:
                items.append(("num", directive))
            elif directive in _NAMED_DIRECTIVES:
                items.append(("name", directive))
            elif directive in "fz%":
                items.append((directive, directive))
            else:
                raise ValueError(f"{directive!r} is a bad directive in format {fmt!r}")
        elif ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            items.append(("space", None))
        else:
            items.append(("lit", ch))
    return items


def _candidates(item, text, pos):
    """The (end, value) choices of one format item at text[pos:], in the
    order CPython's regular expression would try them."""
    kind, key = item
    n = len(text)
    if kind == "lit":
        if pos < n and text[pos].lower() == key.lower():
            yield pos + 1, None
    elif kind == "%":
        if pos < n and text[pos] == "%":
            yield pos + 1, None
    elif kind == "space":
        end = pos
        while end < n and text[end].isspace():
            end += 1
        for stop in range(end, pos, -1):
            yield stop, None
    elif kind == "num":
        for tests in _COMPILED_NUMERIC[key]:
            end = pos + len(tests)
            if end <= n and all(text[pos + k] in tests[k] for k in range(len(tests))):
                yield end, text[pos:end]
    elif kind == "name":
        lowered = text[pos:].lower()
        # Longest names first, as the regular expression lists them sorted
        # by length so that "march" is tried before "mar".
        for name in sorted(_NAMED_DIRECTIVES[key], key=len, reverse=True):
            if lowered.startswith(name):
                yield pos + len(name), text[pos : pos + len(name)].lower() if key != "Z" else text[pos : pos + len(name)]
    elif kind == "f":
        end = pos
        while end < n and end - pos < 6 and text[end] in "0123456789":
            end += 1
        for stop in range(end, pos, -1):
            yield stop, text[pos:stop]
    elif kind == "z":
        yield from _offset_candidates(text, pos)


def _offset_candidates(text, pos):
    """Ends of %z at pos, in the order of CPython's pattern
    [+-]HH:?MM(:?SS(.f{1,6})?)? | Z (greedy, so longest first)."""
    if text.startswith("Z", pos):
        yield pos + 1, "Z"
        return
    if pos >= len(text) or text[pos] not in "+-":
        return

    def digit_pair(at, first="0123456789"):
        return at + 2 <= len(text) and text[at] in first and text[at + 1] in "0123456789"

    if not digit_pair(pos + 1):
        return
    after_hours = pos + 3
    for minutes_at in ([after_hours + 1] if text.startswith(":", after_hours) else []) + [after_hours]:
        if not digit_pair(minutes_at, "012345"):
            continue
        after_minutes = minutes_at + 2
        for seconds_at in ([after_minutes + 1] if text.startswith(":", after_minutes) else []) + [after_minutes]:
            if not digit_pair(seconds_at, "012345"):
                continue
            after_seconds = seconds_at + 2
            if text.startswith(".", after_seconds):
                digits = 0
                while digits < 6 and after_seconds + 1 + digits < len(text) and text[after_seconds + 1 + digits] in "0123456789":
                    digits += 1
                for count in range(digits, 0, -1):
                    end = after_seconds + 1 + count
                    yield end, text[pos:end]
            yield after_seconds, text[pos:after_seconds]
        yield after_minutes, text[pos:after_minutes]


def _match_strptime(items, index, text, pos, found):
    if index == len(items):
        return pos
    item = items[index]
    for end, value in _candidates(item, text, pos):
        if value is not None:
            found.append((item[1], value))
        result = _match_strptime(items, index + 1, text, end, found)
        if result is not None:
            return result
        if value is not None:
            found.pop()
    return None


def _strptime(data_string, fmt):
    """(fields, fraction, gmtoff, gmtoff_fraction, tzname) of a time string."""
    for name, value in (("data_string", data_string), ("format", fmt)):
        if not isinstance(value, str):
            raise TypeError(f"strptime() argument {1 if name == 'data_string' else 2} must be str, not {type(value).__name__}")
    items = _compile_strptime(fmt)
    found = []
    end = _match_strptime(items, 0, data_string, 0, found)
    if end is None:
        raise ValueError(f"time data {data_string!r} does not match format {fmt!r}")
    if end != len(data_string):
        raise ValueError(f"unconverted data remains: {data_string[end:]}")

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz_name = None
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = None
    week_of_year = None
    week_of_year_start = None
    weekday = None
    julian = None
    ampm = None
    hour12 = None
    for key, value in found:
        if key == "y":
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(value)
        elif key == "G":
            iso_year = int(value)
        elif key == "m":
            month = int(value)
        elif key == "B":
            month = [n.lower() if n else n for n in _FULL_MONTHNAMES].index(value)
        elif key == "b":
            month = [n.lower() if n else n for n in _MONTHNAMES].index(value)
        elif key == "d":
            day = int(value)
        elif key == "H":
            hour = int(value)
        elif key == "I":
            hour12 = int(value)
        elif key == "M":
            minute = int(value)
        elif key == "S":
            second = int(value)
        elif key == "f":
            fraction = int(value + "0" * (6 - len(value)))
        elif key == "A":
            weekday = [n.lower() for n in _FULL_DAYNAMES[1:]].index(value)
        elif key == "a":
            weekday = [n.lower() for n in _DAYNAMES[1:]].index(value)
        elif key == "w":
            weekday = (int(value) - 1) % 7
        elif key == "u":
            weekday = int(value) - 1
        elif key == "j":
            julian = int(value)
        elif key in ("U", "W"):
            week_of_year = int(value)
            week_of_year_start = 6 if key == "U" else 0
        elif key == "V":
            iso_week = int(value)
        elif key == "p":
            ampm = value
        elif key == "z":
            if value == "Z":
                gmtoff = 0
            else:
                z = value
                if z[3] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError(f"Inconsistent use of : in {value}")
                        z = z[:5] + z[6:]
                sign = -1 if z[0] == "-" else 1
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = sign * ((hours * 60 + minutes) * 60 + seconds)
                frac = z[8:]
                gmtoff_fraction = sign * int(frac + "0" * (6 - len(frac)))
        elif key == "Z":
            tz_name = value
    if hour12 is not None:
        hour = hour12
        if ampm == "am":
            hour = 0 if hour12 == 12 else hour12
        elif ampm == "pm":
            hour = 12 if hour12 == 12 else hour12 + 12
    # Without a year, Feb 29 is worked out in a leap year (1904), then
    # 1900 is put back, so datetime() refuses it as CPython does.
    leap_year_fix = False
    if year is None:
        if iso_year is not None:
            year = iso_year
        elif month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, month, day = _isocalendar_to_ymd(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        y, m, d = _ord2ymd(_ymd2ord(year, 1, 1) + julian - 1)
        year, month, day = y, m, d
    if leap_year_fix:
        year = 1900
    return (year, month, day, hour, minute, second, fraction, gmtoff,
            gmtoff_fraction, tz_name)


def _julian_from_week(year, week_of_year, day_of_week, week_starts_mon):
    first_weekday = (_ymd2ord(year, 1, 1) + 6) % 7
    if not week_starts_mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    days_to_week = week_0_length + (7 * (week_of_year - 1))
    return 1 + days_to_week + day_of_week


def _strptime_time(data_string, fmt="%a %b %d %H:%M:%S %Y"):
    """`time.strptime`: the struct_time of a time string (the week day
    and the day of the year computed, isdst known only from a zone name)."""
    # (CPython's _strptime words: the index counts from 0, the type is
    # its repr.)
    for index, value in enumerate((data_string, fmt)):
        if not isinstance(value, str):
            raise TypeError(f"strptime() argument {index} must be str, not {type(value)}")
    (year, month, day, hour, minute, second, fraction, gmtoff,
     gmtoff_fraction, tz_name) = _strptime(data_string, fmt)
    # (Feb 29 without a year is worked out in 1904, as _strptime does.)
    date_year = 1904 if (year, month, day) == (1900, 2, 29) else year
    ordinal = _ymd2ord(date_year, month, day)
    weekday = (ordinal + 6) % 7
    julian = ordinal - _ymd2ord(date_year, 1, 1) + 1
    isdst = -1
    if tz_name is not None:
        name = tz_name.lower()
        if name in ("utc", "gmt") or name == _time.tzname[0].lower():
            isdst = 0
        elif _time.daylight and name == _time.tzname[1].lower():
            isdst = 1
    return _time.struct_time((year, month, day, hour, minute, second,
                              weekday, julian, isdst, tz_name, gmtoff))


def _strptime_datetime(cls, data_string, fmt="%a %b %d %H:%M:%S %Y"):
    (year, month, day, hour, minute, second, fraction, gmtoff,
     gmtoff_fraction, tz_name) = _strptime(data_string, fmt)
    tz = None
    if gmtoff is not None:
        delta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tz_name:
            tz = timezone(delta, tz_name)
        else:
            tz = timezone(delta)
    return cls(year, month, day, hour, minute, second, fraction, tz)
