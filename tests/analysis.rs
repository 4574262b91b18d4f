//! Golden tests of `krait trace` and `krait coverage`: each
//! `tests/analysis/*.py` starts with a comment giving the command
//! (`# krait trace --calls`), run in that folder on the file; its stdout,
//! with the folder's path left out, must be the `.out` file beside it.
//! These outputs are krait's own formats: each was checked by hand when
//! it was written (coverage figures also against coverage.py, see the
//! files' comments).

use std::path::Path;
use std::process::Command;

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

#[test]
fn analysis_outputs_match_their_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    let mut failures = Vec::new();
    for program in &programs {
        let source = std::fs::read_to_string(program).unwrap();
        let command = source
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# krait "))
            .unwrap_or_else(|| panic!("{} has no `# krait ...` line", program.display()));
        let name = program.file_name().unwrap().to_str().unwrap();
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push(name);
        let output = Command::new(KRAIT)
            .args(&args)
            .current_dir(&dir)
            .output()
            .unwrap();
        let folder = format!("{}/", dir.display());
        let stdout = String::from_utf8_lossy(&output.stdout).replace(&folder, "");
        let expected = std::fs::read_to_string(program.with_extension("out")).unwrap_or_default();
        if stdout != expected || !output.status.success() {
            failures.push(format!(
                "{name} (krait {}): exit {:?}\n--- expected\n{expected}--- got\n{stdout}--- stderr\n{}",
                args.join(" "),
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `krait coverage` against coverage.py: each folder of
/// `tests/analysis/coverage/` has a program (`main.py`, and what it
/// imports) and what coverage.py 7 reported for it (`expected.txt`, the
/// `report -m` table; `expected.json`, the facts of its JSON report), made
/// by `regenerate.sh` there. krait's table and JSON must say the same.
#[test]
fn coverage_reports_what_coverage_py_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis/coverage");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4);
    let scratch = std::env::temp_dir().join(format!("krait-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for case in &cases {
        let name = case.file_name().unwrap().to_str().unwrap();
        let json_path = scratch.join(format!("{name}.json"));
        let output = Command::new(KRAIT)
            .args(["coverage", "--json"])
            .arg(&json_path)
            .arg("main.py")
            .current_dir(case)
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let table = &stdout[stdout.find("Name ").expect("a table")..];
        let expected_table = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        assert_eq!(table, expected_table, "{name}: the table");

        let ours: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let expected = expected.as_object().unwrap();
        assert_eq!(
            ours["files"].as_object().unwrap().len(),
            expected.len(),
            "{name}: the files measured"
        );
        for (file, facts) in expected {
            let got = &ours["files"][file];
            for key in [
                "executed_lines",
                "missing_lines",
                "excluded_lines",
                "executed_branches",
                "missing_branches",
            ] {
                assert_eq!(got[key], facts[key], "{name}: {file} {key}");
            }
            for (key, value) in facts["summary"].as_object().unwrap() {
                assert_eq!(&got["summary"][key], value, "{name}: {file} summary {key}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn coverage_annotates_and_writes_html() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis/coverage/control");
    let html = std::env::temp_dir().join(format!("krait-coverage-html-{}", std::process::id()));
    let output = Command::new(KRAIT)
        .args(["coverage", "--annotate", "--html"])
        .arg(&html)
        .arg("main.py")
        .current_dir(&case)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let annotated = &stdout[stdout.find("# main.py\n").expect("annotated source")..];
    let lines: Vec<&str> = annotated.lines().skip(1).collect();
    // Marks by line (1-based): the module's first statement ran, the
    // `for row` loop (line 40) never ran out, lines 56-57 (the `except
    // TypeError` clause) never ran, `else:` (line 45) is not a statement.
    assert!(lines[0].starts_with("> import asyncio"), "{annotated}");
    assert!(
        lines[39].starts_with("~     for row in grid:"),
        "{annotated}"
    );
    assert!(
        lines[55].starts_with("!     except TypeError:"),
        "{annotated}"
    );
    assert!(
        lines[56].starts_with("!         return \"type\""),
        "{annotated}"
    );
    assert!(lines[44].starts_with("          else:"), "{annotated}");
    let index = std::fs::read_to_string(html.join("index.html")).unwrap();
    assert!(
        index.contains("<a href=\"file_0.html\">main.py</a>"),
        "{index}"
    );
    assert!(index.contains("<td>96%</td>"), "{index}");
    let page = std::fs::read_to_string(html.join("file_0.html")).unwrap();
    assert!(
        page.contains(
            "<span class=\"mis\"><span class=\"n\">  56</span>     except TypeError:</span>"
        ),
        "{page}"
    );
    assert!(page.contains("never went to 48"), "{page}");
    let _ = std::fs::remove_dir_all(&html);
}

/// `taint_implicit.py` without `--implicit`: only the explicit flow (the
/// secret itself given to the sink) is reported; every line its golden
/// names only with the flag is a flow through a branch.
#[test]
fn implicit_flows_are_reported_only_when_asked_for() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis");
    let output = Command::new(KRAIT)
        .args([
            "taint",
            "--source",
            "read_secret",
            "--sink",
            "leak",
            "taint_implicit.py",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let sinks: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("taint: "))
        .collect();
    assert_eq!(sinks.len(), 1, "{stdout}");
    assert!(
        sinks[0].contains("taint_implicit.py:68 got a value"),
        "{stdout}"
    );
    // The same flow with the flag names the same sink and source.
    let implicit = std::fs::read_to_string(dir.join("taint_implicit.out")).unwrap();
    assert!(implicit.contains(
        "leak at taint_implicit.py:68 got a value from read_secret at taint_implicit.py:28"
    ));
    assert_eq!(
        implicit
            .lines()
            .filter(|l| l.starts_with("taint: "))
            .count(),
        8
    );
}

#[test]
fn coverage_include_and_omit_choose_the_files_reported() {
    // The `modules` case measures main.py and helper.py (coverage.py's
    // rows in expected.txt); each filter keeps one of the two rows, the
    // total then being that row's figures.
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis/coverage/modules");
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    let row = |file: &str| {
        expected
            .lines()
            .find(|line| line.starts_with(file))
            .unwrap()
            .split_whitespace()
            .skip(1)
            .take(5)
            .collect::<Vec<_>>()
    };
    for (options, kept, left_out) in [
        (&["--omit", "help*"][..], "main.py", "helper.py"),
        (
            &["--include", "*/helper.py,nothing.py"][..],
            "helper.py",
            "main.py",
        ),
        (
            &["--include", "*.py", "--omit", "main.py"][..],
            "helper.py",
            "main.py",
        ),
    ] {
        let output = Command::new(KRAIT)
            .arg("coverage")
            .args(options)
            .arg("main.py")
            .current_dir(&case)
            .output()
            .unwrap();
        assert!(output.status.success(), "{options:?}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let table = &stdout[stdout.find("Name ").expect("a table")..];
        let figures = |name: &str| {
            table
                .lines()
                .find(|line| line.starts_with(name))
                .map(|line| line.split_whitespace().skip(1).take(5).collect::<Vec<_>>())
        };
        assert_eq!(figures(kept), Some(row(kept)), "{options:?}\n{table}");
        assert_eq!(figures(left_out), None, "{options:?}\n{table}");
        assert_eq!(figures("TOTAL"), Some(row(kept)), "{options:?}\n{table}");
    }
}

/// Until a source is called, taint tracking lets the VM run its fused
/// loop and asks the tracker at each call whether the callable is a
/// source (`Observer::wants_call`); the first that is hands the run over
/// to the watched loop. Each program below runs warm-up code with the
/// fused paths (loops, keyword and `*args` calls, `list.append`), then
/// calls the source for the first time in one shape of call: the flow to
/// `leak(x)` must be found, the clean `leak(total)` not.
#[test]
fn the_first_source_call_is_seen_in_every_call_shape() {
    const PRELUDE: &str = "\
def read_secret(*args, **kwargs):
    return 's3cret'


def leak(*values):
    pass


class Reader:
    def read_secret(self):
        return 's3cret'


def warm(n, *, step=1):
    out = []
    for i in range(0, n, step):
        out.append(i * 2)
    return sum(out)


total = 0
for k in range(50):
    total += warm(k, step=2) + warm(*(k,)) + len([k])
";
    let shapes = [
        ("plain", "x = read_secret()"),
        ("keywords", "x = read_secret(1, flag=True)"),
        ("star", "args = (1, 2)\nx = read_secret(*args)"),
        ("star_star", "x = read_secret(*(1,), **{'flag': 1})"),
        ("method", "x = Reader().read_secret()"),
        (
            "deep",
            "def deep(n):\n    return read_secret() if n == 0 else deep(n - 1)\nx = deep(20)",
        ),
        (
            "in_a_loop",
            "x = ''\nfor i in range(100):\n    if i == 77:\n        x = read_secret(i) + '!'",
        ),
    ];
    let scratch = std::env::temp_dir().join(format!("krait-taint-shapes-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let prelude_lines = PRELUDE.lines().count();
    for (name, shape) in shapes {
        let file = format!("{name}.py");
        std::fs::write(
            scratch.join(&file),
            format!("{PRELUDE}{shape}\nleak(x)\nleak(total)\n"),
        )
        .unwrap();
        let output = Command::new(KRAIT)
            .args(["taint", "--source", "read_secret", "--sink", "leak", &file])
            .current_dir(&scratch)
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {output:?}");
        let stdout =
            String::from_utf8_lossy(&output.stdout).replace(&format!("{}/", scratch.display()), "");
        let findings: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("taint: "))
            .collect();
        let sink_line = prelude_lines + shape.lines().count() + 1;
        let source_line = prelude_lines
            + 1
            + shape
                .lines()
                .position(|l| l.contains("read_secret("))
                .unwrap();
        // (`deep`'s source call is on its own line, not the assignment's.)
        let source = format!("{file}:{source_line}");
        assert_eq!(findings.len(), 1, "{name}:\n{stdout}");
        assert!(
            findings[0].contains(&format!("leak at {file}:{sink_line} got a value"))
                && findings[0].ends_with(&source),
            "{name}: expected the source at {source}\n{stdout}"
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
