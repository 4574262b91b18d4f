"""Utilities to compile possibly incomplete Python source, as an
interactive interpreter needs (CPython's `codeop`): compile_command,
Compile and CommandCompiler.

Each function answers one of three ways: a code object when the source
is a complete statement, None when it is the start of one and more input
may follow, or the SyntaxError (OverflowError, ValueError) the compiler
raises when no continuation can make it valid.

CPython decides "incomplete" inside its parser (the private compile flag
PyCF_ALLOW_INCOMPLETE_INPUT). krait's compiler has no such mode, so this
module reaches the same verdicts from the outside: it reads the
compiler's messages for unclosed brackets and strings, and for any other
error checks whether the error moves when more lines are appended (an
error at the end of the input depends on what comes next; a real one
does not). The positions inside raised SyntaxErrors are those of krait's
compiler, which may differ slightly from CPython's.
"""

import __future__
import re
import warnings

__all__ = ['compile_command', 'Compile', 'CommandCompiler']

_feature_bits = [getattr(__future__, name).compiler_flag
                 for name in __future__.all_feature_names]

# The flag values CPython's codeop passes to compile(); krait's compile()
# accepts and ignores them, but callers may inspect Compile().flags.
PyCF_DONT_IMPLY_DEDENT, PyCF_ALLOW_INCOMPLETE_INPUT = 1 << 9, 1 << 14
_INTERACTIVE_FLAGS = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

# Statements that own an indented block; in "single" mode such a
# statement is only finished by an empty line (or a trailing newline).
_COMPOUND_START = re.compile(
    r"\s*(?:@|(?:if|while|for|try|with|def|class|async)\b"
    r"|match\b.*:\s*(?:#.*)?$)")

_INDENTED_BLOCK = re.compile(
    r"^expected an indented block after .* on line (\d+)$")

_CLOSER = {"(": ")", "[": "]", "{": "}"}

# Only the AST is wanted when checking whether an error is a parse error.
_PyCF_ONLY_AST = 0x400


def _blank_or_comment(line):
    line = line.strip()
    return not line or line.startswith("#")


def _all_blank(source):
    return all(_blank_or_comment(line) for line in source.split("\n"))


def _first_statement_line(source):
    return next((line for line in source.split('\n')
                 if not _blank_or_comment(line)), '')


def _ends_open_compound(source):
    """True for "single" source whose statement is compound and not yet
    closed by a newline: CPython's interactive parser waits for more."""
    if source.endswith("\n"):
        return False
    return bool(_COMPOUND_START.match(_first_statement_line(source)))


def _error_key(err):
    return (type(err), err.msg, err.lineno, err.offset)


def _open_constructs(source):
    """Scan `source` as the tokenizer would and return the text that
    closes what is still open at its end: a triple-quoted string and
    brackets. Returns None when the brackets do not match."""
    stack = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "#":
            newline = source.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if ch in "'\"":
            quote = source[i:i + 3] if source[i:i + 3] == ch * 3 else ch
            j = i + len(quote)
            while j < n:
                if source[j] == "\\":
                    j += 2
                    continue
                if source.startswith(quote, j):
                    break
                if source[j] == "\n" and len(quote) == 1:
                    break   # an unterminated one-line string: an error
                j += 1
            if j >= n:
                if len(quote) == 3:
                    return quote + "".join(_CLOSER[b] for b in reversed(stack))
                return None
            i = j + len(quote)
            continue
        if ch in _CLOSER:
            stack.append(ch)
        elif ch in ")]}":
            if not stack or _CLOSER[stack.pop()] != ch:
                return None
        i += 1
    return "".join(_CLOSER[b] for b in reversed(stack))


def _parses(source, filename, symbol):
    try:
        compile(source, filename, symbol, _PyCF_ONLY_AST)
    except (SyntaxError, OverflowError, ValueError):
        return False
    return True


def _is_incomplete(source, filename, symbol, err):
    """Decide whether SyntaxError `err`, raised for `source` (which ends
    with a newline), was caused by the input ending too early, as
    CPython's parser does when it fails on the end of the input."""
    if _all_blank(source):
        return True     # nothing has been typed yet
    closing = _open_constructs(source)
    if closing is None:
        return False
    if closing:
        # Close the open brackets and string: the input was incomplete
        # if what remains wrong (if anything) is only found at or after
        # the added text; "(1 2" stays wrong before it.
        try:
            compile(source + closing + "\n", filename, symbol)
        except SyntaxError as closed_err:
            where = (closed_err.lineno or 0, closed_err.offset or 0)
            return where >= (source.count("\n") + 1, 1)
        except (OverflowError, ValueError):
            return False
        return True
    if source.endswith("\\\n"):
        # A backslash continues the line: incomplete if a word put after
        # it is what goes wrong (or nothing does), not the text before.
        joined = source[:-2]
        if _all_blank(joined):
            return True
        last_line = joined.count("\n") + 1
        column = len(joined) - joined.rfind("\n") + 1
        try:
            compile(joined + " pass\n", filename, symbol)
        except SyntaxError as joined_err:
            where = (joined_err.lineno or 0, joined_err.offset or 0)
            return where >= (last_line, column)
        except (OverflowError, ValueError):
            return False
        return True
    msg = err.msg if isinstance(err.msg, str) else str(err)
    match = _INDENTED_BLOCK.match(msg)
    if match:
        # Incomplete when nothing but blank lines and comments follow
        # the header that is waiting for its block.
        header = max(int(match.group(1)), err.lineno or 0)
        return all(_blank_or_comment(line)
                   for line in source.split("\n")[header:])
    # Errors found after parsing ('return' outside function, ...) are
    # never about missing input.
    probe_symbol = "eval" if symbol == "eval" else "exec"
    if _parses(source, filename, probe_symbol):
        return False
    # Any other error: append a line and see whether the error stays.
    # One that was found at the end of the input moves or disappears.
    try:
        compile(source, filename, probe_symbol)
        return False
    except SyntaxError as first_err:
        first = _error_key(first_err)
    except (OverflowError, ValueError):
        return False
    try:
        compile(source + "pass\n", filename, probe_symbol)
    except SyntaxError as probe_err:
        return _error_key(probe_err) != first
    except (OverflowError, ValueError):
        return False
    return True


def _compile_flagged(source, filename, symbol, flags, dont_inherit):
    """compile(), with PyCF_ALLOW_INCOMPLETE_INPUT and
    PyCF_DONT_IMPLY_DEDENT honoured as CPython's compiler does: input
    that ends too early raises SyntaxError("incomplete input")."""
    if not flags & PyCF_ALLOW_INCOMPLETE_INPUT:
        return compile(source, filename, symbol, flags, dont_inherit)
    try:
        code = compile(source, filename, symbol, flags, dont_inherit)
    except SyntaxError as err:
        with_newline = source if source.endswith("\n") else source + "\n"
        if _is_incomplete(with_newline, filename, symbol, err):
            raise SyntaxError("incomplete input",
                              (filename, err.lineno, err.offset, err.text)
                              ) from None
        raise
    if (symbol == "single" and flags & PyCF_DONT_IMPLY_DEDENT
            and _ends_open_compound(source)):
        # CPython's interactive parser would still wait for the
        # newline that ends the compound statement.
        lines = source.split("\n")
        raise SyntaxError("incomplete input",
                          (filename, len(lines), len(lines[-1]), lines[-1]))
    return code


def _quiet_attempt(compiler, source, filename, symbol):
    """None if `source` compiles, else the SyntaxError raised (warnings
    silenced: the final compilation repeats them)."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', (SyntaxWarning, DeprecationWarning))
        try:
            compiler(source, filename, symbol)
        except SyntaxError as err:
            return err
    return None


def _maybe_compile(compiler, source, filename, symbol):
    # Only blank lines and comments: a complete, empty statement (but
    # "eval" still needs its expression).
    if symbol != 'eval' and _all_blank(source):
        source = 'pass'
    if _quiet_attempt(compiler, source, filename, symbol) is not None:
        retry = _quiet_attempt(compiler, source + '\n', filename, symbol)
        if retry is None or 'incomplete input' in str(retry):
            return None
    return compiler(source, filename, symbol, incomplete_input=False)


def _compile(source, filename, symbol, incomplete_input=True):
    wanted = _INTERACTIVE_FLAGS if incomplete_input else 0
    return _compile_flagged(source, filename, symbol, wanted, False)


def compile_command(source, filename="<input>", symbol="single"):
    """Compile one interactive command.

    Returns a code object for complete, valid source and None when more
    input is needed; raises SyntaxError (or OverflowError / ValueError for
    bad literals) when no continuation can make it valid.  `symbol` is
    'single', 'exec' or 'eval'.
    """
    return _maybe_compile(_compile, source, filename, symbol)


class Compile:
    """A compile() work-alike that keeps any __future__ feature a
    compiled text enabled, for all later texts."""

    def __init__(self):
        self.flags = _INTERACTIVE_FLAGS

    def __call__(self, source, filename, symbol, **kwargs):
        active = self.flags
        if kwargs.get('incomplete_input', True) is False:
            active &= ~_INTERACTIVE_FLAGS
        code = _compile_flagged(source, filename, symbol, active, True)
        seen = code.co_flags
        for bit in _feature_bits:
            if seen & bit:
                self.flags |= bit
        return code


class CommandCompiler:
    """compile_command as an object that remembers __future__ imports
    between calls."""

    def __init__(self):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        """Like compile_command, with this instance's __future__
        features in force."""
        return _maybe_compile(self.compiler, source, filename, symbol)
