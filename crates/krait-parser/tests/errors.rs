//! Syntax errors against CPython's: message, line and offset of each snippet
//! as python3 reports them (`compile(..., flags=ast.PyCF_ONLY_AST)`).

mod common;

use krait_parser::{Mode, parse};

/// Snippets whose message, line and offset must equal CPython's.
const EXACT: &[&str] = &[
    "match x:\n case {y: 1}: pass",
    "match x:\n case 1 as _: pass",
    "match x:\n case 1 as 2: pass",
    "match x:\n case *a: pass",
    "match *a:\n case 1: pass",
    "match x:\n case 1+1: pass",
    "match x:\n case 1j+1: pass",
    "match x:\n case -1-1: pass",
    "match x:\n case C(a=1, 2): pass",
    "match x:\n case {**r, 1: a}: pass",
    "match x:\n case (*a): pass",
    "match x:\n case {**_}: pass",
    "match x:\n  case 1:\n  pass",
    "match x:\npass",
    "match x:\n case a as b as c: pass",
    "f() = 1",
    "1 = x",
    "if x = 1: pass",
    "del 1",
    "del f()",
    "(a, b): int",
    "[a]: int",
    "f(): int",
    "a, b += 1",
    "f() += 1",
    "for 1 in x: pass",
    "with a as 1: pass",
    "[x for 1 in y]",
    "print \"hello\"",
    "print x",
    "f(a b)",
    "[a b c]",
    "a b",
    "f(x=1, y)",
    "f(**k, *a)",
    "f(**k, a)",
    "f(a for a in b, c)",
    "def f(a=1, b): pass",
    "x = (1 +",
    "if x\n    pass",
    "f(a.b=1)",
    "x = yield = 3",
    "(*a)",
    "del *a",
    "def f(*): pass",
    "def f(**k, a): pass",
    "def f(a, /, b, /): pass",
    "def f(/, a): pass",
    "lambda a=1, b: 0",
    "import a.b as c.d",
    "from x import a.b",
    "class C\n    pass",
    "while x\n  pass",
    "def f()\n  pass",
    "else: pass",
    "if x:\npass",
    "for x in y:\n# comment\n\nx = 1",
    "x = [1, 2\ny = 3",
    "f(1 2)",
    "x = 1 +",
    "x = )",
    "a = 1 = 2",
    "True = 1",
    "None = 1",
    "x = 5 6",
    "if x:",
    "class C:",
    "def f():\n    if x:",
    "x = 1\n    y = 2",
    "def f():\n    x = 1\n      y = 2\n",
    "try:\n    pass\nx = 1",
    "x = (1 2\ny = 3",
    "a b\ny = (",
];

fn cpython_error(src: &str) -> Option<(String, String, u32, u32)> {
    let code = "import sys\nsrc = sys.stdin.read()\ntry:\n    compile(src, 'x.py', 'exec', 0x400)\n    print('OK')\nexcept SyntaxError as e:\n    print(type(e).__name__); print(e.msg); print(e.lineno); print(e.offset)\n";
    let mut child = std::process::Command::new("python3")
        .args(["-c", code])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(src.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    if lines.first() == Some(&"OK") {
        return None;
    }
    Some((
        lines[0].into(),
        lines[1].into(),
        lines[2].parse().unwrap_or(0),
        lines[3].parse().unwrap_or(0),
    ))
}

#[test]
fn messages_lines_and_offsets_match_cpython() {
    if !common::python_available() {
        return;
    }
    let mut problems = Vec::new();
    for src in EXACT {
        let theirs = cpython_error(src).expect("CPython rejects every snippet");
        let ours = match parse(src, Mode::Exec, "x.py") {
            Ok(_) => {
                problems.push(format!("{src:?}: krait accepts; cpython {theirs:?}"));
                continue;
            }
            Err(e) => e,
        };
        let kind = match ours.kind {
            krait_parser::ErrorKind::SyntaxError => "SyntaxError",
            krait_parser::ErrorKind::IndentationError => "IndentationError",
            krait_parser::ErrorKind::TabError => "TabError",
        };
        let ours = (
            kind.to_string(),
            ours.message.clone(),
            ours.lineno,
            ours.offset,
        );
        if ours != theirs {
            problems.push(format!("{src:?}: krait {ours:?} vs cpython {theirs:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Soft keywords stay names where they do not start a statement, and the
/// 3.11 constructs parse (their misplacement is the compiler's error).
#[test]
fn soft_keywords_and_async_constructs_parse() {
    for ok in [
        "match = 1\n",
        "match(x)\n",
        "case = 2\n",
        "match.group(1)\n",
        "match x:\n    case 1: pass\n",
        "match x:\n    case case: match = case\n",
        "case: int = 1\nmatch: list = []\n",
        "async def f(): pass\n",
        "await x\n",
        "async def f():\n    async with a as b, c:\n        async for x in y:\n            await x\n",
        "async def f():\n    return [x async for x in y if await x]\n",
    ] {
        parse(ok, Mode::Exec, "x.py").expect(ok);
    }
}

#[test]
fn display_is_cpythons_layout() {
    let e = parse("x = 1\nif x\n    pass\n", Mode::Exec, "x.py").expect_err("missing colon");
    assert_eq!(
        e.to_string(),
        "  File \"x.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'"
    );
    let e = parse(
        "def connect(host='localhost', port):\n    pass\n",
        Mode::Exec,
        "f.py",
    )
    .expect_err("order");
    assert_eq!(
        e.to_string(),
        "  File \"f.py\", line 1\n    def connect(host='localhost', port):\n                                  ^^^^\nSyntaxError: non-default argument follows default argument"
    );
    let e = parse("def f():\n    x = 1\n      y = 2\n", Mode::Exec, "f.py").expect_err("indent");
    assert_eq!(
        e.to_string(),
        "  File \"f.py\", line 3\n    y = 2\nIndentationError: unexpected indent"
    );
}

#[test]
fn modes() {
    assert!(matches!(
        parse("1 + 2\n", Mode::Eval, "e"),
        Ok(krait_ast::Mod::Expression { .. })
    ));
    assert!(matches!(
        parse("x = 1\n", Mode::Single, "s"),
        Ok(krait_ast::Mod::Interactive { .. })
    ));
    assert!(parse("x = 1\n", Mode::Eval, "e").is_err());
}
