//! `cargo xtask regen`: rewrites the expected outputs of the golden programs
//! (`tests/programs`, `tests/errors`, `tests/tracebacks`) and of the
//! examples that have one (`examples/X.py` with an `X.out`) by running them
//! with python3, the reference. Never edit an expected output by hand.
//!
//! For `X.py` it writes `X.out` (stdout), and when the exit code is not 0,
//! `X.code` and `X.err` (the last line of stderr). In `tests/tracebacks`,
//! and in `tests/programs` when python3 writes to stderr (warnings), it
//! also writes `X.stderr`, the whole stderr with the folder's path taken
//! out of the file names (`File "X.py"`). The multi-file programs
//! of `tests/projects/<case>/` get `expected.out` (`.code`, `.err`); each
//! runs in a scratch copy of its folder, so the files it writes vanish.
//! A program's standard input is its `X.stdin` file (a project's `stdin`
//! file) when it has one.

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use crate::test::workspace_root;

pub fn run(_args: &[String]) -> ExitCode {
    let root = workspace_root();
    let mut count = 0;
    for folder in [
        "tests/programs",
        "tests/errors",
        "tests/tracebacks",
        "examples",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .filter(|p| folder != "examples" || p.with_extension("out").exists())
            .collect();
        files.sort();
        for file in files {
            if let Err(err) = regen_one(&file) {
                eprintln!("{}: {err}", file.display());
                return ExitCode::FAILURE;
            }
            count += 1;
        }
    }
    // Multi-file programs: `tests/projects/<case>/`, run as `python3
    // main.py` or with the arguments of its `command` file; the results go
    // to `expected.out` (`.code`, `.err`).
    let projects = root.join("tests/projects");
    let mut cases: Vec<_> = std::fs::read_dir(&projects)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    cases.retain(|p: &std::path::PathBuf| p.is_dir());
    cases.sort();
    for case in cases {
        let command =
            std::fs::read_to_string(case.join("command")).unwrap_or_else(|_| "main.py".to_string());
        let args: Vec<&str> = command.split_whitespace().collect();
        // In a scratch copy of the folder, as the golden test runs it: the
        // files a program writes do not land in the repository.
        let scratch = std::env::temp_dir().join(format!(
            "krait-regen-{}-{}",
            std::process::id(),
            case.file_name().unwrap().to_string_lossy()
        ));
        let _ = std::fs::remove_dir_all(&scratch);
        let result = copy_folder(&case, &scratch)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                regen_with(
                    &case.join("expected.py"),
                    &scratch,
                    &args,
                    Some(&case.join("stdin")),
                )
            });
        let _ = std::fs::remove_dir_all(&scratch);
        if let Err(err) = result {
            eprintln!("{}: {err}", case.display());
            return ExitCode::FAILURE;
        }
        count += 1;
    }
    eprintln!("regenerated {count} expected outputs with python3");
    ExitCode::SUCCESS
}

fn regen_one(file: &Path) -> Result<(), String> {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    regen_with(
        file,
        file.parent().unwrap(),
        &[&name],
        Some(&file.with_extension("stdin")),
    )
}

/// Copies a folder tree (caches left out).
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "__pycache__") {
                copy_folder(&path, &target)?;
            }
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// Runs `python3 ARGS` in `dir` and stores its results beside `file`
/// (`X.out` for `X.py`...). python3 writes no `__pycache__` there. Its
/// standard input is the file `stdin` when there is one, else nothing.
fn regen_with(file: &Path, dir: &Path, args: &[&str], stdin: Option<&Path>) -> Result<(), String> {
    let input = match stdin.filter(|p| p.is_file()) {
        Some(path) => Stdio::from(std::fs::File::open(path).map_err(|e| e.to_string())?),
        None => Stdio::null(),
    };
    let output = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(input)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let write = |ext: &str, text: &[u8]| {
        std::fs::write(file.with_extension(ext), text).map_err(|e| e.to_string())
    };
    write("out", &output.stdout)?;
    let folder = file.parent().unwrap_or(dir);
    let keeps_stderr = folder.ends_with("tests/tracebacks")
        || (folder.ends_with("tests/programs") && !output.stderr.is_empty());
    if keeps_stderr {
        let stderr = String::from_utf8_lossy(&output.stderr);
        write("stderr", without_folder(&stderr, dir).as_bytes())?;
    } else {
        let _ = std::fs::remove_file(file.with_extension("stderr"));
    }
    let code = output.status.code().unwrap_or(1);
    if code == 0 {
        for ext in ["code", "err"] {
            let _ = std::fs::remove_file(file.with_extension(ext));
        }
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        write("code", format!("{code}\n").as_bytes())?;
        write("err", format!("{}\n", last.trim()).as_bytes())?;
    }
    Ok(())
}

/// `text` with the paths of `dir` (as given and as the system resolves it,
/// which is what python3 prints) taken out of file names.
fn without_folder(text: &str, dir: &Path) -> String {
    let mut text = text.to_string();
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    for folder in [real.as_path(), dir] {
        text = text.replace(&format!("{}/", folder.display()), "");
    }
    text
}
