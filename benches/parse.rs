//! Lexing and parsing throughput on a large generated Python file, and
//! compiling a generated data file (one 1.5 MB list literal of numbers,
//! strings and tuples, as generated data often is), which must stay
//! linear in its size.
//!
//!     cargo bench --bench parse                            # criterion
//!     KRAIT_BENCH_COMPARE=1 cargo bench --bench parse      # krait vs CPython's ast.parse
//!
//! The file (about 3 MB of functions, classes, loops, comprehensions, strings,
//! f-strings and arithmetic) is generated deterministically from a template
//! and written to `target/bench-parse/generated.py`, so that other tools can
//! time it too: e.g. `python3 -c 'import ast,time; s=open(F).read();
//! t=time.perf_counter(); ast.parse(s); print(time.perf_counter()-t)'`.
//!
//! The comparison mode times krait's `parse` (lexing included) and CPython's
//! `ast.parse` on the same text, each the median of several runs in one
//! process, and prints both and their ratio. It runs the real python binary
//! (`sys.executable`), not a `python3` shim, and does not count startup.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, black_box};

/// Size the generated file grows to, in bytes.
const TARGET_SIZE: usize = 3 << 20;

/// One block of the file; `__N__` is replaced by the block's number so that
/// names and numbers vary from block to block.
const TEMPLATE: &str = r#"
def compute___N__(values, factor=__N__, *args, scale=1.5, **options):
    """Docstring of compute___N__: sums the values, scaled."""
    total = 0
    for index, value in enumerate(values):
        if value % 3 == 0 and index > __N__ % 7:
            total += value * factor
        elif value < 0 or not value:
            total -= abs(value) // 2
        else:
            total = total + (value ** 2 - factor) / scale
    while total > 1_000_000:
        total >>= 1
    return total


class Shape__N__(Base, metaclass=Meta):
    sides: int = __N__ % 5 + 3

    def __init__(self, name, *, color="red"):
        self.name = name
        self.color = color
        self._cache = {}

    @property
    def area(self):
        return self.sides * 0.5 * (self.sides - 1.25e-3)

    def describe(self, width=8):
        return f"{self.name!r} has {self.sides:>{width}} sides, color {self.color}"


squares___N__ = [x * x for x in range(__N__) if x % 2]
lookup___N__ = {key: value for key, value in zip("abcdef", range(6))}
unique___N__ = {c.lower() for c in "Hello World __N__"}
odd___N__ = sum(n for n in range(100) if n & 1)
matrix___N__ = [[row * col for col in range(4)] for row in range(4)]

try:
    result___N__ = compute___N__([1, 2, 3, -4, 0x1F, 0o17, 0b101], scale=2)
except (ValueError, TypeError) as error:
    print("failed:", error, sep=" ")
    raise RuntimeError("compute failed") from error
except Exception:
    pass
else:
    data___N__ = {"id": __N__, "name": 'item___N__', "tags": ["a", "b"], "ratio": 3.14,
                  "nested": {"k": None, "flag": True, "items": (1, 2.5, 3j)}}
finally:
    pick = lambda x, y=2: x if x > y else y

with open("file___N__.txt") as handle, lock:
    lines = handle.read().strip().split("\n")[1:-1:2]

import os.path as osp
from collections import defaultdict, OrderedDict as OD
raw = b"bytes\x00\xff" + rb"\d+"
text = """triple
quoted __N__
""" 'implicit' "concatenation"
assert len(lines) >= 0, "never fails"
first, *rest = (1, 2, 3)
del rest
value = -first + ~first if first is not None else +first
flag = (doubled := __N__ * 2) and doubled in (1, 2) or doubled not in [3, 4]
"#;

/// The generated source: whole blocks until it reaches [`TARGET_SIZE`].
fn generated_source() -> String {
    let mut source = String::with_capacity(TARGET_SIZE + TEMPLATE.len());
    let mut n = 0;
    while source.len() < TARGET_SIZE {
        source.push_str(&TEMPLATE.replace("__N__", &n.to_string()));
        n += 1;
    }
    source
}

/// `target/bench-parse/generated.py` (honouring CARGO_TARGET_DIR).
fn generated_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-parse").join("generated.py")
}

fn write_generated(source: &str) -> PathBuf {
    let path = generated_path();
    std::fs::create_dir_all(path.parent().expect("a file has a folder"))
        .and_then(|()| std::fs::write(&path, source))
        .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
    path
}

/// Token count; the tokens themselves are consumed as the parser would.
fn lex(source: &str) -> usize {
    let mut count = 0;
    for token in krait_lexer::lex(source) {
        black_box(token.expect("the generated file lexes"));
        count += 1;
    }
    count
}

fn parse(source: &str) -> krait_ast::Mod {
    krait_parser::parse(source, krait_parser::Mode::Exec, "generated.py")
        .unwrap_or_else(|err| panic!("the generated file does not parse:\n{err}"))
}

/// A data module: `DATA = [...]` with about 1.5 MB of literal items.
fn literal_source() -> String {
    let mut source = String::from("DATA = [\n");
    let mut n: u64 = 0;
    while source.len() < 3 << 19 {
        let item = match n % 4 {
            0 => format!("    {},\n", (n * 7919) % 1_000_003),
            1 => format!("    {}.5,\n", n % 10_007),
            2 => format!("    'name{n}',\n"),
            _ => format!("    ({n}, 'k{}', None),\n", n % 97),
        };
        source.push_str(&item);
        n += 1;
    }
    source.push_str("]\n");
    source
}

fn compile(source: &str) -> krait_bytecode::CodeObject {
    krait_compiler::compile(source, "data.py", krait_compiler::Mode::Exec)
        .unwrap_or_else(|err| panic!("the literal file does not compile:\n{err}"))
}

fn bench(c: &mut Criterion, source: &str) {
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(source.len() as u64));
    group.bench_function("lex", |b| b.iter(|| lex(black_box(source))));
    group.bench_function("lex+parse", |b| b.iter(|| parse(black_box(source))));
    group.finish();

    let literal = literal_source();
    let mut group = c.benchmark_group("compile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(literal.len() as u64));
    group.bench_function("literal 1.5 MB", |b| {
        b.iter(|| compile(black_box(&literal)))
    });
    group.finish();
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// krait's parse time against CPython's `ast.parse`, both in seconds.
fn compare(source: &str, path: &PathBuf) {
    const RUNS: usize = 7;
    drop(parse(source)); // warm up
    let krait = median(
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let tree = parse(black_box(source));
                let seconds = started.elapsed().as_secs_f64();
                drop(tree);
                seconds
            })
            .collect(),
    );

    let python = real_python();
    let program = format!(
        "import ast, sys, time\n\
         s = open(sys.argv[1], encoding='utf-8').read()\n\
         ast.parse(s)\n\
         times = []\n\
         for _ in range({RUNS}):\n\
         \x20   t = time.perf_counter(); ast.parse(s); times.append(time.perf_counter() - t)\n\
         print(sorted(times)[len(times) // 2])\n"
    );
    let output = Command::new(&python)
        .arg("-c")
        .arg(program)
        .arg(path)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {python}: {err}"));
    assert!(
        output.status.success(),
        "{python} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let cpython: f64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("python prints a number");

    let mb = source.len() as f64 / 1e6;
    if cfg!(debug_assertions) {
        println!("(unoptimized build: time with `cargo bench`, not `cargo test`)");
    }
    println!("file: {} ({mb:.2} MB)", path.display());
    println!(
        "krait   lex+parse: {:8.1} ms  {:6.1} MB/s",
        krait * 1e3,
        mb / krait
    );
    println!(
        "CPython ast.parse: {:8.1} ms  {:6.1} MB/s  ({python})",
        cpython * 1e3,
        mb / cpython
    );
    println!(
        "krait / CPython time: {:.2} (below 1: krait is faster)",
        krait / cpython
    );
}

/// The interpreter behind `python3` (which may be a slow shim).
fn real_python() -> String {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|p| !p.is_empty())
        .unwrap_or(python)
}

fn main() {
    let source = generated_source();
    let path = write_generated(&source);
    if std::env::var_os("KRAIT_BENCH_COMPARE").is_some_and(|v| v != "0") {
        compare(&source, &path);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &source);
    c.final_summary();
}
