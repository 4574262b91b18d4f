# inspect predicates, getmembers, getsource, getdoc/cleandoc, states
import inspect
import sys
import os
import functools
import abc
import types


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def function(a, b=1):
    """Add things.

        Indented detail.
    Last line.
    """
    return a + b


def generator_function():
    yield 1


async def coroutine_function():
    return 1


async def async_generator_function():
    yield 1


class Shape(abc.ABC):
    """A shape.

    Subclasses give the area.
    """

    sides = 0
    __slots__ = ()

    @abc.abstractmethod
    def area(self):
        """The area of the shape."""

    def describe(self):
        return 'shape'

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def unit():
        return 1

    @property
    def name(self):
        """The shape's name."""
        return type(self).__name__


class Square(Shape):
    __slots__ = ('side',)
    sides = 4

    def __init__(self, side=1):
        self.side = side

    def area(self):
        return self.side ** 2

    @property
    def name(self):
        return 'square'


sq = Square(3)
gen = generator_function()
coro = coroutine_function()
agen = async_generator_function()
try:
    raise ValueError('x')
except ValueError as exc:
    tb = exc.__traceback__
frame = sys._getframe()
objects = [
    ('module', inspect), ('class', Square), ('instance', sq),
    ('function', function), ('lambda', lambda: 0), ('bound method', sq.area),
    ('classmethod', Square.create), ('staticmethod', Square.unit),
    ('generator function', generator_function), ('generator', gen),
    ('coroutine function', coroutine_function), ('coroutine', coro),
    ('async generator function', async_generator_function),
    ('async generator', agen), ('builtin', len), ('builtin method', [].append),
    ('traceback', tb), ('frame', frame), ('code', function.__code__),
    ('property', Shape.__dict__['name']), ('slot', Square.__dict__['side']),
    ('classmethod object', Shape.__dict__['create']),
    ('staticmethod object', Shape.__dict__['unit']),
    ('partial', functools.partial(function, 1)), ('int', 5),
    ('method descriptor', str.join),
]
predicates = ['ismodule', 'isclass', 'ismethod', 'isfunction',
              'isgeneratorfunction', 'iscoroutinefunction',
              'isasyncgenfunction', 'isgenerator', 'iscoroutine',
              'isasyncgen', 'isawaitable', 'istraceback', 'isframe',
              'iscode', 'isbuiltin', 'isroutine', 'isabstract',
              'ismethoddescriptor', 'isdatadescriptor', 'ismemberdescriptor',
              'ismethodwrapper']
for label, obj in objects:
    true = [name[2:] for name in predicates if getattr(inspect, name)(obj)]
    print('%-24s %s' % (label, ' '.join(true)))
coro.close()
print('abstract', inspect.isabstract(Shape), inspect.isabstract(Square))
print('partial of generator', inspect.isgeneratorfunction(functools.partial(generator_function)))
print('method of coroutine', inspect.iscoroutinefunction(type('K', (), {'m': coroutine_function})().m))


# getmembers
def public(pairs):
    return [(name, type(value).__name__) for name, value in pairs
            if not name.startswith('_')]


print(public(inspect.getmembers(Square)))
print(public(inspect.getmembers(sq)))
print([name for name, _ in inspect.getmembers(Square, inspect.isfunction)])
print([name for name, _ in inspect.getmembers(sq, inspect.ismethod)
       if not name.startswith('__')])
print(public(inspect.getmembers_static(Square)))
print(inspect.getmro(Square) == (Square, Shape, abc.ABC, object))
for attr in inspect.classify_class_attrs(Square):
    if not attr.name.startswith('_'):
        print(attr.name, attr.kind, attr.defining_class.__name__,
              type(attr.object).__name__)

# getattr_static
print(type(inspect.getattr_static(sq, 'name')).__name__,
      type(inspect.getattr_static(Square, 'create')).__name__,
      inspect.getattr_static(sq, 'sides'),
      inspect.getattr_static(sq, 'missing', 'default'))
show('static missing', lambda: inspect.getattr_static(sq, 'missing'))


class Dynamic:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return 'dynamic ' + name


d = Dynamic()
print(d.anything, inspect.getattr_static(d, 'real'),
      inspect.getattr_static(d, 'anything', None))

# getdoc / cleandoc
print(repr(inspect.getdoc(function)))
print(repr(inspect.getdoc(Square)))
print(repr(inspect.getdoc(Square.area)))
print(repr(inspect.getdoc(sq.area)))
print(repr(inspect.getdoc(Square.__dict__['name'])))
print(repr(inspect.getdoc(lambda: 0)))
print(repr(inspect.cleandoc('  first\n    second\n      third\n\n')))
print(repr(inspect.cleandoc('\n\n  a\n\tb\n  c  \n   \n')))
print(repr(inspect.cleandoc('')), repr(inspect.cleandoc('one line  ')))
print(inspect.indentsize('    x'), inspect.indentsize('\tx'), inspect.indentsize('x'))

# getsource
print(inspect.getsource(function), end='')
lines, start = inspect.getsourcelines(Square)
print(start - inspect.getsourcelines(function)[1], len(lines))
print(''.join(lines[:3]), end='')
print(inspect.getsource(Shape.describe), end='')
print(inspect.getsource(Square.name.fget), end='')
print(inspect.getsource(sq.area), end='')
one_liner = lambda x: x * 2  # noqa
print(inspect.getsource(one_liner), end='')


@functools.lru_cache
def cached(n):
    return n


print(inspect.getsource(cached), end='')


def outer():
    class Inner:
        def method(self):
            return (1,
        2)
    return Inner


print(inspect.getsource(outer().method), end='')
print(inspect.getsource(outer()), end='')
show('source of builtin', lambda: inspect.getsource(len))
show('source of int', lambda: inspect.getsource(5))
print(inspect.getblock(['def f():\n', '    pass\n', '\n', 'x = 1\n']))
print(inspect.getblock(['def f(): return 1\n', 'def g(): pass\n']))
print(os.path.basename(inspect.getsourcefile(function)),
      os.path.basename(inspect.getfile(Square)),
      inspect.getmodule(function) is sys.modules[__name__],
      inspect.getmodule(Square).__name__, inspect.getmodulename('/a/b/c.py'))
show('file of builtin', lambda: inspect.getfile(len))

# closures and frames
limit = 10


def make_adder(n):
    def add(x):
        return x + n + limit + len([]) + undefined_name  # noqa
    return add


cv = inspect.getclosurevars(make_adder(3))
print(cv.nonlocals, cv.globals, sorted(cv.builtins), sorted(cv.unbound))
show('closurevars of int', lambda: inspect.getclosurevars(len))


def where():
    frame = inspect.currentframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name


print(where())
print([info.function for info in inspect.stack()][:1])
print(inspect.CO_GENERATOR, inspect.CO_COROUTINE, inspect.CO_VARARGS,
      inspect.CO_VARKEYWORDS, inspect.CO_ASYNC_GENERATOR)
print(inspect.get_annotations(inspect.signature),
      inspect.get_annotations(Square),
      inspect.get_annotations(type('A', (), {'__annotations__': {'x': 'int'}}), eval_str=True))
