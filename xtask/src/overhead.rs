//! `cargo xtask overhead [--runs N] [--no-build] [FILTER]`: what the
//! analyses cost, as ratios to a plain run of the same binary.
//!
//! Runs every `benches/programs/*.py` whose name contains FILTER with
//! `target/release/krait` in each mode below, the modes alternating, N
//! times each (default 3), and reports the median wall time of a plain
//! `krait run` and each analysis's ratio to it, with the geometric mean of
//! each column:
//!
//! - `coverage`: `krait coverage` (line and branch marks on every
//!   instruction; the report is printed after the program's output);
//! - `taint input`: `krait taint --source input --sink print`, the usual
//!   source. A program that never calls `input` pays for being ready to
//!   see the call (deltablue's constraints have methods named `input`,
//!   so there labels are tracked);
//! - `taint range`: `krait taint --source range --sink print`: every
//!   `range()` is a source, so loop indices and all that is computed from
//!   them carry labels (the worst case: labels nearly everywhere).
//!
//! Each mode's output must start with the plain run's (the analyses only
//! add their reports after it); a mode that fails or prints something
//! else is reported, not timed. Like `bench`, it only measures: the exit
//! status is non-zero only when the harness cannot work.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use crate::bench::{Exit, last_line, measure, ms, programs};
use crate::conformance::{build_release, release_binary};
use crate::test::workspace_root;

const DEFAULT_RUNS: usize = 3;
const TIMEOUT: Duration = Duration::from_secs(300);

/// The modes, by column name, and the krait arguments before the file.
const MODES: &[(&str, &[&str])] = &[
    ("plain", &["run"]),
    ("coverage", &["coverage"]),
    (
        "taint input",
        &["taint", "--source", "input", "--sink", "print"],
    ),
    (
        "taint range",
        &["taint", "--source", "range", "--sink", "print"],
    ),
];

pub fn run(args: &[String]) -> ExitCode {
    let mut runs = DEFAULT_RUNS;
    let mut build = true;
    let mut filter = String::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => return usage(),
            },
            "--no-build" => build = false,
            s if s.starts_with('-') => return usage(),
            s if filter.is_empty() => filter = s.to_string(),
            _ => return usage(),
        }
    }
    match overhead(runs, build, &filter) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("overhead: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask overhead [--runs N] [--no-build] [FILTER]");
    ExitCode::from(2)
}

/// One program's medians, by mode (`None`: that mode failed).
struct Row {
    name: String,
    medians: Vec<Result<Duration, String>>,
}

fn overhead(runs: usize, build: bool, filter: &str) -> Result<(), String> {
    let root = workspace_root();
    if build && !build_release(&root) {
        return Err("the release build failed".into());
    }
    let binary = release_binary(&root);
    if !binary.exists() {
        return Err(format!("{} does not exist", binary.display()));
    }
    let scratch = root.join("target/xtask-overhead");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let programs = programs(&root.join("benches/programs"), filter)?;
    eprintln!(
        "overhead: {} program(s), {runs} run(s) of each mode; krait = {}",
        programs.len(),
        binary.display()
    );
    let mut rows = Vec::new();
    for program in &programs {
        let name = program
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        eprint!("  {name:<20}");
        let row = measure_program(&name, program, &binary, runs, &scratch)?;
        eprintln!("{}", cells(&row).join(" "));
        rows.push(row);
    }
    print_table(&rows, runs);
    Ok(())
}

fn measure_program(
    name: &str,
    program: &Path,
    binary: &Path,
    runs: usize,
    scratch: &Path,
) -> Result<Row, String> {
    let cwd = program.parent().unwrap_or(Path::new("."));
    let commands: Vec<Vec<String>> = MODES
        .iter()
        .map(|(_, args)| {
            std::iter::once(binary.display().to_string())
                .chain(args.iter().map(|a| a.to_string()))
                .collect()
        })
        .collect();
    let mut walls: Vec<Vec<Duration>> = vec![Vec::new(); MODES.len()];
    let mut failures: Vec<Option<String>> = vec![None; MODES.len()];
    let mut plain_output: Option<Vec<u8>> = None;
    for _ in 0..runs {
        for (mode, command) in commands.iter().enumerate() {
            if failures[mode].is_some() {
                continue;
            }
            let sample = measure(command, program, cwd, scratch, TIMEOUT)
                .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
            let failure = match &sample.exit {
                Exit::Code(0) => None,
                Exit::Code(code) => Some(format!("exit {code}: {}", last_line(&sample.stderr))),
                Exit::Signal(signal) => Some(format!("killed by signal {signal}")),
                Exit::TimedOut => Some(format!("timed out after {TIMEOUT:?}")),
            };
            if failure.is_some() {
                failures[mode] = failure;
                continue;
            }
            let expected = plain_output.get_or_insert_with(|| sample.stdout.clone());
            if !sample.stdout.starts_with(expected) {
                failures[mode] = Some("its output does not start with the plain run's".into());
                continue;
            }
            walls[mode].push(sample.wall);
        }
    }
    if let Some(failure) = &failures[0] {
        return Err(format!("{name}: the plain run fails: {failure}"));
    }
    let medians = walls
        .into_iter()
        .zip(failures)
        .map(|(mut walls, failure)| match failure {
            Some(failure) => Err(failure),
            None => {
                walls.sort();
                Ok(walls[walls.len() / 2])
            }
        })
        .collect();
    Ok(Row {
        name: name.to_string(),
        medians,
    })
}

/// The row's cells: the plain run's milliseconds, then each analysis's
/// ratio to it ("FAILED" where it failed).
fn cells(row: &Row) -> Vec<String> {
    let plain = match &row.medians[0] {
        Ok(plain) => *plain,
        Err(_) => return vec!["FAILED".into()],
    };
    let mut cells = vec![format!("{:>9.1}", ms(plain))];
    for median in &row.medians[1..] {
        cells.push(match median {
            Ok(wall) => format!("{:>12.2}", wall.as_secs_f64() / plain.as_secs_f64()),
            Err(_) => format!("{:>12}", "FAILED"),
        });
    }
    cells
}

fn print_table(rows: &[Row], runs: usize) {
    let mut header = format!("\n{:<20} {:>9}", "program", "plain ms");
    for (mode, _) in &MODES[1..] {
        header.push_str(&format!(" {mode:>12}"));
    }
    println!("{header}");
    for row in rows {
        println!("{:<20} {}", row.name, cells(row).join(" "));
    }
    for row in rows {
        for (median, (mode, _)) in row.medians.iter().zip(MODES) {
            if let Err(failure) = median {
                println!("{} under {mode}: {failure}", row.name);
            }
        }
    }
    println!("(median wall time of {runs} runs per mode, modes alternating; ratios to plain)");
    for (column, (mode, _)) in MODES.iter().enumerate().skip(1) {
        let logs: Vec<f64> = rows
            .iter()
            .filter_map(|row| {
                let plain = row.medians[0].as_ref().ok()?;
                let wall = row.medians[column].as_ref().ok()?;
                Some((wall.as_secs_f64() / plain.as_secs_f64()).ln())
            })
            .collect();
        let worst = rows
            .iter()
            .filter_map(|row| {
                let plain = row.medians[0].as_ref().ok()?;
                let wall = row.medians[column].as_ref().ok()?;
                Some((wall.as_secs_f64() / plain.as_secs_f64(), &row.name))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((worst, name)) = worst {
            println!(
                "{mode}: geometric mean {:.2} over {} program(s), highest {worst:.2} ({name})",
                (logs.iter().sum::<f64>() / logs.len() as f64).exp(),
                logs.len()
            );
        }
    }
}
