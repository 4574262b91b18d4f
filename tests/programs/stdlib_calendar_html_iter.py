# HTMLCalendar output and the Calendar iterators, compared with CPython.
import calendar
import io
import sys


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 2))
print(h.formatmonth(2024, 3, withyear=False))
print(h.formatyear(2023))
print(h.formatyear(2024, 4))
print(h.formatyear(2024, 0))
print(h.formatyear(2024, 5))
page = h.formatyearpage(2024)
print(type(page).__name__, len(page))
print(page.decode()[:600])
print(h.formatyearpage(2024, 2, None, "ascii").decode()[:400])
print(h.formatyearpage(2021, css="x.css", encoding="latin-1")[:300])
print(h.formatday(0, 3), h.formatday(15, 6), h.formatweekday(6), h.formatweekheader())
print(h.formatmonthname(2024, 12), h.formatmonthname(2024, 12, withyear=False))
print(h.formatweek([(0, 0), (1, 1), (2, 2)]))
h6 = calendar.HTMLCalendar(firstweekday=6)
print(h6.formatmonth(2025, 6))


class Custom(calendar.HTMLCalendar):
    cssclasses = ["a", "b", "c", "d", "e", "f", "g"]
    cssclass_month = "m"
    cssclass_noday = "nd"
    cssclass_month_head = "mh"
    cssclass_year = "y"
    cssclass_year_head = "yh"
    cssclasses_weekday_head = ["H%d" % i for i in range(7)]


print(Custom().formatyear(2024, 6)[:900])
print(calendar.HTMLCalendar.cssclasses, calendar.HTMLCalendar.cssclass_noday,
      calendar.HTMLCalendar.cssclass_month, calendar.HTMLCalendar.cssclass_month_head,
      calendar.HTMLCalendar.cssclass_year, calendar.HTMLCalendar.cssclass_year_head,
      calendar.HTMLCalendar.cssclasses_weekday_head)

for fw in [0, 3, 6]:
    cal = calendar.Calendar(fw)
    print(fw, list(cal.iterweekdays()))
    for y, m in [(2024, 2), (2023, 1), (2024, 12), (1, 1), (9999, 12), (2021, 2)]:
        print(y, m, list(cal.itermonthdays(y, m)))
        print(list(cal.itermonthdays2(y, m))[:9])
        print(list(cal.itermonthdays3(y, m))[:3], list(cal.itermonthdays3(y, m))[-3:])
        print(list(cal.itermonthdays4(y, m))[:2], list(cal.itermonthdays4(y, m))[-2:])
        print(cal.monthdayscalendar(y, m))
        print(cal.monthdays2calendar(y, m)[-1])
        try:
            dates = cal.monthdatescalendar(y, m)
            print(dates[0][0], dates[-1][-1], len(dates))
            print([str(d) for d in cal.itermonthdates(y, m)][:3])
        except Exception as e:
            print(type(e).__name__, e)
cal = calendar.Calendar()
print(len(cal.yeardatescalendar(2024)), len(cal.yeardatescalendar(2024, 4)))
print(cal.yeardayscalendar(2024, 5)[-1])
print(cal.yeardays2calendar(2023, 12)[0][1][0])
print(cal.yeardatescalendar(2024, 2)[5][1][4][6])
show("itermonthdays 13", lambda: list(cal.itermonthdays(2024, 13)))
show("itermonthdates 0", lambda: list(cal.itermonthdates(2024, 0)))
show("itermonthdates 10000", lambda: list(cal.itermonthdates(9999, 12)))
g = cal.itermonthdays(2024, 1)
print(type(g).__name__, type(cal.iterweekdays()).__name__)
c2 = calendar.Calendar(8)
print(c2.firstweekday, c2._firstweekday, list(c2.iterweekdays()))

lt = calendar.LocaleTextCalendar(locale="C")
print(lt.locale, lt.formatmonth(2024, 1))
print(lt.formatweekday(0, 10), lt.formatmonthname(2024, 5, 20))
lh = calendar.LocaleHTMLCalendar(6, "C")
print(lh.locale, lh.firstweekday, lh.formatmonth(2024, 1)[:200])
print(isinstance(lt, calendar.TextCalendar), isinstance(lh, calendar.HTMLCalendar))

# argparse names the program after sys.argv[0]: one name for every run.
sys.argv[0] = "calendar_cli.py"
for argv in [["x", "2024", "2"], ["x", "-w", "3", "-l", "2", "2024", "3"], ["x", "2023"],
             ["x", "-m", "4", "-s", "2", "2025"], ["x", "-e", "utf-8", "2024", "1"],
             ["x", "-t", "html", "-c", "s.css", "2024"], ["x", "-t", "html", "2024", "1"],
             ["x", "-L", "C", "2024", "1"], ["x", "-L", "C", "-e", "ascii", "2024", "1"],
             ["x", "-t", "bad"], ["x", "2024", "13"]]:
    saved = sys.stdout, sys.stderr
    buf = io.BytesIO()
    wrapper = io.TextIOWrapper(buf, encoding="utf-8")
    sys.stdout = wrapper
    sys.stderr = io.StringIO()
    try:
        calendar.main(argv)
        status = "ok"
    except SystemExit as e:
        status = "exit %s" % e.code
    except Exception as e:
        status = type(e).__name__
    wrapper.flush()
    data = buf.getvalue()
    err = sys.stderr.getvalue()
    sys.stdout, sys.stderr = saved
    print(argv, status, err.strip().splitlines()[-1:] if err else "")
    print(data.decode()[:500])
    wrapper.detach()
