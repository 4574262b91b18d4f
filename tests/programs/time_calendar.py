import time
print(time.gmtime(0))
print(time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff, time.gmtime(1e9))
g = time.gmtime(1234567890.7)
print(g, g.tm_year, g[0], g[-1], len(g), tuple(g), g.tm_yday, g.tm_wday)
print(time.gmtime(-1.5))
print(time.gmtime(951782400))  # 2000-02-29
print(time.gmtime(-2208988800))  # 1900-01-01
print(time.gmtime(253402300799))  # 9999-12-31
print(type(g).__name__, type(g).__module__, time.struct_time.n_fields, isinstance(g, tuple), isinstance(g, time.struct_time))
print(repr(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %C %e %I %p %%', g)))
print(repr(time.strftime('%c|%x|%X|%D|%T|%R|%F|%G-%V|%g|%h|%k|%l|%P|%n|%t|%Q|%f', g)))
print(repr(time.strftime('%Y|%c|%e', (5,1,3,4,5,6,0,3,0))))
print(repr(time.strftime('%z %Z', time.gmtime(0))), repr(time.strftime('%z', (2020,1,1,0,0,0,0,1,0))))
for t in [0, 86400*3, 1609459200, 1735516800, 1104537600, 1230768000, 1262304000]:
    print(time.strftime('%G %V %U %W %a %j', time.gmtime(t)))
print(time.asctime(g), time.asctime((2020,1,3,4,5,6,0,3,0)))
for a in [(2020,13,1,0,0,0,0,1,0), (2020,0,1,0,0,0,0,1,0), (2020,1,32,0,0,0,0,1,0), (2020,1,0,0,0,0,0,1,0),(2020,1,1,24,0,0,0,1,0),(2020,1,1,0,60,0,0,1,0),(2020,1,1,0,0,62,0,1,0),(2020,1,1,0,0,0,7,1,0),(2020,1,1,0,0,0,-1,1,0),(2020,1,1,0,0,0,-2,1,0),(2020,1,1,0,0,0,0,367,0),(2020,1,1,0,0,0,0,0,0),(2020,1,1,0,0,0,0,1,5)]:
    try: print(repr(time.strftime('%Y-%m-%d %H:%M:%S %a %j', a)))
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: time.gmtime('x'), lambda: time.gmtime(float('nan')), lambda: time.gmtime(1e20), lambda: time.strftime('%Y', (1,2)),
          lambda: time.asctime((2020,1,1,0,0,0,0,1)), lambda: time.mktime((2020,1,1,0,0,0,0,1)), lambda: time.strftime(3),
          lambda: time.strftime('%Y', 5), lambda: time.strftime('%Y', (2020,1,1,0,0,0,0,1,1.5)), lambda: time.gmtime(None)[:0]]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# local time: only consistency
now = time.time()
lt = time.localtime(now)
print(time.mktime(lt) == int(now), time.localtime(time.mktime(lt)) == lt)
for t in [0, 1e9, 1.7e9, 1234567890]:
    l = time.localtime(t)
    print(time.mktime(l) == int(t), l.tm_gmtoff - (time.altzone if l.tm_isdst else time.timezone) * -1 == 0 or True)
print(type(time.timezone).__name__, type(time.altzone).__name__, type(time.daylight).__name__, type(time.tzname).__name__, len(time.tzname))
print(time.ctime(0) == time.asctime(time.localtime(0)), len(time.ctime()))
print(type(time.monotonic()).__name__, type(time.perf_counter()).__name__, type(time.process_time()).__name__)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.process_time_ns()).__name__)
a = time.monotonic(); time.sleep(0.01); print(time.monotonic() - a >= 0.009)
print(time.strftime('%Y', time.localtime()) == str(time.localtime().tm_year))
import time, sys
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(s, s.tm_year, s.tm_zone, s.tm_gmtoff, len(s), s[8])
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0, 'XYZ', 3600))
print(s, s.tm_zone, s.tm_gmtoff, len(s), tuple(s))
print(time.strftime('%Z %z', s))
for a in [(1, 2), tuple(range(12)), 5]:
    try: time.struct_time(a)
    except Exception as e: print(type(e).__name__, e)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(time.mktime(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))))
print(sys.version_info[:2] == (3, 11), sys.version_info.major)
