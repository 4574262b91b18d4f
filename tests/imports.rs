//! The import system beyond what the golden projects show: the
//! compiled-module cache (a changed, corrupt or foreign cache file is never
//! trusted), `sys.path` from `KRAITPATH`, `krait -m` messages, and the host
//! boundary (a host that grants nothing leaves only the modules compiled
//! into the program importable, and every file-system call refused).

use std::path::{Path, PathBuf};
use std::process::Command;

use krait::Mode;
use krait_vm::host::DenyAll;
use krait_vm::{Value, Vm};

const KRAIT: &str = env!("CARGO_BIN_EXE_krait");

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("krait-imports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `krait ARGS` in `dir` with extra environment variables; returns
/// (stdout, stderr, exit code).
fn krait_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let output = Command::new(KRAIT)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .output()
        .expect("krait runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let (stdout, stderr, code) = krait_in(dir, args, &[]);
    assert_eq!(code, 0, "krait {args:?} failed: {stderr}");
    stdout
}

#[test]
fn the_module_cache_follows_the_source() {
    let dir = scratch("cache");
    std::fs::write(dir.join("main.py"), "import helper\nprint(helper.VALUE)\n").unwrap();
    std::fs::write(dir.join("helper.py"), "VALUE = 'one'\n").unwrap();
    assert_eq!(stdout_of(&dir, &["main.py"]), "one\n");
    let cache = dir.join("__pycache__/helper.krait.kbc");
    assert!(cache.exists(), "the first import writes the cache");
    // The same size and (possibly) the same modification time: only the
    // content tells the change.
    std::fs::write(dir.join("helper.py"), "VALUE = 'two'\n").unwrap();
    assert_eq!(stdout_of(&dir, &["main.py"]), "two\n");
    assert_eq!(stdout_of(&dir, &["main.py"]), "two\n");
}

#[test]
fn a_corrupt_or_foreign_cache_file_is_never_trusted() {
    let dir = scratch("corrupt");
    std::fs::write(dir.join("main.py"), "import a, b\nprint(a.X, b.X)\n").unwrap();
    std::fs::write(dir.join("a.py"), "X = 'a'\n").unwrap();
    std::fs::write(dir.join("b.py"), "X = 'b'\n").unwrap();
    assert_eq!(stdout_of(&dir, &["main.py"]), "a b\n");
    let cache = dir.join("__pycache__");
    let good = std::fs::read(cache.join("a.krait.kbc")).unwrap();
    // Truncated, garbage after a valid header, and another module's code.
    let broken: Vec<Vec<u8>> = vec![
        good[..good.len() / 2].to_vec(),
        [
            &good[..16],
            b"garbage bytes that are not a kbc file".as_slice(),
        ]
        .concat(),
        std::fs::read(cache.join("b.krait.kbc")).unwrap(),
        Vec::new(),
    ];
    for bytes in broken {
        std::fs::write(cache.join("a.krait.kbc"), &bytes).unwrap();
        assert_eq!(stdout_of(&dir, &["main.py"]), "a b\n");
        assert_eq!(
            std::fs::read(cache.join("a.krait.kbc")).unwrap(),
            good,
            "a rejected cache file is rewritten"
        );
    }
}

#[test]
fn dont_write_bytecode_writes_no_cache() {
    let dir = scratch("dont-write");
    std::fs::write(
        dir.join("main.py"),
        "import sys\nsys.dont_write_bytecode = True\nimport helper\nprint(helper.X)\n",
    )
    .unwrap();
    std::fs::write(dir.join("helper.py"), "X = 1\n").unwrap();
    assert_eq!(stdout_of(&dir, &["main.py"]), "1\n");
    assert!(!dir.join("__pycache__").exists());
}

#[test]
fn sys_path_is_the_script_folder_then_kraitpath() {
    let dir = scratch("kraitpath");
    let lib = dir.join("lib");
    let app = dir.join("app");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::create_dir_all(&app).unwrap();
    std::fs::write(lib.join("shared.py"), "WHERE = 'lib'\n").unwrap();
    std::fs::write(
        app.join("main.py"),
        "import sys, shared\nprint(shared.WHERE, sys.path[:2])\n",
    )
    .unwrap();
    let lib_path = lib.display().to_string();
    let (stdout, stderr, code) = krait_in(&dir, &["app/main.py"], &[("KRAITPATH", &lib_path)]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, format!("lib ['{}', '{lib_path}']\n", app.display()));
    // Without KRAITPATH the module is not found.
    let (_, stderr, code) = krait_in(&dir, &["app/main.py"], &[]);
    assert_eq!(code, 1);
    assert!(
        stderr
            .trim_end()
            .ends_with("ModuleNotFoundError: No module named 'shared'")
    );
}

#[test]
fn dash_m_says_what_it_could_not_find() {
    let dir = scratch("dash-m");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
    std::fs::write(dir.join("plain.py"), "").unwrap();
    for (module, message) in [
        ("nothere", "krait: No module named nothere"),
        (
            "pkg",
            "krait: No module named pkg.__main__; 'pkg' is a package and cannot be directly executed",
        ),
        ("pkg.missing", "krait: No module named pkg.missing"),
        (
            "plain.sub",
            "krait: Error while finding module specification for 'plain.sub' \
             (ModuleNotFoundError: __path__ attribute not found on 'plain' while trying to find 'plain.sub')",
        ),
    ] {
        let (stdout, stderr, code) = krait_in(&dir, &["-m", module], &[]);
        assert_eq!((stdout.as_str(), stderr.trim_end(), code), ("", message, 1));
    }
}

/// Runs `source` in a VM whose host grants nothing, with the standard
/// library installed; returns its global `results` (nothing can be
/// printed: the host refuses output too).
fn run_denied(source: &str) -> String {
    let mut vm = Vm::with_host(Box::new(DenyAll));
    krait_stdlib::install(&mut vm);
    let code = krait::compile(source, "<test>", Mode::Exec).expect("compiles");
    if let Err(err) = vm.run_code(code) {
        panic!("{}", vm.format_exception(&err, &|_: &str, _: u32| None));
    }
    let results = vm
        .globals()
        .as_dict()
        .and_then(|d| d.get_item(&Value::str("results")).ok().flatten())
        .expect("the program sets `results`");
    vm.str(&results).unwrap()
}

#[test]
fn a_host_granting_nothing_refuses_every_file_system_call() {
    let results = run_denied(
        r"
import os
results = []
for call in [os.getcwd, lambda: os.listdir('.'), lambda: os.mkdir('d'),
             lambda: os.remove('f'), lambda: os.rmdir('d'), lambda: os.rename('a', 'b'),
             lambda: os.stat('f')]:
    try:
        call()
        results.append('allowed')
    except PermissionError as e:
        results.append(str(e))
results.append(os.path.exists('.'))
results.append(len(os.environ))
",
    );
    assert_eq!(
        results,
        "['the host does not allow reading the current folder', \
         'the host does not allow listing folders', \
         'the host does not allow making folders', \
         'the host does not allow removing files', \
         'the host does not allow removing folders', \
         'the host does not allow renaming files', \
         'the host does not allow looking at the file system', False, 0]"
    );
}

#[test]
fn a_host_granting_nothing_imports_only_what_the_program_holds() {
    let results = run_denied(
        r#"
import sys, math, os.path, types
results = [list(sys.path), math.floor(2.5), os.path.join('a', 'b'), types.ModuleType('m').__name__]
try:
    import helper
except ModuleNotFoundError as e:
    results.append(str(e))
sys.path.append('.')
try:
    import helper
except PermissionError as e:
    results.append(str(e))
"#,
    );
    assert_eq!(
        results,
        "[[], 2, 'a/b', 'm', \"No module named 'helper'\", \
         'the host does not allow looking at the file system']"
    );
}

#[test]
fn dash_c_imports_from_the_current_folder_by_absolute_path() {
    let dir = scratch("dash-c");
    std::fs::write(dir.join("helper.py"), "X = 1\n").unwrap();
    let out = stdout_of(
        &dir,
        &[
            "-c",
            "import sys, helper\nprint(sys.path[0] == '', helper.__file__)",
        ],
    );
    assert_eq!(out, format!("True {}\n", dir.join("helper.py").display()));
}

#[test]
fn sys_path_holds_the_script_folder_as_its_real_path() {
    let dir = scratch("real-path");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/s.py"), "import sys\nprint(sys.path[0])\n").unwrap();
    let out = stdout_of(&dir, &["sub/../sub/s.py"]);
    let real = std::fs::canonicalize(dir.join("sub")).unwrap();
    assert_eq!(out, format!("{}\n", real.display()));
}
