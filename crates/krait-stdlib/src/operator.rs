//! `_operator`: the operator functions programs pass as keys and
//! callbacks (`sorted(..., key=itemgetter(1))`, `reduce(add, ...)`) in
//! Rust, so calling one costs a native call rather than a Python frame.
//! `lib/operator.py` defines every function in Python and takes these in
//! their place, as CPython's `operator.py` takes `_operator`'s.

use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::protocol::{BinaryOp, CompareOp, UnaryOp};
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use crate::util::{method, type_value};

macro_rules! functions {
    ($($name:literal => $body:expr;)*) => {
        pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
            Ok(vec![
                $((
                    $name,
                    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                        name: $name,
                        func: $body,
                    })),
                ),)*
                (
                    "_compare_digest",
                    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                        name: "_compare_digest",
                        func: crate::hashlib::compare_digest,
                    })),
                ),
                ("itemgetter", type_value(ITEMGETTER.with(Rc::clone))),
                ("attrgetter", type_value(ATTRGETTER.with(Rc::clone))),
                ("methodcaller", type_value(METHODCALLER.with(Rc::clone))),
            ])
        }
    };
}

/// Checks an operator function's positional count, with CPython's
/// message (`add expected 2 arguments, got 1`).
fn arity(args: &Args, name: &str, n: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.pos.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name} expected {n} argument{plural}, got {}",
            args.pos.len()
        )));
    }
    Ok(())
}

fn binary(vm: &mut Vm, args: Args, name: &str, op: BinaryOp) -> PyResult {
    arity(&args, name, 2)?;
    vm.binary(op, &args.pos[0], &args.pos[1])
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    arity(&args, name, 2)?;
    vm.rich_compare(op, &args.pos[0], &args.pos[1])
}

fn unary(vm: &mut Vm, args: Args, name: &str, op: UnaryOp) -> PyResult {
    arity(&args, name, 1)?;
    vm.unary_value(op, &args.pos[0])
}

functions! {
    "add" => |vm, a| binary(vm, a, "add", BinaryOp::Add);
    "sub" => |vm, a| binary(vm, a, "sub", BinaryOp::Sub);
    "mul" => |vm, a| binary(vm, a, "mul", BinaryOp::Mul);
    "truediv" => |vm, a| binary(vm, a, "truediv", BinaryOp::TrueDiv);
    "floordiv" => |vm, a| binary(vm, a, "floordiv", BinaryOp::FloorDiv);
    "mod" => |vm, a| binary(vm, a, "mod", BinaryOp::Mod);
    "pow" => |vm, a| binary(vm, a, "pow", BinaryOp::Pow);
    "matmul" => |vm, a| binary(vm, a, "matmul", BinaryOp::MatMul);
    "lshift" => |vm, a| binary(vm, a, "lshift", BinaryOp::LShift);
    "rshift" => |vm, a| binary(vm, a, "rshift", BinaryOp::RShift);
    "and_" => |vm, a| binary(vm, a, "and_", BinaryOp::And);
    "or_" => |vm, a| binary(vm, a, "or_", BinaryOp::Or);
    "xor" => |vm, a| binary(vm, a, "xor", BinaryOp::Xor);
    "lt" => |vm, a| compare(vm, a, "lt", CompareOp::Lt);
    "le" => |vm, a| compare(vm, a, "le", CompareOp::Le);
    "eq" => |vm, a| compare(vm, a, "eq", CompareOp::Eq);
    "ne" => |vm, a| compare(vm, a, "ne", CompareOp::Ne);
    "gt" => |vm, a| compare(vm, a, "gt", CompareOp::Gt);
    "ge" => |vm, a| compare(vm, a, "ge", CompareOp::Ge);
    "neg" => |vm, a| unary(vm, a, "neg", UnaryOp::Neg);
    "pos" => |vm, a| unary(vm, a, "pos", UnaryOp::Pos);
    "invert" => |vm, a| unary(vm, a, "invert", UnaryOp::Invert);
    "inv" => |vm, a| unary(vm, a, "inv", UnaryOp::Invert);
    "not_" => |vm, a| {
        arity(&a, "not_", 1)?;
        Ok(Value::bool(!vm.truthy_value(&a.pos[0])?))
    };
    "truth" => |vm, a| {
        arity(&a, "truth", 1)?;
        Ok(Value::bool(vm.truthy_value(&a.pos[0])?))
    };
    "is_" => |_, a| {
        arity(&a, "is_", 2)?;
        Ok(Value::bool(a.pos[0].is(&a.pos[1])))
    };
    "is_not" => |_, a| {
        arity(&a, "is_not", 2)?;
        Ok(Value::bool(!a.pos[0].is(&a.pos[1])))
    };
    "getitem" => |vm, a| {
        arity(&a, "getitem", 2)?;
        vm.subscript_get(&a.pos[0], a.pos[1].clone())
    };
    "setitem" => |vm, a| {
        arity(&a, "setitem", 3)?;
        vm.subscript_set(&a.pos[0], a.pos[1].clone(), a.pos[2].clone())?;
        Ok(Value::None)
    };
    "delitem" => |vm, a| {
        arity(&a, "delitem", 2)?;
        vm.subscript_delete(&a.pos[0], a.pos[1].clone())?;
        Ok(Value::None)
    };
    "contains" => |vm, a| {
        arity(&a, "contains", 2)?;
        Ok(Value::bool(vm.contains_value(&a.pos[0], &a.pos[1])?))
    };
}

thread_local! {
    static ITEMGETTER: Rc<TypeObject> = native_type_in("operator", "itemgetter", ITEMGETTER_METHODS);
    static ATTRGETTER: Rc<TypeObject> = native_type_in("operator", "attrgetter", ATTRGETTER_METHODS);
    static METHODCALLER: Rc<TypeObject> =
        native_type_in("operator", "methodcaller", METHODCALLER_METHODS);
}

/// A sequence of values shown as call arguments (`1, 'a'`).
fn argument_list(vm: &mut Vm, values: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(values.len());
    for value in values {
        parts.push(vm.repr(value)?);
    }
    Ok(parts.join(", "))
}

/// The object's type name for a repr (`operator.itemgetter`, or a
/// subclass's own name).
fn class_name(receiver: &Value) -> String {
    krait_vm::typeobject::class_of(receiver).qualified_name()
}

/// The one argument of a getter's call.
fn single_argument<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    arity(args, name, 1)?;
    Ok(&args.pos[0])
}

// ---------------------------------------------------------------------------
// itemgetter

struct ItemGetter(Vec<Value>);

impl NativeData for ItemGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.iter().for_each(visit);
    }
}

fn itemgetter_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("itemgetter() takes no keyword arguments"));
    }
    if args.pos.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(NativeObject::new_value(
        ITEMGETTER.with(Rc::clone),
        ItemGetter(args.pos.to_vec()),
    ))
}

fn itemgetter_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let object = single_argument(&args, "itemgetter")?;
    let getter = receiver
        .native::<ItemGetter>()
        .ok_or_else(|| PyErr::type_error("itemgetter expected"))?;
    if let [item] = getter.0.as_slice() {
        return vm.subscript_get(object, item.clone());
    }
    let items = getter.0.clone();
    let mut values = Vec::with_capacity(items.len());
    for item in items {
        values.push(vm.subscript_get(object, item)?);
    }
    Ok(Value::tuple(values))
}

fn itemgetter_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let items = receiver
        .native::<ItemGetter>()
        .map(|g| g.0.clone())
        .unwrap_or_default();
    let text = argument_list(vm, &items)?;
    Ok(Value::str(format!("{}({text})", class_name(receiver))))
}

fn itemgetter_reduce(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let items = receiver
        .native::<ItemGetter>()
        .map(|g| g.0.clone())
        .unwrap_or_default();
    let class =
        krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(receiver));
    Ok(Value::tuple(vec![class, Value::tuple(items)]))
}

static ITEMGETTER_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, itemgetter_new),
    method("__call__", Params::Any, itemgetter_call),
    method("__repr__", Params::NoArgs, itemgetter_repr),
    method("__reduce__", Params::NoArgs, itemgetter_reduce),
];

// ---------------------------------------------------------------------------
// attrgetter

/// Each attribute path, split at its dots into interned names (attribute
/// tables match them by identity); `names` keeps the originals for the
/// repr.
struct AttrGetter {
    paths: Vec<Vec<Value>>,
    names: Vec<Value>,
}

impl NativeData for AttrGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.names.iter().for_each(&mut *visit);
        self.paths.iter().flatten().for_each(visit);
    }
}

fn attrgetter_new(vm: &mut Vm, _: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("attrgetter() takes no keyword arguments"));
    }
    if args.pos.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.pos.len());
    for name in args.pos {
        let Some(text) = name.as_str_or_subclass() else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        paths.push(
            text.as_str()
                .split('.')
                .map(|part| vm.intern(part))
                .collect(),
        );
    }
    Ok(NativeObject::new_value(
        ATTRGETTER.with(Rc::clone),
        AttrGetter {
            paths,
            names: args.pos.to_vec(),
        },
    ))
}

fn resolve(vm: &mut Vm, object: &Value, path: &[Value]) -> PyResult {
    match path {
        [name] => vm.get_attr_value(object, name),
        _ => {
            let mut value = object.clone();
            for name in path {
                value = vm.get_attr_value(&value, name)?;
            }
            Ok(value)
        }
    }
}

fn attrgetter_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let object = single_argument(&args, "attrgetter")?;
    // (The getter lives as long as `receiver`, which the caller holds:
    // its paths are read in place while attributes run Python code.)
    let getter = receiver
        .native::<AttrGetter>()
        .ok_or_else(|| PyErr::type_error("attrgetter expected"))?;
    if let [path] = getter.paths.as_slice() {
        return resolve(vm, object, path);
    }
    let mut values = Vec::with_capacity(getter.paths.len());
    for path in &getter.paths {
        values.push(resolve(vm, object, path)?);
    }
    Ok(Value::tuple(values))
}

fn attrgetter_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let names = receiver
        .native::<AttrGetter>()
        .map(|g| g.names.clone())
        .unwrap_or_default();
    let text = argument_list(vm, &names)?;
    Ok(Value::str(format!("{}({text})", class_name(receiver))))
}

fn attrgetter_reduce(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let names = receiver
        .native::<AttrGetter>()
        .map(|g| g.names.clone())
        .unwrap_or_default();
    let class =
        krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(receiver));
    Ok(Value::tuple(vec![class, Value::tuple(names)]))
}

static ATTRGETTER_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, attrgetter_new),
    method("__call__", Params::Any, attrgetter_call),
    method("__repr__", Params::NoArgs, attrgetter_repr),
    method("__reduce__", Params::NoArgs, attrgetter_reduce),
];

// ---------------------------------------------------------------------------
// methodcaller

struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
}

impl NativeData for MethodCaller {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.args.iter().for_each(&mut *visit);
        self.kwargs.iter().for_each(|(_, v)| visit(v));
    }
}

fn methodcaller_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    let Some(name) = args.pos.first() else {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if name.as_str_or_subclass().is_none() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    let name = name.clone();
    Ok(NativeObject::new_value(
        METHODCALLER.with(Rc::clone),
        MethodCaller {
            name,
            args: args.pos[1..].to_vec(),
            kwargs: args
                .kw
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let object = single_argument(&args, "methodcaller")?;
    let caller = receiver
        .native::<MethodCaller>()
        .ok_or_else(|| PyErr::type_error("methodcaller expected"))?;
    let name = caller
        .name
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let positional = caller.args.clone();
    let keywords = caller.kwargs.clone();
    let method = vm.get_attr(object, &name)?;
    let kw: Vec<(&str, Value)> = keywords
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    vm.call(&method, Args::with_kw(&positional, &kw))
}

fn methodcaller_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let Some(caller) = receiver.native::<MethodCaller>() else {
        return Ok(Value::str(class_name(receiver)));
    };
    let (name, positional, keywords) = (
        caller.name.clone(),
        caller.args.clone(),
        caller.kwargs.clone(),
    );
    let mut parts = vec![vm.repr(&name)?];
    for value in &positional {
        parts.push(vm.repr(value)?);
    }
    for (key, value) in &keywords {
        parts.push(format!("{key}={}", vm.repr(value)?));
    }
    Ok(Value::str(format!(
        "{}({})",
        class_name(receiver),
        parts.join(", ")
    )))
}

static METHODCALLER_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, methodcaller_new),
    method("__call__", Params::Any, methodcaller_call),
    method("__repr__", Params::NoArgs, methodcaller_repr),
];
