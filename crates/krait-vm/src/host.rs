//! The host interface: everything the VM needs from the world outside it.
//!
//! The VM never touches stdio, clocks, the file system or the compiler
//! directly; it asks its [`Host`]. [`crate::Vm::new`] uses [`StdHost`]
//! (the process's stdio and clocks, what the `krait` command grants);
//! [`crate::Vm::with_host`] takes any other: [`DenyAll`] grants nothing,
//! [`BufferHost`] captures output and serves input lines (tests,
//! embedders). The compiler serves `compile()`, `exec()`, `eval()` and
//! imports; the file-system calls serve the import system (and files);
//! the sandbox-by-default choice for embedders belongs to the embedding
//! issue.
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

    /// Pushes out what `write_stdout` was given (`sys.stdout.flush()`,
    /// `print(..., flush=True)`).
    fn flush_stdout(&mut self) -> PyResult<()> {
        Ok(())
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

    /// Waits at most `wait` for a line of standard input (or its end) to
    /// be there for [`Host::read_line`]; `false` when the time passed
    /// first. The VM asks in slices while Ctrl-C or a limit must be able
    /// to cut `input()` short. By default: ready (the read may block).
    fn stdin_line_ready(&mut self, wait: Duration) -> PyResult<bool> {
        let _ = wait;
        Ok(true)
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
    /// The local time zone at `timestamp` (seconds since the epoch), for
    /// `time.localtime`, `mktime` and `timezone`. A host that says nothing
    /// about its zone is in UTC.
    fn local_zone(&mut self, timestamp: i64) -> PyResult<LocalZone> {
        let _ = timestamp;
        Ok(LocalZone::utc())
    }

    /// The CPU time the process has used (`time.process_time`); a host
    /// without one answers with its monotonic clock.
    fn process_clock(&mut self) -> PyResult<Duration> {
        self.monotonic_clock()
    }

    fn sleep(&mut self, duration: Duration) -> PyResult<()> {
        let _ = duration;
        Err(denied("sleeping"))
    }

    /// Fills `buf` with unpredictable bytes (`os.urandom`, `random.seed()`
    /// with no argument).
    fn entropy(&mut self, buf: &mut [u8]) -> PyResult<()> {
        let _ = buf;
        Err(denied("reading random bytes"))
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

    /// [`Host::compile`], with the SyntaxWarnings the compiler raised
    /// (message and line, in order), which the VM reports through the
    /// `warnings` module as CPython does. The default raises none.
    fn compile_with_warnings(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<(krait_bytecode::CodeObject, Vec<(String, u32)>)> {
        Ok((self.compile(source, filename, mode)?, Vec::new()))
    }

    /// Where the `~~~^^^` markers of a traceback split `segment`, the
    /// source of a failing instruction on one line: CPython parses the
    /// segment and, for a binary operation or a subscript alone, marks the
    /// operator or the `[...]` with `^` and the rest with `~`. The answer is
    /// that `^` range as byte offsets into `segment`; `None` (the default:
    /// the VM links no parser) marks the whole segment with `^`.
    fn traceback_anchors(&mut self, segment: &str) -> Option<(usize, usize)> {
        let _ = segment;
        None
    }

    /// What is at `path`: `None` when nothing (or nothing the process may
    /// see) is there. The import system asks it of every candidate file.
    fn stat(&mut self, path: &str) -> PyResult<Option<FileStat>> {
        let _ = path;
        Err(denied("looking at the file system"))
    }

    /// The bytes of the file at `path` (module sources, cached bytecode).
    fn read_file(&mut self, path: &str) -> PyResult<Vec<u8>> {
        let _ = path;
        Err(denied("reading files"))
    }

    /// Writes `data` as the whole file at `path`, creating missing
    /// parent folders (the compiled-module cache).
    fn write_file(&mut self, path: &str, data: &[u8]) -> PyResult<()> {
        let _ = (path, data);
        Err(denied("writing files"))
    }

    /// Opens the file at `path` as `mode` asks (`open()`).
    fn open_file(&mut self, path: &str, mode: OpenMode) -> PyResult<Box<dyn HostFile>> {
        let _ = (path, mode);
        Err(denied("opening files"))
    }

    /// The names in the folder at `path`, in no particular order
    /// (`os.listdir`).
    fn list_dir(&mut self, path: &str) -> PyResult<Vec<String>> {
        let _ = path;
        Err(denied("listing folders"))
    }

    /// Makes the folder `path` (its parent must exist: `os.mkdir`).
    fn create_dir(&mut self, path: &str) -> PyResult<()> {
        let _ = path;
        Err(denied("making folders"))
    }

    /// Removes the file `path` (`os.remove`).
    fn remove_file(&mut self, path: &str) -> PyResult<()> {
        let _ = path;
        Err(denied("removing files"))
    }

    /// Removes the empty folder `path` (`os.rmdir`).
    fn remove_dir(&mut self, path: &str) -> PyResult<()> {
        let _ = path;
        Err(denied("removing folders"))
    }

    /// Renames `from` to `to`, replacing a file there (`os.rename`).
    fn rename(&mut self, from: &str, to: &str) -> PyResult<()> {
        let _ = (from, to);
        Err(denied("renaming files"))
    }

    /// The current folder, absolute (`os.getcwd`).
    fn current_dir(&mut self) -> PyResult<String> {
        Err(denied("reading the current folder"))
    }

    /// The process's environment variables (`os.environ`).
    fn env_vars(&mut self) -> PyResult<Vec<(String, String)>> {
        Ok(Vec::new())
    }

    /// Up to `max` bytes of standard input; empty at its end
    /// (`sys.stdin.read()`, `sys.stdin.buffer`).
    fn read_stdin(&mut self, max: usize) -> PyResult<Vec<u8>> {
        let _ = max;
        Ok(Vec::new())
    }

    /// A tag that changes whenever `compile` may produce other code (the
    /// compiler's build): part of the compiled-module cache's key. `None`
    /// (the default) caches nothing.
    fn compiler_tag(&mut self) -> Option<String> {
        None
    }
}

/// How `open()` opens a file (from its mode string: `r`, `w`, `a`, `x`,
/// `+`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenMode {
    pub read: bool,
    pub write: bool,
    /// Every write goes to the end (`a`).
    pub append: bool,
    /// Empties an existing file (`w`).
    pub truncate: bool,
    /// Creates the file when missing (`w`, `a`).
    pub create: bool,
    /// Fails when the file exists (`x`).
    pub create_new: bool,
}

/// A file the host opened: the bytes behind a Python file object.
pub trait HostFile {
    /// Reads up to `buf.len()` bytes; 0 at the end of the file.
    fn read(&mut self, buf: &mut [u8]) -> PyResult<usize>;
    /// Writes all of `data`.
    fn write(&mut self, data: &[u8]) -> PyResult<()>;
    /// Moves the position; returns the new one from the start.
    fn seek(&mut self, position: std::io::SeekFrom) -> PyResult<u64>;
    fn flush(&mut self) -> PyResult<()>;
    /// Cuts or extends the file to `size` bytes (`truncate`).
    fn set_len(&mut self, size: u64) -> PyResult<()>;
}

/// A file of the process's file system, for [`StdHost`].
struct StdFile {
    file: std::fs::File,
    path: String,
}

impl HostFile for StdFile {
    fn read(&mut self, buf: &mut [u8]) -> PyResult<usize> {
        use std::io::Read;
        self.file.read(buf).map_err(|err| os_error(&err, None))
    }

    fn write(&mut self, data: &[u8]) -> PyResult<()> {
        use std::io::Write;
        self.file
            .write_all(data)
            .map_err(|err| os_error(&err, None))
    }

    fn seek(&mut self, position: std::io::SeekFrom) -> PyResult<u64> {
        use std::io::Seek;
        self.file.seek(position).map_err(|err| os_error(&err, None))
    }

    fn flush(&mut self) -> PyResult<()> {
        use std::io::Write;
        self.file.flush().map_err(|err| os_error(&err, None))
    }

    fn set_len(&mut self, size: u64) -> PyResult<()> {
        self.file
            .set_len(size)
            .map_err(|err| os_error(&err, Some(&self.path)))
    }
}

/// What kind of thing a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    File,
    Directory,
    Other,
}

/// What [`Host::stat`] tells about a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStat {
    pub kind: FileKind,
    pub size: u64,
    /// Last modification, since the Unix epoch (when known).
    pub modified: Option<Duration>,
}

/// A failed file-system call as the Python exception CPython raises for
/// it: the `OSError` subclass of its errno (`FileNotFoundError`...), with
/// `errno`, `strerror` and `filename` (`[Errno 2] No such file or
/// directory: 'x'`).
pub fn os_error(err: &std::io::Error, filename: Option<&str>) -> PyErr {
    let text = err.to_string();
    // Rust's text is C's strerror followed by " (os error N)".
    let strerror = match text.rfind(" (os error ") {
        Some(at) => &text[..at],
        None => &text,
    };
    match err.raw_os_error() {
        Some(errno) => PyErr::os_error(errno, strerror, filename),
        None => PyErr::new(ExcType::OSError, strerror),
    }
}

/// A host's answer for a path: the file's metadata, or `None` when there is
/// nothing there the process may see.
pub fn stat_path(path: &str) -> Option<FileStat> {
    let metadata = std::fs::metadata(path).ok()?;
    let kind = if metadata.is_file() {
        FileKind::File
    } else if metadata.is_dir() {
        FileKind::Directory
    } else {
        FileKind::Other
    };
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    Some(FileStat {
        kind,
        size: metadata.len(),
        modified,
    })
}

fn denied(what: &str) -> PyErr {
    PyErr::new(
        ExcType::PermissionError,
        format!("the host does not allow {what}"),
    )
}

/// A time zone as it applies at one instant (C's `tm_gmtoff`, `tm_isdst`,
/// `tm_zone`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalZone {
    /// Seconds east of UTC.
    pub utc_offset: i64,
    pub is_dst: bool,
    /// The abbreviation (`UTC`, `CET`, `PDT`).
    pub name: String,
}

impl LocalZone {
    pub fn utc() -> LocalZone {
        LocalZone {
            utc_offset: 0,
            is_dst: false,
            name: "UTC".to_string(),
        }
    }
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

    fn flush_stdout(&mut self) -> PyResult<()> {
        use std::io::Write;
        std::io::stdout()
            .flush()
            .map_err(|e| PyErr::new(ExcType::OSError, e.to_string()))
    }

    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stderr()
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::new(ExcType::OSError, e.to_string()))
    }

    #[cfg(unix)]
    fn read_line(&mut self) -> PyResult<Option<String>> {
        raw_stdin::read_line().map_err(|err| os_error(&err, None))
    }

    #[cfg(unix)]
    fn stdin_line_ready(&mut self, wait: Duration) -> PyResult<bool> {
        raw_stdin::line_ready(wait).map_err(|err| os_error(&err, None))
    }

    #[cfg(not(unix))]
    fn read_line(&mut self) -> PyResult<Option<String>> {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => {
                // Only the newline goes, as in CPython's input(): a `\r`
                // before it stays.
                if line.ends_with('\n') {
                    line.pop();
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

    #[cfg(unix)]
    fn local_zone(&mut self, timestamp: i64) -> PyResult<LocalZone> {
        // `time_t` is narrower than i64 on some platforms.
        #[allow(clippy::useless_conversion)]
        let time: libc::time_t = timestamp
            .try_into()
            .map_err(|_| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
        // SAFETY: `localtime_r` only writes the `tm` it is given, which is
        // plain data (all-zero is a valid value); `tm_zone` then points to
        // the C library's static zone names, read at once.
        unsafe {
            let mut tm: libc::tm = std::mem::zeroed();
            if libc::localtime_r(&time, &mut tm).is_null() {
                return Err(PyErr::overflow_error(
                    "timestamp out of range for platform time_t",
                ));
            }
            let name = if tm.tm_zone.is_null() {
                String::new()
            } else {
                std::ffi::CStr::from_ptr(tm.tm_zone)
                    .to_string_lossy()
                    .into_owned()
            };
            Ok(LocalZone {
                utc_offset: tm.tm_gmtoff,
                is_dst: tm.tm_isdst > 0,
                name,
            })
        }
    }

    #[cfg(unix)]
    fn process_clock(&mut self) -> PyResult<Duration> {
        // SAFETY: `clock_gettime` writes the `timespec` it is given.
        let mut spec: libc::timespec = unsafe { std::mem::zeroed() };
        if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut spec) } != 0 {
            return self.monotonic_clock();
        }
        Ok(Duration::new(spec.tv_sec as u64, spec.tv_nsec as u32))
    }

    fn entropy(&mut self, buf: &mut [u8]) -> PyResult<()> {
        use std::io::Read;
        std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(buf))
            .map_err(|e| os_error(&e, None))
    }

    fn stat(&mut self, path: &str) -> PyResult<Option<FileStat>> {
        Ok(stat_path(path))
    }

    fn read_file(&mut self, path: &str) -> PyResult<Vec<u8>> {
        std::fs::read(path).map_err(|err| os_error(&err, Some(path)))
    }

    fn write_file(&mut self, path: &str, data: &[u8]) -> PyResult<()> {
        if let Some(parent) = std::path::Path::new(path).parent() {
            std::fs::create_dir_all(parent).map_err(|err| os_error(&err, Some(path)))?;
        }
        std::fs::write(path, data).map_err(|err| os_error(&err, Some(path)))
    }

    fn open_file(&mut self, path: &str, mode: OpenMode) -> PyResult<Box<dyn HostFile>> {
        let file = std::fs::OpenOptions::new()
            .read(mode.read)
            .write(mode.write && !mode.append)
            .append(mode.append)
            .truncate(mode.truncate)
            .create(mode.create && !mode.create_new)
            .create_new(mode.create_new)
            .open(path)
            .map_err(|err| os_error(&err, Some(path)))?;
        // Opening a folder succeeds on Unix; Python refuses it.
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(PyErr::os_error(21, "Is a directory", Some(path)));
        }
        Ok(Box::new(StdFile {
            file,
            path: path.to_string(),
        }))
    }

    fn list_dir(&mut self, path: &str) -> PyResult<Vec<String>> {
        let entries = std::fs::read_dir(path).map_err(|err| os_error(&err, Some(path)))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|err| os_error(&err, Some(path)))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        Ok(names)
    }

    fn create_dir(&mut self, path: &str) -> PyResult<()> {
        std::fs::create_dir(path).map_err(|err| os_error(&err, Some(path)))
    }

    fn remove_file(&mut self, path: &str) -> PyResult<()> {
        std::fs::remove_file(path).map_err(|err| os_error(&err, Some(path)))
    }

    fn remove_dir(&mut self, path: &str) -> PyResult<()> {
        std::fs::remove_dir(path).map_err(|err| os_error(&err, Some(path)))
    }

    fn rename(&mut self, from: &str, to: &str) -> PyResult<()> {
        std::fs::rename(from, to).map_err(|err| {
            let err = os_error(&err, Some(from));
            if let Some(dict) = err.exception().dict().as_dict() {
                let _ = dict.set_item(
                    crate::value::Value::str("filename2"),
                    crate::value::Value::str(to),
                );
            }
            err
        })
    }

    fn current_dir(&mut self) -> PyResult<String> {
        std::env::current_dir()
            .map(|dir| dir.display().to_string())
            .map_err(|err| os_error(&err, None))
    }

    fn env_vars(&mut self) -> PyResult<Vec<(String, String)>> {
        Ok(std::env::vars_os()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.to_string_lossy().into_owned(),
                )
            })
            .collect())
    }

    #[cfg(unix)]
    fn read_stdin(&mut self, max: usize) -> PyResult<Vec<u8>> {
        raw_stdin::read(max).map_err(|err| os_error(&err, None))
    }

    #[cfg(not(unix))]
    fn read_stdin(&mut self, max: usize) -> PyResult<Vec<u8>> {
        use std::io::Read;
        let mut buf = vec![0; max.min(1 << 20)];
        let n = std::io::stdin()
            .lock()
            .read(&mut buf)
            .map_err(|err| os_error(&err, None))?;
        buf.truncate(n);
        Ok(buf)
    }
}

/// The next line of the process's standard input, without its newline
/// (`None` at its end), from the same buffer `input()` and `sys.stdin`
/// read: for a front end reading lines of its own (the piped REPL).
#[cfg(unix)]
pub use raw_stdin::read_line_bytes as read_stdin_line;

/// The process's standard input read from its file descriptor into a
/// buffer of krait's own (not std's `Stdin`, whose hidden buffer would
/// hold lines a wait on the descriptor cannot see): so `input()` can wait
/// for a line in slices and be cut short by Ctrl-C or a limit.
#[cfg(unix)]
mod raw_stdin {
    use std::io;
    use std::sync::Mutex;
    use std::time::Duration;

    struct Buffered {
        bytes: Vec<u8>,
        /// The descriptor reached its end (or is closed).
        ended: bool,
    }

    static STDIN: Mutex<Buffered> = Mutex::new(Buffered {
        bytes: Vec::new(),
        ended: false,
    });

    fn buffered() -> std::sync::MutexGuard<'static, Buffered> {
        STDIN
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// One `read` of the descriptor into the buffer (blocking).
    fn fill(buffered: &mut Buffered) -> io::Result<()> {
        let mut chunk = [0u8; 1 << 16];
        loop {
            // SAFETY: `chunk` is writable for its whole length.
            let n = unsafe { libc::read(0, chunk.as_mut_ptr().cast(), chunk.len()) };
            if n >= 0 {
                if n == 0 {
                    buffered.ended = true;
                }
                buffered.bytes.extend_from_slice(&chunk[..n as usize]);
                return Ok(());
            }
            let err = io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EINTR) => continue,
                // A closed standard input reads as empty, as std's does.
                Some(libc::EBADF) => {
                    buffered.ended = true;
                    return Ok(());
                }
                _ => return Err(err),
            }
        }
    }

    /// Whether the descriptor has something to read (or its end) within
    /// `wait`.
    fn readable(wait: Duration) -> bool {
        let mut fd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = wait.as_millis().min(i32::MAX as u128) as libc::c_int;
        // SAFETY: one valid `pollfd`, its count given.
        let ready = unsafe { libc::poll(&mut fd, 1, millis) };
        // An error (EINTR from a signal) counts as not ready: the caller
        // looks at its flags and asks again.
        ready > 0
    }

    fn has_line(buffered: &Buffered) -> bool {
        buffered.ended || buffered.bytes.contains(&b'\n')
    }

    pub(super) fn line_ready(wait: Duration) -> io::Result<bool> {
        let mut buffered = buffered();
        if has_line(&buffered) {
            return Ok(true);
        }
        drop(buffered);
        if !readable(wait) {
            return Ok(false);
        }
        buffered = self::buffered();
        fill(&mut buffered)?;
        Ok(has_line(&buffered))
    }

    pub(super) fn read_line() -> io::Result<Option<String>> {
        read_line_bytes()?.map(text).transpose()
    }

    /// The next line without its newline; `None` at the end.
    pub fn read_line_bytes() -> io::Result<Option<Vec<u8>>> {
        let mut buffered = buffered();
        // Where the search for the newline goes on (a long line is read
        // in many pieces; each is looked through once).
        let mut searched = 0;
        loop {
            let start = searched;
            let found = buffered.bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map(|offset| start + offset);
            searched = buffered.bytes.len();
            if let Some(newline) = found {
                let mut line: Vec<u8> = buffered.bytes.drain(..=newline).collect();
                // Only the newline goes, as in CPython's input(): a `\r`
                // before it stays.
                line.pop();
                return Ok(Some(line));
            }
            if buffered.ended {
                if buffered.bytes.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(std::mem::take(&mut buffered.bytes)));
            }
            fill(&mut buffered)?;
        }
    }

    pub(super) fn read(max: usize) -> io::Result<Vec<u8>> {
        let mut buffered = buffered();
        if buffered.bytes.is_empty() && !buffered.ended {
            fill(&mut buffered)?;
        }
        let n = max.min(buffered.bytes.len());
        Ok(buffered.bytes.drain(..n).collect())
    }

    fn text(bytes: Vec<u8>) -> io::Result<String> {
        String::from_utf8(bytes).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            )
        })
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

    /// The input lines, each with its newline.
    fn read_stdin(&mut self, max: usize) -> PyResult<Vec<u8>> {
        let mut bytes = Vec::new();
        while bytes.len() < max {
            let Some(line) = self.input.pop_front() else {
                break;
            };
            bytes.extend_from_slice(line.as_bytes());
            bytes.push(b'\n');
        }
        Ok(bytes)
    }
}
