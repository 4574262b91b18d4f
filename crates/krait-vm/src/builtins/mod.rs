//! One module per object kind, each with its data, methods and operators.

pub mod atexit;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod constructors;
pub mod coroutine;
pub mod dict;
pub mod dict_view;
pub mod dis_module;
pub mod docs;
pub mod exception;
pub mod exec;
pub mod file;
pub mod float;
pub mod float_hex;
pub mod frame_object;
pub mod function;
pub mod gc_module;
pub mod generic_alias;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod member;
pub mod memoryview;
pub mod module;
pub mod module_object;
pub mod modules;
pub mod range;
pub mod set;
pub mod settable;
pub mod slice;
pub mod str;
pub mod stringio;
pub mod structseq;
pub mod sys_info;
pub mod time_module;
pub mod traceback_object;
pub mod tuple;
pub mod unicode;
pub mod union;
pub mod weakref;

use crate::typeobject::BuiltinType;
use function::MethodDef;

/// The method table of a builtin type.
pub fn methods_of(t: BuiltinType) -> &'static [MethodDef] {
    match t {
        BuiltinType::Int => int::METHODS,
        BuiltinType::Float => float::METHODS,
        BuiltinType::Complex => complex::METHODS,
        BuiltinType::Str => str::METHODS,
        BuiltinType::List => list::METHODS,
        BuiltinType::Tuple => tuple::METHODS,
        BuiltinType::Dict => dict::METHODS,
        BuiltinType::DictKeys | BuiltinType::DictItems => dict_view::SET_LIKE_METHODS,
        BuiltinType::Set => set::METHODS,
        BuiltinType::FrozenSet => set::FROZEN_METHODS,
        BuiltinType::Range => range::METHODS,
        BuiltinType::Slice => slice::METHODS,
        BuiltinType::Bytes => bytes::METHODS,
        BuiltinType::Generator => function::GENERATOR_METHODS,
        BuiltinType::Coroutine => coroutine::COROUTINE_METHODS,
        BuiltinType::AsyncGenerator => coroutine::ASYNC_GENERATOR_METHODS,
        BuiltinType::Property => function::PROPERTY_METHODS,
        BuiltinType::StaticMethod => function::STATICMETHOD_METHODS,
        BuiltinType::ClassMethod => function::CLASSMETHOD_METHODS,
        BuiltinType::Module => module_object::METHODS,
        _ => &[],
    }
}

/// The class-level functions of a builtin type, put in its namespace
/// with its methods: `bytes.fromhex`, `int.from_bytes` and
/// `dict.fromkeys` are class methods (a subclass gets an instance of
/// itself), `bytes.maketrans` a static method.
pub fn class_functions(t: BuiltinType) -> Vec<(&'static str, crate::value::Value)> {
    use crate::object::PyObject;
    use crate::value::Value;
    use function::{NativeFunction, PyBuiltinFunction, PyClassMethod};
    let class_method = |name: &'static str, func: NativeFunction| {
        Value::obj(PyObject::ClassMethod(PyClassMethod {
            function: Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func })),
        }))
    };
    match t {
        BuiltinType::Bytes => vec![
            (
                "fromhex",
                class_method("fromhex", bytes::fromhex_classmethod),
            ),
            ("maketrans", maketrans_function()),
        ],
        BuiltinType::Int => vec![(
            "from_bytes",
            class_method("from_bytes", int::from_bytes_classmethod),
        )],
        BuiltinType::Float => vec![
            (
                "fromhex",
                class_method("fromhex", float_hex::fromhex_classmethod),
            ),
            (
                "__getformat__",
                class_method("__getformat__", float_hex::getformat_classmethod),
            ),
        ],
        BuiltinType::Dict => vec![(
            "fromkeys",
            class_method("fromkeys", dict::fromkeys_classmethod),
        )],
        _ => Vec::new(),
    }
}

/// `bytes.maketrans` / `bytearray.maketrans`: a static method.
pub fn maketrans_function() -> crate::value::Value {
    use crate::object::PyObject;
    use crate::value::Value;
    Value::obj(PyObject::StaticMethod(function::PyStaticMethod {
        function: Value::obj(PyObject::BuiltinFunction(function::PyBuiltinFunction {
            name: "maketrans",
            func: |_, args| bytes_methods::maketrans(args.pos),
        })),
    }))
}
