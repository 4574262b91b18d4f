import abc
import functools
import inspect
import sys


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, "!", type(e).__name__, e)


def plain(a, b=2, *args, c, d=4, **kw) -> int:
    """Doc line one.

        indented more
    last
    """
    return a


def posonly(x, y=1, /, z=2):
    pass


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


class Base(abc.ABC):
    """Base doc."""
    attr = 1

    @abc.abstractmethod
    def run(self, n):
        """Run doc."""

    @property
    def prop(self):
        """Prop doc."""
        return 1

    @classmethod
    def cm(cls, q):
        return q

    @staticmethod
    def sm(r, s=3):
        return r


class Child(Base):
    def run(self, n, *, fast=False):
        return n


class Slotted:
    __slots__ = ("a", "b")


class Callable:
    def __call__(self, p, q=1):
        return p


class WithInit:
    def __init__(self, u, v=None):
        pass


class WithNew:
    def __new__(cls, w, *rest):
        return super().__new__(cls)


def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper


@deco
def wrapped(m, n=5):
    pass


print("-- predicates")
objs = [("plain", plain), ("gen", gen), ("coro", coro), ("agen", agen),
        ("Child", Child), ("Child().run", Child().run), ("Child.run", Child.run),
        ("len", len), ("inspect", inspect), ("1", 1), ("prop", Base.__dict__["prop"]),
        ("partial", functools.partial(gen)), ("lambda", lambda: 0)]
preds = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction",
         "iscoroutinefunction", "isasyncgenfunction", "isroutine", "isbuiltin",
         "isabstract", "isdatadescriptor", "ismethoddescriptor", "isgenerator",
         "iscoroutine", "isasyncgen", "isawaitable", "iscode", "isframe", "istraceback"]
for name, obj in objs:
    print(name, "".join("1" if getattr(inspect, p)(obj) else "0" for p in preds))
g = gen(); c = coro(); a = agen()
print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isasyncgen(a), inspect.isawaitable(c))
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g))
print(inspect.getgeneratorlocals(g)); g.close(); print(inspect.getgeneratorstate(g))
print(inspect.getcoroutinestate(c)); c.close(); print(inspect.getcoroutinestate(c))
show("genlocals", lambda: inspect.getgeneratorlocals(1))
print(inspect.isabstract(Base), inspect.isabstract(Child), inspect.isabstract(1))
print(inspect.iscode(plain.__code__), inspect.isframe(inspect.currentframe()))
print(not hasattr(inspect, "markcoroutinefunction"))

print("-- signature")
for f in [plain, posonly, gen, Child.run, Child().run, Base.cm, Base.sm, Callable(),
          WithInit, WithNew, wrapped, functools.partial(plain, 1, c=3),
          functools.partial(posonly, 1), lambda *, k: k]:
    show(getattr(f, "__name__", type(f).__name__), lambda: inspect.signature(f))
show("unwrapped", lambda: inspect.signature(wrapped, follow_wrapped=False))
show("int", lambda: inspect.signature(1))
sig = inspect.signature(plain)
for p in sig.parameters.values():
    print(" ", repr(p), p.name, p.kind, p.kind.description, p.default is p.empty, p.annotation)
print(sig.return_annotation, sig == inspect.signature(plain), hash(sig) == hash(inspect.signature(plain)))
print(sig.replace(return_annotation=inspect.Signature.empty))
P = inspect.Parameter
print(P("x", P.KEYWORD_ONLY, default=1, annotation=int))
print(P("x", P.POSITIONAL_ONLY).replace(name="y", default=None))
show("badname", lambda: P("1x", P.POSITIONAL_ONLY))
show("kw", lambda: P("def", P.KEYWORD_ONLY))
show("kind", lambda: P("a", 9))
show("vardef", lambda: P("a", P.VAR_POSITIONAL, default=1))
show("notstr", lambda: P(3, P.POSITIONAL_ONLY))
show("order", lambda: inspect.Signature([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)]))
show("dup", lambda: inspect.Signature([P("a", P.POSITIONAL_ONLY), P("a", P.KEYWORD_ONLY)]))
show("default", lambda: inspect.Signature([P("a", P.POSITIONAL_ONLY, default=1), P("b", P.POSITIONAL_ONLY)]))
print(inspect.Signature([P("a", P.POSITIONAL_ONLY), P("b", P.POSITIONAL_OR_KEYWORD),
                         P("c", P.KEYWORD_ONLY)], return_annotation="R"))

print("-- bind")
for args, kwargs in [((1,), {"c": 3}), ((1, 2, 3, 4), {"c": 3, "e": 5}), ((), {"a": 1, "c": 2}),
                     ((1,), {}), ((), {"c": 1}), ((1,), {"a": 2, "c": 3})]:
    show("bind", lambda: sig.bind(*args, **kwargs))
    show("partial", lambda: sig.bind_partial(*args, **kwargs))
ps = inspect.signature(posonly)
show("pos kw", lambda: ps.bind(1, x=2))
show("pos kw2", lambda: ps.bind(x=2))
show("too many", lambda: ps.bind(1, 2, 3, 4))
show("unexpected", lambda: ps.bind(1, q=2))
ba = sig.bind(1, 2, 3, c=4, e=5)
print(ba.args, ba.kwargs, ba.arguments, ba.signature is sig)
ba2 = sig.bind(1, c=4)
ba2.apply_defaults()
print(ba2, ba2.args, ba2.kwargs, ba2 == sig.bind(1, c=4))

print("-- getfullargspec / getcallargs")
print(inspect.getfullargspec(plain))
print(inspect.getfullargspec(Child().run))
show("fas int", lambda: inspect.getfullargspec(1))
print(inspect.getcallargs(plain, 1, c=2))
print(sorted((k, type(v).__name__) for k, v in inspect.getcallargs(Child().run, 5).items()))
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 1}), ((1,), {"y": 2, "x": 3})]:
    show("callargs", lambda: inspect.getcallargs(posonly, *args, **kwargs))


def two(a, b, *, k, m):
    pass


show("missing2", lambda: inspect.getcallargs(two))
show("missingk", lambda: inspect.getcallargs(two, 1, 2))
show("toomany", lambda: inspect.getcallargs(two, 1, 2, 3, k=1))

print("-- members")
print([n for n, v in inspect.getmembers(Child) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print([n for n, v in inspect.getmembers_static(Child) if not n.startswith("__")])
for at in inspect.classify_class_attrs(Child):
    if not at.name.startswith("__") and not at.name.startswith("_abc"):
        print(" ", at.name, at.kind, at.defining_class.__name__)
print(inspect.getmro(Child)[:2])
print(type(inspect.getattr_static(Child(), "prop")).__name__, type(inspect.getattr_static(Child, "cm")).__name__)
show("static", lambda: inspect.getattr_static(Child(), "nope"))
print(inspect.getattr_static(Child(), "nope", "dflt"))

print("-- doc / source")
print(repr(inspect.getdoc(plain)))
print(repr(inspect.getdoc(Child)), repr(inspect.getdoc(Child.run)), repr(inspect.getdoc(Child.prop)))
print(repr(inspect.cleandoc("  a\n    b\n      c\n\n")))
print(repr(inspect.cleandoc("\tx\n\t\ty")))
print(inspect.getsource(posonly), end="")
lines, start = inspect.getsourcelines(Child)
print(start, len(lines), lines[0], end="")
print(inspect.getsource(wrapped), end="")
print(inspect.getmodule(plain).__name__, inspect.getmodule(len).__name__)
print(inspect.getfile(plain) == __file__, inspect.getsourcefile(Child) == __file__)
show("getfile", lambda: inspect.getfile(sys))
show("getfile int", lambda: inspect.getfile(1))
print(inspect.getmodulename("a/b/c.py"), inspect.getmodulename("x.txt"))
print(inspect.unwrap(wrapped) is not wrapped, inspect.unwrap(wrapped).__name__)
cyc = lambda: 0
cyc.__wrapped__ = cyc
try:
    inspect.unwrap(cyc)
except ValueError as e:
    print(str(e).split(" at ")[0])
print(inspect.indentsize("\t  x"))
print(repr(inspect.getcomments(Slotted)))

print("-- frames")
def where():
    fr = inspect.currentframe()
    info = inspect.getframeinfo(fr)
    st = inspect.stack()
    return info.function, info.filename == __file__, st[0].function, st[1].function


print(where())
try:
    1 / 0
except ZeroDivisionError:
    tr = inspect.trace()
    print(len(tr), tr[0].function, tr[0].code_context)

print("-- closures")
X = 10


def outer():
    y = 2

    def inner():
        return y + X + len([]) + undefined_name  # noqa
    return inner


cv = inspect.getclosurevars(outer())
print(cv.nonlocals, cv.globals, list(cv.builtins), cv.unbound)
show("closure", lambda: inspect.getclosurevars(len))
print(inspect.getargvalues(inspect.currentframe()).args)
print(inspect.formatargvalues(["a", "b"], "c", None, {"a": 1, "b": "x", "c": (2,)}))
print(inspect.get_annotations(plain))


def annotated(a: int, b=1, *c: str, d, e: float = 2, **g: list) -> int:
    pass


print(inspect.getfullargspec(annotated))
print(inspect.signature(annotated))
