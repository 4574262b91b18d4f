//! krait-compiler: Python source or a krait-ast tree -> krait-bytecode code
//! objects.
//!
//! Like CPython's `compile()`, it has three modes ([`Mode`]): `Exec` (a
//! file of statements, returns None), `Eval` (one expression, returns its
//! value) and `Single` (one interactive statement; expression values are
//! printed with PRINT_EXPR). A symbol-table pass ([`symtable`]) decides
//! where every name lives; [`codegen`] then emits instructions, line numbers
//! and exception tables, unit by unit ([`unit`](mod@unit)).
//!
//! Errors are `SyntaxError`s in CPython's words (`'return' outside
//! function`, `no binding for nonlocal 'x' found`...), with the source line.
//!
//! Depends on krait-ast, krait-parser (for [`compile`] from source),
//! krait-bytecode and krait-dis (only for the reprs of constants it
//! shares with `dis`). Must not depend on: krait-vm.
//!
//! Every pass recurses over the tree (which the parser keeps at most
//! `MAX_DEPTH` deep); the recursive steps run through `with_stack`, so
//! a caller's small thread (Rust's default 2 MiB, an embedder's worker)
//! is enough.

pub mod codegen;
pub mod fold;
pub mod future;
pub mod symtable;
pub mod unit;
pub mod unparse;

pub use codegen::warnings::CompileWarning;
pub use krait_bytecode::CodeObject;
pub use krait_parser::{ErrorKind, Mode, SyntaxError};

use krait_ast::{Location, Mod};

/// Below this much stack left, a recursive step moves to a new segment.
const STACK_RED_ZONE: usize = 128 * 1024;
/// The size of each new stack segment.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// Runs one recursive step of a pass, on a fresh stack segment when the
/// current one is nearly used up.
pub(crate) fn with_stack<T>(step: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, step)
}

/// Parses and compiles `source`, as CPython's `compile(source, filename, mode)`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxError> {
    let module = krait_parser::parse(source, mode, filename)?;
    compile_ast(&module, filename, Some(source))
}

/// Compiles a tree from any front end. `source`, when given, provides the
/// line shown under compile errors.
pub fn compile_ast(
    module: &Mod,
    filename: &str,
    source: Option<&str>,
) -> Result<CodeObject, SyntaxError> {
    compile_ast_with_warnings(module, filename, source).map(|(code, _)| code)
}

/// [`compile_ast`], with the SyntaxWarnings CPython's compiler would raise
/// (`x is 1`...), in order, for the caller to report.
pub fn compile_ast_with_warnings(
    module: &Mod,
    filename: &str,
    source: Option<&str>,
) -> Result<(CodeObject, Vec<CompileWarning>), SyntaxError> {
    let features =
        future::scan(module).map_err(|e| syntax_error(e.message, e.loc, filename, source))?;
    let table = symtable::SymbolTable::build(module, features.annotations)
        .map_err(|e| syntax_error(e.message, e.loc, filename, source))?;
    codegen::Codegen::new(&table, filename, &features)
        .compile_mod_with_warnings(module)
        .map_err(|e| syntax_error(e.message, e.loc, filename, source))
}

fn syntax_error(
    message: String,
    loc: Location,
    filename: &str,
    source: Option<&str>,
) -> SyntaxError {
    let text = source.and_then(|s| {
        s.lines()
            .nth((loc.lineno as usize).checked_sub(1)?)
            .map(str::to_string)
    });
    let column = |line: &Option<String>, byte: u32| -> u32 {
        match line {
            Some(l) => {
                l.get(..byte as usize)
                    .map_or(byte, |p| p.chars().count() as u32)
                    + 1
            }
            None => byte + 1,
        }
    };
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        offset: column(&text, loc.col_offset),
        end_offset: if loc.end_lineno == loc.lineno {
            column(&text, loc.end_col_offset)
        } else {
            0
        },
        message,
        filename: filename.to_string(),
        lineno: loc.lineno,
        end_lineno: loc.end_lineno,
        text,
    }
}
