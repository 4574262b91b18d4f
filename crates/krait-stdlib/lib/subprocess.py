"""Child processes (CPython's `subprocess`, the POSIX part).

A child is started by `posix._spawn_child` (fork and exec in the VM's
host, the pipes made there too); waiting uses `posix.waitpid`, and
`communicate` feeds and drains the pipes with `select.select` so that a
child blocked on a full pipe never deadlocks the parent.

Not provided: `preexec_fn`, `user`, `group`, `extra_groups`, `umask`,
`process_group` and `start_new_session` (the spawn primitive cannot do
them); asking for them raises `NotImplementedError`.
"""

import io
import os
import select
import signal
import sys
import time
import types

import posix

__all__ = [
    "Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
    "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
    "SubprocessError", "TimeoutExpired", "CompletedProcess",
]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# Bytes written per turn of the `communicate` loop: a pipe select calls
# writable takes that much without blocking.
_PIPE_BUF = 512

_time = time.monotonic


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """A child checked by `check_call`, `check_output` or `run(check=True)`
    ended with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                sig = signal.Signals(-self.returncode)
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
            return "Command '%s' died with %r." % (self.cmd, sig)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    # `stdout` is another name of `output`.
    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """The timeout passed before the child ended; `output` and `stderr`
    hold what was read so far (bytes, or None)."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What `run` returns: the child's `args`, `returncode` and the
    captured `stdout`/`stderr` (None when not captured)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args=%r" % (self.args,), "returncode=%r" % (self.returncode,)]
        if self.stdout is not None:
            parts.append("stdout=%r" % (self.stdout,))
        if self.stderr is not None:
            parts.append("stderr=%r" % (self.stderr,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args,
                                     self.stdout, self.stderr)


def _returncode(status):
    """A raw wait status as a `returncode`: the exit code, or minus the
    number of the signal that ended (or stopped) the child."""
    low = status & 0x7F
    if low == 0:
        return (status >> 8) & 0xFF
    if low == 0x7F:
        return -((status >> 8) & 0xFF)
    return -low


def _text_encoding():
    # The locale's encoding, as CPython (UTF-8 in UTF-8 mode).
    if sys.flags.utf8_mode:
        return "utf-8"
    import locale
    return locale.getencoding()


def _fs_str(value):
    """An argument, executable or cwd as the str the spawn primitive takes
    (bytes decoded as the file system does)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "surrogateescape")
    if hasattr(type(value), "__fspath__"):
        return _fs_str(os.fspath(value))
    raise TypeError("expected str, bytes or os.PathLike object, not "
                    + type(value).__name__)


def _find_program(name, env):
    """The path of `name` on the PATH of `env` (the child's environment,
    as CPython searches it), or the OSError exec would have given."""
    found_denied = False
    # (os.get_exec_path would take an empty env for the parent's.)
    path = env.get("PATH", env.get(b"PATH", os.defpath))
    for folder in _fs_str(path).split(os.pathsep):
        candidate = os.path.join(folder or ".", name)
        if os.path.isfile(candidate):
            if os.access(candidate, os.X_OK):
                return candidate
            found_denied = True
    if found_denied:
        raise PermissionError(13, "Permission denied", name)
    raise FileNotFoundError(2, "No such file or directory", name)


class Popen:
    """A child process running `args`; see CPython's documentation."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None,
                 stdout=None, stderr=None, preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        # Set first: a failing constructor leaves an object whose
        # attributes still answer.
        self.args = args
        self.pid = None
        self.returncode = None
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self._communication_started = False
        self._fileobj2output = {}
        self._input = None
        self._input_offset = 0

        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        if not isinstance(pipesize, int):
            raise TypeError("pipesize must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if pass_fds and not close_fds:
            import warnings
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True
        unsupported = {
            "preexec_fn": preexec_fn is not None, "user": user is not None,
            "group": group is not None, "extra_groups": extra_groups is not None,
            "umask": umask != -1, "process_group": process_group is not None,
            "start_new_session": bool(start_new_session),
        }
        for option, asked in unsupported.items():
            if asked:
                raise NotImplementedError(
                    "subprocess.Popen: %s is not supported by krait" % option)

        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError(
                "Cannot disambiguate when both text and universal_newlines"
                " are supplied but different. Pass one or the other.")
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            encoding = _text_encoding()
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize

        line_buffering = bufsize == 1 and bool(self.text_mode)
        if line_buffering:
            # The binary streams under the text ones buffer by size (in
            # binary mode, `open` itself warns about buffering=1).
            bufsize = -1

        argv, program = self._command_line(args, executable, shell)
        spawn_env = None
        if env is not None:
            spawn_env = []
            for key, value in env.items():
                key = _fs_str(key)
                if "=" in key:
                    raise ValueError("illegal environment variable name")
                spawn_env.append((key, _fs_str(value)))
            if "/" not in program:
                program = _find_program(program, env)

        self.pid, to_stdin, from_stdout, from_stderr = posix._spawn_child(
            program, argv, None if cwd is None else _fs_str(cwd), spawn_env,
            self._child_stream(stdin, "stdin"),
            self._child_stream(stdout, "stdout"),
            self._child_stream(stderr, "stderr"),
            bool(close_fds), sorted({int(fd) for fd in pass_fds}))

        # Our ends of the pipes as file objects (closed again if that
        # fails: the child then sees its pipes end).
        fds = [to_stdin, from_stdout, from_stderr]
        try:
            if to_stdin is not None:
                self.stdin = io.open(to_stdin, "wb", bufsize)
                fds[0] = None
                if self.text_mode:
                    self.stdin = io.TextIOWrapper(
                        self.stdin, write_through=True,
                        line_buffering=line_buffering,
                        encoding=encoding, errors=errors)
            if from_stdout is not None:
                self.stdout = io.open(from_stdout, "rb", bufsize)
                fds[1] = None
                if self.text_mode:
                    self.stdout = io.TextIOWrapper(
                        self.stdout, encoding=encoding, errors=errors)
            if from_stderr is not None:
                self.stderr = io.open(from_stderr, "rb", bufsize)
                fds[2] = None
                if self.text_mode:
                    self.stderr = io.TextIOWrapper(
                        self.stderr, encoding=encoding, errors=errors)
        except BaseException:
            for stream in (self.stdin, self.stdout, self.stderr):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass
            for fd in fds:
                if fd is not None:
                    os.close(fd)
            raise

    @staticmethod
    def _command_line(args, executable, shell):
        """The child's argv and the program to execute."""
        if isinstance(args, (str, bytes)):
            args = [args]
        elif hasattr(type(args), "__fspath__"):
            if shell:
                raise TypeError("path-like args is not allowed when shell is true")
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ["/bin/sh", "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        return [_fs_str(arg) for arg in args], _fs_str(executable)

    @staticmethod
    def _child_stream(spec, which):
        """What `_spawn_child` takes for one of the child's streams."""
        if spec is None or spec == PIPE or spec == DEVNULL:
            return spec
        if spec == STDOUT:
            if which == "stderr":
                return STDOUT
            raise ValueError("STDOUT can only be used for stderr")
        if isinstance(spec, int):
            if spec < 0:
                raise ValueError("bad file descriptor %d for %s" % (spec, which))
            return spec
        return spec.fileno()

    def __repr__(self):
        text = "<%s: returncode: %s args: %r>" % (
            type(self).__name__, self.returncode, self.args)
        if len(text) > 80:
            text = text[:76] + "...>"
        return text

    __class_getitem__ = classmethod(types.GenericAlias)

    @property
    def universal_newlines(self):
        # An old name of `text_mode`.
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            # An interrupted parent does not wait for a child that may
            # never end (CPython waits a moment, then gives up too).
            if exc_type is KeyboardInterrupt:
                if self.returncode is None:
                    try:
                        self._wait(0.25)
                    except TimeoutExpired:
                        pass
            else:
                self.wait()

    # Waiting.

    def _handle_status(self, status):
        self.returncode = _returncode(status)

    def _try_wait(self, options):
        try:
            return posix.waitpid(self.pid, options)
        except ChildProcessError:
            # Reaped elsewhere (a SIGCHLD set to SIG_IGN, os.wait): its
            # status is lost.
            return self.pid, 0

    def poll(self):
        """The returncode if the child has ended, else None."""
        if self.returncode is None:
            pid, status = self._try_wait(posix.WNOHANG)
            if pid == self.pid:
                self._handle_status(status)
        return self.returncode

    def wait(self, timeout=None):
        """Waits for the child to end (at most `timeout` seconds, then
        TimeoutExpired) and returns its returncode."""
        return self._wait(timeout)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            while self.returncode is None:
                pid, status = self._try_wait(0)
                if pid == self.pid:
                    self._handle_status(status)
            return self.returncode
        # No wait with a timeout in waitpid: poll, sleeping a little longer
        # each time (to 50 ms) so a quick child is seen quickly.
        endtime = _time() + timeout
        delay = 0.0005
        while True:
            pid, status = self._try_wait(posix.WNOHANG)
            if pid == self.pid:
                self._handle_status(status)
                return self.returncode
            remaining = endtime - _time()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)

    # Signals.

    def send_signal(self, sig):
        """Sends `sig` to the child, unless it has already been waited
        for (its pid may then belong to another process)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            posix.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # Talking to the child.

    def _stdin_write(self, data):
        if data:
            try:
                self.stdin.write(data)
            except BrokenPipeError:
                pass  # the child ended without reading it all
            except OSError as exc:
                if exc.errno != 22:  # EINVAL: the same, on some systems
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != 22:
                raise

    def communicate(self, input=None, timeout=None):
        """Sends `input` to the child's stdin, reads its stdout and stderr
        to their end and waits for it; returns `(stdout, stderr)`."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        if (timeout is None and not self._communication_started
                and [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            # One pipe at most: nothing to interleave.
            stdout = stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return stdout, stderr

        endtime = None if timeout is None else _time() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining_time(endtime))
        return stdout, stderr

    @staticmethod
    def _remaining_time(endtime):
        return None if endtime is None else endtime - _time()

    def _check_timeout(self, endtime, orig_timeout, out_chunks, err_chunks,
                       now=False):
        if endtime is None:
            return
        if now or _time() > endtime:
            raise TimeoutExpired(
                self.args, orig_timeout,
                output=b"".join(out_chunks) if out_chunks else None,
                stderr=b"".join(err_chunks) if err_chunks else None)

    def _communicate(self, input, endtime, orig_timeout):
        # The chunks read live on the object: a call after a timeout goes
        # on where the last one stopped.
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        out_chunks = self._fileobj2output[self.stdout] if self.stdout else None
        err_chunks = self._fileobj2output[self.stderr] if self.stderr else None

        if self.stdin and not self._communication_started and not self.stdin.closed:
            # What the caller wrote itself goes first. (A stdin the caller
            # closed is left alone, where CPython fails flushing it.)
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass

        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = input.encode(self.stdin.encoding, self.stdin.errors)
        if self._input:
            input_view = memoryview(self._input)

        readers = {}  # fd -> file object
        writer = None
        if self.stdin and input and not self.stdin.closed:
            writer = self.stdin
        for stream in (self.stdout, self.stderr):
            if stream and not stream.closed:
                readers[stream.fileno()] = stream

        while readers or writer is not None:
            wait_for = self._remaining_time(endtime)
            if wait_for is not None and wait_for < 0:
                self._check_timeout(endtime, orig_timeout, out_chunks,
                                    err_chunks, now=True)
            wlist = [writer.fileno()] if writer is not None else []
            readable, writable, _ = select.select(list(readers), wlist, [],
                                                  wait_for)
            self._check_timeout(endtime, orig_timeout, out_chunks, err_chunks)

            if writable:
                chunk = input_view[self._input_offset:self._input_offset + _PIPE_BUF]
                try:
                    self._input_offset += os.write(writer.fileno(), chunk)
                except BrokenPipeError:
                    # The child stopped reading: the rest is dropped.
                    writer.close()
                    writer = None
                else:
                    if self._input_offset >= len(self._input):
                        writer.close()
                        writer = None
            for fd in readable:
                data = os.read(fd, 32768)
                if not data:
                    stream = readers.pop(fd)
                    stream.close()
                else:
                    self._fileobj2output[readers[fd]].append(data)

        self.wait(timeout=self._remaining_time(endtime))

        stdout = b"".join(out_chunks) if out_chunks is not None else None
        stderr = b"".join(err_chunks) if err_chunks is not None else None
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout, self.stdout.encoding,
                                                  self.stdout.errors)
            if stderr is not None:
                stderr = self._translate_newlines(stderr, self.stderr.encoding,
                                                  self.stderr.errors)
        return stdout, stderr

    @staticmethod
    def _translate_newlines(data, encoding, errors):
        return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


# The shortcuts.

def call(*popenargs, timeout=None, **kwargs):
    """Runs the command, waits for it and returns its returncode."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            # The `with` waits for the killed child.
            raise


def check_call(*popenargs, **kwargs):
    """`call`, raising CalledProcessError for a non-zero returncode."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs the command and returns its output; CalledProcessError for
    a non-zero returncode."""
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f"{kw} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        # input=None has long meant "an empty stdin", not "the parent's".
        text = (kwargs.get("universal_newlines") or kwargs.get("text")
                or kwargs.get("encoding") or kwargs.get("errors"))
        kwargs["input"] = "" if text else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Runs the command, waits for it and returns a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE

    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # The exception already holds what was read.
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """`(exitcode, output)` of the shell command `cmd`, stderr included,
    without its last newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of the shell command `cmd` (see getstatusoutput)."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """The arguments as one Windows command line (the MS C runtime's
    quoting rules): an argument with a space or tab, or empty, is
    quoted; a double quote is escaped, and so are the backslashes right
    before it or before a closing quote."""
    out = []
    for arg in seq:
        arg = os.fsdecode(arg)
        if out:
            out.append(" ")
        quote = not arg or " " in arg or "\t" in arg
        if quote:
            out.append('"')
        backslashes = 0
        for ch in arg:
            if ch == "\\":
                backslashes += 1
            elif ch == '"':
                out.append("\\" * (2 * backslashes + 1) + '"')
                backslashes = 0
            else:
                out.append("\\" * backslashes + ch)
                backslashes = 0
        out.append("\\" * (2 * backslashes if quote else backslashes))
        if quote:
            out.append('"')
    return "".join(out)
