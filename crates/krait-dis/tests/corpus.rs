//! Disassembling every program of the conformance corpus never panics and
//! lists every instruction of every code object.

use std::path::Path;

use krait_bytecode::CodeObject;
use krait_compiler::{Mode, compile};

fn all_code(code: &CodeObject) -> Vec<&CodeObject> {
    let mut out = vec![code];
    let mut i = 0;
    while i < out.len() {
        let nested = out[i].nested_code();
        out.extend(nested);
        i += 1;
    }
    out
}

#[test]
fn corpus_disassembles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/cases");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no corpus at {}; skipping", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut listed = 0;
    for path in &paths {
        let Ok(source) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path.file_name().unwrap().to_string_lossy();
        let Ok(code) = compile(&source, &name, Mode::Exec) else {
            continue;
        };
        let text = krait_dis::disassemble(&code);
        let codes = all_code(&code);
        let instructions: usize = codes.iter().map(|c| c.instructions.len()).sum();
        // Every instruction appears once: count the non-header lines
        // that are not exception-table entries.
        let entries: usize = codes.iter().map(|c| c.exception_table.entries.len()).sum();
        let body = text
            .lines()
            .filter(|l| {
                !l.is_empty() && !l.starts_with("Disassembly of ") && *l != "ExceptionTable:"
            })
            .count();
        assert_eq!(body, instructions + entries, "{}", path.display());
        assert_eq!(
            text.matches("Disassembly of <code object ").count(),
            codes.len() - 1,
            "{}",
            path.display()
        );
        listed += 1;
    }
    assert!(listed > 0 || paths.is_empty(), "no corpus file compiled");
}
