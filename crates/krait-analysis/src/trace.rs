//! `krait trace`: an instruction log of a run, or its call tree.
//!
//! Instruction lines read like a `dis` listing prefixed with where the
//! instruction runs, and followed by the top of the stack before it runs:
//!
//! ```text
//! f:3            4 BINARY_OP                0 (+)                  top=2
//! ```
//!
//! Nested frames are indented by two spaces per level. Values are shown
//! by their builtin repr, never by running a `__repr__` of the program
//! (the trace must not change what it traces), with object addresses left
//! out so that logs of the same program are the same text.

use std::io::Write;

use krait_vm::interpreter::observe::{Event, InstructionEvent, Interest, Observer};
use krait_vm::{PyErr, PyResult, Value};

/// What the trace shows.
#[derive(Clone, Debug, Default)]
pub struct TraceOptions {
    /// Only frames of these functions (a code object's name or qualified
    /// name: `step`, `Board.step`, `<module>`); all when empty.
    pub functions: Vec<String>,
    /// Only instructions on these lines (inclusive).
    pub lines: Option<(u32, u32)>,
    /// A call tree (calls, returns, exceptions) instead of instructions.
    pub calls_only: bool,
}

/// An observer writing the trace to `out`. A write error (a closed pipe)
/// stops the traced program with an `OSError`.
pub struct Tracer {
    options: TraceOptions,
    out: Box<dyn Write>,
}

impl Tracer {
    pub fn new(options: TraceOptions, out: Box<dyn Write>) -> Tracer {
        Tracer { options, out }
    }

    fn wanted(&self, at: &InstructionEvent) -> bool {
        self.options.functions.is_empty()
            || self
                .options
                .functions
                .iter()
                .any(|f| f == at.code_name || f == at.qualname)
    }

    fn write(&mut self, depth: usize, text: &str) -> PyResult<()> {
        writeln!(self.out, "{:indent$}{text}", "", indent = depth * 2)
            .map_err(|err| PyErr::os_error(0, &format!("krait trace: {err}"), None))
    }
}

impl Drop for Tracer {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

impl Observer for Tracer {
    fn interest(&self) -> Interest {
        if self.options.calls_only {
            Interest::EVENTS
        } else {
            Interest::INSTRUCTIONS
        }
    }

    fn instruction(&mut self, at: &InstructionEvent) -> PyResult<()> {
        if self.options.calls_only || !self.wanted(at) {
            return Ok(());
        }
        if let Some((first, last)) = self.options.lines
            && !(first..=last).contains(&at.line)
        {
            return Ok(());
        }
        let line = instruction_line(at);
        self.write(at.depth, &line)
    }

    fn event(&mut self, event: Event, at: &InstructionEvent) -> PyResult<()> {
        if !self.options.calls_only || !self.wanted(at) {
            return Ok(());
        }
        let name = at.qualname;
        let text = match event {
            Event::Call => format!(
                "call {name}({}) at {}:{}",
                arguments(at),
                at.filename,
                at.first_line
            ),
            Event::Resume => format!("resume {name} at line {}", at.line),
            Event::Return(value) => format!("return {name} -> {}", value_text(value)),
            Event::Yield(value) => format!("yield {name} -> {}", value_text(value)),
            Event::Raise(exception) => format!(
                "exception {name} at line {}: {}",
                at.line,
                exception_text(exception)
            ),
            Event::Unwind(exception) => {
                format!("unwind {name}: {}", exception_text(exception))
            }
            Event::Line | Event::Branch(_) | Event::Handled(_) => return Ok(()),
        };
        self.write(at.depth, &text)
    }
}

/// `f:3            4 BINARY_OP                0 (+)          top=2`.
fn instruction_line(at: &InstructionEvent) -> String {
    let (arg, argrepr) = krait_dis::operand(at.code, &at.instruction);
    let mut operand = String::new();
    if let Some(arg) = arg {
        operand = format!("{arg:>5}");
        if !argrepr.is_empty() {
            operand.push_str(&format!(" ({})", shorten(&without_addresses(&argrepr))));
        }
    }
    let place = format!("{}:{}", at.qualname, at.line);
    let top = match at.stack.last() {
        Some(value) => value_text(value),
        None => "-".to_string(),
    };
    format!(
        "{place:<14} {:>4} {:<20} {operand:<26} top={top}",
        krait_dis::offset_of(at.index),
        at.instruction.name(),
    )
}

/// `a=1, b='x'`: the parameters of the frame that starts.
fn arguments(at: &InstructionEvent) -> String {
    let count = at.code.total_args() as usize;
    at.local_names
        .iter()
        .zip(at.locals)
        .take(count)
        .map(|(name, value)| format!("{name}={}", value_text(value)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The builtin repr of `value`, without addresses, at most 60 characters.
pub fn value_text(value: &Value) -> String {
    let text = match value {
        Value::Null => "NULL".to_string(),
        _ => krait_vm::protocol::repr(value).unwrap_or_else(|_| format!("<{}>", value.type_name())),
    };
    shorten(&without_addresses(&text))
}

/// `ZeroDivisionError: division by zero`.
fn exception_text(exception: &Value) -> String {
    match PyErr::from_value(exception) {
        Some(err) => shorten(&err.to_string()),
        None => value_text(exception),
    }
}

/// `<Foo object>` for `<Foo object at 0x7f...>`: the same text on every run.
fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at 0x".len()..];
        let digits = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_left_out() {
        assert_eq!(
            without_addresses("<Foo object at 0x7f12ab> and <function f at 0x1>"),
            "<Foo object> and <function f>"
        );
        assert_eq!(without_addresses("at 0x"), "at 0x");
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "x".repeat(100);
        assert_eq!(shorten(&long).len(), 63);
        assert_eq!(shorten("short"), "short");
        assert_eq!(value_text(&Value::Int(5)), "5");
        assert_eq!(value_text(&Value::Null), "NULL");
    }
}
