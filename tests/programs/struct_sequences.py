# Struct sequences (time.struct_time, os.stat_result, sys.version_info):
# tuples whose fields are also attributes; and instance attributes set in
# varying orders (the shared-keys paths of setattr).
import copy
import os
import pickle
import sys
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_zone, t.tm_gmtoff)
print(len(t), t[0], t[-1], t[2:4], tuple(t)[:3])
print(t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)
print(time.struct_time.__match_args__)
print(hasattr(t, "_fields"), hasattr(time.struct_time, "_fields"))
match t:
    case time.struct_time(tm_year=year, tm_mon=month):
        print("matched", year, month)

s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0), {"tm_zone": "XYZ", "tm_gmtoff": 3600})
print(s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, "ABC", -60))
print(s.tm_zone, s.tm_gmtoff, len(s))
for bad in [(1, 2), tuple(range(12))]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    time.struct_time(5)
except TypeError as e:
    print("TypeError:", e)

print(copy.copy(t) == t, pickle.loads(pickle.dumps(t)) == t)
print(time.strftime("%Y-%m-%d %H:%M:%S %Z", t))
many = [time.gmtime(1700000000 + 86400 * i) for i in range(40)]
print([m.tm_wday for m in many[:10]], sum(m.tm_yday for m in many))
local = time.localtime(1700000000)
print(local[3] == local.tm_hour, local[:3] == (local.tm_year, local.tm_mon, local.tm_mday))

st = os.stat(".")
print(type(st).__name__, st.st_mode == st[0], st.st_size == st[6], hasattr(st, "_fields"))
print(sys.version_info[:1], sys.version_info.major, sys.version_info.__match_args__)
print(type(sys.float_info).__name__, sys.float_info.dig, sys.float_info[6])


class Point:
    pass


def make(order):
    p = Point()
    for name in order:
        setattr(p, name, len(name))
    return p


orders = ["xyz", "xzy", "zyx", "x", "xyzw", "yx"]
for order in orders:
    p = make(order)
    print(order, vars(p), p.__dict__ == {c: 1 for c in order})
    setattr(p, "x", 10)
    print(" ", list(vars(p).items()))
    del p.x
    setattr(p, "x", 20)
    print(" ", list(vars(p)))
