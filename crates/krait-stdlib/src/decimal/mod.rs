//! `decimal`: decimal floating-point arithmetic with CPython's `decimal`
//! (its C implementation, `_decimal`) as the model: `Decimal` values,
//! `Context` (precision, rounding, exponent limits, flags and traps), the
//! signals as exception classes, the current context (`getcontext`,
//! `setcontext`, `localcontext`), and CPython's results, strings,
//! hashes, flags and error messages.
//!
//! The arithmetic is in `number` (and `transcendental` for `exp`, `ln`,
//! `log10` and real powers), apart from Python; this file turns values
//! into numbers and back, and an operation's conditions into flags and
//! raised signals. The current context is per thread, as in CPython.

mod format;
mod number;
mod transcendental;

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::builtins::int::{self as int_mod, as_int};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::protocol::{BinaryOp as VmBinaryOp, CompareOp};
use krait_vm::typeobject::{ClassDict, ExcType, TypeObject, class_of, exc_type};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::{BigInt, BigUint};
use num_traits::{ToPrimitive, Zero};

use crate::util::{function, method, type_value};
use number::{
    ANY_INVALID, CLAMPED, CONVERSION_SYNTAX, Ctx, DIVISION_BY_ZERO, DIVISION_IMPOSSIBLE,
    DIVISION_UNDEFINED, Dec, FLOAT_OPERATION, INEXACT, INVALID_CONTEXT, INVALID_OPERATION,
    OVERFLOW, ROUNDED, Rounding, SUBNORMAL, Special, UNDERFLOW,
};

const MAX_PREC: i64 = 999_999_999_999_999_999;
const MAX_EMAX: i64 = 999_999_999_999_999_999;
const MIN_EMIN: i64 = -999_999_999_999_999_999;

/// The nine signals (flag and trap keys), in CPython's `signal_map`
/// order, with the conditions each covers.
const SIGNALS: [(&str, u32); 9] = [
    ("InvalidOperation", ANY_INVALID),
    ("FloatOperation", FLOAT_OPERATION),
    ("DivisionByZero", DIVISION_BY_ZERO),
    ("Overflow", OVERFLOW),
    ("Underflow", UNDERFLOW),
    ("Subnormal", SUBNORMAL),
    ("Inexact", INEXACT),
    ("Rounded", ROUNDED),
    ("Clamped", CLAMPED),
];

/// The conditions of InvalidOperation that have their own class, in
/// CPython's `cond_map` order.
const CONDITIONS: [(&str, u32); 5] = [
    ("InvalidOperation", INVALID_OPERATION),
    ("ConversionSyntax", CONVERSION_SYNTAX),
    ("DivisionImpossible", DIVISION_IMPOSSIBLE),
    ("DivisionUndefined", DIVISION_UNDEFINED),
    ("InvalidContext", INVALID_CONTEXT),
];

/// The exception classes, made once per thread.
struct Classes {
    by_name: Vec<(&'static str, Rc<TypeObject>)>,
}

impl Classes {
    fn get(&self, name: &str) -> Rc<TypeObject> {
        self.by_name
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.clone())
            .expect("every signal class is made at start")
    }
}

thread_local! {
    static DECIMAL_TYPE: Rc<TypeObject> = decimal_type();
    static CONTEXT_TYPE: Rc<TypeObject> = native_type_in("decimal", "Context", CONTEXT_METHODS);
    static SIGNAL_DICT_TYPE: Rc<TypeObject> =
        native_type_in("decimal", "SignalDict", SIGNAL_DICT_METHODS);
    static MANAGER_TYPE: Rc<TypeObject> =
        native_type_in("decimal", "ContextManager", MANAGER_METHODS);
    static CLASSES: Classes = make_classes();
    /// `DecimalTuple`, a named tuple made by `collections.namedtuple`.
    static DECIMAL_TUPLE: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// The thread's current context, made from `DefaultContext` when first
    /// asked for.
    static CURRENT: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// The state of `CURRENT` (what every operation reads), kept with it
    /// by `set_current` so that no downcast is needed to find it.
    static CURRENT_STATE: RefCell<Option<Rc<ContextState>>> = const { RefCell::new(None) };
    /// The Decimals of the ints `0..=SMALL_INT_MAX`, borrowed as operands
    /// (`d + 1`) instead of made each time: made once per thread and
    /// leaked with it, a few kilobytes.
    static SMALL_INTS: &'static [Dec] =
        Box::leak((0..=SMALL_INT_MAX).map(Dec::from_i64).collect::<Vec<_>>().into_boxed_slice());
    /// `DefaultContext`, `BasicContext`, `ExtendedContext`.
    static TEMPLATES: RefCell<Option<[Value; 3]>> = const { RefCell::new(None) };
}

/// The largest int in `SMALL_INTS`.
const SMALL_INT_MAX: i64 = 256;

/// Makes `ctx` (a Context) the thread's current context.
fn set_current(ctx: Value) {
    CURRENT_STATE.with(|s| *s.borrow_mut() = context_state(&ctx));
    CURRENT.with(|c| *c.borrow_mut() = Some(ctx));
}

/// The Decimal type: its methods, and `from_float` as a class method.
fn decimal_type() -> Rc<TypeObject> {
    use krait_vm::builtins::function::{PyBuiltinFunction, PyClassMethod};
    let class = native_type_in("decimal", "Decimal", DECIMAL_METHODS);
    let from_float = Value::obj(PyObject::ClassMethod(PyClassMethod {
        function: Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "from_float",
            func: decimal_from_float,
        })),
    }));
    class
        .dict
        .borrow_mut()
        .insert(Box::from("from_float"), from_float);
    class
}

fn make_classes() -> Classes {
    let mut by_name: Vec<(&'static str, Rc<TypeObject>)> = Vec::new();
    let class = |by_name: &Vec<(&'static str, Rc<TypeObject>)>,
                 name: &'static str,
                 bases: &[&str],
                 builtin: &[ExcType]| {
        let mut bases: Vec<Rc<TypeObject>> = bases
            .iter()
            .map(|b| by_name.iter().find(|(n, _)| n == b).unwrap().1.clone())
            .collect();
        bases.extend(builtin.iter().map(|&t| exc_type(t)));
        let mut dict = ClassDict::default();
        dict.insert(Box::from("__module__"), Value::str("decimal"));
        let mut class =
            TypeObject::new_class(name, bases, dict).expect("the signals' MROs are consistent");
        class.heap = false;
        Rc::new(class)
    };
    let table: [(&'static str, &[&str], &[ExcType]); 14] = [
        ("DecimalException", &[], &[ExcType::ArithmeticError]),
        ("Clamped", &["DecimalException"], &[]),
        ("InvalidOperation", &["DecimalException"], &[]),
        ("ConversionSyntax", &["InvalidOperation"], &[]),
        (
            "DivisionByZero",
            &["DecimalException"],
            &[ExcType::ZeroDivisionError],
        ),
        ("DivisionImpossible", &["InvalidOperation"], &[]),
        (
            "DivisionUndefined",
            &["InvalidOperation"],
            &[ExcType::ZeroDivisionError],
        ),
        ("Inexact", &["DecimalException"], &[]),
        ("InvalidContext", &["InvalidOperation"], &[]),
        ("Rounded", &["DecimalException"], &[]),
        ("Subnormal", &["DecimalException"], &[]),
        ("Overflow", &["Inexact", "Rounded"], &[]),
        ("Underflow", &["Inexact", "Rounded", "Subnormal"], &[]),
        (
            "FloatOperation",
            &["DecimalException"],
            &[ExcType::TypeError],
        ),
    ];
    for (name, bases, builtin) in table {
        let made = class(&by_name, name, bases, builtin);
        by_name.push((name, made));
    }
    Classes { by_name }
}

fn signal_class(name: &str) -> Rc<TypeObject> {
    CLASSES.with(|c| c.get(name))
}

/// The conditions a signal class stands for (as a flag or trap key).
fn signal_mask(key: &Value) -> Option<u32> {
    let Some(PyObject::Type(class)) = key.as_obj() else {
        return None;
    };
    SIGNALS
        .iter()
        .find(|(name, _)| Rc::ptr_eq(class, &signal_class(name)))
        .map(|&(_, mask)| mask)
}

pub fn module(vm: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let decimal = type_value(DECIMAL_TYPE.with(Rc::clone));
    // DecimalTuple is a named tuple, as in CPython.
    let has_tuple = DECIMAL_TUPLE.with(|t| t.borrow().is_some());
    if !has_tuple {
        let collections = vm.import_absolute("collections")?;
        let namedtuple = vm.get_attr(&collections, "namedtuple")?;
        let kw = [("module", Value::str("decimal"))];
        let tuple = vm.call(
            &namedtuple,
            Args::with_kw(
                &[
                    Value::str("DecimalTuple"),
                    Value::str("sign digits exponent"),
                ],
                &kw,
            ),
        )?;
        DECIMAL_TUPLE.with(|t| *t.borrow_mut() = Some(tuple));
    }
    // A Decimal is a `numbers.Number` (not a Real: it does not mix with
    // floats), as CPython registers it.
    let numbers = vm.import_absolute("numbers")?;
    let number = vm.get_attr(&numbers, "Number")?;
    let register = vm.get_attr(&number, "register")?;
    vm.call(&register, Args::new(std::slice::from_ref(&decimal)))?;
    let templates = TEMPLATES.with(|t| {
        t.borrow_mut()
            .get_or_insert_with(|| {
                let default = new_context(ContextState::default_context());
                let basic = new_context(ContextState {
                    prec: Cell::new(9),
                    rounding: Cell::new(Rounding::HalfUp),
                    traps: Cell::new(
                        ANY_INVALID | DIVISION_BY_ZERO | OVERFLOW | UNDERFLOW | CLAMPED,
                    ),
                    ..ContextState::default_context()
                });
                let extended = new_context(ContextState {
                    prec: Cell::new(9),
                    traps: Cell::new(0),
                    ..ContextState::default_context()
                });
                [default, basic, extended]
            })
            .clone()
    });
    let mut items = vec![
        ("Decimal", decimal),
        ("Context", type_value(CONTEXT_TYPE.with(Rc::clone))),
        ("DefaultContext", templates[0].clone()),
        ("BasicContext", templates[1].clone()),
        ("ExtendedContext", templates[2].clone()),
        ("getcontext", function("getcontext", getcontext)),
        ("setcontext", function("setcontext", setcontext)),
        ("localcontext", function("localcontext", localcontext)),
        ("MAX_PREC", Value::Int(MAX_PREC)),
        ("MAX_EMAX", Value::Int(MAX_EMAX)),
        ("MIN_EMIN", Value::Int(MIN_EMIN)),
        ("MIN_ETINY", Value::Int(MIN_EMIN - (MAX_PREC - 1))),
        ("HAVE_THREADS", Value::bool(true)),
        ("HAVE_CONTEXTVAR", Value::bool(true)),
        ("__version__", Value::str("1.70")),
        ("__libmpdec_version__", Value::str("2.5.1")),
    ];
    for rounding in Rounding::ALL {
        items.push((rounding.name(), Value::str(rounding.name())));
    }
    CLASSES.with(|c| {
        for (name, class) in &c.by_name {
            items.push((name, type_value(class.clone())));
        }
    });
    if let Some(tuple) = DECIMAL_TUPLE.with(|t| t.borrow().clone()) {
        items.push(("DecimalTuple", tuple));
    }
    Ok(items)
}

// ---------------------------------------------------------------------
// Values

/// A `Decimal`: immutable.
pub struct DecimalValue(Dec);

impl NativeData for DecimalValue {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn is_atom(&self) -> bool {
        true
    }

    /// `+ - * / // % **` with a Decimal or an int, straight from the VM
    /// (what `__add__`/`__radd__`... return, without their lookup).
    fn binary_op(
        &self,
        _: &mut Vm,
        _: &Value,
        op: VmBinaryOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult> {
        let f: BinaryOp = match op {
            VmBinaryOp::Add => number::add,
            VmBinaryOp::Sub => number::subtract,
            VmBinaryOp::Mul => number::multiply,
            VmBinaryOp::TrueDiv => number::divide,
            VmBinaryOp::FloorDiv => number::divide_int,
            VmBinaryOp::Mod => number::remainder,
            VmBinaryOp::Pow => power,
            _ => return None,
        };
        // (A Decimal operand is borrowed straight, not through the `Cow`
        // of `operand`, whose copy out of the call stalls the loads.)
        let converted;
        let b = match other.native::<DecimalValue>() {
            Some(d) => &d.0,
            None => {
                converted = operand(other)?;
                &*converted
            }
        };
        let state = current_state();
        Some(if reflected {
            run(&state, |ctx, status| f(b, &self.0, ctx, status))
        } else {
            run(&state, |ctx, status| f(&self.0, b, ctx, status))
        })
    }

    /// Comparisons with a Decimal or an int, straight from the VM.
    fn compare(&self, _: &mut Vm, _: &Value, op: CompareOp, other: &Value) -> Option<PyResult> {
        let b = match other.native::<DecimalValue>() {
            Some(d) => Cow::Borrowed(&d.0),
            None => operand(other)?,
        };
        Some(compare_result(&self.0, CmpOperand::Dec(b), 0, op))
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "real" => Some(new_decimal(self.0.clone())),
            "imag" => Some(new_decimal(Dec::zero())),
            _ => None,
        }
    }
}

fn new_decimal(d: Dec) -> Value {
    NativeObject::new_value(DECIMAL_TYPE.with(Rc::clone), DecimalValue(d))
}

fn this(receiver: &Value) -> PyResult<&Dec> {
    receiver
        .native::<DecimalValue>()
        .map(|d| &d.0)
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor requires a 'decimal.Decimal' object but received '{}'",
                receiver.type_name()
            ))
        })
}

/// An operand of arithmetic: a Decimal or an int (exactly).
#[inline]
fn operand(v: &Value) -> Option<Cow<'_, Dec>> {
    if let Some(d) = v.native::<DecimalValue>() {
        return Some(Cow::Borrowed(&d.0));
    }
    match as_int(v)? {
        int_mod::IntRef::Small(i) if (0..=SMALL_INT_MAX).contains(&i) => {
            Some(Cow::Borrowed(SMALL_INTS.with(|t| *t).get(i as usize)?))
        }
        int_mod::IntRef::Small(i) => Some(Cow::Owned(Dec::from_i64(i))),
        int_mod::IntRef::Big(b) => Some(Cow::Owned(Dec::from_bigint(b))),
    }
}

/// An operand of a method: Decimal or int, or CPython's TypeError.
fn operand_or_error(v: &Value) -> PyResult<Cow<'_, Dec>> {
    operand(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "conversion from {} to Decimal is not supported",
            v.type_name()
        ))
    })
}

// ---------------------------------------------------------------------
// Contexts

pub struct ContextState {
    prec: Cell<i64>,
    rounding: Cell<Rounding>,
    emin: Cell<i64>,
    emax: Cell<i64>,
    capitals: Cell<bool>,
    clamp: Cell<bool>,
    flags: Cell<u32>,
    traps: Cell<u32>,
}

impl ContextState {
    fn default_context() -> ContextState {
        ContextState {
            prec: Cell::new(28),
            rounding: Cell::new(Rounding::HalfEven),
            emin: Cell::new(-999_999),
            emax: Cell::new(999_999),
            capitals: Cell::new(true),
            clamp: Cell::new(false),
            flags: Cell::new(0),
            traps: Cell::new(ANY_INVALID | DIVISION_BY_ZERO | OVERFLOW),
        }
    }

    fn copy(&self) -> ContextState {
        ContextState {
            prec: self.prec.clone(),
            rounding: self.rounding.clone(),
            emin: self.emin.clone(),
            emax: self.emax.clone(),
            capitals: self.capitals.clone(),
            clamp: self.clamp.clone(),
            flags: self.flags.clone(),
            traps: self.traps.clone(),
        }
    }

    fn ctx(&self) -> Ctx {
        Ctx {
            prec: self.prec.get(),
            rounding: self.rounding.get(),
            emin: self.emin.get(),
            emax: self.emax.get(),
            clamp: self.clamp.get(),
        }
    }

    /// Records an operation's conditions; raises the first trapped one
    /// (CPython's `dec_addstatus`).
    fn add_status(&self, status: u32) -> PyResult<()> {
        if number::take_refused_digits() {
            return Err(PyErr::new(krait_vm::typeobject::ExcType::MemoryError, ""));
        }
        if status == 0 {
            return Ok(());
        }
        self.flags.set(self.flags.get() | status);
        let trapped = status & self.traps.get();
        if trapped == 0 {
            return Ok(());
        }
        Err(signal_error(trapped))
    }
}

/// The exception for trapped conditions: the class of the first signal
/// in CPython's order, the list of the conditions as its argument.
fn signal_error(trapped: u32) -> PyErr {
    let class = SIGNALS
        .iter()
        .find(|(_, mask)| trapped & mask != 0)
        .map(|(name, _)| signal_class(name))
        .unwrap_or_else(|| signal_class("DecimalException"));
    let mut list = Vec::new();
    for (name, bit) in CONDITIONS {
        if trapped & bit != 0 {
            list.push(type_value(signal_class(name)));
        }
    }
    for (name, mask) in &SIGNALS[1..] {
        if trapped & mask != 0 {
            list.push(type_value(signal_class(name)));
        }
    }
    PyErr::with_args(class, vec![Value::list(list)])
}

pub struct ContextValue(Rc<ContextState>);

impl NativeData for ContextValue {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        let s = &self.0;
        Some(match name {
            "prec" => Value::Int(s.prec.get()),
            "rounding" => Value::str(s.rounding.get().name()),
            "Emin" => Value::Int(s.emin.get()),
            "Emax" => Value::Int(s.emax.get()),
            "capitals" => Value::Int(i64::from(s.capitals.get())),
            "clamp" => Value::Int(i64::from(s.clamp.get())),
            "flags" => signal_dict(&self.0, false),
            "traps" => signal_dict(&self.0, true),
            _ => return None,
        })
    }
}

fn new_context(state: ContextState) -> Value {
    NativeObject::new_value(CONTEXT_TYPE.with(Rc::clone), ContextValue(Rc::new(state)))
}

fn context_state(v: &Value) -> Option<Rc<ContextState>> {
    v.native::<ContextValue>().map(|c| c.0.clone())
}

/// The current context, made from `DefaultContext` on first use.
fn current_context() -> Value {
    CURRENT.with(|current| {
        let mut current = current.borrow_mut();
        if let Some(ctx) = current.as_ref() {
            return ctx.clone();
        }
        let template = TEMPLATES.with(|t| t.borrow().as_ref().map(|t| t[0].clone()));
        let state = match template.as_ref().and_then(context_state) {
            Some(state) => {
                let copy = state.copy();
                copy.flags.set(0);
                copy
            }
            None => ContextState::default_context(),
        };
        let ctx = new_context(state);
        *current = Some(ctx.clone());
        CURRENT_STATE.with(|s| *s.borrow_mut() = context_state(&ctx));
        ctx
    })
}

fn current_state() -> Rc<ContextState> {
    if let Some(state) = CURRENT_STATE.with(|s| s.borrow().clone()) {
        return state;
    }
    context_state(&current_context()).expect("the current context is a Context")
}

/// The `context=` argument: a Context, or None for the current one.
fn context_arg(v: Option<&Value>) -> PyResult<Rc<ContextState>> {
    match v {
        None | Some(Value::None) => Ok(current_state()),
        Some(v) => {
            context_state(v).ok_or_else(|| PyErr::type_error("optional argument must be a context"))
        }
    }
}

/// Runs an operation in a context and returns its Decimal result.
fn run(state: &ContextState, op: impl FnOnce(&Ctx, &mut u32) -> Dec) -> PyResult {
    let ctx = state.ctx();
    let mut status = 0;
    let d = op(&ctx, &mut status);
    state.add_status(status)?;
    Ok(new_decimal(d))
}

fn getcontext(_: &mut Vm, args: Args) -> PyResult {
    args.check("getcontext", 0, 0)?;
    Ok(current_context())
}

fn is_template(v: &Value) -> bool {
    TEMPLATES.with(|t| {
        t.borrow()
            .as_ref()
            .is_some_and(|t| t.iter().any(|template| template.is(v)))
    })
}

fn setcontext(_: &mut Vm, args: Args) -> PyResult {
    args.check("setcontext", 1, 1)?;
    let Some(state) = context_state(&args.pos[0]) else {
        return Err(PyErr::type_error("argument must be a context"));
    };
    let ctx = if is_template(&args.pos[0]) {
        let copy = state.copy();
        copy.flags.set(0);
        new_context(copy)
    } else {
        args.pos[0].clone()
    };
    set_current(ctx);
    Ok(Value::None)
}

fn rounding_arg(v: &Value) -> PyResult<Rounding> {
    v.as_str_or_subclass()
        .and_then(|s| Rounding::from_name(s.as_str()))
        .ok_or_else(|| {
            PyErr::type_error(
                "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]",
            )
        })
}

fn int_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !v.is_int() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )));
    }
    krait_vm::sequence::index_arg(vm, v, "")
}

/// Sets one attribute of a context, with CPython's checks.
fn set_context_field(vm: &mut Vm, state: &ContextState, name: &str, v: &Value) -> PyResult<()> {
    match name {
        "prec" => {
            let n = int_value(vm, v)?;
            if !(1..=MAX_PREC).contains(&n) {
                return Err(PyErr::value_error("valid range for prec is [1, MAX_PREC]"));
            }
            state.prec.set(n);
        }
        "rounding" => state.rounding.set(rounding_arg(v)?),
        "Emin" => {
            let n = int_value(vm, v)?;
            if !(MIN_EMIN..=0).contains(&n) {
                return Err(PyErr::value_error("valid range for Emin is [MIN_EMIN, 0]"));
            }
            state.emin.set(n);
        }
        "Emax" => {
            let n = int_value(vm, v)?;
            if !(0..=MAX_EMAX).contains(&n) {
                return Err(PyErr::value_error("valid range for Emax is [0, MAX_EMAX]"));
            }
            state.emax.set(n);
        }
        "capitals" => {
            let n = int_value(vm, v)?;
            if n != 0 && n != 1 {
                return Err(PyErr::value_error("valid values for capitals are 0 or 1"));
            }
            state.capitals.set(n == 1);
        }
        "clamp" => {
            let n = int_value(vm, v)?;
            if n != 0 && n != 1 {
                return Err(PyErr::value_error("valid values for clamp are 0 or 1"));
            }
            state.clamp.set(n == 1);
        }
        "flags" | "traps" => {
            let bits = signals_arg(vm, v)?;
            if name == "flags" {
                state.flags.set(bits);
            } else {
                state.traps.set(bits);
            }
        }
        _ => {
            return Err(PyErr::new(
                ExcType::AttributeError,
                format!("'decimal.Context' object has no attribute '{name}'"),
            ));
        }
    }
    Ok(())
}

/// Flags or traps given as a list of signals or a dict of signal -> bool.
fn signals_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if let Some(dict) = v.native::<SignalDict>() {
        return Ok(dict.get());
    }
    let mut bits = 0;
    if let Some(dict) = v.as_dict_or_subclass() {
        let items: Vec<(Value, Value)> = dict.items();
        if items.len() != SIGNALS.len() {
            return Err(PyErr::key_error(Value::str("invalid signal dict")));
        }
        for (key, value) in items {
            let Some(mask) = signal_mask(&key) else {
                return Err(PyErr::key_error(Value::str("invalid signal dict")));
            };
            if vm.truthy_value(&value)? {
                bits |= mask;
            }
        }
        return Ok(bits);
    }
    let items = krait_vm::protocol::collect(vm, v)?;
    for key in items {
        let Some(mask) = signal_mask(&key) else {
            return Err(PyErr::key_error(Value::str("invalid error flag")));
        };
        bits |= mask;
    }
    Ok(bits)
}

const CONTEXT_FIELDS: [&str; 8] = [
    "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps",
];

fn context_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    let template = TEMPLATES.with(|t| t.borrow().as_ref().map(|t| t[0].clone()));
    let state = match template.as_ref().and_then(context_state) {
        Some(state) => state.copy(),
        None => ContextState::default_context(),
    };
    state.flags.set(0);
    Ok(new_context(state))
}

fn context_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let state = this_context(receiver)?;
    if args.pos.len() > CONTEXT_FIELDS.len() {
        return Err(PyErr::type_error(format!(
            "Context() takes at most 8 arguments ({} given)",
            args.pos.len()
        )));
    }
    for (i, name) in CONTEXT_FIELDS.iter().enumerate() {
        if let Some(v) = args.get(i, name)
            && !v.is_none()
        {
            set_context_field(vm, &state, name, v)?;
        }
    }
    for (k, _) in args.kw {
        if !CONTEXT_FIELDS.contains(k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
    }
    Ok(Value::None)
}

fn this_context(receiver: &Value) -> PyResult<Rc<ContextState>> {
    context_state(receiver).ok_or_else(|| PyErr::type_error("argument must be a context"))
}

fn context_setattr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let state = this_context(receiver)?;
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string());
    let name = name.unwrap_or_default();
    set_context_field(vm, &state, &name, &args.pos[1])?;
    Ok(Value::None)
}

fn context_delattr(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::new(
        ExcType::AttributeError,
        "context attributes cannot be deleted",
    ))
}

/// Signal names in libmpdec's flag order (`Context.__repr__`).
fn signal_list(bits: u32) -> String {
    let order: [(&str, u32); 9] = [
        ("Clamped", CLAMPED),
        ("InvalidOperation", 0),
        ("DivisionByZero", DIVISION_BY_ZERO),
        ("Inexact", INEXACT),
        ("FloatOperation", FLOAT_OPERATION),
        ("Overflow", OVERFLOW),
        ("Rounded", ROUNDED),
        ("Subnormal", SUBNORMAL),
        ("Underflow", UNDERFLOW),
    ];
    let mut names = Vec::new();
    let mut invalid_done = false;
    // InvalidOperation prints at its lowest condition bit's place.
    let lowest_invalid = (bits & ANY_INVALID).trailing_zeros();
    for (name, bit) in order {
        if bit == 0 {
            continue;
        }
        if !invalid_done && bits & ANY_INVALID != 0 && lowest_invalid < bit.trailing_zeros() {
            names.push("InvalidOperation");
            invalid_done = true;
        }
        if bits & bit != 0 {
            names.push(name);
        }
    }
    if !invalid_done && bits & ANY_INVALID != 0 {
        names.push("InvalidOperation");
    }
    format!("[{}]", names.join(", "))
}

fn context_repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let s = this_context(receiver)?;
    Ok(Value::str(format!(
        "Context(prec={}, rounding={}, Emin={}, Emax={}, capitals={}, clamp={}, flags={}, traps={})",
        s.prec.get(),
        s.rounding.get().name(),
        s.emin.get(),
        s.emax.get(),
        i64::from(s.capitals.get()),
        i64::from(s.clamp.get()),
        signal_list(s.flags.get()),
        signal_list(s.traps.get()),
    )))
}

fn context_copy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(new_context(this_context(receiver)?.copy()))
}

fn context_clear_flags(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    this_context(receiver)?.flags.set(0);
    Ok(Value::None)
}

fn context_clear_traps(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    this_context(receiver)?.traps.set(0);
    Ok(Value::None)
}

fn context_etiny(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(this_context(receiver)?.ctx().etiny()))
}

fn context_etop(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(this_context(receiver)?.ctx().etop()))
}

fn context_radix(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(new_decimal(Dec::from_i64(10)))
}

fn context_reduce(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let s = this_context(receiver)?;
    let list = |bits: u32| {
        Value::list(
            SIGNALS
                .iter()
                .filter(|(_, m)| bits & m != 0)
                .map(|(n, _)| type_value(signal_class(n)))
                .collect(),
        )
    };
    Ok(Value::tuple(vec![
        type_value(CONTEXT_TYPE.with(Rc::clone)),
        Value::tuple(vec![
            Value::Int(s.prec.get()),
            Value::str(s.rounding.get().name()),
            Value::Int(s.emin.get()),
            Value::Int(s.emax.get()),
            Value::Int(i64::from(s.capitals.get())),
            Value::Int(i64::from(s.clamp.get())),
            list(s.flags.get()),
            list(s.traps.get()),
        ]),
    ]))
}

/// `create_decimal(num)`: the number rounded to the context (a NaN's
/// payload too long for it is a syntax error).
fn context_create_decimal(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("create_decimal", 0, 1)?;
    let state = this_context(receiver)?;
    let value = args.pos.first().cloned().unwrap_or_else(|| Value::str("0"));
    let mut status = 0;
    let d = convert(vm, &value, &mut status)?;
    let ctx = state.ctx();
    let d = if d.is_nan() && number::ndigits(&d.coeff) > ctx.prec - i64::from(ctx.clamp) {
        status |= CONVERSION_SYNTAX;
        Dec::nan()
    } else {
        number::fix(d, &ctx, &mut status)
    };
    state.add_status(status)?;
    Ok(new_decimal(d))
}

fn context_create_decimal_from_float(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("create_decimal_from_float", 1, 1)?;
    let state = this_context(receiver)?;
    let d = from_float_value(vm, &args.pos[0])?;
    run(&state, |ctx, status| number::fix(d, ctx, status))
}

// ---------------------------------------------------------------------
// Signal dicts: `context.flags` and `context.traps`.

struct SignalDict {
    state: Rc<ContextState>,
    traps: bool,
}

impl SignalDict {
    fn get(&self) -> u32 {
        if self.traps {
            self.state.traps.get()
        } else {
            self.state.flags.get()
        }
    }

    fn set(&self, bits: u32) {
        if self.traps {
            self.state.traps.set(bits);
        } else {
            self.state.flags.set(bits);
        }
    }
}

impl NativeData for SignalDict {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn length(&self) -> Option<usize> {
        Some(SIGNALS.len())
    }
}

fn signal_dict(state: &Rc<ContextState>, traps: bool) -> Value {
    NativeObject::new_value(
        SIGNAL_DICT_TYPE.with(Rc::clone),
        SignalDict {
            state: state.clone(),
            traps,
        },
    )
}

fn this_signals(receiver: &Value) -> PyResult<&SignalDict> {
    receiver
        .native::<SignalDict>()
        .ok_or_else(|| PyErr::type_error("expected a signal dict"))
}

fn key_mask(key: &Value) -> PyResult<u32> {
    signal_mask(key).ok_or_else(|| {
        PyErr::key_error(Value::str(
            "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]",
        ))
    })
}

fn sd_getitem(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let dict = this_signals(receiver)?;
    let mask = key_mask(&args.pos[0])?;
    Ok(Value::bool(dict.get() & mask != 0))
}

fn sd_setitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let dict = this_signals(receiver)?;
    let mask = key_mask(&args.pos[0])?;
    let on = vm.truthy_value(&args.pos[1])?;
    dict.set(if on {
        dict.get() | mask
    } else {
        dict.get() & !mask
    });
    Ok(Value::None)
}

fn sd_delitem(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::value_error("signal keys cannot be deleted"))
}

fn sd_len(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::Int(SIGNALS.len() as i64))
}

fn signal_keys() -> Vec<Value> {
    SIGNALS
        .iter()
        .map(|(n, _)| type_value(signal_class(n)))
        .collect()
}

fn sd_iter(vm: &mut Vm, _: &Value, _: Args) -> PyResult {
    let list = Value::list(signal_keys());
    vm.iterate(&list)
}

fn sd_keys(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::list(signal_keys()))
}

fn sd_values(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let bits = this_signals(receiver)?.get();
    Ok(Value::list(
        SIGNALS
            .iter()
            .map(|(_, m)| Value::bool(bits & m != 0))
            .collect(),
    ))
}

fn sd_items(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let bits = this_signals(receiver)?.get();
    Ok(Value::list(
        SIGNALS
            .iter()
            .map(|(n, m)| {
                Value::tuple(vec![
                    type_value(signal_class(n)),
                    Value::bool(bits & m != 0),
                ])
            })
            .collect(),
    ))
}

fn sd_copy(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let items = sd_items(vm, receiver, Args::default())?;
    let dict_type = type_value(krait_vm::typeobject::builtin_type(
        krait_vm::typeobject::BuiltinType::Dict,
    ));
    vm.call(&dict_type, Args::new(&[items]))
}

fn sd_get(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("get", 1, 2)?;
    match signal_mask(&args.pos[0]) {
        Some(_) => sd_getitem(vm, receiver, Args::new(&args.pos[..1])),
        None => Ok(args.pos.get(1).cloned().unwrap_or(Value::None)),
    }
}

fn sd_contains(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    Ok(Value::bool(signal_mask(&args.pos[0]).is_some()))
}

fn sd_repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let bits = this_signals(receiver)?.get();
    let parts: Vec<String> = SIGNALS
        .iter()
        .map(|(n, m)| {
            format!(
                "<class 'decimal.{n}'>:{}",
                if bits & m != 0 { "True" } else { "False" }
            )
        })
        .collect();
    Ok(Value::str(format!("{{{}}}", parts.join(", "))))
}

fn sd_eq(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let bits = this_signals(receiver)?.get();
    let other = &args.pos[0];
    if other.native::<SignalDict>().is_none() && other.as_dict_or_subclass().is_none() {
        return Ok(Value::NotImplemented);
    }
    match signals_arg(vm, other) {
        Ok(o) => Ok(Value::bool(o == bits)),
        Err(_) => Ok(Value::bool(false)),
    }
}

static SIGNAL_DICT_METHODS: &[MethodDef] = &[
    method("__getitem__", Params::One, sd_getitem),
    method("__setitem__", Params::Tuple(2, 2), sd_setitem),
    method("__delitem__", Params::One, sd_delitem),
    method("__len__", Params::NoArgs, sd_len),
    method("__iter__", Params::NoArgs, sd_iter),
    method("__contains__", Params::One, sd_contains),
    method("__repr__", Params::NoArgs, sd_repr),
    method("__eq__", Params::One, sd_eq),
    method("keys", Params::NoArgs, sd_keys),
    method("values", Params::NoArgs, sd_values),
    method("items", Params::NoArgs, sd_items),
    method("copy", Params::NoArgs, sd_copy),
    method("get", Params::Any, sd_get),
    method("__hash__", Params::NoArgs, crate::util::unhashable),
];

// ---------------------------------------------------------------------
// localcontext()

struct Manager {
    /// The context `__enter__` installs.
    local: Value,
    /// The context it replaced.
    saved: RefCell<Option<Value>>,
}

impl NativeData for Manager {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.local);
        if let Some(saved) = self.saved.borrow().as_ref() {
            visit(saved);
        }
    }
}

fn localcontext(vm: &mut Vm, args: Args) -> PyResult {
    let base = args.get(0, "ctx");
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "localcontext() takes at most 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let state = match base {
        None | Some(Value::None) => current_state(),
        Some(v) => context_state(v)
            .ok_or_else(|| PyErr::type_error("optional argument must be a context"))?,
    };
    let local = state.copy();
    for (k, v) in args.kw {
        if *k == "ctx" {
            continue;
        }
        if !CONTEXT_FIELDS.contains(k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
        set_context_field(vm, &local, k, v)?;
    }
    Ok(NativeObject::new_value(
        MANAGER_TYPE.with(Rc::clone),
        Manager {
            local: new_context(local),
            saved: RefCell::new(None),
        },
    ))
}

fn manager_enter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let manager = receiver
        .native::<Manager>()
        .ok_or_else(|| PyErr::type_error("expected a context manager"))?;
    let saved = current_context();
    *manager.saved.borrow_mut() = Some(saved);
    set_current(manager.local.clone());
    Ok(manager.local.clone())
}

fn manager_exit(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let manager = receiver
        .native::<Manager>()
        .ok_or_else(|| PyErr::type_error("expected a context manager"))?;
    if let Some(saved) = manager.saved.borrow_mut().take() {
        set_current(saved);
    }
    Ok(Value::None)
}

static MANAGER_METHODS: &[MethodDef] = &[
    method("__enter__", Params::NoArgs, manager_enter),
    method("__exit__", Params::Any, manager_exit),
];

// ---------------------------------------------------------------------
// Construction

/// Any value `Decimal()` accepts, exactly (conversion errors are
/// reported as ConversionSyntax in `status`).
fn convert(vm: &mut Vm, v: &Value, status: &mut u32) -> PyResult<Dec> {
    if let Some(d) = operand(v) {
        return Ok(d.into_owned());
    }
    if let Some(s) = v.as_str_or_subclass() {
        let text = s.as_str().trim_matches(|c: char| c.is_whitespace());
        // libmpdec's reader drops underscores wherever they are.
        let text: Cow<str> = if text.contains('_') {
            Cow::Owned(text.replace('_', ""))
        } else {
            Cow::Borrowed(text)
        };
        return Ok(match number::parse(&text) {
            Some(d) if !text.contains('\0') => d,
            _ => {
                *status |= CONVERSION_SYNTAX;
                Dec::nan()
            }
        });
    }
    if let Value::Float(f) = v.builtin_value() {
        *status |= FLOAT_OPERATION;
        return Ok(number::from_f64(f.get()));
    }
    if v.as_tuple_or_subclass().is_some() || v.as_list_or_subclass().is_some() {
        return from_tuple(vm, v);
    }
    Err(PyErr::type_error(format!(
        "conversion from {} to Decimal is not supported",
        v.type_name()
    )))
}

/// `Decimal((sign, digits, exponent))`.
fn from_tuple(vm: &mut Vm, v: &Value) -> PyResult<Dec> {
    let items = krait_vm::protocol::collect(vm, v)?;
    if items.len() != 3 {
        return Err(PyErr::value_error(
            "argument must be a sequence of length 3",
        ));
    }
    let neg = match &items[0] {
        Value::Int(0) => false,
        Value::Int(1) => true,
        _ => {
            return Err(PyErr::value_error(
                "sign must be an integer with the value 0 or 1",
            ));
        }
    };
    let special = match items[2]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
    {
        Some(s) => match s.as_str() {
            "F" => Some(Special::Infinite),
            "n" => Some(Special::QNaN),
            "N" => Some(Special::SNaN),
            _ => {
                return Err(PyErr::value_error(
                    "string argument in the third position must be 'F', 'n' or 'N'",
                ));
            }
        },
        None => None,
    };
    if items[1].as_tuple_or_subclass().is_none() && items[1].as_list_or_subclass().is_none() {
        return Err(PyErr::value_error("coefficient must be a tuple of digits"));
    }
    let digits = krait_vm::protocol::collect(vm, &items[1])?;
    let mut text = String::new();
    for digit in digits.iter() {
        match *digit {
            Value::Int(d) if (0..=9).contains(&d) => text.push((b'0' + d as u8) as char),
            _ => {
                return Err(PyErr::value_error("coefficient must be a tuple of digits"));
            }
        }
    }
    let coeff = if text.is_empty() {
        BigUint::zero()
    } else {
        BigUint::parse_bytes(text.as_bytes(), 10).unwrap_or_default()
    };
    Ok(match special {
        Some(Special::Infinite) => Dec::infinity(neg),
        Some(special) => Dec {
            neg,
            special,
            coeff,
            exp: 0,
        },
        None => {
            let Some(exp) = as_int(&items[2]) else {
                return Err(PyErr::value_error("exponent must be an integer"));
            };
            let exp = exp
                .to_i64()
                .ok_or_else(|| PyErr::value_error("exponent must be an integer"))?;
            Dec::finite(neg, coeff, exp)
        }
    })
}

/// `Decimal.__new__(cls, value="0", context=None)`: for a subclass, an
/// instance of it carrying the Decimal (so `super().__new__(cls, v)` in a
/// subclass's own `__new__` makes one of its instances).
fn decimal_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult {
    let value = decimal_value_new(vm, args)?;
    match cls.as_obj() {
        Some(PyObject::Type(class)) if class.heap => Ok(Value::obj(PyObject::Instance(
            krait_vm::builtins::function::PyInstance::with_base(class.clone(), value),
        ))),
        _ => Ok(value),
    }
}

fn decimal_value_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "Decimal() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    for (k, _) in args.kw {
        if *k != "value" && *k != "context" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
    }
    let rest = args;
    let state = context_arg(rest.get(1, "context"))?;
    let value = match rest.get(0, "value") {
        Some(v) => v,
        None => return Ok(new_decimal(Dec::zero())),
    };
    if let Some(d) = value.native::<DecimalValue>() {
        return Ok(new_decimal(d.0.clone()));
    }
    let mut status = 0;
    let d = convert(vm, value, &mut status)?;
    state.add_status(status)?;
    Ok(new_decimal(d))
}

fn from_float_value(vm: &mut Vm, v: &Value) -> PyResult<Dec> {
    if let Some(i) = as_int(v) {
        return Ok(Dec::from_bigint(&i.to_bigint()));
    }
    match v.builtin_value() {
        Value::Float(f) => Ok(number::from_f64(f.get())),
        _ => {
            let _ = vm;
            Err(PyErr::type_error(format!(
                "argument must be int or float, not {}",
                v.type_name()
            )))
        }
    }
}

/// `Decimal.from_float(cls, f)`.
fn decimal_from_float(vm: &mut Vm, args: Args) -> PyResult {
    args.check("from_float", 2, 2)?;
    let receiver = &args.pos[0];
    let d = new_decimal(from_float_value(vm, &args.pos[1])?);
    // A subclass makes its own instance from the exact Decimal.
    match receiver.as_obj() {
        Some(PyObject::Type(class)) if !Rc::ptr_eq(class, &DECIMAL_TYPE.with(Rc::clone)) => {
            vm.call(receiver, Args::new(&[d]))
        }
        _ => Ok(d),
    }
}

// ---------------------------------------------------------------------
// Decimal: conversions and the object protocol

fn to_sci(d: &Dec, state: &ContextState) -> String {
    number::to_string(d, false, state.capitals.get())
}

fn decimal_str(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::str(to_sci(this(receiver)?, &current_state())))
}

fn decimal_repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::str(format!(
        "Decimal('{}')",
        to_sci(this(receiver)?, &current_state())
    )))
}

fn to_eng_string(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let state = context_arg(args.get(0, "context"))?;
    Ok(Value::str(number::to_string(
        this(receiver)?,
        true,
        state.capitals.get(),
    )))
}

const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_10_INVERSE: u64 = 2_075_258_708_292_324_556;

fn mod_pow(mut base: u64, mut exp: u64) -> u64 {
    let m = HASH_MODULUS as u128;
    let mut result: u128 = 1;
    let mut b = base as u128 % m;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result * b % m;
        }
        b = b * b % m;
        exp >>= 1;
    }
    base = result as u64;
    base
}

fn decimal_hash(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let d = this(receiver)?;
    let h: i64 = match d.special {
        Special::SNaN => {
            return Err(PyErr::type_error("Cannot hash a signaling NaN value"));
        }
        Special::QNaN => {
            let address = match receiver.builtin_value() {
                Value::Obj(o) => Rc::as_ptr(o) as usize,
                _ => 0,
            };
            (address >> 4) as i64
        }
        Special::Infinite => {
            if d.neg {
                -314_159
            } else {
                314_159
            }
        }
        Special::Finite => {
            let exp_hash = if d.exp >= 0 {
                mod_pow(10, d.exp as u64)
            } else {
                mod_pow(HASH_10_INVERSE, d.exp.unsigned_abs())
            };
            let c = (&d.coeff % HASH_MODULUS).to_u64().unwrap_or(0);
            let h = (c as u128 * exp_hash as u128 % HASH_MODULUS as u128) as i64;
            let h = if d.neg { -h } else { h };
            if h == -1 { -2 } else { h }
        }
    };
    Ok(Value::Int(h))
}

fn decimal_bool(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::bool(!this(receiver)?.is_zero()))
}

fn integral_check(d: &Dec) -> PyResult<()> {
    match d.special {
        Special::QNaN | Special::SNaN => Err(PyErr::value_error("cannot convert NaN to integer")),
        Special::Infinite => Err(PyErr::overflow_error("cannot convert Infinity to integer")),
        Special::Finite => Ok(()),
    }
}

fn to_int_value(d: &Dec, rounding: Rounding) -> PyResult {
    integral_check(d)?;
    Ok(Value::from_bigint(number::to_bigint(d, rounding)))
}

fn decimal_int(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    to_int_value(this(receiver)?, Rounding::Down)
}

fn decimal_floor(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    to_int_value(this(receiver)?, Rounding::Floor)
}

fn decimal_ceil(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    to_int_value(this(receiver)?, Rounding::Ceiling)
}

fn decimal_float(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let d = this(receiver)?;
    if d.special == Special::SNaN {
        return Err(PyErr::value_error("cannot convert signaling NaN to float"));
    }
    Ok(Value::float(number::to_f64(d)))
}

fn decimal_complex(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let f = decimal_float(vm, receiver, args)?;
    let complex = type_value(krait_vm::typeobject::builtin_type(
        krait_vm::typeobject::BuiltinType::Complex,
    ));
    vm.call(&complex, Args::new(&[f]))
}

fn decimal_round(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__round__", 0, 1)?;
    let d = this(receiver)?;
    match args.pos.first() {
        None | Some(Value::None) => {
            if d.is_nan() {
                return Err(PyErr::value_error("cannot round a NaN"));
            }
            if d.is_infinite() {
                return Err(PyErr::overflow_error("cannot round an infinity"));
            }
            Ok(Value::from_bigint(number::to_bigint(d, Rounding::HalfEven)))
        }
        Some(n) => {
            let Some(n) = as_int(n) else {
                return Err(PyErr::type_error("optional arg must be an integer"));
            };
            let n = n.to_i64().ok_or_else(|| {
                PyErr::overflow_error("Python int too large to convert to C ssize_t")
            })?;
            let q = Dec::finite(false, BigUint::from(1u32), -n);
            let state = current_state();
            run(&state, |ctx, status| {
                number::quantize(d, &q, ctx.rounding, ctx, status)
            })
        }
    }
}

fn decimal_as_tuple(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let d = this(receiver)?;
    let digits: Vec<Value> = if d.is_infinite() {
        vec![Value::Int(0)]
    } else if d.is_nan() && d.coeff.is_zero() {
        Vec::new()
    } else {
        d.coeff
            .to_string()
            .bytes()
            .map(|b| Value::Int(i64::from(b - b'0')))
            .collect()
    };
    let exponent = match d.special {
        Special::Finite => Value::Int(d.exp),
        Special::Infinite => Value::str("F"),
        Special::QNaN => Value::str("n"),
        Special::SNaN => Value::str("N"),
    };
    let fields = [Value::Int(i64::from(d.neg)), Value::tuple(digits), exponent];
    match DECIMAL_TUPLE.with(|t| t.borrow().clone()) {
        Some(tuple) => vm.call(&tuple, Args::new(&fields)),
        None => Ok(Value::tuple(fields.to_vec())),
    }
}

fn decimal_as_integer_ratio(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let d = this(receiver)?;
    match d.special {
        Special::Infinite => Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        )),
        Special::QNaN | Special::SNaN => {
            Err(PyErr::value_error("cannot convert NaN to integer ratio"))
        }
        Special::Finite => {
            let (n, den) = number::integer_ratio(d);
            Ok(Value::tuple(vec![
                Value::from_bigint(n),
                Value::from_bigint(den),
            ]))
        }
    }
}

fn decimal_reduce(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let d = this(receiver)?;
    let class = type_value(class_of(receiver));
    Ok(Value::tuple(vec![
        class,
        Value::tuple(vec![Value::str(number::to_string(d, false, true))]),
    ]))
}

fn decimal_self(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(receiver.clone())
}

fn decimal_format(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__format__", 1, 2)?;
    let d = this(receiver)?;
    let Some(spec) = args.pos[0].as_str_or_subclass() else {
        return Err(PyErr::type_error("format arg must be str"));
    };
    let state = current_state();
    let _ = vm;
    format::format(d, spec.as_str(), &state.ctx(), state.capitals.get()).map(Value::str)
}

// ---------------------------------------------------------------------
// Decimal: comparisons

/// A comparison operand: Decimal, int, float (exactly, FloatOperation
/// noted), a Rational (`Fraction`: both sides times its denominator).
enum CmpOperand<'a> {
    Dec(Cow<'a, Dec>),
    /// `numerator / denominator`.
    Ratio(BigInt, BigInt),
}

fn compare_operand<'a>(
    vm: &mut Vm,
    v: &'a Value,
    float_status: &mut u32,
) -> PyResult<Option<CmpOperand<'a>>> {
    if let Some(d) = operand(v) {
        return Ok(Some(CmpOperand::Dec(d)));
    }
    if let Value::Float(f) = v.builtin_value() {
        *float_status |= FLOAT_OPERATION;
        return Ok(Some(CmpOperand::Dec(Cow::Owned(number::from_f64(f.get())))));
    }
    // A `numbers.Rational` (`Fraction`): compared through its numerator
    // and denominator.
    let rational = matches!(v.as_obj(), Some(PyObject::Instance(_)))
        && class_of(v)
            .mro
            .iter()
            .any(|c| &*c.name == "Rational" && c.module_name() == "numbers");
    if rational {
        let n = vm.get_attr(v, "numerator")?;
        let d = vm.get_attr(v, "denominator")?;
        if let (Some(n), Some(d)) = (as_int(&n), as_int(&d)) {
            return Ok(Some(CmpOperand::Ratio(
                n.to_bigint().into_owned(),
                d.to_bigint().into_owned(),
            )));
        }
    }
    Ok(None)
}

/// Compares; `None` for an unordered pair (a NaN).
fn compare_with(a: &Dec, b: &CmpOperand) -> Option<Ordering> {
    match b {
        CmpOperand::Dec(b) => {
            if a.is_nan() || b.is_nan() {
                return None;
            }
            Some(number::compare_values(a, b))
        }
        CmpOperand::Ratio(n, den) => {
            if a.is_nan() {
                return None;
            }
            if a.is_infinite() {
                return Some(if a.neg {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            let scaled = Dec::finite(a.neg, &a.coeff * den.magnitude(), a.exp);
            Some(number::compare_values(&scaled, &Dec::from_bigint(n)))
        }
    }
}

fn rich_compare(vm: &mut Vm, receiver: &Value, args: Args, op: CompareOp) -> PyResult {
    let a = this(receiver)?;
    let mut status = 0;
    let other = &args.pos[0];
    let Some(b) = compare_operand(vm, other, &mut status)? else {
        return Ok(Value::NotImplemented);
    };
    compare_result(a, b, status, op)
}

/// `a op b`, `status` holding FloatOperation for a float operand: the
/// flags and signals of CPython's comparisons (equality with a signalling
/// NaN or a float only noted, ordering of a NaN InvalidOperation).
fn compare_result(a: &Dec, b: CmpOperand, mut status: u32, op: CompareOp) -> PyResult {
    let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
    let signalling = a.special == Special::SNaN
        || matches!(&b, CmpOperand::Dec(b) if b.special == Special::SNaN);
    let order = compare_with(a, &b);
    if equality {
        // Equality with a float is only noted, never trapped.
        if status != 0 || signalling {
            let state = current_state();
            if status != 0 {
                state.flags.set(state.flags.get() | status);
            }
            if signalling {
                state.add_status(INVALID_OPERATION)?;
            }
        }
        let equal = order == Some(Ordering::Equal);
        return Ok(Value::bool(if op == CompareOp::Eq {
            equal
        } else {
            !equal
        }));
    }
    if order.is_none() {
        status |= INVALID_OPERATION;
    }
    current_state().add_status(status)?;
    let Some(order) = order else {
        return Ok(Value::bool(false));
    };
    Ok(Value::bool(op.holds_for(order)))
}

fn decimal_eq(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    if let Some(PyObject::Complex(_)) = a.pos[0].as_obj() {
        let imag = vm.get_attr(&a.pos[0], "imag")?;
        if !matches!(imag.builtin_value(), Value::Float(f) if f.get() == 0.0) {
            return Ok(Value::bool(false));
        }
        let real = vm.get_attr(&a.pos[0], "real")?;
        return rich_compare(vm, r, Args::new(&[real]), CompareOp::Eq);
    }
    rich_compare(vm, r, a, CompareOp::Eq)
}
fn decimal_ne(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    let eq = decimal_eq(vm, r, a)?;
    Ok(match eq {
        Value::Bool(b) => Value::bool(!b.get()),
        other => other,
    })
}
fn decimal_lt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    rich_compare(vm, r, a, CompareOp::Lt)
}
fn decimal_le(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    rich_compare(vm, r, a, CompareOp::Le)
}
fn decimal_gt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    rich_compare(vm, r, a, CompareOp::Gt)
}
fn decimal_ge(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    rich_compare(vm, r, a, CompareOp::Ge)
}

// ---------------------------------------------------------------------
// Decimal: arithmetic dunders

type BinaryOp = fn(&Dec, &Dec, &Ctx, &mut u32) -> Dec;
type UnaryOp = fn(&Dec, &Ctx, &mut u32) -> Dec;

fn binary_dunder(receiver: &Value, args: Args, op: BinaryOp, reflected: bool) -> PyResult {
    let a = this(receiver)?;
    let Some(b) = operand(&args.pos[0]) else {
        return Ok(Value::NotImplemented);
    };
    let state = current_state();
    if reflected {
        run(&state, |ctx, status| op(&b, a, ctx, status))
    } else {
        run(&state, |ctx, status| op(a, &b, ctx, status))
    }
}

macro_rules! dunders {
    ($($forward:ident, $reflected:ident => $op:path;)*) => {
        $(
            fn $forward(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                binary_dunder(receiver, args, $op, false)
            }
            fn $reflected(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                binary_dunder(receiver, args, $op, true)
            }
        )*
    };
}

dunders! {
    decimal_add, decimal_radd => number::add;
    decimal_sub, decimal_rsub => number::subtract;
    decimal_mul, decimal_rmul => number::multiply;
    decimal_truediv, decimal_rtruediv => number::divide;
    decimal_floordiv, decimal_rfloordiv => number::divide_int;
    decimal_mod, decimal_rmod => number::remainder;
    decimal_pow2, decimal_rpow => power;
}

fn decimal_pow(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    match args.pos.get(1) {
        None | Some(Value::None) => decimal_pow2(vm, receiver, Args::new(&args.pos[..1])),
        Some(modulo) => {
            let a = this(receiver)?;
            let (Some(b), Some(m)) = (operand(&args.pos[0]), operand(modulo)) else {
                return Ok(Value::NotImplemented);
            };
            let state = current_state();
            run(&state, |ctx, status| power_modulo(a, &b, &m, ctx, status))
        }
    }
}

fn divmod_pair(state: &ContextState, a: &Dec, b: &Dec) -> PyResult {
    let ctx = state.ctx();
    let mut status = 0;
    let (q, r) = number::divmod(a, b, &ctx, &mut status);
    state.add_status(status)?;
    Ok(Value::tuple(vec![new_decimal(q), new_decimal(r)]))
}

fn decimal_divmod(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let a = this(receiver)?;
    let Some(b) = operand(&args.pos[0]) else {
        return Ok(Value::NotImplemented);
    };
    divmod_pair(&current_state(), a, &b)
}

fn decimal_rdivmod(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let a = this(receiver)?;
    let Some(b) = operand(&args.pos[0]) else {
        return Ok(Value::NotImplemented);
    };
    divmod_pair(&current_state(), &b, a)
}

fn unary_dunder(receiver: &Value, op: UnaryOp) -> PyResult {
    let a = this(receiver)?;
    run(&current_state(), |ctx, status| op(a, ctx, status))
}

fn minus(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_nan() {
        return number::plus(a, ctx, status);
    }
    number::plus(&a.negated(), ctx, status)
}

fn absolute(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_nan() {
        return number::plus(a, ctx, status);
    }
    number::plus(&a.abs(), ctx, status)
}

fn decimal_neg(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    unary_dunder(receiver, minus)
}
fn decimal_pos(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    unary_dunder(receiver, number::plus)
}
fn decimal_abs(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    unary_dunder(receiver, absolute)
}

/// `x ** y` (the spec's power).
fn power(x: &Dec, y: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if x.is_nan() || y.is_nan() {
        return number::add(x, y, ctx, status);
    }
    if y.is_zero() {
        if x.is_zero() {
            *status |= INVALID_OPERATION;
            return Dec::nan();
        }
        return Dec::one();
    }
    let mut neg = false;
    let mut x = x.clone();
    if x.neg {
        if y.is_integer() {
            neg = transcendental::is_odd_integer(y);
        } else if !x.is_zero() {
            *status |= INVALID_OPERATION;
            return Dec::nan();
        }
        x.neg = false;
    }
    if x.is_zero() {
        return if y.neg {
            Dec::infinity(neg)
        } else {
            Dec::finite(neg, BigUint::zero(), 0)
        };
    }
    if x.is_infinite() {
        return if y.neg {
            Dec::finite(neg, BigUint::zero(), 0)
        } else {
            Dec::infinity(neg)
        };
    }
    if number::compare_values(&x, &Dec::one()) == Ordering::Equal {
        let exp = if y.is_integer() {
            let multiplier = if y.neg {
                0
            } else {
                y.to_bigint_truncated()
                    .to_i64()
                    .unwrap_or(i64::MAX)
                    .min(ctx.prec)
            };
            let mut exp = x.exp * multiplier;
            if exp < 1 - ctx.prec {
                exp = 1 - ctx.prec;
                *status |= ROUNDED;
            }
            exp
        } else {
            *status |= INEXACT | ROUNDED;
            1 - ctx.prec
        };
        return Dec::finite(neg, number::pow10((-exp).max(0) as u64), exp);
    }
    if y.is_infinite() {
        let x_below_one = number::compare_values(&x, &Dec::one()) == Ordering::Less;
        return if y.neg != x_below_one {
            Dec::finite(neg, BigUint::zero(), 0)
        } else {
            Dec::infinity(neg)
        };
    }
    if y.is_integer()
        && let Some(n) = y.to_bigint_truncated().to_i64()
        && let Some(exact) = exact_power(&x, n.unsigned_abs(), ctx)
    {
        let exact = Dec { neg, ..exact };
        if n > 0 {
            return number::fix(exact, ctx, status);
        }
        return number::divide(&Dec::one(), &exact, ctx, status);
    }
    transcendental::power_real(&x, y, neg, ctx, status)
}

/// `x ** n` exactly (with the ideal exponent), when it is small enough to
/// compute.
fn exact_power(x: &Dec, n: u64, ctx: &Ctx) -> Option<Dec> {
    let (c, zeros) = number::strip_zeros(&x.coeff);
    let e = x.exp + zeros;
    let digits = number::ndigits(&c) as u64;
    let limit = (4 * ctx.prec as u64).max(2000);
    if c != BigUint::from(1u32) && digits.saturating_mul(n) > limit {
        return None;
    }
    let exp = e.checked_mul(n as i64)?;
    if exp.abs() > i64::MAX / 8 {
        return None;
    }
    let coeff = num_traits::pow(c, n as usize);
    // Toward the ideal exponent x.exp * n, within the precision.
    let ideal = x.exp.checked_mul(n as i64)?;
    let have = number::ndigits(&coeff);
    let pad = (exp - ideal).min((ctx.prec - have).max(0)).max(0);
    Some(Dec::finite(
        false,
        coeff * number::pow10(pad as u64),
        exp - pad,
    ))
}

/// `pow(x, y, m)`: integers only, the result exact.
fn power_modulo(x: &Dec, y: &Dec, m: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if x.is_nan() || y.is_nan() || m.is_nan() {
        let first = number::add(x, y, ctx, status);
        return number::add(&first, m, ctx, status);
    }
    if !x.is_integer() || !y.is_integer() || !m.is_integer() || y.neg || m.is_zero() {
        *status |= INVALID_OPERATION;
        return Dec::nan();
    }
    let mbig = m.to_bigint_truncated();
    if number::ndigits(mbig.magnitude()) > ctx.prec || (x.is_zero() && y.is_zero()) {
        *status |= INVALID_OPERATION;
        return Dec::nan();
    }
    let base = x.to_bigint_truncated();
    let exponent = y.to_bigint_truncated();
    let modulus = mbig.magnitude().clone();
    let r = base.magnitude().modpow(exponent.magnitude(), &modulus);
    let neg = x.neg && transcendental::is_odd_integer(y);
    Dec::finite(neg, r, 0)
}

// ---------------------------------------------------------------------
// Methods shared by Decimal and Context

/// Parses `(names...)` by position or keyword.
fn bind<'a, const N: usize>(
    args: &Args<'a>,
    fname: &str,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<&'a Value>; N]> {
    if args.pos.len() > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} argument{} ({} given)",
            if N == 1 { "" } else { "s" },
            args.pos.len()
        )));
    }
    for (k, _) in args.kw {
        if !names.contains(k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    let mut out = [None; N];
    for (i, name) in names.iter().enumerate() {
        out[i] = args.get(i, name);
        if out[i].is_none() && i < required {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

fn decimal_unary_method(receiver: &Value, args: Args, name: &str, op: UnaryOp) -> PyResult {
    let [context] = bind(&args, name, ["context"], 0)?;
    let state = context_arg(context)?;
    let a = this(receiver)?;
    run(&state, |ctx, status| op(a, ctx, status))
}

fn decimal_binary_method(receiver: &Value, args: Args, name: &str, op: BinaryOp) -> PyResult {
    let [other, context] = bind(&args, name, ["other", "context"], 1)?;
    let state = context_arg(context)?;
    let a = this(receiver)?;
    let b = operand_or_error(other.expect("required"))?;
    run(&state, |ctx, status| op(a, &b, ctx, status))
}

fn context_unary_method(receiver: &Value, args: Args, name: &str, op: UnaryOp) -> PyResult {
    args.check(name, 1, 1)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    run(&state, |ctx, status| op(&a, ctx, status))
}

fn context_binary_method(receiver: &Value, args: Args, name: &str, op: BinaryOp) -> PyResult {
    args.check(name, 2, 2)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    let b = operand_or_error(&args.pos[1])?;
    run(&state, |ctx, status| op(&a, &b, ctx, status))
}

/// For each operation: the Decimal method and the Context method.
macro_rules! unary_methods {
    ($($name:literal: $dec:ident, $ctx:ident => $op:expr;)*) => {
        $(
            fn $dec(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                decimal_unary_method(receiver, args, $name, $op)
            }
            fn $ctx(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                context_unary_method(receiver, args, $name, $op)
            }
        )*
    };
}

macro_rules! binary_methods {
    ($($name:literal: $dec:ident, $ctx:ident => $op:expr;)*) => {
        $(
            fn $dec(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                decimal_binary_method(receiver, args, $name, $op)
            }
            fn $ctx(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                context_binary_method(receiver, args, $name, $op)
            }
        )*
    };
}

fn exp_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    transcendental::exp(a, ctx, status)
}
fn ln_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    transcendental::log(a, false, ctx, status)
}
fn log10_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    transcendental::log(a, true, ctx, status)
}
fn next_plus_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::next_toward_infinity(a, true, ctx, status)
}
fn next_minus_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::next_toward_infinity(a, false, ctx, status)
}
fn max_op(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::max_min(a, b, Ordering::Greater, false, ctx, status)
}
fn min_op(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::max_min(a, b, Ordering::Less, false, ctx, status)
}
fn max_mag_op(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::max_min(a, b, Ordering::Greater, true, ctx, status)
}
fn min_mag_op(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::max_min(a, b, Ordering::Less, true, ctx, status)
}
fn compare_signal_op(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_nan() || b.is_nan() {
        *status |= INVALID_OPERATION;
        if a.special != Special::SNaN && b.special != Special::SNaN {
            return if a.is_nan() { a.clone() } else { b.clone() };
        }
    }
    number::compare(a, b, ctx, status)
}
fn compare_total_op(a: &Dec, b: &Dec, _: &Ctx, _: &mut u32) -> Dec {
    Dec::from_i64(number::compare_total(a, b) as i64)
}
fn compare_total_mag_op(a: &Dec, b: &Dec, _: &Ctx, _: &mut u32) -> Dec {
    Dec::from_i64(number::compare_total(&a.abs(), &b.abs()) as i64)
}
fn copy_sign_op(a: &Dec, b: &Dec, _: &Ctx, _: &mut u32) -> Dec {
    Dec {
        neg: b.neg,
        ..a.clone()
    }
}
fn copy_abs_op(a: &Dec, _: &Ctx, _: &mut u32) -> Dec {
    a.abs()
}
fn copy_negate_op(a: &Dec, _: &Ctx, _: &mut u32) -> Dec {
    a.negated()
}
fn to_integral_value_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::to_integral(a, ctx.rounding, false, ctx, status)
}
fn to_integral_exact_op(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    number::to_integral(a, ctx.rounding, true, ctx, status)
}

unary_methods! {
    "exp": decimal_exp, context_exp => exp_op;
    "ln": decimal_ln, context_ln => ln_op;
    "log10": decimal_log10, context_log10 => log10_op;
    "sqrt": decimal_sqrt, context_sqrt => number::sqrt;
    "normalize": decimal_normalize, context_normalize => number::reduce;
    "logb": decimal_logb, context_logb => number::logb;
    "next_plus": decimal_next_plus, context_next_plus => next_plus_op;
    "next_minus": decimal_next_minus, context_next_minus => next_minus_op;
}

binary_methods! {
    "compare": decimal_compare, context_compare => number::compare;
    "compare_signal": decimal_compare_signal, context_compare_signal => compare_signal_op;
    "max": decimal_max, context_max => max_op;
    "min": decimal_min, context_min => min_op;
    "max_mag": decimal_max_mag, context_max_mag => max_mag_op;
    "min_mag": decimal_min_mag, context_min_mag => min_mag_op;
    "remainder_near": decimal_remainder_near, context_remainder_near => number::remainder_near;
    "next_toward": decimal_next_toward, context_next_toward => number::next_toward;
    "scaleb": decimal_scaleb, context_scaleb => number::scaleb;
}

fn context_add(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "add", number::add)
}
fn context_subtract(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "subtract", number::subtract)
}
fn context_multiply(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "multiply", number::multiply)
}
fn context_divide(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "divide", number::divide)
}
fn context_divide_int(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "divide_int", number::divide_int)
}
fn context_remainder(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "remainder", number::remainder)
}
fn context_compare_total(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "compare_total", compare_total_op)
}
fn context_compare_total_mag(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "compare_total_mag", compare_total_mag_op)
}
fn context_copy_sign(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_binary_method(r, a, "copy_sign", copy_sign_op)
}
fn context_abs(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "abs", absolute)
}
fn context_plus(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "plus", number::plus)
}
fn context_minus(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "minus", minus)
}
fn context_copy_abs(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "copy_abs", copy_abs_op)
}
fn context_copy_negate(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "copy_negate", copy_negate_op)
}
fn context_copy_decimal(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "copy_decimal", |a, _, _| a.clone())
}
fn context_to_integral_value(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "to_integral_value", to_integral_value_op)
}
fn context_to_integral_exact(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    context_unary_method(r, a, "to_integral_exact", to_integral_exact_op)
}
fn context_power(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let [a, b, modulo] = bind(&args, "power", ["a", "b", "modulo"], 2)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(a.expect("required"))?;
    let b = operand_or_error(b.expect("required"))?;
    match modulo {
        None | Some(Value::None) => run(&state, |ctx, status| power(&a, &b, ctx, status)),
        Some(m) => {
            let m = operand_or_error(m)?;
            run(&state, |ctx, status| power_modulo(&a, &b, &m, ctx, status))
        }
    }
}
fn context_divmod(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("divmod", 2, 2)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    let b = operand_or_error(&args.pos[1])?;
    divmod_pair(&state, &a, &b)
}
fn context_fma(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("fma", 3, 3)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    let b = operand_or_error(&args.pos[1])?;
    let c = operand_or_error(&args.pos[2])?;
    run(&state, |ctx, status| number::fma(&a, &b, &c, ctx, status))
}
fn context_quantize(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("quantize", 2, 2)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    let b = operand_or_error(&args.pos[1])?;
    run(&state, |ctx, status| {
        number::quantize(&a, &b, ctx.rounding, ctx, status)
    })
}
fn context_same_quantum(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    args.check("same_quantum", 2, 2)?;
    let a = operand_or_error(&args.pos[0])?;
    let b = operand_or_error(&args.pos[1])?;
    Ok(Value::bool(same_quantum(&a, &b)))
}
fn context_to_sci_string(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("to_sci_string", 1, 1)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    Ok(Value::str(number::to_string(
        &a,
        false,
        state.capitals.get(),
    )))
}
fn context_to_eng_string(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("to_eng_string", 1, 1)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    Ok(Value::str(number::to_string(
        &a,
        true,
        state.capitals.get(),
    )))
}
fn context_number_class(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("number_class", 1, 1)?;
    let state = this_context(receiver)?;
    let a = operand_or_error(&args.pos[0])?;
    Ok(Value::str(number_class(&a, &state.ctx())))
}

fn same_quantum(a: &Dec, b: &Dec) -> bool {
    if a.is_special() || b.is_special() {
        return (a.is_nan() && b.is_nan()) || (a.is_infinite() && b.is_infinite());
    }
    a.exp == b.exp
}

fn number_class(d: &Dec, ctx: &Ctx) -> &'static str {
    match d.special {
        Special::SNaN => "sNaN",
        Special::QNaN => "NaN",
        Special::Infinite => {
            if d.neg {
                "-Infinity"
            } else {
                "+Infinity"
            }
        }
        Special::Finite if d.is_zero() => {
            if d.neg {
                "-Zero"
            } else {
                "+Zero"
            }
        }
        Special::Finite if d.adjusted() < ctx.emin => {
            if d.neg {
                "-Subnormal"
            } else {
                "+Subnormal"
            }
        }
        Special::Finite => {
            if d.neg {
                "-Normal"
            } else {
                "+Normal"
            }
        }
    }
}

/// The predicates (`is_nan()`...), for Decimal (no argument but an
/// optional context for the two that need one) and Context (one operand).
fn predicate(d: &Dec, name: &str, ctx: &Ctx) -> bool {
    match name {
        "is_canonical" => true,
        "is_finite" => d.special == Special::Finite,
        "is_infinite" => d.is_infinite(),
        "is_nan" => d.is_nan(),
        "is_qnan" => d.special == Special::QNaN,
        "is_snan" => d.special == Special::SNaN,
        "is_signed" => d.neg,
        "is_zero" => d.is_zero(),
        "is_normal" => d.special == Special::Finite && !d.is_zero() && d.adjusted() >= ctx.emin,
        "is_subnormal" => d.special == Special::Finite && !d.is_zero() && d.adjusted() < ctx.emin,
        _ => false,
    }
}

macro_rules! predicates {
    ($($name:literal: $dec:ident, $ctx:ident;)*) => {
        $(
            fn $dec(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                let [context] = bind(&args, $name, ["context"], 0)?;
                let state = context_arg(context)?;
                Ok(Value::bool(predicate(this(receiver)?, $name, &state.ctx())))
            }
            fn $ctx(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
                args.check($name, 1, 1)?;
                let state = this_context(receiver)?;
                let a = operand_or_error(&args.pos[0])?;
                Ok(Value::bool(predicate(&a, $name, &state.ctx())))
            }
        )*
    };
}

predicates! {
    "is_canonical": decimal_is_canonical, context_is_canonical;
    "is_finite": decimal_is_finite, context_is_finite;
    "is_infinite": decimal_is_infinite, context_is_infinite;
    "is_nan": decimal_is_nan, context_is_nan;
    "is_qnan": decimal_is_qnan, context_is_qnan;
    "is_snan": decimal_is_snan, context_is_snan;
    "is_signed": decimal_is_signed, context_is_signed;
    "is_zero": decimal_is_zero, context_is_zero;
    "is_normal": decimal_is_normal, context_is_normal;
    "is_subnormal": decimal_is_subnormal, context_is_subnormal;
}

fn decimal_quantize(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let [exp, rounding, context] = bind(&args, "quantize", ["exp", "rounding", "context"], 1)?;
    let state = context_arg(context)?;
    let rounding = match rounding {
        None | Some(Value::None) => None,
        Some(r) => Some(rounding_arg(r)?),
    };
    let a = this(receiver)?;
    let q = operand_or_error(exp.expect("required"))?;
    run(&state, |ctx, status| {
        number::quantize(a, &q, rounding.unwrap_or(ctx.rounding), ctx, status)
    })
}

fn to_integral_with(receiver: &Value, args: Args, name: &str, exact: bool) -> PyResult {
    let [rounding, context] = bind(&args, name, ["rounding", "context"], 0)?;
    let state = context_arg(context)?;
    let rounding = match rounding {
        None | Some(Value::None) => None,
        Some(r) => Some(rounding_arg(r)?),
    };
    let a = this(receiver)?;
    run(&state, |ctx, status| {
        number::to_integral(a, rounding.unwrap_or(ctx.rounding), exact, ctx, status)
    })
}

fn decimal_to_integral_value(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    to_integral_with(r, a, "to_integral_value", false)
}
fn decimal_to_integral(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    to_integral_with(r, a, "to_integral", false)
}
fn decimal_to_integral_exact(_: &mut Vm, r: &Value, a: Args) -> PyResult {
    to_integral_with(r, a, "to_integral_exact", true)
}

fn decimal_fma(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let [other, third, context] = bind(&args, "fma", ["other", "third", "context"], 2)?;
    let state = context_arg(context)?;
    let a = this(receiver)?;
    let b = operand_or_error(other.expect("required"))?;
    let c = operand_or_error(third.expect("required"))?;
    run(&state, |ctx, status| number::fma(a, &b, &c, ctx, status))
}

fn decimal_compare_total(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    decimal_binary_method(receiver, args, "compare_total", compare_total_op)
}
fn decimal_compare_total_mag(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    decimal_binary_method(receiver, args, "compare_total_mag", compare_total_mag_op)
}
fn decimal_copy_sign(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    decimal_binary_method(receiver, args, "copy_sign", copy_sign_op)
}
fn decimal_copy_abs(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(new_decimal(this(receiver)?.abs()))
}
fn decimal_copy_negate(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(new_decimal(this(receiver)?.negated()))
}
fn decimal_adjusted(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(this(receiver)?.adjusted()))
}
fn decimal_radix(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(new_decimal(Dec::from_i64(10)))
}
fn decimal_same_quantum(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let [other, context] = bind(&args, "same_quantum", ["other", "context"], 1)?;
    context_arg(context)?;
    let b = operand_or_error(other.expect("required"))?;
    Ok(Value::bool(same_quantum(this(receiver)?, &b)))
}
fn decimal_number_class(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let [context] = bind(&args, "number_class", ["context"], 0)?;
    let state = context_arg(context)?;
    Ok(Value::str(number_class(this(receiver)?, &state.ctx())))
}

static DECIMAL_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, decimal_new),
    method("__str__", Params::NoArgs, decimal_str),
    method("__repr__", Params::NoArgs, decimal_repr),
    method("__format__", Params::Any, decimal_format),
    method("__hash__", Params::NoArgs, decimal_hash),
    method("__bool__", Params::NoArgs, decimal_bool),
    method("__int__", Params::NoArgs, decimal_int),
    method("__trunc__", Params::NoArgs, decimal_int),
    method("__floor__", Params::NoArgs, decimal_floor),
    method("__ceil__", Params::NoArgs, decimal_ceil),
    method("__float__", Params::NoArgs, decimal_float),
    method("__complex__", Params::NoArgs, decimal_complex),
    method("__round__", Params::Any, decimal_round),
    method("__reduce__", Params::NoArgs, decimal_reduce),
    method("__copy__", Params::NoArgs, decimal_self),
    method("__deepcopy__", Params::One, decimal_self),
    method("__eq__", Params::One, decimal_eq),
    method("__ne__", Params::One, decimal_ne),
    method("__lt__", Params::One, decimal_lt),
    method("__le__", Params::One, decimal_le),
    method("__gt__", Params::One, decimal_gt),
    method("__ge__", Params::One, decimal_ge),
    method("__add__", Params::One, decimal_add),
    method("__radd__", Params::One, decimal_radd),
    method("__sub__", Params::One, decimal_sub),
    method("__rsub__", Params::One, decimal_rsub),
    method("__mul__", Params::One, decimal_mul),
    method("__rmul__", Params::One, decimal_rmul),
    method("__truediv__", Params::One, decimal_truediv),
    method("__rtruediv__", Params::One, decimal_rtruediv),
    method("__floordiv__", Params::One, decimal_floordiv),
    method("__rfloordiv__", Params::One, decimal_rfloordiv),
    method("__mod__", Params::One, decimal_mod),
    method("__rmod__", Params::One, decimal_rmod),
    method("__divmod__", Params::One, decimal_divmod),
    method("__rdivmod__", Params::One, decimal_rdivmod),
    method("__pow__", Params::Tuple(1, 2), decimal_pow),
    method("__rpow__", Params::Tuple(1, 2), decimal_rpow),
    method("__neg__", Params::NoArgs, decimal_neg),
    method("__pos__", Params::NoArgs, decimal_pos),
    method("__abs__", Params::NoArgs, decimal_abs),
    method("adjusted", Params::NoArgs, decimal_adjusted),
    method("as_tuple", Params::NoArgs, decimal_as_tuple),
    method("as_integer_ratio", Params::NoArgs, decimal_as_integer_ratio),
    method("canonical", Params::NoArgs, decimal_self),
    method("conjugate", Params::NoArgs, decimal_self),
    method("compare", Params::Any, decimal_compare),
    method("compare_signal", Params::Any, decimal_compare_signal),
    method("compare_total", Params::Any, decimal_compare_total),
    method("compare_total_mag", Params::Any, decimal_compare_total_mag),
    method("copy_abs", Params::NoArgs, decimal_copy_abs),
    method("copy_negate", Params::NoArgs, decimal_copy_negate),
    method("copy_sign", Params::Any, decimal_copy_sign),
    method("exp", Params::Any, decimal_exp),
    method("ln", Params::Any, decimal_ln),
    method("log10", Params::Any, decimal_log10),
    method("logb", Params::Any, decimal_logb),
    method("sqrt", Params::Any, decimal_sqrt),
    method("fma", Params::Any, decimal_fma),
    method("is_canonical", Params::Any, decimal_is_canonical),
    method("is_finite", Params::Any, decimal_is_finite),
    method("is_infinite", Params::Any, decimal_is_infinite),
    method("is_nan", Params::Any, decimal_is_nan),
    method("is_qnan", Params::Any, decimal_is_qnan),
    method("is_snan", Params::Any, decimal_is_snan),
    method("is_signed", Params::Any, decimal_is_signed),
    method("is_zero", Params::Any, decimal_is_zero),
    method("is_normal", Params::Any, decimal_is_normal),
    method("is_subnormal", Params::Any, decimal_is_subnormal),
    method("max", Params::Any, decimal_max),
    method("min", Params::Any, decimal_min),
    method("max_mag", Params::Any, decimal_max_mag),
    method("min_mag", Params::Any, decimal_min_mag),
    method("next_plus", Params::Any, decimal_next_plus),
    method("next_minus", Params::Any, decimal_next_minus),
    method("next_toward", Params::Any, decimal_next_toward),
    method("normalize", Params::Any, decimal_normalize),
    method("number_class", Params::Any, decimal_number_class),
    method("quantize", Params::Any, decimal_quantize),
    method("radix", Params::NoArgs, decimal_radix),
    method("remainder_near", Params::Any, decimal_remainder_near),
    method("same_quantum", Params::Any, decimal_same_quantum),
    method("scaleb", Params::Any, decimal_scaleb),
    method("to_eng_string", Params::Any, to_eng_string),
    method("to_integral", Params::Any, decimal_to_integral),
    method("to_integral_exact", Params::Any, decimal_to_integral_exact),
    method("to_integral_value", Params::Any, decimal_to_integral_value),
];

static CONTEXT_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, context_new),
    method("__init__", Params::Any, context_init),
    method("__setattr__", Params::Tuple(2, 2), context_setattr),
    method("__delattr__", Params::One, context_delattr),
    method("__repr__", Params::NoArgs, context_repr),
    method("__reduce__", Params::NoArgs, context_reduce),
    method("copy", Params::NoArgs, context_copy),
    method("__copy__", Params::NoArgs, context_copy),
    method("clear_flags", Params::NoArgs, context_clear_flags),
    method("clear_traps", Params::NoArgs, context_clear_traps),
    method("Etiny", Params::NoArgs, context_etiny),
    method("Etop", Params::NoArgs, context_etop),
    method("radix", Params::NoArgs, context_radix),
    method("create_decimal", Params::Any, context_create_decimal),
    method(
        "create_decimal_from_float",
        Params::Any,
        context_create_decimal_from_float,
    ),
    method("abs", Params::Any, context_abs),
    method("add", Params::Any, context_add),
    method("subtract", Params::Any, context_subtract),
    method("multiply", Params::Any, context_multiply),
    method("divide", Params::Any, context_divide),
    method("divide_int", Params::Any, context_divide_int),
    method("divmod", Params::Any, context_divmod),
    method("remainder", Params::Any, context_remainder),
    method("remainder_near", Params::Any, context_remainder_near),
    method("power", Params::Any, context_power),
    method("fma", Params::Any, context_fma),
    method("plus", Params::Any, context_plus),
    method("minus", Params::Any, context_minus),
    method("exp", Params::Any, context_exp),
    method("ln", Params::Any, context_ln),
    method("log10", Params::Any, context_log10),
    method("logb", Params::Any, context_logb),
    method("sqrt", Params::Any, context_sqrt),
    method("normalize", Params::Any, context_normalize),
    method("quantize", Params::Any, context_quantize),
    method("same_quantum", Params::Any, context_same_quantum),
    method("scaleb", Params::Any, context_scaleb),
    method("compare", Params::Any, context_compare),
    method("compare_signal", Params::Any, context_compare_signal),
    method("compare_total", Params::Any, context_compare_total),
    method("compare_total_mag", Params::Any, context_compare_total_mag),
    method("copy_abs", Params::Any, context_copy_abs),
    method("copy_negate", Params::Any, context_copy_negate),
    method("copy_sign", Params::Any, context_copy_sign),
    method("copy_decimal", Params::Any, context_copy_decimal),
    method("max", Params::Any, context_max),
    method("min", Params::Any, context_min),
    method("max_mag", Params::Any, context_max_mag),
    method("min_mag", Params::Any, context_min_mag),
    method("next_plus", Params::Any, context_next_plus),
    method("next_minus", Params::Any, context_next_minus),
    method("next_toward", Params::Any, context_next_toward),
    method("number_class", Params::Any, context_number_class),
    method("to_sci_string", Params::Any, context_to_sci_string),
    method("to_eng_string", Params::Any, context_to_eng_string),
    method("to_integral", Params::Any, context_to_integral_value),
    method("to_integral_value", Params::Any, context_to_integral_value),
    method("to_integral_exact", Params::Any, context_to_integral_exact),
    method("is_canonical", Params::Any, context_is_canonical),
    method("is_finite", Params::Any, context_is_finite),
    method("is_infinite", Params::Any, context_is_infinite),
    method("is_nan", Params::Any, context_is_nan),
    method("is_qnan", Params::Any, context_is_qnan),
    method("is_snan", Params::Any, context_is_snan),
    method("is_signed", Params::Any, context_is_signed),
    method("is_zero", Params::Any, context_is_zero),
    method("is_normal", Params::Any, context_is_normal),
    method("is_subnormal", Params::Any, context_is_subnormal),
];
