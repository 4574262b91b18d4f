# unittest.mock against CPython's (ids and addresses normalised).
import re
import sys
import asyncio

from unittest import mock

Mock, MagicMock, call, patch = mock.Mock, mock.MagicMock, mock.call, mock.patch


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


async def remote(x, y=1):
    return x + y


def local(a, b):
    return a - b


class Service:
    async def get(self, key):
        return key

    def put(self, key, value):
        return None


print('== async patch')


@patch('%s.remote' % __name__)
async def patched_async(m):
    m.return_value = 42
    return await remote(1), type(m).__name__


print(asyncio.run(patched_async()))
with patch('%s.remote' % __name__) as pr:
    print(type(pr).__name__)
    show(asyncio.run(remote(5)))
    pr.assert_awaited_once_with(5)
with patch('%s.remote' % __name__, autospec=True) as ar:
    ar.return_value = 'auto'
    print(asyncio.run(remote(1, y=3)))
    err(remote)
    ar.assert_awaited_once_with(1, y=3)
    ar.assert_called_once_with(1, y=3)
    print(ar.await_count, ar.call_count)
with patch.object(Service, 'get') as g:
    print(type(g).__name__)
with patch.object(Service, 'put') as p:
    print(type(p).__name__)
s = mock.create_autospec(Service, instance=True)
print(type(s.get).__name__, type(s.put).__name__)
print(asyncio.run(s.get('k')) is not None)
s.get.assert_awaited_once_with('k')
err(s.put, 1)

print('== async side effects')
am = mock.AsyncMock(side_effect=[1, 2])
print(asyncio.run(am()), asyncio.run(am()))
err(asyncio.run, am())
am = mock.AsyncMock(return_value='r')
async def many():
    return [await am(i) for i in range(3)]
print(asyncio.run(many()))
err(am.assert_awaited_once)
err(am.assert_has_awaits, [call(2), call(0)])
am.assert_has_awaits([call(2), call(0)], any_order=True)
err(am.assert_has_awaits, [call(9)], any_order=True)
am.assert_any_await(1)
err(am.assert_not_awaited)
show(am.await_args_list)
wrapped = mock.AsyncMock(wraps=remote)
print(asyncio.run(wrapped(2)))

print('== misc calls')
m = Mock()
m(1)(2)(3)
show(m.mock_calls, m.return_value.mock_calls)
m = MagicMock()
m.a.b.c(1)
m.a.b(2).d
show(m.mock_calls, m.method_calls, m.a.method_calls)
print(str(m.a.b.c.call_args), repr(m.a.b.c.call_args_list))
m = Mock()
m.f(1, 2, x=[1, 2])
print(m.f.call_args == call(1, 2, x=[1, 2]),
      m.mock_calls == [call.f(1, 2, x=[1, 2])],
      m.method_calls == [('f', (1, 2), {'x': [1, 2]})],
      m.mock_calls[0] == ('f', (1, 2), {'x': [1, 2]}),
      m.mock_calls[0][0], m.mock_calls[0][1], m.mock_calls[0][2])
name, args, kwargs = m.mock_calls[0]
print(name, args, kwargs)
print(m.mock_calls[0].args, m.mock_calls[0].kwargs)
print(call(1) in m.mock_calls, call.f(1, 2, x=[1, 2]) in m.mock_calls)
print(Mock() == Mock(), len({Mock(), Mock()}))
nm = mock.NonCallableMock(return_value=3, name='n')
show(nm, nm.return_value)

print('== spec functions')
sf = Mock(spec=local)
sf(1, b=2)
sf.assert_called_once_with(1, 2)
sf.assert_called_once_with(a=1, b=2)
err(sf.assert_called_once_with, 1, 3)
err(sf.assert_called_with, 1, 2, 3)
sf2 = mock.create_autospec(local)
sf2(1, 2)
sf2.assert_any_call(a=1, b=2)
err(sf2.assert_any_call, 1, c=2)
err(sf2.assert_has_calls, [call(1, 2, 3)])
print(sf2.mock.mock_calls)
show(mock.create_autospec(local, return_value=1, name='named'))

print('== patch errors and edge cases')
class Holder:
    attr = 'orig'
p = patch.object(Holder, 'attr', 'new')
print(p.stop())
with p:
    print(Holder.attr)
print(Holder.attr)
with p:
    print(Holder.attr)
err(patch.object(Holder, 'attr', spec=True, autospec=True).__enter__)
err(patch.object(Holder, 'attr', new=1, autospec=True).__enter__)
err(patch.object(Holder, 'missing', create=True, autospec=True).__enter__)
err(patch.object(Holder, 'attr', 5, foo=1).__enter__)
try:
    with patch.object(Holder, 'attr', 'tmp'):
        raise KeyError('inside')
except KeyError as e:
    print('caught', e, Holder.attr)
inst = Holder()
with patch.object(inst, 'attr', 'instance-level'):
    print(inst.attr, Holder.attr)
print(inst.attr, 'attr' in inst.__dict__)
with patch('%s.Holder.attr' % __name__, new_callable=mock.PropertyMock) as pm:
    pm.return_value = 'prop'
    print(Holder().attr)
with patch('%s.Holder' % __name__, autospec=True) as H:
    h = H()
    print(h.attr is not None, H.call_count)
with patch('%s.local' % __name__, spec=True) as sl:
    show(sl)
    local(1, 2)
    sl.assert_called_once_with(1, 2)
with patch('%s.local' % __name__, spec_set=True) as sl:
    err(setattr, sl, 'zzz', 1)
err(patch('nonexistent_module_xyz.thing').start)
err(mock.patch.object(Holder, 'attr', spect=True).__enter__)
err(mock.patch.object, Holder, 'attr', autospect=True)

print('== configure via kwargs and return_value chains')
m = Mock(**{'method.return_value.other.return_value': 'deep'})
print(m.method().other())
m = MagicMock()
m.return_value.__enter__.return_value.read.return_value = 'ctx'
with m() as f:
    print(f.read())
m = MagicMock()
m.__getitem__.return_value = 'item'
print(m['x'], m[0])
m.__getitem__.assert_called_with(0)
show(m.mock_calls)
m = MagicMock()
m.__iter__.return_value = iter([1, 2])
print(list(m), list(m))
m = MagicMock()
print(list(reversed([m])) == [m], m in [m], sorted([1]))
m = MagicMock(return_value=3)
print(m(), m.return_value)
print(m.__str__.return_value == repr(m))
'''
'''

print('== reprs of specs and names')
class Foo:
    pass
show(Mock(spec=Foo), Mock(spec=Foo()), Mock(spec_set=Foo), MagicMock(spec=Foo, name='x'),
     mock.NonCallableMagicMock(spec=Foo), Mock(spec=[1, 2]), Mock(spec=Foo).__class__)
show(mock.PropertyMock(), mock.AsyncMock(name='am'), mock.AsyncMock().x.y())
show(Mock(name='a.b'), Mock(name='a').b.c())
m = Mock()
m.child = Mock(name='preset')
show(m.child)
m.other = Mock()
show(m.other, m.other())
m.return_value = Mock(name='rv')
show(m())

print('== call_list / chains')
m = MagicMock()
m.connect().cursor().execute('sql')
expected = call.connect().cursor().execute('sql').call_list()
show(expected)
print(m.mock_calls == expected)
m.assert_has_calls(expected)
print(call.a.b() == call.a.b(), call.a() == call.b(), call().a == call().a)

print('== sentinel identity')
print(mock.sentinel.a is mock.sentinel.a, repr(mock.sentinel.Something))
print(mock.DEFAULT is mock.sentinel.DEFAULT)

print('== dir with spec instance')
class Obj:
    def __init__(self):
        self.inst_attr = 1
    def method(self):
        pass
d = dir(Mock(spec=Obj()))
print([n for n in d if not n.startswith('_')])
print('done')
