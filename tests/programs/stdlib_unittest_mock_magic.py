import re
import sys
from unittest import mock
from unittest.mock import (Mock, MagicMock, NonCallableMock, NonCallableMagicMock,
                           AsyncMock, PropertyMock, call, ANY, DEFAULT, sentinel,
                           patch, create_autospec, mock_open, seal)


def norm(s):
    s = re.sub(r" id='\d+'", "", s)
    s = re.sub(r"0x[0-9a-fA-F]+", "0x?", s)
    return s


def show(*objs):
    print(*[norm(repr(o)) for o in objs])


def err(fn, *a, **kw):
    try:
        r = fn(*a, **kw)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', norm(str(e)))
    else:
        print('  -> ok', norm(repr(r)))


print('-- defaults')
m = MagicMock()
print(len(m), bool(m), int(m), complex(m), float(m), m.__index__(), list(m))
print(1 in m, m == m, m != m, m == 3, m != 3)
print(type(hash(m)).__name__, hash(m) == object.__hash__(m))
print(norm(str(m)))
print(m.__sizeof__() == object.__sizeof__(m))
for op in ('__lt__', '__gt__', '__le__', '__ge__'):
    print(op, getattr(m, op)(1))
err(lambda: m < 1)
with m as entered:
    show(entered)
print(m.__exit__.return_value)
show(m + 1, 1 + m, m - 1, m * 2, m / 2, m // 2, m % 2, m ** 2, m @ m)
show(m << 1, m >> 1, m & 1, m | 1, m ^ 1, -m, +m, abs(m), ~m)
show(divmod(m, 2), round(m), m[0], m['k'])
import math
show(math.trunc(m), math.floor(m), math.ceil(m))
m[1] = 2
del m[1]
show(m.__setitem__.call_args, m.__delitem__.call_args, m.__getitem__.call_args_list)
x = MagicMock()
x += 1
show(x)
show(m.mock_calls[:5])
import os
print(norm(os.fspath(MagicMock(name='fs'))).split('/')[:2])

print('-- configure')
m = MagicMock()
m.__len__.return_value = 5
m.__iter__.return_value = [1, 2, 3]
m.__getitem__.side_effect = lambda k: k * 2
m.__contains__.return_value = True
m.__bool__.return_value = False
m.__str__.return_value = 'STR'
m.__int__.return_value = 42
m.__eq__.return_value = 'eq!'
print(len(m), list(m), list(m), m[4], 'x' in m, bool(m), str(m), int(m), m == 1)
m.__iter__.return_value = iter([7, 8])
print(list(m), list(m))
m.__hash__.return_value = 99
print(hash(m))
n = MagicMock()
n.__enter__.return_value = 'ctx'
n.__exit__.return_value = True
with n as v:
    print('inside', v)
    raise ValueError('swallowed')
print('after', n.__exit__.call_args[0][0].__name__)

print('-- set via function')
m = MagicMock()
m.__len__ = lambda self: 11
m.__repr__ = lambda self: '<custom>'
print(len(m), repr(m))
m2 = Mock()
m2.__str__ = Mock(return_value='plain str')
print(str(m2))
err(setattr, Mock(), '__getattr__', lambda s, n: 1)
err(setattr, Mock(), '__init__', lambda s: 1)
m3 = MagicMock()
del m3.__len__
err(len, m3)
m4 = Mock()
err(len, m4)
err(lambda: m4.__len__)
m4.__len__ = Mock(return_value=3)
print(len(m4))
show(m4.__len__)

print('-- non callable magic')
nc = NonCallableMagicMock()
print(len(nc), list(nc), callable(nc))
err(nc)
show(nc.attr, nc.attr())

print('-- spec limits magics')
sp = MagicMock(spec=['__iter__', 'a'])
print(list(sp))
err(len, sp)
err(lambda: sp.__len__)
class WithLen:
    def __len__(self):
        return 3
sp2 = MagicMock(spec=WithLen)
print(len(sp2), isinstance(sp2, WithLen))
err(iter, sp2)
sp3 = MagicMock()
sp3.mock_add_spec(['__len__'])
print(len(sp3))
err(iter, sp3)

print('-- async magics')
import asyncio
am = MagicMock()
async def use():
    async with am as v:
        show(v)
    out = []
    am.__aiter__.return_value = [1, 2]
    async for i in am:
        out.append(i)
    print(out)
asyncio.run(use())
show(am.__aenter__, am.__aexit__)
print(type(am.__aenter__).__name__, type(am.__anext__).__name__, type(am.__aiter__).__name__)
