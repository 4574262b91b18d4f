"""Generic debugger core for krait, built on sys.settrace().

Subclass Bdb and override the user_* hooks to build a debugger
front-end (pdb does exactly this).
"""

import fnmatch
import os
import sys

__all__ = ["BdbQuit", "Bdb", "Breakpoint"]

_NO_LINE = 'Line %s:%d does not exist'
_NONE_IN_FILE = 'There are no breakpoints in %s'
_NONE_AT = 'There is no breakpoint at %s:%d'
_NOT_NUMERIC = 'Non-numeric breakpoint number %s'
_OUT_OF_RANGE = 'Breakpoint number %d out of range'
_NEED_DO_CLEAR = "subclass of bdb must implement do_clear()"
_ODD_EVENT = 'bdb.Bdb.dispatch: unknown debugging event:'

# co_flags bits marking generator / coroutine / async-generator code.
_GENLIKE = 0x20 | 0x80 | 0x200


class BdbQuit(Exception):
    """Raised to unwind the debugged program when the user quits."""


def _is_genlike(frame):
    return bool(frame.f_code.co_flags & _GENLIKE)


class Bdb:
    """Tracing engine: decides where execution should pause and calls
    the user_* hooks there."""

    def __init__(self, skip=None):
        self.skip = set(skip) if skip else None
        self.breaks = {}
        self.fncache = {}
        self.frame_returning = None
        # Re-register breakpoints that survive from earlier instances.
        for fname, lno in list(Breakpoint.bplist):
            self._note_break(fname, lno)

    # ---- file names -------------------------------------------------
    def canonic(self, filename) -> str:
        if filename[:1] == "<" and filename[-1:] == ">":
            return filename
        known = self.fncache.get(filename)
        if known:
            return known
        full = os.path.normcase(os.path.abspath(filename))
        self.fncache[filename] = full
        return full

    def reset(self) -> None:
        import linecache
        linecache.checkcache()
        self.botframe = None
        self._stop_at(None, None)

    # ---- event dispatch --------------------------------------------
    def trace_dispatch(self, frame, event, arg) -> "Callable | None":
        if self.quitting:
            return None
        handler = self._handlers.get(event)
        if handler is not None:
            return handler(self, frame, arg)
        if event.startswith('c_'):
            return self.trace_dispatch
        print(_ODD_EVENT, repr(event))
        return self.trace_dispatch

    def _bail_if_quitting(self) -> None:
        if self.quitting:
            raise BdbQuit

    def dispatch_line(self, frame) -> "Callable | None":
        if self.stop_here(frame) or self.break_here(frame):
            self.user_line(frame)
            self._bail_if_quitting()
        return self.trace_dispatch

    def dispatch_call(self, frame, arg) -> "Callable | None":
        if self.botframe is None:
            # very first event after reset(): remember the caller as the
            # bottom of the debugged stack (it may be None).
            self.botframe = frame.f_back
            return self.trace_dispatch
        interesting = self.stop_here(frame) or self.break_anywhere(frame)
        if not interesting:
            return None
        if self.stopframe and _is_genlike(frame):
            return self.trace_dispatch
        self.user_call(frame, arg)
        self._bail_if_quitting()
        return self.trace_dispatch

    def dispatch_return(self, frame, arg) -> "Callable | None":
        if not (self.stop_here(frame) or frame is self.returnframe):
            return self.trace_dispatch
        if self.stopframe and _is_genlike(frame):
            return self.trace_dispatch
        self.frame_returning = frame
        try:
            self.user_return(frame, arg)
        finally:
            self.frame_returning = None
        self._bail_if_quitting()
        if frame is self.stopframe and self.stoplineno != -1:
            self._stop_at(None, None)
        return self.trace_dispatch

    def dispatch_exception(self, frame, arg) -> "Callable | None":
        etype, evalue, etb = arg
        if self.stop_here(frame):
            plain_stop = (_is_genlike(frame) and etype is StopIteration
                          and etb is None)
            if not plain_stop:
                self.user_exception(frame, arg)
                self._bail_if_quitting()
        elif (self.stopframe and frame is not self.stopframe
              and _is_genlike(self.stopframe)
              and etype in (StopIteration, GeneratorExit)):
            self.user_exception(frame, arg)
            self._bail_if_quitting()
        return self.trace_dispatch

    _handlers = {
        'line': lambda self, fr, a: self.dispatch_line(fr),
        'call': lambda self, fr, a: self.dispatch_call(fr, a),
        'return': lambda self, fr, a: self.dispatch_return(fr, a),
        'exception': lambda self, fr, a: self.dispatch_exception(fr, a),
    }

    # ---- stop decisions --------------------------------------------
    def is_skipped_module(self, module_name) -> bool:
        if module_name is None:
            return False
        return any(fnmatch.fnmatch(module_name, pat) for pat in self.skip)

    def stop_here(self, frame) -> bool:
        if self.skip and self.is_skipped_module(
                frame.f_globals.get('__name__')):
            return False
        target = self.stopframe
        if frame is target:
            if self.stoplineno == -1:
                return False
            return frame.f_lineno >= self.stoplineno
        return not target

    def break_here(self, frame) -> bool:
        fname = self.canonic(frame.f_code.co_filename)
        lines = self.breaks.get(fname)
        if not lines:
            return False
        where = frame.f_lineno
        if where not in lines:
            where = frame.f_code.co_firstlineno
            if where not in lines:
                return False
        bp, hit = effective(fname, where, frame)
        if not bp:
            return False
        self.currentbp = bp.number
        if hit and bp.temporary:
            self.do_clear(str(bp.number))
        return True

    def do_clear(self, arg):
        raise NotImplementedError(_NEED_DO_CLEAR)

    def break_anywhere(self, frame) -> bool:
        return self.canonic(frame.f_code.co_filename) in self.breaks

    # ---- hooks for subclasses --------------------------------------
    def user_call(self, frame, argument_list) -> None:
        pass

    def user_line(self, frame) -> None:
        pass

    def user_return(self, frame, return_value) -> None:
        pass

    def user_exception(self, frame, exc_info) -> None:
        pass

    # ---- stepping control ------------------------------------------
    def _stop_at(self, frame, retframe, lineno=0) -> None:
        # lineno == 0: stop anywhere; -1: never stop in `frame`.
        self.stopframe = frame
        self.returnframe = retframe
        self.quitting = False
        self.stoplineno = lineno

    _set_stopinfo = _stop_at

    def set_until(self, frame, lineno=None) -> None:
        if lineno is None:
            lineno = frame.f_lineno + 1
        self._stop_at(frame, frame, lineno)

    def set_step(self) -> None:
        leaving = self.frame_returning
        if leaving is not None:
            parent = leaving.f_back
            if parent is not None and not parent.f_trace:
                parent.f_trace = self.trace_dispatch
        self._stop_at(None, None)

    def set_next(self, frame) -> None:
        self._stop_at(frame, None)

    def set_return(self, frame) -> None:
        if _is_genlike(frame):
            self._stop_at(frame, None, -1)
        else:
            self._stop_at(frame.f_back, frame)

    def set_trace(self, frame=None) -> None:
        if frame is None:
            frame = sys._getframe().f_back
        self.reset()
        walker = frame
        while walker is not None:
            walker.f_trace = self.trace_dispatch
            self.botframe = walker
            walker = walker.f_back
        self.set_step()
        sys.settrace(self.trace_dispatch)

    def set_continue(self) -> None:
        self._stop_at(self.botframe, None, -1)
        if self.breaks:
            return
        # Nothing can stop us any more: switch tracing off entirely.
        sys.settrace(None)
        walker = sys._getframe().f_back
        while walker is not None and walker is not self.botframe:
            walker.f_trace = None
            walker = walker.f_back

    def set_quit(self) -> None:
        self.stopframe = self.botframe
        self.returnframe = None
        self.quitting = True
        sys.settrace(None)

    # ---- breakpoint bookkeeping ------------------------------------
    def _note_break(self, filename, lineno) -> None:
        bucket = self.breaks.setdefault(filename, [])
        if lineno not in bucket:
            bucket.append(lineno)

    def _forget_if_unused(self, filename, lineno) -> None:
        if (filename, lineno) in Breakpoint.bplist:
            return
        bucket = self.breaks.get(filename)
        if bucket is None:
            return
        if lineno in bucket:
            bucket.remove(lineno)
        if not bucket:
            del self.breaks[filename]

    def set_break(self, filename, lineno, temporary=False, cond=None,
                  funcname=None) -> 'str | None':
        import linecache
        filename = str(self.canonic(filename))
        if not linecache.getline(filename, lineno):
            return _NO_LINE % (filename, lineno)
        self._note_break(filename, lineno)
        Breakpoint(filename, lineno, temporary, cond, funcname)
        return None

    def clear_break(self, filename, lineno) -> 'str | None':
        filename = str(self.canonic(filename))
        if filename not in self.breaks:
            return _NONE_IN_FILE % filename
        if lineno not in self.breaks[filename]:
            return _NONE_AT % (filename, lineno)
        for bp in list(Breakpoint.bplist.get((filename, lineno), ())):
            bp.deleteMe()
        self._forget_if_unused(filename, lineno)
        return None

    def clear_bpbynumber(self, arg) -> 'str | None':
        try:
            bp = self.get_bpbynumber(arg)
        except ValueError as exc:
            return str(exc)
        bp.deleteMe()
        self._forget_if_unused(bp.file, bp.line)
        return None

    def clear_all_file_breaks(self, filename) -> 'str | None':
        filename = str(self.canonic(filename))
        if filename not in self.breaks:
            return _NONE_IN_FILE % filename
        for lno in self.breaks.pop(filename):
            for bp in list(Breakpoint.bplist.get((filename, lno), ())):
                bp.deleteMe()
        return None

    def clear_all_breaks(self) -> 'str | None':
        if not self.breaks:
            return 'There are no breakpoints'
        for bp in list(Breakpoint.bpbynumber):
            if bp:
                bp.deleteMe()
        self.breaks = {}
        return None

    def get_bpbynumber(self, arg) -> 'Breakpoint':
        if not arg:
            raise ValueError('Breakpoint number expected')
        try:
            num = int(arg)
        except ValueError:
            raise ValueError(_NOT_NUMERIC % arg) from None
        table = Breakpoint.bpbynumber
        if not 0 <= num < len(table) and not -len(table) <= num < 0:
            raise ValueError(_OUT_OF_RANGE % num)
        bp = table[num]
        if bp is None:
            raise ValueError('Breakpoint %d already deleted' % num)
        return bp

    def get_break(self, filename, lineno) -> bool:
        filename = str(self.canonic(filename))
        return filename in self.breaks and lineno in self.breaks[filename]

    def get_breaks(self, filename, lineno) -> list:
        filename = str(self.canonic(filename))
        if lineno in self.breaks.get(filename, ()):
            return Breakpoint.bplist.get((filename, lineno)) or []
        return []

    def get_file_breaks(self, filename) -> list:
        return self.breaks.get(self.canonic(filename), [])

    def get_all_breaks(self) -> dict:
        return self.breaks

    # ---- stack inspection ------------------------------------------
    def get_stack(self, f, t) -> 'tuple[list, int]':
        if t is not None and t.tb_frame is f:
            t = t.tb_next
        live = []
        cur = f
        while cur is not None:
            live.append((cur, cur.f_lineno))
            if cur is self.botframe:
                break
            cur = cur.f_back
        live.reverse()
        index = max(0, len(live) - 1)
        while t is not None:
            live.append((t.tb_frame, t.tb_lineno))
            t = t.tb_next
        if cur is None:
            index = max(0, len(live) - 1)
        return live, index

    def format_stack_entry(self, frame_lineno, lprefix=': ') -> str:
        import linecache
        import reprlib
        frame, lineno = frame_lineno
        code = frame.f_code
        fname = self.canonic(code.co_filename)
        pieces = ['%s(%r)' % (fname, lineno), code.co_name or '<lambda>',
                  '()']
        flocals = frame.f_locals
        if '__return__' in flocals:
            pieces.append('->' + reprlib.repr(flocals['__return__']))
        if lineno is not None:
            text = linecache.getline(fname, lineno, frame.f_globals)
            if text:
                pieces.append(lprefix + text.strip())
        return ''.join(pieces)

    # ---- running code under the debugger ---------------------------
    def _prepare_namespaces(self, globals, locals):
        if globals is None:
            import __main__
            globals = __main__.__dict__
        if locals is None:
            locals = globals
        return globals, locals

    def run(self, cmd, globals=None, locals=None) -> None:
        globals, locals = self._prepare_namespaces(globals, locals)
        self.reset()
        if isinstance(cmd, str):
            cmd = compile(cmd, "<string>", "exec")
        sys.settrace(self.trace_dispatch)
        try:
            exec(cmd, globals, locals)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)

    def runeval(self, expr, globals=None, locals=None):
        globals, locals = self._prepare_namespaces(globals, locals)
        self.reset()
        sys.settrace(self.trace_dispatch)
        result = None
        try:
            result = eval(expr, globals, locals)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)
        return result

    def runctx(self, cmd, globals, locals) -> None:
        self.run(cmd, globals, locals)

    def runcall(self, func, /, *args, **kwds):
        self.reset()
        sys.settrace(self.trace_dispatch)
        result = None
        try:
            result = func(*args, **kwds)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)
        return result


def set_trace() -> None:
    Bdb().set_trace(sys._getframe().f_back)


class Breakpoint:
    """One breakpoint.  Instances are indexed both by number
    (bpbynumber) and by (file, line) (bplist)."""

    next = 1
    bplist = {}
    bpbynumber = [None]

    def __init__(self, file, line, temporary=False, cond=None, funcname=None):
        self.file, self.line, self.funcname = file, line, funcname
        self.temporary, self.cond = temporary, cond
        self.func_first_executable_line = None  # found on first hit
        self.enabled, self.ignore, self.hits = True, 0, 0
        self.number = Breakpoint.next
        Breakpoint.next = self.number + 1
        Breakpoint.bpbynumber.append(self)
        Breakpoint.bplist.setdefault((file, line), []).append(self)

    @staticmethod
    def clearBreakpoints() -> None:
        Breakpoint.next = 1
        Breakpoint.bplist = {}
        Breakpoint.bpbynumber = [None]

    def deleteMe(self) -> None:
        key = (self.file, self.line)
        Breakpoint.bpbynumber[self.number] = None
        same_spot = Breakpoint.bplist.get(key)
        if same_spot is not None:
            if self in same_spot:
                same_spot.remove(self)
            if not same_spot:
                del Breakpoint.bplist[key]

    def enable(self) -> None:
        self.enabled = True

    def disable(self) -> None:
        self.enabled = False

    def bpprint(self, out=None) -> None:
        print(self.bpformat(), file=out if out is not None else sys.stdout)

    def bpformat(self) -> str:
        disp = ('del  ' if self.temporary else 'keep ')
        disp += ('yes  ' if self.enabled else 'no   ')
        out = ['%-4dbreakpoint   %s at %s:%d'
               % (self.number, disp, self.file, self.line)]
        if self.cond:
            out.append('\tstop only if %s' % (self.cond,))
        if self.ignore:
            out.append('\tignore next %d hits' % self.ignore)
        if self.hits:
            plural = 's' if self.hits > 1 else ''
            out.append('\tbreakpoint already hit %d time%s'
                       % (self.hits, plural))
        return '\n'.join(out)

    def __str__(self):
        return 'breakpoint %s at %s:%s' % (self.number, self.file, self.line)


def checkfuncname(b, frame):
    """Does breakpoint `b` (set by line or by function name) apply to the
    line `frame` is executing?"""
    if not b.funcname:
        return b.line == frame.f_lineno
    if frame.f_code.co_name != b.funcname:
        return False
    # A function breakpoint fires at the first line executed in the body.
    if not b.func_first_executable_line:
        b.func_first_executable_line = frame.f_lineno
    return b.func_first_executable_line == frame.f_lineno


def effective(file, line, frame):
    """Pick the breakpoint at (file, line) that should trigger now.

    Returns (bp, True) to stop and possibly delete a temporary bp,
    (bp, False) when the condition could not be evaluated (stop, but
    keep it), or (None, None)."""
    for b in Breakpoint.bplist[file, line]:
        if not b.enabled or not checkfuncname(b, frame):
            continue
        b.hits += 1
        if b.cond:
            try:
                ok = eval(b.cond, frame.f_globals, frame.f_locals)
            except:
                return (b, False)
            if not ok:
                continue
        if b.ignore > 0:
            b.ignore -= 1
            continue
        return (b, True)
    return (None, None)
