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
    "date.fromisoformat('+20200011234567')",
    "datetime.fromisoformat('.0105.2020')",
    "time.fromisoformat('-T')",
    "date.fromisoformat('-Z')",
    "datetime.fromisoformat('.0+05:30xZ1T1')",
    "time.fromisoformat('04123456')",
    "date.fromisoformat('03TT+,12')",
    "datetime.fromisoformat('0553+011202053')",
    "time.fromisoformat('04-0800,W')",
    "date.fromisoformat('01-1234567.W123456-080004+')",
    "datetime.fromisoformat('2020W-Z123W+01')",
    "time.fromisoformat('.+05:30,:5')",
    "date.fromisoformat('12345612')",
    "datetime.fromisoformat('1-')",
    "time.fromisoformat('1503Z1.+01')",
    "date.fromisoformat('1 W01123Z+')",
    "datetime.fromisoformat('W55-123456+12345605')",
    "time.fromisoformat('T12:5x02-5')",
    "date.fromisoformat(':Z5303')",
    "datetime.fromisoformat('05W-0800+05:3012 ')",
    "time.fromisoformat(':123+05:30Z:01')",
    "date.fromisoformat('123,.+01.0T+')",
    "datetime.fromisoformat('-0800 -')",
    "time.fromisoformat('-080004+01-0:2020+,')",
    "date.fromisoformat('03-W123456Z+ 12')",
    "datetime.fromisoformat('W+05:3005.-0800123W')",
    "time.fromisoformat('123456-080001.12123456Z')",
    "date.fromisoformat('W:,5Z')",
    "datetime.fromisoformat('12  5W+01')",
    "time.fromisoformat('123+5')",
    "date.fromisoformat('W050123')",
    "datetime.fromisoformat('05.+T-0800-0800')",
    "time.fromisoformat('005+0104,+010Z02')",
    "date.fromisoformat('Z12530Z')",
    "datetime.fromisoformat('1+01+05:30:5T-05123456')",
    "time.fromisoformat('W05+12345601-0')",
    "date.fromisoformat('+1234567+530')",
    "datetime.fromisoformat('5:+-03TZ')",
    "time.fromisoformat('03W')",
    "date.fromisoformat('12304')",
    "datetime.fromisoformat('+,+2020T')",
    "time.fromisoformat('+01105,12345605,+05:30')",
    "date.fromisoformat('53xT5+05:301204')",
    "datetime.fromisoformat('051234567')",
    "time.fromisoformat('W04W-T01')",
    "date.fromisoformat(',2020')",
    "datetime.fromisoformat('+05:30 03-')",
    "time.fromisoformat('010123. ')",
    "date.fromisoformat('1202+01')",
    "datetime.fromisoformat('2020051234567+0101')",
    "time.fromisoformat('05-080012345603T01')",
    "date.fromisoformat('0')",
    "datetime.fromisoformat('Z.+0535-:')",
    "time.fromisoformat('123456WWW02-0800')",
    "date.fromisoformat(' 05Z5202012302')",
    "datetime.fromisoformat('-.,+:Z')",
    "time.fromisoformat('1204.-')",
    "date.fromisoformat('+01021234567.+05:30+05:3001')",
    "datetime.fromisoformat('53,123')",
    "time.fromisoformat('005')",
    "date.fromisoformat('04+01')",
    "datetime.fromisoformat('102')",
    "time.fromisoformat('123456+012020')",
    "date.fromisoformat('2020-0800:04-1,')",
    "datetime.fromisoformat('01010-0800Z:123456703-')",
    "time.fromisoformat('TTT+01x.')",
    "date.fromisoformat(',5+1234567-03T+')",
    "datetime.fromisoformat('123456W1123456704.+')",
    "time.fromisoformat('+01-040353Z02')",
    "date.fromisoformat('0405')",
    "datetime.fromisoformat('Z123456.')",
    "time.fromisoformat(':+01+0102123456123456')",
    "date.fromisoformat('1231253:')",
    "datetime.fromisoformat('53W123456701230Z+01')",
    "time.fromisoformat('1+0404x0')",
    "date.fromisoformat('53+01')",
    "datetime.fromisoformat('03-0800.:+,')",
    "time.fromisoformat(' 02')",
    "date.fromisoformat('.W123456ZW05-05Z')",
    "datetime.fromisoformat('040312')",
    "time.fromisoformat('123456+53')",
    "date.fromisoformat('+05:30-01W-T03123')",
    "datetime.fromisoformat(' 12')",
    "time.fromisoformat('02W02+05:30123456')",
    "date.fromisoformat('5304+Z532020')",
    "datetime.fromisoformat('53-,02-T')",
    "time.fromisoformat('.051234567-08000553123456123456703')",
    "date.fromisoformat('03.1234567')",
    "datetime.fromisoformat('+01-12Z:TW')",
    "time.fromisoformat('5-0800125+01+01123456123456:')",
    "date.fromisoformat('202003531+01-0800.+')",
    "datetime.fromisoformat('.1050501')",
    "time.fromisoformat('2020+W123010301')",
    "date.fromisoformat('-0800,123456123456720201234567-0800,+01')",
    "datetime.fromisoformat('.+-080001+05:301205')",
    "time.fromisoformat('051231W05,202012345670')",
    "date.fromisoformat('104T')",
    "datetime.fromisoformat(':x:03123456753+5x')",
    "time.fromisoformat(':+05:3002')",
    "date.fromisoformat('+05:30055')",
    "datetime.fromisoformat('+05:3002015Z123456,')",
    "time.fromisoformat('+05:300')",
    "date.fromisoformat('Z120405x05,01-0800')",
    "datetime.fromisoformat('0203W+-12,03')",
    "time.fromisoformat('-53')",
    "date.fromisoformat(',03-1234567-08001234567')",
    "datetime.fromisoformat('02T021201501')",
    "time.fromisoformat('W, W')",
    "date.fromisoformat('123456T')",
    "datetime.fromisoformat('0304+05:3002105504W')",
    "time.fromisoformat('05 2020T +01')",
    "date.fromisoformat('1234567:03')",
    "datetime.fromisoformat('2020 .20200-123.')",
    "time.fromisoformat('+123456703Z')",
    "date.fromisoformat('5W04')",
    "datetime.fromisoformat('-0800051234565+')",
    "time.fromisoformat('ZZ ')",
    "date.fromisoformat('123456701234567Z5305.')",
    "datetime.fromisoformat('+123+05:300111 ')",
    "time.fromisoformat('1234560123 ')",
    "date.fromisoformat(':05T1234561')",
    "datetime.fromisoformat('123456+01ZZx')",
    "time.fromisoformat('W-W+010')",
    "date.fromisoformat('010-+015+01+05')",
    "datetime.fromisoformat('53-080001')",
    "time.fromisoformat('1+05:30')",
    "date.fromisoformat('123456-03202053555')",
    "datetime.fromisoformat('-0800Z+01W+.,')",
    "time.fromisoformat('0105-080002Z01')",
    "date.fromisoformat('12+05:30010112345653,-')",
    "datetime.fromisoformat('5353T1:')",
    "time.fromisoformat('123456, 05-08000112')",
    "date.fromisoformat(':x,53+')",
    "datetime.fromisoformat('-05')",
    "time.fromisoformat('0+01012020+05:30W-08005+05:30')",
    "date.fromisoformat('03-08005512T')",
    "datetime.fromisoformat('03:+05:30+01,-03202003')",
    "time.fromisoformat('12312 12012020-2020.')",
    "date.fromisoformat('x1220201235: ,+05:30')",
    "datetime.fromisoformat('+011234567+05:3011123x.')",
    "time.fromisoformat('.+05:30123+05:30')",
    "date.fromisoformat('-08000204W-x.0+05:30')",
    "datetime.fromisoformat('.01')",
    "time.fromisoformat('+W')",
    "date.fromisoformat('-0800Z.01+05:30W.')",
    "datetime.fromisoformat('W+01+05:30+05:3012345601W')",
    "time.fromisoformat('+05:300-.123')",
    "date.fromisoformat('T202004031235+1234567')",
    "datetime.fromisoformat('12345612+123456Z00412020')",
    "time.fromisoformat('5Z005 011234567')",
    "date.fromisoformat('53-53W-0800 ')",
    "datetime.fromisoformat('W+1234567Z03')",
    "time.fromisoformat('12305')",
    "date.fromisoformat('0+05:3004.')",
    "datetime.fromisoformat('05+015305W053+x')",
    "time.fromisoformat('04123456WW')",
    "date.fromisoformat('1:')",
    "datetime.fromisoformat('20201232020+05:301-x02')",
    "datetime.fromisoformat('2020-01-02T03:04:05')",
    "datetime.fromisoformat('20200102T03:04:05Z')",
    "datetime.fromisoformat('2020-W01-3T03:04:05.5+0530')",
    "datetime.fromisoformat('2020W013T3')",
    "datetime.fromisoformat('2020-W01T03:0405')",
    "datetime.fromisoformat('2020W01T03:04:05+01:00:30.5')",
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
