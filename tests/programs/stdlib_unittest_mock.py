# unittest.mock against CPython's (ids and addresses normalised).
import re
import sys
import os
import io
import asyncio

from unittest import mock

from_mod = mock
Mock = mock.Mock
MagicMock = mock.MagicMock
NonCallableMock = mock.NonCallableMock
NonCallableMagicMock = mock.NonCallableMagicMock
PropertyMock = mock.PropertyMock
AsyncMock = mock.AsyncMock
call = mock.call
ANY = mock.ANY
DEFAULT = mock.DEFAULT
sentinel = mock.sentinel
patch = mock.patch


def norm(s):
    s = s.replace(repr(sys.modules[__name__]), '<main module>')
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


def section(name):
    print('==', name)


# ------------------------------------------------------------------
section('basic mock')
m = Mock()
show(m, m.foo, m.foo.bar, m(), m.foo(), m.foo.bar(1)(2))
print(m.called, m.call_count, m.foo.called)
show(m.call_args, m.call_args_list, m.foo.call_args)
show(m.mock_calls)
show(m.method_calls)
print(m.foo is m.foo, m() is m.return_value)
show(Mock(name='thing'), Mock(name='thing').attr, Mock(name='thing')())
print(isinstance(m, Mock), isinstance(m, NonCallableMock), type(m) is Mock,
      type(m).__name__, m.__class__.__name__, issubclass(type(m), Mock))
print(callable(Mock()), callable(NonCallableMock()), callable(MagicMock()),
      callable(NonCallableMagicMock()))
err(NonCallableMock())
print(isinstance(MagicMock(), Mock), isinstance(NonCallableMagicMock(), Mock),
      isinstance(AsyncMock(), MagicMock), isinstance(PropertyMock(), Mock))

section('return_value / side_effect')
m = Mock(return_value=3)
print(m(), m(1, 2, a=3))
show(m.call_args, m.call_args.args, m.call_args.kwargs)
show(m.call_args[0], m.call_args[1], m.call_args_list)
m.return_value = 'x'
print(m())
m = Mock(side_effect=KeyError('boom'))
err(m)
m = Mock(side_effect=ValueError)
err(m, 1)
m = Mock(side_effect=[1, 2, ValueError('third'), 4])
print(m(), m())
err(m)
print(m())
err(m)
m = Mock(side_effect=lambda x, y=2: x * y)
print(m(3), m(3, y=5))
m = Mock(side_effect=lambda: DEFAULT, return_value=7)
print(m())
m.side_effect = None
print(m())
m = Mock()
m.side_effect = iter('ab')
print(m(), m())
show(type(Mock(side_effect=[1]).side_effect).__name__)
m = Mock(return_value=5, side_effect=[9])
print(m())

section('wraps')
class Real:
    attr = 10
    def method(self, x):
        return x * 2
    def __call__(self, v):
        return 'called %s' % v
r = Real()
w = Mock(wraps=r)
print(w.method(4), w(1))
w.method.return_value = 'over'
print(w.method(4))
show(w.method.call_args_list, w.mock_calls)
err(lambda: w.nothere)
w2 = Mock(wraps=lambda a: a + 1)
print(w2(1))

section('names and reprs')
m = Mock()
show(m.a.b.c, m.a().b, m()(), m.a()(), m()().x)
parent = Mock(name='p')
show(parent.child, parent.child(), parent().child)
mm = MagicMock()
show(mm, mm.x, mm[1], mm.__len__, mm.__getitem__)
show(NonCallableMagicMock(name='ncm'), NonCallableMock())

section('spec')
class Spec:
    cls_attr = 1
    def meth(self, a, b=2):
        return a
    def other(self):
        pass
    @property
    def prop(self):
        return 1
s = Mock(spec=Spec)
show(s, s.meth, s.cls_attr)
err(lambda: s.nothing)
print(isinstance(s, Spec), s.__class__ is Spec)
s.newattr = 3
print(s.newattr)
ss = Mock(spec_set=Spec)
show(ss)
err(setattr, ss, 'nothing', 1)
ss.meth = 4
print(ss.meth)
ls = Mock(spec=['a', 'b'])
show(ls.a)
err(lambda: ls.c)
show(ls)
sm = Mock(spec=Spec)
sm.meth(1, 2)
sm.meth.assert_called_with(1, 2)
err(sm.meth.assert_called_with, 1, b=2)
sc = Mock(spec=Spec.meth)
show(sc)
sc(None, 1)
sc.assert_called_with(None, a=1)
err(sc.assert_called_with, None, 3)
m = Mock()
m.mock_add_spec(['x'])
show(m.x)
err(lambda: m.y)
m.mock_add_spec(['y'], spec_set=True)
err(setattr, m, 'z', 1)
mm = MagicMock(spec=['__len__'])
print(len(mm))
err(iter, mm)
err(lambda: mm.__iter__)
err(mock.Mock, spec=Mock())
err(lambda: Mock(spec=Spec).__len__)
m = Mock()
m.__class__ = dict
print(isinstance(m, dict))

section('unsafe')
m = Mock()
for n in ('assert_foo', 'assret_called', 'asert_x', 'aseert_y', 'assrt_z'):
    err(getattr, m, n)
show(m.called_once_with)
um = Mock(unsafe=True)
show(um.assert_foo)
sp = Mock(spec=['assert_thing'])
show(sp.assert_thing)

section('configure_mock / attach_mock')
m = Mock()
m.configure_mock(**{'method.return_value': 3, 'other.side_effect': KeyError,
                    'attr': 'val', 'a.b.c': 5})
print(m.method(), m.attr, m.a.b.c)
err(m.other)
m = Mock(**{'x.return_value': 1, 'name2': 'n'})
print(m.x(), m.name2)
parent = Mock()
child1 = Mock(return_value=None)
child2 = Mock(return_value=None)
parent.attach_mock(child1, 'child1')
parent.attach_mock(child2, 'child2')
child1(1)
child2(2)
show(parent.mock_calls, parent.method_calls)
show(child1)
named = Mock(name='named')
parent.attach_mock(named, 'renamed')
named()
show(named, parent.mock_calls)
# mocks assigned as attributes get parented when unnamed
p2 = Mock()
c = Mock()
p2.c = c
c.x(1)
show(c, p2.mock_calls, p2.method_calls)
n = Mock(name='keeps')
p2.n = n
n()
show(n, p2.mock_calls)
p2.rv = Mock()
p2.return_value = Mock()
show(p2.rv, p2.return_value)

section('reset_mock')
m = Mock(return_value=1, side_effect=[5, 6])
m(1)
m.child(2)
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.call_args_list, m.mock_calls,
      m.method_calls, m.child.called)
print(m())
m.reset_mock(return_value=True, side_effect=True)
show(m.side_effect, m())
m = Mock()
m.return_value.x(1)
m.reset_mock()
show(m.return_value.x.call_args_list)

section('call objects')
show(call, call(), call(1, a=2), call.foo, call.foo(1), call.foo.bar(2, x=3))
show(call(1)(2), call()(), call.a().b(), call.a(1).b(2).c(3))
show(call.foo(1).bar().call_list())
show(call(1).call_list())
print(call(1, 2) == ((1, 2), {}), call(1, 2) == ((1, 2),), call(a=1) == ({'a': 1},))
print(call(1) == ('', (1,), {}), call.foo(1) == ('foo', (1,), {}),
      call.foo(1) == ('bar', (1,), {}), call.foo(1) == call.bar(1))
print(call(1) == call(2), call(1) != call(2), call(1) != call(1),
      call(ANY) == call(5), call(1, ANY) == call(1, 'x'), call() == ())
print(call.foo == call.foo, call(1) == 3, call(1) == 'x')
c = call(1, 2, k=3)
print(c.args, c.kwargs, c[0], c[1], c[2], len(c), len(call.x(1)))
m = Mock()
m(1, b=2)
ca = m.call_args
print(ca == call(1, b=2), ca == ((1,), {'b': 2}), ca.args, ca.kwargs, len(ca))
print(ca[0], ca[1])
a, k = ca
print(a, k)
show(call.count, call.index, call.count(1), call.index(2))
show(call.__enter__(), call.__exit__(None, None, None))
print(call.foo(1) in [call.foo(1)], call(ANY) in [call(3)])
print([call(1), call(2)] == [call(1), call(2)])
l = call.a(1).b(2).call_list()
print(type(l).__name__)

section('mock_calls chains')
m = Mock()
m.foo(1).bar(2).baz(3)
m()(1)
m.x.y()
show(m.mock_calls)
show(m.method_calls)
print(m.mock_calls == call.foo(1).bar(2).baz(3).call_list() + [call(), call()(1), call.x.y()])
show(m.foo.mock_calls, m.foo.method_calls, m.x.method_calls)
mm = MagicMock()
mm[1] = 2
mm[1]
len(mm)
with mm as e:
    e.go()
show(mm.mock_calls)
show(mm.method_calls)

section('assert methods')
m = Mock()
err(m.assert_called)
err(m.assert_called_once)
err(m.assert_called_with, 1)
err(m.assert_called_once_with, 1)
err(m.assert_any_call, 1)
err(m.assert_has_calls, [call(1)])
m.assert_not_called()
m(1)
m(2, x=3)
err(m.assert_not_called)
err(m.assert_called_once)
err(m.assert_called_with, 1)
err(m.assert_called_once_with, 2, x=3)
err(m.assert_any_call, 3)
m.assert_any_call(1)
m.assert_called_with(2, x=3)
m.assert_called_with(ANY, x=ANY)
m.assert_has_calls([call(1), call(2, x=3)])
err(m.assert_has_calls, [call(2, x=3), call(1)])
m.assert_has_calls([call(2, x=3), call(1)], any_order=True)
err(m.assert_has_calls, [call(5), call(1)], any_order=True)
m.assert_has_calls([])
n = Mock(name='named')
err(n.assert_called_with)
n(1)
err(n.assert_called_with, 2)
err(n.assert_called_once_with, 2)
n(1)
err(n.assert_called_once)
err(n.assert_not_called)
err(n.foo.assert_called_once)
n.bar(1)
err(n.bar.assert_called_with, 2)
m = Mock()
m.method(1)
m.method.assert_called_once_with(1)
err(m.method.assert_called_once_with, 2)
m.assert_has_calls([call.method(1)])
err(m.assert_has_calls, [call.method(2)])
m = Mock()
for i in range(8):
    m.long_method_name_here(i, 'some string value %d' % i)
err(m.assert_has_calls, [call.other()])
err(m.long_method_name_here.assert_called_once)

section('MagicMock defaults')
mm = MagicMock()
print(len(mm), list(mm), bool(mm), int(mm), float(mm), complex(mm),
      1 in mm, mm == mm, mm != mm, mm == 3, mm != 3)
print(hash(mm) == object.__hash__(mm), str(mm) == repr(mm))
print(sys.getsizeof(mm) > 0, mm.__index__(), mm.__sizeof__() > 0)
err(lambda: mm < 1)
err(lambda: mm >= 1)
show(mm + 1, mm - 1, mm * 2, 1 + mm, mm[0], -mm, abs(mm), ~mm)
x = mm
x += 1
show(x)
with mm as ctx:
    show(ctx)
show(mm.__enter__, mm.__exit__.return_value)
mm.__len__.return_value = 5
print(len(mm))
mm.__iter__.return_value = [1, 2, 3]
print(list(mm), list(mm))
mm.__getitem__.side_effect = lambda k: k * 2
print(mm[4])
mm.__contains__.return_value = True
print(5 in mm)
mm.__eq__.return_value = True
print(mm == 1)
mm.__bool__.return_value = False
print(bool(mm))
mm.__str__.return_value = 'as str'
print(str(mm))
mm.__int__.return_value = 42
print(int(mm))
mm.__lt__.return_value = True
print(mm < 0)
mm.__setitem__(1, 2)
show(mm.__setitem__.call_args)
mm.__call__ = None
mm2 = MagicMock()
mm2.__len__ = lambda self: 11
print(len(mm2))
mm2.__iter__ = Mock(return_value=iter([7, 8]))
print(list(mm2))
mm2.__str__ = lambda self: 'custom'
print(str(mm2))
del mm2.__str__
print(str(mm2) == repr(mm2))
m = Mock()
err(len, m)
err(lambda: m.__len__)
m.__len__ = lambda self: 3
print(len(m))
m.__iter__ = Mock(return_value=iter([]))
print(list(m))
err(setattr, m, '__getattr__', lambda s, n: 1)
err(setattr, m, '__init__', lambda s: 1)
m2 = MagicMock()
m2.__exit__.return_value = True
with m2:
    raise ValueError('swallowed')
print('after with')
print(MagicMock() == MagicMock())
d = {MagicMock(): 1}
print(len(d))
print(mm2.__eq__(mm2), MagicMock().__ne__(3))

section('PropertyMock')
class WithProp:
    @property
    def value(self):
        return 'real'
pm = PropertyMock(return_value='mocked')
with patch.object(WithProp, 'value', new_callable=PropertyMock) as pm2:
    pm2.return_value = 'fake'
    w = WithProp()
    print(w.value)
    w.value = 6
    show(pm2.mock_calls)
print(WithProp().value)
mm = MagicMock()
type(mm).attr = pm
print(mm.attr)
pm.assert_called_once_with()
show(pm)
show(PropertyMock().child)

section('AsyncMock')
am = AsyncMock(return_value=5)
async def run_it():
    r = await am(1, 2)
    return r
print(asyncio.run(run_it()))
print(am.called, am.call_count, am.await_count)
show(am.await_args, am.await_args_list)
am.assert_awaited()
am.assert_awaited_once()
am.assert_awaited_with(1, 2)
am.assert_awaited_once_with(1, 2)
am.assert_any_await(1, 2)
am.assert_has_awaits([call(1, 2)])
err(am.assert_not_awaited)
err(am.assert_awaited_with, 3)
err(am.assert_any_await, 3)
err(am.assert_has_awaits, [call(3)])
am2 = AsyncMock()
err(am2.assert_awaited)
err(am2.assert_awaited_once)
err(am2.assert_awaited_with, 1)
coro = am2(1)
print(am2.call_count, am2.await_count)
asyncio.run(coro)
print(am2.await_count)
show(asyncio.run(am2()))
am3 = AsyncMock(side_effect=[1, ValueError('x')])
print(asyncio.run(am3()))
err(asyncio.run, am3())
async def effect(v):
    return v * 10
am4 = AsyncMock(side_effect=effect)
print(asyncio.run(am4(3)))
am5 = AsyncMock(side_effect=KeyError('k'))
err(asyncio.run, am5())
am4.reset_mock()
print(am4.await_count, am4.await_args, am4.called)
show(AsyncMock(), AsyncMock().method, type(AsyncMock().method).__name__)
show(type(MagicMock().__aenter__).__name__)
async def use_async_cm():
    cm = MagicMock()
    cm.__aenter__.return_value = 'entered'
    async with cm as v:
        return v
print(asyncio.run(use_async_cm()))
async def use_async_iter():
    m = MagicMock()
    m.__aiter__.return_value = [1, 2, 3]
    out = []
    async for v in m:
        out.append(v)
    return out
print(asyncio.run(use_async_iter()))
async def coro_func(a, b):
    pass
mm = Mock(spec=coro_func)
print(type(mm).__name__, isinstance(mm, AsyncMock))
class AsyncSpec:
    async def fetch(self):
        pass
    def sync(self):
        pass
ms = Mock(spec=AsyncSpec)
print(type(ms.fetch).__name__, type(ms.sync).__name__)
print(asyncio.iscoroutinefunction(AsyncMock()))

section('sentinel / DEFAULT / ANY')
show(sentinel.foo, sentinel.foo is sentinel.foo, sentinel.foo is sentinel.bar)
show(DEFAULT, ANY, ANY == 3, ANY != 3, [1, ANY] == [1, 'x'])
m = Mock(return_value=sentinel.ret)
show(m())
print(sentinel.x.name)

section('patch')
import json
target_mod = sys.modules[__name__]
def the_function(x):
    return 'real %s' % x
class Target:
    value = 1
    def method(self, a):
        return 'real method'
    @classmethod
    def cm(cls, q):
        return q
    @staticmethod
    def st(z):
        return z

def uses():
    return the_function(1)

with patch('%s.the_function' % __name__) as pf:
    pf.return_value = 'patched'
    print(uses())
    show(pf)
print(uses())

@patch('%s.the_function' % __name__)
def deco(mf):
    mf.return_value = 'deco'
    return uses(), norm(repr(mf))
print(deco())

@patch('%s.the_function' % __name__, new=lambda x: 'new %s' % x)
def deco_new():
    return uses()
print(deco_new())

@patch.object(Target, 'value', 99)
@patch.object(Target, 'method')
@patch('%s.the_function' % __name__)
def stacked(mf, mmeth, *extra):
    return Target.value, norm(repr(mmeth)), norm(repr(mf)), extra
print(stacked())
print(Target.value)

p = patch.object(Target, 'value', 'started')
print(p.start(), Target.value)
p.stop()
print(Target.value)
print(p.stop())

p1 = patch.object(Target, 'value', 'A')
p2 = patch('%s.the_function' % __name__)
p1.start()
show(p2.start())
patch.stopall()
print(Target.value, uses())

with patch.object(Target, 'newthing', 5, create=True):
    print(Target.newthing)
print(hasattr(Target, 'newthing'))
err(patch.object(Target, 'nope').__enter__)
p = patch('%s.not_here' % __name__)
err(p.start)
err(patch, 'noattr')
err(patch.object, 'x.y', 'z')
with patch('%s.not_here' % __name__, create=True) as nh:
    show(nh)
print(hasattr(target_mod, 'not_here'))

with patch('%s.Target' % __name__, spec=True) as MT:
    show(MT, MT())
    err(lambda: MT.nothing)
    show(MT.value)
with patch('%s.Target' % __name__, spec_set=True) as MT:
    err(setattr, MT, 'zzz', 1)
with patch('%s.the_function' % __name__, new_callable=NonCallableMock) as nc:
    show(nc)
with patch('%s.the_function' % __name__, return_value=4, **{'other.side_effect': KeyError}) as kw:
    print(uses())
    err(kw.other)
try:
    patch('%s.the_function' % __name__, new=1, new_callable=Mock)
except ValueError as e:
    print('ValueError', e)

with patch('json.dumps') as jd:
    jd.return_value = 'X'
    print(json.dumps({}))
print(json.dumps({'a': 1}))
with patch('os.path.exists', return_value=True):
    print(os.path.exists('/definitely/not/here'))

with patch.object(Target, 'method', autospec=True) as am_:
    am_.return_value = 'auto'
    t = Target()
    print(t.method(1))
    err(t.method)
    err(t.method, 1, 2)
    am_.assert_called_once_with(t, 1)
    show(am_.mock)

with patch('%s.the_function' % __name__, autospec=True) as af:
    af.return_value = 'autof'
    print(the_function(3))
    err(the_function)
    err(the_function, 1, 2)
    err(the_function, y=2)
    af.assert_called_once_with(3)
    print(af.call_count, af.called)
    show(af.mock, af.call_args_list)

with patch('%s.Target' % __name__, autospec=True) as AT:
    inst = AT()
    show(AT, inst, inst.method)
    inst.method(5)
    inst.method.assert_called_once_with(5)
    err(inst.method)
    err(lambda: inst.nonexist)
    print(inst.cm(1) is not None)
    err(inst.cm)
    err(AT, 1)

class PatchedTests:
    def helper(self):
        return Target.value
    def test_one(self, mv):
        return 'one', Target.value
    def test_two(self, mv):
        return 'two', Target.value
PatchedTests = patch.object(Target, 'value', new_callable=lambda: 'klass')(PatchedTests)
pt = PatchedTests()
print(pt.test_one(), pt.test_two(), pt.helper())

section('patch.dict')
d = {'a': 1, 'b': 2}
with patch.dict(d, {'b': 3, 'c': 4}) as pd:
    print(sorted(d.items()), pd is d)
print(sorted(d.items()))
with patch.dict(d, clear=True):
    print(d)
print(sorted(d.items()))
with patch.dict(d, x=9):
    print(sorted(d.items()))

@patch.dict(d, {'z': 0})
def dict_deco():
    return sorted(d.items())
print(dict_deco(), sorted(d.items()))

with patch.dict(os.environ, {'KRAIT_MOCK_TEST': 'yes'}):
    print(os.environ.get('KRAIT_MOCK_TEST'))
print(os.environ.get('KRAIT_MOCK_TEST'))
pdct = patch.dict(d, {'started': True})
pdct.start()
print(sorted(d))
pdct.stop()
print(sorted(d))
pdct2 = patch.dict(d, q=1)
pdct2.start()
patch.stopall()
print(sorted(d))
CONFIG = {'level': 1}
with patch.dict('%s.CONFIG' % __name__, {'level': 2}):
    print(CONFIG)
print(CONFIG)
try:
    with patch.dict(d, {'err': 1}):
        raise RuntimeError('in body')
except RuntimeError:
    pass
print(sorted(d))

@patch.dict(d, {'k': 1})
class DictPatched:
    def test_a(self):
        return sorted(d)
    def other(self):
        return sorted(d)
print(DictPatched().test_a(), DictPatched().other())

section('patch.multiple')
with patch.multiple('%s.Target' % __name__, value=DEFAULT, method=DEFAULT) as vals:
    print(sorted(vals))
    show(vals['value'], vals['method'])
    print(Target.value is vals['value'])
print(Target.value)
with patch.multiple(Target, value=5, st=lambda z: 'st patched'):
    print(Target.value, Target.st(1))
print(Target.value, Target.st(1))

@patch.multiple(Target, value=DEFAULT, cm=7)
def multi(value):
    return norm(repr(value)), Target.cm
print(multi())

@patch('%s.the_function' % __name__)
@patch.multiple(Target, value=DEFAULT)
def multi2(mf, value):
    return norm(repr(mf)), norm(repr(value))
print(multi2())
err(patch.multiple, Target)

section('mock_open')
mo = mock.mock_open(read_data='line1\nline2\nline3\n')
with patch('builtins.open', mo):
    with open('somefile') as fh:
        print(repr(fh.read()))
    with open('somefile') as fh:
        print(repr(fh.readline()), repr(fh.readline()), fh.readlines())
    with open('somefile') as fh:
        print([l for l in fh])
    with open('somefile') as fh:
        print(repr(fh.read(3)), repr(fh.read()))
    f = open('out', 'w')
    f.write('hello')
    f.write('world')
    f.close()
show(mo.mock_calls)
mo.assert_called_with('out', 'w')
handle = mo()
show(handle.write.call_args_list)
handle.write.assert_any_call('hello')
show(mo, handle)
mo2 = mock.mock_open(read_data=b'bin\ndata')
with patch('builtins.open', mo2):
    with open('f', 'rb') as fb:
        print(fb.read())
mo3 = mock.mock_open()
with patch('builtins.open', mo3):
    with open('x', 'w') as fw:
        fw.write('data')
mo3.assert_called_once_with('x', 'w')
mo3().write.assert_called_once_with('data')
show(mo3.mock_calls)
err(lambda: mo3().nonexistent_attribute)
mo4 = mock.mock_open(read_data='a\nb\n')
fh = mo4()
print(next(fh), repr(fh.readline()), repr(fh.readline()))

section('seal')
m = Mock()
m.configured.return_value = 3
m.sub.attr = 1
mock.seal(m)
print(m.configured(), m.sub.attr)
err(lambda: m.new_attr)
err(lambda: m.sub.other)
err(m.sub)
err(setattr, m, 'fresh', 1)
m.configured = 5
print(m.configured)
m2 = Mock(return_value=Mock())
m2().x = 1
mock.seal(m2)
print(m2().x)
err(lambda: m2().y)

section('create_autospec')
def func(a, b, c=3, *, d=4):
    return 'real'
af = mock.create_autospec(func, return_value='spec')
print(af(1, 2), af(1, b=2, c=5, d=6))
err(af)
err(af, 1, 2, 3, 4)
err(af, 1, 2, e=1)
print(af.called, af.call_count)
af.assert_called_with(1, 2, 5, d=6)
af.assert_any_call(1, 2)
err(af.assert_called_with, 9, 9)
show(af.call_args_list, af.mock_calls)
show(af.mock, af.return_value)
print(af.__name__, type(af).__name__)
af.reset_mock()
print(af.call_count, af.called)
af.side_effect = [10, 11]
print(af(1, 2), af(1, 2))
af.side_effect = ValueError('se')
err(af, 1, 2)

class Klass:
    x = 5
    def __init__(self, a, b=1):
        self.a = a
    def meth(self, q):
        return q
    def meth2(self):
        pass
    @classmethod
    def clsm(cls, z):
        return z
    @staticmethod
    def stm(y):
        return y
    class Inner:
        def inner_meth(self, k):
            pass

ak = mock.create_autospec(Klass)
show(ak)
err(ak)
inst = ak(1)
show(inst, inst.meth, inst.x, inst.Inner)
inst.meth(3)
err(inst.meth)
err(inst.meth, 1, 2)
inst.meth.assert_called_once_with(3)
inst.meth.assert_called_once_with(q=3)
err(lambda: inst.nothere)
print(isinstance(inst, Klass), isinstance(ak, type), callable(inst))
show(ak.mock_calls)
print(ak.clsm(1) is not None, ak.stm(2) is not None)
err(ak.clsm)
err(ak.stm, 1, 2)
show(ak.meth)
ak.meth(1)
err(ak.meth, 1, 2)
ai = mock.create_autospec(Klass, instance=True)
show(ai)
err(ai)
ai.meth(1)
show(ai.mock_calls)
obj = Klass(7)
ao = mock.create_autospec(obj)
show(ao, ao.meth, ao.a)
ao.meth(1)
err(ao.meth, 1, 2)
show(ao.Inner.inner_meth)
sc = mock.create_autospec(Klass, spec_set=True)
err(setattr, sc, 'zzz', 1)
show(sc)
acf = mock.create_autospec(coro_func)
print(asyncio.iscoroutinefunction(acf) or 'notcoro')
r = asyncio.run(acf(1, 2))
acf.assert_awaited_once_with(1, 2)
err(acf.assert_not_awaited)
err(mock.create_autospec, Mock())
err(mock.create_autospec, func, autospect=True)
al = mock.create_autospec([1, 2])
show(al)

section('dir')
m = Mock()
print(dir(m))
m.child
m.x = 1
print(dir(m))
print([n for n in dir(MagicMock()) if not n.startswith('_')] == dir(Mock()))
print(dir(Mock(spec=['a', 'b'])))
print([n for n in dir(Mock(spec=Klass)) if not n.startswith('__')])
mm = MagicMock()
len(mm)
print([n for n in dir(mm) if n.startswith('_')])
print(dir(AsyncMock()))
mock.FILTER_DIR = False
full = dir(Mock())
print('_mock_children' in full, '_mock_name' in full, 'assert_called' in full)
mock.FILTER_DIR = True
print('_mock_children' in dir(Mock()))

section('deletion')
m = Mock()
m.a
del m.a
err(lambda: m.a)
err(delattr, m, 'a')
m.a = 3
print(m.a)
del m.b
err(lambda: m.b)
mm = MagicMock()
del mm.__len__
err(len, mm)
mm2 = MagicMock()
mm2.__len__.return_value = 4
del mm2.__len__
err(len, mm2)
print(hasattr(Mock(), 'anything'), hasattr(Mock(), '__len__'),
      hasattr(MagicMock(), '__len__'), hasattr(MagicMock(), '__foo__'))

section('subclass children')
class MyMock(Mock):
    pass
mym = MyMock()
show(mym, mym.child, mym())
print(type(mym.child).__name__, isinstance(mym.child, MyMock))
class MyMagic(MagicMock):
    def _get_child_mock(self, **kw):
        return Mock(**kw)
mg = MyMagic()
print(type(mg.x).__name__)

section('misc')
m = Mock()
m.called = True
m.call_count = 7
print(m.called, m.call_count)
m = Mock(return_value=None)
print(m())
m = Mock()
m.side_effect = [1]
print(m())
err(m)
m = Mock(name='foo', spec=['bar'])
show(m.bar, m)
m = MagicMock(spec=dict)
show(m, m.keys, len(m))
err(lambda: m.nope)
print('done')
