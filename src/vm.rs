//! The one place the facade talks to the VM and to `dis`: a
//! `krait_vm::Vm` whose failures become [`Error`]s (tracebacks formatted in
//! CPython's layout, `SystemExit` as an exit code).

use std::io::Write;

use krait_bytecode::CodeObject;
use krait_vm::{PyErr, Vm};

use crate::{Error, Value};

/// Fetches line `lineno` of a file, for tracebacks.
pub(crate) type SourceLine<'a> = &'a dyn Fn(&str, u32) -> Option<String>;

pub(crate) struct Backend {
    vm: Vm,
}

impl Backend {
    pub(crate) fn new() -> Backend {
        let mut vm = Vm::new();
        // main.rs runs everything on a thread with a large stack, so the
        // callbacks into Python may nest as deep as Python frames may.
        vm.native_depth_limit = vm.recursion_limit;
        Backend { vm }
    }

    /// `sys.argv` for the program.
    pub(crate) fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    pub(crate) fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.vm.set_instruction_budget(budget);
    }

    pub(crate) fn run_code(&mut self, code: CodeObject, lines: SourceLine) -> Result<Value, Error> {
        self.vm
            .run_code(code)
            .map_err(|err| self.error(&err, lines))
    }

    pub(crate) fn repr(&mut self, value: &Value, lines: SourceLine) -> Result<String, Error> {
        self.vm.repr(value).map_err(|err| self.error(&err, lines))
    }

    fn error(&mut self, err: &PyErr, lines: SourceLine) -> Error {
        // SystemExit("message") prints its message: after the output.
        let _ = std::io::stdout().flush();
        match self.vm.system_exit_code(err) {
            Some(code) => Error::Exit(code),
            None => Error::Exception {
                traceback: self.vm.format_exception(err, lines),
            },
        }
    }
}

pub(crate) fn disassemble(code: &CodeObject) -> Result<String, Error> {
    Ok(krait_dis::disassemble(code))
}
