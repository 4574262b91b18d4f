//! The raw scanner: logos classifies the next token by its first few bytes.
//! Tokens whose extent or value needs more than a regex (numbers, strings,
//! non-ASCII identifiers) are finished by hand in the layout layer, which
//! also owns everything that depends on context (indentation, brackets).

use logos::Logos;

use crate::token::Tok;

#[derive(Logos, Debug, Clone, PartialEq)]
pub(crate) enum RawTok {
    /// Spaces, tabs and form feeds between tokens.
    #[regex(r"[ \t\x0C]+")]
    Whitespace,
    #[regex(r"#[^\r\n]*")]
    Comment,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// `\` at the end of a line joins it with the next one.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// `\` anywhere else is an error.
    #[token("\\")]
    StrayBackslash,
    /// CPython's "potential identifier": ASCII letters, digits, `_` and any
    /// non-ASCII character. Validity (XID_Start/XID_Continue) is checked
    /// afterwards, so that an invalid character gets CPython's message.
    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*")]
    Name,
    /// The first character(s) of a number; the number scanner finds its end.
    #[regex(r"[0-9]|\.[0-9]")]
    NumberStart,
    /// An optional prefix and the opening quote; the string scanner finds
    /// the closing quote.
    #[regex(r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?("|'|"""|''')"#)]
    StringStart,
    #[token("(", |_| Tok::LPar)]
    #[token(")", |_| Tok::RPar)]
    #[token("[", |_| Tok::LSqb)]
    #[token("]", |_| Tok::RSqb)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token(":", |_| Tok::Colon)]
    #[token(",", |_| Tok::Comma)]
    #[token(";", |_| Tok::Semi)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("/", |_| Tok::Slash)]
    #[token("|", |_| Tok::Vbar)]
    #[token("&", |_| Tok::Amper)]
    #[token("<", |_| Tok::Less)]
    #[token(">", |_| Tok::Greater)]
    #[token("=", |_| Tok::Equal)]
    #[token(".", |_| Tok::Dot)]
    #[token("%", |_| Tok::Percent)]
    #[token("==", |_| Tok::EqEqual)]
    #[token("!=", |_| Tok::NotEqual)]
    #[token("<=", |_| Tok::LessEqual)]
    #[token(">=", |_| Tok::GreaterEqual)]
    #[token("~", |_| Tok::Tilde)]
    #[token("^", |_| Tok::CircumFlex)]
    #[token("<<", |_| Tok::LeftShift)]
    #[token(">>", |_| Tok::RightShift)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("+=", |_| Tok::PlusEqual)]
    #[token("-=", |_| Tok::MinEqual)]
    #[token("*=", |_| Tok::StarEqual)]
    #[token("/=", |_| Tok::SlashEqual)]
    #[token("%=", |_| Tok::PercentEqual)]
    #[token("&=", |_| Tok::AmperEqual)]
    #[token("|=", |_| Tok::VbarEqual)]
    #[token("^=", |_| Tok::CircumflexEqual)]
    #[token("<<=", |_| Tok::LeftShiftEqual)]
    #[token(">>=", |_| Tok::RightShiftEqual)]
    #[token("**=", |_| Tok::DoubleStarEqual)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("//=", |_| Tok::DoubleSlashEqual)]
    #[token("@", |_| Tok::At)]
    #[token("@=", |_| Tok::AtEqual)]
    #[token("->", |_| Tok::Rarrow)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token(":=", |_| Tok::ColonEqual)]
    Op(Tok),
}

/// Scans one raw token at the start of `text`: its kind (`None` when no
/// token starts there) and its length in bytes.
pub(crate) fn scan(text: &str) -> Option<(Option<RawTok>, usize)> {
    let mut lexer = RawTok::lexer(text);
    let kind = lexer.next()?;
    Some((kind.ok(), lexer.span().end))
}
