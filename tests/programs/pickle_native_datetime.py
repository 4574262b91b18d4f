# datetime objects pickle as CPython's C datetime does: (type, (bytes
# state[, tzinfo])), fold in the state from protocol 4; the constructors
# take that state back (a str one as latin-1, from Python 2 pickles).
import datetime as d, pickle, copy
objs = [d.date(1980,5,7), d.datetime(2020,1,2,3,4,5,6), d.datetime(2020,1,2,3,4,5,6, tzinfo=d.timezone.utc), d.datetime(2020,1,2,fold=1), d.time(1,2,3,4), d.time(1,2,3,4,tzinfo=d.timezone(d.timedelta(hours=2), 'X')), d.time(1, fold=1), d.timedelta(1,2,3), d.timezone.utc, d.timezone(d.timedelta(hours=-3)), d.date.max, d.datetime.min]
for o in objs:
    print(repr(o), o.__reduce__(), o.__reduce_ex__(4))
    for p in range(6):
        b = pickle.dumps(o, p)
        back = pickle.loads(b)
        print(' ', p, b, back == o, getattr(back, 'fold', None))
    print(' ', copy.deepcopy(o) == o, copy.copy(o) == o)
print(d.date(b'\x07\xbc\x05\x07'), d.date('\x07\xbc\x05\x07'), d.time(b'\x81\x02\x03\x00\x00\x04').fold)
for bad in [lambda: d.date(b'\x07\xbc\x0d\x07'), lambda: d.date('\u1234\xbc\x05\x07'), lambda: d.time(b'\x01\x02\x03\x00\x00\x04', 5)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
