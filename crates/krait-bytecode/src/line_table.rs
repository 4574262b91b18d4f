//! The line table: the source line of every instruction.

/// One source line per instruction (`0` = no line, for instructions the
/// compiler synthesized).
///
/// In memory it is a plain vector so tracebacks and the per-line tracing
/// hook are an index away; on disk it is run-length encoded
/// ([`LineTable::runs`]), since consecutive instructions mostly share a
/// line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineTable {
    lines: Vec<u32>,
}

impl LineTable {
    /// An empty table.
    pub fn new() -> Self {
        LineTable::default()
    }

    /// A table from one line per instruction.
    pub fn from_lines(lines: Vec<u32>) -> Self {
        LineTable { lines }
    }

    /// Appends the line of the next instruction.
    pub fn push(&mut self, line: u32) {
        self.lines.push(line);
    }

    /// The line of instruction `index`, `None` if it has none.
    pub fn line(&self, index: usize) -> Option<u32> {
        self.lines.get(index).copied().filter(|&l| l != 0)
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
}
