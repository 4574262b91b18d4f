"""Tokenization help for Python programs.

A pure-Python lexical scanner for Python source code, producing the same
token stream as CPython 3.11's ``tokenize`` module.

tokenize(readline) takes a callable returning lines of *bytes*; it first
detects the source encoding (PEP 263 coding cookie, UTF-8 BOM) and emits an
ENCODING token.  generate_tokens(readline) works on *str* lines.  Both yield
TokenInfo 5-tuples (type, string, start, end, line).
"""

import collections as _collections
import functools as _functools
import itertools as _itertools
import re
import sys
from builtins import open as _builtin_open
from codecs import lookup, BOM_UTF8
from io import TextIOWrapper

import token
from token import *
from token import EXACT_TOKEN_TYPES

__all__ = token.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                           "untokenize", "TokenInfo"]
del token

cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)

tabsize = 8


class TokenInfo(_collections.namedtuple('TokenInfo',
                                        'type string start end line')):
    __slots__ = ()

    def __repr__(self):
        kind = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)'
                % (kind, self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# ---------------------------------------------------------------------------
# Regular expressions describing the lexical grammar.

def group(*choices):
    return '(' + '|'.join(choices) + ')'


def any(*choices):
    return group(*choices) + '*'


def maybe(*choices):
    return group(*choices) + '?'


Whitespace = r'[ \f\t]*'
Comment = r'#[^\r\n]*'
Ignore = Whitespace + any(r'\\\r?\n' + Whitespace) + maybe(Comment)
Name = r'\w+'

_digits = r'[0-9](?:_?[0-9])*'
Hexnumber = r'0[xX](?:_?[0-9a-fA-F])+'
Binnumber = r'0[bB](?:_?[01])+'
Octnumber = r'0[oO](?:_?[0-7])+'
Decnumber = r'(?:0(?:_?0)*|[1-9](?:_?[0-9])*)'
Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
Exponent = r'[eE][-+]?' + _digits
Pointfloat = group(_digits + r'\.(?:' + _digits + r')?',
                   r'\.' + _digits) + maybe(Exponent)
Expfloat = _digits + Exponent
Floatnumber = group(Pointfloat, Expfloat)
Imagnumber = group(_digits + r'[jJ]', Floatnumber + r'[jJ]')
Number = group(Imagnumber, Floatnumber, Intnumber)


def _all_string_prefixes():
    """Every valid string prefix, in every letter case, including ''."""
    bases = ['b', 'r', 'u', 'f', 'br', 'fr']
    out = {''}
    for base in bases:
        for order in _itertools.permutations(base):
            for cased in _itertools.product(*[(c, c.upper()) for c in order]):
                out.add(''.join(cased))
    return out


@_functools.lru_cache
def _compile(expr):
    return re.compile(expr, re.UNICODE)


StringPrefix = group(*_all_string_prefixes())

# Tails of strings (after the opening quote).
Single = r"[^'\\]*(?:\\.[^'\\]*)*'"
Double = r'[^"\\]*(?:\\.[^"\\]*)*"'
Single3 = r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
Double3 = r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
Triple = group(StringPrefix + "'''", StringPrefix + '"""')
String = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*'",
               StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*"')

# Longest operators first so that the alternation prefers them.
Special = group(*[re.escape(op) for op in
                  sorted(EXACT_TOKEN_TYPES, reverse=True)])
Funny = group(r'\r?\n', Special)

PlainToken = group(Number, Funny, String, Name)
Token = Ignore + PlainToken

# First line of a single-quoted string, possibly continued by backslash.
ContStr = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*" +
                group("'", r'\\\r?\n'),
                StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*' +
                group('"', r'\\\r?\n'))
PseudoExtras = group(r'\\\r?\n|\Z', Comment, Triple)
PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)

endpats = {}
single_quoted = set()
triple_quoted = set()
for _prefix in _all_string_prefixes():
    endpats[_prefix + "'"] = Single
    endpats[_prefix + '"'] = Double
    endpats[_prefix + "'''"] = Single3
    endpats[_prefix + '"""'] = Double3
    single_quoted.add(_prefix + "'")
    single_quoted.add(_prefix + '"')
    triple_quoted.add(_prefix + "'''")
    triple_quoted.add(_prefix + '"""')
del _prefix


# ---------------------------------------------------------------------------
# Untokenizing.

class Untokenizer:

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        if row < self.prev_row or (row == self.prev_row and
                                   col < self.prev_col):
            raise ValueError("start ({},{}) precedes previous end ({},{})"
                             .format(row, col, self.prev_row, self.prev_col))
        rows = row - self.prev_row
        if rows:
            self.tokens.append("\\\n" * rows)
            self.prev_col = 0
        cols = col - self.prev_col
        if cols:
            self.tokens.append(" " * cols)

    def untokenize(self, iterable):
        it = iter(iterable)
        indents = []
        at_line_start = False
        for tok in it:
            if len(tok) == 2:
                self.compat(tok, it)
                break
            kind, text, start, end, line = tok
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind == ENDMARKER:
                break
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
                continue
            if kind in (NEWLINE, NL):
                at_line_start = True
            elif at_line_start and indents:
                current = indents[-1]
                if start[1] >= len(current):
                    self.tokens.append(current)
                    self.prev_col = len(current)
                at_line_start = False
            self.add_whitespace(start)
            self.tokens.append(text)
            self.prev_row, self.prev_col = end
            if kind in (NEWLINE, NL):
                self.prev_row += 1
                self.prev_col = 0
        return "".join(self.tokens)

    def compat(self, first, iterable):
        """Reconstruct source from (type, string) pairs only."""
        indents = []
        out = self.tokens.append
        at_line_start = first[0] in (NEWLINE, NL)
        prev_was_string = False
        for tok in _itertools.chain([first], iterable):
            kind, text = tok[:2]
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind in (NAME, NUMBER):
                text += ' '
            if kind == STRING:
                if prev_was_string:
                    text = ' ' + text
                prev_was_string = True
            else:
                prev_was_string = False
            if kind == INDENT:
                indents.append(text)
                continue
            elif kind == DEDENT:
                indents.pop()
                continue
            elif kind in (NEWLINE, NL):
                at_line_start = True
            elif at_line_start and indents:
                out(indents[-1])
                at_line_start = False
            out(text)


def untokenize(iterable):
    """Turn a token sequence back into source.

    With full 5-tuples the result reproduces the original spacing as far
    as positions allow; with 2-tuples the output is valid but the spacing
    differs.  If an ENCODING token is present the result is bytes.
    """
    ut = Untokenizer()
    out = ut.untokenize(iterable)
    if ut.encoding is not None:
        out = out.encode(ut.encoding)
    return out


# ---------------------------------------------------------------------------
# Encoding detection.

def _get_normal_name(orig_enc):
    enc = orig_enc[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    if enc in ("latin-1", "iso-8859-1", "iso-latin-1") or \
       enc.startswith(("latin-1-", "iso-8859-1-", "iso-latin-1-")):
        return "iso-8859-1"
    return orig_enc


def detect_encoding(readline):
    """Detect the encoding of a Python source given a bytes readline.

    Returns (encoding, lines_read).  At most two lines are consumed.
    """
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    state = {'bom': False}
    default = 'utf-8'

    def next_line():
        try:
            return readline()
        except StopIteration:
            return b''

    def cookie_of(line):
        try:
            text = line.decode('utf-8')
        except UnicodeDecodeError:
            msg = "invalid or missing encoding declaration"
            if filename is not None:
                msg = '{} for {!r}'.format(msg, filename)
            raise SyntaxError(msg)
        m = cookie_re.match(text)
        if not m:
            return None
        enc = _get_normal_name(m.group(1))
        try:
            lookup(enc)
        except LookupError:
            if filename is None:
                msg = "unknown encoding: " + enc
            else:
                msg = "unknown encoding for {!r}: {}".format(filename, enc)
            raise SyntaxError(msg)
        if state['bom']:
            if enc != 'utf-8':
                if filename is None:
                    msg = 'encoding problem: utf-8'
                else:
                    msg = 'encoding problem for {!r}: utf-8'.format(filename)
                raise SyntaxError(msg)
            enc += '-sig'
        return enc

    first = next_line()
    if first.startswith(BOM_UTF8):
        state['bom'] = True
        first = first[3:]
        default = 'utf-8-sig'
    if not first:
        return default, []
    enc = cookie_of(first)
    if enc:
        return enc, [first]
    if not blank_re.match(first):
        return default, [first]
    second = next_line()
    if not second:
        return default, [first]
    enc = cookie_of(second)
    if enc:
        return enc, [first, second]
    return default, [first, second]


def open(filename):
    """Open a Python source file in text mode using its detected encoding."""
    buffer = _builtin_open(filename, 'rb')
    try:
        encoding, _ = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = 'r'
        return text
    except BaseException:
        buffer.close()
        raise


# ---------------------------------------------------------------------------
# The scanner.

def tokenize(readline):
    """Tokenize a bytes stream; the first token is always ENCODING."""
    encoding, consumed = detect_encoding(readline)
    lines = _itertools.chain(consumed, iter(readline, b""),
                             _itertools.repeat(b""))
    return _tokenize(lines.__next__, encoding)


def generate_tokens(readline):
    """Tokenize a str stream (no ENCODING token)."""
    return _tokenize(readline, None)


def _tokenize(readline, encoding):
    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')

    pseudo = _compile(PseudoToken)
    lnum = 0
    depth = 0             # bracket nesting level
    backslash = False     # previous line ended with a backslash
    indents = [0]
    pending = ''          # text of an unfinished string
    pending_line = None   # source lines making up the unfinished string
    pending_start = None
    needs_cont = False    # single-quoted string continued with backslash
    end_re = None
    prev_line = ''
    line = ''

    while True:
        prev_line = line
        try:
            line = readline()
        except StopIteration:
            line = b''
        if encoding is not None:
            line = line.decode(encoding)
        lnum += 1
        pos, maxpos = 0, len(line)

        if pending:
            # Inside a string that started on an earlier line.
            if not line:
                raise TokenError("EOF in multi-line string", pending_start)
            m = end_re.match(line)
            if m:
                pos = m.end(0)
                yield TokenInfo(STRING, pending + line[:pos], pending_start,
                                (lnum, pos), pending_line + line)
                pending, needs_cont, pending_line = '', False, None
            elif needs_cont and not line.endswith(('\\\n', '\\\r\n')):
                yield TokenInfo(ERRORTOKEN, pending + line, pending_start,
                                (lnum, len(line)), pending_line)
                pending, pending_line = '', None
                continue
            else:
                pending += line
                pending_line += line
                continue

        elif depth == 0 and not backslash:
            # Start of a logical line: handle indentation.
            if not line:
                break
            column = 0
            while pos < maxpos:
                ch = line[pos]
                if ch == ' ':
                    column += 1
                elif ch == '\t':
                    column = (column // tabsize + 1) * tabsize
                elif ch == '\f':
                    column = 0
                else:
                    break
                pos += 1
            if pos == maxpos:
                break

            if line[pos] in '#\r\n':
                # Comment-only or blank line: no indentation change.
                if line[pos] == '#':
                    text = line[pos:].rstrip('\r\n')
                    yield TokenInfo(COMMENT, text, (lnum, pos),
                                    (lnum, pos + len(text)), line)
                    pos += len(text)
                yield TokenInfo(NL, line[pos:], (lnum, pos),
                                (lnum, len(line)), line)
                continue

            if column > indents[-1]:
                indents.append(column)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos),
                                line)
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", lnum, pos, line))
                indents.pop()
                yield TokenInfo(DEDENT, '', (lnum, pos), (lnum, pos), line)

        else:
            # Continuation of a logical line.
            if not line:
                raise TokenError("EOF in multi-line statement", (lnum, 0))
            backslash = False

        while pos < maxpos:
            m = pseudo.match(line, pos)
            if not m:
                yield TokenInfo(ERRORTOKEN, line[pos], (lnum, pos),
                                (lnum, pos + 1), line)
                pos += 1
                continue
            start, end = m.span(1)
            spos, epos, pos = (lnum, start), (lnum, end), end
            if start == end:
                continue
            text = line[start:end]
            first = line[start]

            if first in '0123456789' or (first == '.' and text != '.' and
                                         text != '...'):
                yield TokenInfo(NUMBER, text, spos, epos, line)
            elif first in '\r\n':
                yield TokenInfo(NL if depth > 0 else NEWLINE, text, spos,
                                epos, line)
            elif first == '#':
                yield TokenInfo(COMMENT, text, spos, epos, line)
            elif text in triple_quoted:
                end_re = _compile(endpats[text])
                m2 = end_re.match(line, pos)
                if m2:
                    pos = m2.end(0)
                    yield TokenInfo(STRING, line[start:pos], spos,
                                    (lnum, pos), line)
                else:
                    pending_start = (lnum, start)
                    pending = line[start:]
                    pending_line = line
                    break
            elif (first in single_quoted or text[:2] in single_quoted or
                  text[:3] in single_quoted):
                if text[-1] == '\n':
                    # String continued onto the next line with a backslash.
                    pending_start = (lnum, start)
                    end_re = _compile(endpats.get(first) or
                                      endpats.get(text[1]) or
                                      endpats.get(text[2]))
                    pending, needs_cont = line[start:], True
                    pending_line = line
                    break
                yield TokenInfo(STRING, text, spos, epos, line)
            elif first.isidentifier():
                yield TokenInfo(NAME, text, spos, epos, line)
            elif first == '\\':
                backslash = True
            else:
                if first in '([{':
                    depth += 1
                elif first in ')]}':
                    depth -= 1
                yield TokenInfo(OP, text, spos, epos, line)

    # Synthesize a NEWLINE if the source did not end with one.
    if prev_line and prev_line[-1] not in '\r\n' and \
       not prev_line.strip().startswith("#"):
        yield TokenInfo(NEWLINE, '', (lnum - 1, len(prev_line)),
                        (lnum - 1, len(prev_line) + 1), '')
    for _ in indents[1:]:
        yield TokenInfo(DEDENT, '', (lnum, 0), (lnum, 0), '')
    yield TokenInfo(ENDMARKER, '', (lnum, 0), (lnum, 0), '')


def _generate_tokens_from_c_tokenizer(source, extra_tokens=False):
    """Compatibility helper: tokenize a source string."""
    import io
    return _tokenize(io.StringIO(source).readline, None)


def main():
    import argparse

    def perror(message):
        sys.stderr.write(message)
        sys.stderr.write('\n')

    def error(message, filename=None, location=None):
        if location:
            args = (filename,) + location + (message,)
            perror("%s:%d:%d: error: %s" % args)
        elif filename:
            perror("%s: error: %s" % (filename, message))
        else:
            perror("error: %s" % message)
        sys.exit(1)

    parser = argparse.ArgumentParser(prog='python -m tokenize')
    parser.add_argument(dest='filename', nargs='?',
                        metavar='filename.py',
                        help='the file to tokenize; defaults to stdin')
    parser.add_argument('-e', '--exact', dest='exact', action='store_true',
                        help='display token names using the exact type')
    args = parser.parse_args()

    try:
        if args.filename:
            filename = args.filename
            with _builtin_open(filename, 'rb') as f:
                tokens = list(tokenize(f.readline))
        else:
            filename = "<stdin>"
            tokens = _tokenize(sys.stdin.readline, None)

        for tok in tokens:
            kind = tok.exact_type if args.exact else tok.type
            where = "%d,%d-%d,%d:" % (tok.start + tok.end)
            print("%-20s%-15s%-15r" % (where, tok_name[kind], tok.string))
    except IndentationError as err:
        line, column = err.args[1][1:3]
        error(err.args[0], filename, (line, column))
    except TokenError as err:
        line, column = err.args[1]
        error(err.args[0], filename, (line, column))
    except SyntaxError as err:
        error(err, filename)
    except OSError as err:
        error(err)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as err:
        perror("unexpected error: %s" % err)
        raise


if __name__ == "__main__":
    main()
