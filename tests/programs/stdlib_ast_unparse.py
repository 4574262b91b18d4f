# ast.unparse over many constructs: precedence, strings, f-strings,
# statements, patterns, hand-built trees and the error cases.
import ast
import re

SOURCES = [
    "a + b * c", "(a + b) * c", "a - (b - c)", "(a - b) - c", "a ** b ** c",
    "(a ** b) ** c", "-a ** b", "(-a) ** b", "not a == b", "(not a) == b",
    "a if b else c", "(a if b else c) if d else e", "a if (b if c else d) else e",
    "lambda: 0", "lambda x, /, y=1, *a, z, w=2, **k: x", "(lambda: 1)()",
    "f(lambda x: x)", "a or b or c and d", "(a or b) and c", "a and (b or c)",
    "a < b < c", "(a < b) < c", "a is not b", "a not in b", "x := 1",
    "(x := 1)", "f((y := 2))", "[x := 1, 2]", "a, b = b, a", "a, = b",
    "(a, b), c = d", "[a, b] = c", "x = y = 1", "x = (1, 2)", "x = ()",
    "x = (1,)", "del a, (b, c)", "a[1:2, ::3]", "a[1:2]", "a[::]", "a[:]",
    "a[(1, 2)]", "a[()]", "a[*b]", "a[1,]", "a.b.c", "1 .real", "1.5.real",
    "(1).real", "True .real", "f(*a, **b, c=1)", "f(x for x in y)",
    "f((x for x in y), z)", "{**a, 'b': 1}", "{*a, b}", "[*a, *b]",
    "print(*a, sep='')", "{}", "set()", "{1}", "{1: 2}", "x = {*()}",
    "[x for x in y if x if not x]", "{x: y for x, y in z}",
    "{x for x in (1, 2)}", "[x async for x in y]", "(x for x in (lambda: y)())",
    "[x for x in (a if b else c)]", "[x for x in a or b]",
    "await x", "yield", "yield x", "yield from x", "x = yield y",
    "x = await y", "(yield)", "print((yield))",
    "'a' 'b'", "'\\n'", "'\"'", "'\\''", "\"'\\\"\"", "'''a\nb'''", "b'x\\x00'",
    "u'abc'", "r'\\d'", "'\\t\\x01\\u1234é'", "1e400", "-1e400", "1e400j",
    "1_000", "0xff", "1 + 2j", "-1", "--1", "~a", "+a", "not not a",
    "f'{a}'", "f'{a!r:>{w}}'", "f'a{b}c{{d}}'", "f'{a}' 'b'", "f'{\"x\"}'",
    "f\"{'x'}\"", "f'{{}}'", "f'{ {1: 2} }'", "f'{x:{y}.{z}}'", "f'{a=}'",
    "f'{a!s}'", "f'\\n{a}'", "f'''{a}\n'''", "f'{a}' f'{b}'",
    "f'{lambda: 1}'", "f'{(a, b)}'", "f'{x if y else z}'", "f'{(x := 1)}'",
    "f'{3.14!r}'", "f\"{'a' + \\\"b\\\"}\"" if False else "f'{a[\"k\"]}'",
    "import a.b as c, d", "from . import x", "from ..a import b as c, d",
    "from a import *", "global a, b", "nonlocal x",
    "assert x, 'msg'", "raise", "raise E", "raise E from None",
    "return", "pass", "break", "continue",
    "x: int", "x: int = 1", "(x): int = 1", "a.b: int", "a[0]: int = 2",
    "x += 1", "x **= 2", "x //= 3", "x @= m", "x >>= 1",
]

BLOCKS = [
    """
@dec
@dec.attr(1)
class A(B, metaclass=M):
    '''Doc.'''
    x = 1

    @property
    def f(self, a: int = 1, *args: str, b, **kw) -> None:
        "Doc string"
        return a
""",
    """
async def f():
    async with a as b, c:
        pass
    async for x in y:
        await z
    else:
        pass
""",
    """
if a:
    pass
elif b:
    x
elif c:
    y
else:
    z
""",
    """
if a:
    pass
else:
    if b:
        pass
    x = 1
""",
    """
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    raise
else:
    x
finally:
    y
""",
    """
try:
    pass
except* E as e:
    pass
except* F:
    pass
""",
    """
try:
    pass
except* E:
    try:
        pass
    except G:
        pass
""",
    """
while x:
    break
else:
    continue
for a, b in c:
    pass
else:
    pass
with a, b as (c, d):
    pass
""",
    """
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case {'a': 1, **rest}:
        pass
    case {1: _, 'b': [*_]}:
        pass
    case [1, 2, *others]:
        pass
    case (1 | 2 | 3) as n if n > 1:
        pass
    case 1 | (2 as two):
        pass
    case None | True | False:
        pass
    case -1 | 1.5 | 2 + 3j | 'x' | b'y':
        pass
    case a.b.c:
        pass
    case _:
        pass
""",
    """
def f(a, b, /, c, *, d=1):
    global g
    def h():
        nonlocal a
        return lambda *, k: k
    return h
""",
    """
class C:
    pass
class D:
    '''Only a docstring'''
x = 1
def g():
    '''Multi
    line "quoted"'''
""",
    '"""Module doc"""\nimport os\n',
    "x = 1; y = 2\n",
    "def f():\n    'ends with quote\"'\n",
    "def f():\n    '''has \\\\ backslash and \\t tab'''\n",
]


def show(text):
    try:
        out = ast.unparse(ast.parse(text))
    except Exception as exc:
        print(repr(text), '->', type(exc).__name__, exc)
        return
    again = ast.unparse(ast.parse(out))
    print(repr(text), '->', repr(out), again == out)


for src in SOURCES:
    show(src)
for block in BLOCKS:
    show(block)

print('== modes')
print(repr(ast.unparse(ast.parse('a + 1', mode='eval'))))
print(repr(ast.unparse(ast.parse('a\n', mode='single'))))
print(repr(ast.unparse(ast.parse('(int, str) -> bool', mode='func_type'))))
print(repr(ast.unparse(ast.parse('(*int) -> None', mode='func_type'))))

print('== parts')
tree = ast.parse('def f(a, b=1, *c, d, **e): pass\n[x async for x in y if z]\n'
                 'with open(p) as f: pass\nimport a as b\nf(k=v, **w)\n'
                 'match x:\n    case 1 if y: pass\n')
for node in ast.walk(tree):
    if isinstance(node, (ast.arguments, ast.comprehension, ast.withitem,
                         ast.alias, ast.keyword, ast.match_case, ast.arg)):
        print(type(node).__name__, repr(ast.unparse(node)))
print(repr(ast.unparse([ast.Pass(), ast.Break()])))
print(repr(ast.unparse(ast.Load())), repr(ast.unparse(ast.Add())))
print(repr(ast.unparse(ast.Interactive(body=[ast.Pass(), ast.Break()]))))

print('== built by hand')
n = ast.Name
L = ast.Load()
cases = [
    ast.BinOp(ast.BinOp(n('a', L), ast.Add(), n('b', L)), ast.Mult(), n('c', L)),
    ast.BinOp(n('a', L), ast.Sub(), ast.BinOp(n('b', L), ast.Sub(), n('c', L))),
    ast.UnaryOp(ast.USub(), ast.BinOp(n('a', L), ast.Add(), n('b', L))),
    ast.UnaryOp(ast.Not(), ast.BoolOp(ast.Or(), [n('a', L), n('b', L)])),
    ast.Constant(value=(1, 'a', 2.5)),
    ast.Constant(value=(1,)),
    ast.Constant(value=float('inf')),
    ast.Constant(value=float('nan')),
    ast.Constant(value=complex(1, float('inf'))),
    ast.Constant(value='x', kind='u'),
    ast.Constant(value=...),
    ast.Constant(value=frozenset()),
    ast.Tuple([], L),
    ast.Tuple([n('a', L)], L),
    ast.Set([]),
    ast.Starred(ast.BinOp(n('a', L), ast.BitOr(), n('b', L)), L),
    ast.Starred(ast.BoolOp(ast.Or(), [n('a', L), n('b', L)]), L),
    ast.Await(),
    ast.Yield(),
    ast.JoinedStr([]),
    ast.JoinedStr([ast.Constant("'\"'''\"\"\"")]),
    ast.JoinedStr([ast.Constant('a\nb'), ast.FormattedValue(n('x', L), -1, None)]),
    ast.JoinedStr([ast.FormattedValue(ast.Constant('a\nb'), -1, None)]),
    ast.JoinedStr([ast.FormattedValue(ast.Constant("'\"'''\"\"\""), -1, None)]),
    ast.FormattedValue(n('x', L), ord('r'), None),
    ast.JoinedStr([ast.FormattedValue(ast.Dict([], []), -1, None)]),
    ast.JoinedStr([ast.FormattedValue(ast.JoinedStr([ast.FormattedValue(n('y', L), -1, None)]), -1, None)]),
    ast.JoinedStr([n('x', L)]),
    ast.Raise(exc=None, cause=n('c', L)),
    ast.YieldFrom(),
    ast.Subscript(n('a', L), ast.Tuple([ast.Slice(None, None, None), n('b', L)], L), L),
    ast.Attribute(ast.Constant(1), 'real', L),
    ast.MatchAs(ast.MatchOr([ast.MatchValue(ast.Constant(1)), ast.MatchAs(None, None)]), 'x'),
    ast.MatchOr([ast.MatchAs(ast.MatchValue(ast.Constant(1)), 'y'), ast.MatchStar(None)]),
    ast.MatchMapping([], [], 'rest'),
    ast.MatchClass(n('C', L), [], ['a'], [ast.MatchSingleton(None)]),
    ast.MatchClass(n('C', L), [], [], [ast.MatchSingleton(None)]),
    ast.MatchMapping([ast.Constant(1)], [], None),
    ast.AnnAssign(n('x', ast.Store()), n('int', L), None, 0),
    ast.Lambda(ast.arguments([], [], None, [], [], None, []), ast.Tuple([n('a', L), n('b', L)], L)),
    ast.IfExp(ast.Lambda(ast.arguments([], [], None, [], [], None, []), n('a', L)), n('b', L), n('c', L)),
    ast.Assign([n('x', ast.Store())], n('y', L), 'int'),
    ast.Compare(n('a', L), [ast.Lt(), ast.Eq()], [ast.Compare(n('b', L), [ast.Gt()], [n('c', L)]), n('d', L)]),
    ast.BinOp(n('a', L), ast.Add(), ast.Constant(-1)),
    ast.Call(ast.Lambda(ast.arguments([], [], None, [], [], None, []), n('x', L)), [], []),
    ast.BoolOp(ast.And(), [n('a', L), n('b', L), n('c', L), n('d', L), n('e', L), ast.BoolOp(ast.Or(), [n('f', L), n('g', L)])]),
]
for node in cases:
    try:
        print(type(node).__name__, repr(ast.unparse(node)))
    except Exception as exc:
        print(type(node).__name__, type(exc).__name__,
              re.sub(r'0x[0-9a-fA-F]+', '0x...', str(exc)))
fn = ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [ast.Pass()], [], None, 'int', lineno=1)
print(repr(ast.unparse(fn)))
fn2 = ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [ast.Pass()], [])
try:
    ast.unparse(fn2)
except AttributeError as exc:
    print('AttributeError', exc)
mod = ast.Module([fn], [ast.TypeIgnore(1, '[x]')])
print(repr(ast.unparse(mod)))
for bad in (5, None):
    try:
        ast.unparse(bad)
    except AttributeError as exc:
        print('AttributeError', exc)
