//! `cargo xtask pgo`: remakes `pgo/krait.profdata`, the profile that
//! release builds of krait are optimized with (`tools/rustc-wrapper`).
//!
//! Builds an instrumented krait (`target/pgo-generate`, through the same
//! wrapper with `KRAIT_PGO=generate:DIR`), runs the training programs with
//! it — the bench programs, the golden, error, traceback and analysis
//! programs, the examples and, when it is there, the shared conformance
//! corpus: programs written to cover the language, not for one benchmark;
//! and six bench programs under coverage, taint (labels everywhere) and
//! limits, whose variants of the dispatch loop would otherwise be laid out
//! as cold — and merges what they recorded with `llvm-profdata` (Debian's
//! `llvm-19` package, or newer: its indexed format is read by the pinned
//! rustc's LLVM), the bench programs' counts weighted up (see [`Group`]).
//! Only this command needs it: builds read the committed file.
//!
//! Afterwards the release build is redone (`cargo clean --release` of the
//! workspace's crates), since cargo does not see the profile change.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::test::{conformance_dir, workspace_root};

/// The committed profile, relative to the workspace root.
pub const PROFILE: &str = "pgo/krait.profdata";

/// A training program running longer than this is stopped (its counts so
/// far are lost, the others' kept).
const TIMEOUT: Duration = Duration::from_secs(120);

pub fn run(args: &[String]) -> ExitCode {
    if !args.is_empty() {
        eprintln!("usage: cargo xtask pgo");
        return ExitCode::from(2);
    }
    let root = workspace_root();
    let Some(profdata) = find_llvm_profdata() else {
        eprintln!(
            "cargo xtask pgo needs llvm-profdata from LLVM 19 or newer \
             (Debian: apt-get install llvm-19)"
        );
        return ExitCode::FAILURE;
    };
    let target = root.join("target/pgo-generate");
    let raw = target.join("profraw");
    let _ = std::fs::remove_dir_all(&raw);
    for group in Group::ALL {
        let dir = raw.join(group.name());
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot make {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    eprintln!("building the instrumented krait in {}", target.display());
    let built = Command::new(env!("CARGO"))
        .args(["build", "--release", "--bin", "krait"])
        .current_dir(&root)
        .env("CARGO_TARGET_DIR", &target)
        .env("KRAIT_PGO", format!("generate:{}", raw.display()))
        .status();
    if !built.is_ok_and(|s| s.success()) {
        eprintln!("the instrumented build failed");
        return ExitCode::FAILURE;
    }
    let krait = target.join("release/krait");

    let programs = training_programs(&root);
    eprintln!("running {} training programs", programs.len());
    let mut stopped = 0;
    for program in &programs {
        if !run_training(&krait, program, &raw) {
            stopped += 1;
        }
    }
    if stopped > 0 {
        eprintln!("{stopped} training programs were stopped after {TIMEOUT:?}");
    }

    // Each group's runs are merged apart, then the groups by weight.
    let mut weighted = Vec::new();
    for group in Group::ALL {
        let dir = raw.join(group.name());
        let merged = raw.join(format!("{}.profdata", group.name()));
        let mut merge = Command::new(&profdata);
        merge.arg("merge").arg("-o").arg(&merged);
        match std::fs::read_dir(&dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    merge.arg(entry.path());
                }
            }
            Err(e) => {
                eprintln!("cannot read {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        if !merge.status().is_ok_and(|s| s.success()) {
            eprintln!("llvm-profdata merge failed");
            return ExitCode::FAILURE;
        }
        weighted.push(format!(
            "--weighted-input={},{}",
            group.weight(),
            merged.display()
        ));
    }
    let profile = root.join(PROFILE);
    let merged = Command::new(&profdata)
        .arg("merge")
        .arg("-o")
        .arg(&profile)
        .args(&weighted)
        .status();
    if !merged.is_ok_and(|s| s.success()) {
        eprintln!("llvm-profdata merge failed");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {}", profile.display());

    // Cargo fingerprints neither the wrapper's flags nor the profile: the
    // next release build must start over to use the new one.
    let cleaned = Command::new(env!("CARGO"))
        .args(["clean", "--release", "--workspace"])
        .current_dir(&root)
        .status();
    if !cleaned.is_ok_and(|s| s.success()) {
        eprintln!("cargo clean --release --workspace failed: rebuild by hand");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `llvm-profdata-19` or a newer one, or `llvm-profdata` if it is 19 or
/// newer (the pinned rustc's LLVM reads their indexed profiles; older
/// ones cannot read its raw profiles).
fn find_llvm_profdata() -> Option<PathBuf> {
    let works = |name: &str| {
        Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    for version in (19..=30).rev() {
        let name = format!("llvm-profdata-{version}");
        if works(&name).is_some() {
            return Some(PathBuf::from(name));
        }
    }
    let text = works("llvm-profdata")?;
    let major: u32 = text
        .split("LLVM version ")
        .nth(1)?
        .split('.')
        .next()?
        .trim()
        .parse()
        .ok()?;
    (major >= 19).then(|| PathBuf::from("llvm-profdata"))
}

/// A program to run (`krait ARGS FILE`, in the file's folder), with the
/// file its stdin comes from.
struct Training {
    args: Vec<String>,
    file: PathBuf,
    stdin: Option<PathBuf>,
    group: Group,
}

/// The training programs by what they stand for, each group's counts
/// weighted in the profile. Merged as they came, the analysed runs (taint
/// with labels everywhere is slow: the most counts) and the thousand
/// short test programs outweighed the bench programs, and the layout
/// served them: pyperformance's richards, deltablue, go and logging ran
/// 10-19% slower than with no profile at all (session 61, best of 3).
/// With the bench programs weighted up, 18 pyperformance benchmarks ran
/// 5.5% faster than with no profile (geometric mean), against 2.3% with
/// the counts as they came; the other groups still keep their paths out
/// of the cold section.
#[derive(Clone, Copy)]
enum Group {
    /// The bench programs: the kind of program krait is measured on.
    Bench,
    /// Test and corpus programs: the language's breadth.
    Breadth,
    /// Bench programs under coverage, taint and limits.
    Analysed,
}

impl Group {
    const ALL: [Group; 3] = [Group::Bench, Group::Breadth, Group::Analysed];

    fn name(self) -> &'static str {
        match self {
            Group::Bench => "bench",
            Group::Breadth => "breadth",
            Group::Analysed => "analysed",
        }
    }

    /// (Total counts on session 61's code: bench 18.7G, breadth 7.4G,
    /// analysed 31.7G.)
    fn weight(self) -> u32 {
        match self {
            Group::Bench => 20,
            Group::Breadth => 2,
            Group::Analysed => 1,
        }
    }
}

/// Bench programs also run under coverage, taint and limits, whose loops
/// (the watched, counted and covered variants of the dispatch loop) would
/// otherwise be laid out as cold code.
const ANALYSED: &[&str] = &[
    "richards",
    "nqueens",
    "json_parse",
    "generators",
    "nbody",
    "dict_str",
];

fn training_programs(root: &Path) -> Vec<Training> {
    let mut programs = Vec::new();
    let mut add_folder = |dir: &Path, recurse: bool, group: Group| {
        let mut files = Vec::new();
        collect_python_files(dir, recurse, &mut files);
        files.sort();
        for file in files {
            let stdin = Some(file.with_extension("stdin")).filter(|p| p.is_file());
            // A first line `# krait CMD ARGS` (the analysis goldens') says
            // how the program is run.
            let header = std::fs::read_to_string(&file).ok().and_then(|text| {
                let first = text.lines().next()?.strip_prefix("# krait ")?.to_string();
                Some(
                    first
                        .split_whitespace()
                        .map(String::from)
                        .collect::<Vec<_>>(),
                )
            });
            let args = header.unwrap_or_else(|| vec!["run".to_string()]);
            programs.push(Training {
                args,
                file,
                stdin,
                group,
            });
        }
    };
    add_folder(&root.join("benches/programs"), false, Group::Bench);
    add_folder(&root.join("tests/analysis"), false, Group::Breadth);
    add_folder(&root.join("tests/programs"), false, Group::Breadth);
    add_folder(&root.join("tests/errors"), false, Group::Breadth);
    add_folder(&root.join("tests/tracebacks"), false, Group::Breadth);
    add_folder(&root.join("examples"), false, Group::Breadth);
    if let Some(corpus) = conformance_dir() {
        add_folder(&corpus.join("cases"), true, Group::Breadth);
    }
    // (Not taint with a source the programs never call: that runs the
    // fused loop asking at each call whether the callable is a source,
    // and its weight made the calls' polls look hot to the plain loop:
    // richards and hexiom 12-15% slower.)
    let analysed_runs: [&[&str]; 4] = [
        &["coverage"],
        &["taint", "--source", "range", "--sink", "print"],
        &["run", "--max-instructions", "100000000000"],
        &["run", "--timeout", "1000", "--max-memory", "4G"],
    ];
    for name in ANALYSED {
        let file = root.join("benches/programs").join(format!("{name}.py"));
        for args in analysed_runs {
            let args = args.iter().map(|a| a.to_string()).collect();
            programs.push(Training {
                args,
                file: file.clone(),
                stdin: None,
                group: Group::Analysed,
            });
        }
    }
    programs
}

fn collect_python_files(dir: &Path, recurse: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if recurse {
                collect_python_files(&path, recurse, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Runs one training program in its folder, output discarded (failures
/// train too: error paths are paths). False if it was stopped.
fn run_training(krait: &Path, program: &Training, raw: &Path) -> bool {
    let stdin = match &program.stdin {
        Some(path) => std::fs::File::open(path).map_or(Stdio::null(), Stdio::from),
        None => Stdio::null(),
    };
    let child = Command::new(krait)
        .args(&program.args)
        .arg(&program.file)
        .current_dir(program.file.parent().unwrap_or(Path::new(".")))
        // (Each group's counts in a file of its own: `%m` merges the runs.)
        .env(
            "LLVM_PROFILE_FILE",
            raw.join(program.group.name()).join("default_%m.profraw"),
        )
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match child {
        Ok(child) => wait_or_kill(child),
        Err(e) => {
            eprintln!("cannot run {}: {e}", krait.display());
            true
        }
    }
}

fn wait_or_kill(mut child: Child) -> bool {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return true,
            Ok(None) if start.elapsed() < TIMEOUT => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
}
