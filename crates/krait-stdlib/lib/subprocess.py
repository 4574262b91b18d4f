"""Child processes, POSIX only.

krait starts a child with `posix._spawn_child` (fork + exec done by the
host, pipes included), reaps it with `posix.waitpid`, and `communicate`
multiplexes the pipes with `select.select` so neither side can block
the other on a full pipe.

Options the spawn primitive cannot honour (`preexec_fn`, `user`,
`group`, `extra_groups`, `umask`, `process_group`, `start_new_session`)
raise NotImplementedError.
"""

import io
import os
import select
import signal
import sys
import time
import types

import posix

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call",
           "getstatusoutput", "getoutput", "check_output", "run",
           "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# How much `communicate` writes per select round: a pipe reported
# writable accepts at least this much without blocking.
_PIPE_BUF = 512
_READ_CHUNK = 32768

_time = time.monotonic


# ---------------------------------------------------------------------
# Exceptions and results


def _get_output(self):
    return self.output


def _set_output(self, value):
    self.output = value


# `stdout` is a second name for `output` on both exceptions below.
_output_alias = property(_get_output, _set_output)


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """A checked child exited with a non-zero status (negative: killed by
    that signal)."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode, self.cmd = returncode, cmd
        self.output, self.stderr = output, stderr

    stdout = _output_alias

    def __str__(self):
        code = self.returncode
        if not code or code > 0:
            return "Command '%s' returned non-zero exit status %d." % (
                self.cmd, code)
        try:
            name = signal.Signals(-code)
        except ValueError:
            return "Command '%s' died with unknown signal %d." % (
                self.cmd, -code)
        return "Command '%s' died with %r." % (self.cmd, name)


class TimeoutExpired(SubprocessError):
    """The timeout ran out while waiting for the child; `output` and
    `stderr` hold whatever had been read (or None)."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd, self.timeout = cmd, timeout
        self.output, self.stderr = output, stderr

    stdout = _output_alias

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (
            self.cmd, self.timeout)


class CompletedProcess:
    """What `run` hands back: args, returncode and the captured streams."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        fields = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
        for label in ("stdout", "stderr"):
            value = getattr(self, label)
            if value is not None:
                fields.append(f"{label}={value!r}")
        return f"{type(self).__name__}({', '.join(fields)})"

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args,
                                     self.stdout, self.stderr)


# ---------------------------------------------------------------------
# Helpers


def _status_to_code(status):
    # Exit code for a normal exit, minus the signal number otherwise
    # (a stopped child reports its stop signal).
    sig = status & 0x7F
    if sig == 0x7F:
        return -((status >> 8) & 0xFF)
    if sig:
        return -sig
    return (status >> 8) & 0xFF


def _default_text_encoding():
    if sys.flags.utf8_mode:
        return "utf-8"
    import locale
    return locale.getencoding()


def _as_str(value):
    # Paths and arguments reach the spawn primitive as str; bytes are
    # decoded the way the file system would.
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "surrogateescape")
    if hasattr(type(value), "__fspath__"):
        return _as_str(os.fspath(value))
    raise TypeError("expected str, bytes or os.PathLike object, not "
                    + type(value).__name__)


def _which(name, env):
    # Search the PATH the child will see, as CPython does when an
    # explicit environment is given.
    search = env.get("PATH", env.get(b"PATH", os.defpath))
    denied = False
    for entry in _as_str(search).split(os.pathsep):
        full = os.path.join(entry or ".", name)
        if not os.path.isfile(full):
            continue
        if os.access(full, os.X_OK):
            return full
        denied = True
    if denied:
        raise PermissionError(13, "Permission denied", name)
    raise FileNotFoundError(2, "No such file or directory", name)


def _build_argv(args, executable, shell):
    if isinstance(args, (str, bytes)):
        argv = [args]
    elif hasattr(type(args), "__fspath__"):
        if shell:
            raise TypeError("path-like args is not allowed when shell is true")
        argv = [args]
    else:
        argv = list(args)
    if shell:
        argv[:0] = [executable or "/bin/sh", "-c"]
    program = argv[0] if executable is None else executable
    return [_as_str(a) for a in argv], _as_str(program)


def _stream_code(spec, which):
    # None, PIPE, DEVNULL, STDOUT (stderr only), a descriptor, or an
    # object with fileno().
    if spec is None or spec in (PIPE, DEVNULL):
        return spec
    if spec == STDOUT and which == "stderr":
        return spec
    if not isinstance(spec, int):
        return spec.fileno()
    if spec < 0:
        # CPython hands the number to the child, whose dup2 fails.
        raise OSError(9, "Bad file descriptor")
    return spec


_UNSUPPORTED = ("preexec_fn", "user", "group", "extra_groups", "umask",
                "process_group", "start_new_session")


def _quiet_close(stream):
    # Closing our end of a pipe the child already left.
    try:
        stream.close()
    except BrokenPipeError:
        pass
    except OSError as exc:
        if exc.errno != 22:     # EINVAL, as some systems say it
            raise


# ---------------------------------------------------------------------
# Popen


# CPython keeps Popen objects whose process outlived them here, and
# `_cleanup()` reaps those that finished (test.support calls it). krait's
# Popen waits for its process when it is collected: nothing is left over.
_active = []


def _cleanup():
    """Reap children that finished (none are kept: see `_active`)."""
    _active.clear()


class Popen:
    """A child process; see CPython's documentation of the arguments."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None,
                 stdout=None, stderr=None, preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        # Everything a half-built object may be asked about comes first.
        self.args = args
        self.pid = self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self._communication_started = False
        self._fileobj2output = {}
        self._input = None
        self._input_offset = 0

        bufsize = -1 if bufsize is None else bufsize
        pipesize = -1 if pipesize is None else pipesize
        for label, number in (("bufsize", bufsize), ("pipesize", pipesize)):
            if not isinstance(number, int):
                raise TypeError(label + " must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags:
            raise ValueError("creationflags is only supported on Windows platforms")
        if pass_fds and not close_fds:
            import warnings
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True
        given = (preexec_fn is not None, user is not None, group is not None,
                 extra_groups is not None, umask != -1,
                 process_group is not None, bool(start_new_session))
        for label, asked in zip(_UNSUPPORTED, given):
            if asked:
                raise NotImplementedError(
                    "subprocess.Popen: %s is not supported by krait" % label)

        if (text is not None and universal_newlines is not None
                and bool(text) != bool(universal_newlines)):
            raise SubprocessError(
                "Cannot disambiguate when both text and universal_newlines"
                " are supplied but different. Pass one or the other.")
        textual = encoding or errors or text or universal_newlines
        self.text_mode = textual
        if textual and encoding is None:
            encoding = _default_text_encoding()
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize

        line_buffered = False
        if bufsize == 1 and textual:
            # Line buffering lives in the text layer; the byte stream
            # underneath buffers normally.
            line_buffered = True
            bufsize = -1

        argv, program = _build_argv(args, executable, shell)
        child_env = None
        if env is not None:
            child_env = []
            for key, value in env.items():
                key = _as_str(key)
                if "=" in key:
                    raise ValueError("illegal environment variable name")
                child_env.append((key, _as_str(value)))
            if "/" not in program:
                program = _which(program, env)

        spawned = posix._spawn_child(
            program, argv, None if cwd is None else _as_str(cwd), child_env,
            _stream_code(stdin, "stdin"), _stream_code(stdout, "stdout"),
            _stream_code(stderr, "stderr"), bool(close_fds),
            sorted({int(fd) for fd in pass_fds}))
        self.pid = spawned[0]
        self._wrap_pipes(spawned[1:], bufsize, textual, line_buffered,
                         encoding, errors)

    def _wrap_pipes(self, fds, bufsize, textual, line_buffered, encoding,
                    errors):
        # Our ends of the pipes as file objects; on failure everything
        # opened so far is closed so the child sees end of file.
        pending = list(fds)
        made = []
        try:
            for slot, (name, mode) in enumerate((("stdin", "wb"),
                                                 ("stdout", "rb"),
                                                 ("stderr", "rb"))):
                fd = pending[slot]
                if fd is None:
                    continue
                stream = io.open(fd, mode, bufsize)
                pending[slot] = None
                made.append(stream)
                if textual:
                    if name == "stdin":
                        stream = io.TextIOWrapper(
                            stream, encoding=encoding, errors=errors,
                            write_through=True,
                            line_buffering=line_buffered)
                    else:
                        stream = io.TextIOWrapper(stream, encoding=encoding,
                                                  errors=errors)
                    made[-1] = stream
                setattr(self, name, stream)
        except BaseException:
            for stream in made:
                try:
                    stream.close()
                except OSError:
                    pass
            for fd in pending:
                if fd is not None:
                    os.close(fd)
            raise

    def __repr__(self):
        shown = "<%s: returncode: %s args: %r>" % (
            type(self).__name__, self.returncode, self.args)
        return shown if len(shown) <= 80 else shown[:76] + "...>"

    __class_getitem__ = classmethod(types.GenericAlias)

    def _get_universal_newlines(self):
        return self.text_mode

    def _set_universal_newlines(self, flag):
        self.text_mode = bool(flag)

    # The older spelling of `text_mode`.
    universal_newlines = property(_get_universal_newlines,
                                  _set_universal_newlines)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr):
            if stream:
                stream.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type is not KeyboardInterrupt:
                self.wait()
            elif self.returncode is None:
                # Interrupted: give the child a moment, not forever.
                try:
                    self._wait(0.25)
                except TimeoutExpired:
                    pass

    # -- reaping -------------------------------------------------------

    def _reap(self, flags):
        # True once the child's status is known.
        try:
            pid, status = posix.waitpid(self.pid, flags)
        except ChildProcessError:
            # Someone else reaped it (SIGCHLD ignored, os.wait()): the
            # status is gone.
            pid, status = self.pid, 0
        if pid == self.pid:
            self.returncode = _status_to_code(status)
            return True
        return False

    def poll(self):
        if self.returncode is None:
            self._reap(posix.WNOHANG)
        return self.returncode

    def wait(self, timeout=None):
        return self._wait(timeout)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            while not self._reap(0):
                pass
            return self.returncode
        # waitpid has no timeout: poll with a growing nap (up to 50 ms)
        # so a child that ends quickly is noticed quickly.
        deadline = _time() + timeout
        nap = 0.0005
        while not self._reap(posix.WNOHANG):
            left = deadline - _time()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            nap = min(nap * 2, left, 0.05)
            time.sleep(nap)
        return self.returncode

    # -- signals -------------------------------------------------------

    def send_signal(self, sig):
        # A reaped child's pid may already belong to someone else.
        if self.poll() is not None:
            return
        try:
            posix.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # -- communicate ---------------------------------------------------

    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        pipes = (self.stdin, self.stdout, self.stderr)
        if (timeout is None and not self._communication_started
                and pipes.count(None) >= 2):
            # A single pipe: nothing to interleave.
            got_out = got_err = None
            if self.stdin:
                if input:
                    try:
                        self.stdin.write(input)
                    except BrokenPipeError:
                        pass    # the child left without reading it all
                    except OSError as exc:
                        if exc.errno != 22:
                            raise
                _quiet_close(self.stdin)
            elif self.stdout:
                got_out = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                got_err = self.stderr.read()
                self.stderr.close()
            self.wait()
            return got_out, got_err

        deadline = None if timeout is None else _time() + timeout
        try:
            result = self._exchange(input, deadline, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=None if deadline is None else deadline - _time())
        return result

    def _timed_out(self, timeout, outs, errs):
        return TimeoutExpired(self.args, timeout,
                              output=b"".join(outs) if outs else None,
                              stderr=b"".join(errs) if errs else None)

    def _exchange(self, input, deadline, timeout):
        # What was read is kept on the object: after a TimeoutExpired a
        # second communicate() picks up where the first stopped.
        collected = self._fileobj2output
        if not self._communication_started:
            collected.clear()
            for stream in (self.stdout, self.stderr):
                if stream:
                    collected[stream] = []
        outs = collected[self.stdout] if self.stdout else None
        errs = collected[self.stderr] if self.stderr else None

        stdin = self.stdin
        if stdin and not self._communication_started and not stdin.closed:
            # Whatever the caller wrote by hand goes out first.
            try:
                stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    stdin.close()
                except BrokenPipeError:
                    pass

        if stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = input.encode(stdin.encoding, stdin.errors)
        payload = memoryview(self._input) if self._input else None

        sending = stdin if stdin and input and not stdin.closed else None
        sources = {s.fileno(): s for s in (self.stdout, self.stderr)
                   if s and not s.closed}

        while sources or sending is not None:
            left = None
            if deadline is not None:
                left = deadline - _time()
                if left < 0:
                    raise self._timed_out(timeout, outs, errs)
            targets = [sending.fileno()] if sending is not None else []
            ready_r, ready_w, _ = select.select(list(sources), targets, [],
                                               left)
            if deadline is not None and _time() > deadline:
                raise self._timed_out(timeout, outs, errs)

            if ready_w:
                start = self._input_offset
                try:
                    self._input_offset += os.write(
                        sending.fileno(), payload[start:start + _PIPE_BUF])
                except BrokenPipeError:
                    # The child stopped reading; drop the rest.
                    sending.close()
                    sending = None
                else:
                    if self._input_offset >= len(self._input):
                        sending.close()
                        sending = None
            for fd in ready_r:
                chunk = os.read(fd, _READ_CHUNK)
                if chunk:
                    collected[sources[fd]].append(chunk)
                else:
                    sources.pop(fd).close()

        self.wait(timeout=None if deadline is None else deadline - _time())

        out = None if outs is None else b"".join(outs)
        err = None if errs is None else b"".join(errs)
        if self.text_mode:
            if out is not None:
                out = self._as_text(out, self.stdout)
            if err is not None:
                err = self._as_text(err, self.stderr)
        return out, err

    @staticmethod
    def _as_text(data, stream):
        text = data.decode(stream.encoding, stream.errors)
        return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------
# Shortcuts


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as child:
        try:
            return child.wait(timeout=timeout)
        except:
            child.kill()    # the with statement then reaps it
            raise


def check_call(*popenargs, **kwargs):
    status = call(*popenargs, **kwargs)
    if not status:
        return 0
    command = kwargs.get("args")
    raise CalledProcessError(status,
                             popenargs[0] if command is None else command)


def check_output(*popenargs, timeout=None, **kwargs):
    for banned in ("stdout", "check"):
        if banned in kwargs:
            raise ValueError(f"{banned} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        # An explicit input=None has long meant "empty stdin".
        wants_text = any(kwargs.get(k) for k in
                         ("universal_newlines", "text", "encoding", "errors"))
        kwargs["input"] = "" if wants_text else b""
    done = run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs)
    return done.stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = kwargs["stderr"] = PIPE

    with Popen(*popenargs, **kwargs) as child:
        try:
            out, err = child.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # The exception already carries what was read.
            child.kill()
            child.wait()
            raise
        except:
            child.kill()
            raise
        code = child.poll()
        if code and check:
            raise CalledProcessError(code, child.args, output=out,
                                     stderr=err)
    return CompletedProcess(child.args, code, out, err)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        text = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        status = 0
    except CalledProcessError as failure:
        text, status = failure.output, failure.returncode
    if text.endswith("\n"):
        text = text[:-1]
    return status, text


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    # MS C runtime quoting: quote empty arguments and those with blanks;
    # backslashes are literal unless they precede a double quote (or the
    # closing quote), where they are doubled.
    quoted = []
    for arg in map(os.fsdecode, seq):
        needs_quotes = not arg or " " in arg or "\t" in arg
        piece = []
        run_of_slashes = 0
        for ch in arg:
            if ch == "\\":
                run_of_slashes += 1
                continue
            if ch == '"':
                piece.append("\\" * (run_of_slashes * 2 + 1))
            else:
                piece.append("\\" * run_of_slashes)
            piece.append(ch)
            run_of_slashes = 0
        if needs_quotes:
            piece.append("\\" * (run_of_slashes * 2))
            quoted.append('"' + "".join(piece) + '"')
        else:
            piece.append("\\" * run_of_slashes)
            quoted.append("".join(piece))
    return " ".join(quoted)
