//! `cargo xtask ast-diff [PATHS]`: krait's parser against CPython's.

use std::process::ExitCode;

pub fn run(_paths: &[String]) -> ExitCode {
    eprintln!("ast-diff: not implemented yet");
    ExitCode::FAILURE
}
