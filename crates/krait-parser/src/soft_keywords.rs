//! `match` and `case` are keywords only where they start a match statement
//! or one of its cases (PEP 634's soft keywords); everywhere else they are
//! ordinary names (`match = re.match(p, s)`).
//!
//! CPython's PEG parser tries the match statement first and backtracks. An
//! LR(1) grammar cannot, so this pass retags, before the parse, the `Name`
//! tokens that can only be those keywords:
//! - `match` first on a logical line whose last token is `:` (only a
//!   compound statement's header ends with a colon, and no other header
//!   starts with a name), unless the next token shows a plain statement
//!   (`match.x`, `match = ...`, `match: int`);
//! - `case` first on a logical line directly inside a match statement's
//!   block (a match block holds nothing but cases).

use krait_lexer::{Spanned, Tok};

/// Retags the `match`/`case` names that start a match statement or a case.
pub fn mark(tokens: &mut [Spanned]) {
    let mut indent = 0usize;
    // Indentation levels of the match blocks that are open.
    let mut match_blocks: Vec<usize> = Vec::new();
    // The INDENT token that opens the block of the last match header.
    let mut block_opener: Option<usize> = None;
    for i in 0..tokens.len() {
        match tokens[i].1 {
            Tok::Indent => {
                indent += 1;
                if block_opener == Some(i) {
                    match_blocks.push(indent);
                }
                continue;
            }
            Tok::Dedent => {
                indent = indent.saturating_sub(1);
                while match_blocks.last().is_some_and(|&level| level > indent) {
                    match_blocks.pop();
                }
                continue;
            }
            _ => {}
        }
        let line_start =
            i == 0 || matches!(tokens[i - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent);
        if !line_start {
            continue;
        }
        let Tok::Name(name) = &tokens[i].1 else {
            continue;
        };
        let next = tokens.get(i + 1).map(|t| &t.1);
        if next.is_none_or(continues_plain_statement) {
            continue;
        }
        if name == "match" {
            let newline = (i..tokens.len()).find(|&k| tokens[k].1 == Tok::Newline);
            let Some(newline) = newline else { continue };
            if tokens[newline - 1].1 == Tok::Colon {
                tokens[i].1 = Tok::Match;
                block_opener = Some(newline + 1);
            }
        } else if name == "case" && match_blocks.last() == Some(&indent) {
            tokens[i].1 = Tok::Case;
        }
    }
}

/// A token after a leading name that makes the line a plain statement
/// (an assignment, an attribute, an annotation...), never a header.
fn continues_plain_statement(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Newline
            | Tok::Equal
            | Tok::Dot
            | Tok::Colon
            | Tok::Comma
            | Tok::Semi
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::PlusEqual
            | Tok::MinEqual
            | Tok::StarEqual
            | Tok::SlashEqual
            | Tok::PercentEqual
            | Tok::AmperEqual
            | Tok::VbarEqual
            | Tok::CircumflexEqual
            | Tok::LeftShiftEqual
            | Tok::RightShiftEqual
            | Tok::DoubleStarEqual
            | Tok::DoubleSlashEqual
            | Tok::AtEqual
            | Tok::ColonEqual
    )
}
