//! The process's own system calls behind [`StdHost`](super::StdHost)'s
//! `os` methods (POSIX, through libc): what `os.stat`, `os.open`,
//! `os.chmod`... do in CPython, with its errors (`OSError` subclasses
//! carrying errno, strerror and the file names).
//!
//! Calls that a signal can interrupt are made again on `EINTR`, as
//! CPython does (PEP 475); `close` is not (Linux frees the descriptor
//! even then).

use std::ffi::{CStr, CString};
use std::io;

use super::{
    ChildSpec, ChildStream, FileStatus, ProcessId, ProcessTimes, SpawnedChild, SystemName,
    os_error, os_error2,
};
use crate::PyResult;
use crate::builtins::exception::PyErr;

/// `path` for C; `posix` has refused embedded NULs already, so this is
/// for hosts called another way.
fn c_path(path: &str) -> PyResult<CString> {
    CString::new(path).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// Makes `call` (a C call answering -1 on failure) again while it fails
/// with `EINTR`.
fn retrying(mut call: impl FnMut() -> i64) -> io::Result<i64> {
    loop {
        let answer = call();
        if answer != -1 {
            return Ok(answer);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINTR) {
            return Err(err);
        }
    }
}

/// A failed call on `path` as its Python exception.
fn failed_on(path: &str) -> impl FnOnce(io::Error) -> PyErr + '_ {
    move |err| os_error(&err, Some(path))
}

/// A failed call on a descriptor (CPython names no file then).
fn failed(err: io::Error) -> PyErr {
    os_error(&err, None)
}

// The widths of `struct stat`'s fields differ between platforms: the
// casts are needed on some and plain on others.
#[allow(clippy::unnecessary_cast)]
fn status_of(st: &libc::stat) -> FileStatus {
    let nanos = |seconds: i64, nanos: i64| seconds.saturating_mul(1_000_000_000) + nanos;
    FileStatus {
        mode: st.st_mode as u32,
        ino: st.st_ino as u64,
        dev: st.st_dev as u64,
        nlink: st.st_nlink as u64,
        uid: st.st_uid as u32,
        gid: st.st_gid as u32,
        size: st.st_size as i64,
        atime_ns: nanos(st.st_atime as i64, st.st_atime_nsec as i64),
        mtime_ns: nanos(st.st_mtime as i64, st.st_mtime_nsec as i64),
        ctime_ns: nanos(st.st_ctime as i64, st.st_ctime_nsec as i64),
        blksize: st.st_blksize as i64,
        blocks: st.st_blocks as i64,
        rdev: st.st_rdev as u64,
    }
}

pub(super) fn file_status(path: &str, follow_symlinks: bool) -> PyResult<FileStatus> {
    let c = c_path(path)?;
    // SAFETY: `stat` and `lstat` write the plain-data struct they are
    // given (all-zero is a valid value) and read the NUL-ended path.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    retrying(|| unsafe {
        i64::from(if follow_symlinks {
            libc::stat(c.as_ptr(), &mut st)
        } else {
            libc::lstat(c.as_ptr(), &mut st)
        })
    })
    .map_err(failed_on(path))?;
    Ok(status_of(&st))
}

pub(super) fn fd_status(fd: i32) -> PyResult<FileStatus> {
    // SAFETY: as in `file_status`; a bad descriptor is an error (EBADF).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    retrying(|| unsafe { i64::from(libc::fstat(fd, &mut st)) }).map_err(failed)?;
    Ok(status_of(&st))
}

pub(super) fn set_mode(path: &str, mode: u32, follow_symlinks: bool) -> PyResult<()> {
    let c = c_path(path)?;
    let flags = if follow_symlinks {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    // SAFETY: reads the NUL-ended path only.
    retrying(|| unsafe {
        i64::from(libc::fchmodat(
            libc::AT_FDCWD,
            c.as_ptr(),
            mode as libc::mode_t,
            flags,
        ))
    })
    .map_err(failed_on(path))?;
    Ok(())
}

pub(super) fn set_times(
    path: &str,
    times: Option<(i64, i64)>,
    follow_symlinks: bool,
) -> PyResult<()> {
    let c = c_path(path)?;
    let spec = |ns: i64| libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as _,
    };
    let specs = times.map(|(atime, mtime)| [spec(atime), spec(mtime)]);
    let flags = if follow_symlinks {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    // SAFETY: reads the path and, when given, the two timespecs (null
    // means "now" for both).
    retrying(|| unsafe {
        let specs_ptr = specs
            .as_ref()
            .map_or(std::ptr::null(), |specs| specs.as_ptr());
        i64::from(libc::utimensat(
            libc::AT_FDCWD,
            c.as_ptr(),
            specs_ptr,
            flags,
        ))
    })
    // CPython's `os.utime` names no file in its errors.
    .map_err(failed)?;
    Ok(())
}

pub(super) fn create_symlink(target: &str, link: &str) -> PyResult<()> {
    std::os::unix::fs::symlink(target, link).map_err(|err| os_error2(&err, target, link))
}

pub(super) fn read_link(path: &str) -> PyResult<String> {
    std::fs::read_link(path)
        .map(|target| target.to_string_lossy().into_owned())
        .map_err(failed_on(path))
}

pub(super) fn create_hard_link(target: &str, link: &str) -> PyResult<()> {
    std::fs::hard_link(target, link).map_err(|err| os_error2(&err, target, link))
}

pub(super) fn truncate_file(path: &str, size: u64) -> PyResult<()> {
    let c = c_path(path)?;
    let size = libc::off_t::try_from(size).map_err(|_| PyErr::overflow_error("size too large"))?;
    // SAFETY: reads the NUL-ended path only.
    retrying(|| unsafe { i64::from(libc::truncate(c.as_ptr(), size)) }).map_err(failed_on(path))?;
    Ok(())
}

pub(super) fn create_dir_with_mode(path: &str, mode: u32) -> PyResult<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(path)
        .map_err(failed_on(path))
}

pub(super) fn open_fd(path: &str, flags: i32, mode: u32) -> PyResult<i32> {
    let c = c_path(path)?;
    // Descriptors `os.open` makes are not inherited by child processes
    // (PEP 446).
    let flags = flags | libc::O_CLOEXEC;
    // SAFETY: reads the NUL-ended path; the mode is passed as C's
    // variadic `unsigned int`.
    let fd = retrying(|| unsafe { i64::from(libc::open(c.as_ptr(), flags, mode as libc::c_uint)) })
        .map_err(failed_on(path))?;
    Ok(fd as i32)
}

pub(super) fn close_fd(fd: i32) -> PyResult<()> {
    // SAFETY: closing a number that is no descriptor is EBADF, not UB;
    // which descriptors a script may close is the host's choice.
    if unsafe { libc::close(fd) } == -1 {
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINTR) {
            return Err(failed(err));
        }
    }
    Ok(())
}

pub(super) fn read_fd(fd: i32, max: usize) -> PyResult<Vec<u8>> {
    let mut buf = crate::memory::vec_with_capacity::<u8>(max)?;
    buf.resize(max, 0);
    // SAFETY: `buf` is writable for `max` bytes.
    let n = retrying(|| unsafe { libc::read(fd, buf.as_mut_ptr().cast(), max) as i64 })
        .map_err(failed)?;
    buf.truncate(n as usize);
    Ok(buf)
}

pub(super) fn write_fd(fd: i32, data: &[u8]) -> PyResult<usize> {
    // SAFETY: `data` is readable for its length.
    let n = retrying(|| unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) as i64 })
        .map_err(failed)?;
    Ok(n as usize)
}

pub(super) fn seek_fd(fd: i32, offset: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: no memory is passed.
    retrying(|| unsafe { libc::lseek(fd, offset as libc::off_t, whence) as i64 }).map_err(failed)
}

pub(super) fn sync_fd(fd: i32) -> PyResult<()> {
    // SAFETY: no memory is passed.
    retrying(|| unsafe { i64::from(libc::fsync(fd)) }).map_err(failed)?;
    Ok(())
}

pub(super) fn truncate_fd(fd: i32, size: u64) -> PyResult<()> {
    let size = libc::off_t::try_from(size).map_err(|_| PyErr::overflow_error("size too large"))?;
    // SAFETY: no memory is passed.
    retrying(|| unsafe { i64::from(libc::ftruncate(fd, size)) }).map_err(failed)?;
    Ok(())
}

pub(super) fn duplicate_fd(fd: i32) -> PyResult<i32> {
    // SAFETY: no memory is passed; the copy is not inherited (PEP 446).
    let copy = retrying(|| unsafe { i64::from(libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0)) })
        .map_err(failed)?;
    Ok(copy as i32)
}

pub(super) fn is_terminal(fd: i32) -> bool {
    // SAFETY: no memory is passed.
    unsafe { libc::isatty(fd) == 1 }
}

pub(super) fn terminal_size(fd: i32) -> PyResult<(u32, u32)> {
    // SAFETY: TIOCGWINSZ writes the plain-data `winsize` it is given.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    retrying(|| unsafe { i64::from(libc::ioctl(fd, libc::TIOCGWINSZ, &mut size)) })
        .map_err(failed)?;
    Ok((u32::from(size.ws_col), u32::from(size.ws_row)))
}

pub(super) fn process_id(which: ProcessId) -> i64 {
    // SAFETY: these calls take nothing and cannot fail.
    unsafe {
        match which {
            ProcessId::Parent => i64::from(libc::getppid()),
            ProcessId::User => i64::from(libc::getuid()),
            ProcessId::EffectiveUser => i64::from(libc::geteuid()),
            ProcessId::Group => i64::from(libc::getgid()),
            ProcessId::EffectiveGroup => i64::from(libc::getegid()),
        }
    }
}

pub(super) fn login_name() -> PyResult<String> {
    // SAFETY: `getlogin` answers null (errno set) or a NUL-ended name in
    // a static buffer, copied at once (as CPython's `os.getlogin`).
    unsafe {
        let name = libc::getlogin();
        if name.is_null() {
            let err = io::Error::last_os_error();
            if err.raw_os_error().is_none_or(|code| code == 0) {
                return Err(PyErr::new(
                    crate::typeobject::ExcType::OSError,
                    "unable to determine login name",
                ));
            }
            return Err(failed(err));
        }
        Ok(CStr::from_ptr(name).to_string_lossy().into_owned())
    }
}

pub(super) fn system_name() -> PyResult<SystemName> {
    // SAFETY: `uname` writes the plain-data struct it is given, each
    // field a NUL-ended string.
    let mut names: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut names) } == -1 {
        return Err(failed(io::Error::last_os_error()));
    }
    let text = |field: &[libc::c_char]| {
        // SAFETY: `uname` ended each field with a NUL.
        unsafe { CStr::from_ptr(field.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    Ok(SystemName {
        sysname: text(&names.sysname),
        nodename: text(&names.nodename),
        release: text(&names.release),
        version: text(&names.version),
        machine: text(&names.machine),
    })
}

pub(super) fn set_umask(mask: u32) -> u32 {
    // SAFETY: no memory is passed; `umask` cannot fail.
    #[allow(clippy::unnecessary_cast)]
    unsafe {
        libc::umask(mask as libc::mode_t) as u32
    }
}

pub(super) fn process_times() -> PyResult<ProcessTimes> {
    // SAFETY: `times` writes the plain-data struct it is given;
    // `sysconf` takes no memory.
    let mut tms: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut tms) };
    if elapsed as i64 == -1 {
        return Err(failed(io::Error::last_os_error()));
    }
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let seconds = |t: libc::clock_t| t as f64 / ticks;
    Ok(ProcessTimes {
        user: seconds(tms.tms_utime),
        system: seconds(tms.tms_stime),
        children_user: seconds(tms.tms_cutime),
        children_system: seconds(tms.tms_cstime),
        elapsed: seconds(elapsed),
    })
}

// ----- processes -------------------------------------------------------

use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd};

/// Marks `fd` not inherited by children (PEP 446).
fn close_on_exec(fd: i32) -> PyResult<()> {
    // SAFETY: no memory is passed.
    retrying(|| unsafe { i64::from(libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC)) })
        .map_err(failed)?;
    Ok(())
}

pub(super) fn create_pipe() -> PyResult<(i32, i32)> {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors. (`pipe2` would
    // set close-on-exec at once, but macOS has no `pipe2`; the VM runs
    // one thread of Python code, so no child starts in between.)
    retrying(|| unsafe { i64::from(libc::pipe(fds.as_mut_ptr())) }).map_err(failed)?;
    for fd in fds {
        if let Err(err) = close_on_exec(fd) {
            // SAFETY: both are ours, just made.
            unsafe {
                libc::close(fds[0]);
                libc::close(fds[1]);
            }
            return Err(err);
        }
    }
    Ok((fds[0], fds[1]))
}

/// A pipe's two ends, owned: reading, writing.
fn owned_pipe() -> PyResult<(OwnedFd, OwnedFd)> {
    let (read, write) = create_pipe()?;
    // SAFETY: both descriptors were just made and are owned by no one else.
    Ok(unsafe { (OwnedFd::from_raw_fd(read), OwnedFd::from_raw_fd(write)) })
}

/// An owned copy of `fd` (a child gets the copy; the caller keeps `fd`).
fn owned_copy(fd: i32) -> PyResult<OwnedFd> {
    let copy = duplicate_fd(fd)?;
    // SAFETY: the copy was just made and is owned by no one else.
    Ok(unsafe { OwnedFd::from_raw_fd(copy) })
}

/// What one of a child's standard streams is connected to.
enum ChildEnd {
    Inherit,
    Null,
    Fd(OwnedFd),
}

impl ChildEnd {
    fn stdio(self) -> std::process::Stdio {
        match self {
            ChildEnd::Inherit => std::process::Stdio::inherit(),
            ChildEnd::Null => std::process::Stdio::null(),
            ChildEnd::Fd(fd) => std::process::Stdio::from(fd),
        }
    }

    /// Another end to the same place (stderr sent where stdout goes);
    /// `own` is the parent's descriptor of this stream, for `Inherit`.
    fn again(&self, own: i32) -> PyResult<ChildEnd> {
        Ok(match self {
            ChildEnd::Inherit => ChildEnd::Fd(owned_copy(own)?),
            ChildEnd::Null => ChildEnd::Null,
            ChildEnd::Fd(fd) => ChildEnd::Fd(fd.try_clone().map_err(failed)?),
        })
    }
}

/// The child's end of `stream`; a pipe's other end goes to `parent`.
/// `child_reads`: the child reads this stream (stdin).
fn child_end(
    stream: ChildStream,
    child_reads: bool,
    parent: &mut Option<OwnedFd>,
) -> PyResult<ChildEnd> {
    Ok(match stream {
        ChildStream::Inherit => ChildEnd::Inherit,
        ChildStream::Null => ChildEnd::Null,
        ChildStream::Fd(fd) => ChildEnd::Fd(owned_copy(fd)?),
        ChildStream::Pipe => {
            let (read, write) = owned_pipe()?;
            let (mine, theirs) = if child_reads {
                (write, read)
            } else {
                (read, write)
            };
            *parent = Some(mine);
            ChildEnd::Fd(theirs)
        }
        ChildStream::Stdout => {
            return Err(PyErr::value_error("only stderr can go to stdout"));
        }
    })
}

pub(super) fn spawn_child(spec: &ChildSpec) -> PyResult<SpawnedChild> {
    use std::os::unix::process::CommandExt;
    // A missing folder is named as CPython names it; Rust's error would
    // not say whether the folder or the program was missing.
    if let Some(cwd) = &spec.cwd {
        let meta = std::fs::metadata(cwd).map_err(failed_on(cwd))?;
        if !meta.is_dir() {
            return Err(PyErr::os_error(libc::ENOTDIR, "Not a directory", Some(cwd)));
        }
    }
    let mut command = std::process::Command::new(&spec.program);
    if let Some((first, rest)) = spec.argv.split_first() {
        command.arg0(first).args(rest);
    }
    if let Some(cwd) = &spec.cwd {
        command.current_dir(cwd);
    }
    if let Some(env) = &spec.env {
        command.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
    }
    // The parent's ends: dropped (closed) if the start fails.
    let mut ends: [Option<OwnedFd>; 3] = [None, None, None];
    let stdin = child_end(spec.stdin, true, &mut ends[0])?;
    let stdout = child_end(spec.stdout, false, &mut ends[1])?;
    let stderr = match spec.stderr {
        ChildStream::Stdout => stdout.again(1)?,
        stream => child_end(stream, false, &mut ends[2])?,
    };
    command
        .stdin(stdin.stdio())
        .stdout(stdout.stdio())
        .stderr(stderr.stdio());
    if spec.close_fds || !spec.pass_fds.is_empty() {
        let (close, keep) = (spec.close_fds, spec.pass_fds.clone());
        // SAFETY: the closure only makes async-signal-safe calls, as
        // `pre_exec` requires (`keep` was allocated before the fork).
        unsafe {
            command.pre_exec(move || {
                if close {
                    mark_other_fds()?;
                }
                keep_open(&keep)
            });
        }
    }
    let child = command.spawn().map_err(failed_on(&spec.program))?;
    // The child's ends close with `command`; it is reaped by `wait_child`
    // (a `Child` dropped neither waits nor kills).
    drop(command);
    let [stdin, stdout, stderr] = ends.map(|end| end.map(IntoRawFd::into_raw_fd));
    Ok(SpawnedChild {
        pid: i64::from(child.id()),
        stdin,
        stdout,
        stderr,
    })
}

pub(super) fn wait_child(pid: i64, block: bool) -> PyResult<Option<(i64, i32)>> {
    let pid = libc::pid_t::try_from(pid).map_err(|_| PyErr::overflow_error("pid out of range"))?;
    let options = if block { 0 } else { libc::WNOHANG };
    let mut status = 0;
    // SAFETY: `status` is writable.
    let ended = retrying(|| unsafe { i64::from(libc::waitpid(pid, &mut status, options)) })
        .map_err(failed)?;
    Ok((ended != 0).then_some((ended, status)))
}

/// In the child, between fork and exec: marks every descriptor above 2
/// close-on-exec (`close_fds`). Marked, not closed: the standard
/// library's own pipe that reports a failed exec must stay open until the
/// exec. Only async-signal-safe calls (no allocation).
fn mark_other_fds() -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        const CLOSE_RANGE_CLOEXEC: libc::c_uint = 1 << 2;
        // SAFETY: no memory is passed.
        let first: libc::c_uint = 3;
        let marked = unsafe {
            libc::syscall(
                libc::SYS_close_range,
                first,
                libc::c_uint::MAX,
                CLOSE_RANGE_CLOEXEC,
            )
        } == 0;
        if marked {
            return Ok(());
        }
    }
    // Without `close_range`: each possible descriptor.
    // SAFETY: no memory is passed.
    let max = match unsafe { libc::sysconf(libc::_SC_OPEN_MAX) } {
        n if n > 3 => n.min(65536) as i32,
        _ => 1024,
    };
    for fd in 3..max {
        // SAFETY: as above; EBADF for numbers that are no descriptor.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags != -1 && flags & libc::FD_CLOEXEC == 0 {
                libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC);
            }
        }
    }
    Ok(())
}

/// In the child: clears close-on-exec on `keep` (`pass_fds`).
fn keep_open(keep: &[i32]) -> io::Result<()> {
    for &fd in keep {
        // SAFETY: no memory is passed; a number that is no descriptor
        // fails with EBADF.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        if flags == -1 || unsafe { libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) } == -1
        {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

pub(super) fn signal_process(pid: i64, signal: i32) -> PyResult<()> {
    let pid = libc::pid_t::try_from(pid).map_err(|_| PyErr::overflow_error("pid out of range"))?;
    // SAFETY: no memory is passed.
    if unsafe { libc::kill(pid, signal) } == -1 {
        return Err(failed(io::Error::last_os_error()));
    }
    Ok(())
}

pub(super) fn wait_ready(
    read: &[i32],
    write: &[i32],
    timeout: Option<std::time::Duration>,
) -> PyResult<(Vec<i32>, Vec<i32>)> {
    let mut polled: Vec<libc::pollfd> = read
        .iter()
        .map(|&fd| (fd, libc::POLLIN))
        .chain(write.iter().map(|&fd| (fd, libc::POLLOUT)))
        .map(|(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    // Rounded up: a wait of 0.1 ms must not turn into a busy poll.
    let millis = timeout.map_or(-1, |t| {
        i32::try_from(t.as_micros().div_ceil(1000)).unwrap_or(i32::MAX)
    });
    // SAFETY: `polled` holds `polled.len()` entries.
    let answer = unsafe { libc::poll(polled.as_mut_ptr(), polled.len() as libc::nfds_t, millis) };
    if answer == -1 {
        let err = io::Error::last_os_error();
        // A signal cut the wait short: nothing is ready (the caller asks
        // again, after looking for Ctrl-C).
        if err.raw_os_error() == Some(libc::EINTR) {
            return Ok((Vec::new(), Vec::new()));
        }
        return Err(failed(err));
    }
    if polled.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(PyErr::os_error(libc::EBADF, "Bad file descriptor", None));
    }
    let (reads, writes) = polled.split_at(read.len());
    let done = |entries: &[libc::pollfd], wanted: libc::c_short| {
        entries
            .iter()
            .filter(|p| p.revents & (wanted | libc::POLLHUP | libc::POLLERR) != 0)
            .map(|p| p.fd)
            .collect()
    };
    Ok((done(reads, libc::POLLIN), done(writes, libc::POLLOUT)))
}
