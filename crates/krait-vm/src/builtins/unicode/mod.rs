//! The character classes behind `str`'s predicates (`isdecimal`,
//! `isalpha`, `isprintable`...) and the values of decimal digits of every
//! script (`int('١٢')`), as CPython 3.11 answers them: Unicode 14.0.0,
//! from the table `generate.py` wrote from python3 itself (Rust's `char`
//! methods follow a newer Unicode and have no general categories).

#[rustfmt::skip]
mod classes;

pub(crate) use classes::{
    ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER, XID_CONTINUE, XID_START,
};

/// The classes of `c` (the flags above).
pub(crate) fn classes_of(c: char) -> u32 {
    let cp = c as u32;
    let run = classes::RUNS.partition_point(|&run| run >> classes::SHIFT <= cp);
    // The first run starts at 0, so `run` is at least 1.
    classes::RUNS[run - 1] & ((1 << classes::SHIFT) - 1)
}

/// Whether `c` is in `class` (one of the flags above).
pub(crate) fn is(c: char, class: u32) -> bool {
    classes_of(c) & class != 0
}

/// The value of a decimal digit of any script (`'٣'` is 3).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || !is(c, DECIMAL) {
        return None;
    }
    let cp = c as u32;
    let run = classes::DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    Some(cp - classes::DECIMAL_ZEROS[run - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_sample_characters() {
        assert!(is('7', DECIMAL | DIGIT | NUMERIC));
        assert!(is('²', DIGIT) && !is('²', DECIMAL));
        assert!(is('½', NUMERIC) && !is('½', DIGIT));
        assert!(is('\u{3405}', NUMERIC));
        assert!(is('a', ALPHA | LOWER) && !is('a', UPPER));
        assert!(is('ǅ', TITLE) && !is('ǅ', UPPER));
        assert!(!is('\u{0301}', ALPHA));
        assert!(!is('\u{0378}', PRINTABLE) && is(' ', PRINTABLE));
        assert!(is('\u{3000}', SPACE) && !is('\u{200b}', SPACE));
        assert_eq!(classes_of('\u{10ffff}'), 0);
    }

    #[test]
    fn decimal_values_of_other_scripts() {
        assert_eq!(decimal_value('\u{17e3}'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('\u{0663}'), Some(3));
        assert_eq!(decimal_value('9'), Some(9));
        assert_eq!(decimal_value('²'), None);
        assert_eq!(decimal_value('x'), None);
    }
}
