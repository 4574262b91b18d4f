import io
import os
import pwd
import time
from array import array

# (Whoever the first user of this machine is: the facts hold for any.)
me = pwd.getpwall()[0]
print(type(me).__name__, type(me).__module__, len(me), me == pwd.getpwuid(me.pw_uid), me == pwd.getpwnam(me.pw_name))
print(me[0] == me.pw_name, me.pw_dir.startswith('/'), isinstance(me.pw_gid, int))
print(all(isinstance(entry, pwd.struct_passwd) for entry in pwd.getpwall()), len(pwd.getpwall()) > 0)
for bad in [lambda: pwd.getpwuid(2**31 - 7), lambda: pwd.getpwnam('no such user here'), lambda: pwd.getpwnam(5),
            lambda: pwd.getpwuid('x'), lambda: pwd.getpwuid(-5), lambda: pwd.getpwnam('ro\0ot')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

a = array('h', [1, 2, 3])
f = io.BytesIO()
a.tofile(f)
print(f.getvalue())
b = array('h')
f.seek(0)
b.fromfile(f, 2)
print(b)
try:
    b.fromfile(f, 5)
except EOFError as e:
    print('EOFError', e, b)
for bad in [lambda: b.fromfile(f, -1), lambda: b.fromfile(42, 1), lambda: a.tofile(42)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class TextReader:
    def read(self, n):
        return 'text'


try:
    b.fromfile(TextReader(), 1)
except TypeError as e:
    print('TypeError', e)
big = array('d', range(20000))
sink = io.BytesIO()
big.tofile(sink)
back = array('d')
sink.seek(0)
back.fromfile(sink, 20000)
print(back == big, len(sink.getvalue()))

fields = (2024, 1, 2, 3, 4, 5, 6, 7, 0)
print(time.struct_time(fields).tm_zone, time.struct_time(fields, {'tm_zone': 'UTC', 'other': 1}).tm_zone)
print(time.struct_time(fields, {'tm_gmtoff': 60}).tm_gmtoff, time.struct_time(fields, {'tm_year': 1}).tm_year)
for bad in [['tm_zone', 'UTC'], None]:
    try:
        time.struct_time(fields, bad)
    except TypeError as e:
        print('TypeError', e)
