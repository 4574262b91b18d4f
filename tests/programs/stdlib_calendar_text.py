# TextCalendar / module functions: exact layouts and errors.
import calendar
import datetime


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


for y in [1900, 2000, 2023, 2024, 2100, 1, 9999, 0, -4, 10000, 1582]:
    show("isleap %d" % y, lambda: calendar.isleap(y))
for a, b in [(1, 2024), (2000, 2001), (2001, 2000), (1900, 2100), (-100, 100), (5, 5)]:
    show("leapdays %d %d" % (a, b), lambda: calendar.leapdays(a, b))
for args in [(2024, 2, 29), (2023, 2, 29), (1, 1, 1), (9999, 12, 31), (0, 1, 1), (-1, 3, 1),
             (10000, 1, 1), (2024, 13, 1), (2024, 0, 1), (12345, 6, 7)]:
    show("weekday %r" % (args,), lambda: calendar.weekday(*args))
for args in [(2024, 2), (2023, 2), (1900, 2), (2000, 2), (2024, 12), (2024, 13), (2024, 0),
             (1, 1), (9999, 12), (-3, 5), (10001, 3)]:
    show("monthrange %r" % (args,), lambda: calendar.monthrange(*args))
show("monthcalendar", lambda: calendar.monthcalendar(2024, 3))
show("weekheader 2", lambda: calendar.weekheader(2))
for w in [1, 2, 3, 5, 9, 10, 12]:
    show("weekheader %d" % w, lambda: calendar.weekheader(w))
print(calendar.month(2024, 2))
print(calendar.month(2024, 2, 3, 2))
print(calendar.month(2023, 12, 0, 0))
print(calendar.month(2024, 9, 1))
print(calendar.calendar(2024))
print(calendar.calendar(2023, 3, 1, 2, 4))
print(calendar.calendar(2025, 2, 2, 1, 2))
print(calendar.calendar(2026, 2, 1, 6, 5))
print(calendar.calendar(1, 9, 1, 1, 1))
calendar.prmonth(2024, 7)
calendar.prcal(2022, m=6, c=3)
calendar.prweek([(1, 0), (2, 1), (0, 2), (3, 3), (4, 4), (5, 5), (6, 6)], 3)
print()
print(repr(calendar.week([(1, 0), (0, 1)], 4)))
calendar.format(["a", "bb", "ccc"])
calendar.format(["a", "bb"], 5, 2)
print(repr(calendar.formatstring(["x", "yy"], 6, 1)))
print(repr(calendar.formatstring([])))

for fw in [6, 3, 0]:
    calendar.setfirstweekday(fw)
    print(fw, calendar.firstweekday(), calendar.weekheader(3))
    print(calendar.month(2024, 5))
    print(calendar.monthcalendar(2024, 6))
calendar.setfirstweekday(calendar.MONDAY)
for bad in [7, -1, 10]:
    show("setfirstweekday %r" % bad, lambda: calendar.setfirstweekday(bad))
show("month 13", lambda: calendar.month(2024, 13))
e = calendar.IllegalMonthError(14)
print(e.month, str(e), repr(str(calendar.IllegalWeekdayError(9))), calendar.IllegalWeekdayError(9).weekday)
print(issubclass(calendar.IllegalMonthError, ValueError), calendar.error is ValueError)

print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), list(calendar.month_abbr))
print(calendar.day_name[-1], calendar.month_abbr[-1], calendar.day_name[1:3], calendar.month_name[::4])
print(len(calendar.day_name), len(calendar.month_name))
show("day_name[7]", lambda: calendar.day_name[7])
print(calendar.mdays, calendar.January, calendar.February, calendar.EPOCH)
print(calendar.MONDAY, calendar.SUNDAY, calendar.SATURDAY)

for t in [(1970, 1, 1, 0, 0, 0), (2024, 2, 29, 12, 30, 45), (1969, 12, 31, 23, 59, 59),
          (2038, 1, 19, 3, 14, 8, 0, 0, 0), (2000, 1, 32, 0, 0, 0), (2000, 1, 1, 25, 61, 61),
          (1, 1, 1, 0, 0, 0)]:
    show("timegm %r" % (t,), lambda: calendar.timegm(t))
show("timegm time", lambda: calendar.timegm(datetime.datetime(2020, 5, 17, 8, 9, 10).timetuple()))

tc = calendar.TextCalendar(6)
print(tc.firstweekday, tc.getfirstweekday(), list(tc.iterweekdays()))
tc.setfirstweekday(9)
print(tc.firstweekday, list(tc.iterweekdays()))
tc.firstweekday = 0
print(repr(tc.formatday(0, 0, 3)), repr(tc.formatday(7, 0, 5)), repr(tc.formatweekday(2, 9)),
      repr(tc.formatweekday(2, 1)), repr(tc.formatmonthname(2024, 3, 20)),
      repr(tc.formatmonthname(2024, 3, 20, False)), repr(tc.formatweek([(5, 1)], 2)))
tc.prmonth(2024, 11, 4, 1)
tc.pryear(2027, 2, 1, 4, 6)


class Stars(calendar.TextCalendar):
    def formatday(self, day, weekday, width):
        return ("*" if weekday >= 5 else str(day or "")).center(width)


print(Stars(6).formatmonth(2024, 8))
print(Stars().formatyear(2024, m=4))
