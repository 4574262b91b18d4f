//! `_pickle`: the native pickler and unpickler that CPython's `pickle`
//! module imports when it can (its "C accelerator"), with the behaviour of
//! CPython 3.11's `_pickle`: the same bytes for the same objects and
//! protocol (the C pickler's memoization, framing and batching), the same
//! opcodes read back, the same exceptions and messages.
//!
//! `Pickler` and `Unpickler` are native types that Python classes may
//! subclass (multiprocessing's `ForkingPickler`, `copyreg`-style code):
//! the hooks (`persistent_id`, `persistent_load`, `reducer_override`,
//! `dispatch_table`, `find_class`) are looked up on the object for each
//! `dump`/`load`, so a subclass's methods and attributes set on an
//! instance both count. `dumps`/`loads` run the engines directly, without
//! a Pickler object (the benchmarks' hot path).
//!
//! - `pickler.rs`: the engine that writes a pickle (`Engine`).
//! - `unpickler.rs`: the machine that reads one (`Machine`).
//!
//! Not here: `PickleBuffer` (out-of-band buffers are accepted by
//! `Unpickler(buffers=...)`, but nothing pickles a `PickleBuffer`), and
//! the fast mode's detection of cycles (a cycle pickled with `fast` set
//! ends in RecursionError instead of CPython's ValueError).

mod pickler;
mod unpickler;

use std::cell::RefCell;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use crate::util::{method, type_value};

pub use pickler::Memo;

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let function = |name: &'static str, func| {
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
    };
    Ok(vec![
        ("PickleError", type_value(pickle_error())),
        ("PicklingError", type_value(pickling_error())),
        ("UnpicklingError", type_value(unpickling_error())),
        ("Pickler", type_value(PICKLER_TYPE.with(Rc::clone))),
        ("Unpickler", type_value(UNPICKLER_TYPE.with(Rc::clone))),
        ("dump", function("dump", dump)),
        ("dumps", function("dumps", dumps)),
        ("load", function("load", load)),
        ("loads", function("loads", loads)),
    ])
}

thread_local! {
    static ERRORS: [Rc<TypeObject>; 3] = make_errors();
    static PICKLER_TYPE: Rc<TypeObject> = native_type_in("_pickle", "Pickler", PICKLER_METHODS);
    static UNPICKLER_TYPE: Rc<TypeObject> =
        native_type_in("_pickle", "Unpickler", UNPICKLER_METHODS);
    static PICKLER_MEMO_TYPE: Rc<TypeObject> =
        native_type_in("_pickle", "PicklerMemoProxy", PICKLER_MEMO_METHODS);
    static UNPICKLER_MEMO_TYPE: Rc<TypeObject> =
        native_type_in("_pickle", "UnpicklerMemoProxy", UNPICKLER_MEMO_METHODS);
}

/// `PickleError(Exception)`, `PicklingError(PickleError)`,
/// `UnpicklingError(PickleError)`, of module `_pickle`.
fn make_errors() -> [Rc<TypeObject>; 3] {
    let class = |name: &str, base: Rc<TypeObject>| {
        let mut dict = krait_vm::typeobject::ClassDict::default();
        dict.insert(Box::from("__module__"), Value::str("_pickle"));
        let mut class =
            TypeObject::new_class(name, vec![base], dict).expect("Exception has a consistent MRO");
        class.heap = false;
        Rc::new(class)
    };
    let base = class("PickleError", exc_type(ExcType::Exception));
    let pickling = class("PicklingError", base.clone());
    let unpickling = class("UnpicklingError", base.clone());
    [base, pickling, unpickling]
}

fn pickle_error() -> Rc<TypeObject> {
    ERRORS.with(|e| e[0].clone())
}

fn pickling_error() -> Rc<TypeObject> {
    ERRORS.with(|e| e[1].clone())
}

fn unpickling_error() -> Rc<TypeObject> {
    ERRORS.with(|e| e[2].clone())
}

pub(crate) fn pickling(message: impl Into<String>) -> PyErr {
    PyErr::with_args(pickling_error(), vec![Value::str(message.into())])
}

pub(crate) fn unpickling(message: impl Into<String>) -> PyErr {
    PyErr::with_args(unpickling_error(), vec![Value::str(message.into())])
}

pub(crate) const HIGHEST_PROTOCOL: i64 = 5;
pub(crate) const DEFAULT_PROTOCOL: i64 = 4;

/// `obj.name`, or None when it has no such attribute (other errors pass).
pub(crate) fn get_attr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.get_attr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(ExcType::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Binds a call's arguments to names: `positional` may be given by
/// position or keyword, `keyword_only` by keyword; the first `required`
/// positional ones must be present. Messages as CPython's argument clinic.
fn bind(
    args: &Args,
    function: &str,
    positional: &[&str],
    keyword_only: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    // `loads(data, /, ...)`: its data is positional only.
    let positional_only = function == "loads";
    let mut out: Vec<Option<Value>> = vec![None; positional.len() + keyword_only.len()];
    if args.pos.len() > positional.len() {
        return Err(PyErr::type_error(format!(
            "{function}() takes {} {} positional argument{} ({} given)",
            if required == positional.len() {
                "exactly"
            } else {
                "at most"
            },
            positional.len(),
            if positional.len() == 1 { "" } else { "s" },
            args.pos.len()
        )));
    }
    for (i, v) in args.pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (name, value) in args.kw {
        let Some(i) = positional
            .iter()
            .chain(keyword_only)
            .position(|n| n == name)
        else {
            return Err(PyErr::type_error(format!(
                "'{name}' is an invalid keyword argument for {function}()"
            )));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {function}() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(value.clone());
    }
    for (i, name) in positional.iter().enumerate().take(required) {
        if out[i].is_none() && positional_only {
            return Err(PyErr::type_error(format!(
                "{function}() takes exactly {required} positional argument{} ({} given)",
                if required == 1 { "" } else { "s" },
                args.pos.len()
            )));
        }
        if out[i].is_none() {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

fn truth(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match krait_vm::protocol::truthy(v) {
        Ok(b) => Ok(b),
        Err(_) => vm.truthy_value(v),
    }
}

/// The protocol argument: None for the default, negative for the highest.
fn protocol_arg(vm: &mut Vm, value: Option<&Value>) -> PyResult<u8> {
    let value = match value {
        None => return Ok(DEFAULT_PROTOCOL as u8),
        Some(v) if v.is_none() => return Ok(DEFAULT_PROTOCOL as u8),
        Some(v) => v,
    };
    let n = match value {
        Value::Int(i) => *i,
        Value::Bool(b) => b.get() as i64,
        _ => {
            if !value.is_int() {
                return Err(PyErr::type_error(format!(
                    "an integer is required (got type {})",
                    value.type_name()
                )));
            }
            krait_vm::sequence::index_arg(vm, value, "protocol")?
        }
    };
    if n < 0 {
        Ok(HIGHEST_PROTOCOL as u8)
    } else if n > HIGHEST_PROTOCOL {
        Err(PyErr::value_error(format!(
            "pickle protocol must be <= {HIGHEST_PROTOCOL}"
        )))
    } else {
        Ok(n as u8)
    }
}

// ---------------------------------------------------------------------------
// Module functions

/// `dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn dumps(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        &args,
        "dumps",
        &["obj", "protocol"],
        &["fix_imports", "buffer_callback"],
        1,
    )?;
    let proto = protocol_arg(vm, a[1].as_ref())?;
    let fix_imports = match &a[2] {
        Some(v) => truth(vm, v)?,
        None => true,
    };
    let callback = a[3].clone().filter(|v| !v.is_none());
    if callback.is_some() && proto < 5 {
        return Err(PyErr::value_error("buffer_callback needs protocol >= 5"));
    }
    let mut engine = pickler::Engine::new(vm, proto, fix_imports, Memo::with_room());
    engine.buffer_callback = callback;
    engine.dump(vm, a[0].as_ref().expect("required"))?;
    Ok(Value::bytes(engine.take_output()))
}

/// `dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn dump(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        &args,
        "dump",
        &["obj", "file", "protocol"],
        &["fix_imports", "buffer_callback"],
        2,
    )?;
    let proto = protocol_arg(vm, a[2].as_ref())?;
    let fix_imports = match &a[3] {
        Some(v) => truth(vm, v)?,
        None => true,
    };
    let callback = a[4].clone().filter(|v| !v.is_none());
    if callback.is_some() && proto < 5 {
        return Err(PyErr::value_error("buffer_callback needs protocol >= 5"));
    }
    let write = file_write(vm, a[1].as_ref().expect("required"))?;
    let mut engine = pickler::Engine::new(vm, proto, fix_imports, Memo::with_room());
    engine.buffer_callback = callback;
    engine.file_write = Some(write);
    engine.dump(vm, a[0].as_ref().expect("required"))?;
    engine.flush(vm)?;
    Ok(Value::None)
}

fn file_write(vm: &mut Vm, file: &Value) -> PyResult<Value> {
    match get_attr_opt(vm, file, "write")? {
        Some(w) => Ok(w),
        None => Err(PyErr::type_error("file must have a 'write' attribute")),
    }
}

/// The bytes of a bytes-like argument.
fn data_of(value: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = value.as_bytes_or_subclass() {
        return Ok(b.as_bytes().to_vec());
    }
    Ok(krait_vm::buffer::expect_bytes_like(value)?.to_vec())
}

struct UnpicklerOptions {
    fix_imports: bool,
    encoding: String,
    errors: String,
    buffers: Option<Value>,
}

fn unpickler_options(vm: &mut Vm, a: &[Option<Value>]) -> PyResult<UnpicklerOptions> {
    let fix_imports = match &a[0] {
        Some(v) => truth(vm, v)?,
        None => true,
    };
    let text = |v: &Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => v
                .as_str_or_subclass()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "argument '{what}' must be str, not {}",
                        v.type_name()
                    ))
                }),
        }
    };
    let encoding = text(&a[1], "ASCII", "encoding")?;
    let errors = text(&a[2], "strict", "errors")?;
    let buffers = match &a[3] {
        Some(v) if !v.is_none() => Some(vm.iter_object(v)?),
        _ => None,
    };
    Ok(UnpicklerOptions {
        fix_imports,
        encoding,
        errors,
        buffers,
    })
}

/// `loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn loads(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        &args,
        "loads",
        &["data"],
        &["fix_imports", "encoding", "errors", "buffers"],
        1,
    )?;
    let data = a[0].as_ref().expect("required");
    let source = match unpickler::Source::shared(data) {
        Some(source) => source,
        None => unpickler::Source::bytes(data_of(data)?),
    };
    let options = unpickler_options(vm, &a[1..])?;
    let mut machine = unpickler::Machine::new(source, options);
    machine.load(vm)
}

/// `load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn load(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        &args,
        "load",
        &["file"],
        &["fix_imports", "encoding", "errors", "buffers"],
        1,
    )?;
    let source = unpickler::Source::file(vm, a[0].as_ref().expect("required"))?;
    let options = unpickler_options(vm, &a[1..])?;
    let mut machine = unpickler::Machine::new(source, options);
    machine.load(vm)
}

// ---------------------------------------------------------------------------
// Pickler objects

/// A `Pickler`: its options, the hooks set on it, and its memo (kept
/// across `dump` calls until `clear_memo`).
struct PicklerObj {
    state: RefCell<PicklerState>,
    memo: Rc<RefCell<Memo>>,
}

#[derive(Default)]
struct PicklerState {
    init: bool,
    write: Option<Value>,
    proto: u8,
    fix_imports: bool,
    fast: bool,
    buffer_callback: Option<Value>,
    persistent_id: Option<Value>,
    dispatch_table: Option<Value>,
    reducer_override: Option<Value>,
}

impl NativeData for PicklerObj {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(state) = self.state.try_borrow() {
            for v in [
                &state.write,
                &state.buffer_callback,
                &state.persistent_id,
                &state.dispatch_table,
                &state.reducer_override,
            ]
            .into_iter()
            .flatten()
            {
                visit(v);
            }
        }
        if let Ok(memo) = self.memo.try_borrow() {
            memo.traverse(visit);
        }
    }

    fn clear(&self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            *state = PicklerState::default();
        }
        if let Ok(mut memo) = self.memo.try_borrow_mut() {
            *memo = Memo::default();
        }
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        let state = self.state.borrow();
        match name {
            "fast" => Some(Value::Int(state.fast as i64)),
            "bin" => Some(Value::Int((state.proto >= 1) as i64)),
            "memo" => Some(NativeObject::new_value(
                PICKLER_MEMO_TYPE.with(Rc::clone),
                PicklerMemoProxy(self.memo.clone()),
            )),
            "persistent_id" => state.persistent_id.clone(),
            "dispatch_table" => state.dispatch_table.clone(),
            "reducer_override" => state.reducer_override.clone(),
            _ => None,
        }
    }
}

fn pickler_of(receiver: &Value) -> PyResult<&PicklerObj> {
    receiver
        .native::<PicklerObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_pickle.Pickler' object"))
}

fn pickler_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(NativeObject::new_value(
        PICKLER_TYPE.with(Rc::clone),
        PicklerObj {
            state: RefCell::new(PicklerState::default()),
            memo: Rc::new(RefCell::new(Memo::default())),
        },
    ))
}

/// `Pickler.__init__(self, file, protocol=None, fix_imports=True, buffer_callback=None)`.
fn pickler_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let a = bind(
        &args,
        "Pickler",
        &["file", "protocol", "fix_imports", "buffer_callback"],
        &[],
        1,
    )?;
    let proto = protocol_arg(vm, a[1].as_ref())?;
    let fix_imports = match &a[2] {
        Some(v) => truth(vm, v)?,
        None => true,
    };
    let callback = a[3].clone().filter(|v| !v.is_none());
    if callback.is_some() && proto < 5 {
        return Err(PyErr::value_error("buffer_callback needs protocol >= 5"));
    }
    let write = file_write(vm, a[0].as_ref().expect("required"))?;
    let this = pickler_of(receiver)?;
    {
        let mut state = this.state.borrow_mut();
        state.init = true;
        state.write = Some(write);
        state.proto = proto;
        state.fix_imports = fix_imports;
        state.buffer_callback = callback;
        state.fast = false;
    }
    *this.memo.borrow_mut() = Memo::default();
    Ok(Value::None)
}

/// A hook of a Pickler or Unpickler: for a subclass instance, what
/// attribute lookup finds (its dict, its class's methods, then what was
/// set on the native object); for a plain one, what was set.
fn hook(
    vm: &mut Vm,
    receiver: &Value,
    name: &str,
    stored: Option<Value>,
) -> PyResult<Option<Value>> {
    if matches!(receiver.as_obj(), Some(PyObject::Instance(_))) {
        return get_attr_opt(vm, receiver, name);
    }
    Ok(stored)
}

fn pickler_dump(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "dump() takes exactly one argument ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let this = pickler_of(receiver)?;
    let (write, proto, fix_imports, fast, callback, pid, table, over) = {
        let s = this.state.borrow();
        if !s.init {
            return Err(pickling(format!(
                "Pickler.__init__() was not called by {}.__init__()",
                krait_vm::typeobject::class_of(receiver).name
            )));
        }
        (
            s.write.clone(),
            s.proto,
            s.fix_imports,
            s.fast,
            s.buffer_callback.clone(),
            s.persistent_id.clone(),
            s.dispatch_table.clone(),
            s.reducer_override.clone(),
        )
    };
    let pid = hook(vm, receiver, "persistent_id", pid)?;
    let table = hook(vm, receiver, "dispatch_table", table)?;
    let over = hook(vm, receiver, "reducer_override", over)?;
    let fast = if matches!(receiver.as_obj(), Some(PyObject::Instance(_))) {
        match get_attr_opt(vm, receiver, "fast")? {
            Some(v) => truth(vm, &v)?,
            None => fast,
        }
    } else {
        fast
    };
    let memo = std::mem::take(&mut *this.memo.borrow_mut());
    let mut engine = pickler::Engine::new(vm, proto, fix_imports, memo);
    engine.fast = fast;
    engine.buffer_callback = callback;
    engine.persistent_id = pid;
    engine.reducer_override = over;
    engine.set_dispatch_table(table);
    engine.file_write = write;
    let result = engine
        .dump(vm, &args.pos[0])
        .and_then(|()| engine.flush(vm));
    let memo = std::mem::take(&mut engine.memo);
    drop(engine);
    let this = pickler_of(receiver)?;
    *this.memo.borrow_mut() = memo;
    result.map(|()| Value::None)
}

fn pickler_clear_memo(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let this = pickler_of(receiver)?;
    let old = std::mem::take(&mut *this.memo.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn attr_name(args: &Args) -> String {
    args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}

fn no_attribute(receiver: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcType::AttributeError,
        format!(
            "'{}' object has no attribute '{name}'",
            krait_vm::typeobject::class_of(receiver).qualified_name()
        ),
    )
}

fn pickler_setattr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = attr_name(&args);
    let value = args.pos[1].clone();
    let this = pickler_of(receiver)?;
    match name.as_str() {
        "fast" => {
            let on = truth(vm, &value)?;
            this.state.borrow_mut().fast = on;
        }
        "persistent_id" => {
            if !krait_vm::builtins::module::is_callable(&value) {
                return Err(PyErr::type_error(
                    "persistent_id must be a callable taking one argument",
                ));
            }
            let old = this.state.borrow_mut().persistent_id.replace(value);
            drop(old);
        }
        "dispatch_table" => {
            let old = this.state.borrow_mut().dispatch_table.replace(value);
            drop(old);
        }
        "reducer_override" => {
            let old = this.state.borrow_mut().reducer_override.replace(value);
            drop(old);
        }
        "memo" => {
            let memo = memo_from(vm, &value)?;
            let old = std::mem::replace(&mut *this.memo.borrow_mut(), memo);
            drop(old);
        }
        _ => return Err(no_attribute(receiver, &name)),
    }
    Ok(Value::None)
}

/// A memo assigned to `pickler.memo`: another pickler's proxy (copied) or
/// a dict `{id: (index, object)}` as `memo.copy()` gives.
fn memo_from(vm: &mut Vm, value: &Value) -> PyResult<Memo> {
    if let Some(proxy) = value.native::<PicklerMemoProxy>() {
        return Ok(proxy.0.borrow().clone());
    }
    let Some(dict) = value.as_dict_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "'memo' attribute must be a PicklerMemoProxy object or dict, not {}",
            value.type_name()
        )));
    };
    let mut memo = Memo::default();
    for (_, entry) in dict.items() {
        match entry.as_tuple().map(|t| t.as_slice()) {
            Some([index, object]) => {
                let index = krait_vm::sequence::index_arg(vm, index, "index")?;
                memo.insert_at(object.clone(), index as u32);
            }
            _ => {
                return Err(PyErr::type_error("'memo' values must be 2-item tuples"));
            }
        }
    }
    Ok(memo)
}

static PICKLER_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, pickler_new),
    method("__init__", Params::Any, pickler_init),
    method("dump", Params::Any, pickler_dump),
    method("clear_memo", Params::NoArgs, pickler_clear_memo),
    method("__setattr__", Params::Tuple(2, 2), pickler_setattr),
];

/// `Pickler.memo`: a view of the memo; `copy()` gives
/// `{id(obj): (index, obj)}`.
struct PicklerMemoProxy(Rc<RefCell<Memo>>);

impl NativeData for PicklerMemoProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(memo) = self.0.try_borrow() {
            memo.traverse(visit);
        }
    }

    fn length(&self) -> Option<usize> {
        Some(self.0.borrow().len())
    }
}

fn pmemo_of(receiver: &Value) -> PyResult<&PicklerMemoProxy> {
    receiver
        .native::<PicklerMemoProxy>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a PicklerMemoProxy"))
}

fn pmemo_clear(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let old = std::mem::take(&mut *pmemo_of(receiver)?.0.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn pmemo_copy(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let entries = pmemo_of(receiver)?.0.borrow().entries();
    let dict = krait_vm::builtins::dict::PyDict::new();
    for (object, index) in entries {
        let id = match &object {
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize as i64,
            _ => 0,
        };
        dict.set_item_vm(
            vm,
            Value::Int(id),
            Value::tuple(vec![Value::Int(index as i64), object]),
        )?;
    }
    Ok(Value::dict(dict))
}

fn pmemo_len(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(pmemo_of(receiver)?.0.borrow().len() as i64))
}

fn pmemo_reduce(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let copy = pmemo_copy(vm, receiver, args)?;
    let dict_type = type_value(krait_vm::typeobject::builtin_type(
        krait_vm::typeobject::BuiltinType::Dict,
    ));
    Ok(Value::tuple(vec![dict_type, Value::tuple(vec![copy])]))
}

static PICKLER_MEMO_METHODS: &[MethodDef] = &[
    method("clear", Params::NoArgs, pmemo_clear),
    method("copy", Params::NoArgs, pmemo_copy),
    method("__len__", Params::NoArgs, pmemo_len),
    method("__reduce__", Params::NoArgs, pmemo_reduce),
];

// ---------------------------------------------------------------------------
// Unpickler objects

struct UnpicklerObj {
    state: RefCell<UnpicklerState>,
    memo: Rc<RefCell<Vec<Option<Value>>>>,
}

#[derive(Default)]
struct UnpicklerState {
    init: bool,
    file: Option<Value>,
    fix_imports: bool,
    encoding: String,
    errors: String,
    buffers: Option<Value>,
    persistent_load: Option<Value>,
    /// A pickle read partly by an earlier `load` (the bytes after its
    /// STOP, for a file read in frames).
    proto: u8,
}

impl NativeData for UnpicklerObj {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(state) = self.state.try_borrow() {
            for v in [&state.file, &state.buffers, &state.persistent_load]
                .into_iter()
                .flatten()
            {
                visit(v);
            }
        }
        if let Ok(memo) = self.memo.try_borrow() {
            for v in memo.iter().flatten() {
                visit(v);
            }
        }
    }

    fn clear(&self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            *state = UnpicklerState::default();
        }
        if let Ok(mut memo) = self.memo.try_borrow_mut() {
            memo.clear();
        }
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "memo" => Some(NativeObject::new_value(
                UNPICKLER_MEMO_TYPE.with(Rc::clone),
                UnpicklerMemoProxy(self.memo.clone()),
            )),
            "persistent_load" => self.state.borrow().persistent_load.clone(),
            _ => None,
        }
    }
}

fn unpickler_of(receiver: &Value) -> PyResult<&UnpicklerObj> {
    receiver
        .native::<UnpicklerObj>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_pickle.Unpickler' object"))
}

fn unpickler_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(NativeObject::new_value(
        UNPICKLER_TYPE.with(Rc::clone),
        UnpicklerObj {
            state: RefCell::new(UnpicklerState::default()),
            memo: Rc::new(RefCell::new(Vec::new())),
        },
    ))
}

/// `Unpickler.__init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn unpickler_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let a = bind(
        &args,
        "Unpickler",
        &["file"],
        &["fix_imports", "encoding", "errors", "buffers"],
        1,
    )?;
    let file = a[0].clone().expect("required");
    if get_attr_opt(vm, &file, "read")?.is_none() || get_attr_opt(vm, &file, "readline")?.is_none()
    {
        return Err(PyErr::type_error(
            "file must have 'read' and 'readline' attributes",
        ));
    }
    let options = unpickler_options(vm, &a[1..])?;
    let this = unpickler_of(receiver)?;
    let mut state = this.state.borrow_mut();
    state.init = true;
    state.file = Some(file);
    state.fix_imports = options.fix_imports;
    state.encoding = options.encoding;
    state.errors = options.errors;
    state.buffers = options.buffers;
    state.proto = 0;
    drop(state);
    this.memo.borrow_mut().clear();
    Ok(Value::None)
}

fn unpickler_load(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("load", 0, 0)?;
    let this = unpickler_of(receiver)?;
    let (file, options, pload) = {
        let s = this.state.borrow();
        if !s.init {
            return Err(unpickling(format!(
                "Unpickler.__init__() was not called by {}.__init__()",
                krait_vm::typeobject::class_of(receiver).name
            )));
        }
        (
            s.file.clone().expect("set by __init__"),
            UnpicklerOptions {
                fix_imports: s.fix_imports,
                encoding: s.encoding.clone(),
                errors: s.errors.clone(),
                buffers: s.buffers.clone(),
            },
            s.persistent_load.clone(),
        )
    };
    let subclass = matches!(receiver.as_obj(), Some(PyObject::Instance(_)));
    let pload = hook(vm, receiver, "persistent_load", pload)?;
    let find_class = if subclass {
        // A subclass's own find_class replaces the builtin one.
        let class = krait_vm::typeobject::class_of(receiver);
        let own = std::iter::once(&class)
            .chain(class.mro.iter())
            .take_while(|c| !Rc::ptr_eq(c, &UNPICKLER_TYPE.with(Rc::clone)))
            .any(|c| c.dict.borrow().contains_key("find_class"));
        if own {
            get_attr_opt(vm, receiver, "find_class")?
        } else {
            None
        }
    } else {
        None
    };
    let source = unpickler::Source::file(vm, &file)?;
    let memo = std::mem::take(&mut *this.memo.borrow_mut());
    let mut machine = unpickler::Machine::new(source, options);
    machine.memo = memo;
    machine.persistent_load = pload;
    machine.find_class = find_class;
    let result = machine.load(vm);
    let this = unpickler_of(receiver)?;
    *this.memo.borrow_mut() = std::mem::take(&mut machine.memo);
    this.state.borrow_mut().proto = machine.proto;
    result
}

/// `Unpickler.find_class(module, name)`: the builtin lookup (with the
/// Python 2 renames when the pickle's protocol is below 3).
fn unpickler_find_class(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("find_class", 2, 2)?;
    let (fix_imports, proto) = {
        let this = unpickler_of(receiver)?;
        let s = this.state.borrow();
        (s.fix_imports, s.proto)
    };
    unpickler::find_class(vm, &args.pos[0], &args.pos[1], fix_imports, proto)
}

fn unpickler_setattr(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = attr_name(&args);
    let value = args.pos[1].clone();
    let this = unpickler_of(receiver)?;
    match name.as_str() {
        "persistent_load" => {
            if !krait_vm::builtins::module::is_callable(&value) {
                return Err(PyErr::type_error(
                    "persistent_load must be a callable taking one argument",
                ));
            }
            let old = this.state.borrow_mut().persistent_load.replace(value);
            drop(old);
        }
        "memo" => {
            let mut memo = Vec::new();
            if let Some(proxy) = value.native::<UnpicklerMemoProxy>() {
                memo = proxy.0.borrow().clone();
            } else if let Some(dict) = value.as_dict_or_subclass() {
                for (k, v) in dict.items() {
                    let Value::Int(i) = k else {
                        return Err(PyErr::type_error("memo key must be integers"));
                    };
                    if i < 0 {
                        return Err(PyErr::value_error("memo key must be positive integers."));
                    }
                    let i = i as usize;
                    if memo.len() <= i {
                        memo.resize(i + 1, None);
                    }
                    memo[i] = Some(v);
                }
            } else {
                return Err(PyErr::type_error(format!(
                    "'memo' attribute must be an UnpicklerMemoProxy object or dict, not {}",
                    value.type_name()
                )));
            }
            let old = std::mem::replace(&mut *this.memo.borrow_mut(), memo);
            drop(old);
        }
        _ => return Err(no_attribute(receiver, &name)),
    }
    Ok(Value::None)
}

static UNPICKLER_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, unpickler_new),
    method("__init__", Params::Any, unpickler_init),
    method("load", Params::Any, unpickler_load),
    method("find_class", Params::Any, unpickler_find_class),
    method("__setattr__", Params::Tuple(2, 2), unpickler_setattr),
];

struct UnpicklerMemoProxy(Rc<RefCell<Vec<Option<Value>>>>);

impl NativeData for UnpicklerMemoProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(memo) = self.0.try_borrow() {
            for v in memo.iter().flatten() {
                visit(v);
            }
        }
    }

    fn length(&self) -> Option<usize> {
        Some(self.0.borrow().iter().flatten().count())
    }
}

fn umemo_of(receiver: &Value) -> PyResult<&UnpicklerMemoProxy> {
    receiver
        .native::<UnpicklerMemoProxy>()
        .ok_or_else(|| PyErr::type_error("descriptor requires an UnpicklerMemoProxy"))
}

fn umemo_clear(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let old = std::mem::take(&mut *umemo_of(receiver)?.0.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn umemo_copy(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let memo = umemo_of(receiver)?.0.borrow().clone();
    let dict = krait_vm::builtins::dict::PyDict::new();
    for (i, v) in memo.into_iter().enumerate() {
        if let Some(v) = v {
            dict.set_item_vm(vm, Value::Int(i as i64), v)?;
        }
    }
    Ok(Value::dict(dict))
}

fn umemo_len(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(
        umemo_of(receiver)?.0.borrow().iter().flatten().count() as i64,
    ))
}

static UNPICKLER_MEMO_METHODS: &[MethodDef] = &[
    method("clear", Params::NoArgs, umemo_clear),
    method("copy", Params::NoArgs, umemo_copy),
    method("__len__", Params::NoArgs, umemo_len),
];
