"""Helpers for Python's abstract syntax trees (krait).

The node classes come from `_ast`; this module adds parsing, dumping,
literal evaluation, tree walking and rewriting, and `unparse`.
"""
import sys
from _ast import *


# ---------------------------------------------------------------------------
# parsing

_PARSE_MODES = ('exec', 'eval', 'single', 'func_type')


def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None):
    """Parse `source` into a tree (compile() with PyCF_ONLY_AST)."""
    flags = PyCF_ONLY_AST | (PyCF_TYPE_COMMENTS if type_comments else 0)
    if type(feature_version) is tuple:
        wanted_major, _minor = feature_version
        assert wanted_major == 3
    elif not (feature_version is None or isinstance(feature_version, int)):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(feature_version).__name__)
    if mode not in _PARSE_MODES:
        raise ValueError("compile() mode must be 'exec', 'eval', 'single' "
                         "or 'func_type'")
    # krait always reads the 3.11 grammar and drops type comments.
    if mode == 'func_type':
        return _func_type_tree(source, filename, flags)
    return compile(source, filename, mode, flags)


def _func_type_tree(source, filename, flags):
    # `(A, *B) -> R` is rewritten in place, column for column, into the
    # expression `[A,  B] , R`, which krait's parser reads; the two parts
    # of the resulting tuple become the FunctionType.
    import io
    import tokenize
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode('utf-8')
    rows = io.StringIO(source).readlines() or ['']

    def bad():
        raise SyntaxError('invalid syntax', (filename, 1, 1, rows[0], None, None))

    def overwrite(position, text):
        r, c = position
        old = rows[r - 1]
        rows[r - 1] = old[:c] + text + old[c + len(text):]

    ignorable = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT,
                 tokenize.ENDMARKER}
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
                if t.type not in ignorable]
    except (tokenize.TokenError, IndentationError):
        bad()
    if not toks or toks[0].string != '(':
        bad()
    nesting = 0
    closed = False
    for pos, tok in enumerate(toks):
        if tok.type != tokenize.OP:
            continue
        s = tok.string
        if s in ('(', '[', '{'):
            nesting += 1
        elif s in (')', ']', '}'):
            nesting -= 1
            if nesting == 0 and s == ')':
                follower = toks[pos + 1] if pos + 1 < len(toks) else None
                if follower is None or follower.string != '->':
                    bad()
                overwrite(toks[0].start, '[')
                overwrite(tok.start, ']')
                overwrite(follower.start, ', ')
                closed = True
                break
        elif nesting == 1 and s in ('*', '**') and toks[pos - 1].string in ('(', ','):
            overwrite(tok.start, ' ' * len(s))
    if not closed:
        bad()
    expr_tree = compile(''.join(rows), filename, 'eval', flags).body
    if not isinstance(expr_tree, Tuple) or len(expr_tree.elts) != 2:
        bad()
    params, result = expr_tree.elts
    if not isinstance(params, List):
        bad()
    plain = [p.value if isinstance(p, Starred) else p for p in params.elts]
    return FunctionType(plain, result)


# ---------------------------------------------------------------------------
# literal_eval

def _reject(node):
    message = "malformed node or string"
    where = getattr(node, 'lineno', None)
    if where:
        message = '%s on line %s' % (message, where)
    raise ValueError('%s: %r' % (message, node))


def _plain_number(node):
    if isinstance(node, Constant) and type(node.value) in (int, float, complex):
        return node.value
    _reject(node)


def _maybe_signed(node):
    if isinstance(node, UnaryOp):
        sign = node.op
        if isinstance(sign, USub):
            return -_plain_number(node.operand)
        if isinstance(sign, UAdd):
            return +_plain_number(node.operand)
    return _plain_number(node)


def _literal(node):
    if isinstance(node, Constant):
        return node.value
    for kind, build in ((Tuple, tuple), (List, list), (Set, set)):
        if isinstance(node, kind):
            return build(map(_literal, node.elts))
    if isinstance(node, Call):
        callee = node.func
        if (isinstance(callee, Name) and callee.id == 'set'
                and node.args == [] and node.keywords == []):
            return set()
    elif isinstance(node, Dict):
        if len(node.keys) != len(node.values):
            _reject(node)
        result = {}
        for k, v in zip(node.keys, node.values):
            key = _literal(k)
            result[key] = _literal(v)
        return result
    elif isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
        real = _maybe_signed(node.left)
        imaginary = _plain_number(node.right)
        if isinstance(imaginary, complex) and isinstance(real, (int, float)):
            return real - imaginary if isinstance(node.op, Sub) else real + imaginary
    return _maybe_signed(node)


def literal_eval(node_or_string):
    """Evaluate a node or a string holding only a Python literal: strings,
    bytes, numbers, tuples, lists, dicts, sets, booleans and None."""
    tree = node_or_string
    if isinstance(tree, str):
        tree = parse(tree.lstrip(" \t"), mode='eval')
    if isinstance(tree, Expression):
        tree = tree.body
    return _literal(tree)


# ---------------------------------------------------------------------------
# dump

def _present(node, names, *, skip_default_none, on_missing=None):
    # (name, value) for each attribute in names that is set; a None equal
    # to the class's own None default counts as not set.
    owner = type(node)
    for name in names:
        try:
            value = getattr(node, name)
        except AttributeError:
            if on_missing:
                on_missing()
            continue
        if value is None and skip_default_none and getattr(owner, name, ...) is None:
            if on_missing:
                on_missing()
            continue
        yield name, value


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """A text form of the tree under `node`, for debugging."""
    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % (type(node).__name__,))
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def show(value, depth):
        # -> (text, compact): compact values hold no nodes and no lists
        if isinstance(value, list):
            if not value:
                return '[]', True
            opener, between = spacing(depth + 1)
            inner = [show(item, depth + 1)[0] for item in value]
            return '[' + opener + between.join(inner) + ']', False
        if not isinstance(value, AST):
            return repr(value), True
        named = [annotate_fields]

        def force_names():
            named[0] = True

        pieces = []
        compact = True
        for name, item in _present(value, value._fields,
                                   skip_default_none=True,
                                   on_missing=force_names):
            text, small = show(item, depth + 1)
            compact = compact and small
            pieces.append(name + '=' + text if named[0] else text)
        if include_attributes and value._attributes:
            for name, item in _present(value, value._attributes,
                                       skip_default_none=True):
                text, small = show(item, depth + 1)
                compact = compact and small
                pieces.append(name + '=' + text)
        kind = value.__class__.__name__
        if compact and len(pieces) <= 3:
            return kind + '(' + ', '.join(pieces) + ')', not pieces
        opener, between = spacing(depth + 1)
        return kind + '(' + opener + between.join(pieces) + ')', False

    def spacing(depth):
        if indent is None:
            return '', ', '
        pad = indent * depth
        return '\n' + pad, ',\n' + pad

    return show(node, 0)[0]


# ---------------------------------------------------------------------------
# locations

def copy_location(new_node, old_node):
    """Copy lineno, col_offset, end_lineno and end_col_offset from old_node
    to new_node where both have them; return new_node."""
    for attr in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if attr not in old_node._attributes or attr not in new_node._attributes:
            continue
        if attr.startswith('end_'):
            # optional: copied even when it is None
            if hasattr(old_node, attr):
                setattr(new_node, attr, getattr(old_node, attr))
        else:
            value = getattr(old_node, attr, None)
            if value is not None:
                setattr(new_node, attr, value)
    return new_node


_LOCATION_SLOTS = (('lineno', False), ('end_lineno', True),
                   ('col_offset', False), ('end_col_offset', True))


def fix_missing_locations(node):
    """Give every node below `node` that lacks a location its parent's
    (1, 0 at the top); return node."""
    pending = [(node, (1, 1, 0, 0))]
    while pending:
        current, inherited = pending.pop()
        have = current._attributes
        values = list(inherited)
        for slot, (attr, optional) in enumerate(_LOCATION_SLOTS):
            if attr not in have:
                continue
            if optional:
                known = getattr(current, attr, None) is not None
            else:
                known = hasattr(current, attr)
            if known:
                values[slot] = getattr(current, attr)
            else:
                setattr(current, attr, values[slot])
        values = tuple(values)
        children = list(iter_child_nodes(current))
        pending.extend((child, values) for child in reversed(children))
    return node


def increment_lineno(node, n=1):
    """Add n to the line numbers of every node in the tree; return node."""
    for item in walk(node):
        if isinstance(item, TypeIgnore):
            # a field there, not an attribute
            item.lineno = getattr(item, 'lineno', 0) + n
            continue
        names = item._attributes
        if 'lineno' in names:
            item.lineno = getattr(item, 'lineno', 0) + n
        if 'end_lineno' in names:
            last = getattr(item, 'end_lineno', 0)
            if last is not None:
                item.end_lineno = last + n
    return node


# ---------------------------------------------------------------------------
# traversal

def iter_fields(node):
    """(name, value) for each of node._fields that is set on node."""
    for name in node._fields:
        if hasattr(node, name):
            yield name, getattr(node, name)


def iter_child_nodes(node):
    """The nodes directly below node: node fields and nodes in list fields."""
    for _name, value in iter_fields(node):
        if isinstance(value, list):
            yield from (v for v in value if isinstance(v, AST))
        elif isinstance(value, AST):
            yield value


def walk(node):
    """Every node of the tree under node (node included), breadth first."""
    from collections import deque
    queue = deque((node,))
    while queue:
        current = queue.popleft()
        queue.extend(iter_child_nodes(current))
        yield current


def _docstring_node(node):
    # the Constant holding node's docstring, or None
    body = node.body
    if body and isinstance(body[0], Expr):
        candidate = body[0].value
        if isinstance(candidate, Constant) and isinstance(candidate.value, str):
            return candidate
    return None


def get_docstring(node, clean=True):
    """The docstring of a function, class or module node, or None."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    found = _docstring_node(node)
    if found is None:
        return None
    if not clean:
        return found.value
    import inspect
    return inspect.cleandoc(found.value)


def _splitlines_no_ff(source):
    # Lines as the tokenizer sees them: ends are \n, \r\n or \r only.
    pieces = []
    begin = 0
    at = 0
    size = len(source)
    while at < size:
        ch = source[at]
        at += 1
        if ch == '\r' and at < size and source[at] == '\n':
            at += 1
        elif ch not in '\r\n':
            continue
        pieces.append(source[begin:at])
        begin = at
    if begin < size:
        pieces.append(source[begin:])
    return pieces


def _pad_whitespace(source):
    # blanks for everything except tabs and form feeds
    return ''.join(ch if ch in '\f\t' else ' ' for ch in source)


def get_source_segment(source, node, *, padded=False):
    """The text of `source` that node was parsed from, or None when node
    lacks location information.  With padded, a multi-line segment's first
    line keeps its indentation (as spaces)."""
    try:
        top, bottom = node.lineno, node.end_lineno
        left, right = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    if bottom is None or right is None:
        return None
    rows = _splitlines_no_ff(source)
    head = rows[top - 1].encode()
    if top == bottom:
        return head[left:right].decode()
    prefix = _pad_whitespace(head[:left].decode()) if padded else ''
    middle = rows[top:bottom - 1]
    tail = rows[bottom - 1].encode()[:right].decode()
    return ''.join([prefix + head[left:].decode(), *middle, tail])


# ---------------------------------------------------------------------------
# visitors

class NodeVisitor(object):
    """Walks a tree calling self.visit_<ClassName>(node) for each node, or
    generic_visit(node) when there is no such method."""

    def visit(self, node):
        name = 'visit_' + node.__class__.__name__
        return getattr(self, name, self.generic_visit)(node)

    def generic_visit(self, node):
        for child in iter_child_nodes(node):
            self.visit(child)

    def visit_Constant(self, node):
        legacy = _legacy_kind(node.value)
        if legacy is not None:
            name = 'visit_' + legacy
            old_style = getattr(self, name, None)
            if old_style is not None:
                import warnings
                warnings.warn(name + " is deprecated; add visit_Constant",
                              DeprecationWarning, 2)
                return old_style(node)
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return the replacement for each
    node: None removes it, a list splices several nodes into a list field."""

    def generic_visit(self, node):
        for name, current in iter_fields(node):
            if isinstance(current, AST):
                replacement = self.visit(current)
                if replacement is None:
                    delattr(node, name)
                else:
                    setattr(node, name, replacement)
            elif isinstance(current, list):
                kept = []
                for entry in current:
                    if not isinstance(entry, AST):
                        kept.append(entry)
                        continue
                    result = self.visit(entry)
                    if result is None:
                        pass
                    elif isinstance(result, AST):
                        kept.append(result)
                    else:
                        kept.extend(result)
                current[:] = kept
        return node


# ---------------------------------------------------------------------------
# pre-3.8 constant classes and pre-3.9 slice classes (deprecated)

def _get_value(self):
    return self.value


def _set_value(self, value):
    self.value = value


_VALUE_ALIAS_DOC = "Deprecated. Use value instead."
Constant.n = property(_get_value, _set_value, None, _VALUE_ALIAS_DOC)
Constant.s = property(_get_value, _set_value, None, _VALUE_ALIAS_DOC)

# value type -> legacy class name, bool before int (a bool is an int)
_LEGACY_KINDS = (
    (bool, 'NameConstant'), (type(None), 'NameConstant'),
    (int, 'Num'), (float, 'Num'), (complex, 'Num'),
    (str, 'Str'), (bytes, 'Bytes'), (type(...), 'Ellipsis'),
)


def _legacy_kind(value):
    exact = type(value)
    for kind, name in _LEGACY_KINDS:
        if exact is kind:
            return name
    for kind, name in _LEGACY_KINDS:
        if isinstance(value, kind):
            return name
    return None


class _ABC(type):

    def __init__(cls, *args):
        cls.__doc__ = "Deprecated AST node class. Use ast.Constant instead"

    def __instancecheck__(cls, inst):
        if not isinstance(inst, Constant):
            return False
        rule = _LEGACY_RULES.get(cls)
        if rule is None:
            # plain type.__instancecheck__
            if issubclass(type(inst), cls):
                return True
            claimed = getattr(inst, '__class__', None)
            return (claimed is not None and claimed is not type(inst)
                    and isinstance(claimed, type) and issubclass(claimed, cls))
        accepted, refused = rule
        try:
            value = inst.value
        except AttributeError:
            return False
        return isinstance(value, accepted) and not isinstance(value, refused)


def _legacy_new(cls, *args, **kwargs):
    order = cls._fields
    for key in kwargs:
        if key in order and order.index(key) < len(args):
            raise TypeError("%s got multiple values for argument %r"
                            % (cls.__name__, key))
    if cls in _LEGACY_RULES:
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_ABC):
    _fields = ('n',)
    __new__ = _legacy_new


class Str(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _legacy_new


class Bytes(Constant, metaclass=_ABC):
    _fields = ('s',)
    __new__ = _legacy_new


class NameConstant(Constant, metaclass=_ABC):
    __new__ = _legacy_new


class Ellipsis(Constant, metaclass=_ABC):
    _fields = ()

    def __new__(cls, *args, **kwargs):
        if cls is not Ellipsis:
            return Constant.__new__(cls, *args, **kwargs)
        return Constant(..., *args, **kwargs)


# class -> (value types accepted, value types refused)
_LEGACY_RULES = {
    Num: ((int, float, complex), (bool,)),
    Str: ((str,), ()),
    Bytes: ((bytes,), ()),
    NameConstant: ((type(None), bool), ()),
    Ellipsis: ((type(...),), ()),
}


class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class. Use the index value directly instead."""

    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Use ast.Tuple instead."""

    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


if not hasattr(Tuple, 'dims'):
    def _get_elts(self):
        return self.elts

    def _set_elts(self, value):
        self.elts = value

    Tuple.dims = property(_get_elts, _set_elts, None,
                          "Deprecated. Use elts instead.")


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


# ---------------------------------------------------------------------------
# unparse

# Binding strength, loosest first.  A node is wrapped in parentheses when
# the place it is written at asks for a tighter binding than its own.
(_NAMED, _TUPLE, _YIELD, _TEST, _OR, _AND, _NOT, _CMP, _BOR, _BXOR, _BAND,
 _SHIFT, _ARITH, _TERM, _FACTOR, _POWER, _AWAIT, _ATOM) = range(18)

# An overflowing float literal becomes inf in the tree; it is written back
# as a literal too large to be finite.
_HUGE = "1e" + repr(sys.float_info.max_10_exp + 1)

_ONE_LINE_QUOTES = ("'", '"')
_LONG_QUOTES = ('"""', "'''")
_EVERY_QUOTE = _ONE_LINE_QUOTES + _LONG_QUOTES

_OPERATORS = {
    # binary: (text, strength)
    Add: ('+', _ARITH), Sub: ('-', _ARITH), Mult: ('*', _TERM),
    MatMult: ('@', _TERM), Div: ('/', _TERM), Mod: ('%', _TERM),
    FloorDiv: ('//', _TERM), Pow: ('**', _POWER),
    LShift: ('<<', _SHIFT), RShift: ('>>', _SHIFT),
    BitOr: ('|', _BOR), BitXor: ('^', _BXOR), BitAnd: ('&', _BAND),
    # unary
    Invert: ('~', _FACTOR), UAdd: ('+', _FACTOR), USub: ('-', _FACTOR),
    Not: ('not', _NOT),
    # boolean
    And: ('and', _AND), Or: ('or', _OR),
    # comparison
    Eq: ('==', _CMP), NotEq: ('!=', _CMP), Lt: ('<', _CMP),
    LtE: ('<=', _CMP), Gt: ('>', _CMP), GtE: ('>=', _CMP),
    Is: ('is', _CMP), IsNot: ('is not', _CMP), In: ('in', _CMP),
    NotIn: ('not in', _CMP),
}


_OPERATORS = {klass.__name__: entry for klass, entry in _OPERATORS.items()}


def _operator(op):
    return _OPERATORS[op.__class__.__name__]


def _quote_body(text, choices, escape_layout=False):
    # -> (escaped body, quotes that can enclose it), fewest escapes first
    out = []
    for ch in text:
        if ch in '\n\t' and not escape_layout:
            out.append(ch)
        elif ch == '\\' or not ch.isprintable():
            out.append(ch.encode('unicode_escape').decode('ascii'))
        else:
            out.append(ch)
    body = ''.join(out)
    usable = [q for q in choices
              if q not in body and ('\n' not in body or len(q) == 3)]
    if not usable:
        fallback = repr(text)
        opener = fallback[0]
        picked = next((q for q in choices if opener in q), opener)
        return fallback[1:-1], [picked]
    if body:
        last = body[-1]
        usable.sort(key=lambda q: q[0] == last)
        if usable[0][0] == last:
            body = body[:-1] + '\\' + last
    return body, usable


class _Unparser:
    """Writes the source text of a tree (ast.unparse)."""

    def __init__(self, *, _avoid_backslashes=False):
        self.chunks = []
        self.depth = 0
        self.no_backslash = _avoid_backslashes
        self.star_handlers = False
        self.ignored_lines = {}

    # -- output

    def text(self, *parts):
        self.chunks.extend(parts)

    def newline(self):
        if self.chunks:
            self.chunks.append('\n')

    def line(self, start=''):
        self.newline()
        self.chunks.append('    ' * self.depth + start)

    def indented(self, statements, after_colon=None):
        self.chunks.append(':')
        if after_colon:
            self.chunks.append(after_colon)
        self.depth += 1
        try:
            self.write(statements)
        finally:
            self.depth -= 1

    def grab(self, action, *args):
        outer = self.chunks
        self.chunks = []
        try:
            action(*args)
            return ''.join(self.chunks)
        finally:
            self.chunks = outer

    def series(self, items, each=None, glue=', '):
        each = each or self.write
        for position, item in enumerate(items):
            if position:
                self.chunks.append(glue)
            each(item)

    def tuple_items(self, items, each):
        self.series(items, each)
        if len(items) == 1:
            self.chunks.append(',')

    def wrapped(self, needed, action, *args):
        if needed:
            self.chunks.append('(')
        action(*args)
        if needed:
            self.chunks.append(')')

    def comment_for(self, node):
        note = self.ignored_lines.get(node.lineno) or node.type_comment
        if note is None:
            return None
        return ' # type: ' + note

    # -- dispatch

    def run(self, node):
        self.chunks = []
        self.write(node)
        return ''.join(self.chunks)

    def write(self, node, strength=_TEST):
        if isinstance(node, list):
            for each in node:
                self.write(each)
            return
        handler = getattr(self, 'u_' + type(node).__name__, None)
        if handler is None:
            # no writer for this kind: each child is written afresh, so
            # only the last one's text remains
            for child in iter_child_nodes(node):
                self.run(child)
            return
        handler(node, strength)

    # -- module level

    def u_Module(self, node, strength):
        self.ignored_lines = {item.lineno: 'ignore' + item.tag
                              for item in node.type_ignores}
        self.body_with_docstring(node)
        self.ignored_lines.clear()

    def u_FunctionType(self, node, strength):
        self.text('(')
        self.series(node.argtypes)
        self.text(') -> ')
        self.write(node.returns)

    def body_with_docstring(self, node):
        statements = node.body
        doc = None
        if isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)) \
                and statements:
            doc = _docstring_node(node)
        if doc is None:
            self.write(statements)
            return
        self.line()
        if doc.kind == 'u':
            self.text('u')
        self.quoted(doc.value, _LONG_QUOTES)
        self.write(statements[1:])

    # -- simple statements

    def u_Expr(self, node, strength):
        self.line()
        self.write(node.value, _YIELD)

    def u_Pass(self, node, strength):
        self.line('pass')

    def u_Break(self, node, strength):
        self.line('break')

    def u_Continue(self, node, strength):
        self.line('continue')

    def u_Import(self, node, strength):
        self.line('import ')
        self.series(node.names)

    def u_ImportFrom(self, node, strength):
        self.line('from ' + '.' * (node.level or 0) + (node.module or ''))
        self.text(' import ')
        self.series(node.names)

    def u_alias(self, node, strength):
        self.text(node.name)
        if node.asname:
            self.text(' as ' + node.asname)

    def u_Assign(self, node, strength):
        self.line()
        for target in node.targets:
            self.write(target, _TUPLE)
            self.text(' = ')
        self.write(node.value)
        note = self.comment_for(node)
        if note:
            self.text(note)

    def u_AugAssign(self, node, strength):
        self.line()
        self.write(node.target)
        self.text(' ' + _operator(node.op)[0] + '= ')
        self.write(node.value)

    def u_AnnAssign(self, node, strength):
        self.line()
        self.wrapped(isinstance(node.target, Name) and not node.simple,
                     self.write, node.target)
        self.text(': ')
        self.write(node.annotation)
        if node.value:
            self.text(' = ')
            self.write(node.value)

    def u_Return(self, node, strength):
        self.line('return')
        if node.value:
            self.text(' ')
            self.write(node.value)

    def u_Delete(self, node, strength):
        self.line('del ')
        self.series(node.targets)

    def u_Assert(self, node, strength):
        self.line('assert ')
        self.write(node.test)
        if node.msg:
            self.text(', ')
            self.write(node.msg)

    def u_Global(self, node, strength):
        self.line('global ' + ', '.join(node.names))

    def u_Nonlocal(self, node, strength):
        self.line('nonlocal ' + ', '.join(node.names))

    def u_Raise(self, node, strength):
        self.line('raise')
        if node.exc:
            self.text(' ')
            self.write(node.exc)
            if node.cause:
                self.text(' from ')
                self.write(node.cause)
        elif node.cause:
            raise ValueError("Node can't use cause without an exception.")

    # -- compound statements

    def tail_blocks(self, orelse, finalbody=()):
        for keyword, block in (('else', orelse), ('finally', finalbody)):
            if block:
                self.line(keyword)
                self.indented(block)

    def try_statement(self, node, starred):
        saved = self.star_handlers
        self.star_handlers = starred
        try:
            self.line('try')
            self.indented(node.body)
            self.write(node.handlers)
            self.tail_blocks(node.orelse, node.finalbody)
        finally:
            self.star_handlers = saved

    def u_Try(self, node, strength):
        self.try_statement(node, False)

    def u_TryStar(self, node, strength):
        self.try_statement(node, True)

    def u_ExceptHandler(self, node, strength):
        self.line('except*' if self.star_handlers else 'except')
        if node.type:
            self.text(' ')
            self.write(node.type)
        if node.name:
            self.text(' as ' + node.name)
        self.indented(node.body)

    def decorated(self, node, header):
        self.newline()
        for decorator in node.decorator_list:
            self.line('@')
            self.write(decorator)
        self.line(header)

    def u_ClassDef(self, node, strength):
        self.decorated(node, 'class ' + node.name)
        parents = list(node.bases) + list(node.keywords)
        if parents:
            self.text('(')
            self.series(parents)
            self.text(')')
        self.chunks.append(':')
        self.depth += 1
        try:
            self.body_with_docstring(node)
        finally:
            self.depth -= 1

    def function(self, node, keyword):
        self.decorated(node, keyword + ' ' + node.name)
        self.text('(')
        self.write(node.args)
        self.text(')')
        if node.returns:
            self.text(' -> ')
            self.write(node.returns)
        self.chunks.append(':')
        note = self.comment_for(node)
        if note:
            self.text(note)
        self.depth += 1
        try:
            self.body_with_docstring(node)
        finally:
            self.depth -= 1

    def u_FunctionDef(self, node, strength):
        self.function(node, 'def')

    def u_AsyncFunctionDef(self, node, strength):
        self.function(node, 'async def')

    def loop(self, node, keyword):
        self.line(keyword)
        self.write(node.target, _TUPLE)
        self.text(' in ')
        self.write(node.iter)
        self.indented(node.body, self.comment_for(node))
        self.tail_blocks(node.orelse)

    def u_For(self, node, strength):
        self.loop(node, 'for ')

    def u_AsyncFor(self, node, strength):
        self.loop(node, 'async for ')

    def u_While(self, node, strength):
        self.line('while ')
        self.write(node.test)
        self.indented(node.body)
        self.tail_blocks(node.orelse)

    def u_If(self, node, strength):
        keyword = 'if '
        while True:
            self.line(keyword)
            self.write(node.test)
            self.indented(node.body)
            rest = node.orelse
            if len(rest) == 1 and isinstance(rest[0], If):
                node = rest[0]
                keyword = 'elif '
                continue
            self.tail_blocks(rest)
            return

    def context(self, node, keyword):
        self.line(keyword)
        self.series(node.items)
        self.indented(node.body, self.comment_for(node))

    def u_With(self, node, strength):
        self.context(node, 'with ')

    def u_AsyncWith(self, node, strength):
        self.context(node, 'async with ')

    def u_withitem(self, node, strength):
        self.write(node.context_expr)
        if node.optional_vars:
            self.text(' as ')
            self.write(node.optional_vars)

    def u_Match(self, node, strength):
        self.line('match ')
        self.write(node.subject)
        self.indented(node.cases)

    def u_match_case(self, node, strength):
        self.line('case ')
        self.write(node.pattern)
        if node.guard:
            self.text(' if ')
            self.write(node.guard)
        self.indented(node.body)

    # -- strings

    def quoted(self, value, choices=_EVERY_QUOTE):
        body, quotes = _quote_body(value, choices)
        self.text(quotes[0], body, quotes[0])

    def u_JoinedStr(self, node, strength):
        self.text('f')
        if self.no_backslash:
            self.quoted(self.grab(self.fstring_part, node))
            return
        # Escapes are allowed in the literal parts only.
        choices = list(_EVERY_QUOTE)
        bodies = []
        for part in node.values:
            raw = self.grab(self.fstring_part, part)
            body, choices = _quote_body(raw, choices,
                                        escape_layout=isinstance(part, Constant))
            bodies.append(body)
        self.text(choices[0], ''.join(bodies), choices[0])

    def fstring_part(self, node):
        if isinstance(node, JoinedStr):
            for part in node.values:
                self.fstring_part(part)
        elif isinstance(node, FormattedValue):
            self.u_FormattedValue(node, _TEST)
        elif isinstance(node, Constant) and isinstance(node.value, str):
            self.text(node.value.replace('{', '{{').replace('}', '}}'))
        else:
            raise ValueError("Unexpected node inside JoinedStr, %r" % (node,))

    def u_FormattedValue(self, node, strength):
        nested = type(self)(_avoid_backslashes=True)
        source = nested.grab(nested.write, node.value, _OR)
        self.text('{')
        if '\\' in source:
            raise ValueError("Unable to avoid backslash in f-string "
                             "expression part")
        # '{{' would read as an escaped brace
        self.text(' ' + source if source.startswith('{') else source)
        if node.conversion != -1:
            self.text('!' + chr(node.conversion))
        if node.format_spec:
            self.text(':')
            self.fstring_part(node.format_spec)
        self.text('}')

    # -- atoms

    def u_Name(self, node, strength):
        self.text(node.id)

    def literal(self, value):
        if isinstance(value, (float, complex)):
            shown = repr(value).replace('inf', _HUGE)
            self.text(shown.replace('nan', '(%s-%s)' % (_HUGE, _HUGE)))
        elif isinstance(value, str) and self.no_backslash:
            self.quoted(value)
        else:
            self.text(repr(value))

    def u_Constant(self, node, strength):
        value = node.value
        if value is ...:
            self.text('...')
        elif isinstance(value, tuple):
            self.text('(')
            self.tuple_items(value, self.literal)
            self.text(')')
        else:
            if node.kind == 'u':
                self.text('u')
            self.literal(value)

    def u_List(self, node, strength):
        self.text('[')
        self.series(node.elts)
        self.text(']')

    def u_Tuple(self, node, strength):
        self.wrapped(not node.elts or strength > _TUPLE,
                     self.tuple_items, node.elts, self.write)

    def u_Set(self, node, strength):
        if not node.elts:
            # `{}` is a dict and the name `set` may be rebound
            self.text('{*()}')
            return
        self.text('{')
        self.series(node.elts)
        self.text('}')

    def u_Dict(self, node, strength):
        def entry(pair):
            key, value = pair
            if key is None:
                self.text('**')
                self.write(value, _BOR)
            else:
                self.write(key)
                self.text(': ')
                self.write(value)
        self.text('{')
        self.series(list(zip(node.keys, node.values)), entry)
        self.text('}')

    def comprehension_of(self, node, opener, closer, *heads):
        self.text(opener)
        self.write(heads[0])
        if len(heads) > 1:
            self.text(': ')
            self.write(heads[1])
        self.write(node.generators)
        self.text(closer)

    def u_ListComp(self, node, strength):
        self.comprehension_of(node, '[', ']', node.elt)

    def u_SetComp(self, node, strength):
        self.comprehension_of(node, '{', '}', node.elt)

    def u_GeneratorExp(self, node, strength):
        self.comprehension_of(node, '(', ')', node.elt)

    def u_DictComp(self, node, strength):
        self.comprehension_of(node, '{', '}', node.key, node.value)

    def u_comprehension(self, node, strength):
        self.text(' async for ' if node.is_async else ' for ')
        self.write(node.target, _TUPLE)
        self.text(' in ')
        self.write(node.iter, _OR)
        for condition in node.ifs:
            self.text(' if ')
            self.write(condition, _OR)

    # -- operators

    def u_NamedExpr(self, node, strength):
        self.wrapped(strength > _NAMED, self._named, node)

    def _named(self, node):
        self.write(node.target, _ATOM)
        self.text(' := ')
        self.write(node.value, _ATOM)

    def prefixed(self, node, strength, keyword, own):
        def body():
            self.text(keyword)
            if node.value:
                self.text(' ')
                self.write(node.value, _ATOM)
        self.wrapped(strength > own, body)

    def u_Await(self, node, strength):
        self.prefixed(node, strength, 'await', _AWAIT)

    def u_Yield(self, node, strength):
        self.prefixed(node, strength, 'yield', _YIELD)

    def u_YieldFrom(self, node, strength):
        def body():
            self.text('yield from ')
            if not node.value:
                raise ValueError("Node can't be used without a value "
                                 "attribute.")
            self.write(node.value, _ATOM)
        self.wrapped(strength > _YIELD, body)

    def u_IfExp(self, node, strength):
        def body():
            self.write(node.body, _OR)
            self.text(' if ')
            self.write(node.test, _OR)
            self.text(' else ')
            self.write(node.orelse, _TEST)
        self.wrapped(strength > _TEST, body)

    def u_UnaryOp(self, node, strength):
        sign, own = _operator(node.op)

        def body():
            self.text(sign if own == _FACTOR else sign + ' ')
            self.write(node.operand, own)
        self.wrapped(strength > own, body)

    def u_BinOp(self, node, strength):
        sign, own = _operator(node.op)
        # ** groups to the right, everything else to the left
        if own == _POWER:
            left, right = own + 1, own
        else:
            left, right = own, own + 1

        def body():
            self.write(node.left, left)
            self.text(' ' + sign + ' ')
            self.write(node.right, right)
        self.wrapped(strength > own, body)

    def u_Compare(self, node, strength):
        def body():
            self.write(node.left, _CMP + 1)
            for op, operand in zip(node.ops, node.comparators):
                self.text(' ' + _operator(op)[0] + ' ')
                self.write(operand, _CMP + 1)
        self.wrapped(strength > _CMP, body)

    def u_BoolOp(self, node, strength):
        word, own = _operator(node.op)

        def body():
            # each further operand binds one step tighter
            for position, operand in enumerate(node.values):
                if position:
                    self.text(' ' + word + ' ')
                self.write(operand, min(own + 1 + position, _ATOM))
        self.wrapped(strength > own, body)

    def u_Lambda(self, node, strength):
        def body():
            self.text('lambda')
            params = self.grab(self.write, node.args)
            if params:
                self.text(' ' + params)
            self.text(': ')
            self.write(node.body, _TEST)
        self.wrapped(strength > _TEST, body)

    # -- trailers

    def u_Attribute(self, node, strength):
        owner = node.value
        self.write(owner, _ATOM)
        # `1.real` would read as a float literal
        if isinstance(owner, Constant) and isinstance(owner.value, int):
            self.text(' ')
        self.text('.' + node.attr)

    def u_Call(self, node, strength):
        self.write(node.func, _ATOM)
        self.text('(')
        self.series(list(node.args) + list(node.keywords))
        self.text(')')

    def u_keyword(self, node, strength):
        self.text('**' if node.arg is None else node.arg + '=')
        self.write(node.value)

    def u_Subscript(self, node, strength):
        self.write(node.value, _ATOM)
        self.text('[')
        index = node.slice
        if isinstance(index, Tuple) and index.elts:
            self.tuple_items(index.elts, self.write)
        else:
            self.write(index)
        self.text(']')

    def u_Starred(self, node, strength):
        self.text('*')
        self.write(node.value, _BOR)

    def u_Slice(self, node, strength):
        if node.lower:
            self.write(node.lower)
        self.text(':')
        if node.upper:
            self.write(node.upper)
        if node.step:
            self.text(':')
            self.write(node.step)

    # -- parameters

    def u_arg(self, node, strength):
        self.text(node.arg)
        if node.annotation:
            self.text(': ')
            self.write(node.annotation)

    def u_arguments(self, node, strength):
        plain = node.posonlyargs + node.args
        padded = [None] * (len(plain) - len(node.defaults)) + node.defaults
        slash_at = len(node.posonlyargs)
        pieces = [(param, default, number == slash_at)
                  for number, (param, default) in enumerate(zip(plain, padded), 1)]
        first = True

        def comma():
            nonlocal first
            if not first:
                self.text(', ')
            first = False

        for param, default, slash in pieces:
            comma()
            self.write(param)
            if default:
                self.text('=')
                self.write(default)
            if slash:
                self.text(', /')
        star = node.vararg
        if star or node.kwonlyargs:
            comma()
            self.text('*')
            if star:
                self.text(star.arg)
                if star.annotation:
                    self.text(': ')
                    self.write(star.annotation)
        # (`kw_defaults` only when there are keyword-only parameters: a
        # node built without it has no such attribute, as in CPython.)
        for param, default in zip(node.kwonlyargs, node.kw_defaults if node.kwonlyargs else ()):
            self.text(', ')
            self.write(param)
            if default:
                self.text('=')
                self.write(default)
        double = node.kwarg
        if double:
            comma()
            self.text('**' + double.arg)
            if double.annotation:
                self.text(': ')
                self.write(double.annotation)

    # -- patterns

    def u_MatchValue(self, node, strength):
        self.write(node.value)

    def u_MatchSingleton(self, node, strength):
        self.literal(node.value)

    def u_MatchSequence(self, node, strength):
        self.text('[')
        self.series(node.patterns)
        self.text(']')

    def u_MatchStar(self, node, strength):
        self.text('*' + ('_' if node.name is None else node.name))

    def u_MatchMapping(self, node, strength):
        def entry(pair):
            self.write(pair[0])
            self.text(': ')
            self.write(pair[1])
        self.text('{')
        self.series(list(zip(node.keys, node.patterns, strict=True)), entry)
        if node.rest is not None:
            self.text((', **' if node.keys else '**') + node.rest)
        self.text('}')

    def u_MatchClass(self, node, strength):
        self.write(node.cls, _ATOM)
        self.text('(')
        self.series(node.patterns)
        if node.kwd_attrs:
            named = zip(node.kwd_attrs, node.kwd_patterns, strict=True)
            if node.patterns:
                self.text(', ')

            def entry(pair):
                self.text(pair[0] + '=')
                self.write(pair[1])
            self.series(named, entry)
        self.text(')')

    def u_MatchAs(self, node, strength):
        if node.name is None:
            self.text('_')
        elif node.pattern is None:
            self.text(node.name)
        else:
            def body():
                self.write(node.pattern, _BOR)
                self.text(' as ' + node.name)
            self.wrapped(strength > _TEST, body)

    def u_MatchOr(self, node, strength):
        def body():
            self.series(node.patterns, lambda p: self.write(p, _BOR + 1),
                        ' | ')
        self.wrapped(strength > _BOR, body)

    # compatibility with NodeVisitor-style callers
    def visit(self, node):
        return self.run(node)


def unparse(ast_obj):
    return _Unparser().run(ast_obj)


# ---------------------------------------------------------------------------
# python -m ast

def main():
    import argparse

    cli = argparse.ArgumentParser(prog='python -m ast')
    cli.add_argument('infile', type=argparse.FileType(mode='rb'), nargs='?',
                     default='-', help='the file to parse; defaults to stdin')
    cli.add_argument('-m', '--mode', default='exec',
                     choices=('exec', 'single', 'eval', 'func_type'),
                     help='specify what kind of code must be parsed')
    cli.add_argument('--no-type-comments', default=True, action='store_false',
                     help="don't add information about type comments")
    cli.add_argument('-a', '--include-attributes', action='store_true',
                     help='include attributes such as line numbers and '
                          'column offsets')
    cli.add_argument('-i', '--indent', type=int, default=3,
                     help='indentation of nodes (number of spaces)')
    options = cli.parse_args()
    with options.infile as stream:
        text = stream.read()
    tree = parse(text, options.infile.name, options.mode,
                 type_comments=options.no_type_comments)
    print(dump(tree, include_attributes=options.include_attributes,
               indent=options.indent))


if __name__ == '__main__':
    main()
