//! Unicode character names for `\N{...}` escapes.

/// The character with this Unicode name (or alias), case-insensitively.
pub(crate) fn lookup(name: &str) -> Option<char> {
    unicode_names2::character(name)
}
