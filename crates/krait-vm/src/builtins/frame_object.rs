//! Frame objects, as `sys._getframe()` returns them. krait's frames live
//! on the VM's frame stack and have no Python object of their own, so a
//! frame object is a snapshot taken when it is asked for: its code,
//! globals (the live dict), line, locals (the dict `locals()` gives) and
//! the frame below it. The standard library reads `f_globals['__name__']`
//! of its caller (`namedtuple`, `Enum`) and little more.
//!
//! Declared as a native type (see `crate::native`).

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::native::{NativeData, NativeObject, native_type};
use crate::typeobject::TypeObject;
use crate::value::Value;

pub struct FrameObject {
    code: Rc<Code>,
    globals: Value,
    builtins: Value,
    locals: Value,
    line: u32,
    /// The instruction running (CPython's offset: index × 2).
    lasti: usize,
    /// The caller's frame object, or None at the bottom.
    back: Value,
}

impl NativeData for FrameObject {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.locals);
        visit(&self.back);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "f_code" => Some(Code::as_value(&self.code)),
            "f_globals" => Some(self.globals.clone()),
            "f_builtins" => Some(self.builtins.clone()),
            "f_locals" => Some(self.locals.clone()),
            "f_lineno" => Some(Value::Int(i64::from(self.line))),
            "f_lasti" => Some(Value::from(self.lasti * 2)),
            "f_back" => Some(self.back.clone()),
            "f_trace" => Some(Value::None),
            _ => None,
        }
    }
}

thread_local! {
    static FRAME_TYPE: Rc<TypeObject> = native_type("frame", METHODS);
}

/// `sys._getframe(depth=0)`: the frame `depth` calls below the caller.
pub fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_getframe", 0, 1)?;
    let depth = match args.pos.first() {
        Some(value) => match crate::builtins::module::index_value(vm, value)? {
            Value::Int(n) => n,
            Value::Bool(b) => i64::from(b.get()),
            _ => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C int",
                ));
            }
        },
        None => 0,
    };
    let count = vm.frames.len();
    // A negative depth is the caller itself, as in CPython.
    let depth = usize::try_from(depth.max(0)).unwrap_or(usize::MAX);
    if depth >= count {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    let wanted = count - 1 - depth;
    // Bottom up, so each frame object can hold the one below it.
    let mut back = Value::None;
    for index in 0..=wanted {
        let locals = vm.frame_locals(index)?;
        let frame = &vm.frames[index];
        let lasti = frame.pc.saturating_sub(1);
        let object = FrameObject {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            builtins: vm.builtins.clone(),
            locals,
            line: frame.code.line_of(lasti),
            lasti,
            back,
        };
        back = NativeObject::new_value(FRAME_TYPE.with(Rc::clone), object);
    }
    Ok(back)
}

fn repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let Some(frame) = receiver.native::<FrameObject>() else {
        return Err(PyErr::type_error("descriptor requires a 'frame' object"));
    };
    Ok(Value::str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        frame as *const FrameObject as usize, frame.code.filename, frame.line, frame.code.name
    )))
}

static METHODS: &[MethodDef] = &[MethodDef {
    name: "__repr__",
    params: Params::NoArgs,
    func: repr,
}];
