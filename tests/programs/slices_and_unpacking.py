# Slicing of exact lists, tuples and strs by int bounds, slice assignment,
# and unpacking into locals: the fast paths give python3's results and errors.
l = list(range(10)); t = tuple(l); s = 'abcdefghij'
print(l[2:5], l[::-1], l[-3:], l[:100], l[5:2], l[1:8:3], l[::-2], t[2:5], t[::-1], s[2:5], s[::-1], s[-100:3])
print(l[True:3], l[None:None:None], 'héllo'[1:3])
m = l[:]
m[2:4] = (20, 30, 40); print(m)
m[::2] = m[::2][::-1]; print(m)
m[:3] = m; print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print(e)
try:
    l[::0]
except ValueError as e:
    print(e)
m[1:3] = []; print(m)
m[5:] = 'xy'; print(m)
class L(list):
    def __getitem__(self, k): return ('sub', k)
print(L([1,2])[0:1])
a, b = [1, 2]; print(a, b)
def f(pairs):
    out = 0
    for x, y in pairs:
        out += x - y
    first, *mid, last = pairs
    return out, first, mid, last
print(f([(1, 2), (3, 5), [7, 9]]))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
