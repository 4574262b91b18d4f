//! Token kinds and positions compared with CPython's `tokenize` module on
//! tricky but valid snippets. Runs python3 (always installed here).

use std::io::Write;
use std::process::{Command, Stdio};

use krait_lexer::{LineIndex, Tok, lex};

/// For each NUL-separated source on stdin, prints one line per token (kind,
/// start line/col, end line/col) and then `---`. tokenize's non-syntactic
/// tokens (NL, COMMENT, ENDMARKER) are left out, as the parser gets none.
/// Operators are printed with their text. One python3 process for all.
const PYTHON_SCRIPT: &str = r#"
import io, sys, tokenize
for source in sys.stdin.read().split("\0"):
    for t in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = tokenize.tok_name[t.type]
        if kind in ("NL", "COMMENT", "ENDMARKER"):
            continue
        if kind == "OP":
            kind = "OP:" + t.string
        print(kind, t.start[0], t.start[1], t.end[0], t.end[1])
    print("---")
"#;

fn python_tokens(sources: &[&str]) -> Vec<Vec<String>> {
    let source = sources.join("\0");
    let mut child = Command::new("python3")
        .args(["-c", PYTHON_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(source.as_bytes())
        .expect("write source");
    let output = child.wait_with_output().expect("python3 finishes");
    assert!(output.status.success(), "tokenize failed");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let mut streams = vec![Vec::new()];
    for line in stdout.lines() {
        if line == "---" {
            streams.push(Vec::new());
        } else {
            streams.last_mut().expect("a stream").push(line.to_owned());
        }
    }
    streams.pop();
    streams
}

fn kind_name(tok: &Tok) -> String {
    match tok {
        Tok::Name(_) => "NAME".into(),
        Tok::Int(_) | Tok::Float(_) | Tok::Imaginary(_) => "NUMBER".into(),
        Tok::Str { .. } | Tok::Bytes(_) | Tok::FString(_) => "STRING".into(),
        Tok::Newline => "NEWLINE".into(),
        Tok::Indent => "INDENT".into(),
        Tok::Dedent => "DEDENT".into(),
        other => {
            let text = other.punct_or_keyword_text().expect("keyword or operator");
            if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
                "NAME".into()
            } else {
                format!("OP:{text}")
            }
        }
    }
}

fn krait_tokens(source: &str) -> Vec<String> {
    let index = LineIndex::new(source);
    // tokenize counts columns in characters.
    let position = |offset: usize| {
        let (line, _) = index.line_col(offset);
        let start = index.line_start(line).unwrap_or(0);
        (line, source[start..offset].chars().count())
    };
    lex(source)
        .map(|item| {
            let (start, tok, end) = item.unwrap_or_else(|e| panic!("{e:?} in {source:?}"));
            let (start_line, start_col) = position(start);
            // An exclusive end right after a line break is still on the
            // line of that break for tokenize: measure from the last char.
            let (end_line, end_col) = match source[start..end].chars().next_back() {
                Some(last) => {
                    let (line, col) = position(end - last.len_utf8());
                    (line, col + 1)
                }
                None => position(end),
            };
            format!(
                "{} {start_line} {start_col} {end_line} {end_col}",
                kind_name(&tok)
            )
        })
        .collect()
}

const SNIPPETS: &[&str] = &[
    "if x:\n    a\n  # comment\n\n    b\n        # deeper comment\nc\n",
    "def f(a,\n      b):  # comment\n    return [a,\n\n  b]\n",
    "class C:\n    def m(self):\n        if x:\n            pass\n    # back\nx = 1\n",
    "x = 1 + \\\n    2\nif x: \\\n  pass\n",
    "for i in range(10):\n\tif i:\n\t\tcontinue\n\telse:\n\t\tbreak\n",
    "a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7\n",
    "h @= 8; i &= 9; j |= 1; k ^= 2; l >>= 3; m <<= 4\n",
    "x = a<b<=c>d>=e==f!=g<<h>>i**j//k@l->m:=n...o.p\n",
    "x = (~a) | [b] & {c} ^ d % e\n",
    "n = 0 + 00 + 0x_fF + 0o17 + 0b1_0 + 1_000 + 123456789012345678901234567890\n",
    "f = 1. + .5 + 1e10 + 1E-5 + 1_0.0_1 + 1.5e+3_0 + 0.0 + 00.5 + 0777.5 + 09e1\n",
    "z = 1j + 1.5J + 1e3j + .5j + 0j\n",
    "s = 'a' \"b\" '''c\nd''' \"\"\"e\n\nf\"\"\" r'\\'' b'x' Rb\"y\" u'z' BR'w'\n",
    "s = f'{x!r:>{width}}' rf\"{y}\\d\" F'''{z\n}''' f\"{'a' + 'b'}\" if 0 else 0\n",
    "s = f'{a[\"k\"]:{w}.{p}}' f\"{x = }\" f'{{literal}}'\n",
    "async def f():\n    await g()\n    async with a as b:\n        pass\n",
    "match x:\n    case [1, 2]:\n        pass\n    case _:\n        pass\n",
    "héllo = ñame + 变量\nπ = 3.14\n",
    "if x:\n    if y:\n        a\nelse:\n    b\n",
    "x = [\n    1,  # one\n    2,  # two\n]\ny = {\n}\n",
    "if x:\n    pass\n\n\n\n",
    "@decorator\ndef f(*args, **kwargs) -> None: ...\n",
    "lambda: (yield)\nprint(*a, sep='')\n",
    "x = 1if y else 2\n",
    "\x0cx = 1\n",
    "if a:\n  b\n\x0c\n  c\n",
    "x = '''\n    not indentation\n'''\n  # comment\ny = 2\n",
    "try:\n  pass\nexcept* E:\n  pass\nfinally:\n  pass\n",
    "x = \"\"\"a\\\nb\"\"\"\n",
];

#[test]
fn tokens_match_cpython_tokenize() {
    let mut failures = Vec::new();
    let python = python_tokens(SNIPPETS);
    assert_eq!(python.len(), SNIPPETS.len());
    for (&source, expected) in SNIPPETS.iter().zip(python) {
        let actual = krait_tokens(source);
        if expected != actual {
            failures.push(format!(
                "source: {source:?}\n  python: {expected:?}\n  krait:  {actual:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
