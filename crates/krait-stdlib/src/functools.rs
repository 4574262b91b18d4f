//! `_functools`: `reduce`, `cmp_to_key` and the cores of `lru_cache` and
//! `partial` in Rust, so folding calls its function from a native loop, a
//! cache hit costs one dict lookup, a sort by `cmp_to_key` one call of the
//! comparison function per comparison and a partial's call one call
//! (`lib/functools.py` takes them in place of its own, as CPython's
//! `functools.py` takes `_functools`'s).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::builtins::dict::PyDict;
use krait_vm::builtins::function::{Params, PyBuiltinFunction};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm, protocol};

use crate::util::{method, type_value};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        (
            "reduce",
            Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                name: "reduce",
                func: reduce,
            })),
        ),
        ("_lru_cache_wrapper", type_value(LRU_CACHE.with(Rc::clone))),
        ("partial", type_value(PARTIAL.with(Rc::clone))),
        (
            "cmp_to_key",
            Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                name: "cmp_to_key",
                func: cmp_to_key,
            })),
        ),
    ])
}

// ---------------------------------------------------------------------------
// cmp_to_key

thread_local! {
    static KEY_WRAPPER: Rc<TypeObject> = native_type_in("functools", "KeyWrapper", KEY_METHODS);
}

/// What `cmp_to_key(mycmp)` returns (no `obj`), and what calling that
/// returns: a key holding `obj` that compares through `mycmp`.
struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

impl NativeData for KeyWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(obj) = &self.obj {
            visit(obj);
        }
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "obj" => self.obj.clone(),
            _ => None,
        }
    }

    /// `mycmp(a.obj, b.obj) <op> 0`, with no method looked up: a sort
    /// makes one Python call per comparison.
    fn compare(
        &self,
        vm: &mut Vm,
        _: &Value,
        op: protocol::CompareOp,
        other: &Value,
    ) -> Option<PyResult> {
        Some(key_compare(vm, self, op, other))
    }
}

fn key_compare(vm: &mut Vm, key: &KeyWrapper, op: protocol::CompareOp, other: &Value) -> PyResult {
    let Some(other) = other.native::<KeyWrapper>() else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let (Some(a), Some(b)) = (&key.obj, &other.obj) else {
        return Err(PyErr::new(
            krait_vm::typeobject::ExcType::AttributeError,
            "object",
        ));
    };
    let order = vm.call(&key.cmp, Args::new(&[a.clone(), b.clone()]))?;
    vm.rich_compare(op, &order, &Value::Int(0))
}

fn cmp_to_key(_: &mut Vm, args: Args) -> PyResult {
    let given = args.pos.len() + args.kw.len();
    let cmp = match args.get(0, "mycmp") {
        Some(cmp) if given == 1 => cmp.clone(),
        _ if given == 0 => {
            return Err(PyErr::type_error(
                "cmp_to_key() missing required argument 'mycmp' (pos 1)",
            ));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "cmp_to_key() takes at most 1 argument ({given} given)"
            )));
        }
    };
    Ok(NativeObject::new_value(
        KEY_WRAPPER.with(Rc::clone),
        KeyWrapper { cmp, obj: None },
    ))
}

/// `K(obj)`: a key for `obj`.
fn key_call(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(key) = receiver.native::<KeyWrapper>() else {
        return Err(PyErr::type_error(
            "descriptor requires a 'functools.KeyWrapper' object",
        ));
    };
    let given = args.pos.len() + args.kw.len();
    let obj = args.get(0, "obj");
    match obj {
        Some(obj) if given == 1 => Ok(NativeObject::new_value(
            KEY_WRAPPER.with(Rc::clone),
            KeyWrapper {
                cmp: key.cmp.clone(),
                obj: Some(obj.clone()),
            },
        )),
        None if given == 0 => Err(PyErr::type_error(
            "K() missing required argument 'obj' (pos 1)",
        )),
        _ => Err(PyErr::type_error(format!(
            "K() takes at most 1 argument ({given} given)"
        ))),
    }
}

macro_rules! key_comparisons {
    ($($name:literal => $op:ident),*) => {
        static KEY_METHODS: &[krait_vm::builtins::function::MethodDef] = &[
            method("__call__", Params::Any, key_call),
            method("__hash__", Params::NoArgs, |_, _, _| {
                Err(PyErr::type_error("unhashable type: 'functools.KeyWrapper'"))
            }),
            $(method($name, Params::One, |vm, receiver, args| {
                let key = receiver
                    .native::<KeyWrapper>()
                    .ok_or_else(|| PyErr::type_error("descriptor requires a 'functools.KeyWrapper' object"))?;
                key_compare(vm, key, protocol::CompareOp::$op, &args.pos[0])
            }),)*
        ];
    };
}

key_comparisons!("__lt__" => Lt, "__le__" => Le, "__eq__" => Eq, "__ne__" => Ne, "__gt__" => Gt, "__ge__" => Ge);

// ---------------------------------------------------------------------------
// lru_cache

thread_local! {
    static LRU_CACHE: Rc<TypeObject> =
        native_type_in("functools", "_lru_cache_wrapper", LRU_METHODS);
}

/// The state of one `@lru_cache` wrapper: the function, its results by
/// argument key, in least- to most-recently used order (a hit moves its
/// key to the end; a full cache drops its first key), and the counters of
/// `cache_info()`.
struct LruCache {
    function: Value,
    /// `None`: unbounded (`maxsize=None`).
    maxsize: Option<usize>,
    typed: bool,
    /// The named tuple type `cache_info()` returns.
    info_type: Value,
    cache: PyDict,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl NativeData for LruCache {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.function);
        visit(&self.info_type);
        self.cache.traverse(visit);
    }
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
/// (`lib/functools.py` checks that the function is callable.)
fn lru_new(vm: &mut Vm, _: &Value, args: Args) -> PyResult {
    let [function, maxsize, typed, info_type] = args.pos else {
        return Err(PyErr::type_error(
            "_lru_cache_wrapper() takes exactly 4 arguments",
        ));
    };
    let maxsize = match maxsize {
        Value::None => None,
        Value::Int(n) => Some((*n).max(0) as usize),
        _ => return Err(PyErr::type_error("maxsize should be integer or None")),
    };
    Ok(NativeObject::new_value(
        LRU_CACHE.with(Rc::clone),
        LruCache {
            function: function.clone(),
            maxsize,
            typed: vm.truthy_value(typed)?,
            info_type: info_type.clone(),
            cache: PyDict::new(),
            hits: Cell::new(0),
            misses: Cell::new(0),
        },
    ))
}

fn this(receiver: &Value) -> PyResult<&LruCache> {
    receiver
        .native::<LruCache>()
        .ok_or_else(|| PyErr::type_error("_lru_cache_wrapper expected"))
}

/// The cache key of a call, as CPython's `_make_key`: the positional
/// arguments, then a marker and the keyword names and values, then (when
/// `typed`) the argument types; a lone int or str argument is its own key.
fn make_key(args: &Args, typed: bool) -> Value {
    if let ([only], [], false) = (args.pos, args.kw, typed)
        && is_fast_key(only)
    {
        return only.clone();
    }
    let mut key = args.pos.to_vec();
    if !args.kw.is_empty() {
        // The wrapper type itself marks where the keywords start: no
        // caller passes it as an argument.
        key.push(type_value(LRU_CACHE.with(Rc::clone)));
        for (name, value) in args.kw {
            key.push(Value::str(*name));
            key.push(value.clone());
        }
    }
    if typed {
        let types = args
            .pos
            .iter()
            .chain(args.kw.iter().map(|(_, v)| v))
            .map(|v| type_value(krait_vm::typeobject::class_of(v)))
            .collect::<Vec<_>>();
        key.extend(types);
    }
    Value::tuple(key)
}

/// An exact int or str: hashing and comparing it runs no Python code, and
/// it cannot equal a tuple key.
fn is_fast_key(value: &Value) -> bool {
    matches!(value, Value::Int(_))
        || value.as_str().is_some()
        || matches!(value.as_obj(), Some(PyObject::Int(_)))
}

fn lru_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let lru = this(receiver)?;
    if lru.maxsize == Some(0) {
        lru.misses.set(lru.misses.get() + 1);
        let function = lru.function.clone();
        return vm.call(&function, args);
    }
    let key = make_key(&args, lru.typed);
    // The key is hashed once (its `__hash__` may be Python code): the
    // lookup, the insertion after a miss and the recheck use that hash.
    let (found, hash) = lru.cache.lookup_vm(vm, &key)?;
    if let Some(i) = found
        && let Some(value) = lru.cache.value_at(i)
    {
        if lru.maxsize.is_some() {
            // A hit is now the most recently used.
            lru.cache.move_entry(i, true);
        }
        lru.hits.set(lru.hits.get() + 1);
        return Ok(value);
    }
    lru.misses.set(lru.misses.get() + 1);
    let version = lru.cache.version();
    let function = lru.function.clone();
    let result = vm.call(&function, args)?;
    // The call may have run this wrapper again (recursion): `receiver`
    // still holds `lru`. A bounded cache keeps a key cached meanwhile as
    // it is; an unbounded one takes the new result, as CPython's do.
    let present = match lru.cache.version() == version {
        true => None,
        false => lru.cache.lookup_hashed_vm(vm, &key, hash)?,
    };
    match (present, lru.maxsize) {
        (Some(_), Some(_)) => return Ok(result),
        (Some(i), None) => {
            drop(lru.cache.set_value_at(i, result.clone()));
            return Ok(result);
        }
        (None, Some(maxsize)) if lru.cache.len() >= maxsize => {
            let oldest = lru.cache.table_mut().pop_first();
            drop(oldest);
        }
        (None, _) => {}
    }
    lru.cache.insert_absent(hash, key, result.clone());
    Ok(result)
}

fn lru_cache_info(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let lru = this(receiver)?;
    let maxsize = lru.maxsize.map_or(Value::None, |n| Value::Int(n as i64));
    let info_type = lru.info_type.clone();
    let fields = [
        Value::Int(lru.hits.get() as i64),
        Value::Int(lru.misses.get() as i64),
        maxsize,
        Value::Int(lru.cache.len() as i64),
    ];
    vm.call(&info_type, Args::new(&fields))
}

fn lru_cache_clear(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let lru = this(receiver)?;
    let old = std::mem::take(&mut *lru.cache.table_mut());
    drop(old);
    lru.hits.set(0);
    lru.misses.set(0);
    Ok(Value::None)
}

static LRU_METHODS: &[krait_vm::builtins::function::MethodDef] = &[
    method("__new__", Params::Any, lru_new),
    method("__call__", Params::Any, lru_call),
    method("cache_info", Params::NoArgs, lru_cache_info),
    method("cache_clear", Params::NoArgs, lru_cache_clear),
];

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("reduce() takes no keyword arguments"));
    }
    let n = args.pos.len();
    if !(2..=3).contains(&n) {
        let bound = if n < 2 { "least 2" } else { "most 3" };
        return Err(PyErr::type_error(format!(
            "reduce expected at {bound} arguments, got {n}"
        )));
    }
    let function = &args.pos[0];
    let iterator = vm.iterate(&args.pos[1]).map_err(|err| {
        if err.matches(krait_vm::typeobject::ExcType::TypeError) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            err
        }
    })?;
    let mut value = match args.pos.get(2) {
        Some(initial) => initial.clone(),
        None => protocol::next(vm, &iterator)?
            .ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))?,
    };
    while let Some(element) = protocol::next(vm, &iterator)? {
        value = vm.call(function, Args::new(&[value, element]))?;
    }
    Ok(value)
}

// ---------------------------------------------------------------------------
// partial

thread_local! {
    static PARTIAL: Rc<TypeObject> = native_type_in("functools", "partial", PARTIAL_METHODS);
}

/// A partial application: the callable, the positional arguments (a
/// tuple) and the keyword arguments (a dict) it adds to each call.
/// `lib/functools.py`'s `partial` subclasses it (for `__dict__`, weak
/// references, `repr`, pickling); `__setstate__` replaces the three.
struct Partial {
    func: RefCell<Value>,
    args: RefCell<Value>,
    keywords: RefCell<Value>,
}

impl NativeData for Partial {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for part in [&self.func, &self.args, &self.keywords] {
            if let Ok(value) = part.try_borrow() {
                visit(&value);
            }
        }
    }
}

fn this_partial(receiver: &Value) -> PyResult<&Partial> {
    receiver.native::<Partial>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'functools.partial' object but received a '{}'",
            receiver.type_name()
        ))
    })
}

/// The items of a tuple value (empty for anything else).
fn tuple_items(value: &Value) -> &[Value] {
    match value.as_obj() {
        Some(PyObject::Tuple(t)) => t.as_slice(),
        _ => &[],
    }
}

/// `partial(func, /, *args, **keywords)`. A partial of a partial whose
/// call is this one and that carries no attributes of its own is
/// flattened (`partial(partial(f, 1), 2)` is `partial(f, 1, 2)`), as
/// CPython's.
fn partial_new(vm: &mut Vm, _: &Value, args: Args) -> PyResult {
    let Some((func, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    };
    if !krait_vm::builtins::module::is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut func = func.clone();
    let mut positional: Vec<Value> = rest.to_vec();
    let keywords = PyDict::new();
    if let Some(inner) = func.native::<Partial>()
        && calls_as_partial(&func)
        && !carries_attributes(vm, &func)?
    {
        let mut all = tuple_items(&inner.args.borrow()).to_vec();
        all.append(&mut positional);
        positional = all;
        if let Some(stored) = inner.keywords.borrow().as_dict() {
            for (key, value) in stored.items() {
                keywords.set_item_vm(vm, key, value)?;
            }
        }
        let wrapped = inner.func.borrow().clone();
        func = wrapped;
    }
    for (name, value) in args.kw {
        keywords.set_item(Value::str(*name), value.clone())?;
    }
    Ok(NativeObject::new_value(
        PARTIAL.with(Rc::clone),
        Partial {
            func: RefCell::new(func),
            args: RefCell::new(Value::tuple(positional)),
            keywords: RefCell::new(Value::dict(keywords)),
        },
    ))
}

/// Whether calling `value` is this type's `__call__` (a subclass may
/// define its own: then it is not flattened).
fn calls_as_partial(value: &Value) -> bool {
    let class = krait_vm::typeobject::class_of(value);
    match class.lookup("__call__").as_ref().and_then(Value::as_obj) {
        Some(PyObject::MethodDescriptor(method)) => std::ptr::fn_addr_eq(
            method.def.func,
            partial_call as krait_vm::builtins::function::NativeMethod,
        ),
        _ => false,
    }
}

/// Whether the partial `value` (an instance of a subclass) has
/// attributes of its own in its `__dict__`.
fn carries_attributes(vm: &mut Vm, value: &Value) -> PyResult<bool> {
    if !matches!(value.as_obj(), Some(PyObject::Instance(_))) {
        return Ok(false);
    }
    let attributes = vm.get_attr(value, "__dict__")?;
    Ok(attributes.as_dict().is_some_and(|d| !d.is_empty()))
}

/// `p(*args, **keywords)`: the stored arguments, then these; the call's
/// keywords override the stored ones.
fn partial_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let partial = this_partial(receiver)?;
    let func = partial.func.borrow().clone();
    let stored = partial.args.borrow().clone();
    let stored = tuple_items(&stored);
    let keywords = partial.keywords.borrow().clone();
    let stored_keywords = keywords.as_dict().filter(|d| !d.is_empty());
    let mut positional = Vec::with_capacity(stored.len() + args.pos.len());
    positional.extend_from_slice(stored);
    positional.extend_from_slice(args.pos);
    let Some(stored_keywords) = stored_keywords else {
        return vm.call(&func, Args::with_kw(&positional, args.kw));
    };
    // The names are copied out first: the call may change the dict.
    let mut merged: Vec<(Rc<str>, Value)> = Vec::new();
    for (key, value) in stored_keywords.items() {
        let Some(name) = key.as_str_or_subclass() else {
            return Err(PyErr::type_error("keywords must be strings"));
        };
        let name: Rc<str> = Rc::from(name.as_str());
        if !args.kw.iter().any(|(given, _)| **given == *name) {
            merged.push((name, value));
        }
    }
    for (name, value) in args.kw {
        merged.push((Rc::from(*name), value.clone()));
    }
    let names: Vec<(&str, Value)> = merged
        .iter()
        .map(|(name, value)| (&**name, value.clone()))
        .collect();
    vm.call(&func, Args::with_kw(&positional, &names))
}

/// `(func, args, keywords)`, for `lib/functools.py`'s readers.
fn partial_state(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let partial = this_partial(receiver)?;
    Ok(Value::tuple(vec![
        partial.func.borrow().clone(),
        partial.args.borrow().clone(),
        partial.keywords.borrow().clone(),
    ]))
}

/// `_set_state(func, args, keywords)`: what `__setstate__` restores
/// (checked by `lib/functools.py`).
fn partial_set_state(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let partial = this_partial(receiver)?;
    let [func, positional, keywords] = args.pos else {
        return Err(PyErr::type_error("_set_state() takes exactly 3 arguments"));
    };
    let old = (
        partial.func.replace(func.clone()),
        partial.args.replace(positional.clone()),
        partial.keywords.replace(keywords.clone()),
    );
    drop(old);
    Ok(Value::None)
}

static PARTIAL_METHODS: &[krait_vm::builtins::function::MethodDef] = &[
    method("__new__", Params::Any, partial_new),
    method("__call__", Params::Any, partial_call),
    method("_state", Params::NoArgs, partial_state),
    method("_set_state", Params::Any, partial_set_state),
];
