# ast helpers: parse options, dump forms, literal_eval, locations,
# docstrings, source segments, visitors and the deprecated classes.
import ast
import re
import warnings


def clean(text):
    return re.sub(r'0x[0-9a-fA-F]+', '0x...', str(text))


def attempt(label, func, *args, **kwargs):
    try:
        print(label, '->', repr(func(*args, **kwargs)))
    except Exception as exc:
        print(label, '->', type(exc).__name__, clean(exc))


print('== parse')
for fv in [None, (3, 8), 9, 'x', 2.0]:
    attempt('feature_version %r' % (fv,), lambda: ast.dump(ast.parse('x', feature_version=fv)))
attempt('bad mode', ast.parse, 'x', mode='nope')
attempt('type_comments', lambda: ast.dump(ast.parse('x = 1  # type: int', type_comments=False)))
attempt('bytes', lambda: ast.dump(ast.parse(b'x = 1')))
attempt('syntax', ast.parse, 'x = = 1')
attempt('eval', lambda: ast.dump(ast.parse('1 + 2', '<f>', 'eval')))
attempt('single', lambda: ast.dump(ast.parse('x = 1', mode='single')))
attempt('func_type', lambda: ast.dump(ast.parse('(a, *b, **c) -> d', mode='func_type')))
attempt('func_type bad', ast.parse, 'a -> b', mode='func_type')

print('== dump')
tree = ast.parse('def f(a, *, b=2):\n    """Doc."""\n    return [a, b]\n'
                 'x: int = f(1, b=3)\nprint(x if x else -x)\n')
print(ast.dump(tree))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(tree, include_attributes=True))
print(ast.dump(tree, indent=2))
print(ast.dump(tree, indent='\t', annotate_fields=False))
print(ast.dump(tree.body[1], indent=0, include_attributes=True))
print(ast.dump(ast.Name()))
print(ast.dump(ast.Constant(None)))
print(ast.dump(ast.Raise(None, ast.Name('c', ast.Load())), annotate_fields=False))
print(ast.dump(ast.FunctionDef('g', returns=None), annotate_fields=False))
print(ast.dump(ast.List([ast.Constant(1), ast.Constant(2)], ast.Load()), indent=4))
print(ast.dump(ast.Module([], []), indent=3))
print(ast.dump(ast.Name('x', ast.Load(), lineno=3, end_lineno=None), include_attributes=True))
attempt('dump non-AST', ast.dump, [1])
attempt('dump str', ast.dump, 'x')

print('== literal_eval')
for text in ['1', '-1.5', '+2', '1+2j', '-1-2j', '2j+1', '1+2', "'a' 'b'",
             "b'x'", '(1, [2, {3: 4}], {5})', 'set()', 'set([1])', '{}', '[]',
             '()', 'None', 'True', '...', '  7', '\t[1]', ' \n 1', 'x', '1 if 2 else 3',
             '-(1)', '- 1j', '--1', 'not 1', '~1', '{**a}', '{1: 2, 3: x}',
             '[1, {2}, y]', "{[1]: 2}", '{{}}', '1 + 2 + 3j', 'f()', "-'a'",
             'True + 1j', '1e400', "'\\u00e9'", '(1,\n 2,\n z)', '1 +']:
    attempt(repr(text), ast.literal_eval, text)
attempt('node', ast.literal_eval, ast.Constant(5))
attempt('expression', ast.literal_eval, ast.Expression(ast.List([ast.Constant(1)], ast.Load())))
attempt('bad dict', ast.literal_eval, ast.Dict([ast.Constant(1)], []))
attempt('not a node', ast.literal_eval, 42)
attempt('name node', ast.literal_eval, ast.Name('x', ast.Load()))
attempt('bytes input', ast.literal_eval, b'1')

print('== locations')
src = 'if x:\n    y = [1,\n         2]\n    z = f(a)\n'
tree = ast.parse(src)
assign = tree.body[0].body[0]
new = ast.Name('q', ast.Load())
ast.copy_location(new, assign)
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
partial = ast.Name('p', ast.Load(), lineno=5, col_offset=1)
other = ast.Name('o', ast.Load())
ast.copy_location(other, partial)
print(ast.dump(other, include_attributes=True))
ast.copy_location(ast.Load(), assign)
ast.increment_lineno(tree, 10)
print([(type(n).__name__, n.lineno, n.end_lineno) for n in ast.walk(tree) if hasattr(n, 'lineno')])
ti = ast.Module([ast.Pass(lineno=1, col_offset=0)], [ast.TypeIgnore(2, '')])
ast.increment_lineno(ti, 3)
print(ti.type_ignores[0].lineno, ti.body[0].lineno, ti.body[0].end_lineno)
built = ast.Module([ast.Expr(ast.BinOp(ast.Name('a', ast.Load(), lineno=4, col_offset=2),
                                      ast.Add(), ast.Constant(1)))], [])
ast.fix_missing_locations(built)
print(ast.dump(built, include_attributes=True))
built2 = ast.Expression(ast.Call(ast.Name('f', ast.Load()), [ast.Constant(1, lineno=7, col_offset=3, end_lineno=7, end_col_offset=4)], [], lineno=2, col_offset=5))
print(ast.dump(ast.fix_missing_locations(built2), include_attributes=True))

print('== docstrings and segments')
tree = ast.parse('"""Mod.\n\n    more\n"""\nclass C:\n\t"""\tTabbed\n\t  x\n\t"""\n'
                 'async def f(): 1\ndef g(): "x" "y"\n')
print(repr(ast.get_docstring(tree)), repr(ast.get_docstring(tree, clean=False)))
print(repr(ast.get_docstring(tree.body[1])), repr(ast.get_docstring(tree.body[1], False)))
print(repr(ast.get_docstring(tree.body[2])), repr(ast.get_docstring(tree.body[3])))
print(repr(ast.get_docstring(ast.Module([], []))))
attempt('not docstringable', ast.get_docstring, ast.Expr(ast.Constant('x')))
src = 'x = (1 +\r\n     2)\r\ny = "é" + f(\n\t  a,\n\t\x0c  b)\nz=3'
tree = ast.parse(src)
for node in ast.walk(tree):
    if isinstance(node, (ast.Assign, ast.BinOp, ast.Call, ast.Name, ast.Constant)):
        print(type(node).__name__, repr(ast.get_source_segment(src, node)),
              repr(ast.get_source_segment(src, node, padded=True)))
print(ast.get_source_segment(src, ast.Name('x')))
print(ast.get_source_segment(src, ast.Name('x', lineno=1, col_offset=0, end_lineno=None, end_col_offset=1)))

print('== visitors')
tree = ast.parse('a = b + 1\ndef f(x):\n    return x * 2\nprint("s", b"t", None, ...)\n')
print([type(n).__name__ for n in ast.walk(tree)])
print(list(ast.iter_fields(tree.body[0])) == [('targets', tree.body[0].targets), ('value', tree.body[0].value)])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[1])])
print(list(ast.iter_fields(ast.Name('x'))))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append(node.id)
        return 'ret-' + node.id

    def visit_FunctionDef(self, node):
        self.seen.append('def ' + node.name)
        self.generic_visit(node)


c = Counter()
print(c.visit(tree), c.seen)
print(c.visit(tree.body[0].targets[0]))


class Legacy(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Str(self, node):
        self.seen.append(('Str', node.s))

    def visit_NameConstant(self, node):
        self.seen.append(('NameConstant', node.value))

    def visit_Ellipsis(self, node):
        self.seen.append('Ellipsis')


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    v = Legacy()
    v.visit(tree)
print(v.seen, sorted(set(str(w.message) for w in caught)), [w.category.__name__ for w in caught][:1])


class Rewriter(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'b':
            return ast.copy_location(ast.Constant(99), node)
        return node

    def visit_Expr(self, node):
        return [node, ast.Pass()]

    def visit_Return(self, node):
        return None

    def visit_Constant(self, node):
        if node.value == 1:
            return None
        return node


tree = ast.parse('a = b + 5\ndef f(x):\n    return x * 2\nprint(b)\nc = [1, 2, b]\n')
try:
    Rewriter().visit(tree)
except Exception as exc:
    print(type(exc).__name__)
print(ast.dump(tree.body[0]))
print(ast.unparse(tree))


class Unlisted(ast.NodeTransformer):
    def visit_Pass(self, node):
        return []


t2 = ast.parse('if x:\n    pass\n    y\n')
Unlisted().visit(t2)
print(ast.unparse(t2))

print('== deprecated')
print(type(ast.Num(5)).__name__, ast.Num(5).value, ast.Num(n=6).n, ast.Str('s').s)
print(type(ast.Bytes(b'x')).__name__, type(ast.NameConstant(None)).__name__)
print(ast.dump(ast.Ellipsis()), ast.dump(ast.Str(s='q')))
print([isinstance(ast.Constant(v), ast.Num) for v in (1, 1.5, 1j, True, 's')])
print([isinstance(ast.Constant(v), ast.NameConstant) for v in (None, True, 1)])
print(isinstance(ast.Constant('s'), ast.Str), isinstance(ast.Constant(b's'), ast.Bytes),
      isinstance(ast.Constant(...), ast.Ellipsis), isinstance(ast.Name('x'), ast.Str))
print(isinstance(ast.Constant(), ast.Num))
attempt('multiple', ast.Num, 1, n=2)
print(ast.Num(1, kind=None).kind, ast.Num(1, foo=3).foo)
c = ast.Constant(3)
c.n = 4
print(c.value, c.s)
print(ast.Constant.n.__doc__)
print(ast.dump(ast.Index(ast.Name('i'))), ast.dump(ast.ExtSlice([ast.Name('i'), ast.Constant(1)])))
print(ast.dump(ast.ExtSlice()))
t = ast.Tuple([ast.Name('a')], ast.Load())
print(t.dims is t.elts)
t.dims = []
print(t.elts)
print(ast.Num.__doc__, '|', ast.Suite.__doc__, '|', ast.slice.__doc__)
print(issubclass(ast.Num, ast.Constant), ast.Num.__mro__[1].__name__)
print(ast.AugLoad.__mro__[1].__name__, ast.Param.__mro__[1].__name__, ast.Suite.__mro__[1].__name__)


class MyNum(ast.Num):
    pass


m = MyNum(3)
print(type(m).__name__, isinstance(m, ast.Num), isinstance(m, MyNum), isinstance(ast.Constant(3), MyNum))
