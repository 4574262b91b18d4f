//! krait's facade: joins the layers (lexer -> parser -> compiler -> VM) for
//! the `krait` command and for programs that embed krait.
//!
//! Each layer is its own crate; this one only wires them together and turns
//! their errors into what a user sees.

use std::fmt;
use std::path::Path;

pub use krait_ast as ast;
pub use krait_parser::{Mode, SyntaxError};

/// Why a file could not be turned into a tree.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read, or is not UTF-8.
    Io {
        path: String,
        message: String,
    },
    Syntax(SyntaxError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => {
                writeln!(f, "krait: can't open file '{path}': {message}")
            }
            LoadError::Syntax(err) => write!(f, "{err}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a source file as UTF-8, with a one-line error otherwise.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|err| LoadError::Io {
        path: shown.clone(),
        message: describe_io_error(&err),
    })?;
    String::from_utf8(bytes).map_err(|err| LoadError::Io {
        path: shown,
        message: format!(
            "not UTF-8 (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        ),
    })
}

fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "[Errno 2] No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "[Errno 13] Permission denied".into(),
        _ => err.to_string(),
    }
}

/// Parses a file in exec mode.
pub fn parse_file(path: &Path) -> Result<ast::Mod, LoadError> {
    let source = read_source(path)?;
    krait_parser::parse(&source, Mode::Exec, &path.display().to_string()).map_err(LoadError::Syntax)
}

/// A tree as JSON in the shape of CPython's `ast` module.
pub fn ast_json(module: &ast::Mod) -> String {
    serde_json::to_string_pretty(&ast::json::to_json_value(module)).unwrap_or_default()
}
