import datetime, time
from email.utils import (formatdate, format_datetime, parsedate, parsedate_tz,
                         parsedate_to_datetime, mktime_tz, localtime)
for tv in [0, 1, 1000000000, 1234567890.5, 4102444800, 951782400]:
    print(formatdate(tv), '|', formatdate(tv, usegmt=True), '|', formatdate(tv, localtime=True), '|', formatdate(tv, True, True))
utc = datetime.timezone.utc
for dt in [datetime.datetime(2001, 9, 9, 1, 46, 40), datetime.datetime(2001, 9, 9, 1, 46, 40, tzinfo=utc),
           datetime.datetime(2020, 2, 29, 23, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))),
           datetime.datetime(1999, 12, 31, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-8)))]:
    print(format_datetime(dt))
    try:
        print(format_datetime(dt, usegmt=True))
    except ValueError as e:
        print('ValueError', e)
dates = [
    'Mon, 20 Nov 1995 19:12:08 -0500', 'Mon, 20 Nov 1995 19:12:08 GMT', '20 Nov 1995 19:12:08 +0100',
    'Mon,20 Nov 1995 19:12:08 -0500', 'Monday, 20 Nov 1995 19:12:08 EST', 'Tue, 1 Jan 2002 00:00 PDT',
    'Wed, 3 Apr 2002 14:58:26 +0800', 'Wed, 3 Apr 2002 14:58:26+0800', 'Wed, 3 Apr 2002 14:58:26-0230',
    'Wed, 3 Apr 02 14:58:26 +0800', 'Wed, 3 Apr 69 14:58:26 +0800', 'Wed, 3 Apr 68 14:58:26 +0800',
    'Thu, 01 Jan 1970 00:00:00 -0000', 'Thu, 01 Jan 1970 00:00:00 +0000', 'Jan 02 2003 10:11:12 +0000',
    'Thu Jan  1 00:00:00 1970', 'Thu, 01-Jan-70 00:00:00 GMT', '01-Jan-70 00:00:00 GMT', '1 Jan 2000 12.30.15 +0000',
    '1 Jan 2000 12.30 +0000', '1 January 2000 12:30 +0000', '1 jAN 2000 12:30 z', '1 Jan 2000 12:30 XYZ',
    '1 Jan 2000 12:30', '1 Jan 2000', '', '   ', 'garbage', '1 Foo 2000 12:30 +0000', '1 Jan 2000 25:61:61 +0000',
    'Sat, 31 Dec 2011 23:59:59 +1400', 'Fri, 1 Jan 2010 1:2:3 -1234', '1 Jan 2000, 12:30:00, +0100', 'x, 1 Jan 2000 12:30 +0100',
    '1 Jan 2000 12:30:xx +0100', '1 Jan 2000 12 +0100', '1 Jan 2000 1:2:3:4 +0100', 'Tue, 1 Jan 2002 00:00:00 UT',
    'Tue, 1 Jan 2002 00:00:00 CDT', 'Tue, 1 Jan 2002 00:00:00 +5', 'Tue, 1 Jan 2002 00:00:00 -0', '1 Jan 2000 12:30 +0100 extra words',
    'Jan 1 2000 12:30 +0100', '2000 Jan 1 12:30', 'Tue, 1 Jan 99999 00:00:00 +0000',
]
for d in dates:
    print(repr(d), parsedate(d), parsedate_tz(d))
    try:
        print('   ', repr(parsedate_to_datetime(d)))
    except Exception as e:
        print('   ', type(e).__name__, e)
for t in [parsedate_tz('Mon, 20 Nov 1995 19:12:08 -0500'), parsedate_tz('Thu, 01 Jan 1970 00:00:00 +0100'), (2000, 1, 1, 0, 0, 0, 0, 1, -1, 0), (2000, 1, 1, 0, 0, 0, 0, 1, -1, None)]:
    print(mktime_tz(t))
print(localtime(datetime.datetime(2001, 9, 9, 1, 46, 40, tzinfo=utc)))
print(localtime(datetime.datetime(2001, 9, 9, 1, 46, 40)))
print(localtime().tzinfo is not None)
