//! `_collections`: `deque`, the double-ended queue `collections` exports
//! (the rest of `collections` is Python, `lib/collections/`). A ring
//! buffer of values with an optional `maxlen`; CPython's messages.
//!
//! Every method that compares or prints items calls back into Python
//! (`__eq__`, `__repr__`), which may change the deque: items are copied
//! out of the borrow before such a call, and a mutation counter makes a
//! change during iteration or search a RuntimeError, as in CPython.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, Signature};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::protocol::{self, CompareOp};
use krait_vm::sequence::{index_arg, normalize_index, seq_compare_vm};
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use crate::util::{class_getitem, iter_next, iter_self, method, repeat_count, type_value};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("deque", type_value(DEQUE_TYPE.with(Rc::clone))),
        ("_deque_iterator", type_value(ITER_TYPE.with(Rc::clone))),
        (
            "_count_elements",
            Value::obj(PyObject::BuiltinFunction(
                krait_vm::builtins::function::PyBuiltinFunction {
                    name: "_count_elements",
                    func: count_elements,
                },
            )),
        ),
        (
            "_odict_move_to_end",
            Value::obj(PyObject::BuiltinFunction(
                krait_vm::builtins::function::PyBuiltinFunction {
                    name: "_odict_move_to_end",
                    func: odict_move_to_end,
                },
            )),
        ),
        (
            "_odict_popitem",
            Value::obj(PyObject::BuiltinFunction(
                krait_vm::builtins::function::PyBuiltinFunction {
                    name: "_odict_popitem",
                    func: odict_popitem,
                },
            )),
        ),
        (
            "_deque_reverse_iterator",
            type_value(REVERSE_ITER_TYPE.with(Rc::clone)),
        ),
        (
            "_tuplegetter",
            krait_vm::builtins::member::tuple_getter_type(),
        ),
    ])
}

/// `_odict_move_to_end(od, key, last)`: `OrderedDict.move_to_end` on the
/// dict the ordered dict is (its order is the dict's): the entry moves in
/// place, O(1) amortised either way; KeyError when the key is absent.
fn odict_move_to_end(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_odict_move_to_end", 3, 3)?;
    let (mapping, key) = (&args.pos[0], &args.pos[1]);
    let last = vm.truthy_value(&args.pos[2])?;
    let Some(dict) = mapping.as_dict_or_subclass() else {
        return Err(PyErr::type_error("_odict_move_to_end() needs a dict"));
    };
    match dict.position_vm(vm, key)? {
        Some(i) if dict.move_entry(i, last) => Ok(Value::None),
        _ => Err(PyErr::key_error(key.clone())),
    }
}

/// `_odict_popitem(od, last)`: `OrderedDict.popitem` on the dict the
/// ordered dict is, from either end in O(1); KeyError when it is empty.
fn odict_popitem(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_odict_popitem", 2, 2)?;
    let last = vm.truthy_value(&args.pos[1])?;
    let Some(dict) = args.pos[0].as_dict_or_subclass() else {
        return Err(PyErr::type_error("_odict_popitem() needs a dict"));
    };
    match dict.pop_end(last) {
        Some((key, value)) => Ok(Value::tuple(vec![key, value])),
        None => Err(PyErr::key_error(Value::str("dictionary is empty"))),
    }
}

/// `_count_elements(mapping, iterable)`: `Counter.update`'s loop
/// (`mapping[e] = mapping.get(e, 0) + 1` for each element), on the dict
/// directly unless the mapping's class overrides `get` or `__setitem__`.
fn count_elements(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_count_elements", 2, 2)?;
    let (mapping, iterable) = (&args.pos[0], &args.pos[1]);
    let class = krait_vm::typeobject::class_of(mapping);
    let builtin = |name: &str| {
        class
            .lookup(name)
            .is_none_or(|m| matches!(m.as_obj(), Some(PyObject::MethodDescriptor(_))))
    };
    let direct =
        mapping.as_dict_or_subclass().is_some() && builtin("get") && builtin("__setitem__");
    let iterator = vm.iterate(iterable)?;
    let one = Value::Int(1);
    while let Some(element) = protocol::next(vm, &iterator)? {
        if direct {
            let dict = mapping.as_dict_or_subclass().expect("checked above");
            let count = match dict.get_item_vm(vm, &element)? {
                Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                Some(old) => vm.binary(protocol::BinaryOp::Add, &old, &one)?,
                None => one.clone(),
            };
            dict.set_item_vm(vm, element, count)?;
        } else {
            let get = vm.get_attr(mapping, "get")?;
            let old = vm.call(&get, Args::new(&[element.clone(), Value::Int(0)]))?;
            let count = vm.binary(protocol::BinaryOp::Add, &old, &one)?;
            vm.subscript_set(mapping, element, count)?;
        }
    }
    Ok(Value::None)
}

thread_local! {
    static DEQUE_TYPE: Rc<TypeObject> = native_type_in("collections", "deque", DEQUE_METHODS);
    static ITER_TYPE: Rc<TypeObject> =
        native_type_in("_collections", "_deque_iterator", ITER_METHODS);
    static REVERSE_ITER_TYPE: Rc<TypeObject> =
        native_type_in("_collections", "_deque_reverse_iterator", ITER_METHODS);
}

/// A deque: its state is shared with its iterators, which step it
/// without finding it through the deque value each time.
pub struct Deque(Rc<DequeState>);

pub struct DequeState {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the items: iterators and searches notice.
    state: Cell<u64>,
}

impl std::ops::Deref for Deque {
    type Target = DequeState;

    fn deref(&self) -> &DequeState {
        &self.0
    }
}

impl NativeData for Deque {
    fn items(&self) -> Option<std::cell::Ref<'_, VecDeque<Value>>> {
        self.0.items.try_borrow().ok()
    }

    fn get_item(&self, vm: &mut Vm, this: &Value, key: &Value) -> Option<PyResult> {
        Some(d_getitem(vm, this, Args::new(std::slice::from_ref(key))))
    }

    fn set_item(
        &self,
        vm: &mut Vm,
        this: &Value,
        key: &Value,
        value: &Value,
    ) -> Option<PyResult<()>> {
        let args = [key.clone(), value.clone()];
        Some(d_setitem(vm, this, Args::new(&args)).map(|_| ()))
    }

    fn weakrefable(&self) -> bool {
        true
    }

    fn length(&self) -> Option<usize> {
        Some(self.len())
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Iterators share the items: reported only while none does, so
        // that no reference counts twice.
        if Rc::strong_count(&self.0) > 1 {
            return;
        }
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }

    fn clear(&self) {
        let old = self
            .items
            .try_borrow_mut()
            .map(|mut items| std::mem::take(&mut *items));
        drop(old);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "maxlen" => Some(match self.maxlen.get() {
                Some(n) => Value::Int(n as i64),
                None => Value::None,
            }),
            _ => None,
        }
    }
}

impl Deque {
    fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> Deque {
        Deque(Rc::new(DequeState {
            items: RefCell::new(items),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }))
    }
}

impl DequeState {
    fn changed(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn item(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    fn push_back(&self, value: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_front();
        }
        items.push_back(value);
        drop(items);
        self.changed();
    }

    fn push_front(&self, value: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_back();
        }
        items.push_front(value);
        drop(items);
        self.changed();
    }

    /// The items, copied (for methods that call back into Python).
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }

    /// A RuntimeError if the deque changed since `state` was read.
    fn check_unchanged(&self, state: u64) -> PyResult<()> {
        if self.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        Ok(())
    }
}

fn this(receiver: &Value) -> PyResult<&Deque> {
    receiver.native::<Deque>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'collections.deque' object but received a '{}'",
            receiver.type_name()
        ))
    })
}

/// A new deque of the same type as `like` would be in CPython: a plain
/// deque (subclasses copy through `__copy__` when they define it).
fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    NativeObject::new_value(DEQUE_TYPE.with(Rc::clone), Deque::new(items, maxlen))
}

fn deque_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(new_deque(VecDeque::new(), None))
}

static INIT: Signature = Signature {
    names: &["iterable", "maxlen"],
    positional: 2,
    required: 0,
};

fn deque_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let maxlen = match args.get(1, "maxlen") {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = index_arg(vm, v, "maxlen")?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    deque.maxlen.set(maxlen);
    if deque.len() > 0 {
        deque.items.borrow_mut().clear();
        deque.changed();
    }
    if let Some(iterable) = args.get(0, "iterable") {
        extend(vm, receiver, iterable)?;
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, receiver: &Value, iterable: &Value) -> PyResult<()> {
    // `d.extend(d)`: the items as they were.
    let values = protocol::collect(vm, iterable)?;
    let deque = this(receiver)?;
    for value in values {
        deque.push_back(value);
    }
    Ok(())
}

fn d_append(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    this(receiver)?.push_back(args.pos[0].clone());
    Ok(Value::None)
}

fn d_appendleft(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    this(receiver)?.push_front(args.pos[0].clone());
    Ok(Value::None)
}

fn d_extend(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    extend(vm, receiver, &args.pos[0])?;
    Ok(Value::None)
}

fn d_extendleft(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let values = protocol::collect(vm, &args.pos[0])?;
    let deque = this(receiver)?;
    for value in values {
        deque.push_front(value);
    }
    Ok(Value::None)
}

fn d_pop(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    let value = deque.items.borrow_mut().pop_back();
    deque.changed();
    value.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn d_popleft(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    let value = deque.items.borrow_mut().pop_front();
    deque.changed();
    value.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn d_clear(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    // Dropping the items may run `__del__`: not under the borrow.
    let items = std::mem::take(&mut *deque.items.borrow_mut());
    deque.changed();
    drop(items);
    Ok(Value::None)
}

fn d_rotate(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = match args.pos.first() {
        Some(v) => index_arg(vm, v, "n")?,
        None => 1,
    };
    let deque = this(receiver)?;
    let mut items = deque.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    drop(items);
    deque.changed();
    Ok(Value::None)
}

fn d_reverse(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    deque.items.borrow_mut().make_contiguous().reverse();
    deque.changed();
    Ok(Value::None)
}

fn d_copy(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    let items: VecDeque<Value> = deque.snapshot().into();
    let maxlen = deque.maxlen.get();
    // A subclass's copy is made by calling its class, as CPython does.
    if let Some(PyObject::Instance(_)) = receiver.as_obj() {
        let class =
            krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(receiver));
        let list = Value::list(items.into_iter().collect());
        let maxlen = maxlen.map_or(Value::None, |n| Value::Int(n as i64));
        return vm.call(&class, Args::new(&[list, maxlen]));
    }
    Ok(new_deque(items, maxlen))
}

/// Position of the first item equal to `value` in `start..stop`; the
/// deque must not change while items are compared.
fn find(
    vm: &mut Vm,
    deque: &Deque,
    value: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let state = deque.state.get();
    let mut i = start;
    while i < stop.min(deque.len()) {
        let Some(item) = deque.item(i) else { break };
        let equal = vm.equal(&item, value)?;
        deque.check_unchanged(state)?;
        if equal {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn d_count(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let state = deque.state.get();
    let mut count = 0;
    for item in deque.snapshot() {
        if vm.equal(&item, &args.pos[0])? {
            count += 1;
        }
        deque.check_unchanged(state)?;
    }
    Ok(Value::Int(count))
}

fn d_index(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let len = deque.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
        let n = match v {
            Some(v) => index_arg(vm, v, "index")?,
            None => default,
        };
        Ok(if n < 0 { (n + len).max(0) } else { n.min(len) } as usize)
    };
    let start = bound(vm, args.pos.get(1), 0)?;
    let stop = bound(vm, args.pos.get(2), len)?;
    match find(vm, deque, &args.pos[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let text = vm.repr(&args.pos[0])?;
            Err(PyErr::value_error(format!("{text} is not in deque")))
        }
    }
}

fn d_remove(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    match find(vm, deque, &args.pos[0], 0, usize::MAX)? {
        Some(i) => {
            let removed = deque.items.borrow_mut().remove(i);
            deque.changed();
            drop(removed);
            Ok(Value::None)
        }
        None => {
            let text = vm.repr(&args.pos[0])?;
            Err(PyErr::value_error(format!("{text} is not in deque")))
        }
    }
}

fn d_insert(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let index = index_arg(vm, &args.pos[0], "index")?;
    let deque = this(receiver)?;
    let len = deque.len();
    if deque.maxlen.get() == Some(len) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let n = len as i64;
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    } as usize;
    deque.items.borrow_mut().insert(at, args.pos[1].clone());
    deque.changed();
    Ok(Value::None)
}

fn d_len(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(this(receiver)?.len() as i64))
}

fn d_bool(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::bool(this(receiver)?.len() > 0))
}

/// `d[i]`'s index, in range.
fn item_index(vm: &mut Vm, deque: &Deque, key: &Value) -> PyResult<usize> {
    if matches!(key.as_obj(), Some(PyObject::Slice(_))) {
        return Err(PyErr::type_error(
            "sequence index must be integer, not 'slice'",
        ));
    }
    if !crate::util::may_be_index(key) {
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            key.type_name()
        )));
    }
    let i = index_arg(vm, key, "index")?;
    normalize_index(i, deque.len()).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn d_getitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let i = item_index(vm, deque, &args.pos[0])?;
    Ok(deque.item(i).expect("index in range"))
}

fn d_setitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let i = item_index(vm, deque, &args.pos[0])?;
    let old = std::mem::replace(&mut deque.items.borrow_mut()[i], args.pos[1].clone());
    drop(old);
    Ok(Value::None)
}

fn d_delitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let i = item_index(vm, deque, &args.pos[0])?;
    let old = deque.items.borrow_mut().remove(i);
    deque.changed();
    drop(old);
    Ok(Value::None)
}

fn d_contains(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    Ok(Value::bool(
        find(vm, deque, &args.pos[0], 0, usize::MAX)?.is_some(),
    ))
}

fn d_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    let name = krait_vm::typeobject::class_of(receiver).name.to_string();
    let Some(Value::Obj(object)) = Some(receiver.builtin_value().clone()) else {
        unreachable!("a deque is an object");
    };
    let items = deque.snapshot();
    let maxlen = deque.maxlen.get();
    let text = protocol::repr_guarded(&object, "[...]", || {
        let mut text = format!("{name}([");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&vm.repr(item)?);
        }
        text.push(']');
        if let Some(n) = maxlen {
            text.push_str(&format!(", maxlen={n}"));
        }
        text.push(')');
        Ok(text)
    })?;
    Ok(Value::str(text))
}

fn compare(vm: &mut Vm, receiver: &Value, args: Args, op: CompareOp) -> PyResult {
    let deque = this(receiver)?;
    let Some(other) = args.pos[0].native::<Deque>() else {
        return Ok(Value::NotImplemented);
    };
    let (a, b) = (deque.snapshot(), other.snapshot());
    Ok(Value::bool(seq_compare_vm(vm, op, &a, &b)?))
}

fn d_eq(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Eq)
}
fn d_ne(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Ne)
}
fn d_lt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Lt)
}
fn d_le(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Le)
}
fn d_gt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Gt)
}
fn d_ge(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Ge)
}

fn d_add(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let deque = this(receiver)?;
    let Some(other) = args.pos[0].native::<Deque>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            args.pos[0].type_name()
        )));
    };
    let result = Deque::new(VecDeque::new(), deque.maxlen.get());
    for value in deque.snapshot().into_iter().chain(other.snapshot()) {
        result.push_back(value);
    }
    Ok(NativeObject::new_value(DEQUE_TYPE.with(Rc::clone), result))
}

fn d_iadd(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    extend(vm, receiver, &args.pos[0])?;
    Ok(receiver.clone())
}

/// The items of `items` repeated `n` times, of which a deque of length
/// `maxlen` keeps the last ones: computed from the end, so a huge `n`
/// costs nothing when the deque is bounded (CPython's answer too); an
/// unbounded result too large to make is a MemoryError.
fn repeated(items: &[Value], n: i64, maxlen: Option<usize>) -> PyResult<VecDeque<Value>> {
    if n <= 0 || items.is_empty() {
        return Ok(VecDeque::new());
    }
    let total = (items.len() as u128) * (n as u128);
    // CPython refuses a repetition longer than its size type first.
    if total > isize::MAX as u128 {
        return Err(PyErr::new(krait_vm::typeobject::ExcType::MemoryError, ""));
    }
    let keep = match maxlen {
        Some(maxlen) => total.min(maxlen as u128),
        None if total > (isize::MAX as u128) / 16 => {
            return Err(PyErr::new(krait_vm::typeobject::ExcType::MemoryError, ""));
        }
        None => total,
    } as usize;
    // The kept run starts `total - keep` items in, on item (that) mod len.
    let first = ((total - keep as u128) % items.len() as u128) as usize;
    Ok(items
        .iter()
        .cycle()
        .skip(first)
        .take(keep)
        .cloned()
        .collect())
}

fn d_mul(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?;
    let deque = this(receiver)?;
    let maxlen = deque.maxlen.get();
    let items = repeated(&deque.snapshot(), n, maxlen)?;
    Ok(NativeObject::new_value(
        DEQUE_TYPE.with(Rc::clone),
        Deque::new(items, maxlen),
    ))
}

fn d_imul(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?;
    let deque = this(receiver)?;
    if n == 1 {
        return Ok(receiver.clone());
    }
    let items = repeated(&deque.snapshot(), n, deque.maxlen.get())?;
    *deque.items.borrow_mut() = items;
    deque.changed();
    Ok(receiver.clone())
}

fn new_iterator(receiver: &Value, reversed: bool) -> PyResult {
    let deque = this(receiver)?;
    let class = if reversed {
        REVERSE_ITER_TYPE.with(Rc::clone)
    } else {
        ITER_TYPE.with(Rc::clone)
    };
    Ok(NativeObject::new_value(
        class,
        DequeIterator {
            deque: deque.0.clone(),
            index: Cell::new(0),
            state: deque.state.get(),
            reversed,
        },
    ))
}

fn d_iter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    new_iterator(receiver, false)
}

fn d_reversed(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    new_iterator(receiver, true)
}

/// `(type(d), args, None, iter(d))`: what `copy` and `pickle` rebuild a
/// deque from.
fn d_reduce(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let deque = this(receiver)?;
    let class =
        krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(receiver));
    let arguments = match deque.maxlen.get() {
        Some(n) => Value::tuple(vec![Value::tuple(Vec::new()), Value::Int(n as i64)]),
        None => Value::tuple(Vec::new()),
    };
    let items = d_iter(vm, receiver, Args::default())?;
    Ok(Value::tuple(vec![class, arguments, Value::None, items]))
}

static DEQUE_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, deque_new),
    method("__init__", Params::Named(&INIT), deque_init),
    method("append", Params::One, d_append),
    method("appendleft", Params::One, d_appendleft),
    method("extend", Params::One, d_extend),
    method("extendleft", Params::One, d_extendleft),
    method("pop", Params::NoArgs, d_pop),
    method("popleft", Params::NoArgs, d_popleft),
    method("clear", Params::NoArgs, d_clear),
    method("rotate", Params::Tuple(0, 1), d_rotate),
    method("reverse", Params::NoArgs, d_reverse),
    method("copy", Params::NoArgs, d_copy),
    method("__copy__", Params::NoArgs, d_copy),
    method("count", Params::One, d_count),
    method("index", Params::Tuple(1, 3), d_index),
    method("remove", Params::One, d_remove),
    method("insert", Params::Tuple(2, 2), d_insert),
    method("__len__", Params::NoArgs, d_len),
    method("__bool__", Params::NoArgs, d_bool),
    method("__getitem__", Params::One, d_getitem),
    method("__setitem__", Params::Tuple(2, 2), d_setitem),
    method("__delitem__", Params::One, d_delitem),
    method("__contains__", Params::One, d_contains),
    method("__repr__", Params::NoArgs, d_repr),
    method("__eq__", Params::One, d_eq),
    method("__ne__", Params::One, d_ne),
    method("__lt__", Params::One, d_lt),
    method("__le__", Params::One, d_le),
    method("__gt__", Params::One, d_gt),
    method("__ge__", Params::One, d_ge),
    method("__add__", Params::One, d_add),
    method("__iadd__", Params::One, d_iadd),
    method("__mul__", Params::One, d_mul),
    method("__rmul__", Params::One, d_mul),
    method("__imul__", Params::One, d_imul),
    method("__iter__", Params::NoArgs, d_iter),
    method("__reversed__", Params::NoArgs, d_reversed),
    method("__class_getitem__", Params::One, class_getitem),
    method("__reduce__", Params::NoArgs, d_reduce),
    method("__hash__", Params::NoArgs, crate::util::unhashable),
];

struct DequeIterator {
    deque: Rc<DequeState>,
    index: Cell<usize>,
    state: u64,
    reversed: bool,
}

impl NativeData for DequeIterator {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {
        // The items belong to the deque (see `Deque::traverse`).
    }

    fn next(&self, _: &mut Vm) -> Option<PyResult<Option<Value>>> {
        Some(self.step())
    }
}

impl DequeIterator {
    fn step(&self) -> PyResult<Option<Value>> {
        let deque = &self.deque;
        deque.check_unchanged(self.state)?;
        let i = self.index.get();
        let items = deque.items.borrow();
        let len = items.len();
        if i >= len {
            return Ok(None);
        }
        self.index.set(i + 1);
        let at = if self.reversed { len - 1 - i } else { i };
        Ok(items.get(at).cloned())
    }
}

fn it_length_hint(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let Some(it) = receiver.native::<DequeIterator>() else {
        return Ok(Value::Int(0));
    };
    let len = it.deque.len();
    Ok(Value::Int(len.saturating_sub(it.index.get()) as i64))
}

static ITER_METHODS: &[MethodDef] = &[
    method("__next__", Params::NoArgs, iter_next),
    method("__iter__", Params::NoArgs, iter_self),
    method("__length_hint__", Params::NoArgs, it_length_hint),
];
