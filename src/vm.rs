//! The one place the facade talks to the VM and to `dis`: a
//! `krait_vm::Vm` whose failures become [`Error`]s (tracebacks formatted in
//! CPython's layout, `SystemExit` as an exit code).

use std::io::Write;
use std::time::Duration;

use krait_bytecode::CodeObject;
use krait_vm::builtins::exception::SyntaxLocation;
use krait_vm::host::{
    ChildSpec, CompileMode, FileStatus, HostFile, OpenMode, ProcessId, ProcessTimes, SpawnedChild,
    StdHost, SystemName,
};
use krait_vm::interpreter::import::MainModuleError;
use krait_vm::interpreter::pause::{Resume, RunOutcome};
use krait_vm::typeobject::ExcType;
use krait_vm::{Host, PyErr, PyResult, Vm};

use crate::{Error, Limit, Value};

/// Fetches line `lineno` of a file, for tracebacks.
pub(crate) type SourceLine<'a> = &'a dyn Fn(&str, u32) -> Option<String>;

pub(crate) struct Backend {
    vm: Vm,
    /// The limits as the host set them, for the message when one stops
    /// the program.
    budget: Option<u64>,
    time_limit: Option<Duration>,
    /// The memory limit, for its message.
    memory_limit: Option<usize>,
    /// `-E`/`-I`: `KRAITPATH` is not read.
    ignore_environment: bool,
    /// `-P`/`-I`: the script's folder (or the current one) is not put
    /// first on `sys.path`.
    safe_path: bool,
}

/// The `krait` command's host: the process's stdio, clocks and sleep
/// ([`StdHost`]), and the front end as the compiler of `compile()`,
/// `exec()` and `eval()`.
struct FrontEndHost(StdHost);

impl Host for FrontEndHost {
    fn write_stdout(&mut self, text: &str) -> krait_vm::PyResult<()> {
        self.0.write_stdout(text)
    }

    fn write_stderr(&mut self, text: &str) -> krait_vm::PyResult<()> {
        self.0.write_stderr(text)
    }

    fn read_line(&mut self) -> krait_vm::PyResult<Option<String>> {
        self.0.read_line()
    }

    fn stdin_line_ready(&mut self, wait: Duration) -> krait_vm::PyResult<bool> {
        self.0.stdin_line_ready(wait)
    }

    fn wall_clock(&mut self) -> krait_vm::PyResult<Duration> {
        self.0.wall_clock()
    }

    fn monotonic_clock(&mut self) -> krait_vm::PyResult<Duration> {
        self.0.monotonic_clock()
    }

    fn sleep(&mut self, duration: Duration) -> krait_vm::PyResult<()> {
        self.0.sleep(duration)
    }

    fn local_zone(&mut self, timestamp: i64) -> krait_vm::PyResult<krait_vm::host::LocalZone> {
        self.0.local_zone(timestamp)
    }

    fn process_clock(&mut self) -> krait_vm::PyResult<Duration> {
        self.0.process_clock()
    }

    fn entropy(&mut self, buf: &mut [u8]) -> krait_vm::PyResult<()> {
        self.0.entropy(buf)
    }

    fn stat(&mut self, path: &str) -> krait_vm::PyResult<Option<krait_vm::host::FileStat>> {
        self.0.stat(path)
    }

    fn read_file(&mut self, path: &str) -> krait_vm::PyResult<Vec<u8>> {
        self.0.read_file(path)
    }

    fn write_file(&mut self, path: &str, data: &[u8]) -> krait_vm::PyResult<()> {
        self.0.write_file(path, data)
    }

    fn open_file(
        &mut self,
        path: &str,
        mode: krait_vm::host::OpenMode,
    ) -> krait_vm::PyResult<Box<dyn krait_vm::host::HostFile>> {
        self.0.open_file(path, mode)
    }

    fn list_dir(&mut self, path: &str) -> krait_vm::PyResult<Vec<String>> {
        self.0.list_dir(path)
    }

    fn create_dir(&mut self, path: &str) -> krait_vm::PyResult<()> {
        self.0.create_dir(path)
    }

    fn remove_file(&mut self, path: &str) -> krait_vm::PyResult<()> {
        self.0.remove_file(path)
    }

    fn remove_dir(&mut self, path: &str) -> krait_vm::PyResult<()> {
        self.0.remove_dir(path)
    }

    fn rename(&mut self, from: &str, to: &str) -> krait_vm::PyResult<()> {
        self.0.rename(from, to)
    }

    fn current_dir(&mut self) -> krait_vm::PyResult<String> {
        self.0.current_dir()
    }

    fn raise_signal(&mut self, signum: i32) -> krait_vm::PyResult<()> {
        self.0.raise_signal(signum)
    }

    fn env_vars(&mut self) -> krait_vm::PyResult<Vec<(String, String)>> {
        self.0.env_vars()
    }

    fn read_stdin(&mut self, max: usize) -> krait_vm::PyResult<Vec<u8>> {
        self.0.read_stdin(max)
    }

    fn file_status(&mut self, path: &str, follow: bool) -> PyResult<FileStatus> {
        self.0.file_status(path, follow)
    }

    fn fd_status(&mut self, fd: i32) -> PyResult<FileStatus> {
        self.0.fd_status(fd)
    }

    fn set_mode(&mut self, path: &str, mode: u32, follow: bool) -> PyResult<()> {
        self.0.set_mode(path, mode, follow)
    }

    fn set_times(&mut self, path: &str, times: Option<(i64, i64)>, follow: bool) -> PyResult<()> {
        self.0.set_times(path, times, follow)
    }

    fn create_symlink(&mut self, target: &str, link: &str) -> PyResult<()> {
        self.0.create_symlink(target, link)
    }

    fn read_link(&mut self, path: &str) -> PyResult<String> {
        self.0.read_link(path)
    }

    fn create_hard_link(&mut self, target: &str, link: &str) -> PyResult<()> {
        self.0.create_hard_link(target, link)
    }

    fn truncate_file(&mut self, path: &str, size: u64) -> PyResult<()> {
        self.0.truncate_file(path, size)
    }

    fn create_dir_with_mode(&mut self, path: &str, mode: u32) -> PyResult<()> {
        self.0.create_dir_with_mode(path, mode)
    }

    fn set_current_dir(&mut self, path: &str) -> PyResult<()> {
        self.0.set_current_dir(path)
    }

    fn set_env_var(&mut self, key: &str, value: &str) -> PyResult<()> {
        self.0.set_env_var(key, value)
    }

    fn remove_env_var(&mut self, key: &str) -> PyResult<()> {
        self.0.remove_env_var(key)
    }

    fn open_fd(&mut self, path: &str, flags: i32, mode: u32) -> PyResult<i32> {
        self.0.open_fd(path, flags, mode)
    }

    fn close_fd(&mut self, fd: i32) -> PyResult<()> {
        self.0.close_fd(fd)
    }

    fn read_fd(&mut self, fd: i32, max: usize) -> PyResult<Vec<u8>> {
        self.0.read_fd(fd, max)
    }

    fn write_fd(&mut self, fd: i32, data: &[u8]) -> PyResult<usize> {
        self.0.write_fd(fd, data)
    }

    fn seek_fd(&mut self, fd: i32, offset: i64, whence: i32) -> PyResult<i64> {
        self.0.seek_fd(fd, offset, whence)
    }

    fn sync_fd(&mut self, fd: i32) -> PyResult<()> {
        self.0.sync_fd(fd)
    }

    fn truncate_fd(&mut self, fd: i32, size: u64) -> PyResult<()> {
        self.0.truncate_fd(fd, size)
    }

    fn duplicate_fd(&mut self, fd: i32) -> PyResult<i32> {
        self.0.duplicate_fd(fd)
    }

    fn file_from_fd(
        &mut self,
        fd: i32,
        mode: OpenMode,
        close: bool,
    ) -> PyResult<Box<dyn HostFile>> {
        self.0.file_from_fd(fd, mode, close)
    }

    fn is_terminal(&mut self, fd: i32) -> PyResult<bool> {
        self.0.is_terminal(fd)
    }

    fn terminal_size(&mut self, fd: i32) -> PyResult<(u32, u32)> {
        self.0.terminal_size(fd)
    }

    fn process_id(&mut self, which: ProcessId) -> PyResult<i64> {
        self.0.process_id(which)
    }

    fn login_name(&mut self) -> PyResult<String> {
        self.0.login_name()
    }

    fn system_name(&mut self) -> PyResult<SystemName> {
        self.0.system_name()
    }

    fn set_umask(&mut self, mask: u32) -> PyResult<u32> {
        self.0.set_umask(mask)
    }

    fn process_times(&mut self) -> PyResult<ProcessTimes> {
        self.0.process_times()
    }

    fn cpu_count(&mut self) -> Option<usize> {
        self.0.cpu_count()
    }

    fn spawn_child(&mut self, spec: &ChildSpec) -> PyResult<SpawnedChild> {
        self.0.spawn_child(spec)
    }

    fn wait_child(&mut self, pid: i64, block: bool) -> PyResult<Option<(i64, i32)>> {
        self.0.wait_child(pid, block)
    }

    fn signal_process(&mut self, pid: i64, signal: i32) -> PyResult<()> {
        self.0.signal_process(pid, signal)
    }

    fn create_pipe(&mut self) -> PyResult<(i32, i32)> {
        self.0.create_pipe()
    }

    fn wait_ready(
        &mut self,
        read: &[i32],
        write: &[i32],
        timeout: Option<Duration>,
    ) -> PyResult<(Vec<i32>, Vec<i32>)> {
        self.0.wait_ready(read, write, timeout)
    }

    /// The running executable's identity (size and modification time):
    /// another build of krait may compile differently, so it never reads
    /// this build's cached modules.
    fn compiler_tag(&mut self) -> Option<String> {
        static TAG: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        TAG.get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            let metadata = std::fs::metadata(exe).ok()?;
            let modified = metadata
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(format!(
                "{}:{}:{}",
                env!("CARGO_PKG_VERSION"),
                metadata.len(),
                modified.as_nanos()
            ))
        })
        .clone()
    }

    fn traceback_anchors(&mut self, segment: &str) -> Option<(usize, usize)> {
        crate::traceback_anchors::anchors(segment)
    }

    fn compile(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> krait_vm::PyResult<CodeObject> {
        self.compile_with_warnings(source, filename, mode)
            .map(|(code, _)| code)
    }

    fn compile_with_warnings(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> krait_vm::PyResult<(CodeObject, Vec<(String, u32)>)> {
        front_end_compile(source, filename, mode)
    }

    fn parse_to_json(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> krait_vm::PyResult<String> {
        front_end_parse_to_json(source, filename, mode)
    }

    fn compile_json(
        &mut self,
        tree: &str,
        filename: &str,
    ) -> krait_vm::PyResult<(CodeObject, Vec<(String, u32)>)> {
        front_end_compile_json(tree, filename)
    }
}

fn front_end_mode(mode: CompileMode) -> crate::Mode {
    match mode {
        CompileMode::Exec => crate::Mode::Exec,
        CompileMode::Eval => crate::Mode::Eval,
        CompileMode::Single => crate::Mode::Single,
    }
}

fn front_end_error(err: crate::Error) -> PyErr {
    match err {
        crate::Error::Syntax(err) => syntax_error(&err),
        other => PyErr::new(ExcType::SyntaxError, other.to_string()),
    }
}

/// The parser as the VM's `ast.parse` (the tree as krait-ast's JSON).
pub(crate) fn front_end_parse_to_json(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> krait_vm::PyResult<String> {
    crate::parse_to_json(source, filename, front_end_mode(mode)).map_err(front_end_error)
}

/// The compiler as the VM's `compile(tree)`; a tree the JSON reader
/// refuses (a node built by hand with a field missing or of the wrong
/// kind) is a TypeError, as CPython's check of the tree is.
pub(crate) fn front_end_compile_json(
    tree: &str,
    filename: &str,
) -> krait_vm::PyResult<(CodeObject, Vec<(String, u32)>)> {
    crate::compile_json(tree, filename).map_err(|err| match err {
        crate::Error::Tree(message) => PyErr::type_error(message),
        other => front_end_error(other),
    })
}

/// The front end as the VM's compiler (`compile()`, `exec()`, `eval()`,
/// imports of source files), for every host the facade makes.
pub(crate) fn front_end_compile(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> krait_vm::PyResult<(CodeObject, Vec<(String, u32)>)> {
    crate::compile_with_warnings(source, filename, front_end_mode(mode)).map_err(front_end_error)
}

/// The front end's syntax error as the Python exception `compile()` raises.
fn syntax_error(err: &crate::SyntaxError) -> PyErr {
    let kind = match err.kind {
        krait_compiler::ErrorKind::SyntaxError => ExcType::SyntaxError,
        krait_compiler::ErrorKind::IndentationError => ExcType::IndentationError,
        krait_compiler::ErrorKind::TabError => ExcType::TabError,
    };
    let location = SyntaxLocation {
        filename: err.filename.clone(),
        lineno: err.lineno,
        offset: err.offset,
        // CPython's `text` is the whole line, its newline included.
        text: err.text.as_ref().map(|line| format!("{line}\n")),
        end_lineno: err.end_lineno,
        end_offset: err.end_offset,
    };
    PyErr::syntax_error(kind, &err.message, &location)
}

impl Backend {
    pub(crate) fn new() -> Backend {
        let mut backend = Backend::with_host(Box::new(FrontEndHost(StdHost)));
        // main.rs runs everything on a thread with a large stack, so the
        // callbacks into Python may nest as deep as Python frames may.
        backend.vm.native_depth_limit = backend.vm.recursion_limit;
        backend.vm.executable = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        backend
    }

    /// A VM on `host`, with the standard library installed.
    pub(crate) fn with_host(host: Box<dyn Host>) -> Backend {
        let mut vm = Vm::with_host(host);
        krait_stdlib::install(&mut vm);
        Backend {
            vm,
            budget: None,
            time_limit: None,
            memory_limit: None,
            ignore_environment: false,
            safe_path: false,
        }
    }

    /// python3's `-E` and `-P` (see the fields).
    pub(crate) fn set_path_options(&mut self, ignore_environment: bool, safe_path: bool) {
        self.ignore_environment = ignore_environment;
        self.safe_path = safe_path;
    }

    /// `sys.argv` for the program.
    pub(crate) fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    /// `__file__` (and `__loader__`, `__cached__`) of the main script.
    pub(crate) fn set_main_file(&mut self, path: &str) {
        self.vm.set_main_file(path);
    }

    /// `sys.path`: `first` (the script's folder, or `''` for the current
    /// one), then the entries of `KRAITPATH` (as `PYTHONPATH`).
    pub(crate) fn set_search_path(&mut self, first: String) {
        let mut entries = if self.safe_path {
            Vec::new()
        } else {
            vec![first]
        };
        if let Some(extra) = std::env::var_os("KRAITPATH").filter(|_| !self.ignore_environment) {
            entries.extend(
                std::env::split_paths(&extra)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| p.display().to_string()),
            );
        }
        self.vm.set_sys_path(entries);
    }

    pub(crate) fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.budget = budget;
        self.vm.clear_limit();
        self.vm.set_instruction_budget(budget);
    }

    /// Stops the program once the thread's counted memory passes
    /// `ceiling`; `limit` is what the message names.
    pub(crate) fn set_memory_ceiling(&mut self, ceiling: Option<isize>, limit: Option<usize>) {
        self.memory_limit = limit;
        self.vm.clear_limit();
        self.vm.set_memory_ceiling(ceiling);
    }

    /// A deadline `limit` from now (`None`: none).
    pub(crate) fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.time_limit = limit;
        self.vm.clear_limit();
        self.vm
            .set_deadline(limit.and_then(|limit| std::time::Instant::now().checked_add(limit)));
    }

    /// Reports the compiler's SyntaxWarnings through Python's `warnings`.
    pub(crate) fn report_syntax_warnings(
        &mut self,
        filename: &str,
        warnings: &[(String, u32)],
    ) -> Result<(), Error> {
        self.vm
            .report_syntax_warnings(filename, warnings)
            .map_err(|err| self.error(&err, &|_, _| None))
    }

    pub(crate) fn run_code(&mut self, code: CodeObject, lines: SourceLine) -> Result<Value, Error> {
        let result = self.vm.run_code(code);
        // A program that caught the MemoryError of a refused allocation
        // and ended before the limits were polled again still reached it.
        if result.is_ok() && self.memory_limit.is_some() && krait_vm::memory::exceeded() {
            let err = PyErr::new(ExcType::MemoryError, "");
            return Err(self.error(&err, lines));
        }
        result.map_err(|err| self.error(&err, lines))
    }

    /// [`Backend::run_code`] for a run that can pause (see
    /// `krait_vm::interpreter::pause`).
    pub(crate) fn run_code_pausable(
        &mut self,
        code: CodeObject,
        lines: SourceLine,
    ) -> Result<RunOutcome, Error> {
        let result = self.vm.run_code_pausable(code);
        self.pausable_result(result, lines)
    }

    /// Goes on with the paused run.
    pub(crate) fn resume_paused(
        &mut self,
        how: Resume,
        lines: SourceLine,
    ) -> Result<RunOutcome, Error> {
        let result = self.vm.resume_paused(how);
        self.pausable_result(result, lines)
    }

    fn pausable_result(
        &mut self,
        result: PyResult<RunOutcome>,
        lines: SourceLine,
    ) -> Result<RunOutcome, Error> {
        if let Ok(RunOutcome::Finished(_)) = result
            && self.memory_limit.is_some()
            && krait_vm::memory::exceeded()
        {
            let err = PyErr::new(ExcType::MemoryError, "");
            return Err(self.error(&err, lines));
        }
        result.map_err(|err| self.error(&err, lines))
    }

    /// The finalizers CPython runs at exit (`__del__` of what the program
    /// still holds).
    pub(crate) fn shutdown(&mut self) {
        // A program a limit stopped runs no more Python code.
        if self.vm.limit_reached().is_none() {
            self.vm.shutdown();
        }
    }

    /// `krait -m name`: module `name` run as `__main__`.
    pub(crate) fn run_module(&mut self, name: &str, lines: SourceLine) -> Result<(), Error> {
        match self.vm.run_module_as_main(name) {
            Ok(_) => Ok(()),
            Err(MainModuleError::NotFound(message)) => Err(Error::Module(message)),
            Err(MainModuleError::Raised(err)) => Err(self.error(&err, lines)),
        }
    }

    pub(crate) fn repr(&mut self, value: &Value, lines: SourceLine) -> Result<String, Error> {
        self.vm.repr(value).map_err(|err| self.error(&err, lines))
    }

    pub(crate) fn error(&mut self, err: &PyErr, lines: SourceLine) -> Error {
        // SystemExit("message") prints its message: after the output.
        let _ = std::io::stdout().flush();
        // An allocation refused for the memory limit raised a MemoryError
        // that may have ended the run before the VM's next check.
        let memory_exceeded = self.memory_limit.is_some() && krait_vm::memory::exceeded();
        if let Some(limit) = self
            .vm
            .limit_reached()
            .or(memory_exceeded.then_some(Limit::Memory))
        {
            let detail = match limit {
                Limit::Instructions => format!(
                    "instruction budget of {} exhausted",
                    self.budget.unwrap_or_default()
                ),
                Limit::Deadline => format!(
                    "time limit of {} s exceeded",
                    self.time_limit.unwrap_or_default().as_secs_f64()
                ),
                Limit::Interrupt => "interrupted by the host".to_string(),
                Limit::Memory => format!(
                    "memory limit of {} exceeded",
                    crate::format_bytes(self.memory_limit.unwrap_or_default())
                ),
            };
            return Error::Limit { limit, detail };
        }
        if let Some(code) = self.vm.system_exit_code(err) {
            return Error::Exit(code);
        }
        let traceback = match self.vm.call_custom_excepthook(err) {
            // The program's hook showed the error its own way.
            Some(Ok(())) => String::new(),
            Some(Err(hook_err)) => format!(
                "Error in sys.excepthook:\n{}\nOriginal exception was:\n{}",
                self.vm.format_exception(&hook_err, lines),
                self.vm.format_exception(err, lines)
            ),
            None => self.vm.format_exception(err, lines),
        };
        Error::Exception {
            type_name: err.class().name.to_string(),
            message: self.vm.str(&err.value()).unwrap_or_else(|_| err.message()),
            traceback,
        }
    }

    /// The VM itself, for the embedding API.
    pub(crate) fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }
}

pub(crate) fn disassemble(code: &CodeObject) -> Result<String, Error> {
    Ok(krait_dis::disassemble(code))
}
