//! The format-spec mini-language (`format(x, spec)`, `f"{x:spec}"`,
//! `str.format`) for int, float and str, with CPython's results and errors.

use crate::PyResult;
use crate::builtins::complex::{self, Complex};
use crate::builtins::exception::PyErr;
use crate::builtins::float;
use crate::builtins::int::{self, IntRef};
use crate::protocol;
use crate::value::Value;

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub coerce_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn invalid(spec: &str, v: &Value) -> PyErr {
    PyErr::value_error(format!(
        "Invalid format specifier '{spec}' for object of type '{}'",
        v.type_name()
    ))
}

impl FormatSpec {
    pub fn parse(spec: &str, v: &Value) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut f = FormatSpec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = Some(chars[0]);
            f.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            f.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c) = chars.get(i)
            && matches!(c, '+' | '-' | ' ')
        {
            f.sign = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'z') {
            f.coerce_zero = true;
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            f.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            f.zero = true;
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i > start {
            let w: String = chars[start..i].iter().collect();
            let width = w
                .parse::<usize>()
                .ok()
                .filter(|&width| width <= isize::MAX as usize)
                .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
            crate::memory::check_room(width)?;
            f.width = Some(width);
        }
        if let Some(&c) = chars.get(i)
            && (c == ',' || c == '_')
        {
            f.grouping = Some(c);
            i += 1;
            if matches!(chars.get(i), Some(',' | '_')) {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if i == start {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
            let p: String = chars[start..i].iter().collect();
            f.precision = Some(
                p.parse::<usize>()
                    .ok()
                    .filter(|&p| p <= isize::MAX as usize)
                    .ok_or_else(|| {
                        PyErr::value_error("Too many decimal digits in format string")
                    })?,
            );
        }
        if i < chars.len() {
            if i + 1 < chars.len() {
                return Err(invalid(spec, v));
            }
            f.ty = Some(chars[i]);
        }
        if let (Some(g), Some(t)) = (f.grouping, f.ty) {
            let ok = match g {
                ',' => matches!(t, 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%'),
                _ => matches!(
                    t,
                    'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'b' | 'o' | 'x' | 'X'
                ),
            };
            if !ok {
                return Err(PyErr::value_error(format!(
                    "Cannot specify '{g}' with '{t}'."
                )));
            }
        }
        Ok(f)
    }
}

fn unknown_code(t: char, v: &Value) -> PyErr {
    PyErr::value_error(format!(
        "Unknown format code '{t}' for object of type '{}'",
        v.type_name()
    ))
}

/// `format(v, spec)` for the builtin types.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    if let Some(crate::object::PyObject::Complex(z)) = v.as_obj() {
        return format_complex(*z, spec, v);
    }
    match v {
        Value::Float(x) => {
            let f = FormatSpec::parse(spec, v)?;
            format_float(x.get(), &f, v)
        }
        Value::Bool(_) if spec.is_empty() => protocol::str(v),
        _ => {
            if let Some(i) = int::as_int(v) {
                let f = FormatSpec::parse(spec, v)?;
                return format_int(i, &f, v);
            }
            if let Some(s) = v.as_str_or_subclass() {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                let f = FormatSpec::parse(spec, v)?;
                return format_str(s.as_str(), &f, v);
            }
            if spec.is_empty() {
                return protocol::str(v);
            }
            Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            )))
        }
    }
}

pub fn format_str(s: &str, f: &FormatSpec, v: &Value) -> PyResult<String> {
    if let Some(t) = f.ty
        && t != 's'
    {
        return Err(unknown_code(t, v));
    }
    if f.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if f.grouping.is_some() {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{}' with 's'.",
            f.grouping.unwrap_or(',')
        )));
    }
    let body: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let fill = f.fill.unwrap_or(if f.zero { '0' } else { ' ' });
    Ok(pad(&body, "", fill, f.align.unwrap_or('<'), f.width))
}

/// Pad `prefix + body` to `width` (`prefix` is the sign/base prefix that
/// `=` alignment keeps in front of the padding).
fn pad(body: &str, prefix: &str, fill: char, align: char, width: Option<usize>) -> String {
    let len = body.chars().count() + prefix.chars().count();
    let width = width.unwrap_or(0);
    if len >= width {
        return format!("{prefix}{body}");
    }
    let n = width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{prefix}{body}{}", fills(n)),
        '^' => format!("{}{prefix}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{prefix}{}{body}", fills(n)),
        _ => format!("{}{prefix}{body}", fills(n)),
    }
}

/// Insert `sep` every `every` digits from the right of `digits`, padding
/// with zeros up to `min_width` characters when zero-filling: CPython's
/// `_PyUnicode_InsertThousandsGrouping`, whose padding is grouped too
/// (`format(123, '04_')` is `'0_123'`: a separator never leads, a zero
/// goes before it).
fn group(digits: &str, sep: Option<char>, every: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        if digits.len() < min_width {
            return format!("{}{digits}", "0".repeat(min_width - digits.len()));
        }
        return digits.to_string();
    };
    let mut out: Vec<char> = Vec::with_capacity(digits.len() * 2 + min_width);
    let mut count = 0;
    let ds: Vec<char> = digits.chars().collect();
    let mut k = ds.len();
    // A separator is never first: one reached while zero-filling gets a
    // zero before it, even past the width (CPython's `0,000,002.5`).
    let mut after_separator = false;
    loop {
        if k > 0 {
            k -= 1;
            out.push(ds[k]);
        } else if out.len() < min_width || after_separator {
            out.push('0');
        } else {
            break;
        }
        after_separator = false;
        count += 1;
        if count == every && (k > 0 || out.len() < min_width) {
            out.push(sep);
            count = 0;
            after_separator = true;
        }
    }
    out.iter().rev().collect()
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Assemble sign + prefix + grouped digits (+ suffix) with padding.
fn finish_number(
    negative: bool,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    f: &FormatSpec,
    every: usize,
) -> String {
    let sign = sign_str(negative, f.sign);
    if f.width.is_none() && f.grouping.is_none() {
        // Nothing to group or pad (`:.2f`, `:x`): one allocation.
        let mut out =
            String::with_capacity(sign.len() + prefix.len() + int_digits.len() + rest.len());
        for part in [sign, prefix, int_digits, rest] {
            out.push_str(part);
        }
        return out;
    }
    // CPython: the `0` flag is the fill when none is given, and `=` the
    // alignment when none is given (`<06` pads with zeros on the right).
    let fill = f.fill.unwrap_or(if f.zero { '0' } else { ' ' });
    let align = f.align.unwrap_or(if f.zero { '=' } else { '>' });
    let lead = format!("{sign}{prefix}");
    let min_width = if fill == '0' && align == '=' {
        f.width
            .unwrap_or(0)
            .saturating_sub(lead.chars().count() + rest.chars().count())
    } else {
        0
    };
    let grouped = group(int_digits, f.grouping, every, min_width);
    let body = format!("{grouped}{rest}");
    pad(&body, &lead, fill, align, f.width)
}

pub fn format_int(i: IntRef, f: &FormatSpec, v: &Value) -> PyResult<String> {
    let ty = f.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(i.to_f64()?, f, v);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        t => return Err(unknown_code(t, v)),
    }
    if f.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.coerce_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = i
            .to_i64()
            .and_then(|x| u32::try_from(x).ok())
            .and_then(crate::builtins::str::char_for_code_point)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
        let fill = f.fill.unwrap_or(' ');
        return Ok(pad(
            &c.to_string(),
            "",
            fill,
            f.align.unwrap_or('>'),
            f.width,
        ));
    }
    let (radix, prefix, every) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = int::magnitude_digits_checked(i, radix)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if f.alternate { prefix } else { "" };
    Ok(finish_number(
        i.is_negative(),
        prefix,
        &digits,
        "",
        f,
        every,
    ))
}

/// Places past which a double's exact decimal expansion has only zeros:
/// its fraction has at most 1074 digits and its significand at most 767
/// significant ones. std's formatting takes precisions up to `u16::MAX`
/// only, so larger ones are formatted at this many and padded with zeros.
const EXACT_PLACES: usize = 1100;

/// Digits of `|x|` in `{:.*e}` form split as (mantissa digits, exponent).
///
/// Faster for short values, as [`fixed`]: when the shortest decimal that
/// reads back as `x` has no more digits than asked and `x`'s spacing to
/// the next float is well below a unit of the last digit, that decimal
/// padded with zeros is the answer (std's exact formatting falls back to
/// big-number arithmetic on such values: most of `format(x, '.4g')`).
fn sci_parts(x: f64, prec: usize) -> (String, i32) {
    let magnitude = x.abs();
    if magnitude.is_finite() && magnitude != 0.0 && prec <= 17 {
        let shortest = format!("{magnitude:e}");
        if let Some((digits, exponent)) = shortest.split_once('e')
            && let Ok(exponent) = exponent.parse::<i32>()
        {
            let have = digits.find('.').map_or(0, |dot| digits.len() - dot - 1);
            let spacing = f64::from_bits(magnitude.to_bits() + 1) - magnitude;
            // (The unit is taken one decade down: `x` itself may lie below
            // the shortest decimal's decade, as 1e23's float does.)
            if have <= prec && spacing * 4.0 <= 10f64.powi(exponent - 1 - prec as i32) {
                let mut digits = digits.to_string();
                if prec > 0 {
                    if have == 0 {
                        digits.push('.');
                    }
                    digits.extend(std::iter::repeat_n('0', prec - have));
                }
                return (digits, exponent);
            }
        }
    }
    let s = format!("{:.*e}", prec.min(EXACT_PLACES), magnitude);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut m = m.to_string();
    if prec > EXACT_PLACES {
        m.extend(std::iter::repeat_n('0', prec - EXACT_PLACES));
    }
    (m, e.parse().unwrap_or(0))
}

/// CPython's limit on a float's precision (a C int), checked before any
/// digit is made; the digits' memory is asked for, never an abort.
fn check_precision(f: &FormatSpec) -> PyResult<()> {
    match f.precision {
        Some(p) if p > i32::MAX as usize => Err(PyErr::value_error("precision too big")),
        Some(p) if p > EXACT_PLACES => crate::memory::check_room(p),
        _ => Ok(()),
    }
}

/// Remove trailing zeros (and a bare trailing point) from a fraction.
fn strip_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn format_float(x: f64, f: &FormatSpec, v: &Value) -> PyResult<String> {
    let ty = f.ty;
    if let Some(t) = ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n')
    {
        return Err(unknown_code(t, v));
    }
    check_precision(f)?;
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if f.coerce_zero && negative {
        // `z` turns a negative zero (after rounding) into zero.
        let r = format_float_body(-x, f)?;
        if r.0
            .chars()
            .all(|c| c == '0' || c == '.' || c == 'e' || c == '+' || c == '-' || c == '%')
        {
            negative = false;
        }
    }
    // inf and nan pad like any number (`000inf`), and keep a `%`.
    let (body, _) = if x.is_finite() {
        format_float_body(x.abs(), f)?
    } else {
        let s = if x.is_nan() { "nan" } else { "inf" };
        let percent = if ty == Some('%') { "%" } else { "" };
        (format!("{s}{percent}"), false)
    };
    let body = if upper { body.to_uppercase() } else { body };
    // Split integer digits (grouped) from the rest.
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_part, rest) = body.split_at(split);
    if !x.is_finite() {
        // No digits to group in `inf`.
        let ungrouped = FormatSpec {
            grouping: None,
            ..f.clone()
        };
        return Ok(finish_number(negative, "", int_part, rest, &ungrouped, 3));
    }
    Ok(finish_number(negative, "", int_part, rest, f, 3))
}

/// `x` rounded to `places` decimal places, exactly, ties to even: what
/// `format!("{:.*}", places, x)` gives.
///
/// Faster for the common short values (`2.5` to two places): when the
/// shortest decimal that reads back as `x` has no more places than asked
/// and `x`'s spacing to the next float is well below a unit of the last
/// place, no rounding boundary lies between them, so that decimal padded
/// with zeros is the answer. std's exact formatting falls back to
/// big-number arithmetic on exactly such values (most of an f-string's
/// `:.2f` time).
pub(crate) fn fixed(x: f64, places: usize) -> String {
    if x.is_finite() && places <= 17 {
        let magnitude = x.abs();
        let spacing = f64::from_bits(magnitude.to_bits() + 1) - magnitude;
        if spacing * 4.0 <= 10f64.powi(-(places as i32)) {
            // Display never uses an exponent: digits, then a point and the
            // shortest fraction when there is one.
            let mut s = format!("{x}");
            let have = s.find('.').map_or(0, |dot| s.len() - dot - 1);
            if have <= places {
                if places > 0 {
                    if have == 0 {
                        s.push('.');
                    }
                    s.extend(std::iter::repeat_n('0', places - have));
                }
                return s;
            }
        }
    }
    if places > EXACT_PLACES {
        let mut s = format!("{:.*}", EXACT_PLACES, x);
        s.extend(std::iter::repeat_n('0', places - EXACT_PLACES));
        return s;
    }
    format!("{:.*}", places, x)
}

/// The unsigned text of a finite `x` (`x >= 0`) for the spec's type.
fn format_float_body(x: f64, f: &FormatSpec) -> PyResult<(String, bool)> {
    let alt = f.alternate;
    let s = match f.ty {
        Some('f' | 'F') => {
            let p = f.precision.unwrap_or(6);
            let mut s = fixed(x, p);
            if alt && p == 0 {
                s.push('.');
            }
            s
        }
        Some('%') => {
            let p = f.precision.unwrap_or(6);
            let mut s = fixed(x * 100.0, p);
            if alt && p == 0 {
                s.push('.');
            }
            s.push('%');
            s
        }
        Some('e' | 'E') => {
            let p = f.precision.unwrap_or(6);
            let (m, e) = sci_parts(x, p);
            let mut m = m;
            if alt && p == 0 {
                m.push('.');
            }
            format!("{m}{}", float::format_exponent(e))
        }
        Some('g' | 'G' | 'n') => general(x, f.precision.unwrap_or(6), alt, false),
        None => match f.precision {
            None => {
                let mut r = float::repr(x).trim_start_matches('-').to_string();
                // `#`: a point even in `1e+16` (`1.e+16`).
                if alt && !r.contains('.') {
                    let at = r.find('e').unwrap_or(r.len());
                    r.insert(at, '.');
                }
                r
            }
            Some(p) => general(x, p, alt, true),
        },
        Some(_) => unreachable!("checked by format_float"),
    };
    Ok((s, false))
}

/// `format(z, spec)` for a complex (CPython's `format_complex_internal`):
/// both parts formatted with the same type and precision, the imaginary
/// part always signed unless the real part is left out (no type and a
/// real part of +0); no zero padding, no `=` alignment, no `%`.
pub fn format_complex(z: Complex, spec: &str, v: &Value) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(complex::repr(z));
    }
    let f = FormatSpec::parse(spec, v)?;
    if let Some(t) = f.ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    {
        return Err(unknown_code(t, v));
    }
    check_precision(&f)?;
    if (f.zero && f.fill.is_none()) || f.fill == Some('0') {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    // No type: like repr (the real part left out when it is +0, else
    // parentheses), `g` when a precision is given.
    let (ty, skip_re) = match f.ty {
        None => ('r', z.re == 0.0 && z.re.is_sign_positive()),
        Some('n') => ('g', false),
        Some(t) => (t, false),
    };
    let parens = f.ty.is_none() && !skip_re;
    let (ty, precision) = match (ty, f.precision) {
        ('r', Some(p)) => ('g', p),
        ('r', None) => ('r', 0),
        (t, p) => (t, p.unwrap_or(6)),
    };
    let part = |x: f64, sign: &str| {
        let (negative, body) = complex_part(x, ty, precision, &f);
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (digits, rest) = body.split_at(split);
        let sign = if negative { "-" } else { sign };
        format!("{sign}{}{rest}", group(digits, f.grouping, 3, 0))
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(z.re, sign_str(false, f.sign)));
    }
    body.push_str(&part(
        z.im,
        if skip_re {
            sign_str(false, f.sign)
        } else {
            "+"
        },
    ));
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad(
        &body,
        "",
        f.fill.unwrap_or(' '),
        f.align.unwrap_or('>'),
        f.width,
    ))
}

/// One part of a complex for `format_complex` (CPython's
/// `PyOS_double_to_string`): whether it takes a minus sign, and the text
/// of its magnitude. Type `r` is repr without the `.0` of whole numbers.
fn complex_part(x: f64, ty: char, precision: usize, f: &FormatSpec) -> (bool, String) {
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else if ty == 'r' {
        let mut s = float::repr(x.abs());
        if s.ends_with(".0") {
            s.truncate(s.len() - 2);
        }
        if f.alternate && !s.contains('.') {
            let at = s.find('e').unwrap_or(s.len());
            s.insert(at, '.');
        }
        s
    } else {
        let part_spec = FormatSpec {
            ty: Some(ty),
            precision: Some(precision),
            alternate: f.alternate,
            ..FormatSpec::default()
        };
        match format_float_body(x.abs(), &part_spec) {
            Ok((s, _)) => s,
            Err(_) => String::new(),
        }
    };
    let body = if matches!(ty, 'E' | 'F' | 'G') {
        body.to_uppercase()
    } else {
        body
    };
    if f.coerce_zero
        && negative
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-'))
    {
        negative = false;
    }
    (negative, body)
}

/// The digits of a `{:.*e}` mantissa (`1.524`) written out positionally
/// for decimal exponent `exp` (`-4 <= exp` and no digit past the point
/// missing): `15.24` for 1, `0.001524` for -3.
fn point_placed(mantissa: &str, exp: i64) -> String {
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    if exp < 0 {
        let zeros = (-exp - 1) as usize;
        let mut s = String::with_capacity(2 + zeros + digits.len());
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', zeros));
        s.push_str(&digits);
        return s;
    }
    let whole = exp as usize + 1;
    if digits.len() <= whole {
        let mut s = digits;
        let pad = whole - s.len();
        s.extend(std::iter::repeat_n('0', pad));
        return s;
    }
    format!("{}.{}", &digits[..whole], &digits[whole..])
}

/// `g` formatting; `add_dot_0` is the no-type variant (`format(x, '.3')`).
fn general(x: f64, p: usize, alt: bool, add_dot_0: bool) -> String {
    let p = p.max(1);
    // (Past `EXACT_PLACES` the rounding, and so the exponent, is the same.)
    let all_digits = p - 1 <= EXACT_PLACES;
    let (mantissa, exp32) = sci_parts(x, (p - 1).min(EXACT_PLACES));
    // (In i64: a precision may be up to `i32::MAX`.)
    let (p_wide, exp) = (p as i64, i64::from(exp32));
    let limit = if add_dot_0 { p_wide - 1 } else { p_wide };
    let decpt = exp + 1;
    // Zero counts as one digit before the point (`format(0.0, '.1')` is
    // `0e+00`, as CPython's dtoa has it).
    if decpt > -4 && decpt <= limit {
        let decimals = (p_wide - 1 - exp).max(0) as usize;
        // The p significant digits are the mantissa's: placing the point
        // is the same rounding as `fixed(x, decimals)`, made once.
        let s = if all_digits {
            point_placed(&mantissa, exp)
        } else {
            fixed(x, decimals)
        };
        let mut s = if alt { s } else { strip_zeros(&s) };
        if alt && !s.contains('.') {
            s.push('.');
        }
        if add_dot_0 && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else {
        let (m, e) = if all_digits {
            (mantissa, exp32)
        } else {
            sci_parts(x, p - 1)
        };
        let mut m = if alt { m } else { strip_zeros(&m) };
        if alt && !m.contains('.') {
            m.push('.');
        }
        format!("{m}{}", float::format_exponent(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fixed`'s shortcut gives exactly what std's exact formatting
    /// gives: short decimals (the shortcut), values with more digits than
    /// asked (ties like 0.125 and near-ties like 2.675), huge and tiny
    /// magnitudes, negative zero, and a spread of pseudo-random bit
    /// patterns, at every number of places up to 20.
    #[test]
    fn fixed_is_exact_formatting() {
        let mut values = vec![
            0.0,
            -0.0,
            2.5,
            0.125,
            0.375,
            2.675,
            1.005,
            0.1,
            0.3,
            1e15 + 0.5,
            1e16,
            1e22,
            1e23,
            123456789.125,
            9.995,
            5e-324,
            1e-7,
            0.5,
            1.5,
            2.5e-3,
            f64::MAX,
            4503599627370497.0,
            // Decade boundaries (the shortest decimal a decade above).
            9.95,
            0.095,
            999.5,
            1e21,
            1e-5,
            99999999999999.99,
        ];
        for k in 0..4000 {
            values.push(k as f64 / 100.0);
            values.push(k as f64 / 8.0);
            values.push(-(k as f64) / 1000.0);
            values.push(k as f64 * 1e6 + 0.25);
        }
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..4000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            let x = f64::from_bits(bits);
            if x.is_finite() {
                values.push(x);
                values.push((x.fract() * 1e4).round() / 1e4);
            }
        }
        for &x in &values {
            for places in 0..=20 {
                assert_eq!(
                    fixed(x, places),
                    format!("{:.*}", places, x),
                    "{x:e} to {places} places"
                );
                // `sci_parts`' shortcut likewise against `{:.*e}`.
                let exact = format!("{:.*e}", places, x.abs());
                let (digits, exponent) = sci_parts(x, places);
                assert_eq!(
                    format!("{digits}e{exponent}"),
                    exact,
                    "{x:e} to {places} digits"
                );
            }
        }
    }

    fn fmt(v: Value, spec: &str) -> String {
        match format_value(&v, spec) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }
    fn fl(x: f64) -> Value {
        Value::float(x)
    }
    fn s(x: &str) -> Value {
        Value::str(x)
    }

    #[test]
    fn ints() {
        // Expected values from python3's format().
        assert_eq!(fmt(i(1234), "010,"), "00,001,234");
        assert_eq!(fmt(i(1234), "0=10,"), "00,001,234");
        assert_eq!(fmt(i(1234), "*=10,"), "*****1,234");
        assert_eq!(fmt(i(-1234), "010,"), "-0,001,234");
        assert_eq!(fmt(i(1234567), "_"), "1_234_567");
        assert_eq!(fmt(i(255), "#_b"), "0b1111_1111");
        assert_eq!(fmt(i(255), "#010x"), "0x000000ff");
        assert_eq!(fmt(i(-255), "#x"), "-0xff");
        assert_eq!(fmt(i(255), "X"), "FF");
        assert_eq!(fmt(i(65), "c"), "A");
        assert_eq!(fmt(i(5), "#o"), "0o5");
        assert_eq!(fmt(i(5), "+d"), "+5");
        assert_eq!(fmt(i(5), " d"), " 5");
        assert_eq!(fmt(i(1234), "n"), "1234");
        assert_eq!(fmt(i(3), ".2f"), "3.00");
        assert_eq!(fmt(i(3), "e"), "3.000000e+00");
        assert_eq!(fmt(i(42), "^7"), "  42   ");
        assert_eq!(fmt(i(42), "<5"), "42   ");
        let big =
            crate::protocol::binary_op(crate::protocol::BinaryOp::Pow, &i(10), &i(20)).unwrap();
        assert_eq!(fmt(big, ","), "100,000,000,000,000,000,000");
        assert_eq!(fmt(Value::bool(true), ""), "True");
        assert_eq!(fmt(Value::bool(true), "d"), "1");
        assert_eq!(
            fmt(i(1), ".2d"),
            "ValueError: Precision not allowed in integer format specifier"
        );
        assert_eq!(fmt(i(1), ",x"), "ValueError: Cannot specify ',' with 'x'.");
        assert_eq!(
            fmt(i(1), "s"),
            "ValueError: Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(
            fmt(i(1), "abc"),
            "ValueError: Invalid format specifier 'abc' for object of type 'int'"
        );
    }

    #[test]
    fn floats() {
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (1.0, ".3", "1.0"),
            (1e16, ".3", "1e+16"),
            (123.456, ".3", "1.23e+02"),
            (1.0, "g", "1"),
            (1e-5, "g", "1e-05"),
            (123456789.0, "g", "1.23457e+08"),
            (0.0001, ".2g", "0.0001"),
            (1.5, "#.0f", "2."),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (1.5, "e", "1.500000e+00"),
            (12345.678, ".2e", "1.23e+04"),
            (0.25, "%", "25.000000%"),
            (0.25, ".1%", "25.0%"),
            (f64::INFINITY, "f", "inf"),
            (f64::NAN, "F", "NAN"),
            (-0.0, "z.1f", "0.0"),
            (-1.5, "+.1f", "-1.5"),
            (1.5, " .1f", " 1.5"),
            (1234.5, ",.2f", "1,234.50"),
            (1234.5, "_.1f", "1_234.5"),
            (1.5, "n", "1.5"),
            (1.0, "10", "       1.0"),
            (-1.0, "=10", "-      1.0"),
            (1.23456789e-7, "", "1.23456789e-07"),
            (1.0, "#g", "1.00000"),
            (100.0, ".2", "1e+02"),
            (0.1, ".20f", "0.10000000000000000555"),
            (-2.5, "010.2f", "-000002.50"),
            (3.14159, "^10.2f", "   3.14   "),
        ];
        for &(x, spec, want) in cases {
            assert_eq!(fmt(fl(x), spec), want, "format({x}, {spec:?})");
        }
        assert_eq!(
            fmt(fl(1.5), "c"),
            "ValueError: Unknown format code 'c' for object of type 'float'"
        );
        assert_eq!(
            fmt(fl(1.5), "x"),
            "ValueError: Unknown format code 'x' for object of type 'float'"
        );
    }

    #[test]
    fn strings_and_others() {
        assert_eq!(fmt(s("a"), "05"), "a0000");
        assert_eq!(fmt(s("abc"), ".2"), "ab");
        assert_eq!(fmt(s("ab"), "^5"), " ab  ");
        assert_eq!(fmt(s("ab"), "*>4"), "**ab");
        assert_eq!(
            fmt(s("a"), "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            fmt(s("a"), "+"),
            "ValueError: Sign not allowed in string format specifier"
        );
        assert_eq!(
            fmt(s("a"), "="),
            "ValueError: '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fmt(s("a"), "#"),
            "ValueError: Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(fmt(Value::None, ""), "None");
        assert_eq!(
            fmt(Value::list(vec![i(1)]), "x"),
            "TypeError: unsupported format string passed to list.__format__"
        );
    }
}
