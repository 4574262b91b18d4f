//! The `~~~^^^` anchors of a traceback line: what CPython 3.11's
//! `extract_anchors_from_line` finds by parsing the failing instruction's
//! source segment. The VM links no parser, so it asks its host
//! (`Host::traceback_anchors`), and the front end answers from here.

use krait_ast::{ExprKind, Mod, StmtKind};
use krait_parser::Mode;

/// CPython's whitespace inside a segment (`IS_WHITESPACE` of traceback.c).
fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\x0c')
}

/// The byte range of `segment` to mark with `^` when the segment alone is
/// a binary operation (its operator) or a subscript (its `[...]`); `None`
/// for anything else, or a segment that does not parse.
pub(crate) fn anchors(segment: &str) -> Option<(usize, usize)> {
    let Ok(Mod::Module { body }) = krait_parser::parse(segment, Mode::Exec, "<traceback>") else {
        return None;
    };
    let [statement] = body.as_slice() else {
        return None;
    };
    let StmtKind::Expr { value } = &statement.node else {
        return None;
    };
    let bytes = segment.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let operand_end = left.loc.end_col_offset as usize;
            let next_operand = right.loc.col_offset as usize;
            let mut found = None;
            // The operator is the first non-blank text between the
            // operands that is not a closing parenthesis.
            for i in operand_end..next_operand {
                if is_blank(at(i)) {
                    continue;
                }
                let two_chars = i + 1 < next_operand && !is_blank(at(i + 1));
                found = Some((i, i + 1 + usize::from(two_chars)));
                if i + 1 < next_operand && at(i) == b')' {
                    continue;
                }
                break;
            }
            found
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut left = value.loc.end_col_offset as usize;
            let mut right = slice.loc.end_col_offset as usize + 1;
            while left < bytes.len() && at(left) != b'[' {
                left += 1;
            }
            while right < bytes.len() && at(right) != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::anchors;

    #[test]
    fn operators_and_subscripts_are_anchored() {
        assert_eq!(anchors("x + 1 // 0"), Some((2, 3)));
        assert_eq!(anchors("1 // 0"), Some((2, 4)));
        assert_eq!(anchors("(1) / (0)"), Some((4, 5)));
        assert_eq!(anchors("d[\"a\"][\"b\"]"), Some((6, 11)));
        assert_eq!(anchors("a[ 'key' ]"), Some((1, 10)));
    }

    #[test]
    fn other_segments_are_not() {
        assert_eq!(anchors("f(x)"), None);
        assert_eq!(anchors("a.b"), None);
        assert_eq!(anchors("x = 1"), None);
        assert_eq!(anchors("1 +"), None);
        assert_eq!(anchors("a; b"), None);
    }
}
