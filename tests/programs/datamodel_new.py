# Data model: __new__ and __init__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

log = []
class Tracked:
    def __new__(cls, *args, **kw):
        log.append(("new", cls.__name__, args, kw))
        return object.__new__(cls)
    def __init__(self, a, b=2):
        log.append(("init", a, b))
        self.a, self.b = a, b
t = Tracked(1, b=3)
print("1 order", log, t.a, t.b)
log.clear()
class TrackedSub(Tracked):
    def __new__(cls, *args):
        log.append(("sub new",))
        return super().__new__(cls, *args)
ts = TrackedSub(9)
print("1 super().__new__", log, type(ts).__name__, ts.a)
print("1 __new__ is staticmethod", type(Tracked.__dict__["__new__"]).__name__)
manual = Tracked.__new__(Tracked, 1)
print("1 manual __new__ skips init", hasattr(manual, "a"), type(manual).__name__)

# __new__ returning something else
class Other:
    def __init__(self): self.tag = "other-init"
class Factory:
    def __new__(cls, kind):
        if kind == "int": return 42
        if kind == "other": return Other()
        if kind == "none": return None
        return super().__new__(cls)
    def __init__(self, kind):
        print("  Factory.__init__ ran for", kind)
        self.kind = kind
print("2 int", Factory("int"))
o = Factory("other")
print("2 other", type(o).__name__, o.tag)
print("2 none", Factory("none"))
f = Factory("self")
print("2 self", type(f).__name__, f.kind)
class FSub(Factory): pass
class ReturnsSub:
    def __new__(cls): return object.__new__(ReturnsSubChild)
    def __init__(self): self.inited = "yes"
class ReturnsSubChild(ReturnsSub): pass
print("2 subclass instance -> init runs", ReturnsSub().inited, type(ReturnsSub()).__name__)
print("2 via subclass", type(FSub("x")).__name__, FSub("int"))

# singletons
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.count = 0
        return cls._inst
    def __init__(self): self.count += 1
s1 = Single(); s2 = Single()
print("3 singleton", s1 is s2, s1.count)

# object.__new__ / __init__ argument errors
class NoInit: pass
show("4 no init with args", lambda: NoInit(1))
show("4 no init with kwargs", lambda: NoInit(a=1))
class OnlyNew:
    def __new__(cls, *a): return super().__new__(cls)
print("4 only __new__ accepts args", type(OnlyNew(1, 2)).__name__)
class OnlyInit:
    def __init__(self, x): self.x = x
print("4 only __init__", OnlyInit(5).x)
show("4 init missing arg", lambda: OnlyInit())
show("4 init too many", lambda: OnlyInit(1, 2))
show("4 init bad kw", lambda: OnlyInit(y=1))
class BadNewPass:
    def __new__(cls, *a): return object.__new__(cls, *a)
show("4 object.__new__ with extra args", lambda: BadNewPass(1))
class InitPass:
    def __init__(self, *a): super().__init__(*a)
show("4 object.__init__ with extra args", lambda: InitPass(1))
show("4 object() args", lambda: object(1))
show("4 object.__new__ non-type", lambda: object.__new__(5))
show("4 object.__new__(int)", lambda: object.__new__(int))
class RetVal:
    def __init__(self): return 5
show("4 __init__ returns non-None", lambda: RetVal())
class RetNoneOk:
    def __init__(self): return None
print("4 __init__ returns None ok", type(RetNoneOk()).__name__)
class NewMissing:
    def __new__(cls, x): return super().__new__(cls)
show("4 __new__ missing arg", lambda: NewMissing())

# immutable subclasses built in __new__
class Pos(int):
    def __new__(cls, v): return super().__new__(cls, abs(v))
p = Pos(-5)
print("5 Pos", p, repr(p), type(p).__name__, p == 5, isinstance(p, int))
print("5 Pos arithmetic", p + 1, type(p + 1).__name__, type(-p).__name__, type(p * p).__name__, type(abs(p)).__name__)
print("5 Pos in containers", [p], {p: "v"}[5], str(p), f"{p:03d}", hex(p))
class Upper(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
    def shout(self): return self + "!"
u = Upper("hey")
print("5 Upper", u, repr(u), type(u).__name__, u.shout(), type(u.shout()).__name__, type(u[0]).__name__, type(u.lower()).__name__)
class Pair(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    def swap(self): return Pair(self[1], self[0])
pr = Pair(1, 2)
print("5 Pair", pr, pr.swap(), len(pr), type(pr + (3,)).__name__, type(pr[:1]).__name__, pr == (1, 2))
x, y = pr
print("5 Pair unpack", x, y)
class Rounded(float):
    def __new__(cls, v, nd=1): return super().__new__(cls, round(v, nd))
r = Rounded(3.14159)
print("5 Rounded", r, Rounded(2.71828, 3), type(r * 2).__name__, r * 2)
class InitInt(int):
    def __init__(self, v): self.orig = v
show("5 int sub with only __init__", lambda: (InitInt("12"), InitInt("12").orig))
class BadInt(int):
    def __init__(self, v): super().__init__(v)
show("5 int sub super().__init__(v)", lambda: BadInt(3))
class IntExtra(int):
    def __new__(cls, v, unit): 
        obj = super().__new__(cls, v)
        obj.unit = unit
        return obj
ie = IntExtra(3, "m")
print("5 extra attribute", ie, ie.unit, ie + 1)
show("5 int.__new__ non-subtype", lambda: int.__new__(str, 5))
show("5 str.__new__ of int", lambda: str.__new__(Pos, "x"))
print("5 int.__new__(Pos, '7')", int.__new__(Pos, "7"), type(int.__new__(Pos, "7")).__name__)
class ListSub(list):
    def __new__(cls, *a): return super().__new__(cls)
    def __init__(self, *a): super().__init__(a)
print("5 list sub", ListSub(1, 2, 3), type(ListSub()).__name__)
class DictSub(dict):
    def __init__(self, **kw): super().__init__(sorted(kw.items()))
print("5 dict sub", DictSub(b=1, a=2), list(DictSub(z=0, y=1)))
class BoolLike(int):
    def __new__(cls, v): return super().__new__(cls, 1 if v else 0)
    def __repr__(self): return "Yes" if self else "No"
print("5 BoolLike", BoolLike("x"), BoolLike(""), [BoolLike(1)], BoolLike(1) + 1)

# __new__ assigned after class creation / deleted
class L:
    def __init__(self, *a): self.args = a
print("6 before", L(1).args)
L.__new__ = staticmethod(lambda cls, *a: "late new " + str(a))
print("6 assigned", L(1, 2))
L.__new__ = lambda cls, *a: object.__new__(cls)
print("6 plain function auto-static?", type(L(3)).__name__)
del L.__new__
print("6 deleted", type(L()).__name__, L().args)
class LI(int): pass
LI.__new__ = staticmethod(lambda cls, v: int.__new__(cls, v * 100))
print("6 int sub late", LI(2), type(LI(2)).__name__)
del LI.__new__
print("6 int sub deleted", LI(2))
L = type("L", (), {"__init__": lambda self, *a: setattr(self, "args", a)})
print("6 fresh class", L(4).args)
L.__init__ = lambda self, *a: setattr(self, "args", ("late init",) + a)
print("6 init replaced", L(5).args)
del L.__init__
show("6 init deleted -> object", lambda: L(5))
print("6 init deleted no args", type(L()).__name__)

# __init__ called again explicitly; __new__ with cls of subclass
class Re:
    def __init__(self, v): self.v = v
re_ = Re(1); re_.__init__(2)
print("7 reinit", re_.v)
class NewLog:
    def __new__(cls):
        print("  NewLog.__new__ got", cls.__name__)
        return super().__new__(cls)
class NewLogSub(NewLog): pass
print("7 sub", type(NewLogSub()).__name__)
print("7 type call", type(type.__call__(Re, 3)).__name__, type.__call__(Re, 3).v)
