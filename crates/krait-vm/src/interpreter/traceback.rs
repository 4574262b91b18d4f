//! Uncaught exceptions as CPython prints them: chained exceptions first
//! (`__cause__`, or `__context__` unless suppressed), each with its
//! "Traceback (most recent call last):" block, the exception line last.

use crate::PyErr;
use crate::builtins::exception::SyntaxLocation;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::typeobject::{ExcType, exc_type};
use crate::value::Value;
use krait_bytecode::Position;

/// What CPython strips from the start of a source line it shows.
const SOURCE_INDENT: [char; 3] = [' ', '\t', '\x0c'];

/// The number of characters in the first `byte_offset` bytes of `text`
/// (a split character counts as one, as CPython's
/// `_PyPegen_byte_offset_to_character_offset` decodes with `replace`).
fn char_offset(text: &str, byte_offset: usize) -> usize {
    let bytes = &text.as_bytes()[..byte_offset.min(text.len())];
    String::from_utf8_lossy(bytes).chars().count()
}

/// The columns `c` takes on a terminal as CPython's traceback counts them:
/// two for East Asian wide and fullwidth characters, one for any other.
fn width(c: char) -> usize {
    if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
        2
    } else {
        1
    }
}

/// CPython collapses a line repeated more than this many times in a row.
const REPEAT_CUTOFF: usize = 3;

/// Exception groups: members shown per group, and nesting shown.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// The indent and `| ` margin of lines inside `depth` levels of groups.
fn margin(depth: usize) -> String {
    if depth == 0 {
        String::new()
    } else {
        format!("{}| ", " ".repeat(2 * depth))
    }
}

impl Vm {
    /// Hands an uncaught exception to a `sys.excepthook` the program set
    /// (CPython's `PyErr_Display` path): `None` when the hook is the
    /// default one (the caller prints the traceback itself), else what the
    /// hook's call gave.
    pub fn call_custom_excepthook(&mut self, err: &PyErr) -> Option<crate::PyResult<()>> {
        let sys = self.modules_get("sys").ok().flatten()?;
        let hook = self.get_attr(&sys, "excepthook").ok()?;
        let default = self.get_attr(&sys, "__excepthook__").ok();
        if default.is_some_and(|default| default.is(&hook)) {
            return None;
        }
        let value = err.value();
        let traceback = self
            .get_attr(&value, "__traceback__")
            .unwrap_or(Value::None);
        let class = crate::builtins::constructors::type_value(err.class());
        let args = [class, value, traceback];
        Some(self.call(&hook, crate::Args::new(&args)).map(drop))
    }

    /// The text CPython writes to stderr for an uncaught exception (ends
    /// with a newline). Source lines come from `source_line(file, line)`.
    pub fn format_exception(
        &mut self,
        err: &PyErr,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> String {
        self.format_exception_text(err, source_line, true)
    }

    /// [`Vm::format_exception`], with CPython's "Did you mean" names
    /// (`suggest`) or without (as the report of an unraisable error).
    pub(crate) fn format_exception_text(
        &mut self,
        err: &PyErr,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
        suggest: bool,
    ) -> String {
        let lines = self.with_suggestions(suggest, |vm| vm.exception_lines(err, 0, source_line));
        let mut out = String::new();
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Runs `format` with the exception lines it makes suggesting names
    /// (`suggest`) or not: in 3.11 only the display of an uncaught
    /// exception and `sys.excepthook` do, not the traceback module.
    pub(crate) fn with_suggestions<T>(
        &mut self,
        suggest: bool,
        format: impl FnOnce(&mut Vm) -> T,
    ) -> T {
        let before = OFFER_SUGGESTIONS.with(|offer| offer.replace(suggest));
        let made = format(self);
        OFFER_SUGGESTIONS.with(|offer| offer.set(before));
        made
    }

    /// The lines of an exception and its chain at exception-group depth
    /// `depth` (CPython's `print_exception_recursive`): inside a group
    /// every line carries the group's indent and `| ` margin. Outside one,
    /// an exception's `Name: message` is one entry even when the message
    /// has newlines (`traceback.format_exception` gives it as one item).
    fn exception_lines(
        &mut self,
        err: &PyErr,
        depth: usize,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> Vec<String> {
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
        let mut lines = Vec::new();
        let prefix = margin(depth);
        for (i, (exc, _)) in chain.iter().enumerate().rev() {
            lines.extend(self.single_lines(exc, depth, source_line));
            if i > 0 {
                let why = chain[i].1.unwrap_or(CONTEXT);
                for line in why
                    .trim_start_matches('\n')
                    .trim_end_matches('\n')
                    .split('\n')
                {
                    lines.push(format!("{prefix}{line}").trim_end().to_string());
                }
                if depth == 0 {
                    // The blank lines around the message.
                    let message = lines.pop().unwrap_or_default();
                    lines.push(String::new());
                    lines.push(message);
                    lines.push(String::new());
                } else {
                    let message = lines.pop().unwrap_or_default();
                    lines.push(prefix.clone());
                    lines.push(message);
                    lines.push(prefix.clone());
                }
            }
        }
        lines
    }

    /// One exception's traceback, line and notes, then (for a group) its
    /// members in CPython's boxes.
    fn single_lines(
        &mut self,
        err: &PyErr,
        depth: usize,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> Vec<String> {
        let members = self.group_members(err);
        // A group at the top starts the first level of boxes.
        let depth = if members.is_some() && depth == 0 {
            1
        } else {
            depth
        };
        let prefix = margin(depth);
        let mut text = String::new();
        let entries = err.exception().traceback.borrow().clone();
        if !entries.is_empty() {
            text.push_str("Traceback (most recent call last):\n");
            text.push_str(&self.format_entries(&entries, source_line));
        }
        let mut message = self.exception_only_entries(err);
        if depth > 0 {
            // Inside a group every line of the message has the margin.
            message = message
                .iter()
                .flat_map(|entry| entry.split('\n'))
                .map(str::to_string)
                .collect();
        }
        let mut lines = Vec::new();
        let traceback_lines = text.strip_suffix('\n').map(|t| t.split('\n'));
        for (i, line) in traceback_lines.into_iter().flatten().enumerate() {
            if i == 0 && line.starts_with("Traceback (most recent call last):") && members.is_some()
            {
                let header_margin = if depth == 1 { "+ " } else { "| " };
                lines.push(format!(
                    "{}{header_margin}Exception Group Traceback (most recent call last):",
                    " ".repeat(2 * depth)
                ));
                continue;
            }
            lines.push(format!("{prefix}{line}"));
        }
        lines.extend(message.iter().map(|entry| format!("{prefix}{entry}")));
        for note in self.notes_of(err) {
            for line in note.split('\n') {
                lines.push(format!("{prefix}{line}"));
            }
        }
        let Some(members) = members else {
            return lines;
        };
        let indent = " ".repeat(2 * depth);
        if depth > MAX_GROUP_DEPTH {
            return vec![format!(
                "{prefix}... (max_group_depth is {MAX_GROUP_DEPTH})"
            )];
        }
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        for (i, member) in members.iter().take(shown).enumerate() {
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                lines.push(format!(
                    "{indent}{lead}+---------------- ... ----------------"
                ));
                let more = members.len() - MAX_GROUP_WIDTH;
                lines.push(format!(
                    "{}and {more} more exception{}",
                    margin(depth + 1),
                    if more > 1 { "s" } else { "" }
                ));
            } else {
                lines.push(format!(
                    "{indent}{lead}+---------------- {} ----------------",
                    i + 1
                ));
                if let Some(member) = PyErr::from_value(member) {
                    lines.extend(self.exception_lines(&member, depth + 1, source_line));
                }
            }
            // The innermost group draws the closing line.
            let last = i + 1 == shown;
            let member_is_group = !truncated
                && PyErr::from_value(member).is_some_and(|m| self.group_members(&m).is_some());
            if last && !member_is_group {
                lines.push(format!(
                    "{}+------------------------------------",
                    " ".repeat(2 * (depth + 1))
                ));
            }
        }
        lines
    }

    /// The members of an exception group (`None` for other exceptions).
    fn group_members(&mut self, err: &PyErr) -> Option<Vec<Value>> {
        let class = err.class();
        let is_group = std::iter::once(&**class)
            .chain(class.mro.iter().map(|c| &**c))
            .any(|c| &*c.name == "BaseExceptionGroup");
        if !is_group {
            return None;
        }
        let members = self.get_attr(&err.value(), "exceptions").ok()?;
        members.as_tuple().map(|t| t.as_slice().to_vec())
    }

    /// `exc.__notes__` as text, when it is a list of strings.
    fn notes_of(&mut self, err: &PyErr) -> Vec<String> {
        let exception = err.exception();
        let Some(dict) = exception.dict_if_made() else {
            return Vec::new();
        };
        let Ok(Some(notes)) = dict.get_item(&Value::str("__notes__")) else {
            return Vec::new();
        };
        let items = match (notes.as_list(), notes.as_tuple()) {
            (Some(list), _) => list.snapshot(),
            (_, Some(tuple)) => tuple.as_slice().to_vec(),
            _ => return vec![self.repr(&notes).unwrap_or_default()],
        };
        items
            .iter()
            .map(|note| match note.as_str_or_subclass() {
                Some(text) => text.as_str().to_string(),
                None => self.repr(note).unwrap_or_default(),
            })
            .collect()
    }

    /// The `File "...", line N, in f` blocks of traceback entries
    /// (innermost first), outermost first, with their source lines and
    /// markers (`traceback.format_tb`).
    pub fn format_entries(
        &mut self,
        entries: &[crate::builtins::exception::TracebackEntry],
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> String {
        let mut out = String::new();
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
                let shown = line.trim_start_matches(SOURCE_INDENT);
                if !shown.trim().is_empty() {
                    out.push_str(&format!("    {shown}\n"));
                    if let Some(markers) =
                        entry.position.and_then(|p| self.position_markers(&line, p))
                    {
                        out.push_str(&markers);
                        out.push('\n');
                    }
                }
            }
        }
        flush_repeats(&mut out, repeats);
        out
    }

    /// The exception's own entries (without their final newline): a
    /// syntax error's location block, one entry a line, then `Name:
    /// message`, one entry however many lines the message has.
    fn exception_only_entries(&mut self, err: &PyErr) -> Vec<String> {
        if let Some((location, message)) = syntax_error_parts(err) {
            let block = syntax_error_block(&location);
            let mut entries: Vec<String> = block.lines().map(str::to_string).collect();
            entries.push(format!("{}: {message}", exception_name(err.class())));
            return entries;
        }
        vec![self.exception_line(err)]
    }

    /// `traceback.format_tb(tb, limit)`: the blocks of traceback object
    /// `tb` and those after it, at most `limit` (negative: the innermost).
    pub fn format_traceback(&mut self, tb: &Value, limit: Option<i64>) -> Option<String> {
        let mut entries = crate::builtins::traceback_object::entries_of(tb)?;
        if let Some(limit) = limit {
            let keep = usize::try_from(limit.unsigned_abs())
                .unwrap_or(usize::MAX)
                .min(entries.len());
            entries = match limit >= 0 {
                true => entries[entries.len() - keep..].to_vec(),
                false => entries[..keep].to_vec(),
            };
        }
        let mut sources = std::collections::HashMap::new();
        for entry in &entries {
            let file = entry.filename.to_string();
            if file.starts_with('<') || sources.contains_key(&file) {
                continue;
            }
            if let Ok(bytes) = self.host.read_file(&file) {
                sources.insert(file, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        let source_line = |filename: &str, line: u32| {
            let text = sources.get(filename)?;
            text.lines()
                .nth((line as usize).checked_sub(1)?)
                .map(str::to_string)
        };
        Some(self.format_entries(&entries, &source_line))
    }

    /// `traceback.format_exception_only(exc)`: the exception's entries
    /// (see `Vm::exception_only_entries`) and a line of each note, each
    /// ending in a newline.
    pub fn format_exception_only(&mut self, err: &PyErr) -> Vec<String> {
        let mut entries = self.exception_only_entries(err);
        for note in self.notes_of(err) {
            entries.extend(note.split('\n').map(str::to_string));
        }
        entries.into_iter().map(|entry| entry + "\n").collect()
    }

    /// `traceback.format_exception(exc, limit=, chain=)`: as an uncaught
    /// exception prints, with at most `limit` frames per traceback
    /// (negative: the innermost), and without the exceptions chained to
    /// it unless `chain`. Source lines are read through the host.
    pub fn format_exception_limited(
        &mut self,
        err: &PyErr,
        limit: Option<i64>,
        chain: bool,
    ) -> Vec<String> {
        let sources = self.traceback_sources(err);
        let source_line = |filename: &str, line: u32| {
            let text = sources.get(filename)?;
            text.lines()
                .nth((line as usize).checked_sub(1)?)
                .map(str::to_string)
        };
        // The limit cuts each traceback for the formatting only.
        let mut saved = Vec::new();
        if let Some(limit) = limit {
            let mut pending = vec![err.value()];
            while let Some(value) = pending.pop() {
                let Some(PyObject::Exception(e)) = value.as_obj() else {
                    continue;
                };
                if saved.iter().any(|(v, _): &(Value, _)| v.is(&value)) || saved.len() > 100 {
                    continue;
                }
                let entries = e.traceback.borrow().clone();
                let keep = usize::try_from(limit.unsigned_abs())
                    .unwrap_or(usize::MAX)
                    .min(entries.len());
                // Innermost first: a positive limit keeps the outermost.
                let cut = match limit >= 0 {
                    true => entries[entries.len() - keep..].to_vec(),
                    false => entries[..keep].to_vec(),
                };
                *e.traceback.borrow_mut() = cut;
                pending.extend(e.cause.borrow().clone());
                pending.extend(e.context.borrow().clone());
                saved.push((value.clone(), entries));
            }
        }
        let entries = match chain {
            true => self.exception_lines(err, 0, &source_line),
            false => self.single_lines(err, 0, &source_line),
        };
        let text = entries.into_iter().map(|entry| entry + "\n").collect();
        for (value, entries) in saved {
            if let Some(PyObject::Exception(e)) = value.as_obj() {
                *e.traceback.borrow_mut() = entries;
            }
        }
        text
    }

    /// The `~~~^^^` line under source line `line` for an instruction at
    /// `position` (CPython's `tb_displayline`): `^` under the instruction's
    /// range, or `~` with `^` under the operator of a binary operation or
    /// the `[...]` of a subscript (which the host's parser finds); none when
    /// the range is the whole line (a statement) or unknown. Offsets are
    /// counted in characters, as CPython does.
    fn position_markers(&mut self, line: &str, position: Position) -> Option<String> {
        let (Some(col), Some(end_col)) = (position.col, position.end_col) else {
            return None;
        };
        let chars: Vec<char> = line.chars().collect();
        let start = char_offset(line, col as usize);
        let mut end = char_offset(line, end_col as usize);
        let mut anchors = None;
        if position.line == position.end_line {
            if start <= end {
                let segment: String = chars[start..end].iter().collect();
                anchors = self.host.traceback_anchors(&segment).map(|(left, right)| {
                    (
                        char_offset(&segment, left) + start,
                        char_offset(&segment, right) + start,
                    )
                });
            }
        } else {
            // A range going on below: marked up to the line's last
            // non-blank character.
            end = chars
                .iter()
                .rposition(|c| !SOURCE_INDENT.contains(c))
                .map_or(0, |i| i + 1);
        }
        let indent = chars
            .iter()
            .take_while(|c| SOURCE_INDENT.contains(c))
            .count();
        if end.saturating_sub(start) == chars.len() - indent && anchors.is_none() {
            return None;
        }
        let (primary, secondary) = if anchors.is_some() {
            ('~', '^')
        } else {
            ('^', '^')
        };
        // Laid out in display columns: a wide character takes two.
        let column =
            |offset: usize| -> usize { chars.iter().take(offset).map(|&c| width(c)).sum() };
        let (start, end) = (column(start), column(end));
        let anchors = anchors.map(|(left, right)| (column(left), column(right)));
        let mut out = String::from("    ");
        for offset in indent + 1..=end {
            out.push(if offset <= start {
                ' '
            } else if anchors.is_some_and(|(left, right)| left < offset && offset <= right) {
                secondary
            } else {
                primary
            });
        }
        Some(out)
    }

    /// `ValueError: message`, or just the name when the message is empty.
    pub fn exception_line(&mut self, err: &PyErr) -> String {
        let name = exception_name(err.class());
        // str(exc): the class's own __str__, else its arguments' text
        // (through their __str__/__repr__), as CPython prints it.
        let message = self
            .str(&err.value())
            .unwrap_or_else(|_| "<exception str() failed>".to_string());
        let line = if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
        // CPython's "Did you mean" for a NameError or AttributeError, after
        // the line as its display of an uncaught exception prints it.
        if !OFFER_SUGGESTIONS.with(std::cell::Cell::get) {
            return line;
        }
        match self.suggestion_for(err) {
            Some(suggestion) => format!("{line}. Did you mean: '{suggestion}'?"),
            None => line,
        }
    }
}

thread_local! {
    /// Set while [`Vm::format_exception`] writes what CPython's display of
    /// an uncaught exception (and `sys.excepthook`) prints, the one place
    /// 3.11 adds "Did you mean" to a NameError or AttributeError.
    static OFFER_SUGGESTIONS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
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
