//! Every Python program the project and the conformance corpus hold either
//! compiles to code that passes the bytecode verifier, or is rejected with a
//! SyntaxError (the corpus's syntax-error cases).

use std::path::{Path, PathBuf};

use krait_compiler::{Mode, compile};

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

fn expects_syntax_error(path: &Path) -> bool {
    std::fs::read_to_string(path.with_extension("err")).is_ok_and(|e| {
        ["SyntaxError", "IndentationError", "TabError"]
            .iter()
            .any(|k| e.starts_with(k))
    })
}

#[test]
fn programs_compile_to_verified_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = python_files(&root.join("tests/programs"));
    files.extend(python_files(&root.join("tests/errors")));
    files.extend(python_files(&root.join("../shared/conformance/cases")));
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let name = file.display().to_string();
        match compile(&source, &name, Mode::Exec) {
            Ok(code) => {
                if let Err(err) = krait_bytecode::verify(&code) {
                    failures.push(format!("{name}: verifier: {err}"));
                }
            }
            Err(err) if expects_syntax_error(file) => {
                let _ = err;
            }
            Err(err) => failures.push(format!("{name}: {err}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
