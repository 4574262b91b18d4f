//! krait's standard library, outside the VM crate so that the VM does not
//! grow with it and an embedder picks what to register: [`install`]
//! registers all of it with a [`Vm`].
//!
//! Two kinds of modules (the choice per module is in ARCHITECTURE.md):
//! modules written in Rust where speed or exactness matter, or where the
//! module reaches the outside world (`posix`: every call goes through the
//! VM's host), registered as native modules; and modules written in Python
//! (`lib/*.py`: `os`, `os.path`, `types`...), compiled to verified `.kbc`
//! when this crate is built and embedded in the binary (CPython's frozen
//! modules), found by the import system after the user's `sys.path`.
//!
//! Must not depend on the front end (lexer, parser, compiler) at run time:
//! the compiler is only a build dependency, used by `build.rs`.

use krait_vm::Vm;
use krait_vm::interpreter::import::{FrozenModule, NativeModuleInit};

mod abc;
mod array;
mod bigint_gcd;
mod binascii;
mod bz2;
mod cmath;
mod collections;
mod csv;
mod decimal;
mod functools;
mod hashlib;
mod heapq;
mod itertools;
mod json;
mod math;
mod operator;
mod pickle;
mod posix;
mod pwd;
mod pyexpat;
mod random;
mod re;
mod select;
mod signal;
mod sqlite;
mod structs;
mod unicodedata;
mod util;
mod zlib;

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// The modules written in Rust, by name.
pub const NATIVE: &[(&str, NativeModuleInit)] = &[
    ("_abc", abc::module),
    ("_bz2", bz2::module),
    ("_collections", collections::module),
    ("_csv", csv::module),
    ("_functools", functools::module),
    ("_heapq", heapq::heapq_module),
    ("_json", json::module),
    ("_operator", operator::module),
    ("_pickle", pickle::module),
    ("_random", random::module),
    ("_re", re::module),
    ("_signal", signal::module),
    ("_sqlite3", sqlite::module),
    ("_struct", structs::module),
    ("array", array::module),
    ("binascii", binascii::module),
    ("bisect", heapq::bisect_module),
    ("cmath", cmath::module),
    ("hashlib", hashlib::module),
    ("decimal", decimal::module),
    ("itertools", itertools::module),
    ("math", math::module),
    ("posix", posix::module),
    ("pwd", pwd::module),
    ("pyexpat", pyexpat::module),
    ("select", select::module),
    ("unicodedata", unicodedata::module),
    ("zlib", zlib::module),
];

/// Registers every module of the standard library with `vm`.
pub fn install(vm: &mut Vm) {
    for &(name, init) in NATIVE {
        vm.add_native_module(name, init);
    }
    for (name, &(package, kbc)) in frozen() {
        vm.add_frozen_module(name, FrozenModule { kbc, package });
    }
}

/// The frozen modules: (name, is a package, `.kbc` bytes).
fn frozen() -> impl Iterator<Item = (&'static str, &'static (bool, &'static [u8]))> {
    FROZEN_NAMES.lines().zip(FROZEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every frozen module passes the `.kbc` decoder and verifier.
    #[test]
    fn frozen_modules_load() {
        assert!(!FROZEN.is_empty());
        assert_eq!(FROZEN_NAMES.lines().count(), FROZEN.len());
        for (name, (_, kbc)) in frozen() {
            if let Err(err) = krait_bytecode::kbc::decode(kbc) {
                panic!("frozen module {name}: {err}");
            }
        }
    }
}
