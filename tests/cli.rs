//! The `krait` command end to end: every subcommand, the REPL through a
//! pipe, exit codes and error messages. Expected outputs are python3's:
//! where practical the test runs python3 on the same input and compares.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

/// What a process printed and how it ended.
#[derive(Debug)]
struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

impl Run {
    fn from_output(output: Output) -> Run {
        Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// The last non-empty line of stderr.
    fn last_err_line(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
    }

    fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked") && self.code != 101,
            "krait panicked: {self:?}"
        );
    }
}

fn run_program(program: &str, args: &[&str], stdin: Option<&[u8]>, dir: Option<&Path>) -> Run {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // A writer thread, so a child that doesn't read can't block us.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    Run::from_output(child.wait_with_output().unwrap())
}

fn krait(args: &[&str]) -> Run {
    run_program(KRAIT, args, None, None)
}

fn krait_stdin(args: &[&str], stdin: &str) -> Run {
    run_program(KRAIT, args, Some(stdin.as_bytes()), None)
}

fn python3(args: &[&str], stdin: Option<&str>) -> Run {
    run_program("python3", args, stdin.map(str::as_bytes), None)
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("krait-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Runs `krait -c SOURCE` and `python3 -c SOURCE`; both must agree on
/// stdout, exit code and the last stderr line.
fn same_as_python_c(source: &str) -> Run {
    let ours = krait(&["-c", source]);
    let theirs = python3(&["-c", source], None);
    ours.assert_no_panic();
    assert_eq!(ours.stdout, theirs.stdout, "stdout of -c {source:?}");
    assert_eq!(
        ours.code, theirs.code,
        "exit code of -c {source:?}: {ours:?}"
    );
    assert_eq!(
        ours.last_err_line(),
        theirs.last_err_line(),
        "last stderr line of -c {source:?}"
    );
    ours
}

// --- -c, eval, run, stdin --------------------------------------------------

#[test]
fn dash_c_runs_statements() {
    let run = krait(&["-c", "print(1+2)"]);
    assert_eq!((run.stdout.as_str(), run.code), ("3\n", 0), "{run:?}");
    same_as_python_c("x = [i * i for i in range(5)]\nprint(x, sum(x))");
}

#[test]
fn eval_prints_the_repr() {
    let run = krait(&["eval", "2**100"]);
    assert_eq!(run.stdout, "1267650600228229401496703205376\n", "{run:?}");
    assert_eq!(run.code, 0);
    let run = krait(&["eval", "'a' + \"b\""]);
    assert_eq!(run.stdout, "'ab'\n");
    let run = krait(&["eval", "[1, (2,), {'k': None}]"]);
    assert_eq!(run.stdout, "[1, (2,), {'k': None}]\n");
}

#[test]
fn eval_rejects_statements() {
    let run = krait(&["eval", "x = 1"]);
    run.assert_no_panic();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.last_err_line().starts_with("SyntaxError"), "{run:?}");
    assert!(run.stderr.contains("File \"<string>\", line 1"), "{run:?}");
}

#[test]
fn run_a_file_like_python() {
    let dir = scratch("run");
    let file = write(
        &dir,
        "prog.py",
        b"def greet(name):\n    return f'hello {name}'\n\nfor n in ['a', 'b']:\n    print(greet(n))\n",
    );
    let ours = krait(&["run", &file]);
    let theirs = python3(&[&file], None);
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(ours.code, 0, "{ours:?}");
}

#[test]
fn stdin_that_is_not_a_terminal_is_a_script() {
    let source = "x = 2\nif x:\n    print(x * 21)\n";
    let ours = krait_stdin(&[], source);
    let theirs = python3(&[], Some(source));
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(ours.stdout, "42\n");
    assert_eq!(ours.code, 0, "{ours:?}");
    // A script prints no expression values.
    assert_eq!(krait_stdin(&[], "1 + 2\n").stdout, "");
}

#[test]
fn syntax_error_on_stdin_names_stdin() {
    let source = "x = 1\nif x\n    pass\n";
    let ours = krait_stdin(&[], source);
    let theirs = python3(&[], Some(source));
    assert_eq!(ours.code, 1, "{ours:?}");
    assert_eq!(ours.stderr, theirs.stderr);
}

// --- the REPL through a pipe -------------------------------------------------

#[test]
fn dash_i_prints_expression_values() {
    let run = krait_stdin(&["-i"], "1+2\n");
    assert_eq!(run.stdout, "3\n", "{run:?}");
    assert_eq!(run.code, 0);
    // Prompts go to stderr, as python3 -i writes them.
    assert!(run.stderr.contains(">>> "), "{run:?}");
}

#[test]
fn repl_session_survives_errors() {
    let session = "\
def square(x):
    y = x * x
    return y

square(7)
1/0
undefined
(1,
 2)
if True:
    z = 5
else:
    z = 6

z + square(2)
None
'text'
for i in range(2): print(i)

";
    let ours = krait_stdin(&["-i"], session);
    let theirs = python3(&["-i"], Some(session));
    assert_eq!(ours.stdout, theirs.stdout, "{ours:?}");
    assert_eq!(ours.stdout, "49\n(1, 2)\n9\n'text'\n0\n1\n");
    assert_eq!(ours.code, 0);
    assert!(
        ours.stderr.contains("ZeroDivisionError: division by zero"),
        "{ours:?}"
    );
    assert!(
        ours.stderr
            .contains("NameError: name 'undefined' is not defined"),
        "{ours:?}"
    );
    assert!(
        ours.stderr
            .contains("  File \"<stdin>\", line 1, in <module>"),
        "{ours:?}"
    );
    assert!(
        ours.stderr.contains("... "),
        "continuation prompts: {ours:?}"
    );
}

#[test]
fn repl_reports_syntax_errors_and_goes_on() {
    // A line back at column 0 ends a block at once, as in python3.
    let session = "def f():\n  return 1\nf()\nx = (\n";
    let ours = krait_stdin(&["-i"], session);
    let theirs = python3(&["-i"], Some(session));
    ours.assert_no_panic();
    assert_eq!(ours.code, 0, "{ours:?}");
    let error = "  File \"<stdin>\", line 3\n    f()\n    ^\nSyntaxError: invalid syntax\n";
    assert!(theirs.stderr.contains(error), "python3 says: {theirs:?}");
    assert!(ours.stderr.contains(error), "{ours:?}");
}

#[test]
fn repl_system_exit_ends_the_session() {
    let session = "print('before')\nraise SystemExit(3)\nprint('after')\n";
    let ours = krait_stdin(&["-i"], session);
    let theirs = python3(&["-i"], Some(session));
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!((ours.code, theirs.code), (3, 3), "{ours:?}");
}

#[test]
fn dash_c_then_dash_i_share_the_namespace() {
    // Options come before -c: what follows CODE is the program's (python3).
    let run = krait_stdin(&["-i", "-c", "x = 40"], "x + 2\n");
    assert_eq!(run.stdout, "42\n", "{run:?}");
}

// --- dis and compile -------------------------------------------------------

#[test]
fn dis_dash_c_lists_instructions() {
    let run = krait(&["dis", "-c", "x = 1 + 2"]);
    assert_eq!(run.code, 0, "{run:?}");
    let has = |name: &str| run.stdout.lines().any(|l| l.contains(name));
    assert!(has("LOAD_CONST"), "{}", run.stdout);
    assert!(has("STORE_NAME"), "{}", run.stdout);
    assert!(has("RETURN_VALUE"), "{}", run.stdout);
}

#[test]
fn dis_reads_py_and_kbc_files_alike() {
    let dir = scratch("dis");
    let file = write(&dir, "f.py", b"def f(a):\n    return a + 1\n");
    let kbc = dir.join("f.kbc").display().to_string();
    assert_eq!(krait(&["compile", &file, "-o", &kbc]).code, 0);
    let from_py = krait(&["dis", &file]);
    let from_kbc = krait(&["dis", &kbc]);
    assert_eq!(from_py.code, 0, "{from_py:?}");
    assert_eq!(from_py.stdout, from_kbc.stdout);
    assert!(from_py.stdout.contains("BINARY_OP"), "{}", from_py.stdout);
}

#[test]
fn dis_of_bad_source_is_a_syntax_error() {
    let run = krait(&["dis", "-c", "x = = 1"]);
    run.assert_no_panic();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.last_err_line().starts_with("SyntaxError"), "{run:?}");
}

#[test]
fn dis_graph_draws_every_instruction_once_with_its_edges() {
    let source = "def f(x):\n    try:\n        y = 1 / x\n    except ZeroDivisionError:\n        y = 0\n    for i in range(x):\n        if i:\n            y += i\n    return y\n";
    let listing = krait(&["dis", "-c", source]);
    let run = krait(&["dis", "-c", source, "--graph", "--function", "f"]);
    assert_eq!(run.code, 0, "{run:?}");
    let dot = &run.stdout;
    assert!(dot.starts_with("digraph krait {") && dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches("subgraph cluster_").count(), 1, "{dot}");
    assert!(dot.contains("label=\"f (<string>, line 1)\""), "{dot}");
    // Every instruction of f's listing is in exactly one block.
    let f_listing = listing.stdout.split("Disassembly of").nth(1).unwrap();
    let is_opname = |w: &str| w.len() > 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    let mut listed = 0;
    for line in f_listing.lines().skip(1) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = (1..words.len()).find(|&j| is_opname(words[j])) else {
            continue;
        };
        let needle = format!("{:>4} {}", words[at - 1], words[at]);
        assert_eq!(dot.matches(&needle).count(), 1, "{needle:?} in {dot}");
        listed += 1;
    }
    assert!(listed > 20, "{f_listing}");
    // The loop's FOR_ITER branches (jump out, fall into the body), the
    // `if` branches, the loop jumps back, and the try block's
    // instructions have an exception edge to the handler.
    let edges = |kind: &str| dot.matches(&format!("[label=\"{kind}\"")).count();
    assert!(edges("jump") >= 4, "{dot}");
    assert!(edges("fall-through") >= 4, "{dot}");
    assert!(edges("exception") >= 1, "{dot}");
    // The whole module: a cluster per code object.
    let all = krait(&["dis", "-c", source, "--graph"]);
    assert_eq!(
        all.stdout.matches("subgraph cluster_").count(),
        2,
        "{all:?}"
    );
}

#[test]
fn dis_graph_errors_are_usage_errors() {
    let run = krait(&["dis", "-c", "x = 1", "--graph", "--function", "nope"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        "krait: no code object named 'nope' in <string>"
    );
    // --svg and --function need --graph.
    let run = krait(&["dis", "-c", "x = 1", "--svg"]);
    assert_eq!(run.code, 2, "{run:?}");
    // With Graphviz installed --svg draws; without, it says what is missing.
    let run = krait(&["dis", "-c", "x = 1", "--graph", "--svg"]);
    run.assert_no_panic();
    if run.code == 0 {
        assert!(run.stdout.contains("<svg"), "{run:?}");
    } else {
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains("`dot`"), "{run:?}");
    }
}

#[test]
fn trace_writes_to_a_file_and_ends_like_run() {
    let dir = scratch("trace");
    let file = write(
        &dir,
        "boom.py",
        b"def f(x):\n    return 1 / x\nprint('before')\nf(0)\n",
    );
    let log = dir.join("trace.log").display().to_string();
    let run = krait(&["trace", "-o", &log, &file]);
    // The program's own output and error are as `krait run`'s.
    let plain = krait(&["run", &file]);
    assert_eq!((run.code, &run.stdout), (1, &plain.stdout), "{run:?}");
    assert_eq!(run.last_err_line(), "ZeroDivisionError: division by zero");
    let log = std::fs::read_to_string(&log).unwrap();
    let last = log.lines().last().unwrap();
    assert!(last.contains("f:2") && last.contains("BINARY_OP"), "{log}");
    let calls = krait(&["trace", "--calls", &file]);
    assert!(calls.stdout.contains("  call f(x=0) at "), "{calls:?}");
    assert!(
        calls
            .stdout
            .contains("  exception f at line 2: ZeroDivisionError: division by zero"),
        "{calls:?}"
    );
}

#[test]
fn trace_rejects_bad_line_ranges() {
    for range in ["0", "5-3", "x", "1-"] {
        let run = krait(&["trace", "--lines", range, "nothing.py"]);
        assert_eq!(run.code, 2, "{range}: {run:?}");
        assert!(run.stderr.contains("is not a line"), "{range}: {run:?}");
    }
    let run = krait(&["trace", "--calls", "--lines", "3", "nothing.py"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn taint_config_errors_are_usage_errors() {
    let dir = scratch("taint");
    let file = write(&dir, "p.py", b"print(input())\n");
    let config = write(&dir, "bad.txt", b"# comment\nsource input\nsinkk print\n");
    let run = krait(&["taint", "--config", &config, &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("bad.txt:3: expected `source NAME`"),
        "{run:?}"
    );
    let config = write(&dir, "empty.txt", b"sink\n");
    let run = krait(&["taint", "--config", &config, &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("`sink` needs a function name"),
        "{run:?}"
    );
    // A source read from stdin reaching print.
    let run = krait_stdin(
        &["taint", "--source", "input", "--sink", "print", &file],
        "typed\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("typed\ntaint: print at "), "{run:?}");
    assert!(run.stdout.contains("got a value from input at "), "{run:?}");
    // `implicit` in a config is `--implicit`: a branch on the input
    // decides what is printed.
    let file = write(
        &dir,
        "branch.py",
        b"answer = 'yes' if input() == 'y' else 'no'\nprint(answer)\n",
    );
    let config = write(&dir, "implicit.txt", b"source input\nsink print\n");
    let run = krait_stdin(&["taint", "--config", &config, &file], "y\n");
    assert!(
        run.stdout.contains("no labelled value reached a sink"),
        "{run:?}"
    );
    let config = write(
        &dir,
        "implicit.txt",
        b"source input\nsink print\nimplicit\n",
    );
    let run = krait_stdin(&["taint", "--config", &config, &file], "y\n");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("taint: print at "), "{run:?}");
}

#[test]
fn compile_writes_a_verified_kbc_file() {
    let dir = scratch("compile");
    let file = write(&dir, "prog.py", b"print(sum(range(10)))\n");
    let run = krait(&["compile", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let kbc = dir.join("prog.kbc");
    let bytes = std::fs::read(&kbc).expect("compile writes FILE.kbc by default");
    assert!(krait::is_kbc(&bytes));
    let code = krait::load_code(&kbc).expect("the file decodes and verifies");
    assert_eq!(code.filename, file);
}

#[test]
fn compiled_kbc_runs_like_its_source() {
    let dir = scratch("kbc-run");
    let source = b"def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n\
        print([fib(i) for i in range(15)])\nprint({'a': 1} | {'b': 2})\n";
    let file = write(&dir, "prog.py", source);
    let kbc = dir.join("p.kbc").display().to_string();
    assert_eq!(krait(&["compile", &file, "-o", &kbc]).code, 0);
    let from_py = krait(&["run", &file]);
    let from_kbc = krait(&["run", &kbc]);
    assert_eq!(from_py.code, 0, "{from_py:?}");
    assert_eq!(from_py.stdout, from_kbc.stdout);
    assert_eq!(from_py.stdout, python3(&[&file], None).stdout);
}

#[test]
fn corrupted_kbc_files_are_clear_errors() {
    let dir = scratch("kbc-bad");
    let file = write(&dir, "prog.py", b"x = [1, 2.5, 'three', None]\nprint(x)\n");
    let kbc = dir.join("prog.kbc");
    assert_eq!(
        krait(&["compile", &file, "-o", &kbc.display().to_string()]).code,
        0
    );
    let good = std::fs::read(&kbc).unwrap();
    let bad = dir.join("bad.kbc").display().to_string();

    // Cut short anywhere past the magic: always a load error.
    for len in [4, 6, 10, good.len() / 2, good.len() - 1] {
        std::fs::write(&bad, &good[..len]).unwrap();
        let run = krait(&["run", &bad]);
        run.assert_no_panic();
        assert_eq!(run.code, 1, "truncated to {len}: {run:?}");
        assert!(
            run.last_err_line()
                .starts_with(&format!("krait: can't load '{bad}': ")),
            "{run:?}"
        );
        assert_eq!(run.stderr.lines().count(), 1, "one line: {run:?}");
    }
    // Damaged bytes: never a panic; a failure always says why.
    for i in (4..good.len()).step_by(good.len().div_ceil(40)) {
        let mut bytes = good.clone();
        bytes[i] ^= 0xa5;
        std::fs::write(&bad, &bytes).unwrap();
        for command in ["run", "dis"] {
            let run = krait(&[command, &bad]);
            run.assert_no_panic();
            assert!(
                run.code == 0 || !run.stderr.trim().is_empty(),
                "byte {i}: {run:?}"
            );
        }
    }
}

// --- ast ------------------------------------------------------------------

#[test]
fn ast_prints_the_tree() {
    let dir = scratch("ast");
    let file = write(&dir, "a.py", b"x = 1\n");
    let run = krait(&["ast", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Assign"), "{}", run.stdout);
    let run = krait(&["ast", "--json", &file]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["_type"], "Module");
    assert_eq!(json["body"][0]["_type"], "Assign");
}

// --- errors and exit codes ---------------------------------------------------

#[test]
fn exit_codes_follow_python() {
    assert_eq!(krait(&["-c", "pass"]).code, 0);
    let run = same_as_python_c("print('out')\n1/0");
    assert_eq!(run.code, 1);
    // The traceback comes after what the program printed, in CPython's layout.
    assert_eq!(
        run.stderr,
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n\
         ZeroDivisionError: division by zero\n"
    );
    assert_eq!(same_as_python_c("raise SystemExit(4)").code, 4);
    assert_eq!(same_as_python_c("raise SystemExit").code, 0);
    let run = same_as_python_c("raise SystemExit('bye')");
    assert_eq!((run.code, run.stderr.as_str()), (1, "bye\n"));
}

#[test]
fn syntax_errors_exit_1_in_cpython_layout() {
    for source in [
        "x = (1,\ny = 2\n",
        "if x\n    pass\n",
        "return 5\n",
        "a = 1 +\n",
    ] {
        let ours = krait(&["-c", source]);
        let theirs = python3(&["-c", source], None);
        assert_eq!(ours.code, 1, "{ours:?}");
        assert_eq!(ours.stderr, theirs.stderr, "-c {source:?}");
    }
    let dir = scratch("syntax");
    write(&dir, "bad.py", b"def f()\n    return 1\n");
    let ours = run_program(KRAIT, &["run", "bad.py"], None, Some(&dir));
    let theirs = run_program("python3", &["bad.py"], None, Some(&dir));
    assert_eq!(ours.code, 1);
    assert_eq!(ours.stderr, theirs.stderr);
    // As python3 (3.9+) names the main script: made absolute, not normalized.
    let shown = dir.join("./bad.py").display().to_string();
    let ours = run_program(KRAIT, &["run", "./bad.py"], None, Some(&dir));
    assert!(
        ours.stderr
            .starts_with(&format!("  File \"{shown}\", line 1\n")),
        "{ours:?}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["--no-such-flag"][..], &["run"], &["compile"], &["dis"]] {
        let run = krait(args);
        run.assert_no_panic();
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("Usage"), "{run:?}");
    }
    // After -c CODE everything is the program's, as in python3.
    assert_eq!(krait(&["-c", "pass", "eval", "1"]).code, 0);
    assert_eq!(krait(&["--help"]).code, 0);
}

#[test]
fn missing_file_uses_python_wording_and_exit_2() {
    let dir = scratch("missing");
    let ours = run_program(KRAIT, &["run", "nope.py"], None, Some(&dir));
    let theirs = run_program("python3", &["nope.py"], None, Some(&dir));
    assert_eq!((ours.code, theirs.code), (2, 2), "{ours:?}");
    let message = format!(
        "can't open file '{}': [Errno 2] No such file or directory",
        dir.join("nope.py").display()
    );
    assert_eq!(ours.stderr, format!("krait: {message}\n"));
    assert!(
        theirs.stderr.ends_with(&format!(": {message}\n")),
        "{theirs:?}"
    );
    assert_eq!(krait(&["run", "/no/such/dir/x.py"]).code, 2);
    for command in ["dis", "compile", "ast"] {
        let run = krait(&[command, "/no/such/x.py"]);
        assert_eq!(run.code, 2, "{command}: {run:?}");
        assert_eq!(
            run.stderr,
            "krait: can't open file '/no/such/x.py': [Errno 2] No such file or directory\n"
        );
    }
}

#[test]
fn non_utf8_source_is_one_line_and_exit_1() {
    let dir = scratch("latin1");
    let file = write(&dir, "latin1.py", b"print(1)\ns = 'caf\xe9'\n");
    let ours = krait(&["run", &file]);
    let theirs = python3(&[&file], None);
    assert_eq!(ours.code, 1, "{ours:?}");
    assert_eq!(ours.stdout, "");
    assert_eq!(ours.stderr.lines().count(), 1, "{ours:?}");
    assert_eq!(ours.stderr, theirs.stderr);
    for command in ["dis", "compile", "ast"] {
        let run = krait(&[command, &file]);
        assert_eq!((run.code, run.stderr.as_str()), (1, ours.stderr.as_str()));
    }
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let dir = scratch("recursion");
    let file = write(&dir, "rec.py", b"def f(): return f()\nf()\n");
    let run = krait(&["run", &file]);
    run.assert_no_panic();
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.last_err_line(),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert_eq!(python3(&[&file], None).last_err_line(), run.last_err_line());
}

#[test]
fn traceback_comes_after_flushed_output() {
    let dir = scratch("flush");
    let file = write(
        &dir,
        "t.py",
        b"for i in range(3):\n    print(i, end=' ')\nraise ValueError('bad value')\n",
    );
    let run = krait(&["run", &file]);
    assert_eq!(run.stdout, "0 1 2 ");
    assert_eq!(run.code, 1);
    assert_eq!(run.last_err_line(), "ValueError: bad value");
    assert!(
        run.stderr
            .contains(&format!("  File \"{file}\", line 3, in <module>\n")),
        "{run:?}"
    );
}

#[test]
fn a_file_without_a_command_is_run() {
    let dir = scratch("bare-file");
    write(&dir, "prog.py", b"x = 6 * 7\nprint(x)\n");
    let run = run_program(KRAIT, &["prog.py", "arg", "--flag"], None, Some(&dir));
    assert_eq!((run.stdout.as_str(), run.code), ("42\n", 0), "{run:?}");
    // -i FILE: the file, then the prompt in its namespace (python3 -i FILE).
    let ours = run_program(KRAIT, &["-i", "prog.py"], Some(b"x + 1\n"), Some(&dir));
    let theirs = run_program("python3", &["-i", "prog.py"], Some(b"x + 1\n"), Some(&dir));
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(ours.stdout, "42\n43\n");
    let missing = run_program(KRAIT, &["-i", "nope.py"], Some(b"1\n"), Some(&dir));
    assert_eq!(
        (missing.stdout.as_str(), missing.code),
        ("", 2),
        "{missing:?}"
    );
}

/// The REPL on a real terminal (rustyline), driven through a pseudo-terminal
/// by python3's `pty` module: continuation lines, errors that don't end the
/// session, history (up arrow), Ctrl-C and Ctrl-D.
#[test]
fn terminal_repl_through_a_pty() {
    const DRIVER: &str = r#"
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
out = b""
def pump(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return
def wait_for(text, seconds=20):
    end = time.time() + seconds
    while text not in out and time.time() < end:
        pump(0.05)
wait_for(b">>> ")
keys = [b"def f(x):\r", b"    return x * 2\r", b"\r", b"f(21)\r", b"1/0\r",
        b"xs = [1,\r", b"2]\r", b"xs\r", b"\x1b[A\r", b"junk\x03",
        b"for i in range(2): print(i + 100)\r", b"\r"]
for key in keys:
    count = out.count(b">>> ") + out.count(b"... ")
    os.write(fd, key)
    end = time.time() + 20
    while out.count(b">>> ") + out.count(b"... ") == count and time.time() < end:
        pump(0.02)
os.write(fd, b"\x04")
pump(1)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
sys.stdout.write("\nEXIT %d\n" % os.waitstatus_to_exitcode(status))
"#;
    let run = python3(&["-c", DRIVER, KRAIT], None);
    // Drop terminal control sequences; keep the text.
    let mut text = String::new();
    let mut chars = run.stdout.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
        } else if c != '\r' {
            text.push(c);
        }
    }
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let has = |line: &str| lines.contains(&line);
    assert!(text.contains("EXIT 0"), "{text}\n{run:?}");
    assert!(has("42"), "f(21) after a multi-line def: {text}");
    assert!(has("ZeroDivisionError: division by zero"), "{text}");
    assert_eq!(
        lines.iter().filter(|l| **l == "[1, 2]").count(),
        2,
        "xs, then the up arrow: {text}"
    );
    assert!(has("KeyboardInterrupt"), "{text}");
    assert!(has("100") && has("101"), "{text}");
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    use std::io::Read;
    let source = "x = 1\n".repeat(20_000);
    for args in [
        &["dis", "-c", source.as_str()][..],
        &["eval", "'x' * 1_000_000"],
    ] {
        let mut child = Command::new(KRAIT)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        let _ = stdout.read(&mut first);
        drop(stdout);
        let run = Run::from_output(child.wait_with_output().unwrap());
        run.assert_no_panic();
        assert_eq!((run.code, run.stderr.as_str()), (1, ""), "{run:?}");
    }
}

#[test]
fn negative_numbers_are_values_not_flags() {
    let run = krait(&["eval", "-2 ** 2"]);
    assert_eq!((run.stdout.as_str(), run.code), ("-4\n", 0), "{run:?}");
    let run = krait(&["-c", "-1"]);
    assert_eq!((run.stdout.as_str(), run.code), ("", 0), "{run:?}");
}

/// Bytecode changed from Python goes through the verifier: garbage or an
/// out-of-range operand is a ValueError, never a crash (CPython accepts
/// such code and may crash running it, so there is no python3 to compare).
#[test]
fn code_replace_verifies_the_new_code() {
    let program = "\
def f(a, b):
    return a + b
code = f.__code__
for raw in [b'\\xff\\xff', b'', code.co_code[:-1], bytes([code.co_code[0], 120])]:
    try:
        code.replace(co_code=raw)
        print('accepted', raw)
    except ValueError as e:
        print('ValueError', str(e).split(':')[0])
try:
    code.replace(co_varnames=('a',))
    print('accepted')
except ValueError as e:
    print('ValueError', str(e).split(':')[0])
g = code.replace(co_name='g')
print(g.co_name, g.co_code == code.co_code, type(g).__name__)
";
    let run = krait(&["-c", program]);
    run.assert_no_panic();
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{run:?}");
    for line in &lines[..5] {
        assert!(line.starts_with("ValueError invalid"), "{run:?}");
    }
    assert_eq!(lines[5], "g True code", "{run:?}");
}

/// `dis.dis` from Python prints what `krait dis` prints for the same code
/// (one disassembler for both).
#[test]
fn dis_module_prints_what_krait_dis_prints() {
    let dir = scratch("dis-module");
    let source = "def f(a, b=2):\n    c = a + b\n    return [c for _ in range(2)]\n\n\
                  class K:\n    def m(self):\n        return 1\n";
    write(&dir, "prog.py", source.as_bytes());
    let listing = run_program(KRAIT, &["dis", "prog.py"], None, Some(&dir));
    assert_eq!(listing.code, 0, "{listing:?}");
    let program = format!(
        "import dis\ndis.dis(compile({source:?}, 'prog.py', 'exec'))\n",
        source = source
    );
    let from_python = run_program(KRAIT, &["-c", &program], None, Some(&dir));
    from_python.assert_no_panic();
    assert_eq!(from_python.code, 0, "{from_python:?}");
    assert!(listing.stdout.contains("Disassembly of <code object f"));
    assert_eq!(from_python.stdout, listing.stdout);
}

/// python3's command line: options end at the script, `-c CODE` or `-m
/// MODULE`; what follows is the program's, options included.
#[test]
fn program_arguments_follow_python_rules() {
    let dir = scratch("argv");
    write(&dir, "show.py", b"import sys\nprint(sys.argv[1:])\n");
    let cases: [&[&str]; 4] = [
        &["-c", "import sys; print(sys.argv)", "x", "-v"],
        &["-m", "show", "-v", "--flag", "x"],
        &["-m", "show", "--", "-v"],
        &["show.py", "-i", "-c", "y"],
    ];
    for args in cases {
        let ours = run_program(KRAIT, args, None, Some(&dir));
        let theirs = run_program("python3", args, None, Some(&dir));
        assert_eq!(
            ours.stdout, theirs.stdout,
            "krait {args:?}: {}",
            ours.stderr
        );
        assert_eq!(ours.code, 0);
    }
    let source = b"import sys\nprint(sys.argv)\n";
    let ours = run_program(KRAIT, &["-", "a", "-b"], Some(source), Some(&dir));
    assert_eq!(ours.stdout, "['-', 'a', '-b']\n", "{}", ours.stderr);
}

#[test]
fn exception_group_tracebacks_are_cpythons_boxes() {
    // The whole stderr: nested groups, a member with its own traceback,
    // notes, and a chained group.
    let source = "def inner():\n    raise TypeError('t')\ntry:\n    inner()\nexcept TypeError as e:\n    t = e\ne = ValueError('v')\ne.add_note('a note\\nsecond line')\ntry:\n    raise KeyError('first')\nexcept KeyError:\n    raise ExceptionGroup('many', [e, t, ExceptionGroup('nested', [KeyError('k')])])\n";
    let dir = scratch("exception_group_tracebacks");
    let file = write(&dir, "groups.py", source.as_bytes());
    let ours = krait(&["run", &file]);
    let theirs = python3(&[&file], None);
    ours.assert_no_panic();
    assert_eq!(ours.code, theirs.code);
    assert_eq!(ours.stderr, theirs.stderr);
}

#[test]
fn errors_in_finalizers_are_reported_and_ignored() {
    let source = "class Bad:\n    def __del__(self):\n        raise ValueError('oops in del')\nBad()\nprint('after')\n";
    let ours = krait(&["-c", source]);
    let theirs = python3(&["-c", source], None);
    ours.assert_no_panic();
    assert_eq!((ours.stdout.as_str(), ours.code), ("after\n", 0));
    assert_eq!(ours.stdout, theirs.stdout);
    for run in [&ours, &theirs] {
        assert!(
            run.stderr
                .starts_with("Exception ignored in: <function Bad.__del__ at "),
            "{run:?}"
        );
        assert_eq!(run.last_err_line(), "ValueError: oops in del");
    }
}

#[test]
fn errors_in_weakref_callbacks_and_exit_functions_are_reported_and_ignored() {
    // The callback's error, then the other callback of the same object
    // still runs; an exit function's error, then the next one runs.
    let source = "import weakref, atexit\nclass C: pass\ndef bad(r):\n    raise ValueError('oops in callback')\no = C()\nr1 = weakref.ref(o, lambda r: print('other callback'))\nr2 = weakref.ref(o, bad)\ndel o\nprint('after')\natexit.register(print, 'first registered, last run')\n@atexit.register\ndef failing():\n    raise KeyError('oops at exit')\n";
    let ours = krait(&["-c", source]);
    let theirs = python3(&["-c", source], None);
    ours.assert_no_panic();
    assert_eq!(
        (ours.stdout.as_str(), ours.code),
        ("other callback\nafter\nfirst registered, last run\n", 0)
    );
    assert_eq!(ours.stdout, theirs.stdout);
    for run in [&ours, &theirs] {
        assert!(
            run.stderr
                .starts_with("Exception ignored in: <function bad at "),
            "{run:?}"
        );
        assert!(
            run.stderr.contains("ValueError: oops in callback\n"),
            "{run:?}"
        );
        assert!(
            run.stderr
                .contains("Exception ignored in atexit callback: <function failing at "),
            "{run:?}"
        );
        assert_eq!(run.last_err_line(), "KeyError: 'oops at exit'");
    }
}

#[test]
fn exit_functions_run_however_the_program_was_given() {
    // A script on stdin, `-m`, `-i` ended by sys.exit, the REPL's end.
    let source = "import atexit\natexit.register(print, 'at exit')\nprint('body')\n";
    let dir = scratch("exit-functions");
    write(&dir, "exiting.py", source.as_bytes());
    let runs = [
        run_program(KRAIT, &[], Some(source.as_bytes()), None),
        run_program(KRAIT, &["-m", "exiting"], None, Some(&dir)),
        krait_stdin(
            &[
                "-i",
                "-c",
                "import sys, atexit; atexit.register(print, 'at exit'); print('body'); sys.exit(3)",
            ],
            "",
        ),
    ];
    for run in &runs {
        run.assert_no_panic();
        assert_eq!(run.stdout, "body\nat exit\n", "{run:?}");
    }
    assert_eq!(runs[2].code, 3);
    let repl = krait_stdin(
        &["-i"],
        "import atexit\natexit.register(print, 'at exit')\n",
    );
    repl.assert_no_panic();
    assert!(repl.stdout.ends_with("at exit\n"), "{repl:?}");
}

#[test]
fn source_encoding_declarations_are_honoured() {
    let dir = scratch("source-encodings");
    let cases: [(&str, &[u8]); 4] = [
        (
            "latin1.py",
            b"# -*- coding: latin-1 -*-\nprint('caf\xe9', len('\xe9'))\n",
        ),
        (
            "latin9.py",
            b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nprint('\xa4')\n",
        ),
        ("unknown.py", b"# coding: xyz\nprint(1)\n"),
        ("undeclared.py", b"print('caf\xe9')\n"),
    ];
    for (name, bytes) in cases {
        write(&dir, name, bytes);
        let ours = run_program(KRAIT, &[name], None, Some(&dir));
        let theirs = run_program("python3", &[name], None, Some(&dir));
        ours.assert_no_panic();
        assert_eq!(ours.stdout, theirs.stdout, "{name}");
        assert_eq!(ours.code, theirs.code, "{name}");
        assert_eq!(ours.last_err_line(), theirs.last_err_line(), "{name}");
    }
    // An imported module's declaration counts too.
    write(&dir, "helper.py", b"# coding: latin-1\nWORD = 'na\xefve'\n");
    write(&dir, "main.py", b"import helper\nprint(helper.WORD)\n");
    let ours = run_program(KRAIT, &["main.py"], None, Some(&dir));
    assert_eq!(
        (ours.stdout.as_str(), ours.code),
        ("na\u{ef}ve\n", 0),
        "{ours:?}"
    );
}

/// `--max-instructions` and `--timeout`: a one-line message naming the
/// limit on stderr, the limit's own exit code, no traceback.
#[test]
fn limits_stop_the_program_with_their_own_exit_codes() {
    let dir = scratch("limits");
    let forever = write(
        &dir,
        "forever.py",
        b"print('started', flush=True)\nwhile True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
    );
    let run = krait(&["run", "--max-instructions", "1000", &forever]);
    run.assert_no_panic();
    assert_eq!(run.stdout, "started\n");
    assert_eq!(run.stderr, "krait: instruction budget of 1000 exhausted\n");
    assert_eq!(run.code, 3);
    let run = krait(&["run", "--timeout", "0.2", &forever]);
    assert_eq!(run.stderr, "krait: time limit of 0.2 s exceeded\n");
    assert_eq!(run.code, 4);
    // The deadline also ends a sleep and a wait for input (stdin a pipe
    // that stays open and silent), whatever the program catches.
    let sleeper = write(
        &dir,
        "sleeper.py",
        b"import time\ntry:\n    time.sleep(60)\nexcept BaseException:\n    print('caught')\n",
    );
    let waiter = write(
        &dir,
        "waiter.py",
        b"try:\n    input()\nexcept BaseException:\n    print('caught')\n",
    );
    for program in [&sleeper, &waiter] {
        let started = std::time::Instant::now();
        let child = Command::new(KRAIT)
            .args(["run", "--timeout", "0.3", program])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Held open until the program ends (`wait_with_output` would
        // close it first).
        let mut child = child;
        let silent_stdin = child.stdin.take();
        let run = Run::from_output(child.wait_with_output().unwrap());
        drop(silent_stdin);
        assert_eq!(
            run.stderr, "krait: time limit of 0.3 s exceeded\n",
            "{program}"
        );
        assert_eq!((run.stdout.as_str(), run.code), ("", 4), "{program}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{program}"
        );
    }
    // A program within its limits runs as usual.
    let quick = write(&dir, "quick.py", b"print(sum(range(10)))\n");
    let run = krait(&[
        "run",
        "--max-instructions",
        "100000",
        "--timeout",
        "30",
        &quick,
    ]);
    assert_eq!((run.stdout.as_str(), run.code), ("45\n", 0));
    let run = krait(&["run", "--timeout", "soon", &quick]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("'soon' is not a number of seconds"),
        "{run:?}"
    );
    // The memory limit: a bomb refused before it is made, a loop stopped
    // as it grows, whatever the program catches.
    let bomb = write(
        &dir,
        "bomb.py",
        b"print('started', flush=True)\ntry:\n    x = 'x' * 10**12\nexcept MemoryError:\n    print('caught')\n",
    );
    let run = krait(&["run", "--max-memory", "64M", &bomb]);
    run.assert_no_panic();
    assert_eq!(run.stdout, "started\n");
    assert_eq!(run.stderr, "krait: memory limit of 64 MiB exceeded\n");
    assert_eq!(run.code, 6);
    let growing = write(
        &dir,
        "growing.py",
        b"x = []\nwhile True:\n    try:\n        x.append([0] * 1000)\n    except BaseException:\n        pass\n",
    );
    let run = krait(&["run", "--max-memory", "20MiB", &growing]);
    assert_eq!(run.stderr, "krait: memory limit of 20 MiB exceeded\n");
    assert_eq!(run.code, 6);
    // Without the limit the same bomb is an ordinary MemoryError.
    let run = krait(&["run", &bomb]);
    assert_eq!((run.stdout.as_str(), run.code), ("started\ncaught\n", 0));
    let run = krait(&["run", "--max-memory", "100000000", &quick]);
    assert_eq!((run.stdout.as_str(), run.code), ("45\n", 0));
    for bad in ["lots", "0", "-5M", "12X"] {
        let bad = &format!("--max-memory={bad}");
        let run = krait(&["run", bad, &quick]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains("is not a size"), "{run:?}");
    }
}

/// SQLite's work runs outside the dispatch loop: a query that never ends
/// still stops at `--timeout`, and SQLite's memory counts against
/// `--max-memory` (its allocations go through the counting allocator),
/// whatever the program catches.
#[test]
fn limits_reach_into_sqlite() {
    let dir = scratch("sqlite_limits");
    let endless = write(
        &dir,
        "endless.py",
        b"import sqlite3\nc = sqlite3.connect(':memory:')\n\
          try:\n    c.execute('with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n').fetchone()\n\
          except BaseException:\n    print('caught')\nprint('after')\n",
    );
    let run = krait(&["run", "--timeout", "0.5", &endless]);
    run.assert_no_panic();
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "krait: time limit of 0.5 s exceeded\n");
    assert_eq!(run.code, 4);
    let hungry = write(
        &dir,
        "hungry.py",
        b"import sqlite3\nc = sqlite3.connect(':memory:')\nc.execute('create table t (b)')\n\
          try:\n    for i in range(100):\n        c.execute('insert into t values (zeroblob(10000000))')\n\
          except BaseException:\n    print('caught')\nprint('after')\n",
    );
    let run = krait(&["run", "--max-memory", "200M", &hungry]);
    run.assert_no_panic();
    assert_eq!(run.stderr, "krait: memory limit of 200 MiB exceeded\n");
    assert_eq!(run.code, 6);
}

/// `--timeout` ends a wait for a child process (`subprocess.run` of a
/// child that outlives the deadline), as it ends a loop: the wait is
/// asked for in slices while a deadline is set. (The child writes to the
/// null device: an orphan holding the test's pipe would keep the harness
/// reading until it ends.)
#[cfg(unix)]
#[test]
fn limits_reach_into_child_waits() {
    let dir = scratch("child_wait_limits");
    let waits = write(
        &dir,
        "waits.py",
        b"import subprocess\nprint('start', flush=True)\n\
          try:\n    subprocess.run(['sleep', '5'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
          except BaseException:\n    print('caught')\nprint('after')\n",
    );
    let run = krait(&["run", "--timeout", "0.5", &waits]);
    run.assert_no_panic();
    assert_eq!(run.stdout, "start\n");
    assert_eq!(run.stderr, "krait: time limit of 0.5 s exceeded\n");
    assert_eq!(run.code, 4);
}

/// `signal.signal(SIGINT, ...)` decides what Ctrl-C does: a Python
/// handler runs (here during a `time.sleep`, which then goes on), and
/// `SIG_IGN` lets the program carry on.
#[cfg(unix)]
#[test]
fn ctrl_c_runs_the_programs_sigint_handler() {
    use std::io::{BufRead, BufReader};

    let dir = scratch("sigint_handler");
    let file = write(
        &dir,
        "handled.py",
        b"import signal, time\n\
          hits = []\n\
          signal.signal(signal.SIGINT, lambda signum, frame: hits.append(signum))\n\
          print('ready handler', flush=True)\n\
          while not hits:\n    time.sleep(0.01)\n\
          print('handled', hits, flush=True)\n\
          signal.signal(signal.SIGINT, signal.SIG_IGN)\n\
          print('ready ignore', flush=True)\n\
          time.sleep(0.5)\n\
          print('survived')\n",
    );
    let mut child = Command::new(KRAIT)
        .args(["run", &file])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    for _ in 0..2 {
        loop {
            let mut line = String::new();
            assert!(stdout.read_line(&mut line).unwrap() > 0, "{seen}");
            seen.push_str(&line);
            if line.starts_with("ready") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }
    let output = child.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    seen.push_str(&rest);
    assert_eq!(
        seen,
        "ready handler\nhandled [2]\nready ignore\nsurvived\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{:?}", output.status);
}

/// `--sandbox`: no file system, environment or stdin; output as usual.
#[test]
fn sandbox_denies_files_environment_and_stdin() {
    let dir = scratch("sandbox");
    write(&dir, "neighbour.py", b"X = 1\n");
    let script = write(
        &dir,
        "probe.py",
        b"import os, sys\n\
          print(len(os.environ), sys.stdin.read() == '')\n\
          for attempt in (lambda: open(__file__), lambda: __import__('neighbour')):\n\
          \x20   try:\n        attempt()\n    except Exception as e:\n        print(type(e).__name__)\n",
    );
    let run = krait_stdin(&["run", "--sandbox", &script], "secret input\n");
    run.assert_no_panic();
    assert_eq!(
        run.stdout, "0 True\nPermissionError\nModuleNotFoundError\n",
        "{run:?}"
    );
    assert_eq!(run.code, 0);
}

/// Ctrl-C (SIGINT) raises KeyboardInterrupt in the program, which it can
/// catch (in a loop, in `time.sleep`, in `input()`); uncaught, the traceback ends with
/// it and the process dies of SIGINT, as python3's does.
#[cfg(unix)]
#[test]
fn ctrl_c_raises_keyboard_interrupt() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;

    let dir = scratch("ctrl_c");
    let file = write(
        &dir,
        "interrupted.py",
        b"import sys, time\n\
          def ready(what):\n    print('ready', what, flush=True)\n\
          ready('loop')\n\
          try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught in the loop')\n\
          ready('sleep')\n\
          try:\n    time.sleep(60)\nexcept KeyboardInterrupt as e:\n    print('caught in sleep', repr(e))\n\
          ready('input')\n\
          try:\n    input()\nexcept KeyboardInterrupt as e:\n    print('caught in input', repr(e))\n\
          ready('end')\n\
          while True:\n    time.sleep(0.001)\n",
    );
    // Standard input: a pipe that stays open and silent (`input()` waits).
    let mut child = Command::new(KRAIT)
        .args(["run", &file])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    for _ in 0..4 {
        // Wait for the program to reach the next place, then interrupt it.
        loop {
            let mut line = String::new();
            assert!(stdout.read_line(&mut line).unwrap() > 0, "{seen}");
            seen.push_str(&line);
            if line.starts_with("ready") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }
    let output = child.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    seen.push_str(&rest);
    assert_eq!(
        seen,
        "ready loop\ncaught in the loop\nready sleep\ncaught in sleep KeyboardInterrupt()\n\
         ready input\ncaught in input KeyboardInterrupt()\nready end\n"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("    time.sleep(0.001)\nKeyboardInterrupt\n"),
        "{stderr}"
    );
    assert_eq!(output.status.signal(), Some(2), "{:?}", output.status);
}

/// Writing to a closed pipe raises BrokenPipeError with its errno (as a
/// `krait run x.py | head -1` meets it), like python3's.
#[test]
fn write_to_closed_pipe_is_broken_pipe_error() {
    let source = "import sys\n\
                  try:\n    for i in range(200000): print(i)\n\
                  except BrokenPipeError as e:\n    sys.stderr.write(f'{type(e).__name__} {e.errno} {e}\\n')\n";
    let first_stderr_line = |program: &str| {
        let mut child = Command::new(program)
            .args(["-c", source])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{program} panicked: {stderr}");
        stderr.lines().next().unwrap_or_default().to_string()
    };
    let ours = first_stderr_line(KRAIT);
    assert_eq!(ours, "BrokenPipeError 32 [Errno 32] Broken pipe");
    assert_eq!(ours, first_stderr_line("python3"));
}

// --- python3's interpreter options ------------------------------------------

/// `-W`, `-X`, `-E`, `-P`, `-I`, `-s`, `-S`, `-q` as python3 takes them:
/// what a program sees of them (warning filters, `sys.warnoptions`,
/// `sys._xoptions`, `sys.flags`, `sys.path`'s first entry) is python3's.
/// (`-E` in both runs: the environment's PYTHON* variables would change
/// python3's flags.)
#[test]
fn interpreter_options_as_python3() {
    let dir = scratch("interpreter-options");
    let script = write(
        &dir,
        "options.py",
        b"import sys, warnings\n\
          print(sys.warnoptions, sys._xoptions)\n\
          f = sys.flags\n\
          print(f.ignore_environment, f.isolated, f.safe_path, f.no_user_site, f.dev_mode,\n\
          \x20     f.quiet, f.no_site)\n\
          print(bool(sys.path) and sys.path[0] == sys.argv[0].rpartition('/')[0])\n\
          for category in (UserWarning, DeprecationWarning, RuntimeWarning):\n\
          \x20   try:\n\
          \x20       warnings.warn('w', category)\n\
          \x20       print(category.__name__, 'not raised')\n\
          \x20   except Warning as e:\n\
          \x20       print(category.__name__, 'raised', e)\n",
    );
    let option_sets: [&[&str]; 7] = [
        &["-E"],
        &["-E", "-W", "error"],
        &["-E", "-Werror::UserWarning", "-W", "error::RuntimeWarning"],
        &[
            "-E",
            "-W",
            "error",
            "-W",
            "ignore::DeprecationWarning",
            "-X",
            "dev",
            "-X",
            "a=b",
        ],
        &["-I", "-W", "e::Warning"],
        &[
            "-E",
            "-s",
            "-S",
            "-q",
            "-P",
            "-W",
            "bogus",
            "-W",
            "error::NoSuchWarning",
        ],
        &["-E", "-W", "error:w:UserWarning:__main__:10"],
    ];
    for options in option_sets {
        let mut args: Vec<&str> = options.to_vec();
        args.push(&script);
        let ours = krait(&args);
        let theirs = python3(&args, None);
        ours.assert_no_panic();
        assert_eq!(ours.stdout, theirs.stdout, "stdout with {options:?}");
        assert_eq!(ours.code, theirs.code, "exit code with {options:?}");
        let invalid = |run: &Run| {
            run.stderr
                .lines()
                .filter(|l| l.starts_with("Invalid -W option"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(invalid(&ours), invalid(&theirs), "stderr with {options:?}");
    }
}

/// `python -m cProfile` and `python -m profile` run a script (or, with
/// -m, a module) as `__main__` with its arguments and print the report
/// sorted as -s asks; without a target they print the usage and exit 2.
/// Compared with python3 on what does not depend on time: the program's
/// own output, the call counts and the rows of the program's functions.
#[test]
fn profilers_have_pythons_command_line() {
    let dir = scratch("profiler-command-line");
    write(
        &dir,
        "fib.py",
        b"import sys\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(12), sys.argv, __name__)\n",
    );
    write(
        &dir,
        "shown.py",
        b"import sys\nprint('module', __name__, sys.argv)\n",
    );
    // The output's lines without their times and addresses: the
    // program's, the call totals and each row's count and function (in
    // any order: rows of equal keys come in the profiler's own order).
    let timeless = |text: &str| -> Vec<String> {
        let mut lines: Vec<String> = text
            .lines()
            .map(|line| {
                line.split_whitespace()
                    .filter(|field| field.parse::<f64>().is_err() || !field.contains('.'))
                    .filter(|field| *field != "seconds")
                    .map(|field| {
                        if field.starts_with("0x") {
                            "ADDRESS"
                        } else {
                            field
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|line| !line.is_empty())
            .collect();
        lines.sort();
        lines
    };
    let cases: [&[&str]; 4] = [
        &["-m", "cProfile", "-s", "ncalls", "fib.py", "a", "-s"],
        &["-m", "profile", "-s", "calls", "fib.py"],
        &["-m", "cProfile", "-m", "shown", "x"],
        &["-m", "profile", "-m", "shown"],
    ];
    for args in cases {
        let ours = run_program(KRAIT, args, None, Some(&dir));
        let theirs = run_program("python3", args, None, Some(&dir));
        ours.assert_no_panic();
        assert_eq!(ours.code, 0, "krait {args:?}: {}", ours.stderr);
        // (A module is found by each one's own import machinery: its
        // rows differ, the program's output and the headings do not.)
        let compared = |text: &str| -> Vec<String> {
            let lines = timeless(text);
            if args.contains(&"shown") {
                let row = |line: &String| line.starts_with(|c: char| c.is_ascii_digit());
                lines.into_iter().filter(|line| !row(line)).collect()
            } else {
                lines
            }
        };
        assert_eq!(
            compared(&ours.stdout),
            compared(&theirs.stdout),
            "krait {args:?}\n{}\npython3:\n{}",
            ours.stdout,
            theirs.stdout
        );
    }
    for profiler in ["cProfile", "profile"] {
        let ours = run_program(KRAIT, &["-m", profiler], None, Some(&dir));
        let theirs = run_program("python3", &["-m", profiler], None, Some(&dir));
        assert_eq!(ours.code, 2);
        assert_eq!(theirs.code, 2);
        assert!(ours.stdout.contains("[-m module | scriptfile]"), "{ours:?}");
    }
    // cProfile takes only pstats' sort keys.
    let ours = run_program(
        KRAIT,
        &["-m", "cProfile", "-s", "bogus", "fib.py"],
        None,
        Some(&dir),
    );
    assert_eq!(ours.code, 2);
    assert!(ours.stderr.contains("invalid choice: 'bogus'"), "{ours:?}");
    // -o saves the statistics for pstats instead of printing them.
    let saved = dir.join("saved.prof");
    let ours = run_program(
        KRAIT,
        &["-m", "cProfile", "-o", saved.to_str().unwrap(), "fib.py"],
        None,
        Some(&dir),
    );
    assert_eq!(ours.stdout, "144 ['fib.py'] __main__\n", "{ours:?}");
    let read = run_program(
        KRAIT,
        &[
            "-c",
            &format!(
                "import pstats; pstats.Stats({:?}).print_stats()",
                saved.to_str().unwrap()
            ),
        ],
        None,
        Some(&dir),
    );
    assert!(read.stdout.contains("fib.py:2(fib)"), "{read:?}");
}
