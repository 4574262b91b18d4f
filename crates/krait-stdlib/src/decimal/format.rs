//! `format(Decimal, spec)`: the format mini-language for decimals
//! (`[[fill]align][sign][z][#][0][width][,][.precision][type]`, types
//! `e E f F g G n %`), rounding with the context's rounding mode and
//! keeping the number's own digits when no precision is given.

use krait_vm::{PyErr, PyResult};
use num_bigint::BigUint;

use super::number::{self, Ctx, Dec, Rounding};

struct Spec {
    fill: char,
    align: char,
    sign: char,
    no_neg_zero: bool,
    alt: bool,
    zeropad: bool,
    width: usize,
    thousands: bool,
    precision: Option<i64>,
    kind: Option<char>,
}

fn invalid() -> PyErr {
    PyErr::value_error("invalid format string")
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut fill = None;
    let mut align = None;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        fill = Some(chars[0]);
        align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        align = Some(chars[0]);
        i = 1;
    }
    let mut sign = '-';
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        sign = chars[i];
        i += 1;
    }
    let mut no_neg_zero = false;
    if i < chars.len() && chars[i] == 'z' {
        no_neg_zero = true;
        i += 1;
    }
    let mut alt = false;
    if i < chars.len() && chars[i] == '#' {
        alt = true;
        i += 1;
    }
    let mut zeropad = false;
    if i < chars.len() && chars[i] == '0' {
        zeropad = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    let width_text: String = chars[start..i].iter().collect();
    let width = if width_text.is_empty() {
        0
    } else {
        width_text.parse().map_err(|_| invalid())?
    };
    let mut thousands = false;
    if i < chars.len() && chars[i] == ',' {
        thousands = true;
        i += 1;
    }
    let mut precision = None;
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if start == i {
            return Err(invalid());
        }
        let text: String = chars[start..i].iter().collect();
        precision = Some(text.parse::<i64>().map_err(|_| invalid())?);
    }
    let mut kind = None;
    if i < chars.len() && "eEfFgGn%".contains(chars[i]) {
        kind = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(invalid());
    }
    if precision == Some(0) && matches!(kind, None | Some('g' | 'G' | 'n')) {
        precision = Some(1);
    }
    if kind == Some('n') {
        kind = Some('g');
    }
    Ok(Spec {
        fill: fill.unwrap_or(' '),
        align: align.unwrap_or('>'),
        sign,
        no_neg_zero,
        alt,
        zeropad,
        width,
        thousands,
        precision,
        kind,
    })
}

/// `d` rounded to `places` significant digits.
fn round_to_places(d: &Dec, places: i64, rounding: Rounding) -> Dec {
    if d.is_special() || d.is_zero() {
        return d.clone();
    }
    let r = number::rescale(d, d.adjusted() + 1 - places, rounding);
    if r.adjusted() != d.adjusted() {
        return number::rescale(&r, r.adjusted() + 1 - places, rounding);
    }
    r
}

fn sign_text(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match spec.sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    }
}

fn align(sign: &str, body: &str, spec: &Spec) -> String {
    let len = sign.chars().count() + body.chars().count();
    let pad = spec.width.saturating_sub(len);
    let padding: String = std::iter::repeat_n(spec.fill, pad).collect();
    match spec.align {
        '<' => format!("{sign}{body}{padding}"),
        '=' => format!("{sign}{padding}{body}"),
        '^' => {
            let half: String = std::iter::repeat_n(spec.fill, pad / 2).collect();
            let rest: String = std::iter::repeat_n(spec.fill, pad - pad / 2).collect();
            format!("{half}{sign}{body}{rest}")
        }
        _ => format!("{padding}{sign}{body}"),
    }
}

/// Groups of three digits with commas (or only zero padding to
/// `min_width` without them).
fn insert_separators(digits: &str, thousands: bool, mut min_width: i64) -> String {
    let sep = if thousands { "," } else { "" };
    let mut digits = digits.to_string();
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = digits.len() as i64;
        let l = len.max(min_width).clamp(1, 3);
        let take = (l as usize).min(digits.len());
        let mut group = "0".repeat(l as usize - take);
        group.push_str(&digits[digits.len() - take..]);
        groups.push(group);
        digits.truncate(digits.len() - take);
        min_width -= l;
        if digits.is_empty() && min_width <= 0 {
            break;
        }
        min_width -= sep.len() as i64;
    }
    groups.reverse();
    groups.join(sep)
}

pub fn format(d: &Dec, spec_text: &str, ctx: &Ctx, capitals: bool) -> PyResult<String> {
    let mut spec = parse_spec(spec_text)?;
    if d.is_special() {
        let sign = sign_text(d.neg, &spec);
        let mut body = number::to_string(&d.abs(), false, capitals);
        if spec.kind == Some('%') {
            body.push('%');
        }
        return Ok(align(sign, &body, &spec));
    }
    let kind = spec.kind.unwrap_or(if capitals { 'G' } else { 'g' });
    spec.kind = Some(kind);
    let mut d = d.clone();
    if kind == '%' {
        d.exp += 2;
    }
    let rounding = ctx.rounding;
    if let Some(precision) = spec.precision {
        match kind {
            'e' | 'E' => d = round_to_places(&d, precision + 1, rounding),
            'f' | 'F' | '%' => d = number::rescale(&d, -precision, rounding),
            _ => {
                if number::ndigits(&d.coeff) > precision {
                    d = round_to_places(&d, precision, rounding);
                }
            }
        }
    }
    if d.is_zero() && d.exp > 0 && matches!(kind, 'f' | 'F' | '%') {
        d = number::rescale(&d, 0, rounding);
    }
    let neg = d.neg && !(d.is_zero() && spec.no_neg_zero);
    let digits = if d.coeff == BigUint::default() {
        "0".to_string()
    } else {
        d.coeff.to_string()
    };
    let len = digits.len() as i64;
    let leftdigits = d.exp + len;
    let dotplace = match kind {
        'e' | 'E' => {
            if d.is_zero() && spec.precision.is_some() {
                1 - spec.precision.unwrap_or(0)
            } else {
                1
            }
        }
        'f' | 'F' | '%' => leftdigits,
        _ => {
            if d.exp <= 0 && leftdigits > -6 {
                leftdigits
            } else {
                1
            }
        }
    };
    let (intpart, fracpart) = if dotplace < 0 {
        (
            "0".to_string(),
            format!("{}{}", "0".repeat((-dotplace) as usize), digits),
        )
    } else if dotplace > len {
        (
            format!("{}{}", digits, "0".repeat((dotplace - len) as usize)),
            String::new(),
        )
    } else {
        let (a, b) = digits.split_at(dotplace as usize);
        (
            if a.is_empty() {
                "0".to_string()
            } else {
                a.to_string()
            },
            b.to_string(),
        )
    };
    let exp = leftdigits - dotplace;
    let sign = sign_text(neg, &spec);
    let mut frac = String::new();
    if !fracpart.is_empty() || spec.alt {
        frac.push('.');
        frac.push_str(&fracpart);
    }
    if exp != 0 || matches!(kind, 'e' | 'E') {
        let echar = match kind {
            'E' | 'G' => 'E',
            _ => 'e',
        };
        frac.push(echar);
        frac.push_str(&format!("{exp:+}"));
    }
    if kind == '%' {
        frac.push('%');
    }
    let min_width = if spec.zeropad {
        spec.width as i64 - frac.chars().count() as i64 - sign.len() as i64
    } else {
        0
    };
    let int_text = insert_separators(&intpart, spec.thousands, min_width);
    Ok(align(sign, &format!("{int_text}{frac}"), &spec))
}
