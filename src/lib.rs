//! krait's facade: joins the layers (lexer -> parser -> compiler -> VM) for
//! the `krait` command and for programs that embed krait.
//!
//! Each layer is its own crate; this one only wires them together and turns
//! their errors into what a user sees, in CPython's words and with CPython's
//! exit codes ([`Error::exit_code`]).
//!
//! - Loading: [`read_source`] (a `.py` file as UTF-8), [`load_file`] (a `.py`
//!   or a `.kbc` file, told apart by the `.kbc` magic bytes).
//! - Compiling: [`compile`] in any [`Mode`], [`compile_file_to_kbc`].
//! - Inspecting: [`disassemble`], [`parse_file`], [`ast_json`].
//! - Running: a [`Session`] owns one VM and its `__main__` namespace, kept
//!   across calls (the REPL runs every input in the same one).
//! - Embedding: [`embed::Interpreter`], a sandboxed session with values
//!   converted both ways and Rust functions callable from Python.
//!
//! Nothing here panics on any input: every failure is an [`Error`].
//!
//! The VM is reached through the private `vm` module, and through
//! [`embed`] for what embedding needs of it (values, host functions, the
//! sandboxed host); `dis` only through [`disassemble`].

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use krait_ast as ast;
pub use krait_bytecode::{CodeObject, KbcError};
pub use krait_compiler::{Mode, SyntaxError};
pub use krait_vm::Value;
pub use krait_vm::interpreter::observe::Limit;
pub use krait_vm::memory;

pub mod embed;
pub mod repl;
mod statements;
mod traceback_anchors;
mod vm;

/// Everything that can go wrong between a file name and a finished run.
#[derive(Debug)]
pub enum Error {
    /// A file could not be opened or read (python3: exit code 2).
    Open {
        /// The path as CPython shows it: absolute when it could be made so.
        path: String,
        /// `[Errno 2] No such file or directory` and the like.
        message: String,
    },
    /// Source that is not UTF-8.
    /// A declared source encoding krait cannot use (`encoding problem: X`).
    EncodingProblem(String),
    Encoding {
        /// The file name as given.
        filename: String,
        /// 1-based line of the first bad byte.
        lineno: u32,
        /// The first bad byte.
        byte: u8,
    },
    /// A syntax error from the parser or the compiler.
    Syntax(SyntaxError),
    /// A `.kbc` file that could not be loaded (it failed the decoder or the
    /// verifier).
    Kbc { path: String, error: KbcError },
    /// An output file could not be written.
    Write { path: String, message: String },
    /// An uncaught Python exception: its type's name (`ValueError`), its
    /// message (`str()` of it) and the traceback CPython prints.
    Exception {
        type_name: String,
        message: String,
        traceback: String,
    },
    /// `SystemExit` was raised: the process should end with this code.
    Exit(i32),
    /// A limit the host set stopped the program; no Python code could
    /// catch it. `detail` names it (`instruction budget of 1000
    /// exhausted`).
    Limit { limit: Limit, detail: String },
    /// A part of krait that this build does not have yet.
    Unavailable(&'static str),
    /// A paused run could not be written to a snapshot (it holds an
    /// object that has no written form), or a snapshot could not be
    /// taken up (bad bytes, or a host function or module the restoring
    /// interpreter lacks).
    Snapshot(String),
    /// A command was asked for something it cannot do with its input
    /// (`--function` naming no function): exit code 2, as a usage error.
    Usage(String),
    /// `krait -m name` found no such module (python3: `No module named
    /// name`, exit code 1, no traceback).
    Module(String),
    /// A syntax tree given to [`compile_json`] that is not one (a node
    /// built by hand with a field missing or of the wrong kind).
    Tree(String),
}

impl Error {
    /// The process exit code python3 uses for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Open { .. } | Error::Usage(_) => 2,
            Error::Exit(code) => *code,
            // What a shell sees of python3 ended by Ctrl-C (it dies of
            // SIGINT, 128 + 2).
            Error::Exception { type_name, .. } if type_name == "KeyboardInterrupt" => 130,
            Error::Limit { limit, .. } => match limit {
                Limit::Instructions => 3,
                Limit::Deadline => 4,
                Limit::Interrupt => 5,
                Limit::Memory => 6,
            },
            _ => 1,
        }
    }
}

impl fmt::Display for Error {
    /// The text for stderr, without a trailing newline (empty for
    /// [`Error::Exit`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Open { path, message } => {
                write!(f, "krait: can't open file '{path}': {message}")
            }
            Error::Module(message) | Error::Usage(message) => write!(f, "krait: {message}"),
            // CPython's wording (Parser/tokenizer.c, `decoding_fgets`).
            Error::Encoding {
                filename,
                lineno,
                byte,
            } => write!(
                f,
                "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} \
                 on line {lineno}, but no encoding declared; \
                 see https://peps.python.org/pep-0263/ for details"
            ),
            Error::EncodingProblem(what) => write!(f, "SyntaxError: {what}"),
            Error::Syntax(err) => write!(f, "{err}"),
            Error::Kbc { path, error } => write!(f, "krait: can't load '{path}': {error}"),
            Error::Write { path, message } => write!(f, "krait: can't write '{path}': {message}"),
            Error::Exception { traceback, .. } => {
                // (Only the newline that ends the text: a message's own
                // trailing newline shows as a blank line, as in CPython.)
                write!(f, "{}", traceback.strip_suffix('\n').unwrap_or(traceback))
            }
            Error::Exit(_) => Ok(()),
            Error::Limit { detail, .. } => write!(f, "krait: {detail}"),
            Error::Unavailable(what) => write!(f, "krait: {what} is not available in this build"),
            Error::Snapshot(message) => write!(f, "krait: snapshot: {message}"),
            Error::Tree(message) => write!(f, "TypeError: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<SyntaxError> for Error {
    fn from(err: SyntaxError) -> Error {
        Error::Syntax(err)
    }
}

/// Back-compatible name of [`Error`] for the loading functions.
pub type LoadError = Error;

/// Reads a source file as UTF-8 (a leading byte-order mark is dropped, as
/// CPython does).
pub fn read_source(path: &Path) -> Result<String, Error> {
    let bytes = read_bytes(path)?;
    decode_source(bytes, &path.display().to_string())
}

/// Source bytes -> text (UTF-8, or the encoding a PEP 263 line
/// declares); `filename` names the source in the error.
pub fn decode_source(bytes: Vec<u8>, filename: &str) -> Result<String, Error> {
    krait_vm::source::decode(&bytes).map_err(|err| match err {
        krait_vm::source::SourceError::NonUtf8 { lineno, byte } => Error::Encoding {
            filename: filename.to_string(),
            lineno,
            byte,
        },
        other => Error::EncodingProblem(other.to_string()),
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|err| Error::Open {
        path: shown_path(path),
        message: describe_io_error(&err),
    })
}

/// python3 names a file it can't open by its absolute path.
fn shown_path(path: &Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    match std::env::current_dir() {
        Ok(dir) => dir.join(path).display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// `[Errno N] strerror`, as CPython's OSError prints.
fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "[Errno 2] No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "[Errno 13] Permission denied".into(),
        std::io::ErrorKind::IsADirectory => "[Errno 21] Is a directory".into(),
        _ => match err.raw_os_error() {
            Some(errno) => {
                let text = err.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text).to_string();
                format!("[Errno {errno}] {text}")
            }
            None => err.to_string(),
        },
    }
}

/// A program loaded from a file: Python source, or compiled code from a
/// `.kbc` file.
#[derive(Debug)]
pub enum Program {
    Source { text: String, filename: String },
    Bytecode(Box<CodeObject>),
}

/// Why a memory limit cannot be set.
pub(crate) const MEMORY_NOT_COUNTED: &str = "a memory limit (the program's global allocator is not \
     krait_vm::memory::Accounting, so allocations are not counted)";

/// `bytes` for a message: `64 MiB`, `1.5 GiB`, `1000 bytes`.
pub(crate) fn format_bytes(bytes: usize) -> String {
    const UNITS: [(&str, usize); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let amount = bytes as f64 / size as f64;
            return if bytes.is_multiple_of(size) {
                format!("{} {unit}", bytes / size)
            } else {
                format!("{amount:.1} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// True when `bytes` start like a `.kbc` file.
pub fn is_kbc(bytes: &[u8]) -> bool {
    bytes.starts_with(&krait_bytecode::MAGIC)
}

/// Loads a `.py` or a `.kbc` file (told apart by the magic bytes, not the
/// name). A `.kbc` file is decoded and verified.
pub fn load_file(path: &Path) -> Result<Program, Error> {
    load_file_named(path, path.display().to_string())
}

/// [`load_file`], with `filename` as the source's name in code objects and
/// errors.
fn load_file_named(path: &Path, filename: String) -> Result<Program, Error> {
    let bytes = read_bytes(path)?;
    if is_kbc(&bytes) {
        return krait_bytecode::decode(&bytes)
            .map(|code| Program::Bytecode(Box::new(code)))
            .map_err(|error| Error::Kbc {
                path: filename,
                error,
            });
    }
    Ok(Program::Source {
        text: decode_source(bytes, &filename)?,
        filename,
    })
}

/// Compiles `source` as CPython's `compile(source, filename, mode)`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, Error> {
    compile_with_warnings(source, filename, mode).map(|(code, _)| code)
}

/// [`compile`], with the SyntaxWarnings CPython's compiler raises for the
/// source (`x is 1`...): `(message, line)` in order.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<(CodeObject, Vec<(String, u32)>), Error> {
    let module = krait_parser::parse(source, mode, filename)?;
    // CPython's compiler (unlike its parser) reads the line it shows from
    // the file, so `<string>` and `<stdin>` errors come without one.
    let lines = (!filename.starts_with('<')).then_some(source);
    let (code, warnings) = krait_compiler::compile_ast_with_warnings(&module, filename, lines)?;
    let warnings = warnings.into_iter().map(|w| (w.message, w.line)).collect();
    Ok((code, warnings))
}

/// The syntax tree of `source` as JSON in krait-ast's serde shape
/// (CPython's `ast` names: see `krait_ast::json`), for `ast.parse`.
pub fn parse_to_json(source: &str, filename: &str, mode: Mode) -> Result<String, Error> {
    let module = krait_parser::parse(source, mode, filename)?;
    Ok(krait_ast::json::to_json_value(&module).to_string())
}

/// Compiles a syntax tree given as JSON in the shape [`parse_to_json`]
/// writes (`compile(tree, filename, mode)` of an `ast` tree: its top
/// node, `Module`, `Expression` or `Interactive`, is the mode).
pub fn compile_json(tree: &str, filename: &str) -> Result<(CodeObject, Vec<(String, u32)>), Error> {
    let module = krait_ast::json::from_json(tree).map_err(|err| Error::Tree(err.to_string()))?;
    let (code, warnings) = krait_compiler::compile_ast_with_warnings(&module, filename, None)?;
    let warnings = warnings.into_iter().map(|w| (w.message, w.line)).collect();
    Ok((code, warnings))
}

/// Loads a file as code: compiles a `.py` in exec mode, or decodes a `.kbc`.
pub fn load_code(path: &Path) -> Result<CodeObject, Error> {
    match load_file(path)? {
        Program::Source { text, filename } => compile(&text, &filename, Mode::Exec),
        Program::Bytecode(code) => Ok(*code),
    }
}

/// Compiles a `.py` file and writes it as a `.kbc` file.
pub fn compile_file_to_kbc(source: &Path, out: &Path) -> Result<(), Error> {
    let text = read_source(source)?;
    let code = compile(&text, &source.display().to_string(), Mode::Exec)?;
    std::fs::write(out, krait_bytecode::encode(&code)).map_err(|err| Error::Write {
        path: out.display().to_string(),
        message: describe_io_error(&err),
    })
}

/// Where `krait compile FILE` writes when no output is named: FILE with the
/// extension `.kbc`.
pub fn default_kbc_path(source: &Path) -> PathBuf {
    source.with_extension("kbc")
}

/// A `dis`-style listing of a code object and the code objects in its
/// constants.
pub fn disassemble(code: &CodeObject) -> Result<String, Error> {
    vm::disassemble(code)
}

/// The control-flow graph of `code` and of the code objects in its
/// constants, as Graphviz DOT (one cluster per code object); with
/// `function`, only the code objects of that name or qualified name
/// (`method`, `Class.method`), and an error if there is none.
pub fn control_flow_graph(code: &CodeObject, function: Option<&str>) -> Result<String, Error> {
    let select = |c: &CodeObject| function.is_none_or(|f| c.name == f || c.qualname == f);
    let mut matched = false;
    let mut pending = vec![code];
    while let Some(code) = pending.pop() {
        matched |= select(code);
        pending.extend(code.nested_code());
    }
    if !matched {
        return Err(Error::Usage(format!(
            "no code object named '{}' in {}",
            function.unwrap_or_default(),
            code.filename
        )));
    }
    Ok(krait_dis::control_flow_dot(code, &select))
}

/// The statements of a Python source file as coverage counts them, and
/// the lines `# pragma: no cover` leaves out (see
/// `krait_analysis::coverage`); `None` if it cannot be read or parsed.
pub fn statement_spans_of_file(path: &Path) -> Option<krait_analysis::coverage::SourceStatements> {
    let source = read_source(path).ok()?;
    let module = krait_parser::parse(&source, Mode::Exec, &path.display().to_string()).ok()?;
    Some(statements::source_statements(&module, &source))
}

/// Parses a file in exec mode.
pub fn parse_file(path: &Path) -> Result<ast::Mod, Error> {
    let source = read_source(path)?;
    Ok(krait_parser::parse(
        &source,
        Mode::Exec,
        &path.display().to_string(),
    )?)
}

/// A tree as JSON in the shape of CPython's `ast` module.
pub fn ast_json(module: &ast::Mod) -> String {
    serde_json::to_string_pretty(&ast::json::to_json_value(module)).unwrap_or_default()
}

/// One VM with its `__main__` namespace, and the sources of the files it
/// ran (for the lines shown in tracebacks).
pub struct Session {
    vm: vm::Backend,
    sources: HashMap<String, String>,
}

/// The interpreter options of python3's command line that krait honours
/// ([`Session::set_command_line`]).
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    pub ignore_environment: bool,
    pub safe_path: bool,
    pub isolated: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub dont_write_bytecode: bool,
    pub quiet: bool,
    pub inspect: bool,
    /// `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `-X` options, in order (`name` or `name=value`).
    pub xoptions: Vec<String>,
}

impl CommandLine {
    /// No option given: nothing to set up (start-up does not pay for it).
    pub fn is_plain(&self) -> bool {
        !(self.ignore_environment
            || self.safe_path
            || self.isolated
            || self.no_user_site
            || self.no_site
            || self.dont_write_bytecode
            || self.quiet
            || self.inspect)
            && self.warnoptions.is_empty()
            && self.xoptions.is_empty()
    }
}

/// `text` as a Python string literal (for the set-up expressions).
fn python_str_literal(text: &str) -> String {
    let mut literal = String::from("'");
    for c in text.chars() {
        match c {
            '\\' => literal.push_str("\\\\"),
            '\'' => literal.push_str("\\'"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                literal.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => literal.push(c),
        }
    }
    literal.push('\'');
    literal
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Session {
        let mut vm = vm::Backend::new();
        // `-c`, stdin and the REPL import from the current folder.
        vm.set_search_path(String::new());
        Session {
            vm,
            sources: HashMap::new(),
        }
    }

    /// A session denied the file system, the environment and stdin (the
    /// embedding API's sandbox, `krait run --sandbox`), printing to the
    /// process's stdout and stderr; clocks, sleep and entropy allowed.
    pub fn sandboxed() -> Session {
        let grants = embed::Grants {
            clock: true,
            sleep: true,
            entropy: true,
            ..embed::Grants::default()
        };
        let host = embed::host::EmbedHost::new(
            grants,
            embed::host::Sink::Writer(Box::new(std::io::stdout())),
            embed::host::Sink::Writer(Box::new(std::io::stderr())),
        );
        Session::with_host(Box::new(host))
    }

    /// A session on another host (the embedding API's sandbox).
    pub(crate) fn with_host(host: Box<dyn krait_vm::Host>) -> Session {
        Session {
            vm: vm::Backend::with_host(host),
            sources: HashMap::new(),
        }
    }

    /// python3's interpreter options that a program can see: `-E`
    /// (`KRAITPATH` is not read), `-P` (no script folder first on
    /// `sys.path`), `-W` (`sys.warnoptions`, which `warnings` applies when
    /// first imported) and `-X` (`sys._xoptions`), and `sys.flags`.
    /// Call before running anything.
    pub fn set_command_line(&mut self, options: &CommandLine) -> Result<(), Error> {
        self.vm
            .set_path_options(options.ignore_environment, options.safe_path);
        self.vm.set_search_path(String::new());
        let strings = |items: &[String]| {
            let reprs: Vec<String> = items.iter().map(|s| python_str_literal(s)).collect();
            format!("[{}]", reprs.join(", "))
        };
        let flag = |on: bool| if on { "1" } else { "0" };
        let xoptions = options
            .xoptions
            .iter()
            .map(|option| match option.split_once('=') {
                Some((key, value)) => {
                    format!("{}: {}", python_str_literal(key), python_str_literal(value))
                }
                None => format!("{}: True", python_str_literal(option)),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let dev_mode = options.xoptions.iter().any(|o| o == "dev");
        // Development mode shows every warning once per place, below the
        // -W options (python3 puts its 'default' first).
        let mut warnoptions = options.warnoptions.clone();
        if dev_mode {
            warnoptions.insert(0, "default".to_string());
        }
        let utf8_mode = options
            .xoptions
            .iter()
            .any(|o| o == "utf8" || o == "utf8=1");
        // Expressions only (eval mode): nothing is bound in `__main__`.
        let setup = [
            format!(
                "__import__('sys').warnoptions.extend({})",
                strings(&warnoptions)
            ),
            format!("__import__('sys')._xoptions.update({{{xoptions}}})"),
            format!(
                "(lambda sys: setattr(sys, 'flags', type(sys.flags)(( \
                 0, {inspect}, {inspect}, 0, {dont_write_bytecode}, {no_user_site}, \
                 {no_site}, {ignore_environment}, 0, 0, {quiet}, 1, {isolated}, {dev_mode}, \
                 {utf8_mode}, 0, {safe_path}, -1))))(__import__('sys'))",
                inspect = flag(options.inspect),
                dont_write_bytecode = flag(options.dont_write_bytecode),
                no_user_site = flag(options.no_user_site),
                no_site = flag(options.no_site),
                ignore_environment = flag(options.ignore_environment),
                quiet = flag(options.quiet),
                isolated = flag(options.isolated),
                dev_mode = if dev_mode { "True" } else { "False" },
                utf8_mode = flag(utf8_mode),
                safe_path = if options.safe_path { "True" } else { "False" },
            ),
        ];
        for expression in setup {
            self.run_source(&expression, "<command line>", Mode::Eval)?;
        }
        Ok(())
    }

    /// Sets `sys.argv` (the script's name first, as python3 does).
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.set_argv(argv);
    }

    /// Limits the bytecode instructions the session may still run (`None`:
    /// no limit); see `krait_vm::Vm::set_instruction_budget`.
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.vm.set_instruction_budget(budget);
    }

    /// Limits the memory the program may use to `bytes` (`None`: no
    /// limit), counting every allocation on this thread since it started
    /// (the interpreter's own too). Needs
    /// [`krait_vm::memory::Accounting`] as the global allocator (the
    /// `krait` command has it): `Error::Unavailable` otherwise.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) -> Result<(), Error> {
        if bytes.is_some() && !krait_vm::memory::is_counting() {
            return Err(Error::Unavailable(MEMORY_NOT_COUNTED));
        }
        let ceiling = bytes.map(|bytes| isize::try_from(bytes).unwrap_or(isize::MAX));
        self.vm.set_memory_ceiling(ceiling, bytes);
        Ok(())
    }

    /// Attaches an observer that sees every instruction and frame event
    /// of what the session runs (`krait trace`, `krait coverage`), or
    /// detaches it with `None` (dropping it); see
    /// `krait_vm::interpreter::observe`.
    pub fn set_observer(
        &mut self,
        observer: Option<Box<dyn krait_vm::interpreter::observe::Observer>>,
    ) {
        self.vm.vm().set_observer(observer);
    }

    /// Measures line and branch coverage of what the session runs from
    /// now on (`true`), or stops (`false`); see [`Session::coverage`].
    pub fn set_coverage(&mut self, on: bool) {
        self.vm.vm().set_coverage(on);
    }

    /// What coverage measured so far, for
    /// `krait_analysis::coverage::CoverageData::report`.
    pub fn coverage(&mut self) -> krait_analysis::coverage::CoverageData {
        krait_analysis::coverage::CoverageData::from_marks(self.vm.vm().coverage())
    }

    /// Ctrl-C raises `KeyboardInterrupt` in the program from now on (at
    /// the next loop iteration or call, or in `time.sleep`), as python3's
    /// default SIGINT handler does, instead of ending the process. For a
    /// program's main session: the handler is the process's.
    pub fn handle_ctrl_c(&mut self) {
        // SAFETY: the action only stores to an atomic, which is safe in a
        // signal handler (no allocation, no lock).
        let registered = unsafe {
            signal_hook::low_level::register(
                signal_hook::consts::SIGINT,
                krait_vm::interpreter::finalize::ctrl_c_pressed,
            )
        };
        // Without a handler (it could not be installed) Ctrl-C ends the
        // process, as before.
        if registered.is_ok() {
            self.vm.vm().set_keyboard_interrupt(true);
        }
    }

    /// Stops the program `limit` after this call (`None`: no limit).
    pub fn set_time_limit(&mut self, limit: Option<std::time::Duration>) {
        self.vm.set_time_limit(limit);
    }

    /// Compiles `source`, remembering it for tracebacks when `filename` names
    /// a file (`<stdin>` and `<string>` show no lines, as in CPython).
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> Result<CodeObject, Error> {
        let (code, warnings) = compile_with_warnings(source, filename, mode)?;
        if !filename.starts_with('<') {
            self.sources
                .insert(filename.to_string(), source.to_string());
        }
        self.vm.report_syntax_warnings(filename, &warnings)?;
        Ok(code)
    }

    /// Runs a module-level code object in `__main__`; returns its value
    /// (eval mode: the expression's).
    pub fn run_code(&mut self, code: CodeObject) -> Result<Value, Error> {
        let sources = &self.sources;
        let source_line = |filename: &str, lineno: u32| source_line(sources, filename, lineno);
        self.vm.run_code(code, &source_line)
    }

    /// Compiles `source` (statements) and runs it so that it can pause.
    pub(crate) fn start_source(
        &mut self,
        source: &str,
        filename: &str,
    ) -> Result<krait_vm::interpreter::pause::RunOutcome, Error> {
        let code = self.compile(source, filename, Mode::Exec)?;
        let sources = &self.sources;
        let source_line = |filename: &str, lineno: u32| source_line(sources, filename, lineno);
        self.vm.run_code_pausable(code, &source_line)
    }

    /// Goes on with the paused run.
    pub(crate) fn resume_paused(
        &mut self,
        how: krait_vm::interpreter::pause::Resume,
    ) -> Result<krait_vm::interpreter::pause::RunOutcome, Error> {
        let sources = &self.sources;
        let source_line = |filename: &str, lineno: u32| source_line(sources, filename, lineno);
        self.vm.resume_paused(how, &source_line)
    }

    /// Compiles and runs `source`.
    pub fn run_source(&mut self, source: &str, filename: &str, mode: Mode) -> Result<Value, Error> {
        let code = self.compile(source, filename, mode)?;
        self.run_code(code)
    }

    /// Runs a `.py` or `.kbc` file as `__main__`. As in python3 (since
    /// 3.9), the main script's filename is made absolute (the current
    /// folder joined with the path as given, not normalized).
    pub fn run_file(&mut self, path: &Path) -> Result<(), Error> {
        // Imports look in the script's folder first.
        let shown = shown_path(path);
        // The folder as python3 puts it in sys.path: its real path.
        let folder = Path::new(&shown)
            .parent()
            .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()))
            .map(|p| p.display().to_string());
        self.vm.set_search_path(folder.unwrap_or_default());
        self.vm.set_main_file(&shown);
        let code = match load_file_named(path, shown_path(path))? {
            Program::Source { text, filename } => self.compile(&text, &filename, Mode::Exec)?,
            Program::Bytecode(code) => *code,
        };
        self.run_code(code).map(drop)
    }

    /// What python3 does at exit that a program can see: `__del__` of
    /// the objects the program still holds (see `Vm::shutdown`).
    pub fn shutdown(&mut self) {
        self.vm.shutdown();
    }

    /// Runs module `name` as `__main__` (`krait -m name`, python3's `-m`):
    /// found on `sys.path`, whose first entry is the current folder.
    pub fn run_module(&mut self, name: &str) -> Result<(), Error> {
        let folder = std::env::current_dir().map(|d| d.display().to_string());
        self.vm.set_search_path(folder.unwrap_or_default());
        let sources = &self.sources;
        let source_line = |filename: &str, lineno: u32| source_line(sources, filename, lineno);
        self.vm.run_module(name, &source_line)
    }

    /// Evaluates one expression (filename `<string>`) and returns its repr.
    pub fn eval(&mut self, expression: &str) -> Result<String, Error> {
        let value = self.run_source(expression, "<string>", Mode::Eval)?;
        self.repr(&value)
    }

    /// `repr(value)`; may run Python code, and so fail like it.
    pub fn repr(&mut self, value: &Value) -> Result<String, Error> {
        let sources = &self.sources;
        let source_line = |filename: &str, lineno: u32| source_line(sources, filename, lineno);
        self.vm.repr(value, &source_line)
    }
}

/// Line `lineno` of `filename`: from the sources a session compiled, else
/// from the file on disk (the source of a `.kbc` file, as CPython reads a
/// `.pyc`'s source).
fn source_line(sources: &HashMap<String, String>, filename: &str, lineno: u32) -> Option<String> {
    let index = (lineno as usize).checked_sub(1)?;
    if let Some(text) = sources.get(filename) {
        return text.lines().nth(index).map(str::to_string);
    }
    if filename.starts_with('<') {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    String::from_utf8_lossy(&bytes)
        .lines()
        .nth(index)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    /// The lexer decodes `"\ud800"` to the character the VM reads back as
    /// that surrogate: both crates must agree on the stand-ins.
    #[test]
    fn lexer_and_vm_agree_on_surrogate_stand_ins() {
        assert_eq!(
            krait_lexer::SURROGATE_STAND_INS,
            krait_vm::builtins::str::SURROGATE_STAND_INS
        );
    }
}
