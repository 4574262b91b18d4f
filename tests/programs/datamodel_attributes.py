# Data model: __getattr__, __getattribute__, __setattr__, __delattr__, __dict__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class C:
    cls_attr = "class-level"
    def method(self): return "method"
c = C()
c.x = 1
print("1 basic", c.x, c.cls_attr, c.method(), sorted(c.__dict__.items()))
show("1 missing attr", lambda: c.y)
show("1 missing class attr", lambda: C.y)
show("1 missing on int", lambda: (1).foo)
show("1 missing on str", lambda: "s".foo)
show("1 missing on None", lambda: None.foo)
show("1 missing on list", lambda: [].foo)
show("1 missing on module-level func", lambda: show.foo)
show("1 set on int", lambda: setattr(1, "x", 2))
show("1 set on object()", lambda: setattr(object(), "x", 2))
show("1 set on builtin type", lambda: setattr(int, "x", 2))
show("1 set on list", lambda: setattr([], "append", 2))
show("1 del missing", lambda: delattr(c, "nope"))
show("1 getattr non-str name", lambda: getattr(c, 1))
print("1 getattr default", getattr(c, "nope", "dflt"), getattr(c, "x", "dflt"))
print("1 hasattr", hasattr(c, "x"), hasattr(c, "nope"), hasattr(C, "method"), hasattr(1, "real"))
setattr(c, "dyn", 5); print("1 setattr", c.dyn, c.__dict__["dyn"])
delattr(c, "dyn"); print("1 delattr", hasattr(c, "dyn"))
c.__dict__["raw"] = "via dict"; print("1 dict write", c.raw)
print("1 instance shadows class", (lambda o: (setattr(o, "cls_attr", "inst"), o.cls_attr, C.cls_attr)[1:])(C()))
c.method = lambda: "instance callable"
print("1 instance shadows method", c.method(), C().method())
print("1 class __dict__ has", "method" in C.__dict__, "x" in C.__dict__, type(C.__dict__).__name__)
show("1 vars(c) keys", lambda: sorted(vars(c)))
show("1 vars(1)", lambda: vars(1))
class E(Exception): pass
e = E("m"); e.extra = 3
print("1 exception attrs", e.extra, e.args)
def fn(): pass
fn.tag = "tagged"
print("1 function attrs", fn.tag, fn.__name__, "tag" in fn.__dict__)

# __getattr__ only called for missing attributes
class G:
    real = "real"
    def __init__(self): self.inst = "inst"
    def __getattr__(self, name):
        if name.startswith("no"): raise AttributeError("custom: " + name)
        return "virtual:" + name
g = G()
print("2 getattr", g.real, g.inst, g.anything, getattr(g, "other"), hasattr(g, "zzz"))
show("2 getattr raises", lambda: g.nothing)
print("2 hasattr false", hasattr(g, "nope"), getattr(g, "nope", "default-used"))
class GErr:
    def __getattr__(self, name): raise KeyError(name)
show("2 hasattr propagates non-AttributeError", lambda: hasattr(GErr(), "a"))
show("2 getattr default doesn't catch", lambda: getattr(GErr(), "a", 1))

# __getattribute__ intercepts everything
class GA:
    cls = "cls"
    def __init__(self): object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        if name == "secret": return "intercepted"
        if name == "fail": raise AttributeError("GA fail")
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return "fallback:" + name
    def m(self): return "m-called"
ga = GA()
print("3 getattribute", ga.secret, ga.cls, ga.m(), ga.fail, ga.unknown)
print("3 log", object.__getattribute__(ga, "log"))
class GASuper:
    def __getattribute__(self, name):
        return "S:" + super().__getattribute__(name) if name == "v" else super().__getattribute__(name)
gs = GASuper(); gs.v = "val"
print("3 super getattribute", gs.v, getattr(gs, "v"))
class Everything:
    def __getattribute__(self, name): return "always " + name
ev = Everything()
print("3 everything", ev.x, ev.__dict__, ev.__class__, type(ev).__name__)
show("3 no getattr fallback", lambda: GASuper().missing)

# __setattr__ / __delattr__
class Rec:
    def __init__(self):
        object.__setattr__(self, "ops", [])
        self.a = 1
    def __setattr__(self, name, value):
        self.ops.append(("set", name, value))
        if name == "frozen": raise AttributeError("frozen is read-only")
        super().__setattr__(name, value * 10 if isinstance(value, int) else value)
    def __delattr__(self, name):
        self.ops.append(("del", name))
        if name == "keep": raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)
r = Rec()
r.b = 2; setattr(r, "c", 3); r.b += 1
print("4 setattr", r.a, r.b, r.c)
del r.c; delattr(r, "a")
print("4 ops", r.ops)
show("4 setattr raises", lambda: setattr(r, "frozen", 1))
show("4 delattr raises", lambda: delattr(r, "keep"))
def del_missing():
    del r.zz
show("4 del missing via object", del_missing)
print("4 dict after", sorted(k for k in r.__dict__))
class Const:
    def __setattr__(self, n, v): raise TypeError("Const is immutable")
show("4 immutable", lambda: setattr(Const(), "x", 1))
def aug():
    k = Const(); k.y += 1
show("4 aug on immutable", aug)

# builtin subclasses
class MyList(list):
    def __getattr__(self, name): return "list-virtual:" + name
ml = MyList([1])
print("5 list sub", ml.foo, callable(ml.append), len(ml), ml.count(1))
ml.extra = 9
print("5 list sub has dict", ml.extra, ml.__dict__)
class MyStr(str):
    def __getattribute__(self, name):
        if name == "upper": return lambda: "HIJACKED"
        return str.__getattribute__(self, name)
print("5 str sub", MyStr("a").upper(), MyStr("a").lower(), MyStr("ab") + "c")
class MyInt(int):
    def __setattr__(self, n, v): object.__setattr__(self, n, ("wrapped", v))
mi = MyInt(3); mi.tag = 1
print("5 int sub", mi.tag, mi + 1, mi.real)
class MyDict(dict):
    def __getattr__(self, k):
        try: return self[k]
        except KeyError: raise AttributeError(k)
    def __setattr__(self, k, v): self[k] = v
md = MyDict(a=1); md.b = 2
print("5 attrdict", md.a, md.b, sorted(md.items()), md.__dict__, hasattr(md, "zz"))
show("5 list method missing", lambda: [].nothing)
show("5 dict sub missing", lambda: md.zz)

# late assignment / replacement / deletion
class L:
    def __init__(self): self.present = "present"
l = L()
show("6 before", lambda: l.absent)
L.__getattr__ = lambda s, n: "late getattr " + n
show("6 getattr assigned", lambda: l.absent)
print("6 present unaffected", l.present)
L.__getattr__ = lambda s, n: "replaced " + n
show("6 getattr replaced", lambda: l.absent)
del L.__getattr__
show("6 getattr deleted", lambda: l.absent)
L.__getattribute__ = lambda s, n: "GA " + n
print("6 getattribute assigned", l.present, l.absent)
del L.__getattribute__
print("6 getattribute deleted", l.present)
L.__setattr__ = lambda s, n, v: object.__setattr__(s, n, "late-" + str(v))
l.q = 1
print("6 setattr assigned", l.q)
del L.__setattr__
l.q = 2
print("6 setattr deleted", l.q)
L.__delattr__ = lambda s, n: print("6 delattr intercepted", n)
del l.q
print("6 still there", l.q)
del L.__delattr__
del l.q
print("6 really deleted", hasattr(l, "q"))
class LS(str): pass
LS.__getattr__ = lambda s, n: "LS " + n
print("6 str sub late", LS("x").whatever, LS("x").upper())
del LS.__getattr__
show("6 str sub deleted", lambda: LS("x").whatever)

# __dict__ manipulation and class attributes
class K:
    shared = []
k1, k2 = K(), K()
k1.shared.append(1)
print("7 shared mutable", k2.shared, K.shared)
k1.shared = ["own"]
print("7 rebinding", k1.shared, k2.shared, "shared" in k1.__dict__, "shared" in k2.__dict__)
K.added = "later"
print("7 class attr added later", k1.added, k2.added)
del K.added
show("7 class attr removed", lambda: k1.added)
k1.__dict__ = {"fresh": 1}
print("7 replace __dict__", k1.fresh, hasattr(k1, "shared"), k1.shared)
show("7 __dict__ non-dict", lambda: setattr(k1, "__dict__", 5))
show("7 del class attr via instance", lambda: delattr(k2, "shared"))
print("7 dir contains", "fresh" in dir(k1), "shared" in dir(k1), "__init__" in dir(k1))
print("7 getattr special", getattr(k1, "__class__").__name__, getattr(K, "__name__"))
show("7 type attr text", lambda: K.nothing)
show("7 super missing", lambda: super(K, k1).nothing)
