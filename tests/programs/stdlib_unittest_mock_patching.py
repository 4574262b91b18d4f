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

target = types.ModuleType('fake_target_mod')
sys.modules['fake_target_mod'] = target
target.value = 'orig'
target.func = lambda x: x + 1
class Thing:
    attr = 1
    def method(self, a):
        return a
    @classmethod
    def cm(cls, b):
        return b
    @staticmethod
    def st(c):
        return c
target.Thing = Thing
target.CONFIG = {'a': 1, 'b': 2}

print('-- context manager')
with patch('fake_target_mod.value') as m:
    show(m, target.value is m)
print(target.value)
with patch('fake_target_mod.value', 'new') as m:
    print(m, target.value)
print(target.value)
with patch('fake_target_mod.value', new_callable=list) as m:
    print(m, target.value)
with patch('fake_target_mod.missing', create=True) as m:
    show(m)
print(hasattr(target, 'missing'))
err(patch('fake_target_mod.missing').__enter__)
err(patch, 'nodots')
err(patch, 42)
err(patch, 'fake_target_mod.value', new=1, new_callable=list)
err(patch, 'fake_target_mod.value', autospec=True, new_callable=list)
err(patch('fake_target_mod.value', 1, foo=2).__enter__)
err(patch('fake_target_mod.value', spec=True, autospec=True).__enter__)
err(patch('fake_target_mod.value', spec=True, spec_set=list).__enter__)
err(patch('fake_target_mod.nothere', create=True, spec=True).__enter__)
err(patch('fake_target_mod.nothere', create=True, autospec=True).__enter__)
err(patch('fake_target_mod.func', 1, autospec=True).__enter__)
err(patch, 'fake_target_mod.value', autospect=True)
err(patch.object, target, 'value', set_spec=True)
patch('fake_target_mod.value', autospect=True, unsafe=True)
err(patch('no_such_module_xyz.attr').__enter__)

print('-- spec / spec_set / autospec through patch')
with patch('fake_target_mod.Thing', spec=True) as M:
    show(M, M())
    print(isinstance(M(), Thing))
    err(lambda: M.nothing)
with patch('fake_target_mod.Thing', spec_set=True) as M:
    err(setattr, M, 'zzz', 1)
with patch('fake_target_mod.Thing', autospec=True) as M:
    show(M, M.method, M(1 if False else None) if False else M())
    inst = M()
    inst.method(5)
    err(inst.method)
    err(M.method, 1)
    show(inst.method.call_args)
with patch('fake_target_mod.func', autospec=True) as f:
    f(3)
    err(f)
    err(f, 1, 2)
    f.assert_called_once_with(3)
    show(f, f.mock)
with patch('fake_target_mod.value', spec=['upper']) as v:
    show(v, v.upper)
    err(lambda: v.lower)
with patch.object(Thing, 'method', autospec=True) as meth:
    Thing().method(3)
    show(meth.call_args)

print('-- decorators')
@patch('fake_target_mod.value')
@patch('fake_target_mod.func', 'fixed')
@patch.object(Thing, 'attr', 99)
@patch.object(Thing, 'method')
def decorated(meth, val, extra=None):
    show(meth, val, target.func, Thing.attr, extra)
    return 'ret'
print(decorated(), decorated(extra=5))
print(target.value, Thing.attr, decorated.__name__, len(decorated.patchings))

@patch('fake_target_mod.value', 'v2')
def no_arg():
    return target.value
print(no_arg(), target.value)

@patch('fake_target_mod.value')
class TestSomething:
    def test_one(self, m):
        return ('one', norm(repr(m)))
    def test_two(self, m):
        return ('two', target.value is m)
    def helper(self):
        return target.value
    not_callable_test = 5
t = TestSomething()
print(t.test_one(), t.test_two(), t.helper())

patch.TEST_PREFIX = 'check'
@patch.object(Thing, 'attr', 7)
class Other:
    def check_it(self):
        return Thing.attr
    def test_it(self):
        return Thing.attr
print(Other().check_it(), Other().test_it())
patch.TEST_PREFIX = 'test'

print('-- raising inside')
try:
    with patch('fake_target_mod.value', 'temp'):
        raise KeyError('k')
except KeyError as e:
    print('caught', e, target.value)

print('-- start / stop')
p1 = patch('fake_target_mod.value', 'started')
p2 = patch.object(Thing, 'attr', 'also')
r1 = p1.start()
r2 = p2.start()
print(r1, r2, target.value, Thing.attr)
print(p1.stop(), target.value)
print(p1.stop())
patch.stopall()
print(Thing.attr)
p3 = patch('fake_target_mod.value')
m3 = p3.start()
show(m3)
patch.stopall()
print(target.value)

print('-- patch.object errors')
err(patch.object, 'fake_target_mod', 'value')
err(patch.object(Thing, 'nothing').__enter__)
with patch.object(Thing, 'nothing', create=True) as n:
    show(n)
print(hasattr(Thing, 'nothing'))

print('-- patch.dict')
with patch.dict(target.CONFIG, {'a': 10, 'c': 3}) as d:
    print(d is target.CONFIG, sorted(target.CONFIG.items()))
print(sorted(target.CONFIG.items()))
with patch.dict('fake_target_mod.CONFIG', clear=True, z=26):
    print(target.CONFIG)
print(target.CONFIG)
with patch.dict(target.CONFIG, [('q', 1)]):
    target.CONFIG['added'] = 1
    del target.CONFIG['a']
    print(sorted(target.CONFIG))
print(target.CONFIG)

@patch.dict(target.CONFIG, x=1)
def uses_dict(v):
    return sorted(target.CONFIG), v
print(uses_dict(3), target.CONFIG)

@patch.dict(target.CONFIG, {'k': 'v'})
class DictTests:
    def test_a(self):
        return target.CONFIG.get('k')
    def other(self):
        return target.CONFIG.get('k')
print(DictTests().test_a(), DictTests().other())

pd = patch.dict(target.CONFIG, started=True)
print(pd.start() is target.CONFIG, target.CONFIG.get('started'))
pd.stop()
print(target.CONFIG.get('started'))
pd2 = patch.dict(target.CONFIG, again=1)
pd2.start()
patch.stopall()
print(target.CONFIG)

class MappingLike:
    def __init__(self):
        self.store = {'one': 1}
    def __getitem__(self, k):
        return self.store[k]
    def __setitem__(self, k, v):
        self.store[k] = v
    def __delitem__(self, k):
        del self.store[k]
    def __iter__(self):
        return iter(list(self.store))
ml = MappingLike()
with patch.dict(ml, {'two': 2}):
    print(sorted(ml.store.items()))
print(ml.store)
with patch.dict(ml, {'three': 3}, clear=True):
    print(ml.store)
print(ml.store)

try:
    with patch.dict(target.CONFIG, {'temp': 1}):
        raise ValueError('x')
except ValueError:
    pass
print(target.CONFIG)

print('-- patch.multiple')
with patch.multiple('fake_target_mod', value=DEFAULT, func=DEFAULT) as vals:
    print(sorted(vals))
    show(vals['value'], target.func is vals['func'])
with patch.multiple(Thing, attr=5, method=DEFAULT) as vals:
    print(sorted(vals), Thing.attr)
err(patch.multiple, Thing)

@patch.multiple('fake_target_mod', value=DEFAULT, func='f')
def multi(value):
    show(value)
    return target.func
print(multi())

@patch('fake_target_mod.Thing')
@patch.multiple('fake_target_mod', value=DEFAULT)
def mixed(thing, value):
    show(thing, value)
mixed()

print('-- builtins and new on object')
import builtins
with patch('builtins.input', return_value='typed'):
    print(input('prompt? '))
print(input is builtins.input)
with patch.object(target, 'sorted', create=True, return_value=[0]) as s:
    print(target.sorted([2, 1]))
print(hasattr(target, 'sorted'))
with patch('fake_target_mod.open', mock_open(read_data='abc'), create=True) as mo:
    print(target.open('f').read())
print(hasattr(target, 'open'))

print('-- async patching')
import asyncio
async def coro_fn(x):
    return x
target.coro_fn = coro_fn
with patch('fake_target_mod.coro_fn') as cm:
    show(cm)
    print(type(cm).__name__)
    print(asyncio.run(target.coro_fn(5)) is cm.return_value)

@patch('fake_target_mod.value', 'async-v')
async def async_test():
    return target.value
print(asyncio.run(async_test()), target.value)

@patch.dict(target.CONFIG, flag=1)
async def async_dict():
    return dict(target.CONFIG)
print(asyncio.run(async_dict()), target.CONFIG)
