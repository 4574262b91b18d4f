# Data model: metaclasses, type(), class introspection.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

events = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        events.append(("prepare", mcls.__name__, name, tuple(b.__name__ for b in bases), sorted(kw)))
        ns = {"injected": "from prepare"}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        events.append(("new", name, sorted(k for k in ns if not k.startswith("__")), kw))
        ns["added_by_new"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        events.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        events.append(("call", cls.__name__, args))
        inst = super().__call__(*args, **kw)
        inst.made_by_meta = True
        return inst
    meta_attr = "meta attribute"
    def meta_method(cls): return "meta_method on " + cls.__name__

class C(metaclass=Meta, tag="T"):
    x = 1
    def __init__(self, v): self.v = v
print("1 events", events)
events.clear()
c = C(5)
print("1 call", events, c.v, c.made_by_meta)
print("1 ns", C.injected, C.added_by_new, C.x)
print("1 type", type(C) is Meta, type(C).__name__, isinstance(C, Meta), isinstance(C, type), isinstance(c, Meta))
print("1 meta attr via class", C.meta_attr, C.meta_method())
show("1 meta attr via instance", lambda: c.meta_attr)
show("1 meta method via instance", lambda: c.meta_method())
print("1 hasattr", hasattr(C, "meta_attr"), hasattr(c, "meta_attr"), "meta_attr" in dir(C))

events.clear()
class D(C):
    y = 2
print("2 inherited metaclass", type(D) is Meta, events)
events.clear()
d = D(7)
print("2 subclass call", events, d.v, D.added_by_new)
D2 = Meta("D2", (C,), {"z": 3})
print("2 direct call", type(D2).__name__, D2.z, D2.added_by_new, events[-1])

# metaclass conflicts
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
def conflict():
    class Bad(A1, A2): pass
show("3 conflict", conflict)
show("3 conflict via type()", lambda: type("Bad", (A1, A2), {}))
class M3(M1, M2): pass
class Good(A1, A2, metaclass=M3): pass
print("3 resolved", type(Good).__name__)
class M1Sub(M1): pass
class A3(metaclass=M1Sub): pass
class Mixed(A1, A3): pass
print("3 most derived metaclass wins", type(Mixed).__name__)
class Explicit(A3, metaclass=M1): pass
print("3 explicit weaker metaclass upgraded", type(Explicit).__name__)
def meta_func(name, bases, ns):
    ns["by_func"] = True
    return type(name, bases, ns)
class ByFunc(metaclass=meta_func): pass
print("3 function metaclass", ByFunc.by_func, type(ByFunc).__name__)

# type(name, bases, dict)
T = type("T", (), {"a": 1, "m": lambda self: "m of " + type(self).__name__})
print("4 type()", T.__name__, T.a, T().m(), type(T).__name__, T.__bases__)
U = type("U", (T,), {})
print("4 type() subclass", U.__bases__[0] is T, U().m(), U.__mro__ == (U, T, object))
show("4 type() 2 args", lambda: type("X", ()))
show("4 type() bad bases", lambda: type("X", 5, {}))
show("4 type() bad dict", lambda: type("X", (), []))
show("4 type() non-str name", lambda: type(1, (), {}))
show("4 subclass bool", lambda: type("B", (bool,), {}))
def final():
    class F(type(None)): pass
show("4 subclass NoneType", final)
print("4 type(x)", type(1).__name__, type(type).__name__, type(object).__name__, type(Meta).__name__)

# __mro__, __bases__, __subclasses__, __name__, __qualname__, __module__
class Z: pass
class Y(Z): pass
class X(Z): pass
class W(Y, X): pass
print("5 mro", [k.__name__ for k in W.__mro__])
print("5 mro()", [k.__name__ for k in W.mro()])
print("5 bases", [k.__name__ for k in W.__bases__], Z.__bases__, object.__bases__)
print("5 subclasses", [k.__name__ for k in Z.__subclasses__()], Y.__subclasses__() == [W])
print("5 base", W.__base__.__name__, Z.__base__ is object)
def mro_err():
    class Q(Z, Y): pass
show("5 mro conflict", mro_err)
def dup_base():
    class Q(Z, Z): pass
show("5 duplicate base", dup_base)
class Outer:
    class Inner:
        def meth(self): pass
def factory():
    class Local: pass
    return Local
print("5 qualname", Outer.Inner.__qualname__, Outer.Inner.__name__, factory().__qualname__, Outer.Inner.meth.__qualname__)
print("5 module", Z.__module__, Outer.Inner.__module__, T.__module__, int.__module__)
Z.__name__ = "Renamed"
print("5 rename", Z.__qualname__)
Y.__qualname__ = "Q.Y"
print("5 qualname set", Y.__name__)
show("5 bases of builtin", lambda: [k.__name__ for k in bool.__mro__])
print("5 builtins mro", [k.__name__ for k in int.__mro__], [k.__name__ for k in type.__mro__])

# __dict__ read-only mappingproxy
class K:
    x = 10
    def f(self): return "f"
print("6 dict", K.__dict__["x"], type(K.__dict__).__name__, "f" in K.__dict__, "__init__" in K.__dict__)
def set_dict(): K.__dict__["x"] = 1
show("6 item assignment", set_dict)
def del_dict(): del K.__dict__["x"]
show("6 item deletion", del_dict)
show("6 missing key", lambda: K.__dict__["nope"])
print("6 get", K.__dict__.get("nope", "dflt"), K.__dict__.get("x"))
K.y = 20
print("6 setattr updates proxy", K.__dict__["y"], sorted(k for k in K.__dict__ if not k.startswith("__")))
show("6 set attr on int", lambda: setattr(int, "y", 1))
show("6 set attr on object", lambda: setattr(object, "y", 1))
show("6 set attr on type", lambda: setattr(type, "y", 1))
print("6 instance dict vs class", K().__dict__, K.__dict__["f"](None))

# metaclass dunders apply to classes
class Sized(type):
    def __len__(cls): return 42
    def __iter__(cls): return iter(["it", cls.__name__])
    def __contains__(cls, x): return x == "yes"
    def __repr__(cls): return "<Sized class " + cls.__name__ + ">"
    def __add__(cls, o): return cls.__name__ + "+" + str(o)
    def __bool__(cls): return False
    def __eq__(cls, o): return "eq!"
    __hash__ = type.__hash__
class S(metaclass=Sized): pass
print("7 len/iter/in", len(S), list(S), "yes" in S, "no" in S)
print("7 repr/add/bool", S, repr(S), [S], S + 1, bool(S), "t" if S else "f")
print("7 eq", S == 1, {S: 1}[S])
show("7 instance not affected", lambda: len(S()))
class SS(S): pass
print("7 inherited meta dunder", len(SS), SS)
Sized.__call__ = lambda cls, *a: "intercepted call " + cls.__name__
print("7 late __call__ on metaclass", S(), SS(1))
del Sized.__call__
print("7 __call__ deleted", type(S()).__name__)
class CallMeta(type):
    def __call__(cls, *a): return "never constructs"
class NoInit(metaclass=CallMeta):
    def __init__(self): raise RuntimeError("not reached")
print("7 __call__ bypasses init", NoInit())
class Singleton(type):
    inst = {}
    def __call__(cls, *a):
        if cls not in Singleton.inst:
            Singleton.inst[cls] = super().__call__(*a)
        return Singleton.inst[cls]
class One(metaclass=Singleton):
    def __init__(self, v): self.v = v
print("7 singleton", One(1) is One(2), One(3).v)
show("7 instance call", lambda: One(1)())
