//! `cargo xtask conformance [--filter PREFIX] [--bless [--allow-drop]] [--verbose]`:
//! krait on the shared conformance corpus, held to a committed baseline.
//!
//! The corpus (`../shared/conformance`) has its own runner, `run.py`; this
//! step runs it with `--json` against the release binary
//! (`target/release/krait run`) and reads the per-case results (case name ->
//! `"ok"` or the reason it failed). The level the project has reached is
//! `tests/conformance-baseline.txt`: the names of the cases that pass, sorted,
//! one per line (`#` starts a comment). The step fails when a case of the
//! baseline fails now; cases that pass but are not in the baseline are
//! reported, and `--bless` writes them in. Blessing never lowers the level
//! silently: it refuses to drop a case from the baseline unless
//! `--allow-drop` is given.
//!
//! `--interp CMD` runs another interpreter instead of krait (no build), to
//! check this machinery itself: `cargo xtask conformance --interp python3`.
//! Its results must never become the committed baseline, so `--bless` with
//! `--interp` needs `--baseline FILE` pointing elsewhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use serde_json::Value;

use crate::test::{conformance_dir, workspace_root};

/// The committed baseline, relative to the workspace root.
pub const BASELINE: &str = "tests/conformance-baseline.txt";

/// Newly passing cases listed by name before the rest are only counted
/// (unless `--verbose`).
const LISTED: usize = 20;

const HEADER: &str = "\
# Conformance cases (../shared/conformance/cases) that krait passes: the level
# `cargo xtask test` holds the project to. Sorted, one per line. Rewrite it with
# `cargo xtask conformance --bless`, never by hand and never from another
# interpreter's results.
";

#[derive(Default)]
pub struct Options {
    pub filter: String,
    pub bless: bool,
    pub allow_drop: bool,
    pub verbose: bool,
    /// Replaces `target/release/krait run`; no release build then.
    pub interp: Option<String>,
    /// Defaults to [`BASELINE`].
    pub baseline: Option<PathBuf>,
}

/// What one comparison with the baseline found, for the summary of
/// `cargo xtask test`.
pub struct Outcome {
    pub passed: bool,
    pub note: String,
}

pub fn run(args: &[String]) -> ExitCode {
    let mut opts = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--filter" => match it.next() {
                Some(prefix) => opts.filter = prefix.clone(),
                None => return usage(),
            },
            "--interp" => match it.next() {
                Some(cmd) => opts.interp = Some(cmd.clone()),
                None => return usage(),
            },
            "--baseline" => match it.next() {
                Some(file) => opts.baseline = Some(PathBuf::from(file)),
                None => return usage(),
            },
            "--bless" => opts.bless = true,
            "--allow-drop" => opts.allow_drop = true,
            "--verbose" | "-v" => opts.verbose = true,
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            _ => return usage(),
        }
    }
    if opts.allow_drop && !opts.bless {
        eprintln!("--allow-drop only makes sense with --bless");
        return ExitCode::from(2);
    }
    if opts.bless && opts.interp.is_some() && opts.baseline.is_none() {
        eprintln!(
            "refusing --bless with --interp: the committed baseline records krait's results only \
             (give --baseline FILE to write elsewhere)"
        );
        return ExitCode::from(2);
    }
    let Some(dir) = conformance_dir() else {
        eprintln!("../shared/conformance/cases not found next to the workspace");
        return ExitCode::FAILURE;
    };
    let root = workspace_root();
    if opts.interp.is_none() && !build_release(&root) {
        return ExitCode::FAILURE;
    }
    let outcome = check(&root, &dir, &opts);
    if outcome.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: cargo xtask conformance [--filter PREFIX] [--verbose] [--bless [--allow-drop]]\n\
         \x20                              [--interp CMD] [--baseline FILE]"
    );
    ExitCode::from(2)
}

/// `cargo build --release --bin krait`: the one release build of a run.
pub fn build_release(root: &Path) -> bool {
    eprintln!("building target/release/krait (cargo build --release --bin krait)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    match Command::new(cargo)
        .args(["build", "--release", "--bin", "krait"])
        .current_dir(root)
        .status()
    {
        Ok(status) if status.success() => true,
        Ok(status) => {
            eprintln!("cargo build --release --bin krait failed ({status})");
            false
        }
        Err(err) => {
            eprintln!("cannot run cargo: {err}");
            false
        }
    }
}

/// The release binary, as an absolute path: under `CARGO_TARGET_DIR` when
/// it is set, since that is where `build_release`'s cargo puts it.
pub fn release_binary(root: &Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| root.join("target"), |dir| root.join(dir));
    target.join("release/krait")
}

/// Quotes one word for the shell-like splitting of run.py's `--interp`.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Runs the corpus, compares with the baseline, prints the figures, and with
/// `bless` rewrites the baseline. The binary must already be built.
pub fn check(root: &Path, dir: &Path, opts: &Options) -> Outcome {
    let interp = match &opts.interp {
        Some(cmd) => cmd.clone(),
        None => format!(
            "{} run",
            shell_quote(&release_binary(root).display().to_string())
        ),
    };
    let baseline_path = opts.baseline.clone().unwrap_or_else(|| root.join(BASELINE));
    let fail = |note: String| {
        eprintln!("conformance: {note}");
        Outcome {
            passed: false,
            note,
        }
    };
    let baseline = match read_baseline(&baseline_path) {
        Ok(set) => set,
        Err(err) => return fail(format!("cannot read {}: {err}", baseline_path.display())),
    };
    let results = match run_corpus(dir, &interp, &opts.filter) {
        Ok(results) => results,
        Err(err) => return fail(err),
    };
    let report = Report::new(&results, &baseline, &opts.filter);
    report.print(&interp, &baseline_path, opts.verbose);
    // A successful bless makes the baseline match the results (dropped
    // cases included, with --allow-drop); a refused one leaves it failing.
    let passed = if opts.bless {
        bless(&report, &baseline, &baseline_path, opts.allow_drop)
    } else {
        report.regressed.is_empty()
    };
    Outcome {
        passed,
        note: report.note(),
    }
}

/// Case names of a baseline file; a missing file is an empty baseline.
pub fn read_baseline(path: &Path) -> std::io::Result<BTreeSet<String>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "conformance: {} does not exist: taken as empty",
                path.display()
            );
            String::new()
        }
        Err(err) => return Err(err),
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Runs `run.py --json` and returns case name -> `None` (passed) or the
/// reason it failed. run.py exits 1 whenever a case fails; only a missing or
/// unreadable JSON object is an error here.
fn run_corpus(
    dir: &Path,
    interp: &str,
    filter: &str,
) -> Result<BTreeMap<String, Option<String>>, String> {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let runner = dir.join("run.py");
    eprintln!(
        "running {} --interp {interp}{}",
        runner.display(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" --filter {filter}")
        }
    );
    let mut cmd = Command::new(&python);
    cmd.arg(&runner)
        .args(["--interp", interp, "--json"])
        .stdin(Stdio::null());
    if !filter.is_empty() {
        cmd.args(["--filter", filter]);
    }
    let output = cmd
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let parsed = parse_results(&stdout);
    if parsed.is_err() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        eprintln!(
            "run.py exited with {}; its stderr:\n{stderr}",
            output.status
        );
    }
    parsed
}

/// Finds run.py's JSON object (the first line that opens with `{`) and reads
/// it; whatever follows (the per-tier lines, the total) is ignored.
pub fn parse_results(stdout: &str) -> Result<BTreeMap<String, Option<String>>, String> {
    let mut offset = 0;
    let start = stdout
        .split_inclusive('\n')
        .find_map(|line| {
            let at = offset;
            offset += line.len();
            line.starts_with('{').then_some(at)
        })
        .ok_or("run.py printed no JSON results")?;
    let value: Value = serde_json::Deserializer::from_str(&stdout[start..])
        .into_iter::<Value>()
        .next()
        .ok_or("run.py's JSON results are empty")?
        .map_err(|e| format!("run.py's JSON results do not parse: {e}"))?;
    let Value::Object(cases) = value else {
        return Err("run.py's JSON results are not an object".into());
    };
    cases
        .into_iter()
        .map(|(name, verdict)| match verdict {
            Value::String(s) if s == "ok" => Ok((name, None)),
            Value::String(s) => Ok((name, Some(s))),
            other => Err(format!("case {name}: unexpected result {other}")),
        })
        .collect()
}

/// The tier of a case: the part of its name before the first `_`.
fn tier(name: &str) -> &str {
    name.split('_').next().unwrap_or(name)
}

/// The corpus results set against the baseline.
pub struct Report<'a> {
    results: &'a BTreeMap<String, Option<String>>,
    /// Cases that pass now.
    pub passing: BTreeSet<String>,
    /// In the baseline, failing now: (name, why).
    pub regressed: Vec<(String, String)>,
    /// In the baseline (within the filter), not in the corpus any more.
    pub missing: Vec<String>,
    /// Passing, not in the baseline.
    pub new: Vec<String>,
    /// Baseline cases within the filter.
    pub in_scope: BTreeSet<String>,
}

impl<'a> Report<'a> {
    pub fn new(
        results: &'a BTreeMap<String, Option<String>>,
        baseline: &BTreeSet<String>,
        filter: &str,
    ) -> Self {
        let passing: BTreeSet<String> = results
            .iter()
            .filter(|(_, why)| why.is_none())
            .map(|(name, _)| name.clone())
            .collect();
        let in_scope: BTreeSet<String> = baseline
            .iter()
            .filter(|name| name.starts_with(filter))
            .cloned()
            .collect();
        let mut regressed = Vec::new();
        let mut missing = Vec::new();
        for name in &in_scope {
            match results.get(name) {
                Some(Some(why)) => regressed.push((name.clone(), why.clone())),
                Some(None) => {}
                None => missing.push(name.clone()),
            }
        }
        let new = passing.difference(baseline).cloned().collect();
        Report {
            results,
            passing,
            regressed,
            missing,
            new,
            in_scope,
        }
    }

    /// One line for the summary table of `cargo xtask test`.
    pub fn note(&self) -> String {
        let mut note = format!(
            "{}/{} pass, baseline {}",
            self.passing.len(),
            self.results.len(),
            self.in_scope.len()
        );
        if !self.regressed.is_empty() {
            note += &format!(", {} REGRESSED", self.regressed.len());
        }
        if !self.new.is_empty() {
            note += &format!(", {} new", self.new.len());
        }
        note
    }

    fn print(&self, interp: &str, baseline_path: &Path, verbose: bool) {
        // tier -> (passing, total, in baseline)
        let mut tiers: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for (name, why) in self.results {
            let t = tiers.entry(tier(name)).or_default();
            t.0 += usize::from(why.is_none());
            t.1 += 1;
        }
        for name in &self.in_scope {
            tiers.entry(tier(name)).or_default().2 += 1;
        }
        eprintln!(
            "\nconformance of `{interp}` (baseline {}):",
            baseline_path.display()
        );
        eprintln!(
            "  {:<6} {:>6} {:>6} {:>9}",
            "tier", "pass", "cases", "baseline"
        );
        for (name, (pass, total, base)) in &tiers {
            eprintln!("  {name:<6} {pass:>6} {total:>6} {base:>9}");
        }
        eprintln!(
            "  {:<6} {:>6} {:>6} {:>9}",
            "all",
            self.passing.len(),
            self.results.len(),
            self.in_scope.len()
        );

        if verbose {
            let failing: Vec<_> = self
                .results
                .iter()
                .filter_map(|(name, why)| Some((name, why.as_ref()?)))
                .collect();
            if !failing.is_empty() {
                eprintln!("\nfailing ({}):", failing.len());
                for (name, why) in failing {
                    eprintln!("  {name}: {why}");
                }
            }
        }
        if !self.missing.is_empty() {
            eprintln!(
                "\nin the baseline but not in the corpus any more ({}):",
                self.missing.len()
            );
            for name in &self.missing {
                eprintln!("  {name}");
            }
        }
        if !self.new.is_empty() {
            eprintln!(
                "\nnewly passing ({}) — run `cargo xtask conformance --bless` to raise the baseline:",
                self.new.len()
            );
            let shown = if verbose { self.new.len() } else { LISTED };
            for name in self.new.iter().take(shown) {
                eprintln!("  {name}");
            }
            if self.new.len() > shown {
                eprintln!(
                    "  ... and {} more (--verbose lists them)",
                    self.new.len() - shown
                );
            }
        }
        if self.regressed.is_empty() {
            eprintln!(
                "\nconformance: no regressions ({} of {} baseline cases pass)",
                self.in_scope.len() - self.missing.len(),
                self.in_scope.len()
            );
        } else {
            eprintln!(
                "\nconformance: REGRESSED: {} baseline case(s) fail now:",
                self.regressed.len()
            );
            for (name, why) in &self.regressed {
                eprintln!("  {name}: {why}");
            }
        }
    }
}

/// Rewrites the baseline: the cases outside the filter stay as they were,
/// those inside become the passing set. Refuses to drop any case unless
/// `allow_drop`.
fn bless(report: &Report, baseline: &BTreeSet<String>, path: &Path, allow_drop: bool) -> bool {
    let dropped: Vec<&String> = report
        .in_scope
        .iter()
        .filter(|name| !report.passing.contains(*name))
        .collect();
    if !dropped.is_empty() && !allow_drop {
        eprintln!(
            "\nbless: refusing to drop {} case(s) from the baseline (they fail or are gone; \
             --allow-drop drops them):",
            dropped.len()
        );
        for name in &dropped {
            eprintln!("  {name}");
        }
        return false;
    }
    let mut blessed: BTreeSet<String> = baseline
        .iter()
        .filter(|name| !report.in_scope.contains(*name))
        .cloned()
        .collect();
    blessed.extend(report.passing.iter().cloned());
    let mut text = String::from(HEADER);
    for name in &blessed {
        text.push_str(name);
        text.push('\n');
    }
    if let Err(err) = std::fs::write(path, text) {
        eprintln!("bless: cannot write {}: {err}", path.display());
        return false;
    }
    eprintln!(
        "\nbless: {} now lists {} cases (+{}, -{})",
        path.display(),
        blessed.len(),
        report.new.len(),
        dropped.len()
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(pairs: &[(&str, &str)]) -> BTreeMap<String, Option<String>> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), (*v != "ok").then(|| v.to_string())))
            .collect()
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn parses_runner_output_with_trailing_lines() {
        let out = "FAIL t0_b.py: stdout differs\n{\n \"t0_a.py\": \"ok\",\n \
                   \"t0_b.py\": \"stdout differs\"\n}\nt0: 1/2\n1 passed, 1 failed\n";
        let got = parse_results(out).unwrap();
        assert_eq!(
            got,
            results(&[("t0_a.py", "ok"), ("t0_b.py", "stdout differs")])
        );
        assert!(
            parse_results("{}\n0 passed, 0 failed\n")
                .unwrap()
                .is_empty()
        );
        assert!(parse_results("0 passed, 0 failed\n").is_err());
        assert!(parse_results("{\n \"x\": \"ok\",\n").is_err());
    }

    #[test]
    fn compares_with_baseline() {
        let res = results(&[
            ("t0_a.py", "ok"),
            ("t0_b.py", "exit code 2, expected 0"),
            ("t1_c.py", "ok"),
        ]);
        let base = set(&["t0_a.py", "t0_b.py", "t0_gone.py", "t2_x.py"]);
        let report = Report::new(&res, &base, "t0");
        assert_eq!(report.regressed.len(), 1);
        assert_eq!(report.regressed[0].0, "t0_b.py");
        assert_eq!(report.missing, vec!["t0_gone.py".to_string()]);
        assert_eq!(report.new, vec!["t1_c.py".to_string()]);
        assert_eq!(report.in_scope, set(&["t0_a.py", "t0_b.py", "t0_gone.py"]));
    }

    #[test]
    fn bless_keeps_out_of_scope_and_refuses_drops() {
        let dir = std::env::temp_dir().join(format!("xtask-bless-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("baseline.txt");
        let base = set(&["t0_a.py", "t0_b.py", "t2_x.py"]);
        let res = results(&[("t0_a.py", "ok"), ("t0_b.py", "boom"), ("t0_c.py", "ok")]);
        let report = Report::new(&res, &base, "t0");
        assert!(!bless(&report, &base, &path, false));
        assert!(!path.exists());
        assert!(bless(&report, &base, &path, true));
        assert_eq!(
            read_baseline(&path).unwrap(),
            set(&["t0_a.py", "t0_c.py", "t2_x.py"])
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn quotes_for_the_runner() {
        assert_eq!(shell_quote("/a/b-c/krait"), "/a/b-c/krait");
        assert_eq!(shell_quote("/a b/it's"), "'/a b/it'\\''s'");
    }
}
