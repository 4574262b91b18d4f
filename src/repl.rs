//! The interactive loop (`krait` on a terminal, `krait -i`), shaped like
//! python3's: `>>> ` for a new statement, `... ` while one continues, each
//! complete statement compiled in single mode (expression values are
//! printed) and run in the session's `__main__`.
//!
//! When a statement is complete follows CPython's interactive tokenizer:
//! - a line that ends inside brackets, a triple-quoted string or after a
//!   `\` continues;
//! - a compound statement (`def`, `if`, `for`, `@decorator`, ...) continues
//!   until an empty line, or until a line back at column 0 that cannot
//!   belong to it (that line ends the input, which then fails to compile,
//!   as in python3);
//! - anything else is complete at the end of its line.
//!
//! Errors (a SyntaxError, an uncaught exception's traceback) are printed on
//! stderr and the loop goes on; `SystemExit` ends it with its code.

#[cfg(not(unix))]
use std::io::BufRead;
use std::io::Write;

use krait_lexer::Tok;

use crate::{Error, Mode, Session};

/// What reading one line gave.
pub enum Input {
    Line(String),
    /// Ctrl-C: drop the statement being typed.
    Interrupted,
    /// Ctrl-D or the end of the input.
    Eof,
}

/// Where the loop reads its lines.
pub trait LineSource {
    fn read_line(&mut self, prompt: &str) -> Input;
    /// Records an entered line in the history, if the source keeps one.
    fn add_history(&mut self, _line: &str) {}
}

/// Lines from any reader (a pipe), prompts on stderr as `python3 -i` writes
/// them.
#[cfg(not(unix))]
pub struct Piped<R> {
    reader: R,
}

#[cfg(not(unix))]
impl<R: BufRead> Piped<R> {
    pub fn new(reader: R) -> Piped<R> {
        Piped { reader }
    }
}

#[cfg(not(unix))]
impl<R: BufRead> LineSource for Piped<R> {
    fn read_line(&mut self, prompt: &str) -> Input {
        let _ = std::io::stdout().flush();
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{prompt}");
        let _ = stderr.flush();
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => {
                let text = String::from_utf8_lossy(&bytes);
                let text = text.strip_suffix('\n').unwrap_or(&text);
                Input::Line(text.strip_suffix('\r').unwrap_or(text).to_string())
            }
        }
    }
}

/// The process's standard input when it is not a terminal (`krait -i`
/// fed by a pipe): read through the VM's own stdin buffer, so `input()`
/// in the session reads the next line of the same stream, as in python3.
#[cfg(unix)]
pub struct ProcessStdin;

#[cfg(unix)]
impl LineSource for ProcessStdin {
    fn read_line(&mut self, prompt: &str) -> Input {
        let _ = std::io::stdout().flush();
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{prompt}");
        let _ = stderr.flush();
        match krait_vm::host::read_stdin_line() {
            Ok(Some(bytes)) => {
                let text = String::from_utf8_lossy(&bytes);
                Input::Line(text.strip_suffix('\r').unwrap_or(&text).to_string())
            }
            Ok(None) | Err(_) => Input::Eof,
        }
    }
}

/// A terminal through rustyline: line editing and an in-memory history.
pub struct Terminal {
    editor: rustyline::DefaultEditor,
}

impl Terminal {
    pub fn new() -> Result<Terminal, String> {
        let config = rustyline::Config::builder().auto_add_history(false).build();
        rustyline::DefaultEditor::with_config(config)
            .map(|editor| Terminal { editor })
            .map_err(|err| err.to_string())
    }
}

impl LineSource for Terminal {
    fn read_line(&mut self, prompt: &str) -> Input {
        let _ = std::io::stdout().flush();
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(rustyline::error::ReadlineError::Interrupted) => Input::Interrupted,
            Err(_) => Input::Eof,
        }
    }

    fn add_history(&mut self, line: &str) {
        if !line.trim().is_empty() {
            let _ = self.editor.add_history_entry(line);
        }
    }
}

/// The banner printed on stderr when the loop starts.
pub fn banner() -> String {
    format!(
        "krait {} (a Python 3.11 bytecode VM)\nCtrl-D exits, Ctrl-C cancels the input.",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs the loop until the input ends or `SystemExit`; returns the exit
/// code.
pub fn run(session: &mut Session, source: &mut dyn LineSource) -> i32 {
    let mut statement = Statement::default();
    loop {
        let prompt = if statement.is_empty() { ">>> " } else { "... " };
        match source.read_line(prompt) {
            Input::Eof => {
                // As python3 does, the end of input completes a statement
                // being typed.
                let pending = statement.take();
                let code = match execute(session, &pending) {
                    Err(code) => code,
                    Ok(()) => 0,
                };
                eprintln!();
                return code;
            }
            Input::Interrupted => {
                statement.take();
                eprintln!("KeyboardInterrupt");
            }
            Input::Line(input) => {
                source.add_history(&input);
                // A paste can bring several lines at once.
                for line in input.split('\n') {
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    if statement.push(line) == Status::Complete {
                        let text = statement.take();
                        if let Err(code) = execute(session, &text) {
                            return code;
                        }
                    }
                }
            }
        }
    }
}

/// Compiles and runs one complete statement in single mode, printing any
/// error; `Err` carries the exit code of a `SystemExit`.
fn execute(session: &mut Session, text: &str) -> Result<(), i32> {
    if !has_tokens(text) {
        return Ok(());
    }
    match session.run_source(text, "<stdin>", Mode::Single) {
        Ok(_) => Ok(()),
        Err(Error::Exit(code)) => Err(code),
        Err(err) => {
            let _ = std::io::stdout().flush();
            eprintln!("{err}");
            Ok(())
        }
    }
}

/// Whether a statement needs more lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Complete,
    NeedMore,
}

/// The lines of the statement being typed.
#[derive(Default, Debug)]
pub struct Statement {
    lines: Vec<String>,
    /// A compound statement: only an empty line (or a dedented line) ends it.
    block: bool,
}

impl Statement {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The source so far, each line ended by a newline.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for line in &self.lines {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Takes the source, leaving the statement empty.
    pub fn take(&mut self) -> String {
        let text = self.text();
        self.lines.clear();
        self.block = false;
        text
    }

    /// Adds one line; says whether the statement is complete.
    pub fn push(&mut self, line: &str) -> Status {
        if self.lines.is_empty() && !has_tokens(line) {
            // An empty or comment-only line at `>>> `: nothing to run.
            return Status::Complete;
        }
        let was_open = !self.lines.is_empty() && ends_open(&self.text());
        let previous = self.lines.last().cloned();
        self.lines.push(line.to_string());
        if ends_open(&self.text()) {
            return Status::NeedMore;
        }
        if self.lines.len() == 1 || (!self.block && was_open) {
            if starts_compound(&self.text()) {
                self.block = true;
                return Status::NeedMore;
            }
            return Status::Complete;
        }
        if !self.block {
            return Status::Complete;
        }
        if line.trim().is_empty() {
            return Status::Complete;
        }
        let at_column_0 = !line.starts_with([' ', '\t', '\x0c']);
        let after_decorator = previous.is_some_and(|p| p.trim_start().starts_with('@'));
        if at_column_0 && !was_open && !after_decorator && !continues_block(line) {
            // python3 ends the input here; the compiler reports the error.
            return Status::Complete;
        }
        Status::NeedMore
    }
}

/// True if `source` has any token (not only blanks and comments).
fn has_tokens(source: &str) -> bool {
    krait_lexer::lex(source).any(|t| !matches!(t, Ok((_, Tok::Newline, _))))
}

/// True if `source` ends inside brackets, a triple-quoted string, or after a
/// `\` continuation.
fn ends_open(source: &str) -> bool {
    match krait_lexer::lex(source).find_map(Result::err) {
        Some(err) => {
            err.message == "unexpected EOF while parsing"
                || err.message.ends_with("was never closed")
                || err.message.starts_with("unterminated triple-quoted")
        }
        None => false,
    }
}

/// True if the first token of `source` starts a compound statement.
fn starts_compound(source: &str) -> bool {
    let first = krait_lexer::lex(source).find_map(|t| match t {
        Ok((_, Tok::Newline | Tok::Indent | Tok::Dedent, _)) => None,
        Ok((_, tok, _)) => Some(tok),
        Err(_) => Some(Tok::Newline),
    });
    match first {
        Some(Tok::Name(name)) => name == "match",
        Some(tok) => matches!(
            tok,
            Tok::If
                | Tok::While
                | Tok::For
                | Tok::Try
                | Tok::With
                | Tok::Def
                | Tok::Class
                | Tok::Async
                | Tok::At
        ),
        None => false,
    }
}

/// True if a line at column 0 continues the compound statement above it.
fn continues_block(line: &str) -> bool {
    let word: String = line
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(word.as_str(), "else" | "elif" | "except" | "finally")
        || line.trim_start().starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds lines; returns the status after each.
    fn feed(lines: &[&str]) -> Vec<Status> {
        let mut statement = Statement::default();
        lines.iter().map(|line| statement.push(line)).collect()
    }

    use Status::{Complete as C, NeedMore as M};

    #[test]
    fn simple_statements_are_complete() {
        assert_eq!(feed(&["1 + 2"]), [C]);
        assert_eq!(feed(&["x = lambda: 1"]), [C]);
        assert_eq!(feed(&["x: int = 1"]), [C]);
        assert_eq!(feed(&[""]), [C]);
        assert_eq!(feed(&["# a comment"]), [C]);
    }

    #[test]
    fn brackets_strings_and_backslashes_continue() {
        assert_eq!(feed(&["x = (1,", "", "2)"]), [M, M, C]);
        assert_eq!(feed(&["s = '''a", "b'''"]), [M, C]);
        assert_eq!(feed(&["1 + \\", "2"]), [M, C]);
        assert_eq!(feed(&["f(1,", "  [2,", "3])"]), [M, M, C]);
    }

    #[test]
    fn compound_statements_end_at_an_empty_line() {
        assert_eq!(feed(&["def f():", "    return 1", ""]), [M, M, C]);
        assert_eq!(feed(&["if 1: print(1)", ""]), [M, C]);
        assert_eq!(feed(&["if x:", "  a", "else:", "  b", ""]), [M, M, M, M, C]);
        assert_eq!(
            feed(&["try:", "  a", "except E:", "  b", "finally:", "  c", ""]),
            [M, M, M, M, M, M, C]
        );
        assert_eq!(feed(&["@dec", "def f(): pass", ""]), [M, M, C]);
        assert_eq!(
            feed(&["for x in (1,", "2):", "  print(x)", ""]),
            [M, M, M, C]
        );
        assert_eq!(
            feed(&["def f():", "  x = (1,", "", "2)", ""]),
            [M, M, M, M, C]
        );
    }

    #[test]
    fn a_dedented_line_ends_the_input() {
        // python3 reports `invalid syntax` at the `f()` line at once.
        assert_eq!(feed(&["def f():", "  return 1", "f()"]), [M, M, C]);
    }

    #[test]
    fn statement_text_keeps_the_lines() {
        let mut statement = Statement::default();
        statement.push("def f():");
        statement.push("  return 1");
        assert_eq!(statement.take(), "def f():\n  return 1\n");
        assert!(statement.is_empty());
    }
}
