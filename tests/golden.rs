//! Golden programs: every `tests/programs/*.py`, `tests/errors/*.py` and
//! `tests/tracebacks/*.py` is run with the `krait` binary and compared with
//! python3's results, which `cargo xtask regen` stored next to it: `X.out`
//! (stdout), `X.code` (the exit code, 0 when absent) and `X.err` (the last
//! line of stderr, when the exit code is not 0); for `tests/tracebacks`,
//! and for programs python3 writes warnings for, also `X.stderr`, the whole
//! stderr (file names without their folder). Never edit those files by
//! hand. A program with an
//! `X.stdin` file beside it (a project: a `stdin` file in its folder)
//! reads that file as its standard input, for python3 and for krait.
//!
//! Every program runs (from its own folder, as regen runs python3) before
//! anything is reported, so one run shows all failures, each with a diff.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

/// A program that runs longer than this is a failure (debug build).
const TIMEOUT: Duration = Duration::from_secs(60);

/// Programs known to differ from python3, with the reason (a known gap of
/// a layer, documented there). They are still run: a listed program that
/// starts to pass fails the test, so the list stays true.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn known_failure(file: &Path) -> Option<&'static str> {
    let name = file.file_name()?.to_str()?;
    KNOWN_FAILURES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, why)| *why)
}

struct Outcome {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    timed_out: bool,
}

/// Runs `krait ARGS` in `dir` with a time limit, its standard input the
/// file `stdin` (nothing when `None`).
fn run_krait_with_input(args: &[&str], dir: &Path, stdin: Option<&Path>) -> Outcome {
    let input = match stdin {
        Some(path) => Stdio::from(std::fs::File::open(path).expect("the stdin file opens")),
        None => Stdio::null(),
    };
    let mut child = Command::new(KRAIT)
        .args(args)
        .current_dir(dir)
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the krait binary runs");
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().unwrap()));
    let stderr = read_all(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            timed_out = true;
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Outcome {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        code: status.and_then(|s| s.code()),
        timed_out,
    }
}

/// Runs `krait ARGS` in `dir` with a time limit and no input.
fn run_krait(args: &[&str], dir: &Path) -> Outcome {
    run_krait_with_input(args, dir, None)
}

fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// The `.py` files of a folder under `tests/`, sorted.
fn programs(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A line diff of expected and actual text (`-` expected, `+` actual),
/// with a little context around each change.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table; programs' outputs are small.
    let (n, m) = (a.len(), b.len());
    if n * m > 4_000_000 {
        return format!("  (outputs too long to diff: {n} vs {m} lines)\n");
    }
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            lines.push(('+', b[j]));
            j += 1;
        } else {
            lines.push(('-', a[i]));
            i += 1;
        }
    }
    const CONTEXT: usize = 2;
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(lines.len());
        lines[lo..hi].iter().any(|(tag, _)| *tag != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (tag, line)) in lines.iter().enumerate() {
        if near_change(k) {
            let _ = writeln!(out, "  {tag} {line}");
            skipped = false;
        } else if !skipped {
            out.push_str("  ...\n");
            skipped = true;
        }
    }
    if !expected.ends_with('\n') && !expected.is_empty()
        || !actual.ends_with('\n') && !actual.is_empty()
    {
        let _ = writeln!(
            out,
            "  (final newline: expected {}, actual {})",
            expected.ends_with('\n'),
            actual.ends_with('\n')
        );
    }
    out
}

/// Runs `krait ARGS` for `file` and compares with its expected files;
/// returns the failure report, if any.
fn check(file: &Path, args: &[&str]) -> Option<String> {
    check_in(file, file.parent().unwrap(), args)
}

/// [`check`] with the expected files named after `file` (`X.out` for
/// `X.py`) and krait run in `dir`.
fn check_in(file: &Path, dir: &Path, args: &[&str]) -> Option<String> {
    let read = |ext: &str| std::fs::read_to_string(file.with_extension(ext)).ok();
    let Some(expected_out) = read("out") else {
        return Some("no .out file: run `cargo xtask regen`".into());
    };
    let expected_code: i32 = read("code")
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(0);
    let expected_err = read("err").map(|e| e.trim().to_string());

    // The program's input: `X.stdin` beside `X.py`, or a project's
    // `stdin` file.
    let stdin = if file.file_name().is_some_and(|n| n == "expected.py") {
        dir.join("stdin")
    } else {
        file.with_extension("stdin")
    };
    let stdin = stdin.is_file().then_some(stdin);
    let outcome = run_krait_with_input(args, dir, stdin.as_deref());
    let mut problems = String::new();
    if outcome.timed_out {
        let _ = writeln!(problems, "timed out after {TIMEOUT:?}");
    }
    if outcome.stderr.contains("panicked") {
        let _ = writeln!(problems, "krait panicked:\n{}", outcome.stderr);
    }
    if outcome.stdout != expected_out {
        let _ = write!(
            problems,
            "stdout differs (- expected, + krait):\n{}",
            diff(&expected_out, &outcome.stdout)
        );
    }
    if outcome.code != Some(expected_code) {
        let _ = writeln!(
            problems,
            "exit code: expected {expected_code}, got {:?}",
            outcome.code
        );
    }
    let actual_err = last_line(&outcome.stderr);
    match &expected_err {
        Some(expected) if actual_err != expected => {
            let _ = writeln!(
                problems,
                "last stderr line:\n  expected: {expected}\n  krait:    {actual_err}"
            );
        }
        None if expected_code == 0
            && !outcome.stderr.trim().is_empty()
            && !file.with_extension("stderr").exists() =>
        {
            let _ = writeln!(problems, "unexpected stderr:\n{}", outcome.stderr);
        }
        _ => {}
    }
    if let Some(expected_stderr) = read("stderr") {
        let actual = without_folder(&outcome.stderr, dir);
        if actual != expected_stderr {
            let _ = write!(
                problems,
                "stderr differs (- expected, + krait):\n{}",
                diff(&expected_stderr, &actual)
            );
        }
    }
    (!problems.is_empty()).then_some(problems)
}

/// Records the result of one program, minding [`KNOWN_FAILURES`].
fn record(failures: &mut Vec<(String, String)>, file: &Path, name: String, result: Option<String>) {
    match (result, known_failure(file)) {
        (Some(problems), None) => failures.push((name, problems)),
        (Some(_), Some(why)) => eprintln!("known failure {name}: {why}"),
        (None, Some(_)) => failures.push((
            name,
            "passes now: remove it from KNOWN_FAILURES in tests/golden.rs\n".into(),
        )),
        (None, None) => {}
    }
}

fn report(failures: Vec<(String, String)>, total: usize) {
    if failures.is_empty() {
        return;
    }
    let mut text = format!("{} of {total} golden programs failed:\n", failures.len());
    for (name, problems) in &failures {
        let _ = write!(text, "\n=== {name}\n{problems}");
    }
    panic!("{text}");
}

fn run_all(folders: &[&str], args_for: impl Fn(&Path) -> Vec<String>) {
    run_all_where(folders, |file| Some(args_for(file)));
}

/// [`run_all`] over the programs `args_for` gives arguments for.
fn run_all_where(folders: &[&str], args_for: impl Fn(&Path) -> Option<Vec<String>>) {
    let mut failures = Vec::new();
    let mut total = 0;
    for folder in folders {
        for file in programs(folder) {
            let Some(args) = args_for(&file) else {
                continue;
            };
            total += 1;
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let name = format!("tests/{folder}/{}", file_name(&file));
            record(&mut failures, &file, name, check(&file, &args));
        }
    }
    assert!(total > 0, "no golden programs found");
    report(failures, total);
}

fn file_name(file: &Path) -> String {
    file.file_name().unwrap().to_string_lossy().into_owned()
}

/// `text` with the paths of `dir` (as given and as the system resolves
/// it) taken out of file names, as `cargo xtask regen` stores a whole
/// stderr.
fn without_folder(text: &str, dir: &Path) -> String {
    let mut text = text.to_string();
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    for folder in [real.as_path(), dir] {
        text = text.replace(&format!("{}/", folder.display()), "");
    }
    text
}

#[test]
fn golden_programs() {
    run_all(&["programs", "errors", "tracebacks"], |file| {
        vec!["run".into(), file_name(file)]
    });
}

/// The examples the README shows (`examples/tiny_vm.py`: a stack VM in
/// Python running functions' bytecode) against python3's output, stored
/// beside them (`examples/X.out`, made by `cargo xtask regen`).
#[test]
fn golden_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut failures = Vec::new();
    let mut total = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py") && p.with_extension("out").exists())
        .collect();
    files.sort();
    for file in files {
        total += 1;
        let name = format!("examples/{}", file_name(&file));
        let args = ["run".to_string(), file_name(&file)];
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        record(&mut failures, &file, name, check(&file, &args));
    }
    assert!(total > 0, "no examples with expected output found");
    report(failures, total);
}

/// The same programs with an instruction budget: the dispatch loop then
/// runs its watched variant, every fused fast path off, one plain
/// instruction per dispatch. Both variants must agree with python3.
#[test]
fn golden_programs_watched() {
    run_all(&["programs", "errors", "tracebacks"], |file| {
        vec![
            "run".into(),
            "--max-instructions".into(),
            "1000000000000".into(),
            file_name(file),
        ]
    });
}

/// The same programs with the cycle collector running at nearly every
/// safe point (`--gc-stress`): a collection must never change what a
/// program does. Not the programs that print the collector's own figures.
#[test]
fn golden_programs_gc_stress() {
    run_all_where(&["programs"], |file| {
        let name = file_name(file);
        (!GC_STRESS_SKIPPED.contains(&name.as_str()))
            .then(|| vec!["run".into(), "--gc-stress".into(), name])
    });
}

/// Programs whose output depends on when collections happen.
const GC_STRESS_SKIPPED: [&str; 2] = ["gc_cycles.py", "gc_module_api.py"];

/// The same programs compiled to `.kbc` first: the saved bytecode runs the
/// same (`tests/errors` too: a SyntaxError then comes from `compile`).
#[test]
fn golden_programs_from_kbc() {
    let out_dir = std::env::temp_dir().join(format!("krait-golden-kbc-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut failures = Vec::new();
    let mut total = 0;
    // Tracebacks too: their markers need the positions the file keeps.
    // Not a program whose expected output includes what its compilation
    // prints (SyntaxWarnings): a `.kbc`, like a `.pyc`, runs without.
    let compile_time_output = ["syntax_warnings.py"];
    // Nor one that reads its own source through `__file__` (`inspect`):
    // run from a `.kbc`, like a `.pyc` run directly, it has none.
    let reads_own_source = [
        "stdlib_inspect_objects.py",
        "stdlib_inspect_source.py",
        "stdlib_doctest_parser.py",
        "stdlib_inspect_api.py",
    ];
    for file in programs("programs")
        .into_iter()
        .chain(programs("tracebacks"))
    {
        if compile_time_output.contains(&file_name(&file).as_str())
            || reads_own_source.contains(&file_name(&file).as_str())
        {
            continue;
        }
        total += 1;
        let kbc = out_dir.join(file.with_extension("kbc").file_name().unwrap());
        let kbc = kbc.display().to_string();
        let compiled = run_krait(
            &["compile", &file_name(&file), "-o", &kbc],
            file.parent().unwrap(),
        );
        if compiled.code != Some(0) {
            failures.push((
                file_name(&file),
                format!("compile failed:\n{}", compiled.stderr),
            ));
            continue;
        }
        let name = format!("{} (as .kbc)", file.display());
        record(&mut failures, &file, name, check(&file, &["run", &kbc]));
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    report(failures, total);
}

/// The multi-file programs: each folder of `tests/projects` is a program
/// (a `main.py` with modules and packages beside it), run as
/// `krait main.py`, or with the arguments in its `command` file (`-m
/// tool x`); the expected results are `expected.out` (`.code`, `.err`),
/// from python3. Each runs twice, each time in a fresh copy of its folder
/// (so files a program writes are gone afterwards): the first run
/// compiles the modules and fills the `__pycache__` cache, the second
/// starts with that cache and reads the modules from it; both must match.
#[test]
fn golden_projects() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let scratch = std::env::temp_dir().join(format!("krait-projects-{}", std::process::id()));
    let mut failures = Vec::new();
    for case in &cases {
        let name = format!("tests/projects/{}", file_name(case));
        let command =
            std::fs::read_to_string(case.join("command")).unwrap_or_else(|_| "main.py".to_string());
        let args: Vec<&str> = command.split_whitespace().collect();
        let expected = case.join("expected.py");
        let first = scratch.join(format!("{}-1", file_name(case)));
        let second = scratch.join(format!("{}-2", file_name(case)));
        copy_folder(case, &first);
        if let Some(problems) = check_in(&expected, &first, &args) {
            failures.push((format!("{name} (compiling)"), problems));
        }
        copy_folder(case, &second);
        copy_caches(&first, &second);
        if let Some(problems) = check_in(&expected, &second, &args) {
            failures.push((format!("{name} (from the cache)"), problems));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(!cases.is_empty(), "no golden projects found");
    report(failures, cases.len());
}

/// Copies a folder tree (a project's sources; caches left out).
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "__pycache__") {
                copy_folder(&path, &target);
            }
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Copies the `__pycache__` folders of `from` to the same places in `to`.
fn copy_caches(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        let target = to.join(path.file_name().unwrap());
        if path.file_name().is_some_and(|n| n == "__pycache__") {
            std::fs::create_dir_all(&target).unwrap();
            for file in std::fs::read_dir(&path).unwrap() {
                let file = file.unwrap().path();
                std::fs::copy(&file, target.join(file.file_name().unwrap())).unwrap();
            }
        } else if target.is_dir() {
            copy_caches(&path, &target);
        }
    }
}

/// The golden folders are well formed, whatever the VM can run.
#[test]
fn every_golden_program_has_expected_output() {
    for folder in ["programs", "errors", "tracebacks"] {
        for file in programs(folder) {
            assert!(
                file.with_extension("out").exists(),
                "{} has no .out: run `cargo xtask regen`",
                file.display()
            );
            if folder == "tracebacks" {
                assert!(
                    file.with_extension("stderr").exists(),
                    "{} has no .stderr: run `cargo xtask regen`",
                    file.display()
                );
            }
            let has_code = file.with_extension("code").exists();
            assert_eq!(
                has_code,
                file.with_extension("err").exists(),
                "{}: .code and .err come together",
                file.display()
            );
            if folder == "errors" {
                assert!(
                    has_code,
                    "{} exits 0: move it to tests/programs",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn diff_shows_changed_lines() {
    let d = diff("a\nb\nc\n", "a\nx\nc\n");
    assert!(d.contains("  - b\n") && d.contains("  + x\n"), "{d}");
}
