//! Callables and the code-level objects. Builtin functions and method
//! descriptors are complete; function, code, cell, instance, bound method
//! and generator are placeholders that the dispatch-loop step fills in.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::frame::SuspendedFrame;
use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

/// A builtin method implemented in Rust: receives the interpreter (for
/// callbacks), the receiver and the arguments.
pub type NativeMethod = fn(&mut Vm, &Value, Args) -> PyResult;

/// A builtin function implemented in Rust (`len`, `sorted`, ...).
pub type NativeFunction = fn(&mut Vm, Args) -> PyResult;

/// One entry of a builtin type's method table: its name, what it takes
/// and the function. The call machinery checks what `params` declares,
/// with CPython's messages (`list.append() takes exactly one argument (2
/// given)`); `Params::Any` leaves the checking to the function.
pub struct MethodDef {
    pub name: &'static str,
    pub params: Params,
    pub func: NativeMethod,
}

/// What a builtin method takes besides its receiver, as CPython declares
/// it; each form checks the call with that form's CPython messages, so a
/// method's body reads its arguments (`args.get(i, name)`) without
/// checking them again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Params {
    /// The function checks its own arguments (it takes any number).
    Any,
    /// No arguments (METH_NOARGS: `float.hex() takes no arguments (1
    /// given)`).
    NoArgs,
    /// Exactly one positional argument (METH_O: `str.join() takes exactly
    /// one argument (0 given)`).
    One,
    /// Between `min` and `max` positional arguments, no keywords (Argument
    /// Clinic's positional-only form: `center expected at least 1
    /// argument, got 0`).
    Positional(u8, u8),
    /// Between `min` and `max` positional arguments, no keywords (the
    /// older tuple parsing: `count() takes at least 1 argument (0
    /// given)`).
    Tuple(u8, u8),
    /// Named parameters (Argument Clinic's keyword form: `'x' is an
    /// invalid keyword argument for split()`).
    Named(&'static Signature),
}

impl Params {
    /// Whether `n` positional arguments and no keywords fit without a
    /// closer look: the common call, decided inline (the full check, with
    /// its messages, runs only when this says no).
    #[inline(always)]
    pub fn accepts_positional(self, n: usize) -> bool {
        match self {
            Params::Any => true,
            Params::NoArgs => n == 0,
            Params::One => n == 1,
            Params::Positional(min, max) | Params::Tuple(min, max) => {
                n >= usize::from(min) && n <= usize::from(max)
            }
            Params::Named(_) => false,
        }
    }
}

/// The parameters of a method that takes keywords: `names` in order,
/// the first `positional` of them may be given by position (the rest are
/// keyword-only), the first `required` must be given.
#[derive(Debug, PartialEq, Eq)]
pub struct Signature {
    pub names: &'static [&'static str],
    pub positional: usize,
    pub required: usize,
}

impl MethodDef {
    /// Calls the method on `receiver`, checking the declared parameters
    /// first.
    #[inline]
    pub fn invoke(&'static self, vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
        // The method gets `Args` made again from its fields, not `args`
        // itself: an `Args` (32 bytes) goes by pointer to a copy, and the
        // copy of a whole `Args` the caller has just written field by
        // field is made with 16-byte loads of its 8-byte stores, a
        // store-forwarding stall on every builtin method call.
        let Args { pos, kw } = args;
        if !self.params.accepts_positional(pos.len()) || !kw.is_empty() {
            self.check_params(&Args { pos, kw })?;
        }
        (self.func)(vm, receiver, Args { pos, kw })
    }

    /// Checks a call's arguments against `params` (`name` for messages).
    pub fn check_params(&'static self, args: &Args) -> PyResult<()> {
        check_params(self.params, self.name, || self.qualified_name(), args)
    }
}

#[cold]
fn params_error(message: String) -> crate::PyErr {
    crate::PyErr::type_error(message)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Checks `args` against `params`: `name` is the method's bare name,
/// `qualified` gives `type.name` for the forms whose messages use it.
pub fn check_params(
    params: Params,
    name: &str,
    qualified: impl FnOnce() -> String,
    args: &Args,
) -> PyResult<()> {
    let n = args.pos.len();
    let (min, max) = match params {
        Params::Any => return Ok(()),
        Params::Named(signature) => return check_signature(signature, name, args),
        Params::NoArgs | Params::One => {
            let expected = usize::from(params == Params::One);
            if !args.kw.is_empty() {
                return Err(params_error(format!(
                    "{}() takes no keyword arguments",
                    qualified()
                )));
            }
            if n == expected {
                return Ok(());
            }
            return Err(params_error(match params {
                Params::NoArgs => format!("{}() takes no arguments ({n} given)", qualified()),
                _ => format!("{}() takes exactly one argument ({n} given)", qualified()),
            }));
        }
        Params::Positional(min, max) | Params::Tuple(min, max) => {
            (usize::from(min), usize::from(max))
        }
    };
    if !args.kw.is_empty() {
        // CPython names the type here when the method is called as
        // `s.center(1, x=2)` or `str.find(s, x=1)` (only a bound method
        // object called later drops it for the tuple-parsing form).
        return Err(params_error(format!(
            "{}() takes no keyword arguments",
            qualified()
        )));
    }
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let clinic = matches!(params, Params::Positional(..));
    Err(params_error(match (clinic, n < min) {
        (true, _) if min == max => {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        }
        (true, true) => format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        (true, false) => format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
        (false, _) if min == max => {
            format!(
                "{name}() takes exactly {min} argument{} ({n} given)",
                plural(min)
            )
        }
        (false, true) => format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        ),
        (false, false) => format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        ),
    }))
}

/// Checks `args` against `signature` in the order of CPython's
/// `_PyArg_UnpackKeywords`: the number of arguments, the number of
/// positional ones, the required ones, then the keywords that match no
/// free parameter (a duplicate of a positional first).
fn check_signature(signature: &Signature, name: &str, args: &Args) -> PyResult<()> {
    let n = args.pos.len();
    let given = n + args.kw.len();
    let max = signature.names.len();
    if given > max {
        return Err(params_error(format!(
            "{name}() takes at most {max} {}argument{} ({given} given)",
            if n == 0 { "keyword " } else { "" },
            plural(max)
        )));
    }
    let positional = signature.positional;
    if n > positional {
        return Err(params_error(match positional {
            0 => format!("{name}() takes no positional arguments"),
            _ => format!(
                "{name}() takes {} {positional} positional argument{} ({n} given)",
                if signature.required < positional {
                    "at most"
                } else {
                    "exactly"
                },
                plural(positional)
            ),
        }));
    }
    let mut unmatched = args.kw.len();
    for (i, parameter) in signature.names.iter().enumerate().skip(n) {
        if args.kwarg(parameter).is_some() {
            unmatched -= 1;
        } else if i < signature.required {
            return Err(params_error(format!(
                "{name}() missing required argument '{parameter}' (pos {})",
                i + 1
            )));
        }
    }
    if unmatched == 0 {
        return Ok(());
    }
    for (i, parameter) in signature.names[..n].iter().enumerate() {
        if args.kwarg(parameter).is_some() {
            return Err(params_error(format!(
                "argument for {name}() given by name ('{parameter}') and position ({})",
                i + 1
            )));
        }
    }
    let keyword = args
        .kw
        .iter()
        .map(|(k, _)| *k)
        .find(|k| !signature.names.contains(k))
        .unwrap_or_default();
    Err(params_error(format!(
        "'{keyword}' is an invalid keyword argument for {name}()"
    )))
}

impl MethodDef {
    /// `list.append`: the method's name after the builtin type whose table
    /// declares it (found on error paths only).
    pub fn qualified_name(&'static self) -> String {
        match self.owner() {
            Some(owner) => format!("{owner}.{}", self.name),
            None => self.name.to_string(),
        }
    }

    /// The builtin type whose method table holds this entry.
    pub fn owner(&'static self) -> Option<&'static str> {
        if crate::interpreter::class::is_object_method(self) {
            return Some("object");
        }
        if crate::interpreter::class::is_type_method(self) {
            return Some("type");
        }
        self.owner_type().map(|t| t.name())
    }

    /// The builtin type whose own method table holds this entry.
    pub fn owner_type(&'static self) -> Option<crate::typeobject::BuiltinType> {
        crate::typeobject::BuiltinType::ALL
            .iter()
            .copied()
            .find(|t| {
                crate::builtins::methods_of(*t)
                    .iter()
                    .any(|d| std::ptr::eq(d, self))
            })
    }
}

/// (Copy: CALL reads one off the stack before the call moves the stack.)
#[derive(Clone, Copy)]
pub struct PyBuiltinFunction {
    pub name: &'static str,
    pub func: NativeFunction,
}

/// `list.append` (unbound) or `[].append` (bound: `bound` is the receiver).
pub struct PyMethodDescriptor {
    pub def: &'static MethodDef,
    pub bound: Option<Value>,
}

/// A Python function: code plus the environment it was made in.
pub struct PyFunction {
    pub(crate) gc: crate::gc::GcHeader,
    /// `__code__` (assignable, see [`FunctionCode`]).
    pub code: FunctionCode,
    pub globals: Value,
    /// `__name__` and `__qualname__` (assignable). Shared with the code
    /// object's until assigned: MAKE_FUNCTION copies no strings.
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// Defaults of the last positional parameters.
    pub defaults: RefCell<Vec<Value>>,
    /// Keyword-only defaults, by parameter name.
    pub kwdefaults: RefCell<Vec<(Box<str>, Value)>>,
    /// The dict `__kwdefaults__` gave out (or was assigned): it stays the
    /// function's, and what a program writes into it is what the next
    /// call binds (read through [`PyFunction::kwdefaults`]).
    pub kwdefaults_dict: RefCell<Option<Value>>,
    /// The cells of the enclosing function's variables, one per freevar.
    pub closure: Vec<Value>,
    /// `__doc__` (assignable).
    pub doc: RefCell<Value>,
    /// `__module__` once assigned (`Null` until then: it is the globals'
    /// `__name__`, read when asked).
    pub module: RefCell<Value>,
    /// The function's `__dict__` (`f.calls = 0`), made when first needed.
    pub dict: RefCell<Option<Value>>,
    /// `__annotations__`, made when first needed (or by MAKE_FUNCTION).
    pub annotations: RefCell<Option<Value>>,
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

impl PyFunction {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.globals);
        if let Ok(defaults) = self.defaults.try_borrow() {
            defaults.iter().for_each(&mut *visit);
        }
        if let Ok(kwdefaults) = self.kwdefaults.try_borrow() {
            kwdefaults.iter().for_each(|(_, v)| visit(v));
        }
        if let Ok(dict) = self.kwdefaults_dict.try_borrow()
            && let Some(dict) = &*dict
        {
            visit(dict);
        }
        self.closure.iter().for_each(&mut *visit);
        if let Ok(doc) = self.doc.try_borrow() {
            visit(&doc);
        }
        if let Ok(module) = self.module.try_borrow()
            && !matches!(*module, Value::Null)
        {
            visit(&module);
        }
        if let Ok(dict) = self.dict.try_borrow()
            && let Some(dict) = &*dict
        {
            visit(dict);
        }
        if let Ok(annotations) = self.annotations.try_borrow()
            && let Some(annotations) = &*annotations
        {
            visit(annotations);
        }
    }

    /// Lets go of what can be replaced (defaults, `__doc__`, `__dict__`,
    /// annotations): the collector breaking a cycle. The closure's cells
    /// are cleared as objects of their own.
    pub(crate) fn clear_for_collector(&self) {
        let defaults = self
            .defaults
            .try_borrow_mut()
            .map(|mut d| std::mem::take(&mut *d));
        let kwdefaults = self
            .kwdefaults
            .try_borrow_mut()
            .map(|mut d| std::mem::take(&mut *d));
        let kwdefaults_dict = self.kwdefaults_dict.try_borrow_mut().map(|mut d| d.take());
        let doc = self
            .doc
            .try_borrow_mut()
            .map(|mut d| std::mem::take(&mut *d));
        let dict = self.dict.try_borrow_mut().map(|mut d| d.take());
        let module = self
            .module
            .try_borrow_mut()
            .map(|mut m| std::mem::replace(&mut *m, Value::Null));
        let annotations = self.annotations.try_borrow_mut().map(|mut d| d.take());
        drop((
            defaults,
            kwdefaults,
            kwdefaults_dict,
            doc,
            dict,
            module,
            annotations,
        ));
    }

    /// The keyword-only parameters' defaults, by name: what the dict
    /// `__kwdefaults__` gave out holds now, if it gave one out (a program
    /// may have written into it: networkx's decorators do), else as made.
    pub fn kwdefaults(&self) -> std::cell::Ref<'_, Vec<(Box<str>, Value)>> {
        if let Ok(dict) = self.kwdefaults_dict.try_borrow()
            && let Some(dict) = dict.as_ref().and_then(Value::as_dict_or_subclass)
            && let Ok(mut kwdefaults) = self.kwdefaults.try_borrow_mut()
        {
            let table = dict.table();
            let same = table.len() == kwdefaults.len()
                && table
                    .iter()
                    .zip(kwdefaults.iter())
                    .all(|((key, value), (name, default))| {
                        key.as_str_or_subclass()
                            .is_some_and(|key| key.as_str() == &**name)
                            && value.is(default)
                    });
            if !same {
                *kwdefaults = table
                    .iter()
                    .filter_map(|(key, value)| {
                        Some((Box::from(key.as_str_or_subclass()?.as_str()), value.clone()))
                    })
                    .collect();
            }
        }
        self.kwdefaults.borrow()
    }

    /// `f.__dict__`: the same dict for the function's whole life.
    pub fn attribute_dict(&self) -> Value {
        self.dict
            .borrow_mut()
            .get_or_insert_with(|| Value::dict(crate::builtins::dict::PyDict::new()))
            .clone()
    }

    /// `f.name` from the function's `__dict__`.
    pub fn get_attribute(&self, name: &Value) -> PyResult<Option<Value>> {
        match &*self.dict.borrow() {
            Some(dict) => match dict.as_dict_or_subclass() {
                Some(dict) => dict.get_item(name),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }
}

/// A code object as the VM holds it: the bytecode with its constants
/// already turned into values.
pub struct PyCode {
    pub code: Rc<Code>,
}

/// A closure cell.
pub struct PyCell {
    pub(crate) gc: crate::gc::GcHeader,
    pub value: RefCell<Value>,
}

/// An instance of a user class (or of `object`).
///
/// Its attributes are kept as values in the order of its class's shared
/// keys (`TypeObject::instance_keys`, CPython 3.11's inline values) while
/// every instance of the class sets them in the same order; the instance
/// switches to a real dict when that no longer holds, when an attribute is
/// deleted, or when the dict itself is asked for (`__dict__`, `vars()`), so
/// `obj.__dict__[k] = v` keeps changing the attributes themselves.
pub struct PyInstance {
    pub(crate) gc: crate::gc::GcHeader,
    class: InstanceClass,
    attrs: RefCell<Attrs>,
    /// What few instances have, boxed so that instances stay small: made
    /// with the instance of a subclass of a builtin type, or by the first
    /// weak reference to it.
    extra: std::cell::OnceCell<Box<InstanceExtra>>,
}

#[derive(Default)]
struct InstanceExtra {
    /// For a subclass of a builtin type (`class L(list)`), the builtin
    /// value the instance carries; empty for the others.
    base: std::cell::OnceCell<Value>,
    weakrefs: crate::builtins::weakref::WeakRefList,
    /// The values of its class's `__slots__` members when the instance
    /// also has a `__dict__` (`'__dict__'` among the slots, or a subclass
    /// without `__slots__`), by name: CPython keeps slots in the object,
    /// apart from the dict, so `__dict__` and `vars()` never show them.
    /// (Without a `__dict__` they are kept with the attributes, which
    /// nothing shows.)
    slots: RefCell<Vec<(Value, Value)>>,
}

/// A function's code, which `f.__code__ = other` may replace. As with
/// `InstanceClass`: readers get `&Code` (the code itself, never a
/// reference into this cell) or a new `Rc`, and a replaced code is never
/// freed, so a `&Code` a running call took stays valid.
pub struct FunctionCode(std::cell::UnsafeCell<Rc<Code>>);

impl FunctionCode {
    pub fn new(code: Rc<Code>) -> FunctionCode {
        FunctionCode(std::cell::UnsafeCell::new(code))
    }

    #[inline]
    pub fn get(&self) -> &Code {
        // SAFETY: the cell is written only by `replace`, while no reference
        // into it exists (references point at the code, which outlives
        // the write).
        unsafe { &*self.0.get() }
    }

    #[inline]
    pub fn rc(&self) -> Rc<Code> {
        // SAFETY: as in `get`; the clone ends before any write.
        unsafe { (*self.0.get()).clone() }
    }

    /// `f.__code__ = code` (the caller checked the free variables). The
    /// old code is kept alive until no Python code runs (see `retire`).
    pub fn replace(&self, code: Rc<Code>) {
        // SAFETY: no reference into the cell is alive (see `get`).
        let old = unsafe { std::mem::replace(&mut *self.0.get(), code) };
        retire(Retired::Code(old));
    }
}

/// A code or class replaced in a function or an instance, or a class's
/// replaced name.
pub(crate) enum Retired {
    Code(Rc<Code>),
    Class(Rc<TypeObject>),
    Name(Rc<str>),
}

thread_local! {
    /// What `f.__code__ = ...` and `obj.__class__ = ...` replaced, one
    /// reference each, by address: a `&Code` or `&TypeObject` taken before
    /// the assignment (a running call's) stays valid, and assigning the
    /// same one again keeps nothing more. Let go of by
    /// [`drop_retired`] when no Python code runs on the thread; not at
    /// thread exit (dropping objects while the thread's other state is
    /// being torn down is not safe).
    static RETIRED: RefCell<std::mem::ManuallyDrop<std::collections::HashMap<usize, Retired>>> =
        RefCell::new(std::mem::ManuallyDrop::new(std::collections::HashMap::new()));
}

/// Keeps `old` alive until no Python code runs (see [`RETIRED`]).
pub(crate) fn retire(old: Retired) {
    let address = match &old {
        Retired::Code(code) => Rc::as_ptr(code) as *const u8 as usize,
        Retired::Class(class) => Rc::as_ptr(class) as *const u8 as usize,
        Retired::Name(name) => Rc::as_ptr(name) as *const u8 as usize,
    };
    let mut old = Some(old);
    let _ = RETIRED.try_with(|retired| {
        if let Some(old) = old.take() {
            // (One already kept: this reference goes, the object stays.)
            retired.borrow_mut().entry(address).or_insert(old);
        }
    });
    // At thread exit there is nowhere to keep it: it is never freed.
    std::mem::forget(old);
}

/// Lets go of the replaced codes and classes, if no dispatch loop runs on
/// the thread (a dropped interpreter does this): no native code can hold
/// a reference into one then.
pub(crate) fn drop_retired() {
    if !crate::interpreter::no_loop_running() {
        return;
    }
    let retired = RETIRED.try_with(|retired| {
        retired
            .try_borrow_mut()
            .map(|mut retired| std::mem::take(&mut **retired))
            .unwrap_or_default()
    });
    // Dropped after the borrow: a class's or code's last reference may go.
    drop(retired);
}

/// The class of an instance, which `obj.__class__ = C` may replace.
/// Readers get the class object itself (`&TypeObject`, never a reference
/// into this cell) or a new `Rc`, so replacing the pointer invalidates no
/// reference; a replaced class is never freed (see
/// [`PyInstance::set_class`]), so a `&TypeObject` taken before the
/// assignment stays valid.
struct InstanceClass(std::cell::UnsafeCell<Rc<TypeObject>>);

impl InstanceClass {
    #[inline]
    fn get(&self) -> &TypeObject {
        // SAFETY: the cell is written only by `set_class`, which runs
        // while no reference into the cell exists (references handed out
        // point at the class object, which outlives the write).
        unsafe { &*self.0.get() }
    }

    #[inline]
    fn rc(&self) -> Rc<TypeObject> {
        // SAFETY: as in `get`; the clone ends before any write.
        unsafe { (*self.0.get()).clone() }
    }
}

enum Attrs {
    /// Values for the first keys of the class's shared keys.
    Shared(SharedValues),
    /// The instance's `__dict__` (boxed: with the shared values' slice,
    /// a `Value` here would make every object 8 bytes larger).
    Dict(Box<Value>),
}

/// An instance's values for its class's shared keys: the values of the
/// first keys, in order, then `Null`s (room for the keys later
/// instructions of `__init__` will set). The length is the slice's, kept
/// beside the pointer: a 3-attribute instance's values take 48 bytes (a
/// 64-byte chunk), where a vector with its length and capacity in its
/// block took 64 (an 80-byte chunk).
struct SharedValues(Box<[Value]>);

impl SharedValues {
    fn empty() -> SharedValues {
        SharedValues(Box::new([]))
    }

    fn with_room(room: usize) -> SharedValues {
        SharedValues(std::iter::repeat_with(|| Value::Null).take(room).collect())
    }

    /// How many keys have a value (the first `Null` ends them).
    fn len(&self) -> usize {
        self.0
            .iter()
            .position(|v| matches!(v, Value::Null))
            .unwrap_or(self.0.len())
    }

    /// The values set, in the order of the keys.
    fn iter(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().take_while(|v| !matches!(v, Value::Null))
    }

    /// Sets the value of key `index`, which must be the first key without
    /// one (`len()`): in the room left, or in a longer block.
    #[inline(never)]
    fn push_at(&mut self, index: usize, value: Value) {
        debug_assert_eq!(index, self.len());
        if index == self.0.len() {
            let mut values = std::mem::take(&mut self.0).into_vec();
            values.reserve_exact(1);
            values.push(value);
            self.0 = values.into_boxed_slice();
        } else {
            self.0[index] = value;
        }
    }

    /// Whether key `index` is the first key without a value.
    #[inline(always)]
    fn is_next(&self, index: usize) -> bool {
        let values = &self.0;
        index <= values.len()
            && (index == 0 || !matches!(values[index - 1], Value::Null))
            && values.get(index).is_none_or(|v| matches!(v, Value::Null))
    }

    fn into_values(self) -> impl Iterator<Item = Value> {
        self.0
            .into_vec()
            .into_iter()
            .take_while(|v| !matches!(v, Value::Null))
    }
}

/// Keys a class shares at most; an instance with more has a dict.
const MAX_SHARED_KEYS: usize = 30;

/// Position of the attribute name `key` among `keys`: by identity first
/// (names are interned, so this is the usual hit), then by text.
fn key_position(keys: &[Value], key: &Value) -> Option<usize> {
    position_by_key(keys, |k| k, key)
}

/// Where the item whose key (`key_of`) is the attribute name `key` is
/// among `items`, as [`key_position`] finds it.
#[inline(always)]
fn position_by_key<T>(items: &[T], key_of: impl Fn(&T) -> &Value, key: &Value) -> Option<usize> {
    if let Value::Obj(key_object) = key
        && let Some(i) = items.iter().position(
            |item| matches!(key_of(item), Value::Obj(o) if std::rc::Rc::ptr_eq(o, key_object)),
        )
    {
        return Some(i);
    }
    let text = key.as_str_or_subclass()?.as_str();
    items.iter().position(|item| {
        key_of(item)
            .as_str_or_subclass()
            .is_some_and(|k| k.as_str() == text)
    })
}

/// Where member `name` is among an instance's separate slots.
fn slot_index(slots: &[(Value, Value)], name: &Value) -> Option<usize> {
    position_by_key(slots, |(k, _)| k, name)
}

impl PyInstance {
    pub fn new(class: Rc<TypeObject>) -> PyInstance {
        PyInstance::with_base(class, Value::Null)
    }

    pub fn with_base(class: Rc<TypeObject>, base: Value) -> PyInstance {
        // Builtin kinds made as instances (modules, streams) hold many
        // names set once: a dict from the start.
        let attrs = if class.heap {
            // Room for exactly the attributes earlier instances set.
            Attrs::Shared(SharedValues::with_room(class.instance_keys.borrow().len()))
        } else {
            Attrs::Dict(Box::new(Value::dict(crate::builtins::dict::PyDict::new())))
        };
        PyInstance {
            gc: Default::default(),
            class: InstanceClass(std::cell::UnsafeCell::new(class)),
            attrs: RefCell::new(attrs),
            extra: match base {
                Value::Null => std::cell::OnceCell::new(),
                base => std::cell::OnceCell::from(Box::new(InstanceExtra {
                    base: std::cell::OnceCell::from(base),
                    ..InstanceExtra::default()
                })),
            },
        }
    }

    /// The instance's class.
    #[inline]
    pub fn class(&self) -> &TypeObject {
        self.class.get()
    }

    /// The instance's class, as a new reference.
    #[inline]
    pub fn class_rc(&self) -> Rc<TypeObject> {
        self.class.rc()
    }

    /// `obj.__class__ = class` (the caller checked that the layouts
    /// agree). The attributes move to a dict first: the shared keys they
    /// follow belong to the old class. The old class is kept alive until
    /// no Python code runs (`retire`): a `&TypeObject` read from this
    /// instance before the assignment may still be in use.
    pub fn set_class(&self, class: Rc<TypeObject>) {
        let _ = self.dict_value();
        // SAFETY: no reference into the cell is alive (see
        // `InstanceClass`); the old class is kept alive ([`retire`]).
        let old = unsafe { std::mem::replace(&mut *self.class.0.get(), class) };
        retire(Retired::Class(old));
    }

    /// The builtin value of an instance of a builtin type's subclass.
    #[inline]
    pub fn base(&self) -> Option<&Value> {
        self.extra.get()?.base.get()
    }

    /// Gives an instance made without its builtin value (a subclass of
    /// `property`, whose `__init__` makes it) that value; false when it
    /// has one already.
    pub(crate) fn set_base(&self, base: Value) -> bool {
        let extra = self.extra.get_or_init(Box::default);
        extra.base.set(base).is_ok()
    }

    /// The weak references to the instance; with `make`, made empty when
    /// there is no list yet (only a new weak reference asks that).
    pub(crate) fn weakrefs(&self, make: bool) -> Option<&crate::builtins::weakref::WeakRefList> {
        let extra = match make {
            true => self.extra.get_or_init(Box::default),
            false => self.extra.get()?,
        };
        Some(&extra.weakrefs)
    }

    /// The attribute `key` (a str) if the instance has it.
    pub fn get_attr(&self, key: &Value) -> PyResult<Option<Value>> {
        match &*self.attrs.borrow() {
            Attrs::Shared(values) => {
                let keys = self.class().instance_keys.borrow();
                Ok(key_position(&keys[..values.len()], key).map(|i| values.0[i].clone()))
            }
            Attrs::Dict(dict) => match dict.as_dict_or_subclass() {
                Some(dict) => dict.get_item(key),
                None => Ok(None),
            },
        }
    }

    /// The attribute at position `index` of the class's shared keys, when
    /// the instance keeps shared keys and has it.
    /// Always inlined: it is most of a cached `self.x` read.
    #[inline(always)]
    pub fn shared_value(&self, index: usize) -> Option<Value> {
        // SAFETY: nothing writes the attributes while the reference lives
        // (cloning a value runs no Python code); a mutable borrow in
        // progress makes this a miss.
        match unsafe { self.attrs.try_borrow_unguarded() }.ok()? {
            Attrs::Shared(values) => match values.0.get(index)? {
                Value::Null => None,
                value => Some(value.clone()),
            },
            Attrs::Dict(_) => None,
        }
    }

    /// Stores the attribute at position `index` of the shared keys: in
    /// place, or appended when the instance has exactly the attributes
    /// before it (a fresh instance's `__init__` setting them in the order
    /// earlier instances did). Gives `value` back otherwise.
    /// Always inlined: it is most of a cached `self.x = v`.
    #[inline(always)]
    pub fn store_shared_value(&self, index: usize, value: Value) -> Result<(), Value> {
        let old = match &mut *self.attrs.borrow_mut() {
            Attrs::Shared(values) if index < values.0.len() => {
                let slots = &mut values.0;
                if !matches!(slots[index], Value::Null) {
                    std::mem::replace(&mut slots[index], value)
                } else if index == 0 || !matches!(slots[index - 1], Value::Null) {
                    // The next key's room (a `Null`: nothing to drop).
                    std::mem::forget(std::mem::replace(&mut slots[index], value));
                    return Ok(());
                } else {
                    return Err(value);
                }
            }
            Attrs::Shared(values) if values.is_next(index) => {
                values.push_at(index, value);
                return Ok(());
            }
            _ => return Err(value),
        };
        // Dropped after the borrow: a `__del__` may look at the instance.
        old.release();
        Ok(())
    }

    /// Where `key` (a str) sits among the class's shared keys, when this
    /// instance keeps its attributes there and has it.
    pub fn shared_position(&self, key: &Value) -> Option<usize> {
        match &*self.attrs.borrow() {
            Attrs::Shared(values) => {
                let keys = self.class().instance_keys.borrow();
                key_position(&keys[..values.len()], key)
            }
            Attrs::Dict(_) => None,
        }
    }

    /// Whether the class's shared key at `index` is the very name object
    /// `key` (an interned name), with the instance keeping its attributes
    /// as shared values: a position found for one class then serves
    /// another whose instances set the same attributes in the same order
    /// (subclasses sharing a base's `__init__`).
    pub fn shared_key_is(&self, index: usize, key: &Value) -> bool {
        let Value::Obj(key) = key else {
            return false;
        };
        matches!(&*self.attrs.borrow(), Attrs::Shared(_))
            && matches!(
                self.class().instance_keys.borrow().get(index),
                Some(Value::Obj(k)) if std::rc::Rc::ptr_eq(k, key)
            )
    }

    /// The attribute `key` (a str) if the instance has it, with its
    /// position among the class's shared keys when it is kept there.
    pub fn get_attr_with_position(&self, key: &Value) -> Option<(Value, Option<usize>)> {
        match &*self.attrs.borrow() {
            Attrs::Shared(values) => {
                let keys = self.class().instance_keys.borrow();
                let i = key_position(&keys[..values.len()], key)?;
                Some((values.0[i].clone(), Some(i)))
            }
            Attrs::Dict(dict) => {
                let value = dict.as_dict_or_subclass()?.get_item(key).ok()??;
                Some((value, None))
            }
        }
    }

    /// Whether the instance has the attribute `key` (a str).
    pub fn has_attr(&self, key: &Value) -> bool {
        self.get_attr(key).map_or(true, |v| v.is_some())
    }

    /// [`PyInstance::has_attr`], knowing (when `absent_keys` is `Some(n)`)
    /// that the class's first `n` shared keys are not `key`: while the
    /// instance keeps shared keys and the class has no other, the answer
    /// is no without looking (a method call's check that no instance
    /// attribute hides the method; a class whose instances have no
    /// attributes at all has `n == 0`).
    /// The quick answer is inlined (a method call on an instance asks
    /// it every time); the lookup is not.
    #[inline(always)]
    pub fn may_have_attr(&self, key: &Value, absent_keys: Option<usize>) -> bool {
        // SAFETY: the attributes and the class's keys are only looked at
        // (a variant, a length) while the references live; a mutable
        // borrow in progress makes this the out-of-line answer.
        if let Some(absent_keys) = absent_keys
            && let Ok(Attrs::Shared(_)) = unsafe { self.attrs.try_borrow_unguarded() }
            && let Ok(keys) = unsafe { self.class().instance_keys.try_borrow_unguarded() }
            && keys.len() == absent_keys
        {
            return false;
        }
        self.has_attr_out_of_line(key, absent_keys)
    }

    #[inline(never)]
    fn has_attr_out_of_line(&self, key: &Value, absent_keys: Option<usize>) -> bool {
        // The class's first `absent_keys` shared keys are known not to be
        // `key`: only those added since are looked at (a site cached
        // before other instances added keys stays cheap).
        if let Some(absent_keys) = absent_keys
            && let Attrs::Shared(values) = &*self.attrs.borrow()
        {
            let keys = self.class().instance_keys.borrow();
            let end = values.len().min(keys.len());
            return absent_keys < end && key_position(&keys[absent_keys..end], key).is_some();
        }
        self.has_attr(key)
    }

    /// How many of the class's shared keys are known not to be `key`: all
    /// of them when none is, else `None` (for
    /// [`PyInstance::may_have_attr`]).
    pub fn keys_without(&self, key: &Value) -> Option<usize> {
        let keys = self.class().instance_keys.borrow();
        match key_position(&keys, key) {
            Some(_) => None,
            None => Some(keys.len()),
        }
    }

    /// `obj.key = value` on the instance itself.
    pub fn set_attr(&self, key: Value, value: Value) -> PyResult<()> {
        let mut attrs = self.attrs.borrow_mut();
        if let Attrs::Shared(values) = &mut *attrs {
            let mut keys = self.class().instance_keys.borrow_mut();
            let next = values.len();
            // The key after those set first: a fresh instance given its
            // attributes in the order earlier ones were (keys are unique,
            // so it is none of those before).
            let is_next = keys
                .get(next)
                .map(|k| key_position(std::slice::from_ref(k), &key).is_some());
            if is_next == Some(true) {
                values.push_at(next, value);
                return Ok(());
            }
            if let Some(i) = key_position(&keys[..next], &key) {
                let old = std::mem::replace(&mut values.0[i], value);
                drop(keys);
                drop(attrs);
                drop(old);
                return Ok(());
            }
            if is_next.is_none()
                && keys.len() < MAX_SHARED_KEYS
                && key.as_str_or_subclass().is_some()
            {
                keys.push(key);
                values.push_at(next, value);
                return Ok(());
            }
        }
        drop(attrs);
        self.dict_value()
            .as_dict_or_subclass()
            .map_or(Ok(()), |d| d.set_item(key, value))
    }

    /// The value of `__slots__` member `name` (a str), if set.
    pub(crate) fn slot_get(&self, name: &Value) -> PyResult<Option<Value>> {
        match self.class().instance_dict {
            true => Ok(self.slot_value(name)),
            false => self.get_attr(name),
        }
    }

    /// Sets `__slots__` member `name` (a str).
    pub(crate) fn slot_set(&self, name: Value, value: Value) -> PyResult<()> {
        match self.class().instance_dict {
            true => {
                self.set_slot_value(name, value);
                Ok(())
            }
            false => self.set_attr(name, value),
        }
    }

    /// Empties `__slots__` member `name`: its value, if it had one.
    pub(crate) fn slot_del(&self, name: &Value) -> PyResult<Option<Value>> {
        if !self.class().instance_dict {
            return self.del_attr(name);
        }
        let Some(extra) = self.extra.get() else {
            return Ok(None);
        };
        let mut slots = extra.slots.borrow_mut();
        let removed = slot_index(&slots, name).map(|i| slots.remove(i).1);
        drop(slots);
        Ok(removed)
    }

    /// The value of member `name` kept apart from the `__dict__` (the
    /// instance's class has one), if set.
    pub(crate) fn slot_value(&self, name: &Value) -> Option<Value> {
        let slots = self.extra.get()?.slots.borrow();
        slot_index(&slots, name).map(|i| slots[i].1.clone())
    }

    /// Sets member `name` apart from the `__dict__`.
    pub(crate) fn set_slot_value(&self, name: Value, value: Value) {
        let extra = self.extra.get_or_init(Box::default);
        let mut slots = extra.slots.borrow_mut();
        let old = match slot_index(&slots, &name) {
            Some(i) => Some(std::mem::replace(&mut slots[i].1, value)),
            None => {
                slots.push((name, value));
                None
            }
        };
        drop(slots);
        drop(old);
    }

    /// The `__slots__` members set, by name, when they are kept apart
    /// from a `__dict__` (a snapshot writes them).
    pub(crate) fn slot_pairs(&self) -> Vec<(Value, Value)> {
        self.extra
            .get()
            .map(|extra| extra.slots.borrow().clone())
            .unwrap_or_default()
    }

    /// `del obj.key`: the removed value, if the instance had the attribute.
    pub fn del_attr(&self, key: &Value) -> PyResult<Option<Value>> {
        match self.dict_value().as_dict_or_subclass() {
            Some(dict) => dict.pop(key),
            None => Ok(None),
        }
    }

    /// The instance's `__dict__`, made from its shared-key values on first
    /// use (from then on the dict holds the attributes).
    /// The value at position `at` of the instance's `__dict__` while the
    /// dict's version is `version` (a cached lookup's check: a version
    /// names one dict and its layout).
    #[inline]
    pub fn dict_value_at(&self, version: u64, at: usize) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Dict(dict) => match dict.as_obj()? {
                PyObject::Dict(dict) if dict.version() == version => dict.value_at(at),
                _ => None,
            },
            Attrs::Shared(_) => None,
        }
    }

    /// Where `name` is in the instance's `__dict__` (an exact dict), with
    /// the dict's version, when it holds exactly `value` there.
    pub fn dict_position(&self, name: &Value, value: &Value) -> Option<(u64, usize)> {
        match &*self.attrs.borrow() {
            Attrs::Dict(dict) => match dict.as_obj()? {
                PyObject::Dict(dict) => {
                    let at = dict.index_of(name).ok()??;
                    dict.value_at(at)?.is(value).then(|| (dict.version(), at))
                }
                _ => None,
            },
            Attrs::Shared(_) => None,
        }
    }

    /// Whether the instance's `__dict__` is an exact dict with no items
    /// (CPython's `_PyObject_IsInstanceDictEmpty`), without making one;
    /// `None` for a dict subclass assigned to `__dict__`.
    pub(crate) fn dict_is_empty(&self) -> Option<bool> {
        match &*self.attrs.borrow() {
            Attrs::Shared(values) => Some(values.iter().all(|v| matches!(v, Value::Null))),
            Attrs::Dict(dict) => dict.as_dict().map(|d| d.is_empty()),
        }
    }

    /// The instance's attributes as `(name, value)` pairs, in order,
    /// without making a `__dict__` (a snapshot writes them).
    pub(crate) fn attribute_pairs(&self) -> Vec<(Value, Value)> {
        match &*self.attrs.borrow() {
            Attrs::Shared(values) => {
                let keys = self.class().instance_keys.borrow();
                keys.iter().cloned().zip(values.iter().cloned()).collect()
            }
            Attrs::Dict(dict) => dict
                .as_dict_or_subclass()
                .map(|d| d.items())
                .unwrap_or_default(),
        }
    }

    pub fn dict_value(&self) -> Value {
        let mut attrs = self.attrs.borrow_mut();
        let values = match &mut *attrs {
            Attrs::Dict(dict) => return Value::clone(dict),
            Attrs::Shared(values) => std::mem::replace(values, SharedValues::empty()),
        };
        let keys = self.class().instance_keys.borrow();
        // The class's keys are distinct strs (the values a prefix of them).
        let len = values.len().min(keys.len());
        let pairs = keys.iter().cloned().zip(values.into_values());
        let dict = Value::dict(crate::builtins::dict::PyDict::from_distinct_str_keys(
            pairs, len,
        ));
        *attrs = Attrs::Dict(Box::new(dict.clone()));
        dict
    }

    /// `obj.__dict__ = mapping`: the instance's attributes become `dict`.
    pub fn replace_dict(&self, dict: Value) {
        *self.attrs.borrow_mut() = Attrs::Dict(Box::new(dict));
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match self.attrs.try_borrow().as_deref() {
            Ok(Attrs::Shared(values)) => values.iter().for_each(&mut *visit),
            Ok(Attrs::Dict(dict)) => visit(dict),
            Err(_) => {}
        }
        if let Some(base) = self.base() {
            visit(base);
        }
        if let Some(extra) = self.extra.get()
            && let Ok(slots) = extra.slots.try_borrow()
        {
            for (name, value) in slots.iter() {
                visit(name);
                visit(value);
            }
        }
    }

    /// Lets go of the attributes (the collector breaking a cycle; the
    /// builtin value of a subclass instance is a container of its own).
    pub(crate) fn clear_for_collector(&self) {
        let old = self
            .attrs
            .try_borrow_mut()
            .map(|mut attrs| std::mem::replace(&mut *attrs, Attrs::Shared(SharedValues::empty())));
        drop(old);
        let slots = self
            .extra
            .get()
            .and_then(|extra| extra.slots.try_borrow_mut().ok())
            .map(|mut slots| std::mem::take(&mut *slots));
        drop(slots);
    }

    /// Moves out the values the instance holds (for the iterative teardown
    /// in `object.rs`).
    /// The instance moved into a new one (same class, attributes and
    /// builtin value), leaving this one empty: how a finalizer revives an
    /// instance whose last reference went (`__del__` runs on the copy).
    pub(crate) fn take_for_finalizer(&mut self) -> PyInstance {
        PyInstance {
            gc: Default::default(),
            class: InstanceClass(std::cell::UnsafeCell::new(self.class_rc())),
            attrs: RefCell::new(std::mem::replace(
                self.attrs.get_mut(),
                Attrs::Shared(SharedValues::empty()),
            )),
            extra: std::mem::take(&mut self.extra),
        }
    }

    /// Whether an attribute value (or the builtin base) satisfies `pred`.
    pub(crate) fn holds_value(&self, pred: impl Fn(&Value) -> bool) -> bool {
        let in_attrs = match &*self.attrs.borrow() {
            Attrs::Shared(values) => values.iter().any(&pred),
            Attrs::Dict(dict) => pred(dict),
        };
        in_attrs
            || self.base().is_some_and(&pred)
            || self
                .extra
                .get()
                .is_some_and(|extra| extra.slots.borrow().iter().any(|(_, v)| pred(v)))
    }

    pub(crate) fn take_values(&mut self) -> Vec<Value> {
        let mut out =
            match std::mem::replace(self.attrs.get_mut(), Attrs::Shared(SharedValues::empty())) {
                Attrs::Shared(values) => values.into_values().collect(),
                Attrs::Dict(dict) => vec![*dict],
            };
        // The weak references stay: they are cleared with the instance.
        if let Some(extra) = self.extra.get_mut() {
            if let Some(base) = extra.base.take() {
                out.push(base);
            }
            for (name, value) in std::mem::take(extra.slots.get_mut()) {
                out.push(name);
                out.push(value);
            }
        }
        out
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct PyProperty {
    pub getter: Value,
    pub setter: Value,
    pub deleter: Value,
    /// `__doc__` (assignable, as CPython's property keeps it in a
    /// writable member).
    pub doc: RefCell<Value>,
    /// What `__set_name__` named it (the attribute of the class statement
    /// that made it), `None` until then: CPython's messages about a
    /// missing getter, setter or deleter name it when it has one.
    pub name: RefCell<Value>,
}

impl PyProperty {
    /// The `AttributeError` of reading, setting or deleting (`accessor`
    /// is "getter", "setter" or "deleter") a property that has no such
    /// function, through `object`.
    pub fn missing_accessor(&self, object: &Value, accessor: &str) -> crate::PyErr {
        let class = crate::typeobject::class_of(object);
        let owner = crate::builtins::str::repr_str(&class.qualname);
        let message = match self.name.borrow().as_str_or_subclass() {
            Some(name) => format!(
                "property {} of {owner} object has no {accessor}",
                crate::builtins::str::repr_str(name.as_str())
            ),
            None => format!("property of {owner} object has no {accessor}"),
        };
        crate::PyErr::new(crate::typeobject::ExcType::AttributeError, message)
    }
}

/// `staticmethod(f)`: the function, unbound, from class and instance alike.
pub struct PyStaticMethod {
    pub function: Value,
}

/// `classmethod(f)`: the function, bound to the class.
pub struct PyClassMethod {
    pub function: Value,
}

/// `super()`: attribute lookup that starts after `class` in the MRO of
/// `object`'s type.
pub struct PySuper {
    pub class: Rc<TypeObject>,
    pub object: Value,
}

/// `object.__init__` and `BaseException.__init__`, reached through
/// `super().__init__(...)`: an exception stores its arguments as `args`.
/// `function.__get__(obj, type=None)`: a function is a non-data
/// descriptor; through an instance it becomes a bound method.
pub static FUNCTION_GET: MethodDef = MethodDef {
    name: "__get__",
    params: Params::Any,
    func: |_, function, args| {
        args.check("__get__", 1, 2)?;
        let object = &args.pos[0];
        if object.is_none() {
            return Ok(function.clone());
        }
        Ok(Value::obj(PyObject::BoundMethod(PyBoundMethod::new(
            object.clone(),
            function.clone(),
        ))))
    },
};

pub static BASE_INIT: MethodDef = MethodDef {
    name: "__init__",
    params: crate::builtins::function::Params::Any,
    func: base_init,
};

/// `list.__init__`, `dict.__init__`, `set.__init__` and
/// `BaseException.__init__`: [`BASE_INIT`]'s work under definitions of
/// their own, so that none of them is `object.__init__`
/// (`copyreg._reconstructor` calls a base's `__init__` unless it is).
pub static OWN_INITS: [MethodDef; 4] = [
    MethodDef {
        name: "__init__",
        params: Params::Any,
        func: base_init,
    },
    MethodDef {
        name: "__init__",
        params: Params::Any,
        func: base_init,
    },
    MethodDef {
        name: "__init__",
        params: Params::Any,
        func: base_init,
    },
    MethodDef {
        name: "__init__",
        params: Params::Any,
        func: base_init,
    },
];

/// The unbound `__init__` a class without one of its own gets from its
/// builtin base (`list.__init__`, `object.__init__`).
pub fn inherited_init(class: &crate::typeobject::TypeObject) -> Value {
    use crate::typeobject::BuiltinType;
    let def = if class.is_exception_type() {
        &OWN_INITS[3]
    } else {
        match class.builtin {
            Some(BuiltinType::List) => &OWN_INITS[0],
            Some(BuiltinType::Dict) => &OWN_INITS[1],
            Some(BuiltinType::Set) => &OWN_INITS[2],
            _ => &BASE_INIT,
        }
    };
    unbound_method(def)
}

fn base_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    {
        if let Some(PyObject::Exception(e)) = receiver.as_obj() {
            // `super().__init__(encoding, object, start, end, reason)` of
            // a UnicodeDecodeError subclass checks and keeps them.
            if let Some(kind) = crate::builtins::exception::unicode_error_kind(&e.class) {
                let attributes = crate::builtins::codecs::unicode_error_attributes(kind, args.pos)?;
                if let Some(dict) = e.dict().as_dict() {
                    for (name, value) in attributes {
                        dict.set_item(Value::str(name), value)?;
                    }
                }
            }
            *e.args.borrow_mut() = args.pos.to_vec();
            return Ok(Value::None);
        }
        // property/staticmethod/classmethod.__init__ of a subclass's
        // instance: the descriptor it stands for.
        if let Some(PyObject::Instance(instance)) = receiver.as_obj()
            && instance.base().is_none()
            && let Some(builtin) = instance.class().builtin
            && let Some(made) = crate::interpreter::class::make_descriptor(builtin, args)
        {
            instance.set_base(made?);
            return Ok(Value::None);
        }
        // list/dict/set.__init__: of these types (`list.__init__(l, it)`
        // refills `l`) and of their subclasses.
        let base = receiver.builtin_value();
        if !std::ptr::eq(base, receiver)
            || matches!(
                receiver.as_obj(),
                Some(PyObject::List(_) | PyObject::Dict(_) | PyObject::Set(_))
            )
        {
            if let Some(list) = base.as_list_or_subclass() {
                args.check("list", 0, 1)?;
                let items = match args.pos.first() {
                    Some(iterable) => crate::protocol::collect(vm, iterable)?,
                    None => Vec::new(),
                };
                *list.borrow_mut() = items;
                return Ok(Value::None);
            }
            if let Some(dict) = base.as_dict_or_subclass() {
                dict.table_mut().clear();
                if let Some(source) = args.pos.first() {
                    dict.update_from(vm, source)?;
                }
                for (key, value) in args.kw {
                    dict.set_item(Value::str(*key), value.clone())?;
                }
                return Ok(Value::None);
            }
            if let Some(set) = base.as_anyset_or_subclass() {
                set.reinit(vm, args.pos.first())?;
                return Ok(Value::None);
            }
        }
        // object.__init__ with arguments: an error when the class has its
        // own __init__ (they were meant for it), or no __new__ to take them.
        let excess = !args.pos.is_empty() || !args.kw.is_empty();
        let class = crate::typeobject::class_of(receiver);
        let own_init = class.defines(crate::typeobject::Slot::Init);
        let own_new = class.defines(crate::typeobject::Slot::New) || class.builtin.is_some();
        if excess && (own_init || !own_new) {
            // CPython names the class when its __init__ is object's.
            let owner = if own_init { "object" } else { &*class.name };
            return Err(crate::PyErr::type_error(format!(
                "{owner}.__init__() takes exactly one argument (the instance to initialize)"
            )));
        }
        Ok(Value::None)
    }
}

/// `object.__init__` as an attribute (`hasattr(object, '__init__')`,
/// `E().__init__()` for a class without its own): bound to `receiver`,
/// or unbound.
pub fn object_init(receiver: Option<Value>) -> Value {
    match receiver {
        None => unbound_method(&BASE_INIT),
        receiver => Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
            def: &BASE_INIT,
            bound: receiver,
        })),
    }
}

thread_local! {
    /// The unbound descriptor of each method definition reached by a
    /// class-level lookup that is not in a type's namespace (object's
    /// methods, the builtin slot wrappers), made once: CPython's live in
    /// the types' dicts, so `A.__init__ is object.__init__` (pickle asks
    /// whether a class's `__reduce_ex__` is object's).
    static UNBOUND_METHODS: RefCell<HashMap<usize, Value>> = RefCell::new(HashMap::new());
}

/// The one unbound descriptor of `def` (`object.__init__`, `int.__add__`).
pub fn unbound_method(def: &'static MethodDef) -> Value {
    let make = || {
        Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
            def,
            bound: None,
        }))
    };
    UNBOUND_METHODS
        .try_with(|cache| {
            cache
                .borrow_mut()
                .entry(std::ptr::from_ref(def) as usize)
                .or_insert_with(make)
                .clone()
        })
        .unwrap_or_else(|_| make())
}

fn property_with(vm: &mut Vm, receiver: &Value, which: usize, function: &Value) -> PyResult {
    let p = this_property(receiver)?;
    let mut parts = [p.getter.clone(), p.setter.clone(), p.deleter.clone()];
    // CPython's `property_copy`: None keeps the accessor there was.
    if !function.is_none() {
        parts[which] = function.clone();
    }
    // A subclass's copy is made by the subclass (`type(self)(fget, fset,
    // fdel, doc)`).
    if let Some(PyObject::Instance(instance)) = receiver.as_obj() {
        let class = crate::builtins::constructors::type_value(&instance.class_rc());
        let [getter, setter, deleter] = parts;
        let doc = p.doc.borrow().clone();
        return vm.call(
            &class,
            crate::args::Args::new(&[getter, setter, deleter, doc]),
        );
    }
    let [getter, setter, deleter] = parts;
    Ok(Value::obj(PyObject::Property(Box::new(PyProperty {
        getter,
        setter,
        deleter,
        doc: RefCell::new(p.doc.borrow().clone()),
        name: RefCell::new(p.name.borrow().clone()),
    }))))
}

/// The property a method of property was called on.
fn this_property(receiver: &Value) -> crate::PyResult<&PyProperty> {
    match receiver.builtin_value().as_obj() {
        Some(PyObject::Property(p)) => Ok(p),
        _ => Err(crate::PyErr::type_error(
            "descriptor requires a 'property' object",
        )),
    }
}

/// `prop.__set__(obj, value)` / `prop.__delete__(obj)`: the accessor
/// `which` picks called with the arguments, or CPython's AttributeError
/// when the property has none.
fn call_accessor(
    vm: &mut Vm,
    receiver: &Value,
    args: crate::args::Args,
    which: fn(&PyProperty) -> &Value,
    kind: &str,
) -> crate::PyResult {
    let property = this_property(receiver)?;
    let accessor = which(property).clone();
    if accessor.is_none() {
        return Err(property.missing_accessor(&args.pos[0], kind));
    }
    vm.call(&accessor, crate::args::Args::new(args.pos))?;
    Ok(Value::None)
}

/// `staticmethod.__get__(obj, type=None)`: the function itself (for code
/// that binds descriptors by hand; attribute reads bind natively).
pub const STATICMETHOD_METHODS: &[MethodDef] = &[MethodDef {
    name: "__get__",
    params: Params::Any,
    func: |_, method, args| {
        args.check("__get__", 1, 2)?;
        match method.builtin_value().as_obj() {
            Some(PyObject::StaticMethod(m)) => Ok(m.function.clone()),
            _ => Err(crate::PyErr::type_error(
                "descriptor '__get__' requires a 'staticmethod' object",
            )),
        }
    },
}];

/// `classmethod.__get__(obj, type=None)`: the function bound to `type`
/// (or to `obj`'s class).
pub const CLASSMETHOD_METHODS: &[MethodDef] = &[MethodDef {
    name: "__get__",
    params: Params::Any,
    func: |_, method, args| {
        args.check("__get__", 1, 2)?;
        let Some(PyObject::ClassMethod(m)) = method.builtin_value().as_obj() else {
            return Err(crate::PyErr::type_error(
                "descriptor '__get__' requires a 'classmethod' object",
            ));
        };
        let owner = match args.pos.get(1) {
            Some(owner) if !owner.is_none() => owner.clone(),
            _ if args.pos[0].is_none() => {
                return Err(crate::PyErr::type_error("__get__(None, None) is invalid"));
            }
            _ => crate::builtins::constructors::type_value(&crate::typeobject::class_of(
                &args.pos[0],
            )),
        };
        Ok(Value::obj(PyObject::BoundMethod(PyBoundMethod::new(
            owner,
            m.function.clone(),
        ))))
    },
}];

/// `prop.getter(f)`, `prop.setter(f)`, `prop.deleter(f)`: a copy of the
/// property with one accessor replaced.
pub const PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "getter",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("getter", 1, 1)?;
            property_with(vm, receiver, 0, &args.pos[0])
        },
    },
    MethodDef {
        name: "setter",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("setter", 1, 1)?;
            property_with(vm, receiver, 1, &args.pos[0])
        },
    },
    MethodDef {
        name: "deleter",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("deleter", 1, 1)?;
            property_with(vm, receiver, 2, &args.pos[0])
        },
    },
    MethodDef {
        name: "__get__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__get__", 1, 2)?;
            let property = this_property(receiver)?;
            let object = &args.pos[0];
            if object.is_none() {
                return Ok(receiver.clone());
            }
            if property.getter.is_none() {
                return Err(property.missing_accessor(object, "getter"));
            }
            let getter = property.getter.clone();
            vm.call(
                &getter,
                crate::args::Args::new(std::slice::from_ref(object)),
            )
        },
    },
    MethodDef {
        name: "__set__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__set__", 2, 2)?;
            call_accessor(vm, receiver, args, |p| &p.setter, "setter")
        },
    },
    MethodDef {
        name: "__delete__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__delete__", 1, 1)?;
            call_accessor(vm, receiver, args, |p| &p.deleter, "deleter")
        },
    },
    MethodDef {
        name: "__set_name__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            args.check("__set_name__", 2, 2)?;
            if let Some(PyObject::Property(p)) = receiver.builtin_value().as_obj() {
                *p.name.borrow_mut() = args.pos[1].clone();
            }
            Ok(Value::None)
        },
    },
];

/// A function bound to its receiver (`obj.method`).
pub struct PyBoundMethod {
    pub receiver: Value,
    pub function: Value,
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

impl PyBoundMethod {
    pub fn new(receiver: Value, function: Value) -> PyBoundMethod {
        PyBoundMethod {
            receiver,
            function,
            weakrefs: Default::default(),
        }
    }
}

/// A generator: it owns its frame while suspended (design.md §4).
///
/// The frame stays in place for the generator's whole life: resuming moves
/// its slots onto the VM's stack and suspending moves them back into the
/// same buffer, field by field, so a yield neither allocates nor copies a
/// whole frame.
pub struct PyGenerator {
    pub(crate) gc: crate::gc::GcHeader,
    /// `__name__` and `__qualname__`: the function's, which are its code's
    /// own names (shared, not copied) unless the function was renamed;
    /// assignable, as CPython's.
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The frame's state between runs (its slots are empty while running).
    pub frame: RefCell<SuspendedFrame>,
    pub status: Cell<GeneratorStatus>,
    /// Async generators: an `asend`/`athrow` awaitable is driving it.
    pub running_async: Cell<bool>,
    /// Async generators: `aclose()` ran, or it finished.
    pub closed: Cell<bool>,
    /// While it runs for a generator delegating to it with `yield from`
    /// that was resumed without running its own frame (the VM's shortcut
    /// through a delegation chain): that generator, marked running, to
    /// give the delegate's yield, return or exception to. Set only while
    /// this generator's frame runs in place; every exit of the frame takes it.
    pub(crate) delegator: Cell<Option<Value>>,
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

/// What a suspended frame is: `PyObject::Generator`, `Coroutine` or
/// `AsyncGenerator` (one struct, three kinds of object).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GeneratorKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GeneratorKind {
    /// The word of CPython's messages: `generator already executing`...
    pub fn noun(self) -> &'static str {
        match self {
            GeneratorKind::Generator => "generator",
            GeneratorKind::Coroutine => "coroutine",
            GeneratorKind::AsyncGenerator => "async generator",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GeneratorStatus {
    /// Suspended (or not started: `pc == 0`).
    Suspended,
    /// Its frame is on the VM's frame stack right now.
    Running,
    Finished,
}

impl PyGenerator {
    /// The generator moved into a new one, leaving this one finished and
    /// empty (see `interpreter::finalize`).
    pub(crate) fn take_for_finalizer(&mut self) -> Box<PyGenerator> {
        let frame = self.frame.get_mut();
        let empty = SuspendedFrame {
            code: frame.code.clone(),
            pc: frame.pc,
            globals: Value::None,
            slots: Vec::new(),
            handled: Value::None,
        };
        Box::new(PyGenerator {
            gc: Default::default(),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            frame: RefCell::new(std::mem::replace(frame, empty)),
            status: Cell::new(self.status.replace(GeneratorStatus::Finished)),
            running_async: Cell::new(self.running_async.get()),
            closed: Cell::new(self.closed.get()),
            delegator: Cell::new(None),
            // CPython clears them before `close()`: they stay with the
            // dying generator.
            weakrefs: Default::default(),
        })
    }

    /// Lets go of the frame's variables and stack: the collector breaking
    /// a cycle through a generator it could not close (or closed). It is
    /// finished from then on.
    pub(crate) fn clear_for_collector(&self) {
        let Ok(mut frame) = self.frame.try_borrow_mut() else {
            return;
        };
        self.status.set(GeneratorStatus::Finished);
        let slots = std::mem::take(&mut frame.slots);
        let handled = std::mem::replace(&mut frame.handled, Value::Null);
        drop(frame);
        drop((slots, handled));
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(frame) = self.frame.try_borrow() {
            frame.traverse(visit);
        }
    }
}

/// `generator.send(value)`. A named function: CALL recognises it (and
/// `next`) to resume the generator as a frame of its own loop.
pub(crate) fn generator_send(vm: &mut Vm, generator: &Value, args: Args) -> PyResult {
    expect_kind(generator, GeneratorKind::Generator)?;
    args.check("send", 1, 1)?;
    vm.generator_send(generator, args.pos[0].clone())
}

/// The receiver of a generator's or a coroutine's method (`kind`'s),
/// checked: the methods are reachable through the type
/// (`type(gen).send(coro, None)`), and the interpreter resumes any kind.
pub(crate) fn expect_kind(receiver: &Value, kind: GeneratorKind) -> PyResult<()> {
    match (receiver.as_obj(), kind) {
        (Some(PyObject::Generator(_)), GeneratorKind::Generator)
        | (Some(PyObject::Coroutine(_)), GeneratorKind::Coroutine)
        | (Some(PyObject::AsyncGenerator(_)), GeneratorKind::AsyncGenerator) => Ok(()),
        _ => Err(crate::PyErr::type_error(format!(
            "descriptor requires a '{}' object but received a '{}'",
            kind.noun().replace(' ', "_"),
            receiver.type_name()
        ))),
    }
}

/// The methods of generator objects; they run Python code, so they go
/// through the interpreter.
pub const GENERATOR_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        params: crate::builtins::function::Params::Any,
        func: generator_send,
    },
    MethodDef {
        name: "throw",
        params: crate::builtins::function::Params::Any,
        func: |vm, generator, args| {
            expect_kind(generator, GeneratorKind::Generator)?;
            args.check("throw", 1, 3)?;
            // krait has no traceback objects: a third argument can only be None.
            if args.pos.get(2).is_some_and(|tb| !tb.is_none()) {
                return Err(crate::PyErr::type_error(
                    "throw() third argument must be a traceback object",
                ));
            }
            vm.generator_throw(generator, args.pos[0].clone(), args.pos.get(1).cloned())
        },
    },
    MethodDef {
        name: "close",
        params: crate::builtins::function::Params::Any,
        func: |vm, generator, args| {
            expect_kind(generator, GeneratorKind::Generator)?;
            args.check("close", 0, 0)?;
            vm.generator_close(generator)
        },
    },
    MethodDef {
        name: "__next__",
        params: crate::builtins::function::Params::Any,
        func: |vm, generator, args| {
            // (A slot wrapper in CPython, with that message.)
            if !matches!(generator.as_obj(), Some(PyObject::Generator(_))) {
                return Err(crate::PyErr::type_error(format!(
                    "descriptor '__next__' requires a 'generator' object but received a '{}'",
                    generator.type_name()
                )));
            }
            args.check("__next__", 0, 0)?;
            vm.generator_send(generator, Value::None)
        },
    },
    MethodDef {
        name: "__iter__",
        params: crate::builtins::function::Params::Any,
        func: |_, generator, args| {
            args.check("__iter__", 0, 0)?;
            Ok(generator.clone())
        },
    },
];
