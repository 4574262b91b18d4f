import types
from types import SimpleNamespace, new_class, prepare_class, resolve_bases, DynamicClassAttribute


def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(types.__all__))
for name in types.__all__:
    obj = getattr(types, name)
    print(name, isinstance(obj, type) or callable(obj))
print(types.FunctionType is type(err), types.LambdaType is types.FunctionType, types.NoneType is type(None))
print(types.MethodType, types.ModuleType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
print(types.BuiltinFunctionType is types.BuiltinMethodType, types.MappingProxyType(dict(a=1))["a"])
print(types.EllipsisType is type(...), types.NotImplementedType is type(NotImplemented))
print(isinstance(int | str, types.UnionType), isinstance(list[int], types.GenericAlias))
m = types.ModuleType("mymod", "docstring")
print(m.__name__, m.__doc__)


def g():
    yield 1


print(isinstance(g(), types.GeneratorType), isinstance(g, types.FunctionType), isinstance(g.__code__, types.CodeType))

ns = SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == SimpleNamespace(a=1, b="x"), ns != SimpleNamespace(a=2), ns == 5)
ns.c = [1]
del ns.a
print(ns, vars(ns))
ns.me = ns
print(ns)
err(SimpleNamespace, {"a": 1})
err(SimpleNamespace, 1, 2)
print(SimpleNamespace(), SimpleNamespace.__module__, SimpleNamespace.__hash__)


class Sub(SimpleNamespace):
    pass


print(Sub(x=1), Sub(x=1) == SimpleNamespace(x=1), Sub(x=1).__reduce__()[0].__name__)
print(SimpleNamespace(z=1).__reduce__())



class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    pass


def body(ns):
    ns["x"] = 42


C = new_class("C", (Base,), {"flag": 1}, body)
print(C.__name__, type(C).__name__, C.x, C.prepared, [b.__name__ for b in C.__bases__])
D = new_class("D")
print(D.__name__, D.__bases__, type(D))
E = new_class("E", (), {"metaclass": Meta})
print(type(E).__name__)
print(prepare_class("P"), prepare_class("P", (int,)))
meta, ns2, kw = prepare_class("Q", (Base,), {"metaclass": type, "extra": 1})
print(meta.__name__, ns2, kw)


class OtherMeta(type):
    pass


class Other(metaclass=OtherMeta):
    pass


err(new_class, "Bad", (Base, Other))
err(prepare_class, "Bad", (Base, Other))
print(types._calculate_meta(type, (Base,)).__name__)


class Entry:
    def __mro_entries__(self, bases):
        return (int, str) if False else (dict,)


class BadEntry:
    def __mro_entries__(self, bases):
        return [dict]


e = Entry()
print(resolve_bases((int, e)), resolve_bases((int,)))
t = (int,)
print(resolve_bases(t) is t)
err(resolve_bases, (BadEntry(),))
Made = new_class("Made", (e,))
print(Made.__bases__, Made.__orig_bases__ == (e,))
print(resolve_bases([object]))


class Tracked:
    def __init__(self):
        self._v = 1

    @DynamicClassAttribute
    def v(self):
        """v doc"""
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


t = Tracked()
print(t.v, Tracked.__dict__["v"].__doc__, Tracked.__dict__["v"].overwrite_doc)
t.v = 5
print(t.v)
err(delattr, t, "v")
err(getattr, Tracked, "v")
d = DynamicClassAttribute(lambda s: 1, doc="given")
print(d.__doc__, d.overwrite_doc, d.getter(lambda s: 2).__doc__)
d2 = DynamicClassAttribute(None)
err(d2.__get__, t)
err(d2.__set__, t, 1)
print(repr(DynamicClassAttribute().__doc__)[:10])


def fn():
    """docd"""
    return 1


got = types.coroutine(fn)
print(got.__name__, got.__doc__, got() if not hasattr(got, "send") else "")


@types.coroutine
def gen_coro():
    yield 1


print(gen_coro is gen_coro, bool(gen_coro.__code__.co_flags & 0x100))
err(types.coroutine, 5)


async def native():
    return 1


print(types.coroutine(native) is native)
