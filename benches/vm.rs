//! Micro-benchmarks of the VM's hot paths: one Python operation per loop
//! iteration, reported per iteration (criterion's "elements").
//!
//!     cargo bench --bench vm                          # criterion, all snippets
//!     cargo bench --bench vm -- call                  # only names containing "call"
//!     KRAIT_BENCH_COMPARE=1 cargo bench --bench vm    # krait vs CPython, per iteration
//!
//! Every snippet defines `run(n)`, a function whose loop runs `n` times and
//! does exactly one hot operation per iteration (plus the loop itself, which
//! the `loop` snippet measures alone, so it can be subtracted). The harness
//! appends `result = run(N)`, compiles the module once, and times
//! `Vm::run_code` on a fresh `Vm` (building the `Vm` and cloning the code
//! object are not timed). Before timing, each snippet is run once and
//! `repr(result)` is checked against the value python3 gives.
//!
//! Comparing with CPython by hand: take a snippet's source as the setup and
//! time the call, with the real interpreter rather than a pyenv shim:
//!
//!     PY=$(python3 -c 'import sys; print(sys.executable)')
//!     $PY -m timeit -s 'def f(x):
//!         return x
//!     def run(n):
//!         for i in range(n):
//!             x = f(i)
//!         return x' 'run(100000)'
//!
//! and divide the time per loop by N (here 100000). `KRAIT_BENCH_COMPARE=1`
//! does this for every snippet: it times krait's `run_code` and CPython's
//! `exec` of the same module (fresh globals each run, median of several
//! runs, interpreter start-up not counted), checks that both give the
//! expected `result`, and prints the time per iteration and the ratio. It
//! runs `python3` (or `$KRAIT_PYTHON`) resolved to `sys.executable`.

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, black_box};
use krait_bytecode::CodeObject;
use krait_vm::{Value, Vm};

/// One micro-benchmark.
struct Snippet {
    name: &'static str,
    /// Iterations of the hot loop (`run(n)`'s argument).
    n: u64,
    /// Module source defining `run(n)`.
    source: &'static str,
    /// `repr(result)` under python3 3.11.
    expected: &'static str,
}

const SNIPPETS: &[Snippet] = &[
    Snippet {
        name: "loop",
        n: 100_000,
        source: "\
def run(n):
    for i in range(n):
        pass
    return i
",
        expected: "99999",
    },
    Snippet {
        name: "call",
        n: 100_000,
        source: "\
def f(x):
    return x

def run(n):
    for i in range(n):
        x = f(i)
    return x
",
        expected: "99999",
    },
    Snippet {
        name: "method_call",
        n: 100_000,
        source: "\
class C:
    def m(self, x):
        return x

def run(n):
    o = C()
    for i in range(n):
        x = o.m(i)
    return x
",
        expected: "99999",
    },
    Snippet {
        name: "attr_load",
        n: 100_000,
        source: "\
class P:
    def __init__(self):
        self.x = 7

def run(n):
    o = P()
    for i in range(n):
        x = o.x
    return x
",
        expected: "7",
    },
    Snippet {
        name: "global_load",
        n: 100_000,
        source: "\
G = 7

def run(n):
    for i in range(n):
        x = G
    return x
",
        expected: "7",
    },
    Snippet {
        name: "int_add",
        n: 100_000,
        source: "\
def run(n):
    t = 0
    for i in range(n):
        t += i
    return t
",
        expected: "4999950000",
    },
    Snippet {
        name: "float_mul_add",
        n: 100_000,
        source: "\
def run(n):
    x = 0.0
    for i in range(n):
        x = x * 0.9999 + 1.0
    return x
",
        expected: "9999.546227661463",
    },
    Snippet {
        name: "dict_get",
        n: 100_000,
        source: "\
def run(n):
    d = {f'k{j}': j for j in range(100)}
    k = 'k42'
    for i in range(n):
        x = d[k]
    return x
",
        expected: "42",
    },
    Snippet {
        name: "dict_set",
        n: 100_000,
        source: "\
def run(n):
    d = {f'k{j}': j for j in range(100)}
    k = 'k42'
    for i in range(n):
        d[k] = i
    return d[k]
",
        expected: "99999",
    },
    Snippet {
        name: "list_index",
        n: 100_000,
        source: "\
def run(n):
    xs = list(range(100))
    j = 42
    for i in range(n):
        x = xs[j]
    return x
",
        expected: "42",
    },
    Snippet {
        name: "list_iter",
        n: 100_000,
        source: "\
def run(n):
    xs = list(range(1000))
    for _ in range(n // 1000):
        for x in xs:
            pass
    return x
",
        expected: "999",
    },
    Snippet {
        name: "generator",
        n: 100_000,
        source: "\
def gen(n):
    for i in range(n):
        yield i

def run(n):
    for x in gen(n):
        pass
    return x
",
        expected: "99999",
    },
    Snippet {
        name: "str_method",
        n: 100_000,
        source: "\
def run(n):
    s = 'hello world'
    for i in range(n):
        x = s.upper()
    return x
",
        expected: "'HELLO WORLD'",
    },
    Snippet {
        name: "list_comprehension",
        n: 100_000,
        source: "\
def run(n):
    ys = [x for x in range(n)]
    return len(ys)
",
        expected: "100000",
    },
];

impl Snippet {
    /// The whole module: the snippet and the call that runs it.
    fn module(&self) -> String {
        format!("{}\nresult = run({})\n", self.source, self.n)
    }

    fn compile(&self) -> CodeObject {
        krait_compiler::compile(&self.module(), "<bench>", krait_compiler::Mode::Exec)
            .unwrap_or_else(|err| panic!("snippet {} does not compile:\n{err}", self.name))
    }

    /// Runs the snippet once on a fresh VM and checks `repr(result)`.
    fn check(&self, code: &CodeObject) {
        let mut vm = Vm::new();
        if let Err(err) = vm.run_code(code.clone()) {
            panic!("snippet {} raised {err:?}", self.name);
        }
        let result = vm
            .globals()
            .as_dict_or_subclass()
            .expect("globals are a dict")
            .get_item(&Value::str("result"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("snippet {} set no `result`", self.name));
        let repr = vm
            .repr(&result)
            .unwrap_or_else(|err| panic!("repr of {}'s result raised {err:?}", self.name));
        assert_eq!(
            repr, self.expected,
            "snippet {}: krait's result differs from python3's",
            self.name
        );
    }
}

fn bench(c: &mut Criterion, compiled: &[(&Snippet, CodeObject)]) {
    let mut group = c.benchmark_group("vm");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (snippet, code) in compiled {
        group.throughput(Throughput::Elements(snippet.n));
        group.bench_function(snippet.name, |b| {
            b.iter_batched(
                || (Vm::new(), code.clone()),
                |(mut vm, code)| {
                    let outcome = vm.run_code(code);
                    // Returned, so that tearing the VM down is not timed.
                    (vm, black_box(outcome))
                },
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Timed runs per snippet in the comparison (after one warm-up run).
const RUNS: usize = 9;

/// krait's median time for one run of the module, in seconds.
fn time_krait(code: &CodeObject) -> f64 {
    let mut times = Vec::with_capacity(RUNS);
    for run in 0..=RUNS {
        let mut vm = Vm::new();
        let code = code.clone();
        let started = Instant::now();
        let outcome = vm.run_code(code);
        let seconds = started.elapsed().as_secs_f64();
        black_box(outcome).expect("the snippet ran when checked");
        drop(vm);
        if run > 0 {
            times.push(seconds);
        }
    }
    median(times)
}

/// CPython's median time for one `exec` of the module, in seconds, after
/// checking that it gives the same `result`.
fn time_cpython(python: &str, snippet: &Snippet) -> f64 {
    let program = format!(
        "import sys, time\n\
         code = compile(sys.argv[1], '<bench>', 'exec')\n\
         times = []\n\
         for _ in range({runs}):\n\
         \x20   g = {{'__name__': '__main__'}}\n\
         \x20   t = time.perf_counter(); exec(code, g); times.append(time.perf_counter() - t)\n\
         times = sorted(times[1:])\n\
         print(repr(g['result']))\n\
         print(times[len(times) // 2])\n",
        runs = RUNS + 1
    );
    let output = Command::new(python)
        .arg("-c")
        .arg(program)
        .arg(snippet.module())
        .output()
        .unwrap_or_else(|err| panic!("cannot run {python}: {err}"));
    assert!(
        output.status.success(),
        "{python} failed on {}: {}",
        snippet.name,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    let result = lines.next().unwrap_or_default();
    assert_eq!(
        result, snippet.expected,
        "snippet {}: python3's result is not the expected one",
        snippet.name
    );
    lines
        .next()
        .and_then(|line| line.trim().parse().ok())
        .expect("python prints a time")
}

fn compare(compiled: &[(&Snippet, CodeObject)]) {
    let python = real_python();
    if cfg!(debug_assertions) {
        println!("(unoptimized build: time with `cargo bench`, not `cargo test`)");
    }
    println!("CPython: {python}; median of {RUNS} runs; ns per loop iteration");
    println!(
        "{:<20} {:>10} {:>10} {:>14}",
        "snippet", "krait", "CPython", "krait/CPython"
    );
    for (snippet, code) in compiled {
        let n = snippet.n as f64;
        let krait = time_krait(code) / n * 1e9;
        let cpython = time_cpython(&python, snippet) / n * 1e9;
        println!(
            "{:<20} {krait:>10.1} {cpython:>10.1} {:>14.2}",
            snippet.name,
            krait / cpython
        );
    }
    println!("(ratio below 1: krait is faster; `loop` is the bare loop, included in every row)");
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
    let compiled: Vec<(&Snippet, CodeObject)> = SNIPPETS
        .iter()
        .map(|snippet| {
            let code = snippet.compile();
            snippet.check(&code);
            (snippet, code)
        })
        .collect();
    if std::env::var_os("KRAIT_BENCH_COMPARE").is_some_and(|v| v != "0") {
        compare(&compiled);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &compiled);
    c.final_summary();
}
