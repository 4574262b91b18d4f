# Metaclass basics: __prepare__, __new__, __init__, __call__, keywords, conflicts.
log = []


class M(type):
    tag = "meta-tag"

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        d = {}
        d["injected"] = 42
        return d

    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, len(bases), sorted(kw)))
        ns["made_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw_seen = dict(sorted(kw.items()))
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name, sorted(kw)))
        super().__init__(name, bases, ns)

    def __call__(cls, *args):
        log.append(("call", cls.__name__, args))
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst

    def meta_method(cls):
        return "meta_method on " + cls.__name__


class C(metaclass=M):
    def __init__(self, x=0):
        self.x = x


print("1 log:", log)
print("2 injected:", C.injected, C.made_by)
print("3 kw_seen C:", C.kw_seen)
log.clear()
c = C(5)
print("4 call log:", log)
print("5 inst:", c.x, c.via_meta)
print("6 type(C) is M:", type(C) is M, isinstance(C, M), isinstance(C, type))
print("7 meta attr via class:", C.tag, C.meta_method())
for what in ("tag", "meta_method"):
    try:
        getattr(c, what)
        print("8 inst", what, "found")
    except AttributeError as e:
        print("8 inst", what, type(e).__name__)
log.clear()


class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.sub_kw = dict(sorted(kw.items()))


class D(C, flavor="spicy", level=3):
    pass


print("9 D log:", log)
print("10 D meta:", type(D) is M, D.kw_seen, D.made_by)
print("11 subclasses:", [k.__name__ for k in C.__subclasses__()])
print("12 mro:", [k.__name__ for k in D.__mro__], [k.__name__ for k in D.__bases__])


class E(Base, color="red", size=2):
    pass


print("13 init_subclass kw:", E.sub_kw)
try:
    class F(Base, bogus=1, other=2):
        pass
    print("14 F", F.sub_kw)
except TypeError as e:
    print("14", type(e).__name__, e)
try:
    class G(bogus=1):
        pass
except TypeError as e:
    print("15", type(e).__name__, e)


class M2(type):
    pass


class X(metaclass=M2):
    pass


try:
    class Bad(C, X):
        pass
except TypeError as e:
    print("16", type(e).__name__, e)


def func_meta(name, bases, ns):
    return "func-made:" + name + ":" + ",".join(sorted(k for k in ns if not k.startswith("__")))


class H(metaclass=func_meta):
    a = 1
    b = 2


print("17 function metaclass:", H, type(H).__name__)
T = type("T", (Base,), {"v": 7, "get": lambda self: self.v * 2})
print("18 type():", T.__name__, T().get(), [k.__name__ for k in T.__mro__], type(T) is type)
print("19 type(obj):", type(3) is int, type(T()) is T)
for args in [("A",), ("A", (), {}, 1), ("A", 1, {}), ("A", (), []), (1, (), {})]:
    try:
        type(*args)
        print("20", len(args), "ok")
    except TypeError as e:
        print("20", type(e).__name__, e)


class Desc:
    def __set_name__(self, owner, name):
        log.append(("set_name", owner.__name__, name))
        self.name = name

    def __get__(self, inst, owner):
        return "desc:" + self.name if inst is not None else self


log.clear()

class WithDesc:
    alpha = Desc()
    beta = Desc()


print("21 set_name:", log)
print("22 desc names:", WithDesc.__dict__["alpha"].name, WithDesc.__dict__["beta"].name)
Y = type("Y", (), {"gamma": Desc()})
print("23 set_name via type():", log[-1])
print("24 meta name/qualname:", M.__name__, C.__qualname__, type(M) is type)
print("25 issubclass M type:", issubclass(M, type), issubclass(M2, M))
