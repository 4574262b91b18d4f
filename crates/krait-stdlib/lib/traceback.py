"""Formatting and printing of exceptions, tracebacks and stacks.

The interpreter renders an exception with its traceback (`_traceback`),
`~~~^^^` markers included, so what this module returns is exactly what an
uncaught exception prints; here that text is cut into the list items
CPython's functions return.  Stacks walked from frame objects are
rendered in Python, without markers.
"""

import linecache
import re
import sys

import _traceback

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException",
           "walk_stack", "walk_tb"]


class _Implicit:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Implicit()
_REPEAT_AFTER = 3
_CAUSE_TEXT = ("\nThe above exception was the direct cause "
               "of the following exception:\n\n")
_CONTEXT_TEXT = ("\nDuring handling of the above exception, "
                 "another exception occurred:\n\n")


def _exception_of(exc, value):
    # f(exc) in the 3.10+ style, or the older f(type, value, tb).
    return exc if value is _sentinel else value


def _tracebacklimit():
    # sys.tracebacklimit below zero shows no entries at all (an explicit
    # negative `limit` keeps the innermost ones instead).
    found = getattr(sys, "tracebacklimit", None)
    if found is not None and found < 0:
        return 0
    return found


def _shown(value, what, render=str):
    try:
        return render(value)
    except Exception:
        return "<%s %s() failed>" % (what, render.__name__)


# -------------------------------------------------- cutting text into items

_MARGIN = re.compile(r" *[|+] ")


def _grouped(entries):
    """The interpreter's lines regrouped as CPython's list items: a frame
    (its header and the indented lines under it) is one item, so is a
    chained-exception message with its blank lines; every other line is
    one item.  Inside an exception group every line has a ' | ' margin."""
    if isinstance(entries, str):
        entries = entries.splitlines(True)
    items = []
    frame_margin = None
    count = len(entries)
    pos = 0
    while pos < count:
        entry = entries[pos]
        pos += 1
        if entry.startswith('  File "'):
            if ", in " in entry:
                items.append(entry)
                frame_margin = ""
                continue
        elif frame_margin == "" and entry.startswith("    "):
            items[-1] += entry
            continue
        elif entry == "\n" and pos + 1 < count and entries[pos + 1] == "\n":
            items.append("\n" + entries[pos] + "\n")
            pos += 2
            frame_margin = None
            continue
        elif "| " in entry:
            found = _MARGIN.match(entry)
            if found:
                margin = found.group()
                body = entry[len(margin):]
                if body.startswith('  File "') and ", in " in body:
                    items.append(entry)
                    frame_margin = margin
                    continue
                if margin == frame_margin and body.startswith("    "):
                    items[-1] += entry
                    continue
                if (body == "\n" and pos + 1 < count
                        and entries[pos + 1] == entry):
                    items.append(entry + entries[pos] + entry)
                    pos += 2
                    frame_margin = None
                    continue
        items.append(entry)
        frame_margin = None
    return items


def _render(value, tb, limit, chain):
    """Lines of value formatted with traceback tb (_sentinel: its own)."""
    if tb is _sentinel:
        return _traceback.format_exception(value, limit, chain)
    own = value.__traceback__
    value.__traceback__ = tb
    try:
        return _traceback.format_exception(value, limit, chain)
    finally:
        value.__traceback__ = own


def _write_all(pieces, file):
    if file is None:
        file = sys.stderr
    for piece in pieces:
        print(piece, file=file, end="")


# ------------------------------------------------------ exception functions

def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    target = _exception_of(exc, value)
    if target is None:
        return ["NoneType: None\n"]
    if limit is None:
        limit = _tracebacklimit()
    if isinstance(target, BaseExceptionGroup) or (
            (target.__cause__ is not None or target.__context__ is not None)
            and _in_group_tree(target)):
        if tb is _sentinel:
            tb = target.__traceback__
        return list(TracebackException(type(target), target, tb, limit=limit,
                                       compact=True).format(chain=chain))
    return _grouped(_render(target, tb, limit, chain))


def _in_group_tree(exc):
    """Whether exc or an exception it chains to is an exception group."""
    todo = [exc]
    met = set()
    while todo:
        node = todo.pop()
        if node is None or id(node) in met:
            continue
        if isinstance(node, BaseExceptionGroup):
            return True
        met.add(id(node))
        todo.append(node.__cause__)
        todo.append(node.__context__)
    return False


def format_exception_only(exc, /, value=_sentinel):
    target = _exception_of(exc, value)
    if target is None:
        return ["NoneType: None\n"]
    if isinstance(target, BaseException):
        return _traceback.format_exception_only(target)
    kind = exc if isinstance(exc, type) else type(target)
    return [_final_line(kind, _shown(target, "exception"))]


def _final_line(kind, text):
    name = kind.__qualname__
    module = kind.__module__
    if module not in ("__main__", "builtins"):
        if not isinstance(module, str):
            module = "<unknown>"
        name = module + "." + name
    if text is None or not str(text):
        return name + "\n"
    return "%s: %s\n" % (name, text)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    _write_all(format_exception(exc, value, tb, limit=limit, chain=chain),
               file)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit,
                                    chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


# ------------------------------------------------------ traceback functions

def format_tb(tb, limit=None):
    if tb is None:
        return []
    if limit is None:
        limit = _tracebacklimit()
    return _grouped(_traceback.format_tb(tb, limit))


def print_tb(tb, limit=None, file=None):
    _write_all(format_tb(tb, limit), file)


def walk_tb(tb):
    node = tb
    while node is not None:
        yield node.tb_frame, node.tb_lineno
        node = node.tb_next


def walk_stack(f):
    # The generator's frame, whoever runs it (a comprehension or the
    # extract helpers), and the caller behind that.
    frame = sys._getframe().f_back.f_back.f_back.f_back if f is None else f
    while frame is not None:
        yield frame, frame.f_lineno
        frame = frame.f_back


def extract_tb(tb, limit=None):
    pairs = []
    while tb is not None:
        pairs.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return _summarize(StackSummary, pairs, limit, True, False, False)


def extract_stack(f=None, limit=None):
    frame = sys._getframe().f_back if f is None else f
    pairs = []
    while frame is not None:
        pairs.append((frame, frame.f_lineno))
        frame = frame.f_back
    summary = _summarize(StackSummary, pairs, limit, True, False, False)
    summary.reverse()
    return summary


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _write_all(format_list(extracted_list), file)


def format_stack(f=None, limit=None):
    start = sys._getframe().f_back if f is None else f
    return format_list(extract_stack(start, limit=limit))


def print_stack(f=None, limit=None, file=None):
    start = sys._getframe().f_back if f is None else f
    print_list(extract_stack(start, limit=limit), file=file)


def clear_frames(tb):
    # krait keeps no locals alive in the frames of a finished traceback;
    # running frames are left alone as in CPython.
    node = tb
    while node is not None:
        clear = getattr(node.tb_frame, "clear", None)
        if clear is not None:
            try:
                clear()
            except RuntimeError:
                pass
        node = node.tb_next


# ------------------------------------------------------------------ frames

class FrameSummary:
    """filename, lineno, name and source line of one frame; unpacks and
    compares like a (filename, lineno, name, line) tuple."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self._line = line
        self.name = name
        self.lineno = lineno
        self.filename = filename
        self.colno = colno
        self.end_colno = end_colno
        self.end_lineno = end_lineno
        if locals:
            self.locals = {key: _shown(item, "local", repr)
                           for key, item in locals.items()}
        else:
            self.locals = None
        if lookup_line:
            self.line

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._as_tuple() == other
        if isinstance(other, FrameSummary):
            mine = (self.filename, self.lineno, self.name, self.locals)
            return mine == (other.filename, other.lineno, other.name,
                            other.locals)
        return NotImplemented

    def __getitem__(self, pos):
        return self._as_tuple()[pos]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (
            self.filename, self.lineno, self.name)

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def _repeat_note(extra):
    return "  [Previous line repeated %d more time%s]\n" % (
        extra, "s" if extra > 1 else "")


def _summarize(klass, pairs, limit, lookup_lines, capture_locals, extended):
    if limit is None:
        limit = _tracebacklimit()
    if limit is None:
        chosen = list(pairs)
    elif limit >= 0:
        chosen = []
        for pair in pairs:
            if len(chosen) >= limit:
                break
            chosen.append(pair)
    else:
        chosen = []
        for pair in pairs:
            chosen.append(pair)
            if len(chosen) > -limit:
                del chosen[0]
    summary = klass()
    for frame, where in chosen:
        code = frame.f_code
        names = frame.f_locals if capture_locals else None
        if extended:
            entry = FrameSummary(code.co_filename, where[0], code.co_name,
                                 lookup_line=False, locals=names,
                                 end_lineno=where[1], colno=where[2],
                                 end_colno=where[3])
        else:
            entry = FrameSummary(code.co_filename, where, code.co_name,
                                 lookup_line=False, locals=names)
        summary.append(entry)
    if lookup_lines:
        for entry in summary:
            entry.line
    return summary


class StackSummary(list):
    """FrameSummary objects, outermost frame first."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        # (The generator keeps the frame layering walk_stack counts on.)
        return _summarize(klass, (pair for pair in frame_gen), limit,
                          lookup_lines, capture_locals, False)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True,
                                         capture_locals=False):
        return _summarize(klass, (pair for pair in frame_gen), limit,
                          lookup_lines, capture_locals, True)

    @classmethod
    def from_list(klass, a_list):
        summary = klass()
        for entry in a_list:
            if not isinstance(entry, FrameSummary):
                filename, lineno, name, line = entry
                entry = FrameSummary(filename, lineno, name, line=line)
            summary.append(entry)
        return summary

    def format_frame_summary(self, frame_summary):
        parts = ['  File "%s", line %s, in %s\n' % (
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        source = frame_summary.line
        if source:
            parts.append("    %s\n" % source.strip())
        if frame_summary.locals:
            parts.extend("    %s = %s\n" % pair
                         for pair in sorted(frame_summary.locals.items()))
        return "".join(parts)

    def format(self):
        out = []
        previous = None
        run = 0
        for entry in self:
            text = self.format_frame_summary(entry)
            if text is None:
                continue
            here = (entry.filename, entry.lineno, entry.name)
            if here != previous:
                if run > _REPEAT_AFTER:
                    out.append(_repeat_note(run - _REPEAT_AFTER))
                previous = here
                run = 0
            run += 1
            if run <= _REPEAT_AFTER:
                out.append(text)
        if run > _REPEAT_AFTER:
            out.append(_repeat_note(run - _REPEAT_AFTER))
        return out


# --------------------------------------------------------------- exceptions

class _Origin:
    """What a TracebackException was made from, kept for the interpreter's
    rendering; it takes no part in comparing TracebackExceptions."""

    __slots__ = ("value", "tb", "limit")

    def __init__(self, value, tb, limit):
        self.value, self.tb, self.limit = value, tb, limit

    def __eq__(self, other):
        return isinstance(other, _Origin)

    __hash__ = None


class TracebackException:
    """An exception captured for formatting later: its type, message,
    stack (a StackSummary), notes, chained exceptions (as
    TracebackExceptions too) and, for a group, its members."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        seen = set() if _seen is None else _seen
        seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        pairs = []
        node = exc_traceback
        while node is not None:
            pairs.append((node.tb_frame, node.tb_lineno))
            node = node.tb_next
        self.stack = _summarize(StackSummary, pairs, limit, lookup_lines,
                                capture_locals, False)
        self.exc_type = exc_type
        try:
            self._str = str(exc_value)
        except Exception:
            self._str = "<exception str() failed>"
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self._take_syntax_fields(exc_value)
        self.__suppress_context__ = (False if exc_value is None
                                     else exc_value.__suppress_context__)
        self._origin = _Origin(exc_value, exc_traceback, limit)
        self.__cause__ = self.__context__ = self.exceptions = None
        if _seen is None and exc_value is not None and (
                exc_value.__cause__ is not None
                or exc_value.__context__ is not None
                or isinstance(exc_value, BaseExceptionGroup)):
            self._link_up(exc_value, seen, compact, dict(
                limit=limit, lookup_lines=lookup_lines,
                capture_locals=capture_locals,
                max_group_width=max_group_width,
                max_group_depth=max_group_depth, _seen=seen))

    def _link_up(self, exc_value, seen, compact, options):
        # Only the outermost TracebackException follows the chains, last
        # found first, so that an exception met twice is shown where
        # CPython shows it.
        def capture(inner):
            return TracebackException(type(inner), inner,
                                      inner.__traceback__, **options)

        todo = [(self, exc_value)]
        while todo:
            node, exc = todo.pop()
            if exc is None:
                continue
            cause = exc.__cause__
            cause = (capture(cause) if cause is not None
                     and id(cause) not in seen else None)
            context = exc.__context__
            wanted = not compact or (cause is None
                                     and not exc.__suppress_context__)
            context = (capture(context) if context is not None and wanted
                       and id(context) not in seen else None)
            members = None
            if isinstance(exc, BaseExceptionGroup):
                members = [capture(member) for member in exc.exceptions]
            node.__cause__, node.__context__ = cause, context
            node.exceptions = members
            if cause is not None:
                todo.append((cause, exc.__cause__))
            if context is not None:
                todo.append((context, exc.__context__))
            if members:
                todo.extend(zip(members, exc.exceptions))

    def _take_syntax_fields(self, err):
        self.filename = err.filename
        self.lineno = None if err.lineno is None else str(err.lineno)
        self.end_lineno = (None if err.end_lineno is None
                           else str(err.end_lineno))
        self.text = err.text
        self.offset = err.offset
        self.end_offset = err.end_offset
        self.msg = err.msg

    def _has_group(self):
        todo = [self]
        while todo:
            node = todo.pop()
            if node.exceptions is not None:
                return True
            todo.extend(x for x in (node.__cause__, node.__context__)
                        if x is not None)
        return False

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, TracebackException):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._origin.value is not None:
            yield from _traceback.format_exception_only(self._origin.value)
            return
        if self.exc_type is None:
            yield "NoneType: None\n"
            return
        yield _final_line(self.exc_type, self._str)
        notes = self.__notes__
        if notes is not None:
            for note in notes:
                yield from [part + "\n" for part in
                            _shown(note, "note").split("\n")]

    def format(self, *, chain=True, _ctx=None):
        origin = self._origin
        if origin.value is None:
            yield from self.format_exception_only()
            return
        if _ctx is None and not self._has_group():
            # The interpreter's own rendering (the usual limits).
            yield from _grouped(_render(origin.value, origin.tb,
                                        origin.limit, chain))
            return
        if _ctx is None:
            _ctx = _GroupLayout()
        yield from _ctx.lay_out(self, chain)

    def print(self, *, file=None, chain=True):
        _write_all(self.format(chain=chain), file)


class _GroupLayout:
    """Renders a TracebackException whose group width or depth limits are
    not the interpreter's, nesting group members in ' | ' margins."""

    def __init__(self):
        self.depth = 0
        self.close_pending = False

    def _margin(self, mark="|"):
        spaces = " " * (2 * self.depth)
        return spaces + mark + " " if self.depth else spaces

    def _put(self, texts, mark="|"):
        margin = self._margin(mark)
        if isinstance(texts, str):
            texts = [texts]
        for text in texts:
            yield "".join(margin + line for line in text.splitlines(True))

    def _frames(self, te):
        origin = te._origin
        if origin.tb is None or not te.stack:
            return []
        limit = origin.limit
        if limit is None:
            limit = _tracebacklimit()
        return _grouped(_traceback.format_tb(origin.tb, limit))

    def lay_out(self, top, chain):
        links = []
        node = top
        while node is not None:
            if not chain:
                links.append((None, node))
                break
            if node.__cause__ is not None:
                links.append((_CAUSE_TEXT, node))
                node = node.__cause__
            elif (node.__context__ is not None
                  and not node.__suppress_context__):
                links.append((_CONTEXT_TEXT, node))
                node = node.__context__
            else:
                links.append((None, node))
                node = None
        for text, node in reversed(links):
            if text is not None:
                yield from self._put(text)
            yield from self._one(top, node, chain)

    def _one(self, top, te, chain):
        if te.exceptions is None:
            frames = self._frames(te)
            if frames:
                yield from self._put("Traceback (most recent call last):\n")
                yield from self._put(frames)
            yield from self._put(list(te.format_exception_only()))
            return
        if self.depth > top.max_group_depth:
            yield from self._put("... (max_group_depth is %d)\n"
                                 % top.max_group_depth)
            return
        outermost = self.depth == 0
        if outermost:
            self.depth += 1
        frames = self._frames(te)
        if frames:
            yield from self._put(
                "Exception Group Traceback (most recent call last):\n",
                "+" if outermost else "|")
            yield from self._put(frames)
        yield from self._put(list(te.format_exception_only()))
        members = te.exceptions
        width = top.max_group_width
        shown = len(members) if len(members) <= width else width + 1
        self.close_pending = False
        for pos in range(shown):
            final = pos == shown - 1
            if final:
                self.close_pending = True
            cut = pos >= width
            label = "..." if cut else str(pos + 1)
            yield "%s%s+---------------- %s ----------------\n" % (
                " " * (2 * self.depth), "+-" if pos == 0 else "  ", label)
            self.depth += 1
            if cut:
                left = len(members) - width
                yield from self._put("and %d more exception%s\n"
                                     % (left, "s" if left > 1 else ""))
            else:
                yield from members[pos].format(chain=chain, _ctx=self)
            if final and self.close_pending:
                yield " " * (2 * self.depth) + \
                    "+------------------------------------\n"
                self.close_pending = False
            self.depth -= 1
        if outermost:
            self.depth = 0
