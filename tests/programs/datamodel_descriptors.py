# Data model: descriptors, property, classmethod, staticmethod, functions as descriptors.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

log = []
class Data:
    def __set_name__(self, owner, name):
        log.append(("set_name", owner.__name__, name))
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "Data on class " + objtype.__name__
        return "data-get " + str(obj.__dict__.get("_" + self.name, "unset"))
    def __set__(self, obj, value):
        log.append(("set", self.name, value))
        obj.__dict__["_" + self.name] = value
    def __delete__(self, obj):
        log.append(("delete", self.name))
        obj.__dict__.pop("_" + self.name, None)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata-get" if obj is not None else "nondata on class"
class SetOnly:
    def __set__(self, obj, value): obj.__dict__["so"] = "stored " + str(value)

class Host:
    d = Data()
    nd = NonData()
    so = SetOnly()
    other = Data()
print("1 set_name", log)
log.clear()
h = Host()
print("1 get", h.d, Host.d, Host.nd, h.nd)
h.d = 5
print("1 set", h.d, h.__dict__, log)
h.__dict__["d"] = "in dict"
print("1 data beats instance dict", h.d)
h.__dict__["nd"] = "in dict"
print("1 instance dict beats non-data", h.nd)
del h.d
print("1 delete", h.d, log[-1])
h.so = 3
print("1 set-only descriptor: dict wins on read", h.so, Host.__dict__["so"].__class__.__name__)
h2 = Host()
print("1 set-only no dict entry returns descriptor", type(h2.so).__name__)
print("1 vars", sorted(h.__dict__))
h.nd = "assign non-data"
print("1 assign over non-data", h.nd, Host.nd)
show("1 delete non-data absent", lambda: delattr(Host(), "nd"))
try:
    delattr(Host(), "so")
except AttributeError as e:
    print("1 delete set-only -> AttributeError")
Host.d = "replaced on class"
print("1 class assignment replaces descriptor", Host.d, h.d)

# __set_name__ timing and late attachment
class Late:
    pass
late = Data()
Late.x = late
print("2 late attach no set_name", hasattr(late, "name"))
late.__set_name__(Late, "x")
lo = Late(); lo.x = 4
print("2 late attach works", lo.x)
class SN:
    def __set_name__(self, owner, name): raise ValueError("boom " + name)
def make_bad():
    class Bad:
        attr = SN()
    return Bad
show("2 set_name error", make_bad)
names = []
class Rec:
    def __set_name__(self, owner, name): names.append(name)
class Multi:
    a = Rec(); b = Rec()
    c = d = Rec()
print("2 set_name names", names)

# property
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self): self._c = "deleted"
    @property
    def ro(self): return "read-only"
    f = property(lambda s: s._c * 9 // 5 + 32)
t = Temp()
t.c = 100
print("3 property", t.c, t.f, Temp.c.__doc__, type(Temp.c).__name__)
show("3 setter validation", lambda: setattr(t, "c", -300))
del t.c
print("3 deleter", t._c)
show("3 set read-only", lambda: setattr(t, "ro", 1))
show("3 del read-only", lambda: delattr(t, "ro"))
show("3 set lambda property", lambda: setattr(t, "f", 1))
t.__dict__["c"] = "shadow"
print("3 property beats dict", t.c == "deleted")
print("3 property on class", Temp.ro.fget(t), Temp.c.fset is not None, Temp.ro.fset)
class PSub(Temp):
    @Temp.c.getter
    def c(self): return "sub-getter " + str(self._c)
ps = PSub(); ps.c = 7
print("3 property getter copy", ps.c, Temp().c)
class RaisingProp:
    @property
    def p(self): raise AttributeError("inner")
    def __getattr__(self, n): return "getattr fallback " + n
print("3 property AttributeError -> __getattr__", RaisingProp().p)
class PI(int):
    @property
    def double(self): return self * 2
    real = property(lambda s: "overridden real")
print("3 property on int sub", PI(4).double, PI(4).real, (4).real)
class PS(str):
    upper = property(lambda s: "prop-upper")
print("3 property on str sub", PS("a").upper, PS("a").lower())

# classmethod / staticmethod
class M:
    count = 0
    @classmethod
    def make(cls, v): return (cls.__name__, v)
    @staticmethod
    def util(a, b): return a + b
    def inst(self): return type(self).__name__
class MSub(M): pass
print("4 classmethod", M.make(1), M().make(2), MSub.make(3), MSub().make(4))
print("4 staticmethod", M.util(1, 2), M().util(3, 4), MSub.util("a", "b"))
print("4 types", type(M.__dict__["make"]).__name__, type(M.__dict__["util"]).__name__, type(M.make).__name__, type(M.util).__name__)
print("4 __func__", M.__dict__["make"].__func__.__name__, M.__dict__["util"].__func__(5, 6))
print("4 bound classmethod __self__", M.make.__self__ is M, MSub().make.__self__ is MSub)
show("4 unbound call missing self", lambda: M.inst())
print("4 unbound call explicit", M.inst(MSub()))
M.late_cm = classmethod(lambda cls: "late cm " + cls.__name__)
M.late_sm = staticmethod(lambda: "late sm")
print("4 late", MSub.late_cm(), M().late_sm())
del M.late_cm
show("4 late deleted", lambda: MSub.late_cm())
class FromInt(int):
    @classmethod
    def parse(cls, s): return cls(int(s) * 2)
print("4 classmethod on int sub", FromInt.parse("21"), type(FromInt.parse("1")).__name__)
print("4 builtin classmethod", dict.fromkeys("ab"))

# functions as descriptors
def free(self, x=0): return ("free", type(self).__name__, x)
class F:
    pass
f = F()
F.m = free
print("5 attach function", f.m(2), F.m(f, 3), type(F.m).__name__, type(f.m).__name__)
print("5 bound equality", f.m is f.m, f.m.__func__ is F.__dict__["m"])
f.inst_fn = free
show("5 instance function not bound", lambda: f.inst_fn())
print("5 instance function explicit", f.inst_fn(f, 9))
print("5 method __name__", f.m.__name__, F.m.__name__, F.m.__qualname__)
class W:
    def meth(self): return "meth"
print("5 method qualname", W.meth.__qualname__, W().meth.__qualname__)
print("5 builtin method desc", type(list.append).__name__, type([].append).__name__, type(str.__dict__["upper"]).__name__)
print("5 list.append unbound", (lambda l: (list.append(l, 1), l)[1])([0]))
print("5 lambda as method", type("Q", (), {"f": lambda s: "lam"})().f())
print("5 callable object not bound", type("Q2", (), {"f": type("Call", (), {"__call__": lambda s, *a: len(a)})()})().f())

# descriptor on class with instance None, and on metaclass
class Meta(type):
    @property
    def kind(cls): return "meta-prop " + cls.__name__
class UsesMeta(metaclass=Meta): pass
print("6 metaclass property", UsesMeta.kind, hasattr(UsesMeta(), "kind"))
class Tracer:
    def __get__(self, obj, typ): return (obj is None, typ.__name__)
class TA:
    t = Tracer()
class TB(TA): pass
print("6 instance None", TA.t, TB.t, TA().t, TB().t)
class Lazy:
    def __init__(self, fn): self.fn = fn
    def __get__(self, obj, typ=None):
        if obj is None: return self
        v = self.fn(obj); obj.__dict__[self.fn.__name__] = v; return v
calls = []
class Cached:
    @Lazy
    def val(self): calls.append(1); return 42
cc = Cached()
print("6 lazy (non-data cached in dict)", cc.val, cc.val, len(calls), type(Cached.val).__name__)
Host2 = type("Host2", (), {"d": Data()})
print("6 type() calls set_name", Host2.__dict__["d"].name, Host2.d)
