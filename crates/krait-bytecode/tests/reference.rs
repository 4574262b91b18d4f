//! `docs/instructions.md` is generated from the instruction table; this
//! test fails when the committed copy is stale. `KRAIT_BLESS=1` rewrites it.

use std::path::PathBuf;

#[test]
fn docs_instructions_md_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/instructions.md");
    let expected = krait_bytecode::instruction_reference();
    if std::env::var("KRAIT_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, &expected).expect("write docs/instructions.md");
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/instructions.md is out of date with the instruction table; \
         regenerate it with `KRAIT_BLESS=1 cargo test -p krait-bytecode`"
    );
}
