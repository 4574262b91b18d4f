//! Trees as deep as the parser lets through compile on a small stack.
//!
//! The compiler's passes recurse over the tree; the parser bounds its
//! depth ([`krait_parser`]'s `MAX_DEPTH`), but an embedder may compile on
//! a thread of Rust's default 2 MiB (these tests' own threads are that
//! size), so every pass must keep to it in a debug build.

use krait_compiler::{Mode, compile};

/// Compiles `source` on a fresh 2 MiB thread, as a test thread or an
/// embedder's worker would.
fn compiles_on_small_stack(source: String, mode: Mode) -> bool {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || compile(&source, "<deep>", mode).is_ok())
        .expect("spawn")
        .join()
        .expect("compiler thread")
}

#[test]
fn long_flat_sum_of_names() {
    let source = format!("{}a", "a + ".repeat(790));
    assert!(compiles_on_small_stack(source, Mode::Eval));
}

#[test]
fn long_flat_sum_of_constants_folds() {
    let source = format!("x = {}1", "1 + ".repeat(790));
    assert!(compiles_on_small_stack(source, Mode::Exec));
}

#[test]
fn long_boolean_chain() {
    let source = format!("{}a", "a or ".repeat(790));
    assert!(compiles_on_small_stack(source, Mode::Eval));
}

#[test]
fn long_chain_of_calls_and_attributes() {
    let source = format!("f{}", "(a).b".repeat(300));
    assert!(compiles_on_small_stack(source, Mode::Eval));
}

#[test]
fn deeply_nested_brackets() {
    let depth = 180;
    let source = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    assert!(compiles_on_small_stack(source, Mode::Eval));
}

#[test]
fn deeply_nested_blocks() {
    let mut source = String::new();
    for level in 0..95 {
        source.push_str(&" ".repeat(level));
        source.push_str("if a:\n");
    }
    source.push_str(&" ".repeat(95));
    source.push_str("pass\n");
    assert!(compiles_on_small_stack(source, Mode::Exec));
}

#[test]
fn deep_annotation_is_unparsed() {
    let source = format!(
        "from __future__ import annotations\nx: {}int = 1\n",
        "int | ".repeat(700)
    );
    assert!(compiles_on_small_stack(source, Mode::Exec));
}
