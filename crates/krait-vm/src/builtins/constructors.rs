//! What calling a builtin type does (`int("12")`, `list(it)`, `range(3)`,
//! `ValueError("x")`...), the builtin type names of the builtins namespace,
//! and the text codecs behind `str(b, encoding)` / `bytes(s, encoding)`.
//!
//! [`call_builtin_type`] is meant for the types the runtime creates. For
//! exception types it also serves user subclasses (`class E(ValueError)`:
//! calling `E("x")` makes an `E` exception with `args == ("x",)`); other
//! user classes are the interpreter's business.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyInstance;
use crate::builtins::int::{self, IntRef};
use crate::builtins::module::{allow_kw, collect, expect_args, index_value, no_kw, param};
use crate::builtins::range::PyRange;
use crate::builtins::set::PySet;
use crate::builtins::slice::PySlice;
use crate::builtins::{float, iter};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::typeobject::Slot;
use crate::typeobject::{self, BuiltinType, ExcType, TypeObject};
use crate::value::Value;

/// The builtin iterator types that are called like functions. They are
/// [`typeobject::other_type`]s, so `type(enumerate(x)) is enumerate`.
pub const ITERATOR_TYPES: &[&str] = &["enumerate", "filter", "map", "reversed", "zip"];

thread_local! {
    /// The addresses of this thread's [`ITERATOR_TYPES`] (as
    /// [`typeobject::other_type`] made them), so that a call of one is told
    /// from a type of the same name without a registry lookup per call.
    static ITERATOR_TYPE_ADDRESSES: [usize; ITERATOR_TYPES.len()] = std::array::from_fn(|i| {
        Rc::as_ptr(&typeobject::other_type(ITERATOR_TYPES[i])) as usize
    });
}

/// Whether `t` is one of the builtin [`ITERATOR_TYPES`] themselves.
fn is_registered_iterator_type(t: &Rc<TypeObject>) -> bool {
    let address = Rc::as_ptr(t) as usize;
    ITERATOR_TYPE_ADDRESSES.with(|addresses| addresses.contains(&address))
}

/// The methods the builtin iterator types have in their namespace, which
/// a subclass inherits (`class M(map)`): `__new__` makes the iterator (an
/// instance of a subclass carries it), `__iter__` is the object itself and
/// `__next__` steps the iterator it carries. Exact iterators never reach
/// these (the dispatch loop steps them directly).
pub(crate) static ITERATOR_TYPE_METHODS: &[crate::builtins::function::MethodDef] = &[
    crate::builtins::function::MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: iterator_type_new,
    },
    crate::builtins::function::MethodDef {
        name: "__iter__",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, receiver, _| Ok(receiver.clone()),
    },
    crate::builtins::function::MethodDef {
        name: "__next__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| {
            let item = match receiver.builtin_value().as_obj() {
                Some(PyObject::Iterator(it)) => it.next(vm)?,
                _ => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        receiver.type_name()
                    )));
                }
            };
            item.ok_or_else(|| crate::interpreter::generator::stop_iteration(Value::None))
        },
    },
];

/// The namespace of the builtin type named `name` made by
/// [`typeobject::other_type`]: the iterator types' methods, else none.
pub(crate) fn other_type_methods(name: &str) -> &'static [crate::builtins::function::MethodDef] {
    if ITERATOR_TYPES.contains(&name) {
        ITERATOR_TYPE_METHODS
    } else {
        &[]
    }
}

/// `map.__new__(cls, ...)` (and the other iterator types'): the builtin
/// iterator, carried by an instance of `cls` when it is a subclass.
/// `reversed` of a sequence with its own `__reversed__` gives that
/// method's iterator as it is, as CPython's `reversed_new` does.
fn iterator_type_new(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(PyObject::Type(class)) = receiver.as_obj() else {
        return Err(PyErr::type_error(format!(
            "__new__(X): X is not a type object ({})",
            receiver.type_name()
        )));
    };
    let Some(base) = std::iter::once(class)
        .chain(class.mro.iter())
        .find(|t| is_registered_iterator_type(t))
    else {
        return Err(PyErr::type_error(format!(
            "__new__(X): X is not a subtype of an iterator type ({})",
            class.name
        )));
    };
    let construct = match &*base.name {
        "enumerate" => new_enumerate,
        "zip" => new_zip,
        "map" => new_map,
        "filter" => new_filter,
        _ => new_reversed,
    };
    let iterator = construct(vm, args)?;
    let made_by_base = Rc::ptr_eq(&typeobject::class_of(&iterator), base);
    if Rc::ptr_eq(class, base) || !made_by_base {
        return Ok(iterator);
    }
    Ok(Value::obj(PyObject::Instance(
        crate::builtins::function::PyInstance::with_base(class.clone(), iterator),
    )))
}

/// The builtin types callable from Python code, in the builtins namespace.
const NAMED_TYPES: &[BuiltinType] = &[
    BuiltinType::Object,
    BuiltinType::Type,
    BuiltinType::Int,
    BuiltinType::Bool,
    BuiltinType::Float,
    BuiltinType::Complex,
    BuiltinType::Str,
    BuiltinType::List,
    BuiltinType::Tuple,
    BuiltinType::Dict,
    BuiltinType::Set,
    BuiltinType::FrozenSet,
    BuiltinType::Range,
    BuiltinType::Slice,
    BuiltinType::Bytes,
];

/// Every builtin type and builtin exception class by its builtins name
/// (`int`, `str`, `enumerate`, `ValueError`, ..., plus the aliases
/// `EnvironmentError` and `IOError` of `OSError`), as `type` values.
pub fn builtin_types() -> Vec<(&'static str, Value)> {
    let mut out: Vec<(&'static str, Value)> = NAMED_TYPES
        .iter()
        .map(|&t| (t.name(), type_value(&typeobject::builtin_type(t))))
        .collect();
    for &name in ITERATOR_TYPES {
        out.push((name, type_value(&typeobject::other_type(name))));
    }
    out.push((
        "bytearray",
        type_value(&crate::builtins::bytearray::bytearray_type()),
    ));
    out.push((
        "memoryview",
        type_value(&crate::builtins::memoryview::memoryview_type()),
    ));
    for &e in ExcType::ALL {
        out.push((e.name(), type_value(&typeobject::exc_type(e))));
    }
    for alias in ["EnvironmentError", "IOError"] {
        out.push((alias, type_value(&typeobject::exc_type(ExcType::OSError))));
    }
    out
}

/// The `type` value for `t`: the same object for as long as any copy of it
/// is alive, so identity (`type(x) is int`) works and reading a class
/// allocates nothing. The type holds it weakly (it holds the type).
#[inline]
pub fn type_value(t: &Rc<TypeObject>) -> Value {
    if let Some(o) = t.value.borrow().upgrade() {
        return Value::Obj(o);
    }
    let o = Rc::new(PyObject::Type(t.clone()));
    *t.value.borrow_mut() = Rc::downgrade(&o);
    Value::Obj(o)
}

/// Call the builtin type `t` with `args`.
pub fn call_builtin_type(vm: &mut Vm, t: &Rc<TypeObject>, args: Args) -> PyResult {
    if t.is_exception_type() {
        return new_exception(t, args);
    }
    if let Some(b) = t.builtin {
        return match b {
            BuiltinType::Object => new_object(args),
            BuiltinType::Type if args.pos.len() == 3 => {
                let class = vm.type_new(t, args)?;
                // As `type.__call__` does: the new class's own metaclass
                // (the most derived one of its bases) initialises it.
                if let Some(PyObject::Type(made)) = class.as_obj()
                    && let Some(meta) = made.metaclass.as_ref().filter(|m| m.heap)
                    && meta.defines(crate::typeobject::Slot::Init)
                    && let Some(init) = meta.lookup("__init__")
                {
                    let mut call_args = vec![class.clone()];
                    call_args.extend(args.pos.iter().cloned());
                    vm.call(&init, Args::new(&call_args))?;
                }
                Ok(class)
            }
            BuiltinType::Type => type_call(args),
            BuiltinType::NoneType => singleton(args, "NoneType", Value::None),
            BuiltinType::NotImplementedType => {
                singleton(args, "NotImplementedType", Value::NotImplemented)
            }
            BuiltinType::Ellipsis => singleton(args, "EllipsisType", Value::Ellipsis),
            BuiltinType::Int => new_int(vm, args),
            BuiltinType::Bool => new_bool(vm, args),
            BuiltinType::Float => new_float(vm, args),
            BuiltinType::Complex => super::complex::new_complex(vm, args),
            BuiltinType::Str => new_str(vm, args),
            BuiltinType::List => new_list(vm, args),
            BuiltinType::Tuple => new_tuple(vm, args),
            BuiltinType::Dict => new_dict(vm, args),
            BuiltinType::Set => new_set(vm, args, false),
            BuiltinType::FrozenSet => new_set(vm, args, true),
            BuiltinType::Range => new_range(vm, args),
            BuiltinType::Slice => new_slice(args),
            BuiltinType::Bytes => new_bytes(vm, args),
            BuiltinType::Function => new_function(args),
            BuiltinType::Method => new_method(args),
            BuiltinType::Module => super::module_object::call_module_type(vm, args),
            BuiltinType::Cell => new_cell(args),
            _ => Err(cannot_create(t)),
        };
    }
    // The iterator types first: their calls are common (`zip(a, b)` in
    // a loop) and they have no `__new__` to look up by name.
    let iterator_constructor: Option<fn(&mut Vm, Args) -> PyResult> = match &*t.name {
        "enumerate" => Some(new_enumerate),
        "zip" => Some(new_zip),
        "map" => Some(new_map),
        "filter" => Some(new_filter),
        "reversed" => Some(new_reversed),
        _ => None,
    };
    if let Some(construct) = iterator_constructor
        && is_registered_iterator_type(t)
    {
        return construct(vm, args);
    }
    // A declared native type that makes values (`io.StringIO`): its
    // `__new__` method, given the type, then its `__init__` if it has one
    // (`deque.__init__` fills the deque `__new__` made).
    let new = t.dict.borrow().get("__new__").cloned();
    if let Some(Value::Obj(new)) = new
        && let PyObject::MethodDescriptor(m) = &*new
    {
        let value = m
            .def
            .invoke(vm, &crate::builtins::constructors::type_value(t), args)?;
        let init = t.dict.borrow().get("__init__").cloned();
        if let Some(Value::Obj(init)) = init
            && let PyObject::MethodDescriptor(init) = &*init
        {
            init.def.invoke(vm, &value, args)?;
        }
        return Ok(value);
    }
    Err(cannot_create(t))
}

/// `types.MethodType(function, instance)`: `function` bound to
/// `instance`.
fn new_method(args: Args) -> PyResult {
    args.check("method", 2, 2)?;
    let (function, instance) = (&args.pos[0], &args.pos[1]);
    if !crate::builtins::module::is_callable(function) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if instance.is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(Value::obj(PyObject::BoundMethod(
        crate::builtins::function::PyBoundMethod::new(instance.clone(), function.clone()),
    )))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`: a function made from a code object.
fn new_function(args: Args) -> PyResult {
    use crate::builtins::function::{Params, Signature, check_params};
    static SIGNATURE: Signature = Signature {
        names: &["code", "globals", "name", "argdefs", "closure"],
        positional: 5,
        required: 2,
    };
    check_params(
        Params::Named(&SIGNATURE),
        "function",
        || "function".into(),
        &args,
    )?;
    let get = |i: usize| args.get(i, SIGNATURE.names[i]).filter(|v| !v.is_none());
    let code_value = get(0).cloned().unwrap_or_default();
    let Some(PyObject::Code(code)) = code_value.as_obj() else {
        return Err(PyErr::type_error(format!(
            "function() argument 'code' must be code, not {}",
            code_value.type_name()
        )));
    };
    let code = code.code.clone();
    let globals = get(1).cloned().unwrap_or_default();
    if globals.as_dict_or_subclass().is_none() {
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            globals.type_name()
        )));
    }
    let name = match get(2) {
        None => code.name.to_string(),
        Some(name) => match name.as_str_or_subclass() {
            Some(name) => name.as_str().to_string(),
            None => return Err(PyErr::type_error("arg 3 (name) must be None or string")),
        },
    };
    let defaults = match get(3) {
        None => Vec::new(),
        Some(defaults) => match defaults.as_tuple_or_subclass() {
            Some(t) => t.as_slice().to_vec(),
            None => return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple")),
        },
    };
    let closure = match get(4) {
        None if code.nfree > 0 => {
            return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
        }
        None => Vec::new(),
        Some(closure) => {
            let Some(cells) = closure.as_tuple_or_subclass() else {
                return Err(PyErr::type_error("arg 5 (closure) must be tuple"));
            };
            if let Some(bad) = cells
                .iter()
                .find(|c| !matches!(c.as_obj(), Some(PyObject::Cell(_))))
            {
                return Err(PyErr::type_error(format!(
                    "arg 5 (closure) expected cell, found {}",
                    bad.type_name()
                )));
            }
            cells.as_slice().to_vec()
        }
    };
    if closure.len() != code.nfree {
        return Err(PyErr::value_error(format!(
            "{} requires closure of length {}, not {}",
            code.name,
            code.nfree,
            closure.len()
        )));
    }
    let doc = code.docstring();
    Ok(Value::obj(PyObject::Function(Box::new(
        crate::builtins::function::PyFunction {
            gc: Default::default(),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            name: std::cell::RefCell::new(std::rc::Rc::from(name.as_str())),
            globals,
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: Default::default(),
            kwdefaults_dict: Default::default(),
            closure,
            doc: std::cell::RefCell::new(doc),
            module: std::cell::RefCell::new(Value::Null),
            dict: Default::default(),
            annotations: Default::default(),
            code: crate::builtins::function::FunctionCode::new(code),
            weakrefs: Default::default(),
        },
    ))))
}

/// `types.CellType([contents])`: a cell, empty without an argument.
fn new_cell(args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    let contents = match args.pos {
        [] => Value::Null,
        [contents] => contents.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "cell expected at most 1 argument, got {}",
                args.pos.len()
            )));
        }
    };
    Ok(Value::obj(PyObject::Cell(
        crate::builtins::function::PyCell {
            gc: Default::default(),
            value: std::cell::RefCell::new(contents),
        },
    )))
}

fn cannot_create(t: &TypeObject) -> PyErr {
    PyErr::type_error(format!("cannot create '{}' instances", t.name))
}

/// `ValueError("x")`: any exception class, user subclasses included.
fn new_exception(t: &Rc<TypeObject>, args: Args) -> PyResult {
    PyErr::construct(t, args.pos, args.kw)
}

fn singleton(args: Args, name: &str, v: Value) -> PyResult {
    if args.pos.is_empty() && args.kw.is_empty() {
        Ok(v)
    } else {
        Err(PyErr::type_error(format!("{name} takes no arguments")))
    }
}

/// `object()`: a featureless instance of `object`.
fn new_object(args: Args) -> PyResult {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    Ok(Value::obj(PyObject::Instance(PyInstance::new(
        typeobject::builtin_type(BuiltinType::Object),
    ))))
}

/// `type(x)`; the three-argument form is checked but not supported yet.
fn type_call(args: Args) -> PyResult {
    match args.pos {
        [x] if args.kw.is_empty() => Ok(type_value(&typeobject::class_of(x))),
        [_] => Err(PyErr::type_error("type() takes no keyword arguments")),
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

// ---------------------------------------------------------------------------
// Numbers.

fn new_int(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("int", &args, &["base"])?;
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let x = args.pos.first();
    let Some(base) = param("int", &args, 1, "base")? else {
        return match x {
            None => Ok(Value::Int(0)),
            Some(v) => int_from(vm, v),
        };
    };
    let base = index_value(vm, base)?;
    let base = match int::as_int(&base) {
        Some(IntRef::Small(b)) if b == 0 || (2..=36).contains(&b) => b as u32,
        _ => {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
    };
    match x {
        None => Err(PyErr::type_error("int() missing string argument")),
        Some(v) => match (v.as_str_or_subclass(), crate::buffer::is_bytes_like(v)) {
            (Some(s), _) => int::parse(s.as_str(), base),
            (_, true) => int_from_bytes(v, base),
            _ => Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            )),
        },
    }
}

/// `int(x)` without a base.
pub(crate) fn int_from(vm: &mut Vm, v: &Value) -> PyResult {
    if let Some(i) = int::as_int(v) {
        return Ok(i.to_value());
    }
    match v {
        Value::Float(f) => return int::from_f64(f.get()),
        Value::Obj(o) => match &**o {
            PyObject::Str(s) => return int::parse(s.as_str(), 10),
            PyObject::Bytes(_) => return int_from_bytes(v, 10),
            PyObject::Native(_) if crate::buffer::is_bytes_like(v) => {
                return int_from_bytes(v, 10);
            }
            // Declared types answer too (a weak proxy's `__int__`).
            PyObject::Instance(_) | PyObject::Native(_) => {
                for dunder in ["__int__", "__index__", "__trunc__"] {
                    if let Some(r) = vm.call_dunder(v, dunder, Vec::new()).transpose() {
                        let r = r?;
                        return match int::as_int(&r) {
                            Some(i) => Ok(i.to_value()),
                            None => Err(PyErr::type_error(format!(
                                "{dunder} returned non-int (type {})",
                                r.type_name()
                            ))),
                        };
                    }
                }
                // A subclass of a builtin: convert the value it carries
                // (not a complex: the error names the subclass).
                if !std::ptr::eq(v.builtin_value(), v) && super::complex::as_complex(v).is_none() {
                    return int_from(vm, v.builtin_value());
                }
            }
            _ => {}
        },
        _ => {}
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        v.type_name()
    )))
}

/// `int(b"12", base)`: the bytes read as Latin-1 text, errors showing the
/// bytes' repr.
fn int_from_bytes(v: &Value, base: u32) -> PyResult {
    let text: String = match crate::buffer::bytes_like(v)? {
        Some(b) => b.iter().map(|&c| c as char).collect(),
        None => String::new(),
    };
    int::parse(&text, base).map_err(|e| {
        if e.message().starts_with("invalid literal") {
            PyErr::value_error(format!(
                "invalid literal for int() with base {base}: {}",
                protocol::repr(v).unwrap_or_default()
            ))
        } else {
            e
        }
    })
}

fn new_float(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("float", &args)?;
    expect_args("float", &args, 0, 1)?;
    match args.pos.first() {
        Some(v) => float_from(vm, v),
        None => Ok(Value::float(0.0)),
    }
}

/// `float(v)`.
pub(crate) fn float_from(vm: &mut Vm, v: &Value) -> PyResult {
    // A subclass of a builtin type may define `__float__` (CPython asks the
    // type's slot before looking at the value); a plain object's is asked
    // below, after the builtin kinds: asking here too called it twice.
    if !std::ptr::eq(v.builtin_value(), v)
        && let Some(r) = vm.call_dunder(v, "__float__", Vec::new())?
    {
        return float_result(v, r);
    }
    let original = v;
    let v = v.builtin_value();
    if let Value::Float(f) = v {
        return Ok(Value::float(f.get()));
    }
    if let Some(i) = int::as_int(v) {
        return i.to_f64().map(Value::float);
    }
    if let Some(s) = v.as_str_or_subclass() {
        return float::parse(s.as_str()).map(Value::float);
    }
    if let Some(b) = crate::buffer::bytes_like(v)? {
        let text: String = b.iter().map(|&c| c as char).collect();
        return float::parse(&text).map(Value::float).map_err(|_| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                protocol::repr(v).unwrap_or_default()
            ))
        });
    }
    if let Some(r) = vm.call_dunder(v, "__float__", Vec::new())? {
        return float_result(v, r);
    }
    if let Some(r) = vm.call_dunder(v, "__index__", Vec::new()).transpose() {
        let r = r?;
        if let Some(i) = int::as_int(&r) {
            return i.to_f64().map(Value::float);
        }
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        original.type_name()
    )))
}

/// What `float(v)` makes of `v.__float__()`'s result `r`.
fn float_result(v: &Value, r: Value) -> PyResult {
    match r {
        Value::Float(f) => Ok(Value::Float(f)),
        _ => match r.builtin_value() {
            // A float subclass: its value (CPython warns that this is
            // deprecated).
            Value::Float(f) => Ok(Value::float(f.get())),
            _ => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.type_name(),
                r.type_name()
            ))),
        },
    }
}

fn new_bool(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("bool", &args)?;
    expect_args("bool", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::bool(false)),
        Some(v) => vm.truthy_value(v).map(Value::bool),
    }
}

// ---------------------------------------------------------------------------
// Text and bytes.

fn str_param<'a>(fname: &str, what: &str, v: Option<&'a Value>) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => match v.as_str_or_subclass() {
            Some(s) => Ok(Some(s.as_str())),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument '{what}' must be str, not {}",
                v.type_name()
            ))),
        },
    }
}

fn new_str(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("str", &args, &["object", "encoding", "errors"])?;
    if args.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    let object = param("str", &args, 0, "object")?;
    let encoding = param("str", &args, 1, "encoding")?;
    let errors = param("str", &args, 2, "errors")?;
    if encoding.is_none() && errors.is_none() {
        return match object {
            None => Ok(Value::str("")),
            Some(v) if v.as_str().is_some() => Ok(v.clone()),
            Some(v) => vm.str_value(v),
        };
    }
    let encoding = str_param("str", "encoding", encoding)?.unwrap_or("utf-8");
    let errors = str_param("str", "errors", errors)?.unwrap_or("strict");
    match object {
        None => Ok(Value::str("")),
        Some(v) => match (crate::buffer::bytes_like(v)?, v.as_str_or_subclass()) {
            (Some(b), _) => decode(&b, encoding, errors).map(Value::str),
            (_, Some(_)) => Err(PyErr::type_error("decoding str is not supported")),
            _ => Err(PyErr::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                v.type_name()
            ))),
        },
    }
}

fn new_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let source = args.get(0, "source");
    if let Some(v) = source
        && args.len() + args.kw.len() == 1
    {
        // `bytes(b)` of an exact bytes object is that object.
        if matches!(v.as_obj(), Some(PyObject::Bytes(_))) {
            return Ok(v.clone());
        }
        if v.as_str_or_subclass().is_none()
            && let Some(result) = vm.call_dunder(v, "__bytes__", Vec::new())?
        {
            return match result.as_bytes_or_subclass() {
                Some(_) => Ok(result),
                None => Err(PyErr::type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    result.type_name()
                ))),
            };
        }
    }
    crate::builtins::bytearray::bytes_from_args(vm, "bytes", &args).map(Value::bytes)
}

pub use crate::builtins::codecs::{decode, encode};

/// The codec `encoding` names, by the name [`decode`] and [`encode`]
/// know it best (`LookupError: unknown encoding: x` if none).
pub fn codec_name(encoding: &str) -> PyResult<&'static str> {
    crate::builtins::codecs::Codec::lookup(encoding).map(crate::builtins::codecs::Codec::name)
}

// ---------------------------------------------------------------------------
// Containers.

fn new_list(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("list", &args)?;
    expect_args("list", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => collect(vm, v).map(Value::list),
    }
}

fn new_tuple(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("tuple", &args)?;
    expect_args("tuple", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::tuple(Vec::new())),
        // Tuples are immutable: `tuple(t) is t` (an exact tuple only).
        Some(v) if v.as_tuple().is_some() => Ok(v.clone()),
        Some(v) => collect(vm, v).map(Value::tuple),
    }
}

fn new_dict(vm: &mut Vm, args: Args) -> PyResult {
    expect_args("dict", &args, 0, 1)?;
    let d = PyDict::new();
    if let Some(src) = args.pos.first() {
        d.update_from(vm, src)?;
    }
    for (k, v) in args.kw {
        d.set_item(Value::str(*k), v.clone())?;
    }
    Ok(Value::dict(d))
}

fn new_set(vm: &mut Vm, args: Args, frozen: bool) -> PyResult {
    let name = if frozen { "frozenset" } else { "set" };
    no_kw(name, &args)?;
    expect_args(name, &args, 0, 1)?;
    let s = match args.pos.first() {
        None => PySet::new(),
        // Frozensets are immutable: `frozenset(f) is f`.
        Some(v) if frozen && matches!(v.as_obj(), Some(PyObject::FrozenSet(_))) => {
            return Ok(v.clone());
        }
        Some(v) => PySet::from_iterable(vm, v)?,
    };
    Ok(if frozen {
        Value::frozenset(s)
    } else {
        Value::set(s)
    })
}

fn new_range(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("range", &args)?;
    // Bounds with __index__ become ints first.
    let mut bounds = Vec::with_capacity(args.pos.len());
    for bound in args.pos {
        bounds.push(match crate::interpreter::class::user_class_of(bound) {
            Some(_) => index_value(vm, bound)?,
            None => bound.clone(),
        });
    }
    PyRange::from_args(&bounds)
}

fn new_slice(args: Args) -> PyResult {
    no_kw("slice", &args)?;
    expect_args("slice", &args, 1, 3)?;
    let (start, stop, step) = match args.pos {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("checked by expect_args"),
    };
    Ok(Value::obj(PyObject::Slice(PySlice::new(start, stop, step))))
}

// ---------------------------------------------------------------------------
// Iterator types.

fn new_enumerate(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("enumerate", &args, &["iterable", "start"])?;
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let iterable = param("enumerate", &args, 0, "iterable")?
        .ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    let start = match param("enumerate", &args, 1, "start")? {
        None => 0,
        Some(s) => {
            let s = index_value(vm, s)?;
            match int::as_int(&s).and_then(|i| i.to_i64()) {
                Some(start) => start,
                None => {
                    // Beyond i64: the pairs of a count from the start and
                    // the items.
                    let start = int::as_int(&s)
                        .map(|i| i.to_bigint().into_owned())
                        .unwrap_or_default();
                    let it = vm.iterate(iterable)?;
                    return Ok(iter::zip(vec![
                        crate::builtins::range::count_from(start),
                        it,
                    ]));
                }
            }
        }
    };
    let it = vm.iterate(iterable)?;
    iter::enumerate(vm, &it, start)
}

fn new_zip(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("zip", &args, &["strict"])?;
    let mut iters = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        iters.push(vm.iterate(v)?);
    }
    let strict = match args.kwarg("strict") {
        Some(s) => vm.truthy_value(s)?,
        None => false,
    };
    if strict {
        Ok(iter::zip_strict(iters))
    } else {
        Ok(iter::zip(iters))
    }
}

fn new_map(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("map", &args)?;
    let Some((func, iterables)) = args.pos.split_first().filter(|(_, rest)| !rest.is_empty())
    else {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    };
    let mut iters = Vec::with_capacity(iterables.len());
    for v in iterables {
        iters.push(vm.iterate(v)?);
    }
    iter::map(vm, func, &iters)
}

fn new_filter(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("filter", &args)?;
    expect_args("filter", &args, 2, 2)?;
    let it = vm.iterate(&args.pos[1])?;
    iter::filter(vm, &args.pos[0], &it)
}

fn new_reversed(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("reversed", &args)?;
    expect_args("reversed", &args, 1, 1)?;
    let v = &args.pos[0];
    if let Some(class) = crate::interpreter::class::user_class_of(v) {
        if matches!(class.lookup("__reversed__"), Some(Value::None)) {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                v.type_name()
            )));
        }
        if let Some(result) = vm.call_dunder(v, "__reversed__", Vec::new())? {
            return Ok(result);
        }
        // The sequence protocol: __len__ and __getitem__, last index first.
        // (A subclass of a builtin sequence reverses its own items.)
        if class.defines(Slot::GetItem) && v.builtin_value().is(v) {
            let n = vm.length(v)?;
            return Ok(iter::PyIterator::new(iter::IterKind::GetItemReversed {
                object: v.clone(),
                index: std::cell::Cell::new(i64::try_from(n).unwrap_or(i64::MAX)),
            })
            .into_value());
        }
    }
    iter::reversed(v)
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)] // `&[v.clone()]` reads best in tests
mod tests {
    use super::*;
    use crate::builtins::module::test_support::*;

    const NAN: f64 = f64::NAN;

    fn b(x: &[u8]) -> Value {
        Value::bytes(x.to_vec())
    }

    #[test]
    fn namespace_and_identity() {
        let names: Vec<&str> = builtin_types().iter().map(|(n, _)| *n).collect();
        for n in [
            "int",
            "str",
            "object",
            "type",
            "enumerate",
            "zip",
            "ValueError",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        for n in ["Exception", "StopIteration", "KeyError", "IOError", "bool"] {
            assert!(names.contains(&n), "{n}");
        }
        // `type(1) is int`, `type(enumerate([])) is enumerate`.
        assert!(value("type", &[Value::Int(1)]).is(&builtin("int")));
        let e = value("enumerate", &[ints(&[])]);
        assert!(value("type", &[e]).is(&builtin("enumerate")));
        assert!(builtin("IOError").is(&builtin("OSError")));
        assert_eq!(call("type", &[builtin("type")]), "<class 'type'>");
        assert_eq!(call("type", &[Value::None]), "<class 'NoneType'>");
        assert_eq!(
            call("type", &[builtin("len")]),
            "<class 'builtin_function_or_method'>"
        );
        assert_eq!(
            call("type", &[value("ValueError", &[s("x")])]),
            "<class 'ValueError'>"
        );
        assert_eq!(call("type", &[value("object", &[])]), "<class 'object'>");
        assert_eq!(
            call("type", &[]),
            "!! TypeError: type() takes 1 or 3 arguments"
        );
        assert_eq!(
            call("type", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: type() takes 1 or 3 arguments"
        );
        assert_eq!(
            call("type", &[Value::Int(1), Value::Int(2), Value::Int(3)]),
            "!! TypeError: type.__new__() argument 1 must be str, not int"
        );
        assert_eq!(
            call("type", &[s("A"), Value::Int(1), Value::Int(3)]),
            "!! TypeError: type.__new__() argument 2 must be tuple, not int"
        );
        assert_eq!(
            call_kw("type", &[Value::Int(1)], &[("x", Value::Int(1))]),
            "!! TypeError: type() takes no keyword arguments"
        );
        let none_type = value("type", &[Value::None]);
        let mut vm = test_vm();
        assert_eq!(
            show(crate::interpreter::Vm::call(
                &mut vm,
                &none_type,
                Args::default()
            )),
            "None"
        );
        assert_eq!(
            show(crate::interpreter::Vm::call(
                &mut vm,
                &none_type,
                Args::new(&[Value::Int(1)])
            )),
            "!! TypeError: NoneType takes no arguments"
        );
        let bf = value("type", &[builtin("len")]);
        assert_eq!(
            show(crate::interpreter::Vm::call(&mut vm, &bf, Args::default())),
            "!! TypeError: cannot create 'builtin_function_or_method' instances"
        );
    }

    #[test]
    fn int_constructor() {
        assert_eq!(call("int", &[]), "0");
        assert_eq!(call("int", &[Value::float(-3.9)]), "-3");
        assert_eq!(
            call("int", &[Value::float(3.0e20)]),
            "300000000000000000000"
        );
        assert_eq!(call("int", &[Value::bool(true)]), "1");
        assert_eq!(call("int", &[s("  42\n")]), "42");
        assert_eq!(call("int", &[s("1_000")]), "1000");
        assert_eq!(call("int", &[s("+7")]), "7");
        assert_eq!(call("int", &[s("-0")]), "0");
        assert_eq!(call("int", &[s("١٢")]), "12");
        assert_eq!(call("int", &[s("0x10"), Value::Int(0)]), "16");
        assert_eq!(call("int", &[s(" -0b101 "), Value::Int(0)]), "-5");
        assert_eq!(call("int", &[s(" 0x_1f "), Value::Int(16)]), "31");
        assert_eq!(call("int", &[s("Z"), Value::Int(36)]), "35");
        assert_eq!(call_kw("int", &[s("10")], &[("base", Value::Int(2))]), "2");
        assert_eq!(call("int", &[b(b" 12 ")]), "12");
        assert_eq!(call("int", &[b(b"z"), Value::Int(36)]), "35");
        assert_eq!(
            call("int", &[s("x")]),
            "!! ValueError: invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(
            call("int", &[s("")]),
            "!! ValueError: invalid literal for int() with base 10: ''"
        );
        assert_eq!(
            call("int", &[s("1.5")]),
            "!! ValueError: invalid literal for int() with base 10: '1.5'"
        );
        assert_eq!(
            call("int", &[s("010"), Value::Int(0)]),
            "!! ValueError: invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            call("int", &[b(b"x")]),
            "!! ValueError: invalid literal for int() with base 10: b'x'"
        );
        for base in [
            Value::Int(1),
            Value::Int(37),
            Value::Int(-1),
            Value::bool(true),
        ] {
            assert_eq!(
                call("int", &[s("12"), base]),
                "!! ValueError: int() base must be >= 2 and <= 36, or 0"
            );
        }
        assert_eq!(
            call("int", &[s("10"), Value::float(2.0)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("int", &[Value::float(1.5), Value::Int(10)]),
            "!! TypeError: int() can't convert non-string with explicit base"
        );
        assert_eq!(
            call("int", &[ints(&[])]),
            "!! TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'"
        );
        assert_eq!(
            call("int", &[Value::None]),
            "!! TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
        );
        assert_eq!(
            call_kw("int", &[], &[("x", Value::Int(5))]),
            "!! TypeError: 'x' is an invalid keyword argument for int()"
        );
        assert_eq!(
            call_kw("int", &[], &[("base", Value::Int(2))]),
            "!! TypeError: int() missing string argument"
        );
        assert_eq!(
            call("int", &[Value::float(NAN)]),
            "!! ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            call("int", &[Value::float(f64::INFINITY)]),
            "!! OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            call("int", &[s("1"), Value::Int(2), Value::Int(3)]),
            "!! TypeError: int() takes at most 2 arguments (3 given)"
        );
    }

    #[test]
    fn float_and_bool_constructors() {
        assert_eq!(call("float", &[]), "0.0");
        assert_eq!(call("float", &[s("  -1.5e3 ")]), "-1500.0");
        assert_eq!(call("float", &[s("inf")]), "inf");
        assert_eq!(call("float", &[s("-iNF")]), "-inf");
        assert_eq!(call("float", &[s("-nan")]), "nan");
        assert_eq!(call("float", &[s("1_0.5")]), "10.5");
        assert_eq!(call("float", &[s(".5")]), "0.5");
        assert_eq!(call("float", &[s("1e500")]), "inf");
        assert_eq!(call("float", &[Value::bool(true)]), "1.0");
        assert_eq!(
            call("float", &[big("1180591620717411303424")]),
            "1.1805916207174113e+21"
        );
        assert_eq!(call("float", &[b(b"1.5")]), "1.5");
        assert_eq!(
            call("float", &[s("x")]),
            "!! ValueError: could not convert string to float: 'x'"
        );
        assert_eq!(
            call("float", &[s("1__0")]),
            "!! ValueError: could not convert string to float: '1__0'"
        );
        assert_eq!(
            call("float", &[b(b"x")]),
            "!! ValueError: could not convert string to float: b'x'"
        );
        assert_eq!(
            call("float", &[ints(&[])]),
            "!! TypeError: float() argument must be a string or a real number, not 'list'"
        );
        assert_eq!(
            call_kw("float", &[], &[("x", Value::Int(1))]),
            "!! TypeError: float() takes no keyword arguments"
        );
        assert_eq!(
            call("float", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: float expected at most 1 argument, got 2"
        );
        let huge = Value::from_bigint(num_bigint::BigInt::from(10).pow(400u32));
        assert_eq!(
            call("float", &[huge]),
            "!! OverflowError: int too large to convert to float"
        );
        assert_eq!(call("bool", &[]), "False");
        assert_eq!(call("bool", &[ints(&[])]), "False");
        assert_eq!(call("bool", &[s("a")]), "True");
        assert_eq!(call("bool", &[Value::float(0.0)]), "False");
        assert_eq!(
            call("bool", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: bool expected at most 1 argument, got 2"
        );
        assert_eq!(
            call_kw("bool", &[], &[("x", Value::Int(1))]),
            "!! TypeError: bool() takes no keyword arguments"
        );
    }

    #[test]
    fn str_constructor_and_codecs() {
        assert_eq!(call("str", &[]), "''");
        assert_eq!(call("str", &[Value::None]), "'None'");
        assert_eq!(call("str", &[Value::float(1.5)]), "'1.5'");
        assert_eq!(
            call("str", &[Value::list(vec![Value::Int(1), s("a")])]),
            "\"[1, 'a']\""
        );
        assert_eq!(call("str", &[value("ValueError", &[s("x")])]), "'x'");
        assert_eq!(call("str", &[value("KeyError", &[s("k")])]), "\"'k'\"");
        assert_eq!(call("str", &[b(b"abc")]), "\"b'abc'\"");
        assert_eq!(call_kw("str", &[], &[("object", Value::Int(1))]), "'1'");
        assert_eq!(call("str", &[b("hé".as_bytes()), s("utf-8")]), "'hé'");
        assert_eq!(call("str", &[b(b"h\xe9"), s("latin-1")]), "'hé'");
        assert_eq!(call("str", &[b(b"a"), s("UTF8")]), "'a'");
        assert_eq!(
            call("str", &[b(b"a\xffb"), s("utf-8"), s("replace")]),
            "'a\u{fffd}b'"
        );
        assert_eq!(
            call("str", &[b(b"a\xffb"), s("utf-8"), s("ignore")]),
            "'ab'"
        );
        assert_eq!(call("str", &[b(b"a"), s("ascii"), s("bogus")]), "'a'");
        assert_eq!(call_kw("str", &[], &[("encoding", s("utf-8"))]), "''");
        assert_eq!(
            call_kw("str", &[b(b"ab")], &[("errors", s("strict"))]),
            "'ab'"
        );
        let fail = |data: &[u8], enc: &str| call("str", &[b(data), s(enc)]);
        assert_eq!(
            fail(b"\xff", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            fail(b"\xe9\xff", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte"
        );
        assert_eq!(
            fail(b"\xc3", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"
        );
        assert_eq!(
            fail(b"abc\xe2\x82", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 3-4: unexpected end of data"
        );
        assert_eq!(
            fail(b"\xe2\x82A", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            fail(b"\xc0\x80", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"
        );
        assert_eq!(
            fail(b"ab\xc3\xa9\xed\xa0\x80", "utf-8"),
            "!! UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 4: invalid continuation byte"
        );
        assert_eq!(
            fail(b"a\xffb", "ascii"),
            "!! UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)"
        );
        assert_eq!(
            fail(b"a", "bogus"),
            "!! LookupError: unknown encoding: bogus"
        );
        assert_eq!(
            call("str", &[b(b"\xff"), s("utf-8"), s("bogus")]),
            "!! LookupError: unknown error handler name 'bogus'"
        );
        assert_eq!(
            decode(b"\xed\xa0\x80", "utf-8", "replace").unwrap(),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(
            decode(b"\xe2\x82A", "utf-8", "replace").unwrap(),
            "\u{fffd}A"
        );
        assert_eq!(
            decode(b"\xc0\x80", "utf-8", "backslashreplace").unwrap(),
            "\\xc0\\x80"
        );
        assert_eq!(
            decode(b"\xff\xfe", "ascii", "replace").unwrap(),
            "\u{fffd}\u{fffd}"
        );
        assert_eq!(
            call("str", &[s("x"), s("utf-8")]),
            "!! TypeError: decoding str is not supported"
        );
        assert_eq!(
            call("str", &[Value::Int(1), s("utf-8")]),
            "!! TypeError: decoding to str: need a bytes-like object, int found"
        );
        assert_eq!(
            call("str", &[b(b"a"), Value::Int(1)]),
            "!! TypeError: str() argument 'encoding' must be str, not int"
        );
        assert_eq!(
            call("str", &[b(b"a"), s("utf-8"), Value::Int(1)]),
            "!! TypeError: str() argument 'errors' must be str, not int"
        );
        assert_eq!(
            call(
                "str",
                &[Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)]
            ),
            "!! TypeError: str() takes at most 3 arguments (4 given)"
        );
        assert_eq!(
            call_kw("str", &[], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for str()"
        );
    }

    #[test]
    fn bytes_constructor() {
        assert_eq!(call("bytes", &[]), "b''");
        assert_eq!(call("bytes", &[Value::Int(3)]), "b'\\x00\\x00\\x00'");
        assert_eq!(call("bytes", &[Value::bool(true)]), "b'\\x00'");
        assert_eq!(call("bytes", &[ints(&[1, 2])]), "b'\\x01\\x02'");
        assert_eq!(
            call("bytes", &[tup(&[Value::Int(65), Value::Int(66)])]),
            "b'AB'"
        );
        assert_eq!(
            call("bytes", &[value("range", &[Value::Int(3)])]),
            "b'\\x00\\x01\\x02'"
        );
        assert_eq!(call("bytes", &[b(b"ab")]), "b'ab'");
        assert_eq!(call("bytes", &[s("é"), s("utf-8")]), "b'\\xc3\\xa9'");
        assert_eq!(call("bytes", &[s("é"), s("latin-1")]), "b'\\xe9'");
        assert_eq!(
            call_kw("bytes", &[s("é")], &[("encoding", s("utf-8"))]),
            "b'\\xc3\\xa9'"
        );
        assert_eq!(call("bytes", &[s("aé€"), s("ascii"), s("ignore")]), "b'a'");
        assert_eq!(call("bytes", &[s("aé"), s("ascii"), s("replace")]), "b'a?'");
        assert_eq!(
            encode("aé€\u{1F600}", "ascii", "backslashreplace").unwrap(),
            b"a\\xe9\\u20ac\\U0001f600"
        );
        assert_eq!(
            call("bytes", &[s("é"), s("ascii")]),
            "!! UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"
        );
        assert_eq!(
            call("bytes", &[s("aé€b"), s("ascii")]),
            "!! UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(
            call("bytes", &[s("aé€b"), s("latin-1")]),
            "!! UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)"
        );
        assert_eq!(
            call("bytes", &[Value::Int(-1)]),
            "!! ValueError: negative count"
        );
        assert_eq!(
            call("bytes", &[s("abc")]),
            "!! TypeError: string argument without an encoding"
        );
        assert_eq!(
            call("bytes", &[ints(&[256])]),
            "!! ValueError: bytes must be in range(0, 256)"
        );
        assert_eq!(
            call("bytes", &[ints(&[-1])]),
            "!! ValueError: bytes must be in range(0, 256)"
        );
        assert_eq!(
            call("bytes", &[Value::list(vec![s("a")])]),
            "!! TypeError: 'str' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("bytes", &[Value::float(1.5)]),
            "!! TypeError: cannot convert 'float' object to bytes"
        );
        assert_eq!(
            call("bytes", &[s("a"), s("bogus")]),
            "!! LookupError: unknown encoding: bogus"
        );
        assert_eq!(
            call("bytes", &[ints(&[1]), s("utf-8")]),
            "!! TypeError: encoding without a string argument"
        );
        assert_eq!(
            call_kw("bytes", &[Value::Int(1)], &[("errors", s("strict"))]),
            "!! TypeError: errors without a string argument"
        );
        assert_eq!(
            call("bytes", &[s("a"), Value::Int(1)]),
            "!! TypeError: bytes() argument 'encoding' must be str, not int"
        );
        assert_eq!(
            call_kw("bytes", &[], &[("x", Value::Int(1))]),
            "!! TypeError: 'x' is an invalid keyword argument for bytes()"
        );
    }

    #[test]
    fn container_constructors() {
        assert_eq!(call("list", &[]), "[]");
        assert_eq!(call("list", &[s("ab")]), "['a', 'b']");
        assert_eq!(
            call("list", &[value("range", &[Value::Int(3)])]),
            "[0, 1, 2]"
        );
        let l = ints(&[1]);
        assert!(!value("list", &[l.clone()]).is(&l));
        assert_eq!(call("tuple", &[]), "()");
        assert_eq!(call("tuple", &[s("ab")]), "('a', 'b')");
        let t = tup(&[Value::Int(1)]);
        assert!(value("tuple", &[t.clone()]).is(&t));
        assert_eq!(call("dict", &[]), "{}");
        assert_eq!(
            call_kw("dict", &[], &[("a", Value::Int(1)), ("b", Value::Int(2))]),
            "{'a': 1, 'b': 2}"
        );
        let pairs = Value::list(vec![ints(&[1, 2]), s("ab")]);
        assert_eq!(call("dict", &[pairs]), "{1: 2, 'a': 'b'}");
        let d = value(
            "dict",
            &[Value::list(vec![tup(&[Value::Int(1), Value::Int(2)])])],
        );
        assert_eq!(
            call_kw("dict", &[d.clone()], &[("a", Value::Int(3))]),
            "{1: 2, 'a': 3}"
        );
        assert!(!value("dict", &[d.clone()]).is(&d));
        let zipped = value("zip", &[s("ab"), ints(&[1, 2])]);
        assert_eq!(call("dict", &[zipped]), "{'a': 1, 'b': 2}");
        assert_eq!(call("set", &[]), "set()");
        assert_eq!(call("set", &[ints(&[1, 2, 1])]), "{1, 2}");
        assert_eq!(call("frozenset", &[]), "frozenset()");
        assert_eq!(call("frozenset", &[ints(&[1, 2])]), "frozenset({1, 2})");
        let f = value("frozenset", &[ints(&[1])]);
        assert!(value("frozenset", &[f.clone()]).is(&f));
        for (name, msg) in [
            ("list", "list expected at most 1 argument, got 2"),
            ("tuple", "tuple expected at most 1 argument, got 2"),
            ("dict", "dict expected at most 1 argument, got 2"),
            ("set", "set expected at most 1 argument, got 2"),
            ("frozenset", "frozenset expected at most 1 argument, got 2"),
        ] {
            assert_eq!(
                call(name, &[Value::Int(1), Value::Int(2)]),
                format!("!! TypeError: {msg}")
            );
            if name != "dict" {
                assert_eq!(
                    call(name, &[Value::Int(1)]),
                    "!! TypeError: 'int' object is not iterable"
                );
                assert_eq!(
                    call_kw(name, &[], &[("x", Value::Int(1))]),
                    format!("!! TypeError: {name}() takes no keyword arguments")
                );
            }
        }
        assert_eq!(
            call("dict", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call("dict", &[ints(&[1])]),
            "!! TypeError: cannot convert dictionary update sequence element #0 to a sequence"
        );
        assert_eq!(
            call("dict", &[Value::list(vec![tup(&[Value::Int(1)])])]),
            "!! ValueError: dictionary update sequence element #0 has length 1; 2 is required"
        );
        assert_eq!(
            call("set", &[Value::list(vec![ints(&[])])]),
            "!! TypeError: unhashable type: 'list'"
        );
    }

    #[test]
    fn range_slice_object() {
        assert_eq!(call("range", &[Value::Int(5)]), "range(0, 5)");
        assert_eq!(
            call("range", &[Value::Int(1), Value::Int(10), Value::Int(3)]),
            "range(1, 10, 3)"
        );
        assert_eq!(call("range", &[Value::Int(-5)]), "range(0, -5)");
        assert_eq!(call("range", &[Value::bool(true)]), "range(0, 1)");
        assert_eq!(
            call("range", &[]),
            "!! TypeError: range expected at least 1 argument, got 0"
        );
        assert_eq!(
            call(
                "range",
                &[Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)]
            ),
            "!! TypeError: range expected at most 3 arguments, got 4"
        );
        assert_eq!(
            call("range", &[Value::Int(1), Value::Int(2), Value::Int(0)]),
            "!! ValueError: range() arg 3 must not be zero"
        );
        assert_eq!(
            call("range", &[Value::float(1.5)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call_kw("range", &[], &[("x", Value::Int(1))]),
            "!! TypeError: range() takes no keyword arguments"
        );
        assert_eq!(call("slice", &[Value::Int(3)]), "slice(None, 3, None)");
        assert_eq!(
            call("slice", &[Value::Int(1), Value::Int(2)]),
            "slice(1, 2, None)"
        );
        assert_eq!(call("slice", &[s("a"), s("b")]), "slice('a', 'b', None)");
        assert_eq!(
            call("slice", &[Value::Int(1), Value::Int(2), Value::Int(3)]),
            "slice(1, 2, 3)"
        );
        assert_eq!(
            call("slice", &[]),
            "!! TypeError: slice expected at least 1 argument, got 0"
        );
        assert_eq!(
            call(
                "slice",
                &[Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)]
            ),
            "!! TypeError: slice expected at most 3 arguments, got 4"
        );
        assert_eq!(
            call_kw("slice", &[Value::Int(1)], &[("x", Value::Int(1))]),
            "!! TypeError: slice() takes no keyword arguments"
        );
        assert!(call("object", &[]).starts_with("<"));
        assert_eq!(
            call("object", &[Value::Int(1)]),
            "!! TypeError: object() takes no arguments"
        );
        assert_eq!(
            call_kw("object", &[], &[("x", Value::Int(1))]),
            "!! TypeError: object() takes no arguments"
        );
    }

    #[test]
    fn iterator_types() {
        let all = |v: Value| call("list", &[v]);
        assert_eq!(
            all(value("enumerate", &[s("ab"), Value::Int(1)])),
            "[(1, 'a'), (2, 'b')]"
        );
        let e = show(
            crate::interpreter::Vm::call(
                &mut test_vm(),
                &builtin("enumerate"),
                Args::with_kw(&[s("ab")], &[("start", Value::Int(3))]),
            )
            .and_then(|v| crate::protocol::collect(&mut test_vm(), &v).map(Value::list)),
        );
        assert_eq!(e, "[(3, 'a'), (4, 'b')]");
        assert_eq!(
            call("enumerate", &[]),
            "!! TypeError: enumerate() missing required argument 'iterable'"
        );
        assert_eq!(
            call("enumerate", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call("enumerate", &[ints(&[]), Value::float(1.5)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call_kw("enumerate", &[ints(&[])], &[("x", Value::Int(1))]),
            "!! TypeError: 'x' is an invalid keyword argument for enumerate()"
        );
        assert_eq!(
            call("enumerate", &[ints(&[]), Value::Int(1), Value::Int(2)]),
            "!! TypeError: enumerate() takes at most 2 arguments (3 given)"
        );
        assert_eq!(all(value("zip", &[])), "[]");
        assert_eq!(all(value("zip", &[ints(&[1, 2])])), "[(1,), (2,)]");
        assert_eq!(
            all(value("zip", &[s("abc"), value("range", &[Value::Int(2)])])),
            "[('a', 0), ('b', 1)]"
        );
        let strict = |pos: &[Value]| {
            let mut vm = test_vm();
            show(
                crate::interpreter::Vm::call(
                    &mut vm,
                    &builtin("zip"),
                    Args::with_kw(pos, &[("strict", Value::bool(true))]),
                )
                .and_then(|z| crate::protocol::collect(&mut vm, &z).map(Value::list)),
            )
        };
        assert_eq!(strict(&[s("ab"), s("cd")]), "[('a', 'c'), ('b', 'd')]");
        assert_eq!(
            strict(&[ints(&[1, 2]), ints(&[1])]),
            "!! ValueError: zip() argument 2 is shorter than argument 1"
        );
        assert_eq!(
            strict(&[ints(&[1]), ints(&[1, 2])]),
            "!! ValueError: zip() argument 2 is longer than argument 1"
        );
        assert_eq!(
            strict(&[ints(&[1]), ints(&[1]), ints(&[1, 2])]),
            "!! ValueError: zip() argument 3 is longer than arguments 1-2"
        );
        assert_eq!(
            call("zip", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call_kw("zip", &[], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for zip()"
        );
        assert_eq!(
            all(value("map", &[builtin("abs"), ints(&[-1, 2])])),
            "[1, 2]"
        );
        assert_eq!(
            all(value(
                "map",
                &[builtin("pow"), ints(&[2, 3]), ints(&[2, 2])]
            )),
            "[4, 9]"
        );
        assert_eq!(
            call("map", &[builtin("abs")]),
            "!! TypeError: map() must have at least two arguments."
        );
        assert_eq!(
            call_kw(
                "map",
                &[builtin("abs"), ints(&[1])],
                &[("x", Value::Int(1))]
            ),
            "!! TypeError: map() takes no keyword arguments"
        );
        assert_eq!(all(value("filter", &[Value::None, ints(&[0, 1])])), "[1]");
        assert_eq!(
            all(value(
                "filter",
                &[builtin("bool"), Value::list(vec![s(""), s("a")])]
            )),
            "['a']"
        );
        assert_eq!(
            call("filter", &[Value::Int(1)]),
            "!! TypeError: filter expected 2 arguments, got 1"
        );
        assert_eq!(all(value("reversed", &[ints(&[1, 2])])), "[2, 1]");
        assert_eq!(all(value("reversed", &[s("abc")])), "['c', 'b', 'a']");
        assert_eq!(
            call("reversed", &[]),
            "!! TypeError: reversed expected 1 argument, got 0"
        );
        assert_eq!(
            call("reversed", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not reversible"
        );
    }

    #[test]
    fn exception_classes() {
        assert_eq!(
            call("ValueError", &[s("x"), Value::Int(1)]),
            "ValueError('x', 1)"
        );
        assert_eq!(call("KeyError", &[s("k")]), "KeyError('k')");
        assert_eq!(call("Exception", &[]), "Exception()");
        assert_eq!(call("StopIteration", &[Value::Int(5)]), "StopIteration(5)");
        assert_eq!(call("OSError", &[s("x")]), "OSError('x')");
        let e = value("Exception", &[s("a"), s("b")]);
        assert_eq!(
            show(crate::protocol::get_attribute(&e, "args")),
            "('a', 'b')"
        );
        let err = crate::builtins::exception::PyErr::from_value(&e).unwrap();
        assert_eq!(err.to_string(), "Exception: ('a', 'b')");
        assert_eq!(
            call_kw("ValueError", &[], &[("x", Value::Int(1))]),
            "!! TypeError: ValueError() takes no keyword arguments"
        );
    }
}
