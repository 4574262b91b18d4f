//! printf-style `str % args`.

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::builtins::int;
use crate::format::spec::{self, FormatSpec};
use crate::object::PyObject;
use crate::value::Value;

/// `fmt % args` with `%s`/`%r` going through the interpreter, so that
/// `__str__`/`__repr__` of instances are used.
pub fn format_with(vm: &mut crate::interpreter::Vm, fmt: &str, args: &Value) -> PyResult<String> {
    format_text(vm, fmt, args, false)
}

/// `fmt % args` for bytes and bytearray: the format's bytes read as
/// Latin-1 characters, formatted as a str would be except for `%s`/`%b`
/// (a bytes-like object or `__bytes__`), `%r`/`%a` (`ascii()` of the
/// repr) and `%c` (an int in range(256) or one byte), and written back
/// as bytes.
pub fn format_bytes_with(
    vm: &mut crate::interpreter::Vm,
    fmt: &[u8],
    args: &Value,
) -> PyResult<Vec<u8>> {
    let latin1: String = fmt.iter().map(|&b| b as char).collect();
    let text = format_text(vm, &latin1, args, true)?;
    // Every character is below 256 by construction.
    Ok(text.chars().map(|c| c as u32 as u8).collect())
}

/// Whether `%(key)s` may look keys up in `args` (CPython's
/// `PyMapping_Check`, str, bytes and tuples aside): a dict, or any object
/// with `__getitem__` (`UserDict`, `ChainMap`, a list).
fn takes_keys(args: &Value) -> bool {
    if args.as_dict_or_subclass().is_some() {
        return true;
    }
    match args.as_obj() {
        Some(PyObject::List(_)) => true,
        Some(PyObject::Instance(_) | PyObject::Native(_)) => {
            args.as_str_or_subclass().is_none()
                && args.as_tuple_or_subclass().is_none()
                && args.as_bytes_or_subclass().is_none()
                && crate::typeobject::class_of(args)
                    .lookup("__getitem__")
                    .is_some()
        }
        _ => false,
    }
}

/// The formatting itself, read byte by byte: every character the
/// directives are made of is ASCII, so the text between them is copied
/// in runs (logging formats every record this way).
fn format_text(
    vm: &mut crate::interpreter::Vm,
    fmt: &str,
    args: &Value,
    bytes: bool,
) -> PyResult<String> {
    let text = fmt.as_bytes();
    let single;
    let (positional, mapping): (&[Value], Option<&Value>) = match args.as_tuple_or_subclass() {
        Some(t) => (t.as_slice(), None),
        None => {
            single = [args.clone()];
            let mapping = takes_keys(args).then_some(args);
            (&single[..], mapping)
        }
    };
    let mut next_arg = 0usize;
    let mut used_mapping = false;
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let take = |next_arg: &mut usize| -> PyResult<Value> {
        let v = positional
            .get(*next_arg)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *next_arg += 1;
        Ok(v)
    };
    while i < text.len() {
        // The literal run up to the next `%`, copied whole.
        let run_end = text[i..]
            .iter()
            .position(|&b| b == b'%')
            .map_or(text.len(), |n| i + n);
        out.push_str(&fmt[i..run_end]);
        if run_end == text.len() {
            break;
        }
        i = run_end + 1;
        let mut key: Option<&str> = None;
        if text.get(i) == Some(&b'(') {
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < text.len() && depth > 0 {
                match text[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            key = Some(&fmt[start..j - 1]);
            i = j;
        }
        let mut f = FormatSpec::default();
        while let Some(&fl) = text.get(i) {
            match fl {
                b'-' => f.align = Some('<'),
                b'+' => f.sign = Some('+'),
                b' ' => {
                    if f.sign.is_none() {
                        f.sign = Some(' ')
                    }
                }
                b'#' => f.alternate = true,
                b'0' => f.zero = true,
                _ => break,
            }
            i += 1;
        }
        // `c_int`: CPython reads a `*` precision as a C int, a `*` width
        // as a `Py_ssize_t`.
        let star = |i: &mut usize, next_arg: &mut usize, c_int: bool| -> PyResult<Option<i64>> {
            if text.get(*i) == Some(&b'*') {
                *i += 1;
                let v = take(next_arg)?;
                let Some(n) = int::as_int(&v) else {
                    return Err(PyErr::type_error("* wants int"));
                };
                return match n.to_i64() {
                    Some(n) if !c_int || i32::try_from(n).is_ok() => Ok(Some(n)),
                    _ if c_int => Err(PyErr::overflow_error(
                        "Python int too large to convert to C int",
                    )),
                    _ => Err(PyErr::overflow_error(
                        "Python int too large to convert to C ssize_t",
                    )),
                };
            }
            let start = *i;
            while text.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            if *i > start {
                return Ok(fmt[start..*i].parse().ok());
            }
            Ok(None)
        };
        if let Some(w) = star(&mut i, &mut next_arg, false)? {
            if w < 0 {
                f.align = Some('<');
            }
            crate::memory::check_room(w.unsigned_abs() as usize)?;
            f.width = Some(w.unsigned_abs() as usize);
        }
        // `-` (left-justify) overrides `0`.
        if f.align == Some('<') {
            f.zero = false;
        }
        if text.get(i) == Some(&b'.') {
            i += 1;
            let precision = star(&mut i, &mut next_arg, true)?.unwrap_or(0).max(0);
            if precision > i64::from(i32::MAX) {
                return Err(PyErr::value_error("precision too big"));
            }
            f.precision = Some(precision as usize);
        }
        while matches!(text.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(conv) = fmt[i..].chars().next() else {
            return Err(PyErr::value_error("incomplete format"));
        };
        let conv_at = i;
        i += conv.len_utf8();
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match key {
            Some(k) => {
                let Some(m) = mapping else {
                    return Err(PyErr::type_error("format requires a mapping"));
                };
                used_mapping = true;
                let key = if bytes {
                    Value::bytes(k.chars().map(|c| c as u32 as u8).collect())
                } else {
                    Value::str(k)
                };
                vm.subscript_get(m, key)?
            }
            // (After a `%(key)s`, no argument is left for a plain `%s`:
            // CPython's message.)
            None if used_mapping => {
                return Err(PyErr::type_error("not enough arguments for format string"));
            }
            None => take(&mut next_arg)?,
        };
        if f.zero && f.align == Some('<') {
            f.zero = false;
        }
        // `%s` of a str with no width or precision: its text as it is.
        if conv == 's'
            && !bytes
            && f == FormatSpec::default()
            && let Some(s) = value.as_str()
        {
            out.push_str(s.as_str());
            continue;
        }
        // Where an unknown conversion stands, for its error message (in
        // characters, as CPython counts).
        let known = "sradiuxXoeEfFgGc".contains(conv) || (bytes && conv == 'b');
        let index = if known {
            conv_at
        } else {
            fmt[..conv_at].chars().count()
        };
        let piece = if bytes {
            convert_for_bytes(vm, conv, &value, &mut f, index)?
        } else {
            convert(vm, conv, &value, &mut f, index)?
        };
        out.push_str(&piece);
    }
    if next_arg < positional.len() && !used_mapping && mapping.is_none() {
        return Err(PyErr::type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

/// Whether `v`, an instance or a declared native value, has dunder `name`.
fn has_dunder(v: &Value, name: &str) -> bool {
    matches!(
        v.as_obj(),
        Some(crate::object::PyObject::Instance(_) | crate::object::PyObject::Native(_))
    ) && crate::typeobject::class_of(v).lookup(name).is_some()
}

/// CPython's `PyNumber_Check`: an object `%d` converts with `int()`.
fn is_number_like(v: &Value) -> bool {
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|name| has_dunder(v, name))
}

fn convert(
    vm: &mut crate::interpreter::Vm,
    conv: char,
    v: &Value,
    f: &mut FormatSpec,
    index: usize,
) -> PyResult<String> {
    match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => vm.str(v)?,
                'r' => vm.repr(v)?,
                _ => ascii(&vm.repr(v)?),
            };
            let body: String = match f.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            let align = f.align.unwrap_or('>');
            Ok(pad_simple(&body, align, f.width))
        }
        'd' | 'i' | 'u' => {
            // Subclasses of int and float format by their value.
            let v = v.builtin_value();
            // The most common case: an int with no flags, width or precision.
            if let Value::Int(n) = v
                && *f == FormatSpec::default()
            {
                return Ok(n.to_string());
            }
            let iv = match v {
                Value::Float(x) => int::from_f64(x.get())?,
                _ if v.is_int() => v.clone(),
                // A number of another type (Decimal, Fraction, a class
                // with `__int__`/`__index__`/`__float__`): `int(v)`, as
                // CPython's PyNumber_Long.
                _ if is_number_like(v) => match crate::builtins::constructors::int_from(vm, v) {
                    Ok(iv) => iv,
                    Err(err) if !err.matches(crate::typeobject::ExcType::TypeError) => {
                        return Err(err);
                    }
                    Err(_) => {
                        return Err(PyErr::type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            v.type_name()
                        )));
                    }
                },
                _ => {
                    return Err(PyErr::type_error(format!(
                        "%{conv} format: a real number is required, not {}",
                        v.type_name()
                    )));
                }
            };
            if let Some(precision) = f.precision {
                return int_with_precision(&iv, 'd', f, precision);
            }
            f.ty = Some('d');
            number(&iv, f)
        }
        'x' | 'X' | 'o' => {
            let v = v.builtin_value();
            // An object with `__index__` converts (CPython's PyNumber_Index).
            let indexed;
            let v = if !v.is_int() && has_dunder(v, "__index__") {
                indexed = crate::builtins::module::index_value(vm, v)?;
                &indexed
            } else {
                v
            };
            if !v.is_int() {
                return Err(PyErr::type_error(format!(
                    "%{conv} format: an integer is required, not {}",
                    v.type_name()
                )));
            }
            if let Some(precision) = f.precision {
                return int_with_precision(v, conv, f, precision);
            }
            f.ty = Some(conv);
            number(v, f)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let v = v.builtin_value();
            let x = match v {
                Value::Float(x) => x.get(),
                // `__float__` (or `__index__`): CPython's PyFloat_AsDouble.
                _ if (has_dunder(v, "__float__") || has_dunder(v, "__index__"))
                    && int::as_int(v).is_none() =>
                {
                    let x = crate::builtins::constructors::float_from(vm, v)?;
                    match x {
                        Value::Float(x) => x.get(),
                        _ => 0.0,
                    }
                }
                _ => match int::as_int(v) {
                    Some(i) => i.to_f64()?,
                    None => {
                        return Err(PyErr::type_error(format!(
                            "must be real number, not {}",
                            v.type_name()
                        )));
                    }
                },
            };
            f.ty = Some(conv);
            if f.precision.is_none() {
                f.precision = Some(6);
            }
            number(&Value::float(x), f)
        }
        'c' => {
            let indexed;
            let v = if has_dunder(v, "__index__") {
                indexed = crate::builtins::module::index_value(vm, v)?;
                &indexed
            } else {
                v
            };
            let c = match v.as_str_or_subclass() {
                Some(s) if s.char_len() == 1 => s.as_str().to_string(),
                Some(_) => return Err(PyErr::type_error("%c requires int or char")),
                None => match int::as_int(v) {
                    Some(i) => i
                        .to_i64()
                        .and_then(|x| u32::try_from(x).ok())
                        .and_then(crate::builtins::str::char_for_code_point)
                        .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?
                        .to_string(),
                    None => return Err(PyErr::type_error("%c requires int or char")),
                },
            };
            Ok(pad_simple(&c, f.align.unwrap_or('>'), f.width))
        }
        // (CPython shows a character outside printable ASCII as '?'.)
        c => Err(PyErr::value_error(format!(
            "unsupported format character '{}' (0x{:x}) at index {index}",
            if (' '..='~').contains(&c) { c } else { '?' },
            c as u32
        ))),
    }
}

/// The bytes formatting of one conversion (see [`format_bytes_with`]),
/// as Latin-1 characters.
fn convert_for_bytes(
    vm: &mut crate::interpreter::Vm,
    conv: char,
    v: &Value,
    f: &mut FormatSpec,
    index: usize,
) -> PyResult<String> {
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&c| c as char).collect() };
    let body = match conv {
        's' | 'b' => {
            if let Some(b) = crate::buffer::bytes_like(v)? {
                latin1(&b)
            } else if v.as_str_or_subclass().is_none()
                && let Some(result) = vm.call_dunder(v, "__bytes__", Vec::new())?
            {
                match result.as_bytes_or_subclass() {
                    Some(b) => latin1(b.as_bytes()),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            result.type_name()
                        )));
                    }
                }
            } else {
                return Err(PyErr::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    v.type_name()
                )));
            }
        }
        'r' | 'a' => ascii(&vm.repr(v)?),
        'c' => {
            let single = v
                .as_bytes_or_subclass()
                .map(|b| b.as_bytes().to_vec())
                .or_else(|| {
                    v.native::<crate::builtins::bytearray::ByteArray>()
                        .map(|b| b.read().to_vec())
                });
            match single {
                Some(b) if b.len() == 1 => latin1(&b),
                Some(_) => {
                    return Err(PyErr::type_error(
                        "%c requires an integer in range(256) or a single byte",
                    ));
                }
                None => match int::as_int(v.builtin_value()) {
                    Some(i) => match i.to_i64() {
                        Some(n @ 0..=255) => (n as u8 as char).to_string(),
                        _ => return Err(PyErr::overflow_error("%c arg not in range(256)")),
                    },
                    None => {
                        return Err(PyErr::type_error(
                            "%c requires an integer in range(256) or a single byte",
                        ));
                    }
                },
            }
        }
        _ => return convert(vm, conv, v, f, index),
    };
    let body: String = match (conv, f.precision) {
        ('c', _) | (_, None) => body,
        (_, Some(p)) => body.chars().take(p).collect(),
    };
    Ok(pad_simple(&body, f.align.unwrap_or('>'), f.width))
}

/// `%.3d`, `%#8.4x`: an integer conversion with a precision, which (as
/// in C's printf) is the least number of digits, zeros added in front.
fn int_with_precision(v: &Value, conv: char, f: &FormatSpec, precision: usize) -> PyResult<String> {
    let Some(i) = int::as_int(v) else {
        return Err(PyErr::type_error("a number is required"));
    };
    let radix = match conv {
        'x' | 'X' => 16,
        'o' => 8,
        _ => 10,
    };
    let mut digits = int::magnitude_digits_checked(i, radix)?;
    if conv == 'X' {
        digits = digits.to_uppercase();
    }
    if digits.len() < precision {
        crate::memory::check_room(precision)?;
        digits = format!("{}{digits}", "0".repeat(precision - digits.len()));
    }
    let sign = if i.is_negative() {
        "-"
    } else {
        match f.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let prefix = match (f.alternate, conv) {
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        (true, 'o') => "0o",
        _ => "",
    };
    let len = sign.len() + prefix.len() + digits.len();
    let pad = f.width.unwrap_or(0).saturating_sub(len);
    Ok(if f.align == Some('<') {
        format!("{sign}{prefix}{digits}{}", " ".repeat(pad))
    } else if f.zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(pad))
    })
}

fn number(v: &Value, f: &FormatSpec) -> PyResult<String> {
    match v {
        Value::Float(x) => spec::format_float(x.get(), f, v),
        _ => match int::as_int(v) {
            Some(i) => spec::format_int(i, f, v),
            None => Err(PyErr::type_error("a number is required")),
        },
    }
}

fn pad_simple(s: &str, align: char, width: Option<usize>) -> String {
    let n = s.chars().count();
    let w = width.unwrap_or(0);
    if n >= w {
        return s.to_string();
    }
    let fill = " ".repeat(w - n);
    if align == '<' {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

/// `ascii()`: escape every non-ASCII character of a repr.
pub fn ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = crate::builtins::str::code_point_of(c);
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::dict::PyDict;

    fn pf(f: &str, args: Value) -> String {
        match format_with(&mut crate::interpreter::Vm::new(), f, &args) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn t(v: Vec<Value>) -> Value {
        Value::tuple(v)
    }
    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }
    fn fl(x: f64) -> Value {
        Value::float(x)
    }

    #[test]
    fn conversions() {
        // Expected values from python3.
        assert_eq!(
            pf("%s %r %d %i", t(vec![s("a"), s("b"), i(3), i(4)])),
            "a 'b' 3 4"
        );
        assert_eq!(
            pf(
                "%f %.2f %5d|%-5s|",
                t(vec![fl(1.5), fl(2.345), i(42), s("ab")])
            ),
            "1.500000 2.35    42|ab   |"
        );
        assert_eq!(
            pf(
                "%x %o %e %g %c %%",
                t(vec![i(255), i(8), fl(12345.678), fl(0.0001), i(65)])
            ),
            "ff 10 1.234568e+04 0.0001 A %"
        );
        let d = PyDict::from_pairs(vec![(s("name"), s("Bob")), (s("age"), i(3))]).unwrap();
        assert_eq!(pf("%(name)s is %(age)d", Value::dict(d)), "Bob is 3");
        assert_eq!(pf("%s", Value::list(vec![i(1), i(2)])), "[1, 2]");
        assert_eq!(pf("%d", fl(3.7)), "3");
        assert_eq!(
            pf(
                "%#x %#o %+d % d %05d %-5d|",
                t(vec![i(255), i(8), i(5), i(5), i(-42), i(3)])
            ),
            "0xff 0o10 +5  5 -0042 3    |"
        );
        assert_eq!(
            pf(
                "%*d|%-*d|%.*f",
                t(vec![i(5), i(1), i(4), i(2), i(2), fl(3.14159)])
            ),
            "    1|2   |3.14"
        );
        assert_eq!(
            pf(
                "%5.1f|%-8.3e|%G",
                t(vec![fl(3.14159), fl(1234.5), fl(1e-10)])
            ),
            "  3.1|1.234e+03|1E-10"
        );
        assert_eq!(pf("%a", t(vec![s("é")])), r"'\xe9'");
        assert_eq!(pf("%.3s", t(vec![s("abcdef")])), "abc");
        assert_eq!(pf("%s%%", i(5)), "5%");
        assert_eq!(pf("%s", Value::None), "None");
    }

    #[test]
    fn errors() {
        assert_eq!(
            pf("%s", t(vec![i(1), i(2)])),
            "TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            pf("%s %s", t(vec![i(1)])),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pf("%x", fl(3.7)),
            "TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            pf("%d", s("a")),
            "TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            pf("%y", t(vec![i(1)])),
            "ValueError: unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(pf("%c", s("ab")), "TypeError: %c requires int or char");
        assert_eq!(
            pf("%(x)s", t(vec![i(1)])),
            "TypeError: format requires a mapping"
        );
        assert_eq!(
            pf("%c", i(0x110000)),
            "OverflowError: %c arg not in range(0x110000)"
        );
    }
}
