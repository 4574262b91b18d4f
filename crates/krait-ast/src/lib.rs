//! krait-ast: the abstract syntax tree of the Python 3.11 subset krait runs.
//!
//! Input: nothing (it is a data crate). Output: the node types that a front end
//! produces and the compiler consumes. Two front ends fill it: krait-parser,
//! and CPython's own parser through the JSON that `scripts/cpython_ast.py`
//! prints (see [`json`]). The nodes, their field names and their locations
//! mirror CPython's `ast` module (`Lib/ast.py`, `Parser/Python.asdl`) so that
//! the two trees can be compared field by field.
//!
//! Locations are 1-based lines and 0-based columns counted in UTF-8 bytes,
//! exactly as CPython's `lineno`/`col_offset` are.
//!
//! Must not depend on: any other krait crate. serde is optional (feature
//! `serde`, on by default).

#[cfg(feature = "serde")]
pub mod json;

use num_bigint::BigInt;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Where a node starts and ends in the source, as CPython's `ast` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Location {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// The top of a tree: which one depends on the compile mode.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum Mod {
    /// `exec` mode: a file of statements.
    Module { body: Vec<Stmt> },
    /// `single` mode: one interactive statement (possibly compound).
    Interactive { body: Vec<Stmt> },
    /// `eval` mode: one expression.
    Expression { body: Box<Expr> },
}

#[derive(Debug, Clone, PartialEq)]
// Deserialize is written by hand in `json`: a derived one with two
// `flatten`s copies every subtree once per level (quadratic on deep trees).
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Stmt {
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub node: StmtKind,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum StmtKind {
    FunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
    },
    /// `async def`: the fields of `FunctionDef`.
    AsyncFunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
    },
    ClassDef {
        name: String,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return {
        value: Option<Box<Expr>>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        /// 1 when the target is a plain name not in parentheses (CPython's flag).
        simple: i32,
    },
    For {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    AsyncFor {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    AsyncWith {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// `match subject:` with its `case` blocks (PEP 634).
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `try: ... except* E: ...` (parsed; the compiler rejects it).
    TryStar {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import {
        names: Vec<Alias>,
    },
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: i32,
    },
    Global {
        names: Vec<String>,
    },
    Nonlocal {
        names: Vec<String>,
    },
    Expr {
        value: Box<Expr>,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
// Deserialize is written by hand in `json`: a derived one with two
// `flatten`s copies every subtree once per level (quadratic on deep trees).
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Expr {
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub node: ExprKind,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A `None` key is a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// One `{...}` of an f-string. `conversion` is -1, or the code point of
    /// `s`, `r` or `a`, as in CPython.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr {
        values: Vec<Expr>,
    },
    Constant {
        value: Constant,
        /// `Some("u")` for a `u"..."` literal, as CPython records it.
        kind: Option<String>,
    },
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: String,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// The value of a literal. In JSON: `{"int": "123"}`, `{"float": "0.1"}`,
/// `{"str": "..."}`... (see [`json`]), so that big ints and non-finite floats
/// survive the trip.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Constant {
    None,
    Bool(bool),
    Int(#[cfg_attr(feature = "serde", serde(with = "json::bigint_as_string"))] BigInt),
    Float(#[cfg_attr(feature = "serde", serde(with = "json::float_as_string"))] f64),
    /// An imaginary literal such as `2j`; only the imaginary part is written.
    Complex {
        #[cfg_attr(feature = "serde", serde(with = "json::float_as_string"))]
        real: f64,
        #[cfg_attr(feature = "serde", serde(with = "json::float_as_string"))]
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `for target in iter if cond...` inside a comprehension (no location, as in CPython).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "comprehension"))]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: i32,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub struct ExceptHandler {
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub typ: Option<Box<Expr>>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

/// One `case pattern if guard: body` of a match statement (no location,
/// as in CPython).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "match_case"))]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

/// A pattern of a `case` clause.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Pattern {
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub node: PatternKind,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type"))]
pub enum PatternKind {
    /// A literal or a dotted name, compared with `==`.
    MatchValue { value: Box<Expr> },
    /// `None`, `True` or `False`, compared with `is`.
    MatchSingleton { value: Constant },
    /// `[p, *rest]`, `(p, q)`, or `p, q` at the top of a case.
    MatchSequence { patterns: Vec<Pattern> },
    /// `{key: p, **rest}`; `keys` and `patterns` pair up.
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
    },
    /// `Cls(p, attr=q)`.
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<String>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` inside a sequence pattern; `None` for `*_`.
    MatchStar { name: Option<String> },
    /// `p as name`, a capture `name` (no pattern), or the wildcard `_`
    /// (neither).
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    /// `p | q | ...`.
    MatchOr { patterns: Vec<Pattern> },
}

impl Pattern {
    pub fn new(node: PatternKind, loc: Location) -> Pattern {
        Pattern { node, loc }
    }

    /// `_`: a capture pattern that binds nothing.
    pub fn is_wildcard(&self) -> bool {
        matches!(
            self.node,
            PatternKind::MatchAs {
                pattern: None,
                name: None
            }
        )
    }
}

/// A function's parameter list (no location, as in CPython).
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "arguments"))]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    /// One per keyword-only argument; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    /// Defaults of the last positional parameters (posonlyargs then args).
    pub defaults: Vec<Expr>,
}

impl Arguments {
    /// The parameters as the signature writes them: positional-only,
    /// positional, `*args`, keyword-only, `**kwargs` (the order of
    /// `__annotations__`).
    pub fn in_signature_order(&self) -> impl Iterator<Item = &Arg> {
        self.posonlyargs
            .iter()
            .chain(&self.args)
            .chain(self.vararg.as_deref())
            .chain(&self.kwonlyargs)
            .chain(self.kwarg.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "arg"))]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Box<Expr>>,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

/// `name=value` in a call or class bases; `arg` is `None` for `**mapping`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "keyword"))]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

/// `name as asname` in an import.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "alias"))]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "_type", rename = "withitem"))]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

impl Expr {
    pub fn new(node: ExprKind, loc: Location) -> Expr {
        Expr { node, loc }
    }
}

impl Stmt {
    pub fn new(node: StmtKind, loc: Location) -> Stmt {
        Stmt { node, loc }
    }
}
