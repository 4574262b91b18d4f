//! The lexer never panics, always terminates, and gives well-formed spans,
//! whatever the input.

use krait_lexer::{FStringPart, Tok, lex, lex_fstring_expression};
use proptest::prelude::*;

/// Lexes everything and checks the invariants every token stream must keep:
/// spans in bounds, on char boundaries, in order; at most one error, last.
fn check_stream(source: &str) {
    let mut previous_end = 0;
    let mut saw_error = false;
    // Each token consumes input or is a layout token; this bound catches a
    // lexer that loops forever without advancing.
    let bound = 4 * source.len() + 16;
    for (count, item) in lex(source).enumerate() {
        assert!(count <= bound, "too many tokens for {source:?}");
        assert!(!saw_error, "token after an error in {source:?}");
        match item {
            Ok((start, tok, end)) => {
                assert!(start <= end && end <= source.len(), "{source:?}");
                assert!(source.is_char_boundary(start) && source.is_char_boundary(end));
                assert!(start >= previous_end || start == end, "{source:?}");
                previous_end = previous_end.max(end);
                if let Tok::FString(parts) = &tok {
                    check_fstring(source, parts);
                }
            }
            Err(error) => {
                saw_error = true;
                assert!(error.offset <= source.len(), "{source:?}: {error:?}");
                assert!(!error.message.is_empty());
            }
        }
    }
}

fn check_fstring(source: &str, parts: &[FStringPart]) {
    for part in parts {
        if let FStringPart::Field(field) = part {
            assert!(field.start < field.expr_start && field.expr_end < field.end);
            // What the parser will do with the field.
            let tokens = lex_fstring_expression(source, field.expr_start, field.expr_end);
            for (start, _, end) in tokens.flatten() {
                assert!(field.expr_start <= start && end <= field.expr_end);
            }
            if let Some(spec) = &field.format_spec {
                check_fstring(source, spec);
            }
        }
    }
}

const FRAGMENTS: &[&str] = &[
    "x",
    "if",
    "else",
    ":",
    "\n",
    "    ",
    "\t",
    " ",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'",
    "rb\"",
    "F\"\"\"",
    "\\",
    "\\\n",
    "#",
    "# c\n",
    "0",
    "1_0",
    "0x",
    "0o7",
    "1e",
    ".5",
    "1.",
    "j",
    "_",
    "!",
    "!=",
    "=",
    "==",
    ":=",
    "->",
    "...",
    "é",
    "€",
    "\u{a0}",
    "\r\n",
    "\r",
    "\x0c",
    "\0",
    "{x!r:{y}}",
    "{{",
    "}}",
    "\\N{",
    "\\x",
    "\\u12",
    "b'é'",
    "async",
    "await",
    "lambda",
    "=}",
    "${",
    "`",
    "?",
    ";",
    ",",
    "*",
    "**=",
    "@",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_stream(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_text_never_panics(source in "\\PC{0,100}") {
        check_stream(&source);
    }

    #[test]
    fn token_soups_never_panic(source in token_soup()) {
        check_stream(&source);
    }

    #[test]
    fn fstring_soups_never_panic(body in token_soup(), quote in prop::sample::select(&["'", "\"", "'''", "\"\"\""][..])) {
        check_stream(&format!("f{quote}{body}{quote}"));
        check_stream(&format!("rf{quote}{body}{quote}"));
    }

    #[test]
    fn expression_ranges_never_panic(source in token_soup(), a in 0usize..200, b in 0usize..200) {
        for (start, _, end) in lex_fstring_expression(&source, a, b).flatten() {
            prop_assert!(start <= end && end <= source.len());
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    check_stream(&"(".repeat(100_000));
    check_stream(&"f'{".repeat(10_000));
    check_stream(&format!("f'{}'", "{x:".repeat(10_000)));
    let mut deep = String::new();
    for depth in 0..1000 {
        deep.push_str(&" ".repeat(depth));
        deep.push_str("if x:\n");
    }
    check_stream(&deep);
}

#[test]
fn long_inputs_are_linear_enough() {
    let line = "x = f'{a!r:>{w}}' + 0x_ff * (b - 1.5e3j) # comment\n";
    let source = line.repeat(20_000);
    let start = std::time::Instant::now();
    let count = lex(&source).filter(Result::is_ok).count();
    assert!(count > 20_000 * 10);
    assert!(
        start.elapsed().as_secs() < 10,
        "lexing took {:?}",
        start.elapsed()
    );
}
