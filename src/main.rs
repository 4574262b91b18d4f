//! The `krait` command: a thin shell over the facade in `lib.rs`.
//!
//! Exit codes are python3's: 0, 1 for an uncaught exception or a
//! SyntaxError, 2 for a usage error or a file that can't be opened, and a
//! `SystemExit`'s own code.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use krait::{Error, Mode, Session, repl};

/// Counts allocations per thread, for `--max-memory` (an addition per
/// allocation and free), and serves small blocks from pools of one size
/// each (`Pools`: objects are made and dropped all the time, and a
/// 72-byte object takes 72 bytes, not glibc's 80).
#[global_allocator]
static ALLOCATOR: krait::memory::Accounting<krait::memory::Pools> =
    krait::memory::Accounting(krait::memory::Pools(std::alloc::System));

#[derive(Parser)]
#[command(
    name = "krait",
    version,
    about = "A Python bytecode virtual machine",
    args_conflicts_with_subcommands = true,
    long_about = "A Python bytecode virtual machine.\n\n\
        `krait FILE` is `krait run FILE`. With no command and no file, krait \
        reads Python from stdin: interactively (a REPL) when stdin is a \
        terminal or with -i, else as one script."
)]
struct Cli {
    /// Run CODE, a string of Python statements (filename `<string>`).
    #[arg(
        short = 'c',
        value_name = "CODE",
        conflicts_with = "file",
        allow_hyphen_values = true
    )]
    code: Option<String>,
    /// Run library module MODULE as a script (a package runs its
    /// `__main__`), as python3's -m; the arguments after it are the
    /// program's.
    #[arg(
        short = 'm',
        value_name = "MODULE",
        conflicts_with = "code",
        allow_hyphen_values = true
    )]
    module: Option<String>,
    /// Interactive: after -c CODE or FILE (if any), read statements from
    /// stdin one at a time and print expression values, even when stdin is
    /// not a terminal (prompts go to stderr).
    #[arg(short = 'i')]
    interactive: bool,
    /// Don't read KRAITPATH (python3's -E: no PYTHON* variables).
    #[arg(short = 'E')]
    ignore_environment: bool,
    /// Don't put the script's folder (or the current one) first on
    /// sys.path.
    #[arg(short = 'P')]
    safe_path: bool,
    /// Isolated: -E and -P (and -s).
    #[arg(short = 'I')]
    isolated: bool,
    /// A warning filter, `action:message:category:module:lineno` (as
    /// python3's -W; repeatable, the last one wins).
    #[arg(short = 'W', value_name = "ARG", action = clap::ArgAction::Append)]
    warnoptions: Vec<String>,
    /// An implementation option for sys._xoptions (`name` or
    /// `name=value`; repeatable).
    #[arg(short = 'X', value_name = "OPT", action = clap::ArgAction::Append)]
    xoptions: Vec<String>,
    /// Accepted as python3's -u; krait's standard streams are not
    /// buffered across a program's writes to the other stream.
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Accepted as python3's -B: krait writes no bytecode caches.
    #[arg(short = 'B')]
    dont_write_bytecode: bool,
    /// Accepted as python3's -s: krait has no user site folder.
    #[arg(short = 's')]
    no_user_site: bool,
    /// Accepted as python3's -S: krait has no `site` to import.
    #[arg(short = 'S')]
    no_site: bool,
    /// Accepted as python3's -q: krait's REPL prints no banner.
    #[arg(short = 'q')]
    quiet: bool,
    /// A .py or .kbc file to run, as with `krait run` (`-`: stdin).
    file: Option<PathBuf>,
    /// Arguments for the program (`sys.argv[1:]`): everything after FILE,
    /// -c CODE or -m MODULE, options included (split off before parsing,
    /// as python3 does).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python file, or a compiled .kbc file (told apart by its magic bytes).
    Run {
        /// Stop the program after N bytecode instructions, counted on the
        /// plain instruction stream (`krait dis`'s; a fused fast path
        /// counts the instructions it stands for), so it stops at the same
        /// instruction on every run: `krait: instruction budget of N
        /// exhausted`, exit code 3. No `except` can keep the program going.
        #[arg(long, value_name = "N")]
        max_instructions: Option<u64>,
        /// Stop the program once it uses more than SIZE of memory (bytes,
        /// or with a K, M or G suffix: KiB, MiB, GiB), counting every
        /// allocation, the interpreter's own included; an allocation of
        /// that size is refused before it is made: `krait: memory limit
        /// of SIZE exceeded`, exit code 6.
        #[arg(long, value_name = "SIZE", value_parser = parse_size)]
        max_memory: Option<usize>,
        /// Stop the program after SECONDS of wall-clock time (a decimal):
        /// `krait: time limit of SECONDS s exceeded`, exit code 4.
        #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
        timeout: Option<std::time::Duration>,
        /// Deny the program the file system (imports beside the script
        /// included), the environment and stdin, as an embedding
        /// program's interpreter is by default; output still goes to
        /// stdout and stderr.
        #[arg(long)]
        sandbox: bool,
        /// Run the cycle collector at nearly every safe point (thresholds
        /// 1, 1, 1): a test aid, hidden from `--help`.
        #[arg(long, hide = true)]
        gc_stress: bool,
        file: PathBuf,
        /// Arguments for the program (its `sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a Python file printing each bytecode instruction as it runs:
    /// function and line, offset, instruction and operand as `krait dis`
    /// lists them, and the top of the stack. Frames nest by indentation.
    Trace {
        /// Only instructions of this function (a name or qualified name:
        /// `step`, `Board.step`, `<module>`); may be repeated.
        #[arg(long, value_name = "NAME")]
        function: Vec<String>,
        /// Only instructions on these lines: `N` or `FIRST-LAST`.
        #[arg(long, value_name = "RANGE", value_parser = parse_line_range)]
        lines: Option<(u32, u32)>,
        /// A call tree instead: each call with its arguments, each return
        /// with its value, each exception raised or leaving a frame.
        #[arg(long, conflicts_with = "lines")]
        calls: bool,
        /// Write the trace to FILE instead of stdout (where it interleaves
        /// with the program's own output).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        file: PathBuf,
        /// Arguments for the program (its `sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a Python file and report its line and branch coverage, as
    /// coverage.py's `report -m` does (statements, missed, branches,
    /// partial branches, percent, missing lines and arcs), after the
    /// program's output. Files of the standard library are not measured.
    Coverage {
        /// Also print each file's source with every line marked: `>` ran,
        /// `!` did not run, `~` ran but a branch from it was never taken.
        #[arg(long)]
        annotate: bool,
        /// Also write an HTML report into DIR (index.html, a page per file).
        #[arg(long, value_name = "DIR")]
        html: Option<PathBuf>,
        /// Also write the report as JSON (coverage.py's format 3) to FILE
        /// (`-`: stdout).
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Report only files matching these patterns (comma-separated,
        /// shell syntax: `*` any characters, `?` one; relative to the
        /// current folder unless they start with a wildcard).
        #[arg(long, value_name = "PATTERNS")]
        include: Vec<String>,
        /// Leave out files matching these patterns (as `--include`).
        #[arg(long, value_name = "PATTERNS")]
        omit: Vec<String>,
        file: PathBuf,
        /// Arguments for the program (its `sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a Python file tracking taint: values returned by a source
    /// function carry a label through the program; a sink function called
    /// with a labelled argument is reported after the program's output
    /// (the sink's line, the source's, and the lines between).
    Taint {
        /// A function whose results are labelled (a name or qualified
        /// name: `input`, `Store.secret`); may be repeated.
        #[arg(long, value_name = "NAME")]
        source: Vec<String>,
        /// A function that must not receive a labelled value (`print`,
        /// `eval`); may be repeated.
        #[arg(long, value_name = "NAME")]
        sink: Vec<String>,
        /// A function whose results carry no label (`escape`); may be
        /// repeated.
        #[arg(long, value_name = "NAME")]
        sanitizer: Vec<String>,
        /// Read more sources, sinks and sanitizers from FILE: one per line,
        /// `source NAME`, `sink NAME` or `sanitizer NAME` (`#` comments);
        /// a line `implicit` is `--implicit`.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Follow implicit flows too: what a branch on a labelled value
        /// decides (stores, returns, sink calls until its ways join again)
        /// carries the value's label.
        #[arg(long)]
        implicit: bool,
        file: PathBuf,
        /// Arguments for the program (its `sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Evaluate one expression and print its repr.
    Eval {
        #[arg(allow_hyphen_values = true)]
        expression: String,
    },
    /// Print the bytecode of a .py or .kbc file, or of -c CODE.
    Dis {
        #[arg(required_unless_present = "code", conflicts_with = "code")]
        file: Option<PathBuf>,
        /// Disassemble CODE instead of a file.
        #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
        code: Option<String>,
        /// Print the control-flow graph instead of the listing, as
        /// Graphviz DOT: one box per basic block, edges labelled jump,
        /// fall-through or exception.
        #[arg(long)]
        graph: bool,
        /// With --graph: SVG instead of DOT, drawn by Graphviz's `dot`
        /// (which must be on PATH).
        #[arg(long, requires = "graph")]
        svg: bool,
        /// With --graph: only the code objects named NAME (a function's
        /// name or qualified name: `step`, `Board.step`, `<module>`).
        #[arg(long, value_name = "NAME", requires = "graph")]
        function: Option<String>,
    },
    /// Compile a Python file to a .kbc file.
    Compile {
        file: PathBuf,
        /// Where to write (default: FILE with the extension .kbc).
        #[arg(short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Parse a Python file and print its syntax tree.
    Ast {
        file: PathBuf,
        /// Print the tree as JSON in the shape of CPython's `ast` module.
        #[arg(long)]
        json: bool,
    },
}

/// The interpreter recurses on the Rust stack only where native code calls
/// back into Python (generators, `key=` functions, nested reprs); a large
/// stack lets those reach CPython's recursion limit in every build.
const STACK_SIZE: usize = 512 << 20;

/// Set when the program ended with an uncaught `KeyboardInterrupt`: the
/// process then ends as python3's does, killed by SIGINT (so a shell or a
/// parent process sees the interrupt).
static ENDED_BY_CTRL_C: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn main() -> ExitCode {
    let code = match std::thread::Builder::new()
        .name("krait".into())
        .stack_size(STACK_SIZE)
        .spawn(real_main)
        .map(|handle| handle.join())
    {
        Ok(Ok(code)) => code,
        _ => ExitCode::from(70),
    };
    if ENDED_BY_CTRL_C.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = std::io::stdout().flush();
        #[cfg(unix)]
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
    }
    code
}

fn real_main() -> ExitCode {
    let (interpreter_args, program_args) = split_program_args(std::env::args().collect());
    let mut cli = Cli::parse_from(interpreter_args);
    cli.args.extend(program_args);
    let options = krait::CommandLine {
        ignore_environment: cli.ignore_environment || cli.isolated,
        safe_path: cli.safe_path || cli.isolated,
        isolated: cli.isolated,
        no_user_site: cli.no_user_site || cli.isolated,
        no_site: cli.no_site,
        dont_write_bytecode: cli.dont_write_bytecode,
        quiet: cli.quiet,
        inspect: cli.interactive,
        warnoptions: cli.warnoptions,
        xoptions: cli.xoptions,
    };
    let _ = cli.unbuffered;
    let code = match cli.command {
        Some(command) => run_command(command),
        None => match cli.module {
            Some(module) => run_module(&module, cli.args, &options),
            None => run_main(cli.code, cli.file, cli.args, &options),
        },
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// python3's rule for its command line: interpreter options end at the
/// script (FILE or `-`), or with `-c CODE` / `-m MODULE`; everything after
/// is the program's, options included (`krait -m tool -v`, `krait -c
/// CODE x`). A subcommand (`krait run ...`) keeps clap's own parsing.
fn split_program_args(args: Vec<String>) -> (Vec<String>, Vec<String>) {
    const SUBCOMMANDS: [&str; 9] = [
        "run", "eval", "dis", "compile", "ast", "trace", "coverage", "taint", "help",
    ];
    if args
        .get(1)
        .is_some_and(|a| SUBCOMMANDS.contains(&a.as_str()))
    {
        return (args, Vec::new());
    }
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].as_str();
        let end = match arg {
            // The option's value is the next argument.
            "-c" | "-m" => i + 2,
            // Options with a value: the value is not the script.
            "-W" | "-X" => {
                i += 2;
                continue;
            }
            // `-cCODE`, `-mMODULE`, the script, or stdin as the script.
            _ if arg.starts_with("-c") || arg.starts_with("-m") => i + 1,
            "-" => i + 1,
            _ if !arg.starts_with('-') => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = end.min(args.len());
        return (args[..end].to_vec(), args[end..].to_vec());
    }
    (args, Vec::new())
}

/// `--lines`'s argument: `N` or `FIRST-LAST` (1-based, inclusive).
fn parse_line_range(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("'{text}' is not a line or a range of lines (FIRST-LAST)");
    let (first, last) = text.split_once('-').unwrap_or((text, text));
    let first: u32 = first.trim().parse().map_err(|_| bad())?;
    let last: u32 = last.trim().parse().map_err(|_| bad())?;
    if first == 0 || last < first {
        return Err(bad());
    }
    Ok((first, last))
}

/// `--timeout`'s argument: non-negative seconds, a decimal.
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("'{text}' is not a number of seconds"))?;
    std::time::Duration::try_from_secs_f64(seconds)
        .map_err(|_| format!("'{text}' is not a non-negative number of seconds"))
}

/// `--max-memory`'s argument: bytes, or a number with a K, M or G suffix
/// (binary multiples; a trailing `B` or `iB` is allowed: `64M`, `64MiB`).
fn parse_size(text: &str) -> Result<usize, String> {
    let bad = || format!("'{text}' is not a size (bytes, or a number with K, M or G)");
    let upper = text.trim().to_ascii_uppercase();
    let number = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (number, unit) = match number.as_bytes().last() {
        Some(b'K') => (&number[..number.len() - 1], 1u64 << 10),
        Some(b'M') => (&number[..number.len() - 1], 1 << 20),
        Some(b'G') => (&number[..number.len() - 1], 1 << 30),
        _ => (number, 1),
    };
    let amount: f64 = number.trim().parse().map_err(|_| bad())?;
    let bytes = amount * unit as f64;
    if !(bytes.is_finite() && bytes >= 1.0 && bytes <= isize::MAX as f64) {
        return Err(bad());
    }
    Ok(bytes as usize)
}

/// Prints an error on stderr (after what the program printed) and returns
/// its exit code.
fn report(err: &Error) -> i32 {
    if let Error::Exception { type_name, .. } = err
        && type_name == "KeyboardInterrupt"
    {
        ENDED_BY_CTRL_C.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let _ = std::io::stdout().flush();
    let text = err.to_string();
    if !text.is_empty() {
        eprintln!("{text}");
    }
    err.exit_code()
}

fn exit_code(result: Result<(), Error>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(err) => report(&err),
    }
}

fn run_command(command: Command) -> i32 {
    match command {
        Command::Run {
            file,
            args,
            max_instructions,
            max_memory,
            timeout,
            sandbox,
            gc_stress,
        } => {
            let mut session = if sandbox {
                Session::sandboxed()
            } else {
                Session::new()
            };
            session.handle_ctrl_c();
            session.set_instruction_budget(max_instructions);
            session.set_time_limit(timeout);
            if let Err(err) = session.set_memory_limit(max_memory) {
                return report(&err);
            }
            if gc_stress {
                krait_vm::gc::set_thresholds(&[1, 1, 1]);
            }
            let mut argv = vec![file.display().to_string()];
            argv.extend(args);
            session.set_argv(argv);
            let code = exit_code(session.run_file(&file));
            session.shutdown();
            code
        }
        Command::Trace {
            function,
            lines,
            calls,
            output,
            file,
            args,
        } => {
            let options = krait_analysis::trace::TraceOptions {
                functions: function,
                lines,
                calls_only: calls,
            };
            let out: Box<dyn Write> = match output {
                Some(path) => match std::fs::File::create(&path) {
                    Ok(file) => Box::new(std::io::BufWriter::new(file)),
                    Err(err) => {
                        return report(&Error::Write {
                            path: path.display().to_string(),
                            message: err.to_string(),
                        });
                    }
                },
                None => Box::new(std::io::stdout()),
            };
            let mut session = Session::new();
            session.set_observer(Some(Box::new(krait_analysis::trace::Tracer::new(
                options, out,
            ))));
            let mut argv = vec![file.display().to_string()];
            argv.extend(args);
            session.set_argv(argv);
            let result = session.run_file(&file);
            // The trace is complete (and flushed) before an error is shown.
            session.set_observer(None);
            let code = exit_code(result);
            session.shutdown();
            code
        }
        Command::Coverage {
            annotate,
            html,
            json,
            include,
            omit,
            file,
            args,
        } => coverage(
            &file,
            args,
            CoverageOutput {
                annotate,
                html: html.as_deref(),
                json: json.as_deref(),
                include: &include,
                omit: &omit,
            },
        ),
        Command::Taint {
            source,
            sink,
            sanitizer,
            config,
            implicit,
            file,
            args,
        } => {
            let mut options = krait_analysis::taint::TaintOptions {
                sources: source,
                sinks: sink,
                sanitizers: sanitizer,
                implicit,
            };
            if let Some(config) = config
                && let Err(err) = read_taint_config(&config, &mut options)
            {
                return report(&err);
            }
            taint(&file, args, options)
        }
        Command::Eval { expression } => exit_code(
            Session::new()
                .eval(&expression)
                .and_then(|repr| emit(&format!("{repr}\n"))),
        ),
        Command::Dis {
            file,
            code,
            graph,
            svg,
            function,
        } => {
            let graph = graph.then_some(Graph {
                svg,
                function: function.as_deref(),
            });
            exit_code(dis(file.as_deref(), code.as_deref(), graph))
        }
        Command::Compile { file, output } => {
            let output = output.unwrap_or_else(|| krait::default_kbc_path(&file));
            exit_code(krait::compile_file_to_kbc(&file, &output))
        }
        Command::Ast { file, json } => exit_code(krait::parse_file(&file).and_then(|module| {
            if json {
                emit(&format!("{}\n", krait::ast_json(&module)))
            } else {
                emit(&format!("{module:#?}\n"))
            }
        })),
    }
}

/// What `krait coverage` reports, and where.
struct CoverageOutput<'a> {
    annotate: bool,
    html: Option<&'a Path>,
    json: Option<&'a Path>,
    include: &'a [String],
    omit: &'a [String],
}

/// `krait coverage`: runs the program with the coverage observer, then
/// reports (even when the program failed: its exit code is kept).
fn coverage(file: &Path, args: Vec<String>, output: CoverageOutput) -> i32 {
    let CoverageOutput {
        annotate,
        html,
        json,
        include,
        omit,
    } = output;
    let mut session = Session::new();
    session.set_coverage(true);
    let mut argv = vec![file.display().to_string()];
    argv.extend(args);
    session.set_argv(argv);
    let result = session.run_file(file);
    let code = exit_code(result);
    session.shutdown();
    session.set_coverage(false);
    let mut data = session.coverage();
    if matches!(code, 2) && !data.has_data() {
        // The file could not be opened: nothing ran.
        return code;
    }
    let cwd = std::env::current_dir()
        .map(|d| format!("{}/", d.display()))
        .unwrap_or_default();
    let filter = krait_analysis::coverage::FileFilter::new(include, omit, &cwd);
    data.retain_files(|name| {
        if name.starts_with('/') {
            filter.shows(name)
        } else {
            filter.shows(&format!("{cwd}{name}"))
        }
    });
    let shown = |name: &str| name.strip_prefix(&cwd).unwrap_or(name).to_string();
    let statements = |name: &str| krait::statement_spans_of_file(Path::new(name));
    let source = |name: &str| std::fs::read_to_string(name).ok();
    let coverage_report = data.report(&statements, &shown);
    let mut text = coverage_report.table();
    if annotate {
        text.push('\n');
        text.push_str(&coverage_report.annotated(&source));
    }
    let written = emit(&text).and_then(|()| {
        if let Some(dir) = html {
            let failed = |err: std::io::Error| Error::Write {
                path: dir.display().to_string(),
                message: err.to_string(),
            };
            std::fs::create_dir_all(dir).map_err(failed)?;
            for (name, page) in coverage_report.html(&source) {
                std::fs::write(dir.join(name), page).map_err(failed)?;
            }
        }
        if let Some(path) = json {
            let text = format!("{:#}\n", coverage_report.json());
            if path.as_os_str() == "-" {
                emit(&text)?;
            } else {
                std::fs::write(path, text).map_err(|err| Error::Write {
                    path: path.display().to_string(),
                    message: err.to_string(),
                })?;
            }
        }
        Ok(())
    });
    match written {
        Err(err) => report(&err),
        Ok(()) => code,
    }
}

/// `krait taint`: runs the program with the taint tracker, then reports.
fn taint(file: &Path, args: Vec<String>, options: krait_analysis::taint::TaintOptions) -> i32 {
    let tracker = krait_analysis::taint::TaintTracker::new(options);
    let results = tracker.results();
    let mut session = Session::new();
    session.set_observer(Some(Box::new(tracker)));
    let mut argv = vec![file.display().to_string()];
    argv.extend(args);
    session.set_argv(argv);
    let result = session.run_file(file);
    session.set_observer(None);
    let code = exit_code(result);
    session.shutdown();
    if matches!(code, 2) && results.findings().is_empty() {
        return code;
    }
    match emit(&results.report()) {
        Ok(()) => code,
        Err(err) => report(&err),
    }
}

/// `--config FILE` of `krait taint`: `source NAME`, `sink NAME`,
/// `sanitizer NAME` and `implicit` lines; blank lines and `#` comments
/// skipped.
fn read_taint_config(
    path: &Path,
    options: &mut krait_analysis::taint::TaintOptions,
) -> Result<(), Error> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::Open {
        path: path.display().to_string(),
        message: err.to_string(),
    })?;
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (kind, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let name = name.trim().to_string();
        if kind == "implicit" && name.is_empty() {
            options.implicit = true;
            continue;
        }
        let list = match kind {
            "source" => &mut options.sources,
            "sink" => &mut options.sinks,
            "sanitizer" => &mut options.sanitizers,
            _ => {
                return Err(Error::Usage(format!(
                    "{}:{}: expected `source NAME`, `sink NAME`, `sanitizer NAME` or `implicit`",
                    path.display(),
                    number + 1
                )));
            }
        };
        if name.is_empty() {
            return Err(Error::Usage(format!(
                "{}:{}: `{kind}` needs a function name",
                path.display(),
                number + 1
            )));
        }
        list.push(name);
    }
    Ok(())
}

/// What `krait dis --graph` draws.
struct Graph<'a> {
    svg: bool,
    function: Option<&'a str>,
}

fn dis(file: Option<&Path>, code: Option<&str>, graph: Option<Graph>) -> Result<(), Error> {
    let code = match (code, file) {
        (Some(source), _) => krait::compile(source, "<string>", Mode::Exec)?,
        (None, Some(file)) => krait::load_code(file)?,
        // clap requires one of the two.
        (None, None) => return Ok(()),
    };
    let Some(graph) = graph else {
        return emit(&krait::disassemble(&code)?);
    };
    let dot = krait::control_flow_graph(&code, graph.function)?;
    if graph.svg {
        emit(&render_svg(&dot)?)
    } else {
        emit(&dot)
    }
}

/// Graphviz's `dot -Tsvg` over the DOT text.
fn render_svg(dot: &str) -> Result<String, Error> {
    let missing = |err: std::io::Error| {
        Error::Usage(format!(
            "--svg needs Graphviz's `dot` command on PATH ({err}); without --svg the graph is printed as DOT"
        ))
    };
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(missing)?;
    // `dot` reads all its input before it writes: no deadlock.
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes()).map_err(missing)?;
    }
    let output = child.wait_with_output().map_err(missing)?;
    if !output.status.success() {
        return Err(Error::Usage(format!(
            "`dot -Tsvg` failed ({})",
            output.status
        )));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| Error::Usage("`dot -Tsvg` wrote something other than UTF-8".into()))
}

/// Writes the command's output. A closed pipe (`krait dis ... | head`) ends
/// the command quietly with exit code 1; `print!` would panic.
fn emit(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Err(Error::Exit(1)),
        Err(err) => Err(Error::Write {
            path: "<stdout>".into(),
            message: err.to_string(),
        }),
    }
}

/// `krait -m MODULE [ARGS]`: `sys.argv` is the module's file (set once it
/// is found), then the arguments.
fn run_module(module: &str, args: Vec<String>, options: &krait::CommandLine) -> i32 {
    let mut session = Session::new();
    session.handle_ctrl_c();
    if !options.is_plain()
        && let Err(err) = session.set_command_line(options)
    {
        return exit_code(Err(err));
    }
    let mut argv = vec!["-m".to_string()];
    argv.extend(args);
    session.set_argv(argv);
    let code = exit_code(session.run_module(module));
    session.shutdown();
    code
}

/// `krait [-i] [-c CODE | FILE]`: a script from -c, a file or stdin,
/// and/or the REPL (python3's rules).
fn run_main(
    code: Option<String>,
    file: Option<PathBuf>,
    args: Vec<String>,
    options: &krait::CommandLine,
) -> i32 {
    let interactive = options.inspect;
    let mut session = Session::new();
    session.handle_ctrl_c();
    if !options.is_plain()
        && let Err(err) = session.set_command_line(options)
    {
        return exit_code(Err(err));
    }
    // sys.argv as python3 sets it: the script (or '-c'), then its arguments.
    let mut argv = vec![match (&code, &file) {
        (Some(_), _) => "-c".to_string(),
        (None, Some(file)) => file.display().to_string(),
        (None, None) => String::new(),
    }];
    argv.extend(args);
    session.set_argv(argv);
    let stdin = std::io::stdin();
    let script = match (code, file) {
        (Some(code), _) => Some(session.run_source(&code, "<string>", Mode::Exec).map(drop)),
        // `krait - ARGS`: the script is stdin.
        (None, Some(file)) if file.as_os_str() == "-" => Some(run_stdin_script(&mut session)),
        (None, Some(file)) => Some(session.run_file(&file)),
        (None, None) => None,
    };
    match script {
        Some(result) if !interactive => {
            let code = exit_code(result);
            session.shutdown();
            return code;
        }
        Some(Err(Error::Exit(code))) => {
            session.shutdown();
            return code;
        }
        Some(Err(err @ Error::Open { .. })) => return report(&err),
        Some(Err(err)) => {
            // python3 -i: the traceback, then the prompt in the same namespace.
            report(&err);
        }
        Some(Ok(())) => {}
        None if !interactive && !stdin.is_terminal() => {
            let code = exit_code(run_stdin_script(&mut session));
            session.shutdown();
            return code;
        }
        None => {}
    }
    // The REPL's end is the program's: what runs at exit runs then.
    let code = if stdin.is_terminal()
        && let Ok(mut terminal) = repl::Terminal::new().inspect_err(|err| {
            eprintln!("krait: no line editing ({err})");
        }) {
        eprintln!("{}", repl::banner());
        repl::run(&mut session, &mut terminal)
    } else {
        eprintln!("{}", repl::banner());
        #[cfg(unix)]
        let code = repl::run(&mut session, &mut repl::ProcessStdin);
        #[cfg(not(unix))]
        let code = repl::run(&mut session, &mut repl::Piped::new(stdin.lock()));
        code
    };
    session.shutdown();
    code
}

/// python3 with stdin not a terminal: the whole input is one script.
fn run_stdin_script(session: &mut Session) -> Result<(), Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|err| Error::Open {
            path: "<stdin>".into(),
            message: err.to_string(),
        })?;
    let source = krait::decode_source(bytes, "<stdin>")?;
    session.run_source(&source, "<stdin>", Mode::Exec).map(drop)
}
