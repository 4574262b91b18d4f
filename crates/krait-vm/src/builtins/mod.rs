//! One module per object kind, each with its data, methods and operators.

pub mod bytes;
pub mod code;
pub mod complex;
pub mod constructors;
pub mod dict;
pub mod dict_view;
pub mod dis_module;
pub mod exception;
pub mod exec;
pub mod file;
pub mod float;
pub mod frame_object;
pub mod function;
pub mod generic_alias;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod member;
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
pub mod time_module;
pub mod tuple;
pub mod union;

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
        BuiltinType::Property => function::PROPERTY_METHODS,
        BuiltinType::Module => module_object::METHODS,
        _ => &[],
    }
}
