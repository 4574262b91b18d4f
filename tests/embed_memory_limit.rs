//! The memory limit (issue 17): every memory bomb stops under its limit
//! with `Error::Limit { limit: Limit::Memory }`, no `except` keeps the
//! program going, the interpreter stays usable, and the process's peak
//! memory stays bounded. Its own test binary: it installs the counting
//! allocator, and the peak it measures is its own tests'.

use krait::embed::Interpreter;
use krait::{Error, Limit};

#[global_allocator]
static ALLOCATOR: krait::memory::Accounting = krait::memory::Accounting(std::alloc::System);

const LIMIT: usize = 32 << 20;

fn limited() -> Interpreter {
    let mut python = Interpreter::new();
    python.set_memory_limit(Some(LIMIT)).unwrap();
    python
}

fn assert_memory_limit(result: Result<(), Error>, program: &str) {
    match result {
        Err(Error::Limit {
            limit: Limit::Memory,
            detail,
        }) => assert_eq!(detail, "memory limit of 32 MiB exceeded", "{program}"),
        other => panic!("{program}: expected the memory limit, got {other:?}"),
    }
}

/// Peak resident memory of this process in KB, from /proc (Linux).
fn peak_resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

const BOMBS: &[&str] = &[
    "x = 'x' * 10**12",
    "x = b'x' * 10**12",
    "x = [0] * 10**10",
    "x = [None] * 10**10",
    "x = (1, 2) * 10**10",
    "x = bytearray(10**12)",
    "x = 2 ** 10**10",
    "x = 1 << 10**10",
    "x = 'a'.ljust(10**11)",
    "x = f'{1:{10**11}}'",
    "x = (1).to_bytes(10**11, 'big')",
    "x = list(range(10**10))",
    "x = [i for i in range(10**10)]",
    "x = {i: i for i in range(10**10)}",
    "x = set(range(10**10))",
    "x = []\nwhile True:\n    x.append('abc' * 10)",
    "x = 'ab'\nwhile True:\n    x += x",
    "x = [[]]\nwhile True:\n    x = [x, x, x, [1] * 100]",
    "x = 10\nwhile True:\n    x = x * x",
    // Straight-line code: no jump back or call between the doublings.
    "s = 'a' * 100_000\nx = s.replace('a', s)",
    "s = b'a' * 100_000\nx = s.replace(b'a', s)",
    "x = 'a' * 10**6\nx = x + x\nx = x + x\nx = x + x\nx = x + x\nx = x + x\nx = x + x\nx = x + x",
    "x = 'a' * 10**6\nx += x\nx += x\nx += x\nx += x\nx += x\nx += x\nx += x",
    "x = [0] * 10**6\nx = x + x\nx = x + x\nx = x + x\nx = x + x",
    "s = 'a' * 10**6\nx = ''.join([s] * 3000)",
    "s = 'a' * 10**6\nx = f'{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}'",
];

#[test]
fn each_memory_bomb_stops_under_its_limit() {
    for bomb in BOMBS {
        let mut python = limited();
        let before = python.memory_used();
        assert_memory_limit(python.exec(bomb), bomb);
        // Usable afterwards: the next run has the room the bomb's
        // garbage left once freed.
        python.exec("del x").ok();
        let after = python.eval::<i64>("len('x' * 1000)");
        assert_eq!(
            after.unwrap_or_else(|e| panic!("{bomb}: {e:?} ({} bytes used)", python.memory_used())),
            1000
        );
        assert!(python.memory_used() < before + LIMIT, "{bomb}");
    }
    // Each bomb's program alone would take gigabytes to terabytes; the
    // process stays within a small multiple of the limit (a hash table or
    // a string doubling at once may pass it by one growth).
    if let Some(peak) = peak_resident_kb() {
        assert!(peak < 400 * 1024, "peak resident memory {peak} KB");
    }
}

#[test]
fn no_handler_keeps_the_program_going() {
    for handler in ["MemoryError", "BaseException", "Exception"] {
        let program = format!(
            "caught = 0\nwhile True:\n    try:\n        x = 'x' * 10**10\n    except {handler}:\n        caught += 1\n"
        );
        let mut python = limited();
        assert_memory_limit(python.exec(&program), &program);
        // The handler ran at most once: the limit stops the next instruction.
        assert!(python.get::<i64>("caught").unwrap() <= 1);
        // A handler may run its straight-line code (the limits are polled
        // at jumps back and calls), but the run still ends with the limit.
        let program = format!(
            "try:\n    x = [0] * 10**10\nexcept {handler}:\n    pass\nfinally:\n    ran = True\nafter = 1\n"
        );
        let mut python = limited();
        assert_memory_limit(python.exec(&program), &program);
    }
}

#[test]
fn the_limit_counts_what_earlier_runs_keep() {
    let mut python = limited();
    python.exec("kept = []").unwrap();
    let mut runs = 0;
    let result = loop {
        runs += 1;
        let result = python.exec("kept.append('k' * 1_000_000)");
        if result.is_err() || runs > 100 {
            break result;
        }
    };
    assert_memory_limit(result, "appending a megabyte a run");
    assert!((25..=40).contains(&runs), "stopped after {runs} runs");
    // Letting go of the data makes room again.
    python.set_memory_limit(None).unwrap();
    python.exec("kept.clear()").unwrap();
    python.set_memory_limit(Some(LIMIT)).unwrap();
    python.exec("more = 'm' * 1_000_000").unwrap();
}

/// Values handed back to the host are let go inside the run: taking a
/// megabyte string a hundred times holds no memory.
#[test]
fn values_returned_to_the_host_are_not_held_against_the_limit() {
    let mut python = limited();
    python
        .exec("def big():\n    return 'y' * 1_000_000")
        .unwrap();
    let before = python.memory_used();
    for _ in 0..100 {
        let text: String = python.eval("'x' * 1_000_000").unwrap();
        assert_eq!(text.len(), 1_000_000);
        let text: String = python.call("big", ()).unwrap();
        assert_eq!(text.len(), 1_000_000);
    }
    assert!(
        python.memory_used() < before + (1 << 20),
        "{} bytes held",
        python.memory_used()
    );
}

#[test]
fn programs_under_the_limit_run_as_without_it() {
    let program = "data = [str(i) * 10 for i in range(10_000)]\ntotal = sum(len(s) for s in data)";
    let mut python = limited();
    python.exec(program).unwrap();
    let with_limit: i64 = python.get("total").unwrap();
    let mut python = Interpreter::new();
    python.exec(program).unwrap();
    assert_eq!(with_limit, python.get::<i64>("total").unwrap());
    assert!(krait::memory::is_counting());
}

/// A dropped interpreter leaves nothing behind: its namespace (every
/// function and its globals are a cycle), classes, instances in cycles,
/// generators suspended in handlers. Counted by the allocator, so no
/// collection that a later interpreter would run is needed.
/// The bytes still in use after 20 interpreters ran `program` and were
/// dropped.
fn left_by_20_dropped_interpreters(program: &str) -> isize {
    let run = || {
        let mut python = Interpreter::new();
        python.exec(program).unwrap();
    };
    // The thread's own caches (type lookups, interned names) fill once.
    run();
    run();
    let before = krait::memory::in_use();
    for _ in 0..20 {
        run();
    }
    krait::memory::in_use() - before
}

#[test]
fn a_dropped_interpreter_frees_its_cycles() {
    const PROGRAM: &str = "\
class Node:
    def __init__(self):
        self.me = self
        self.data = list(range(1000))
def g():
    try:
        raise KeyError('inner')
    except KeyError:
        yield 1
        yield 2
nodes = [Node() for _ in range(50)]
suspended = g()
next(suspended)
def f():
    return f
";
    let grown = left_by_20_dropped_interpreters(PROGRAM);
    // Each run makes ~450 KB of lists alone.
    assert!(
        grown < 64 << 10,
        "20 dropped interpreters left {grown} bytes"
    );
}

#[test]
fn a_dropped_interpreter_frees_its_classes_and_modules() {
    // Every class statement of these modules is a cycle (a method's
    // globals, a `super()` cell, `A.me = A`, a tuple of classes);
    // `types.coroutine` replaces a function's code, `__class__`
    // assignment an instance's class.
    const PROGRAM: &str = "\
import abc, asyncio, collections, contextlib, dataclasses, enum, functools, json, re, typing
class Selfish:
    pass
Selfish.me = Selfish
class Meta(type):
    def __new__(meta, *args):
        return super().__new__(meta, *args)
class A(metaclass=Meta):
    def method(self):
        return self
class B(A):
    pass
a = A()
a.__class__ = B
a.method().method()
def f():
    return 1
f.__code__ = (lambda: 2).__code__
";
    let grown = left_by_20_dropped_interpreters(PROGRAM);
    // Each run makes ~2 MB of classes, functions and modules.
    assert!(
        grown < 64 << 10,
        "20 dropped interpreters left {grown} bytes"
    );
}
