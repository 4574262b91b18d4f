//! krait-analysis: dynamic analyses built on the VM's observer
//! ([`krait_vm::interpreter::observe`]).
//!
//! - [`trace`]: an instruction log (`krait trace`): for each instruction
//!   run, where it is (function, line, offset), what it is (as `dis`
//!   lists it) and the top of the stack; or a call tree.
//! - [`coverage`]: line and branch coverage of the files a program runs
//!   (`krait coverage`): reports as a terminal table, annotated source,
//!   HTML pages and JSON.
//! - [`taint`]: taint tracking (`krait taint`): values from source calls
//!   carry labels to the sink calls they reach.
//!
//! The trace attaches an
//! [`Observer`](krait_vm::interpreter::observe::Observer) to a VM and
//! coverage reads the VM's coverage marks: either way the run switches to
//! the watched dispatch loop (fused fast paths off), so the cost is paid
//! only while an analysis is on.
//!
//! Architecture invariant: depends on krait-vm, krait-bytecode and
//! krait-dis only — never on the front end (lexer, parser, compiler): the
//! source-level facts an analysis needs (which lines start statements)
//! come from its caller.

pub mod coverage;
pub mod taint;
pub mod trace;
