//! Random token soups and random bytes never panic and always terminate.

use krait_parser::{Mode, parse};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "x",
    "1",
    "2.5",
    "'s'",
    "f'{a}'",
    "b'b'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    "=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<",
    ">",
    "==",
    "!=",
    ":=",
    ".",
    "...",
    "->",
    "+=",
    "if",
    "else",
    "elif",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "lambda",
    "yield",
    "from",
    "import",
    "as",
    "with",
    "try",
    "except",
    "finally",
    "raise",
    "not",
    "and",
    "or",
    "is",
    "del",
    "pass",
    "global",
    "async",
    "await",
    "match",
    "\n",
    "\n    ",
    " ",
    "\\\n",
    "#c\n",
    "f'{x=}'",
    "f'{x!r:>{w}}'",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(idx in prop::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        let src: String = idx.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join(" ");
        for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
            if let Err(e) = parse(&src, mode, "soup.py") {
                let _ = e.to_string();
            }
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let src = String::from_utf8_lossy(&bytes);
        if let Err(e) = parse(&src, Mode::Exec, "bytes.py") {
            let _ = e.to_string();
        }
    }
}
