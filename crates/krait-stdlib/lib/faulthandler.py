"""Dump the Python traceback on demand (CPython's `faulthandler`).

dump_traceback writes the calling stack in faulthandler's own format
("Stack (most recent call first):" or, with all_threads, "Current thread
0x... (most recent call first):", then one '  File "...", line N in NAME'
line per frame, newest first, at most 100 frames, names and file names
made ASCII with \\x, \\u and \\U escapes and cut at 500 characters) straight
to the file descriptor of the given file, like CPython does.

What krait cannot do, and how the functions behave instead:

* Fatal errors (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) are not caught:
  enable() checks its arguments and records the file, all_threads and the
  enabled state so is_enabled()/disable() answer as in CPython, but a VM
  crash prints nothing from here.
* dump_traceback_later() checks its arguments and records the request, but
  krait has no watchdog thread, so the timeout never fires;
  cancel_dump_traceback_later() forgets the request.
* register() installs a Python-level handler through the signal module, so
  it fires only for signals krait delivers to Python handlers (the program's
  own raise_signal), runs between two instructions rather than inside the
  signal, and signal.getsignal() sees it. unregister() puts the previous
  handler back.
* krait runs threads one after another inside the thread that starts them,
  so with all_threads only the current thread is listed, and a dump made in
  a thread continues into the frames of the thread that started it.
"""

import os as _os
import sys as _sys
from operator import index as _index

__all__ = ["enable", "disable", "is_enabled", "dump_traceback",
           "dump_traceback_later", "cancel_dump_traceback_later",
           "register", "unregister"]

# CPython's limits on what one dump prints.
_MAX_FRAME_DEPTH = 100
_MAX_STRING_LENGTH = 500
# Fatal signals belong to enable(); register() refuses them.
_FATAL_SIGNALS = (4, 6, 7, 8, 11)   # SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV
_NSIG = 65

_enabled = False
_fatal_file = None
_fatal_all_threads = True
_later_request = None
# signal number -> (file, all_threads, chain, previous handler)
_registered = {}


def _file_descriptor(file):
    """The descriptor to write to for file, flushing file's buffer first."""
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int) and not isinstance(file, bool):
        if file < 0:
            # CPython's message, spelling included.
            raise ValueError("file is not a valid file descripter")
        return file, file
    descriptor = file.fileno()
    if not isinstance(descriptor, int) or descriptor < 0:
        raise RuntimeError("file.fileno() is not a valid file descriptor")
    try:
        file.flush()
    except Exception:
        # CPython ignores a failing flush and dumps anyway.
        pass
    return file, descriptor


def _ascii(text):
    """text as faulthandler writes it: printable ASCII, escapes, cut."""
    truncated = len(text) > _MAX_STRING_LENGTH
    if truncated:
        text = text[:_MAX_STRING_LENGTH]
    pieces = []
    for char in text:
        code = ord(char)
        if 32 <= code <= 126:
            pieces.append(char)
        elif code <= 0xFF:
            pieces.append("\\x%02x" % code)
        elif code <= 0xFFFF:
            pieces.append("\\u%04x" % code)
        else:
            pieces.append("\\U%08x" % code)
    if truncated:
        pieces.append("...")
    return "".join(pieces)


def _format_stack(frame, all_threads):
    if all_threads:
        import threading
        lines = ["Current thread 0x%016x (most recent call first):\n"
                 % threading.get_ident()]
    else:
        lines = ["Stack (most recent call first):\n"]
    if frame is None:
        lines.append("  <no Python frame>\n")
    depth = 0
    while frame is not None:
        if depth >= _MAX_FRAME_DEPTH:
            lines.append("  ...\n")
            break
        code = frame.f_code
        lineno = frame.f_lineno
        lines.append('  File "%s", line %s in %s\n'
                     % (_ascii(code.co_filename),
                        "???" if lineno is None else lineno,
                        _ascii(code.co_name)))
        frame = frame.f_back
        depth += 1
    return "".join(lines)


def _write(descriptor, text):
    data = text.encode("ascii", "backslashreplace")
    while data:
        written = _os.write(descriptor, data)
        data = data[written:]


def dump_traceback(file=None, all_threads=True):
    """Write the traceback of the calling code to file (default stderr)."""
    all_threads = _index(all_threads)
    file, descriptor = _file_descriptor(file)
    _write(descriptor, _format_stack(_sys._getframe(1), all_threads))


def enable(file=None, all_threads=True):
    """Turn the fault handler on (in krait: record that it is on)."""
    global _enabled, _fatal_file, _fatal_all_threads
    all_threads = _index(all_threads)
    file, _ = _file_descriptor(file)
    _fatal_file = file
    _fatal_all_threads = bool(all_threads)
    _enabled = True


def disable():
    """Turn the fault handler off; return whether it was on."""
    global _enabled, _fatal_file
    was_enabled = _enabled
    _enabled = False
    _fatal_file = None
    return was_enabled


def is_enabled():
    """Whether the fault handler is on."""
    return _enabled


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Ask for a dump after timeout seconds (recorded; never fires in krait)."""
    global _later_request
    if isinstance(timeout, float):
        seconds = timeout
    else:
        seconds = _index(timeout)
    repeat = _index(repeat)
    exit = _index(exit)
    if seconds <= 0:
        raise ValueError("timeout must be greater than 0")
    file, _ = _file_descriptor(file)
    _later_request = (seconds, bool(repeat), file, bool(exit))


def cancel_dump_traceback_later():
    """Forget a dump asked for with dump_traceback_later()."""
    global _later_request
    _later_request = None


def _signal_number(signum):
    signum = _index(signum)
    if not 1 <= signum < _NSIG:
        raise ValueError("signal number out of range")
    return signum


def register(signum, file=None, all_threads=True, chain=False):
    """Dump the traceback when the signal signum arrives.

    With chain true the handler that was there before is called afterwards.
    """
    import signal
    signum = _signal_number(signum)
    if signum in _FATAL_SIGNALS:
        raise RuntimeError("signal %d cannot be registered, use enable() instead"
                           % signum)
    all_threads = _index(all_threads)
    chain = _index(chain)
    file, descriptor = _file_descriptor(file)

    def dump_on_signal(number, frame):
        _write(descriptor, _format_stack(frame, all_threads))
        previous = _registered.get(number, (None, None, False, None))[3]
        if chain and callable(previous):
            previous(number, frame)

    if signum in _registered:
        previous = _registered[signum][3]
    else:
        previous = signal.getsignal(signum)
    signal.signal(signum, dump_on_signal)
    _registered[signum] = (file, bool(all_threads), bool(chain), previous)


def unregister(signum):
    """Stop dumping on signal signum; return whether it was registered."""
    import signal
    signum = _signal_number(signum)
    entry = _registered.pop(signum, None)
    if entry is None:
        return False
    previous = entry[3]
    signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
    return True
