//! The host interface: everything the VM needs from the world outside it.
//!
//! The VM never touches stdio, clocks, the file system or the compiler
//! directly; it asks its [`Host`]. [`crate::Vm::new`] uses [`StdHost`]
//! (the process's stdio and clocks, what the `krait` command grants);
//! [`crate::Vm::with_host`] takes any other: [`DenyAll`] grants nothing,
//! [`BufferHost`] captures output and serves input lines (tests,
//! embedders). The compiler and module finding have no users yet (the
//! compile()/exec() and import issues); the sandbox-by-default choice for
//! embedders belongs to the embedding issue.
//!
//! Each method has a default that refuses or does the harmless thing, so a
//! host implements only what it grants.

use std::time::Duration;

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::typeobject::ExcType;

/// A compile mode, as the `mode` argument of Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

/// What the VM asks of the outside world.
pub trait Host: std::any::Any {
    /// Text for `sys.stdout` (`print`).
    fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        let _ = text;
        Err(denied("writing to standard output"))
    }

    /// Text for `sys.stderr`.
    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        let _ = text;
        Err(denied("writing to standard error"))
    }

    /// One line of standard input without its newline (`input()`); `None`
    /// at end of input.
    fn read_line(&mut self) -> PyResult<Option<String>> {
        Ok(None)
    }

    /// Seconds since the Unix epoch (`time.time()`).
    fn wall_clock(&mut self) -> PyResult<Duration> {
        Err(denied("reading the clock"))
    }

    /// A monotonic clock (`time.monotonic()`, `time.perf_counter()`).
    fn monotonic_clock(&mut self) -> PyResult<Duration> {
        Err(denied("reading the clock"))
    }

    /// `time.sleep`.
    fn sleep(&mut self, duration: Duration) -> PyResult<()> {
        let _ = duration;
        Err(denied("sleeping"))
    }

    /// Compiles source to a code object (`compile()`, `exec()`, `eval()`,
    /// imports of source files). The VM links no compiler: the host
    /// supplies one, or these raise `RuntimeError: this krait build has no
    /// compiler` (code objects and `.kbc` files still run).
    fn compile(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<krait_bytecode::CodeObject> {
        let _ = (source, filename, mode);
        Err(PyErr::runtime_error("this krait build has no compiler"))
    }

    /// Finds the source of module `name` (for `import`): its file name and
    /// text, or `None` when the host knows no such module.
    fn find_module(&mut self, name: &str) -> PyResult<Option<(String, String)>> {
        let _ = name;
        Ok(None)
    }
}

fn denied(what: &str) -> PyErr {
    PyErr::new(
        ExcType::PermissionError,
        format!("the host does not allow {what}"),
    )
}

/// Grants nothing: output is refused, input is empty, no clock.
pub struct DenyAll;

impl Host for DenyAll {}

/// The process's own stdio and clocks: what the `krait` command grants
/// (it adds the compiler on top).
pub struct StdHost;

impl Host for StdHost {
    fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::new(ExcType::OSError, e.to_string()))
    }

    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stderr()
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::new(ExcType::OSError, e.to_string()))
    }

    fn read_line(&mut self) -> PyResult<Option<String>> {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Ok(Some(line))
            }
            Err(e) => Err(PyErr::new(ExcType::OSError, e.to_string())),
        }
    }

    fn wall_clock(&mut self) -> PyResult<Duration> {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| PyErr::new(ExcType::OSError, e.to_string()))
    }

    fn monotonic_clock(&mut self) -> PyResult<Duration> {
        static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        Ok(ORIGIN.get_or_init(std::time::Instant::now).elapsed())
    }

    fn sleep(&mut self, duration: Duration) -> PyResult<()> {
        std::thread::sleep(duration);
        Ok(())
    }
}

/// Output captured in strings, input served from a list of lines: for
/// tests and for embedders that want a script's output as a value.
#[derive(Default)]
pub struct BufferHost {
    pub stdout: String,
    pub stderr: String,
    /// Lines `input()` returns, first to last.
    pub input: std::collections::VecDeque<String>,
}

impl Host for BufferHost {
    fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        self.stdout.push_str(text);
        Ok(())
    }

    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        self.stderr.push_str(text);
        Ok(())
    }

    fn read_line(&mut self) -> PyResult<Option<String>> {
        Ok(self.input.pop_front())
    }
}
