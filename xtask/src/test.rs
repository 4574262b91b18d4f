//! `cargo xtask test`: every check CI runs, in order, with one summary.
//!
//! Steps: formatting, clippy with warnings denied, the API docs with warnings
//! denied, the workspace's tests, and
//! the parser's oracle (`ast-diff`) over the project's Python files. When the
//! shared conformance corpus sits next to the project: `ast-diff` over its
//! cases, the release build of krait (the only release build of the run), and
//! krait on the corpus held to `tests/conformance-baseline.txt` (see
//! `conformance.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::ast_diff;
use crate::conformance::{self, Outcome};

/// The folder holding the root Cargo.toml.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// `../shared/conformance` next to the project, when this machine has it.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = workspace_root().join("../shared/conformance");
    dir.join("cases").is_dir().then_some(dir)
}

struct Step {
    name: String,
    passed: bool,
    seconds: f64,
    note: String,
}

impl From<bool> for Outcome {
    fn from(passed: bool) -> Self {
        Outcome {
            passed,
            note: String::new(),
        }
    }
}

pub fn run(_args: &[String]) -> ExitCode {
    let root = workspace_root();
    let mut steps = Vec::new();
    let mut step = |name: &str, check: &mut dyn FnMut() -> Outcome| {
        eprintln!("\n== xtask test: {name} ==");
        let started = Instant::now();
        let outcome = check();
        steps.push(Step {
            name: name.to_string(),
            passed: outcome.passed,
            seconds: started.elapsed().as_secs_f64(),
            note: outcome.note,
        });
        outcome.passed
    };

    step("cargo fmt --check", &mut || {
        cargo(&root, &["fmt", "--all", "--", "--check"]).into()
    });
    step("cargo clippy --all-features -D warnings", &mut || {
        cargo(
            &root,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ],
        )
        .into()
    });
    step("cargo doc --workspace --no-deps -D warnings", &mut || {
        // Broken or private links in the API docs embedders read.
        let cargo_bin = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        Command::new(cargo_bin)
            .args(["doc", "--workspace", "--no-deps", "--all-features"])
            .env("RUSTDOCFLAGS", "-D warnings")
            .current_dir(&root)
            .status()
            .is_ok_and(|status| status.success())
            .into()
    });
    step("cargo test --workspace --all-features", &mut || {
        // Every feature: the `serde` conversions have their tests too.
        cargo(&root, &["test", "--workspace", "--all-features"]).into()
    });
    step("examples/*.rs run", &mut || {
        // The embedding examples check their own results (they panic on a
        // wrong one), so running them is their test.
        let mut examples: Vec<String> = std::fs::read_dir(root.join("examples"))
            .map(|entries| {
                entries
                    .filter_map(|entry| {
                        let name = entry.ok()?.file_name().into_string().ok()?;
                        Some(name.strip_suffix(".rs")?.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        examples.sort();
        let failed: Vec<&String> = examples
            .iter()
            .filter(|name| !cargo(&root, &["run", "--quiet", "--example", name]))
            .collect();
        Outcome {
            passed: failed.is_empty(),
            note: if failed.is_empty() {
                format!("{} examples", examples.len())
            } else {
                format!("failed: {failed:?}")
            },
        }
    });
    step("ast-diff tests/ crates/*/tests/ benches/", &mut || {
        let mut paths = vec![root.join("tests")];
        paths.extend(crate_test_dirs(&root));
        paths.push(root.join("benches/programs"));
        ast_diff_ok(&paths).into()
    });
    if let Some(conformance) = conformance_dir() {
        step("ast-diff ../shared/conformance/cases", &mut || {
            ast_diff_ok(&[conformance.join("cases")]).into()
        });
        let built = step("cargo build --release --bin krait", &mut || {
            conformance::build_release(&root).into()
        });
        step("conformance vs baseline", &mut || {
            if built {
                conformance::check(&root, &conformance, &conformance::Options::default())
            } else {
                Outcome {
                    passed: false,
                    note: "not run: release build failed".into(),
                }
            }
        });
    } else {
        eprintln!("\n(../shared/conformance not found: corpus steps skipped)");
    }

    eprintln!("\n== xtask test: summary ==");
    for s in &steps {
        let verdict = if s.passed { "ok  " } else { "FAIL" };
        eprintln!("{verdict} {:<40} {:>7.1}s  {}", s.name, s.seconds, s.note);
    }
    let failed = steps.iter().filter(|s| !s.passed).count();
    if failed == 0 {
        eprintln!("all {} steps passed", steps.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("{failed} of {} steps failed", steps.len());
        ExitCode::FAILURE
    }
}

fn cargo(root: &Path, args: &[&str]) -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    match Command::new(cargo).args(args).current_dir(root).status() {
        Ok(status) => status.success(),
        Err(err) => {
            eprintln!("cannot run cargo: {err}");
            false
        }
    }
}

/// `crates/<name>/tests` folders, where crates keep Python snippets.
fn crate_test_dirs(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join("crates")) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path().join("tests")))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn ast_diff_ok(paths: &[PathBuf]) -> bool {
    let args: Vec<String> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if args.is_empty() {
        return true;
    }
    ast_diff::run(&args) == ExitCode::SUCCESS
}
