//! The symbol-table pass: which scope every name belongs to.
//!
//! Mirrors CPython's `Python/symtable.c`: a first walk records, per scope,
//! how each name is used (assigned, a parameter, declared global/nonlocal,
//! read); a second step resolves each name to local, cell, free, or global,
//! walking the enclosing function scopes. Class scopes are skipped when
//! resolving names of nested functions, except for the implicit `__class__`
//! cell that zero-argument `super()` needs. Comprehensions and generator
//! expressions are scopes of their own, as in CPython 3.11.

use std::collections::HashMap;

use indexmap::IndexMap;
use krait_ast::{
    Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind, Location, Mod, Pattern,
    PatternKind, Stmt, StmtKind,
};

/// What kind of block a scope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local of this function (or a NAME lookup at module/class level).
    Local,
    /// A local that nested functions capture: it lives in a cell.
    Cell,
    /// A variable of an enclosing function, reached through a cell.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: a global or a builtin.
    GlobalImplicit,
}

/// How a scope uses one name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub assigned: bool,
    pub parameter: bool,
    pub used: bool,
    pub global: bool,
    pub nonlocal: bool,
    /// Bound by `import`, `def`, `class` or assignment: all the same for scoping.
    pub annotated: bool,
    /// A comprehension's iteration variable (CPython's `DEF_COMP_ITER`),
    /// which no walrus inside it may rebind.
    pub comprehension_target: bool,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub usage: Usage,
    pub scope: NameScope,
    /// A class body's own name that nested functions also reach in an
    /// enclosing function (`def f(encode): class C: def encode(self):
    /// return encode()`): the body binds it locally and relays the outer
    /// variable in its closure (CPython's `DEF_FREE_CLASS`).
    pub relayed: bool,
}

pub type ScopeId = usize;

#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Every name the scope mentions, in first-mention order.
    pub symbols: IndexMap<String, Symbol>,
    /// Parameters in order (positional-only, positional, `*args`, keyword-only, `**kwargs`).
    pub parameters: Vec<String>,
    pub is_generator: bool,
    /// An `async def`, or a comprehension with `async for` or `await`
    /// (with `is_generator`: an async generator).
    pub is_coroutine: bool,
    /// A class whose methods use `super()` or `__class__`: its body creates the `__class__` cell.
    pub needs_class_cell: bool,
    /// Where the block starts, for error messages.
    pub loc: Location,
}

impl Scope {
    pub fn lookup(&self, name: &str) -> Option<NameScope> {
        self.symbols.get(name).map(|s| s.scope)
    }

    /// Names living in cells of this scope, in CPython's order (sorted).
    pub fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.needs_class_cell {
            cells.push("__class__".to_string());
        }
        cells.sort();
        cells
    }

    /// Names this scope reaches through its closure, sorted as CPython does.
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.relayed)
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }

    /// Fast locals: parameters first, then other locals and cells that are
    /// bound here, in first-mention order (CPython's `co_varnames`).
    pub fn varnames(&self) -> Vec<String> {
        let mut names = self.parameters.clone();
        for (name, symbol) in &self.symbols {
            let bound_here = matches!(symbol.scope, NameScope::Local | NameScope::Cell);
            if bound_here && !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// A scoping error, in CPython's words.
#[derive(Debug, Clone, PartialEq)]
pub struct SymtableError {
    pub message: String,
    pub loc: Location,
}

/// The scopes of one module, and which AST node opens which scope.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub const TOP: ScopeId = 0;

    /// `annotations_as_strings`: `from __future__ import annotations`,
    /// whose annotations are never evaluated (their names are not uses).
    pub fn build(module: &Mod, annotations_as_strings: bool) -> Result<SymbolTable, SymtableError> {
        let mut builder = Builder {
            scopes: Vec::new(),
            iterable_depth: Vec::new(),
            in_comprehension_target: false,
            by_node: HashMap::new(),
            current: 0,
            annotations_as_strings,
        };
        builder.push_scope(ScopeKind::Module, "top", None, Location::default());
        match module {
            Mod::Module { body } | Mod::Interactive { body } => builder.visit_body(body)?,
            Mod::Expression { body } => builder.visit_expr(body)?,
        }
        let mut table = SymbolTable {
            scopes: builder.scopes,
            by_node: builder.by_node,
        };
        table.resolve()?;
        Ok(table)
    }

    /// The scope a `def`, `class`, `lambda` or comprehension node opens.
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    /// Second pass: parents before children, so a child sees its parents'
    /// final bindings; then free names mark the defining scope's cell.
    fn resolve(&mut self) -> Result<(), SymtableError> {
        for id in 0..self.scopes.len() {
            let names: Vec<String> = self.scopes[id].symbols.keys().cloned().collect();
            for name in names {
                let usage = self.scopes[id].symbols[&name].usage;
                let scope = self.resolve_name(id, &name, usage)?;
                self.scopes[id].symbols[&name].scope = scope;
                if scope == NameScope::Free {
                    self.mark_cell(id, &name);
                }
            }
        }
        Ok(())
    }

    fn resolve_name(
        &self,
        id: ScopeId,
        name: &str,
        usage: Usage,
    ) -> Result<NameScope, SymtableError> {
        let scope = &self.scopes[id];
        if usage.global {
            return Ok(NameScope::GlobalExplicit);
        }
        if usage.nonlocal {
            // (`nonlocal __class__` in a method: the class's implicit cell.)
            if name == "__class__" && self.enclosing_class(id).is_some() {
                return Ok(NameScope::Free);
            }
            if self.enclosing_binding(id, name).is_none() {
                return Err(SymtableError {
                    message: format!("no binding for nonlocal '{name}' found"),
                    loc: scope.loc,
                });
            }
            return Ok(NameScope::Free);
        }
        if usage.assigned || usage.parameter {
            return Ok(NameScope::Local);
        }
        if scope.kind == ScopeKind::Module {
            return Ok(NameScope::GlobalImplicit);
        }
        if name == "__class__" && self.enclosing_class(id).is_some() {
            return Ok(NameScope::Free);
        }
        match self.enclosing_binding(id, name) {
            Some(_) => Ok(NameScope::Free),
            None => Ok(NameScope::GlobalImplicit),
        }
    }

    /// The nearest enclosing function scope that binds `name` (class scopes
    /// are invisible to nested code).
    fn enclosing_binding(&self, id: ScopeId, name: &str) -> Option<ScopeId> {
        let mut cursor = self.scopes[id].parent;
        while let Some(parent) = cursor {
            let scope = &self.scopes[parent];
            if scope.kind == ScopeKind::Module {
                return None;
            }
            if let Some(symbol) = scope.symbols.get(name)
                && scope.is_function_like()
            {
                let u = symbol.usage;
                if u.global {
                    return None;
                }
                if u.assigned || u.parameter || u.nonlocal {
                    return Some(parent);
                }
            }
            cursor = scope.parent;
        }
        None
    }

    fn enclosing_class(&self, id: ScopeId) -> Option<ScopeId> {
        let mut cursor = self.scopes[id].parent;
        while let Some(parent) = cursor {
            if self.scopes[parent].kind == ScopeKind::Class {
                return Some(parent);
            }
            cursor = self.scopes[parent].parent;
        }
        None
    }

    /// A free name in `id`: the scope that binds it holds a cell, and every
    /// function scope in between passes it down as a free variable.
    fn mark_cell(&mut self, id: ScopeId, name: &str) {
        if name == "__class__" {
            if let Some(class) = self.enclosing_class(id) {
                self.scopes[class].needs_class_cell = true;
                self.pass_through(id, class, name);
            }
            return;
        }
        let Some(owner) = self.enclosing_binding(id, name) else {
            return;
        };
        let symbol = &mut self.scopes[owner].symbols[name];
        if symbol.scope == NameScope::Local && !symbol.usage.nonlocal {
            symbol.scope = NameScope::Cell;
        }
        self.pass_through(id, owner, name);
    }

    /// Scopes strictly between `inner` and `owner` relay the variable.
    fn pass_through(&mut self, inner: ScopeId, owner: ScopeId, name: &str) {
        let mut cursor = self.scopes[inner].parent;
        while let Some(id) = cursor {
            if id == owner {
                break;
            }
            let scope = &mut self.scopes[id];
            let symbol = scope.symbols.entry(name.to_string()).or_insert(Symbol {
                usage: Usage::default(),
                scope: NameScope::Free,
                relayed: false,
            });
            if scope.kind != ScopeKind::Class {
                symbol.scope = NameScope::Free;
            } else if symbol.usage == Usage::default() {
                // A class body relays a closure variable without seeing it.
                symbol.scope = NameScope::Free;
            } else if symbol.scope != NameScope::Free {
                symbol.relayed = true;
            }
            cursor = scope.parent;
        }
    }
}

fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    scopes: Vec<Scope>,
    /// Per scope, how many comprehension iterables enclose what is being
    /// visited (CPython's `ste_comp_iter_expr`: no walrus there).
    iterable_depth: Vec<u32>,
    /// Visiting a comprehension's target (CPython's `ste_comp_iter_target`).
    in_comprehension_target: bool,
    by_node: HashMap<usize, ScopeId>,
    current: ScopeId,
    annotations_as_strings: bool,
}

impl Builder {
    fn push_scope(
        &mut self,
        kind: ScopeKind,
        name: &str,
        key: Option<usize>,
        loc: Location,
    ) -> ScopeId {
        let id = self.scopes.len();
        let parent = if self.scopes.is_empty() {
            None
        } else {
            Some(self.current)
        };
        self.scopes.push(Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            symbols: IndexMap::new(),
            parameters: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            loc,
        });
        self.iterable_depth.push(0);
        if let Some(parent) = parent {
            self.scopes[parent].children.push(id);
        }
        if let Some(key) = key {
            self.by_node.insert(key, id);
        }
        self.current = id;
        id
    }

    fn pop_scope(&mut self) {
        self.current = self.scopes[self.current]
            .parent
            .expect("never pops the module scope");
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    /// The class whose private names (`__x`) are mangled here: the
    /// innermost class body around the current scope, itself included
    /// (CPython's `st_private`).
    fn private(&self) -> Option<&str> {
        let mut id = Some(self.current);
        while let Some(scope) = id.map(|i| &self.scopes[i]) {
            if scope.kind == ScopeKind::Class {
                return Some(&scope.name);
            }
            id = scope.parent;
        }
        None
    }

    /// `name` as the symbol table keeps it: mangled in a class (`__x` in
    /// class `C` is `_C__x`), as CPython's symtable does.
    fn mangled(&self, name: &str) -> String {
        match name.starts_with("__") {
            true => crate::codegen::mangle_name(self.private(), name),
            false => name.to_string(),
        }
    }

    fn usage(&mut self, name: &str) -> &mut Usage {
        let name = self.mangled(name);
        &mut self
            .scope()
            .symbols
            .entry(name)
            .or_insert(Symbol {
                usage: Usage::default(),
                scope: NameScope::GlobalImplicit,
                relayed: false,
            })
            .usage
    }

    fn bind(&mut self, name: &str) {
        self.usage(name).assigned = true;
    }

    fn use_name(&mut self, name: &str) {
        self.usage(name).used = true;
    }

    fn declare(&mut self, name: &str, global: bool, loc: Location) -> Result<(), SymtableError> {
        let kind = self.scope().kind;
        let word = if global { "global" } else { "nonlocal" };
        if !global && kind == ScopeKind::Module {
            return Err(SymtableError {
                message: "nonlocal declaration not allowed at module level".into(),
                loc,
            });
        }
        let usage = *self.usage(name);
        if usage.parameter {
            return Err(SymtableError {
                message: format!("name '{name}' is parameter and {word}"),
                loc,
            });
        }
        if (global && usage.nonlocal) || (!global && usage.global) {
            return Err(SymtableError {
                message: format!("name '{name}' is nonlocal and global"),
                loc,
            });
        }
        // CPython's order: a use, then an annotation, then an assignment.
        if usage.used {
            return Err(SymtableError {
                message: format!("name '{name}' is used prior to {word} declaration"),
                loc,
            });
        }
        if usage.annotated {
            return Err(SymtableError {
                message: format!("annotated name '{name}' can't be {word}"),
                loc,
            });
        }
        if usage.assigned {
            return Err(SymtableError {
                message: format!("name '{name}' is assigned to before {word} declaration"),
                loc,
            });
        }
        let usage = self.usage(name);
        if global {
            usage.global = true;
        } else {
            usage.nonlocal = true;
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), SymtableError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs<'a>(
        &mut self,
        exprs: impl IntoIterator<Item = &'a Expr>,
    ) -> Result<(), SymtableError> {
        exprs.into_iter().try_for_each(|e| self.visit_expr(e))
    }

    /// A pattern binds its capture names and evaluates its values,
    /// mapping keys and classes.
    fn visit_pattern(&mut self, pattern: &Pattern) -> Result<(), SymtableError> {
        match &pattern.node {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for p in patterns {
                    self.visit_pattern(p)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(name) = name {
                    self.bind(name);
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for p in patterns {
                    self.visit_pattern(p)?;
                }
                if let Some(rest) = rest {
                    self.bind(rest);
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for p in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(p)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(p) = pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(name) = name {
                    self.bind(name);
                }
            }
        }
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), SymtableError> {
        crate::with_stack(|| self.visit_stmt_node(stmt))
    }

    fn visit_stmt_node(&mut self, stmt: &Stmt) -> Result<(), SymtableError> {
        match &stmt.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.visit_exprs(decorator_list)?;
                self.visit_argument_defaults(args)?;
                self.visit_annotations(args, returns.as_deref())?;
                self.bind(name);
                self.push_scope(ScopeKind::Function, name, Some(node_key(stmt)), stmt.loc);
                self.scope().is_coroutine = matches!(stmt.node, StmtKind::AsyncFunctionDef { .. });
                self.visit_parameters(args);
                self.visit_body(body)?;
                self.pop_scope();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.visit_exprs(decorator_list)?;
                self.visit_exprs(bases)?;
                self.visit_exprs(keywords.iter().map(|k| &k.value))?;
                self.bind(name);
                self.push_scope(ScopeKind::Class, name, Some(node_key(stmt)), stmt.loc);
                self.visit_body(body)?;
                self.pop_scope();
            }
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                self.visit_exprs(targets)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(target)?;
                if let ExprKind::Name { id, .. } = &target.node {
                    self.use_name(id);
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
                match &target.node {
                    // A simple annotated name is local even with no value
                    // (`x: int` in a function makes `x` unbound there).
                    ExprKind::Name { id, .. } if *simple == 1 => {
                        let usage = *self.usage(id);
                        if (usage.global || usage.nonlocal)
                            && self.scope().kind != ScopeKind::Module
                        {
                            let word = if usage.global { "global" } else { "nonlocal" };
                            return Err(SymtableError {
                                message: format!("annotated name '{id}' can't be {word}"),
                                loc: stmt.loc,
                            });
                        }
                        let usage = self.usage(id);
                        usage.annotated = true;
                        usage.assigned = true;
                    }
                    // `(x): int` binds only with a value.
                    ExprKind::Name { id, .. } => {
                        if value.is_some() {
                            self.bind(id);
                        }
                    }
                    _ => self.visit_expr(target)?,
                }
                self.visit_annotation(annotation)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit_expr(iter)?;
                self.visit_expr(target)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.visit_expr(vars)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_exprs(exc.iter().map(|e| &**e))?;
                self.visit_exprs(cause.iter().map(|e| &**e))?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                for ExceptHandler {
                    typ, name, body, ..
                } in handlers
                {
                    if let Some(typ) = typ {
                        self.visit_expr(typ)?;
                    }
                    if let Some(name) = name {
                        self.bind(name);
                    }
                    self.visit_body(body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                }
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.visit_expr(guard)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        continue;
                    }
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    self.bind(bound);
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.declare(name, true, stmt.loc)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    self.declare(name, false, stmt.loc)?;
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope, when `def` runs.
    fn visit_argument_defaults(&mut self, args: &Arguments) -> Result<(), SymtableError> {
        self.visit_exprs(&args.defaults)?;
        self.visit_exprs(args.kw_defaults.iter().flatten())
    }

    fn visit_annotations(
        &mut self,
        args: &Arguments,
        returns: Option<&Expr>,
    ) -> Result<(), SymtableError> {
        for arg in args.in_signature_order() {
            if let Some(annotation) = &arg.annotation {
                self.visit_annotation(annotation)?;
            }
        }
        if let Some(returns) = returns {
            self.visit_annotation(returns)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, annotation: &Expr) -> Result<(), SymtableError> {
        match self.annotations_as_strings {
            true => Ok(()),
            false => self.visit_expr(annotation),
        }
    }

    fn visit_parameters(&mut self, args: &Arguments) {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        for arg in all {
            self.usage(&arg.arg).parameter = true;
            let name = self.mangled(&arg.arg);
            self.scope().parameters.push(name);
        }
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), SymtableError> {
        crate::with_stack(|| self.visit_expr_node(expr))
    }

    fn visit_expr_node(&mut self, expr: &Expr) -> Result<(), SymtableError> {
        match &expr.node {
            ExprKind::Name { id, ctx } => match ctx {
                ExprContext::Load => {
                    self.use_name(id);
                    if id == "super" && self.scope().is_function_like() {
                        // Zero-argument super() reads the __class__ cell.
                        self.use_name("__class__");
                    }
                }
                ExprContext::Store | ExprContext::Del => {
                    self.bind(id);
                    if self.in_comprehension_target {
                        self.usage(id).comprehension_target = true;
                    }
                }
            },
            ExprKind::NamedExpr { target, value } => {
                self.check_walrus(expr, target)?;
                self.visit_expr(value)?;
                if let ExprKind::Name { id, .. } = &target.node {
                    // The walrus binds in the nearest non-comprehension scope.
                    let saved = self.current;
                    while self.scopes[self.current].kind == ScopeKind::Comprehension {
                        self.current = self.scopes[self.current].parent.unwrap_or(0);
                    }
                    self.bind(id);
                    self.current = saved;
                    if self.scopes[saved].kind == ScopeKind::Comprehension {
                        self.use_name(id);
                    }
                }
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_argument_defaults(args)?;
                self.push_scope(
                    ScopeKind::Lambda,
                    "<lambda>",
                    Some(node_key(expr)),
                    expr.loc,
                );
                self.visit_parameters(args);
                self.visit_expr(body)?;
                self.pop_scope();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.visit_exprs(keys.iter().flatten())?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.visit_exprs(elts)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(expr, "<listcomp>", generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(expr, "<setcomp>", generators, &[elt])?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(expr, "<genexpr>", generators, &[elt])?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(expr, "<dictcomp>", generators, &[key, value])?,
            ExprKind::Yield { value } => {
                self.check_yield_place(expr)?;
                self.scope().is_generator = true;
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                self.check_yield_place(expr)?;
                self.scope().is_generator = true;
                self.visit_expr(value)?;
            }
            ExprKind::Await { value } => {
                // A comprehension that awaits is itself awaited (or, as a
                // generator expression, an async generator).
                if self.scope().kind == ScopeKind::Comprehension {
                    self.scope().is_coroutine = true;
                }
                self.visit_expr(value)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                self.visit_exprs(keywords.iter().map(|k| &k.value))?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
        }
        Ok(())
    }

    /// No `yield` inside a comprehension (which would make the
    /// comprehension's own function a generator), found here as CPython's
    /// symtable does: even in code the compiler drops as unreachable.
    fn check_yield_place(&self, expr: &Expr) -> Result<(), SymtableError> {
        let scope = &self.scopes[self.current];
        if scope.kind != ScopeKind::Comprehension {
            return Ok(());
        }
        let what = match scope.name.as_str() {
            "<listcomp>" => "list comprehension",
            "<setcomp>" => "set comprehension",
            "<dictcomp>" => "dict comprehension",
            _ => "generator expression",
        };
        Err(SymtableError {
            message: format!("'yield' inside {what}"),
            loc: expr.loc,
        })
    }

    /// CPython's `symtable_handle_namedexpr` checks: no walrus in a
    /// comprehension's iterable, none rebinding an iteration variable of
    /// the comprehensions it is in, none in a comprehension in a class body.
    fn check_walrus(&self, expr: &Expr, target: &Expr) -> Result<(), SymtableError> {
        if self.iterable_depth[self.current] > 0 {
            return Err(SymtableError {
                message:
                    "assignment expression cannot be used in a comprehension iterable expression"
                        .into(),
                loc: expr.loc,
            });
        }
        let ExprKind::Name { id, .. } = &target.node else {
            return Ok(());
        };
        let mut cursor = Some(self.current);
        while let Some(id_of_scope) = cursor {
            let scope = &self.scopes[id_of_scope];
            match scope.kind {
                ScopeKind::Comprehension => {
                    if scope
                        .symbols
                        .get(id)
                        .is_some_and(|s| s.usage.comprehension_target)
                    {
                        return Err(SymtableError {
                            message: format!(
                                "assignment expression cannot rebind comprehension iteration variable '{id}'"
                            ),
                            loc: target.loc,
                        });
                    }
                }
                ScopeKind::Class if id_of_scope != self.current => {
                    return Err(SymtableError {
                        message: "assignment expression within a comprehension cannot be used in a class body".into(),
                        loc: target.loc,
                    });
                }
                _ => return Ok(()),
            }
            cursor = scope.parent;
        }
        Ok(())
    }

    fn visit_comprehension_target(&mut self, target: &Expr) -> Result<(), SymtableError> {
        self.in_comprehension_target = true;
        let visited = self.visit_expr(target);
        self.in_comprehension_target = false;
        visited
    }

    fn visit_comprehension_iterable(&mut self, iterable: &Expr) -> Result<(), SymtableError> {
        self.iterable_depth[self.current] += 1;
        let visited = self.visit_expr(iterable);
        self.iterable_depth[self.current] -= 1;
        visited
    }

    /// The first iterable is evaluated outside; everything else inside the
    /// comprehension's own scope, whose one parameter is `.0`.
    fn visit_comprehension(
        &mut self,
        expr: &Expr,
        name: &str,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<(), SymtableError> {
        let Some((first, rest)) = generators.split_first() else {
            return Ok(());
        };
        self.visit_comprehension_iterable(&first.iter)?;
        self.push_scope(
            ScopeKind::Comprehension,
            name,
            Some(node_key(expr)),
            expr.loc,
        );
        self.usage(".0").parameter = true;
        self.scope().parameters.push(".0".to_string());
        if name == "<genexpr>" {
            self.scope().is_generator = true;
        }
        if generators.iter().any(|g| g.is_async != 0) {
            self.scope().is_coroutine = true;
        }
        self.visit_comprehension_target(&first.target)?;
        self.visit_exprs(&first.ifs)?;
        for generator in rest {
            self.visit_comprehension_iterable(&generator.iter)?;
            self.visit_comprehension_target(&generator.target)?;
            self.visit_exprs(&generator.ifs)?;
        }
        for element in elements {
            self.visit_expr(element)?;
        }
        let awaited = self.scope().is_coroutine && name != "<genexpr>";
        self.pop_scope();
        // Awaiting an inner comprehension makes the outer one await too.
        if awaited && self.scope().kind == ScopeKind::Comprehension {
            self.scope().is_coroutine = true;
        }
        Ok(())
    }
}
