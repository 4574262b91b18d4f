"""Print and format exceptions and stacks (CPython's `traceback`).

An exception's traceback is formatted by the interpreter itself
(`_traceback`), so `format_exception` and `print_exc` give exactly what an
uncaught exception prints, `~~~^^^` markers included; the list items are
split as CPython splits them (a frame's block, a chained exception's
message, each line of the exception). Stacks (`extract_stack`,
`format_stack`, `print_stack`) are built here from frame objects and show
no markers.
"""

import collections
import itertools
import linecache
import sys

import _traceback

__all__ = [
    "extract_stack", "extract_tb", "format_exception",
    "format_exception_only", "format_list", "format_stack",
    "format_tb", "print_exc", "format_exc", "print_exception",
    "print_last", "print_stack", "print_tb", "clear_frames",
    "FrameSummary", "StackSummary", "TracebackException",
    "walk_stack", "walk_tb",
]

_sentinel = object()


def _value_of(exc, value):
    """The exception of `f(exc)` or of the older `f(type, value, tb)`."""
    return exc if value is _sentinel else value


def _chunks(lines):
    """CPython's list items of a formatted exception: a frame's block is
    one item, a chained exception's message (with its blank lines) one,
    every other line one. `lines` is text, or the interpreter's entries
    (an exception's message is one however many lines it has)."""
    if isinstance(lines, str):
        lines = lines.splitlines(keepends=True)
    items = []
    in_frame = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File "') and ", in " in line:
            items.append(line)
            in_frame = True
        elif in_frame and line.startswith("    "):
            items[-1] += line
        elif line == "\n" and i + 2 < len(lines) and lines[i + 2] == "\n":
            items.append("\n" + lines[i + 1] + "\n")
            in_frame = False
            i += 3
            continue
        else:
            items.append(line)
            in_frame = False
        i += 1
    return items


def _format(value, tb, limit, chain):
    if tb is _sentinel:
        return _traceback.format_exception(value, limit, chain)
    # Another traceback than the exception's own (None: none at all).
    saved = value.__traceback__
    value.__traceback__ = tb
    try:
        return _traceback.format_exception(value, limit, chain)
    finally:
        value.__traceback__ = saved


def _limit():
    # A negative sys.tracebacklimit shows no entries (an explicit negative
    # `limit` keeps the last ones).
    limit = getattr(sys, "tracebacklimit", None)
    if limit is not None and limit < 0:
        limit = 0
    return limit


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines an uncaught `exc` prints (each ending in a newline)."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if limit is None:
        limit = _limit()
    return _chunks(_format(value, tb, limit, chain))


def format_exception_only(exc, /, value=_sentinel):
    """The exception's own lines: `Name: message` (and its notes)."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if not isinstance(value, BaseException):
        name = exc.__qualname__ if isinstance(exc, type) else type(value).__qualname__
        return [f"{name}: {value}\n"]
    return _traceback.format_exception_only(value)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Writes what format_exception gives to `file` (sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as one string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Prints the last uncaught exception (`sys.last_value`)."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    """One item per frame of traceback `tb`: its line, source and markers."""
    if tb is None:
        return []
    if limit is None:
        limit = _limit()
    return _chunks(_traceback.format_tb(tb, limit))


def print_tb(tb, limit=None, file=None):
    """Writes what format_tb gives to `file` (sys.stderr)."""
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")


def walk_tb(tb):
    """(frame, line) of each level of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """(frame, line) of `f` and its callers, innermost first."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_tb(tb, limit=None):
    """A StackSummary of traceback `tb`."""
    return StackSummary.extract(walk_tb(tb), limit=limit)


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from `f` (the caller) out, outermost
    first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    """One string per entry of a list of FrameSummary or 4-tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Clears the frames' locals (krait keeps none after unwinding)."""


class FrameSummary:
    """One frame of a stack: filename, lineno, name and its source line."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        if lookup_line:
            self.line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary, outermost first."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        if limit is None:
            limit = _limit()
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)
        result = klass()
        for f, lineno in frame_gen:
            code = f.f_code
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                       lookup_line=False, locals=f_locals))
        if lookup_lines:
            for summary in result:
                summary.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n'
        if frame_summary.line:
            row += f"    {frame_summary.line.strip()}\n"
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row += f"    {name} = {value}\n"
        return row

    def format(self):
        result = []
        last = None
        count = 0
        for summary in self:
            key = (summary.filename, summary.lineno, summary.name)
            if key != last:
                if count > 3:
                    more = count - 3
                    result.append(f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]\n")
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(summary))
        if count > 3:
            more = count - 3
            result.append(f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]\n")
        return result


class TracebackException:
    """An exception ready to format: its type, traceback as a StackSummary,
    chained exceptions and message."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self._traceback = exc_traceback
        self._limit = limit
        self.stack = StackSummary.extract(walk_tb(exc_traceback), limit=limit,
                                          lookup_lines=lookup_lines,
                                          capture_locals=capture_locals)
        self._str = "" if exc_value is None else str(exc_value)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = (
            exc_value.__suppress_context__ if exc_value is not None else False)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lineno = exc_value.lineno
            self.lineno = str(lineno) if lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.__cause__ = self._chained(getattr(exc_value, "__cause__", None), limit, _seen)
        self.__context__ = self._chained(getattr(exc_value, "__context__", None), limit, _seen)

    @staticmethod
    def _chained(exc, limit, seen):
        if exc is None or id(exc) in seen:
            return None
        return TracebackException(type(exc), exc, exc.__traceback__, limit=limit, _seen=seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._value is None:
            yield from format_exception_only(self.exc_type, self._value)
            return
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        if self._value is None:
            yield "NoneType: None\n"
            return
        yield from _chunks(_format(self._value, self._traceback, self._limit, chain))

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
