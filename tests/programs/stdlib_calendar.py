import calendar
import datetime

print(calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February)
print(calendar.mdays, calendar.EPOCH, calendar.error is ValueError)
print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), calendar.month_abbr[1:4], len(calendar.month_abbr))
print(calendar.day_name[-1], calendar.month_name[0] == "", calendar.day_abbr[2:4])

print([y for y in range(1896, 1912) if calendar.isleap(y)], calendar.isleap(2000), calendar.isleap(2100))
print(calendar.leapdays(1900, 2000), calendar.leapdays(2000, 2001), calendar.leapdays(2001, 2000), calendar.leapdays(-400, 400))
print(calendar.weekday(2024, 2, 29), calendar.weekday(1, 1, 1), calendar.weekday(10000, 1, 1), calendar.weekday(-1, 12, 31))
print([calendar.monthrange(2024, m) for m in (1, 2, 3, 4, 12)], calendar.monthrange(2023, 2), calendar.monthrange(1900, 2))
print(calendar.timegm((2024, 2, 29, 12, 30, 15)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 0.5)))

for bad in [(2024, 0), (2024, 13)]:
    try:
        calendar.monthrange(*bad)
    except calendar.IllegalMonthError as e:
        print(type(e).__name__, e, e.args, isinstance(e, ValueError))
for bad in (7, -1):
    try:
        calendar.setfirstweekday(bad)
    except calendar.IllegalWeekdayError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
try:
    calendar.weekday(2023, 2, 29)
except ValueError as e:
    print("ValueError", e)

cal = calendar.Calendar()
print(cal.firstweekday, list(cal.iterweekdays()))
sunday = calendar.Calendar(6)
print(sunday.getfirstweekday(), list(sunday.iterweekdays()))
odd = calendar.Calendar(9)
print(odd.firstweekday, list(odd.iterweekdays()))
odd.setfirstweekday(3)
print(odd.firstweekday)
print(list(cal.itermonthdays(2024, 2)))
print(list(sunday.itermonthdays2(2024, 2)))
print(list(cal.itermonthdays3(2024, 3))[:5], list(cal.itermonthdays4(2024, 3))[-3:])
print(list(cal.itermonthdays3(1, 1))[:2], list(cal.itermonthdays3(9999, 12))[-2:])
dates = list(cal.itermonthdates(2024, 2))
print(len(dates), dates[0], dates[-1], type(dates[0]).__name__)
try:
    list(cal.itermonthdates(9999, 12))
except ValueError as e:
    print("ValueError", e)
print(cal.monthdayscalendar(2021, 2))
print(sunday.monthdays2calendar(2021, 2)[0])
print([[str(d) for d in w] for w in cal.monthdatescalendar(2024, 9)][0])
print([len(row) for row in cal.yeardayscalendar(2024, 5)], len(cal.yeardatescalendar(2024)[0][0]))
print(cal.yeardays2calendar(2024, 4)[2][3][-1])

text = calendar.TextCalendar()
print(text.formatmonth(2024, 2))
print(text.formatmonth(2024, 2, w=4, l=2))
print(text.formatmonth(2024, 6, 9))
print(calendar.TextCalendar(6).formatmonth(2025, 3, 3))
print(repr(text.formatweekheader(1)), repr(text.formatweekheader(10)))
print(repr(text.formatmonthname(2024, 5, 25)), repr(text.formatmonthname(2024, 5, 12, False)))
print(repr(text.formatday(0, 0, 4)), repr(text.formatday(7, 0, 4)), repr(text.formatweek([(1, 0), (0, 1), (31, 2)], 3)))
print(text.formatyear(2024))
print(text.formatyear(2023, w=3, l=1, c=2, m=4))
print(text.formatyear(2025, 2, 2, 6, 2))
print(text.formatyear(1900, 2, 1, 6, 5))

# The module-level functions share one TextCalendar.
print(calendar.firstweekday(), calendar.weekheader(2))
calendar.prmonth(2024, 12)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(3))
print(calendar.month(2024, 12))
print(calendar.monthcalendar(2024, 12))
calendar.prweek([(29, 6), (30, 0), (31, 1), (0, 2), (0, 3), (0, 4), (0, 5)], 2)
print("|")
calendar.setfirstweekday(calendar.MONDAY)
calendar.prcal(2022, m=6, c=2)
print(repr(calendar.calendar(2020, 2, 1, 6, 3)[:120]))
print(repr(calendar.formatstring(["a", "bb", "ccc"], 5, 1)))
calendar.format(["Jan", "Feb"], 10, 2)

html = calendar.HTMLCalendar()
print(html.formatmonth(2024, 2))
print(html.formatmonth(2024, 2, withyear=False))
print(calendar.HTMLCalendar(6).formatweekheader())
print(html.formatday(0, 3), html.formatday(15, 6), html.formatweekday(0))
print(html.formatyear(2023, 4))
print(html.formatyear(2023, 0)[:200])
page = html.formatyearpage(2024, 6)
print(type(page).__name__, len(page))
print(page.decode()[:700])
print(html.formatyearpage(2024, css=None, encoding="ascii").decode()[:330])


class Styled(calendar.HTMLCalendar):
    cssclasses = ["wk"] * 5 + ["we", "we"]
    cssclass_noday = "empty"
    cssclass_month = "m"


print(Styled(6).formatmonth(2024, 3))


class Stars(calendar.TextCalendar):
    def formatday(self, day, weekday, width):
        if weekday >= 5 and day:
            return ("*%d" % day).rjust(width)
        return super().formatday(day, weekday, width)


print(Stars().formatmonth(2024, 4, 3))
print(calendar.LocaleTextCalendar(0, "C").formatmonth(2024, 1))
print(calendar.LocaleHTMLCalendar(6, "C").formatweekheader())
print(calendar.monthrange(2024, 2) == (calendar.weekday(2024, 2, 1), 29), datetime.date(2024, 2, 1).weekday())
