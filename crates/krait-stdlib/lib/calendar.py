"""Calendar computations and text/HTML calendars (krait's implementation).

Weeks start on Monday unless setfirstweekday() says otherwise. Day and
month names are the English (C locale) ones; the Locale* calendars accept
a locale for compatibility but print the same names.
"""

import datetime
import sys

__all__ = [
    "IllegalMonthError",
    "IllegalWeekdayError",
    "setfirstweekday",
    "firstweekday",
    "isleap",
    "leapdays",
    "weekday",
    "monthrange",
    "monthcalendar",
    "prmonth",
    "month",
    "prcal",
    "calendar",
    "timegm",
    "month_name",
    "month_abbr",
    "day_name",
    "day_abbr",
    "Calendar",
    "TextCalendar",
    "HTMLCalendar",
    "LocaleTextCalendar",
    "LocaleHTMLCalendar",
    "weekheader",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
]

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f"bad month number {self.month!r}; must be 1-12"


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return f"bad weekday number {self.weekday!r}; must be 0 (Monday) to 6 (Sunday)"


January = 1
February = 2

# Month lengths of a common year; index 0 is a placeholder.
mdays = [0] + [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

(MONDAY, TUESDAY, WEDNESDAY,
 THURSDAY, FRIDAY, SATURDAY, SUNDAY) = range(7)

_ENGLISH = {
    "%A": ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split(),
    "%a": ("Mon Tue Wed Thu Fri Sat Sun").split(),
    "%B": [""] + ("January February March April May June July August "
                  "September October November December").split(),
    "%b": [""] + "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
}


class _localized_day:
    """Sequence of the seven weekday names (Monday first)."""

    def __init__(self, format):
        self.format = format

    def __getitem__(self, i):
        return _ENGLISH[self.format][i]

    def __len__(self):
        return 7


class _localized_month:
    """Sequence of the month names, index 0 being ''."""

    def __init__(self, format):
        self.format = format

    def __getitem__(self, i):
        return _ENGLISH[self.format][i]

    def __len__(self):
        return 13


day_name = _localized_day("%A")
day_abbr = _localized_day("%a")
month_name = _localized_month("%B")
month_abbr = _localized_month("%b")


def isleap(year):
    """True for leap years of the proleptic Gregorian calendar."""
    if year % 4:
        return False
    return year % 100 != 0 or year % 400 == 0


def leapdays(y1, y2):
    """Number of leap years in range(y1, y2)."""
    def upto(y):
        # leap years in [1, y]
        return y // 4 - y // 100 + y // 400
    return upto(y2 - 1) - upto(y1 - 1)


def weekday(year, month, day):
    """Day of the week, 0 (Monday) to 6 (Sunday)."""
    if year < datetime.MINYEAR or year > datetime.MAXYEAR:
        year = 2000 + year % 400   # same weekdays: the cycle is 400 years
    when = datetime.date(year, month, day)
    return when.weekday()


def monthrange(year, month):
    """(weekday of day 1, number of days) for the month."""
    if month < 1 or month > 12:
        raise IllegalMonthError(month)
    return weekday(year, month, 1), _monthlen(year, month)


def _monthlen(year, month):
    if month == February and isleap(year):
        return 29
    return mdays[month]


def _prevmonth(year, month):
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _nextmonth(year, month):
    return (year, month + 1) if month < 12 else (year + 1, 1)


def _chunks(seq, size):
    return [seq[k:k + size] for k in range(0, len(seq), size)]


class Calendar(object):
    """Base calendar: produces the data that the formatters lay out."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(fget=getfirstweekday, fset=setfirstweekday)

    def iterweekdays(self):
        """Weekday numbers of one week, in display order."""
        start = self.firstweekday
        return (k % 7 for k in range(start, start + 7))

    def _padding(self, year, month):
        first, length = monthrange(year, month)
        lead = (first - self.firstweekday) % 7
        trail = -(lead + length) % 7
        return lead, length, trail

    def itermonthdates(self, year, month):
        """datetime.date objects for whole weeks around the month."""
        make = datetime.date
        for triple in self.itermonthdays3(year, month):
            yield make(*triple)

    def itermonthdays(self, year, month):
        """Day numbers for whole weeks around the month; 0 outside it."""
        lead, length, trail = self._padding(year, month)
        yield from [0] * lead
        yield from range(1, length + 1)
        yield from [0] * trail

    def itermonthdays2(self, year, month):
        """(day number, weekday) pairs; day number 0 outside the month."""
        wd = self.firstweekday
        for day in self.itermonthdays(year, month):
            yield day, wd
            wd = (wd + 1) % 7

    def itermonthdays3(self, year, month):
        """(year, month, day) triples for whole weeks around the month."""
        lead, length, trail = self._padding(year, month)
        py, pm = _prevmonth(year, month)
        last = _monthlen(py, pm)
        for d in range(last - lead + 1, last + 1):
            yield py, pm, d
        for d in range(1, length + 1):
            yield year, month, d
        ny, nm = _nextmonth(year, month)
        for d in range(1, trail + 1):
            yield ny, nm, d

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) tuples for whole weeks."""
        wd = self.firstweekday
        for y, m, d in self.itermonthdays3(year, month):
            yield y, m, d, wd
            wd = (wd + 1) % 7

    def monthdatescalendar(self, year, month):
        """Weeks (lists of 7 dates) of the month."""
        return _chunks(list(self.itermonthdates(year, month)), 7)

    def monthdays2calendar(self, year, month):
        """Weeks (lists of 7 (day, weekday) pairs) of the month."""
        return _chunks(list(self.itermonthdays2(year, month)), 7)

    def monthdayscalendar(self, year, month):
        """Weeks (lists of 7 day numbers) of the month."""
        return _chunks(list(self.itermonthdays(year, month)), 7)

    def _year(self, per_month, year, width):
        return _chunks([per_month(year, m) for m in range(1, 13)], width)

    def yeardatescalendar(self, year, width=3):
        """Month rows (width months each) of monthdatescalendar() data."""
        return self._year(self.monthdatescalendar, year, width)

    def yeardays2calendar(self, year, width=3):
        """Month rows (width months each) of monthdays2calendar() data."""
        return self._year(self.monthdays2calendar, year, width)

    def yeardayscalendar(self, year, width=3):
        """Month rows (width months each) of monthdayscalendar() data."""
        return self._year(self.monthdayscalendar, year, width)


class TextCalendar(Calendar):
    """Plain-text calendars in the style of the Unix cal program."""

    def prweek(self, theweek, width):
        """Print one week without a trailing newline."""
        print(self.formatweek(theweek, width), end="")

    def formatday(self, day, weekday, width):
        """One day cell, blank for 0."""
        text = "%2i" % day if day else ""
        return text.center(width)

    def formatweek(self, theweek, width):
        """One week of cells joined by single spaces."""
        return " ".join(self.formatday(d, wd, width) for d, wd in theweek)

    def formatweekday(self, day, width):
        """A weekday heading: full name when width >= 9, else abbreviated."""
        table = day_name if width >= 9 else day_abbr
        return table[day][:width].center(width)

    def formatweekheader(self, width):
        """The row of weekday headings."""
        return " ".join(self.formatweekday(k, width) for k in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        """The centred month title."""
        title = month_name[themonth]
        if withyear:
            title = f"{title} {theyear!r}"
        return title.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        """Print formatmonth()'s result."""
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatmonth(self, theyear, themonth, w=0, l=0):
        """A month's calendar as a multi-line string."""
        w = max(w, 2)
        sep = "\n" * max(l, 1)
        rows = [self.formatmonthname(theyear, themonth, 7 * w + 6),
                self.formatweekheader(w)]
        rows.extend(self.formatweek(wk, w)
                    for wk in self.monthdays2calendar(theyear, themonth))
        return "".join(row.rstrip() + sep for row in rows)

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """A whole year as a multi-line string, m months per row."""
        w = max(w, 2)
        l = max(l, 1)
        c = max(c, 2)
        sep = "\n" * l
        colw = 7 * w + 6
        out = [repr(theyear).center(m * colw + (m - 1) * c).rstrip(), sep]
        heading = self.formatweekheader(w)
        for index, group in enumerate(self.yeardays2calendar(theyear, m)):
            first = index * m + 1
            months = range(first, min(first + m, 13))
            out += [sep,
                    formatstring([self.formatmonthname(theyear, k, colw, False)
                                  for k in months], colw, c).rstrip(),
                    sep,
                    formatstring([heading] * len(months), colw, c).rstrip(),
                    sep]
            depth = max(len(weeks) for weeks in group)
            for line in range(depth):
                cells = [self.formatweek(weeks[line], w) if line < len(weeks) else ""
                         for weeks in group]
                out.append(formatstring(cells, colw, c).rstrip())
                out.append(sep)
        return "".join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        """Print formatyear()'s result."""
        print(self.formatyear(theyear, w, l, c, m), end="")


_PAGE = """\
<?xml version="1.0" encoding="{enc}"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={enc}" />
{css}<title>Calendar for {year}</title>
</head>
<body>
{body}</body>
</html>
"""

_TABLE_OPEN = '<table border="0" cellpadding="0" cellspacing="0" class="{}">\n'


class HTMLCalendar(Calendar):
    """Calendars as HTML tables."""

    # CSS classes: per weekday, for weekday headings, for padding cells,
    # and for month/year headings and tables.
    cssclasses = "mon tue wed thu fri sat sun".split()
    cssclasses_weekday_head = cssclasses
    cssclass_noday = "noday"
    cssclass_month = cssclass_month_head = "month"
    cssclass_year = cssclass_year_head = "year"

    def formatday(self, day, weekday):
        """A <td> for one day (a blank cell for 0)."""
        if not day:
            return f'<td class="{self.cssclass_noday}">&nbsp;</td>'
        return f'<td class="{self.cssclasses[weekday]}">{day:d}</td>'

    def formatweek(self, theweek):
        """A <tr> for one week."""
        return "<tr>" + "".join(self.formatday(d, wd) for d, wd in theweek) + "</tr>"

    def formatweekday(self, day):
        """A <th> with a weekday's abbreviation."""
        return f'<th class="{self.cssclasses_weekday_head[day]}">{day_abbr[day]}</th>'

    def formatweekheader(self):
        """A <tr> of weekday headings."""
        cells = "".join(self.formatweekday(k) for k in self.iterweekdays())
        return "<tr>" + cells + "</tr>"

    def formatmonthname(self, theyear, themonth, withyear=True):
        """A <tr> with the month's title."""
        title = month_name[themonth]
        if withyear:
            title = f"{title} {theyear}"
        return f'<tr><th colspan="7" class="{self.cssclass_month_head}">{title}</th></tr>'

    def formatmonth(self, theyear, themonth, withyear=True):
        """A month as a <table>."""
        pieces = [_TABLE_OPEN.format(self.cssclass_month),
                  self.formatmonthname(theyear, themonth, withyear=withyear), "\n",
                  self.formatweekheader(), "\n"]
        for wk in self.monthdays2calendar(theyear, themonth):
            pieces += [self.formatweek(wk), "\n"]
        pieces.append("</table>\n")
        return "".join(pieces)

    def formatyear(self, theyear, width=3):
        """A year as a <table> of month tables, width per row."""
        width = max(width, 1)
        pieces = [_TABLE_OPEN.format(self.cssclass_year),
                  f'<tr><th colspan="{width:d}" class="{self.cssclass_year_head}">'
                  f'{theyear}</th></tr>']
        for first in range(1, 13, width):
            pieces.append("<tr>")
            for mon in range(first, min(first + width, 13)):
                pieces += ["<td>", self.formatmonth(theyear, mon, withyear=False), "</td>"]
            pieces.append("</tr>")
        pieces.append("</table>")
        return "".join(pieces)

    def formatyearpage(self, theyear, width=3, css="calendar.css", encoding=None):
        """A complete XHTML page for the year, as bytes."""
        encoding = sys.getdefaultencoding() if encoding is None else encoding
        link = ""
        if css is not None:
            link = f'<link rel="stylesheet" type="text/css" href="{css}" />\n'
        page = _PAGE.format(enc=encoding, css=link, year="%d" % theyear,
                            body=self.formatyear(theyear, width))
        return page.encode(encoding, "xmlcharrefreplace")


class different_locale:
    """Context manager that would switch LC_TIME; krait has only the C
    locale, so it only records the requested one."""

    def __init__(self, locale):
        self.locale = locale
        self.oldlocale = None

    def __enter__(self):
        return None

    def __exit__(self, *args):
        return None


def _get_default_locale():
    return "C"


class LocaleTextCalendar(TextCalendar):
    """TextCalendar taking a locale (names stay English in krait)."""

    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = _get_default_locale() if locale is None else locale


class LocaleHTMLCalendar(HTMLCalendar):
    """HTMLCalendar taking a locale (names stay English in krait)."""

    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = _get_default_locale() if locale is None else locale


# Module-level interface: one shared TextCalendar.
c = TextCalendar()


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.setfirstweekday(firstweekday)


# Bound methods of the shared calendar, under their module names.
(firstweekday, monthcalendar, prweek, week, weekheader,
 prmonth, month, calendar, prcal) = (
    c.getfirstweekday, c.monthdayscalendar, c.prweek, c.formatweek,
    c.formatweekheader, c.prmonth, c.formatmonth, c.formatyear, c.pryear)

_colwidth = 20   # a week of two-digit days
_spacing = 6


def format(cols, colwidth=_colwidth, spacing=_spacing):
    """Print the columns centred, spacing apart."""
    print(formatstring(cols, colwidth=colwidth, spacing=spacing))


def formatstring(cols, colwidth=_colwidth, spacing=_spacing):
    """The columns centred in colwidth, joined by spacing blanks."""
    gap = " " * spacing
    return gap.join(col.center(colwidth) for col in cols)


EPOCH = 1970
_EPOCH_ORD = 719163   # datetime.date(1970, 1, 1).toordinal()


def timegm(tuple):
    """Seconds since the epoch for a UTC time tuple."""
    year, mon, mday, hh, mm, ss = tuple[:6]
    days = datetime.date(year, mon, 1).toordinal() - _EPOCH_ORD + mday - 1
    return ss + 60 * (mm + 60 * (hh + 24 * days))


# Command-line options: (group, flags, keyword arguments for add_argument).
_CLI_OPTIONS = (
    ("text", ("-w", "--width"), dict(type=int, default=2,
                                     help="width of date column (default 2)")),
    ("text", ("-l", "--lines"), dict(type=int, default=1,
                                     help="number of lines for each week (default 1)")),
    ("text", ("-s", "--spacing"), dict(type=int, default=6,
                                       help="spacing between months (default 6)")),
    ("text", ("-m", "--months"), dict(type=int, default=3,
                                      help="months per row (default 3)")),
    ("html", ("-c", "--css"), dict(default="calendar.css",
                                   help="CSS to use for page")),
    (None, ("-L", "--locale"), dict(default=None,
                                    help="locale to use for month and weekday names")),
    (None, ("-e", "--encoding"), dict(default=None,
                                      help="encoding to use for output")),
    (None, ("-t", "--type"), dict(default="text", choices=("text", "html"),
                                  help="output type (text or html)")),
    (None, ("year",), dict(nargs="?", type=int, help="year number (1-9999)")),
    (None, ("month",), dict(nargs="?", type=int, help="month number (1-12, text only)")),
)


def _cli_parser():
    import argparse
    cli = argparse.ArgumentParser()
    groups = {None: cli}
    for kind in ("text", "html"):
        groups[kind] = cli.add_argument_group(kind + " only arguments")
    for kind, flags, extra in _CLI_OPTIONS:
        groups[kind].add_argument(*flags, **extra)
    return cli


def main(args):
    parser = _cli_parser()
    opts = parser.parse_args(args[1:])
    if opts.locale and not opts.encoding:
        parser.error("if --locale is specified --encoding is required")
        sys.exit(1)
    year = datetime.date.today().year if opts.year is None else opts.year
    if opts.type == "html":
        if opts.month:
            parser.error("incorrect number of arguments")
            sys.exit(1)
        maker = LocaleHTMLCalendar(locale=opts.locale) if opts.locale else HTMLCalendar()
        page = maker.formatyearpage(year, css=opts.css,
                                    encoding=opts.encoding or sys.getdefaultencoding())
        sys.stdout.buffer.write(page)
        return
    maker = LocaleTextCalendar(locale=opts.locale) if opts.locale else TextCalendar()
    if opts.month is None:
        text = maker.formatyear(year, w=opts.width, l=opts.lines,
                                c=opts.spacing, m=opts.months)
    else:
        text = maker.formatmonth(year, opts.month, w=opts.width, l=opts.lines)
    if opts.encoding:
        sys.stdout.buffer.write(text.encode(opts.encoding))
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
