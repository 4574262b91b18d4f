//! Shared helpers: CPython's parser as the oracle (through
//! `scripts/cpython_ast.py`), and a path-precise tree diff.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use krait_parser::{Mode, parse};
use serde_json::Value;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// CPython's verdict per file: `Ok(tree JSON)` or `Err((exception, lineno))`.
pub fn cpython(files: &[PathBuf]) -> Vec<Result<Value, (String, u32, String)>> {
    let script = workspace_root().join("scripts/cpython_ast.py");
    let out = Command::new("python3")
        .arg(script)
        .arg("--mode")
        .arg("exec")
        .arg("--")
        .args(files)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("json");
            match v.get("error") {
                Some(e) => Err((
                    e["type"].as_str().unwrap_or("?").to_string(),
                    e["lineno"].as_u64().unwrap_or(0) as u32,
                    e["msg"].as_str().unwrap_or("").to_string(),
                )),
                None => Ok(v),
            }
        })
        .collect()
}

/// krait's tree in the same JSON shape.
pub fn krait(source: &str) -> Result<Value, krait_parser::SyntaxError> {
    parse(source, Mode::Exec, "x.py").map(|m| krait_ast::json::to_json_value(&m))
}

/// The first difference between two JSON trees, as a path.
pub fn diff(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let vb = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = diff(va, vb, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            for (k, vb) in y {
                if !x.contains_key(k) && !vb.is_null() && k != "type_ignores" && k != "type_comment"
                {
                    return Some(format!("{path}.{k}: missing in krait, cpython {vb}"));
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path}: length {} vs cpython {}", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| diff(p, q, &format!("{path}[{i}]")))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: krait {a} vs cpython {b}")),
    }
}

/// Runs every file through both parsers; returns a list of disagreements.
pub fn compare_files(files: &[PathBuf]) -> Vec<String> {
    let verdicts = cpython(files);
    assert_eq!(verdicts.len(), files.len(), "one verdict per file");
    let mut problems = Vec::new();
    for (file, verdict) in files.iter().zip(verdicts) {
        let source = std::fs::read_to_string(file).expect("readable");
        let ours = krait(&source);
        let name = file.display();
        match (ours, verdict) {
            (Ok(a), Ok(b)) => {
                if let Some(d) = diff(&a, &b, "") {
                    problems.push(format!("{name}: {d}"));
                }
            }
            (Err(e), Ok(_)) => problems.push(format!("{name}: krait rejects: {e}")),
            (Ok(_), Err((kind, line, msg))) => {
                if kind.ends_with("Error")
                    && ["SyntaxError", "IndentationError", "TabError"].contains(&kind.as_str())
                {
                    problems.push(format!(
                        "{name}: krait accepts; cpython {kind} line {line}: {msg}"
                    ));
                }
            }
            (Err(e), Err((kind, line, msg))) => {
                let ours = match e.kind {
                    krait_parser::ErrorKind::SyntaxError => "SyntaxError",
                    krait_parser::ErrorKind::IndentationError => "IndentationError",
                    krait_parser::ErrorKind::TabError => "TabError",
                };
                if ours != kind || e.lineno != line {
                    problems.push(format!(
                        "{name}: krait {ours} line {} '{}'; cpython {kind} line {line} '{msg}'",
                        e.lineno, e.message
                    ));
                }
            }
        }
    }
    problems
}

pub fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect(),
        Err(_) => vec![],
    };
    files.sort();
    files
}
