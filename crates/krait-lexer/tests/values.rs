//! Token values: numbers, decoded strings, f-string parts, identifiers, and
//! the layout tokens at the edges of the input.

use krait_lexer::{FStringField, FStringPart, Tok, lex, lex_fstring_expression};
use num_bigint::BigInt;

fn tokens(source: &str) -> Vec<Tok> {
    lex(source)
        .map(|item| item.unwrap_or_else(|e| panic!("{e:?} in {source:?}")).1)
        .collect()
}

/// The single non-layout token of `source`.
fn single(source: &str) -> Tok {
    let toks: Vec<Tok> = tokens(source)
        .into_iter()
        .filter(|t| !matches!(t, Tok::Newline))
        .collect();
    assert_eq!(toks.len(), 1, "{source:?} -> {toks:?}");
    toks.into_iter().next().unwrap()
}

fn int(text: &str) -> Tok {
    Tok::Int(text.parse::<BigInt>().unwrap())
}

fn str_tok(value: &str) -> Tok {
    Tok::Str {
        value: value.into(),
        unicode_prefix: false,
    }
}

#[test]
fn integers() {
    assert_eq!(single("0"), int("0"));
    assert_eq!(single("00"), int("0"));
    assert_eq!(single("0_0"), int("0"));
    assert_eq!(single("1_000"), int("1000"));
    assert_eq!(single("0x_fF"), int("255"));
    assert_eq!(single("0XDEAD_beef"), int("3735928559"));
    assert_eq!(single("0o17"), int("15"));
    assert_eq!(single("0b1_01"), int("5"));
    assert_eq!(
        single("123456789012345678901234567890"),
        int("123456789012345678901234567890")
    );
    assert_eq!(
        single("0xffffffffffffffffffffffff"),
        int("79228162514264337593543950335")
    );
}

#[test]
fn floats_and_imaginary() {
    assert_eq!(single("1."), Tok::Float(1.0));
    assert_eq!(single(".5"), Tok::Float(0.5));
    assert_eq!(single("1e10"), Tok::Float(1e10));
    assert_eq!(single("1E-5"), Tok::Float(1e-5));
    assert_eq!(single("1_0.0_1"), Tok::Float(10.01));
    assert_eq!(single("1.e2"), Tok::Float(100.0));
    assert_eq!(single("0777.5"), Tok::Float(777.5));
    assert_eq!(single("09e1"), Tok::Float(90.0));
    assert_eq!(single("1e400"), Tok::Float(f64::INFINITY));
    assert_eq!(single("1j"), Tok::Imaginary(1.0));
    assert_eq!(single("1.5J"), Tok::Imaginary(1.5));
    assert_eq!(single(".5e1j"), Tok::Imaginary(5.0));
    assert_eq!(single("0j"), Tok::Imaginary(0.0));
}

#[test]
fn numbers_followed_by_keywords() {
    // CPython only warns here; the number ends before the keyword.
    assert_eq!(
        tokens("1if x else 2"),
        [
            int("1"),
            Tok::If,
            Tok::Name("x".into()),
            Tok::Else,
            int("2"),
            Tok::Newline
        ]
    );
    assert_eq!(tokens("1else"), [int("1"), Tok::Else, Tok::Newline]);
    // As in CPython, hex digits win: this is `0x1f or`.
    assert_eq!(tokens("0x1for"), [int("31"), Tok::Or, Tok::Newline]);
    assert_eq!(tokens("1.5and"), [Tok::Float(1.5), Tok::And, Tok::Newline]);
}

#[test]
fn string_escapes() {
    assert_eq!(
        single(r#"'\n\t\\\'\"\a\b\f\v\r'"#),
        str_tok("\n\t\\'\"\x07\x08\x0c\x0b\r")
    );
    assert_eq!(single(r"'\0\12\101\777'"), str_tok("\0\n\u{41}\u{1ff}"));
    assert_eq!(single(r"'\x41\u00e9\U0001F600'"), str_tok("Aé😀"));
    assert_eq!(
        single(r"'\N{LATIN SMALL LETTER A}\N{EURO SIGN}'"),
        str_tok("a€")
    );
    assert_eq!(single(r"'\d\q\ '"), str_tok("\\d\\q\\ "));
    assert_eq!(single("'a\\\nb'"), str_tok("ab"));
    assert_eq!(single("'''a\nb'''"), str_tok("a\nb"));
    assert_eq!(single("'''a\r\nb'''"), str_tok("a\nb"));
    assert_eq!(single("\"\"\"x\"y\"\"z\"\"\""), str_tok("x\"y\"\"z"));
    assert_eq!(single("''"), str_tok(""));
    assert_eq!(single("''''''"), str_tok(""));
    assert_eq!(
        single("u'x'"),
        Tok::Str {
            value: "x".into(),
            unicode_prefix: true
        }
    );
}

#[test]
fn raw_strings_keep_backslashes() {
    assert_eq!(single(r"r'\n\d'"), str_tok(r"\n\d"));
    assert_eq!(single(r"R'\''"), str_tok(r"\'"));
    assert_eq!(single("r'a\\\nb'"), str_tok("a\\\nb"));
}

#[test]
fn bytes_literals() {
    assert_eq!(
        single(r"b'a\x00\xff\n\u1234'"),
        Tok::Bytes(b"a\x00\xff\n\\u1234".to_vec())
    );
    assert_eq!(single(r"b'\777'"), Tok::Bytes(vec![0xff]));
    assert_eq!(single(r"rb'\x00'"), Tok::Bytes(br"\x00".to_vec()));
    assert_eq!(single(r"BR'\n'"), Tok::Bytes(br"\n".to_vec()));
}

#[test]
fn adjacent_literals_are_separate_tokens() {
    assert_eq!(
        tokens("'a' 'b'"),
        [str_tok("a"), str_tok("b"), Tok::Newline]
    );
}

fn fstring_parts(source: &str) -> Vec<FStringPart> {
    match single(source) {
        Tok::FString(parts) => parts,
        other => panic!("not an f-string: {other:?}"),
    }
}

fn literal(value: &str, start: usize, end: usize) -> FStringPart {
    FStringPart::Literal {
        value: value.into(),
        start,
        end,
    }
}

fn field(start: usize, end: usize, expr: (usize, usize)) -> FStringField {
    FStringField {
        expr_start: expr.0,
        expr_end: expr.1,
        debug_text: None,
        conversion: None,
        format_spec: None,
        start,
        end,
    }
}

#[test]
fn fstring_literals_and_fields() {
    let source = "f'a{x}b{{c}}\\n'";
    assert_eq!(
        fstring_parts(source),
        [
            literal("a", 2, 3),
            FStringPart::Field(field(3, 6, (4, 5))),
            literal("b{c}\n", 6, 14),
        ]
    );
}

#[test]
fn fstring_conversion_spec_and_debug() {
    let source = "f'{x!r:>{w}.{p}}'";
    let spec = vec![
        literal(">", 7, 8),
        FStringPart::Field(field(8, 11, (9, 10))),
        literal(".", 11, 12),
        FStringPart::Field(field(12, 15, (13, 14))),
    ];
    assert_eq!(
        fstring_parts(source),
        [FStringPart::Field(FStringField {
            conversion: Some('r'),
            format_spec: Some(spec),
            ..field(2, 16, (3, 4))
        })]
    );

    let source = "f'{x = }'";
    assert_eq!(
        fstring_parts(source),
        [FStringPart::Field(FStringField {
            debug_text: Some("x = ".into()),
            ..field(2, 8, (3, 5))
        })]
    );

    let source = "f'{a!=b=!s:x}'";
    assert_eq!(
        fstring_parts(source),
        [FStringPart::Field(FStringField {
            debug_text: Some("a!=b=".into()),
            conversion: Some('s'),
            format_spec: Some(vec![literal("x", 11, 12)]),
            ..field(2, 13, (3, 7))
        })]
    );
}

#[test]
fn fstring_expressions_skip_strings_and_brackets() {
    let source = r#"f'{d["}"]:{w}}'"#;
    let parts = fstring_parts(source);
    let FStringPart::Field(f) = &parts[0] else {
        panic!("{parts:?}")
    };
    assert_eq!(&source[f.expr_start..f.expr_end], r#"d["}"]"#);

    let source = "f'{x if a<b else {1: 2}[1]:>3}'";
    let parts = fstring_parts(source);
    let FStringPart::Field(f) = &parts[0] else {
        panic!("{parts:?}")
    };
    assert_eq!(&source[f.expr_start..f.expr_end], "x if a<b else {1: 2}[1]");
    assert_eq!(f.format_spec, Some(vec![literal(">3", 27, 29)]));

    // `\N{...}` in the literal part is an escape, not a field.
    assert_eq!(fstring_parts(r"f'\N{EURO SIGN}'"), [literal("€", 2, 15)]);
    // Raw f-strings keep backslashes.
    assert_eq!(fstring_parts(r"rf'\d{x}'")[0], literal("\\d", 3, 5));
}

#[test]
fn fstring_expression_lexing() {
    let source = "f'''{ (a +\n b) }''' if c else d";
    let Some(Ok((_, Tok::FString(parts), _))) = lex(source).next() else {
        panic!("no f-string")
    };
    let FStringPart::Field(f) = &parts[0] else {
        panic!("{parts:?}")
    };
    let toks: Vec<_> = lex_fstring_expression(source, f.expr_start, f.expr_end)
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        toks,
        [
            (6, Tok::LPar, 7),
            (7, Tok::Name("a".into()), 8),
            (9, Tok::Plus, 10),
            (12, Tok::Name("b".into()), 13),
            (13, Tok::RPar, 14),
        ]
    );
    // Out-of-range offsets give nothing rather than a panic.
    assert_eq!(lex_fstring_expression("abc", 2, 10).count(), 0);
    assert_eq!(lex_fstring_expression("é", 1, 2).count(), 0);
}

#[test]
fn identifiers_and_keywords() {
    assert_eq!(
        tokens("match case _ async await None"),
        [
            Tok::Name("match".into()),
            Tok::Name("case".into()),
            Tok::Name("_".into()),
            Tok::Async,
            Tok::Await,
            Tok::None,
            Tok::Newline
        ]
    );
    // NFKC: the ligature "ﬁ" is the name "fi"; "ℌ" is "H".
    assert_eq!(single("ﬁx"), Tok::Name("fix".into()));
    assert_eq!(single("ℌ"), Tok::Name("H".into()));
    assert_eq!(single("变量"), Tok::Name("变量".into()));
}

#[test]
fn layout_at_the_edges() {
    assert_eq!(tokens(""), []);
    assert_eq!(tokens("\n\n# comment\n   \n"), []);
    assert_eq!(tokens("x"), [Tok::Name("x".into()), Tok::Newline]);
    assert_eq!(
        tokens("if x:\n  y"),
        [
            Tok::If,
            Tok::Name("x".into()),
            Tok::Colon,
            Tok::Newline,
            Tok::Indent,
            Tok::Name("y".into()),
            Tok::Newline,
            Tok::Dedent
        ]
    );
    // Windows and old Mac line endings.
    assert_eq!(
        tokens("a\r\nb\rc"),
        [
            Tok::Name("a".into()),
            Tok::Newline,
            Tok::Name("b".into()),
            Tok::Newline,
            Tok::Name("c".into()),
            Tok::Newline
        ]
    );
    // Spans of the final NEWLINE and DEDENT are empty, at the end.
    let spans: Vec<_> = lex("if x:\n  y")
        .map(|item| {
            let (start, _, end) = item.unwrap();
            (start, end)
        })
        .collect();
    assert_eq!(spans[3..], [(5, 6), (6, 8), (8, 9), (9, 9), (9, 9)]);
}
