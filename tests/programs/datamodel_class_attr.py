# Data model: __class__, type(), isinstance/issubclass, __instancecheck__/__subclasscheck__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print("1 literals", (1, 2).__class__, (5).__class__, 'x'.__class__, None.__class__, [].__class__)
print("1 more", {}.__class__, set().__class__, (1.5).__class__, True.__class__, (2 ** 80).__class__)
print("1 callables", len.__class__.__name__, (lambda: 0).__class__.__name__, print.__class__.__name__, [].append.__class__.__name__)
print("1 types", int.__class__, type.__class__, object.__class__, type(None).__class__)
print("1 misc", range(3).__class__.__name__, slice(1).__class__.__name__, Ellipsis.__class__.__name__, NotImplemented.__class__.__name__)
print("1 exception", ValueError("x").__class__.__name__, ValueError.__class__.__name__, KeyError().__class__.__mro__[1].__name__)

def gen():
    yield 1
class K:
    def meth(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
k = K()
print("2 iterators", iter([]).__class__.__name__, iter(()).__class__.__name__, iter(range(2)).__class__.__name__, iter({}).__class__.__name__)
print("2 more iterators", iter({}.values()).__class__.__name__, iter(set()).__class__.__name__, reversed([]).__class__.__name__)
print("2 builtin objs", enumerate([]).__class__.__name__, zip().__class__.__name__, map(abs, []).__class__.__name__, filter(None, []).__class__.__name__)
print("2 views", {}.keys().__class__.__name__, {}.values().__class__.__name__, {}.items().__class__.__name__)
print("2 generator", gen().__class__.__name__, gen.__class__.__name__, (x for x in []).__class__.__name__)
print("2 methods", k.meth.__class__.__name__, K.meth.__class__.__name__, K.cm.__class__.__name__, K.sm.__class__.__name__)
print("2 builtin methods", "".join.__class__.__name__, str.join.__class__.__name__)
print("2 property/super", property().__class__.__name__, K.__dict__.__class__.__name__)
print("2 type of class", K.__class__.__name__, k.__class__.__name__, k.__class__ is K)

class Sub(int): pass
class SubSub(Sub): pass
class B(K): pass
vals = [0, 1, True, False, 1.5, "s", None, [], (), {}, k, B(), Sub(3), SubSub(4), K, int, len, gen()]
print("3 type(x) is x.__class__", all(type(v) is v.__class__ for v in vals), len(vals))
print("3 bool class", type(True) is bool, True.__class__ is bool, type(True) is int, isinstance(True, int))
print("3 sub class", type(Sub(3)).__name__, Sub(3).__class__.__name__, type(Sub(3) + 1).__name__, type(SubSub(1)).__mro__[1].__name__)
print("3 class compare", type(1) == int, type(1) is int, type(1) != float, type(k) is not B)

# isinstance / issubclass
b = B()
print("4 isinstance", isinstance(b, B), isinstance(b, K), isinstance(b, object), isinstance(k, B))
print("4 tuple", isinstance(b, (int, K)), isinstance(1, (str, (float, int))), isinstance(1, ()))
print("4 builtins", isinstance(True, int), isinstance(1, float), isinstance(Sub(1), int), isinstance(int, type), isinstance(type, object))
print("4 issubclass", issubclass(B, K), issubclass(K, B), issubclass(B, B), issubclass(bool, int), issubclass(SubSub, (str, Sub)))
print("4 object/type", issubclass(type, object), issubclass(object, type), isinstance(object, type), isinstance(None, type(None)))
show("4 issubclass non-class", lambda: issubclass(1, int))
show("4 isinstance bad second", lambda: isinstance(1, 1))
show("4 issubclass bad second", lambda: issubclass(int, "x"))
show("4 isinstance list of types", lambda: isinstance(1, [int]))
print("4 exception classes", issubclass(KeyError, LookupError), isinstance(KeyError(), Exception), issubclass(StopIteration, Exception))

# __instancecheck__ / __subclasscheck__ on a metaclass
calls = []
class Meta(type):
    def __instancecheck__(cls, inst):
        calls.append(("inst", cls.__name__, type(inst).__name__))
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        calls.append(("sub", cls.__name__, sub.__name__))
        return hasattr(sub, "quack")
class Duck(metaclass=Meta): pass
class Mallard:
    quack = True
print("5 instancecheck", isinstance(Mallard(), Duck), isinstance(1, Duck), isinstance(Mallard(), (int, Duck)))
print("5 subclasscheck", issubclass(Mallard, Duck), issubclass(int, Duck), issubclass(Mallard, (str, Duck)))
print("5 calls", calls)
calls.clear()
d = Duck()
print("5 exact type shortcut", isinstance(d, Duck), calls)
class TrueMeta(type):
    def __instancecheck__(cls, inst): return 1
    def __subclasscheck__(cls, sub): return ""
class AlwaysT(metaclass=TrueMeta): pass
print("5 non-bool results", isinstance(5, AlwaysT), issubclass(int, AlwaysT))
class RaiseMeta(type):
    def __instancecheck__(cls, inst): raise ValueError("check failed")
class RM(metaclass=RaiseMeta): pass
show("5 raising check", lambda: isinstance(1, RM))
class DuckErr(Exception, metaclass=Meta): pass
class QuackKey(KeyError):
    quack = True
print("5 issubclass QuackKey DuckErr", issubclass(QuackKey, DuckErr))
try:
    raise QuackKey("k")
except DuckErr:
    print("5 except Duck caught (unexpected)")
except LookupError as e:
    print("5 except clause uses real subclassing", type(e).__name__)
class Instancecheck_on_class:
    def __instancecheck__(self, inst): return True   # on the class itself: ignored for isinstance(x, cls)
print("5 instancecheck on class ignored", isinstance(1, Instancecheck_on_class))
Meta.__instancecheck__ = lambda cls, inst: "late" == inst
print("5 late replaced", isinstance("late", Duck), isinstance(Mallard(), Duck))
del Meta.__instancecheck__
print("5 deleted", isinstance(Mallard(), Duck), isinstance(d, Duck))
show("5 isinstance instance as class", lambda: isinstance(1, Instancecheck_on_class()))

# __class__ assignment
class A1:
    def who(self): return "A1"
class A2:
    def who(self): return "A2"
a = A1(); a.data = 5
a.__class__ = A2
print("6 class assignment", a.data)
class L1(list): pass
class L2(list):
    def __len__(self): return 99
l1 = L1([1]); l1.__class__ = L2
print("6 list subclass swap", list(l1))
class Proxy:
    @property
    def __class__(self): return int
px = Proxy()
print("6 __class__ property", type(px).__name__, isinstance(px, Proxy))
