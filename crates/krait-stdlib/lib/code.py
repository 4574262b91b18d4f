"""Base classes for interactive Python interpreters (CPython's `code`):
InteractiveInterpreter, InteractiveConsole, interact and
compile_command (from codeop).

The console reads lines through input() (or a function given to
interact), collects them until codeop says a statement is complete,
runs it in its namespace and writes syntax errors and tracebacks with
the traceback module. Line editing through readline is left out: krait
has no readline module.
"""

import sys
import traceback
from codeop import CommandCompiler, compile_command

__all__ = ["InteractiveInterpreter", "InteractiveConsole", "interact",
           "compile_command"]

_COPYRIGHT_HINT = ('Type "help", "copyright", "credits" or "license" '
                   'for more information.')


def _hook_is_default():
    """Whether sys.excepthook is still the interpreter's own hook (then
    errors are written through self.write rather than handed to it)."""
    hook = sys.excepthook
    default = getattr(sys, "__excepthook__", None)
    if hook is default:
        return True
    # krait's sys module holds two distinct built-in function objects
    # for excepthook and __excepthook__; treat the built-in as default.
    return (type(hook) is type(len) and type(default) is type(len)
            and hook.__name__ == default.__name__)


class InteractiveInterpreter:
    """Base class for InteractiveConsole: parsing and interpreter state
    (the user's namespace), but no buffering or prompting of input."""

    def __init__(self, locals=None):
        """`locals` is the dictionary code runs in; by default a new one
        with __name__ "__console__" and __doc__ None."""
        if locals is None:
            locals = {"__name__": "__console__", "__doc__": None}
        self.locals = locals
        self.compile = CommandCompiler()

    def runsource(self, source, filename="<input>", symbol="single"):
        """Compile and run some source in the interpreter.

        Returns True when the source is incomplete (more input is
        needed; nothing ran) and False otherwise: it ran, or it had a
        syntax error, which showsyntaxerror() has reported.
        """
        try:
            code = self.compile(source, filename, symbol)
        except (OverflowError, SyntaxError, ValueError):
            self.showsyntaxerror(filename)
            return False
        if code is None:
            return True
        self.runcode(code)
        return False

    def runcode(self, code):
        """Execute a code object; any exception but SystemExit is
        reported by showtraceback()."""
        try:
            exec(code, self.locals)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()

    def showsyntaxerror(self, filename=None):
        """Report the syntax error that just occurred, with no stack
        trace since there is none. A SyntaxError is shown under
        `filename` when one is given. Stores sys.last_type,
        sys.last_value and sys.last_traceback."""
        exc_type, value, tb = sys.exc_info()
        sys.last_type = exc_type
        sys.last_value = value
        sys.last_traceback = tb
        if filename and exc_type is SyntaxError:
            try:
                msg, (_, lineno, offset, line) = value.args
            except ValueError:
                pass    # not the usual (msg, details) arguments
            else:
                value = SyntaxError(msg, (filename, lineno, offset, line))
                sys.last_value = value
        if _hook_is_default():
            self.write("".join(traceback.format_exception_only(exc_type,
                                                               value)))
        else:
            sys.excepthook(exc_type, value, tb)

    def showtraceback(self):
        """Report the exception that just occurred, leaving out the
        first stack entry (runcode's own frame). Stores sys.last_type,
        sys.last_value and sys.last_traceback."""
        exc_type, value, tb = sys.exc_info()
        sys.last_type = exc_type
        sys.last_value = value
        sys.last_traceback = tb
        try:
            if _hook_is_default():
                lines = traceback.format_exception(exc_type, value,
                                                   tb.tb_next)
                self.write("".join(lines))
            else:
                sys.excepthook(exc_type, value, tb)
        finally:
            tb = value = None   # break the frame <-> traceback cycle

    def write(self, data):
        """Write a string to sys.stderr; subclasses may send it
        elsewhere."""
        sys.stderr.write(data)


class InteractiveConsole(InteractiveInterpreter):
    """Closely emulate the interactive Python interpreter: input is
    buffered line by line until it forms a complete statement."""

    def __init__(self, locals=None, filename="<console>"):
        """`filename` is the name shown in tracebacks and syntax
        errors."""
        InteractiveInterpreter.__init__(self, locals)
        self.filename = filename
        self.resetbuffer()

    def resetbuffer(self):
        """Forget the lines of the statement being entered."""
        self.buffer = []

    def interact(self, banner=None, exitmsg=None):
        """Read and run statements until end of input (EOFError from
        raw_input) like the interactive interpreter.

        `banner` is written first (a default one naming Python when
        None, nothing when empty); `exitmsg` is written at the end (a
        default "now exiting ..." when None, nothing when empty).
        Prompts are sys.ps1 and sys.ps2, set to ">>> " and "... " if
        missing.
        """
        if not hasattr(sys, "ps1"):
            sys.ps1 = ">>> "
        if not hasattr(sys, "ps2"):
            sys.ps2 = "... "
        if banner is None:
            self.write("Python %s on %s\n%s\n(%s)\n" % (
                sys.version, sys.platform, _COPYRIGHT_HINT,
                type(self).__name__))
        elif banner:
            self.write("%s\n" % str(banner))
        more = False
        while True:
            try:
                prompt = sys.ps2 if more else sys.ps1
                try:
                    line = self.raw_input(prompt)
                except EOFError:
                    self.write("\n")
                    break
                more = self.push(line)
            except KeyboardInterrupt:
                self.write("\nKeyboardInterrupt\n")
                self.resetbuffer()
                more = False
        if exitmsg is None:
            self.write("now exiting %s...\n" % type(self).__name__)
        elif exitmsg != "":
            self.write("%s\n" % exitmsg)

    def push(self, line):
        """Add a line (without its newline) to the buffer and run the
        buffer as source. Returns True when more input is needed, as
        runsource() does; otherwise the buffer is emptied."""
        self.buffer.append(line)
        source = "\n".join(self.buffer)
        more = self.runsource(source, self.filename)
        if not more:
            self.resetbuffer()
        return more

    def raw_input(self, prompt=""):
        """Write `prompt` and read a line with input(); EOFError at the
        end of input. Subclasses may read from elsewhere."""
        return input(prompt)


def interact(banner=None, readfunc=None, local=None, exitmsg=None):
    """Run an InteractiveConsole over namespace `local`, reading lines
    with `readfunc` (input() by default); see
    InteractiveConsole.interact for `banner` and `exitmsg`."""
    console = InteractiveConsole(local)
    if readfunc is not None:
        console.raw_input = readfunc
    console.interact(banner, exitmsg)
