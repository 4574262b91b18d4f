//! The generic operations the dispatch loop calls: `binary_op`, `compare`,
//! `unary_op`, `truthy`, subscripting, `contains`, `iter`/`next`, `len`,
//! `hash`, `repr`/`str`, `format`, method calls and attribute lookup.
//!
//! Each function does the fast paths for immediates inline and hands the
//! rest to the object kind's module. Error messages are CPython's.

use crate::interpreter::generator::Drained;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::complex::{self, Complex};
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyMethodDescriptor;
use crate::builtins::int::{self, IntRef};
use crate::builtins::iter;
use crate::builtins::list::PyList;
use crate::builtins::set::PySet;
use crate::builtins::tuple::PyTuple;
use crate::builtins::{bytes, dict, float, list, str as pystr};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::sequence;
use crate::typeobject::{self, ExcType};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::TrueDiv => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "** or pow()",
            BinaryOp::MatMul => "@",
            BinaryOp::LShift => "<<",
            BinaryOp::RShift => ">>",
            BinaryOp::And => "&",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    pub fn holds_for(self, o: Ordering) -> bool {
        match self {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Eq => o == Ordering::Equal,
            CompareOp::Ne => o != Ordering::Equal,
            CompareOp::Gt => o == Ordering::Greater,
            CompareOp::Ge => o != Ordering::Less,
        }
    }

    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            o => o,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

fn unsupported(op: BinaryOp, a: &Value, b: &Value) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}

/// Numeric view of an operand for mixed arithmetic.
enum Num<'a> {
    Int(IntRef<'a>),
    Float(f64),
}

#[inline]
fn num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Float(f) => Some(Num::Float(f.get())),
        _ => int::as_int(v).map(Num::Int),
    }
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => i.to_f64(),
        Num::Float(f) => Ok(*f),
    }
}

fn int_op(op: BinaryOp, x: IntRef, y: IntRef) -> PyResult {
    Ok(match op {
        BinaryOp::Add => int::add(x, y),
        BinaryOp::Sub => int::sub(x, y),
        BinaryOp::Mul => int::mul(x, y)?,
        BinaryOp::TrueDiv => Value::float(int::truediv(x, y)?),
        BinaryOp::FloorDiv => int::floordiv(x, y)?,
        BinaryOp::Mod => int::modulo(x, y)?,
        BinaryOp::Pow => int::pow(x, y)?,
        BinaryOp::LShift => int::lshift(x, y)?,
        BinaryOp::RShift => int::rshift(x, y)?,
        BinaryOp::And => int::and(x, y),
        BinaryOp::Or => int::or(x, y),
        BinaryOp::Xor => int::xor(x, y),
        BinaryOp::MatMul => return Err(PyErr::type_error("")),
    })
}

fn float_op(op: BinaryOp, x: f64, y: f64) -> Option<PyResult> {
    Some(
        match op {
            BinaryOp::Add => Ok(x + y),
            BinaryOp::Sub => Ok(x - y),
            BinaryOp::Mul => Ok(x * y),
            BinaryOp::TrueDiv => float::truediv(x, y),
            BinaryOp::FloorDiv => float::floordiv(x, y),
            BinaryOp::Mod => float::modulo(x, y),
            // A negative base to a fractional power is a complex.
            BinaryOp::Pow if complex::float_pow_is_complex(x, y) => {
                return Some(
                    complex::pow(Complex::new(x, 0.0), Complex::new(y, 0.0))
                        .map(Complex::into_value),
                );
            }
            BinaryOp::Pow => float::pow(x, y),
            _ => return None,
        }
        .map(Value::float),
    )
}

/// `a <op> b` for the builtin types.
pub fn binary_op(op: BinaryOp, a: &Value, b: &Value) -> PyResult {
    // (Errors name the operands' own types: an instance of a subclass
    // operates by its builtin value.)
    let (named_a, named_b) = (a, b);
    let a = a.builtin_value();
    let b = b.builtin_value();
    // `bool & bool` stays a bool (bool's own `__and__`, `__or__`, `__xor__`).
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        let (x, y) = (x.get(), y.get());
        match op {
            BinaryOp::And => return Ok(Value::bool(x & y)),
            BinaryOp::Or => return Ok(Value::bool(x | y)),
            BinaryOp::Xor => return Ok(Value::bool(x ^ y)),
            _ => {}
        }
    }
    // Small-int fast paths first: no allocation, no dispatch.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        match op {
            BinaryOp::Add => {
                if let Some(r) = x.checked_add(*y) {
                    return Ok(Value::Int(r));
                }
            }
            BinaryOp::Sub => {
                if let Some(r) = x.checked_sub(*y) {
                    return Ok(Value::Int(r));
                }
            }
            BinaryOp::Mul => {
                if let Some(r) = x.checked_mul(*y) {
                    return Ok(Value::Int(r));
                }
            }
            _ => {}
        }
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b)
        && let Some(r) = float_op(op, x.get(), y.get())
    {
        return r;
    }
    if op != BinaryOp::MatMul
        && let (Some(x), Some(y)) = (num(a), num(b))
    {
        return match (x, y) {
            (Num::Int(x), Num::Int(y)) => int_op(op, x, y),
            (x, y) => {
                let (fx, fy) = (to_f64(&x)?, to_f64(&y)?);
                float_op(op, fx, fy).unwrap_or_else(|| Err(unsupported(op, a, b)))
            }
        };
    }
    if let Some(r) = complex::binary_op(op, a, b) {
        return r;
    }
    match op {
        BinaryOp::Add => add_objects_named(a, b, named_a, named_b),
        BinaryOp::Mul => mul_objects(a, b),
        _ => Err(unsupported(op, named_a, named_b)),
    }
}

/// `a + b` for builtin sequences (str, bytes, list, tuple), the memory
/// ceiling asked first.
pub(crate) fn add_objects(a: &Value, b: &Value) -> PyResult {
    add_objects_named(a, b, a, b)
}

/// [`add_objects`] of the builtin values of `named_a` and `named_b`,
/// whose types its errors name (CPython's messages name the operands'
/// own types: `can only concatenate list (not "T") to list`).
fn add_objects_named(a: &Value, b: &Value, named_a: &Value, named_b: &Value) -> PyResult {
    // Under a memory limit a concatenation asks first: `s = s + s` lines
    // double without a jump back or a call between them.
    if crate::memory::limited() {
        let size = |v: &Value| match v.as_obj() {
            Some(PyObject::Str(s)) => s.as_str().len(),
            Some(PyObject::Bytes(b)) => b.as_bytes().len(),
            Some(PyObject::List(l)) => l.len() * std::mem::size_of::<Value>(),
            Some(PyObject::Tuple(t)) => t.len() * std::mem::size_of::<Value>(),
            _ => 0,
        };
        crate::memory::reserve(size(a).saturating_add(size(b)))?;
    }
    match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Str(x)), Some(PyObject::Str(y))) => {
            Ok(pystr::concat(x.as_str(), y.as_str()))
        }
        (Some(PyObject::Str(_)), _) => Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            named_b.type_name()
        ))),
        (Some(PyObject::List(x)), Some(PyObject::List(y))) => Ok(list::concat(x, y)),
        (Some(PyObject::List(_)), _) => Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            named_b.type_name()
        ))),
        (Some(PyObject::Tuple(x)), Some(PyObject::Tuple(y))) => Ok(Value::obj(PyObject::Tuple(
            PyTuple::concat(x.as_slice(), y.as_slice()),
        ))),
        (Some(PyObject::Tuple(_)), _) => Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            named_b.type_name()
        ))),
        (Some(PyObject::Bytes(x)), Some(PyObject::Bytes(y))) => {
            let mut v = x.as_bytes().to_vec();
            v.extend_from_slice(y.as_bytes());
            Ok(Value::bytes(v))
        }
        (Some(PyObject::Bytes(x)), _) => match crate::buffer::bytes_like(b)? {
            // `b'a' + bytearray(b'b')`: bytes' concatenation takes any buffer.
            Some(y) => {
                let mut v = x.as_bytes().to_vec();
                v.extend_from_slice(&y);
                Ok(Value::bytes(v))
            }
            None => Err(PyErr::type_error(format!(
                "can't concat {} to {}",
                named_b.type_name(),
                named_a.type_name()
            ))),
        },
        _ => Err(unsupported(BinaryOp::Add, named_a, named_b)),
    }
}

fn mul_objects(a: &Value, b: &Value) -> PyResult {
    let (seq, n) = if let Some(n) = sequence::repeat_count(b) {
        (a, n)
    } else if let Some(n) = sequence::repeat_count(a) {
        (b, n)
    } else {
        let seq_like = |v: &Value| {
            matches!(
                v.as_obj(),
                Some(
                    PyObject::Str(_) | PyObject::List(_) | PyObject::Tuple(_) | PyObject::Bytes(_)
                )
            )
        };
        if seq_like(a) {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                b.type_name()
            )));
        }
        if seq_like(b) {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                a.type_name()
            )));
        }
        return Err(unsupported(BinaryOp::Mul, a, b));
    };
    let n = n?;
    // An immutable sequence once is itself, as in CPython (`s * 1 is s`).
    if n == 1
        && matches!(
            seq.as_obj(),
            Some(PyObject::Str(_) | PyObject::Tuple(_) | PyObject::Bytes(_))
        )
    {
        return Ok(seq.clone());
    }
    match seq.as_obj() {
        Some(PyObject::Str(s)) => pystr::repeat(s.as_str(), n),
        Some(PyObject::List(l)) => {
            // `[False] * n`, `[0] * n`: unboxed (see `list::Compact`).
            if l.len() == 1
                && (n as u64) < (isize::MAX as u64) / 16
                && let Some(item) = l.get(0)
                && let Some(repeated) = PyList::repeated(&item, n.max(0) as usize)
            {
                return Ok(Value::obj(PyObject::List(repeated?)));
            }
            Ok(Value::list(sequence::repeat(&l.snapshot(), n)?))
        }
        Some(PyObject::Tuple(t)) => Ok(Value::tuple(sequence::repeat(t.as_slice(), n)?)),
        Some(PyObject::Bytes(b)) => {
            // CPython's check before the allocation's (a MemoryError).
            if n > 0 && (b.as_bytes().len() as u128) * (n as u128) > isize::MAX as u128 {
                return Err(PyErr::overflow_error("repeated bytes are too long"));
            }
            Ok(Value::bytes(sequence::repeat(b.as_bytes(), n)?))
        }
        _ => Err(unsupported(BinaryOp::Mul, a, b)),
    }
}

/// `a <op>= b`: mutates lists, sets and dicts in place; otherwise the
/// same as [`binary_op`].
pub fn inplace_op(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult {
    match (op, a.as_obj()) {
        (BinaryOp::Add, Some(PyObject::List(_))) => list::inplace_concat(vm, a, b),
        (BinaryOp::Mul, Some(PyObject::List(_))) => match sequence::repeat_count(b) {
            Some(n) => list::inplace_repeat(a, n?),
            None => binary_op(op, a, b),
        },
        (BinaryOp::Or, Some(PyObject::Dict(d))) => {
            d.update_from(vm, b)?;
            Ok(a.clone())
        }
        (BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor, Some(PyObject::Set(s)))
            if b.as_anyset_or_subclass().is_some() =>
        {
            crate::builtins::set::inplace_operation(vm, op, s, b)?;
            Ok(a.clone())
        }
        _ => vm
            .builtin_binary(op, a, b)
            .map_err(|err| inplace_message(err, op)),
    }
}

/// `unsupported operand type(s) for +:` of a failed `+=` names `+=`.
pub(crate) fn inplace_message(err: PyErr, op: BinaryOp) -> PyErr {
    let message = err.message();
    let binary = match op {
        BinaryOp::Pow => "unsupported operand type(s) for ** or pow():".to_string(),
        _ => format!("unsupported operand type(s) for {}:", op.symbol()),
    };
    match message.strip_prefix(&binary) {
        Some(rest) if err.matches(ExcType::TypeError) => {
            let symbol = match op {
                BinaryOp::Pow => "**",
                _ => op.symbol(),
            };
            PyErr::type_error(format!("unsupported operand type(s) for {symbol}=:{rest}"))
        }
        _ => err,
    }
}

/// `divmod(a, b)`.
pub fn divmod(operand_a: &Value, operand_b: &Value) -> PyResult {
    let a = operand_a.builtin_value();
    let b = operand_b.builtin_value();
    match (num(a), num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => {
            let (q, r) = int::divmod(x, y)?;
            Ok(Value::tuple(vec![q, r]))
        }
        (Some(x), Some(y)) => {
            let (q, r) = float::divmod(to_f64(&x)?, to_f64(&y)?)?;
            Ok(Value::tuple(vec![Value::float(q), Value::float(r)]))
        }
        _ => Err(PyErr::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            operand_a.type_name(),
            operand_b.type_name()
        ))),
    }
}

/// `pow(a, b, m)` (three-argument form).
pub fn pow3(a: &Value, b: &Value, m: &Value) -> PyResult {
    if let Some(r) = complex::pow3(a, b, m) {
        return r;
    }
    match (int::as_int(a), int::as_int(b), int::as_int(m)) {
        (Some(x), Some(y), Some(z)) => int::pow_mod(x, y, z),
        _ if num(a).is_some() && num(b).is_some() && num(m).is_some() => Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )),
        _ => Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            a.type_name(),
            b.type_name(),
            m.type_name()
        ))),
    }
}

pub fn unary_op(op: UnaryOp, a: &Value) -> PyResult {
    let a = a.builtin_value();
    if op == UnaryOp::Not {
        return Ok(Value::bool(!truthy(a)?));
    }
    if let Value::Float(f) = a {
        match op {
            UnaryOp::Neg => return Ok(Value::float(-f.get())),
            UnaryOp::Pos => return Ok(Value::float(f.get())),
            _ => {}
        }
    }
    if let Some(PyObject::Complex(z)) = a.as_obj() {
        match op {
            UnaryOp::Neg => return Ok((-*z).into_value()),
            UnaryOp::Pos => return Ok(z.into_value()),
            _ => {}
        }
    }
    if let Some(i) = int::as_int(a) {
        return Ok(match op {
            UnaryOp::Neg => int::neg(i),
            UnaryOp::Pos => i.to_value(),
            _ => int::invert(i),
        });
    }
    let sym = match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        _ => "~",
    };
    Err(PyErr::type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        a.type_name()
    )))
}

/// `abs(a)`.
pub fn abs(a: &Value) -> PyResult {
    let a = a.builtin_value();
    if let Some(PyObject::Complex(z)) = a.as_obj() {
        return complex::abs(*z).map(Value::float);
    }
    match a {
        Value::Float(f) => Ok(Value::float(f.get().abs())),
        _ => match int::as_int(a) {
            Some(i) => Ok(int::abs(i)),
            None => Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                a.type_name()
            ))),
        },
    }
}

/// `bool(v)`.
pub fn truthy(v: &Value) -> PyResult<bool> {
    let v = v.builtin_value();
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => b.get(),
        Value::Int(i) => *i != 0,
        Value::Float(f) => f.get() != 0.0,
        Value::NotImplemented | Value::Ellipsis | Value::Null => true,
        Value::Obj(o) => match &**o {
            PyObject::Str(s) => s.char_len() != 0,
            PyObject::Int(_) => true,
            PyObject::Complex(z) => !z.is_zero(),
            PyObject::List(l) => !l.is_empty(),
            PyObject::Tuple(t) => !t.is_empty(),
            PyObject::Dict(d) => !d.is_empty(),
            PyObject::DictView(view) => !view.dict().is_empty(),
            PyObject::Set(s) | PyObject::FrozenSet(s) => !s.is_empty(),
            PyObject::Range(r) => !r.is_empty(),
            PyObject::Bytes(b) => !b.is_empty(),
            _ => true,
        },
    })
}

/// Rich comparison for the builtin types; `Ok(None)` means the pair is not
/// comparable with this operator (the caller raises or falls back).
fn compare_builtin(op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Some(op.holds_for(x.cmp(y))));
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        return Ok(Some(match x.get().partial_cmp(&y.get()) {
            Some(o) => op.holds_for(o),
            None => op == CompareOp::Ne,
        }));
    }
    // Strings and bytes (dictionary keys, items of tuple keys) before the
    // numeric tower and the recursion guard, which they never need.
    match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Str(x)), Some(PyObject::Str(y))) => {
            return Ok(Some(op.holds_for(pystr::compare_strs(x, y))));
        }
        (Some(PyObject::Bytes(x)), Some(PyObject::Bytes(y))) => {
            return Ok(Some(op.holds_for(x.as_bytes().cmp(y.as_bytes()))));
        }
        _ => {}
    }
    match (num(a), num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => {
            return Ok(Some(op.holds_for(int::cmp(x, y))));
        }
        (Some(Num::Int(x)), Some(Num::Float(y))) => {
            return Ok(Some(match int::cmp_float(x, y) {
                Some(o) => op.holds_for(o),
                None => op == CompareOp::Ne,
            }));
        }
        (Some(Num::Float(x)), Some(Num::Int(y))) => {
            return Ok(Some(match int::cmp_float(y, x) {
                Some(o) => op.holds_for(o.reverse()),
                None => op == CompareOp::Ne,
            }));
        }
        _ => {}
    }
    let eq_only = matches!(op, CompareOp::Eq | CompareOp::Ne);
    // Containers compare their items recursively: bound the depth as
    // CPython's recursion limit does, instead of exhausting the Rust stack.
    let _depth = ComparisonDepth::enter()?;
    let r = match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Str(x)), Some(PyObject::Str(y))) => op.holds_for(pystr::compare_strs(x, y)),
        (Some(PyObject::Bytes(x)), Some(PyObject::Bytes(y))) => {
            op.holds_for(x.as_bytes().cmp(y.as_bytes()))
        }
        (Some(PyObject::List(x)), Some(PyObject::List(y))) => list::compare(op, x, y)?,
        (Some(PyObject::Tuple(x)), Some(PyObject::Tuple(y))) => {
            sequence::seq_compare(op, x.as_slice(), y.as_slice())?
        }
        // Slices compare as their (start, stop, step) tuples.
        (Some(PyObject::Slice(x)), Some(PyObject::Slice(y))) => sequence::seq_compare(
            op,
            &[x.start.clone(), x.stop.clone(), x.step.clone()],
            &[y.start.clone(), y.stop.clone(), y.step.clone()],
        )?,
        (
            Some(PyObject::Set(x) | PyObject::FrozenSet(x)),
            Some(PyObject::Set(y) | PyObject::FrozenSet(y)),
        ) => match op {
            CompareOp::Eq => x.len() == y.len() && x.is_subset_builtin(y)?,
            CompareOp::Ne => !(x.len() == y.len() && x.is_subset_builtin(y)?),
            CompareOp::Le => x.is_subset_builtin(y)?,
            CompareOp::Lt => x.len() < y.len() && x.is_subset_builtin(y)?,
            CompareOp::Ge => y.is_subset_builtin(x)?,
            CompareOp::Gt => y.len() < x.len() && y.is_subset_builtin(x)?,
        },
        (Some(PyObject::Dict(x)), Some(PyObject::Dict(y))) if eq_only => {
            x.eq(y)? == (op == CompareOp::Eq)
        }
        (Some(PyObject::Range(x)), Some(PyObject::Range(y))) if eq_only => {
            x.same_sequence(y) == (op == CompareOp::Eq)
        }
        (Some(PyObject::DictView(x)), Some(PyObject::DictView(y)))
            if eq_only && x.kind == y.kind && x.kind != dict::ViewKind::Values =>
        {
            let (sx, sy) = (PySet::new(), PySet::new());
            for item in x.elements() {
                sx.add(item)?;
            }
            for item in y.elements() {
                sy.add(item)?;
            }
            (sx.len() == sy.len() && sx.is_subset_builtin(&sy)?) == (op == CompareOp::Eq)
        }
        (Some(PyObject::Type(x)), Some(PyObject::Type(y))) if eq_only => {
            Rc::ptr_eq(x, y) == (op == CompareOp::Eq)
        }
        // Code objects are equal when they hold the same code.
        (Some(PyObject::Code(x)), Some(PyObject::Code(y))) if eq_only => {
            (Rc::ptr_eq(&x.code, &y.code) || x.code.bytecode == y.code.bytecode)
                == (op == CompareOp::Eq)
        }
        // Bound methods: the same receiver (by identity) and equal functions.
        (Some(PyObject::BoundMethod(x)), Some(PyObject::BoundMethod(y))) if eq_only => {
            (x.receiver.is(&y.receiver) && x.function.is(&y.function)) == (op == CompareOp::Eq)
        }
        // Builtin methods: the same definition, bound to the same object
        // (by identity) or both unbound (`A.__init__ == object.__init__`).
        (Some(PyObject::MethodDescriptor(x)), Some(PyObject::MethodDescriptor(y))) if eq_only => {
            let same_receiver = match (&x.bound, &y.bound) {
                (None, None) => true,
                (Some(rx), Some(ry)) => rx.is(ry),
                _ => false,
            };
            (std::ptr::eq(x.def, y.def) && same_receiver) == (op == CompareOp::Eq)
        }
        // A complex equals the int, float or complex of its value; others
        // are told apart by identity.
        (Some(PyObject::Complex(_)), _) | (_, Some(PyObject::Complex(_))) if eq_only => {
            complex::compare(op, a, b).unwrap_or(a.is(b) == (op == CompareOp::Eq))
        }
        _ if eq_only => a.is(b) == (op == CompareOp::Eq),
        _ => return Ok(None),
    };
    Ok(Some(r))
}

thread_local! {
    static COMPARISON_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// One level of nested container comparison; dropping it leaves the level.
pub(crate) struct ComparisonDepth;

impl ComparisonDepth {
    pub(crate) fn enter() -> PyResult<ComparisonDepth> {
        let depth = COMPARISON_DEPTH.with(|d| {
            let depth = d.get() + 1;
            d.set(depth);
            depth
        });
        let guard = ComparisonDepth;
        if depth > 1000 || crate::interpreter::stack_exhausted() {
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(guard)
    }
}

impl Drop for ComparisonDepth {
    fn drop(&mut self) {
        COMPARISON_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// `a <op> b` as a bool, raising CPython's TypeError for unorderable pairs.
pub fn compare_bool(op: CompareOp, a: &Value, b: &Value) -> PyResult<bool> {
    let a = a.builtin_value();
    let b = b.builtin_value();
    match compare_builtin(op, a, b)? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// `a <op> b` as a value (builtin comparisons always give a bool).
pub fn compare(op: CompareOp, a: &Value, b: &Value) -> PyResult {
    compare_bool(op, a, b).map(Value::bool)
}

/// `a == b`.
#[inline]
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    compare_bool(CompareOp::Eq, a, b)
}

/// `a < b`.
#[inline]
pub fn lt(a: &Value, b: &Value) -> PyResult<bool> {
    compare_bool(CompareOp::Lt, a, b)
}

/// `hash(v)`.
/// The hash of a class: its type object's identity (a class may be
/// wrapped in more than one object, as `is` has it).
#[inline]
pub(crate) fn class_hash(class: &Rc<crate::typeobject::TypeObject>) -> i64 {
    ((Rc::as_ptr(class) as usize as u64) >> 4) as i64
}

pub fn hash(v: &Value) -> PyResult<i64> {
    // The keys met most, before the look for a builtin base.
    if let Value::Int(i) = v {
        return Ok(int::hash(IntRef::Small(*i)));
    }
    if let Some(s) = v.as_str() {
        return Ok(s.hash());
    }
    let v = v.builtin_value();
    match v {
        Value::Int(i) => Ok(int::hash(IntRef::Small(*i))),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::Float(f) => Ok(float::hash(f.get())),
        Value::None => Ok(0x5f3759df),
        Value::NotImplemented => Ok(0x4e6f74),
        Value::Ellipsis => Ok(0x2e2e2e),
        Value::Null => Ok(0),
        Value::Obj(o) => match &**o {
            PyObject::Str(s) => Ok(s.hash()),
            PyObject::Int(b) => Ok(int::hash(IntRef::Big(b))),
            // A NaN part hashes by identity, as in CPython.
            PyObject::Complex(z) => Ok(complex::hash(
                *z,
                ((Rc::as_ptr(o) as usize as u64) >> 4) as i64,
            )),
            PyObject::Tuple(t) => t.hash(),
            PyObject::FrozenSet(s) => Ok(s.hash()),
            PyObject::Bytes(b) => Ok(b.hash()),
            PyObject::Range(r) => r.hash(),
            PyObject::List(_) | PyObject::Dict(_) | PyObject::Set(_) | PyObject::Slice(_) => Err(
                PyErr::type_error(format!("unhashable type: '{}'", v.type_name())),
            ),
            PyObject::Type(t) => Ok(class_hash(t)),
            // dict_keys and dict_items are set-like (unhashable);
            // dict_values hashes by identity.
            PyObject::DictView(view) if view.kind != crate::builtins::dict::ViewKind::Values => {
                Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )))
            }
            PyObject::BoundMethod(m) => Ok(hash(&m.receiver).unwrap_or(0) ^ hash(&m.function)?),
            // As equality has it: the definition and the receiver.
            PyObject::MethodDescriptor(m) => {
                let def = ((std::ptr::from_ref(m.def) as usize as u64) >> 4) as i64;
                Ok(def ^ m.bound.as_ref().map_or(0, |r| hash(r).unwrap_or(0)))
            }
            // Equal code objects hash alike: by what equality compares.
            PyObject::Code(c) => {
                let code = &c.code.bytecode;
                let name = pystr::hash_bytes(code.name.as_bytes());
                Ok(name
                    ^ i64::from(code.first_line).wrapping_mul(1_000_003)
                    ^ (code.instructions.len() as i64).wrapping_mul(31))
            }
            // Everything else hashes by identity.
            _ => Ok(((Rc::as_ptr(o) as usize as u64) >> 4) as i64),
        },
    }
}

/// `len(v)`.
pub fn len(v: &Value) -> PyResult<usize> {
    let v = v.builtin_value();
    exact_len(v).ok_or_else(|| {
        PyErr::type_error(format!("object of type '{}' has no len()", v.type_name()))
    })
}

/// The length of an object of a builtin type (not an instance of a
/// subclass, whose `__len__` may be its own); `None` for anything else.
#[inline]
pub fn exact_len(v: &Value) -> Option<usize> {
    Some(match v.as_obj()? {
        PyObject::Str(s) => s.char_len(),
        PyObject::List(l) => l.len(),
        PyObject::Tuple(t) => t.len(),
        PyObject::Dict(d) => d.len(),
        PyObject::DictView(view) => view.dict().len(),
        PyObject::Set(s) | PyObject::FrozenSet(s) => s.len(),
        PyObject::Range(r) => r.len(),
        PyObject::Bytes(b) => b.len(),
        // A native type that tells its length (`NativeData::length`).
        PyObject::Native(native) => native.data.length()?,
        _ => return None,
    })
}

/// [`exact_len`], or the length of an instance of a subclass of a builtin
/// container whose class statements define no `__len__` (deltablue's
/// `class OrderedCollection(list)`): its builtin value's, what its
/// inherited `__len__` would answer. `None` when asking may run Python
/// code.
#[inline]
pub fn len_without_code(v: &Value) -> Option<usize> {
    if let Some(PyObject::Instance(instance)) = v.as_obj() {
        if instance.class().defines(crate::typeobject::Slot::Len) {
            return None;
        }
        return exact_len(instance.base()?);
    }
    exact_len(v)
}

/// `container[key]`.
pub fn get_item(container: &Value, key: &Value) -> PyResult {
    let container = container.builtin_value();
    let Some(o) = container.as_obj() else {
        return Err(not_subscriptable(container));
    };
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        // An immutable sequence's whole is itself (`t[:] is t`).
        return match o {
            PyObject::List(l) => Ok(l.get_slice(s.indices(l.len())?)),
            PyObject::Tuple(t) => match s.indices(t.len())? {
                si if si.is_whole(t.len()) => Ok(container.clone()),
                si => Ok(t.get_slice(si)),
            },
            PyObject::Str(st) => match s.indices(st.char_len())? {
                si if si.is_whole(st.char_len()) => Ok(container.clone()),
                si => Ok(pystr::get_slice(st, si)),
            },
            PyObject::Range(r) => r.get_slice(s),
            PyObject::Bytes(b) => match s.indices(b.len())? {
                si if si.is_whole(b.len()) => Ok(container.clone()),
                si => Ok(b.get_slice(si)),
            },
            PyObject::Dict(_) => Err(PyErr::type_error("unhashable type: 'slice'")),
            _ => Err(not_subscriptable(container)),
        };
    }
    match o {
        PyObject::List(l) => l.get_index(key),
        PyObject::Tuple(t) => t.get_index(key),
        PyObject::Dict(d) => d.get_item_or_raise(key),
        PyObject::Str(s) => pystr::get_index(s, key),
        PyObject::Range(r) => r.get_index(key),
        PyObject::Bytes(b) => b.get_index(key),
        _ => Err(not_subscriptable(container)),
    }
}

fn not_subscriptable(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not subscriptable", v.type_name()))
}

/// `container[key] = value`.
pub fn set_item(vm: &mut Vm, container: &Value, key: &Value, value: Value) -> PyResult<()> {
    let container = container.builtin_value();
    match container.as_obj() {
        Some(PyObject::List(l)) => match key.as_obj() {
            Some(PyObject::Slice(s)) => {
                // An exact list or tuple is read in place: no copy of its
                // items first (a list assigned to a slice of itself is).
                if !value.is(container) {
                    match value.as_obj() {
                        Some(PyObject::List(source)) => {
                            return l.set_slice_from(s, &source.borrow());
                        }
                        Some(PyObject::Tuple(source)) => {
                            return l.set_slice_from(s, source.as_slice());
                        }
                        _ => {}
                    }
                }
                let items = if value.is(container) {
                    l.snapshot()
                } else {
                    collect(vm, &value).map_err(|e| {
                        if e.matches(ExcType::TypeError) {
                            let stepped = !matches!(s.step, Value::None | Value::Int(1));
                            PyErr::type_error(if stepped {
                                "must assign iterable to extended slice"
                            } else {
                                "can only assign an iterable"
                            })
                        } else {
                            e
                        }
                    })?
                };
                l.set_slice(s, items)
            }
            _ => l.set_index(key, value),
        },
        Some(PyObject::Dict(d)) => d.set_item_vm(vm, key.clone(), value),
        _ => Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            container.type_name()
        ))),
    }
}

/// `del container[key]`.
pub fn del_item(container: &Value, key: &Value) -> PyResult<()> {
    let container = container.builtin_value();
    match container.as_obj() {
        Some(PyObject::List(l)) => match key.as_obj() {
            Some(PyObject::Slice(s)) => l.del_slice(s),
            _ => l.del_index(key),
        },
        Some(PyObject::Dict(d)) => d.del_item(key),
        Some(PyObject::Str(_) | PyObject::Tuple(_) | PyObject::Bytes(_) | PyObject::Range(_)) => {
            Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                container.type_name()
            )))
        }
        _ => Err(PyErr::type_error(format!(
            "'{}' object does not support item deletion",
            container.type_name()
        ))),
    }
}

/// `x in container`.
pub fn contains(vm: &mut Vm, container: &Value, x: &Value) -> PyResult<bool> {
    let container = container.builtin_value();
    let linear = |vm: &mut Vm, items: &[Value]| -> PyResult<bool> {
        let user_x = crate::builtins::dict::needs_interp(x);
        for item in items {
            if item.is(x) {
                return Ok(true);
            }
            // `item == x`, asking a user class (e.g. a str subclass's __eq__).
            let equal = if user_x || crate::builtins::dict::needs_interp(item) {
                vm.equal(item, x)?
            } else {
                eq(item, x)?
            };
            if equal {
                return Ok(true);
            }
        }
        Ok(false)
    };
    match container.as_obj() {
        Some(PyObject::Str(s)) => match x.as_str_or_subclass() {
            Some(sub) => {
                Ok(crate::builtins::str::find_text(s.as_str(), sub.as_str(), false).is_some())
            }
            None => Err(PyErr::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                x.type_name()
            ))),
        },
        // By index, as CPython's `list_contains`: an `__eq__` that changes
        // the list sees the rest of it as it is then (no copy made).
        Some(PyObject::List(l)) => {
            // An int among ints (hexiom's `v in cell`): no item compared
            // through the general equality.
            if let Value::Int(n) = x
                && let Some(found) = l.contains_int(*n)
            {
                return Ok(found);
            }
            let user_x = crate::builtins::dict::needs_interp(x);
            let mut i = 0;
            while let Some(item) = l.get(i) {
                if item.is(x) {
                    return Ok(true);
                }
                let equal = if user_x || crate::builtins::dict::needs_interp(&item) {
                    vm.equal(&item, x)?
                } else {
                    eq(&item, x)?
                };
                if equal {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
        Some(PyObject::Tuple(t)) => linear(vm, t.as_slice()),
        Some(PyObject::Dict(d)) => Ok(d.get_item_vm(vm, x)?.is_some()),
        Some(PyObject::DictView(view)) => view.contains(vm, x),
        Some(PyObject::Set(s) | PyObject::FrozenSet(s)) => s.contains_key_vm(vm, x),
        Some(PyObject::Range(r)) => r.contains(x),
        Some(PyObject::Bytes(b)) => b.contains(x),
        Some(PyObject::Iterator(_) | PyObject::Generator(_)) => {
            while let Some(item) = next(vm, container)? {
                if vm.equal(&item, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => vm.contains_object(container, x),
    }
}

/// `iter(v)` for the builtin iterables.
pub fn iter(v: &Value) -> PyResult {
    let v = v.builtin_value();
    // A generator is its own iterator; `next` resumes it through the interpreter.
    if let Some(PyObject::Generator(_)) = v.as_obj() {
        return Ok(v.clone());
    }
    iter::builtin_iter(v)
        .ok_or_else(|| PyErr::type_error(format!("'{}' object is not iterable", v.type_name())))
}

/// `next(it)`; `Ok(None)` when exhausted (no StopIteration is built).
#[inline]
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.poll_limits()?;
    match it.as_obj() {
        Some(PyObject::Iterator(i)) => i.next(vm),
        _ => vm.next_object(it),
    }
}

/// The items of an iterator, for a builtin that consumes them one at a
/// time (`any`, `all`, `sum`...). A generator's come in batches that its
/// frame yields without suspending (`Vm::drain_generator`), as far as the
/// consumer's `accept` says its work on an item runs no Python code and
/// raises nothing: doing that work a few items later is then invisible.
/// The item `accept` refuses comes next, with the generator suspended
/// just after it, as after a `next()`.
pub(crate) struct Items {
    iterator: Value,
    batch: std::vec::IntoIter<Value>,
    exhausted: bool,
}

/// How many items a batch of [`Items`] holds at most.
const ITEMS_BATCH: usize = 64;

impl Items {
    pub(crate) fn new(iterator: Value) -> Items {
        Items {
            iterator,
            batch: Vec::new().into_iter(),
            exhausted: false,
        }
    }

    pub(crate) fn next(
        &mut self,
        vm: &mut Vm,
        accept: fn(&Value) -> bool,
    ) -> PyResult<Option<Value>> {
        if let Some(item) = self.batch.next() {
            return Ok(Some(item));
        }
        if self.exhausted {
            return Ok(None);
        }
        if let Some(PyObject::Generator(_)) = self.iterator.as_obj() {
            vm.poll_limits()?;
            // (The spent batch's buffer is reused.)
            let mut items: Vec<Value> = std::mem::take(&mut self.batch).collect();
            items.clear();
            match vm.drain_generator(&self.iterator, &mut items, accept, ITEMS_BATCH)? {
                Some(Drained::Exhausted) => self.exhausted = true,
                Some(Drained::Paused) => {}
                Some(Drained::Refused(item)) => items.push(item),
                None => return next(vm, &self.iterator),
            }
            self.batch = items.into_iter();
            return Ok(self.batch.next());
        }
        next(vm, &self.iterator)
    }
}

/// What the truth of `value` is, when telling runs no Python code
/// (`None` for an instance, or a type whose answer may).
pub(crate) fn truth_without_code(value: &Value) -> Option<bool> {
    match value {
        Value::None => Some(false),
        Value::Bool(b) => Some(b.get()),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(f.get() != 0.0),
        Value::Obj(object) => match &**object {
            PyObject::Str(s) => Some(!s.as_str().is_empty()),
            PyObject::Tuple(t) => Some(!t.as_slice().is_empty()),
            PyObject::Int(_) => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// Drain any iterable into a vector (lists and tuples are copied directly).
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_obj() {
        Some(PyObject::List(l)) => return Ok(l.snapshot()),
        Some(PyObject::Tuple(t)) => return Ok(t.as_slice().to_vec()),
        Some(PyObject::Set(s) | PyObject::FrozenSet(s)) => return Ok(s.values()),
        _ => {}
    }
    let it = vm.iterate(v)?;
    // Room for what a builtin iterator says is left, as CPython's
    // `list_extend` preallocates from the length hint: `range(2**62)` is
    // a MemoryError at once, not a loop until memory runs out.
    let mut out = match it.as_obj() {
        Some(PyObject::Iterator(i)) => match i.length_hint() {
            Some(n) if n > 0 => crate::memory::vec_with_capacity(n)?,
            _ => Vec::new(),
        },
        // (`list(range(0, 2**63, 2))`: MemoryError at once, as CPython's
        // preallocation; a length past `ssize_t` is its OverflowError.)
        _ => match crate::builtins::range::long_range_remaining(&it) {
            Some(n) => {
                let n = num_traits::ToPrimitive::to_usize(&n)
                    .filter(|&n| n <= isize::MAX as usize)
                    .ok_or_else(|| {
                        PyErr::overflow_error("Python int too large to convert to C ssize_t")
                    })?;
                crate::memory::vec_with_capacity(n)?
            }
            None => Vec::new(),
        },
    };
    // A generator's items go straight into the vector, its frame
    // suspended once at the end rather than at every item.
    if let Some(PyObject::Generator(_)) = it.as_obj() {
        vm.poll_limits()?;
        match vm.drain_generator(&it, &mut out, |_| true, usize::MAX)? {
            Some(Drained::Exhausted) => return Ok(out),
            // (Taking every item, the drain stops only at its end.)
            Some(Drained::Paused) => {}
            Some(Drained::Refused(item)) => out.push(item),
            None => {}
        }
    }
    while let Some(x) = next(vm, &it)? {
        crate::memory::grow_for_push(&mut out)?;
        out.push(x);
    }
    Ok(out)
}

/// `sorted(iterable, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, iterable: &Value, key: Option<&Value>, reverse: bool) -> PyResult {
    let items = collect(vm, iterable)?;
    sorted_list(vm, items, key, reverse)
}

/// `sorted` of items already collected: the list it returns holds them.
pub fn sorted_list(
    vm: &mut Vm,
    mut items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult {
    let vm = RefCell::new(vm);
    let mut lt = |a: &Value, b: &Value| {
        let mut vm = vm.borrow_mut();
        vm.compare(CompareOp::Lt, a, b)
    };
    match key {
        None | Some(Value::None) => list::sort_values(&mut items, None, reverse, &mut lt)?,
        Some(f) => {
            let mut call = |v: &Value| {
                let mut vm = vm.borrow_mut();
                vm.call(f, Args::new(std::slice::from_ref(v)))
            };
            list::sort_values(&mut items, Some(&mut call), reverse, &mut lt)?
        }
    }
    Ok(Value::obj(PyObject::List(PyList::of_values_unboxing_ints(
        items,
    ))))
}

thread_local! {
    /// Containers whose repr is in progress: `[[...]]` for cycles.
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` unless `o` is already being repr'd (then return `cycle`).
pub fn repr_guarded(
    o: &Rc<PyObject>,
    cycle: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let id = Rc::as_ptr(o) as usize;
    let entered = REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&id) {
            false
        } else {
            s.push(id);
            true
        }
    });
    if !entered {
        return Ok(cycle.to_string());
    }
    if REPR_STACK.with(|s| s.borrow().len()) > 1000 || crate::interpreter::stack_exhausted() {
        REPR_STACK.with(|s| s.borrow_mut().retain(|&x| x != id));
        return Err(PyErr::new(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    let r = f();
    REPR_STACK.with(|s| {
        s.borrow_mut().retain(|&x| x != id);
    });
    r
}

fn address(o: &Rc<PyObject>) -> String {
    format!("0x{:x}", Rc::as_ptr(o) as usize)
}

/// `repr(v)`.
pub fn repr(v: &Value) -> PyResult<String> {
    let v = v.builtin_value();
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) if b.get() => "True".into(),
        Value::Bool(_) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float::repr(f.get()),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Null => "<NULL>".into(),
        Value::Obj(o) => match &**o {
            PyObject::Str(s) => pystr::repr_str(s.as_str()),
            PyObject::Int(b) => int::to_str(IntRef::Big(b))?,
            PyObject::Complex(z) => complex::repr(*z),
            PyObject::List(l) => repr_guarded(o, "[...]", || l.repr())?,
            PyObject::Tuple(t) => repr_guarded(o, "(...)", || t.repr())?,
            PyObject::Dict(d) => repr_guarded(o, "{...}", || d.repr())?,
            PyObject::DictView(view) => repr_guarded(o, "...", || view.repr())?,
            PyObject::Set(s) => repr_guarded(o, "set(...)", || s.repr(false))?,
            PyObject::FrozenSet(s) => repr_guarded(o, "frozenset(...)", || s.repr(true))?,
            PyObject::Range(r) => r.repr(),
            PyObject::Slice(s) => s.repr()?,
            PyObject::Bytes(b) => b.repr(),
            PyObject::Type(t) => format!("<class '{}'>", t.qualified_name()),
            PyObject::Exception(e) => e.repr(),
            PyObject::Iterator(it) => format!("<{} object at {}>", it.type_name(), address(o)),
            PyObject::BuiltinFunction(f) => format!("<built-in function {}>", f.name),
            PyObject::MethodDescriptor(PyMethodDescriptor { def, bound }) => match bound {
                Some(recv) => format!(
                    "<built-in method {} of {} object at {}>",
                    def.name,
                    recv.type_name(),
                    match recv {
                        Value::Obj(r) => address(r),
                        _ => "0x0".into(),
                    }
                ),
                None => match def.owner() {
                    Some(owner) => format!("<method '{}' of '{owner}' objects>", def.name),
                    None => format!("<method '{}' objects>", def.name),
                },
            },
            PyObject::Function(f) => {
                format!("<function {} at {}>", f.qualname.borrow(), address(o))
            }
            PyObject::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.code.name,
                address(o),
                c.code.bytecode.filename,
                c.code.bytecode.first_line
            ),
            PyObject::Cell(_) => format!("<cell at {}>", address(o)),
            PyObject::Instance(i) => {
                if i.class().builtin == Some(crate::typeobject::BuiltinType::Module)
                    && let Ok(Some(name)) = i.get_attr(&Value::str("__name__"))
                {
                    return Ok(format!("<module {}>", repr(&name)?));
                }
                let class = i.class();
                let name = if class.heap {
                    class.qualified_name()
                } else {
                    class.name.to_string()
                };
                format!("<{name} object at {}>", address(o))
            }
            PyObject::BoundMethod(m) => {
                let name = match m.function.as_obj() {
                    Some(PyObject::Function(f)) => f.qualname.borrow().to_string(),
                    // A builtin class method bound to its class
                    // (`int.from_bytes`), as CPython shows a builtin
                    // method.
                    Some(PyObject::BuiltinFunction(f)) => {
                        if let Value::Obj(receiver) = &m.receiver {
                            return Ok(format!(
                                "<built-in method {} of {} object at {}>",
                                f.name,
                                m.receiver.type_name(),
                                address(receiver)
                            ));
                        }
                        f.name.to_string()
                    }
                    _ => "?".to_string(),
                };
                format!("<bound method {name} of {}>", repr(&m.receiver)?)
            }
            PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
                format!(
                    "<{} object {} at {}>",
                    o.type_name(),
                    g.qualname.borrow(),
                    address(o)
                )
            }
            PyObject::Property(_) => format!("<property object at {}>", address(o)),
            PyObject::StaticMethod(_) => format!("<staticmethod object at {}>", address(o)),
            PyObject::ClassMethod(_) => format!("<classmethod object at {}>", address(o)),
            PyObject::Super(s) if s.object.is_none() => {
                format!("<super: <class '{}'>, NULL>", s.class.name)
            }
            PyObject::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.class.name,
                s.object.type_name()
            ),
            PyObject::Native(n) => match n
                .class
                .dict
                .borrow()
                .get("__module__")
                .and_then(|m| m.as_str())
            {
                Some(module) => format!(
                    "<{}.{} object at {}>",
                    module.as_str(),
                    n.class.name,
                    address(o)
                ),
                None => format!("<{} object at {}>", n.class.name, address(o)),
            },
        },
    })
}

/// `str(v)`.
pub fn str(v: &Value) -> PyResult<String> {
    let v = v.builtin_value();
    match v.as_obj() {
        Some(PyObject::Str(s)) => Ok(s.as_str().to_string()),
        Some(PyObject::Exception(e)) => Ok(e.str()),
        _ => repr(v),
    }
}

/// `str(v)` as a value: a `str` is returned as is (no copy).
pub fn str_value(v: &Value) -> PyResult {
    if v.as_str_or_subclass().is_some() {
        return Ok(v.clone());
    }
    str(v).map(Value::str)
}

/// `format(v, spec)`.
pub fn format(v: &Value, spec: &str) -> PyResult<String> {
    let v = v.builtin_value();
    crate::format::spec::format_value(v, spec)
}

/// `obj.name(*args)` for builtin methods.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: Args) -> PyResult {
    let class = typeobject::class_of(obj);
    match class.lookup(name) {
        Some(Value::Obj(m)) if matches!(&*m, PyObject::MethodDescriptor(_)) => {
            let PyObject::MethodDescriptor(d) = &*m else {
                unreachable!()
            };
            d.def.invoke(vm, obj, args)
        }
        Some(f) => vm.call(&f, args),
        None => Err(no_attribute(obj, name)),
    }
}

fn no_attribute(obj: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    )
}

/// `obj.name` for builtin objects: data attributes of the builtin kinds and
/// methods bound to `obj`.
pub fn get_attribute(obj: &Value, name: &str) -> PyResult {
    if let Some(PyObject::Native(n)) = obj.as_obj()
        && let Some(v) = n.data.try_attribute(name)
    {
        return v;
    }
    if let Some(v) = builtin_data_attribute(obj, name) {
        return Ok(v);
    }
    let class = typeobject::class_of(obj);
    match class.lookup(name) {
        Some(Value::Obj(m)) => match &*m {
            PyObject::MethodDescriptor(d) => {
                Ok(Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
                    def: d.def,
                    bound: Some(obj.clone()),
                })))
            }
            // `b'00'.fromhex`, `(1).from_bytes`: bound to the type.
            PyObject::ClassMethod(c) => Ok(Value::obj(PyObject::BoundMethod(
                crate::builtins::function::PyBoundMethod::new(
                    crate::builtins::constructors::type_value(&class),
                    c.function.clone(),
                ),
            ))),
            PyObject::StaticMethod(s) => Ok(s.function.clone()),
            _ => Ok(Value::Obj(m.clone())),
        },
        Some(v) => Ok(v),
        None if name == "__doc__" => Ok(crate::builtins::docs::of_object(obj)),
        None if name == "__text_signature__" => {
            crate::builtins::docs::text_signature_of(obj).ok_or_else(|| no_attribute(obj, name))
        }
        None => Err(no_attribute(obj, name)),
    }
}

fn builtin_data_attribute(obj: &Value, name: &str) -> Option<Value> {
    if name == "__class__" {
        return Some(crate::builtins::constructors::type_value(
            &typeobject::class_of(obj),
        ));
    }
    match (obj, name) {
        (Value::Float(f), "real") => return Some(Value::float(f.get())),
        (Value::Float(_), "imag") => return Some(Value::float(0.0)),
        (_, "real" | "numerator") if obj.is_int() => {
            return int::as_int(obj).map(|i| i.to_value());
        }
        (_, "imag") if obj.is_int() => return Some(Value::Int(0)),
        (_, "denominator") if obj.is_int() => return Some(Value::Int(1)),
        _ => {}
    }
    match (obj.as_obj()?, name) {
        (PyObject::Complex(z), "real") => Some(Value::float(z.re)),
        (PyObject::Complex(z), "imag") => Some(Value::float(z.im)),
        (PyObject::Native(n), _) => n.data.attribute(name),
        (PyObject::Property(p), "fget") => Some(p.getter.clone()),
        (PyObject::Property(p), "fset") => Some(p.setter.clone()),
        (PyObject::Property(p), "fdel") => Some(p.deleter.clone()),
        (PyObject::Property(p), "__doc__") => Some(p.doc.borrow().clone()),
        (PyObject::StaticMethod(m), "__func__") => Some(m.function.clone()),
        (PyObject::ClassMethod(m), "__func__") => Some(m.function.clone()),
        (PyObject::DictView(view), "mapping") => {
            Some(crate::builtins::mappingproxy::of_dict(&view.dict))
        }
        (PyObject::Range(r), "start") => Some(Value::Int(r.start)),
        (PyObject::Range(r), "stop") => Some(Value::Int(r.stop)),
        (PyObject::Range(r), "step") => Some(Value::Int(r.step)),
        (PyObject::Slice(s), "start") => Some(s.start.clone()),
        (PyObject::Slice(s), "stop") => Some(s.stop.clone()),
        (PyObject::Slice(s), "step") => Some(s.step.clone()),
        (PyObject::Exception(e), "args") => Some(Value::tuple(e.args.borrow().clone())),
        (PyObject::Exception(e), "__cause__") => Some(e.cause.borrow().clone().unwrap_or_default()),
        (PyObject::Exception(e), "__suppress_context__") => {
            Some(Value::bool(e.suppress_context.get()))
        }
        (PyObject::Exception(e), "__traceback__") => {
            Some(crate::builtins::traceback_object::traceback_of(e))
        }
        (PyObject::Exception(e), "__context__") => {
            Some(e.context.borrow().clone().unwrap_or_default())
        }
        (PyObject::Type(t), "__name__" | "__qualname__") => Some(Value::str(&*t.name)),
        (PyObject::BuiltinFunction(f), "__name__" | "__qualname__") => Some(Value::str(f.name)),
        (PyObject::MethodDescriptor(d), "__name__") => Some(Value::str(d.def.name)),
        (PyObject::MethodDescriptor(d), "__qualname__") => Some(Value::str(
            match (d.def.owner(), d.bound.as_ref().and_then(|b| b.as_obj())) {
                // `Exception.__new__`, `C.__new__` (object's: CPython names
                // the builtin type whose `__new__` it is).
                (None, Some(PyObject::Type(t))) if d.def.name == "__new__" => {
                    let builtin = std::iter::once(t)
                        .chain(t.mro.iter())
                        .find(|class| !class.heap)
                        .unwrap_or(t);
                    format!("{}.__new__", builtin.name)
                }
                // A bound builtin method is named after what it is bound
                // to (CPython's `meth_get__qualname__`): the class itself
                // (`int.__subclasshook__`) or the receiver's type
                // (`True.bit_length` is `bool.bit_length`).
                (_, Some(PyObject::Type(t))) if d.def.name != "__new__" => {
                    format!("{}.{}", t.qualname, d.def.name)
                }
                // (Immediates too: `True.bit_length`.)
                _ if d.def.name != "__new__"
                    && let Some(receiver) = d.bound.as_ref() =>
                {
                    let class = crate::typeobject::class_of(receiver);
                    format!("{}.{}", class.qualname, d.def.name)
                }
                (Some(owner), _) => format!("{owner}.{}", d.def.name),
                (None, _) => d.def.name.to_string(),
            },
        )),
        (PyObject::MethodDescriptor(d), "__self__") => d.bound.clone(),
        _ => None,
    }
}

/// Suppress an unused-import warning for `bytes` in builds where only its
/// type is used through `PyObject`.
#[allow(dead_code)]
fn _bytes_module_is_used(b: &bytes::PyBytes) -> usize {
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }
    fn r(v: PyResult) -> String {
        match v {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn rb(v: PyResult<bool>) -> String {
        r(v.map(Value::bool))
    }

    #[test]
    fn arithmetic_mixes() {
        assert_eq!(
            r(binary_op(
                BinaryOp::Add,
                &Value::bool(true),
                &Value::bool(true)
            )),
            "2"
        );
        assert_eq!(
            r(binary_op(BinaryOp::Add, &i(1), &Value::float(0.5))),
            "1.5"
        );
        assert_eq!(r(binary_op(BinaryOp::TrueDiv, &i(1), &i(2))), "0.5");
        assert_eq!(
            r(binary_op(BinaryOp::FloorDiv, &Value::float(7.0), &i(-2))),
            "-4.0"
        );
        assert_eq!(r(binary_op(BinaryOp::Pow, &i(2), &i(-2))), "0.25");
        assert_eq!(
            r(binary_op(BinaryOp::Mod, &i(-7), &Value::float(3.0))),
            "2.0"
        );
        assert_eq!(r(binary_op(BinaryOp::Mul, &s("ab"), &i(3))), "'ababab'");
        assert_eq!(
            r(binary_op(BinaryOp::Mul, &i(2), &Value::list(vec![i(1)]))),
            "[1, 1]"
        );
        assert_eq!(
            r(binary_op(BinaryOp::Mul, &Value::tuple(vec![i(1)]), &i(-1))),
            "()"
        );
        assert_eq!(
            r(binary_op(BinaryOp::Add, &i(1), &s("a"))),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
        );
        assert_eq!(
            r(binary_op(BinaryOp::Add, &s("a"), &i(1))),
            "TypeError: can only concatenate str (not \"int\") to str"
        );
        assert_eq!(
            r(binary_op(
                BinaryOp::Add,
                &Value::list(vec![]),
                &Value::tuple(vec![])
            )),
            "TypeError: can only concatenate list (not \"tuple\") to list"
        );
        assert_eq!(
            r(binary_op(
                BinaryOp::Add,
                &Value::tuple(vec![]),
                &Value::list(vec![])
            )),
            "TypeError: can only concatenate tuple (not \"list\") to tuple"
        );
        assert_eq!(
            r(binary_op(BinaryOp::Pow, &i(2), &s("a"))),
            "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"
        );
        assert_eq!(
            r(binary_op(
                BinaryOp::Mul,
                &Value::list(vec![]),
                &Value::float(1.5)
            )),
            "TypeError: can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            r(binary_op(BinaryOp::LShift, &i(1), &Value::float(1.0))),
            "TypeError: unsupported operand type(s) for <<: 'int' and 'float'"
        );
        assert_eq!(
            r(binary_op(BinaryOp::MatMul, &i(1), &i(2))),
            "TypeError: unsupported operand type(s) for @: 'int' and 'int'"
        );
        let big = binary_op(BinaryOp::Pow, &i(10), &i(400)).unwrap();
        assert_eq!(
            r(binary_op(BinaryOp::Mul, &big, &Value::float(1.0))),
            "OverflowError: int too large to convert to float"
        );
        assert_eq!(r(divmod(&i(-7), &i(2))), "(-4, 1)");
        assert_eq!(r(divmod(&Value::float(-7.5), &i(2))), "(-4.0, 0.5)");
        assert_eq!(
            r(divmod(&s("a"), &i(1))),
            "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'"
        );
        assert_eq!(r(unary_op(UnaryOp::Invert, &Value::bool(true))), "-2");
        assert_eq!(
            r(unary_op(UnaryOp::Neg, &s("a"))),
            "TypeError: bad operand type for unary -: 'str'"
        );
        assert_eq!(
            r(unary_op(UnaryOp::Invert, &Value::float(1.5))),
            "TypeError: bad operand type for unary ~: 'float'"
        );
        assert_eq!(
            r(pow3(&Value::float(2.0), &i(3), &i(5))),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers"
        );
    }

    #[test]
    fn comparisons() {
        assert_eq!(
            rb(compare_bool(CompareOp::Eq, &i(1), &Value::float(1.0))),
            "True"
        );
        assert_eq!(
            rb(compare_bool(CompareOp::Eq, &Value::bool(true), &i(1))),
            "True"
        );
        assert_eq!(rb(compare_bool(CompareOp::Eq, &i(1), &s("1"))), "False");
        assert_eq!(rb(compare_bool(CompareOp::Ne, &i(1), &s("1"))), "True");
        let nan = Value::float(f64::NAN);
        assert_eq!(rb(compare_bool(CompareOp::Eq, &nan, &nan)), "False");
        assert_eq!(rb(compare_bool(CompareOp::Ne, &nan, &i(1))), "True");
        assert_eq!(
            rb(compare_bool(CompareOp::Lt, &i(1), &s("a"))),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
        assert_eq!(
            rb(compare_bool(CompareOp::Lt, &Value::None, &Value::None)),
            "TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'"
        );
        let l = |v: Vec<Value>| Value::list(v);
        assert_eq!(
            rb(compare_bool(
                CompareOp::Lt,
                &l(vec![i(1), i(2)]),
                &l(vec![i(1), i(3)])
            )),
            "True"
        );
        assert_eq!(
            rb(compare_bool(
                CompareOp::Lt,
                &l(vec![i(1)]),
                &l(vec![i(1), i(0)])
            )),
            "True"
        );
        assert_eq!(
            rb(compare_bool(
                CompareOp::Lt,
                &l(vec![i(1)]),
                &l(vec![s("a")])
            )),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
        // Floats are immediates: identity is bit equality, so the identity
        // shortcut makes `[nan] == [nan]` true (CPython: true only when it
        // is the same float object).
        assert_eq!(
            rb(compare_bool(
                CompareOp::Eq,
                &l(vec![nan.clone()]),
                &l(vec![nan.clone()])
            )),
            "True"
        );
        let shared = l(vec![nan.clone()]);
        let sv = shared.as_list_or_subclass().unwrap().snapshot();
        assert_eq!(
            rb(compare_bool(CompareOp::Eq, &l(sv.clone()), &l(sv))),
            "True"
        );
        assert_eq!(rb(compare_bool(CompareOp::Gt, &s("b"), &s("abc"))), "True");
        let set = |v: &[i64]| {
            Value::set(
                PySet::from_values(
                    &mut crate::interpreter::Vm::new(),
                    v.iter().map(|&x| i(x)).collect(),
                )
                .unwrap(),
            )
        };
        assert_eq!(
            rb(compare_bool(CompareOp::Lt, &set(&[1]), &set(&[1, 2]))),
            "True"
        );
        assert_eq!(
            rb(compare_bool(CompareOp::Lt, &set(&[1]), &set(&[2]))),
            "False"
        );
        let d = Value::dict(dict::PyDict::new());
        assert_eq!(
            rb(compare_bool(CompareOp::Lt, &d, &d)),
            "TypeError: '<' not supported between instances of 'dict' and 'dict'"
        );
        let big = binary_op(BinaryOp::Pow, &i(2), &i(64)).unwrap();
        assert_eq!(
            rb(compare_bool(CompareOp::Gt, &big, &Value::float(1.8e19))),
            "True"
        );
        assert_eq!(
            rb(compare_bool(
                CompareOp::Eq,
                &big,
                &Value::float(18446744073709551616.0)
            )),
            "True"
        );
    }

    #[test]
    fn subscripts_and_errors() {
        assert_eq!(
            r(get_item(&i(1), &i(0))),
            "TypeError: 'int' object is not subscriptable"
        );
        assert_eq!(
            r(get_item(&s("ab"), &s("x"))),
            "TypeError: string indices must be integers, not 'str'"
        );
        assert_eq!(
            r(get_item(&s("ab"), &i(5))),
            "IndexError: string index out of range"
        );
        let t = Value::tuple(vec![i(1)]);
        assert_eq!(
            r(get_item(&t, &i(1))),
            "IndexError: tuple index out of range"
        );
        assert_eq!(
            set_item(&mut crate::interpreter::Vm::new(), &t, &i(0), i(1))
                .unwrap_err()
                .to_string(),
            "TypeError: 'tuple' object does not support item assignment"
        );
        assert_eq!(
            del_item(&s("a"), &i(0)).unwrap_err().to_string(),
            "TypeError: 'str' object doesn't support item deletion"
        );
        assert_eq!(
            del_item(&i(1), &i(0)).unwrap_err().to_string(),
            "TypeError: 'int' object does not support item deletion"
        );
        assert_eq!(
            len(&i(1)).unwrap_err().to_string(),
            "TypeError: object of type 'int' has no len()"
        );
        assert_eq!(
            iter(&i(1)).unwrap_err().to_string(),
            "TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            contains(&mut crate::interpreter::Vm::new(), &i(1), &i(1))
                .unwrap_err()
                .to_string(),
            "TypeError: argument of type 'int' is not iterable"
        );
        assert_eq!(
            contains(&mut crate::interpreter::Vm::new(), &s("a"), &i(1))
                .unwrap_err()
                .to_string(),
            "TypeError: 'in <string>' requires string as left operand, not int"
        );
        let sl = Value::obj(PyObject::Slice(crate::builtins::slice::PySlice::new(
            Value::None,
            Value::None,
            i(-1),
        )));
        assert_eq!(r(get_item(&s("héllo"), &sl)), "'olléh'");
        let lst = Value::list(vec![i(1), i(2), i(3)]);
        assert_eq!(r(get_item(&lst, &sl)), "[3, 2, 1]");
        set_item(
            &mut crate::interpreter::Vm::new(),
            &lst,
            &sl,
            Value::str("abc"),
        )
        .unwrap();
        assert_eq!(r(Ok(lst.clone())), "['c', 'b', 'a']");
        assert_eq!(
            set_item(&mut crate::interpreter::Vm::new(), &lst, &sl, i(1))
                .unwrap_err()
                .to_string(),
            "TypeError: must assign iterable to extended slice"
        );
    }

    #[test]
    fn truthiness_and_hash() {
        assert!(!truthy(&s("")).unwrap());
        assert!(truthy(&Value::list(vec![Value::None])).unwrap());
        assert!(!truthy(&Value::float(0.0)).unwrap());
        assert_eq!(hash(&i(1)).unwrap(), hash(&Value::float(1.0)).unwrap());
        assert_eq!(hash(&Value::bool(true)).unwrap(), hash(&i(1)).unwrap());
        assert_eq!(
            hash(&Value::dict(dict::PyDict::new()))
                .unwrap_err()
                .to_string(),
            "TypeError: unhashable type: 'dict'"
        );
        assert_eq!(hash(&s("abc")).unwrap(), hash(&s("abc")).unwrap());
    }

    #[test]
    fn reprs_and_attributes() {
        assert_eq!(repr(&Value::None).unwrap(), "None");
        assert_eq!(repr(&Value::Ellipsis).unwrap(), "Ellipsis");
        let t = crate::builtins::constructors::type_value(&typeobject::builtin_type(
            typeobject::BuiltinType::Int,
        ));
        assert_eq!(repr(&t).unwrap(), "<class 'int'>");
        assert_eq!(str(&s("x")).unwrap(), "x");
        let m = get_attribute(&Value::list(vec![]), "append").unwrap();
        assert!(
            repr(&m)
                .unwrap()
                .starts_with("<built-in method append of list object at 0x")
        );
        let l = Value::list(vec![]);
        let append = get_attribute(&l, "append").unwrap();
        crate::interpreter::Vm::call(
            &mut crate::interpreter::Vm::new(),
            &append,
            Args::new(&[i(5)]),
        )
        .unwrap();
        assert_eq!(repr(&l).unwrap(), "[5]");
        assert_eq!(
            get_attribute(&i(1), "nope").unwrap_err().to_string(),
            "AttributeError: 'int' object has no attribute 'nope'"
        );
        assert_eq!(r(get_attribute(&i(5), "real")), "5");
    }

    #[test]
    fn set_and_dict_operators() {
        let set = |v: &[i64]| {
            Value::set(
                PySet::from_values(
                    &mut crate::interpreter::Vm::new(),
                    v.iter().map(|&x| i(x)).collect(),
                )
                .unwrap(),
            )
        };
        // Expected values from python3.
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::Or, &set(&[1, 2, 3]), &set(&[4]))),
            "{1, 2, 3, 4}"
        );
        assert_eq!(
            r(
                crate::interpreter::Vm::new().binary(
                    BinaryOp::And,
                    &set(&[1, 2, 3]),
                    &set(&[2, 9])
                )
            ),
            "{2}"
        );
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::Sub, &set(&[1, 2]), &set(&[2]))),
            "{1}"
        );
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::Xor, &set(&[1, 2]), &set(&[2, 3]))),
            "{1, 3}"
        );
        let fs = Value::frozenset(
            PySet::from_values(&mut crate::interpreter::Vm::new(), vec![i(1)]).unwrap(),
        );
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::Or, &fs, &set(&[2]))),
            "frozenset({1, 2})"
        );
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(
                BinaryOp::Or,
                &set(&[1]),
                &Value::list(vec![i(2)])
            )),
            "TypeError: unsupported operand type(s) for |: 'set' and 'list'"
        );
        let d = Value::dict(dict::PyDict::from_pairs(vec![(s("a"), i(1))]).unwrap());
        let keys = call_method(
            &mut crate::interpreter::Vm::new(),
            &d,
            "keys",
            Args::new(&[]),
        )
        .unwrap();
        let ab = Value::set(
            PySet::from_values(&mut crate::interpreter::Vm::new(), vec![s("a"), s("b")]).unwrap(),
        );
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::And, &keys, &ab)),
            "{'a'}"
        );
        // Views are live.
        d.as_dict_or_subclass()
            .unwrap()
            .set_item(s("z"), i(2))
            .unwrap();
        assert_eq!(r(Ok(keys.clone())), "dict_keys(['a', 'z'])");
        assert_eq!(len(&keys).unwrap(), 2);
        assert!(contains(&mut crate::interpreter::Vm::new(), &keys, &s("z")).unwrap());
        let d2 = Value::dict(dict::PyDict::from_pairs(vec![(s("b"), i(3))]).unwrap());
        assert_eq!(
            r(crate::interpreter::Vm::new().binary(BinaryOp::Or, &d, &d2)),
            "{'a': 1, 'z': 2, 'b': 3}"
        );
        let l = Value::list(vec![i(1)]);
        inplace_op(
            &mut crate::interpreter::Vm::new(),
            BinaryOp::Add,
            &l,
            &s("ab"),
        )
        .unwrap();
        inplace_op(&mut crate::interpreter::Vm::new(), BinaryOp::Mul, &l, &i(2)).unwrap();
        assert_eq!(r(Ok(l)), "[1, 'a', 'b', 1, 'a', 'b']");
    }

    #[test]
    fn sorted_builtin() {
        let v = Value::list(vec![i(3), i(1), i(2)]);
        assert_eq!(
            r(sorted(&mut crate::interpreter::Vm::new(), &v, None, true)),
            "[3, 2, 1]"
        );
        assert_eq!(
            r(sorted(
                &mut crate::interpreter::Vm::new(),
                &s("bca"),
                None,
                false
            )),
            "['a', 'b', 'c']"
        );
    }
}
