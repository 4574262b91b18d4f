# time.strptime: the struct_time of a time string (week day and day of the
# year computed; isdst from a zone name only), CPython's errors.
import time
t = time.struct_time((2020,1,1,0,0,0,2,1,-1,'UTC',0))
print(t, t.tm_zone, t.tm_gmtoff)
t = time.struct_time((2020,1,1,0,0,0,2,1,-1))
print(t, t.tm_zone, t.tm_gmtoff)
print(time.strptime("1970-01-01 00:16:40", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Tue Mar  5 10:20:30 2024"))
print(time.strptime("2024 12 +0130", "%Y %m %z"))
print(time.strptime("30 Nov 00 UTC", "%d %b %y %Z"))
try: time.strptime("x", "%Y")
except ValueError as e: print(e)
print(time.strptime("Feb 29", "%b %d"))
print(time.strptime("2024-W10-3", "%G-W%V-%u")[:3])
try: time.strptime("2024", 5)
except TypeError as e: print(e)
