//! xtask: the project's own commands (`cargo xtask test`, `conformance`,
//! `bench`, `scaling`, `overhead`, `ast-diff`, `regen`, `pgo`).
//!
//! Must not be depended on by any crate of krait.

mod ast_diff;
mod bench;
mod conformance;
mod overhead;
mod pgo;
mod regen;
mod scaling;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ast-diff") => ast_diff::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("regen") => regen::run(&args[1..]),
        Some("conformance") => conformance::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("scaling") => scaling::run(&args[1..]),
        Some("overhead") => overhead::run(&args[1..]),
        Some("pgo") => pgo::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <test | conformance [--filter PREFIX] [--bless] [--verbose] \
                 | bench [--runs N] [--json] [FILTER] \
                 | scaling [--runs N] [--no-build] [FILTER] \
                 | overhead [--runs N] [--no-build] [FILTER] | ast-diff [PATHS...] | regen | pgo>"
            );
            ExitCode::from(2)
        }
    }
}
