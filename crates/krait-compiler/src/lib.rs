//! krait-compiler: a krait-ast tree -> krait-bytecode code objects.
//!
//! Like CPython's `compile()`, it has three modes (exec, eval, single). A
//! symbol-table pass ([`symtable`]) decides where every name lives; code
//! generation then emits instructions, line numbers and exception tables.
//!
//! Must not depend on: krait-vm or krait-dis.

pub mod symtable;
