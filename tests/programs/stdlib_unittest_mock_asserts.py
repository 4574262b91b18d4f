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


print('-- not called')
m = Mock(name='thing')
err(m.assert_called)
err(m.assert_called_once)
err(m.assert_called_with, 1)
err(m.assert_called_once_with, 1, a=2)
err(m.assert_any_call, 1)
err(m.assert_has_calls, [call(1)])
m.assert_not_called()
m.assert_has_calls([])

print('-- called')
m(1, 2, key='v')
m('x')
err(m.assert_not_called)
err(m.assert_called_once)
err(m.assert_called_with, 1, 2, key='v')
m.assert_called_with('x')
err(m.assert_called_once_with, 'x')
m.assert_any_call(1, 2, key='v')
err(m.assert_any_call, 1, 2)
m.assert_has_calls([call(1, 2, key='v'), call('x')])
err(m.assert_has_calls, [call('x'), call(1, 2, key='v')])
m.assert_has_calls([call('x'), call(1, 2, key='v')], any_order=True)
err(m.assert_has_calls, [call('x'), call('y')], any_order=True)
m.assert_called_with(ANY)
m.assert_any_call(1, ANY, key=ANY)
anon = Mock()
anon()
err(anon.assert_called_with, 5)
err(anon.assert_not_called)
err(anon.assert_called_once_with, 5)
anon()
err(anon.assert_called_once)

print('-- child names in messages')
p = Mock(name='parent')
p.child.method(3)
err(p.child.method.assert_called_with, 4)
err(p.child.method.assert_not_called)
p.child.method.assert_called_once_with(3)
p.assert_has_calls([call.child.method(3)])
err(p.assert_has_calls, [call.child.method(4)])
show(p.mock_calls, p.method_calls, p.child.mock_calls, p.child.method_calls)

print('-- call objects')
c = call(1, b=2)
show(c, c.args, c.kwargs, call.foo(1).bar(2), call.foo.bar, call()(), call.a.b.c(9))
print(c == call(1, b=2), c == call(1, b=3), c == ((1,), {'b': 2}), c != call(1))
print(call.x(1) == call.x(1), call.x(1) == call.y(1), call.x(1) == ('x', (1,), {}))
print(call(1) == ('', (1,), {}), call() == (), call(1) == ((1,),), call(a=1) == ({'a': 1},))
show(call.foo(1).bar(2).call_list())
show(call.index(3), call.count(4), call.x.index(1))
print(len(call(1)), len(call.x(1)), tuple(call.x(1)))
show(mock._Call(((1,), {}), two=True), mock._Call(('n', (), {})))
print(mock._Call(('n', (1,), {})) == mock._Call(('', (1,), {})))
lst = [call(1), call(2), call(3)]
cl = mock._CallList(lst)
print([call(2), call(3)] in cl, [call(3), call(2)] in cl, call(2) in cl)
print(norm(repr(cl)))
try:
    hash(call(1))
except TypeError as e:
    print('TypeError', e)
try:
    hash(ANY)
except TypeError as e:
    print('TypeError', e)

print('-- call_args details')
m = Mock()
m(1, 2, x=3)
ca = m.call_args
print(ca.args, ca.kwargs, ca[0], ca[1], len(ca), ca == call(1, 2, x=3))
args, kwargs = ca
print(args, kwargs)
show(m.call_args_list, m.call_args_list == [call(1, 2, x=3)])
m2 = Mock()
m2.a.b(1)
m2.a(2).c(3)
m2()(4)
show(m2.mock_calls)
show(m2.method_calls)
show(m2.a.mock_calls)
print(m2.mock_calls == [call.a.b(1), call.a(2), call.a().c(3), call(), call()(4)])

print('-- spec signature matching')
def func(a, b, c=3):
    pass
sm = Mock(spec=func)
sm(1, 2)
sm.assert_called_with(1, b=2)
err(sm.assert_called_with, a=1, b=2, c=3)
err(sm.assert_called_with, 1, 3)
err(sm.assert_called_with, 1, 2, 3, 4)
err(sm.assert_any_call, 1, 2, 3, 4, 5)
err(sm.assert_has_calls, [call(1, 2, 3, 4)])
class K:
    def meth(self, x, y=0):
        pass
km = Mock(spec=K)
km.meth(1)
err(km.meth.assert_called_with, x=1)
km.meth.assert_called_with(1)
err(km.assert_has_calls, [call.meth(x=1, y=0)])
ak = create_autospec(K)
ak.meth(1)
ak.meth.assert_called_with(x=1)
ak.assert_has_calls([call.meth(x=1)])
err(ak.assert_has_calls, [call.meth(x=1, y=0)])
err(ak.meth.assert_called_with, 2)

print('-- call shapes')
C = mock._Call
for value in [(), ((1,),), ({'k': 1},), ('nm',), (('a',), {'b': 1}), ('nm', (1,)),
              ('nm', {'z': 0}), ('nm', (1,), {'z': 0}), (1, 2, 3, 4)]:
    c3 = C(value)
    c2 = C(value, two=True)
    print(norm(repr(tuple(c3))), norm(repr(tuple(c2))), c3 == value, c2 == value)
print(tuple(C(((1,), {}), name='given')), tuple(C((), name='only')), tuple(C((1, 2, 3, 4), name='n4')))
print(C(('x', (1,), {})) == C(('x', (1,), {})), C(('x', (1,), {})) == C(('y', (1,), {})))
print(C(((1,), {}), two=True) == C(('any', (1,), {})))
print(call(1) == 5, call(1) == object(), call(1) != 5)
print(call.a(1) == call.b(1), call.a(1) != call.b(1))
print(call.foo(1).call_list() == [call.foo(1)])
print(call == call, call.x == call.x, call(1) == call(ANY), call(ANY) == call(1, 2))
m = Mock()
m.a(1).b(2)
print(m.mock_calls == call.a(1).b(2).call_list())
print(call.a(1).b(2).call_list() in m.mock_calls.__class__(m.mock_calls))
show(m.mock_calls[1].args, m.mock_calls[1][0], C.__name__)
