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
import pickle
import copy

print('-- sentinel / DEFAULT / ANY')
show(sentinel.foo, sentinel.foo is sentinel.foo, sentinel.foo is sentinel.bar, DEFAULT)
print(pickle.loads(pickle.dumps(sentinel.foo)) is sentinel.foo)
print(copy.copy(sentinel.x) is sentinel.x, copy.deepcopy(sentinel.x) is sentinel.x)
err(getattr, sentinel, '__bases__')
show(ANY, ANY == 1, ANY != 1, 1 == ANY, [1, ANY] == [1, 'z'], {'k': ANY} == {'k': None})

print('-- side_effect')
m = Mock(side_effect=[1, KeyError, ValueError('v'), 4])
print(m())
err(m)
err(m)
print(m())
err(m)
m = Mock(side_effect=StopIteration)
err(m)
def eff(*args, **kwargs):
    return DEFAULT if args == (0,) else sum(args)
m = Mock(side_effect=eff, return_value='dflt')
print(m(1, 2), m(0))
m = Mock(side_effect=3)
err(m)
m = Mock(side_effect=(x * 2 for x in range(2)))
print(m(), m())
err(m)
m = Mock(return_value=None)
m.side_effect = RuntimeError('set later')
err(m)
show(Mock(side_effect=KeyError).side_effect)
m = Mock()
m.side_effect = [1]
show(type(m.side_effect).__name__)

print('-- spec / spec_set')
class Spec:
    a = 1
    def meth(self):
        pass
s = Mock(spec=Spec)
show(s, s.a, s.meth)
err(lambda: s.b)
s.b = 2
print(s.b)
ss = Mock(spec_set=Spec)
err(setattr, ss, 'b', 2)
ss.a = 5
print(ss.a)
ns = NonCallableMock(spec=Spec)
show(ns)
err(ns)
show(Mock(spec=Spec()), Mock(spec=['a']), Mock(spec=[]))
em = Mock(spec=[])
err(lambda: em.anything)
print(isinstance(Mock(spec=Spec()), Spec), Mock(spec=Spec).__class__.__name__)
err(Mock, spec=Mock())
err(Mock, spec_set=MagicMock())

print('-- return_value / wraps')
m = Mock()
rv = m.return_value
show(rv, m() is rv)
m.return_value = 3
print(m())
m = Mock(return_value=Mock(name='given'))
show(m())
class Real:
    def double(self, x):
        return x * 2
w = Mock(wraps=Real())
print(w.double(4))
show(w.double.call_args)
err(lambda: w.missing)
w2 = Mock(wraps=Real(), return_value='r')
w2.double.return_value = 'override'
print(w2.double(1))

print('-- reset_mock')
m = Mock(return_value=1, side_effect=[5])
m()
m.child(2)
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.call_args_list, m.mock_calls, m.method_calls)
print(m.child.called, m.return_value)
m.reset_mock(return_value=True, side_effect=True)
show(m.return_value, m.side_effect)
m = Mock()
m.return_value = m
m()
m.reset_mock()
print(m.call_count)

print('-- configure_mock / attach_mock')
m = Mock()
m.configure_mock(**{'a.b.return_value': 1, 'a.side_effect': None, 'name_attr': 'x'})
print(m.a.b(), m.name_attr)
m = Mock(**{'method.return_value': 9, 'other.side_effect': KeyError('o')})
print(m.method())
err(m.other)
parent = MagicMock()
c1 = Mock(name='c1')
c2 = MagicMock()
parent.attach_mock(c1, 'first')
parent.attach_mock(c2, 'second')
c1(1)
c2.meth(2)
show(parent.mock_calls, parent.method_calls, c1, c2.meth)
p2 = Mock()
p2.attr = Mock()
p2.attr(1)
named = Mock(name='named')
p2.other = named
named(1)
show(p2.mock_calls)

print('-- reprs')
show(Mock(), MagicMock(), NonCallableMock(), NonCallableMagicMock(), AsyncMock(), PropertyMock())
show(Mock(name='n'), Mock(name='n').a.b(), Mock().x()(1).y, Mock(spec=Spec).meth, Mock(spec_set=Spec))
class Sub(Mock):
    pass
sb = Sub()
show(sb, sb.x, sb())
print(type(sb.x).__name__, isinstance(sb.x, Sub), type(MagicMock().x).__name__)
print(type(NonCallableMagicMock().x).__name__, type(NonCallableMock().x).__name__)

print('-- dir and deletion')
m = Mock(spec=Spec)
print([n for n in dir(m) if not n.startswith('_')][:12])
m = Mock()
m.x
m.y = 1
print('x' in dir(m), 'y' in dir(m), 'assert_called' in dir(m))
del m.x
err(lambda: m.x)
err(delattr, m, 'x')
m.x = 3
print(m.x)
mock.FILTER_DIR = False
print('_mock_children' in dir(Mock()))
mock.FILTER_DIR = True

print('-- unsafe names')
m = Mock()
err(lambda: m.assert_something)
err(lambda: m.assret_called)
show(Mock(unsafe=True).assert_xyz)

print('-- PropertyMock')
class P:
    pass
pm = PropertyMock(return_value=5)
type_ = type('Holder', (), {'value': pm})
h = type_()
print(h.value)
h.value = 7
show(pm.mock_calls)
pm.assert_called_with(7)
show(pm, type(pm.child).__name__)

print('-- mock_open')
mo = mock_open(read_data='line1\nline2\nline3')
with patch('builtins.open', mo):
    with open('f.txt') as fh:
        print(repr(fh.read()))
    with open('f.txt') as fh:
        print(repr(fh.readline()), repr(fh.readline()), fh.readlines())
    with open('f.txt') as fh:
        print([l for l in fh])
    with open('f.txt') as fh:
        print(next(fh), repr(fh.read(3)))
    h = open('out.txt', 'w')
    h.write('data')
show(mo.call_args_list)
show(mo.return_value.write.call_args)
show(mo.mock_calls[:4])
mb = mock_open(read_data=b'bytes\nmore')
fh = mb('x', 'rb')
print(fh.read(), fh.read())
fh = mb('x', 'rb')
print(fh.readline(), list(fh))
m2 = mock_open()
m2.return_value.read.return_value = 'fixed'
print(m2().read())
show(mock_open())
err(lambda: mock_open()().bogus)
m3 = mock_open(read_data='a\nb\n')
m3.return_value.readline.return_value = 'same'
f3 = m3()
print(f3.readline(), f3.readline())
custom = MagicMock()
mock_open(custom, read_data='zz')
print(custom().read())

print('-- seal')
m = Mock()
m.configured.return_value = 1
m.attr = 'v'
seal(m)
print(m.configured(), m.attr)
err(lambda: m.new_attr)
err(lambda: m.configured.other)
err(setattr, m, 'brand_new', 1)
err(m)
m2 = MagicMock()
m2.a.b.c = 1
seal(m2)
print(m2.a.b.c)
err(len, m2)
err(lambda: m2.a.x)

print('-- AsyncMock')
am = AsyncMock(return_value=3)
print(asyncio.iscoroutinefunction(am))
async def run():
    print(await am(1), await am(2, k=3))
    am.assert_awaited()
    am.assert_awaited_with(2, k=3)
    am.assert_any_await(1)
    am.assert_has_awaits([call(1), call(2, k=3)])
    for fn, a, kw in [(am.assert_awaited_once, (), {}), (am.assert_awaited_once_with, (1,), {}),
                      (am.assert_awaited_with, (9,), {}), (am.assert_any_await, (9,), {}),
                      (am.assert_has_awaits, ([call(9)],), {}), (am.assert_not_awaited, (), {}),
                      (am.assert_has_awaits, ([call(9), call(1)],), {'any_order': True})]:
        err(fn, *a, **kw)
    print(am.await_count, am.await_args, am.await_args_list)
    se = AsyncMock(side_effect=[1, ValueError('av')])
    print(await se())
    try:
        await se()
    except ValueError as e:
        print('VE', e)
    try:
        await se()
    except StopAsyncIteration:
        print('StopAsyncIteration')
    async def coro_eff(x):
        return x * 10
    print(await AsyncMock(side_effect=coro_eff)(2))
    print(await AsyncMock(side_effect=lambda x: x + 1)(2))
    err_mock = AsyncMock(side_effect=KeyError('ak'))
    try:
        await err_mock()
    except KeyError as e:
        print('KE', e)
    async def target(v):
        return v
    wr = AsyncMock(wraps=target)
    print(await wr(8))
    child = AsyncMock()
    show(child.attr, await child.method())
    print(type(child.attr).__name__, type(child.__len__).__name__ if hasattr(child, '__len__') else None)
asyncio.run(run())
fresh = AsyncMock(name='fresh')
err(fresh.assert_awaited)
err(fresh.assert_awaited_with, 1)
err(fresh.assert_awaited_once)
am.reset_mock()
print(am.await_count, am.await_args, am.await_args_list)
class AsyncSpec:
    async def am(self):
        pass
    def sm(self):
        pass
ms = Mock(spec=AsyncSpec)
print(type(ms.am).__name__, type(ms.sm).__name__)
ma = MagicMock(spec=AsyncSpec.am)
print(type(ma).__name__)
