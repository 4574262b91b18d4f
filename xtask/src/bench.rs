//! `cargo xtask bench [--runs N] [--json] [FILTER]`: whole programs, krait
//! against CPython.
//!
//! Builds the release binary, then runs every `benches/programs/*.py` whose
//! name contains FILTER with the real python3 (the executable behind any
//! shim, from `sys.executable`) and with `target/release/krait run`,
//! alternately, N times each (default 5). For each it reports the median wall
//! time, the peak RSS (`ru_maxrss` from `wait4`), their krait/python3 ratios,
//! and whether krait printed exactly what python3 printed ("WRONG OUTPUT"
//! otherwise; "FAILED" when krait exits non-zero, is killed or times out).
//! A start-up row runs a file holding only `pass`. The last two lines are
//! the geometric means of the time ratios and of the peak-RSS ratios over the
//! programs krait ran correctly (`geomean_ratio` and `geomean_rss_ratio` in
//! `--json`).
//!
//! It only measures: timings never make it fail. The exit status is non-zero
//! only when the harness itself cannot work (no python3, a failed build, a
//! program python3 itself cannot run...).
//!
//! Options: `--json` prints one JSON object on stdout instead of the table;
//! `--no-build` uses the existing binary; `--interp CMD` measures another
//! command instead of krait (no build); `--timeout SECS` bounds one run
//! (default 120). `KRAIT_PYTHON` names the python to compare with.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::conformance::{build_release, release_binary};
use crate::test::workspace_root;

const DEFAULT_RUNS: usize = 5;
const STARTUP_RUNS: usize = 20;
const DEFAULT_TIMEOUT: f64 = 120.0;

struct Options {
    runs: usize,
    json: bool,
    build: bool,
    interp: Option<String>,
    timeout: Duration,
    filter: String,
}

pub fn run(args: &[String]) -> ExitCode {
    let mut opts = Options {
        runs: DEFAULT_RUNS,
        json: false,
        build: true,
        interp: None,
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
            "--interp" => match it.next() {
                Some(cmd) => opts.interp = Some(cmd.clone()),
                None => return usage(),
            },
            "--json" => opts.json = true,
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
    match bench(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: cargo xtask bench [--runs N] [--json] [--no-build] [--interp CMD] \
         [--timeout SECS] [FILTER]"
    );
    ExitCode::from(2)
}

/// How one process ended.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
}

/// One run of one process.
pub(crate) struct Sample {
    pub(crate) wall: Duration,
    /// Peak resident set, bytes.
    pub(crate) max_rss: u64,
    pub(crate) exit: Exit,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
}

/// The medians of several runs of one command on one program.
struct Measured {
    wall: Duration,
    max_rss: u64,
}

enum Verdict {
    Ok,
    /// The first line that differs.
    WrongOutput(String),
    Failed(String),
}

struct Row {
    name: String,
    python: Measured,
    krait: Option<Measured>,
    verdict: Verdict,
}

fn bench(opts: &Options) -> Result<(), String> {
    let root = workspace_root();
    let python = real_python()?;
    let krait: Vec<String> = match &opts.interp {
        Some(cmd) => split_command(cmd)?,
        None => {
            if opts.build && !build_release(&root) {
                return Err("the release build failed".into());
            }
            let binary = release_binary(&root);
            if !binary.exists() {
                return Err(format!("{} does not exist", binary.display()));
            }
            vec![binary.display().to_string(), "run".into()]
        }
    };
    if krait.is_empty() {
        return Err("--interp is empty".into());
    }
    let python = vec![python];
    let scratch = root.join("target/xtask-bench");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let programs = programs(&root.join("benches/programs"), &opts.filter)?;
    eprintln!(
        "bench: {} program(s), {} run(s) each; python3 = {}, krait = {}",
        programs.len(),
        opts.runs,
        python[0],
        krait.join(" ")
    );

    let mut rows = Vec::new();
    for program in &programs {
        let name = program
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        eprint!("  {name:<20}");
        let row = bench_program(&name, program, &python, &krait, opts.runs, opts, &scratch)?;
        eprintln!("{}", progress(&row));
        rows.push(row);
    }
    let startup_file = scratch.join("startup.py");
    std::fs::write(&startup_file, "pass\n").map_err(|e| e.to_string())?;
    eprint!("  {:<20}", "start-up");
    let startup = bench_program(
        "start-up (pass)",
        &startup_file,
        &python,
        &krait,
        STARTUP_RUNS,
        opts,
        &scratch,
    )?;
    eprintln!("{}", progress(&startup));

    if opts.json {
        let value = to_json(&rows, &startup, &python[0], &krait, opts.runs);
        println!("{}", serde_json::to_string_pretty(&value).unwrap());
    } else {
        print_table(&rows, &startup, opts.runs);
    }
    Ok(())
}

/// Splits a command line the way a POSIX shell splits words: blanks
/// separate, `'...'` is literal, `"..."` and `\\` escape.
fn split_command(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err(format!("unterminated quote in {line:?}")),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c) => w.push(c),
                            None => return Err(format!("unterminated quote in {line:?}")),
                        },
                        Some(c) => w.push(c),
                        None => return Err(format!("unterminated quote in {line:?}")),
                    }
                }
            }
            '\\' => {
                let w = word.get_or_insert_with(String::new);
                w.extend(chars.next());
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// The python executable behind `python3` (a pyenv shim costs tens of
/// milliseconds per start).
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

pub(crate) fn programs(dir: &Path, filter: &str) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| s.to_string_lossy().contains(filter))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "no program in {} matches {filter:?}",
            dir.display()
        ));
    }
    Ok(files)
}

/// Runs python3 and krait alternately, `runs` times each. A krait failure
/// stops krait's runs for this program; python3 failing is the harness's
/// problem (the programs are written for it).
fn bench_program(
    name: &str,
    program: &Path,
    python: &[String],
    krait: &[String],
    runs: usize,
    opts: &Options,
    scratch: &Path,
) -> Result<Row, String> {
    let cwd = program.parent().unwrap_or(Path::new("."));
    let mut py_samples = Vec::new();
    let mut kr_samples = Vec::new();
    let mut reference: Option<Vec<u8>> = None;
    let mut verdict = Verdict::Ok;
    for _ in 0..runs {
        let py = measure(python, program, cwd, scratch, opts.timeout)
            .map_err(|e| format!("cannot run {}: {e}", python[0]))?;
        if py.exit != Exit::Code(0) {
            return Err(format!(
                "{name}: python3 itself fails ({:?}): {}",
                py.exit,
                last_line(&py.stderr)
            ));
        }
        let expected = reference.get_or_insert_with(|| py.stdout.clone());
        if *expected != py.stdout {
            return Err(format!("{name}: python3's output differs between runs"));
        }
        py_samples.push(py);

        if matches!(verdict, Verdict::Failed(_)) {
            continue;
        }
        let kr = match measure(krait, program, cwd, scratch, opts.timeout) {
            Ok(sample) => sample,
            Err(err) => {
                verdict = Verdict::Failed(format!("cannot start: {err}"));
                continue;
            }
        };
        match &kr.exit {
            Exit::Code(0) => {}
            Exit::Code(code) => {
                verdict = Verdict::Failed(format!("exit {code}: {}", last_line(&kr.stderr)));
            }
            Exit::Signal(sig) => verdict = Verdict::Failed(format!("killed by signal {sig}")),
            Exit::TimedOut => {
                verdict = Verdict::Failed(format!("timed out after {:?}", opts.timeout));
            }
        }
        if matches!(verdict, Verdict::Failed(_)) {
            continue;
        }
        if kr.stdout != *expected && matches!(verdict, Verdict::Ok) {
            verdict = Verdict::WrongOutput(first_difference(expected, &kr.stdout));
        }
        kr_samples.push(kr);
    }
    Ok(Row {
        name: name.to_string(),
        python: summarize(&py_samples),
        krait: match verdict {
            Verdict::Failed(_) => None,
            _ => Some(summarize(&kr_samples)),
        },
        verdict,
    })
}

fn summarize(samples: &[Sample]) -> Measured {
    let mut walls: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
    let mut rss: Vec<u64> = samples.iter().map(|s| s.max_rss).collect();
    walls.sort();
    rss.sort();
    let n = walls.len();
    let wall = if n % 2 == 1 {
        walls[n / 2]
    } else {
        (walls[n / 2 - 1] + walls[n / 2]) / 2
    };
    Measured {
        wall,
        max_rss: if n % 2 == 1 {
            rss[n / 2]
        } else {
            (rss[n / 2 - 1] + rss[n / 2]) / 2
        },
    }
}

/// Where krait's output first departs from python3's.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut want_lines = want.split_inclusive('\n');
    let mut got_lines = got.split_inclusive('\n');
    for line in 1.. {
        let (w, g) = (want_lines.next(), got_lines.next());
        if w.is_none() && g.is_none() {
            return "invalid UTF-8 differs".into();
        }
        if w != g {
            let show = |l: Option<&str>| match l {
                Some(l) => format!("{:?}", l.chars().take(40).collect::<String>()),
                None => "nothing".into(),
            };
            return format!("line {line}: krait {}, python3 {}", show(g), show(w));
        }
    }
    unreachable!("`1..` does not end")
}

pub(crate) fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    line.chars().take(100).collect()
}

/// Runs `cmd program` once with its output in files under `scratch`: wall
/// time from spawn to exit, and the child's own peak RSS from `wait4`.
///
/// A watchdog thread kills the child after `timeout`. The child is first
/// waited for without being reaped (`waitid` with `WNOWAIT`), so its pid
/// cannot be reused while the watchdog may still signal it; only then does
/// `wait4` reap it and read its resource usage.
pub(crate) fn measure(
    cmd: &[String],
    program: &Path,
    cwd: &Path,
    scratch: &Path,
    timeout: Duration,
) -> io::Result<Sample> {
    let out_path = scratch.join("stdout");
    let err_path = scratch.join("stderr");
    let stdout = File::create(&out_path)?;
    let stderr = File::create(&err_path)?;
    let started = Instant::now();
    let child = Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg(program)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let (cancel, cancelled) = mpsc::channel::<()>();
    let watchdog = thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = cancelled.recv_timeout(timeout) {
            // SAFETY: the child is not reaped before this thread is joined,
            // so `pid` still names it (alive or a zombie).
            unsafe { libc::kill(pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    let waited = wait_unreaped(pid);
    let wall = started.elapsed();
    let _ = cancel.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let (status, usage) = reap(pid)?;
    // `child` was reaped by hand: dropping it neither waits nor kills.
    drop(child);
    waited?;
    let exit = if timed_out {
        Exit::TimedOut
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    Ok(Sample {
        wall,
        // Linux reports ru_maxrss in kilobytes.
        max_rss: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
        exit,
        stdout: std::fs::read(&out_path)?,
        stderr: std::fs::read(&err_path)?,
    })
}

/// Blocks until the child has exited, leaving it a zombie.
fn wait_unreaped(pid: libc::pid_t) -> io::Result<()> {
    loop {
        // SAFETY: siginfo_t is plain data; waitid only writes into it.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: a valid pointer to a siginfo_t that lives across the call.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// Reaps the child: its wait status and its own resource usage.
fn reap(pid: libc::pid_t) -> io::Result<(libc::c_int, libc::rusage)> {
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is plain data; wait4 only writes into it.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: valid pointers to locals that live across the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let err = io::Error::last_os_error();
        if r != -1 || err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn status_text(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Ok => "ok".into(),
        Verdict::WrongOutput(diff) => format!("WRONG OUTPUT ({diff})"),
        Verdict::Failed(why) => format!("FAILED: {why}"),
    }
}

fn progress(row: &Row) -> String {
    match &row.krait {
        Some(k) => format!(
            "python3 {:>9.1} ms   krait {:>9.1} ms   {}",
            ms(row.python.wall),
            ms(k.wall),
            status_text(&row.verdict)
        ),
        None => format!(
            "python3 {:>9.1} ms   {}",
            ms(row.python.wall),
            status_text(&row.verdict)
        ),
    }
}

fn time_ratio(krait: &Measured, python: &Measured) -> f64 {
    krait.wall.as_secs_f64() / python.wall.as_secs_f64()
}

fn rss_ratio(krait: &Measured, python: &Measured) -> f64 {
    krait.max_rss as f64 / python.max_rss.max(1) as f64
}

/// Geometric mean of one krait/python3 ratio (`time_ratio`, `rss_ratio`)
/// over correct rows, and how many rows it covers.
fn geomean(rows: &[Row], ratio: fn(&Measured, &Measured) -> f64) -> Option<(f64, usize)> {
    let logs: Vec<f64> = rows
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Ok))
        .filter_map(|r| Some(ratio(r.krait.as_ref()?, &r.python).ln()))
        .collect();
    if logs.is_empty() {
        return None;
    }
    Some((
        (logs.iter().sum::<f64>() / logs.len() as f64).exp(),
        logs.len(),
    ))
}

fn print_table(rows: &[Row], startup: &Row, runs: usize) {
    println!(
        "\n{:<20} {:>11} {:>11} {:>7} {:>8} {:>9} {:>7}  status",
        "program", "python3 ms", "krait ms", "ratio", "py MB", "krait MB", "RSS x"
    );
    let line = |row: &Row| {
        let py = &row.python;
        match &row.krait {
            Some(k) => println!(
                "{:<20} {:>11.1} {:>11.1} {:>7.2} {:>8.1} {:>9.1} {:>7.2}  {}",
                row.name,
                ms(py.wall),
                ms(k.wall),
                time_ratio(k, py),
                mb(py.max_rss),
                mb(k.max_rss),
                rss_ratio(k, py),
                status_text(&row.verdict)
            ),
            None => println!(
                "{:<20} {:>11.1} {:>11} {:>7} {:>8.1} {:>9} {:>7}  {}",
                row.name,
                ms(py.wall),
                "-",
                "-",
                mb(py.max_rss),
                "-",
                "-",
                status_text(&row.verdict)
            ),
        }
    };
    for row in rows {
        line(row);
    }
    line(startup);
    println!("(median of {runs} runs; start-up: median of {STARTUP_RUNS} runs)");
    for (what, ratio) in [
        ("time", time_ratio as fn(&Measured, &Measured) -> f64),
        ("peak-RSS", rss_ratio),
    ] {
        match geomean(rows, ratio) {
            Some((g, n)) => println!(
                "geometric mean of {what} ratios krait/python3 over {n} of {} program(s): {g:.3}",
                rows.len()
            ),
            None => println!("geometric mean of {what} ratios: no program ran correctly on krait"),
        }
    }
}

fn row_json(row: &Row) -> Value {
    let py = &row.python;
    let (status, error) = match &row.verdict {
        Verdict::Ok => ("ok", None),
        Verdict::WrongOutput(diff) => ("wrong output", Some(diff.clone())),
        Verdict::Failed(why) => ("failed", Some(why.clone())),
    };
    let k = row.krait.as_ref();
    json!({
        "name": row.name,
        "status": status,
        "error": error,
        "python_ms": ms(py.wall),
        "krait_ms": k.map(|k| ms(k.wall)),
        "ratio": k.map(|k| time_ratio(k, py)),
        "python_rss_mb": mb(py.max_rss),
        "krait_rss_mb": k.map(|k| mb(k.max_rss)),
        "rss_ratio": k.map(|k| rss_ratio(k, py)),
    })
}

fn to_json(rows: &[Row], startup: &Row, python: &str, krait: &[String], runs: usize) -> Value {
    let geo = geomean(rows, time_ratio);
    let geo_rss = geomean(rows, rss_ratio);
    json!({
        "python": python,
        "krait": krait.join(" "),
        "runs": runs,
        "startup_runs": STARTUP_RUNS,
        "programs": rows.iter().map(row_json).collect::<Vec<_>>(),
        "startup": row_json(startup),
        "geomean_ratio": geo.map(|g| g.0),
        "geomean_programs": geo.map_or(0, |g| g.1),
        "geomean_rss_ratio": geo_rss.map(|g| g.0),
        "geomean_rss_programs": geo_rss.map_or(0, |g| g.1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        let words = split_command(r#"sh -c 'exit 3'  "a \"b\" c" d\ e"#).unwrap();
        assert_eq!(words, ["sh", "-c", "exit 3", "a \"b\" c", "d e"]);
        assert_eq!(split_command("''").unwrap(), [""]);
        assert!(split_command("'open").is_err());
    }

    #[test]
    fn geometric_means_cover_correct_rows() {
        let measured = |ms: u64, mb: u64| Measured {
            wall: Duration::from_millis(ms),
            max_rss: mb << 20,
        };
        let row = |name: &str, krait: Option<Measured>, verdict| Row {
            name: name.into(),
            python: measured(100, 10),
            krait,
            verdict,
        };
        let rows = [
            row("a", Some(measured(200, 5)), Verdict::Ok),
            row("b", Some(measured(800, 20)), Verdict::Ok),
            row(
                "c",
                Some(measured(100, 10)),
                Verdict::WrongOutput(String::new()),
            ),
            row("d", None, Verdict::Failed(String::new())),
        ];
        let (time, n) = geomean(&rows, time_ratio).unwrap();
        assert!((time - 4.0).abs() < 1e-9 && n == 2);
        let (rss, n) = geomean(&rows, rss_ratio).unwrap();
        assert!((rss - 1.0).abs() < 1e-9 && n == 2);
        assert!(geomean(&rows[2..], rss_ratio).is_none());
        let json = to_json(&rows, &rows[0], "python3", &["krait".into()], 1);
        assert_eq!(json["geomean_rss_programs"], 2);
        assert!((json["geomean_rss_ratio"].as_f64().unwrap() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn measures_a_child() {
        let scratch = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).unwrap();
        let sh = |script: &str| vec!["sh".to_string(), "-c".into(), script.into()];
        let t = Duration::from_secs(30);
        let ok = measure(
            &sh("echo hi; echo oops >&2"),
            Path::new("x"),
            &scratch,
            &scratch,
            t,
        )
        .unwrap();
        assert_eq!(ok.exit, Exit::Code(0));
        assert_eq!(ok.stdout, b"hi\n");
        assert_eq!(last_line(&ok.stderr), "oops");
        assert!(ok.max_rss > 0);
        let failed = measure(&sh("exit 3"), Path::new("x"), &scratch, &scratch, t).unwrap();
        assert_eq!(failed.exit, Exit::Code(3));
        let slow = Duration::from_millis(200);
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            "line 2: krait \"c\\n\", python3 \"b\\n\""
        );
        assert_eq!(
            first_difference(b"a\n", b"a\nmore\n"),
            "line 2: krait \"more\\n\", python3 nothing"
        );
        let hung = measure(&sh("sleep 20"), Path::new("x"), &scratch, &scratch, slow).unwrap();
        assert_eq!(hung.exit, Exit::TimedOut);
        assert!(hung.wall < Duration::from_secs(10));
        std::fs::remove_dir_all(&scratch).unwrap();
    }
}
