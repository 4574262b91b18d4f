//! krait-vm: runs krait bytecode with CPython 3.11 semantics — the
//! interpreter ([`Vm`], in [`interpreter`]) and the Python values and
//! objects it works on.
//!
//! **Input/output.** [`Vm::run_code`] takes a `krait_bytecode::CodeObject`
//! (from the compiler or a verified .kbc file) and returns the value or
//! the uncaught exception ([`PyErr`]); [`Vm::format_exception`] renders a
//! CPython traceback. Inside, every Python operation is one method of
//! [`Vm`] (`iterate`, `length`, `truthy_value`, `hash_value`, `equal`,
//! `binary_dunder`, `subscript_get`, `repr`, `str`, `call`, ...): the exact
//! builtin fast path first, then the type's slots (the dunders a class
//! defines), then the builtin behaviour in [`protocol`]. Results are
//! `Result<Value, PyErr>` ([`PyResult`]); a [`PyErr`] carries a Python
//! exception object whose type comes from the hierarchy in [`typeobject`].
//! Types declared outside the VM's own kinds are [`native`] objects.
//!
//! **Layering invariant.** krait-vm depends on krait-bytecode and
//! krait-dis (the `dis` module; bytecode only) plus
//! num-bigint/num-traits/num-integer, indexmap and thin-vec. It must never depend on
//! krait-lexer, krait-parser, krait-ast or krait-compiler: it can run a
//! `.kbc` file with no front end linked in, and source strings
//! (`compile()`, `exec()`) reach a compiler only through the host.
//! `tests::no_front_end_dependency` enforces this.
//!
//! ## Design
//!
//! - [`Value`] is 16 bytes: `None`, `Bool`, `Int(i64)`, `Float` (floats and
//!   bools kept as 64-bit words, so a value moves in two registers), the
//!   `NotImplemented`/`Ellipsis` singletons, or `Obj(Rc<PyObject>)`. Ints
//!   that overflow `i64` become `PyObject::Int(BigInt)`; big results that fit
//!   come back as `Value::Int` ([`Value::from_bigint`]). Single-threaded:
//!   `Rc`, `Cell`, `RefCell`.
//! - [`PyObject`] is one enum with a variant per object kind; each kind's
//!   data, methods and operators live in `builtins/<kind>.rs` (int, float,
//!   str, list, tuple, dict, set, range, slice, bytes, exception, iter,
//!   function: functions, code, cells, instances, bound methods,
//!   generators, property/staticmethod/classmethod/super). Large kinds are
//!   boxed so every object stays small.
//! - Weak references (`builtins::weakref`) live in a list each
//!   weak-referenceable object holds (null until the first one); the
//!   object's drop clears them and queues their callbacks.
//! - Mutable containers keep their items in a `RefCell` and never hold a
//!   borrow across a call back into Python (they snapshot instead).
//!   [`PyObject::traverse`] enumerates every reference an object holds;
//!   the cycle collector ([`gc`], generations of tracked containers and
//!   trial deletion over the `Rc` counts) is built on it.
//! - Types are [`typeobject::TypeObject`]s (name, bases, MRO, a method
//!   dict). Builtin types and the CPython exception tree are created per
//!   thread on first use; their dicts hold the builtin methods as
//!   `MethodDescriptor`s, and user classes (`class E(ValueError)`,
//!   `class L(list)`) use the same lookup (C3 MROs); instances of
//!   subclasses of builtins carry the builtin value (`Value::builtin_value`).
//! - `dict`/`set` keep each key's Python hash next to it and compare keys
//!   with Python equality: `1`, `1.0` and `True` are one key. Up to eight
//!   dict entries live in a `Vec` scanned by hash; larger dicts are an
//!   `IndexMap` looked up through its raw-entry API; sets are CPython's
//!   open-addressed table (`builtins::settable`). Int and float hashes are CPython's
//!   (mod 2**61-1), tuple hashes are CPython's xxHash-based ones; strings
//!   use a fast hash cached in the string.
//! - `str` stores UTF-8 plus its length in code points: ASCII strings index
//!   in O(1); ASCII one-character strings are shared, not allocated.
//! - Native functions take `&mut Vm`: builtins that run Python code
//!   (`map`, `filter`, `sorted(key=)`, dict keys with `__eq__`) call the
//!   VM's operations directly. The VM reaches the outside world only
//!   through its [`Host`] (stdio, clocks, the compiler, module finding).
//! - Iteration returns `Ok(None)` at the end instead of raising
//!   StopIteration, so loops never allocate an exception.
//!
//! ## Known gaps
//!
//! - Sets iterate in CPython's order, except for a display whose items
//!   CPython's AST optimizer folds from operators (`{1000, 8, 4 + 1}`): the
//!   compiler folds only literals, tuples and unary minus, plus and invert,
//!   so such a display is built item by item. (Sets of strs differ anyway:
//!   CPython randomizes str hashes.)
//! - `__class__` assignment on instances is not supported (see
//!   ARCHITECTURE.md, "Known gaps" of the object model).
//! - The VM's own modules are few (`sys`, `time`, `io`...: `math` and the
//!   rest come from krait-stdlib); no `complex`: `(-8) ** 0.5` raises ValueError instead.
//! - `range` bounds are limited to `i64`.
//! - Unicode character classes (`isprintable`, `isidentifier`, `casefold`,
//!   `title`) use Rust's Unicode tables, which differ from CPython's in rare
//!   corners.

#![cfg_attr(test, allow(clippy::approx_constant))]

pub mod args;
pub mod buffer;
pub mod builtins;
pub mod format;
pub mod gc;
pub mod host;
pub mod interpreter;
mod long_work;
/// Whether a deadline or an interrupt flag is set: native work that would
/// block (waiting for a child) then waits in slices, asking
/// [`check_native_work_limits`] between them.
pub use long_work::armed as native_work_limits_armed;
/// For native modules whose work runs outside the VM (SQLite stepping a
/// query): the error of a passed deadline or a raised interrupt flag.
pub use long_work::check as check_native_work_limits;
pub mod memory;
pub mod native;
pub mod object;
pub mod protocol;
pub mod sequence;
pub mod source;
pub mod typeobject;
pub mod value;

pub use args::Args;
pub use builtins::exception::PyErr;
pub use host::Host;
pub use interpreter::Vm;
pub use object::PyObject;
pub use value::Value;

/// The result of every fallible operation.
pub type PyResult<T = Value> = Result<T, PyErr>;

#[cfg(test)]
mod tests {
    /// design.md §1: the VM links without the front end.
    #[test]
    fn no_front_end_dependency() {
        let manifest = include_str!("../Cargo.toml");
        let deps = manifest
            .split("[dependencies]")
            .nth(1)
            .unwrap_or("")
            .split("\n[")
            .next()
            .unwrap_or("");
        for forbidden in ["krait-lexer", "krait-parser", "krait-ast", "krait-compiler"] {
            assert!(
                !deps.contains(forbidden),
                "krait-vm must not depend on {forbidden}"
            );
        }
    }
}
