//! Compiles the Python modules of `lib/` to verified `.kbc` bytes in
//! `OUT_DIR` and writes `frozen.rs`, the table `src/lib.rs` includes
//! (CPython's frozen modules). `lib/os.py` is module `os`,
//! `lib/pkg/__init__.py` is package `pkg`, `lib/pkg/mod.py` is `pkg.mod`.
//! Their code objects are named `<frozen NAME>`, as CPython names frozen
//! modules' files. A syntax error in one fails the build with its message.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed=lib");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let frozen_dir = out.join("frozen");
    std::fs::create_dir_all(&frozen_dir).expect("OUT_DIR is writable");
    let mut modules = Vec::new();
    collect(&lib, "", &mut modules);
    modules.sort();
    let mut table = String::from(
        "/// The frozen modules: (is a package, `.kbc` bytes), in the order of\n\
         /// [`FROZEN_NAMES`].\n\
         pub static FROZEN: &[(bool, &[u8])] = &[\n",
    );
    let mut names = String::new();
    for (name, package, path) in &modules {
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        let filename = format!("<frozen {name}>");
        let code = krait_compiler::compile(&source, &filename, krait_compiler::Mode::Exec)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let kbc = frozen_dir.join(format!("{name}.kbc"));
        std::fs::write(&kbc, krait_bytecode::kbc::encode(&code)).expect("OUT_DIR is writable");
        let _ = writeln!(
            table,
            "    ({package}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/frozen/{name}.kbc\"))),"
        );
        names.push_str(name);
        names.push('\n');
    }
    table.push_str("];\n");
    // One literal for all the names: start-up reads every name, and a
    // literal of its own per module lies beside that module's bytes in the
    // binary, where the kernel maps 64 KiB around each page read (2 MiB of
    // resident bytes for the names alone).
    let _ = writeln!(
        table,
        "/// The frozen modules' names, one per line.\n\
         pub static FROZEN_NAMES: &str = {names:?};"
    );
    std::fs::write(out.join("frozen.rs"), table).expect("OUT_DIR is writable");
}

/// The `.py` files under `dir` as (module name, is a package, path).
fn collect(dir: &Path, prefix: &str, modules: &mut Vec<(String, bool, PathBuf)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        let Some(stem) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if path.is_dir() {
            if stem != "__pycache__" {
                collect(&path, &format!("{prefix}{stem}."), modules);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            if stem == "__init__" {
                let package = prefix.trim_end_matches('.').to_string();
                modules.push((package, true, path));
            } else {
                modules.push((format!("{prefix}{stem}"), false, path));
            }
        }
    }
}
