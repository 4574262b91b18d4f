//! Line and branch coverage (`krait coverage`), reported the way
//! coverage.py users read it.
//!
//! **Measuring.** The VM marks each instruction that runs and the ways
//! each conditional jump goes ([`krait_vm::Vm::set_coverage`]: the loop
//! without fused paths, no observer call per instruction);
//! [`CoverageData::from_marks`] turns the marks into the lines that ran
//! (the lines of the instructions that ran: the lines whose line event
//! would have fired) and the jumps' outcomes, and keeps each file's module
//! code object to know the code that never ran. Files whose name starts
//! with `<` (the standard library's `<frozen ...>`, `<string>`) are not
//! measured.
//!
//! **Statements.** Which lines are statements is a source-level fact the
//! caller gives ([`StatementSpan`]s from the syntax tree, with the rules of
//! coverage.py: decorators and `except` clauses are statements, docstrings
//! and `else:`/`finally:` lines are not, a statement spread over lines
//! counts once, on its first line). Without it (a `.kbc` file), every line
//! with code is one.
//!
//! **Branches** are coverage.py's arcs: a statement with two or more
//! possible next statements (an `if`, `while` or `for` line, `exit` for
//! leaving the function). Each conditional jump of the bytecode is
//! followed both ways, through unconditional jumps and the rest of its own
//! statement, to the statement it reaches; jumps whose two ways reach the
//! same statement (`a or b` inside one statement), the `except` type test
//! and `await`'s SEND are not branches. Taken arcs come from the jumps the
//! run took.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use krait_bytecode::{CodeObject, Flow, Instruction};
use krait_vm::interpreter::observe::{COVER_NOT_TAKEN, COVER_RAN, COVER_TAKEN};

/// A statement's lines: `start` is the line coverage counts, and every
/// line up to `end` (a statement spread over lines, a compound
/// statement's header) counts as `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StatementSpan {
    pub start: u32,
    pub end: u32,
}

/// A source file's statements, and the lines coverage leaves out (the
/// blocks and statements marked `# pragma: no cover`, as coverage.py).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceStatements {
    pub spans: Vec<StatementSpan>,
    pub excluded: BTreeSet<u32>,
    /// Lines marked `# pragma: no branch`: a way not taken from them is
    /// not missing (coverage.py counts it as covered, and lists it nowhere).
    pub no_branch: BTreeSet<u32>,
}

/// Where a branch goes: a statement's line, or out of the code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Destination {
    Line(u32),
    /// Leaves the function (or module) whose first line is this.
    Exit(u32),
}

impl Destination {
    /// coverage.py's number for it: the line, or minus the code object's
    /// first line for an exit.
    pub fn number(self) -> i64 {
        match self {
            Destination::Line(line) => line as i64,
            Destination::Exit(first) => -(first as i64),
        }
    }

    fn text(self) -> String {
        match self {
            Destination::Line(line) => line.to_string(),
            Destination::Exit(_) => "exit".to_string(),
        }
    }
}

/// What a run did in one file.
#[derive(Default)]
struct FileRecord {
    /// The module's code object, from its first instruction.
    module: Option<CodeObject>,
    lines: BTreeSet<u32>,
    /// Per code object (qualified name, first line), per jump index: bit 1
    /// taken, bit 2 not taken.
    jumps: HashMap<String, HashMap<(u32, u32), u8>>,
}

/// What a run did, by file.
#[derive(Default)]
pub struct CoverageData {
    files: BTreeMap<String, FileRecord>,
}

impl CoverageData {
    /// The data of a run from the VM's coverage marks
    /// ([`krait_vm::Vm::coverage`]): per code object that ran, one byte
    /// per instruction.
    pub fn from_marks<'a>(marks: impl IntoIterator<Item = (&'a CodeObject, Vec<u8>)>) -> Self {
        let mut data = CoverageData::default();
        for (code, marks) in marks {
            if code.filename.starts_with('<') {
                continue;
            }
            let file = data.files.entry(code.filename.clone()).or_default();
            if code.name == "<module>" && file.module.is_none() {
                file.module = Some(code.clone());
            }
            let mut jumps = HashMap::new();
            for (index, &mark) in marks.iter().enumerate() {
                if mark & COVER_RAN == 0 {
                    continue;
                }
                if let Some(line) = code.line_of(index) {
                    file.lines.insert(line);
                }
                let instruction = code.instructions[index];
                if instruction.flow() != Flow::Branch {
                    continue;
                }
                let mut ways = 0;
                if mark & COVER_TAKEN != 0 {
                    ways |= 1;
                }
                // A FOR_ITER went on into its loop when the instruction
                // after it (the loop variable's store, reached only from
                // it) ran: a generator it resumed may have yielded to it.
                let next_ran = matches!(instruction, Instruction::ForIter(_))
                    && marks.get(index + 1).is_some_and(|m| m & COVER_RAN != 0);
                if mark & COVER_NOT_TAKEN != 0 || next_ran {
                    ways |= 2;
                }
                jumps.insert((code.first_line, index as u32), ways);
            }
            let by_code = file.jumps.entry(code.qualname.clone()).or_default();
            for (key, ways) in jumps {
                *by_code.entry(key).or_default() |= ways;
            }
        }
        data
    }

    /// Keeps the files whose names `keep` accepts (`--include`/`--omit`).
    pub fn retain_files(&mut self, keep: impl Fn(&str) -> bool) {
        self.files.retain(|name, _| keep(name));
    }
}

/// Which files a report shows, as coverage.py's `--include` and `--omit`
/// choose them: patterns in shell syntax (`*` any characters, `/`
/// included; `?` one), each made absolute with the current folder unless
/// it starts with a wildcard; a file is shown if it matches an include
/// pattern (or there are none) and no omit pattern.
pub struct FileFilter {
    include: Vec<String>,
    omit: Vec<String>,
}

impl FileFilter {
    /// A filter from the options' values (each a comma-separated list),
    /// relative patterns anchored at `current_folder`.
    pub fn new(include: &[String], omit: &[String], current_folder: &str) -> FileFilter {
        let patterns = |values: &[String]| -> Vec<String> {
            values
                .iter()
                .flat_map(|value| value.split(','))
                .map(str::trim)
                .filter(|pattern| !pattern.is_empty())
                .map(|pattern| {
                    if pattern.starts_with(['*', '?']) || pattern.starts_with('/') {
                        pattern.to_string()
                    } else {
                        format!("{}/{pattern}", current_folder.trim_end_matches('/'))
                    }
                })
                .collect()
        };
        FileFilter {
            include: patterns(include),
            omit: patterns(omit),
        }
    }

    /// Whether the file `name` (absolute) is shown.
    pub fn shows(&self, name: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| wildcard_match(p, name)))
            && !self.omit.iter().any(|p| wildcard_match(p, name))
    }
}

/// Whether `text` matches `pattern` (`*`: any run of characters, `?`: one).
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let (pattern, text): (Vec<char>, Vec<char>) =
        (pattern.chars().collect(), text.chars().collect());
    // The classic two-pointer match, backtracking to the last `*`.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The coverage of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileReport {
    /// The file's name as the code objects give it.
    pub filename: String,
    /// The name shown (relative to the current folder when under it).
    pub name: String,
    pub statements: BTreeSet<u32>,
    pub executed: BTreeSet<u32>,
    /// Branch lines and where each can go.
    pub branches: BTreeMap<u32, BTreeSet<Destination>>,
    /// The arcs the run took, of those.
    pub taken: BTreeMap<u32, BTreeSet<Destination>>,
    /// Lines left out (`# pragma: no cover`).
    pub excluded: BTreeSet<u32>,
    /// Branch lines whose ways not taken are not missing (`# pragma: no
    /// branch`).
    pub no_branch: BTreeSet<u32>,
}

impl FileReport {
    pub fn missing(&self) -> BTreeSet<u32> {
        self.statements
            .difference(&self.executed)
            .copied()
            .collect()
    }

    pub fn branch_count(&self) -> usize {
        self.branches.values().map(BTreeSet::len).sum()
    }

    /// Arcs not taken, by line (none from `no branch` lines).
    pub fn missing_arcs(&self) -> BTreeMap<u32, BTreeSet<Destination>> {
        let mut missing = BTreeMap::new();
        for (line, destinations) in &self.branches {
            if self.no_branch.contains(line) {
                continue;
            }
            let taken = self.taken.get(line);
            let left: BTreeSet<Destination> = destinations
                .iter()
                .filter(|d| !taken.is_some_and(|t| t.contains(d)))
                .copied()
                .collect();
            if !left.is_empty() {
                missing.insert(*line, left);
            }
        }
        missing
    }

    /// Branch lines that ran but did not go every way.
    pub fn partial_count(&self) -> usize {
        self.missing_arcs()
            .keys()
            .filter(|line| self.executed.contains(line))
            .count()
    }

    fn totals(&self) -> Totals {
        Totals {
            excluded: 0,
            statements: self.statements.len(),
            missing: self.statements.len() - self.executed.len(),
            branches: self.branch_count(),
            partial: self.partial_count(),
            // Covered: every way but the missing ones (a `no branch`
            // line's ways count as covered).
            taken: self.branch_count()
                - self
                    .missing_arcs()
                    .values()
                    .map(BTreeSet::len)
                    .sum::<usize>(),
        }
    }

    /// coverage.py's Missing column: missing statements as ranges (a range
    /// runs on over lines that are not statements), and `line->dest` for
    /// each arc not taken from a line that ran to a line not listed
    /// already, in line order.
    pub fn missing_text(&self) -> String {
        let missing = self.missing();
        let mut items: Vec<(u32, String)> = Vec::new();
        let mut run: Option<(u32, u32)> = None;
        for &line in &self.statements {
            if missing.contains(&line) {
                run = Some(match run {
                    Some((first, _)) => (first, line),
                    None => (line, line),
                });
            } else if let Some((first, last)) = run.take() {
                items.push((first, range_text(first, last)));
            }
        }
        if let Some((first, last)) = run {
            items.push((first, range_text(first, last)));
        }
        for (line, destinations) in self.missing_arcs() {
            if !self.executed.contains(&line) {
                continue;
            }
            // An arc to a line already listed as missing says nothing more.
            for destination in destinations
                .into_iter()
                .filter(|d| !matches!(d, Destination::Line(to) if missing.contains(to)))
            {
                items.push((line, format!("{line}->{}", destination.text())));
            }
        }
        items.sort_by_key(|(line, _)| *line);
        items
            .into_iter()
            .map(|(_, text)| text)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn range_text(first: u32, last: u32) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    }
}

#[derive(Clone, Copy, Default)]
struct Totals {
    statements: usize,
    /// Lines left out (for the JSON summary).
    excluded: usize,
    missing: usize,
    branches: usize,
    partial: usize,
    taken: usize,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        self.statements += other.statements;
        self.excluded += other.excluded;
        self.missing += other.missing;
        self.branches += other.branches;
        self.partial += other.partial;
        self.taken += other.taken;
    }

    fn covered(&self) -> usize {
        self.statements - self.missing + self.taken
    }

    fn possible(&self) -> usize {
        self.statements + self.branches
    }

    fn percent(&self) -> f64 {
        match self.possible() {
            0 => 100.0,
            possible => 100.0 * self.covered() as f64 / possible as f64,
        }
    }

    /// coverage.py's display: rounded, but never 100 unless all is
    /// covered, nor 0 unless nothing is.
    fn percent_text(&self) -> String {
        let percent = self.percent();
        let mut shown = percent.round();
        if shown >= 100.0 && self.covered() < self.possible() {
            shown = 99.0;
        } else if shown <= 0.0 && self.covered() > 0 {
            shown = 1.0;
        }
        format!("{shown:.0}")
    }
}

/// The coverage of every measured file.
#[derive(Clone, Debug, Default)]
pub struct CoverageReport {
    pub files: Vec<FileReport>,
}

impl CoverageData {
    /// Whether any measured file ran.
    pub fn has_data(&self) -> bool {
        !self.files.is_empty()
    }

    /// The report, with `statements_of(filename)` giving a file's
    /// statements (`None`: every line with code counts) and `shown_name`
    /// the name to print.
    pub fn report(
        &self,
        statements_of: &dyn Fn(&str) -> Option<SourceStatements>,
        shown_name: &dyn Fn(&str) -> String,
    ) -> CoverageReport {
        let mut files = Vec::new();
        for (filename, record) in &self.files {
            let Some(module) = &record.module else {
                continue;
            };
            let codes = all_code(module);
            let SourceStatements {
                spans,
                excluded,
                no_branch,
            } = statements_of(filename).unwrap_or_else(|| {
                let lines: BTreeSet<u32> = codes
                    .iter()
                    .flat_map(|code| (0..code.instructions.len()).filter_map(|i| code.line_of(i)))
                    .collect();
                SourceStatements {
                    spans: lines
                        .into_iter()
                        .map(|line| StatementSpan {
                            start: line,
                            end: line,
                        })
                        .collect(),
                    excluded: BTreeSet::new(),
                    no_branch: BTreeSet::new(),
                }
            });
            let statement_of = statement_map(&spans);
            let statements: BTreeSet<u32> = spans
                .iter()
                .map(|s| s.start)
                .filter(|line| !excluded.contains(line))
                .collect();
            let executed: BTreeSet<u32> = record
                .lines
                .iter()
                .filter_map(|line| statement_of.get(line).copied())
                .filter(|line| !excluded.contains(line))
                .collect();
            let mut branches: BTreeMap<u32, BTreeSet<Destination>> = BTreeMap::new();
            let mut taken: BTreeMap<u32, BTreeSet<Destination>> = BTreeMap::new();
            for code in &codes {
                let outcomes = record.jumps.get(&code.qualname);
                for (line, arcs) in code_branches(code, &statement_of) {
                    for arc in &arcs {
                        let bits = outcomes
                            .and_then(|o| o.get(&(code.first_line, arc.jump)))
                            .copied()
                            .unwrap_or(0);
                        let went = if arc.taken { bits & 1 } else { bits & 2 };
                        if went != 0 {
                            taken.entry(line).or_default().insert(arc.destination);
                        }
                    }
                    branches
                        .entry(line)
                        .or_default()
                        .extend(arcs.iter().map(|arc| arc.destination));
                }
            }
            // Arcs from or to excluded lines do not count; a line left
            // with one way to go is no branch.
            let kept =
                |d: &Destination| !matches!(d, Destination::Line(to) if excluded.contains(to));
            branches.retain(|line, destinations| {
                destinations.retain(kept);
                !excluded.contains(line) && destinations.len() >= 2
            });
            taken.retain(|line, destinations| {
                destinations.retain(kept);
                branches.contains_key(line)
            });
            files.push(FileReport {
                filename: filename.clone(),
                name: shown_name(filename),
                statements,
                executed,
                branches,
                taken,
                excluded,
                no_branch,
            });
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        CoverageReport { files }
    }
}

/// `module` and every code object nested in it.
fn all_code(module: &CodeObject) -> Vec<&CodeObject> {
    let mut codes = Vec::new();
    let mut pending = vec![module];
    while let Some(code) = pending.pop() {
        codes.push(code);
        pending.extend(code.nested_code());
    }
    codes
}

/// Line -> the first line of the statement it belongs to (the innermost:
/// spans are applied in order of their start, a later one wins).
fn statement_map(spans: &[StatementSpan]) -> HashMap<u32, u32> {
    let mut sorted = spans.to_vec();
    sorted.sort();
    let mut map = HashMap::new();
    for span in sorted {
        for line in span.start..=span.end.max(span.start) {
            map.insert(line, span.start);
        }
    }
    map
}

/// One way a conditional jump goes.
struct Arc {
    jump: u32,
    taken: bool,
    destination: Destination,
}

/// The branch lines of one code object, with the arcs of its jumps.
fn code_branches(code: &CodeObject, statement_of: &HashMap<u32, u32>) -> BTreeMap<u32, Vec<Arc>> {
    let statement_at = |index: usize| {
        code.line_of(index)
            .and_then(|line| statement_of.get(&line).copied())
    };
    let mut by_line: BTreeMap<u32, Vec<Arc>> = BTreeMap::new();
    for (index, instruction) in code.instructions.iter().enumerate() {
        if instruction.flow() != Flow::Branch || matches!(instruction, Instruction::Send(_)) {
            continue;
        }
        let after_type_test = index > 0
            && matches!(
                code.instructions[index - 1],
                Instruction::CheckExcMatch | Instruction::CheckEgMatch
            );
        let Some(source) = statement_at(index) else {
            continue;
        };
        if after_type_test {
            continue;
        }
        let ways = [
            (true, instruction.jump_target().map(|t| t as usize)),
            (false, Some(index + 1)),
        ];
        for (taken, start) in ways {
            let Some(start) = start else { continue };
            if let Some(destination) = follow(code, start, source, &statement_at) {
                by_line.entry(source).or_default().push(Arc {
                    jump: index as u32,
                    taken,
                    destination,
                });
            }
        }
    }
    // A branch line goes two ways or more.
    by_line.retain(|_, arcs| {
        let destinations: BTreeSet<Destination> = arcs.iter().map(|a| a.destination).collect();
        destinations.len() >= 2
    });
    by_line
}

/// The statement control reaches from `start` after leaving statement
/// `source`: through unconditional jumps and the rest of `source`'s own
/// code. `None` when it reaches another conditional jump of `source`
/// (whose arcs count instead) or raises.
fn follow(
    code: &CodeObject,
    start: usize,
    source: u32,
    statement_at: &dyn Fn(usize) -> Option<u32>,
) -> Option<Destination> {
    let mut index = start;
    // Bounded: a jump cycle within one statement reaches nothing.
    for _ in 0..code.instructions.len() + 1 {
        let instruction = code.instructions.get(index)?;
        if instruction.flow() == Flow::Jump {
            // A jump that is a statement of its own (`break`, `continue`,
            // `while True:` looping) is where control goes; one that ends
            // the statement before it (a loop's jump back) is followed.
            let statement = statement_at(index);
            let starts_statement = index == 0 || statement_at(index - 1) != statement;
            match statement {
                Some(statement) if statement != source && starts_statement => {
                    return Some(Destination::Line(statement));
                }
                _ => index = instruction.jump_target()? as usize,
            }
            continue;
        }
        match statement_at(index) {
            Some(statement) if statement != source => return Some(Destination::Line(statement)),
            _ => {}
        }
        match instruction.flow() {
            Flow::Stop if matches!(instruction, Instruction::ReturnValue) => {
                return Some(Destination::Exit(code.first_line));
            }
            Flow::Stop | Flow::Branch => return None,
            _ => index += 1,
        }
    }
    None
}

impl CoverageReport {
    /// coverage.py's `report -m` table.
    pub fn table(&self) -> String {
        if self.files.is_empty() {
            return "No data to report.\n".to_string();
        }
        let width = self
            .files
            .iter()
            .map(|f| f.name.chars().count())
            .max()
            .unwrap_or(0)
            .max("TOTAL".len());
        let header = format!(
            "{:<width$}   Stmts   Miss Branch BrPart  Cover   Missing",
            "Name"
        );
        let rule = "-".repeat(header.len());
        let mut out = format!("{header}\n{rule}\n");
        let mut total = Totals::default();
        for file in &self.files {
            let totals = file.totals();
            total.add(totals);
            let row = row(&file.name, width, totals);
            let missing = file.missing_text();
            let _ = writeln!(out, "{}", format!("{row}   {missing}").trim_end());
        }
        let _ = writeln!(out, "{rule}");
        let _ = writeln!(out, "{}", row("TOTAL", width, total));
        out
    }

    /// The source of each file, each line marked: `>` ran, `!` did not
    /// run, `~` ran but a branch from it was never taken (a krait
    /// addition to coverage.py's annotate marks), blank for lines that are
    /// not statements.
    pub fn annotated(&self, source_of: &dyn Fn(&str) -> Option<String>) -> String {
        let mut out = String::new();
        for file in &self.files {
            let _ = writeln!(out, "# {}", file.name);
            let Some(source) = source_of(&file.filename) else {
                let _ = writeln!(out, "# (source not found)");
                continue;
            };
            let partial = file.missing_arcs();
            for (number, text) in source.lines().enumerate() {
                let line = number as u32 + 1;
                let _ = writeln!(out, "{} {text}", line_mark(file, &partial, line));
            }
        }
        out
    }

    /// coverage.py's JSON report (format 3) of this run.
    pub fn json(&self) -> serde_json::Value {
        use serde_json::json;
        let mut files = serde_json::Map::new();
        let mut total = Totals::default();
        for file in &self.files {
            let mut totals = file.totals();
            totals.excluded = file.excluded.len();
            total.add(totals);
            let arcs = |map: &BTreeMap<u32, BTreeSet<Destination>>, only_run: bool| {
                map.iter()
                    .filter(|(line, _)| !only_run || file.executed.contains(line))
                    .flat_map(|(line, ds)| ds.iter().map(move |d| (*line as i64, d.number())))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .map(|(line, to)| json!([line, to]))
                    .collect::<Vec<_>>()
            };
            files.insert(
                file.name.clone(),
                json!({
                    "executed_lines": file.executed,
                    "summary": summary(totals),
                    "missing_lines": file.missing(),
                    "excluded_lines": file.excluded,
                    "executed_branches": arcs(&file.taken, false),
                    "missing_branches": arcs(&file.missing_arcs(), false),
                }),
            );
        }
        json!({
            "meta": {
                "format": 3,
                "version": concat!("krait ", env!("CARGO_PKG_VERSION")),
                "branch_coverage": true,
                "show_contexts": false,
            },
            "files": files,
            "totals": summary(total),
        })
    }

    /// An HTML report: `index.html` with the table, and a page per file
    /// with its lines coloured (run, not run, partial). Returns the pages
    /// by file name, for the caller to write.
    pub fn html(&self, source_of: &dyn Fn(&str) -> Option<String>) -> Vec<(String, String)> {
        let mut pages = Vec::new();
        let mut index = String::from(HTML_HEAD);
        index.push_str("<h1>Coverage report</h1>\n<table>\n<tr><th>File</th><th>Stmts</th><th>Miss</th><th>Branch</th><th>BrPart</th><th>Cover</th></tr>\n");
        let mut total = Totals::default();
        for (number, file) in self.files.iter().enumerate() {
            let totals = file.totals();
            total.add(totals);
            let page = format!("file_{number}.html");
            let _ = writeln!(
                index,
                "<tr><td><a href=\"{page}\">{}</a></td>{}</tr>",
                escape_html(&file.name),
                html_numbers(totals)
            );
            let mut text = String::from(HTML_HEAD);
            let _ = writeln!(
                text,
                "<h1>{}: {}%</h1>\n<p><a href=\"index.html\">index</a> &middot; {} statements, {} missing, {} branches, {} partial</p>\n<pre>",
                escape_html(&file.name),
                totals.percent_text(),
                totals.statements,
                totals.missing,
                totals.branches,
                totals.partial
            );
            let partial = file.missing_arcs();
            let source = source_of(&file.filename).unwrap_or_default();
            for (number, line_text) in source.lines().enumerate() {
                let line = number as u32 + 1;
                let class = match line_mark(file, &partial, line) {
                    '>' => "run",
                    '!' => "mis",
                    '~' => "par",
                    _ => "non",
                };
                let note = match partial.get(&line) {
                    Some(ds) if file.executed.contains(&line) => format!(
                        "  <span class=\"note\">never went to {}</span>",
                        ds.iter().map(|d| d.text()).collect::<Vec<_>>().join(", ")
                    ),
                    _ => String::new(),
                };
                let _ = writeln!(
                    text,
                    "<span class=\"{class}\"><span class=\"n\">{line:>4}</span> {}</span>{note}",
                    escape_html(line_text)
                );
            }
            text.push_str("</pre>\n</body>\n</html>\n");
            pages.push((page, text));
        }
        let _ = writeln!(
            index,
            "<tr class=\"total\"><td>TOTAL</td>{}</tr>\n</table>\n</body>\n</html>",
            html_numbers(total)
        );
        pages.insert(0, ("index.html".to_string(), index));
        pages
    }
}

fn line_mark(file: &FileReport, partial: &BTreeMap<u32, BTreeSet<Destination>>, line: u32) -> char {
    if !file.statements.contains(&line) {
        ' '
    } else if !file.executed.contains(&line) {
        '!'
    } else if partial.contains_key(&line) {
        '~'
    } else {
        '>'
    }
}

fn row(name: &str, width: usize, totals: Totals) -> String {
    format!(
        "{name:<width$} {:>7} {:>6} {:>6} {:>6} {:>5}%",
        totals.statements,
        totals.missing,
        totals.branches,
        totals.partial,
        totals.percent_text()
    )
}

fn summary(totals: Totals) -> serde_json::Value {
    serde_json::json!({
        "covered_lines": totals.statements - totals.missing,
        "num_statements": totals.statements,
        "percent_covered": totals.percent(),
        "percent_covered_display": totals.percent_text(),
        "missing_lines": totals.missing,
        "excluded_lines": totals.excluded,
        "num_branches": totals.branches,
        "num_partial_branches": totals.partial,
        "covered_branches": totals.taken,
        "missing_branches": totals.branches - totals.taken,
        "percent_statements_covered": percent(totals.statements - totals.missing, totals.statements),
        "percent_branches_covered": percent(totals.taken, totals.branches),
    })
}

fn percent(part: usize, whole: usize) -> f64 {
    match whole {
        0 => 100.0,
        _ => 100.0 * part as f64 / whole as f64,
    }
}

const HTML_HEAD: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>krait coverage</title>\n<style>\nbody { font-family: sans-serif; }\npre { font-family: monospace; line-height: 1.3; }\n.run { background: #dfd; display: block; }\n.mis { background: #fdd; display: block; }\n.par { background: #ffc; display: block; }\n.non { display: block; }\n.n { color: #888; }\n.note { color: #a60; }\ntd, th { padding: 2px 10px; text-align: right; }\ntd:first-child, th:first-child { text-align: left; }\n</style>\n</head>\n<body>\n";

fn html_numbers(totals: Totals) -> String {
    format!(
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}%</td>",
        totals.statements,
        totals.missing,
        totals.branches,
        totals.partial,
        totals.percent_text()
    )
}

fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    #[test]
    fn include_and_omit_patterns_choose_files_as_coverage_py_does() {
        assert!(wildcard_match("*.py", "/a/b/c.py"));
        assert!(wildcard_match("/a/*/c.py", "/a/b/x/c.py"));
        assert!(wildcard_match("/a/?.py", "/a/b.py"));
        assert!(!wildcard_match("/a/?.py", "/a/bb.py"));
        assert!(!wildcard_match("*.py", "/a/b.pyc"));
        assert!(wildcard_match("*", ""));
        let filter = FileFilter::new(&["src/*".into()], &["*_test.py, */vendor/*".into()], "/w");
        assert!(filter.shows("/w/src/app.py"));
        assert!(!filter.shows("/w/tests/app.py"));
        assert!(!filter.shows("/w/src/app_test.py"));
        assert!(!filter.shows("/w/src/vendor/lib.py"));
        let everything = FileFilter::new(&[], &[], "/w");
        assert!(everything.shows("/anywhere/x.py"));
    }

    use super::*;

    fn file(statements: &[u32], executed: &[u32]) -> FileReport {
        FileReport {
            name: "f.py".into(),
            statements: statements.iter().copied().collect(),
            executed: executed.iter().copied().collect(),
            ..FileReport::default()
        }
    }

    #[test]
    fn missing_ranges_run_over_lines_that_are_not_statements() {
        let mut report = file(&[1, 2, 4, 5, 7, 9], &[1, 9]);
        assert_eq!(report.missing_text(), "2-7");
        report.executed.insert(5);
        assert_eq!(report.missing_text(), "2-4, 7");
        report
            .branches
            .insert(9, [Destination::Line(10), Destination::Exit(1)].into());
        report.taken.insert(9, [Destination::Line(10)].into());
        assert_eq!(report.missing_text(), "2-4, 7, 9->exit");
        assert_eq!(report.partial_count(), 1);
        // An arc to a missing line is not listed again (the line still
        // counts as partial, as in coverage.py).
        report
            .branches
            .insert(1, [Destination::Line(2), Destination::Line(9)].into());
        report.taken.insert(1, [Destination::Line(9)].into());
        assert_eq!(report.missing_text(), "2-4, 7, 9->exit");
        assert_eq!(report.partial_count(), 2);
    }

    #[test]
    fn percentages_are_never_rounded_to_all_or_nothing() {
        let mut totals = Totals {
            statements: 1000,
            missing: 1,
            ..Totals::default()
        };
        assert_eq!(totals.percent_text(), "99");
        totals.missing = 999;
        assert_eq!(totals.percent_text(), "1");
        totals.missing = 0;
        assert_eq!(totals.percent_text(), "100");
        assert_eq!(Totals::default().percent_text(), "100");
    }

    #[test]
    fn statement_map_prefers_the_innermost_span() {
        let map = statement_map(&[
            StatementSpan { start: 1, end: 1 },
            StatementSpan { start: 2, end: 4 },
            StatementSpan { start: 3, end: 3 },
        ]);
        assert_eq!(map.get(&2), Some(&2));
        assert_eq!(map.get(&3), Some(&3));
        assert_eq!(map.get(&4), Some(&2));
        assert_eq!(map.get(&5), None);
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
