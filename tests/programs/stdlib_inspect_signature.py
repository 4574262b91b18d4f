# inspect.signature / Signature / Parameter / BoundArguments
import inspect
import functools
import dataclasses
from inspect import Parameter, Signature, signature


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


class Point:
    pass


def plain(a, b, c):
    pass


def posonly(a, b=2, /, c=3, *, d, e=5):
    pass


def star(*args, **kwargs):
    pass


def mixed(a, /, b, *rest, key=None, **extra) -> str:
    pass


def annotated(x: int, y: 'Point' = None, z: Point = Point, *w: str, **kw: float) -> 'list[int]':
    pass


def generic(items: list[int], mapping: dict[str, tuple] = {}) -> None:
    pass


def kwonly(*, a, b=1):
    pass


def defaults(a=1, b='x', c=None, d=(1, 2), e=[3]):
    pass


for f in (plain, posonly, star, mixed, annotated, generic, kwonly, defaults,
          lambda: 0, lambda x, *y, z=3: 0):
    print(f.__name__, signature(f))


class Widget:
    """A widget."""

    def __init__(self, name, size=1, *, color='red'):
        self.name = name

    def method(self, a, b=2):
        pass

    @classmethod
    def make(cls, spec, /):
        pass

    @staticmethod
    def helper(x, y):
        pass

    def __call__(self, event, *args):
        pass


w = Widget('w')
print('class', signature(Widget))
print('unbound', signature(Widget.method))
print('bound', signature(w.method))
print('classmethod', signature(Widget.make))
print('staticmethod', signature(Widget.helper))
print('callable instance', signature(w))
print('repr', repr(signature(w.method)))


class WithNew:
    def __new__(cls, a, b=0):
        return super().__new__(cls)


class Sub(Widget):
    pass


class Empty:
    pass


class Meta(type):
    def __call__(cls, m1, m2=3):
        return 1


class ViaMeta(metaclass=Meta):
    def __init__(self, ignored):
        pass


class InitAfterNew(WithNew):
    def __init__(self, c):
        pass


class InheritsBoth(InitAfterNew):
    pass


print('new', signature(WithNew), signature(InitAfterNew), signature(InheritsBoth))
print('inherited init', signature(Sub))
print('empty class', signature(Empty))
print('metaclass call', signature(ViaMeta))


@dataclasses.dataclass
class Record:
    x: int
    y: str = 'a'
    z: list = dataclasses.field(default_factory=list)


print('dataclass', signature(Record))

# partials
p1 = functools.partial(mixed, 1)
p2 = functools.partial(plain, 1, c=3)
p3 = functools.partial(posonly, 1, 2, d=4)
p4 = functools.partial(star, 1, x=2)
p5 = functools.partial(defaults, b='y')
for p in (p1, p2, p3, p4, p5):
    show('partial', lambda: signature(p))
try:
    signature(functools.partial(plain, 1, 2, 3, 4))
except ValueError as e:
    print('bad partial', str(e).endswith('has incorrect arguments'), type(e.__cause__).__name__)


class Handler:
    def handle(self, a, b, *, c=1):
        pass

    quick = functools.partialmethod(handle, 1)
    keyed = functools.partialmethod(handle, c=5)


print('partialmethod', signature(Handler.quick), signature(Handler().quick))
print('partialmethod kw', signature(Handler.keyed))


# wraps / __wrapped__ / __signature__
def decorator(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@decorator
def decorated(alpha, beta=2, *, gamma):
    pass


print('wrapped', signature(decorated))
print('not followed', signature(decorated, follow_wrapped=False))
print('unwrap', inspect.unwrap(decorated).__name__)


def custom():
    pass


custom.__signature__ = Signature([Parameter('q', Parameter.KEYWORD_ONLY, default=9)])
print('__signature__', signature(custom))
custom.__signature__ = 'bogus'
show('bad __signature__', lambda: signature(custom))

# not callable / builtins
show('not callable', lambda: signature(42))
show('builtin getattr', lambda: signature(getattr))
show('type', lambda: signature(type))
print('object', signature(object))
show('builtin type', lambda: signature(int))


class MyError(Exception):
    pass


show('builtin subclass', lambda: signature(MyError))


class MyList(list):
    def __init__(self, items, flag=False):
        super().__init__(items)


print('list subclass', signature(MyList))


async def coro(a, *, b=1):
    pass


def gen(n):
    yield n


print('async', signature(coro), signature(gen))

# Parameter objects
p = Parameter('x', Parameter.POSITIONAL_OR_KEYWORD, default=1, annotation=int)
print(p, repr(p), p.name, p.default, p.annotation.__name__, p.kind)
print(p.replace(name='y', default=Parameter.empty), p.replace(kind=Parameter.KEYWORD_ONLY).kind)
print(p == Parameter('x', 1, default=1, annotation=int), p == p.replace(default=2))
print(hash(p) == hash(Parameter('x', 1, default=1, annotation=int)))
for kind in Parameter.POSITIONAL_ONLY, Parameter.VAR_POSITIONAL, Parameter.VAR_KEYWORD:
    print(str(kind), repr(kind), kind.description, int(kind))
print(Parameter('args', Parameter.VAR_POSITIONAL), Parameter('kw', Parameter.VAR_KEYWORD))
print(Parameter.empty is Signature.empty, Parameter.empty.__name__)
show('bad name', lambda: Parameter('1x', Parameter.POSITIONAL_ONLY))
show('keyword name', lambda: Parameter('def', Parameter.KEYWORD_ONLY))
show('name type', lambda: Parameter(3, Parameter.KEYWORD_ONLY))
show('bad kind', lambda: Parameter('a', 7))
show('var default', lambda: Parameter('a', Parameter.VAR_POSITIONAL, default=1))
show('implicit', lambda: Parameter('.0', Parameter.POSITIONAL_OR_KEYWORD))

# Signature objects
sig = Signature([Parameter('a', Parameter.POSITIONAL_ONLY),
                 Parameter('b', Parameter.POSITIONAL_OR_KEYWORD, default=2),
                 Parameter('c', Parameter.KEYWORD_ONLY)], return_annotation=int)
print(sig, list(sig.parameters), sig.return_annotation.__name__)
print(sig.replace(return_annotation=Signature.empty))
print(sig.replace(parameters=[]))
print(sig == signature(lambda a, /, b=2, *, c: 0).replace(return_annotation=int))
print(Signature(), Signature.from_callable(plain))
show('order', lambda: Signature([Parameter('a', Parameter.KEYWORD_ONLY), Parameter('b', Parameter.POSITIONAL_ONLY)]))
show('default order', lambda: Signature([Parameter('a', 1, default=1), Parameter('b', 1)]))
show('duplicate', lambda: Signature([Parameter('a', 1), Parameter('a', 3)]))

# bind
def target(a, b, /, c, d=4, *args, e, f=6, **kw):
    pass


ts = signature(target)
for args, kwargs in [((1, 2, 3), {'e': 5}),
                     ((1, 2, 3, 4, 5, 6), {'e': 5, 'z': 0}),
                     ((1, 2), {'c': 3, 'e': 5, 'f': 7}),
                     ((1,), {}),
                     ((1, 2, 3), {}),
                     ((1, 2), {'a': 1, 'c': 3, 'e': 5}),
                     ((1, 2, 3), {'c': 3, 'e': 5})]:
    def attempt():
        ba = ts.bind(*args, **kwargs)
        return ba, ba.args, ba.kwargs
    show('bind', attempt)

ps = signature(plain)
show('too many', lambda: ps.bind(1, 2, 3, 4))
show('missing', lambda: ps.bind(1, 2))
show('unexpected', lambda: ps.bind(1, 2, 3, z=4))
show('multiple', lambda: ps.bind(1, 2, 3, a=4))
show('partial', lambda: ps.bind_partial(1, c=3))
show('partial unexpected', lambda: ps.bind_partial(z=1))
show('posonly kw', lambda: signature(posonly).bind(a=1, d=2))
show('kwonly too many', lambda: signature(kwonly).bind(1))
show('star', lambda: signature(star).bind(1, 2, x=3).arguments)

ba = signature(mixed).bind(1, 2)
ba.apply_defaults()
print(ba, ba.args, ba.kwargs)
ba = signature(defaults).bind(b='q')
print(ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
print(ba == signature(defaults).bind(1, 'q', None, (1, 2), [3]), ba.signature == signature(defaults))
ba2 = signature(defaults).bind(1, 'q', None, (1, 2), [3])
print(ba == ba2)

# getfullargspec
print(inspect.getfullargspec(mixed))
print(inspect.getfullargspec(annotated).annotations.keys())
print(inspect.getfullargspec(w.method))
print(inspect.getfullargspec(defaults).defaults)
show('argspec of int', lambda: inspect.getfullargspec(42))

# getcallargs
print(sorted(inspect.getcallargs(mixed, 1, 2, 3, key=4, other=5).items()))
print(sorted(inspect.getcallargs(w.method, 1)))
show('callargs missing', lambda: inspect.getcallargs(plain, 1))
show('callargs many', lambda: inspect.getcallargs(plain, 1, 2, 3, 4))
show('callargs unexpected', lambda: inspect.getcallargs(plain, 1, 2, 3, q=1))
show('callargs multiple', lambda: inspect.getcallargs(plain, 1, 2, 3, a=1))
show('callargs kwonly', lambda: inspect.getcallargs(kwonly))

# formatannotation
print(inspect.formatannotation(int), inspect.formatannotation(Point),
      inspect.formatannotation('x'), inspect.formatannotation(list[int]),
      inspect.formatannotation(None))
print(inspect.formatannotationrelativeto(Point)(Point))
