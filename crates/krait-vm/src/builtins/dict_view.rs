//! The methods of `dict_keys` and `dict_items` (set-like views; their
//! comparisons and operators live with the other collections' in
//! `interpreter/dunder.rs` and `protocol.rs`).

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::value::Value;

/// `view.isdisjoint(iterable)`: no element of the iterable is in the view.
fn m_isdisjoint(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    args.check("isdisjoint", 1, 1)?;
    let Some(PyObject::DictView(view)) = z.as_obj() else {
        return Err(PyErr::type_error(
            "descriptor 'isdisjoint' requires a dict view",
        ));
    };
    let iterator = vm.iterate(&args.pos[0])?;
    while let Some(item) = protocol::next(vm, &iterator)? {
        if view.contains(vm, &item)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

pub const SET_LIKE_METHODS: &[MethodDef] = &[MethodDef {
    name: "isdisjoint",
    params: Params::One,
    func: m_isdisjoint,
}];
