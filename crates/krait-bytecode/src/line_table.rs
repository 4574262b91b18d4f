//! The line table: the source position of every instruction.

/// Where an instruction comes from in the source, as CPython's
/// `co_positions()` gives it: lines are 1-based, columns are 0-based UTF-8
/// byte offsets (the AST's), `None` when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

/// The part of a [`Position`] beyond its line; `u32::MAX` columns mean
/// "unknown" (kept flat: one table entry is 12 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    end_line: u32,
    col: u32,
    end_col: u32,
}

const NO_COLUMN: u32 = u32::MAX;

/// One source line per instruction (`0` = no line, for instructions the
/// compiler synthesized), and optionally each instruction's full
/// [`Position`] (columns and end line, for the `~~~^^^` markers of
/// tracebacks).
///
/// In memory the lines are a plain vector so tracebacks and the per-line
/// tracing hook are an index away; the spans are a parallel vector (empty
/// when the code was built from lines alone). On disk both are run-length
/// encoded ([`LineTable::position_runs`]), since consecutive instructions
/// mostly share a position.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineTable {
    lines: Vec<u32>,
    spans: Vec<Span>,
}

impl LineTable {
    /// An empty table.
    pub fn new() -> Self {
        LineTable::default()
    }

    /// A table from one line per instruction.
    pub fn from_lines(lines: Vec<u32>) -> Self {
        LineTable {
            lines,
            spans: Vec::new(),
        }
    }

    /// A table from one position per instruction (a position with line
    /// `0` has none).
    pub fn from_positions(positions: impl IntoIterator<Item = Position>) -> Self {
        let (lines, spans) = positions
            .into_iter()
            .map(|p| {
                // Without a line there is no position: whatever else it
                // says is dropped, so that equal tables encode equally.
                let span = match p.line {
                    0 => Span {
                        end_line: 0,
                        col: NO_COLUMN,
                        end_col: NO_COLUMN,
                    },
                    _ => Span {
                        end_line: p.end_line,
                        col: p.col.unwrap_or(NO_COLUMN),
                        end_col: p.end_col.unwrap_or(NO_COLUMN),
                    },
                };
                (p.line, span)
            })
            .unzip();
        LineTable { lines, spans }
    }

    /// Appends the line of the next instruction (a table built line by
    /// line has no columns).
    pub fn push(&mut self, line: u32) {
        self.lines.push(line);
        self.spans.clear();
    }

    /// The line of instruction `index`, `None` if it has none.
    pub fn line(&self, index: usize) -> Option<u32> {
        self.lines.get(index).copied().filter(|&l| l != 0)
    }

    /// The position of instruction `index`: `None` if it has no line; only
    /// the line (no columns, `end_line` the same) when the table has no
    /// spans.
    pub fn position(&self, index: usize) -> Option<Position> {
        let line = self.line(index)?;
        let column = |c: u32| (c != NO_COLUMN).then_some(c);
        Some(match self.spans.get(index) {
            Some(span) => Position {
                line,
                end_line: span.end_line,
                col: column(span.col),
                end_col: column(span.end_col),
            },
            None => Position {
                line,
                end_line: line,
                col: None,
                end_col: None,
            },
        })
    }

    /// Whether the table knows columns (built from positions).
    pub fn has_columns(&self) -> bool {
        !self.spans.is_empty()
    }

    /// One entry per instruction, `0` meaning no line.
    pub fn lines(&self) -> &[u32] {
        &self.lines
    }

    /// Number of instructions covered.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True if the table covers no instruction.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Runs of `(instruction count, line)`, the on-disk form.
    pub fn runs(&self) -> Vec<(u32, u32)> {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &line in &self.lines {
            match runs.last_mut() {
                Some((count, last)) if *last == line => *count += 1,
                _ => runs.push((1, line)),
            }
        }
        runs
    }

    /// Runs of `(instruction count, position)`, the on-disk form (a
    /// position with line `0` stands for "no line").
    pub fn position_runs(&self) -> Vec<(u32, Position)> {
        let mut runs: Vec<(u32, Position)> = Vec::new();
        for index in 0..self.lines.len() {
            let position = self.position(index).unwrap_or(Position {
                line: 0,
                end_line: 0,
                col: None,
                end_col: None,
            });
            match runs.last_mut() {
                Some((count, last)) if *last == position => *count += 1,
                _ => runs.push((1, position)),
            }
        }
        runs
    }
}
