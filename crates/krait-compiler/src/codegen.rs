//! Code generation: krait-ast -> instructions, unit by unit.
//!
//! The shapes follow CPython 3.11's `Python/compile.c` so that `dis` reads
//! familiarly: calls are `PUSH_NULL, callable, args..., CALL n` (or
//! `LOAD_METHOD` for `obj.m(...)`), `try` blocks register exception
//! handlers instead of emitting setup instructions, and `break`/`continue`/
//! `return` unwind the enclosing blocks (finally bodies inlined, `with`
//! exits called, handlers' saved exceptions restored) before jumping.

use std::sync::Arc;

use krait_ast::{
    Arguments, BoolOp, CmpOp, Comprehension, Constant as AstConstant, ExceptHandler, Expr,
    ExprContext, ExprKind, Keyword, Location, Mod, Operator, Stmt, StmtKind, UnaryOp, WithItem,
};
use krait_bytecode::{
    BinaryOperator, CodeFlags, CodeObject, ComparisonOperator, ConstIdx, Constant, Conversion,
    Depth, DerefIdx, FormatFlags, Instruction as I, KwNamesIdx, Label as BcLabel, LocalIdx,
    MakeFunctionFlags, NameIdx, Position, RaiseKind, SliceArgc, UnpackExCounts,
};

mod patterns;
pub mod warnings;

use crate::fold;
use crate::symtable::{NameScope, ScopeId, ScopeKind, SymbolTable};
use crate::unit::{Label, Unit};

/// A compile error before it gets its file and source line.
#[derive(Debug, Clone)]
pub struct CodegenError {
    pub message: String,
    pub loc: Location,
}

type R<T = ()> = Result<T, CodegenError>;

fn error<T>(message: impl Into<String>, loc: Location) -> R<T> {
    Err(CodegenError {
        message: message.into(),
        loc,
    })
}

/// CPython's `forbidden_name`: `__debug__` is never assigned or deleted
/// (a name, an attribute, a parameter, a keyword argument, an import).
fn check_target_name(name: &str, op: NameOp, loc: Location) -> R {
    match (name, op) {
        ("__debug__", NameOp::Delete) => error("cannot delete __debug__", loc),
        ("__debug__", _) => error("cannot assign to __debug__", loc),
        _ => Ok(()),
    }
}

/// `name` as written inside class `class` (the innermost class around
/// it): `__x` becomes `_class__x` (CPython's `_Py_Mangle`); dunders,
/// dotted names and names outside a class stay as they are.
pub(crate) fn mangle_name(class: Option<&str>, name: &str) -> String {
    let Some(class) = class else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// CPython's `compiler_check_debug_args`: no parameter is `__debug__`.
fn check_parameter_names(args: &Arguments, loc: Location) -> R {
    let all = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(args.vararg.as_deref())
        .chain(&args.kwonlyargs)
        .chain(args.kwarg.as_deref());
    for arg in all {
        check_target_name(&arg.arg, NameOp::Store, loc)?;
    }
    Ok(())
}

/// CPython's `validate_keywords`: no keyword is `__debug__` (reported at
/// the call), none is given twice (reported at the second).
fn check_keywords(keywords: &[Keyword], loc: Location) -> R {
    for (i, keyword) in keywords.iter().enumerate() {
        let Some(name) = &keyword.arg else {
            continue;
        };
        check_target_name(name, NameOp::Store, loc)?;
        if let Some(again) = keywords[i + 1..]
            .iter()
            .find(|other| other.arg.as_ref() == Some(name))
        {
            return error(format!("keyword argument repeated: {name}"), again.loc);
        }
    }
    Ok(())
}

/// A block that `break`, `continue` and `return` must unwind.
#[derive(Clone, Copy)]
enum Block<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// The body of a `try` with handlers.
    TryExcept,
    /// The body of a `try` with `finally`: unwinding runs the final body.
    FinallyTry {
        finalbody: &'a [Stmt],
    },
    /// The final body running after an exception.
    FinallyEnd,
    /// A `with` body; `loc` is the statement's, where its exit runs.
    With {
        is_async: bool,
        loc: Location,
    },
    /// The body of an `except` clause: unwinding restores the exception state.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value kept on the stack while a final body runs for `return`.
    PopValue,
    /// The body of an `except*` clause: nothing may jump out of it.
    ExceptStarHandler,
}

enum NameOp {
    Load,
    Store,
    Delete,
}

pub struct Codegen<'a> {
    table: &'a SymbolTable,
    filename: &'a str,
    future: &'a crate::future::Features,
    interactive: bool,
    units: Vec<(Unit, Vec<Block<'a>>, Option<String>)>,
    /// SyntaxWarnings raised so far, in CPython's order.
    warnings: Vec<warnings::CompileWarning>,
}

/// CPython's `STACK_USE_GUIDELINE`: displays longer than this are built
/// without pushing every item first.
const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Codegen<'a> {
    pub fn new(
        table: &'a SymbolTable,
        filename: &'a str,
        future: &'a crate::future::Features,
    ) -> Codegen<'a> {
        Codegen {
            table,
            filename,
            future,
            interactive: false,
            units: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn compile_mod(self, module: &'a Mod) -> R<CodeObject> {
        self.compile_mod_with_warnings(module).map(|(code, _)| code)
    }

    /// [`Codegen::compile_mod`], with the SyntaxWarnings it raised.
    pub fn compile_mod_with_warnings(
        mut self,
        module: &'a Mod,
    ) -> R<(CodeObject, Vec<warnings::CompileWarning>)> {
        // CPython's top-level code always starts at line 1.
        self.enter(SymbolTable::TOP, "<module>", "<module>", 1, None);
        match module {
            Mod::Module { body } => {
                self.body_with_docstring(body, true)?;
                self.implicit_return();
            }
            Mod::Interactive { body } => {
                self.interactive = true;
                self.setup_annotations(body);
                for stmt in body {
                    self.stmt(stmt)?;
                }
                self.return_none();
            }
            Mod::Expression { body } => {
                self.expr(body)?;
                self.emit(I::ReturnValue);
            }
        }
        let code = self.leave()?;
        Ok((code, self.warnings))
    }

    /// Records a SyntaxWarning at the current line (CPython's
    /// `compiler_warn`).
    fn warn(&mut self, message: impl Into<String>) {
        let line = self.unit_ref().loc.line;
        self.warnings.push(warnings::CompileWarning {
            message: message.into(),
            line,
        });
    }

    // ----- units ---------------------------------------------------------

    fn enter(
        &mut self,
        scope: ScopeId,
        name: &str,
        qualname: &str,
        line: u32,
        private: Option<String>,
    ) {
        let info = self.table.scope(scope);
        let mut unit = Unit::new(scope, info.kind, name, qualname, line);
        // (Private names come mangled from the symbol table, as CPython's
        // `co_varnames` has them: `_C__x`, which a keyword argument binds.)
        unit.cellvars = info.cellvars();
        unit.freevars = info.freevars();
        if info.is_function_like() {
            for name in info.varnames() {
                unit.add_varname(&name);
            }
            unit.flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
            unit.flags |= match (info.is_generator, info.is_coroutine) {
                (true, false) => CodeFlags::GENERATOR,
                (false, true) => CodeFlags::COROUTINE,
                (true, true) => CodeFlags::ASYNC_GENERATOR,
                (false, false) => CodeFlags::empty(),
            };
            let nested = info
                .parent
                .is_some_and(|p| self.table.scope(p).is_function_like());
            if nested {
                unit.flags |= CodeFlags::NESTED;
            }
        }
        self.units.push((unit, Vec::new(), private));
    }

    fn leave(&mut self) -> R<CodeObject> {
        let (unit, _, _) = self.units.pop().expect("a unit is open");
        unit.assemble(self.filename)
            .map_err(|message| CodegenError {
                message,
                loc: Location::default(),
            })
    }

    fn unit(&mut self) -> &mut Unit {
        &mut self.units.last_mut().expect("a unit is open").0
    }

    fn unit_ref(&self) -> &Unit {
        &self.units.last().expect("a unit is open").0
    }

    fn blocks(&mut self) -> &mut Vec<Block<'a>> {
        &mut self.units.last_mut().expect("a unit is open").1
    }

    fn emit(&mut self, instruction: I) {
        self.unit().emit(instruction);
    }

    fn jump(&mut self, instruction: I, label: Label) {
        self.unit().emit_jump(instruction, label);
    }

    fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().bind(label);
    }

    /// Gives the instructions emitted from now on the position of `loc`
    /// (CPython's `SET_LOC`); returns the previous one, for restoring. A
    /// node without a location (synthesized) keeps the current one.
    fn set_line(&mut self, loc: Location) -> Position {
        let unit = self.unit();
        let old = unit.loc;
        if loc.lineno > 0 {
            unit.loc = position(loc);
        }
        old
    }

    /// For an attribute spanning lines (`(obj\n  .name)`), starts the
    /// current position at the attribute's name, on its last line (CPython's
    /// `update_start_location_to_match_attr`): the traceback then points
    /// at `.name`, not at the start of `obj`.
    fn start_at_attribute(&mut self, attribute: &Expr) {
        let ExprKind::Attribute { attr, .. } = &attribute.node else {
            return;
        };
        let unit = self.unit();
        unit.loc = attribute_start(unit.loc, attribute.loc, attr);
    }

    fn load_const(&mut self, constant: Constant) {
        let i = self.unit().add_const(constant);
        self.emit(I::LoadConst(ConstIdx(i)));
    }

    fn return_none(&mut self) {
        if self.unit_ref().is_reachable() {
            self.load_const(Constant::None);
            self.emit(I::ReturnValue);
        }
    }

    /// The `return None` that ends a module, class or function body: no
    /// line of its own. It is reached from the end of every branch of the
    /// last statement (CPython copies it into each, with that branch's
    /// line), so giving it the last line written would make a line tracer
    /// or coverage see that line run when another branch ran.
    fn implicit_return(&mut self) {
        self.without_line(Self::return_none);
    }

    /// Emits what `emit` emits with no line (instructions the compiler
    /// adds that belong to no one line), then goes back to the line.
    fn without_line(&mut self, emit: impl FnOnce(&mut Self)) {
        let loc = std::mem::replace(&mut self.unit().loc, NO_POSITION);
        emit(self);
        self.unit().loc = loc;
    }

    fn jump_forward(&mut self, label: Label) {
        self.jump(I::JumpForward(BcLabel(0)), label);
    }

    fn jump_backward(&mut self, label: Label) {
        self.jump(I::JumpBackward(krait_bytecode::BackLabel(0)), label);
    }

    /// A loop's jump back to its test, with no line of its own: it ends
    /// every path through the body (a `try` body's, its handler's...), so
    /// the last line written would be wrong for the others (CPython marks
    /// it artificial and gives it each predecessor's line).
    fn jump_backward_without_line(&mut self, label: Label) {
        self.without_line(|this| this.jump_backward(label));
    }

    fn scope_info(&self) -> &'a crate::symtable::Scope {
        self.table.scope(self.unit_ref().scope)
    }

    fn in_function(&self) -> bool {
        self.scope_info().is_function_like()
    }

    // ----- names ---------------------------------------------------------

    /// CPython's private-name mangling: `__x` inside class `C` is `_C__x`.
    fn mangle(&self, name: &str) -> String {
        mangle_name(
            self.units.last().expect("a unit is open").2.as_deref(),
            name,
        )
    }

    fn name_op(&mut self, name: &str, op: NameOp) {
        // The symbol table keeps private names mangled.
        let mangled = self.mangle(name);
        let name = mangled.as_str();
        let scope = self.scope_info();
        let resolved = scope.lookup(name).unwrap_or(NameScope::GlobalImplicit);
        let function_like = scope.is_function_like();
        let is_class = scope.kind == ScopeKind::Class;
        match resolved {
            NameScope::Cell | NameScope::Free => {
                if let Some(i) = self.unit_ref().deref_index(name) {
                    let i = DerefIdx(i);
                    self.emit(match op {
                        NameOp::Load if is_class => I::LoadClassDeref(i),
                        NameOp::Load => I::LoadDeref(i),
                        NameOp::Store => I::StoreDeref(i),
                        NameOp::Delete => I::DeleteDeref(i),
                    });
                    return;
                }
                self.name_op_by_name(name, op, function_like)
            }
            NameScope::Local if function_like => {
                let i = LocalIdx(self.unit().add_varname(name));
                self.emit(match op {
                    NameOp::Load => I::LoadFast(i),
                    NameOp::Store => I::StoreFast(i),
                    NameOp::Delete => I::DeleteFast(i),
                });
            }
            NameScope::GlobalExplicit => {
                let mangled = self.mangle(name);
                let i = NameIdx(self.unit().add_name(&mangled));
                self.emit(match op {
                    NameOp::Load => I::LoadGlobal(i),
                    NameOp::Store => I::StoreGlobal(i),
                    NameOp::Delete => I::DeleteGlobal(i),
                });
            }
            _ => self.name_op_by_name(name, op, function_like),
        }
    }

    /// Module and class bodies look names up in a mapping; functions in
    /// globals.
    fn name_op_by_name(&mut self, name: &str, op: NameOp, function_like: bool) {
        let mangled = self.mangle(name);
        let i = NameIdx(self.unit().add_name(&mangled));
        self.emit(match (op, function_like) {
            (NameOp::Load, true) => I::LoadGlobal(i),
            (NameOp::Store, true) => I::StoreGlobal(i),
            (NameOp::Delete, true) => I::DeleteGlobal(i),
            (NameOp::Load, false) => I::LoadName(i),
            (NameOp::Store, false) => I::StoreName(i),
            (NameOp::Delete, false) => I::DeleteName(i),
        });
    }

    fn attr_index(&mut self, attr: &str) -> NameIdx {
        let mangled = self.mangle(attr);
        NameIdx(self.unit().add_name(&mangled))
    }

    // ----- statements ----------------------------------------------------

    fn body(&mut self, body: &'a [Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// A module or class body: `__annotations__` is made first when an
    /// annotated name is anywhere in it (CPython's `find_ann`: a module
    /// that stores into its `__annotations__` before its first annotation
    /// finds it), and a leading string is stored as `__doc__`.
    fn body_with_docstring(&mut self, body: &'a [Stmt], is_module: bool) -> R {
        self.setup_annotations(body);
        let rest = match docstring(body) {
            Some(doc) => {
                self.set_line(body[0].loc);
                self.load_const(Constant::Str(doc.to_string()));
                self.name_op("__doc__", NameOp::Store);
                &body[1..]
            }
            None => body,
        };
        let _ = is_module;
        self.body(rest)
    }

    /// SETUP_ANNOTATIONS at the start of a module or class body (or an
    /// interactive statement) that has annotations, at its first line.
    fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if has_annotations(body) {
            self.set_line(body[0].loc);
            self.emit(I::SetupAnnotations);
        }
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> R {
        if self.unit_ref().is_reachable() {
            return crate::with_stack(|| self.stmt_code(stmt));
        }
        // A statement nothing reaches (after `return`, `raise`, `break`,
        // an endless loop) is compiled for its errors (`'break' outside
        // loop`) and warnings, and its code let go, as CPython drops
        // unreachable blocks: code whose loop head nothing reaches would
        // otherwise keep a FOR_ITER whose exit was never emitted.
        let mark = self.unit_ref().mark();
        let result = crate::with_stack(|| self.stmt_code(stmt));
        // (An error may leave a nested unit open, a class body's or a
        // function's: the compilation fails, nothing is discarded.)
        if result.is_ok() {
            self.unit().discard_since(mark);
        }
        result
    }

    fn stmt_code(&mut self, stmt: &'a Stmt) -> R {
        self.set_line(stmt.loc);
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
            } => self.function_def(stmt, name, args, returns.as_deref(), body, decorator_list),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                if !self.in_async_function() {
                    return error("'async for' outside async function", stmt.loc);
                }
                self.for_stmt(target, iter, body, orelse, true)
            }
            StmtKind::AsyncWith { items, body } => {
                if !self.in_async_function() {
                    return error("'async with' outside async function", stmt.loc);
                }
                self.with_stmt(items, body, stmt.loc, true)
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(stmt, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.return_stmt(stmt, value.as_deref()),
            StmtKind::Delete { targets } => targets.iter().try_for_each(|t| self.delete(t)),
            StmtKind::Assign { targets, value } => {
                if let [target] = targets.as_slice()
                    && self.swap_assign(target, value)?
                {
                    return Ok(());
                }
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(I::Copy(Depth(1)));
                    }
                    self.store(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(stmt.loc, target, annotation, value.as_deref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse, false),
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let otherwise = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, false, otherwise)?;
                self.body(body)?;
                if !orelse.is_empty() {
                    if self.unit_ref().is_reachable() {
                        self.jump_forward(end);
                    }
                    self.bind(otherwise);
                    self.body(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.with_stmt(items, body, stmt.loc, false),
            StmtKind::Raise { exc, cause } => {
                let kind = match (exc, cause) {
                    (None, _) => RaiseKind::Reraise,
                    (Some(exc), None) => {
                        self.expr(exc)?;
                        RaiseKind::Raise
                    }
                    (Some(exc), Some(cause)) => {
                        self.expr(exc)?;
                        self.expr(cause)?;
                        RaiseKind::RaiseFrom
                    }
                };
                self.emit(I::RaiseVarargs(kind));
                Ok(())
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
                let star = matches!(stmt.node, StmtKind::TryStar { .. });
                // The `try` line has an instruction of its own (CPython's
                // SETUP_FINALLY left as a NOP): a line tracer sees it.
                self.emit(I::Nop);
                match (finalbody.is_empty(), star) {
                    (true, false) => self.try_except(body, handlers, orelse),
                    (true, true) => self.try_except_star(body, handlers, orelse),
                    (false, _) => self.try_finally(body, handlers, orelse, finalbody, star),
                }
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Assert { test, msg } => {
                if warnings::always_true_assertion(test) {
                    self.warn("assertion is always true, perhaps remove parentheses?");
                }
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(I::LoadAssertionError);
                if let Some(msg) = msg {
                    self.expr(msg)?;
                    self.emit(I::Call(0));
                }
                self.emit(I::RaiseVarargs(RaiseKind::Raise));
                self.bind(end);
                Ok(())
            }
            StmtKind::Import { names } => {
                for alias in names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let i = NameIdx(self.unit().add_name(&alias.name));
                    self.emit(I::ImportName(i));
                    match &alias.asname {
                        Some(asname) => {
                            let mut parts = alias.name.split('.').skip(1).peekable();
                            while let Some(part) = parts.next() {
                                let i = NameIdx(self.unit().add_name(part));
                                self.emit(I::ImportFrom(i));
                                self.emit(I::Swap(Depth(2)));
                                self.emit(I::PopTop);
                                let _ = parts.peek();
                            }
                            check_target_name(asname, NameOp::Store, stmt.loc)?;
                            self.name_op(asname, NameOp::Store);
                        }
                        None => {
                            let top = alias.name.split('.').next().unwrap_or(&alias.name);
                            check_target_name(top, NameOp::Store, stmt.loc)?;
                            self.name_op(top, NameOp::Store);
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if module.as_deref() == Some("__future__")
                    && *level == 0
                    && !self.future.is_leading(stmt.loc)
                {
                    return Err(crate::future::misplaced(stmt.loc));
                }
                self.load_const(Constant::Int(*level as i64));
                let fromlist = names
                    .iter()
                    .map(|a| Constant::Str(a.name.clone()))
                    .collect();
                self.load_const(Constant::Tuple(fromlist));
                let module_name = module.clone().unwrap_or_default();
                let i = NameIdx(self.unit().add_name(&module_name));
                self.emit(I::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    if self.unit_ref().kind != ScopeKind::Module {
                        return error("import * only allowed at module level", stmt.loc);
                    }
                    self.emit(I::ImportStar);
                    return Ok(());
                }
                for alias in names {
                    let i = NameIdx(self.unit().add_name(&alias.name));
                    self.emit(I::ImportFrom(i));
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    check_target_name(stored, NameOp::Store, stmt.loc)?;
                    self.name_op(stored, NameOp::Store);
                }
                self.emit(I::PopTop);
                Ok(())
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(I::PrintExpr);
                } else if fold::constant(value).is_some() {
                    // A bare constant (a docstring-like string, or what
                    // folds to a constant) has no effect.
                    self.emit(I::Nop);
                } else {
                    self.expr(value)?;
                    self.emit(I::PopTop);
                }
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(I::Nop);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(stmt.loc),
            StmtKind::Continue => self.continue_stmt(stmt.loc),
        }
    }

    fn return_stmt(&mut self, stmt: &Stmt, value: Option<&'a Expr>) -> R {
        if !self.in_function() || self.unit_ref().kind == ScopeKind::Comprehension {
            return error("'return' outside function", stmt.loc);
        }
        let scope = self.scope_info();
        if value.is_some() && scope.is_generator && scope.is_coroutine {
            return error("'return' with value in async generator", stmt.loc);
        }
        let blocks = self.blocks().clone();
        jump_out_of_except_star(&blocks, stmt.loc)?;
        match value {
            Some(value) => self.expr(value)?,
            None => self.load_const(Constant::None),
        }
        let saved_handlers = self.unit_ref().handler_stack.clone();
        self.unwind_all(true)?;
        self.set_line(stmt.loc);
        self.emit(I::ReturnValue);
        // Code after the return is unreachable; what the enclosing statements
        // emit next is covered by their handlers again.
        self.unit().handler_stack = saved_handlers;
        Ok(())
    }

    fn break_stmt(&mut self, loc: Location) -> R {
        self.loop_jump(loc, true)
    }

    fn continue_stmt(&mut self, loc: Location) -> R {
        self.loop_jump(loc, false)
    }

    /// `break` (to the loop's exit, dropping a `for` loop's iterator) or
    /// `continue` (back to its start), after unwinding the blocks inside
    /// the loop.
    fn loop_jump(&mut self, loc: Location, is_break: bool) -> R {
        let saved_handlers = self.unit_ref().handler_stack.clone();
        let blocks = self.blocks().clone();
        let loop_index = blocks
            .iter()
            .rposition(|b| matches!(b, Block::WhileLoop { .. } | Block::ForLoop { .. }));
        jump_out_of_except_star(&blocks[loop_index.map_or(0, |i| i + 1)..], loc)?;
        let Some(loop_index) = loop_index else {
            return error(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                loc,
            );
        };
        for index in (loop_index + 1..blocks.len()).rev() {
            self.unwind_block(index, false)?;
        }
        let (start, exit, is_for) = match blocks[loop_index] {
            Block::ForLoop { start, exit } => (start, exit, true),
            Block::WhileLoop { start, exit } => (start, exit, false),
            _ => unreachable!("found a loop block"),
        };
        if is_break {
            if is_for {
                self.emit(I::PopTop);
            }
            self.jump_forward(exit);
        } else {
            self.jump_backward(start);
        }
        self.unit().handler_stack = saved_handlers;
        Ok(())
    }

    /// Unwinds every block for `return`; the value being returned stays on
    /// top of the stack when `preserve_top`.
    fn unwind_all(&mut self, preserve_top: bool) -> R {
        let count = self.blocks().len();
        for index in (0..count).rev() {
            self.unwind_block(index, preserve_top)?;
        }
        Ok(())
    }

    /// Emits the exit code of block `index` (CPython's `compiler_unwind_fblock`).
    /// The block and those inside it are hidden while its code is emitted.
    fn unwind_block(&mut self, index: usize, preserve_top: bool) -> R {
        let block = self.blocks()[index];
        match block {
            Block::WhileLoop { .. } => {}
            Block::ForLoop { .. } => {
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.emit(I::PopTop);
            }
            Block::TryExcept => {
                self.unit().pop_handler();
            }
            Block::FinallyTry { finalbody } => {
                self.unit().pop_handler();
                let hidden = self.blocks().split_off(index);
                if preserve_top {
                    self.blocks().push(Block::PopValue);
                }
                let result = self.body(finalbody);
                if preserve_top {
                    self.blocks().pop();
                }
                self.blocks().extend(hidden);
                result?;
            }
            Block::FinallyEnd => {
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.emit(I::PopTop);
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.unit().pop_handler();
                self.emit(I::PopExcept);
            }
            Block::With { is_async, loc } => {
                let old = self.set_line(loc);
                self.unit().pop_handler();
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.call_exit_with_nones(is_async);
                self.unit().loc = old;
            }
            Block::HandlerCleanup { name } => {
                if name.is_some() {
                    self.unit().pop_handler();
                }
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.unit().pop_handler();
                self.emit(I::PopExcept);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
            // Refused before unwinding (`jump_out_of_except_star`).
            Block::ExceptStarHandler => {}
            Block::PopValue => {
                if preserve_top {
                    self.emit(I::Swap(Depth(2)));
                }
                self.emit(I::PopTop);
            }
        }
        Ok(())
    }

    /// `[..., exit] -> [...]`: calls `exit(None, None, None)` (awaiting
    /// the result of `__aexit__`) and drops the result.
    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(I::Call(2));
        if is_async {
            self.await_top(2);
        }
        self.emit(I::PopTop);
    }

    /// `[..., x] -> [..., result]`: `await x`. `where` says what `x` is
    /// for the error messages (0: an await expression, 1: the result of
    /// `__aenter__`, 2: of `__aexit__`).
    fn await_top(&mut self, where_: u32) {
        self.emit(I::GetAwaitable(where_));
        self.load_const(Constant::None);
        self.yield_from_loop();
    }

    /// A code unit of an `async def` (not a lambda or comprehension in it).
    fn in_async_function(&self) -> bool {
        let scope = self.scope_info();
        scope.kind == ScopeKind::Function && scope.is_coroutine
    }

    /// YIELD_VALUE, the value wrapped first in an async generator so that
    /// its driver tells it from a value passed up by an `await`.
    fn emit_yield(&mut self) {
        let scope = self.scope_info();
        if scope.is_generator && scope.is_coroutine {
            self.emit(I::AsyncGenWrap);
        }
        self.emit(I::YieldValue);
    }

    /// `name = None; del name`: what CPython does at the end of `except E as name`.
    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.name_op(name, NameOp::Store);
        self.name_op(name, NameOp::Delete);
    }

    /// `body` compiled inside `block` (what break/continue/return unwind).
    fn body_in_block(&mut self, block: Block<'a>, body: &'a [Stmt]) -> R {
        self.blocks().push(block);
        let result = self.body(body);
        self.blocks().pop();
        result
    }

    /// The cleanup handler of an `except`/`finally`/`with` handler (CPython's
    /// POP_EXCEPT_AND_RERAISE): `[..., prev_exc, lasti, exc]` restores the
    /// exception state saved by PUSH_EXC_INFO and re-raises.
    fn pop_except_and_reraise(&mut self, cleanup: Label) {
        self.bind(cleanup);
        self.emit(I::Copy(Depth(3)));
        self.emit(I::PopExcept);
        self.emit(I::Reraise(1));
    }

    /// `for` and `async for` (whose `__anext__` is awaited each turn,
    /// StopAsyncIteration caught by END_ASYNC_FOR ending the loop).
    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        is_async: bool,
    ) -> R {
        let start = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        if is_async {
            self.expr(iter)?;
            self.emit(I::GetAiter);
        } else {
            self.iterable(iter)?;
            self.emit(I::GetIter);
        }
        self.bind(start);
        self.next_item(is_async, exhausted);
        self.store(target)?;
        self.body_in_block(Block::ForLoop { start, exit: end }, body)?;
        if self.unit_ref().is_reachable() {
            self.jump_backward_without_line(start);
        }
        self.bind(exhausted);
        if is_async {
            self.emit(I::EndAsyncFor);
        }
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let start = self.new_label();
        let otherwise = self.new_label();
        let end = self.new_label();
        let always_true = fold::constant(test).is_some_and(|c| fold::truthy(&c));
        if always_true {
            // The `while` line, run once on entry (the jump back has it
            // too), as CPython 3.11 lays `while True:` out.
            self.emit(I::Nop);
        }
        self.bind(start);
        if !always_true {
            self.jump_if(test, false, otherwise)?;
        }
        self.body_in_block(Block::WhileLoop { start, exit: end }, body)?;
        if self.unit_ref().is_reachable() {
            // CPython tests the condition again at the bottom, on the
            // `while` line; the test at the top is that line here, so the
            // jump back has no line: a line tracer sees the `while` line
            // once per pass, as in CPython. `while True` has no test: the
            // jump is the `while` line.
            if always_true {
                self.set_line(test.loc);
                self.jump_backward(start);
            } else {
                self.jump_backward_without_line(start);
            }
        }
        self.bind(otherwise);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// What `except` and `except*` statements share: the body under a
    /// handler, the `else` body, then the handler's start (the exception
    /// pushed as the one being handled, under a cleanup handler). Returns
    /// the statement's end and that cleanup label.
    fn try_body_then_handlers(
        &mut self,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R<(Label, Label)> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.unit().push_handler(except, false, None);
        self.blocks().push(Block::TryExcept);
        let result = self.body(body);
        self.blocks().pop();
        self.unit().pop_handler();
        result?;
        self.body(orelse)?;
        if self.unit_ref().is_reachable() {
            self.jump_forward(end);
        }
        // Stack here: [..., exc].
        self.bind(except);
        self.unit().push_handler(cleanup, true, None);
        self.emit(I::PushExcInfo);
        Ok((end, cleanup))
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let (end, cleanup) = self.try_body_then_handlers(body, orelse)?;
        for (i, handler) in handlers.iter().enumerate() {
            let ExceptHandler {
                typ,
                name,
                body,
                loc,
                ..
            } = handler;
            self.set_line(*loc);
            if typ.is_none() && i + 1 < handlers.len() {
                return error("default 'except:' must be last", *loc);
            }
            let next = self.new_label();
            if let Some(typ) = typ {
                self.expr(typ)?;
                self.emit(I::CheckExcMatch);
                self.jump(I::PopJumpIfFalse(BcLabel(0)), next);
            }
            match name {
                Some(name) => {
                    // Stack: [..., prev_exc, exc].
                    check_target_name(name, NameOp::Store, *loc)?;
                    self.name_op(name, NameOp::Store);
                    let cleanup_name = self.new_label();
                    self.unit().push_handler(cleanup_name, true, None);
                    self.blocks()
                        .push(Block::HandlerCleanup { name: Some(name) });
                    let result = self.body(body);
                    self.blocks().pop();
                    self.unit().pop_handler();
                    result?;
                    if self.unit_ref().is_reachable() {
                        let handler = self.unit().pop_handler();
                        self.emit(I::PopExcept);
                        self.clear_name(name);
                        self.jump_forward(end);
                        self.unit().restore_handler(handler);
                    }
                    // Raised inside the handler body: clear the name, re-raise.
                    self.bind(cleanup_name);
                    self.clear_name(name);
                    self.emit(I::Reraise(1));
                }
                None => {
                    self.emit(I::PopTop);
                    self.body_in_block(Block::HandlerCleanup { name: None }, body)?;
                    if self.unit_ref().is_reachable() {
                        let handler = self.unit().pop_handler();
                        self.emit(I::PopExcept);
                        self.jump_forward(end);
                        self.unit().restore_handler(handler);
                    }
                }
            }
            self.bind(next);
        }
        // No clause matched: re-raise with the handler state still pushed.
        if self.unit_ref().is_reachable() {
            self.emit(I::Reraise(0));
        }
        self.unit().pop_handler();
        // Stack: [..., prev_exc, lasti, exc2].
        self.pop_except_and_reraise(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* E: ...` (CPython 3.11's `compiler_try_star_except`):
    /// each clause takes the part of the exception group it matches
    /// (CHECK_EG_MATCH) and passes the rest on; what the clauses raise or
    /// leave unmatched is combined at the end (PREP_RERAISE_STAR) and
    /// raised again, or nothing when all was handled.
    fn try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let (end, cleanup) = self.try_body_then_handlers(body, orelse)?;
        let reraise = self.new_label();
        for (i, handler) in handlers.iter().enumerate() {
            let ExceptHandler {
                typ,
                name,
                body,
                loc,
            } = handler;
            self.set_line(*loc);
            if i == 0 {
                // [..., prev, orig] -> [..., prev, orig, raised_list, exc]
                self.emit(I::Copy(Depth(1)));
                self.emit(I::BuildList(0));
                self.emit(I::Swap(Depth(2)));
            }
            let next = self.new_label();
            let no_match = self.new_label();
            let raised = self.new_label();
            match typ {
                Some(typ) => self.expr(typ)?,
                None => return error("expected one or more exception types", *loc),
            }
            // [..., rest, match]
            self.emit(I::CheckEgMatch);
            self.emit(I::Copy(Depth(1)));
            self.jump(I::PopJumpIfNone(BcLabel(0)), no_match);
            match name {
                Some(name) => {
                    check_target_name(name, NameOp::Store, *loc)?;
                    self.name_op(name, NameOp::Store)
                }
                None => self.emit(I::PopTop),
            }
            // [..., prev, orig, raised_list, rest]
            self.unit().push_handler(raised, true, None);
            self.blocks().push(Block::ExceptStarHandler);
            let result = self.body(body);
            self.blocks().pop();
            self.unit().pop_handler();
            result?;
            if self.unit_ref().is_reachable() {
                if let Some(name) = name {
                    self.clear_name(name);
                }
                self.jump_forward(next);
            }
            // Raised in the clause: [..., rest, lasti, exc] -> kept in the list.
            self.bind(raised);
            if let Some(name) = name {
                self.clear_name(name);
            }
            self.emit(I::ListAppend(Depth(3)));
            self.emit(I::PopTop);
            self.jump_forward(next);
            self.bind(no_match);
            self.emit(I::PopTop);
            self.bind(next);
        }
        // [..., prev, orig, raised_list, rest]
        self.emit(I::ListAppend(Depth(1)));
        self.emit(I::PrepReraiseStar);
        self.emit(I::Copy(Depth(1)));
        self.jump(I::PopJumpIfNotNone(BcLabel(0)), reraise);
        self.emit(I::PopTop);
        self.unit().pop_handler();
        self.emit(I::PopExcept);
        self.jump_forward(end);
        self.bind(reraise);
        self.emit(I::Swap(Depth(2)));
        self.emit(I::PopExcept);
        self.emit(I::Reraise(0));
        self.pop_except_and_reraise(cleanup);
        self.bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.unit().push_handler(end, false, None);
        self.blocks().push(Block::FinallyTry { finalbody });
        let result = if handlers.is_empty() {
            self.body(body)
        } else if star {
            self.try_except_star(body, handlers, orelse)
        } else {
            self.try_except(body, handlers, orelse)
        };
        self.blocks().pop();
        self.unit().pop_handler();
        result?;
        if self.unit_ref().is_reachable() {
            self.body(finalbody)?;
            if self.unit_ref().is_reachable() {
                self.jump_forward(exit);
            }
        }
        // Stack: [..., exc].
        self.bind(end);
        self.unit().push_handler(cleanup, true, None);
        self.emit(I::PushExcInfo);
        self.body_in_block(Block::FinallyEnd, finalbody)?;
        if self.unit_ref().is_reachable() {
            self.emit(I::Reraise(0));
        }
        self.unit().pop_handler();
        self.pop_except_and_reraise(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        loc: Location,
        is_async: bool,
    ) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let exit = self.new_label();
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(I::BeforeAsyncWith);
            self.await_top(1);
        } else {
            self.emit(I::BeforeWith);
        }
        // Stack: [..., exit_fn, enter_result]; the handler unwinds to [..., exit_fn].
        let depth = self.unit_ref().depth().map(|d| d.saturating_sub(1));
        self.unit().push_handler(handler, true, depth);
        self.blocks().push(Block::With { is_async, loc });
        match &item.optional_vars {
            Some(target) => self.store(target)?,
            None => self.emit(I::PopTop),
        }
        let result = if rest.is_empty() {
            self.body(body)
        } else {
            self.with_stmt(rest, body, loc, is_async)
        };
        self.blocks().pop();
        self.unit().pop_handler();
        result?;
        if self.unit_ref().is_reachable() {
            self.set_line(loc);
            self.call_exit_with_nones(is_async);
            self.jump_forward(exit);
        }
        // Stack: [..., exit_fn, lasti, exc].
        self.bind(handler);
        self.set_line(loc);
        self.unit().push_handler(cleanup, true, None);
        self.emit(I::PushExcInfo);
        self.emit(I::WithExceptStart);
        if is_async {
            self.await_top(2);
        }
        self.jump(I::PopJumpIfTrue(BcLabel(0)), suppress);
        self.emit(I::Reraise(2));
        self.bind(suppress);
        self.emit(I::PopTop);
        self.unit().pop_handler();
        self.emit(I::PopExcept);
        self.emit(I::PopTop);
        self.emit(I::PopTop);
        self.jump_forward(exit);
        self.pop_except_and_reraise(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// `target op= value`: the target's loads and stores carry the
    /// target's position, the operation the statement's (as CPython's).
    /// `a, b = b, a`: CPython's peephole optimizer turns BUILD_TUPLE n +
    /// UNPACK_SEQUENCE n (n <= 3) into a SWAP (nothing for one item), and
    /// its `apply_static_swaps` then reorders plain local stores instead.
    /// Returns whether the assignment was compiled so.
    fn swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> R<bool> {
        let is_starred = |e: &Expr| matches!(e.node, ExprKind::Starred { .. });
        let (ExprKind::Tuple { elts: targets, .. } | ExprKind::List { elts: targets, .. }) =
            &target.node
        else {
            return Ok(false);
        };
        let ExprKind::Tuple { elts: values, .. } = &value.node else {
            return Ok(false);
        };
        let n = values.len();
        if !(1..=3).contains(&n)
            || targets.len() != n
            || targets.iter().chain(values).any(is_starred)
            || fold::constant(value).is_some()
        {
            return Ok(false);
        }
        let old = self.set_line(value.loc);
        for item in values {
            self.expr(item)?;
        }
        self.set_line(target.loc);
        let swap = self.unit().instruction_count();
        if n > 1 {
            self.emit(I::Swap(Depth(n as u32)));
        }
        for item in targets {
            self.store(item)?;
        }
        if n > 1 {
            self.unit().apply_static_swap(swap);
        }
        self.unit().loc = old;
        Ok(true)
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> R {
        let op = inplace_operator(op);
        let statement = self.set_line(target.loc);
        match &target.node {
            ExprKind::Name { id, .. } => {
                check_target_name(id, NameOp::Store, target.loc)?;
                self.name_op(id, NameOp::Load);
                self.unit().loc = statement;
                self.expr(value)?;
                self.emit(I::BinaryOp(op));
                self.set_line(target.loc);
                self.name_op(id, NameOp::Store);
            }
            ExprKind::Attribute {
                value: owner, attr, ..
            } => {
                self.expr(owner)?;
                self.emit(I::Copy(Depth(1)));
                self.start_at_attribute(target);
                let i = self.attr_index(attr);
                self.emit(I::LoadAttr(i));
                self.unit().loc = statement;
                self.expr(value)?;
                self.emit(I::BinaryOp(op));
                self.set_line(target.loc);
                self.start_at_attribute(target);
                self.emit(I::Swap(Depth(2)));
                self.emit(I::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: container,
                slice,
                ..
            } => {
                self.expr(container)?;
                self.expr(slice)?;
                self.emit(I::Copy(Depth(2)));
                self.emit(I::Copy(Depth(2)));
                self.emit(I::BinarySubscr);
                self.unit().loc = statement;
                self.expr(value)?;
                self.emit(I::BinaryOp(op));
                self.set_line(target.loc);
                self.emit(I::Swap(Depth(3)));
                self.emit(I::Swap(Depth(2)));
                self.emit(I::StoreSubscr);
            }
            _ => {
                return error(
                    "'expression' is an illegal expression for augmented assignment",
                    target.loc,
                );
            }
        }
        self.unit().loc = statement;
        Ok(())
    }

    fn ann_assign(
        &mut self,
        statement: Location,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: i32,
    ) -> R {
        if let Some(value) = value {
            self.expr(value)?;
            self.store(target)?;
        }
        match &target.node {
            ExprKind::Name { id, .. } => {
                check_target_name(id, NameOp::Store, statement)?;
                if simple == 1 && !self.in_function() {
                    // Module and class bodies record the annotation in
                    // __annotations__ (made when the body started).
                    self.annotation(annotation)?;
                    let i = NameIdx(self.unit().add_name("__annotations__"));
                    self.emit(I::LoadName(i));
                    self.load_const(Constant::Str(self.mangle(id)));
                    self.emit(I::StoreSubscr);
                    return Ok(());
                }
            }
            // With no value, the target's parts are still evaluated (CPython's
            // check_ann_expr): `undefined.y: int` is a NameError.
            ExprKind::Attribute {
                value: object,
                attr,
                ..
            } => {
                check_target_name(attr, NameOp::Store, statement)?;
                if value.is_none() {
                    self.evaluate_and_pop(object)?;
                }
            }
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } if value.is_none() => {
                self.evaluate_and_pop(object)?;
                self.evaluate_subscript_and_pop(slice)?;
            }
            _ => {}
        }
        // The annotation of a complex target (an attribute, a subscript, a
        // parenthesized name) is evaluated and dropped outside functions.
        if simple == 0 && !self.in_function() && !self.future.annotations {
            self.evaluate_and_pop(annotation)?;
        }
        Ok(())
    }

    fn evaluate_and_pop(&mut self, expr: &'a Expr) -> R {
        self.expr(expr)?;
        self.emit(I::PopTop);
        Ok(())
    }

    /// CPython's check_ann_subscr: a slice's bounds, a tuple's items, or
    /// the index, each evaluated and dropped.
    fn evaluate_subscript_and_pop(&mut self, slice: &'a Expr) -> R {
        match &slice.node {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.evaluate_and_pop(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for elt in elts {
                    self.evaluate_subscript_and_pop(elt)?;
                }
                Ok(())
            }
            _ => self.evaluate_and_pop(slice),
        }
    }

    fn delete(&mut self, target: &'a Expr) -> R {
        let old = self.set_line(target.loc);
        self.delete_target(target)?;
        self.unit().loc = old;
        Ok(())
    }

    fn delete_target(&mut self, target: &'a Expr) -> R {
        match &target.node {
            ExprKind::Name { id, .. } => {
                check_target_name(id, NameOp::Delete, target.loc)?;
                self.name_op(id, NameOp::Delete)
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.start_at_attribute(target);
                let i = self.attr_index(attr);
                self.emit(I::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(I::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for elt in elts {
                    self.delete(elt)?;
                }
            }
            _ => return error("cannot delete expression", target.loc),
        }
        Ok(())
    }

    /// Stores the top of stack into an assignment target.
    fn store(&mut self, target: &'a Expr) -> R {
        let old = self.set_line(target.loc);
        match &target.node {
            ExprKind::Name { id, .. } => {
                check_target_name(id, NameOp::Store, target.loc)?;
                self.name_op(id, NameOp::Store)
            }
            ExprKind::Attribute { value, attr, .. } => {
                check_target_name(attr, NameOp::Store, target.loc)?;
                self.expr(value)?;
                self.start_at_attribute(target);
                let i = self.attr_index(attr);
                self.emit(I::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(I::StoreSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let starred: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e.node, ExprKind::Starred { .. }))
                    .map(|(i, _)| i)
                    .collect();
                match starred.as_slice() {
                    [] => self.emit(I::UnpackSequence(elts.len() as u32)),
                    [star] => {
                        let before = *star;
                        let after = elts.len() - star - 1;
                        if before > 255 || after > (1 << 24) {
                            return error(
                                "too many expressions in star-unpacking assignment",
                                target.loc,
                            );
                        }
                        self.emit(I::UnpackEx(UnpackExCounts {
                            before: before as u16,
                            after: after as u16,
                        }));
                    }
                    _ => {
                        return error("multiple starred expressions in assignment", target.loc);
                    }
                }
                for elt in elts {
                    match &elt.node {
                        ExprKind::Starred { value, .. } => self.store(value)?,
                        _ => self.store(elt)?,
                    }
                }
            }
            ExprKind::Starred { .. } => {
                return error(
                    "starred assignment target must be in a list or tuple",
                    target.loc,
                );
            }
            _ => return error("cannot assign to expression", target.loc),
        }
        self.unit().loc = old;
        Ok(())
    }

    // ----- functions and classes ----------------------------------------

    fn qualname_for(&self, name: &str, scope: ScopeId) -> String {
        let parent = self.unit_ref();
        let info = self.table.scope(scope);
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        // A function declared global in its parent gets a top-level qualname.
        let parent_scope = self.table.scope(parent.scope);
        if parent_scope.lookup(&self.mangle(name)) == Some(NameScope::GlobalExplicit)
            && info.kind != ScopeKind::Comprehension
            && info.kind != ScopeKind::Lambda
        {
            return name.to_string();
        }
        if parent_scope.is_function_like() {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    fn function_def(
        &mut self,
        stmt: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> R {
        check_parameter_names(args, stmt.loc)?;
        for decorator in decorators {
            self.emit(I::PushNull);
            self.expr(decorator)?;
        }
        let first_line = decorators.first().map_or(stmt.loc.lineno, |d| d.loc.lineno);
        let scope = self.scope_for(stmt)?;
        let mut flags = self.argument_defaults(args)?;
        if self.annotations(args, returns)? {
            flags = flags.union(MakeFunctionFlags::ANNOTATIONS);
        }
        let qualname = self.qualname_for(name, scope);
        let private = self.units.last().and_then(|u| u.2.clone());
        self.enter(scope, name, &qualname, first_line, private);
        self.set_argument_counts(args);
        let doc = docstring(body);
        self.unit()
            .add_const(doc.map_or(Constant::None, |d| Constant::Str(d.to_string())));
        self.body(if doc.is_some() { &body[1..] } else { body })?;
        self.implicit_return();
        let code = self.leave()?;
        self.set_line(stmt.loc);
        self.make_closure(code, flags)?;
        self.apply_decorators(decorators);
        check_target_name(name, NameOp::Store, stmt.loc)?;
        self.name_op(name, NameOp::Store);
        Ok(())
    }

    /// The next item of the iterator on the stack (`for`, a comprehension's
    /// loop), or a jump to `exhausted` when there is none; awaited for
    /// `async for` (StopAsyncIteration goes to `exhausted`).
    fn next_item(&mut self, is_async: bool, exhausted: Label) {
        if is_async {
            self.unit().push_handler(exhausted, false, None);
            self.emit(I::GetAnext);
            self.await_top(0);
            self.unit().pop_handler();
        } else {
            self.jump(I::ForIter(BcLabel(0)), exhausted);
        }
    }

    /// Calls the decorators on the function or class on the stack,
    /// innermost first, each call at its decorator's position.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for decorator in decorators.iter().rev() {
            let old = self.set_line(decorator.loc);
            self.emit(I::Call(1));
            self.unit().loc = old;
        }
    }

    fn scope_for<T>(&self, node: &T) -> R<ScopeId> {
        self.table.scope_of(node).ok_or_else(|| CodegenError {
            message: "internal error: no scope for a nested block".into(),
            loc: Location::default(),
        })
    }

    /// Pushes the defaults tuple and keyword-only defaults dict, if any.
    fn argument_defaults(&mut self, args: &'a Arguments) -> R<MakeFunctionFlags> {
        let mut flags = MakeFunctionFlags::empty();
        if !args.defaults.is_empty() {
            self.sequence(&args.defaults, SequenceKind::Tuple)?;
            flags = flags.union(MakeFunctionFlags::DEFAULTS);
        }
        let kw: Vec<(&String, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(arg, default)| Some((&arg.arg, default.as_ref()?)))
            .collect();
        if !kw.is_empty() {
            for (name, default) in &kw {
                self.load_const(Constant::Str(self.mangle(name)));
                self.expr(default)?;
            }
            self.emit(I::BuildMap(kw.len() as u32));
            flags = flags.union(MakeFunctionFlags::KWDEFAULTS);
        }
        Ok(flags)
    }

    /// Pushes the annotations as CPython 3.11 does, one flat tuple of
    /// `(name, value)` pairs — parameters in order, then `return` — and
    /// says whether there were any.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> R<bool> {
        let mut count = 0;
        for parameter in args.in_signature_order() {
            if let Some(annotation) = &parameter.annotation {
                self.load_const(Constant::Str(self.mangle(&parameter.arg)));
                self.annotation(annotation)?;
                count += 1;
            }
        }
        if let Some(returns) = returns {
            self.load_const(Constant::Str("return".to_string()));
            self.annotation(returns)?;
            count += 1;
        }
        if count > 0 {
            self.emit(I::BuildTuple(2 * count));
        }
        Ok(count > 0)
    }

    /// An annotation's value: evaluated, or under `from __future__ import
    /// annotations` its source text as CPython's unparser writes it.
    fn annotation(&mut self, annotation: &'a Expr) -> R {
        if self.future.annotations {
            let text = crate::unparse::unparse_annotation(annotation);
            self.load_const(Constant::Str(text));
            return Ok(());
        }
        self.expr(annotation)
    }

    fn set_argument_counts(&mut self, args: &Arguments) {
        let unit = self.unit();
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            unit.flags |= CodeFlags::VARARGS;
        }
        if args.kwarg.is_some() {
            unit.flags |= CodeFlags::VARKEYWORDS;
        }
    }

    /// `[defaults?, kwdefaults?] -> [function]`: adds the closure tuple when
    /// the code has free variables, then MAKE_FUNCTION.
    fn make_closure(&mut self, code: CodeObject, flags: MakeFunctionFlags) -> R<MakeFunctionFlags> {
        let mut flags = flags;
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(i) = self.unit_ref().deref_index(name) else {
                    return error(
                        format!("internal error: no cell for free variable '{name}'"),
                        Location::default(),
                    );
                };
                self.emit(I::LoadClosure(DerefIdx(i)));
            }
            self.emit(I::BuildTuple(code.freevars.len() as u32));
            flags = flags.union(MakeFunctionFlags::CLOSURE);
        }
        self.load_const(Constant::Code(Arc::new(code)));
        self.emit(I::MakeFunction(flags));
        Ok(flags)
    }

    fn class_def(
        &mut self,
        stmt: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> R {
        for decorator in decorators {
            self.emit(I::PushNull);
            self.expr(decorator)?;
        }
        let first_line = decorators.first().map_or(stmt.loc.lineno, |d| d.loc.lineno);
        let scope = self.scope_for(stmt)?;
        let qualname = self.qualname_for(name, scope);
        self.enter(scope, name, &qualname, first_line, Some(name.to_string()));
        self.set_line(stmt.loc);
        self.name_op_by_name("__name__", NameOp::Load, false);
        self.name_op_by_name("__module__", NameOp::Store, false);
        self.load_const(Constant::Str(qualname.clone()));
        self.name_op_by_name("__qualname__", NameOp::Store, false);
        self.body_with_docstring(body, false)?;
        if self.table.scope(scope).needs_class_cell {
            let i = self.unit_ref().deref_index("__class__").unwrap_or(0);
            self.emit(I::LoadClosure(DerefIdx(i)));
            self.emit(I::Copy(Depth(1)));
            self.name_op_by_name("__classcell__", NameOp::Store, false);
            self.emit(I::ReturnValue);
        } else {
            self.implicit_return();
        }
        let code = self.leave()?;
        self.set_line(stmt.loc);
        self.emit(I::PushNull);
        self.emit(I::LoadBuildClass);
        self.make_closure(code, MakeFunctionFlags::empty())?;
        self.load_const(Constant::Str(name.to_string()));
        check_keywords(keywords, stmt.loc)?;
        self.call_arguments(bases, keywords, 2, position(stmt.loc))?;
        self.apply_decorators(decorators);
        check_target_name(name, NameOp::Store, stmt.loc)?;
        self.name_op(name, NameOp::Store);
        Ok(())
    }

    // ----- expressions ---------------------------------------------------

    fn expr(&mut self, expr: &'a Expr) -> R {
        let old = self.set_line(expr.loc);
        crate::with_stack(|| self.expr_inner(expr))?;
        self.unit().loc = old;
        Ok(())
    }

    fn expr_inner(&mut self, expr: &'a Expr) -> R {
        if matches!(
            expr.node,
            ExprKind::UnaryOp { .. }
                | ExprKind::BinOp { .. }
                | ExprKind::Subscript { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::Name { .. }
        ) && let Some(folded) = fold::constant(expr)
        {
            self.load_const(folded);
            return Ok(());
        }
        if let Some((left, op, right)) = fold::inverted_comparison(expr) {
            return self.inverted_comparison(expr, left, op, right);
        }
        match &expr.node {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = match op {
                    BoolOp::And => I::JumpIfFalseOrPop(BcLabel(0)),
                    BoolOp::Or => I::JumpIfTrueOrPop(BcLabel(0)),
                };
                for (i, value) in values.iter().enumerate() {
                    self.expr(value)?;
                    if i + 1 < values.len() {
                        self.jump(jump, end);
                    }
                }
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(I::Copy(Depth(1)));
                self.store(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(I::BinaryOp(binary_operator(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => I::UnaryInvert,
                    UnaryOp::Not => I::UnaryNot,
                    UnaryOp::UAdd => I::UnaryPositive,
                    UnaryOp::USub => I::UnaryNegative,
                });
            }
            ExprKind::Lambda { args, body } => {
                check_parameter_names(args, expr.loc)?;
                let scope = self.scope_for(expr)?;
                let flags = self.argument_defaults(args)?;
                let qualname = self.qualname_for("<lambda>", scope);
                let private = self.units.last().and_then(|u| u.2.clone());
                self.enter(scope, "<lambda>", &qualname, expr.loc.lineno, private);
                self.set_argument_counts(args);
                self.unit().add_const(Constant::None);
                self.expr(body)?;
                if self.scope_info().is_generator {
                    self.emit(I::PopTop);
                    self.load_const(Constant::None);
                }
                self.emit(I::ReturnValue);
                let code = self.leave()?;
                self.make_closure(code, flags)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let otherwise = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, otherwise)?;
                self.expr(body)?;
                self.jump_forward(end);
                self.bind(otherwise);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set { elts } => self.sequence(elts, SequenceKind::Set)?,
            ExprKind::List { elts, ctx } => {
                self.check_load(*ctx, expr)?;
                self.sequence(elts, SequenceKind::List)?
            }
            ExprKind::Tuple { elts, ctx } => {
                self.check_load(*ctx, expr)?;
                self.sequence(elts, SequenceKind::Tuple)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(expr, "<listcomp>", generators, ComprehensionKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(expr, "<setcomp>", generators, ComprehensionKind::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                expr,
                "<dictcomp>",
                generators,
                ComprehensionKind::Dict(key, value),
            )?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(
                expr,
                "<genexpr>",
                generators,
                ComprehensionKind::Generator(elt),
            )?,
            ExprKind::Yield { value } => {
                self.check_yield(expr)?;
                match value {
                    Some(value) => self.expr(value)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            ExprKind::YieldFrom { value } => {
                self.check_yield(expr)?;
                if self.scope_info().is_coroutine {
                    return error("'yield from' inside async function", expr.loc);
                }
                self.expr(value)?;
                self.emit(I::GetYieldFromIter);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            ExprKind::Await { value } => {
                let scope = self.scope_info();
                if !scope.is_function_like() {
                    return error("'await' outside function", expr.loc);
                }
                if !self.in_async_function() && scope.kind != ScopeKind::Comprehension {
                    return error("'await' outside async function", expr.loc);
                }
                self.expr(value)?;
                self.await_top(0);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                if let Some(message) = warnings::identity_with_literal(left, ops, comparators) {
                    self.warn(message);
                }
                self.compare(left, ops, comparators)?
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                if let Some(message) = warnings::not_callable(func) {
                    self.warn(message);
                }
                self.call(func, args, keywords, expr.loc)?
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
                let conversion = match *conversion {
                    115 => Conversion::Str,
                    114 => Conversion::Repr,
                    97 => Conversion::Ascii,
                    _ => Conversion::None,
                };
                self.emit(I::FormatValue(FormatFlags {
                    conversion,
                    has_spec: format_spec.is_some(),
                }));
            }
            ExprKind::JoinedStr { values } => {
                if let [single] = values.as_slice()
                    && matches!(single.node, ExprKind::Constant { .. })
                {
                    return self.expr(single);
                }
                for value in values {
                    self.expr(value)?;
                }
                let single_formatted =
                    values.len() == 1 && matches!(values[0].node, ExprKind::FormattedValue { .. });
                if values.is_empty() {
                    self.load_const(Constant::Str(String::new()));
                } else if !single_formatted {
                    self.emit(I::BuildString(values.len() as u32));
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(constant(value)),
            ExprKind::Attribute { value, attr, ctx } => {
                self.check_load(*ctx, expr)?;
                self.expr(value)?;
                self.start_at_attribute(expr);
                let i = self.attr_index(attr);
                self.emit(I::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.check_load(*ctx, expr)?;
                if let Some(message) =
                    warnings::not_subscriptable(value).or_else(|| warnings::bad_index(value, slice))
                {
                    self.warn(message);
                }
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(I::BinarySubscr);
            }
            ExprKind::Starred { .. } => {
                return error("can't use starred expression here", expr.loc);
            }
            ExprKind::Name { id, ctx } => {
                self.check_load(*ctx, expr)?;
                self.name_op(id, NameOp::Load);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(part) => self.expr(part)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match step {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(I::BuildSlice(SliceArgc::Three));
                    }
                    None => self.emit(I::BuildSlice(SliceArgc::Two)),
                }
            }
        }
        Ok(())
    }

    fn check_load(&self, ctx: ExprContext, expr: &Expr) -> R {
        if ctx != ExprContext::Load {
            return error("internal error: store context in an expression", expr.loc);
        }
        Ok(())
    }

    fn check_yield(&self, expr: &Expr) -> R {
        let scope = self.scope_info();
        if !scope.is_function_like() {
            return error("'yield' outside function", expr.loc);
        }
        Ok(())
    }

    /// `[..., receiver, value] -> [..., result]`: SEND / YIELD_VALUE loop.
    fn yield_from_loop(&mut self) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.jump(I::Send(BcLabel(0)), exit);
        self.emit(I::YieldValue);
        self.jump_backward(send);
        self.bind(exit);
    }

    /// Jumps to `target` when `expr` is `when`, consuming it; folds `not`,
    /// `and`/`or` and comparisons into jumps as CPython does. The jump has
    /// the enclosing statement's position, except after a comparison,
    /// whose position stays for what follows (CPython 3.11's
    /// `compiler_jump_if`: an `assert a < b` failing points at `a < b`).
    fn jump_if(&mut self, expr: &'a Expr, when: bool, target: Label) -> R {
        let folded = matches!(expr.node, ExprKind::UnaryOp { .. })
            && (fold::constant(expr).is_some() || fold::inverted_comparison(expr).is_some());
        match &expr.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if !folded => self.jump_if(operand, !when, target)?,
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOp::Or;
                let (last, rest) = values.split_last().expect("a BoolOp has values");
                if is_or == when {
                    for value in rest {
                        self.jump_if(value, when, target)?;
                    }
                    self.jump_if(last, when, target)?;
                } else {
                    let skip = self.new_label();
                    for value in rest {
                        self.jump_if(value, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                // A chain jumps from each link (CPython 3.11's
                // `compiler_jump_if`): a false link leaves its right
                // operand on the stack, popped on the way out, instead of
                // making the chain's value and testing it.
                self.set_line(expr.loc);
                if let Some(message) = warnings::identity_with_literal(left, ops, comparators) {
                    self.warn(message);
                }
                self.expr(left)?;
                let cleanup = self.new_label();
                let last = ops.len() - 1;
                self.chain_links(ops, comparators, I::PopJumpIfFalse(BcLabel(0)), cleanup)?;
                self.compared(ops[last], &comparators[last])?;
                self.emit(compare_instruction(ops[last]));
                let jump = if when {
                    I::PopJumpIfTrue(BcLabel(0))
                } else {
                    I::PopJumpIfFalse(BcLabel(0))
                };
                self.jump(jump, target);
                let end = self.new_label();
                self.jump_forward(end);
                self.bind(cleanup);
                self.emit(I::PopTop);
                if !when {
                    self.jump_forward(target);
                }
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if matches!(ops[..], [CmpOp::Is | CmpOp::IsNot])
                && matches!(
                    comparators[0].node,
                    ExprKind::Constant {
                        value: AstConstant::None,
                        ..
                    }
                ) =>
            {
                // `x is None` / `x is not None` tests the value itself, as
                // CPython 3.11's peephole pass makes of LOAD_CONST None,
                // IS_OP, POP_JUMP_IF_*: one jump instead of three
                // instructions.
                self.set_line(expr.loc);
                self.expr(left)?;
                let jumps_on_none = (ops[0] == CmpOp::Is) == when;
                let jump = if jumps_on_none {
                    I::PopJumpIfNone(BcLabel(0))
                } else {
                    I::PopJumpIfNotNone(BcLabel(0))
                };
                self.jump(jump, target);
            }
            _ => {
                if let ExprKind::Compare { .. } = expr.node {
                    self.set_line(expr.loc);
                }
                if let Some((left, op, right)) = fold::inverted_comparison(expr) {
                    self.inverted_comparison(expr, left, op, right)?;
                } else {
                    self.expr(expr)?;
                }
                let jump = if when {
                    I::PopJumpIfTrue(BcLabel(0))
                } else {
                    I::PopJumpIfFalse(BcLabel(0))
                };
                self.jump(jump, target);
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> R {
        self.expr(left)?;
        if ops.len() == 1 {
            self.compared(ops[0], &comparators[0])?;
            self.emit(compare_instruction(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        let last = ops.len() - 1;
        self.chain_links(ops, comparators, I::JumpIfFalseOrPop(BcLabel(0)), cleanup)?;
        self.compared(ops[last], &comparators[last])?;
        self.emit(compare_instruction(ops[last]));
        self.jump_forward(end);
        self.bind(cleanup);
        self.emit(I::Swap(Depth(2)));
        self.emit(I::PopTop);
        self.bind(end);
        Ok(())
    }

    /// The links of a chained comparison but the last, each leaving its
    /// right operand for the next: `jump` (to `cleanup`) leaves the chain
    /// at the first false one.
    fn chain_links(
        &mut self,
        ops: &[CmpOp],
        comparators: &'a [Expr],
        jump: I,
        cleanup: Label,
    ) -> R {
        for (op, comparator) in ops.iter().zip(comparators).take(ops.len() - 1) {
            self.expr(comparator)?;
            self.emit(I::Swap(Depth(2)));
            self.emit(I::Copy(Depth(2)));
            self.emit(compare_instruction(*op));
            self.jump(jump, cleanup);
        }
        Ok(())
    }

    /// `not (a in b)` compiled as `a not in b` (see
    /// [`fold::inverted_comparison`]), at the comparison's position, as
    /// CPython's optimizer puts the comparison in the `not`'s place.
    fn inverted_comparison(
        &mut self,
        not: &'a Expr,
        left: &'a Expr,
        op: CmpOp,
        right: &'a Expr,
    ) -> R {
        if let ExprKind::UnaryOp { operand, .. } = &not.node {
            self.set_line(operand.loc);
        }
        let comparators = std::slice::from_ref(right);
        if let Some(message) = warnings::identity_with_literal(left, &[op], comparators) {
            self.warn(message);
        }
        self.compare(left, &[op], comparators)
    }

    /// The last operand of a comparison: the container of `in` / `not in`
    /// is an iterable that may fold (see [`Codegen::iterable`]).
    fn compared(&mut self, op: CmpOp, operand: &'a Expr) -> R {
        match op {
            CmpOp::In | CmpOp::NotIn => self.iterable(operand),
            _ => self.expr(operand),
        }
    }

    /// An expression that is only iterated or searched (`for x in ...`,
    /// a comprehension's `for`, the container of `in`), as CPython's AST
    /// optimizer leaves it (`fold_iter`): a list display is a tuple (one
    /// constant when its items are constants), a set display of constants
    /// one frozenset constant, which iterates in that frozenset's order.
    fn iterable(&mut self, iter: &'a Expr) -> R {
        match &iter.node {
            ExprKind::Set { elts } => {
                if let Some(items) = fold_set_items(elts) {
                    let old = self.set_line(iter.loc);
                    self.load_const(Constant::FrozenSet(items));
                    self.unit().loc = old;
                    return Ok(());
                }
            }
            ExprKind::List { elts, ctx }
                if !elts
                    .iter()
                    .any(|e| matches!(e.node, ExprKind::Starred { .. })) =>
            {
                self.check_load(*ctx, iter)?;
                let old = self.set_line(iter.loc);
                self.sequence(elts, SequenceKind::Tuple)?;
                self.unit().loc = old;
                return Ok(());
            }
            _ => {}
        }
        self.expr(iter)
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        loc: Location,
    ) -> R {
        let simple = !args
            .iter()
            .any(|a| matches!(a.node, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.node
            && simple
        {
            self.expr(value)?;
            let i = self.attr_index(attr);
            let old = self.set_line(func.loc);
            self.start_at_attribute(func);
            self.emit(I::LoadMethod(i));
            self.unit().loc = old;
            check_keywords(keywords, loc)?;
            let at = attribute_start(position(loc), func.loc, attr);
            return self.call_arguments(args, keywords, 0, at);
        }
        self.emit(I::PushNull);
        self.expr(func)?;
        check_keywords(keywords, loc)?;
        self.call_arguments(args, keywords, 0, position(loc))
    }

    /// Pushes the arguments and emits the call; `already` counts arguments
    /// already pushed above the callable (the class statement's body and name).
    fn call_arguments(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        already: u32,
        at: Position,
    ) -> R {
        let needs_ex = args
            .iter()
            .any(|a| matches!(a.node, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !needs_ex {
            for arg in args {
                self.expr(arg)?;
            }
            let mut names = Vec::new();
            for keyword in keywords {
                self.expr(&keyword.value)?;
                names.push(Constant::Str(keyword.arg.clone().unwrap_or_default()));
            }
            let old = std::mem::replace(&mut self.unit().loc, at);
            if !names.is_empty() {
                let i = self.unit().add_const(Constant::Tuple(names));
                self.emit(I::KwNames(KwNamesIdx(i)));
            }
            let argc = already + args.len() as u32 + keywords.len() as u32;
            self.emit(I::Call(argc));
            self.unit().loc = old;
            return Ok(());
        }
        // `f(*args)` alone passes the iterable itself (as CPython 3.11 does):
        // CALL_FUNCTION_EX makes the tuple and names `f` if it cannot.
        if let ([arg], 0) = (args, already)
            && let ExprKind::Starred { value, .. } = &arg.node
        {
            self.expr(value)?;
        } else {
            self.positional_tuple(args, already)?;
        }
        self.call_ex_keywords(keywords, at)
    }

    /// The positional arguments of a call with `*` as one tuple (the
    /// `already` values pushed before included).
    fn positional_tuple(&mut self, args: &'a [Expr], already: u32) -> R {
        if already > 0 {
            self.emit(I::BuildList(already));
        } else {
            self.emit(I::BuildList(0));
        }
        for arg in args {
            match &arg.node {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(I::ListExtend(Depth(1)));
                }
                _ => {
                    self.expr(arg)?;
                    self.emit(I::ListAppend(Depth(1)));
                }
            }
        }
        self.emit(I::ListToTuple);
        Ok(())
    }

    /// The keywords of a CALL_FUNCTION_EX (a dict, when any) and the call.
    fn call_ex_keywords(&mut self, keywords: &'a [Keyword], at: Position) -> R {
        let has_kwargs = !keywords.is_empty();
        if has_kwargs {
            self.emit(I::BuildMap(0));
            let mut run = 0;
            for keyword in keywords {
                match &keyword.arg {
                    Some(name) => {
                        self.load_const(Constant::Str(name.clone()));
                        self.expr(&keyword.value)?;
                        run += 1;
                    }
                    None => {
                        if run > 0 {
                            self.emit(I::BuildMap(run));
                            self.emit(I::DictMerge(Depth(1)));
                            run = 0;
                        }
                        self.expr(&keyword.value)?;
                        self.emit(I::DictMerge(Depth(1)));
                    }
                }
            }
            if run > 0 {
                self.emit(I::BuildMap(run));
                self.emit(I::DictMerge(Depth(1)));
            }
        }
        let old = std::mem::replace(&mut self.unit().loc, at);
        self.emit(I::CallFunctionEx(has_kwargs));
        self.unit().loc = old;
        Ok(())
    }

    fn sequence(&mut self, elts: &'a [Expr], kind: SequenceKind) -> R {
        let has_star = elts
            .iter()
            .any(|e| matches!(e.node, ExprKind::Starred { .. }));
        let folded = || elts.iter().map(fold::constant).collect::<Option<Vec<_>>>();
        if kind == SequenceKind::Tuple
            && !has_star
            && let Some(folded) = folded()
        {
            self.load_const(Constant::Tuple(folded));
            return Ok(());
        }
        // CPython's `starunpack_helper`: a list display of three or more
        // constants extends an empty list by one tuple constant.
        if kind == SequenceKind::List
            && elts.len() > 2
            && let Some(folded) = folded()
        {
            self.emit(I::BuildList(0));
            self.load_const(Constant::Tuple(folded));
            self.emit(I::ListExtend(Depth(1)));
            return Ok(());
        }
        // CPython builds a display of three or more constants from a
        // frozenset constant merged into a new set, whose layout (and so
        // iteration order) differs from adding the items one by one.
        if kind == SequenceKind::Set
            && elts.len() > 2
            && let Some(items) = fold_set_items(elts)
        {
            self.emit(I::BuildSet(0));
            self.load_const(Constant::FrozenSet(items));
            self.emit(I::SetUpdate(Depth(1)));
            return Ok(());
        }
        if !has_star {
            for elt in elts {
                self.expr(elt)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                SequenceKind::Tuple => I::BuildTuple(n),
                SequenceKind::List => I::BuildList(n),
                SequenceKind::Set => I::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(match kind {
            SequenceKind::Set => I::BuildSet(0),
            _ => I::BuildList(0),
        });
        for elt in elts {
            match &elt.node {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(match kind {
                        SequenceKind::Set => I::SetUpdate(Depth(1)),
                        _ => I::ListExtend(Depth(1)),
                    });
                }
                _ => {
                    self.expr(elt)?;
                    self.emit(match kind {
                        SequenceKind::Set => I::SetAdd(Depth(1)),
                        _ => I::ListAppend(Depth(1)),
                    });
                }
            }
        }
        if kind == SequenceKind::Tuple {
            self.emit(I::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        let has_unpack = keys.iter().any(Option::is_none);
        // CPython's `compiler_subdict`: two to fifteen keys (within its
        // stack-use guideline) that are all constants go as one tuple.
        if !has_unpack
            && (2..=STACK_USE_GUIDELINE / 2).contains(&keys.len())
            && let Some(constant_keys) = keys
                .iter()
                .map(|k| fold::constant(k.as_ref()?))
                .collect::<Option<Vec<_>>>()
        {
            for value in values {
                self.expr(value)?;
            }
            self.load_const(Constant::Tuple(constant_keys));
            self.emit(I::BuildConstKeyMap(keys.len() as u32));
            return Ok(());
        }
        if !has_unpack {
            for (key, value) in keys.iter().zip(values) {
                self.expr(key.as_ref().expect("no unpacking here"))?;
                self.expr(value)?;
            }
            self.emit(I::BuildMap(keys.len() as u32));
            return Ok(());
        }
        self.emit(I::BuildMap(0));
        let mut run = 0;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    run += 1;
                }
                None => {
                    if run > 0 {
                        self.emit(I::BuildMap(run));
                        self.emit(I::DictUpdate(Depth(1)));
                        run = 0;
                    }
                    self.expr(value)?;
                    self.emit(I::DictUpdate(Depth(1)));
                }
            }
        }
        if run > 0 {
            self.emit(I::BuildMap(run));
            self.emit(I::DictUpdate(Depth(1)));
        }
        Ok(())
    }

    /// A comprehension is a nested function called with the first iterator.
    fn comprehension(
        &mut self,
        expr: &'a Expr,
        name: &str,
        generators: &'a [Comprehension],
        kind: ComprehensionKind<'a>,
    ) -> R {
        let scope = self.scope_for(expr)?;
        let first = &generators[0];
        let is_generator = matches!(kind, ComprehensionKind::Generator(_));
        let awaited = self.table.scope(scope).is_coroutine && !is_generator;
        if awaited
            && !self.in_async_function()
            && self.scope_info().kind != ScopeKind::Comprehension
        {
            return error(
                "asynchronous comprehension outside of an asynchronous function",
                expr.loc,
            );
        }
        let qualname = self.qualname_for(name, scope);
        let private = self.units.last().and_then(|u| u.2.clone());
        self.enter(scope, name, &qualname, expr.loc.lineno, private);
        self.set_line(expr.loc);
        self.unit().argcount = 1;
        match kind {
            ComprehensionKind::List(_) => self.emit(I::BuildList(0)),
            ComprehensionKind::Set(_) => self.emit(I::BuildSet(0)),
            ComprehensionKind::Dict(..) => self.emit(I::BuildMap(0)),
            ComprehensionKind::Generator(_) => {}
        }
        self.comprehension_generator(generators, 0, kind)?;
        if !matches!(kind, ComprehensionKind::Generator(_)) {
            self.emit(I::ReturnValue);
        } else {
            self.return_none();
        }
        let code = self.leave()?;
        self.set_line(expr.loc);
        self.make_closure(code, MakeFunctionFlags::empty())?;
        self.iterable(&first.iter)?;
        self.emit(if first.is_async != 0 {
            I::GetAiter
        } else {
            I::GetIter
        });
        self.emit(I::Call(0));
        if awaited {
            self.await_top(0);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        kind: ComprehensionKind<'a>,
    ) -> R {
        let generator = &generators[index];
        let is_async = generator.is_async != 0;
        let start = self.new_label();
        let skip = self.new_label();
        let end = self.new_label();
        if index == 0 {
            self.emit(I::LoadFast(LocalIdx(0)));
        } else {
            self.iterable(&generator.iter)?;
            self.emit(if is_async { I::GetAiter } else { I::GetIter });
        }
        self.bind(start);
        self.next_item(is_async, end);
        self.store(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, false, skip)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, kind)?;
        } else {
            // Below the element: one iterator per generator, then the result.
            let depth = Depth(generators.len() as u32 + 1);
            match kind {
                ComprehensionKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(I::ListAppend(depth));
                }
                ComprehensionKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(I::SetAdd(depth));
                }
                ComprehensionKind::Dict(key, value) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    self.emit(I::MapAdd(depth));
                }
                ComprehensionKind::Generator(elt) => {
                    self.expr(elt)?;
                    self.emit_yield();
                    self.emit(I::PopTop);
                }
            }
        }
        self.bind(skip);
        self.jump_backward(start);
        self.bind(end);
        if is_async {
            self.emit(I::EndAsyncFor);
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SequenceKind {
    Tuple,
    List,
    Set,
}

#[derive(Clone, Copy)]
enum ComprehensionKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Generator(&'a Expr),
}

/// `break`, `continue` and `return` may not leave an `except*` clause.
fn jump_out_of_except_star(unwound: &[Block], loc: Location) -> R {
    if unwound
        .iter()
        .any(|b| matches!(b, Block::ExceptStarHandler))
    {
        return error(
            "'break', 'continue' and 'return' cannot appear in an except* block",
            loc,
        );
    }
    Ok(())
}

/// Whether `body` annotates a name outside nested functions and classes
/// (CPython's `find_ann`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match &stmt.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => has_annotations(body),
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
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|case| has_annotations(&case.body)),
        _ => false,
    })
}

fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.node {
        StmtKind::Expr { value } => match &value.node {
            ExprKind::Constant {
                value: AstConstant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

pub fn constant(value: &AstConstant) -> Constant {
    match value {
        AstConstant::None => Constant::None,
        AstConstant::Bool(b) => Constant::Bool(*b),
        AstConstant::Int(i) => Constant::from_bigint(i.clone()),
        AstConstant::Float(f) => Constant::Float(*f),
        AstConstant::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
        AstConstant::Str(s) => Constant::Str(s.clone()),
        AstConstant::Bytes(b) => Constant::Bytes(b.clone()),
        AstConstant::Ellipsis => Constant::Ellipsis,
    }
}

/// The items of a set display as constants, if CPython's AST optimizer
/// makes them all constants ([`fold::constant`]). Items equal as constants
/// are kept once (adding the same key again changes nothing).
fn fold_set_items(elts: &[Expr]) -> Option<Vec<Constant>> {
    let mut items: Vec<Constant> = Vec::with_capacity(elts.len());
    for elt in elts {
        let item = fold::constant(elt)?;
        if !items.contains(&item) {
            items.push(item);
        }
    }
    Some(items)
}

fn binary_operator(op: Operator) -> BinaryOperator {
    match op {
        Operator::Add => BinaryOperator::Add,
        Operator::Sub => BinaryOperator::Subtract,
        Operator::Mult => BinaryOperator::Multiply,
        Operator::MatMult => BinaryOperator::MatrixMultiply,
        Operator::Div => BinaryOperator::TrueDivide,
        Operator::Mod => BinaryOperator::Remainder,
        Operator::Pow => BinaryOperator::Power,
        Operator::LShift => BinaryOperator::Lshift,
        Operator::RShift => BinaryOperator::Rshift,
        Operator::BitOr => BinaryOperator::Or,
        Operator::BitXor => BinaryOperator::Xor,
        Operator::BitAnd => BinaryOperator::And,
        Operator::FloorDiv => BinaryOperator::FloorDivide,
    }
}

fn inplace_operator(op: Operator) -> BinaryOperator {
    match op {
        Operator::Add => BinaryOperator::InplaceAdd,
        Operator::Sub => BinaryOperator::InplaceSubtract,
        Operator::Mult => BinaryOperator::InplaceMultiply,
        Operator::MatMult => BinaryOperator::InplaceMatrixMultiply,
        Operator::Div => BinaryOperator::InplaceTrueDivide,
        Operator::Mod => BinaryOperator::InplaceRemainder,
        Operator::Pow => BinaryOperator::InplacePower,
        Operator::LShift => BinaryOperator::InplaceLshift,
        Operator::RShift => BinaryOperator::InplaceRshift,
        Operator::BitOr => BinaryOperator::InplaceOr,
        Operator::BitXor => BinaryOperator::InplaceXor,
        Operator::BitAnd => BinaryOperator::InplaceAnd,
        Operator::FloorDiv => BinaryOperator::InplaceFloorDivide,
    }
}

fn compare_instruction(op: CmpOp) -> I {
    match op {
        CmpOp::Eq => I::CompareOp(ComparisonOperator::Equal),
        CmpOp::NotEq => I::CompareOp(ComparisonOperator::NotEqual),
        CmpOp::Lt => I::CompareOp(ComparisonOperator::Less),
        CmpOp::LtE => I::CompareOp(ComparisonOperator::LessEqual),
        CmpOp::Gt => I::CompareOp(ComparisonOperator::Greater),
        CmpOp::GtE => I::CompareOp(ComparisonOperator::GreaterEqual),
        CmpOp::Is => I::IsOp(false),
        CmpOp::IsNot => I::IsOp(true),
        CmpOp::In => I::ContainsOp(false),
        CmpOp::NotIn => I::ContainsOp(true),
    }
}

/// The bytecode position of an AST location.
/// For instructions the compiler adds that belong to no one line.
const NO_POSITION: Position = Position {
    line: 0,
    end_line: 0,
    col: None,
    end_col: None,
};

fn position(loc: Location) -> Position {
    Position {
        line: loc.lineno,
        end_line: loc.end_lineno.max(loc.lineno),
        col: Some(loc.col_offset),
        end_col: Some(loc.end_col_offset),
    }
}

/// `current` started at attribute `name` (whose node is at `attribute`)
/// when the attribute ends on another line than `current` starts: the
/// name's line and column (see [`Codegen::start_at_attribute`]).
fn attribute_start(current: Position, attribute: Location, name: &str) -> Position {
    if current.line == attribute.end_lineno || attribute.lineno == 0 {
        return current;
    }
    let mut at = current;
    at.line = attribute.end_lineno;
    let length = name.chars().count() as u32;
    match attribute.end_col_offset.checked_sub(length) {
        Some(col) => at.col = Some(col),
        None => {
            at.col = None;
            at.end_col = None;
        }
    }
    at.end_line = at.end_line.max(at.line);
    if at.line == at.end_line
        && let (Some(col), Some(end)) = (at.col, at.end_col)
    {
        at.end_col = Some(end.max(col));
    }
    at
}
