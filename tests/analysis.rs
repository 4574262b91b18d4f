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
