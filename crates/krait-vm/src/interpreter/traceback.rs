//! Uncaught exceptions as CPython prints them: chained exceptions first
//! (`__cause__`, or `__context__` unless suppressed), each with its
//! "Traceback (most recent call last):" block, the exception line last.

use crate::PyErr;
use crate::builtins::exception::SyntaxLocation;
use crate::interpreter::Vm;
use crate::typeobject::{ExcType, exc_type};
use crate::value::Value;

/// CPython collapses a line repeated more than this many times in a row.
const REPEAT_CUTOFF: usize = 3;

impl Vm {
    /// The text CPython writes to stderr for an uncaught exception (ends
    /// with a newline). Source lines come from `source_line(file, line)`.
    pub fn format_exception(
        &mut self,
        err: &PyErr,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> String {
        let mut chain = vec![(err.clone(), None)];
        let mut seen = vec![err.value()];
        loop {
            let (current, _) = chain.last().expect("starts non-empty");
            let exception = current.exception();
            let cause = exception.cause.borrow().clone();
            let (next, why) = match cause {
                Some(cause) => (Some(cause), CAUSE),
                None if !exception.suppress_context.get() => {
                    (exception.context.borrow().clone(), CONTEXT)
                }
                None => (None, CAUSE),
            };
            let Some(next) = next.and_then(|v| PyErr::from_value(&v)) else {
                break;
            };
            if seen.iter().any(|s: &Value| s.is(&next.value())) || chain.len() > 100 {
                break;
            }
            seen.push(next.value());
            chain.push((next, Some(why)));
        }
        let mut out = String::new();
        for (i, (exc, _)) in chain.iter().enumerate().rev() {
            out.push_str(&self.format_single(exc, source_line));
            if i > 0 {
                let why = chain[i].1.unwrap_or(CONTEXT);
                out.push_str(why);
            }
        }
        out
    }

    fn format_single(
        &mut self,
        err: &PyErr,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> String {
        let mut out = String::new();
        let entries = err.exception().traceback.borrow().clone();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeats = 0;
            for entry in entries.iter().rev() {
                let key = (
                    entry.filename.to_string(),
                    entry.line,
                    entry.name.to_string(),
                );
                if last.as_ref() == Some(&key) {
                    repeats += 1;
                    if repeats >= REPEAT_CUTOFF {
                        continue;
                    }
                } else {
                    flush_repeats(&mut out, repeats);
                    repeats = 0;
                    last = Some(key);
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.filename, entry.line, entry.name
                ));
                if let Some(line) = source_line(&entry.filename, entry.line) {
                    let trimmed = line.trim();
                    if !trimmed.is_empty() {
                        out.push_str(&format!("    {trimmed}\n"));
                    }
                }
            }
            flush_repeats(&mut out, repeats);
        }
        if let Some((location, message)) = syntax_error_parts(err) {
            out.push_str(&syntax_error_block(&location));
            out.push_str(&format!("{}: {message}\n", exception_name(err.class())));
            return out;
        }
        out.push_str(&self.exception_line(err));
        out.push('\n');
        out
    }

    /// `ValueError: message`, or just the name when the message is empty.
    pub fn exception_line(&mut self, err: &PyErr) -> String {
        let name = exception_name(err.class());
        // str(exc): the class's own __str__, else its arguments' text
        // (through their __str__/__repr__), as CPython prints it.
        let message = self
            .str(&err.value())
            .unwrap_or_else(|_| "<exception str() failed>".to_string());
        if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        }
    }
}

/// A SyntaxError's location and message, from its arguments `(msg,
/// (filename, lineno, offset, text, end_lineno, end_offset))`.
fn syntax_error_parts(err: &PyErr) -> Option<(SyntaxLocation, String)> {
    let exception = err.exception();
    if !exception.class.is_subtype(&exc_type(ExcType::SyntaxError)) {
        return None;
    }
    let args = exception.args.borrow();
    let [message, details] = args.as_slice() else {
        return None;
    };
    let details = details.as_tuple()?.as_slice();
    let text = |i: usize| {
        details
            .get(i)
            .and_then(|v| v.as_str())
            .map(|s| s.as_str().to_string())
    };
    let number = |i: usize| match details.get(i) {
        Some(Value::Int(n)) => u32::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    let location = SyntaxLocation {
        filename: text(0)?,
        lineno: number(1),
        offset: number(2),
        text: text(3),
        end_lineno: number(4),
        end_offset: number(5),
    };
    Some((location, crate::protocol::str(message).ok()?))
}

/// CPython's lines for a syntax error: the file and line, the source line
/// with its leading whitespace stripped, carets under the error's range.
pub fn syntax_error_block(location: &SyntaxLocation) -> String {
    let mut out = format!(
        "  File \"{}\", line {}\n",
        location.filename, location.lineno
    );
    let Some(text) = &location.text else {
        return out;
    };
    let text = text.trim_end_matches(['\n', '\r']);
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    let spaces = (text.chars().count() - stripped.chars().count()) as i64;
    out.push_str(&format!("    {stripped}\n"));
    let len = stripped.chars().count() as i64;
    let offset = (i64::from(location.offset) - 1 - spaces).min(len);
    if offset >= 0 {
        let repeat =
            if location.end_lineno == location.lineno && location.end_offset > location.offset {
                (location.end_offset - location.offset) as usize
            } else {
                1
            };
        let pad: String = stripped
            .chars()
            .take(offset as usize)
            .map(|c| if c.is_whitespace() { c } else { ' ' })
            .collect();
        out.push_str(&format!("    {pad}{}\n", "^".repeat(repeat)));
    }
    out
}

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= REPEAT_CUTOFF {
        let more = repeats - REPEAT_CUTOFF + 1;
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{}]\n",
            if more == 1 { "" } else { "s" }
        ));
    }
}

/// An exception's class as the traceback's last line names it: with its
/// module unless that is `builtins` or `__main__` (`helper.Error: x`).
fn exception_name(class: &crate::typeobject::TypeObject) -> String {
    match class.module_name().as_str() {
        "builtins" | "__main__" => class.qualname.to_string(),
        _ => class.qualified_name(),
    }
}
