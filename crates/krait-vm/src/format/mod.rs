//! Text formatting: the format-spec mini-language (`spec`), printf-style
//! `%` (`percent`) and `str.format` (`str_format`).

pub mod percent;
pub mod spec;
pub mod str_format;
