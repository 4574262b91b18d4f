//! `complex`: pairs of IEEE doubles with CPython 3.11's arithmetic
//! (`complexobject.c`: Smith's division, `c_powi` by repeated squaring
//! for small integral exponents, `_Py_c_pow` otherwise), hash, parsing,
//! constructor rules and errors. Reprs are krait-dis's `complex_repr`, so
//! `dis` and `repr` agree; the format mini-language is in `format::spec`.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::float;
use crate::builtins::function::{MethodDef, Params, Signature, check_params};
use crate::builtins::int;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol::{BinaryOp, CompareOp};
use crate::value::Value;

/// A complex number: `real + imag*1j`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl std::ops::Add for Complex {
    type Output = Complex;
    fn add(self, b: Complex) -> Complex {
        Complex::new(self.re + b.re, self.im + b.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;
    fn sub(self, b: Complex) -> Complex {
        Complex::new(self.re - b.re, self.im - b.im)
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

/// `_Py_c_prod`.
impl std::ops::Mul for Complex {
    type Output = Complex;
    fn mul(self, b: Complex) -> Complex {
        Complex::new(
            self.re * b.re - self.im * b.im,
            self.re * b.im + self.im * b.re,
        )
    }
}

/// `_PyHASH_IMAG`: the multiplier of the imaginary part's hash.
const HASH_IMAG: u64 = 1_000_003;

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

impl Complex {
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    pub fn into_value(self) -> Value {
        Value::obj(PyObject::Complex(self))
    }

    /// `_Py_c_quot` (3.11): Smith's algorithm; `None` where CPython sets
    /// `errno = EDOM` (a zero divisor).
    pub fn quot(self, b: Complex) -> Option<Complex> {
        let (a, abs_breal, abs_bimag) = (self, b.re.abs(), b.im.abs());
        if abs_breal >= abs_bimag {
            if abs_breal == 0.0 {
                return None;
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Some(Complex::new(
                (a.re + a.im * ratio) / denom,
                (a.im - a.re * ratio) / denom,
            ))
        } else if abs_bimag >= abs_breal {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Some(Complex::new(
                (a.re * ratio + a.im) / denom,
                (a.im * ratio - a.re) / denom,
            ))
        } else {
            // At least one of b.re, b.im is a NaN.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `_Py_c_abs`: the modulus, `None` when it overflows (ERANGE).
    pub fn abs(self) -> Option<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            // C99: an infinite part wins over a NaN.
            if self.re.is_infinite() {
                return Some(self.re.abs());
            }
            if self.im.is_infinite() {
                return Some(self.im.abs());
            }
            return Some(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        r.is_finite().then_some(r)
    }

    pub fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
}

/// `_Py_c_pow`: the polar form; `Err` where CPython ends with EDOM: zero
/// to a negative or complex power, and an infinite phase (the C
/// library's `cos` and `sin` of an infinity set EDOM, which CPython
/// reports as the same ZeroDivisionError).
fn c_pow(a: Complex, b: Complex) -> Result<Complex, ()> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(());
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if phase.is_infinite() {
        return Err(());
    }
    Ok(Complex::new(len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: binary exponentiation by squaring.
fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = r * p;
        }
        mask = mask.wrapping_shl(1);
        p = p * p;
    }
    r
}

/// `c_powi`: an integral power; `Err` on a zero divisor.
fn c_powi(x: Complex, n: i64) -> Result<Complex, ()> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        ONE.quot(c_powu(x, -n)).ok_or(())
    }
}

/// `a ** b` (`complex_pow`), with CPython's errors.
pub fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    // A small integral exponent: the exact algorithm.
    let result = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        c_powi(a, b.re as i64)
    } else {
        c_pow(a, b)
    };
    let Ok(p) = result else {
        return Err(PyErr::zero_division("0.0 to a negative or complex power"));
    };
    // `_Py_ADJUST_ERANGE2`: an infinite part is an overflow.
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    Ok(p)
}

/// `a / b` (`complex_div`).
pub fn truediv(a: Complex, b: Complex) -> PyResult<Complex> {
    a.quot(b)
        .ok_or_else(|| PyErr::zero_division("complex division by zero"))
}

/// `abs(z)` (`complex_abs`).
pub fn abs(z: Complex) -> PyResult<f64> {
    z.abs()
        .ok_or_else(|| PyErr::overflow_error("absolute value too large"))
}

/// `hash(z)`: equal to the hash of an equal int or float. `nan_hash` is
/// what a NaN part hashes to (CPython: the object's identity).
pub fn hash(z: Complex, nan_hash: i64) -> i64 {
    let part = |x: f64| {
        if x.is_nan() {
            nan_hash as u64
        } else {
            float::hash(x) as u64
        }
    };
    let combined = part(z.re).wrapping_add(HASH_IMAG.wrapping_mul(part(z.im))) as i64;
    if combined == -1 { -2 } else { combined }
}

/// `repr(z)` and `str(z)`.
pub fn repr(z: Complex) -> String {
    krait_dis::complex_repr(z.re, z.im)
}

/// The complex a `complex` value holds (an instance of a subclass: the
/// complex it carries).
#[inline]
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v.builtin_value().as_obj()? {
        PyObject::Complex(c) => Some(*c),
        _ => None,
    }
}

/// An operand of complex arithmetic (`TO_COMPLEX`): a complex, a float or
/// an int (OverflowError when it is too large for a float). `None` for
/// other types.
fn operand(v: &Value) -> Option<PyResult<Complex>> {
    match v {
        Value::Float(f) => Some(Ok(Complex::new(f.get(), 0.0))),
        Value::Obj(o) => match &**o {
            PyObject::Complex(c) => Some(Ok(*c)),
            _ => int::as_int(v).map(|i| i.to_f64().map(|f| Complex::new(f, 0.0))),
        },
        _ => int::as_int(v).map(|i| i.to_f64().map(|f| Complex::new(f, 0.0))),
    }
}

fn is_complex(v: &Value) -> bool {
    matches!(v.as_obj(), Some(PyObject::Complex(_)))
}

/// `a op b` when an operand is a complex (builtin values, not
/// instances); `None` when complex does not implement `op` for these
/// operands (the caller raises its "unsupported operand" error).
pub fn binary_op(op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult> {
    if !is_complex(a) && !is_complex(b) {
        return None;
    }
    if !matches!(
        op,
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::TrueDiv | BinaryOp::Pow
    ) {
        return None;
    }
    let (x, y) = (operand(a)?, operand(b)?);
    Some((|| {
        let (x, y) = (x?, y?);
        let r = match op {
            BinaryOp::Add => x + y,
            BinaryOp::Sub => x - y,
            BinaryOp::Mul => x * y,
            BinaryOp::TrueDiv => truediv(x, y)?,
            _ => pow(x, y)?,
        };
        Ok(r.into_value())
    })())
}

/// `float ** float` where CPython's float_pow hands over to complex: a
/// negative finite base and a finite non-integral exponent.
pub fn float_pow_is_complex(x: f64, y: f64) -> bool {
    x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor()
}

/// `pow(a, b, m)` with a complex among them: CPython tries each distinct
/// operand type's `nb_power` in turn (float's refuses a modulus, complex's
/// says "complex modulo"); `None` when no complex is involved.
pub fn pow3(a: &Value, b: &Value, m: &Value) -> Option<PyResult> {
    if !is_complex(a) && !is_complex(b) && !is_complex(m) {
        return None;
    }
    let is_float = |v: &Value| matches!(v, Value::Float(_));
    let number = |v: &Value| is_float(v) || int::as_int(v).is_some() || is_complex(v);
    for slot in [a, b, m] {
        // float's nb_power refuses any modulus before it looks at the
        // operands; int's declines these; complex's takes numbers.
        if is_float(slot) {
            return Some(Err(PyErr::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            )));
        }
        if is_complex(slot) && number(a) && number(b) {
            return Some(Err(PyErr::value_error("complex modulo")));
        }
    }
    Some(Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        a.type_name(),
        b.type_name(),
        m.type_name()
    ))))
}

/// `a op b` when an operand is a complex (`complex_richcompare`): `==`
/// and `!=` against ints (exactly, through the real part as a float),
/// floats and complexes; `None` otherwise (no order; other types).
pub fn compare(op: CompareOp, a: &Value, b: &Value) -> Option<bool> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return None;
    }
    let (z, other) = match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Complex(z)), _) => (*z, b),
        (_, Some(PyObject::Complex(z))) => (*z, a),
        _ => return None,
    };
    let equal = match other {
        Value::Float(f) => z.re == f.get() && z.im == 0.0,
        Value::Obj(o) if matches!(&**o, PyObject::Complex(_)) => {
            let PyObject::Complex(w) = &**o else {
                return None;
            };
            z.re == w.re && z.im == w.im
        }
        _ => {
            let i = int::as_int(other)?;
            z.im == 0.0 && int::cmp_float(i, z.re) == Some(std::cmp::Ordering::Equal)
        }
    };
    Some(equal == (op == CompareOp::Eq))
}

// ---------------------------------------------------------------------------
// Parsing: `complex(str)`.

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The longest prefix of `s` that is a float literal as C's strtod (and
/// CPython's `_Py_parse_inf_or_nan`) reads one: its value and length.
fn strtod_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    let negative = at(0) == b'-';
    if matches!(at(0), b'+' | b'-') {
        i = 1;
    }
    let start = i;
    while at(i).is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - start;
    let mut frac_digits = 0;
    if at(i) == b'.' {
        let mut j = i + 1;
        while at(j).is_ascii_digit() {
            j += 1;
        }
        frac_digits = j - i - 1;
        if int_digits + frac_digits > 0 {
            i = j;
        }
    }
    if int_digits + frac_digits == 0 {
        let rest = &s[start..];
        let starts = |word: &str| {
            rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        };
        let (value, len) = if starts("infinity") {
            (f64::INFINITY, 8)
        } else if starts("inf") {
            (f64::INFINITY, 3)
        } else if starts("nan") {
            (f64::NAN, 3)
        } else {
            return None;
        };
        return Some((if negative { -value } else { value }, start + len));
    }
    if matches!(at(i), b'e' | b'E') {
        let mut j = i + 1;
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        let digits = j;
        while at(j).is_ascii_digit() {
            j += 1;
        }
        if j > digits {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, i))
}

fn malformed() -> PyErr {
    PyErr::value_error("complex() arg is a malformed string")
}

/// `complex_from_string_inner`: `<float>`, `<float>j`,
/// `<float><signed-float>j`, and the old forms `<float><sign>j`,
/// `<sign>j` and `j`, in optional parentheses and whitespace.
fn parse_ascii(s: &[u8]) -> PyResult<Complex> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    match strtod_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match strtod_prefix(&s[i..]) {
                    Some((v, n)) => {
                        y = v;
                        i += n;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !matches!(at(i), b'j' | b'J') {
                    return Err(malformed());
                }
                i += 1;
            } else if matches!(at(i), b'j' | b'J') {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(at(i), b'+' | b'-') {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !matches!(at(i), b'j' | b'J') {
                return Err(malformed());
            }
            i += 1;
        }
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return Err(malformed());
        }
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    if i != s.len() {
        return Err(malformed());
    }
    Ok(Complex::new(x, y))
}

/// `complex(s)`: Unicode digits and spaces as their ASCII equivalents,
/// underscores between digits dropped (CPython's checks and message).
pub fn parse(text: &str) -> PyResult<Complex> {
    let ascii: Vec<u8> = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if crate::builtins::str::is_py_whitespace(c) {
                b' '
            } else if let Some(d) = int::unicode_decimal(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect();
    // C string functions stop at the first NUL.
    let c_string = match ascii.iter().position(|&b| b == 0) {
        Some(n) => &ascii[..n],
        None => &ascii[..],
    };
    if !c_string.contains(&b'_') {
        return parse_ascii(&ascii);
    }
    let invalid = || {
        PyErr::value_error(format!(
            "could not convert string to complex: {}",
            crate::builtins::str::repr_str(text)
        ))
    };
    let mut clean = Vec::with_capacity(c_string.len());
    let mut prev = 0u8;
    for &b in c_string {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return Err(invalid());
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return Err(invalid());
            }
            clean.push(b);
        }
        prev = b;
    }
    if prev == b'_' || c_string.len() != ascii.len() {
        return Err(invalid());
    }
    parse_ascii(&clean)
}

// ---------------------------------------------------------------------------
// The constructor.

/// Whether `v` is a number to `complex()`: an int, float or complex (a
/// subclass's value too), or an object with `__float__` or `__index__`.
fn is_number(v: &Value) -> bool {
    let base = v.builtin_value();
    if matches!(base, Value::Float(_)) || int::as_int(base).is_some() || as_complex(base).is_some()
    {
        return true;
    }
    crate::interpreter::class::user_class_of(v).is_some_and(|c| {
        c.defines(crate::typeobject::Slot::Index) || c.lookup("__float__").is_some()
    })
}

/// `__complex__` of an object that has one (`try_complex_special_method`):
/// its result, which must be a complex.
fn complex_dunder(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    let Some(result) = vm.call_dunder(v, "__complex__", Vec::new())? else {
        return Ok(None);
    };
    // A subclass of complex is accepted (CPython warns that this is
    // deprecated).
    match as_complex(&result) {
        Some(z) => Ok(Some(z)),
        None => Err(PyErr::type_error(format!(
            "__complex__ returned non-complex (type {})",
            result.type_name()
        ))),
    }
}

/// `complex(real=0, imag=0)` (`complex_new_impl`).
pub fn new_complex(vm: &mut Vm, args: Args) -> PyResult {
    static SIGNATURE: Signature = Signature {
        names: &["real", "imag"],
        positional: 2,
        required: 0,
    };
    check_params(
        Params::Named(&SIGNATURE),
        "complex",
        || "complex".into(),
        &args,
    )?;
    let real = args.get(0, "real");
    let imag = args.get(1, "imag");
    let Some(r) = real else {
        return match imag {
            None => Ok(Complex::new(0.0, 0.0).into_value()),
            Some(i) => new_from_parts(vm, &Value::Int(0), Some(i)),
        };
    };
    // An exact complex alone is returned as it is.
    if imag.is_none() && matches!(r.as_obj(), Some(PyObject::Complex(_))) {
        return Ok(r.clone());
    }
    new_from_parts(vm, r, imag)
}

fn new_from_parts(vm: &mut Vm, r: &Value, i: Option<&Value>) -> PyResult {
    if let Some(s) = r.as_str_or_subclass() {
        if i.is_some() {
            return Err(PyErr::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return parse(s.as_str()).map(Complex::into_value);
    }
    if let Some(i) = i
        && i.as_str_or_subclass().is_some()
    {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    let special = complex_dunder(vm, r)?;
    if special.is_none() && !is_number(r) {
        return Err(PyErr::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.type_name()
        )));
    }
    if let Some(i) = i
        && !is_number(i)
    {
        return Err(PyErr::type_error(format!(
            "complex() second argument must be a number, not '{}'",
            i.type_name()
        )));
    }
    // The real part may itself be complex...
    let (cr, cr_is_complex) = match special.or_else(|| as_complex(r)) {
        Some(z) => (z, true),
        None => (Complex::new(number_float(vm, r)?, 0.0), false),
    };
    // ... and so may the imaginary part.
    let (ci, ci_is_complex) = match i {
        None => (Complex::new(cr.im, 0.0), false),
        Some(i) => match as_complex(i) {
            Some(z) => (z, true),
            None => (Complex::new(number_float(vm, i)?, 0.0), false),
        },
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if ci_is_complex {
        re -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        im += cr.im;
    }
    Ok(Complex::new(re, im).into_value())
}

/// `PyNumber_Float(v)` as a double.
fn number_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let f = crate::builtins::constructors::call_builtin_type(
        vm,
        &crate::typeobject::builtin_type(crate::typeobject::BuiltinType::Float),
        Args::new(std::slice::from_ref(v)),
    )?;
    match f.builtin_value() {
        Value::Float(f) => Ok(f.get()),
        _ => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            v.type_name()
        ))),
    }
}

/// `PyComplex_AsCComplex`: a complex (a subclass's value as it is), else
/// `__complex__`, else a real number as the real part (`must be real
/// number, not str`). What `cmath`'s functions take.
pub fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    if let Some(z) = as_complex(v) {
        return Ok(z);
    }
    if let Some(z) = complex_dunder(vm, v)? {
        return Ok(z);
    }
    Ok(Complex::new(real_arg(vm, v)?, 0.0))
}

/// `PyFloat_AsDouble`: a float (a subclass's value as it is), else
/// `__float__`, else an int or `__index__`.
pub fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let base = v.builtin_value();
    if let Value::Float(f) = base {
        return Ok(f.get());
    }
    // An int or a bool itself (not a subclass, which may define its own
    // `__float__`): int's `__float__`, without looking it up.
    match v {
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(b.get() as i64 as f64),
        Value::Obj(o) if let PyObject::Int(big) = &**o => {
            return int::IntRef::Big(big).to_f64();
        }
        _ => {}
    }
    if let Some(r) = vm.call_dunder(v, "__float__", Vec::new())? {
        return match r.builtin_value() {
            Value::Float(f) => Ok(f.get()),
            _ => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.type_name(),
                r.type_name()
            ))),
        };
    }
    if let Some(i) = int::as_int(base) {
        return i.to_f64();
    }
    if let Some(r) = vm.call_dunder(v, "__index__", Vec::new())? {
        return match int::as_int(r.builtin_value()) {
            Some(i) => i.to_f64(),
            None => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                r.type_name()
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        v.type_name()
    )))
}

// ---------------------------------------------------------------------------
// Methods.

fn receiver(z: &Value) -> PyResult<Complex> {
    as_complex(z).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'complex' object but received a '{}'",
            z.type_name()
        ))
    })
}

fn m_conjugate(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let z = receiver(z)?;
    Ok(Complex::new(z.re, -z.im).into_value())
}

fn m_getnewargs(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let z = receiver(z)?;
    Ok(Value::tuple(vec![Value::float(z.re), Value::float(z.im)]))
}

fn m_complex(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    if matches!(z.as_obj(), Some(PyObject::Complex(_))) {
        return Ok(z.clone());
    }
    Ok(receiver(z)?.into_value())
}

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "conjugate",
        params: Params::NoArgs,
        func: m_conjugate,
    },
    MethodDef {
        name: "__getnewargs__",
        params: Params::NoArgs,
        func: m_getnewargs,
    },
    MethodDef {
        name: "__complex__",
        params: Params::NoArgs,
        func: m_complex,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex {
        Complex::new(re, im)
    }

    #[test]
    fn parsing() {
        let ok = |s: &str| parse(s).unwrap();
        assert_eq!(ok("1+2j"), c(1.0, 2.0));
        assert_eq!(ok(" (1-2j) "), c(1.0, -2.0));
        assert_eq!(ok("j"), c(0.0, 1.0));
        assert_eq!(ok("-j"), c(0.0, -1.0));
        assert_eq!(ok("1e3j"), c(0.0, 1000.0));
        assert_eq!(ok("1-J"), c(1.0, -1.0));
        assert_eq!(ok("1_000+2_0j"), c(1000.0, 20.0));
        assert_eq!(ok("-Infinity"), c(f64::NEG_INFINITY, 0.0));
        assert!(ok("nanj").im.is_nan());
        for bad in [
            "", "(", "1+2", "1 + 2j", "(1+2j", "1+-2j", "1e", "jj", "\x001",
        ] {
            assert_eq!(
                parse(bad).unwrap_err().to_string(),
                "ValueError: complex() arg is a malformed string",
                "{bad:?}"
            );
        }
        assert_eq!(
            parse("1__0").unwrap_err().to_string(),
            "ValueError: could not convert string to complex: '1__0'"
        );
    }

    #[test]
    fn arithmetic() {
        assert_eq!(c(3.0, 4.0) * c(1.0, -2.0), c(11.0, -2.0));
        assert_eq!(c(3.0, 4.0).quot(c(1.0, -2.0)), Some(c(-1.0, 2.0)));
        assert_eq!(c(1.0, 1.0).quot(c(0.0, 0.0)), None);
        assert_eq!(pow(c(0.0, 1.0), c(2.0, 0.0)).unwrap(), c(-1.0, 0.0));
        assert_eq!(
            pow(c(0.0, 0.0), c(-1.0, 0.0)).unwrap_err().to_string(),
            "ZeroDivisionError: 0.0 to a negative or complex power"
        );
        assert_eq!(abs(c(3.0, 4.0)).unwrap(), 5.0);
        // python3: abs(complex(1.7e308, 1.7e308)) OverflowError
        assert!(abs(c(1.7e308, 1.7e308)).is_err());
    }

    #[test]
    fn hashing() {
        // python3: hash(1j) 1000003 ; hash(1+1j) 1000004 ; hash(-1+0j) -2
        assert_eq!(hash(c(0.0, 1.0), 0), 1_000_003);
        assert_eq!(hash(c(1.0, 1.0), 0), 1_000_004);
        assert_eq!(hash(c(-1.0, 0.0), 0), -2);
        assert_eq!(hash(c(2.5, -3.25), 0), -576460752306423495);
    }
}
