//! One function per fuzz target: each takes arbitrary bytes and must
//! return without panicking, overflowing the stack or hanging, whatever
//! the bytes are. Errors (lexical, syntax, verification, Python
//! exceptions, limits) are the expected outcome of most inputs.

use std::time::Duration;

use krait::embed::Interpreter;

/// Instructions one fuzzed program may run: enough to reach most of the
/// VM from a short program, few enough for thousands of runs a second.
const INSTRUCTION_BUDGET: u64 = 20_000;

/// Memory one fuzzed interpreter may hold (the binary installs
/// `krait::memory::Accounting`): a memory bomb is refused, not attempted.
const MEMORY_LIMIT: usize = 256 << 20;

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The lexer over any text.
pub fn lexer(data: &[u8]) {
    if let Some(source) = text(data) {
        for token in krait_lexer::lex(source) {
            let _ = token;
        }
    }
}

/// The parser in its three modes.
pub fn parser(data: &[u8]) {
    if let Some(source) = text(data) {
        for mode in [krait::Mode::Exec, krait::Mode::Eval, krait::Mode::Single] {
            let _ = krait_parser::parse(source, mode, "<fuzz>");
        }
    }
}

/// Parser and compiler, and the compiler's output through the verifier
/// and the `.kbc` round trip (both must accept what the compiler makes).
pub fn compiler(data: &[u8]) {
    let Some(source) = text(data) else { return };
    let Ok(code) = krait_compiler::compile(source, "<fuzz>", krait::Mode::Exec) else {
        return;
    };
    if let Err(error) = krait_bytecode::verify(&code) {
        panic!("the compiler's output fails verification: {error}");
    }
    let bytes = krait_bytecode::encode(&code);
    if let Err(error) = krait_bytecode::decode(&bytes) {
        panic!("the compiler's output fails the .kbc round trip: {error}");
    }
}

/// The `.kbc` loader over any bytes (the magic, version and fingerprint
/// are put in front of most inputs so the fuzzer reaches the body), and
/// the VM running what it accepts under limits.
pub fn kbc_loader(data: &[u8]) {
    let mut bytes;
    let input = if data.first() == Some(&0) {
        &data[1..]
    } else {
        bytes = krait_bytecode::encode(&empty_module()).to_vec();
        bytes.truncate(krait_bytecode::MAGIC.len() + 6);
        bytes.extend_from_slice(data);
        &bytes[..]
    };
    if let Ok(code) = krait_bytecode::decode(input) {
        let mut python = limited_interpreter();
        let _ = python.exec_code(code);
    }
}

/// The whole pipeline and the VM, sandboxed and limited.
pub fn vm_limits(data: &[u8]) {
    if let Some(source) = text(data) {
        let mut python = limited_interpreter();
        let _ = python.exec(source);
        // The interpreter stays usable after whatever the program did.
        // A trace or profile function the program left set stays set, as
        // in CPython, and may well raise: it is turned off first (a trace
        // function that raises is unset by the raise itself).
        python.set_instruction_budget(Some(INSTRUCTION_BUDGET));
        let _ = python.exec("import sys\nsys.settrace(None)\nsys.setprofile(None)");
        python.set_instruction_budget(Some(INSTRUCTION_BUDGET));
        if let Err(error) = python.eval::<i64>("1 + 1") {
            panic!("the interpreter is unusable after a run: {error}");
        }
    }
}

fn limited_interpreter() -> Interpreter {
    let mut python = Interpreter::new();
    python.set_instruction_budget(Some(INSTRUCTION_BUDGET));
    python.set_time_limit(Some(Duration::from_secs(2)));
    python
        .set_memory_limit(Some(MEMORY_LIMIT))
        .expect("the fuzzing binaries count allocations");
    python
}

fn empty_module() -> krait::CodeObject {
    krait_compiler::compile("", "<fuzz>", krait::Mode::Exec).expect("an empty module compiles")
}
