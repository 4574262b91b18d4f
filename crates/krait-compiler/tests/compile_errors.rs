//! The SyntaxErrors CPython's compiler (not its parser) reports: for
//! patterns (unreachable cases, repeated or mismatched capture names, bad
//! keys) and for `await`/`async` in the wrong place. Message, line and
//! offset of each snippet equal python3's `compile()`.

use std::io::Write;
use std::process::{Command, Stdio};

use krait_compiler::{Mode, compile};

const SNIPPETS: &[&str] = &[
    "match x:\n case [a, a]: pass",
    "match x:\n case a: pass\n case 1: pass",
    "match x:\n case _: pass\n case 1: pass",
    "match x:\n case a | 1: pass",
    "match x:\n case 1 | a: pass",
    "match x:\n case [a] | [b]: pass",
    "match x:\n case (a, b) | (a, c): pass",
    "match x:\n case {1: a, 1: b}: pass",
    "match x:\n case {'a': 1, 'a': 2}: pass",
    "match x:\n case C(a=1, a=2): pass",
    "match x:\n case [*a, *b]: pass",
    "match x:\n case __debug__: pass",
    "match x:\n case C(__debug__=1): pass",
    "match x:\n case {**__debug__}: pass",
    "match x:\n case f'a': pass",
    "match x:\n case 1:\n  pass\n case 2 | _: pass\n case 3: pass",
    "match x:\n case [a, (b | b)]: pass",
    "match x:\n case {1: a, **a}: pass",
    "match x:\n case (a as a): pass",
    "await x",
    "def f():\n    await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "def f():\n    return [x async for x in y]",
    "def f():\n    return [await x for x in y]",
    "async def f():\n    return lambda: await x",
    "class C:\n    await x",
    // Errors inside a nested unit of unreachable code (a class body, a
    // function after `raise`): reported, the unit left as it is.
    "raise\nclass A:\n    return 1",
    "raise\nfor n in x:\n    f(lambda: 1)\nclass A:\n    return 1",
    "def f():\n    return\n    class B:\n        yield 1",
    "while True:\n    pass\ndef g():\n    class C:\n        await x",
    "[await x for x in y]",
];

/// `(message, line, offset)` of CPython's error, `None` if it compiles.
fn cpython_error(src: &str) -> Option<(String, u32, u32)> {
    let code = "import sys\nsrc = sys.stdin.read()\ntry:\n    compile(src, 'x.py', 'exec')\n    print('OK')\nexcept SyntaxError as e:\n    print(e.msg); print(e.lineno); print(e.offset)\n";
    let mut child = Command::new("python3")
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(src.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    if lines.first() == Some(&"OK") || lines.len() < 3 {
        return None;
    }
    Some((
        lines[0].to_string(),
        lines[1].parse().ok()?,
        lines[2].parse().ok()?,
    ))
}

#[test]
fn compile_errors_match_cpython() {
    let python = Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|o| o.status.success()) {
        return;
    }
    let mut problems = Vec::new();
    for src in SNIPPETS {
        let theirs = cpython_error(src).expect("CPython rejects every snippet");
        let ours = match compile(src, "x.py", Mode::Exec) {
            Ok(_) => {
                problems.push(format!("{src:?}: krait accepts; cpython {theirs:?}"));
                continue;
            }
            Err(e) => (e.message.clone(), e.lineno, e.offset),
        };
        if ours != theirs {
            problems.push(format!("{src:?}: krait {ours:?} vs cpython {theirs:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
