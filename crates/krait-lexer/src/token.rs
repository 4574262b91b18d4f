//! The tokens the parser sees. Spans are byte offsets into the source; the
//! parser turns them into CPython's line/column with [`crate::LineIndex`].

use num_bigint::BigInt;

/// One token. Layout tokens (`Newline`, `Indent`, `Dedent`) come from the
/// indentation layer, never from the raw scanner.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    // --- names and literals ---
    Name(String),
    /// An integer literal of any size (`0x_ff`, `1_000`, `0o7`, `0b1`).
    Int(BigInt),
    Float(f64),
    /// `2j`, `1.5e3J`: the imaginary part.
    Imaginary(f64),
    /// One string literal with its escapes decoded; `unicode_prefix` is true
    /// for `u"..."` (CPython records `kind='u'`). Adjacent literals are
    /// separate tokens: the parser concatenates them.
    Str {
        value: String,
        unicode_prefix: bool,
    },
    Bytes(Vec<u8>),
    /// One f-string literal (`f"..."`, `rf'...'`, triple-quoted too), already
    /// split into its literal text and `{...}` fields.
    FString(Vec<FStringPart>),

    // --- layout ---
    Newline,
    Indent,
    Dedent,

    // --- keywords ---
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// `match` and `case` as soft keywords: the scanner emits them as names;
    /// the parser retags the ones that start a match statement or a case.
    Match,
    Case,

    // --- operators and delimiters ---
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    CircumFlex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text, escapes decoded and `{{`/`}}` undoubled. `start..end` is
    /// its byte range in the source.
    Literal {
        value: String,
        start: usize,
        end: usize,
    },
    Field(FStringField),
}

/// One `{expression!conversion:format_spec}` of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub struct FStringField {
    /// Byte range of the expression's text in the source (inside the braces,
    /// before any `=`, `!` or `:`). The parser lexes and parses this range
    /// again with [`crate::lex_fstring_expression`].
    pub expr_start: usize,
    pub expr_end: usize,
    /// For `{x = }`: the literal text CPython inserts before the value
    /// (`"x = "`), i.e. the expression text with the `=` and the whitespace
    /// around it.
    pub debug_text: Option<String>,
    /// `Some('r')`, `Some('s')` or `Some('a')` for `!r`, `!s`, `!a`.
    pub conversion: Option<char>,
    /// The parts after `:`, which may hold nested fields (`{x:{width}}`).
    pub format_spec: Option<Vec<FStringPart>>,
    /// Byte range of the whole field, braces included.
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// The text CPython would show for this token in a message, e.g. `'('`.
    pub fn describe(&self) -> String {
        match self {
            Tok::Name(name) => name.clone(),
            Tok::Int(_) | Tok::Float(_) | Tok::Imaginary(_) => "number".into(),
            Tok::Str { .. } | Tok::Bytes(_) | Tok::FString(_) => "string".into(),
            Tok::Newline => "NEWLINE".into(),
            Tok::Indent => "INDENT".into(),
            Tok::Dedent => "DEDENT".into(),
            other => format!("'{}'", other.punct_or_keyword_text().unwrap_or("?")),
        }
    }

    /// The source text of a keyword or operator token.
    pub fn punct_or_keyword_text(&self) -> Option<&'static str> {
        Some(match self {
            Tok::False => "False",
            Tok::None => "None",
            Tok::True => "True",
            Tok::And => "and",
            Tok::As => "as",
            Tok::Assert => "assert",
            Tok::Async => "async",
            Tok::Await => "await",
            Tok::Break => "break",
            Tok::Class => "class",
            Tok::Continue => "continue",
            Tok::Def => "def",
            Tok::Del => "del",
            Tok::Elif => "elif",
            Tok::Else => "else",
            Tok::Except => "except",
            Tok::Finally => "finally",
            Tok::For => "for",
            Tok::From => "from",
            Tok::Global => "global",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::In => "in",
            Tok::Is => "is",
            Tok::Lambda => "lambda",
            Tok::Nonlocal => "nonlocal",
            Tok::Not => "not",
            Tok::Or => "or",
            Tok::Pass => "pass",
            Tok::Raise => "raise",
            Tok::Return => "return",
            Tok::Try => "try",
            Tok::While => "while",
            Tok::With => "with",
            Tok::Yield => "yield",
            Tok::Match => "match",
            Tok::Case => "case",
            Tok::LPar => "(",
            Tok::RPar => ")",
            Tok::LSqb => "[",
            Tok::RSqb => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::Colon => ":",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Vbar => "|",
            Tok::Amper => "&",
            Tok::Less => "<",
            Tok::Greater => ">",
            Tok::Equal => "=",
            Tok::Dot => ".",
            Tok::Percent => "%",
            Tok::EqEqual => "==",
            Tok::NotEqual => "!=",
            Tok::LessEqual => "<=",
            Tok::GreaterEqual => ">=",
            Tok::Tilde => "~",
            Tok::CircumFlex => "^",
            Tok::LeftShift => "<<",
            Tok::RightShift => ">>",
            Tok::DoubleStar => "**",
            Tok::PlusEqual => "+=",
            Tok::MinEqual => "-=",
            Tok::StarEqual => "*=",
            Tok::SlashEqual => "/=",
            Tok::PercentEqual => "%=",
            Tok::AmperEqual => "&=",
            Tok::VbarEqual => "|=",
            Tok::CircumflexEqual => "^=",
            Tok::LeftShiftEqual => "<<=",
            Tok::RightShiftEqual => ">>=",
            Tok::DoubleStarEqual => "**=",
            Tok::DoubleSlash => "//",
            Tok::DoubleSlashEqual => "//=",
            Tok::At => "@",
            Tok::AtEqual => "@=",
            Tok::Rarrow => "->",
            Tok::Ellipsis => "...",
            Tok::ColonEqual => ":=",
            _ => return None,
        })
    }
}
