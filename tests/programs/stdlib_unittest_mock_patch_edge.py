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

import types
mod = types.ModuleType('edge_mod')
sys.modules['edge_mod'] = mod
mod.a = 1
mod.b = 2
mod.d = {'x': 1}

p = patch('edge_mod.a', 5)
print(p.stop())
err(p.__exit__, None, None, None)
print(patch.dict(mod.d).stop())

print('-- multiple with failure restores')
try:
    with patch.multiple('edge_mod', a=10, zzz=DEFAULT):
        pass
except AttributeError as e:
    print('AttributeError', norm(str(e)))
print(mod.a, hasattr(mod, 'zzz'))

print('-- multiple on class decorator')
class Holder:
    x = 'x'
    y = 'y'
@patch.multiple(Holder, x=DEFAULT, y='Y')
class TestMulti:
    def test_a(self, x):
        return type(x).__name__, Holder.y
print(TestMulti().test_a(), TestMulti().test_a(), Holder.x, Holder.y)

print('-- patch copies are independent')
pt = patch('edge_mod.b', 'B')
@pt
def f1():
    return mod.b
@pt
def f2():
    return mod.b
print(f1(), f2(), mod.b, f1.patchings[0] is pt)

print('-- nested patches of same attr')
with patch('edge_mod.a', 'outer'):
    with patch('edge_mod.a', 'inner'):
        print(mod.a)
    print(mod.a)
print(mod.a)

print('-- start/stopall order')
ps = [patch('edge_mod.a', i) for i in range(3)]
for q in ps:
    q.start()
print(mod.a)
patch.stopall()
print(mod.a)

print('-- patch.dict nested')
with patch.dict(mod.d, {'y': 2}):
    with patch.dict(mod.d, clear=True):
        print(mod.d)
    print(sorted(mod.d))
print(mod.d)
with patch.dict('edge_mod.d', values=(('k', 'v'),), q=1) as got:
    print(sorted(got.items()))

print('-- patching class attributes & inherited')
class Parent:
    def hello(self):
        return 'parent'
class Child(Parent):
    pass
with patch.object(Child, 'hello', return_value='patched') as h:
    print(Child().hello(), Parent().hello())
print(Child().hello(), 'hello' in Child.__dict__)

print('-- patch with spec list and name')
with patch('edge_mod.a', spec=['real', '__call__']) as sp:
    show(sp, sp.real)
    sp()
with patch('edge_mod.a', spec=['real']) as sp:
    err(sp)
with patch('edge_mod.a', new_callable=NonCallableMagicMock) as sp:
    show(sp)
with patch('edge_mod.a', new_callable=lambda: 'made') as sp:
    print(sp)
with patch('edge_mod.a', new_callable=Mock, return_value=3) as sp:
    print(sp())
with patch('edge_mod.a', return_value=9, name='renamed') as sp:
    show(sp, sp())

print('-- patch.object with autospec on instance method')
class Svc:
    def run(self, n):
        return n
s = Svc()
with patch.object(s, 'run', autospec=True) as r:
    s.run(1)
    err(s.run, 1, 2)
    show(r.call_args)
print(s.run(3))

print('-- patch __doc__ style attribute')
def fn():
    "doc"
with patch.object(fn, '__doc__', 'new doc'):
    print(fn.__doc__)
print(fn.__doc__)
