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

#[cfg(unix)]
mod unix;

/// A compile mode, as the `mode` argument of Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

impl CompileMode {
    /// The mode as `compile()` spells it.
    pub fn name(self) -> &'static str {
        match self {
            CompileMode::Exec => "exec",
            CompileMode::Eval => "eval",
            CompileMode::Single => "single",
        }
    }
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

    /// `ast.parse(source)`: the syntax tree of `source`, as JSON in the
    /// shape of krait-ast's serde form (CPython's `ast` class and field
    /// names, constants tagged), which the standard library's `_ast` turns
    /// into node objects. The default (no parser linked) raises.
    fn parse_to_json(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<String> {
        let _ = (source, filename, mode);
        Err(PyErr::runtime_error("this krait build has no compiler"))
    }

    /// `compile(tree)`: a syntax tree in the JSON shape of
    /// [`Host::parse_to_json`] compiled, with its SyntaxWarnings (its top
    /// node is the mode).
    fn compile_json(
        &mut self,
        tree: &str,
        filename: &str,
    ) -> PyResult<(krait_bytecode::CodeObject, Vec<(String, u32)>)> {
        let _ = (tree, filename);
        Err(PyErr::runtime_error("this krait build has no compiler"))
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

    // The `os` module's system calls, from here on: each denied unless a
    // host grants it.

    /// Sends signal `signum` to the process with its default action
    /// (`signal.raise_signal` of a signal whose handler is `SIG_DFL`: most
    /// end the process).
    fn raise_signal(&mut self, signum: i32) -> PyResult<()> {
        let _ = signum;
        Err(denied("raising signals"))
    }

    /// The status of the file at `path` (`os.stat`; `os.lstat` when
    /// `follow_symlinks` is false), raising the `OSError` of the failure.
    /// By default, what [`Host::stat`] tells (a host granting that much
    /// keeps `os.stat` working): the kind, size and time, with made-up
    /// permission bits.
    fn file_status(&mut self, path: &str, follow_symlinks: bool) -> PyResult<FileStatus> {
        let _ = follow_symlinks;
        match self.stat(path)? {
            Some(stat) => Ok(FileStatus::from(stat)),
            None => Err(PyErr::os_error(2, "No such file or directory", Some(path))),
        }
    }

    /// The status of the open file descriptor `fd` (`os.fstat`).
    fn fd_status(&mut self, fd: i32) -> PyResult<FileStatus> {
        let _ = fd;
        Err(denied("looking at file descriptors"))
    }

    /// Sets the permission bits of `path` (`os.chmod`).
    fn set_mode(&mut self, path: &str, mode: u32, follow_symlinks: bool) -> PyResult<()> {
        let _ = (path, mode, follow_symlinks);
        Err(denied("changing file modes"))
    }

    /// Sets the access and modification times of `path` in nanoseconds
    /// since the epoch; `None` sets both to now (`os.utime`).
    fn set_times(
        &mut self,
        path: &str,
        times: Option<(i64, i64)>,
        follow_symlinks: bool,
    ) -> PyResult<()> {
        let _ = (path, times, follow_symlinks);
        Err(denied("changing file times"))
    }

    /// Makes `link` a symbolic link to `target` (`os.symlink`).
    fn create_symlink(&mut self, target: &str, link: &str) -> PyResult<()> {
        let _ = (target, link);
        Err(denied("making links"))
    }

    /// What the symbolic link `path` points to (`os.readlink`).
    fn read_link(&mut self, path: &str) -> PyResult<String> {
        let _ = path;
        Err(denied("reading links"))
    }

    /// Makes `link` a second name of the file `target` (`os.link`).
    fn create_hard_link(&mut self, target: &str, link: &str) -> PyResult<()> {
        let _ = (target, link);
        Err(denied("making links"))
    }

    /// Cuts or extends the file `path` to `size` bytes (`os.truncate`).
    fn truncate_file(&mut self, path: &str, size: u64) -> PyResult<()> {
        let _ = (path, size);
        Err(denied("changing files"))
    }

    /// Makes the folder `path` with permission bits `mode` (before the
    /// umask): `os.mkdir(path, mode)`. By default the mode is left to
    /// [`Host::create_dir`].
    fn create_dir_with_mode(&mut self, path: &str, mode: u32) -> PyResult<()> {
        let _ = mode;
        self.create_dir(path)
    }

    /// Makes `path` the current folder (`os.chdir`).
    fn set_current_dir(&mut self, path: &str) -> PyResult<()> {
        let _ = path;
        Err(denied("changing the current folder"))
    }

    /// Sets an environment variable of the process (`os.putenv`, and
    /// `os.environ[key] = value`). By default the change stays in the
    /// script's `os.environ`: the host's environment is not touched.
    fn set_env_var(&mut self, key: &str, value: &str) -> PyResult<()> {
        let _ = (key, value);
        Ok(())
    }

    /// Removes an environment variable of the process (`os.unsetenv`,
    /// `del os.environ[key]`); by default, as [`Host::set_env_var`],
    /// nothing outside the script changes.
    fn remove_env_var(&mut self, key: &str) -> PyResult<()> {
        let _ = key;
        Ok(())
    }

    /// Opens `path` as C's `open(path, flags, mode)` does, with Linux's
    /// flag values (`os.open`); the answer is the new file descriptor.
    fn open_fd(&mut self, path: &str, flags: i32, mode: u32) -> PyResult<i32> {
        let _ = (path, flags, mode);
        Err(denied("opening files"))
    }

    /// Closes the file descriptor `fd` (`os.close`).
    fn close_fd(&mut self, fd: i32) -> PyResult<()> {
        let _ = fd;
        Err(denied("using file descriptors"))
    }

    /// Up to `max` bytes from `fd`; empty at the end (`os.read`).
    fn read_fd(&mut self, fd: i32, max: usize) -> PyResult<Vec<u8>> {
        let _ = (fd, max);
        Err(denied("using file descriptors"))
    }

    /// Writes what it can of `data` to `fd`; the count written
    /// (`os.write`).
    fn write_fd(&mut self, fd: i32, data: &[u8]) -> PyResult<usize> {
        let _ = (fd, data);
        Err(denied("using file descriptors"))
    }

    /// Moves the position of `fd` (`whence` as `os.SEEK_SET`, `SEEK_CUR`,
    /// `SEEK_END`); the new position (`os.lseek`).
    fn seek_fd(&mut self, fd: i32, offset: i64, whence: i32) -> PyResult<i64> {
        let _ = (fd, offset, whence);
        Err(denied("using file descriptors"))
    }

    /// Pushes what was written to `fd` to the disk (`os.fsync`).
    fn sync_fd(&mut self, fd: i32) -> PyResult<()> {
        let _ = fd;
        Err(denied("using file descriptors"))
    }

    /// Cuts or extends the file open as `fd` to `size` bytes
    /// (`os.ftruncate`).
    fn truncate_fd(&mut self, fd: i32, size: u64) -> PyResult<()> {
        let _ = (fd, size);
        Err(denied("using file descriptors"))
    }

    /// A new descriptor for what `fd` is open on (`os.dup`).
    fn duplicate_fd(&mut self, fd: i32) -> PyResult<i32> {
        let _ = fd;
        Err(denied("using file descriptors"))
    }

    /// A file over the open descriptor `fd` (`open(fd)`, `os.fdopen`); the
    /// descriptor is closed with the file when `close` (`closefd=True`).
    fn file_from_fd(
        &mut self,
        fd: i32,
        mode: OpenMode,
        close: bool,
    ) -> PyResult<Box<dyn HostFile>> {
        let _ = (fd, mode, close);
        Err(denied("using file descriptors"))
    }

    /// Whether `fd` is a terminal (`os.isatty`). By default: no.
    fn is_terminal(&mut self, fd: i32) -> PyResult<bool> {
        let _ = fd;
        Ok(false)
    }

    /// The columns and lines of the terminal `fd` (`os.get_terminal_size`).
    fn terminal_size(&mut self, fd: i32) -> PyResult<(u32, u32)> {
        let _ = fd;
        Err(PyErr::os_error(25, "Inappropriate ioctl for device", None))
    }

    /// An id of the process (`os.getppid`, `os.getuid`...).
    fn process_id(&mut self, which: ProcessId) -> PyResult<i64> {
        let _ = which;
        Err(denied("knowing the process's ids"))
    }

    /// The name of the user logged in on the process's terminal
    /// (`os.getlogin`).
    fn login_name(&mut self) -> PyResult<String> {
        Err(denied("knowing the user's name"))
    }

    /// The system's names (`os.uname`).
    fn system_name(&mut self) -> PyResult<SystemName> {
        Err(denied("knowing the system's name"))
    }

    /// Sets the process's umask; the one before (`os.umask`).
    fn set_umask(&mut self, mask: u32) -> PyResult<u32> {
        let _ = mask;
        Err(denied("changing the umask"))
    }

    /// The process's CPU times and the elapsed real time (`os.times`).
    fn process_times(&mut self) -> PyResult<ProcessTimes> {
        Err(denied("reading the process's times"))
    }

    /// How many CPUs the process may use (`os.cpu_count`); `None` when
    /// the host does not say.
    fn cpu_count(&mut self) -> Option<usize> {
        None
    }

    /// Starts a program (`subprocess.Popen`, `os.system`, `os.popen`):
    /// the answer is its process id and the parent's ends of the pipes
    /// the spec asked for.
    fn spawn_child(&mut self, spec: &ChildSpec) -> PyResult<SpawnedChild> {
        let _ = spec;
        Err(denied("starting processes"))
    }

    /// Waits for the child `pid` (any child for -1) to end (C's
    /// `waitpid`): the pid that ended and its raw wait status, or `None`
    /// when `block` is false and it still runs.
    fn wait_child(&mut self, pid: i64, block: bool) -> PyResult<Option<(i64, i32)>> {
        let _ = (pid, block);
        Err(denied("starting processes"))
    }

    /// Sends `signal` to the process `pid` (`os.kill`,
    /// `Popen.send_signal`).
    fn signal_process(&mut self, pid: i64, signal: i32) -> PyResult<()> {
        let _ = (pid, signal);
        Err(denied("signalling processes"))
    }

    /// A new pipe, both ends not inherited by children (`os.pipe`): the
    /// descriptors to read and to write.
    fn create_pipe(&mut self) -> PyResult<(i32, i32)> {
        Err(denied("using file descriptors"))
    }

    /// Waits at most `timeout` (`None`: as long as it takes) until some
    /// of `read` can be read without blocking (data or end of file) or
    /// some of `write` written (`select.select`): the descriptors that
    /// can, of each list.
    fn wait_ready(
        &mut self,
        read: &[i32],
        write: &[i32],
        timeout: Option<Duration>,
    ) -> PyResult<(Vec<i32>, Vec<i32>)> {
        let _ = (read, write, timeout);
        Err(denied("using file descriptors"))
    }
}

/// Where a child's standard stream goes ([`ChildSpec`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildStream {
    /// The parent's own stream.
    Inherit,
    /// A new pipe; the parent's end comes back in [`SpawnedChild`].
    Pipe,
    /// The null device.
    Null,
    /// A copy of this descriptor.
    Fd(i32),
    /// Only for stderr: wherever the child's stdout goes.
    Stdout,
}

/// A program to start ([`Host::spawn_child`]).
#[derive(Clone, Debug)]
pub struct ChildSpec {
    /// Searched on `PATH` when it has no slash, as `execvp` does.
    pub program: String,
    /// The arguments, `argv[0]` included.
    pub argv: Vec<String>,
    pub cwd: Option<String>,
    /// The whole environment, or `None` to inherit the parent's.
    pub env: Option<Vec<(String, String)>>,
    pub stdin: ChildStream,
    pub stdout: ChildStream,
    pub stderr: ChildStream,
    /// Closes every other descriptor above 2 in the child (`close_fds`),
    /// but those of `pass_fds`.
    pub close_fds: bool,
    pub pass_fds: Vec<i32>,
}

/// A started child: its id and the parent's ends of its pipes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpawnedChild {
    pub pid: i64,
    pub stdin: Option<i32>,
    pub stdout: Option<i32>,
    pub stderr: Option<i32>,
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
    /// The operating system's descriptor of the file (`fileno()`), when
    /// it has one.
    fn fileno(&self) -> Option<i32> {
        None
    }
}

/// A file of the process's file system, for [`StdHost`].
struct StdFile {
    /// Dropped (so closed) only when `close` says so.
    file: std::mem::ManuallyDrop<std::fs::File>,
    /// The path it was opened by, for errors (`None` for a descriptor).
    path: Option<String>,
    /// Whether dropping the file closes its descriptor (`closefd`).
    close: bool,
}

impl StdFile {
    fn new(file: std::fs::File, path: Option<&str>) -> StdFile {
        StdFile {
            file: std::mem::ManuallyDrop::new(file),
            path: path.map(str::to_string),
            close: true,
        }
    }
}

impl Drop for StdFile {
    fn drop(&mut self) {
        if self.close {
            // SAFETY: dropped once, here, and never used after.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.file) };
        }
    }
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
            .map_err(|err| os_error(&err, self.path.as_deref()))
    }

    #[cfg(unix)]
    fn fileno(&self) -> Option<i32> {
        use std::os::fd::AsRawFd;
        Some(self.file.as_raw_fd())
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

/// Whether `os.open`'s `flags` (the platform's values) may change the
/// file system: writing, creating or truncating. For a host that grants
/// reading only.
pub fn open_flags_write(flags: i32) -> bool {
    #[cfg(unix)]
    let writing = libc::O_WRONLY | libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND;
    #[cfg(not(unix))]
    let writing = 0o1 | 0o2 | 0o100 | 0o1000 | 0o2000;
    flags & writing != 0
}

/// The flags C's `open` takes for `mode` (the platform's values), as
/// CPython's `FileIO` computes them for an `opener`; with `O_CLOEXEC`
/// (PEP 446).
pub fn open_flags(mode: OpenMode) -> i32 {
    #[cfg(unix)]
    let (rdonly, wronly, rdwr, creat, excl, trunc, append, cloexec) = (
        libc::O_RDONLY,
        libc::O_WRONLY,
        libc::O_RDWR,
        libc::O_CREAT,
        libc::O_EXCL,
        libc::O_TRUNC,
        libc::O_APPEND,
        libc::O_CLOEXEC,
    );
    #[cfg(not(unix))]
    let (rdonly, wronly, rdwr, creat, excl, trunc, append, cloexec) =
        (0, 0o1, 0o2, 0o100, 0o200, 0o1000, 0o2000, 0o2_000_000);
    let mut flags = match (mode.read, mode.write) {
        (true, true) => rdwr,
        (false, true) => wronly,
        _ => rdonly,
    };
    if mode.create || mode.create_new {
        flags |= creat;
    }
    if mode.create_new {
        flags |= excl;
    }
    if mode.truncate {
        flags |= trunc;
    }
    if mode.append {
        flags |= append;
    }
    flags | cloexec
}

/// What `os.stat` tells about a file (C's `struct stat`): the fields of
/// `os.stat_result`, times in nanoseconds since the epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileStatus {
    /// The file type and permission bits (`stat.S_IFREG | 0o644`).
    pub mode: u32,
    pub ino: u64,
    pub dev: u64,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
    pub size: i64,
    pub atime_ns: i64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub blksize: i64,
    pub blocks: i64,
    pub rdev: u64,
}

impl From<FileStat> for FileStatus {
    fn from(stat: FileStat) -> FileStatus {
        let mode = match stat.kind {
            FileKind::Directory => 0o040_755,
            FileKind::File => 0o100_644,
            FileKind::Other => 0o644,
        };
        let time = stat
            .modified
            .map_or(0, |m| i64::try_from(m.as_nanos()).unwrap_or(i64::MAX));
        FileStatus {
            mode,
            nlink: 1,
            size: i64::try_from(stat.size).unwrap_or(i64::MAX),
            atime_ns: time,
            mtime_ns: time,
            ctime_ns: time,
            ..FileStatus::default()
        }
    }
}

/// Which id [`Host::process_id`] is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessId {
    /// The parent process (`os.getppid`).
    Parent,
    /// The real and effective user (`os.getuid`, `os.geteuid`).
    User,
    EffectiveUser,
    /// The real and effective group (`os.getgid`, `os.getegid`).
    Group,
    EffectiveGroup,
}

/// The system's names (`os.uname()`'s fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemName {
    pub sysname: String,
    pub nodename: String,
    pub release: String,
    pub version: String,
    pub machine: String,
}

/// `os.times()`'s fields, in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ProcessTimes {
    pub user: f64,
    pub system: f64,
    pub children_user: f64,
    pub children_system: f64,
    pub elapsed: f64,
}

/// [`os_error`] for a call on two paths (`os.rename`, `os.link`,
/// `os.symlink`): both named, as `[Errno 2] ...: 'a' -> 'b'`.
pub fn os_error2(err: &std::io::Error, filename: &str, filename2: &str) -> PyErr {
    let err = os_error(err, Some(filename));
    if let Some(dict) = err.exception().dict().as_dict() {
        let _ = dict.set_item(
            crate::value::Value::str("filename2"),
            crate::value::Value::str(filename2),
        );
    }
    err
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
            .map_err(|err| os_error(&err, None))
    }

    fn flush_stdout(&mut self) -> PyResult<()> {
        use std::io::Write;
        std::io::stdout()
            .flush()
            .map_err(|err| os_error(&err, None))
    }

    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stderr()
            .write_all(text.as_bytes())
            .map_err(|err| os_error(&err, None))
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
            Err(err) => Err(os_error(&err, None)),
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
        // getrandom(2), as CPython's os.urandom: opening /dev/urandom per
        // call cost a uuid4() 2.7 µs.
        #[cfg(target_os = "linux")]
        {
            let mut filled = 0;
            while filled < buf.len() {
                let rest = &mut buf[filled..];
                // SAFETY: the pointer and length describe `rest`.
                let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
                if got >= 0 {
                    filled += got as usize;
                    continue;
                }
                let err = std::io::Error::last_os_error();
                match err.raw_os_error() {
                    Some(libc::EINTR) => continue,
                    // An old kernel: the device below.
                    Some(libc::ENOSYS) => break,
                    _ => return Err(os_error(&err, None)),
                }
            }
            if filled == buf.len() {
                return Ok(());
            }
        }
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
        Ok(Box::new(StdFile::new(file, Some(path))))
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
        std::fs::rename(from, to).map_err(|err| os_error2(&err, from, to))
    }

    #[cfg(unix)]
    fn raise_signal(&mut self, signum: i32) -> PyResult<()> {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        // SAFETY: resetting a signal's disposition to its default and
        // raising it are plain libc calls on a valid signal number (the
        // caller checked the range); the default action applies.
        let failed = unsafe {
            libc::signal(signum, libc::SIG_DFL) == libc::SIG_ERR || libc::raise(signum) != 0
        };
        if failed {
            return Err(PyErr::os_error(22, "Invalid argument", None));
        }
        Ok(())
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
    fn file_status(&mut self, path: &str, follow_symlinks: bool) -> PyResult<FileStatus> {
        unix::file_status(path, follow_symlinks)
    }

    #[cfg(unix)]
    fn fd_status(&mut self, fd: i32) -> PyResult<FileStatus> {
        unix::fd_status(fd)
    }

    #[cfg(unix)]
    fn set_mode(&mut self, path: &str, mode: u32, follow_symlinks: bool) -> PyResult<()> {
        unix::set_mode(path, mode, follow_symlinks)
    }

    #[cfg(unix)]
    fn set_times(
        &mut self,
        path: &str,
        times: Option<(i64, i64)>,
        follow_symlinks: bool,
    ) -> PyResult<()> {
        unix::set_times(path, times, follow_symlinks)
    }

    #[cfg(unix)]
    fn create_symlink(&mut self, target: &str, link: &str) -> PyResult<()> {
        unix::create_symlink(target, link)
    }

    #[cfg(unix)]
    fn read_link(&mut self, path: &str) -> PyResult<String> {
        unix::read_link(path)
    }

    #[cfg(unix)]
    fn create_hard_link(&mut self, target: &str, link: &str) -> PyResult<()> {
        unix::create_hard_link(target, link)
    }

    #[cfg(unix)]
    fn truncate_file(&mut self, path: &str, size: u64) -> PyResult<()> {
        unix::truncate_file(path, size)
    }

    #[cfg(unix)]
    fn create_dir_with_mode(&mut self, path: &str, mode: u32) -> PyResult<()> {
        unix::create_dir_with_mode(path, mode)
    }

    fn set_current_dir(&mut self, path: &str) -> PyResult<()> {
        std::env::set_current_dir(path).map_err(|err| os_error(&err, Some(path)))
    }

    fn set_env_var(&mut self, key: &str, value: &str) -> PyResult<()> {
        // SAFETY: the VM runs on one thread and the `krait` command starts
        // no other that reads the environment (Rust's own reads take the
        // same lock as this write).
        unsafe { std::env::set_var(key, value) };
        Ok(())
    }

    fn remove_env_var(&mut self, key: &str) -> PyResult<()> {
        // SAFETY: as in `set_env_var`.
        unsafe { std::env::remove_var(key) };
        Ok(())
    }

    #[cfg(unix)]
    fn open_fd(&mut self, path: &str, flags: i32, mode: u32) -> PyResult<i32> {
        unix::open_fd(path, flags, mode)
    }

    #[cfg(unix)]
    fn close_fd(&mut self, fd: i32) -> PyResult<()> {
        unix::close_fd(fd)
    }

    #[cfg(unix)]
    fn read_fd(&mut self, fd: i32, max: usize) -> PyResult<Vec<u8>> {
        unix::read_fd(fd, max)
    }

    #[cfg(unix)]
    fn write_fd(&mut self, fd: i32, data: &[u8]) -> PyResult<usize> {
        unix::write_fd(fd, data)
    }

    #[cfg(unix)]
    fn seek_fd(&mut self, fd: i32, offset: i64, whence: i32) -> PyResult<i64> {
        unix::seek_fd(fd, offset, whence)
    }

    #[cfg(unix)]
    fn sync_fd(&mut self, fd: i32) -> PyResult<()> {
        unix::sync_fd(fd)
    }

    #[cfg(unix)]
    fn truncate_fd(&mut self, fd: i32, size: u64) -> PyResult<()> {
        unix::truncate_fd(fd, size)
    }

    #[cfg(unix)]
    fn duplicate_fd(&mut self, fd: i32) -> PyResult<i32> {
        unix::duplicate_fd(fd)
    }

    #[cfg(unix)]
    fn file_from_fd(
        &mut self,
        fd: i32,
        mode: OpenMode,
        close: bool,
    ) -> PyResult<Box<dyn HostFile>> {
        use std::os::fd::FromRawFd;
        let _ = mode;
        // A descriptor that is not open is EBADF here, before a `File`
        // is made of it; a folder is refused as `open()` refuses one.
        let status = unix::fd_status(fd)?;
        if status.mode & 0o170_000 == 0o040_000 {
            return Err(PyErr::os_error(21, "Is a directory", None));
        }
        // SAFETY: `fd` is an open descriptor (fstat said so); the file
        // closes it only when `close`, as `closefd` asks.
        let file = unsafe { std::fs::File::from_raw_fd(fd) };
        let mut file = StdFile::new(file, None);
        file.close = close;
        Ok(Box::new(file))
    }

    #[cfg(unix)]
    fn is_terminal(&mut self, fd: i32) -> PyResult<bool> {
        Ok(unix::is_terminal(fd))
    }

    #[cfg(unix)]
    fn terminal_size(&mut self, fd: i32) -> PyResult<(u32, u32)> {
        unix::terminal_size(fd)
    }

    #[cfg(unix)]
    fn process_id(&mut self, which: ProcessId) -> PyResult<i64> {
        Ok(unix::process_id(which))
    }

    #[cfg(unix)]
    fn login_name(&mut self) -> PyResult<String> {
        unix::login_name()
    }

    #[cfg(unix)]
    fn system_name(&mut self) -> PyResult<SystemName> {
        unix::system_name()
    }

    #[cfg(unix)]
    fn set_umask(&mut self, mask: u32) -> PyResult<u32> {
        Ok(unix::set_umask(mask))
    }

    #[cfg(unix)]
    fn process_times(&mut self) -> PyResult<ProcessTimes> {
        unix::process_times()
    }

    fn cpu_count(&mut self) -> Option<usize> {
        std::thread::available_parallelism().ok().map(usize::from)
    }

    #[cfg(unix)]
    fn spawn_child(&mut self, spec: &ChildSpec) -> PyResult<SpawnedChild> {
        unix::spawn_child(spec)
    }

    #[cfg(unix)]
    fn wait_child(&mut self, pid: i64, block: bool) -> PyResult<Option<(i64, i32)>> {
        unix::wait_child(pid, block)
    }

    #[cfg(unix)]
    fn signal_process(&mut self, pid: i64, signal: i32) -> PyResult<()> {
        unix::signal_process(pid, signal)
    }

    #[cfg(unix)]
    fn create_pipe(&mut self) -> PyResult<(i32, i32)> {
        unix::create_pipe()
    }

    #[cfg(unix)]
    fn wait_ready(
        &mut self,
        read: &[i32],
        write: &[i32],
        timeout: Option<Duration>,
    ) -> PyResult<(Vec<i32>, Vec<i32>)> {
        unix::wait_ready(read, write, timeout)
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
