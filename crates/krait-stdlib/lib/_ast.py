"""The node classes of Python's abstract syntax tree, for krait.

krait's parser builds its tree in Rust; the VM hands it to this module as
JSON text (`_from_json`) and asks this module for JSON text when a tree built
in Python is compiled (`_to_json`).  The JSON shape: every node is an object
whose "_type" names its class, with its fields under CPython's names and
lineno/col_offset/end_lineno/end_col_offset where the class has them; a
Constant's (and a MatchSingleton's) value is tagged ("none", "ellipsis",
{"bool": b}, {"int": "decimal"}, {"float": "Rust {:?} text"},
{"complex": {"real": r, "imag": i}}, {"str": s}, {"bytes": [..]}).  krait's
tree has no type comments and no type_ignores.

The class table between the GENERATED markers is written by generate_ast.py
from CPython 3.11's own _ast.
"""


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        cls = type(self)
        try:
            fields = cls._fields
        except AttributeError:
            fields = ()
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError("%s constructor takes at most %d positional "
                            "argument%s" % (cls.__name__, n,
                                            "" if n == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for key, value in kwargs.items():
            if args and key in fields and list(fields).index(key) < len(args):
                raise TypeError("%s got multiple values for argument '%s'"
                                % (cls.__name__, key))
            setattr(self, key, value)

    def __reduce__(self):
        return type(self), (), self.__dict__


AST.__module__ = "ast"

# BEGIN GENERATED TABLE
# Written by generate_ast.py from CPython 3.11.7's _ast: do not edit.
# (name, base, __doc__, ((field, asdl type, qualifier), ...),
#  own _attributes or None when inherited, names defaulting to None)
_TABLE = (
    ('mod', 'AST', 'mod = Module(stmt* body, type_ignore* type_ignores)\n    | Interactive(stmt* body)\n    | Expression(expr body)\n    | FunctionType(expr* argtypes, expr returns)', (), (), ()),
    ('Module', 'mod', 'Module(stmt* body, type_ignore* type_ignores)', (('body', 'stmt', '*'), ('type_ignores', 'type_ignore', '*')), None, ()),
    ('Interactive', 'mod', 'Interactive(stmt* body)', (('body', 'stmt', '*'),), None, ()),
    ('Expression', 'mod', 'Expression(expr body)', (('body', 'expr', ''),), None, ()),
    ('FunctionType', 'mod', 'FunctionType(expr* argtypes, expr returns)', (('argtypes', 'expr', '*'), ('returns', 'expr', '')), None, ()),
    ('stmt', 'AST', 'stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\n     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\n     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)\n     | Return(expr? value)\n     | Delete(expr* targets)\n     | Assign(expr* targets, expr value, string? type_comment)\n     | AugAssign(expr target, operator op, expr value)\n     | AnnAssign(expr target, expr annotation, expr? value, int simple)\n     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\n     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\n     | While(expr test, stmt* body, stmt* orelse)\n     | If(expr test, stmt* body, stmt* orelse)\n     | With(withitem* items, stmt* body, string? type_comment)\n     | AsyncWith(withitem* items, stmt* body, string? type_comment)\n     | Match(expr subject, match_case* cases)\n     | Raise(expr? exc, expr? cause)\n     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\n     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\n     | Assert(expr test, expr? msg)\n     | Import(alias* names)\n     | ImportFrom(identifier? module, alias* names, int? level)\n     | Global(identifier* names)\n     | Nonlocal(identifier* names)\n     | Expr(expr value)\n     | Pass\n     | Break\n     | Continue', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('FunctionDef', 'stmt', 'FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)', (('name', 'identifier', ''), ('args', 'arguments', ''), ('body', 'stmt', '*'), ('decorator_list', 'expr', '*'), ('returns', 'expr', '?'), ('type_comment', 'string', '?')), None, ('returns', 'type_comment')),
    ('AsyncFunctionDef', 'stmt', 'AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)', (('name', 'identifier', ''), ('args', 'arguments', ''), ('body', 'stmt', '*'), ('decorator_list', 'expr', '*'), ('returns', 'expr', '?'), ('type_comment', 'string', '?')), None, ('returns', 'type_comment')),
    ('ClassDef', 'stmt', 'ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)', (('name', 'identifier', ''), ('bases', 'expr', '*'), ('keywords', 'keyword', '*'), ('body', 'stmt', '*'), ('decorator_list', 'expr', '*')), None, ()),
    ('Return', 'stmt', 'Return(expr? value)', (('value', 'expr', '?'),), None, ('value',)),
    ('Delete', 'stmt', 'Delete(expr* targets)', (('targets', 'expr', '*'),), None, ()),
    ('Assign', 'stmt', 'Assign(expr* targets, expr value, string? type_comment)', (('targets', 'expr', '*'), ('value', 'expr', ''), ('type_comment', 'string', '?')), None, ('type_comment',)),
    ('AugAssign', 'stmt', 'AugAssign(expr target, operator op, expr value)', (('target', 'expr', ''), ('op', 'operator', ''), ('value', 'expr', '')), None, ()),
    ('AnnAssign', 'stmt', 'AnnAssign(expr target, expr annotation, expr? value, int simple)', (('target', 'expr', ''), ('annotation', 'expr', ''), ('value', 'expr', '?'), ('simple', 'int', '')), None, ('value',)),
    ('For', 'stmt', 'For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)', (('target', 'expr', ''), ('iter', 'expr', ''), ('body', 'stmt', '*'), ('orelse', 'stmt', '*'), ('type_comment', 'string', '?')), None, ('type_comment',)),
    ('AsyncFor', 'stmt', 'AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)', (('target', 'expr', ''), ('iter', 'expr', ''), ('body', 'stmt', '*'), ('orelse', 'stmt', '*'), ('type_comment', 'string', '?')), None, ('type_comment',)),
    ('While', 'stmt', 'While(expr test, stmt* body, stmt* orelse)', (('test', 'expr', ''), ('body', 'stmt', '*'), ('orelse', 'stmt', '*')), None, ()),
    ('If', 'stmt', 'If(expr test, stmt* body, stmt* orelse)', (('test', 'expr', ''), ('body', 'stmt', '*'), ('orelse', 'stmt', '*')), None, ()),
    ('With', 'stmt', 'With(withitem* items, stmt* body, string? type_comment)', (('items', 'withitem', '*'), ('body', 'stmt', '*'), ('type_comment', 'string', '?')), None, ('type_comment',)),
    ('AsyncWith', 'stmt', 'AsyncWith(withitem* items, stmt* body, string? type_comment)', (('items', 'withitem', '*'), ('body', 'stmt', '*'), ('type_comment', 'string', '?')), None, ('type_comment',)),
    ('Match', 'stmt', 'Match(expr subject, match_case* cases)', (('subject', 'expr', ''), ('cases', 'match_case', '*')), None, ()),
    ('Raise', 'stmt', 'Raise(expr? exc, expr? cause)', (('exc', 'expr', '?'), ('cause', 'expr', '?')), None, ('exc', 'cause')),
    ('Try', 'stmt', 'Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)', (('body', 'stmt', '*'), ('handlers', 'excepthandler', '*'), ('orelse', 'stmt', '*'), ('finalbody', 'stmt', '*')), None, ()),
    ('TryStar', 'stmt', 'TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)', (('body', 'stmt', '*'), ('handlers', 'excepthandler', '*'), ('orelse', 'stmt', '*'), ('finalbody', 'stmt', '*')), None, ()),
    ('Assert', 'stmt', 'Assert(expr test, expr? msg)', (('test', 'expr', ''), ('msg', 'expr', '?')), None, ('msg',)),
    ('Import', 'stmt', 'Import(alias* names)', (('names', 'alias', '*'),), None, ()),
    ('ImportFrom', 'stmt', 'ImportFrom(identifier? module, alias* names, int? level)', (('module', 'identifier', '?'), ('names', 'alias', '*'), ('level', 'int', '?')), None, ('module', 'level')),
    ('Global', 'stmt', 'Global(identifier* names)', (('names', 'identifier', '*'),), None, ()),
    ('Nonlocal', 'stmt', 'Nonlocal(identifier* names)', (('names', 'identifier', '*'),), None, ()),
    ('Expr', 'stmt', 'Expr(expr value)', (('value', 'expr', ''),), None, ()),
    ('Pass', 'stmt', 'Pass', (), None, ()),
    ('Break', 'stmt', 'Break', (), None, ()),
    ('Continue', 'stmt', 'Continue', (), None, ()),
    ('expr', 'AST', 'expr = BoolOp(boolop op, expr* values)\n     | NamedExpr(expr target, expr value)\n     | BinOp(expr left, operator op, expr right)\n     | UnaryOp(unaryop op, expr operand)\n     | Lambda(arguments args, expr body)\n     | IfExp(expr test, expr body, expr orelse)\n     | Dict(expr* keys, expr* values)\n     | Set(expr* elts)\n     | ListComp(expr elt, comprehension* generators)\n     | SetComp(expr elt, comprehension* generators)\n     | DictComp(expr key, expr value, comprehension* generators)\n     | GeneratorExp(expr elt, comprehension* generators)\n     | Await(expr value)\n     | Yield(expr? value)\n     | YieldFrom(expr value)\n     | Compare(expr left, cmpop* ops, expr* comparators)\n     | Call(expr func, expr* args, keyword* keywords)\n     | FormattedValue(expr value, int conversion, expr? format_spec)\n     | JoinedStr(expr* values)\n     | Constant(constant value, string? kind)\n     | Attribute(expr value, identifier attr, expr_context ctx)\n     | Subscript(expr value, expr slice, expr_context ctx)\n     | Starred(expr value, expr_context ctx)\n     | Name(identifier id, expr_context ctx)\n     | List(expr* elts, expr_context ctx)\n     | Tuple(expr* elts, expr_context ctx)\n     | Slice(expr? lower, expr? upper, expr? step)', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('BoolOp', 'expr', 'BoolOp(boolop op, expr* values)', (('op', 'boolop', ''), ('values', 'expr', '*')), None, ()),
    ('NamedExpr', 'expr', 'NamedExpr(expr target, expr value)', (('target', 'expr', ''), ('value', 'expr', '')), None, ()),
    ('BinOp', 'expr', 'BinOp(expr left, operator op, expr right)', (('left', 'expr', ''), ('op', 'operator', ''), ('right', 'expr', '')), None, ()),
    ('UnaryOp', 'expr', 'UnaryOp(unaryop op, expr operand)', (('op', 'unaryop', ''), ('operand', 'expr', '')), None, ()),
    ('Lambda', 'expr', 'Lambda(arguments args, expr body)', (('args', 'arguments', ''), ('body', 'expr', '')), None, ()),
    ('IfExp', 'expr', 'IfExp(expr test, expr body, expr orelse)', (('test', 'expr', ''), ('body', 'expr', ''), ('orelse', 'expr', '')), None, ()),
    ('Dict', 'expr', 'Dict(expr* keys, expr* values)', (('keys', 'expr', '*'), ('values', 'expr', '*')), None, ()),
    ('Set', 'expr', 'Set(expr* elts)', (('elts', 'expr', '*'),), None, ()),
    ('ListComp', 'expr', 'ListComp(expr elt, comprehension* generators)', (('elt', 'expr', ''), ('generators', 'comprehension', '*')), None, ()),
    ('SetComp', 'expr', 'SetComp(expr elt, comprehension* generators)', (('elt', 'expr', ''), ('generators', 'comprehension', '*')), None, ()),
    ('DictComp', 'expr', 'DictComp(expr key, expr value, comprehension* generators)', (('key', 'expr', ''), ('value', 'expr', ''), ('generators', 'comprehension', '*')), None, ()),
    ('GeneratorExp', 'expr', 'GeneratorExp(expr elt, comprehension* generators)', (('elt', 'expr', ''), ('generators', 'comprehension', '*')), None, ()),
    ('Await', 'expr', 'Await(expr value)', (('value', 'expr', ''),), None, ()),
    ('Yield', 'expr', 'Yield(expr? value)', (('value', 'expr', '?'),), None, ('value',)),
    ('YieldFrom', 'expr', 'YieldFrom(expr value)', (('value', 'expr', ''),), None, ()),
    ('Compare', 'expr', 'Compare(expr left, cmpop* ops, expr* comparators)', (('left', 'expr', ''), ('ops', 'cmpop', '*'), ('comparators', 'expr', '*')), None, ()),
    ('Call', 'expr', 'Call(expr func, expr* args, keyword* keywords)', (('func', 'expr', ''), ('args', 'expr', '*'), ('keywords', 'keyword', '*')), None, ()),
    ('FormattedValue', 'expr', 'FormattedValue(expr value, int conversion, expr? format_spec)', (('value', 'expr', ''), ('conversion', 'int', ''), ('format_spec', 'expr', '?')), None, ('format_spec',)),
    ('JoinedStr', 'expr', 'JoinedStr(expr* values)', (('values', 'expr', '*'),), None, ()),
    ('Constant', 'expr', 'Constant(constant value, string? kind)', (('value', 'constant', ''), ('kind', 'string', '?')), None, ('kind',)),
    ('Attribute', 'expr', 'Attribute(expr value, identifier attr, expr_context ctx)', (('value', 'expr', ''), ('attr', 'identifier', ''), ('ctx', 'expr_context', '')), None, ()),
    ('Subscript', 'expr', 'Subscript(expr value, expr slice, expr_context ctx)', (('value', 'expr', ''), ('slice', 'expr', ''), ('ctx', 'expr_context', '')), None, ()),
    ('Starred', 'expr', 'Starred(expr value, expr_context ctx)', (('value', 'expr', ''), ('ctx', 'expr_context', '')), None, ()),
    ('Name', 'expr', 'Name(identifier id, expr_context ctx)', (('id', 'identifier', ''), ('ctx', 'expr_context', '')), None, ()),
    ('List', 'expr', 'List(expr* elts, expr_context ctx)', (('elts', 'expr', '*'), ('ctx', 'expr_context', '')), None, ()),
    ('Tuple', 'expr', 'Tuple(expr* elts, expr_context ctx)', (('elts', 'expr', '*'), ('ctx', 'expr_context', '')), None, ()),
    ('Slice', 'expr', 'Slice(expr? lower, expr? upper, expr? step)', (('lower', 'expr', '?'), ('upper', 'expr', '?'), ('step', 'expr', '?')), None, ('lower', 'upper', 'step')),
    ('expr_context', 'AST', 'expr_context = Load | Store | Del', (), (), ()),
    ('Load', 'expr_context', 'Load', (), None, ()),
    ('Store', 'expr_context', 'Store', (), None, ()),
    ('Del', 'expr_context', 'Del', (), None, ()),
    ('boolop', 'AST', 'boolop = And | Or', (), (), ()),
    ('And', 'boolop', 'And', (), None, ()),
    ('Or', 'boolop', 'Or', (), None, ()),
    ('operator', 'AST', 'operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv', (), (), ()),
    ('Add', 'operator', 'Add', (), None, ()),
    ('Sub', 'operator', 'Sub', (), None, ()),
    ('Mult', 'operator', 'Mult', (), None, ()),
    ('MatMult', 'operator', 'MatMult', (), None, ()),
    ('Div', 'operator', 'Div', (), None, ()),
    ('Mod', 'operator', 'Mod', (), None, ()),
    ('Pow', 'operator', 'Pow', (), None, ()),
    ('LShift', 'operator', 'LShift', (), None, ()),
    ('RShift', 'operator', 'RShift', (), None, ()),
    ('BitOr', 'operator', 'BitOr', (), None, ()),
    ('BitXor', 'operator', 'BitXor', (), None, ()),
    ('BitAnd', 'operator', 'BitAnd', (), None, ()),
    ('FloorDiv', 'operator', 'FloorDiv', (), None, ()),
    ('unaryop', 'AST', 'unaryop = Invert | Not | UAdd | USub', (), (), ()),
    ('Invert', 'unaryop', 'Invert', (), None, ()),
    ('Not', 'unaryop', 'Not', (), None, ()),
    ('UAdd', 'unaryop', 'UAdd', (), None, ()),
    ('USub', 'unaryop', 'USub', (), None, ()),
    ('cmpop', 'AST', 'cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn', (), (), ()),
    ('Eq', 'cmpop', 'Eq', (), None, ()),
    ('NotEq', 'cmpop', 'NotEq', (), None, ()),
    ('Lt', 'cmpop', 'Lt', (), None, ()),
    ('LtE', 'cmpop', 'LtE', (), None, ()),
    ('Gt', 'cmpop', 'Gt', (), None, ()),
    ('GtE', 'cmpop', 'GtE', (), None, ()),
    ('Is', 'cmpop', 'Is', (), None, ()),
    ('IsNot', 'cmpop', 'IsNot', (), None, ()),
    ('In', 'cmpop', 'In', (), None, ()),
    ('NotIn', 'cmpop', 'NotIn', (), None, ()),
    ('comprehension', 'AST', 'comprehension(expr target, expr iter, expr* ifs, int is_async)', (('target', 'expr', ''), ('iter', 'expr', ''), ('ifs', 'expr', '*'), ('is_async', 'int', '')), (), ()),
    ('excepthandler', 'AST', 'excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset')),
    ('ExceptHandler', 'excepthandler', 'ExceptHandler(expr? type, identifier? name, stmt* body)', (('type', 'expr', '?'), ('name', 'identifier', '?'), ('body', 'stmt', '*')), None, ('type', 'name')),
    ('arguments', 'AST', 'arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)', (('posonlyargs', 'arg', '*'), ('args', 'arg', '*'), ('vararg', 'arg', '?'), ('kwonlyargs', 'arg', '*'), ('kw_defaults', 'expr', '*'), ('kwarg', 'arg', '?'), ('defaults', 'expr', '*')), (), ('vararg', 'kwarg')),
    ('arg', 'AST', 'arg(identifier arg, expr? annotation, string? type_comment)', (('arg', 'identifier', ''), ('annotation', 'expr', '?'), ('type_comment', 'string', '?')), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('annotation', 'type_comment', 'end_lineno', 'end_col_offset')),
    ('keyword', 'AST', 'keyword(identifier? arg, expr value)', (('arg', 'identifier', '?'), ('value', 'expr', '')), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('arg', 'end_lineno', 'end_col_offset')),
    ('alias', 'AST', 'alias(identifier name, identifier? asname)', (('name', 'identifier', ''), ('asname', 'identifier', '?')), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('asname', 'end_lineno', 'end_col_offset')),
    ('withitem', 'AST', 'withitem(expr context_expr, expr? optional_vars)', (('context_expr', 'expr', ''), ('optional_vars', 'expr', '?')), (), ('optional_vars',)),
    ('match_case', 'AST', 'match_case(pattern pattern, expr? guard, stmt* body)', (('pattern', 'pattern', ''), ('guard', 'expr', '?'), ('body', 'stmt', '*')), (), ('guard',)),
    ('pattern', 'AST', 'pattern = MatchValue(expr value)\n        | MatchSingleton(constant value)\n        | MatchSequence(pattern* patterns)\n        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)\n        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)\n        | MatchStar(identifier? name)\n        | MatchAs(pattern? pattern, identifier? name)\n        | MatchOr(pattern* patterns)', (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ()),
    ('MatchValue', 'pattern', 'MatchValue(expr value)', (('value', 'expr', ''),), None, ()),
    ('MatchSingleton', 'pattern', 'MatchSingleton(constant value)', (('value', 'constant', ''),), None, ()),
    ('MatchSequence', 'pattern', 'MatchSequence(pattern* patterns)', (('patterns', 'pattern', '*'),), None, ()),
    ('MatchMapping', 'pattern', 'MatchMapping(expr* keys, pattern* patterns, identifier? rest)', (('keys', 'expr', '*'), ('patterns', 'pattern', '*'), ('rest', 'identifier', '?')), None, ('rest',)),
    ('MatchClass', 'pattern', 'MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)', (('cls', 'expr', ''), ('patterns', 'pattern', '*'), ('kwd_attrs', 'identifier', '*'), ('kwd_patterns', 'pattern', '*')), None, ()),
    ('MatchStar', 'pattern', 'MatchStar(identifier? name)', (('name', 'identifier', '?'),), None, ('name',)),
    ('MatchAs', 'pattern', 'MatchAs(pattern? pattern, identifier? name)', (('pattern', 'pattern', '?'), ('name', 'identifier', '?')), None, ('pattern', 'name')),
    ('MatchOr', 'pattern', 'MatchOr(pattern* patterns)', (('patterns', 'pattern', '*'),), None, ()),
    ('type_ignore', 'AST', 'type_ignore = TypeIgnore(int lineno, string tag)', (), (), ()),
    ('TypeIgnore', 'type_ignore', 'TypeIgnore(int lineno, string tag)', (('lineno', 'int', ''), ('tag', 'string', '')), None, ()),
)
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
# END GENERATED TABLE


def _build_classes():
    space = globals()
    for name, base, doc, fields, attributes, none_defaults in _TABLE:
        names = tuple(f[0] for f in fields)
        body = {"__module__": "ast", "__doc__": doc,
                "_fields": names, "__match_args__": names}
        if attributes is not None:
            body["_attributes"] = attributes
        for key in none_defaults:
            body[key] = None
        space[name] = type(name, (space[base],), body)


_build_classes()
del _build_classes


# ---------------------------------------------------------------------------
# Reading krait's JSON


# Fields krait's tree does not have, and their values in a parsed tree.
_NOT_IN_KRAIT = {"type_comment": lambda: None, "type_ignores": list}


def _make_layouts():
    """class name -> (class, its fields then its attributes, whether its
    value field holds a tagged constant)."""
    layouts = {}
    space = globals()
    for row in _TABLE:
        cls = space[row[0]]
        names = tuple(f[0] for f in row[3]) + tuple(cls._attributes)
        layouts[row[0]] = (cls, names,
                           row[0] in ("Constant", "MatchSingleton"))
    return layouts


_LAYOUTS = None


_DIGITS = 4000  # below sys.int_info.default_max_str_digits


def _int_from_text(text):
    """int(text) for decimal text of any length (the limit on int-str
    conversions guards against untrusted input, not against the parser's)."""
    if len(text) <= _DIGITS:
        return int(text)
    if text[0] == "-":
        return -_int_from_text(text[1:])
    half = len(text) // 2
    low = text[half:]
    return _int_from_text(text[:half]) * 10 ** len(low) + _int_from_text(low)


def _int_text(value):
    """str(value) for an int of any size."""
    if value.bit_length() < _DIGITS * 3:  # fewer than ~_DIGITS digits
        return str(value)
    if value < 0:
        return "-" + _int_text(-value)
    digits = value.bit_length() * 3 // 10 // 2  # about half of its digits
    high, low = divmod(value, 10 ** digits)
    return _int_text(high) + _int_text(low).rjust(digits, "0")


def _constant_from_tag(tag):
    if tag == "none":
        return None
    if tag == "ellipsis":
        return ...
    for kind, raw in tag.items():
        if kind == "str":
            return raw
        if kind == "int":
            return _int_from_text(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return raw
        if kind == "bytes":
            return bytes(raw)
        if kind == "complex":
            return complex(float(raw["real"]), float(raw["imag"]))
    raise ValueError("unknown constant in krait's JSON: %r" % (tag,))


def _node_from_object(d):
    kind = d.get("_type")
    if kind is None:
        return d  # a constant's tag: read by its node
    cls, names, has_constant = _LAYOUTS[kind]
    node = cls.__new__(cls)
    slots = node.__dict__  # in CPython's order: fields, then attributes
    for name in names:
        if name in d:
            slots[name] = d[name]
        elif name in _NOT_IN_KRAIT:
            slots[name] = _NOT_IN_KRAIT[name]()
    if has_constant:
        slots["value"] = _constant_from_tag(slots["value"])
    return node


def _from_json(text):
    """The tree of krait's JSON text, as node objects."""
    global _LAYOUTS
    import json as _jsonlib
    if _LAYOUTS is None:
        _LAYOUTS = _make_layouts()
    return _jsonlib.loads(text, object_hook=_node_from_object)


# ---------------------------------------------------------------------------
# Writing krait's JSON: CPython's conversion checks (obj2ast), then CPython's
# validation (PyAST_Validate), with CPython's messages.

_MISSING = object()
_INT_MIN = -(2 ** 31)
_INT_MAX = 2 ** 31 - 1


class _Schema:
    """ASDL types from the table: which are sums, products, and their parts."""

    def __init__(self):
        space = globals()
        self.fields = {}        # class name -> ((field, type, qual), ...)
        self.attributes = {}    # type name -> ((attr, qual), ...)
        self.constructors = {}  # sum type name -> [classes]
        self.simple = set()     # sums whose constructors have no fields
        self.products = set()
        abstract = {}
        for name, base, doc, fields, attributes, none_defaults in _TABLE:
            self.fields[name] = fields
            if base == "AST":
                abstract[name] = (fields, none_defaults)
                if "=" in doc.split("(")[0]:
                    self.constructors[name] = []
                else:
                    self.products.add(name)
            else:
                self.constructors[base].append(space[name])
            cls = space[name]
            if base == "AST":
                self.attributes[name] = tuple(
                    (a, "?" if a in none_defaults else "")
                    for a in cls._attributes)
        for name, classes in self.constructors.items():
            if all(not self.fields[c.__name__] for c in classes) \
                    and not self.attributes[name]:
                self.simple.add(name)


_SCHEMA = None


class _Invalid:
    """A Constant value of a type a Constant cannot hold."""

    def __init__(self, value):
        self.value = value


def _float_text(x):
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    text = repr(x)
    mantissa, e, exponent = text.partition("e")
    if e:
        return "%se%d" % (mantissa, int(exponent))
    return text


def _constant_tag(value):
    """The JSON tag of a Constant's value, or an _Invalid."""
    t = type(value)
    if value is None:
        return "none"
    if value is ...:
        return "ellipsis"
    if t is bool:
        return {"bool": value}
    if t is int:
        return {"int": _int_text(value)}
    if t is float:
        return {"float": _float_text(value)}
    if t is complex:
        return {"complex": {"real": _float_text(value.real),
                            "imag": _float_text(value.imag)}}
    if t is str:
        return {"str": value}
    if t is bytes:
        return {"bytes": list(value)}
    if t is tuple or t is frozenset:
        items = [_constant_tag(item) for item in value]
        for item in items:
            if isinstance(item, _Invalid):
                return item
        return {"tuple" if t is tuple else "frozenset": items}
    return _Invalid(value)


def _read_int(value):
    if not isinstance(value, int):
        raise ValueError("invalid integer value: %r" % (value,))
    if not _INT_MIN <= value <= _INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    return int(value)


def _convert(typ, obj):
    """obj2ast for one value of ASDL type `typ` (not a sequence)."""
    s = _SCHEMA
    if typ == "identifier":
        if type(obj) is not str and obj is not None:
            raise TypeError("AST identifier must be of type str")
        return obj
    if typ == "string":
        if type(obj) is not str and type(obj) is not bytes:
            raise TypeError("AST string must be of type str")
        return obj
    if typ == "int":
        return _read_int(obj)
    if typ == "constant":
        return _constant_tag(obj)
    if typ in s.simple:
        for cls in s.constructors[typ]:
            if isinstance(obj, cls):
                return {"_type": cls.__name__}
        raise TypeError("expected some sort of %s, but got %r" % (typ, obj))
    if typ in s.products:
        out = {"_type": typ}
        _read_fields(obj, s.fields[typ], typ, out)
        _read_attributes(obj, typ, typ, out)
        _check_required(s.fields[typ], typ, out)
        return out
    # a sum with fields: mod, stmt, expr, excepthandler, pattern, type_ignore
    if obj is None:
        return None
    out = {}
    _read_attributes(obj, typ, typ, out)
    for cls in s.constructors[typ]:
        if isinstance(obj, cls):
            name = cls.__name__
            out["_type"] = name
            _read_fields(obj, s.fields[name], name, out)
            _check_required(s.fields[name], name, out)
            return out
    raise TypeError("expected some sort of %s, but got %r" % (typ, obj))


def _lookup(obj, name):
    try:
        return getattr(obj, name)
    except AttributeError:
        return _MISSING


def _read_attributes(obj, typ, owner, out):
    for name, qual in _SCHEMA.attributes[typ]:
        value = _lookup(obj, name)
        if qual and (value is _MISSING or value is None):
            # A missing end position is the start position.
            out[name] = out[name[4:]]
        elif value is _MISSING:
            raise TypeError('required field "%s" missing from %s'
                            % (name, owner))
        else:
            out[name] = _read_int(value)


def _read_fields(obj, fields, owner, out):
    for name, typ, qual in fields:
        value = _lookup(obj, name)
        if qual == "*":
            if value is _MISSING:
                raise TypeError('required field "%s" missing from %s'
                                % (name, owner))
            if not isinstance(value, list):
                raise TypeError('%s field "%s" must be a list, not a %s'
                                % (owner, name, type(value).__name__))
            out[name] = [_convert(typ, item) for item in value]
        elif qual == "?":
            if value is _MISSING or value is None:
                out[name] = 0 if typ == "int" else None
            else:
                out[name] = _convert(typ, value)
        else:
            if value is _MISSING:
                raise TypeError('required field "%s" missing from %s'
                                % (name, owner))
            out[name] = _convert(typ, value)


def _check_required(fields, owner, out):
    for name, typ, qual in fields:
        if not qual and out[name] is None:
            raise ValueError("field '%s' is required for %s" % (name, owner))


# -- validation (the checks of CPython's PyAST_Validate)

_LATER = []  # an error CPython raises only after validation, when compiling
_CONTEXT_HOLDERS = ("Attribute", "Subscript", "Starred", "Name", "List", "Tuple")
_FORBIDDEN_NAMES = ("None", "True", "False")


def _positions(node):
    lineno, col = node["lineno"], node["col_offset"]
    end_lineno, end_col = node["end_lineno"], node["end_col_offset"]
    if end_lineno is None:
        end_lineno = node["end_lineno"] = lineno
    if end_col is None:
        end_col = node["end_col_offset"] = col
    if lineno > end_lineno:
        raise ValueError("AST node line range (%d, %d) is not valid"
                         % (lineno, end_lineno))
    if (lineno < 0 and end_lineno != lineno) or \
            (col < 0 and col != end_col):
        raise ValueError("AST node column range (%d, %d) for line range "
                         "(%d, %d) is not valid"
                         % (col, end_col, lineno, end_lineno))
    if lineno == end_lineno and col > end_col:
        raise ValueError("line %d, column %d-%d is not a valid range"
                         % (lineno, col, end_col))


def _name_ok(name):
    if name in _FORBIDDEN_NAMES:
        raise ValueError("identifier field can't represent '%s' constant"
                         % name)


def _nonempty(seq, what, owner):
    if not seq:
        raise ValueError("empty %s on %s" % (what, owner))


def _v_body(body, owner):
    _nonempty(body, "body", owner)
    _v_stmts(body)


def _v_stmts(stmts):
    for stmt in stmts:
        if stmt is None:
            raise ValueError("None disallowed in statement list")
        _v_stmt(stmt)


def _v_exprs(exprs, ctx, null_ok=False):
    for expr in exprs:
        if expr is None:
            if not null_ok:
                raise ValueError("None disallowed in expression list")
        else:
            _v_expr(expr, ctx)


def _v_opt(expr):
    if expr is not None:
        _v_expr(expr, "Load")


def _v_args(args):
    for a in args:
        _positions(a)
        _v_opt(a["annotation"])


def _v_arguments(a):
    _v_args(a["posonlyargs"])
    _v_args(a["args"])
    if a["vararg"] is not None:
        _v_opt(a["vararg"]["annotation"])
    _v_args(a["kwonlyargs"])
    if a["kwarg"] is not None:
        _v_opt(a["kwarg"]["annotation"])
    if len(a["defaults"]) > len(a["posonlyargs"]) + len(a["args"]):
        raise ValueError("more positional defaults than args on arguments")
    if len(a["kw_defaults"]) != len(a["kwonlyargs"]):
        raise ValueError("length of kwonlyargs is not the same as "
                         "kw_defaults on arguments")
    _v_exprs(a["defaults"], "Load")
    _v_exprs(a["kw_defaults"], "Load", True)


def _v_keywords(keywords):
    for k in keywords:
        _v_expr(k["value"], "Load")


def _v_comprehension(generators):
    if not generators:
        raise ValueError("comprehension with no generators")
    for g in generators:
        _v_expr(g["target"], "Store")
        _v_expr(g["iter"], "Load")
        _v_exprs(g["ifs"], "Load")


def _v_try(node, kind):
    _v_body(node["body"], kind)
    if not node["handlers"] and not node["finalbody"]:
        raise ValueError("%s has neither except handlers nor finalbody" % kind)
    if not node["handlers"] and node["orelse"]:
        raise ValueError("%s has orelse but no except handlers" % kind)
    for handler in node["handlers"]:
        _positions(handler)
        _v_opt(handler["type"])
        _v_body(handler["body"], "ExceptHandler")
    _v_stmts(node["finalbody"])
    _v_stmts(node["orelse"])


def _v_stmt(node):
    _positions(node)
    kind = node["_type"]
    if kind in ("FunctionDef", "AsyncFunctionDef"):
        _v_body(node["body"], kind)
        _v_arguments(node["args"])
        _v_exprs(node["decorator_list"], "Load")
        _v_opt(node["returns"])
    elif kind == "ClassDef":
        _v_body(node["body"], kind)
        _v_exprs(node["bases"], "Load")
        _v_keywords(node["keywords"])
        _v_exprs(node["decorator_list"], "Load")
    elif kind == "Return":
        _v_opt(node["value"])
    elif kind == "Delete":
        _nonempty(node["targets"], "targets", kind)
        _v_exprs(node["targets"], "Del")
    elif kind == "Assign":
        _nonempty(node["targets"], "targets", kind)
        _v_exprs(node["targets"], "Store")
        _v_expr(node["value"], "Load")
    elif kind == "AugAssign":
        _v_expr(node["target"], "Store")
        _v_expr(node["value"], "Load")
        target = node["target"]["_type"]
        if target not in ("Name", "Attribute", "Subscript") and not _LATER:
            number = [c.__name__ for c in _SCHEMA.constructors["expr"]].index(
                target) + 1
            _LATER.append(SystemError("invalid node type (%d) for augmented "
                                      "assignment" % number))
    elif kind == "AnnAssign":
        if node["simple"] and node["target"]["_type"] != "Name":
            raise TypeError("AnnAssign with simple non-Name target")
        _v_expr(node["target"], "Store")
        _v_opt(node["value"])
        _v_expr(node["annotation"], "Load")
    elif kind in ("For", "AsyncFor"):
        _v_expr(node["target"], "Store")
        _v_expr(node["iter"], "Load")
        _v_body(node["body"], kind)
        _v_stmts(node["orelse"])
    elif kind in ("While", "If"):
        _v_expr(node["test"], "Load")
        _v_body(node["body"], kind)
        _v_stmts(node["orelse"])
    elif kind in ("With", "AsyncWith"):
        _nonempty(node["items"], "items", kind)
        for item in node["items"]:
            _v_expr(item["context_expr"], "Load")
            if item["optional_vars"] is not None:
                _v_expr(item["optional_vars"], "Store")
        _v_body(node["body"], kind)
    elif kind == "Match":
        _v_expr(node["subject"], "Load")
        _nonempty(node["cases"], "cases", kind)
        for case in node["cases"]:
            _v_pattern(case["pattern"], False)
            _v_opt(case["guard"])
            _v_body(case["body"], "match_case")
    elif kind == "Raise":
        if node["exc"] is not None:
            _v_expr(node["exc"], "Load")
            _v_opt(node["cause"])
        elif node["cause"] is not None:
            raise ValueError("Raise with cause but no exception")
    elif kind in ("Try", "TryStar"):
        _v_try(node, kind)
    elif kind == "Assert":
        _v_expr(node["test"], "Load")
        _v_opt(node["msg"])
    elif kind == "Import":
        _nonempty(node["names"], "names", kind)
    elif kind == "ImportFrom":
        if node["level"] < 0:
            raise ValueError("Negative ImportFrom level")
        _nonempty(node["names"], "names", kind)
    elif kind in ("Global", "Nonlocal"):
        _nonempty(node["names"], "names", kind)
    elif kind == "Expr":
        _v_expr(node["value"], "Load")


def _v_constant(node):
    tag = node["value"]
    if isinstance(tag, _Invalid):
        raise TypeError("got an invalid type in Constant: %s"
                        % type(tag.value).__name__)


def _v_expr(node, ctx):
    _positions(node)
    kind = node["_type"]
    if kind in _CONTEXT_HOLDERS:
        if kind == "Name":
            _name_ok(node["id"])
        actual = node["ctx"]["_type"]
        if actual != ctx:
            raise ValueError("expression must have %s context but has %s "
                             "instead" % (ctx, actual))
    elif ctx != "Load":
        raise ValueError("expression which can't be assigned to in %s "
                         "context" % ctx)
    if kind == "BoolOp":
        if len(node["values"]) < 2:
            raise ValueError("BoolOp with less than 2 values")
        _v_exprs(node["values"], "Load")
    elif kind == "BinOp":
        _v_expr(node["left"], "Load")
        _v_expr(node["right"], "Load")
    elif kind == "UnaryOp":
        _v_expr(node["operand"], "Load")
    elif kind == "Lambda":
        _v_arguments(node["args"])
        _v_expr(node["body"], "Load")
    elif kind == "IfExp":
        _v_expr(node["test"], "Load")
        _v_expr(node["body"], "Load")
        _v_expr(node["orelse"], "Load")
    elif kind == "Dict":
        if len(node["keys"]) != len(node["values"]):
            raise ValueError("Dict doesn't have the same number of keys as "
                             "values")
        _v_exprs(node["keys"], "Load", True)
        _v_exprs(node["values"], "Load")
    elif kind == "Set":
        _v_exprs(node["elts"], "Load")
    elif kind in ("ListComp", "SetComp", "GeneratorExp"):
        _v_comprehension(node["generators"])
        _v_expr(node["elt"], "Load")
    elif kind == "DictComp":
        _v_comprehension(node["generators"])
        _v_expr(node["key"], "Load")
        _v_expr(node["value"], "Load")
    elif kind == "Yield":
        _v_opt(node["value"])
    elif kind in ("YieldFrom", "Await"):
        _v_expr(node["value"], "Load")
    elif kind == "Compare":
        if not node["comparators"]:
            raise ValueError("Compare with no comparators")
        if len(node["comparators"]) != len(node["ops"]):
            raise ValueError("Compare has a different number of comparators "
                             "and operands")
        _v_exprs(node["comparators"], "Load")
        _v_expr(node["left"], "Load")
    elif kind == "Call":
        _v_expr(node["func"], "Load")
        _v_exprs(node["args"], "Load")
        _v_keywords(node["keywords"])
    elif kind == "Constant":
        _v_constant(node)
    elif kind == "JoinedStr":
        _v_exprs(node["values"], "Load")
    elif kind == "FormattedValue":
        _v_expr(node["value"], "Load")
        _v_opt(node["format_spec"])
        if node["conversion"] not in (-1, 97, 114, 115) and not _LATER:
            # CPython's compiler (not its validator) rejects this one.
            _LATER.append(SystemError("Unrecognized conversion character %d"
                                      % node["conversion"]))
    elif kind == "Attribute":
        _v_expr(node["value"], "Load")
    elif kind == "Subscript":
        _v_expr(node["slice"], "Load")
        _v_expr(node["value"], "Load")
    elif kind == "Starred":
        _v_expr(node["value"], ctx)
    elif kind == "Slice":
        _v_opt(node["lower"])
        _v_opt(node["upper"])
        _v_opt(node["step"])
    elif kind in ("List", "Tuple"):
        _v_exprs(node["elts"], ctx)
    elif kind == "NamedExpr":
        if node["target"]["_type"] != "Name":
            raise TypeError("NamedExpr target must be a Name")
        _v_expr(node["value"], "Load")


def _is_singleton_tag(tag):
    return tag == "none" or (isinstance(tag, dict) and "bool" in tag)


def _v_match_value(expr):
    _v_expr(expr, "Load")
    kind = expr["_type"]
    if kind == "Constant":
        tag = expr["value"]
        if not (isinstance(tag, dict) and
                next(iter(tag)) in ("int", "float", "complex", "str", "bytes")):
            raise ValueError("unexpected constant inside of a literal pattern")
    elif kind in ("Attribute", "UnaryOp", "BinOp", "JoinedStr"):
        pass  # the compiler checks what folding leaves
    else:
        raise ValueError("patterns may only match literals and attribute "
                         "lookups")


def _v_capture(name):
    if name == "_":
        raise ValueError("can't capture name '_' in patterns")
    _name_ok(name)


def _v_patterns(patterns, star_ok):
    for p in patterns:
        _v_pattern(p, star_ok)


def _v_pattern(p, star_ok):
    _positions(p)
    kind = p["_type"]
    if kind == "MatchValue":
        _v_match_value(p["value"])
    elif kind == "MatchSingleton":
        tag = p["value"]
        if not _is_singleton_tag(tag):
            raise ValueError("MatchSingleton can only contain True, False "
                             "and None")
    elif kind == "MatchSequence":
        _v_patterns(p["patterns"], True)
    elif kind == "MatchMapping":
        if len(p["keys"]) != len(p["patterns"]):
            raise ValueError("MatchMapping doesn't have the same number of "
                             "keys as patterns")
        if p["rest"] is not None:
            _v_capture(p["rest"])
        for key in p["keys"]:
            if key is not None and key["_type"] == "Constant" \
                    and _is_singleton_tag(key["value"]):
                continue
            _v_match_value(key)
        _v_patterns(p["patterns"], False)
    elif kind == "MatchClass":
        _v_expr(p["cls"], "Load")
        cls = p["cls"]
        while True:
            if cls["_type"] == "Name":
                break
            if cls["_type"] == "Attribute":
                cls = cls["value"]
                continue
            raise ValueError("MatchClass cls field can only contain Name or "
                             "Attribute nodes.")
        if len(p["kwd_attrs"]) != len(p["kwd_patterns"]):
            raise ValueError("MatchClass doesn't have the same number of "
                             "keyword attributes as patterns")
        for attr in p["kwd_attrs"]:
            _name_ok(attr)
        _v_patterns(p["patterns"], False)
        _v_patterns(p["kwd_patterns"], False)
    elif kind == "MatchStar":
        if not star_ok:
            raise ValueError("can't use MatchStar here")
        if p["name"] is not None:
            _v_capture(p["name"])
    elif kind == "MatchAs":
        if p["name"] is not None:
            _v_capture(p["name"])
        if p["pattern"] is not None:
            if p["name"] is None:
                raise ValueError("MatchAs must specify a target name if a "
                                 "pattern is given")
            _v_pattern(p["pattern"], False)
    elif kind == "MatchOr":
        if len(p["patterns"]) < 2:
            raise ValueError("MatchOr requires at least 2 patterns")
        _v_patterns(p["patterns"], False)


def _v_mod(tree):
    kind = tree["_type"]
    if kind in ("Module", "Interactive"):
        _v_stmts(tree["body"])
    elif kind == "Expression":
        _v_expr(tree["body"], "Load")


# -- the final shape: what krait's serde reads


def _location(node):
    return {k: node[k] for k in ("lineno", "col_offset", "end_lineno",
                                 "end_col_offset")}


def _tuple_node(tags, where):
    elts = []
    for tag in tags:
        item = {"_type": "Constant", "value": tag, "kind": None}
        item.update(where)
        elts.append(item)
    node = {"_type": "Tuple", "elts": elts, "ctx": {"_type": "Load"}}
    node.update(where)
    return node


def _finish(value):
    """Adapts the converted tree to krait's JSON in place: no type comments,
    no type_ignores, no negative positions, tuple constants as Tuple nodes."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                value[i] = _finish(item)
        return value
    kind = value.get("_type")
    if kind is None:
        return value
    value.pop("type_comment", None)
    value.pop("type_ignores", None)
    for key in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        v = value.get(key)
        if v is not None and v < 0:
            value[key] = 0
    if kind == "Constant":
        tag = value["value"]
        if isinstance(tag, dict) and ("tuple" in tag or "frozenset" in tag):
            if "frozenset" in tag:
                raise TypeError("krait cannot compile a frozenset Constant")
            return _finish(_tuple_node(tag["tuple"], _location(value)))
        if not isinstance(value.get("kind"), str):
            value["kind"] = None
        return value
    for key, item in value.items():
        if isinstance(item, (list, dict)):
            value[key] = _finish(item)
    return value


_MODES = {"exec": "Module", "eval": "Expression", "single": "Interactive"}


def _to_json(node, mode):
    """The JSON text of the tree `node`, for compile(node, filename, mode)."""
    global _SCHEMA
    import json as _jsonlib
    if _SCHEMA is None:
        _SCHEMA = _Schema()
    if mode == "func_type":
        raise ValueError("compile() mode 'func_type' requires flag "
                         "PyCF_ONLY_AST")
    required = _MODES.get(mode)
    if required is None:
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if not isinstance(node, globals()[required]):
        raise TypeError("expected %s node, got %s"
                        % (required, type(node).__name__))
    tree = _convert("mod", node)
    del _LATER[:]
    _v_mod(tree)
    if _LATER:
        error = _LATER.pop()
        raise error
    return _jsonlib.dumps(_finish(tree))
