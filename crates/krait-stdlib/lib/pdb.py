"""krait's interactive source debugger.

Start it with `python -m pdb script.py`, `pdb.run(stmt)`,
`pdb.runcall(func, *args)`, `pdb.set_trace()` inside a program, or
`pdb.post_mortem(tb)` / `pdb.pm()` after a crash.  Type `help` at the
`(Pdb) ` prompt for the list of commands.
"""

import os
import sys
import cmd
import bdb

__all__ = ["run", "pm", "Pdb", "runeval", "runctx", "runcall", "set_trace",
           "post_mortem", "help"]

line_prefix = '\n-> '


class Restart(Exception):
    """Raised to restart the debugged script."""


class _Shown(str):
    """A str whose repr is itself (used for display error markers)."""
    def __repr__(self):
        return self


def _last_exc_line(etype, evalue):
    import traceback
    return traceback.format_exception_only(etype, evalue)[-1].strip()


def _source_block(lines, start):
    """Lines of the def/class starting at index `start` (0-based),
    judged by indentation."""
    head = lines[start]
    indent = len(head) - len(head.lstrip())
    block = [head]
    opened = head.rstrip().endswith((':', '(', ',', '[', '{', '\\'))
    idx = start + 1
    # skip decorator lines up to the def itself
    while head.lstrip().startswith('@') and idx < len(lines):
        head = lines[idx]
        block.append(head)
        idx += 1
    while idx < len(lines):
        text = lines[idx]
        stripped = text.strip()
        if stripped and (len(text) - len(text.lstrip())) <= indent:
            if not (opened and stripped[:1] in ')]}'):
                break
        block.append(text)
        idx += 1
    while len(block) > 1 and not block[-1].strip():
        block.pop()
    return block


class Pdb(bdb.Bdb, cmd.Cmd):

    _previous_sigint_handler = None

    def __init__(self, completekey='tab', stdin=None, stdout=None, skip=None,
                 nosigint=False, readrc=True):
        bdb.Bdb.__init__(self, skip)
        cmd.Cmd.__init__(self, completekey, stdin=stdin, stdout=stdout)
        getattr(sys, "audit", lambda *a: None)("pdb.Pdb")
        if stdout:
            self.use_rawinput = 0
        self.prompt = '(Pdb) '
        self.aliases = {}
        self.displaying = {}
        self.mainpyfile, self._wait_for_mainpyfile = '', False
        self.tb_lineno = {}
        self.nosigint = nosigint
        self._user_requested_quit = False
        self.rcLines = []
        if readrc:
            for rc in (os.path.expanduser('~/.pdbrc'), '.pdbrc'):
                try:
                    with open(rc, encoding='utf-8') as fh:
                        self.rcLines.extend(fh)
                except OSError:
                    pass
        # state for the (unimplemented) `commands` feature
        self.commands, self.commands_doprompt, self.commands_silent = {}, {}, {}
        self.commands_defining, self.commands_bnum = False, None
        self.lineno = None
        self.stack = []
        self.curindex = 0
        self.curframe = None
        self.curframe_locals = {}

    # ---- output -----------------------------------------------------
    def _say(self, fmt, vals):
        self.message(fmt % vals)

    def _complain(self, fmt, vals):
        self.error(fmt % vals)

    def message(self, msg):
        print(msg, file=self.stdout)

    def error(self, msg):
        print('***', msg, file=self.stdout)

    def _report_current_exc(self):
        etype, evalue = sys.exc_info()[:2]
        self.error(_last_exc_line(etype, evalue))

    def displayhook(self, obj):
        if obj is not None:
            self.message(repr(obj))

    def sigint_handler(self, signum, frame):
        if self.allow_kbdint:
            raise KeyboardInterrupt
        self.message("\nProgram interrupted. (Use 'cont' to resume).")
        self.set_step()
        self.set_trace(frame)

    # ---- state ------------------------------------------------------
    def reset(self):
        bdb.Bdb.reset(self)
        self.forget()

    def forget(self):
        self.lineno = None
        self.stack = []
        self.curindex = 0
        self.curframe = None
        self.tb_lineno.clear()

    def setup(self, f, tb):
        self.forget()
        self.stack, self.curindex = self.get_stack(f, tb)
        while tb is not None:
            self.tb_lineno[tb.tb_frame] = tb.tb_lineno
            tb = tb.tb_next
        self._use_frame(self.stack[self.curindex][0])
        return self._run_rc_lines()

    def _run_rc_lines(self):
        if not self.rcLines:
            return None
        pending = [ln.strip() for ln in self.rcLines]
        self.rcLines = []
        pending = [ln for ln in pending if ln and not ln.startswith('#')]
        while pending:
            if self.onecmd(pending.pop(0)):
                self.rcLines = pending
                return True
        return None

    # ---- bdb hooks --------------------------------------------------
    def _main_not_started(self, frame):
        if not self._wait_for_mainpyfile:
            return False
        if (self.mainpyfile != self.canonic(frame.f_code.co_filename)
                or frame.f_lineno <= 0):
            return True
        self._wait_for_mainpyfile = False
        return False

    def user_call(self, frame, argument_list):
        if self._wait_for_mainpyfile:
            return
        if self.stop_here(frame):
            self.message('--Call--')
            self.interaction(frame, None)

    def user_line(self, frame):
        if self._main_not_started(frame):
            return
        self.interaction(frame, None)

    def user_return(self, frame, return_value):
        if self._wait_for_mainpyfile:
            return
        frame.f_locals['__return__'] = return_value
        self.message('--Return--')
        self.interaction(frame, None)

    def user_exception(self, frame, exc_info):
        if self._wait_for_mainpyfile:
            return
        etype, evalue, etb = exc_info
        frame.f_locals['__exception__'] = etype, evalue
        internal = etb is None and etype is StopIteration
        self.message(('Internal ' if internal else '')
                     + _last_exc_line(etype, evalue))
        self.interaction(frame, etb)

    def interaction(self, frame, traceback):
        if Pdb._previous_sigint_handler:
            try:
                import signal
                signal.signal(signal.SIGINT, Pdb._previous_sigint_handler)
            except Exception:
                pass
            Pdb._previous_sigint_handler = None
        if self.setup(frame, traceback):
            self.forget()
            return
        self.print_stack_entry(self.stack[self.curindex or 0])
        while True:
            try:
                self.allow_kbdint = True
                self.cmdloop()
                self.allow_kbdint = False
                break
            except KeyboardInterrupt:
                self.message('--KeyboardInterrupt--')
        self.forget()

    def preloop(self):
        shown = self.displaying.get(self.curframe)
        if not shown:
            return
        for expr, before in list(shown.items()):
            now = self._eval_for_display(expr)
            if now is not before and now != before:
                shown[expr] = now
                self._say('display %s: %r  [old: %r]', (expr, now, before))

    # ---- command line handling -------------------------------------
    def precmd(self, line):
        if not line.strip():
            return line
        words = line.split()
        while words and words[0] in self.aliases:
            body = self.aliases[words[0]]
            for n, word in enumerate(words[1:], 1):
                body = body.replace('%' + str(n), word)
            body = body.replace('%*', ' '.join(words[1:]))
            line = body
            words = line.split()
        cut = line.find(';;')
        if cut >= 0:
            self.cmdqueue.append(line[cut + 2:].lstrip())
            line = line[:cut].rstrip()
        return line

    def default(self, line):
        if line[:1] == '!':
            line = line[1:]
        where_globals = self.curframe.f_globals
        where_locals = self.curframe_locals
        try:
            code = compile(line + '\n', '<stdin>', 'single')
            saved = sys.stdout, sys.stdin, sys.displayhook
            try:
                sys.stdin = self.stdin
                sys.stdout = self.stdout
                sys.displayhook = self.displayhook
                exec(code, where_globals, where_locals)
            finally:
                sys.stdout, sys.stdin, sys.displayhook = saved
        except:
            self._report_current_exc()

    # ---- expression helpers ----------------------------------------
    def _getval(self, argtext):
        try:
            return eval(argtext, self.curframe.f_globals, self.curframe_locals)
        except:
            self._report_current_exc()
            raise

    def _eval_for_display(self, argtext, frame=None):
        try:
            if frame is None:
                return eval(argtext, self.curframe.f_globals,
                            self.curframe_locals)
            return eval(argtext, frame.f_globals, frame.f_locals)
        except:
            etype, evalue = sys.exc_info()[:2]
            return _Shown('** raised %s **' % _last_exc_line(etype, evalue))

    _getval_except = _eval_for_display

    # ---- stack display ---------------------------------------------
    def print_stack_entry(self, frame_lineno, prompt_prefix=line_prefix):
        marker = '> ' if frame_lineno[0] is self.curframe else '  '
        self.message(marker + self.format_stack_entry(frame_lineno,
                                                      prompt_prefix))

    def print_stack_trace(self):
        try:
            for entry in self.stack:
                self.print_stack_entry(entry)
        except KeyboardInterrupt:
            pass

    def _use_frame(self, frame):
        self.curframe = frame
        self.curframe_locals = frame.f_locals

    def _select_frame(self, number):
        self.curindex = number
        self._use_frame(self.stack[number][0])
        self.print_stack_entry(self.stack[number])
        self.lineno = None

    # ---- file / line resolution ------------------------------------
    def defaultFile(self):
        name = self.curframe.f_code.co_filename
        if name == '<string>' and self.mainpyfile:
            name = self.mainpyfile
        return name

    def lookupmodule(self, filename):
        if os.path.isabs(filename) and os.path.exists(filename):
            return filename
        beside = os.path.join(sys.path[0], filename)
        if os.path.exists(beside) and self.canonic(beside) == self.mainpyfile:
            return beside
        if not os.path.splitext(filename)[1]:
            filename = filename + '.py'
        if os.path.isabs(filename):
            return filename
        for folder in sys.path:
            while os.path.islink(folder):
                folder = os.readlink(folder)
            candidate = os.path.join(folder, filename)
            if os.path.exists(candidate):
                return candidate
        return None

    def _find_def(self, funcname, filename):
        import re
        pattern = re.compile(r'def\s+%s\s*[(]' % re.escape(funcname))
        try:
            fh = open(filename, encoding='utf-8')
        except OSError:
            return None
        with fh:
            for num, text in enumerate(fh, 1):
                if pattern.match(text):
                    return funcname, filename, num
        return None

    def lineinfo(self, identifier):
        nothing = (None, None, None)
        quoted = identifier.split("'")
        if len(quoted) == 1:
            ident = quoted[0].strip()
        elif len(quoted) == 3:
            ident = quoted[1].strip()
        else:
            return nothing
        if not ident:
            return nothing
        parts = ident.split('.')
        if parts[0] == 'self':
            parts = parts[1:]
            if not parts:
                return nothing
        fname = self.defaultFile()
        if len(parts) == 1:
            item = parts[0]
        else:
            found = self.lookupmodule(parts[0])
            if found:
                fname = found
            item = parts[1]
        return self._find_def(item, fname) or nothing

    def checkline(self, filename, lineno):
        globs = self.curframe.f_globals if self.curframe is not None else None
        import linecache
        text = linecache.getline(filename, lineno, globs)
        if not text:
            self.message('End of file')
            return 0
        text = text.strip()
        if not text or text[0] == '#' or text[:3] in ('"""', "'''"):
            self.error('Blank or comment')
            return 0
        return lineno

    # ---- breakpoint commands ---------------------------------------
    def do_break(self, argtext, temporary=0):
        """b(reak) [ ([filename:]lineno | function) [, condition] ]
        Set a breakpoint; without argument, list all breakpoints."""
        if not argtext:
            if self.breaks:
                self.message("Num Type         Disp Enb   Where")
                for bp in bdb.Breakpoint.bpbynumber:
                    if bp:
                        self.message(bp.bpformat())
            return
        filename = None
        lineno = None
        funcname = None
        cond = None
        comma = argtext.find(',')
        if comma > 0:
            cond = argtext[comma + 1:].lstrip()
            argtext = argtext[:comma].rstrip()
        colon = argtext.rfind(':')
        if colon >= 0:
            given = argtext[:colon].rstrip()
            filename = self.lookupmodule(given)
            if not filename:
                self._complain('%r not found from sys.path', given)
                return
            argtext = argtext[colon + 1:].lstrip()
            try:
                lineno = int(argtext)
            except ValueError:
                self._complain('Bad lineno: %s', argtext)
                return
        else:
            try:
                lineno = int(argtext)
            except ValueError:
                located = self._locate_function(argtext)
                if located is None:
                    self.error('The specified object %r is not a function '
                               'or was not found along sys.path.' % argtext)
                    return
                funcname, filename, lineno = located
        if not filename:
            filename = self.defaultFile()
        line = self.checkline(filename, lineno)
        if not line:
            return
        problem = self.set_break(filename, line, temporary, cond, funcname)
        if problem:
            self.error(problem)
            return
        bp = self.get_breaks(filename, line)[-1]
        self._say("Breakpoint %d at %s:%d", (bp.number, bp.file, bp.line))

    def _locate_function(self, argtext):
        try:
            obj = eval(argtext, self.curframe.f_globals, self.curframe_locals)
        except:
            obj = argtext
        obj = getattr(obj, '__func__', obj)
        code = getattr(obj, '__code__', None)
        if code is not None:
            return code.co_name, code.co_filename, code.co_firstlineno
        name, fname, num = self.lineinfo(argtext)
        if not name:
            return None
        return name, fname, int(num)

    do_b = do_break

    def do_tbreak(self, argtext):
        """tbreak [ ([filename:]lineno | function) [, condition] ]
        Like break, but the breakpoint is removed when first hit."""
        self.do_break(argtext, 1)

    def do_clear(self, argtext):
        """cl(ear) [filename:lineno | bpnumber ...]
        Delete breakpoints by number or location; all if no argument."""
        if not argtext:
            try:
                answer = input('Clear all breaks? ')
            except EOFError:
                answer = 'no'
            if answer.strip().lower() in ('y', 'yes'):
                gone = [bp for bp in bdb.Breakpoint.bpbynumber if bp]
                self.clear_all_breaks()
                for bp in gone:
                    self._say('Deleted %s', bp)
            return
        if ':' in argtext:
            cut = argtext.rfind(':')
            filename, rest = argtext[:cut], argtext[cut + 1:]
            try:
                lineno = int(rest)
            except ValueError:
                problem = 'Invalid line number (%s)' % rest
            else:
                gone = list(self.get_breaks(filename, lineno))
                problem = self.clear_break(filename, lineno)
            if problem:
                self.error(problem)
            else:
                for bp in gone:
                    self._say('Deleted %s', bp)
            return
        for word in argtext.split():
            try:
                bp = self.get_bpbynumber(word)
            except ValueError as exc:
                self.error(exc)
            else:
                self.clear_bpbynumber(word)
                self._say('Deleted %s', bp)

    do_cl = do_clear

    def _each_bp(self, argtext, action, verb):
        for word in argtext.split():
            try:
                bp = self.get_bpbynumber(word)
            except ValueError as exc:
                self.error(exc)
            else:
                action(bp)
                self._say('%s %s', (verb, bp))

    def do_enable(self, argtext):
        """enable bpnumber [bpnumber ...]
        Enable the given breakpoints."""
        self._each_bp(argtext, bdb.Breakpoint.enable, 'Enabled')

    def do_disable(self, argtext):
        """disable bpnumber [bpnumber ...]
        Disable the given breakpoints (they are kept)."""
        self._each_bp(argtext, bdb.Breakpoint.disable, 'Disabled')

    def do_condition(self, argtext):
        """condition bpnumber [condition]
        Set or remove the condition of a breakpoint."""
        head, _, cond = argtext.partition(' ')
        if not _:
            cond = None
        try:
            bp = self.get_bpbynumber(head.strip())
        except ValueError as exc:
            self.error(exc)
            return
        bp.cond = cond
        if cond:
            self._say('New condition set for breakpoint %d.', bp.number)
        else:
            self._say('Breakpoint %d is now unconditional.', bp.number)

    def do_ignore(self, argtext):
        """ignore bpnumber [count]
        Skip the breakpoint the next `count` times it is reached."""
        words = argtext.split()
        try:
            count = int(words[1].strip())
        except Exception:
            count = 0
        try:
            bp = self.get_bpbynumber(words[0].strip() if words else '')
        except ValueError as exc:
            self.error(exc)
            return
        bp.ignore = count
        if count <= 0:
            self.message('Will stop next time breakpoint %d is reached.'
                         % bp.number)
            return
        what = '1 crossing' if count == 1 else '%d crossings' % count
        self.message('Will ignore next %s of breakpoint %d.'
                     % (what, bp.number))

    # ---- moving around the stack -----------------------------------
    def do_where(self, argtext):
        """w(here)
        Show the call stack; the newest frame is printed last."""
        self.print_stack_trace()

    do_w = do_where
    do_bt = do_where

    def _frame_count(self, argtext):
        try:
            return int(argtext or 1)
        except ValueError:
            self._complain('Invalid frame count (%s)', argtext)
            return None

    def do_up(self, argtext):
        """u(p) [count]
        Move `count` (default 1) levels up, to an older frame."""
        if self.curindex == 0:
            self.error('Oldest frame')
            return
        count = self._frame_count(argtext)
        if count is None:
            return
        target = 0 if count < 0 else max(0, self.curindex - count)
        self._select_frame(target)

    do_u = do_up

    def do_down(self, argtext):
        """d(own) [count]
        Move `count` (default 1) levels down, to a newer frame."""
        last = len(self.stack) - 1
        if self.curindex == last:
            self.error('Newest frame')
            return
        count = self._frame_count(argtext)
        if count is None:
            return
        target = last if count < 0 else min(last, self.curindex + count)
        self._select_frame(target)

    do_d = do_down

    # ---- execution control -----------------------------------------
    def do_step(self, argtext):
        """s(tep)
        Run the current line, stopping as soon as possible."""
        self.set_step()
        return 1

    do_s = do_step

    def do_next(self, argtext):
        """n(ext)
        Continue to the next line of the current function."""
        self.set_next(self.curframe)
        return 1

    do_n = do_next

    def do_until(self, argtext):
        """unt(il) [lineno]
        Continue until a greater line (or `lineno`) is reached."""
        target = None
        if argtext:
            try:
                target = int(argtext)
            except ValueError:
                self._complain('Error in argument: %r', argtext)
                return
            if target <= self.curframe.f_lineno:
                self.error('"until" line number is smaller than current '
                           'line number')
                return
        self.set_until(self.curframe, target)
        return 1

    do_unt = do_until

    def do_return(self, argtext):
        """r(eturn)
        Resume until the current function is about to return."""
        self.set_return(self.curframe)
        return 1

    do_r = do_return

    def do_continue(self, argtext):
        """c(ont(inue))
        Resume execution; stop only at a breakpoint."""
        if not self.nosigint:
            try:
                import signal
                Pdb._previous_sigint_handler = signal.signal(
                    signal.SIGINT, self.sigint_handler)
            except Exception:
                pass
        self.set_continue()
        return 1

    do_c = do_cont = do_continue

    def do_jump(self, argtext):
        """j(ump) lineno
        Set the next line to execute (bottom frame only)."""
        if self.curindex + 1 != len(self.stack):
            self.error('You can only jump within the bottom frame')
            return
        try:
            target = int(argtext)
        except ValueError:
            self.error("The 'jump' command requires a line number")
            return
        try:
            self.curframe.f_lineno = target
            self.stack[self.curindex] = self.stack[self.curindex][0], target
            self.print_stack_entry(self.stack[self.curindex])
        except ValueError as exc:
            self._complain('Jump failed: %s', exc)

    do_j = do_jump

    def do_quit(self, argtext):
        """q(uit) | exit
        Stop debugging; the program is aborted."""
        self._user_requested_quit = True
        self.set_quit()
        return 1

    do_q = do_exit = do_quit

    def do_EOF(self, argtext):
        """EOF
        End of input: quit the debugger."""
        self.message('')
        return self.do_quit(argtext)

    # ---- inspection --------------------------------------------------
    def do_args(self, argtext):
        """a(rgs)
        Show the arguments of the current function."""
        code = self.curframe.f_code
        names = code.co_argcount + code.co_kwonlyargcount
        names += bool(code.co_flags & 4) + bool(code.co_flags & 8)
        scope = self.curframe_locals
        for name in code.co_varnames[:names]:
            if name in scope:
                self._say('%s = %r', (name, scope[name]))
            else:
                self._say('%s = *** undefined ***', (name,))

    do_a = do_args

    def do_retval(self, argtext):
        """retval
        Show the value returned by the current function."""
        if '__return__' in self.curframe_locals:
            self.message(repr(self.curframe_locals['__return__']))
        else:
            self.error('Not yet returned!')

    do_rv = do_retval

    def do_p(self, argtext):
        """p expression
        Show repr() of the expression, evaluated in the current frame."""
        try:
            self.message(repr(self._getval(argtext)))
        except:
            pass

    def do_pp(self, argtext):
        """pp expression
        Like p, but formats the value with pprint."""
        import pprint
        try:
            self.message(pprint.pformat(self._getval(argtext)))
        except:
            pass

    def do_whatis(self, argtext):
        """whatis expression
        Describe what kind of object the expression gives."""
        try:
            value = self._getval(argtext)
        except:
            return
        inner = getattr(value, '__func__', None)
        if inner is not None and hasattr(inner, '__code__'):
            self._say('Method %s', inner.__code__.co_name)
            return
        code = getattr(value, '__code__', None)
        if code is not None:
            self._say('Function %s', code.co_name)
            return
        if value.__class__ is type:
            self._say('Class %s.%s', (value.__module__,
                                          value.__qualname__))
            return
        self.message(type(value))

    def do_display(self, argtext):
        """display [expression]
        Show the expression's value whenever it changes at a stop."""
        if not argtext:
            self.message('Currently displaying:')
            for pair in self.displaying.get(self.curframe, {}).items():
                self._say('%s: %r', pair)
            return
        value = self._eval_for_display(argtext)
        self.displaying.setdefault(self.curframe, {})[argtext] = value
        self._say('display %s: %r', (argtext, value))

    def do_undisplay(self, argtext):
        """undisplay [expression]
        Stop displaying the expression (all if none given)."""
        if not argtext:
            self.displaying.pop(self.curframe, None)
            return
        try:
            del self.displaying.get(self.curframe, {})[argtext]
        except KeyError:
            self._complain('not displaying %s', argtext)

    # ---- source listing ---------------------------------------------
    def _print_lines(self, lines, start, breaks=(), frame=None):
        if frame is not None:
            here = frame.f_lineno
            crash = self.tb_lineno.get(frame, -1)
        else:
            here = crash = -1
        for num, text in enumerate(lines, start):
            tag = str(num).rjust(3).ljust(4)
            tag += 'B' if num in breaks else ' '
            if num == here:
                tag += '->'
            elif num == crash:
                tag += '>>'
            self.message(tag + '\t' + text.rstrip())

    def do_list(self, argtext):
        """l(ist) [first[, last] | .]
        Show source lines around the current line (11 by default)."""
        import linecache
        self.lastcmd = 'list'
        last = None
        if argtext and argtext != '.':
            try:
                if ',' in argtext:
                    a, b = argtext.split(',')
                    first, last = int(a.strip()), int(b.strip())
                    if last < first:
                        last = first + last
                else:
                    first = max(1, int(argtext.strip()) - 5)
            except ValueError:
                self._complain('Error in argument: %r', argtext)
                return
        elif self.lineno is None or argtext == '.':
            first = max(1, self.curframe.f_lineno - 5)
        else:
            first = self.lineno + 1
        if last is None:
            last = first + 10
        fname = self.curframe.f_code.co_filename
        marks = self.get_file_breaks(fname)
        lines = linecache.getlines(fname, self.curframe.f_globals)
        self._print_lines(lines[first - 1:last], first, marks, self.curframe)
        self.lineno = min(last, len(lines))
        if len(lines) < last:
            self.message('[EOF]')

    do_l = do_list

    def do_longlist(self, argtext):
        """ll | longlist
        List the whole source of the current function or frame."""
        import linecache
        frame = self.curframe
        fname = frame.f_code.co_filename
        marks = self.get_file_breaks(fname)
        lines = linecache.getlines(fname, frame.f_globals)
        if not lines:
            self.error('could not get source code')
            return
        if frame.f_globals is frame.f_locals or frame.f_code.co_name == '<module>':
            self._print_lines(lines, 1, marks, frame)
            return
        first = frame.f_code.co_firstlineno
        block = _source_block(lines, first - 1)
        self._print_lines(block, first, marks, frame)

    do_ll = do_longlist

    # ---- aliases ----------------------------------------------------
    def do_alias(self, argtext):
        """alias [name [command]]
        Create, show or list command aliases."""
        words = argtext.split()
        if not words:
            for name in sorted(self.aliases):
                self._say('%s = %s', (name, self.aliases[name]))
            return
        if len(words) == 1:
            if words[0] in self.aliases:
                self._say('%s = %s', (words[0], self.aliases[words[0]]))
            return
        self.aliases[words[0]] = ' '.join(words[1:])

    def do_unalias(self, argtext):
        """unalias name
        Delete an alias."""
        words = argtext.split()
        if words:
            self.aliases.pop(words[0], None)

    # ---- help -------------------------------------------------------
    def do_help(self, argtext):
        """h(elp) [command]
        Without argument, list the commands; with one, describe it."""
        if not argtext:
            return cmd.Cmd.do_help(self, argtext)
        method = getattr(self, 'help_' + argtext, None)
        if method is not None:
            return method()
        func = getattr(self, 'do_' + argtext, None)
        if func is None or not func.__doc__:
            self._complain('No help for %r', argtext)
            return
        import textwrap
        first, _, rest = func.__doc__.partition('\n')
        self.message(first.strip() + ('\n' + textwrap.dedent(rest)).rstrip())

    do_h = do_help

    def help_exec(self):
        self.message('(!) statement\n        Run a Python statement in the '
                     'current frame; the "!" is only needed\n        when the '
                     'statement starts like a debugger command.')

    def help_pdb(self):
        help()

    # ---- running the main script ------------------------------------
    def _runscript(self, filename):
        import __main__
        __main__.__dict__.clear()
        __main__.__dict__.update({'__name__': '__main__',
                                  '__file__': filename,
                                  '__builtins__': __builtins__})
        self._wait_for_mainpyfile = True
        self.mainpyfile = self.canonic(filename)
        self._user_requested_quit = False
        with open(filename, 'rb') as fh:
            source = fh.read()
        code = compile(source, self.mainpyfile, 'exec')
        self.run(code)


# ---- module-level conveniences ----------------------------------------

def run(statement, globals=None, locals=None):
    Pdb().run(statement, globals, locals)


def runeval(expression, globals=None, locals=None):
    return Pdb().runeval(expression, globals, locals)


def runctx(statement, globals, locals):
    run(statement, globals, locals)


def runcall(*args, **kwds):
    return Pdb().runcall(*args, **kwds)


def set_trace(*, header=None):
    debugger = Pdb()
    if header is not None:
        debugger.message(header)
    debugger.set_trace(sys._getframe().f_back)


def post_mortem(t=None):
    if t is None:
        exc = sys.exc_info()[1]
        if exc is not None:
            t = exc.__traceback__
    if t is None:
        raise ValueError("A valid traceback must be passed if no "
                         "exception is being handled")
    debugger = Pdb()
    debugger.reset()
    debugger.interaction(None, t)


def pm():
    post_mortem(sys.last_traceback)


def help():
    print(__doc__)
    print('Commands: ' + ', '.join(sorted(
        name[3:] for name in dir(Pdb) if name.startswith('do_'))))


_usage = """usage: pdb.py [-c command] ... pyfile [argtext] ...

Debug the Python program given by pyfile."""


def main():
    import getopt
    try:
        opts, args = getopt.getopt(sys.argv[1:], 'mhc:', ['help', 'command='])
    except getopt.GetoptError as exc:
        print(exc)
        print(_usage)
        sys.exit(2)
    if not args:
        print(_usage)
        sys.exit(2)
    startup = []
    for opt, val in opts:
        if opt in ('-h', '--help'):
            print(_usage)
            sys.exit()
        elif opt in ('-c', '--command'):
            startup.append(val)
    script = args[0]
    if not os.path.exists(script):
        print('Error:', script, 'does not exist')
        sys.exit(1)
    sys.argv[:] = args
    sys.path[0] = os.path.dirname(os.path.realpath(script))
    debugger = Pdb()
    debugger.rcLines.extend(startup)
    while True:
        try:
            debugger._runscript(script)
            if debugger._user_requested_quit:
                break
            print("The program finished and will be restarted")
        except Restart:
            print("Restarting", script, "with arguments:")
            print("\t" + " ".join(sys.argv[1:]))
        except SystemExit:
            print("The program exited via sys.exit(). Exit status:", end=' ')
            print(sys.exc_info()[1])
        except SyntaxError:
            import traceback
            traceback.print_exc()
            sys.exit(1)
        except:
            import traceback
            traceback.print_exc()
            print("Uncaught exception. Entering post mortem debugging")
            print("Running 'cont' or 'step' will restart the program")
            debugger.interaction(None, sys.exc_info()[2])
            print("Post mortem debugger finished. The " + script +
                  " will be restarted")


if __name__ == '__main__':
    import pdb
    pdb.main()
