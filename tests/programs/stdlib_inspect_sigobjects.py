import inspect
def f(a, /, **kw): pass
def g(a, b=1, /, c=2, *args, d, **kw): pass
def h(a, /, b): pass
for fn, args, kwargs in [(f, (), {"a": 1}), (f, (1,), {"a": 2}), (g, (), {"a": 1, "d": 2}), (g, (1,), {"b": 2, "d": 1}),
                         (g, (1, 2, 3, 4, 5), {"d": 1, "c": 9}), (h, (1,), {"a": 2}), (h, (), {"b": 1}), (h, (), {"a": 1, "b": 2})]:
    for partial in (False, True):
        try:
            s = inspect.signature(fn)
            r = s.bind_partial(*args, **kwargs) if partial else s.bind(*args, **kwargs)
            print(fn.__name__, args, kwargs, partial, r, r.args, r.kwargs)
        except TypeError as e:
            print(fn.__name__, args, kwargs, partial, "!", e)
import copy
import pickle

P = inspect.Parameter
for args in [('', 1), ('.0', 1), ('.0', 0), ('x', 1.0), ('x', '1'), ('x', P.POSITIONAL_ONLY),
             ('lambda', P.POSITIONAL_ONLY), ('lambda', P.KEYWORD_ONLY), ('a b', 1)]:
    try:
        p = P(*args)
        print(repr(p), p.kind, str(p.kind), int(p.kind))
    except Exception as e:
        print(type(e).__name__, e)
p = P('a', 1, default=(1,), annotation='int')
print(p.__reduce__())
print(pickle.loads(pickle.dumps(p)), copy.copy(p), p == copy.deepcopy(p), hash(p) == hash(copy.copy(p)))
print(p.replace(), p.replace(kind=P.KEYWORD_ONLY, annotation=P.empty), p.replace(default=P.empty))
s = inspect.signature(lambda a, b=1, *, c: 0)
print(s.__reduce__())
print(pickle.loads(pickle.dumps(s)), copy.deepcopy(s) == s)
print(dict(s.parameters))
print(list(s.parameters), s.parameters["b"])
ba = s.bind(1, c=2)
print(pickle.loads(pickle.dumps(ba)), ba.__getstate__())
print(P('a', 1) == 1, P('a', 1).__eq__(1), s.__eq__(1), ba.__eq__(1))
s1 = inspect.Signature([P('a', 0), P('k', 3), P('m', 3)])
s2 = inspect.Signature([P('a', 0), P('m', 3), P('k', 3)])
print(s1 == s2, hash(s1) == hash(s2), s1, s2)
print(inspect.Signature([P('b', 3), P('a', 0)], __validate_parameters__=False))
print(inspect.Signature([P('a', 0), P('b', 1), P('c', 0), P('d', 3)], __validate_parameters__=False))
print(inspect.Signature(), inspect.Signature(return_annotation=int), inspect.Signature([P('x', 2, annotation=list)]))
for kinds in [(0, 0), (1, 0), (2, 2), (3, 4), (4, 3), (0, 2, 1)]:
    try:
        print(inspect.Signature([P('p%d' % i, k) for i, k in enumerate(kinds)]))
    except ValueError as e:
        print("ValueError", e)


class MyParam(inspect.Parameter):
    pass


class MySig(inspect.Signature):
    _parameter_cls = MyParam


def target(a, b=2):
    pass


ms = MySig.from_callable(target)
print(type(ms).__name__, [type(x).__name__ for x in ms.parameters.values()], type(ms.replace()).__name__)
print(type(MyParam('z', 1).replace(name='y')).__name__)
ba = ms.bind(1)
ba.apply_defaults()
print(ba, ba.args, ba.kwargs)
print(inspect.Parameter.empty, inspect.Signature.empty is inspect.Parameter.empty, inspect._empty)
print([k.description for k in inspect._ParameterKind])
