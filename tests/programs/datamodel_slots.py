# Data model: __slots__, __init_subclass__, __class_getitem__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
p = P(1, 2)
print("1 slots values", p.x, p.y)
p.x = 10
print("1 slot assign", p.x)
show("1 no __dict__", lambda: p.__dict__)
show("1 other attr set", lambda: setattr(p, "z", 3))
show("1 other attr get", lambda: p.z)
del p.y
show("1 deleted slot read", lambda: p.y)
try:
    del p.y
except AttributeError:
    print("1 deleted slot del again -> AttributeError")
p.y = 5
print("1 slot reassigned", p.y)
print("1 hasattr", hasattr(p, "x"), hasattr(p, "z"), hasattr(P(0, 0), "__dict__"))
e = P.__new__(P)
show("1 unset slot", lambda: e.x)
print("1 slot descriptors", type(P.__dict__["x"]).__name__, P.x.__name__, "x" in P.__dict__)
print("1 slots attr", P.__slots__, getattr(P.__dict__["y"].__get__(p, P), "real"))
print("1 descriptor get", P.__dict__["x"].__get__(p, P))
P.__dict__["x"].__set__(p, 77)
print("1 descriptor set", p.x)
show("1 vars on slotted", lambda: vars(p))

class Str1:
    __slots__ = "only"
s1 = Str1(); s1.only = "one"
print("2 string slots", s1.only, Str1.__slots__)
show("2 string slots other", lambda: setattr(s1, "o", 1))
class Empty:
    __slots__ = ()
show("2 empty slots set", lambda: setattr(Empty(), "a", 1))
show("2 empty slots dict", lambda: Empty().__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict(); w.a = 1; w.b = 2
print("2 slots + __dict__", w.a, w.b)
show("2 class var conflict", lambda: type("Conf", (), {"__slots__": ("v",), "v": 1}))
show("2 duplicate dict slot", lambda: type("DD", (), {"__slots__": ("__dict__", "__dict__")}))
show("2 bad slot name", lambda: type("BN", (), {"__slots__": ("1abc",)}))
show("2 slot non-str", lambda: type("NS", (), {"__slots__": (1,)}))
class Class_default:
    __slots__ = ("v",)
    def get(self): return getattr(self, "v", "no-v")
print("2 getattr default on empty slot", Class_default().get())

# inheritance
class Base:
    __slots__ = ("a",)
class Derived(Base):
    __slots__ = ("b",)
d = Derived(); d.a = 1; d.b = 2
print("3 inherited slots", d.a, d.b, Derived.__slots__)
show("3 derived other", lambda: setattr(d, "c", 3))
class Open(Base):
    pass
o = Open(); o.a = 1; o.anything = 2
print("3 subclass without slots has dict", o.a, o.anything)
class NoSlotBase:
    pass
class SlotOnTop(NoSlotBase):
    __slots__ = ("s",)
st = SlotOnTop(); st.s = 1; st.free = 2
print("3 base without slots gives dict", st.s, st.free)
class Weak:
    __slots__ = ("__weakref__",)
print("3 weakref slot", Weak.__slots__, hasattr(Weak(), "__dict__"))
class Shadow(Base):
    __slots__ = ("a",)
sh = Shadow(); sh.a = "shadow"
print("3 re-declared slot", sh.a)

# slots on builtin subclasses
class SInt(int):
    __slots__ = ()
show("4 int sub empty slots", lambda: setattr(SInt(1), "x", 1))
print("4 int sub value", SInt(5) + 1, SInt(5))
show("4 int sub nonempty slots", lambda: type("NE", (int,), {"__slots__": ("x",)}))
class STuple(tuple):
    __slots__ = ()
print("4 tuple sub", STuple((1, 2)), len(STuple((1, 2))))
show("4 tuple sub attr", lambda: setattr(STuple(), "q", 1))
class SList(list):
    __slots__ = ("tag",)
sl = SList([1, 2]); sl.tag = "t"
print("4 list sub slots", sl, sl.tag)
show("4 list sub other", lambda: setattr(sl, "other", 1))
class SDict(dict):
    __slots__ = ("meta",)
sd = SDict(a=1); sd.meta = "m"
print("4 dict sub slots", sd, sd.meta)
class SStr(str):
    __slots__ = ()
show("4 str sub slots", lambda: setattr(SStr("x"), "y", 1))

# slots assigned late have no effect
class LateSlots:
    pass
LateSlots.__slots__ = ("only",)
ls = LateSlots(); ls.other = 1
print("5 late __slots__ ignored", ls.other, ls.__dict__)

# __init_subclass__
registry = []
class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))
        cls.plugin_name = name or cls.__name__.lower()
class A(Plugin, name="alpha"): pass
class B(Plugin): pass
class C(A, name="gamma"): pass
print("6 registry", registry)
print("6 names", A.plugin_name, B.plugin_name, C.plugin_name, Plugin.__dict__.get("plugin_name"))
show("6 unexpected kw", lambda: type("X", (Plugin,), {}, bogus=1))
def bad_kw():
    class Y(Plugin, other=1): pass
show("6 unexpected kw stmt", bad_kw)
def obj_kw():
    class Z(flag=True): pass
show("6 object.__init_subclass__ kw", obj_kw)
class Implicit:
    def __init_subclass__(cls): cls.marked = True   # implicit classmethod
class Sub(Implicit): pass
print("6 implicit classmethod", Sub.marked, type(Implicit.__dict__["__init_subclass__"]).__name__, hasattr(Implicit, "marked"))
class Chain(Implicit):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.chain = kw
class Sub2(Chain, k="v"): pass
print("6 chained", Sub2.marked, Sub2.chain, hasattr(Chain, "chain"))
class IntSub(int):
    def __init_subclass__(cls, mult=1):
        cls.mult = mult
class Triple(IntSub, mult=3): pass
print("6 int sub init_subclass", Triple(2) * Triple.mult, Triple.mult)
order = []
class Ord:
    def __init_subclass__(cls):
        order.append(("init_subclass", sorted(k for k in cls.__dict__ if not k.startswith("__"))))
class Desc:
    def __set_name__(self, o, n): order.append(("set_name", n))
class OrdSub(Ord):
    z = Desc()
    y = 1
print("6 set_name before init_subclass", order)

# __class_getitem__
class Gen:
    def __class_getitem__(cls, item): return ("generic", cls.__name__, item)
print("7 class_getitem", Gen[int], Gen[int, str], Gen["x"])
class GSub(Gen): pass
print("7 inherited", GSub[float])
print("7 implicit classmethod", type(Gen.__dict__["__class_getitem__"]).__name__)
show("7 instance not subscriptable", lambda: Gen()[int])
show("7 class without", lambda: B[int])
class GetitemInstance:
    def __getitem__(self, k): return "instance " + str(k)
    def __class_getitem__(cls, k): return "class " + k.__name__
print("7 instance vs class", GetitemInstance()[1], GetitemInstance[int])
class Meta(type):
    def __getitem__(cls, k): return "meta getitem"
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, k): return "class_getitem"
print("7 metaclass __getitem__ wins", WithMeta[0])
print("7 builtin generics", list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print("7 generic alias origin", list[int].__origin__ is list, list[int].__args__, list[int]([1, 2]))
class ListSub(list): pass
print("7 list sub generic", ListSub[int].__origin__ is ListSub, ListSub[int]([3]))
Late = type("Late", (), {})
show("7 late before", lambda: Late[int])
Late.__class_getitem__ = classmethod(lambda cls, k: "late " + cls.__name__)
show("7 late assigned", lambda: Late[int])
del Late.__class_getitem__
show("7 late deleted", lambda: Late[int])
