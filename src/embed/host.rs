//! The host an embedded interpreter runs on: nothing of the machine is
//! reachable unless the embedder granted it ([`Grants`]).
//!
//! Output goes to the writers the embedder gave, else to in-memory
//! buffers the [`Interpreter`](super::Interpreter) hands back. The file
//! system, when granted, is confined to the listed folders: a path is
//! resolved (symbolic links and `..` included) before it is compared with
//! them, so a script cannot step outside through a link.

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;

use krait_bytecode::CodeObject;
use krait_vm::host::{CompileMode, FileStat, FileStatus, HostFile, LocalZone, OpenMode, StdHost};
use krait_vm::typeobject::ExcType;
use krait_vm::{Host, PyErr, PyResult};

/// What an embedded interpreter may touch. [`Grants::default`] is nothing:
/// no files, no environment, no clock, no sleeping, no stdin, no random
/// bytes from the operating system.
#[derive(Clone, Debug, Default)]
pub struct Grants {
    /// Folders the script may use, each read-only or read-write.
    pub folders: Vec<Folder>,
    /// `os.environ` sees the process's environment.
    pub environment: bool,
    /// `time.time()`, `time.monotonic()`, `time.localtime()`...
    pub clock: bool,
    /// `time.sleep()` (a script may still wait by looping).
    pub sleep: bool,
    /// `input()` and `sys.stdin` read the process's standard input.
    pub stdin: bool,
    /// `os.urandom()` and `random.seed()` with no argument.
    pub entropy: bool,
}

impl Grants {
    /// Everything the `krait` command grants a script: the whole file
    /// system, the environment, clocks, sleep, stdin and entropy.
    pub fn all() -> Grants {
        Grants {
            folders: vec![Folder {
                path: PathBuf::from("/"),
                writable: true,
            }],
            environment: true,
            clock: true,
            sleep: true,
            stdin: true,
            entropy: true,
        }
    }
}

/// A folder a script may use, and everything below it.
#[derive(Clone, Debug)]
pub struct Folder {
    pub path: PathBuf,
    /// Whether the script may create, change and remove files there.
    pub writable: bool,
}

/// Where a stream of a script's output goes.
pub(crate) enum Sink {
    Buffer(Rc<RefCell<String>>),
    Writer(Box<dyn Write>),
}

impl Sink {
    fn write(&mut self, text: &str) -> PyResult<()> {
        match self {
            Sink::Buffer(buffer) => {
                buffer.borrow_mut().push_str(text);
                Ok(())
            }
            Sink::Writer(writer) => writer
                .write_all(text.as_bytes())
                .map_err(|err| krait_vm::host::os_error(&err, None)),
        }
    }

    fn flush(&mut self) -> PyResult<()> {
        match self {
            Sink::Buffer(_) => Ok(()),
            Sink::Writer(writer) => writer
                .flush()
                .map_err(|err| krait_vm::host::os_error(&err, None)),
        }
    }
}

/// What stops a run, as the host sees it: a sleep ends early at the
/// deadline or on the interrupt (the VM then stops at its next
/// instruction).
#[derive(Default)]
pub(crate) struct RunLimits {
    pub(crate) deadline: Option<std::time::Instant>,
    pub(crate) interrupt: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl RunLimits {
    fn stopped(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| std::time::Instant::now() >= deadline)
            || self
                .interrupt
                .as_ref()
                .is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// Slices a sleep is cut into, so that the deadline and the interrupt end
/// it promptly.
const SLEEP_SLICE: Duration = Duration::from_millis(5);

pub(crate) struct EmbedHost {
    pub(crate) grants: Grants,
    pub(crate) limits: Rc<RefCell<RunLimits>>,
    /// The granted folders, resolved once (a folder that does not exist
    /// grants nothing).
    roots: Vec<(PathBuf, bool)>,
    pub(crate) stdout: Sink,
    pub(crate) stderr: Sink,
    system: StdHost,
    /// The descriptors the script opened (`os.open`, `os.dup`): the only
    /// ones its descriptor calls reach, so it cannot read or write the
    /// embedder's files or stdio by number.
    descriptors: std::collections::HashSet<i32>,
}

fn denied(what: &str) -> PyErr {
    PyErr::new(
        ExcType::PermissionError,
        format!("the host does not allow {what}"),
    )
}

impl EmbedHost {
    pub(crate) fn new(grants: Grants, stdout: Sink, stderr: Sink) -> EmbedHost {
        let roots = grants
            .folders
            .iter()
            .filter_map(|folder| Some((folder.path.canonicalize().ok()?, folder.writable)))
            .collect();
        EmbedHost {
            grants,
            limits: Rc::default(),
            roots,
            stdout,
            stderr,
            system: StdHost,
            descriptors: std::collections::HashSet::new(),
        }
    }

    /// `path` with its folder resolved but not its last part: where a
    /// symbolic link itself lies (`os.lstat`, `os.readlink`,
    /// `os.symlink`), checked as [`EmbedHost::check`] does.
    fn check_link(&self, path: &str, write: bool) -> PyResult<()> {
        let as_path = Path::new(path);
        let folder = match as_path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let allowed = match (as_path.file_name(), folder.to_str()) {
            (Some(name), Some(folder)) if name != ".." => {
                Self::resolve(folder).is_some_and(|real| {
                    let real = real.join(name);
                    self.roots
                        .iter()
                        .any(|(root, writable)| real.starts_with(root) && (*writable || !write))
                })
            }
            // `x/..` or `/`: the path names a folder, resolved whole.
            _ => return self.check(path, write),
        };
        if allowed {
            Ok(())
        } else {
            Err(PyErr::os_error(13, "Permission denied", Some(path)))
        }
    }

    /// Refuses a descriptor the script did not open, as the system
    /// refuses one that is not open (EBADF).
    fn owned(&self, fd: i32) -> PyResult<()> {
        if self.descriptors.contains(&fd) {
            Ok(())
        } else {
            Err(PyErr::os_error(9, "Bad file descriptor", None))
        }
    }

    /// `path` resolved: the file itself when it exists, else its resolved
    /// folder joined with its name (a file about to be created).
    fn resolve(path: &str) -> Option<PathBuf> {
        let path = Path::new(path);
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().ok()?.join(path)
        };
        if let Ok(real) = absolute.canonicalize() {
            return Some(real);
        }
        let name = absolute.file_name()?;
        if name == ".." {
            return None;
        }
        Some(absolute.parent()?.canonicalize().ok()?.join(name))
    }

    /// Refuses `path` unless it lies in a granted folder (a writable one
    /// when `write`), with CPython's PermissionError.
    fn check(&self, path: &str, write: bool) -> PyResult<()> {
        let allowed = Self::resolve(path).is_some_and(|real| {
            self.roots
                .iter()
                .any(|(root, writable)| real.starts_with(root) && (*writable || !write))
        });
        if allowed {
            Ok(())
        } else {
            Err(PyErr::os_error(13, "Permission denied", Some(path)))
        }
    }
}

impl Host for EmbedHost {
    fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        self.stdout.write(text)
    }

    fn flush_stdout(&mut self) -> PyResult<()> {
        self.stdout.flush()
    }

    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        self.stderr.write(text)
    }

    fn read_line(&mut self) -> PyResult<Option<String>> {
        if !self.grants.stdin {
            return Ok(None);
        }
        self.system.read_line()
    }

    fn stdin_line_ready(&mut self, wait: Duration) -> PyResult<bool> {
        if !self.grants.stdin {
            return Ok(true);
        }
        self.system.stdin_line_ready(wait)
    }

    fn read_stdin(&mut self, max: usize) -> PyResult<Vec<u8>> {
        if !self.grants.stdin {
            return Ok(Vec::new());
        }
        self.system.read_stdin(max)
    }

    fn wall_clock(&mut self) -> PyResult<Duration> {
        if !self.grants.clock {
            return Err(denied("reading the clock"));
        }
        self.system.wall_clock()
    }

    fn monotonic_clock(&mut self) -> PyResult<Duration> {
        if !self.grants.clock {
            return Err(denied("reading the clock"));
        }
        self.system.monotonic_clock()
    }

    fn local_zone(&mut self, timestamp: i64) -> PyResult<LocalZone> {
        if !self.grants.clock {
            return Ok(LocalZone::utc());
        }
        self.system.local_zone(timestamp)
    }

    fn process_clock(&mut self) -> PyResult<Duration> {
        if !self.grants.clock {
            return Err(denied("reading the clock"));
        }
        self.system.process_clock()
    }

    fn sleep(&mut self, duration: Duration) -> PyResult<()> {
        if !self.grants.sleep {
            return Err(denied("sleeping"));
        }
        let end = std::time::Instant::now() + duration;
        loop {
            if self.limits.borrow().stopped() {
                return Err(PyErr::runtime_error("sleep cut short by a limit"));
            }
            let left = end.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            self.system.sleep(left.min(SLEEP_SLICE))?;
        }
    }

    fn entropy(&mut self, buf: &mut [u8]) -> PyResult<()> {
        if !self.grants.entropy {
            return Err(denied("reading random bytes"));
        }
        self.system.entropy(buf)
    }

    fn compile(&mut self, source: &str, filename: &str, mode: CompileMode) -> PyResult<CodeObject> {
        crate::vm::front_end_compile(source, filename, mode).map(|(code, _)| code)
    }

    fn compile_with_warnings(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<(CodeObject, Vec<(String, u32)>)> {
        crate::vm::front_end_compile(source, filename, mode)
    }

    fn parse_to_json(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<String> {
        crate::vm::front_end_parse_to_json(source, filename, mode)
    }

    fn compile_json(
        &mut self,
        tree: &str,
        filename: &str,
    ) -> PyResult<(CodeObject, Vec<(String, u32)>)> {
        crate::vm::front_end_compile_json(tree, filename)
    }

    fn traceback_anchors(&mut self, segment: &str) -> Option<(usize, usize)> {
        crate::traceback_anchors::anchors(segment)
    }

    /// Outside the granted folders nothing exists (imports look there too).
    fn stat(&mut self, path: &str) -> PyResult<Option<FileStat>> {
        if self.check(path, false).is_err() {
            return Ok(None);
        }
        self.system.stat(path)
    }

    fn read_file(&mut self, path: &str) -> PyResult<Vec<u8>> {
        self.check(path, false)?;
        self.system.read_file(path)
    }

    fn write_file(&mut self, path: &str, data: &[u8]) -> PyResult<()> {
        self.check(path, true)?;
        self.system.write_file(path, data)
    }

    fn open_file(&mut self, path: &str, mode: OpenMode) -> PyResult<Box<dyn HostFile>> {
        let writes = mode.write || mode.append || mode.truncate || mode.create || mode.create_new;
        self.check(path, writes)?;
        self.system.open_file(path, mode)
    }

    fn list_dir(&mut self, path: &str) -> PyResult<Vec<String>> {
        self.check(path, false)?;
        self.system.list_dir(path)
    }

    fn create_dir(&mut self, path: &str) -> PyResult<()> {
        self.check(path, true)?;
        self.system.create_dir(path)
    }

    fn remove_file(&mut self, path: &str) -> PyResult<()> {
        self.check(path, true)?;
        self.system.remove_file(path)
    }

    fn remove_dir(&mut self, path: &str) -> PyResult<()> {
        self.check(path, true)?;
        self.system.remove_dir(path)
    }

    fn rename(&mut self, from: &str, to: &str) -> PyResult<()> {
        self.check(from, true)?;
        self.check(to, true)?;
        self.system.rename(from, to)
    }

    fn file_status(&mut self, path: &str, follow_symlinks: bool) -> PyResult<FileStatus> {
        if follow_symlinks {
            self.check(path, false)?;
        } else {
            self.check_link(path, false)?;
        }
        self.system.file_status(path, follow_symlinks)
    }

    fn fd_status(&mut self, fd: i32) -> PyResult<FileStatus> {
        self.owned(fd)?;
        self.system.fd_status(fd)
    }

    fn set_mode(&mut self, path: &str, mode: u32, follow_symlinks: bool) -> PyResult<()> {
        self.check(path, true)?;
        self.system.set_mode(path, mode, follow_symlinks)
    }

    fn set_times(
        &mut self,
        path: &str,
        times: Option<(i64, i64)>,
        follow_symlinks: bool,
    ) -> PyResult<()> {
        self.check(path, true)?;
        self.system.set_times(path, times, follow_symlinks)
    }

    /// The link must lie in a writable folder; its target is only text
    /// (whatever is reached through it is checked when it is used).
    fn create_symlink(&mut self, target: &str, link: &str) -> PyResult<()> {
        self.check_link(link, true)?;
        self.system.create_symlink(target, link)
    }

    fn read_link(&mut self, path: &str) -> PyResult<String> {
        self.check_link(path, false)?;
        self.system.read_link(path)
    }

    /// Both names must be writable: a second name in a writable folder
    /// would otherwise let a script change a file of a read-only one.
    fn create_hard_link(&mut self, target: &str, link: &str) -> PyResult<()> {
        self.check(target, true)?;
        self.check(link, true)?;
        self.system.create_hard_link(target, link)
    }

    fn truncate_file(&mut self, path: &str, size: u64) -> PyResult<()> {
        self.check(path, true)?;
        self.system.truncate_file(path, size)
    }

    fn create_dir_with_mode(&mut self, path: &str, mode: u32) -> PyResult<()> {
        self.check(path, true)?;
        self.system.create_dir_with_mode(path, mode)
    }

    fn open_fd(&mut self, path: &str, flags: i32, mode: u32) -> PyResult<i32> {
        self.check(path, krait_vm::host::open_flags_write(flags))?;
        let fd = self.system.open_fd(path, flags, mode)?;
        self.descriptors.insert(fd);
        Ok(fd)
    }

    fn close_fd(&mut self, fd: i32) -> PyResult<()> {
        self.owned(fd)?;
        self.descriptors.remove(&fd);
        self.system.close_fd(fd)
    }

    fn read_fd(&mut self, fd: i32, max: usize) -> PyResult<Vec<u8>> {
        self.owned(fd)?;
        self.system.read_fd(fd, max)
    }

    fn write_fd(&mut self, fd: i32, data: &[u8]) -> PyResult<usize> {
        self.owned(fd)?;
        self.system.write_fd(fd, data)
    }

    fn seek_fd(&mut self, fd: i32, offset: i64, whence: i32) -> PyResult<i64> {
        self.owned(fd)?;
        self.system.seek_fd(fd, offset, whence)
    }

    fn sync_fd(&mut self, fd: i32) -> PyResult<()> {
        self.owned(fd)?;
        self.system.sync_fd(fd)
    }

    fn truncate_fd(&mut self, fd: i32, size: u64) -> PyResult<()> {
        self.owned(fd)?;
        self.system.truncate_fd(fd, size)
    }

    fn duplicate_fd(&mut self, fd: i32) -> PyResult<i32> {
        self.owned(fd)?;
        let copy = self.system.duplicate_fd(fd)?;
        self.descriptors.insert(copy);
        Ok(copy)
    }

    /// A file that closes its descriptor owns it from now on: the number
    /// is no longer the script's (the system may give it to the embedder
    /// once the file is closed).
    fn file_from_fd(
        &mut self,
        fd: i32,
        mode: OpenMode,
        close: bool,
    ) -> PyResult<Box<dyn HostFile>> {
        self.owned(fd)?;
        let file = self.system.file_from_fd(fd, mode, close)?;
        if close {
            self.descriptors.remove(&fd);
        }
        Ok(file)
    }

    /// The current folder is named only when it is a granted one (or in
    /// one): otherwise `os.getcwd()` would tell a sandboxed script where
    /// the host runs.
    fn current_dir(&mut self) -> PyResult<String> {
        let here = self.system.current_dir()?;
        self.check(&here, false)
            .map_err(|_| denied("knowing the current folder"))?;
        Ok(here)
    }

    fn env_vars(&mut self) -> PyResult<Vec<(String, String)>> {
        if !self.grants.environment {
            return Ok(Vec::new());
        }
        self.system.env_vars()
    }
}

impl Drop for EmbedHost {
    /// The descriptors the script left open are closed with its
    /// interpreter.
    fn drop(&mut self) {
        for fd in std::mem::take(&mut self.descriptors) {
            let _ = self.system.close_fd(fd);
        }
    }
}
