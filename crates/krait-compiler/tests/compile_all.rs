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

/// Code nothing reaches is dropped whole, so no jump in it points past
/// the code (found by the compiler fuzz target: a `for` after a bare
/// `raise` kept its FOR_ITER and lost its exit), and it still reports its
/// errors as CPython does.
#[test]
fn unreachable_code_is_dropped_and_still_checked() {
    let reachable_after = [
        "raise\nfor flag in (1, 2):\n    pass\n",
        "raise\nwhile x:\n    pass\n",
        "def f():\n    return 1\n    for x in y:\n        try:\n            pass\n        except TypeError as e:\n            pass\n",
        "def f():\n    while True:\n        pass\n    for i in j:\n        break\n    else:\n        pass\n",
        "for i in x:\n    continue\n    for j in y:\n        break\nelse:\n    pass\n",
        "def f():\n    raise\n    with a as b:\n        return c\n",
        "def f():\n    return\n    match x:\n        case [a, *b]:\n            pass\n",
        "if x:\n    raise\n    for i in y: pass\nelse:\n    z = [i for i in w]\n",
        // A `break` in dropped code must not fix the loop exit's depth.
        "def f(items):\n    for it in items:\n        while True:\n            if it:\n                continue\n                try: pass\n                except: break\n            break\n        try: raise ValueError\n        except ValueError: pass\n",
    ];
    for source in reachable_after {
        let code = compile(source, "<test>", Mode::Exec).unwrap();
        krait_bytecode::verify(&code).unwrap_or_else(|err| panic!("{source}: {err}"));
    }
    let err = compile("raise\nbreak\n", "<test>", Mode::Exec).unwrap_err();
    assert!(err.to_string().contains("'break' outside loop"), "{err}");
}
