//! Lexical errors: message, exception kind, line and column must be what
//! CPython 3.11 reports. Every expectation below was taken from python3.11
//! (`compile(src, "f.py", "exec")`, then `e.msg`, `e.lineno`, `e.offset`).

use krait_lexer::{ErrorKind, LexError, LineIndex, lex};

use ErrorKind::{IndentationError, SyntaxError, TabError};

/// The first error of `source`, if any.
fn first_error(source: &str) -> Option<LexError> {
    lex(source).find_map(Result::err)
}

/// (line, 1-based column in characters), as CPython reports them.
fn cpython_position(source: &str, error: &LexError) -> (u32, usize) {
    let index = LineIndex::new(source);
    let (line, _) = index.line_col(error.offset);
    let line_start = index.line_start(line).unwrap_or(0);
    let column = source[line_start..error.offset].chars().count() + 1;
    (error.lineno.unwrap_or(line), column)
}

fn check(source: &str, kind: ErrorKind, message: &str, line: u32, column: usize) {
    let error = first_error(source).unwrap_or_else(|| panic!("no error for {source:?}"));
    assert_eq!(
        (
            error.kind,
            error.message.as_str(),
            cpython_position(source, &error)
        ),
        (kind, message, (line, column)),
        "source: {source:?}"
    );
}

#[rustfmt::skip]
const CASES: &[(&str, ErrorKind, &str, u32, usize)] = &[
    ("if x:\n  a\n b\n", IndentationError, "unindent does not match any outer indentation level", 3, 3),
    ("if x:\n    a\n  bcd\n", IndentationError, "unindent does not match any outer indentation level", 3, 6),
    (" x\n", IndentationError, "unexpected indent", 1, 1),
    ("  x = 1\n", IndentationError, "unexpected indent", 1, 2),
    ("if x:\n\ta\n        b\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n        a\n\tb\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n  \tpass\n        pass\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n\tif y:\n\t    a\n\t  b\n", IndentationError, "unindent does not match any outer indentation level", 4, 5),
    ("x = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    ("x = 'abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    ("x = '''abc\n\ndef\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
    ("s = '''abc\n\ndef", SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
    ("x = 1\ny = \"\"\"a\nb\n'''\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 4)", 2, 5),
    ("'abc\\\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    ("x = 'a\\\nb\n", SyntaxError, "unterminated string literal (detected at line 2)", 1, 5),
    ("x = (1,\n2\n", SyntaxError, "'(' was never closed", 1, 5),
    ("x = [1,\n{2:\n3\n", SyntaxError, "'{' was never closed", 2, 1),
    ("x = )\n", SyntaxError, "unmatched ')'", 1, 5),
    ("x = }\n", SyntaxError, "unmatched '}'", 1, 5),
    ("x = (]\n", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
    ("x = (\n]\n", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1),
    ("x = [\n\n  1)\n", SyntaxError, "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 3, 4),
    ("foo(a, b]\n", SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 9),
    ("x = a€b\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 6),
    ("€ = 1\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 1),
    ("x =  \n", SyntaxError, "invalid non-printable character U+00A0", 1, 5),
    ("x = 1 \n", SyntaxError, "invalid non-printable character U+00A0", 1, 6),
    ("x = \u{1}\n", SyntaxError, "invalid non-printable character U+0001", 1, 5),
    ("x = $\n", SyntaxError, "invalid syntax", 1, 5),
    ("x = ?\n", SyntaxError, "invalid syntax", 1, 5),
    ("x = a ! b\n", SyntaxError, "invalid syntax", 1, 7),
    ("x = `a`\n", SyntaxError, "invalid syntax", 1, 5),
    ("x = 1 \\ 2\n", SyntaxError, "unexpected character after line continuation character", 1, 8),
    ("x = 1 +\\", SyntaxError, "unexpected EOF while parsing", 1, 9),
    ("x = (1 +\\", SyntaxError, "'(' was never closed", 1, 5),
    ("x = 1\n\\\n", SyntaxError, "unexpected EOF while parsing", 2, 2),
    ("x = 1 \\x\n", SyntaxError, "unexpected character after line continuation character", 1, 8),
    ("0777\n", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
    ("x = 00012\n", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
    ("0_7\n", SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
    ("1__0\n", SyntaxError, "invalid decimal literal", 1, 2),
    ("0x\n", SyntaxError, "invalid hexadecimal literal", 1, 2),
    ("1_\n", SyntaxError, "invalid decimal literal", 1, 2),
    ("0b2\n", SyntaxError, "invalid digit '2' in binary literal", 1, 3),
    ("0b12\n", SyntaxError, "invalid digit '2' in binary literal", 1, 4),
    ("0o8\n", SyntaxError, "invalid digit '8' in octal literal", 1, 3),
    ("0o18\n", SyntaxError, "invalid digit '8' in octal literal", 1, 4),
    ("0o\n", SyntaxError, "invalid octal literal", 1, 2),
    ("0b\n", SyntaxError, "invalid binary literal", 1, 2),
    ("1e\n", SyntaxError, "invalid decimal literal", 1, 1),
    ("1e+\n", SyntaxError, "invalid decimal literal", 1, 3),
    ("1.2j3\n", SyntaxError, "invalid imaginary literal", 1, 4),
    ("0_\n", SyntaxError, "invalid decimal literal", 1, 2),
    ("0x_\n", SyntaxError, "invalid hexadecimal literal", 1, 3),
    ("0xg\n", SyntaxError, "invalid hexadecimal literal", 1, 2),
    ("0x1_\n", SyntaxError, "invalid hexadecimal literal", 1, 4),
    ("1ex\n", SyntaxError, "invalid decimal literal", 1, 1),
    ("1jx\n", SyntaxError, "invalid imaginary literal", 1, 2),
    ("1.5_\n", SyntaxError, "invalid decimal literal", 1, 4),
    ("1._5\n", SyntaxError, "invalid decimal literal", 1, 2),
    ("x = 12abc\n", SyntaxError, "invalid decimal literal", 1, 6),
    ("x = 0.5x\n", SyntaxError, "invalid decimal literal", 1, 7),
    ("1e5_\n", SyntaxError, "invalid decimal literal", 1, 4),
    ("1_000_\n", SyntaxError, "invalid decimal literal", 1, 6),
    ("0b1_\n", SyntaxError, "invalid binary literal", 1, 4),
    ("0o7a\n", SyntaxError, "invalid octal literal", 1, 3),
    ("0xfz\n", SyntaxError, "invalid hexadecimal literal", 1, 3),
    ("b'é'\n", SyntaxError, "bytes can only contain ASCII literal characters", 1, 1),
    ("x = b'abc€'\n", SyntaxError, "bytes can only contain ASCII literal characters", 1, 5),
    ("br'é'\n", SyntaxError, "bytes can only contain ASCII literal characters", 1, 1),
    ("f'{'\n", SyntaxError, "f-string: expecting '}'", 1, 5),
    ("f'}'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 5),
    ("f'{}'\n", SyntaxError, "f-string: empty expression not allowed", 1, 6),
    ("f'{ }'\n", SyntaxError, "f-string: empty expression not allowed", 1, 7),
    ("f'{x!z}'\n", SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
    ("f'{x\\n}'\n", SyntaxError, "f-string expression part cannot include a backslash", 1, 9),
    ("f'{x#}'\n", SyntaxError, "f-string expression part cannot include '#'", 1, 8),
    ("f'{x!}'\n", SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8),
    ("f'{x=!}'\n", SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
    ("f'{x:{y:{z}}}'\n", SyntaxError, "f-string: expressions nested too deeply", 1, 15),
    ("f'{x!r '\n", SyntaxError, "f-string: expecting '}'", 1, 9),
    ("f'{x)}'\n", SyntaxError, "f-string: unmatched ')'", 1, 8),
    ("f'{(x}'\n", SyntaxError, "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 8),
    ("f'{x:{y}'\n", SyntaxError, "f-string: expecting '}'", 1, 10),
    ("f'{!r}'\n", SyntaxError, "f-string: expression required before '!'", 1, 8),
    ("f'{x=y}'\n", SyntaxError, "f-string: expecting '}'", 1, 9),
    ("f'a}b'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 7),
    ("f'{x:}}'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 9),
    ("f'{(x]}'\n", SyntaxError, "f-string: closing parenthesis ']' does not match opening parenthesis '('", 1, 9),
    ("'\\N{foo}'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 10),
    ("'\\x1'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 6),
    ("x = '\\xzz'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 11),
    ("'\\u12'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 7),
    ("u'\\u12'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 8),
    ("b'\\x1'\n", SyntaxError, "(value error) invalid \\x escape at position 0", 1, 7),
    ("'\\U00110000'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 13),
    ("'\\U0011'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \\UXXXXXXXX escape", 1, 9),
    ("'\\N'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 5),
    ("'\\N{'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 6),
    ("'\\N{}'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 7),
    ("'ab\\N{LATIN SMALL LETTER A'\n", SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-24: malformed \\N character escape", 1, 28),
    ("(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", SyntaxError, "too many nested parentheses", 1, 201),
    ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", SyntaxError, "'[' was never closed", 1, 200),
    ("1€\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 2),
    ("1_é\n", SyntaxError, "invalid decimal literal", 1, 2),
    ("f'{:x}'\n", SyntaxError, "f-string: expression required before ':'", 1, 8),
    ("f'{=}'\n", SyntaxError, "f-string: expression required before '='", 1, 7),
    ("f'{ !r}'\n", SyntaxError, "f-string: expression required before '!'", 1, 9),
    ("f'{x:{}}'\n", SyntaxError, "f-string: empty expression not allowed", 1, 10),
    ("f'{x}' f'{'\n", SyntaxError, "f-string: expecting '}'", 1, 12),
    ("x = f'''\n{a\n#}'''\n", SyntaxError, "f-string expression part cannot include '#'", 3, 6),
    ("f'{x:{y!z}}'\n", SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13),
];

#[test]
fn errors_match_cpython() {
    let mut failures = Vec::new();
    for &(source, kind, message, line, column) in CASES {
        let result = std::panic::catch_unwind(|| check(source, kind, message, line, column));
        if result.is_err() {
            failures.push(source);
        }
    }
    assert!(failures.is_empty(), "failing sources: {failures:#?}");
}

#[test]
fn nesting_limits() {
    let parens = "(".repeat(201);
    check(&parens, SyntaxError, "too many nested parentheses", 1, 201);
    let brackets = "[".repeat(200);
    check(&brackets, SyntaxError, "'[' was never closed", 1, 200);

    // 99 nested blocks are fine, the 100th level is not.
    let mut source = String::from("if 1:\n");
    for depth in 1..=100 {
        source.push_str(&" ".repeat(depth));
        source.push_str("if 1:\n");
    }
    source.push_str(&" ".repeat(101));
    source.push_str("pass\n");
    check(
        &source,
        IndentationError,
        "too many levels of indentation",
        101,
        1,
    );
}

#[test]
fn valid_sources_have_no_error() {
    for source in [
        "00\n",
        "1if 1 else 2\n",
        "1else\n",
        "0x1for\n",
        "b'\\u1234'\n",
        "'\\777'\n",
        "f'{x:{y=}}'\n",
        "f'{x:\\n}'\n",
        "f'{a[\"x\"]}'\n",
        "f'{\"a\"}' 'b'\n",
        "if x:\n\tpass\n",
        "x = \\\n  1\n",
        "x = 1\n  # indented comment\ny = 2\n",
        "\n\n   \n# only comments\n",
        "",
    ] {
        assert_eq!(first_error(source), None, "source: {source:?}");
    }
}
