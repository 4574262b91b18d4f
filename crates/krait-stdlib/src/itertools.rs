//! `itertools`: CPython's iterator building blocks, lazy as CPython's
//! (each draws from its inputs only when asked for an item), with its
//! reprs (`count(5)`, `repeat('a', 3)`) and messages.
//!
//! Every iterator is a native type whose [`NativeData::next`] steps it,
//! so `for` loops drive them without a method call per item. State lives
//! in cells: stepping calls back into Python (the inputs' `__next__`, a
//! key or predicate function), which may step the same iterator again,
//! so no borrow is held across such a call.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::protocol::{self, BinaryOp};
use krait_vm::sequence::index_arg;
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use crate::util::{iter_next, iter_self, method, type_value};

/// `Some(Ok(None))`: the iterator is exhausted.
type Step = PyResult<Option<Value>>;

macro_rules! iterator_types {
    ($($name:literal => $key:ident, $methods:expr;)*) => {
        thread_local! {
            $(static $key: Rc<TypeObject> = native_type_in("itertools", $name, $methods);)*
        }

        pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
            let mut attributes = vec![$(($name, type_value($key.with(Rc::clone)))),*];
            let from_iterable = Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                name: "from_iterable",
                func: chain_from_iterable,
            }));
            CHAIN.with(|chain| {
                chain.dict.borrow_mut().insert(Box::from("from_iterable"), from_iterable)
            });
            krait_vm::typeobject::classes_changed();
            attributes.push((
                "tee",
                Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name: "tee", func: tee })),
            ));
            Ok(attributes)
        }
    };
}

iterator_types! {
    "count" => COUNT, COUNT_METHODS;
    "cycle" => CYCLE, PLAIN_METHODS;
    "repeat" => REPEAT, REPEAT_METHODS;
    "accumulate" => ACCUMULATE, PLAIN_METHODS;
    "chain" => CHAIN, PLAIN_METHODS;
    "compress" => COMPRESS, PLAIN_METHODS;
    "dropwhile" => DROPWHILE, PLAIN_METHODS;
    "takewhile" => TAKEWHILE, PLAIN_METHODS;
    "filterfalse" => FILTERFALSE, PLAIN_METHODS;
    "groupby" => GROUPBY, PLAIN_METHODS;
    "_grouper" => GROUPER, GROUPER_METHODS;
    "islice" => ISLICE, PLAIN_METHODS;
    "pairwise" => PAIRWISE, PLAIN_METHODS;
    "starmap" => STARMAP, PLAIN_METHODS;
    "zip_longest" => ZIP_LONGEST, PLAIN_METHODS;
    "product" => PRODUCT, PLAIN_METHODS;
    "permutations" => PERMUTATIONS, PLAIN_METHODS;
    "combinations" => COMBINATIONS, PLAIN_METHODS;
    "combinations_with_replacement" => COMBINATIONS_WR, PLAIN_METHODS;
    "_tee" => TEE, TEE_METHODS;
}

/// The methods every itertools type has: `__new__` (found by the type's
/// name, so one table serves all), `__iter__`, `__next__`.
macro_rules! methods_with {
    ($new:expr $(, $extra:expr)*) => {
        &[
            method("__new__", Params::Any, $new),
            method("__iter__", Params::NoArgs, iter_self),
            method("__next__", Params::NoArgs, iter_next),
            $($extra,)*
        ]
    };
}

static PLAIN_METHODS: &[MethodDef] = methods_with!(new_by_name);
static COUNT_METHODS: &[MethodDef] =
    methods_with!(new_by_name, method("__repr__", Params::NoArgs, count_repr));
static REPEAT_METHODS: &[MethodDef] = methods_with!(
    new_by_name,
    method("__repr__", Params::NoArgs, repeat_repr),
    method("__length_hint__", Params::NoArgs, repeat_length_hint)
);
static GROUPER_METHODS: &[MethodDef] = methods_with!(new_by_name);
static TEE_METHODS: &[MethodDef] =
    methods_with!(new_by_name, method("__copy__", Params::NoArgs, tee_copy));

/// `T(...)`: the constructor of the itertools type `T` (the receiver).
fn new_by_name(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = match receiver.as_obj() {
        Some(PyObject::Type(t)) => std::iter::once(t)
            .chain(t.mro.iter())
            .find(|t| !t.heap)
            .map(|t| t.name.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let new: fn(&mut Vm, Args) -> PyResult = match name.as_str() {
        "count" => count_new,
        "cycle" => cycle_new,
        "repeat" => repeat_new,
        "accumulate" => accumulate_new,
        "chain" => chain_new,
        "compress" => compress_new,
        "dropwhile" => dropwhile_new,
        "takewhile" => takewhile_new,
        "filterfalse" => filterfalse_new,
        "groupby" => groupby_new,
        "islice" => islice_new,
        "pairwise" => pairwise_new,
        "starmap" => starmap_new,
        "zip_longest" => zip_longest_new,
        "product" => product_new,
        "permutations" => permutations_new,
        "combinations" => combinations_new,
        "combinations_with_replacement" => combinations_wr_new,
        "_tee" => tee_new,
        _ => {
            return Err(PyErr::type_error(format!(
                "cannot create 'itertools.{name}' instances"
            )));
        }
    };
    new(vm, args)
}

fn make(class: &'static std::thread::LocalKey<Rc<TypeObject>>, data: impl NativeData) -> Value {
    NativeObject::new_value(class.with(Rc::clone), data)
}

/// Steps `iterator` (an iterator value).
fn step(vm: &mut Vm, iterator: &Value) -> Step {
    protocol::next(vm, iterator)
}

/// The state of an iterator, or the error when it is of another type.
fn data<T: NativeData>(receiver: &Value) -> PyResult<&T> {
    receiver
        .native::<T>()
        .ok_or_else(|| PyErr::type_error("descriptor applied to the wrong itertools type"))
}

/// Checks a constructor's argument count and keywords.
fn check(args: &Args, name: &str, min: usize, max: usize, keywords: &[&str]) -> PyResult<()> {
    args.check_kw(name, keywords)?;
    let n = args.pos.len();
    if n < min || n > max {
        let expected = if min == max {
            format!("{name} expected {min} argument{}", plural(min))
        } else if n < min {
            format!("{name} expected at least {min} argument{}", plural(min))
        } else {
            format!("{name} expected at most {max} argument{}", plural(max))
        };
        return Err(PyErr::type_error(format!("{expected}, got {n}")));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A required argument given by position or keyword, with CPython's
/// Argument Clinic message when missing.
fn required<'a>(args: &Args<'a>, i: usize, name: &str, function: &str) -> PyResult<&'a Value> {
    args.get(i, name).ok_or_else(|| {
        PyErr::type_error(format!(
            "{function}() missing required argument '{name}' (pos {})",
            i + 1
        ))
    })
}

// ---------------------------------------------------------------------------
// count, cycle, repeat

struct Count {
    next: RefCell<Value>,
    step: Value,
}

impl NativeData for Count {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.next.borrow());
        visit(&self.step);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        let current = self.next.borrow().clone();
        let following = match (&current, &self.step) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            _ => match vm.binary(BinaryOp::Add, &current, &self.step) {
                Ok(v) => v,
                Err(err) => return Some(Err(err)),
            },
        };
        *self.next.borrow_mut() = following;
        Some(Ok(Some(current)))
    }
}

fn is_number(value: &Value) -> bool {
    matches!(value, Value::Int(_) | Value::Bool(_) | Value::Float(_))
        || value.is_int()
        || matches!(
            value.as_obj(),
            Some(PyObject::Instance(_) | PyObject::Native(_))
        )
}

fn count_new(_: &mut Vm, args: Args) -> PyResult {
    check(&args, "count", 0, 2, &["start", "step"])?;
    let start = args.get(0, "start").cloned().unwrap_or(Value::Int(0));
    let step = args.get(1, "step").cloned().unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(make(
        &COUNT,
        Count {
            next: RefCell::new(start),
            step,
        },
    ))
}

fn count_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let count = data::<Count>(receiver)?;
    let next = count.next.borrow().clone();
    let mut text = format!("count({}", vm.repr(&next)?);
    if !matches!(count.step, Value::Int(1)) {
        text.push_str(&format!(", {}", vm.repr(&count.step)?));
    }
    text.push(')');
    Ok(Value::str(text))
}

struct Cycle {
    iterator: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeData for Cycle {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(it) = &*self.iterator.borrow() {
            visit(it);
        }
        self.saved.borrow().iter().for_each(visit);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        let iterator = self.iterator.borrow().clone();
        if let Some(iterator) = iterator {
            match step(vm, &iterator) {
                Ok(Some(value)) => {
                    self.saved.borrow_mut().push(value.clone());
                    return Some(Ok(Some(value)));
                }
                Ok(None) => *self.iterator.borrow_mut() = None,
                Err(err) => return Some(Err(err)),
            }
        }
        let saved = self.saved.borrow();
        if saved.is_empty() {
            return Some(Ok(None));
        }
        let i = self.index.get() % saved.len();
        self.index.set(i + 1);
        Some(Ok(Some(saved[i].clone())))
    }
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "cycle", 1, 1, &[])?;
    let iterator = vm.iterate(&args.pos[0])?;
    Ok(make(
        &CYCLE,
        Cycle {
            iterator: RefCell::new(Some(iterator)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

struct Repeat {
    object: Value,
    /// `None`: forever.
    left: Cell<Option<i64>>,
}

impl NativeData for Repeat {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.object);
    }

    fn next(&self, _: &mut Vm) -> Option<Step> {
        match self.left.get() {
            Some(0) => return Some(Ok(None)),
            Some(n) => self.left.set(Some(n - 1)),
            None => {}
        }
        Some(Ok(Some(self.object.clone())))
    }
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "repeat", 0, 2, &["object", "times"])?;
    let object = required(&args, 0, "object", "repeat")?.clone();
    let left = match args.get(1, "times") {
        Some(times) => Some(index_arg(vm, times, "times")?.max(0)),
        None => None,
    };
    Ok(make(
        &REPEAT,
        Repeat {
            object,
            left: Cell::new(left),
        },
    ))
}

fn repeat_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let repeat = data::<Repeat>(receiver)?;
    let object = vm.repr(&repeat.object)?;
    Ok(Value::str(match repeat.left.get() {
        Some(n) => format!("repeat({object}, {n})"),
        None => format!("repeat({object})"),
    }))
}

fn repeat_length_hint(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    match data::<Repeat>(receiver)?.left.get() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(PyErr::type_error("len() of unsized object")),
    }
}

// ---------------------------------------------------------------------------
// accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap

struct Accumulate {
    iterator: Value,
    function: Value,
    total: RefCell<Option<Value>>,
    /// `initial=`, yielded first.
    initial: RefCell<Option<Value>>,
}

impl NativeData for Accumulate {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.iterator);
        visit(&self.function);
        if let Some(v) = &*self.total.borrow() {
            visit(v);
        }
        if let Some(v) = &*self.initial.borrow() {
            visit(v);
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        if let Some(initial) = self.initial.borrow_mut().take() {
            *self.total.borrow_mut() = Some(initial.clone());
            return Some(Ok(Some(initial)));
        }
        let value = match step(vm, &self.iterator) {
            Ok(Some(value)) => value,
            other => return Some(other),
        };
        let total = self.total.borrow().clone();
        let total = match total {
            None => value,
            Some(total) if self.function.is_none() => {
                match vm.binary(BinaryOp::Add, &total, &value) {
                    Ok(v) => v,
                    Err(err) => return Some(Err(err)),
                }
            }
            Some(total) => match vm.call(&self.function, Args::new(&[total, value])) {
                Ok(v) => v,
                Err(err) => return Some(Err(err)),
            },
        };
        *self.total.borrow_mut() = Some(total.clone());
        Some(Ok(Some(total)))
    }
}

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "accumulate", 0, 2, &["iterable", "func", "initial"])?;
    let iterable = required(&args, 0, "iterable", "accumulate")?;
    let iterator = vm.iterate(iterable)?;
    let function = args.get(1, "func").cloned().unwrap_or(Value::None);
    let initial = args.kwarg("initial").filter(|v| !v.is_none()).cloned();
    Ok(make(
        &ACCUMULATE,
        Accumulate {
            iterator,
            function,
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
    ))
}

struct Chain {
    /// The iterables still to come (an iterator over them); `None` once
    /// it is exhausted or an iterable was not iterable (CPython clears
    /// its source then: the chain is over).
    sources: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}

impl NativeData for Chain {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &*self.sources.borrow() {
            visit(v);
        }
        if let Some(v) = &*self.active.borrow() {
            visit(v);
        }
    }

    /// The iterable being taken from, when it is a generator: its items
    /// are the chain's as they come.
    fn pass_through(&self) -> Option<Value> {
        let active = self.active.borrow();
        match active.as_ref()?.as_obj()? {
            PyObject::Generator(_) => active.clone(),
            _ => None,
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        loop {
            let active = self.active.borrow().clone();
            if let Some(active) = active {
                match step(vm, &active) {
                    Ok(None) => *self.active.borrow_mut() = None,
                    other => return Some(other),
                }
            }
            let Some(sources) = self.sources.borrow().clone() else {
                return Some(Ok(None));
            };
            let source = match step(vm, &sources) {
                Ok(Some(source)) => source,
                other => {
                    *self.sources.borrow_mut() = None;
                    return Some(other);
                }
            };
            match vm.iterate(&source) {
                Ok(iterator) => *self.active.borrow_mut() = Some(iterator),
                Err(err) => {
                    *self.sources.borrow_mut() = None;
                    return Some(Err(err));
                }
            }
        }
    }
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("chain", &[])?;
    let sources = vm.iterate(&Value::tuple(args.pos.to_vec()))?;
    Ok(make(
        &CHAIN,
        Chain {
            sources: RefCell::new(Some(sources)),
            active: RefCell::new(None),
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult {
    args.check("from_iterable", 1, 1)?;
    let sources = vm.iterate(&args.pos[0])?;
    Ok(make(
        &CHAIN,
        Chain {
            sources: RefCell::new(Some(sources)),
            active: RefCell::new(None),
        },
    ))
}

struct Compress {
    data: Value,
    selectors: Value,
}

impl NativeData for Compress {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data);
        visit(&self.selectors);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        loop {
            let value = match step(vm, &self.data) {
                Ok(Some(value)) => value,
                other => return Some(other),
            };
            let selector = match step(vm, &self.selectors) {
                Ok(Some(selector)) => selector,
                other => return Some(other),
            };
            match vm.truthy_value(&selector) {
                Ok(true) => return Some(Ok(Some(value))),
                Ok(false) => {}
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

fn compress_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "compress", 0, 2, &["data", "selectors"])?;
    let data = vm.iterate(required(&args, 0, "data", "compress")?)?;
    let selectors = vm.iterate(required(&args, 1, "selectors", "compress")?)?;
    Ok(make(&COMPRESS, Compress { data, selectors }))
}

/// `dropwhile`, `takewhile` and `filterfalse`: a predicate over an
/// iterator.
struct Predicated {
    predicate: Value,
    iterator: Value,
    /// dropwhile: done dropping; takewhile: done taking.
    flipped: Cell<bool>,
}

impl NativeData for Predicated {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.predicate);
        visit(&self.iterator);
    }
}

impl Predicated {
    fn test(&self, vm: &mut Vm, value: &Value) -> PyResult<bool> {
        let result = if self.predicate.is_none() {
            value.clone()
        } else {
            vm.call(&self.predicate, Args::new(std::slice::from_ref(value)))?
        };
        vm.truthy_value(&result)
    }
}

macro_rules! predicated {
    ($wrapper:ident, $name:literal, $class:ident, $step:expr) => {
        struct $wrapper(Predicated);

        impl NativeData for $wrapper {
            fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
                self.0.traverse(visit);
            }

            fn next(&self, vm: &mut Vm) -> Option<Step> {
                let step: fn(&Predicated, &mut Vm) -> Step = $step;
                Some(step(&self.0, vm))
            }
        }

        impl $wrapper {
            fn construct(vm: &mut Vm, args: Args) -> PyResult {
                check(&args, $name, 2, 2, &[])?;
                let iterator = vm.iterate(&args.pos[1])?;
                Ok(make(
                    &$class,
                    $wrapper(Predicated {
                        predicate: args.pos[0].clone(),
                        iterator,
                        flipped: Cell::new(false),
                    }),
                ))
            }
        }
    };
}

predicated!(DropWhile, "dropwhile", DROPWHILE, |p, vm| loop {
    let Some(value) = step(vm, &p.iterator)? else {
        return Ok(None);
    };
    if p.flipped.get() || !p.test(vm, &value)? {
        p.flipped.set(true);
        return Ok(Some(value));
    }
});

predicated!(TakeWhile, "takewhile", TAKEWHILE, |p, vm| {
    if p.flipped.get() {
        return Ok(None);
    }
    let Some(value) = step(vm, &p.iterator)? else {
        return Ok(None);
    };
    if p.test(vm, &value)? {
        return Ok(Some(value));
    }
    p.flipped.set(true);
    Ok(None)
});

predicated!(FilterFalse, "filterfalse", FILTERFALSE, |p, vm| loop {
    let Some(value) = step(vm, &p.iterator)? else {
        return Ok(None);
    };
    if !p.test(vm, &value)? {
        return Ok(Some(value));
    }
});

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult {
    DropWhile::construct(vm, args)
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult {
    TakeWhile::construct(vm, args)
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult {
    FilterFalse::construct(vm, args)
}

struct Starmap {
    function: Value,
    iterator: Value,
}

impl NativeData for Starmap {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.function);
        visit(&self.iterator);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        let arguments = match step(vm, &self.iterator) {
            Ok(Some(arguments)) => arguments,
            other => return Some(other),
        };
        let arguments = match protocol::collect(vm, &arguments) {
            Ok(arguments) => arguments,
            Err(err) => return Some(Err(err)),
        };
        Some(vm.call(&self.function, Args::new(&arguments)).map(Some))
    }
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "starmap", 2, 2, &[])?;
    let iterator = vm.iterate(&args.pos[1])?;
    Ok(make(
        &STARMAP,
        Starmap {
            function: args.pos[0].clone(),
            iterator,
        },
    ))
}

// ---------------------------------------------------------------------------
// groupby

struct GroupBy {
    iterator: Value,
    key: Value,
    /// The item read ahead and its key (the start of the next group).
    current: RefCell<Option<(Value, Value)>>,
    /// The key of the group last handed out.
    target: RefCell<Option<Value>>,
    /// Which grouper is live: older ones stop.
    generation: Cell<u64>,
}

impl NativeData for GroupBy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.iterator);
        visit(&self.key);
        if let Some((a, b)) = &*self.current.borrow() {
            visit(a);
            visit(b);
        }
        if let Some(t) = &*self.target.borrow() {
            visit(t);
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        Some(self.next_group(vm))
    }
}

impl GroupBy {
    /// Reads the next item into `current`; false at the end.
    fn advance(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(value) = step(vm, &self.iterator)? else {
            *self.current.borrow_mut() = None;
            return Ok(false);
        };
        let key = if self.key.is_none() {
            value.clone()
        } else {
            vm.call(&self.key, Args::new(std::slice::from_ref(&value)))?
        };
        *self.current.borrow_mut() = Some((key, value));
        Ok(true)
    }

    fn next_group(&self, vm: &mut Vm) -> Step {
        self.generation.set(self.generation.get() + 1);
        // Skip what is left of the group handed out last.
        loop {
            let current = self.current.borrow().as_ref().map(|(k, _)| k.clone());
            let target = self.target.borrow().clone();
            match (current, target) {
                (None, _) => {
                    if !self.advance(vm)? {
                        return Ok(None);
                    }
                }
                (Some(key), Some(target)) if vm.equal(&key, &target)? => {
                    if !self.advance(vm)? {
                        return Ok(None);
                    }
                }
                (Some(key), _) => {
                    *self.target.borrow_mut() = Some(key.clone());
                    return Ok(Some(key));
                }
            }
        }
    }
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "groupby", 0, 2, &["iterable", "key"])?;
    let iterable = required(&args, 0, "iterable", "groupby")?;
    let iterator = vm.iterate(iterable)?;
    let key = args.get(1, "key").cloned().unwrap_or(Value::None);
    let group_by = make(
        &GROUPBY_STATE,
        GroupBy {
            iterator,
            key,
            current: RefCell::new(None),
            target: RefCell::new(None),
            generation: Cell::new(0),
        },
    );
    Ok(make(&GROUPBY, GroupByOuter(group_by)))
}

thread_local! {
    static GROUPBY_STATE: Rc<TypeObject> = native_type_in("itertools", "_groupby_state", &[]);
}

/// What `groupby(...)` returns: yields `(key, grouper)` pairs over the
/// shared state (kept in its own value, which the groupers hold too).
struct GroupByOuter(Value);

impl NativeData for GroupByOuter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        let state = self.0.native::<GroupBy>().expect("groupby state");
        let key = match state.next_group(vm) {
            Ok(Some(key)) => key,
            other => return Some(other),
        };
        let grouper = make(
            &GROUPER,
            Grouper {
                parent: self.0.clone(),
                key: key.clone(),
                generation: state.generation.get(),
            },
        );
        Some(Ok(Some(Value::tuple(vec![key, grouper]))))
    }
}

struct Grouper {
    parent: Value,
    key: Value,
    generation: u64,
}

impl NativeData for Grouper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent);
        visit(&self.key);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        Some(self.step(vm))
    }
}

impl Grouper {
    fn step(&self, vm: &mut Vm) -> Step {
        let state = self.parent.native::<GroupBy>().expect("groupby state");
        if state.generation.get() != self.generation {
            return Ok(None);
        }
        if state.current.borrow().is_none() && !state.advance(vm)? {
            return Ok(None);
        }
        let Some((key, value)) = state.current.borrow().clone() else {
            return Ok(None);
        };
        if !vm.equal(&key, &self.key)? {
            return Ok(None);
        }
        *state.current.borrow_mut() = None;
        Ok(Some(value))
    }
}

// ---------------------------------------------------------------------------
// islice, pairwise, zip_longest

struct ISlice {
    iterator: RefCell<Option<Value>>,
    /// Index of the next item to yield.
    next: Cell<usize>,
    stop: Option<usize>,
    step: usize,
    /// Items consumed so far.
    consumed: Cell<usize>,
}

impl NativeData for ISlice {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(it) = &*self.iterator.borrow() {
            visit(it);
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        Some(self.step(vm))
    }
}

impl ISlice {
    fn step(&self, vm: &mut Vm) -> Step {
        let Some(iterator) = self.iterator.borrow().clone() else {
            return Ok(None);
        };
        let wanted = self.next.get();
        if self.stop.is_some_and(|stop| wanted >= stop) {
            // Consume up to stop, as CPython does, then finish.
            while self.stop.is_some_and(|stop| self.consumed.get() < stop) {
                if step(vm, &iterator)?.is_none() {
                    break;
                }
                self.consumed.set(self.consumed.get() + 1);
            }
            *self.iterator.borrow_mut() = None;
            return Ok(None);
        }
        while self.consumed.get() < wanted {
            if step(vm, &iterator)?.is_none() {
                *self.iterator.borrow_mut() = None;
                return Ok(None);
            }
            self.consumed.set(self.consumed.get() + 1);
        }
        let Some(value) = step(vm, &iterator)? else {
            *self.iterator.borrow_mut() = None;
            return Ok(None);
        };
        self.consumed.set(self.consumed.get() + 1);
        self.next.set(wanted.saturating_add(self.step));
        Ok(Some(value))
    }
}

fn islice_bound(vm: &mut Vm, value: &Value, message: &str) -> PyResult<Option<usize>> {
    if value.is_none() {
        return Ok(None);
    }
    if !crate::util::may_be_index(value) {
        return Err(PyErr::value_error(message.to_string()));
    }
    match index_arg(vm, value, "islice") {
        Ok(n) if n >= 0 => Ok(Some(n as usize)),
        Ok(_) => Err(PyErr::value_error(message.to_string())),
        Err(_) => Err(PyErr::value_error(message.to_string())),
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "islice", 2, 4, &[])?;
    let iterator = vm.iterate(&args.pos[0])?;
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if args.pos.len() == 2 {
        (0, islice_bound(vm, &args.pos[1], STOP)?, 1)
    } else {
        let start = islice_bound(vm, &args.pos[1], INDICES)?.unwrap_or(0);
        let stop = islice_bound(vm, &args.pos[2], STOP)?;
        let step = match args.pos.get(3) {
            None => 1,
            Some(v) if v.is_none() => 1,
            Some(v) => match index_arg(vm, v, "step") {
                Ok(n) if n >= 1 => n as usize,
                _ => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ));
                }
            },
        };
        (start, stop, step)
    };
    Ok(make(
        &ISLICE,
        ISlice {
            iterator: RefCell::new(Some(iterator)),
            next: Cell::new(start),
            stop,
            step,
            consumed: Cell::new(0),
        },
    ))
}

struct Pairwise {
    iterator: RefCell<Option<Value>>,
    previous: RefCell<Option<Value>>,
}

impl NativeData for Pairwise {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &*self.iterator.borrow() {
            visit(v);
        }
        if let Some(v) = &*self.previous.borrow() {
            visit(v);
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        let Some(iterator) = self.iterator.borrow().clone() else {
            return Some(Ok(None));
        };
        let previous = self.previous.borrow().clone();
        let previous = match previous {
            Some(previous) => previous,
            None => match step(vm, &iterator) {
                Ok(Some(first)) => first,
                other => {
                    *self.iterator.borrow_mut() = None;
                    return Some(other);
                }
            },
        };
        match step(vm, &iterator) {
            Ok(Some(value)) => {
                *self.previous.borrow_mut() = Some(value.clone());
                Some(Ok(Some(Value::tuple(vec![previous, value]))))
            }
            other => {
                *self.iterator.borrow_mut() = None;
                *self.previous.borrow_mut() = None;
                Some(other)
            }
        }
    }
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "pairwise", 1, 1, &[])?;
    let iterator = vm.iterate(&args.pos[0])?;
    Ok(make(
        &PAIRWISE,
        Pairwise {
            iterator: RefCell::new(Some(iterator)),
            previous: RefCell::new(None),
        },
    ))
}

struct ZipLongest {
    /// `None` once that input is exhausted.
    iterators: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fill: Value,
}

impl NativeData for ZipLongest {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.iterators
            .borrow()
            .iter()
            .flatten()
            .for_each(&mut *visit);
        visit(&self.fill);
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        Some(self.step(vm))
    }
}

impl ZipLongest {
    fn step(&self, vm: &mut Vm) -> Step {
        let count = self.iterators.borrow().len();
        if count == 0 || self.active.get() == 0 {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(count);
        for i in 0..count {
            let iterator = self.iterators.borrow()[i].clone();
            let item = match iterator {
                None => self.fill.clone(),
                Some(iterator) => match step(vm, &iterator)? {
                    Some(value) => value,
                    None => {
                        self.iterators.borrow_mut()[i] = None;
                        self.active.set(self.active.get() - 1);
                        if self.active.get() == 0 {
                            return Ok(None);
                        }
                        self.fill.clone()
                    }
                },
            };
            items.push(item);
        }
        Ok(Some(Value::tuple(items)))
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("zip_longest", &["fillvalue"])?;
    let mut iterators = Vec::with_capacity(args.pos.len());
    for iterable in args.pos {
        iterators.push(Some(vm.iterate(iterable)?));
    }
    let fill = args.kwarg("fillvalue").cloned().unwrap_or(Value::None);
    Ok(make(
        &ZIP_LONGEST,
        ZipLongest {
            active: Cell::new(iterators.len()),
            iterators: RefCell::new(iterators),
            fill,
        },
    ))
}

// ---------------------------------------------------------------------------
// product, permutations, combinations, combinations_with_replacement

/// The index state of the combinatoric iterators: the pool, the current
/// indices, and whether the first tuple was handed out.
struct Combinatoric {
    pool: Vec<Value>,
    indices: RefCell<Vec<usize>>,
    /// permutations' cycle counters.
    cycles: RefCell<Vec<usize>>,
    r: usize,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl Combinatoric {
    fn new(pool: Vec<Value>, indices: Vec<usize>, r: usize) -> Combinatoric {
        Combinatoric {
            pool,
            indices: RefCell::new(indices),
            cycles: RefCell::new(Vec::new()),
            r,
            started: Cell::new(false),
            done: Cell::new(false),
        }
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(visit);
    }

    fn tuple(&self) -> Value {
        let indices = self.indices.borrow();
        Value::tuple(
            indices[..self.r]
                .iter()
                .map(|&i| self.pool[i].clone())
                .collect(),
        )
    }

    /// Runs `advance` (false when there is no next tuple) unless this is
    /// the first call, then gives the current tuple.
    fn step(&self, advance: impl FnOnce(&Combinatoric) -> bool) -> Step {
        if self.done.get() {
            return Ok(None);
        }
        if self.started.get() {
            if !advance(self) {
                self.done.set(true);
                return Ok(None);
            }
        } else {
            self.started.set(true);
        }
        Ok(Some(self.tuple()))
    }
}

/// `product`: one pool per argument (each repeated), indices into each.
struct Product {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl NativeData for Product {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(visit);
    }

    fn next(&self, _: &mut Vm) -> Option<Step> {
        if self.done.get() {
            return Some(Ok(None));
        }
        let mut indices = self.indices.borrow_mut();
        if self.started.get() {
            // Odometer: the rightmost index that can advance does, the
            // ones after it restart.
            let mut i = self.pools.len();
            loop {
                if i == 0 {
                    self.done.set(true);
                    return Some(Ok(None));
                }
                i -= 1;
                indices[i] += 1;
                if indices[i] < self.pools[i].len() {
                    break;
                }
                indices[i] = 0;
            }
        } else {
            self.started.set(true);
            if self.pools.iter().any(Vec::is_empty) {
                self.done.set(true);
                return Some(Ok(None));
            }
        }
        let items = indices
            .iter()
            .zip(&self.pools)
            .map(|(&i, pool)| pool[i].clone())
            .collect();
        Some(Ok(Some(Value::tuple(items))))
    }
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("product", &["repeat"])?;
    let repeat = match args.kwarg("repeat") {
        Some(v) => index_arg(vm, v, "repeat")?,
        None => 1,
    };
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut pools = Vec::new();
    for iterable in args.pos {
        pools.push(protocol::collect(vm, iterable)?);
    }
    let repeat = repeat as usize;
    if pools.len().saturating_mul(repeat) > isize::MAX as usize / 16 {
        return Err(PyErr::overflow_error("repeat argument too large"));
    }
    let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
    Ok(make(
        &PRODUCT,
        Product {
            indices: RefCell::new(vec![0; pools.len()]),
            pools,
            started: Cell::new(false),
            done: Cell::new(false),
        },
    ))
}

/// The `r` argument: `None` means the pool's length.
fn r_arg(vm: &mut Vm, value: Option<&Value>, n: usize) -> PyResult<usize> {
    match value {
        None => Ok(n),
        Some(v) if v.is_none() => Ok(n),
        Some(v) => {
            // CPython's message for permutations' r.
            if krait_vm::builtins::int::as_int(v).is_none() {
                return Err(PyErr::type_error("Expected int as r"));
            }
            let r = index_arg(vm, v, "r")?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

/// The `r` of `combinations()`: an index (None is not one), not negative.
fn index_r(vm: &mut Vm, value: &Value) -> PyResult<usize> {
    let r = index_arg(vm, value, "r")?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

struct Permutations(Combinatoric);

impl NativeData for Permutations {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn next(&self, _: &mut Vm) -> Option<Step> {
        let state = &self.0;
        let n = state.pool.len();
        if state.r > n {
            return Some(Ok(None));
        }
        Some(state.step(|state| {
            let r = state.r;
            let mut indices = state.indices.borrow_mut();
            let mut cycles = state.cycles.borrow_mut();
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    // Move index i to the end; restart its counter.
                    let moved = indices.remove(i);
                    indices.push(moved);
                    cycles[i] = n - i;
                } else {
                    let j = n - cycles[i];
                    indices.swap(i, j);
                    return true;
                }
            }
            false
        }))
    }
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "permutations", 0, 2, &["iterable", "r"])?;
    let pool = protocol::collect(vm, required(&args, 0, "iterable", "permutations")?)?;
    let n = pool.len();
    let r = r_arg(vm, args.get(1, "r"), n)?;
    let state = Combinatoric::new(pool, (0..n).collect(), r);
    *state.cycles.borrow_mut() = (0..r.min(n)).map(|i| n - i).collect();
    Ok(make(&PERMUTATIONS, Permutations(state)))
}

struct Combinations(Combinatoric);

impl NativeData for Combinations {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn next(&self, _: &mut Vm) -> Option<Step> {
        let state = &self.0;
        let n = state.pool.len();
        if state.r > n {
            return Some(Ok(None));
        }
        Some(state.step(|state| {
            let r = state.r;
            let mut indices = state.indices.borrow_mut();
            // The rightmost index not at its maximum advances; the ones
            // after it follow it.
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                return false;
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            true
        }))
    }
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "combinations", 0, 2, &["iterable", "r"])?;
    let pool = protocol::collect(vm, required(&args, 0, "iterable", "combinations")?)?;
    let r = match args.get(1, "r") {
        Some(v) => index_r(vm, v)?,
        None => {
            return Err(PyErr::type_error(
                "combinations() missing required argument 'r' (pos 2)",
            ));
        }
    };
    let state = Combinatoric::new(pool, (0..r).collect(), r);
    Ok(make(&COMBINATIONS, Combinations(state)))
}

struct CombinationsWithReplacement(Combinatoric);

impl NativeData for CombinationsWithReplacement {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.traverse(visit);
    }

    fn next(&self, _: &mut Vm) -> Option<Step> {
        let state = &self.0;
        let n = state.pool.len();
        if n == 0 && state.r > 0 {
            return Some(Ok(None));
        }
        Some(state.step(|state| {
            let r = state.r;
            let mut indices = state.indices.borrow_mut();
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                return false;
            };
            let value = indices[i] + 1;
            for index in indices[i..r].iter_mut() {
                *index = value;
            }
            true
        }))
    }
}

fn combinations_wr_new(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "combinations_with_replacement",
        0,
        2,
        &["iterable", "r"],
    )?;
    let pool = protocol::collect(
        vm,
        required(&args, 0, "iterable", "combinations_with_replacement")?,
    )?;
    let r = match args.get(1, "r") {
        Some(v) => index_r(vm, v)?,
        None => {
            return Err(PyErr::type_error(
                "combinations_with_replacement() missing required argument 'r' (pos 2)",
            ));
        }
    };
    let state = Combinatoric::new(pool, vec![0; r], r);
    Ok(make(&COMBINATIONS_WR, CombinationsWithReplacement(state)))
}

// ---------------------------------------------------------------------------
// tee

/// What the tees of one `tee()` call share: the input, and the items read
/// from it that some tee has not yet passed (`buffer[0]` is item `base`).
struct TeeShared {
    iterator: Value,
    buffer: RefCell<VecDeque<Value>>,
    base: Cell<usize>,
    /// Each live tee's position (`None` once dropped): the buffer keeps
    /// what the slowest one still needs.
    positions: RefCell<Vec<Option<usize>>>,
}

impl TeeShared {
    fn trim(&self) {
        let slowest = self.positions.borrow().iter().flatten().copied().min();
        let slowest = slowest.unwrap_or(usize::MAX);
        let mut buffer = self.buffer.borrow_mut();
        while self.base.get() < slowest && !buffer.is_empty() {
            buffer.pop_front();
            self.base.set(self.base.get() + 1);
        }
    }
}

struct Tee {
    shared: Rc<TeeShared>,
    id: usize,
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut positions) = self.shared.positions.try_borrow_mut() {
            positions[self.id] = None;
        }
    }
}

impl NativeData for Tee {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The state is shared by the tees of one `tee()` call: reported by
        // none while several hold it, so that no reference counts twice
        // (the collector only keeps more alive then).
        if Rc::strong_count(&self.shared) > 1 {
            return;
        }
        visit(&self.shared.iterator);
        if let Ok(buffer) = self.shared.buffer.try_borrow() {
            buffer.iter().for_each(visit);
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<Step> {
        Some(self.step(vm))
    }
}

impl Tee {
    fn position(&self) -> usize {
        self.shared.positions.borrow()[self.id].unwrap_or(0)
    }

    fn step(&self, vm: &mut Vm) -> Step {
        let shared = &self.shared;
        let position = self.position();
        let offset = position - shared.base.get();
        let buffered = shared.buffer.borrow().get(offset).cloned();
        let value = match buffered {
            Some(value) => value,
            None => match step(vm, &shared.iterator)? {
                Some(value) => {
                    shared.buffer.borrow_mut().push_back(value.clone());
                    value
                }
                None => return Ok(None),
            },
        };
        shared.positions.borrow_mut()[self.id] = Some(position + 1);
        shared.trim();
        Ok(Some(value))
    }

    fn sibling(&self) -> Tee {
        let position = self.position();
        let mut positions = self.shared.positions.borrow_mut();
        positions.push(Some(position));
        Tee {
            shared: self.shared.clone(),
            id: positions.len() - 1,
        }
    }
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "_tee", 1, 1, &[])?;
    let mut tees = new_tees(vm, &args.pos[0], 1)?;
    Ok(tees.remove(0))
}

fn new_tees(vm: &mut Vm, iterable: &Value, n: usize) -> PyResult<Vec<Value>> {
    // A tee of a tee shares its buffer, as CPython's `__copy__` does.
    if let Some(tee) = iterable.native::<Tee>() {
        return Ok((0..n).map(|_| make(&TEE, tee.sibling())).collect());
    }
    let iterator = vm.iterate(iterable)?;
    let shared = Rc::new(TeeShared {
        iterator,
        buffer: RefCell::new(VecDeque::new()),
        base: Cell::new(0),
        positions: RefCell::new(vec![Some(0); n]),
    });
    Ok((0..n)
        .map(|id| {
            make(
                &TEE,
                Tee {
                    shared: shared.clone(),
                    id,
                },
            )
        })
        .collect())
}

fn tee(vm: &mut Vm, args: Args) -> PyResult {
    args.check("tee", 1, 2)?;
    let n = match args.pos.get(1) {
        Some(v) => index_arg(vm, v, "n")?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(Value::tuple(Vec::new()));
    }
    let first = new_tees(vm, &args.pos[0], 1)?.remove(0);
    let mut tees = vec![first.clone()];
    let tee = first.native::<Tee>().expect("a tee");
    for _ in 1..n {
        tees.push(make(&TEE, tee.sibling()));
    }
    Ok(Value::tuple(tees))
}

fn tee_copy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let tee = data::<Tee>(receiver)?;
    Ok(make(&TEE, tee.sibling()))
}
