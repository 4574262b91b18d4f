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

import asyncio
import inspect


def plain(a, b, *, c=1):
    return a


async def coro(x, y=2):
    return x


class Base:
    klass_attr = 'k'
    def __init__(self, size, name='n'):
        self.size = size
    def method(self, x):
        return x
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def helper(q, r=0):
        return q
    @property
    def prop(self):
        return 1
    async def amethod(self, z):
        return z
    def __call__(self, arg):
        return arg
    class Inner:
        def inner_m(self, w):
            pass


class NotCallable:
    def m(self):
        pass


print('-- functions')
f = create_autospec(plain)
show(f, f.mock)
print(type(f).__name__, f.__name__, str(inspect.signature(f)))
f(1, 2)
f(1, b=3, c=4)
err(f)
err(f, 1, 2, 3)
err(f, 1, 2, d=5)
show(f.call_args_list, f.mock_calls, f.call_count, f.called)
f.assert_called_with(1, b=3, c=4)
f.assert_any_call(a=1, b=2)
err(f.assert_called_with, 9, 9)
err(f.assert_called_once)
f.return_value = 'R'
print(f(5, 6))
f.side_effect = [10, 11]
print(f(1, 2), f(1, 2))
f.side_effect = None
f.reset_mock()
print(f.call_count, f.called, f.call_args)
f.assert_not_called()
err(lambda: f.no_such_attr)
err(lambda: f.some_attr)

print('-- async function')
a = create_autospec(coro)
print(inspect.iscoroutinefunction(a), asyncio.iscoroutinefunction(a))
r = a(1)
print(type(r).__name__)
print(asyncio.run(r) is a.return_value)
err(a)
a.assert_awaited_once_with(1)
a.assert_called_once_with(1)
err(a.assert_not_awaited)

print('-- classes')
K = create_autospec(Base)
show(K, K.method, K.klass_attr, K.Inner)
print(isinstance(K, type), isinstance(K(1), Base))
inst = K(3)
show(inst, inst.method)
err(K)
err(K, 1, 2, 3)
err(inst.method, 4)
err(inst.method)
err(inst.method, 1, 2)
err(K.method, 1)
err(K.method, inst, 1)
err(K.make, 5)
err(K.make)
err(K.helper, 1)
err(K.helper)
err(K.helper, 1, 2, 3)
err(inst, 7)
err(inst)
show(K.mock_calls)
show(inst.mock_calls)
show(inst.prop)
print(type(inst.amethod).__name__, type(K.method).__name__)
err(lambda: K.nope)
err(lambda: inst.nope)
inst.nope = 1
print(inst.nope)
Ki = create_autospec(Base, instance=True)
show(Ki)
err(Ki, 1)
err(Ki)
nc = create_autospec(NotCallable, instance=True)
show(nc)
err(nc)
err(nc.m)
err(nc.m, 1)

print('-- spec_set autospec')
S = create_autospec(Base, spec_set=True)
err(setattr, S, 'bogus', 1)
S.klass_attr = 'ok'
print(S.klass_attr)
si = S(1)
err(setattr, si, 'bogus', 1)

print('-- other specs')
show(create_autospec(None))
lm = create_autospec([1, 2])
show(lm)
err(lm.append, 3)
err(lm.append)
show(create_autospec(3))
err(create_autospec, Mock())
err(create_autospec, plain, autospect=True)
show(create_autospec(plain, name='named'), create_autospec(plain, return_value=4)(1, 2))
mod_spec = create_autospec(inspect)
show(mod_spec.signature)
err(mod_spec.signature)

print('-- attach autospec to parent')
parent = Mock()
child = create_autospec(plain)
parent.attach_mock(child, 'child')
parent.child(1, 2)
show(parent.mock_calls)

print('-- wrapping methods keeps self')
class W:
    def go(self, n):
        return n * 2
w = W()
with patch.object(W, 'go', autospec=True, side_effect=W.go) as go:
    print(w.go(5))
    go.assert_called_once_with(w, 5)
