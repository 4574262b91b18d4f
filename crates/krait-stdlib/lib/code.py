"""Read-eval-print building blocks for krait: InteractiveInterpreter,
InteractiveConsole, interact() and compile_command (from codeop).

Lines are gathered until codeop reports a complete statement, which then
runs in the console's namespace; syntax errors and tracebacks are written
through self.write.  There is no readline line editing in krait.
"""

import sys
import traceback
from codeop import CommandCompiler, compile_command

__all__ = ['InteractiveInterpreter', 'InteractiveConsole', 'interact',
           'compile_command']


def _using_builtin_hook():
    """True while sys.excepthook is still the interpreter's own."""
    current = sys.excepthook
    original = getattr(sys, '__excepthook__', None)
    if current is original:
        return True
    # krait may hand out two distinct built-in objects for these.
    builtin = type(len)
    return (type(current) is builtin and type(original) is builtin
            and current.__name__ == original.__name__)


def _remember(kind, value, tb):
    sys.last_type, sys.last_value, sys.last_traceback = kind, value, tb


class InteractiveInterpreter:
    """Compiles and runs source in a namespace; no input handling."""

    def __init__(self, locals=None):
        self.locals = ({'__name__': '__console__', '__doc__': None}
                       if locals is None else locals)
        self.compile = CommandCompiler()

    def runsource(self, source, filename="<input>", symbol="single"):
        """Compile `source` and run it when complete.

        True means the input is incomplete and nothing ran; False means
        it ran, or was reported as a syntax error.
        """
        try:
            compiled = self.compile(source, filename, symbol)
        except (OverflowError, SyntaxError, ValueError):
            self.showsyntaxerror(filename)
            return False
        if compiled is not None:
            self.runcode(compiled)
            return False
        return True

    def runcode(self, code):
        """exec() `code` in self.locals; errors other than SystemExit
        go to showtraceback()."""
        try:
            exec(code, self.locals)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()

    def showsyntaxerror(self, filename=None):
        """Write the current syntax error (shown under `filename` if
        given) and record it in sys.last_*."""
        kind, value, tb = sys.exc_info()
        _remember(kind, value, tb)
        if filename and kind is SyntaxError:
            try:
                message, (_, row, col, text) = value.args
            except ValueError:
                pass
            else:
                value = SyntaxError(message, (filename, row, col, text))
                sys.last_value = value
        if not _using_builtin_hook():
            sys.excepthook(kind, value, tb)
            return
        self.write(''.join(traceback.format_exception_only(kind, value)))

    def showtraceback(self):
        """Write the current exception's traceback without runcode's own
        frame, and record it in sys.last_*."""
        kind, value, tb = sys.exc_info()
        _remember(kind, value, tb)
        try:
            if not _using_builtin_hook():
                sys.excepthook(kind, value, tb)
            else:
                self.write(''.join(
                    traceback.format_exception(kind, value, tb.tb_next)))
        finally:
            value = tb = None

    def write(self, data):
        """Send output to sys.stderr (override to redirect)."""
        sys.stderr.write(data)


class InteractiveConsole(InteractiveInterpreter):
    """An interpreter that buffers lines the way the `python` prompt
    does."""

    def __init__(self, locals=None, filename="<console>"):
        super().__init__(locals)
        self.filename = filename
        self.resetbuffer()

    def resetbuffer(self):
        """Drop the lines collected so far."""
        self.buffer = []

    def _banner_text(self, banner):
        if banner is None:
            return ('Python %s on %s\nType "help", "copyright", "credits" '
                    'or "license" for more information.\n(%s)\n'
                    % (sys.version, sys.platform, type(self).__name__))
        return str(banner) + '\n' if banner else ''

    def interact(self, banner=None, exitmsg=None):
        """Prompt, read and run until raw_input raises EOFError.

        banner None gives the default greeting, '' none at all; exitmsg
        likewise for the goodbye line.
        """
        for attr, default in (('ps1', '>>> '), ('ps2', '... ')):
            if not hasattr(sys, attr):
                setattr(sys, attr, default)
        greeting = self._banner_text(banner)
        if greeting:
            self.write(greeting)
        waiting = False
        while True:
            try:
                try:
                    entered = self.raw_input(sys.ps2 if waiting else sys.ps1)
                except EOFError:
                    self.write('\n')
                    break
                waiting = self.push(entered)
            except KeyboardInterrupt:
                self.write('\nKeyboardInterrupt\n')
                self.resetbuffer()
                waiting = False
        if exitmsg is None:
            self.write('now exiting ' + type(self).__name__ + '...\n')
        elif exitmsg != '':
            self.write('%s\n' % exitmsg)

    def push(self, line):
        """Append `line` and try to run the buffer; True while more
        input is needed."""
        self.buffer.append(line)
        incomplete = self.runsource('\n'.join(self.buffer), self.filename)
        if not incomplete:
            self.resetbuffer()
        return incomplete

    def raw_input(self, prompt=""):
        """input(prompt); override to read from elsewhere."""
        return input(prompt)


def interact(banner=None, readfunc=None, local=None, exitmsg=None):
    """Run an InteractiveConsole over `local`, reading with `readfunc`
    (input() by default)."""
    shell = InteractiveConsole(local)
    if readfunc is not None:
        shell.raw_input = readfunc
    shell.interact(banner, exitmsg)
