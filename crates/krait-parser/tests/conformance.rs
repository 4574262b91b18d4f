//! krait's trees against CPython's on the conformance corpus and on the
//! snippets in `tests/syntax/`: equal trees for files CPython parses, the same
//! exception and line for files it rejects.

mod common;

use std::path::Path;

fn check_dir(dir: &Path) {
    if !dir.is_dir() || !common::python_available() {
        eprintln!("skipping {}: folder or python3 missing", dir.display());
        return;
    }
    let files = common::py_files(dir);
    let problems = common::compare_files(&files);
    assert!(
        problems.is_empty(),
        "{} of {} files differ:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}

#[test]
fn conformance_corpus_matches_cpython() {
    check_dir(Path::new("/work/shared/conformance/cases"));
}

#[test]
fn syntax_snippets_match_cpython() {
    check_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax"));
}
