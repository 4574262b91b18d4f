# datetime: timedelta, date, time, datetime, tzinfo, timezone; arithmetic,
# comparisons, reprs, parsing and formatting, checked expression by expression.
from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR
import datetime as datetime_module

EXPRESSIONS = [
    'timedelta(1)/0',
    'timedelta(1)//0',
    'timedelta(1)/timedelta(0)',
    'timedelta(1)//timedelta(0)',
    'timedelta(1)%timedelta(0)',
    'date(2020,1,1)<datetime(2020,1,1)',
    'datetime(2020,1,1)<date(2020,1,1)',
    'date(2020,1,1)==datetime(2020,1,1)',
    'timezone(timedelta(hours=24))',
    'timezone(5)',
    'timedelta("1")',
    'date(2020,2,30)',
    'date(0,1,1)',
    'date(1.0,1,1)',
    'time(24)',
    'time(0,0,0,0,5)',
    'date.max+timedelta(1)',
    'datetime(2020,1,1)-datetime(2020,1,1,tzinfo=timezone.utc)',
    'datetime(2020,1,1)<datetime(2020,1,1,tzinfo=timezone.utc)',
    'time(1)<time(1,tzinfo=timezone.utc)',
    'date(1,1,1).strftime("%Y|%y|%G|%C")',
    'date(999,1,1).strftime("%Y|%y|%G|%C|%F|%c")',
    'date.fromisoformat("2020-1-1")',
    'datetime.strptime("2020","%Q")',
    'datetime.strptime("2020","%")',
    'datetime.strptime("2020-13","%Y-%m")',
    'datetime.strptime("2020-12x","%Y-%m")',
    'date(2020,1,1).strftime("%Q %e %c %x %X %D %T %F %C %h %k %l %s %n %t %u %V %G %U %W %g %r %R")',
    'timezone(timedelta(hours=1,seconds=30,microseconds=5))',
    'timezone.utc',
    'timezone(timedelta(0))',
    'str(timezone(-timedelta(hours=5,minutes=30)))',
    'str(timezone(timedelta(hours=5,minutes=30, seconds=7, microseconds=9)))',
    'date(2020,1,1).isocalendar()',
    'timedelta(microseconds=-1)',
    'str(timedelta(microseconds=-1))',
    'timedelta(days=-1,hours=25,milliseconds=1.5,minutes=0.5)',
    'timedelta(0.5)*0.3',
    'timedelta(seconds=1)/3',
    'datetime.fromtimestamp(1.5e9+0.5,timezone.utc)',
    'datetime.utcfromtimestamp(-1.25)',
    'time(1,2,3,4,timezone.utc,fold=1)',
    'datetime(2020,1,1,tzinfo=timezone(timedelta(hours=1),"X"))',
    'date(2020,1,1).__format__(5)',
    'tzinfo().utcoffset(None)',
    'datetime(2020,1,1,tzinfo=tzinfo()).utcoffset()',
    'date(2020,1,1).ctime()',
    'timedelta(1.5, 0.000001, 0.5)',
    'timedelta(microseconds=0.5)',
    'timedelta(microseconds=1.5)',
    'timedelta(microseconds=-0.5)',
    'timedelta(seconds=1e-7)',
    'timedelta(weeks=1.123456789, days=0.3)',
    'timedelta(minutes=-0.0000001)',
    'timedelta(hours=1e6)',
    'timedelta(days=1000000000)',
    'timedelta(days=-1000000000)',
    'timedelta.max + timedelta(1)',
    'timedelta.min, timedelta.max, timedelta.resolution',
    'str(timedelta(2, 3, 4)), str(timedelta(-2, 3)), str(timedelta(0)), str(timedelta(1))',
    'timedelta(hours=1) * 2.5, 2 * timedelta(hours=1), timedelta(1) / 7, timedelta(1) / 0.3',
    'timedelta(1) // timedelta(hours=5), timedelta(1) % timedelta(hours=5), divmod(timedelta(1), timedelta(hours=-5))',
    'timedelta(1) // 7, timedelta(-1) // 7, -timedelta(1), +timedelta(1), abs(timedelta(-1, 5))',
    'timedelta(1) == timedelta(hours=24), timedelta(1) != 1, timedelta(1) == 1, hash(timedelta(1)) == hash(timedelta(hours=24))',
    'timedelta(days=1, seconds=3600).total_seconds(), timedelta(microseconds=-1).total_seconds()',
    'bool(timedelta(0)), bool(timedelta(microseconds=1))',
    'timedelta(1).days, timedelta(1, 5).seconds, timedelta(0, 0, 7).microseconds',
    'date(2020, 2, 29), date(2019, 2, 29)',
    'date(2020, 13, 1)',
    'date(2020, 0, 1)',
    'date(10000, 1, 1)',
    'date(2020, 1, 0)',
    'date(2020, 4, 31)',
    'date(2020, 1, 1) + timedelta(days=366), date(2020, 3, 1) - timedelta(1), date(2020, 3, 1) - date(2020, 2, 1)',
    'date(2020, 3, 1) - timedelta(hours=25)',
    'date.min - timedelta(1)',
    'date(2020, 1, 1).replace(day=31), date(2020, 1, 31).replace(month=2)',
    'date(2021, 1, 1).weekday(), date(2021, 1, 1).isoweekday(), date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar(), date(2018, 12, 31).isocalendar()',
    '[date(y, 1, 1).isocalendar() for y in range(2000, 2030)]',
    '[date(y, 12, 29).isocalendar() for y in range(2000, 2030)]',
    'date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2021, 1, 1)',
    'date.fromisocalendar(2021, 53, 1)',
    'date.fromisocalendar(2021, 0, 1)',
    'date.fromisocalendar(2021, 1, 8)',
    'date.fromisocalendar(0, 1, 1)',
    'date.fromordinal(1), date.fromordinal(737791), date.fromordinal(3652059)',
    'date.fromordinal(0)',
    'date.fromordinal(3652060)',
    '[date.fromordinal(n).toordinal() == n for n in range(1, 3652059, 9973)]',
    'date(2020, 5, 17).toordinal(), date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal()',
    'date.fromisoformat("2020-05-17"), date.fromisoformat("20200517"), date.fromisoformat("2020-W20"), date.fromisoformat("2020-W20-3"), date.fromisoformat("2020W203"), date.fromisoformat("2020W20")',
    'date.fromisoformat("2020-05-1")',
    'date.fromisoformat("2020-05-17T")',
    'date.fromisoformat("2020/05/17")',
    'date.fromisoformat(20200517)',
    'date(2020, 5, 17).isoformat(), str(date(5, 1, 2)), repr(date(5, 1, 2)), date(2020, 5, 17).ctime()',
    'date(2020, 5, 17).strftime("%A %a %B %b %d %m %Y %y %j %U %W %w %u %V %G %p %H %I %M %S %f %z %Z %%")',
    'format(date(2020, 5, 17), ""), format(date(2020, 5, 17), "%d/%m"), f"{date(2020, 5, 17):%Y}"',
    'date(2020, 1, 1) < date(2020, 1, 2), date(2020, 1, 1) <= date(2020, 1, 1), date(2020, 1, 1) == date(2020, 1, 1), date(2020,1,1) != date(2020,1,2), date(2020,1,1) == "x"',
    'hash(date(2020, 1, 1)) == hash(date(2020, 1, 1))',
    'date.min, date.max, date.resolution, date(2020,1,1).year, date(2020,1,1).month, date(2020,1,1).day',
    'date(2020, 1, 1).timetuple()',
    'time(), time(1), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(0, 0, 0, 5), time(1, tzinfo=timezone(timedelta(hours=-3)))',
    'time(-1)',
    'time(0, 60)',
    'time(0, 0, 60)',
    'time(0, 0, 0, 1000000)',
    'time(fold=2)',
    'time(1.5)',
    'time(1, 2, 3, 4).isoformat(), time(1, 2, 3).isoformat(), time(1, 2, 3, 4500).isoformat("milliseconds"), time(1, 2).isoformat("hours"), time(1, 2).isoformat("minutes"), time(1,2,3,4).isoformat("seconds"), time(1).isoformat("microseconds")',
    'time(1).isoformat("days")',
    'str(time(13, 5, tzinfo=timezone(timedelta(hours=5, minutes=30)))), time(13, 5, tzinfo=timezone.utc).utcoffset(), time(1, tzinfo=timezone.utc).tzname(), time(1).tzname(), time(1, tzinfo=timezone.utc).dst()',
    'time.fromisoformat("01:02"), time.fromisoformat("01:02:03"), time.fromisoformat("01:02:03.5"), time.fromisoformat("01:02:03.123456789"), time.fromisoformat("T01"), time.fromisoformat("010203"), time.fromisoformat("01:02:03+05:00"), time.fromisoformat("01:02:03Z"), time.fromisoformat("01:02:03,25-0130")',
    'time.fromisoformat("1:02")',
    'time.fromisoformat("01:02:")',
    'time.fromisoformat("25:00")',
    'time.fromisoformat("")',
    'time(1, 2) < time(1, 3), time(1, 2) == time(1, 2, tzinfo=timezone.utc), time(1, tzinfo=timezone(timedelta(hours=1))) == time(0, tzinfo=timezone.utc), time(5) == 5',
    'time(23, 59, 59, 999999).replace(hour=0), time(1, tzinfo=timezone.utc).replace(tzinfo=None), time(1).replace(fold=1)',
    'time(1, 2, 3).strftime("%H:%M:%S %p %I %Y %f %j %a"), format(time(1, 2), ""), format(time(1,2), "%H")',
    'time.min, time.max, time.resolution, time(1).hour, time(1,2).minute, time(1,2,3).second, time(1,2,3,4).microsecond, time(1).tzinfo, time(1).fold',
    'bool(time(0))',
    'hash(time(1, tzinfo=timezone(timedelta(hours=1)))) == hash(time(0, tzinfo=timezone.utc))',
    'datetime(2020, 1, 2), datetime(2020, 1, 2, 3), datetime(2020, 1, 2, 3, 4, 5), datetime(2020, 1, 2, 0, 0, 0, 7), datetime(2020, 1, 2, 0, 0, 5)',
    'datetime(2020, 1, 2, tzinfo=timezone.utc, fold=1)',
    'datetime(2020, 1, 2, 24)',
    'datetime(2020, 2, 30)',
    'datetime(2020, 1, 2, 3, 4, 5, 6).isoformat(), datetime(2020, 1, 2).isoformat(" "), str(datetime(2020, 1, 2, 3, 4, 5, 6)), datetime(2020, 1, 2, 3).isoformat(timespec="minutes"), datetime(2020,1,2,tzinfo=timezone(timedelta(hours=-8))).isoformat()',
    'datetime(2020, 1, 2, 3, 4, 5).ctime(), datetime(2020, 1, 2, 13, 4, 5).strftime("%c | %I %p | %x %X | %f | %z | %Z"), datetime(2020, 1, 2, 13, 4, 5, 7, timezone(timedelta(hours=2, minutes=30), "EET")).strftime("%z %Z")',
    'datetime(2020, 1, 31, 23) + timedelta(hours=2), datetime(2020, 1, 1) - timedelta(microseconds=1), timedelta(days=2) + datetime(2020, 1, 1)',
    'datetime(2020, 3, 1) - datetime(2020, 2, 1, 12), datetime(2020, 1, 1, tzinfo=timezone.utc) - datetime(2020, 1, 1, 5, tzinfo=timezone(timedelta(hours=5)))',
    'datetime.max + timedelta(microseconds=1)',
    'datetime.min - timedelta(1)',
    'datetime(2020, 1, 1) < datetime(2020, 1, 1, 0, 0, 1), datetime(2020, 1, 1, tzinfo=timezone.utc) == datetime(2020, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))), datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=timezone.utc)',
    'datetime(2020, 1, 1, tzinfo=timezone.utc) < datetime(2020, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))',
    'hash(datetime(2020, 1, 1, tzinfo=timezone.utc)) == hash(datetime(2020, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))), hash(datetime(2020,1,1)) == hash(datetime(2020,1,1,fold=1))',
    'datetime.combine(date(2020, 1, 2), time(3, 4, tzinfo=timezone.utc)), datetime.combine(date(2020, 1, 2), time(3, 4), tzinfo=timezone.utc), datetime.combine(date(2020,1,2), time(1), None)',
    'datetime.combine(1, time())',
    'datetime.combine(date(2020,1,1), 5)',
    'datetime(2020, 1, 2, 3, 4).date(), datetime(2020, 1, 2, 3, 4, tzinfo=timezone.utc).time(), datetime(2020, 1, 2, 3, 4, tzinfo=timezone.utc).timetz()',
    'datetime(2020, 1, 2, 3, 4).replace(year=2021, tzinfo=timezone.utc), datetime(2020, 2, 29).replace(year=2021)',
    'datetime(2020, 1, 2, 3, 4, 5).timetuple(), datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2))).utctimetuple()',
    'datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc).timestamp(), datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=timezone.utc).timestamp(), datetime(2020, 1, 2, tzinfo=timezone(timedelta(hours=-5))).timestamp()',
    'datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1e9, timezone(timedelta(hours=9))), datetime.utcfromtimestamp(1234567890.123456), datetime.utcfromtimestamp(1234567890.9999995), datetime.utcfromtimestamp(0.0000005), datetime.utcfromtimestamp(-0.0000005), datetime.utcfromtimestamp(951782400)',
    'datetime.fromtimestamp("1")',
    'datetime(2020, 6, 1, 12, tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=-4))), datetime(2020, 6, 1, 12, tzinfo=timezone(timedelta(hours=2))).astimezone(timezone.utc)',
    'datetime(2020, 6, 1, 12, tzinfo=timezone.utc).astimezone(5)',
    'datetime.fromisoformat("2020-01-02"), datetime.fromisoformat("2020-01-02T03:04"), datetime.fromisoformat("2020-01-02 03:04:05.123"), datetime.fromisoformat("2020-01-02T03:04:05+01:00"), datetime.fromisoformat("2020-01-02T03:04:05.000001-05:30:10"), datetime.fromisoformat("2020-01-02T03Z"), datetime.fromisoformat("20200102T030405"), datetime.fromisoformat("2020-W01-1T01:00"), datetime.fromisoformat("2020-01-02x03:04")',
    'datetime.fromisoformat("2020-01-02T")',
    'datetime.fromisoformat("2020-01-02T25:00")',
    'datetime.fromisoformat("nope")',
    'datetime.fromisoformat("2020-01-02T03:04:05+5")',
    'datetime.strptime("2020-05-17 13:45:10", "%Y-%m-%d %H:%M:%S"), datetime.strptime("17/May/20 1:05 pm", "%d/%b/%y %I:%M %p"), datetime.strptime("Sunday, March 1 1999", "%A, %B %d %Y"), datetime.strptime("2020-05-17T13:45:10.123+0200", "%Y-%m-%dT%H:%M:%S.%f%z"), datetime.strptime("2020 075", "%Y %j")',
    'datetime.strptime("12:30:00 Z", "%H:%M:%S %z"), datetime.strptime("12:30 +05:30", "%H:%M %z"), datetime.strptime("12:30 -053015", "%H:%M %z"), datetime.strptime("UTC 2020", "%Z %Y"), datetime.strptime("2020-05-17 +0100 GMT", "%Y-%m-%d %z %Z")',
    'datetime.strptime("99", "%y"), datetime.strptime("68", "%y"), datetime.strptime("69", "%y"), datetime.strptime("1", "%m"), datetime.strptime("  5 ", " %d ")',
    'datetime.strptime("Feb 29", "%b %d")',
    'datetime.strptime("2021-02-29", "%Y-%m-%d")',
    'datetime.strptime("2020-02-30", "%Y-%m-%d")',
    'datetime.strptime("13:00 pm", "%I:%M %p")',
    'datetime.strptime("12 am", "%I %p"), datetime.strptime("12 PM", "%I %p"), datetime.strptime("MAY mon", "%b %a")',
    'datetime.strptime("2020 10 1", "%Y %W %w"), datetime.strptime("2020 10 1", "%Y %U %w"), datetime.strptime("2021 0 3", "%Y %W %w")',
    'datetime.strptime("Sun Jan  2 03:04:05 2020", "%c"), datetime.strptime("01/02/20 03:04:05", "%x %X")',
    'datetime.strptime("2020-1-2", "%Y-%m-%d%H")',
    'datetime.strptime("2020", "%Y %m")',
    'datetime.strptime(2020, "%Y")',
    'datetime.strptime("100%", "%d%%")',
    'datetime.strptime("1234", "%H%M")',
    'datetime.strptime("123", "%H%M")',
    'datetime(2020, 1, 2, 3, 4, 5) == date(2020, 1, 2), date(2020, 1, 2) != datetime(2020, 1, 2)',
    'datetime(2020, 1, 2) >= date(2020, 1, 2)',
    'timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X"), hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), "X")), timezone.min, timezone.max, str(timezone.utc), timezone(timedelta(0), "Z")',
    'timezone(timedelta(hours=1), 5)',
    'timezone(timedelta(hours=-24))',
    'timezone.utc.utcoffset(5)',
    'timezone.utc.tzname(None), timezone(timedelta(minutes=90)).tzname(None), timezone(timedelta(minutes=-90)).utcoffset(None), timezone.utc.dst(None)',
    'timezone(timedelta(hours=2)).fromutc(datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=2))))',
    'timezone(timedelta(hours=2)).fromutc(datetime(2020, 1, 1))',
    'isinstance(timezone.utc, tzinfo), issubclass(datetime, date), datetime.min, datetime.max, datetime.resolution',
    'date(2020, 1, 1).strftime("%Y-%m-%d %H:%M:%S.%f")',
    'datetime(2020, 1, 1, 0, 0) - timedelta(days=1, seconds=1.5)',
    'timedelta(days=1.0000001), timedelta(seconds=86399.9999995), timedelta(seconds=-86399.9999995), timedelta(milliseconds=0.0005), timedelta(milliseconds=0.0015)',
    'timedelta(days=1) * 1.1, timedelta(seconds=5) * -0.5, timedelta(microseconds=3) * 0.5, timedelta(microseconds=5) * 0.5, timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=7) / 2.0',
]

for text in EXPRESSIONS:
    try:
        result = eval(text)
    except Exception as e:
        print(text, "->", type(e).__name__, e)
    else:
        print(text, "->", repr(result))


class FixedDST(tzinfo):
    """A zone one hour from UTC, with daylight time from April to October."""

    def __init__(self, hours, name):
        self.offset = timedelta(hours=hours)
        self.name = name

    def utcoffset(self, dt):
        return self.offset + self.dst(dt)

    def dst(self, dt):
        if dt is not None and 4 <= dt.month <= 10:
            return timedelta(hours=1)
        return timedelta(0)

    def tzname(self, dt):
        return self.name + ("S" if self.dst(dt) else "")

    def __repr__(self):
        return f"FixedDST({self.name})"


zone = FixedDST(1, "CET")
winter = datetime(2020, 1, 15, 12, tzinfo=zone)
summer = datetime(2020, 7, 15, 12, tzinfo=zone)
print(winter, summer, winter.utcoffset(), summer.utcoffset(), summer.dst(), winter.tzname(), summer.tzname())
print(repr(summer), summer.strftime("%H:%M %z %Z"), summer.timetuple().tm_isdst if hasattr(summer.timetuple(), "tm_isdst") else "")
print(summer.astimezone(timezone.utc), datetime(2020, 7, 15, 10, tzinfo=timezone.utc).astimezone(zone))
print(summer - winter, summer > winter, summer == summer.astimezone(timezone.utc))
print(time(12, tzinfo=zone).utcoffset(), time(12, tzinfo=zone).tzname())


class Broken(tzinfo):
    def utcoffset(self, dt):
        return 5


for call in [lambda: datetime(2020, 1, 1, tzinfo=Broken()).utcoffset(),
             lambda: datetime(2020, 1, 1, tzinfo=Broken()).isoformat(),
             lambda: tzinfo().tzname(None), lambda: tzinfo().dst(None)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)


class Birthday(date):
    def age_on(self, other):
        return other.year - self.year - ((other.month, other.day) < (self.month, self.day))


b = Birthday(1990, 6, 15)
print(b, repr(b), b.age_on(date(2020, 6, 14)), b.age_on(date(2020, 6, 15)), type(b.replace(year=1991)).__name__)
print(type(b + timedelta(1)).__name__, Birthday.fromordinal(1), Birthday.fromisoformat("2000-01-01"))


class Stamp(datetime):
    def __str__(self):
        return "Stamp " + self.isoformat()


s = Stamp(2020, 1, 2, 3, 4)
print(s, repr(s), type(s + timedelta(hours=1)).__name__, Stamp.combine(date(2020, 1, 1), time(5)))
print(Stamp.strptime("2020-01-02", "%Y-%m-%d"), type(Stamp.fromtimestamp(0, timezone.utc)).__name__)


class Span(timedelta):
    pass


print(repr(Span(hours=1)), Span(1) + Span(1), type(Span(1) + Span(1)).__name__)
print(MINYEAR, MAXYEAR, datetime_module.UTC is timezone.utc, sorted(datetime_module.__all__))
print(sorted([date(2020, 1, 3), date(2019, 5, 1), date(2020, 1, 1)]))
print(sorted([timedelta(1), timedelta(-1), timedelta(0, 5)]))
events = {date(2020, 1, 1): "new year", datetime(2020, 1, 1, tzinfo=timezone.utc): "utc midnight"}
print(events[date(2020, 1, 1)], events[datetime(2020, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))])
print(isinstance(date.today(), date), isinstance(datetime.now(), datetime), datetime.now(timezone.utc).tzinfo)
print(datetime.utcnow().tzinfo, abs(datetime.now(timezone.utc) - datetime.fromtimestamp(__import__("time").time(), timezone.utc)) < timedelta(seconds=5))
