//! The data model for instances of user classes: the operations CPython
//! dispatches to `__add__`/`__radd__`/`__iadd__`, `__eq__`/`__lt__`...,
//! `__len__`, `__getitem__`, `__iter__`, `__repr__` and the others.
//!
//! Every entry point returns `Ok(None)` when no operand is an instance of a
//! user class, so the builtin fast paths stay untouched.

use crate::builtins::dict::needs_interp;
use crate::builtins::set::PySet;
use crate::interpreter::Vm;
use crate::interpreter::class::{user_class_of, user_class_ref};
use crate::object::PyObject;
use crate::protocol::{self, BinaryOp, CompareOp, UnaryOp};
use std::rc::Rc;

use crate::typeobject::{self, ExcType, Slot};
use crate::value::Value;
use crate::{PyErr, PyResult};

fn binary_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinaryOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinaryOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinaryOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinaryOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinaryOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinaryOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinaryOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinaryOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinaryOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinaryOp::And => ("__and__", "__rand__", "__iand__"),
        BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
        BinaryOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

fn compare_names(op: CompareOp) -> (&'static str, &'static str) {
    match op {
        CompareOp::Lt => ("__lt__", "__gt__"),
        CompareOp::Le => ("__le__", "__ge__"),
        CompareOp::Eq => ("__eq__", "__eq__"),
        CompareOp::Ne => ("__ne__", "__ne__"),
        CompareOp::Gt => ("__gt__", "__lt__"),
        CompareOp::Ge => ("__ge__", "__le__"),
    }
}

#[inline]
fn is_instance(value: &Value) -> bool {
    user_class_ref(value).is_some()
}

/// Whether comparing `value` may call a user method: it is an instance,
/// or a tuple/list/set holding one (looked at `depth` levels deep).
fn involves_instances(value: &Value, depth: usize) -> bool {
    match value.as_obj() {
        Some(PyObject::Instance(_) | PyObject::Native(_)) => true,
        Some(PyObject::Exception(e)) => e.class.heap,
        Some(PyObject::Type(t)) => t.metaclass.as_ref().is_some_and(|m| m.heap),
        Some(PyObject::Tuple(t)) if depth > 0 => t.iter().any(|v| involves_instances(v, depth - 1)),
        Some(PyObject::List(l)) if depth > 0 => {
            l.borrow().iter().any(|v| involves_instances(v, depth - 1))
        }
        Some(PyObject::Set(s) | PyObject::FrozenSet(s)) if depth > 0 => {
            s.table().keys().any(|v| involves_instances(&v, depth - 1))
        }
        Some(PyObject::Dict(d)) if depth > 0 => d
            .table()
            .iter()
            .any(|(k, v)| involves_instances(k, depth - 1) || involves_instances(v, depth - 1)),
        Some(PyObject::DictView(view)) if depth > 0 => involves_instances(&view.dict, depth - 1),
        Some(PyObject::Slice(s)) if depth > 0 => [&s.start, &s.stop, &s.step]
            .into_iter()
            .any(|v| involves_instances(v, depth - 1)),
        _ => false,
    }
}

/// Whether the builtin number `lhs`'s own operator method takes `rhs` (a
/// builtin value): a complex takes ints, floats and complexes, a float
/// ints and floats, an int only ints.
fn numeric_accepts(lhs: &Value, rhs: &Value) -> bool {
    let is_int = |v: &Value| {
        matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj(), Some(PyObject::Int(_)))
    };
    let is_complex = |v: &Value| matches!(v.as_obj(), Some(PyObject::Complex(_)));
    match lhs {
        Value::Float(_) => is_int(rhs) || matches!(rhs, Value::Float(_)),
        _ if is_complex(lhs) => is_int(rhs) || matches!(rhs, Value::Float(_)) || is_complex(rhs),
        _ if is_int(lhs) => is_int(rhs),
        _ => false,
    }
}

/// An instance of a user subclass of a builtin type: what its class does
/// not override, the builtin value it carries does.
/// The value a binary operator works on when nothing of `value`'s own
/// can intervene: `value` itself when it is no instance (nor native
/// object), an instance's builtin value when its class defines no
/// operator and that value is a str, bytes, number, tuple or list (whose
/// operators read the other operand's storage, never its methods).
fn operand_as_builtin(value: &Value) -> Option<&Value> {
    let Some(object) = value.as_obj() else {
        return Some(value);
    };
    match object {
        PyObject::Instance(instance) => {
            if instance.class().defines(typeobject::Slot::BinaryOperators) {
                return None;
            }
            let base = instance.base()?;
            match base.as_obj() {
                None => Some(base),
                Some(
                    PyObject::Str(_)
                    | PyObject::Bytes(_)
                    | PyObject::Int(_)
                    | PyObject::Complex(_)
                    | PyObject::Tuple(_)
                    | PyObject::List(_),
                ) => Some(base),
                Some(_) => None,
            }
        }
        PyObject::Native(_) => None,
        _ if is_instance(value) => None,
        _ => Some(value),
    }
}

/// The value a comparison compares when nothing of `value`'s own can
/// intervene: `value` itself when it is a number, str or bytes, an
/// instance's builtin value of those kinds when its class defines no
/// comparison method.
fn compared_as_builtin(value: &Value) -> Option<&Value> {
    let scalar = |v: &Value| match v.as_obj() {
        None => true,
        Some(object) => matches!(
            object,
            PyObject::Str(_) | PyObject::Bytes(_) | PyObject::Int(_)
        ),
    };
    match value.as_obj() {
        Some(PyObject::Instance(instance)) => {
            let class = instance.class();
            if class.defines(typeobject::Slot::Eq)
                || class.defines(typeobject::Slot::Ne)
                || class.defines(typeobject::Slot::Ordering)
            {
                return None;
            }
            instance.base().filter(|base| scalar(base))
        }
        _ => scalar(value).then_some(value),
    }
}

fn has_base(value: &Value) -> bool {
    !std::ptr::eq(value.builtin_value(), value)
}

/// Whether the builtin value `value` carries is a number (an instance of
/// an int, float or complex subclass).
fn carries_number(value: &Value) -> bool {
    match value.builtin_value() {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        other => matches!(
            other.as_obj(),
            Some(PyObject::Int(_) | PyObject::Complex(_))
        ),
    }
}

/// An instance of a class statement's class (no builtin base) whose MRO
/// defines neither `__eq__` nor `__ne__`: `==` is `is`.
#[inline]
fn compares_by_identity(value: &Value) -> bool {
    match value.as_obj() {
        Some(PyObject::Instance(instance)) => {
            let class = instance.class();
            class.heap
                && !class.defines(crate::typeobject::Slot::Eq)
                && !class.defines(crate::typeobject::Slot::Ne)
                && !has_base(value)
        }
        _ => false,
    }
}

/// Two instances of the same class (the common case of `a + b`), told
/// without touching reference counts.
#[inline]
fn same_class(a: &Value, b: &Value) -> bool {
    match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Instance(x)), Some(PyObject::Instance(y))) => {
            std::ptr::eq(x.class(), y.class())
        }
        _ => false,
    }
}

/// A builtin operation's TypeError about the values that instances of
/// subclasses carry (`unsupported operand type(s) for //: 'complex' and
/// 'int'`), told with the instances' own type names, as CPython's
/// messages name them.
fn name_operands(err: PyErr, lhs: &Value, rhs: &Value) -> PyErr {
    if !err.matches(ExcType::TypeError) {
        return err;
    }
    let message = err.message();
    let carried = format!(
        "'{}' and '{}'",
        lhs.builtin_value().type_name(),
        rhs.builtin_value().type_name()
    );
    let about_operands = message.starts_with("unsupported operand type(s) for ")
        || message.contains(" not supported between instances of ");
    match message.strip_suffix(&carried) {
        Some(head) if about_operands => PyErr::type_error(format!(
            "{head}'{}' and '{}'",
            lhs.type_name(),
            rhs.type_name()
        )),
        _ => err,
    }
}

/// Whether `value`'s class holds, under `name`, a builtin type's own slot
/// wrapper of that name (`__add__ = str.__add__` in a str subclass).
fn holds_builtin_slot_wrapper(value: &Value, name: &str) -> bool {
    let Some(class) = user_class_of(value) else {
        return false;
    };
    match class.lookup(name).as_ref().and_then(Value::as_obj) {
        Some(PyObject::MethodDescriptor(m)) => {
            m.bound.is_none() && slot_wrapper_def(name).is_some_and(|def| std::ptr::eq(def, m.def))
        }
        _ => false,
    }
}

fn not_implemented(value: &Option<Value>) -> bool {
    matches!(value, None | Some(Value::NotImplemented))
}

/// The native object of `a op b` that computes it itself (see
/// [`crate::native::NativeData::binary_op`]) with whether it is the right
/// operand: a native operand whose partner is of its own type or a builtin
/// value, so that no Python method (a subclass's reflected one) would be
/// asked first.
fn native_operand<'a>(
    lhs: &'a Value,
    rhs: &'a Value,
) -> Option<(&'a crate::native::NativeObject, bool)> {
    match (lhs.as_obj(), rhs.as_obj()) {
        (Some(PyObject::Native(a)), Some(PyObject::Native(b))) => {
            Rc::ptr_eq(&a.class, &b.class).then_some((a, false))
        }
        (Some(PyObject::Native(a)), _) if !is_instance(rhs) => Some((a, false)),
        (_, Some(PyObject::Native(b))) if !is_instance(lhs) => Some((b, true)),
        _ => None,
    }
}

impl Vm {
    /// `lhs op rhs` (or `lhs op= rhs`) when an operand is an instance.
    pub(crate) fn binary_dunder(
        &mut self,
        op: BinaryOp,
        inplace: bool,
        lhs: &Value,
        rhs: &Value,
    ) -> PyResult<Option<Value>> {
        if !is_instance(lhs) && !is_instance(rhs) {
            return Ok(None);
        }
        // Instances of subclasses of str, int, list... whose classes
        // define no operator: the operation of their builtin values, which
        // is what the methods they inherit do (`Markup + str`, `I(1) * 2`).
        // A TypeError is left to the general path below, whose message
        // names the operands' own types. (Not in place: `L += x` returns
        // the instance. Not `x % y` with an instance on the right: its
        // own `__str__`/`__repr__` format it.)
        if !inplace
            && (op != BinaryOp::Mod || !is_instance(rhs))
            && let (Some(left), Some(right)) = (operand_as_builtin(lhs), operand_as_builtin(rhs))
        {
            match self.builtin_binary(op, left, right) {
                Ok(result) => return Ok(Some(result)),
                Err(err) if !err.matches(ExcType::TypeError) => return Err(err),
                Err(_) => {}
            }
        }
        // `'%s' % x` with x an instance of a class that defines no
        // operator (so no `__rmod__` of its own to ask first): formatting,
        // with x as it is.
        if op == BinaryOp::Mod
            && matches!(lhs.as_obj(), Some(PyObject::Str(_) | PyObject::Bytes(_)))
            && let Some(PyObject::Instance(instance)) = rhs.as_obj()
            && !instance.class().defines(typeobject::Slot::BinaryOperators)
        {
            return self.builtin_binary(op, lhs, rhs).map(Some);
        }
        if let Some((native, reflected)) = native_operand(lhs, rhs) {
            let (this, other) = if reflected { (rhs, lhs) } else { (lhs, rhs) };
            if let Some(result) = native.data.binary_op(self, this, op, other, reflected) {
                let result = result?;
                if !matches!(result, Value::NotImplemented) {
                    return Ok(Some(result));
                }
            }
        }
        let (forward, reflected, inplace_name) = binary_names(op);
        // A class that stores its builtin base's own slot wrapper
        // (`__add__ = str.__add__`) keeps the base's behaviour, as CPython
        // reuses the base's C slot: the operand's reflected method is
        // asked before the sequence's concatenation.
        let lhs_forward_builtin = has_base(lhs) && holds_builtin_slot_wrapper(lhs, forward);
        if inplace && !(has_base(lhs) && holds_builtin_slot_wrapper(lhs, inplace_name)) {
            let result = self.call_dunder_with(lhs, inplace_name, std::slice::from_ref(rhs))?;
            if !not_implemented(&result) {
                return Ok(result);
            }
        }
        // A right operand of a subclass of the left's type that overrides
        // the reflected method is asked first.
        let right_first = is_instance(rhs) && !same_class(lhs, rhs) && {
            let (left_class, right_class) = (typeobject::class_of(lhs), typeobject::class_of(rhs));
            !Rc::ptr_eq(&left_class, &right_class)
                && right_class.is_subtype(&left_class)
                && match (right_class.lookup(reflected), left_class.lookup(reflected)) {
                    (Some(r), Some(l)) => !r.is(&l),
                    (Some(_), None) => true,
                    _ => false,
                }
        };
        if right_first {
            let result = self.call_dunder_with(rhs, reflected, std::slice::from_ref(lhs))?;
            if !not_implemented(&result) {
                return Ok(result);
            }
        } else if numeric_accepts(lhs, rhs.builtin_value()) && has_base(rhs) {
            // `1.5 + I(2)`: float.__add__ takes an int subclass before
            // I.__radd__ is asked (int.__add__ refuses a float).
            return self.builtin_binary(op, lhs, rhs.builtin_value()).map(Some);
        }
        // `str % x`, `bytes % x`: formatting, the left type's number slot
        // in CPython, comes before `x.__rmod__` (unless x's class is a
        // subclass of the left's, above).
        if op == BinaryOp::Mod
            && !right_first
            && !is_instance(lhs)
            && matches!(lhs.as_obj(), Some(PyObject::Str(_) | PyObject::Bytes(_)))
        {
            return self.builtin_binary(op, lhs, rhs).map(Some);
        }
        let result = match lhs_forward_builtin {
            true => None,
            false => self.call_dunder_with(lhs, forward, std::slice::from_ref(rhs))?,
        };
        if !not_implemented(&result) {
            return Ok(result);
        }
        // The forward method of a class that does not define it is its
        // builtin base's, asked before the right operand's reflected one:
        // a number's (`I(1) + J(2)`, int's `__add__` inherited), and a
        // sequence's once the class defines the reflected dunder
        // (`S('a') + T('b')`, S a str subclass with only `__radd__`: CPython
        // then gives it the number slot, which finds `str.__add__`;
        // without it the reflected one goes first, as below).
        if has_base(lhs)
            && is_instance(rhs)
            && !lhs.is(rhs)
            && !right_first
            && user_class_of(lhs).is_some_and(|class| {
                (class.lookup(forward).is_none() || lhs_forward_builtin)
                    && (carries_number(lhs) || class.lookup(reflected).is_some())
            })
        {
            // A TypeError is the base's NotImplemented; any other error
            // (`I(1) // J(0)`) is the answer.
            match self.builtin_binary(op, lhs.builtin_value(), rhs.builtin_value()) {
                Ok(result) => return Ok(Some(result)),
                Err(err) if err.matches(ExcType::TypeError) => {}
                Err(err) => return Err(err),
            }
        }
        if !lhs.is(rhs) && !right_first {
            let result = self.call_dunder_with(rhs, reflected, std::slice::from_ref(lhs))?;
            if !not_implemented(&result) {
                return Ok(result);
            }
        }
        // `C | None` for a class of a user metaclass without `__or__`
        // (`abc.ABC` subclasses, enums): `type.__or__` makes the union.
        if op == BinaryOp::Or
            && let Some(union) = crate::builtins::union::union_or(self, lhs, rhs)?
        {
            return Ok(Some(union));
        }
        // `seq * n` with an `n` that has __index__.
        if op == BinaryOp::Mul {
            let is_sequence = |v: &Value| {
                matches!(
                    v.as_obj(),
                    Some(
                        PyObject::List(_)
                            | PyObject::Tuple(_)
                            | PyObject::Str(_)
                            | PyObject::Bytes(_)
                    )
                )
            };
            let has_index = |v: &Value| user_class_of(v).is_some_and(|c| c.defines(Slot::Index));
            // The count as an int that fits, the error naming its type.
            let count = |vm: &mut Vm, v: &Value| {
                let n = crate::builtins::module::index_value(vm, v)?;
                match crate::sequence::repeat_count(&n) {
                    Some(Err(_)) => Err(PyErr::overflow_error(format!(
                        "cannot fit '{}' into an index-sized integer",
                        v.type_name()
                    ))),
                    _ => Ok(n),
                }
            };
            if is_sequence(lhs) && has_index(rhs) {
                let n = count(self, rhs)?;
                if inplace {
                    return builtin_inplace(self, op, lhs, &n).map(Some);
                }
                return self.builtin_binary(op, lhs, &n).map(Some);
            }
            // (Not for `*=`: CPython repeats only the left operand in
            // place, and an instance has no sequence slots.)
            if !inplace && is_sequence(rhs) && has_index(lhs) {
                let n = count(self, lhs)?;
                return self.builtin_binary(op, &n, rhs).map(Some);
            }
        }
        if inplace && !is_instance(lhs) {
            // `list += iterable`: the left operand's in-place sequence
            // operation (CPython's `sq_inplace_concat`), after the number
            // methods declined.
            return builtin_inplace(self, op, lhs, rhs)
                .map(Some)
                .map_err(|err| protocol::inplace_message(err, op));
        }
        let sequence_declined =
            overrides(lhs, forward) || (op == BinaryOp::Mul && overrides(rhs, reflected));
        if (!is_instance(lhs) || !is_instance(rhs)) && !sequence_declined {
            // A builtin operand has the last word, with its own message
            // (`can't multiply sequence by non-int of type 'V'`).
            if let Err(err) = self.builtin_binary(op, lhs, rhs).map(Some) {
                if !inplace {
                    return Err(name_operands(err, lhs, rhs));
                }
            } else if !is_instance(lhs) {
                return self.builtin_binary(op, lhs, rhs).map(Some);
            }
        }
        // (A class's `__mul__` leaves the list's in-place repeat: CPython's
        // `sq_inplace_repeat` is only replaced by an `__imul__`.)
        if inplace && has_base(lhs) && (has_inplace_sequence(lhs) || !overrides(lhs, forward)) {
            return builtin_inplace(self, op, lhs, rhs)
                .map(Some)
                .map_err(|err| protocol::inplace_message(name_operands(err, lhs, rhs), op));
        }
        if (has_base(lhs) || has_base(rhs)) && !sequence_declined {
            return self
                .builtin_binary(op, lhs, rhs)
                .map(Some)
                .map_err(|err| name_operands(err, lhs, rhs));
        }
        let symbol = op.symbol();
        let symbol = if inplace {
            format!("{symbol}=")
        } else {
            symbol.to_string()
        };
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            lhs.type_name(),
            rhs.type_name()
        )))
    }

    /// Rich comparison when an operand is an instance.
    pub(crate) fn compare_dunder(
        &mut self,
        op: CompareOp,
        lhs: &Value,
        rhs: &Value,
    ) -> PyResult<Option<Value>> {
        if !is_instance(lhs) && !is_instance(rhs) {
            return Ok(None);
        }
        // `widget.kind == Kind.BIG`, `node != None`: instances of classes
        // that define neither `__eq__` nor `__ne__` compare by identity
        // (object's methods; a builtin right operand's answer
        // NotImplemented), told from the slot sets without a lookup.
        if matches!(op, CompareOp::Eq | CompareOp::Ne)
            && compares_by_identity(lhs)
            && (compares_by_identity(rhs) || !is_instance(rhs))
        {
            return Ok(Some(Value::bool(lhs.is(rhs) == (op == CompareOp::Eq))));
        }
        // Instances of subclasses of str, bytes, int and float whose
        // classes define no comparison: their builtin values compared, as
        // the inherited methods do (`Markup == str`). A TypeError (`<` of
        // a str and an int) is left to the general path, whose message
        // names the operands' own types.
        if let (Some(left), Some(right)) = (compared_as_builtin(lhs), compared_as_builtin(rhs))
            && let Ok(result) = protocol::compare_bool(op, left, right)
        {
            return Ok(Some(Value::bool(result)));
        }
        if let Some((native, reflected)) = native_operand(lhs, rhs) {
            let (this, other, op) = if reflected {
                (rhs, lhs, op.swapped())
            } else {
                (lhs, rhs, op)
            };
            if let Some(result) = native.data.compare(self, this, op, other) {
                let result = result?;
                if !matches!(result, Value::NotImplemented) {
                    return Ok(Some(result));
                }
            }
        }
        let (forward, reflected) = compare_names(op);
        // A right operand whose type is a proper subclass of the left's is
        // asked first.
        let right_first = is_instance(rhs) && !same_class(lhs, rhs) && {
            let (left_class, right_class) = (typeobject::class_of(lhs), typeobject::class_of(rhs));
            !Rc::ptr_eq(&left_class, &right_class) && right_class.is_subtype(&left_class)
        };
        let order: [(&Value, &Value, &str); 2] = if right_first {
            [(rhs, lhs, reflected), (lhs, rhs, forward)]
        } else {
            [(lhs, rhs, forward), (rhs, lhs, reflected)]
        };
        // (`==` and `!=` are type slots: their methods come from the
        // class's own cache.)
        let slot = match op {
            CompareOp::Eq => Some(Slot::Eq),
            CompareOp::Ne => Some(Slot::Ne),
            _ => None,
        };
        for (receiver, other, name) in order {
            let other = std::slice::from_ref(other);
            let mut result = match slot {
                Some(slot) => self.call_slot_with(receiver, slot, other)?,
                None => self.call_dunder_with(receiver, name, other)?,
            };
            if result.is_none()
                && op == CompareOp::Ne
                && is_instance(receiver)
                && !has_base(receiver)
            {
                // object.__ne__: the inverse of the object's own __eq__.
                result = match self.call_slot_with(receiver, Slot::Eq, other)? {
                    Some(Value::NotImplemented) | None => None,
                    Some(value) => Some(Value::bool(!self.truthy_value(&value)?)),
                };
            }
            if !not_implemented(&result) {
                return Ok(result);
            }
        }
        if has_base(lhs) || has_base(rhs) {
            // What the builtin values they carry say (their items may
            // still be instances).
            let (base_lhs, base_rhs) = (lhs.builtin_value(), rhs.builtin_value());
            return self
                .compare_values(op, base_lhs, base_rhs)
                .map(|b| Some(Value::bool(b)))
                .map_err(|err| name_operands(err, lhs, rhs));
        }
        match op {
            CompareOp::Eq => Ok(Some(Value::bool(lhs.is(rhs)))),
            CompareOp::Ne => Ok(Some(Value::bool(!lhs.is(rhs)))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                lhs.type_name(),
                rhs.type_name()
            ))),
        }
    }

    /// `a op b` as a truth value for any two values: instances dispatch
    /// their dunders; tuples and lists compare item by item through this
    /// same function, so instances inside them are honoured too.
    pub(crate) fn compare_values(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<bool> {
        // Containers compare their items, which may hold the containers
        // themselves (`d['self'] = d`): bounded as CPython's recursion
        // limit bounds it, not by the Rust stack.
        let _depth = match a.as_obj() {
            Some(
                PyObject::Dict(_)
                | PyObject::List(_)
                | PyObject::Tuple(_)
                | PyObject::Set(_)
                | PyObject::FrozenSet(_)
                | PyObject::DictView(_),
            ) => Some(protocol::ComparisonDepth::enter()?),
            _ => None,
        };
        // Dict views compare as sets, asking `in` of the other operand.
        if (is_set_view(a) || is_set_view(b))
            && let Some(result) = self.compare_collections(op, a, b)?
        {
            return Ok(result);
        }
        // Two sets: the subset walk stops at the first key missing and
        // asks the interpreter only for keys that need it, where the
        // check below would look at every key first (so for lists,
        // tuples and dicts next).
        if let (
            Some(PyObject::Set(x) | PyObject::FrozenSet(x)),
            Some(PyObject::Set(y) | PyObject::FrozenSet(y)),
        ) = (a.as_obj(), b.as_obj())
        {
            return self.compare_sets(op, x, y);
        }
        if let Some(result) = self.compare_sequences(op, a, b)? {
            return Ok(result);
        }
        // Two dicts: sizes, then entry by entry to the first difference.
        if let (Some(PyObject::Dict(x)), Some(PyObject::Dict(y))) = (a.as_obj(), b.as_obj())
            && matches!(op, CompareOp::Eq | CompareOp::Ne)
        {
            return Ok(x.eq_vm(self, y)? == (op == CompareOp::Eq));
        }
        // Most comparisons (sort keys, tuples of builtins) involve no user
        // class at all: the object layer answers them directly.
        if !involves_instances(a, 2) && !involves_instances(b, 2) {
            return protocol::compare_bool(op, a, b);
        }
        if let Some(result) = self.compare_dunder(op, a, b)? {
            return self.truthy_value(&result);
        }
        // Lists and tuples were compared above.
        if let Some(result) = self.compare_collections(op, a, b)? {
            return Ok(result);
        }
        protocol::compare_bool(op, a, b)
    }

    /// Two lists or two tuples, CPython's `list_richcompare` /
    /// `tuplerichcompare`: the items pair by pair up to the first pair
    /// that differs, which then decides (lists of different lengths are
    /// unequal at once). Each pair is looked at when it is reached, so
    /// the cost is where they differ, not their length; a pair holding
    /// no instance (checked one level into it, like the whole-operand
    /// check of [`Vm::compare_values`] two levels deep) is compared by
    /// the object layer. A list is read by position as it is now, since
    /// an `__eq__` may change it. `None` for other operands.
    fn compare_sequences(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let (m, n) = match (a.as_obj(), b.as_obj()) {
            (Some(PyObject::Tuple(x)), Some(PyObject::Tuple(y))) => {
                // Tuples cannot change: their items are borrowed.
                for (x, y) in x.as_slice().iter().zip(y.as_slice()) {
                    if let Some(decided) = self.compare_pair(op, x, y)? {
                        return Ok(Some(decided));
                    }
                }
                (x.len(), y.len())
            }
            // Slices compare as their (start, stop, step) tuples.
            (Some(PyObject::Slice(x)), Some(PyObject::Slice(y))) => {
                let (x, y) = ([&x.start, &x.stop, &x.step], [&y.start, &y.stop, &y.step]);
                for (x, y) in x.into_iter().zip(y) {
                    if let Some(decided) = self.compare_pair(op, x, y)? {
                        return Ok(Some(decided));
                    }
                }
                (3, 3)
            }
            (Some(PyObject::List(x)), Some(PyObject::List(y))) => {
                if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
                    return Ok(Some(op == CompareOp::Ne));
                }
                let mut i = 0;
                while let (Some(xi), Some(yi)) = (x.get(i), y.get(i)) {
                    if let Some(decided) = self.compare_pair(op, &xi, &yi)? {
                        return Ok(Some(decided));
                    }
                    i += 1;
                }
                (x.len(), y.len())
            }
            _ => return Ok(None),
        };
        Ok(Some(match op {
            CompareOp::Lt => m < n,
            CompareOp::Le => m <= n,
            CompareOp::Eq => m == n,
            CompareOp::Ne => m != n,
            CompareOp::Gt => m > n,
            CompareOp::Ge => m >= n,
        }))
    }

    /// One pair of items of [`Vm::compare_sequences`]: `None` when they
    /// are equal, else the sequences' result.
    fn compare_pair(&mut self, op: CompareOp, x: &Value, y: &Value) -> PyResult<Option<bool>> {
        let same = x.is(y)
            || if involves_instances(x, 1) || involves_instances(y, 1) {
                self.equal(x, y)?
            } else {
                protocol::eq(x, y)?
            };
        Ok(match (same, op) {
            (true, _) => None,
            (false, CompareOp::Eq) => Some(false),
            (false, CompareOp::Ne) => Some(true),
            (false, _) => Some(self.compare_values(op, x, y)?),
        })
    }

    /// `==` for any two values, dispatching `__eq__` of instances.
    /// `a <op> b` for two sets (subset order), two dicts or two dict
    /// views (equality) whose items may run Python `__eq__`/`__hash__`;
    /// `None` for other operands.
    fn compare_collections(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
        let (a, b) = (a.builtin_value(), b.builtin_value());
        let is_set =
            |v: &Value| matches!(v.as_obj(), Some(PyObject::Set(_) | PyObject::FrozenSet(_)));
        if (is_set_view(a) || is_set_view(b))
            && (is_set(a) || is_set_view(a))
            && (is_set(b) || is_set_view(b))
        {
            // CPython's dictview comparison: sizes, then `x in other` for
            // each element of the smaller side (values need no hashing).
            let (m, n) = (self.length(a)?, self.length(b)?);
            return Ok(Some(match op {
                CompareOp::Eq => m == n && self.all_contained_in(a, b)?,
                CompareOp::Ne => !(m == n && self.all_contained_in(a, b)?),
                CompareOp::Lt => m < n && self.all_contained_in(a, b)?,
                CompareOp::Le => m <= n && self.all_contained_in(a, b)?,
                CompareOp::Gt => m > n && self.all_contained_in(b, a)?,
                CompareOp::Ge => m >= n && self.all_contained_in(b, a)?,
            }));
        }
        let holds = match (a.as_obj(), b.as_obj()) {
            (Some(PyObject::Dict(x)), Some(PyObject::Dict(y))) if equality => x.eq_vm(self, y)?,
            (
                Some(PyObject::Set(x) | PyObject::FrozenSet(x)),
                Some(PyObject::Set(y) | PyObject::FrozenSet(y)),
            ) => return self.compare_sets(op, x, y).map(Some),
            _ => return Ok(None),
        };
        Ok(Some(holds == (op == CompareOp::Eq)))
    }

    /// Whether every element of the set or dict view `a` is `in` `b`.
    fn all_contained_in(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let elements = match a.as_obj() {
            Some(PyObject::DictView(view)) => view.elements(),
            Some(PyObject::Set(s) | PyObject::FrozenSet(s)) => s.values(),
            _ => return Ok(false),
        };
        for element in &elements {
            if !self.contains_value(b, element)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(crate) fn compare_sets(&mut self, op: CompareOp, x: &PySet, y: &PySet) -> PyResult<bool> {
        Ok(match op {
            CompareOp::Eq => x.eq(self, y)?,
            CompareOp::Ne => !x.eq(self, y)?,
            CompareOp::Le => x.is_subset(self, y)?,
            CompareOp::Lt => x.len() < y.len() && x.is_subset(self, y)?,
            CompareOp::Ge => y.is_subset(self, x)?,
            CompareOp::Gt => y.len() < x.len() && y.is_subset(self, x)?,
        })
    }

    /// `lhs == rhs` as a truth value, with user classes' `__eq__`.
    pub fn equal(&mut self, lhs: &Value, rhs: &Value) -> PyResult<bool> {
        if lhs.is(rhs) {
            return Ok(true);
        }
        self.compare_values(CompareOp::Eq, lhs, rhs)
    }

    /// `-x`, `+x`, `~x` for instances.
    pub(crate) fn unary_dunder(&mut self, op: UnaryOp, value: &Value) -> PyResult<Option<Value>> {
        if !is_instance(value) {
            return Ok(None);
        }
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
            UnaryOp::Not => return Ok(Some(Value::bool(!self.truthy_value(value)?))),
        };
        match self.call_dunder(value, name, Vec::new())? {
            Some(result) => Ok(Some(result)),
            None if has_base(value) => protocol::unary_op(op, value).map(Some),
            None => Err(PyErr::type_error(format!(
                "bad operand type for unary {}: '{}'",
                match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    _ => "~",
                },
                value.type_name()
            ))),
        }
    }

    /// `a op b` on builtin values (the last step of every binary
    /// operation): `str % args` formats through this VM, so `%s`/`%r` use
    /// the arguments' `__str__`/`__repr__`.
    #[inline]
    pub(crate) fn builtin_binary(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult {
        if op == BinaryOp::Mod
            && let Some(format) = a.as_str_or_subclass()
        {
            // `a` is borrowed by the caller for the whole call: the text
            // needs no copy.
            return crate::format::percent::format_with(self, format.as_str(), b).map(Value::str);
        }
        if op == BinaryOp::Mod
            && let Some(format) = a.as_bytes_or_subclass()
        {
            let format = format.as_bytes().to_vec();
            return crate::format::percent::format_bytes_with(self, &format, b).map(Value::bytes);
        }
        if matches!(a, Value::Obj(_))
            && matches!(
                op,
                BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor
            )
            && let Some(result) = crate::builtins::set::set_operation(self, op, a, b)
        {
            return result;
        }
        // `int | str`, `None | int`: a PEP 604 union (the `type` type has
        // no `__or__` of its own; see `builtins::union`).
        if op == BinaryOp::Or
            && let Some(union) = crate::builtins::union::union_or(self, a, b)?
        {
            return Ok(union);
        }
        protocol::binary_op(op, a, b)
    }

    /// The (key, value) pairs of a mapping, as `dict(m)`, `d.update(m)` and
    /// `{**m}` read them: a dict's own storage (a subclass's too, unless it
    /// iterates differently), else `m.keys()` and `m[key]`; `None` when `m`
    /// has no `keys`.
    pub(crate) fn mapping_items(
        &mut self,
        mapping: &Value,
    ) -> PyResult<Option<Vec<(Value, Value)>>> {
        if let Some(dict) = mapping.as_dict() {
            return Ok(Some(dict.items()));
        }
        let class = user_class_of(mapping);
        if let Some(dict) = mapping.as_dict_or_subclass()
            && !class.as_ref().is_some_and(|c| c.defines(Slot::Iter))
        {
            return Ok(Some(dict.items()));
        }
        let keys = match self.call_dunder(mapping, "keys", Vec::new())? {
            Some(keys) => keys,
            None => return Ok(None),
        };
        let mut pairs = Vec::new();
        for key in protocol::collect(self, &keys)? {
            let value = self.subscript_get(mapping, key.clone())?;
            pairs.push((key, value));
        }
        Ok(Some(pairs))
    }

    /// `len(x)`: `__len__` of a user class (its result checked as CPython
    /// does), else the builtin length.
    pub fn length(&mut self, value: &Value) -> PyResult<usize> {
        if !is_instance(value) {
            return protocol::len(value);
        }
        // (An exact native value: its type's methods cannot be replaced.)
        if let Some(PyObject::Native(native)) = value.as_obj()
            && let Some(length) = native.data.length()
        {
            return Ok(length);
        }
        let Some(length) = self.call_slot_with(value, Slot::Len, &[])? else {
            return protocol::len(value);
        };
        let n = crate::builtins::module::index_value(self, &length)?;
        match crate::builtins::int::as_int(&n) {
            Some(i) if i.is_negative() => Err(PyErr::value_error("__len__() should return >= 0")),
            Some(i) => i.to_i64().map(|n| n as usize).ok_or_else(|| {
                PyErr::overflow_error("cannot fit 'int' into an index-sized integer")
            }),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                length.type_name()
            ))),
        }
    }

    /// `iter(x)`: the one way anything is iterated (`for`, unpacking,
    /// `list()`, `sorted()`...). A class that defines `__iter__` or
    /// `__getitem__` — a subclass of a builtin included — is asked first.
    pub fn iterate(&mut self, value: &Value) -> PyResult {
        if let Some(class) = user_class_ref(value)
            && (class.defines(Slot::Iter) || class.defines(Slot::GetItem))
        {
            return self.iter_dunder(value);
        }
        if let Some(iterator) = crate::builtins::iter::builtin_iter(value.builtin_value()) {
            return Ok(iterator);
        }
        match value.as_obj() {
            Some(PyObject::Generator(_) | PyObject::Iterator(_)) => Ok(value.clone()),
            _ if is_instance(value) => self.iter_dunder(value),
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                value.type_name()
            ))),
        }
    }

    /// Whether `iter(x)` would find a way to iterate `x` (without running it).
    pub(crate) fn is_iterable(&self, value: &Value) -> bool {
        if let Some(class) = user_class_ref(value)
            && (class.defines(Slot::Iter) || class.defines(Slot::GetItem))
        {
            return true;
        }
        crate::builtins::iter::builtin_iter(value.builtin_value()).is_some()
            || matches!(
                value.as_obj(),
                Some(PyObject::Generator(_) | PyObject::Iterator(_))
            )
    }

    /// `divmod(a, b)`: `__divmod__`, then the reflected `__rdivmod__`.
    pub(crate) fn divmod(&mut self, a: &Value, b: &Value) -> PyResult {
        if let Some(result) = self.call_dunder_with(a, "__divmod__", std::slice::from_ref(b))?
            && !matches!(result, Value::NotImplemented)
        {
            return Ok(result);
        }
        if !a.is(b)
            && let Some(result) =
                self.call_dunder_with(b, "__rdivmod__", std::slice::from_ref(a))?
            && !matches!(result, Value::NotImplemented)
        {
            return Ok(result);
        }
        protocol::divmod(a, b)
    }

    /// `bool(x)`: `__bool__`, then `__len__`, else true.
    pub fn truthy_value(&mut self, value: &Value) -> PyResult<bool> {
        match value {
            Value::Bool(b) => return Ok(b.get()),
            Value::None => return Ok(false),
            Value::Int(i) => return Ok(*i != 0),
            _ => {}
        }
        if !is_instance(value) {
            return protocol::truthy(value);
        }
        // An instance of a class statement's class that defines neither
        // `__bool__` nor `__len__` (`if node.left:`): true, told from the
        // class's slot set without looking either name up.
        if let Some(PyObject::Instance(instance)) = value.as_obj()
            && instance.class().heap
            && !instance.class().defines(crate::typeobject::Slot::Bool)
            && !instance.class().defines(crate::typeobject::Slot::Len)
            && !has_base(value)
        {
            return Ok(true);
        }
        if let Some(PyObject::Native(native)) = value.as_obj()
            && let Some(length) = native.data.length()
        {
            return Ok(length != 0);
        }
        if let Some(result) = self.call_slot_with(value, Slot::Bool, &[])? {
            return match result {
                Value::Bool(b) => Ok(b.get()),
                other => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ))),
            };
        }
        if let Some(length) = self.call_slot_with(value, Slot::Len, &[])? {
            return Ok(self.length_of(&length)? != 0);
        }
        if has_base(value) {
            return protocol::truthy(value);
        }
        Ok(true)
    }

    fn length_of(&mut self, length: &Value) -> PyResult<usize> {
        match length {
            Value::Int(n) if *n >= 0 => Ok(*n as usize),
            Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
            Value::Bool(b) => Ok(b.get() as usize),
            other => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }

    /// `x[key]`, `x[key] = v`, `del x[key]` for instances.
    pub(crate) fn item_dunder(
        &mut self,
        container: &Value,
        slot: Slot,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        if !is_instance(container) {
            return Ok(None);
        }
        // A subclass of a builtin container (`Counter`, `defaultdict`-like
        // classes) whose class statements define no such method: the
        // builtin's own, told from the slot set without a lookup.
        if let Some(PyObject::Instance(instance)) = container.as_obj()
            && instance.class().heap
            && has_base(container)
            && !instance.class().defines(slot)
        {
            return Ok(None);
        }
        match self.call_slot_with(container, slot, args)? {
            Some(result) => Ok(Some(result)),
            None if has_base(container) => Ok(None),
            None => {
                let heap = user_class_of(container).is_some_and(|c| c.heap);
                let what = match slot {
                    Slot::GetItem => "is not subscriptable",
                    Slot::SetItem => "does not support item assignment",
                    // CPython's wording differs for classes made by statements.
                    _ if heap => "doesn't support item deletion",
                    _ => "does not support item deletion",
                };
                Err(PyErr::type_error(format!(
                    "'{}' object {what}",
                    container.type_name()
                )))
            }
        }
    }

    /// `hash(x)`: `__hash__` of instances (identity by default, unhashable
    /// when the class defines `__eq__` without `__hash__`).
    pub fn hash_value(&mut self, value: &Value) -> PyResult<i64> {
        let Some(class) = user_class_of(value) else {
            if let Some(PyObject::Tuple(tuple)) = value.as_obj()
                && needs_interp(value)
            {
                return tuple.hash_with(&mut |item| self.hash_value(item));
            }
            return protocol::hash(value);
        };
        match class.lookup_slot(Slot::Hash) {
            Some(Value::None) => {}
            Some(_) => {
                return match self.call_slot_with(value, Slot::Hash, &[])? {
                    Some(Value::Int(-1)) => Ok(-2),
                    Some(Value::Int(h)) => Ok(h),
                    Some(Value::Bool(b)) => Ok(b.get() as i64),
                    Some(other) => match other.as_bigint_or_subclass() {
                        Some(_) => protocol::hash(&other),
                        None => Err(PyErr::type_error(
                            "__hash__ method should return an integer",
                        )),
                    },
                    None => protocol::hash(value),
                };
            }
            // `__hash__ = None` is put in a class statement's namespace
            // when it defines `__eq__` alone; an `__eq__` assigned later
            // leaves the hash alone, as in CPython.
            None => return protocol::hash(value),
        }
        Err(PyErr::type_error(format!(
            "unhashable type: '{}'",
            value.type_name()
        )))
    }

    /// `repr(x)` for instances: `__repr__`, else `<__main__.C object at ...>`.
    pub(crate) fn repr_dunder(&mut self, value: &Value) -> PyResult<Option<String>> {
        Ok(self
            .repr_dunder_object(value)?
            .and_then(|text| text.as_str_or_subclass().map(|s| s.as_str().to_string())))
    }

    /// What an instance's own `__repr__` returned, checked to be a `str`
    /// (a subclass of it is kept: `repr()` gives it back unchanged).
    pub(crate) fn repr_dunder_object(&mut self, value: &Value) -> PyResult<Option<Value>> {
        if !is_instance(value) {
            return Ok(None);
        }
        match self.call_dunder(value, "__repr__", Vec::new())? {
            Some(text) if text.as_str_or_subclass().is_some() => Ok(Some(text)),
            Some(text) => Err(PyErr::type_error(format!(
                "__repr__ returned non-string (type {})",
                text.type_name()
            ))),
            None => Ok(None),
        }
    }

    /// `repr()` of the builtin containers, formatted here so that the
    /// `__repr__` of instances inside them is honoured. `None` for other
    /// values (the object layer formats those).
    ///
    /// The container is `value`, which `owner` is or carries (an
    /// instance of a subclass, whose items' reprs are honoured too): a set's repr
    /// names the owner's type unless it is exactly `set` (`S({1})`,
    /// `S()`, `S(...)` in a cycle, as CPython's `set_repr`).
    pub(crate) fn repr_container_of(
        &mut self,
        value: &Value,
        owner: &Value,
    ) -> PyResult<Option<String>> {
        let Value::Obj(object) = value else {
            return Ok(None);
        };
        let set_name = match &**object {
            PyObject::Set(_) if !has_base(owner) => None,
            PyObject::Set(_) | PyObject::FrozenSet(_) => Some(owner.type_name()),
            _ => None,
        };
        let (open, close, items, pairs): (String, &str, Vec<Value>, Vec<(Value, Value)>) =
            match &**object {
                PyObject::List(l) => ("[".into(), "]", l.snapshot(), Vec::new()),
                PyObject::Tuple(t) => ("(".into(), ")", t.as_slice().to_vec(), Vec::new()),
                PyObject::Dict(d) => ("{".into(), "}", Vec::new(), d.items()),
                PyObject::Set(s) | PyObject::FrozenSet(s) if s.is_empty() => {
                    return Ok(set_name.map(|name| format!("{name}()")));
                }
                PyObject::Set(s) | PyObject::FrozenSet(s) => match &set_name {
                    Some(name) => (format!("{name}({{"), "})", s.values(), Vec::new()),
                    None => ("{".into(), "}", s.values(), Vec::new()),
                },
                _ => return Ok(None),
            };
        let address = std::rc::Rc::as_ptr(object) as usize;
        if self.repr_in_progress.contains(&address) {
            let cycle = match (&**object, &set_name) {
                (PyObject::List(_), _) => "[...]".to_string(),
                (PyObject::Tuple(_), _) => "(...)".to_string(),
                (PyObject::Set(_) | PyObject::FrozenSet(_), Some(name)) => format!("{name}(...)"),
                (PyObject::Set(_), None) => "set(...)".to_string(),
                _ => "{...}".to_string(),
            };
            return Ok(Some(cycle));
        }
        if self.repr_in_progress.len() >= self.recursion_limit
            || crate::interpreter::stack_exhausted()
        {
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_in_progress.push(address);
        let result = (|| {
            let mut text = open.clone();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&self.repr(item)?);
            }
            for (i, (key, value)) in pairs.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&self.repr(key)?);
                text.push_str(": ");
                text.push_str(&self.repr(value)?);
            }
            if open == "(" && items.len() == 1 {
                text.push(',');
            }
            text.push_str(close);
            Ok(text)
        })();
        self.repr_in_progress.pop();
        result.map(Some)
    }

    /// `str(x)` for instances: `__str__` (its result, a str or an
    /// instance of a subclass of str), else `__repr__`.
    pub(crate) fn str_dunder(&mut self, value: &Value) -> PyResult<Option<Value>> {
        if !is_instance(value) {
            return Ok(None);
        }
        let non_string = |text: &Value| {
            PyErr::type_error(format!(
                "__str__ returned non-string (type {})",
                text.type_name()
            ))
        };
        match self.call_dunder(value, "__str__", Vec::new())? {
            Some(text) if text.as_str_or_subclass().is_some() => Ok(Some(text)),
            Some(text) => Err(non_string(&text)),
            // `str` and `bytes` have a `__str__` of their own, ahead of a
            // subclass's `__repr__` (markup strings with a repr of their
            // own still print as their text); the other builtins inherit
            // object's, which is `repr()`.
            None if matches!(
                value.builtin_value().as_obj(),
                Some(PyObject::Str(_) | PyObject::Bytes(_))
            ) =>
            {
                Ok(None)
            }
            None => match self.call_dunder(value, "__repr__", Vec::new())? {
                // object.__str__ is repr(): its check names __str__.
                Some(text) if text.as_str_or_subclass().is_some() => Ok(Some(text)),
                Some(text) => Err(non_string(&text)),
                None if has_base(value) => Ok(None),
                None => self.repr_dunder(value).map(|t| t.map(Value::str)),
            },
        }
    }

    /// `format(x, spec)` for instances.
    pub(crate) fn format_dunder(&mut self, value: &Value, spec: &str) -> PyResult<Option<String>> {
        // A declared native type may have its own (`decimal.Decimal`).
        let native_format = matches!(value.as_obj(), Some(PyObject::Native(n)) if n.class.defines(crate::typeobject::Slot::Format));
        if !is_instance(value) && !native_format {
            return Ok(None);
        }
        if let Some(text) = self.call_dunder(value, "__format__", vec![Value::str(spec)])? {
            return match text.as_str_or_subclass() {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(PyErr::type_error(format!(
                    "__format__ must return a str, not {}",
                    text.type_name()
                ))),
            };
        }
        if spec.is_empty() {
            return Ok(Some(self.str(value)?));
        }
        // A subclass of a builtin formats its value (`float.__format__`).
        if has_base(value) {
            return protocol::format(value.builtin_value(), spec).map(Some);
        }
        Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            value.type_name()
        )))
    }

    /// `iter(x)` for instances: `__iter__`, or the `__getitem__` protocol.
    pub(crate) fn iter_dunder(&mut self, value: &Value) -> PyResult<Value> {
        let not_iterable =
            || PyErr::type_error(format!("'{}' object is not iterable", value.type_name()));
        let class = user_class_of(value);
        if class
            .as_ref()
            .is_some_and(|c| matches!(c.lookup_slot(Slot::Iter), Some(Value::None)))
        {
            return Err(not_iterable());
        }
        if let Some(iterator) = self.call_slot_with(value, Slot::Iter, &[])? {
            let is_iterator = match iterator.as_obj() {
                Some(PyObject::Iterator(_) | PyObject::Generator(_)) => true,
                _ => user_class_of(&iterator).is_some_and(|c| c.lookup_slot(Slot::Next).is_some()),
            };
            if !is_iterator {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    iterator.type_name()
                )));
            }
            return Ok(iterator);
        }
        if has_base(value) {
            return protocol::iter(value);
        }
        if class.is_some_and(|c| c.lookup("__getitem__").is_some()) {
            return Ok(crate::builtins::iter::PyIterator::new(
                crate::builtins::iter::IterKind::GetItem {
                    object: value.clone(),
                    index: std::cell::Cell::new(0),
                },
            )
            .into_value());
        }
        Err(not_iterable())
    }

    /// `next(x)` for instances: `__next__`; `None` on StopIteration.
    pub(crate) fn next_dunder(&mut self, value: &Value) -> PyResult<Option<Value>> {
        match self.call_slot_with(value, Slot::Next, &[]) {
            Ok(Some(item)) => Ok(Some(item)),
            Ok(None) => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                value.type_name()
            ))),
            Err(err) if err.matches(ExcType::StopIteration) => {
                self.ended_iteration = Some(err);
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }

    /// `container[key]`: instances' `__getitem__`, dict keys hashed by the
    /// interpreter, `__index__` of instances used as sequence indices.
    pub fn subscript_get(&mut self, container: &Value, key: Value) -> PyResult {
        let key = self.native_slice_key(container, key)?;
        if let Some(PyObject::Type(class)) = container.as_obj() {
            let class = class.clone();
            return self.class_subscript(&class, container, key);
        }
        // A native type's own item access (`array[i]`, `deque[i]`).
        if let Some(PyObject::Native(native)) = container.as_obj()
            && !native.class.heap
        {
            // (Moved by words: see `moved_by_words`.)
            if let Some(result) =
                crate::value::moved_by_words(native.data.get_item(self, container, &key))
            {
                return result;
            }
        }
        if let Some(value) =
            self.item_dunder(container, Slot::GetItem, std::slice::from_ref(&key))?
        {
            return Ok(value);
        }
        let found = match container.as_dict_or_subclass() {
            Some(dict) => dict.get_item_vm(self, &key)?,
            None => {
                let key = self.index_of(key)?;
                return protocol::get_item(container, &key);
            }
        };
        match found {
            Some(value) => Ok(value),
            // A dict subclass may supply missing keys.
            None => {
                match self.call_dunder_with(container, "__missing__", std::slice::from_ref(&key))? {
                    Some(value) => Ok(value),
                    None => Err(PyErr::key_error(key)),
                }
            }
        }
    }

    /// `cls[key]`: the metaclass's `__getitem__`, else the class's
    /// `__class_getitem__`, else a `GenericAlias` of a builtin container.
    fn class_subscript(
        &mut self,
        class: &Rc<typeobject::TypeObject>,
        container: &Value,
        key: Value,
    ) -> PyResult {
        if let Some(meta) = &class.metaclass
            && meta.defines(Slot::GetItem)
            && let Some(getitem) = meta.lookup("__getitem__")
        {
            return self.call_native(&getitem, vec![container.clone(), key], &[]);
        }
        if let Some(hook) = class.lookup("__class_getitem__") {
            // A declared native type's: a method of the class itself.
            if let Some(PyObject::MethodDescriptor(d)) = hook.as_obj()
                && d.bound.is_none()
            {
                return d.def.invoke(self, container, crate::Args::new(&[key]));
            }
            let hook = self.get_attr(container, "__class_getitem__")?;
            return self.call_native(&hook, vec![key], &[]);
        }
        use typeobject::BuiltinType as B;
        let generic = class.mro.iter().chain(std::iter::once(class)).any(|t| {
            !t.heap
                && matches!(
                    t.builtin,
                    Some(B::List | B::Dict | B::Tuple | B::Set | B::FrozenSet | B::Type)
                )
        });
        if generic {
            return Ok(crate::builtins::generic_alias::generic_alias(
                container.clone(),
                &key,
            ));
        }
        Err(PyErr::type_error(format!(
            "type '{}' is not subscriptable",
            class.name
        )))
    }

    /// `container[key] = value`.
    pub fn subscript_set(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        let key = self.native_slice_key(container, key)?;
        if let Some(PyObject::Native(native)) = container.as_obj()
            && !native.class.heap
            && let Some(result) = native.data.set_item(self, container, &key, &value)
        {
            return result;
        }
        if let Some(class) = user_class_of(container)
            && (!has_base(container) || class.defines(Slot::SetItem))
        {
            self.item_dunder(container, Slot::SetItem, &[key, value])?;
            return Ok(());
        }
        // A dict keeps the key object itself (a str or tuple subclass, an
        // int subclass), never its `__index__`.
        match container.as_dict_or_subclass() {
            Some(dict) => dict.set_item_vm(self, key, value),
            _ => {
                let key = self.index_of(key)?;
                protocol::set_item(self, container, &key, value)
            }
        }
    }

    /// `del container[key]`.
    pub fn subscript_delete(&mut self, container: &Value, key: Value) -> PyResult<()> {
        let key = self.native_slice_key(container, key)?;
        if self
            .item_dunder(container, Slot::DelItem, std::slice::from_ref(&key))?
            .is_some()
        {
            return Ok(());
        }
        match container.as_dict_or_subclass() {
            Some(dict) => match dict.pop_vm(self, &key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key)),
            },
            _ => {
                let key = self.index_of(key)?;
                protocol::del_item(container, &key)
            }
        }
    }

    /// A slice given to a declared native type (`bytearray`, `array`,
    /// `memoryview`), whose item methods take int bounds: bounds with
    /// `__index__` converted, as the builtin sequences' are.
    fn native_slice_key(&mut self, container: &Value, key: Value) -> PyResult<Value> {
        match (container.as_obj(), key.as_obj()) {
            (Some(PyObject::Native(_)), Some(PyObject::Slice(_))) => self.index_of(key),
            _ => Ok(key),
        }
    }

    /// An instance used as a sequence index: its `__index__`.
    pub(crate) fn index_of(&mut self, key: Value) -> PyResult<Value> {
        if let Some(PyObject::Slice(slice)) = key.as_obj() {
            // Slice bounds with __index__ (`xs[X(1):X(3)]`).
            if [&slice.start, &slice.stop, &slice.step]
                .into_iter()
                .any(is_instance)
            {
                let start = self.index_of(slice.start.clone())?;
                let stop = self.index_of(slice.stop.clone())?;
                let step = self.index_of(slice.step.clone())?;
                return Ok(Value::obj(PyObject::Slice(
                    crate::builtins::slice::PySlice { start, stop, step },
                )));
            }
            return Ok(key);
        }
        if !is_instance(&key) {
            return Ok(key);
        }
        if key.builtin_value().is_int() {
            return Ok(key.builtin_value().clone());
        }
        match self.call_dunder(&key, "__index__", Vec::new())? {
            Some(index) if index.is_int() => Ok(index),
            Some(other) => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                other.type_name()
            ))),
            None => Ok(key.builtin_value().clone()),
        }
    }

    /// `item in container`, with the interpreter's `==` and `hash` where
    /// user classes are involved.
    pub fn contains_value(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        // A class's own __contains__; a subclass of a builtin without one
        // keeps the builtin's containment (CPython's sq_contains), whatever
        // its __iter__; a plain class falls back to iterating.
        if let Some(class) = user_class_ref(container)
            && (class.defines(Slot::Contains)
                || (!has_base(container)
                    && (class.defines(Slot::Iter) || class.defines(Slot::GetItem))))
        {
            return self.contains_dunder(container, item);
        }
        if !needs_interp(item) && !matches!(container.as_obj(), Some(PyObject::Dict(_))) {
            return protocol::contains(self, container, item);
        }
        match container.as_obj() {
            Some(PyObject::Dict(dict)) => Ok(dict.get_item_vm(self, item)?.is_some()),
            Some(PyObject::Set(set) | PyObject::FrozenSet(set)) => set.contains_key_vm(self, item),
            _ => protocol::contains(self, container, item),
        }
    }

    /// `x in container` for instances: `__contains__`, else iteration.
    pub(crate) fn contains_dunder(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(class) = user_class_ref(container)
            && class
                .lookup_slot(Slot::Contains)
                .is_some_and(|found| found.is_none())
        {
            return Err(PyErr::type_error(format!(
                "'{}' object is not a container",
                container.type_name()
            )));
        }
        if let Some(result) =
            self.call_slot_with(container, Slot::Contains, std::slice::from_ref(item))?
        {
            return self.truthy_value(&result);
        }
        if has_base(container) {
            return protocol::contains(self, container, item);
        }
        let iterator = self.iterate(container).map_err(|_| {
            PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))
        })?;
        while let Some(candidate) = protocol::next(self, &iterator)? {
            if self.equal(&candidate, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Whether `value` is a user-class instance with a `__call__` method.
pub(crate) fn callable_instance(value: &Value) -> bool {
    user_class_of(value).is_some_and(|c| c.lookup("__call__").is_some())
        && !matches!(value.as_obj(), Some(PyObject::Type(_)))
}

macro_rules! slot_wrappers {
    ($($name:literal => |$vm:ident, $receiver:ident, $args:ident| $body:expr;)*) => {
        /// The dunder methods builtin objects answer to by name
        /// (`{}.__getitem__(k)`, `super().__eq__(other)`), as wrappers over
        /// the same operations the dispatch loop performs.
        static SLOT_WRAPPERS: &[crate::builtins::function::MethodDef] = &[
            $(crate::builtins::function::MethodDef {
                name: $name, params: crate::builtins::function::Params::Any,
                func: |$vm, $receiver, $args| $body,
            },)*
        ];
    };
}

/// A key for a builtin container's item wrapper: a sequence's index or
/// slice bounds through `__index__`; a mapping's key as it is.
fn sequence_key(vm: &mut Vm, receiver: &Value, key: Value) -> PyResult<Value> {
    match receiver.as_dict_or_subclass() {
        Some(_) => Ok(key),
        None => vm.index_of(key),
    }
}

fn one(args: &crate::args::Args, name: &str) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    Ok(args.pos[0].clone())
}

slot_wrappers! {
    // Functions, builtins, methods and classes: `f.__call__(x)` is `f(x)`.
    "__call__" => |vm, receiver, args| vm.call(receiver, args);
    "__getitem__" => |vm, receiver, args| {
        let key = one(&args, "__getitem__")?;
        // dict_subscript: a missing key of a dict subclass goes to its
        // `__missing__` (`super().__getitem__(k)`, `dict.__getitem__(d, k)`).
        match receiver.as_dict_or_subclass() {
            Some(dict) => match dict.get_item_vm(vm, &key)? {
                Some(value) => Ok(value),
                None => match vm.call_dunder_with(receiver, "__missing__", std::slice::from_ref(&key))? {
                    Some(value) => Ok(value),
                    None => Err(PyErr::key_error(key)),
                },
            },
            None => {
                let key = vm.index_of(key)?;
                protocol::get_item(receiver, &key)
            }
        }
    };
    // A dict's key is hashed and compared by the interpreter (its
    // `__hash__`/`__eq__`, in a tuple too), as `d[k] = v` does.
    "__setitem__" => |vm, receiver, args| {
        args.check("__setitem__", 2, 2)?;
        let key = sequence_key(vm, receiver, args.pos[0].clone())?;
        match receiver.as_dict_or_subclass() {
            Some(dict) => dict.set_item_vm(vm, key, args.pos[1].clone()),
            None => protocol::set_item(vm, receiver, &key, args.pos[1].clone()),
        }
        .map(|()| Value::None)
    };
    "__delitem__" => |vm, receiver, args| {
        let key = sequence_key(vm, receiver, one(&args, "__delitem__")?)?;
        match receiver.as_dict_or_subclass() {
            Some(dict) => match dict.pop_vm(vm, &key)? {
                Some(_) => Ok(Value::None),
                None => Err(PyErr::key_error(key)),
            },
            None => protocol::del_item(receiver, &key).map(|()| Value::None),
        }
    };
    "__len__" => |_vm, receiver, args| {
        args.check("__len__", 0, 0)?;
        protocol::len(receiver).map(Value::from)
    };
    "__contains__" => |vm, receiver, args| {
        protocol::contains(vm, receiver, &one(&args, "__contains__")?).map(Value::bool)
    };
    "__iter__" => |vm, receiver, args| {
        args.check("__iter__", 0, 0)?;
        // The builtin iteration of the value a subclass instance carries,
        // never the instance's own `__iter__` again.
        match receiver.builtin_value() {
            value if is_instance(value) => vm.iterate(value),
            value => protocol::iter(value),
        }
    };
    "__next__" => |vm, receiver, args| {
        args.check("__next__", 0, 0)?;
        if !matches!(receiver.as_obj(), Some(PyObject::Iterator(_) | PyObject::Generator(_))) {
            return Err(PyErr::new(
                ExcType::AttributeError,
                format!("'{}' object has no attribute '__next__'", receiver.type_name()),
            ));
        }
        match protocol::next(vm, receiver)? {
            Some(item) => Ok(item),
            None => Err(crate::interpreter::generator::stop_iteration(Value::None)),
        }
    };
    // The builtin behaviour on the value a subclass instance carries
    // (`list.__repr__(self)` in a subclass's own `__repr__`), never the
    // instance's dunder again; on a plain instance, object's.
    "__repr__" => |vm, receiver, args| {
        args.check("__repr__", 0, 0)?;
        let value = receiver.builtin_value();
        if is_instance(value) {
            return protocol::repr(value).map(Value::str);
        }
        vm.repr(value).map(Value::str)
    };
    "__str__" => |vm, receiver, args| {
        args.check("__str__", 0, 0)?;
        let value = receiver.builtin_value();
        if let Some(PyObject::Exception(exception)) = value.as_obj() {
            // BaseException.__str__: its arguments' text, never the
            // class's own __str__ or __repr__.
            return vm.exception_text(exception).map(Value::str);
        }
        // object.__str__ is `repr()` (a subclass's own `__repr__` too);
        // str and bytes have their own.
        let own_str = matches!(value.as_obj(), Some(PyObject::Str(_) | PyObject::Bytes(_)));
        if is_instance(value) || (is_instance(receiver) && !own_str) {
            return vm.repr(receiver).map(Value::str);
        }
        vm.str(value).map(Value::str)
    };
    "__hash__" => |_vm, receiver, args| {
        args.check("__hash__", 0, 0)?;
        protocol::hash(receiver).map(Value::Int)
    };
    "__eq__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Eq, receiver, &one(&args, "__eq__")?);
    "__ne__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Ne, receiver, &one(&args, "__ne__")?);
    "__lt__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Lt, receiver, &one(&args, "__lt__")?);
    "__le__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Le, receiver, &one(&args, "__le__")?);
    "__gt__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Gt, receiver, &one(&args, "__gt__")?);
    "__ge__" => |vm, receiver, args| builtin_comparison(vm, CompareOp::Ge, receiver, &one(&args, "__ge__")?);
    "__add__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Add, receiver, &one(&args, "__add__")?, false);
    "__radd__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Add, receiver, &one(&args, "__radd__")?, true);
    "__sub__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Sub, receiver, &one(&args, "__sub__")?, false);
    "__rsub__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Sub, receiver, &one(&args, "__rsub__")?, true);
    "__mul__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Mul, receiver, &one(&args, "__mul__")?, false);
    "__rmul__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Mul, receiver, &one(&args, "__rmul__")?, true);
    "__truediv__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::TrueDiv, receiver, &one(&args, "__truediv__")?, false);
    "__rtruediv__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::TrueDiv, receiver, &one(&args, "__rtruediv__")?, true);
    "__floordiv__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::FloorDiv, receiver, &one(&args, "__floordiv__")?, false);
    "__rfloordiv__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::FloorDiv, receiver, &one(&args, "__rfloordiv__")?, true);
    "__mod__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Mod, receiver, &one(&args, "__mod__")?, false);
    "__rmod__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Mod, receiver, &one(&args, "__rmod__")?, true);
    "__pow__" => |vm, receiver, args| builtin_power(vm, receiver, &args, false);
    "__rpow__" => |vm, receiver, args| builtin_power(vm, receiver, &args, true);
    "__matmul__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::MatMul, receiver, &one(&args, "__matmul__")?, false);
    "__rmatmul__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::MatMul, receiver, &one(&args, "__rmatmul__")?, true);
    "__lshift__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::LShift, receiver, &one(&args, "__lshift__")?, false);
    "__rlshift__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::LShift, receiver, &one(&args, "__rlshift__")?, true);
    "__rshift__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::RShift, receiver, &one(&args, "__rshift__")?, false);
    "__rrshift__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::RShift, receiver, &one(&args, "__rrshift__")?, true);
    "__and__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::And, receiver, &one(&args, "__and__")?, false);
    "__rand__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::And, receiver, &one(&args, "__rand__")?, true);
    "__or__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Or, receiver, &one(&args, "__or__")?, false);
    "__ror__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Or, receiver, &one(&args, "__ror__")?, true);
    "__xor__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Xor, receiver, &one(&args, "__xor__")?, false);
    "__rxor__" => |vm, receiver, args| builtin_operator(vm, BinaryOp::Xor, receiver, &one(&args, "__rxor__")?, true);
    "__iadd__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::Add, receiver, &args, "__iadd__");
    "__imul__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::Mul, receiver, &args, "__imul__");
    "__ior__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::Or, receiver, &args, "__ior__");
    "__iand__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::And, receiver, &args, "__iand__");
    "__isub__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::Sub, receiver, &args, "__isub__");
    "__ixor__" => |vm, receiver, args| builtin_inplace_wrapper(vm, BinaryOp::Xor, receiver, &args, "__ixor__");
    "__neg__" => |_vm, receiver, args| {
        args.check("__neg__", 0, 0)?;
        protocol::unary_op(UnaryOp::Neg, receiver)
    };
    "__pos__" => |_vm, receiver, args| {
        args.check("__pos__", 0, 0)?;
        protocol::unary_op(UnaryOp::Pos, receiver)
    };
    "__invert__" => |_vm, receiver, args| {
        args.check("__invert__", 0, 0)?;
        protocol::unary_op(UnaryOp::Invert, receiver)
    };
    "__abs__" => |_vm, receiver, args| {
        args.check("__abs__", 0, 0)?;
        protocol::abs(receiver)
    };
    "__bool__" => |_vm, receiver, args| {
        args.check("__bool__", 0, 0)?;
        protocol::truthy(receiver).map(Value::bool)
    };
    "__format__" => |vm, receiver, args| {
        let spec = one(&args, "__format__")?;
        let Some(spec) = spec.as_str_or_subclass().map(|s| s.as_str().to_string()) else {
            return Err(PyErr::type_error(format!(
                "__format__() argument must be str, not {}",
                spec.type_name()
            )));
        };
        let value = receiver.builtin_value();
        if is_instance(value) {
            // object.__format__: str(self), for an empty spec only.
            if !spec.is_empty() {
                return Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    value.type_name()
                )));
            }
            return vm.str(value).map(Value::str);
        }
        protocol::format(value, &spec).map(Value::str)
    };
}

/// Whether `value`, an instance of a subclass of a builtin sequence,
/// has its class's own operator method `name` (which declined): its
/// sequence's `+` or `*` is then no fallback (CPython's `sq_concat` and
/// `sq_repeat` are emptied by a class's `__add__`, `__mul__`, `__rmul__`,
/// and the builtin's method is reached only through the class's).
fn overrides(value: &Value, name: &str) -> bool {
    let carries_sequence = matches!(
        value.builtin_value().as_obj(),
        Some(PyObject::List(_) | PyObject::Tuple(_) | PyObject::Str(_) | PyObject::Bytes(_))
    );
    carries_sequence
        && has_base(value)
        && matches!(name, "__add__" | "__mul__" | "__rmul__")
        && user_class_of(value).is_some_and(|class| class.lookup(name).is_some())
        && !holds_builtin_slot_wrapper(value, name)
}

/// Whether the builtin value `value` carries has in-place operators of its
/// own (a list's `+=`, `*=`; a dict's and a set's `|=`...).
fn has_inplace_sequence(value: &Value) -> bool {
    matches!(
        value.builtin_value().as_obj(),
        Some(PyObject::List(_) | PyObject::Dict(_) | PyObject::Set(_))
    )
}

/// `receiver op= other` done in place by the builtin value `receiver`
/// carries (itself, or a subclass instance's): a list's `+=` (any
/// iterable) and `*=`, a dict's `|=`, a set's `|=`, `&=`, `-=`, `^=`
/// (sets only); the receiver is the result. Other values: the plain
/// binary operation.
fn builtin_inplace(vm: &mut Vm, op: BinaryOp, receiver: &Value, other: &Value) -> PyResult {
    let value = receiver.builtin_value();
    match (op, value.as_obj()) {
        (BinaryOp::Add, Some(PyObject::List(_))) => {
            crate::builtins::list::inplace_concat(vm, value, other)?;
        }
        (BinaryOp::Mul, Some(PyObject::List(_))) => {
            let n = match crate::sequence::repeat_count(other) {
                Some(n) => n?,
                None => crate::sequence::index_arg(vm, other, "n")?,
            };
            crate::builtins::list::inplace_repeat(value, n)?;
        }
        (BinaryOp::Or, Some(PyObject::Dict(d))) => d.update_from(vm, other)?,
        (BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor, Some(PyObject::Set(s)))
            if other.as_anyset_or_subclass().is_some() =>
        {
            crate::builtins::set::inplace_operation(vm, op, s, other)?;
        }
        _ => return vm.builtin_binary(op, value, other.builtin_value()),
    }
    Ok(receiver.clone())
}

/// `list.__iadd__(self, other)` and the other in-place slot wrappers:
/// NotImplemented for an operand the builtin does not take.
fn builtin_inplace_wrapper(
    vm: &mut Vm,
    op: BinaryOp,
    receiver: &Value,
    args: &crate::args::Args,
    name: &str,
) -> PyResult {
    let other = one(args, name)?;
    let value = receiver.builtin_value();
    match (op, value.as_obj()) {
        (BinaryOp::Add | BinaryOp::Mul, Some(PyObject::List(_)))
        | (BinaryOp::Or, Some(PyObject::Dict(_))) => builtin_inplace(vm, op, receiver, &other),
        (_, Some(PyObject::Set(_))) if other.as_anyset_or_subclass().is_some() => {
            builtin_inplace(vm, op, receiver, &other)
        }
        _ => Ok(Value::NotImplemented),
    }
}

/// `receiver.__op__(other)` of a builtin type (`other.__rop__` when
/// `reflected`): NotImplemented, as CPython's slot wrappers answer, when the
/// builtin operation does not take these operands.
fn builtin_operator(
    vm: &mut Vm,
    op: BinaryOp,
    receiver: &Value,
    other: &Value,
    reflected: bool,
) -> PyResult {
    let (receiver, other) = (receiver.builtin_value(), other.builtin_value());
    let (a, b) = if reflected {
        (other, receiver)
    } else {
        (receiver, other)
    };
    if is_instance(a) || is_instance(b) || refuses_operand(receiver, other, false) {
        if !reflected && let Some(result) = sequence_operator(vm, op, receiver, other) {
            return result;
        }
        return Ok(Value::NotImplemented);
    }
    // complex's slots: NotImplemented for what they do not take.
    if matches!(receiver.as_obj(), Some(PyObject::Complex(_))) {
        return crate::builtins::complex::binary_op(op, a, b).unwrap_or(Ok(Value::NotImplemented));
    }
    match vm.builtin_binary(op, a, b) {
        Err(err)
            if err.matches(ExcType::TypeError)
                && err.message().starts_with("unsupported operand") =>
        {
            Ok(Value::NotImplemented)
        }
        result => result,
    }
}

/// `seq.__add__(x)` and `seq.__mul__(x)` of a builtin sequence, and
/// `str.__mod__(x)`, given an instance: CPython's wrappers of
/// `sq_concat`, `sq_repeat` and formatting raise (or format, or repeat
/// by `x.__index__()`) where a number's slot gives NotImplemented.
fn sequence_operator(
    vm: &mut Vm,
    op: BinaryOp,
    receiver: &Value,
    other: &Value,
) -> Option<PyResult> {
    let kind = match receiver.as_obj()? {
        PyObject::Str(_) => "str",
        PyObject::List(_) => "list",
        PyObject::Tuple(_) => "tuple",
        PyObject::Bytes(_) => "bytes",
        _ => return None,
    };
    match op {
        BinaryOp::Add if is_instance(other) => Some(Err(PyErr::type_error(match kind {
            "bytes" => format!("can't concat {} to bytes", other.type_name()),
            _ => format!(
                "can only concatenate {kind} (not \"{}\") to {kind}",
                other.type_name()
            ),
        }))),
        BinaryOp::Mul if is_instance(other) => Some(
            crate::sequence::index_arg(vm, other, "")
                .and_then(|count| vm.builtin_binary(op, receiver, &Value::Int(count))),
        ),
        BinaryOp::Mod if matches!(kind, "str" | "bytes") => {
            Some(vm.builtin_binary(op, receiver, other))
        }
        _ => None,
    }
}

/// `receiver.__pow__(other[, modulo])` (`__rpow__` when `reflected`):
/// with a modulo, three-argument `pow` of ints.
fn builtin_power(
    vm: &mut Vm,
    receiver: &Value,
    args: &crate::args::Args,
    reflected: bool,
) -> PyResult {
    let name = if reflected { "__rpow__" } else { "__pow__" };
    args.check(name, 1, 2)?;
    let other = &args.pos[0];
    match args.pos.get(1).filter(|m| !m.is_none()) {
        None => builtin_operator(vm, BinaryOp::Pow, receiver, other, reflected),
        Some(modulo) => {
            let (receiver, other) = (receiver.builtin_value(), other.builtin_value());
            if crate::builtins::int::as_int(receiver).is_none()
                || crate::builtins::int::as_int(other).is_none()
            {
                return Ok(Value::NotImplemented);
            }
            if reflected {
                protocol::pow3(other, receiver, modulo)
            } else {
                protocol::pow3(receiver, other, modulo)
            }
        }
    }
}

/// Whether the builtin type of `receiver` has no answer for `other`, as
/// CPython's slot functions check their operands' types first: int's
/// number slots take ints, float's ints and floats; the comparisons of
/// str, bytes, list, tuple, dict, set and range take only their own kind.
fn refuses_operand(receiver: &Value, other: &Value, comparison: bool) -> bool {
    use crate::builtins::int::as_int;
    if as_int(receiver).is_some() {
        return as_int(other).is_none();
    }
    if matches!(receiver, Value::Float(_)) {
        return !matches!(other, Value::Float(_)) && as_int(other).is_none();
    }
    if !comparison {
        return false;
    }
    match (receiver.as_obj(), other.as_obj()) {
        (Some(PyObject::Str(_)), Some(PyObject::Str(_)))
        | (Some(PyObject::Bytes(_)), Some(PyObject::Bytes(_)))
        | (Some(PyObject::List(_)), Some(PyObject::List(_)))
        | (Some(PyObject::Tuple(_)), Some(PyObject::Tuple(_)))
        | (Some(PyObject::Dict(_)), Some(PyObject::Dict(_)))
        | (Some(PyObject::Range(_)), Some(PyObject::Range(_)))
        | (
            Some(PyObject::Set(_) | PyObject::FrozenSet(_)),
            Some(PyObject::Set(_) | PyObject::FrozenSet(_)),
        ) => false,
        (
            Some(
                PyObject::Str(_)
                | PyObject::Bytes(_)
                | PyObject::List(_)
                | PyObject::Tuple(_)
                | PyObject::Dict(_)
                | PyObject::Range(_)
                | PyObject::Set(_)
                | PyObject::FrozenSet(_),
            ),
            _,
        ) => true,
        _ => false,
    }
}

/// `receiver.__lt__(other)` and the like of a builtin type: NotImplemented
/// for operands the builtin comparison does not order.
fn builtin_comparison(vm: &mut Vm, op: CompareOp, receiver: &Value, other: &Value) -> PyResult {
    let (a, b) = (receiver.builtin_value(), other.builtin_value());
    // Builtin types without a comparison of their own (None, functions,
    // modules, classes) have object's.
    let object_comparison = matches!(a, Value::None | Value::Ellipsis | Value::NotImplemented)
        || matches!(
            a.as_obj(),
            Some(
                PyObject::Function(_)
                    | PyObject::BuiltinFunction(_)
                    | PyObject::Type(_)
                    | PyObject::Generator(_)
            )
        );
    if is_instance(a) || object_comparison {
        // object's: identity for `==`, the inverse of the object's own
        // `__eq__` for `!=`, no order.
        return Ok(match op {
            CompareOp::Eq if a.is(other) => Value::bool(true),
            CompareOp::Ne => match vm.call_slot_with(a, Slot::Eq, std::slice::from_ref(other))? {
                None if a.is(other) => Value::bool(false),
                Some(Value::NotImplemented) | None => Value::NotImplemented,
                Some(result) => Value::bool(!vm.truthy_value(&result)?),
            },
            _ => Value::NotImplemented,
        });
    }
    if refuses_operand(a, b, true) {
        return Ok(Value::NotImplemented);
    }
    // complex_richcompare: NotImplemented for what it does not compare.
    if matches!(a.as_obj(), Some(PyObject::Complex(_))) {
        return Ok(match crate::builtins::complex::compare(op, a, b) {
            Some(result) => Value::bool(result),
            None => Value::NotImplemented,
        });
    }
    // Through the interpreter: items of tuples, lists and dicts that are
    // instances compare with their own dunders, as with `==`.
    match vm.compare_values(op, a, b) {
        Err(err) if err.matches(ExcType::TypeError) && err.message().contains("not supported") => {
            Ok(Value::NotImplemented)
        }
        result => result.map(Value::bool),
    }
}

/// The names of every slot wrapper (what `dir()` of a builtin type lists
/// of them, filtered by [`class_has_slot_wrapper`]).
pub(crate) fn slot_wrapper_names() -> impl Iterator<Item = &'static str> {
    SLOT_WRAPPERS.iter().map(|def| def.name)
}

/// The wrapper of dunder `name`, unbound (`str.__eq__`).
pub(crate) fn slot_wrapper_def(
    name: &str,
) -> Option<&'static crate::builtins::function::MethodDef> {
    SLOT_WRAPPERS.iter().find(|d| d.name == name)
}

/// `obj.__getitem__` and the like on a builtin object, bound to it: only
/// the ones its type has (`hasattr(5, '__len__')` is False, as duck
/// typing expects).
pub(crate) fn slot_wrapper(receiver: &Value, name: &str) -> Option<Value> {
    let def = SLOT_WRAPPERS.iter().find(|d| d.name == name)?;
    if !builtin_type_has(receiver, name) {
        return None;
    }
    Some(Value::obj(PyObject::MethodDescriptor(
        crate::builtins::function::PyMethodDescriptor {
            def,
            bound: Some(receiver.clone()),
        },
    )))
}

/// A `dict_keys` or `dict_items` view: set-like in comparisons.
fn is_set_view(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(PyObject::DictView(view)) if view.kind != crate::builtins::dict::ViewKind::Values
    )
}

/// Whether the builtin type of `value` (of its builtin base, for a
/// subclass instance) defines the slot wrapper `name`, as CPython's
/// types do. Objects of types without a [`BuiltinType`] (iterators,
/// bytearray, memoryview) keep every wrapper but the numeric ones.
///
/// [`BuiltinType`]: crate::typeobject::BuiltinType
fn builtin_type_has(value: &Value, name: &str) -> bool {
    if OBJECT_SLOT_WRAPPERS.contains(&name) {
        return true;
    }
    let base = value.builtin_value();
    if matches!(base.as_obj(), Some(PyObject::Exception(_))) {
        return false;
    }
    let class = crate::typeobject::class_of(base);
    match class.builtin {
        Some(kind) => builtin_kind_has(kind, name),
        None => match base.as_obj() {
            Some(PyObject::Iterator(_)) => matches!(name, "__iter__" | "__next__"),
            Some(PyObject::Native(_)) => native_type_has(&class, name),
            _ => false,
        },
    }
}

/// The slot wrappers every object has from `object`.
const OBJECT_SLOT_WRAPPERS: [&str; 10] = [
    "__repr__",
    "__str__",
    "__hash__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__format__",
];

/// [`builtin_type_has`] for the type itself (`int.__getitem__` is an
/// AttributeError, `hasattr(int, '__add__')` True).
pub(crate) fn class_has_slot_wrapper(class: &crate::typeobject::TypeObject, name: &str) -> bool {
    if OBJECT_SLOT_WRAPPERS.contains(&name) {
        return true;
    }
    if class.is_exception_type() {
        return false;
    }
    match class.builtin {
        Some(kind) => builtin_kind_has(kind, name),
        // Iterator types hold their own `__iter__` and `__next__`.
        None => native_type_has(class, name),
    }
}

/// The wrappers of the declared native types (bytearray, memoryview,
/// those of modules) without a [`BuiltinType`] of their own.
///
/// [`BuiltinType`]: crate::typeobject::BuiltinType
fn native_type_has(class: &crate::typeobject::TypeObject, name: &str) -> bool {
    match &*class.name {
        "bytearray" => matches!(
            name,
            "__getitem__"
                | "__setitem__"
                | "__delitem__"
                | "__len__"
                | "__contains__"
                | "__iter__"
                | "__add__"
                | "__mul__"
                | "__rmul__"
                | "__mod__"
                | "__rmod__"
        ),
        "memoryview" => matches!(
            name,
            "__getitem__" | "__setitem__" | "__delitem__" | "__len__" | "__iter__"
        ),
        // Native types declare their own dunders; these are the
        // wrappers some of them lean on.
        _ => matches!(
            name,
            "__getitem__"
                | "__setitem__"
                | "__delitem__"
                | "__len__"
                | "__contains__"
                | "__iter__"
                | "__next__"
        ),
    }
}

/// Whether builtin type `kind` defines the slot wrapper `name`.
fn builtin_kind_has(kind: crate::typeobject::BuiltinType, name: &str) -> bool {
    use crate::typeobject::BuiltinType as B;
    let number = matches!(kind, B::Int | B::Bool | B::Float | B::Complex);
    let integer = matches!(kind, B::Int | B::Bool);
    let sequence = matches!(kind, B::Str | B::List | B::Tuple | B::Bytes);
    let container = sequence
        || matches!(
            kind,
            B::Dict | B::DictKeys | B::DictValues | B::DictItems | B::Set | B::FrozenSet | B::Range
        );
    let set_like = matches!(kind, B::Set | B::FrozenSet | B::DictKeys | B::DictItems);
    match name {
        "__getitem__" => sequence || matches!(kind, B::Dict | B::Range),
        "__setitem__" | "__delitem__" => matches!(kind, B::List | B::Dict),
        "__len__" => container,
        "__contains__" => container && kind != B::DictValues,
        "__iter__" => container || kind == B::Generator,
        "__next__" => kind == B::Generator,
        "__add__" | "__mul__" => number || sequence,
        "__rmul__" => number || sequence,
        "__radd__" | "__truediv__" | "__rtruediv__" | "__pow__" | "__rpow__" => number,
        "__sub__" | "__rsub__" => number || set_like,
        "__floordiv__" | "__rfloordiv__" => matches!(kind, B::Int | B::Bool | B::Float),
        "__mod__" | "__rmod__" => {
            matches!(kind, B::Int | B::Bool | B::Float | B::Str | B::Bytes)
        }
        "__lshift__" | "__rlshift__" | "__rshift__" | "__rrshift__" | "__invert__" => integer,
        "__and__" | "__rand__" | "__xor__" | "__rxor__" => integer || set_like,
        "__or__" | "__ror__" => integer || set_like || kind == B::Dict,
        "__iadd__" | "__imul__" => kind == B::List,
        "__ior__" => matches!(kind, B::Dict | B::Set),
        "__iand__" | "__isub__" | "__ixor__" => kind == B::Set,
        "__neg__" | "__pos__" | "__abs__" => number,
        "__bool__" => number || matches!(kind, B::NoneType | B::Range),
        "__call__" => matches!(
            kind,
            B::Function | B::BuiltinFunction | B::MethodDescriptor | B::Method | B::Type
        ),
        _ => false,
    }
}
