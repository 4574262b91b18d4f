import a.b.c as d, e
from ..x.y import (p as q, r,)
from . import *
from ... import z
x = y = z = 1
a, *b = c
[a, (b, c)] = d
a.b[c] = d
x += 1; y //= 2; z **= 3
x: int = 3
(y): "str"
a.b: int
a[0]: int = 1, 2
del a, b[0], c.d, (e, f), [g]
del a,
pass
global g1, g2
assert x, "msg"
assert y
raise
raise E from F
raise E
if a:
    pass
elif b:
    x = 1
elif c:
    y = 2
else:
    z = 3
while x:
    break
else:
    continue
for i, j in k:
    pass
else:
    pass
for x in 1, 2: pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    x
finally:
    y
try:
    x
except* E:
    pass
with a as b, c as (d, e):
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (a):
    pass
with (yield):
    pass
@dec
@dec.attr(1)
def f(a, b: int = 1, /, c=2, *args: int, d, e=3, **kw) -> None:
    "doc"
    return a
def g(*, a): return
def h(a, /): yield
def k(*a: *Ts): yield from a
class C(B, metaclass=M, **kw):
    x: int
    def m(self): nonlocal q
class D: pass
match = 1
match(x)
case = [1]
print(match, case)
