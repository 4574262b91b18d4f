//! `_functools`: `reduce`, `cmp_to_key` and the core of `lru_cache` in
//! Rust, so folding calls its function from a native loop, a cache hit
//! costs one dict lookup and a sort by `cmp_to_key` one call of the
//! comparison function per comparison (`lib/functools.py` takes them in
//! place of its own, as CPython's `functools.py` takes `_functools`'s).

use std::cell::Cell;
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
