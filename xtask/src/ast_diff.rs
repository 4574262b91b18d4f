//! `cargo xtask ast-diff [--max N] [PATHS...]`: krait's parser against CPython's.
//!
//! CPython is the oracle: `scripts/cpython_ast.py` parses every file with
//! `ast.parse` in one python3 process and prints one JSON tree per line; krait
//! parses the same file with krait-parser. Both trees go through krait-ast's
//! serde shape (CPython's JSON is read into krait-ast and written again, so
//! both sides are spelled the same way) and are compared as JSON values.
//!
//! PATHS are files and folders (searched recursively for `*.py`, sorted);
//! none means the workspace's `tests/`. Each differing file gets one line with
//! its first differences (`body[3].value.args[0].col_offset: krait 4,
//! cpython 5`), structural ones before locations; the last line is
//! `N agree, M differ`, and the exit status is 0 only when nothing differs.
//! A file both parsers reject with a SyntaxError (or IndentationError,
//! TabError) on the same line agrees. `KRAIT_PYTHON` names the python to run
//! (default `python3`).
//!
//! Deep trees: the JSON is read without serde_json's recursion limit, and the
//! whole comparison runs on a thread with a large stack, so a chain of
//! thousands of `+` compares like any other file.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::thread;

use krait_ast::json::{drop_cpython_only_fields, from_json_value, to_json_value};
use serde::Deserialize;
use serde_json::Value;

/// Stack of the thread that parses, reads JSON and compares: deep trees
/// recurse in krait's parser, in serde and in the comparison.
const STACK_SIZE: usize = 1 << 30;

/// Differences shown per file unless `--max` says otherwise.
const DEFAULT_SHOWN: usize = 3;

pub fn run(args: &[String]) -> ExitCode {
    let mut shown = DEFAULT_SHOWN;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--max" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => shown = n,
                None => return usage(),
            },
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths.push(workspace_root().join("tests"));
    }
    let worker = thread::Builder::new()
        .name("ast-diff".into())
        .stack_size(STACK_SIZE)
        .spawn(move || diff_all(&paths, shown));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => {
            eprintln!("ast-diff: internal error (panic)");
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("ast-diff: cannot start a thread: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask ast-diff [--max N] [FILE|DIR...]   (default: tests/)");
    ExitCode::from(2)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

fn script_path() -> PathBuf {
    workspace_root().join("scripts").join("cpython_ast.py")
}

fn diff_all(paths: &[PathBuf], shown: usize) -> ExitCode {
    let files = collect_files(paths);
    let root = workspace_root();
    let mut agree = 0usize;
    let mut differ = 0usize;
    if !files.is_empty() {
        let mut oracle = match Oracle::spawn(&files) {
            Ok(oracle) => oracle,
            Err(err) => {
                eprintln!("ast-diff: {err}");
                return ExitCode::FAILURE;
            }
        };
        let _quiet = QuietPanics::install();
        for file in &files {
            let cpython = oracle.next_tree();
            let krait = krait_side(file);
            match compare(&krait, &cpython) {
                Verdict::Agree => agree += 1,
                Verdict::Differ(diffs) => {
                    differ += 1;
                    let shown_path = file.strip_prefix(&root).unwrap_or(file);
                    let line = format!("{}: {}", shown_path.display(), diffs.render(shown));
                    if writeln!(std::io::stdout(), "{line}").is_err() {
                        // stdout closed (`| head`): nobody reads the rest.
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        if let Err(err) = oracle.finish() {
            eprintln!("ast-diff: {err}");
            return ExitCode::FAILURE;
        }
    }
    let _ = writeln!(std::io::stdout(), "{agree} agree, {differ} differ");
    if differ == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Files as given, and `*.py` under folders (sorted per folder). A path that
/// does not exist is kept: reading it fails and is reported as a difference.
pub(crate) fn collect_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "py") {
            found.push(path);
        }
    }
}

/// One python3 process running `scripts/cpython_ast.py` over all the files;
/// its lines are read while krait parses, in the same order.
pub(crate) struct Oracle {
    child: Child,
    lines: std::io::Lines<BufReader<ChildStdout>>,
}

impl Oracle {
    pub(crate) fn spawn(files: &[PathBuf]) -> Result<Oracle, String> {
        let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = script_path();
        let mut child = Command::new(&python)
            .arg(&script)
            .arg("--")
            .args(files)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|err| format!("cannot run {python} {}: {err}", script.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        Ok(Oracle {
            child,
            lines: BufReader::new(stdout).lines(),
        })
    }

    /// CPython's verdict on the next file.
    pub(crate) fn next_tree(&mut self) -> Side {
        match self.lines.next() {
            Some(Ok(line)) => cpython_side(&line),
            Some(Err(err)) => Side::Broken(format!("cannot read cpython_ast.py's output: {err}")),
            None => Side::Broken("cpython_ast.py stopped before this file".into()),
        }
    }

    pub(crate) fn finish(mut self) -> Result<(), String> {
        // Drain whatever is left so the child is not blocked on a full pipe.
        for _ in self.lines.by_ref() {}
        let status = self
            .child
            .wait()
            .map_err(|err| format!("cpython_ast.py: {err}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("cpython_ast.py failed: {status}"))
        }
    }
}

/// What one front end made of a file.
#[derive(Debug)]
pub(crate) enum Side {
    /// A tree, in krait-ast's JSON shape.
    Tree(Value),
    /// A rejection: the exception's class, message and position.
    Rejected {
        kind: String,
        msg: String,
        lineno: Option<u64>,
        offset: Option<u64>,
    },
    /// Anything else: unreadable file, crash, a tree krait-ast cannot hold.
    Broken(String),
}

impl Side {
    fn describe(&self) -> String {
        match self {
            Side::Tree(_) => "accepts".into(),
            Side::Rejected {
                kind,
                msg,
                lineno,
                offset,
            } => {
                let at = match (lineno, offset) {
                    (Some(l), Some(o)) => format!(" at {l}:{o}"),
                    (Some(l), None) => format!(" at line {l}"),
                    _ => String::new(),
                };
                format!("{kind}{at}: {msg}")
            }
            Side::Broken(why) => why.clone(),
        }
    }
}

/// Reads one line of `cpython_ast.py` into a [`Side`].
pub(crate) fn cpython_side(line: &str) -> Side {
    let mut value = match parse_json_unbounded(line) {
        Ok(v) => v,
        Err(err) => return Side::Broken(format!("cpython_ast.py printed bad JSON: {err}")),
    };
    if let Some(error) = value.get("error") {
        let text = |k: &str| {
            error
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        return Side::Rejected {
            kind: text("type"),
            msg: text("msg"),
            lineno: error.get("lineno").and_then(Value::as_u64),
            offset: error.get("offset").and_then(Value::as_u64),
        };
    }
    drop_cpython_only_fields(&mut value);
    match from_json_value(value) {
        Ok(module) => Side::Tree(to_json_value(&module)),
        Err(err) => {
            // serde lists every variant it expected: keep the line short.
            let text = err.to_string();
            let text = text.split(", expected one of").next().unwrap_or(&text);
            Side::Broken(format!("CPython's tree does not fit krait-ast: {text}"))
        }
    }
}

/// JSON text to a value, without serde_json's recursion limit of 128 (the
/// caller runs on a large stack).
pub(crate) fn parse_json_unbounded(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let value = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// krait's parse of one file.
pub(crate) fn krait_side(file: &Path) -> Side {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return Side::Broken(format!("cannot read the file: {err}")),
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => {
            return Side::Broken(format!(
                "not UTF-8 (invalid byte at offset {}): krait reads UTF-8 only",
                err.utf8_error().valid_up_to()
            ));
        }
    };
    let name = file.display().to_string();
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        krait_parser::parse(&source, krait_parser::Mode::Exec, &name)
    }));
    match parsed {
        Ok(Ok(module)) => Side::Tree(to_json_value(&module)),
        Ok(Err(err)) => Side::Rejected {
            kind: format!("{:?}", err.kind),
            msg: err.message.clone(),
            lineno: Some(err.lineno.into()),
            offset: Some(err.offset.into()),
        },
        Err(payload) => {
            let msg = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut p| p.take())
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Side::Broken(format!("krait's parser panicked: {msg}"))
        }
    }
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// While alive, panics print nothing and leave their message in `LAST_PANIC`
/// (a parser bug is one difference among others, not noise on stderr).
struct QuietPanics;

impl QuietPanics {
    fn install() -> QuietPanics {
        panic::set_hook(Box::new(|info| {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(info.to_string());
            }
        }));
        QuietPanics
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        // Back to the default hook (`take_hook` must not run while unwinding).
        if !thread::panicking() {
            let _ = panic::take_hook();
        }
    }
}

pub(crate) enum Verdict {
    Agree,
    Differ(Diffs),
}

fn is_syntax_error(kind: &str) -> bool {
    matches!(kind, "SyntaxError" | "IndentationError" | "TabError")
}

pub(crate) fn compare(krait: &Side, cpython: &Side) -> Verdict {
    let mut diffs = Diffs::default();
    match (krait, cpython) {
        (Side::Tree(k), Side::Tree(c)) => {
            diff_values(&mut Vec::new(), k, c, &mut diffs);
            if diffs.total() == 0 {
                return Verdict::Agree;
            }
        }
        (
            Side::Rejected { lineno: kl, .. },
            Side::Rejected {
                kind, lineno: cl, ..
            },
        ) if is_syntax_error(kind) && kl == cl && kl.is_some() => return Verdict::Agree,
        (Side::Broken(why), _) => diffs.note(format!("krait: {why}")),
        (_, Side::Broken(why)) => diffs.note(format!("cpython: {why}")),
        _ => diffs.note(format!(
            "krait {}; cpython {}",
            krait.describe(),
            cpython.describe()
        )),
    }
    Verdict::Differ(diffs)
}

/// The differences found in one file: structural ones first, then locations.
#[derive(Default)]
pub(crate) struct Diffs {
    structure: Vec<String>,
    location: Vec<String>,
    /// Differences counted but not kept (beyond what could be shown).
    dropped: usize,
}

/// Kept per kind; far more than anyone shows on one line.
const KEPT: usize = 50;

const LOCATION_FIELDS: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

impl Diffs {
    fn note(&mut self, text: String) {
        self.structure.push(text);
    }

    fn push(&mut self, path: &[Seg], what: String) {
        let is_location = matches!(path.last(), Some(Seg::Key(k)) if LOCATION_FIELDS.contains(k));
        let list = if is_location {
            &mut self.location
        } else {
            &mut self.structure
        };
        if list.len() < KEPT {
            list.push(format!("{}: {what}", render_path(path)));
        } else {
            self.dropped += 1;
        }
    }

    pub(crate) fn total(&self) -> usize {
        self.structure.len() + self.location.len() + self.dropped
    }

    pub(crate) fn render(&self, shown: usize) -> String {
        let all: Vec<&str> = self
            .structure
            .iter()
            .chain(&self.location)
            .map(String::as_str)
            .take(shown.max(1))
            .collect();
        let mut line = all.join("; ");
        let more = self.total() - all.len();
        if more > 0 {
            line.push_str(&format!("; (+{more} more)"));
        }
        line
    }
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn render_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push_str("(module)");
    }
    out
}

/// A short description of a value for a difference line.
fn brief(value: Option<&Value>) -> String {
    match value {
        None => "nothing".into(),
        Some(Value::Array(items)) => format!("{} items", items.len()),
        Some(Value::Object(map)) if map.contains_key("_type") => {
            map["_type"].as_str().unwrap_or("?").to_owned()
        }
        Some(v) => {
            let text = v.to_string();
            if text.len() <= 60 {
                return text;
            }
            let cut = (0..=57).rev().find(|&i| text.is_char_boundary(i));
            format!("{}...", &text[..cut.unwrap_or(0)])
        }
    }
}

fn diff_values<'a>(path: &mut Vec<Seg<'a>>, k: &'a Value, c: &'a Value, out: &mut Diffs) {
    match (k, c) {
        (Value::Object(km), Value::Object(cm)) => {
            if km.get("_type") != cm.get("_type") {
                out.push(
                    path,
                    format!("krait {}, cpython {}", brief(Some(k)), brief(Some(c))),
                );
                return;
            }
            let keys: BTreeSet<&String> = km.keys().chain(cm.keys()).collect();
            for key in keys {
                path.push(Seg::Key(key));
                match (km.get(key), cm.get(key)) {
                    (Some(kv), Some(cv)) => diff_values(path, kv, cv, out),
                    (kv, cv) => {
                        out.push(path, format!("krait {}, cpython {}", brief(kv), brief(cv)))
                    }
                }
                path.pop();
            }
        }
        (Value::Array(ka), Value::Array(ca)) => {
            if ka.len() != ca.len() {
                out.push(
                    path,
                    format!("krait {} items, cpython {}", ka.len(), ca.len()),
                );
            }
            for (i, (kv, cv)) in ka.iter().zip(ca).enumerate() {
                path.push(Seg::Index(i));
                diff_values(path, kv, cv, out);
                path.pop();
            }
        }
        _ if k == c => {}
        _ => out.push(
            path,
            format!("krait {}, cpython {}", brief(Some(k)), brief(Some(c))),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Node classes of CPython 3.11 that krait-ast does not model: a file
    /// using them cannot round-trip, and that is not a serde bug.
    const UNMODELLED: &[&str] = &[
        "AsyncFunctionDef",
        "AsyncFor",
        "AsyncWith",
        "Await",
        "Match",
        "match_case",
        "FunctionType",
    ];

    /// Every construct krait-ast has, and every kind of constant.
    const SAMPLE: &str = r#"
import os, os.path as p
from . import a as b, c
from ..m import *
x: int = 1
y: "list[int]"
(z): int
x += 2; x -= 1; x *= 3; x @= m; x /= 2; x %= 3; x **= 2; x <<= 1; x >>= 1
x |= 1; x ^= 1; x &= 1; x //= 2
a, *b = c = [1, 2, 3]
del a, b[0], c.d
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    global g
    def h():
        nonlocal a
    return
async_ = lambda x, *, y=1: (yield)
def gen():
    yield 1
    yield from range(3)
class C(B, metaclass=M, **opts):
    @property
    def p(self): return self._p
for i in range(10):
    if i % 2 == 0 and i or not i:
        continue
    elif i is None or i is not None:
        break
    else:
        pass
else:
    pass
while x < 10 <= y != z > w >= v:
    x = x + 1 - 2 * 3 / 4 // 5 % 6 ** 7 << 1 >> 1 | 2 ^ 3 & 4 @ m
else:
    x = -x + +x + ~x
with open(f) as g, h():
    pass
try:
    raise ValueError("x") from None
except (TypeError, ValueError) as e:
    raise
except Exception:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* OSError:
    pass
assert x, "message"
d = {1: 2, **e, "k": v}
s = {1, 2}
l = [i for i in range(3) if i if not i]
g = (i for i in x)
st = {i for i in x}
dc = {k: v for k, v in x.items()}
y = a if b else c
if (n := 10) > 5: pass
t = x[1:2], x[::3], x[1:2, 3], x[...]
c = f(*args, k=1, **kw)
consts = (None, True, False, ..., 0, 123456789012345678901234567890, 0xff, 1_000,
          0.1, 1e16, 1e-5, 0.0001, 1e300, 5e-324, 1e999, 1.5, 2j, 3.5J, 1e20j,
          "s", u"u", 'é\x00\n', b"\x00\xff", rb"\d", "a" "b", f"{x!r:>{w}} {y=}" f"lit")
"#;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("krait-ast-diff-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn conformance_cases() -> Vec<PathBuf> {
        let dir = workspace_root().join("../shared/conformance/cases");
        if dir.is_dir() {
            collect_files(&[dir])
        } else {
            Vec::new()
        }
    }

    /// CPython's JSON, read into krait-ast and written again, is the same JSON
    /// (once the fields krait does not keep are dropped).
    fn assert_round_trips(files: &[PathBuf]) -> usize {
        let mut oracle = Oracle::spawn(files).unwrap();
        let mut checked = 0;
        for file in files {
            let line = match oracle.lines.next() {
                Some(Ok(line)) => line,
                other => panic!("{}: no output: {other:?}", file.display()),
            };
            let mut original = parse_json_unbounded(&line).unwrap();
            if original.get("error").is_some() {
                continue;
            }
            drop_cpython_only_fields(&mut original);
            match from_json_value(original.clone()) {
                Ok(module) => {
                    let again = to_json_value(&module);
                    let mut diffs = Diffs::default();
                    diff_values(&mut Vec::new(), &again, &original, &mut diffs);
                    assert_eq!(diffs.total(), 0, "{}: {}", file.display(), diffs.render(10));
                    checked += 1;
                }
                Err(err) => {
                    let text = err.to_string();
                    assert!(
                        UNMODELLED
                            .iter()
                            .any(|n| text.contains(&format!("unknown variant `{n}`"))),
                        "{}: {text}",
                        file.display()
                    );
                }
            }
        }
        oracle.finish().unwrap();
        checked
    }

    #[test]
    fn sample_round_trips() {
        let dir = temp_dir("sample");
        let file = dir.join("sample.py");
        std::fs::write(&file, SAMPLE).unwrap();
        assert_eq!(assert_round_trips(std::slice::from_ref(&file)), 1);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn conformance_cases_round_trip() {
        let files = conformance_cases();
        if files.is_empty() {
            eprintln!("no conformance corpus here: skipped");
            return;
        }
        let checked = assert_round_trips(&files);
        assert!(checked > 0);
    }

    #[test]
    fn floats_are_spelled_like_rust() {
        // Many magnitudes, including the edges of Python's and Rust's switch
        // to exponent notation.
        let mut source = String::from("x = [\n");
        for exp in -330..=310 {
            for mantissa in ["1", "1.5", "9.999999", "2.2250738585072014", "4.9"] {
                source.push_str(&format!("    {mantissa}e{exp}, {mantissa}e{exp}j,\n"));
            }
        }
        source.push_str("    1e16, 9999999999999998.0, 0.0001, 0.00009999, 123456789.125,\n");
        // And random bit patterns (Rust's `{:e}` is read back exactly by Python).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state >> 1);
            if x.is_finite() {
                source.push_str(&format!("    {x:e},\n"));
            }
        }
        source.push_str("]\n");
        let dir = temp_dir("floats");
        let file = dir.join("floats.py");
        std::fs::write(&file, source).unwrap();
        assert_eq!(assert_round_trips(std::slice::from_ref(&file)), 1);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn deep_trees_are_compared() {
        let dir = temp_dir("deep");
        let file = dir.join("deep.py");
        let mut source = String::from("x = 1");
        for _ in 0..5000 {
            source.push_str(" + 1");
        }
        source.push('\n');
        std::fs::write(&file, &source).unwrap();
        let files = vec![file];
        // Off the test harness's small stack, as `run` does.
        let checked = thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn(move || assert_round_trips(&files))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(checked, 1);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn rejections_are_reported_by_cpython() {
        let dir = temp_dir("errors");
        let bad = dir.join("bad.py");
        std::fs::write(&bad, "if x:\n  y\n    z\n").unwrap();
        let missing = dir.join("missing.py");
        let mut oracle = Oracle::spawn(&[bad, missing]).unwrap();
        match oracle.next_tree() {
            Side::Rejected {
                kind, lineno, msg, ..
            } => {
                assert_eq!(kind, "IndentationError");
                assert_eq!(lineno, Some(3));
                assert_eq!(msg, "unexpected indent");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(oracle.next_tree(), Side::Rejected { kind, .. } if kind == "FileNotFoundError")
        );
        assert!(matches!(oracle.next_tree(), Side::Broken(_)));
        oracle.finish().unwrap();
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn unreadable_and_non_utf8_files_are_differences() {
        let dir = temp_dir("bytes");
        let latin = dir.join("latin.py");
        std::fs::write(&latin, b"# coding: latin-1\nx = '\xe9'\n").unwrap();
        let Side::Broken(why) = krait_side(&latin) else {
            panic!()
        };
        assert!(why.contains("not UTF-8"), "{why}");
        let Side::Broken(why) = krait_side(&dir.join("missing.py")) else {
            panic!()
        };
        assert!(why.contains("cannot read"), "{why}");
        std::fs::remove_dir_all(dir).ok();
    }

    fn rejected(kind: &str, lineno: u64) -> Side {
        Side::Rejected {
            kind: kind.into(),
            msg: "m".into(),
            lineno: Some(lineno),
            offset: Some(1),
        }
    }

    #[test]
    fn syntax_errors_on_the_same_line_agree() {
        assert!(matches!(
            compare(
                &rejected("SyntaxError", 3),
                &rejected("IndentationError", 3)
            ),
            Verdict::Agree
        ));
        assert!(matches!(
            compare(&rejected("SyntaxError", 3), &rejected("SyntaxError", 4)),
            Verdict::Differ(_)
        ));
        assert!(matches!(
            compare(
                &rejected("SyntaxError", 3),
                &rejected("FileNotFoundError", 3)
            ),
            Verdict::Differ(_)
        ));
        let Verdict::Differ(d) = compare(&Side::Tree(json!({})), &rejected("SyntaxError", 2))
        else {
            panic!()
        };
        assert_eq!(d.render(3), "krait accepts; cpython SyntaxError at 2:1: m");
    }

    #[test]
    fn differences_have_paths_structure_first() {
        let name = |id: &str, col: u32| {
            json!({"_type": "Name", "id": id, "ctx": {"_type": "Load"},
                   "lineno": 1, "col_offset": col, "end_lineno": 1, "end_col_offset": col + 1})
        };
        let k = json!({"_type": "Module", "body": [{"_type": "Expr", "value": {
            "_type": "Call", "func": name("f", 0), "args": [name("a", 4)], "keywords": []}}]});
        let c = json!({"_type": "Module", "body": [{"_type": "Expr", "value": {
            "_type": "Call", "func": name("g", 0), "args": [name("a", 5), name("b", 7)],
            "keywords": []}}]});
        let Verdict::Differ(d) = compare(&Side::Tree(k.clone()), &Side::Tree(c)) else {
            panic!()
        };
        assert_eq!(
            d.render(3),
            "body[0].value.args: krait 1 items, cpython 2; \
             body[0].value.func.id: krait \"f\", cpython \"g\"; \
             body[0].value.args[0].col_offset: krait 4, cpython 5; (+1 more)"
        );
        assert!(matches!(
            compare(&Side::Tree(k.clone()), &Side::Tree(k)),
            Verdict::Agree
        ));
    }
}
