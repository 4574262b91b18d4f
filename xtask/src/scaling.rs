//! `cargo xtask scaling [--runs N] [--no-build] [--timeout SECS] [FILTER]`:
//! how the cost of each operation grows with its size, krait against
//! CPython.
//!
//! A whole-program benchmark (`cargo xtask bench`) hides an operation that
//! is quadratic where CPython's is linear until a user's input is big
//! enough. Here every operation is a small Python program run at two
//! sizes, N and 4N, with the real python3 and with `target/release/krait
//! run`. The program times only the operation (`time.perf_counter` around
//! it, so start-up and setup do not count) and prints the time and a
//! result, which must be python3's. Each run is repeated N times (default
//! 3) and the fastest kept: noise only adds time.
//!
//! For each operation the table shows both times at both sizes and the
//! growth factors t(4N)/t(N): about 4 for linear work, 16 for quadratic.
//! An operation is flagged when krait's factor is more than twice
//! python3's and above 6, i.e. krait's cost grows a power faster. The
//! sizes are chosen so that python3 takes about 0.05-0.3 s at 4N; every
//! operation's work is proportional to N in CPython (or its own
//! complexity, noted in the table), so an O(1) step that became O(n)
//! shows as a factor of 16 against 4.
//!
//! It only measures: timings never make it fail. The exit status is
//! non-zero only when the harness itself cannot work (no python3, a failed
//! build, an operation python3 itself cannot run). `KRAIT_PYTHON` names
//! the python to compare with.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::conformance::{build_release, release_binary};
use crate::test::workspace_root;

const DEFAULT_RUNS: usize = 3;
const DEFAULT_TIMEOUT: f64 = 60.0;

/// krait's growth factor is flagged above this many times python3's...
const FLAG_RATIO: f64 = 2.0;
/// ... and above this (a linear operation measured badly stays below).
const FLAG_MIN: f64 = 6.0;

/// One operation: a program whose `timed` part is measured.
struct Op {
    name: &'static str,
    /// What is measured, in a few words.
    what: &'static str,
    /// The smaller size; the other is four times it.
    n: usize,
    /// Runs first, untimed, with `N` bound to the size.
    setup: &'static str,
    /// Module-level code that does the work and binds `out` to a result
    /// printed after the time (deterministic: no set order, no str hash).
    timed: &'static str,
}

const OPS: &[Op] = &[
    Op {
        name: "str_iadd_local",
        what: "s += 'x' on a function's local",
        n: 500_000,
        setup: "def build(n):
    s = ''
    for _ in range(n):
        s += 'x'
    return s",
        timed: "out = len(build(N))",
    },
    Op {
        name: "str_add_local",
        what: "s = s + t on a function's local",
        n: 500_000,
        setup: "def build(n):
    s = ''
    t = 'ab'
    for _ in range(n):
        s = s + t
    return s",
        timed: "out = len(build(N))",
    },
    Op {
        name: "str_iadd_pieces",
        what: "s += str(i) on a local, read back with s[-1]",
        n: 150_000,
        setup: "def build(n):
    s = ''
    last = 0
    for i in range(n):
        s += str(i % 97)
        if s[-1] == '7':
            last += 1
    return len(s), last",
        timed: "out = build(N)",
    },
    Op {
        name: "str_iadd_nonascii",
        what: "s += 'é' on a local, indexed after each append",
        n: 150_000,
        setup: "def build(n):
    s = 'π'
    hits = 0
    for i in range(n):
        s += 'é' if i % 3 else 'ab'
        if s[i // 2] == 'é':
            hits += 1
    return len(s), hits",
        timed: "out = build(N)",
    },
    Op {
        name: "str_iadd_module",
        what: "s += 'x' at module level (quadratic in CPython 3.11)",
        n: 25_000,
        setup: "s = ''",
        timed: "for _ in range(N):
    s += 'xy'
out = len(s)",
    },
    Op {
        name: "str_iadd_global",
        what: "global s; s += 'x' in a function (quadratic in CPython)",
        n: 25_000,
        setup: "g = ''
def build(n):
    global g
    for _ in range(n):
        g += 'xy'",
        timed: "build(N)
out = len(g)",
    },
    Op {
        name: "str_iadd_attr",
        what: "o.s += 'x' (quadratic in CPython)",
        n: 25_000,
        setup: "class O:
    pass
o = O()
o.s = ''
def build(o, n):
    for _ in range(n):
        o.s += 'xy'",
        timed: "build(o, N)
out = len(o.s)",
    },
    Op {
        name: "str_iadd_cell",
        what: "nonlocal s; s += 'x' (quadratic in CPython)",
        n: 25_000,
        setup: "def build(n):
    s = ''
    def add():
        nonlocal s
        for _ in range(n):
            s += 'xy'
    add()
    return s",
        timed: "out = len(build(N))",
    },
    Op {
        name: "bytes_iadd_local",
        what: "b += b'x' on a local (quadratic in CPython 3.11)",
        n: 15_000,
        setup: "def build(n):
    b = b''
    for _ in range(n):
        b += b'xy'
    return b",
        timed: "out = len(build(N))",
    },
    Op {
        name: "bytearray_iadd",
        what: "ba += b'x' on a bytearray",
        n: 500_000,
        setup: "def build(n):
    b = bytearray()
    for _ in range(n):
        b += b'xy'
    return b",
        timed: "out = len(build(N))",
    },
    Op {
        name: "str_join",
        what: "''.join of N pieces",
        n: 1_000_000,
        setup: "pieces = [str(i % 1000) for i in range(N)]",
        timed: "out = len(''.join(pieces)) + len(','.join(pieces))",
    },
    Op {
        name: "str_slice",
        what: "N short slices of a non-ASCII str of N characters",
        n: 300_000,
        setup: "s = ('aé' * N)[:N]",
        timed: "n = 0
for i in range(0, N - 8):
    n += len(s[i:i + 8])
out = n",
    },
    Op {
        name: "str_split_replace",
        what: "split and replace on a str of N words",
        n: 300_000,
        setup: "s = ' '.join(str(i % 50) for i in range(N))",
        timed: "out = len(s.split()) + len(s.replace('1', 'one'))",
    },
    Op {
        name: "list_slice",
        what: "N short slices of a list of N items, and a copy",
        n: 300_000,
        setup: "xs = list(range(N))",
        timed: "n = 0
for i in range(0, N - 8):
    n += len(xs[i:i + 8])
out = n + len(xs[::2])",
    },
    Op {
        name: "list_iadd",
        what: "xs += [i] on a local list",
        n: 500_000,
        setup: "def build(n):
    xs = []
    for i in range(n):
        xs += [i]
    return xs",
        timed: "out = len(build(N))",
    },
    Op {
        name: "list_append_pop",
        what: "xs.append(i) N times, then xs.pop() N times",
        n: 500_000,
        setup: "def run(n):
    xs = []
    for i in range(n):
        xs.append(i)
    t = 0
    while xs:
        t += xs.pop()
    return t",
        timed: "out = run(N)",
    },
    Op {
        name: "dict_grow",
        what: "d[k] = v for N int keys and N str keys",
        n: 200_000,
        setup: "keys = [str(i) for i in range(N)]",
        timed: "d = {}
for i in range(N):
    d[i] = i
e = {}
for k in keys:
    e[k] = k
out = len(d) + len(e)",
    },
    Op {
        name: "dict_churn",
        what: "insert and delete N keys through a dict of 1000",
        n: 200_000,
        setup: "d = {i: i for i in range(1000)}",
        timed: "for i in range(1000, N + 1000):
    d[i] = i
    del d[i - 1000]
out = len(d)",
    },
    Op {
        name: "dict_fifo",
        what: "a FIFO dict: insert one key, delete the first (next(iter(d)))",
        n: 200_000,
        setup: "d = {i: i for i in range(1000)}",
        timed: "for i in range(1000, N + 1000):
    d[i] = i
    del d[next(iter(d))]
out = len(d), next(iter(d))",
    },
    Op {
        name: "dict_refill",
        what: "fill a dict with N keys, delete them all, again, 3 times",
        n: 100_000,
        setup: "d = {}",
        timed: "for r in range(3):
    for i in range(N):
        d[i * 3 + r] = r
    for i in range(N):
        del d[i * 3 + r]
d[0] = 0
out = len(d), list(d)",
    },
    Op {
        name: "dict_in",
        what: "N lookups (`in`) in a dict of N keys",
        n: 300_000,
        setup: "d = dict.fromkeys(range(0, 2 * N, 2))",
        timed: "n = 0
for i in range(N):
    if i in d:
        n += 1
out = n",
    },
    Op {
        name: "set_in",
        what: "N lookups (`in`) in a set of N keys",
        n: 300_000,
        setup: "s = set(range(0, 2 * N, 2))",
        timed: "n = 0
for i in range(N):
    if i in s:
        n += 1
out = n",
    },
    Op {
        name: "set_algebra",
        what: "a & b, a | b, a - b, a ^ b of two N-element sets",
        n: 200_000,
        setup: "a = set(range(N))
b = set(range(N // 2, N + N // 2))",
        timed: "i = a & b
u = a | b
d = a - b
x = a ^ b
out = len(i), len(u), len(d), len(x)",
    },
    Op {
        name: "set_churn",
        what: "add and discard N keys through a set of 1000",
        n: 300_000,
        setup: "s = set(range(1000))",
        timed: "for i in range(1000, N + 1000):
    s.add(i)
    s.discard(i - 1000)
out = len(s)",
    },
    Op {
        name: "early_exit",
        what: "N comparisons of N/100 items decided at the first: set <=, isdisjoint(list), list ==, dict ==",
        n: 100_000,
        setup: "m = N // 100
a = set(range(m))
b = set(range(1, m + 1))
xs = list(range(m))
ys = [-1] + xs[1:]
da = dict.fromkeys(a)
db = dict.fromkeys(b)",
        timed: "n = 0
for _ in range(N):
    n += (a <= b) + a.isdisjoint(xs) + (xs == ys) + (da == db)
out = n",
    },
    Op {
        name: "sort",
        what: "sorted() of N ints and of N strs (n log n)",
        n: 100_000,
        setup: "xs = [(i * 7919) % 1000003 for i in range(N)]
ss = [str(x) for x in xs]",
        timed: "a = sorted(xs)
b = sorted(ss)
out = a[N // 2], b[N // 2]",
    },
    Op {
        name: "deque",
        what: "deque append/popleft and appendleft/pop, N each",
        n: 300_000,
        setup: "from collections import deque
q = deque()",
        timed: "for i in range(N):
    q.append(i)
t = 0
while q:
    t += q.popleft()
for i in range(N):
    q.appendleft(i)
while q:
    t += q.pop()
out = t",
    },
    Op {
        name: "ordereddict_lru",
        what: "an LRU cache on OrderedDict: move_to_end, popitem(last=False)",
        n: 100_000,
        setup: "from collections import OrderedDict
cache = OrderedDict()",
        timed: "hits = 0
for i in range(N):
    k = i % 500 if i % 2 else (i * 7919) % 3000
    if k in cache:
        hits += 1
        cache.move_to_end(k)
    else:
        cache[k] = i
        if len(cache) > 1000:
            cache.popitem(last=False)
out = hits, len(cache)",
    },
    Op {
        name: "ordereddict_front",
        what: "OrderedDict of N: N moves to the front, N popitem() from either end",
        n: 50_000,
        setup: "from collections import OrderedDict
od = OrderedDict.fromkeys(range(N))",
        timed: "for i in range(N):
    od.move_to_end((i * 7919) % N, last=False)
t = 0
for i in range(N):
    k, _ = od.popitem(last=i % 2 == 0)
    t += k * (i % 7)
out = t",
    },
    Op {
        name: "dict_reversed",
        what: "the first item of reversed() of a dict of N (and of its items), N times",
        n: 20_000,
        setup: "d = dict.fromkeys(range(N), 1)",
        timed: "t = 0
for i in range(N):
    t += next(reversed(d)) + next(reversed(d.items()))[1]
out = t",
    },
    Op {
        name: "frozenset_key",
        what: "a frozenset of N as a dict key, looked up N times",
        n: 20_000,
        setup: "key = frozenset(range(N))
d = {key: 1}",
        timed: "t = 0
for i in range(N):
    t += d[key] + (key in d)
out = t",
    },
];

struct Options {
    runs: usize,
    build: bool,
    timeout: Duration,
    filter: String,
}

pub fn run(args: &[String]) -> ExitCode {
    let mut opts = Options {
        runs: DEFAULT_RUNS,
        build: true,
        timeout: Duration::from_secs_f64(DEFAULT_TIMEOUT),
        filter: String::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => opts.runs = n,
                _ => return usage(),
            },
            "--timeout" => match it.next().and_then(|n| n.parse::<f64>().ok()) {
                Some(s) if s > 0.0 => opts.timeout = Duration::from_secs_f64(s),
                _ => return usage(),
            },
            "--no-build" => opts.build = false,
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => return usage(),
            s if opts.filter.is_empty() => opts.filter = s.to_string(),
            _ => return usage(),
        }
    }
    match scaling(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scaling: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask scaling [--runs N] [--no-build] [--timeout SECS] [FILTER]");
    ExitCode::from(2)
}

/// The best time of one interpreter at one size, or why there is none.
#[derive(Clone)]
enum Timing {
    Took(f64),
    TimedOut,
    Failed(String),
}

struct Row {
    op: &'static Op,
    python: [f64; 2],
    krait: [Timing; 2],
    /// krait printed another result than python3 (the first difference).
    wrong: Option<String>,
}

fn scaling(opts: &Options) -> Result<(), String> {
    let root = workspace_root();
    let python = real_python()?;
    if opts.build && !build_release(&root) {
        return Err("the release build failed".into());
    }
    let krait = release_binary(&root);
    if !krait.exists() {
        return Err(format!("{} does not exist", krait.display()));
    }
    let scratch = root.join("target/xtask-scaling");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let ops: Vec<&Op> = OPS
        .iter()
        .filter(|op| op.name.contains(&opts.filter))
        .collect();
    if ops.is_empty() {
        return Err(format!("no operation matches {:?}", opts.filter));
    }
    eprintln!(
        "scaling: {} operation(s) at N and 4N, best of {} run(s); python3 = {python}, krait = {}",
        ops.len(),
        opts.runs,
        krait.display()
    );
    let python = vec![python];
    let krait = vec![krait.display().to_string(), "run".into()];
    let mut rows = Vec::new();
    for op in ops {
        eprint!("  {:<20}", op.name);
        let row = measure_op(op, &python, &krait, opts, &scratch)?;
        eprintln!(
            "python3 x{:<6.1} krait {}",
            growth(row.python[0], row.python[1]),
            match &row.krait {
                [Timing::Took(a), Timing::Took(b)] => format!("x{:.1}", growth(*a, *b)),
                [_, Timing::TimedOut] | [Timing::TimedOut, _] => "timed out".into(),
                [Timing::Failed(why), _] | [_, Timing::Failed(why)] => format!("FAILED: {why}"),
            }
        );
        rows.push(row);
    }
    print_table(&rows, opts);
    Ok(())
}

/// The python executable behind `python3`, as `cargo xtask bench` finds
/// it (a pyenv shim costs tens of milliseconds per start).
fn real_python() -> Result<String, String> {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || path.is_empty() {
        return Err(format!("{python} does not report its executable"));
    }
    Ok(path)
}

/// The program for `op` at size `n`: it prints `#elapsed SECONDS`, then
/// the result.
fn program(op: &Op, n: usize) -> String {
    format!(
        "import time\nN = {n}\n{}\n_t0 = time.perf_counter()\n{}\n_t1 = time.perf_counter()\n\
         print('#elapsed', _t1 - _t0)\nprint(out)\n",
        op.setup, op.timed
    )
}

/// What one run printed: the time it measured and its result.
struct Printed {
    elapsed: f64,
    result: String,
}

/// Runs `cmd program` once, killed after `timeout`. `Ok(None)` when it
/// timed out.
fn run_once(
    cmd: &[String],
    program: &Path,
    cwd: &Path,
    timeout: Duration,
) -> Result<Option<Printed>, String> {
    let out_path = program.with_extension("stdout");
    let err_path = program.with_extension("stderr");
    let files = |p: &PathBuf| std::fs::File::create(p).map_err(|e| e.to_string());
    let mut child = Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg(program)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(files(&out_path)?)
        .stderr(files(&err_path)?)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", cmd[0]))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    if !status.success() {
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        return Err(format!(
            "{status}: {}",
            last.unwrap_or("").chars().take(100).collect::<String>()
        ));
    }
    let (elapsed, result) = stdout
        .split_once('\n')
        .and_then(|(first, rest)| {
            let secs = first.strip_prefix("#elapsed ")?.trim().parse().ok()?;
            Some((secs, rest.to_string()))
        })
        .ok_or_else(|| format!("no '#elapsed' line in its output: {stdout:.100}"))?;
    Ok(Some(Printed { elapsed, result }))
}

/// Both sizes, python3 and krait alternately, `runs` times each; the
/// fastest run of each counts.
fn measure_op(
    op: &'static Op,
    python: &[String],
    krait: &[String],
    opts: &Options,
    scratch: &Path,
) -> Result<Row, String> {
    let mut row = Row {
        op,
        python: [f64::INFINITY; 2],
        krait: [Timing::Took(f64::INFINITY), Timing::Took(f64::INFINITY)],
        wrong: None,
    };
    for (i, n) in [op.n, 4 * op.n].into_iter().enumerate() {
        let file = scratch.join(format!("{}_{n}.py", op.name));
        std::fs::write(&file, program(op, n))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        // What failed or timed out at N would at 4N too: not run again.
        if i == 1 && !matches!(row.krait[0], Timing::Took(_)) {
            row.krait[1] = row.krait[0].clone();
        }
        for _ in 0..opts.runs {
            let py = match run_once(python, &file, scratch, opts.timeout) {
                Ok(Some(printed)) => printed,
                Ok(None) => return Err(format!("{}: python3 itself timed out", op.name)),
                Err(why) => return Err(format!("{}: python3 itself fails: {why}", op.name)),
            };
            row.python[i] = row.python[i].min(py.elapsed);
            let Timing::Took(best) = row.krait[i] else {
                continue;
            };
            row.krait[i] = match run_once(krait, &file, scratch, opts.timeout) {
                Ok(Some(kr)) => {
                    if kr.result != py.result && row.wrong.is_none() {
                        row.wrong = Some(format!(
                            "krait {:?}, python3 {:?}",
                            kr.result.trim(),
                            py.result.trim()
                        ));
                    }
                    Timing::Took(best.min(kr.elapsed))
                }
                Ok(None) => Timing::TimedOut,
                Err(why) => Timing::Failed(why),
            };
        }
    }
    Ok(row)
}

fn growth(small: f64, large: f64) -> f64 {
    large / small.max(1e-9)
}

fn ms(secs: f64) -> f64 {
    secs * 1000.0
}

fn print_table(rows: &[Row], opts: &Options) {
    println!(
        "\n{:<20} {:>9} {:>10} {:>10} {:>6} {:>10} {:>10} {:>6} {:>7}  verdict",
        "operation", "N", "py N ms", "py 4N ms", "py x", "kr N ms", "kr 4N ms", "kr x", "kr/py"
    );
    let mut flagged = Vec::new();
    for row in rows {
        let py_growth = growth(row.python[0], row.python[1]);
        let start = format!(
            "{:<20} {:>9} {:>10.1} {:>10.1} {:>6.1}",
            row.op.name,
            row.op.n,
            ms(row.python[0]),
            ms(row.python[1]),
            py_growth
        );
        let krait = |t: &Timing| match t {
            Timing::Took(s) => format!("{:.1}", ms(*s)),
            Timing::TimedOut => format!(">{:.0}s", opts.timeout.as_secs_f64()),
            Timing::Failed(_) => "-".into(),
        };
        let (growth_text, ratio, verdict) = match &row.krait {
            [Timing::Took(a), Timing::Took(b)] => {
                let g = growth(*a, *b);
                let verdict = if g > FLAG_RATIO * py_growth && g > FLAG_MIN {
                    flagged.push(row.op.name);
                    "GROWS FASTER"
                } else {
                    "ok"
                };
                (
                    format!("{g:.1}"),
                    format!("{:.2}", b / row.python[1]),
                    verdict.to_string(),
                )
            }
            [_, Timing::TimedOut] | [Timing::TimedOut, _] => {
                flagged.push(row.op.name);
                ("-".into(), "-".into(), "TIMED OUT".into())
            }
            [Timing::Failed(why), _] | [_, Timing::Failed(why)] => {
                ("-".into(), "-".into(), format!("FAILED: {why}"))
            }
        };
        let verdict = match &row.wrong {
            Some(diff) => format!("{verdict}, WRONG RESULT ({diff})"),
            None => verdict,
        };
        println!(
            "{start} {:>10} {:>10} {:>6} {:>7}  {verdict}",
            krait(&row.krait[0]),
            krait(&row.krait[1]),
            growth_text,
            ratio
        );
    }
    println!(
        "(best of {} run(s); x = t(4N)/t(N): ~4 linear, ~16 quadratic; flagged when krait's \
         is over {FLAG_RATIO}x python3's and over {FLAG_MIN})",
        opts.runs
    );
    println!("what each operation does:");
    for row in rows {
        println!("  {:<20} {}", row.op.name, row.op.what);
    }
    if flagged.is_empty() {
        println!("no operation grows faster on krait than on python3");
    } else {
        println!(
            "{} operation(s) grow faster on krait: {}",
            flagged.len(),
            flagged.join(", ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_have_unique_names_and_a_result() {
        let mut names: Vec<&str> = OPS.iter().map(|op| op.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), OPS.len());
        for op in OPS {
            assert!(op.timed.contains("out = "), "{} binds no `out`", op.name);
            assert!(program(op, 10).contains("N = 10\n"));
        }
    }
}
