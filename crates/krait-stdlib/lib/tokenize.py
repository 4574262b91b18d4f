"""Lexical scanner for Python source, giving the token stream of
CPython 3.11's `tokenize` (COMMENT and NL tokens included, every
operator typed OP).

tokenize() takes a readline over *bytes*, works out the source encoding
and starts with an ENCODING token; generate_tokens() takes a readline
over *str*.  Tokens are TokenInfo(type, string, start, end, line).

krait's scanner runs one compiled pattern over each physical line (named
groups tell the token kinds apart) and keeps indentation, bracket depth,
backslash joins and unfinished strings as loop state.
"""

import re
import sys
import functools as _functools
import itertools as _itertools
from builtins import open as _builtin_open
from codecs import lookup, BOM_UTF8
from collections import namedtuple as _namedtuple
from io import TextIOWrapper

import token
from token import *
from token import EXACT_TOKEN_TYPES

__all__ = list(token.__all__)
__all__ += ["tokenize", "generate_tokens", "detect_encoding",
            "untokenize", "TokenInfo"]
del token

tabsize = 8

cookie_re = re.compile(
    r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(
    br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)


class TokenInfo(_namedtuple('TokenInfo', 'type string start end line')):

    def __repr__(self):
        kind, text, begin, finish, source = self
        return (f'TokenInfo(type={kind} ({tok_name[kind]}), string={text!r}, '
                f'start={begin!r}, end={finish!r}, line={source!r})')

    @property
    def exact_type(self):
        if self[0] != OP:
            return self[0]
        return EXACT_TOKEN_TYPES.get(self[1], OP)


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# ---------------------------------------------------------------------------
# The lexical grammar as regular expression text.  The module-level names
# (Number, String, PseudoToken, ...) are kept for programs that build on
# them; the scanner itself uses _SCANNER below.

def group(*choices):
    return "(%s)" % "|".join(choices)


def any(*choices):
    return group(*choices) + "*"


def maybe(*choices):
    return group(*choices) + "?"


def _alt(*choices):
    # Like group(), without a capturing group.
    return "(?:%s)" % "|".join(choices)


def _all_string_prefixes():
    """Every string prefix Python accepts, in every letter case, and ''."""
    found = {''}
    for letters in ('b', 'r', 'u', 'f', 'br', 'fr'):
        spellings = ['']
        for _ in letters:
            spellings = [done + c for done in spellings for c in letters
                         if c not in done.lower()]
        for spelled in spellings:
            variants = ['']
            for c in spelled:
                variants = [v + c for v in variants] + \
                           [v + c.upper() for v in variants]
            found.update(variants)
    return found


@_functools.lru_cache
def _compile(expr):
    return re.compile(expr, re.UNICODE)


_ONE_DIGIT = '[0-9]'
_RUN = _ONE_DIGIT + '(?:_?[0-9])*'          # digits with single underscores
_HEXRUN = '(?:_?[0-9a-fA-F])+'

Whitespace = r'[ \f\t]*'
Comment = r'#[^\r\n]*'
Ignore = Whitespace + any('\\\\\\r?\\n' + Whitespace) + maybe(Comment)
Name = r'\w+'

Hexnumber = '0[xX]' + _HEXRUN
Binnumber = '0[bB](?:_?[01])+'
Octnumber = '0[oO](?:_?[0-7])+'
Decnumber = '(?:0(?:_?0)*|[1-9](?:_?[0-9])*)'
Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
Exponent = '[eE][-+]?' + _RUN
Pointfloat = group(_RUN + r'\.(?:' + _RUN + ')?',
                   r'\.' + _RUN) + maybe(Exponent)
Expfloat = _RUN + Exponent
Floatnumber = group(Pointfloat, Expfloat)
Imagnumber = group(_RUN + '[jJ]', Floatnumber + '[jJ]')
Number = group(Imagnumber, Floatnumber, Intnumber)

StringPrefix = group(*_all_string_prefixes())


def _body(quote, stop):
    # The inside of a string closed by `quote`: any character but `stop`
    # and backslashes, or a backslash with the character after it.
    plain = '[^%s\\\\]*' % stop
    return plain + '(?:\\\\.' + plain + ')*'


Single = _body("'", "'") + "'"
Double = _body('"', '"') + '"'
Single3 = ("[^'\\\\]*(?:(?:\\\\.|'(?!''))[^'\\\\]*)*" + "'" * 3)
Double3 = ('[^"\\\\]*(?:(?:\\\\.|"(?!""))[^"\\\\]*)*' + '"' * 3)
Triple = group(StringPrefix + "'" * 3, StringPrefix + '"' * 3)
String = group(StringPrefix + "'" + _body("'", "\\n'") + "'",
               StringPrefix + '"' + _body('"', '\\n"') + '"')

Special = group(*[re.escape(text) for text in
                  sorted(EXACT_TOKEN_TYPES, reverse=True)])
Funny = group('\\r?\\n', Special)

PlainToken = group(Number, Funny, String, Name)
Token = Ignore + PlainToken

ContStr = group(
    StringPrefix + "'" + _body("'", "\\n'") + group("'", '\\\\\\r?\\n'),
    StringPrefix + '"' + _body('"', '\\n"') + group('"', '\\\\\\r?\\n'))
PseudoExtras = group('\\\\\\r?\\n|\\Z', Comment, Triple)
PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)

single_quoted = set()
triple_quoted = set()
endpats = {}
for _quote, _tail in (("'", Single), ('"', Double),
                      ("'''", Single3), ('"""', Double3)):
    for _spelled in _all_string_prefixes():
        endpats[_spelled + _quote] = _tail
        (single_quoted if len(_quote) == 1
         else triple_quoted).add(_spelled + _quote)
del _quote, _tail, _spelled


# ---------------------------------------------------------------------------
# The scanner's own pattern: the same grammar with only named groups, tried
# in the same order as PseudoToken; a character nothing accepts (taken
# before any blanks) becomes an ERRORTOKEN.

def _scanner():
    prefixes = sorted(_all_string_prefixes(), key=len, reverse=True)
    prefix = _alt(*prefixes)
    tails = {"'": Single, '"': Double, "'''": Single3, '"""': Double3}
    plain = {"'": _body("'", "\\n'"), '"': _body('"', '\\n"')}
    numbers = Number.replace('(', '(?:').replace('(?:?:', '(?:')
    operators = _alt(*[re.escape(text) for text in
                       sorted(EXACT_TOKEN_TYPES, reverse=True)])
    parts = [
        ('JOIN', '\\\\\\r?\\n'),
        ('END', '\\Z'),
        ('COMMENT', Comment),
        ('STRING3', prefix + _alt("'''" + tails["'''"],
                                  '"""' + tails['"""'])),
        ('OPEN3', prefix + _alt("'''", '"""')),
        ('NUMBER', numbers),
        ('NEWLINE', '\\r?\\n'),
        ('OP', operators),
        ('STRING', prefix + _alt("'" + plain["'"] + "'",
                                 '"' + plain['"'] + '"')),
        ('OPEN1', prefix + _alt("'" + plain["'"] + '\\\\\\r?\\n',
                                '"' + plain['"'] + '\\\\\\r?\\n')),
        ('NAME', Name),
    ]
    body = "|".join("(?P<%s>%s)" % part for part in parts)
    pattern = re.compile(
        "%s(?:%s)|(?P<BAD>[\\s\\S])" % (Whitespace, body), re.UNICODE)
    assert pattern.groups == len(parts) + 1
    ends = {quote: re.compile(tail, re.UNICODE)
            for quote, tail in tails.items()}
    return pattern, ends


_SCANNER, _STRING_ENDS = _scanner()
(_G_JOIN, _G_END, _G_COMMENT, _G_STRING3, _G_OPEN3, _G_NUMBER, _G_NEWLINE,
 _G_OP, _G_STRING, _G_OPEN1, _G_NAME, _G_BAD) = range(1, 13)
_OPENING = frozenset('([{')
_CLOSING = frozenset(')]}')
_LINE_ENDS = ('\\\n', '\\\r\n')


# ---------------------------------------------------------------------------
# Tokenizing

def _tokenize(readline, encoding):
    make = tuple.__new__
    Info = TokenInfo
    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        yield make(Info, (ENCODING, encoding, (0, 0), (0, 0), ''))

    scan = _SCANNER.finditer
    row = 0
    depth = 0              # open brackets
    joined = False         # the previous line ended with a backslash
    levels = [0]           # indentation columns in force
    # An unfinished string: where it began, its text so far, the lines
    # it spans, the pattern that closes it, and whether each further line
    # must end with a backslash (a one-quote string).
    open_at = None
    open_text = open_lines = ''
    closer = None
    needs_join = False
    line = ''

    while True:
        previous = line
        try:
            line = readline()
        except StopIteration:
            line = b''
        if encoding is not None:
            line = line.decode(encoding)
        row += 1
        width = len(line)
        col = 0

        if open_at is not None:
            if not line:
                raise TokenError("EOF in multi-line string", open_at)
            closing = closer.match(line)
            if closing is not None:
                col = closing.end()
                yield make(Info, (STRING, open_text + line[:col], open_at,
                                  (row, col), open_lines + line))
                open_at = None
                needs_join = False
            elif needs_join and not line.endswith(_LINE_ENDS):
                yield make(Info, (ERRORTOKEN, open_text + line, open_at,
                                  (row, width), open_lines))
                open_at = None
                continue
            else:
                open_text += line
                open_lines += line
                continue
        elif depth or joined:
            if not line:
                raise TokenError("EOF in multi-line statement", (row, 0))
            joined = False
        else:
            if not line:
                break
            rest = line.lstrip(' \t\f')
            col = width - len(rest)
            if not rest:
                break
            lead = rest[0]
            if lead == '#' or lead == '\n' or lead == '\r':
                if lead == '#':
                    note = rest.rstrip('\r\n')
                    stop = col + len(note)
                    yield make(Info, (COMMENT, note, (row, col), (row, stop),
                                      line))
                    col = stop
                yield make(Info, (NL, line[col:], (row, col), (row, width),
                                  line))
                continue
            indent = col
            if '\t' in line[:col] or '\f' in line[:col]:
                indent = 0
                for c in line[:col]:
                    if c == '\t':
                        indent = indent // tabsize * tabsize + tabsize
                    elif c == ' ':
                        indent += 1
                    else:
                        indent = 0
            if indent > levels[-1]:
                levels.append(indent)
                yield make(Info, (INDENT, line[:col], (row, 0), (row, col),
                                  line))
            elif indent < levels[-1]:
                if indent not in levels:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", row, col, line))
                here = (row, col)
                while indent < levels[-1]:
                    levels.pop()
                    yield make(Info, (DEDENT, '', here, here, line))

        for found in scan(line, col):
            kind = found.lastindex
            begin, stop = found.span(kind)
            if kind == _G_NAME:
                text = line[begin:stop]
                yield make(Info, (NAME if text[0].isidentifier() else OP,
                                  text, (row, begin), (row, stop), line))
            elif kind == _G_OP:
                text = line[begin:stop]
                if text in _OPENING:
                    depth += 1
                elif text in _CLOSING:
                    depth -= 1
                yield make(Info, (OP, text, (row, begin), (row, stop), line))
            elif kind == _G_NEWLINE:
                yield make(Info, (NL if depth > 0 else NEWLINE,
                                  line[begin:stop], (row, begin), (row, stop),
                                  line))
            elif kind == _G_NUMBER or kind == _G_STRING:
                yield make(Info, (NUMBER if kind == _G_NUMBER else STRING,
                                  line[begin:stop], (row, begin), (row, stop),
                                  line))
            elif kind == _G_COMMENT:
                yield make(Info, (COMMENT, line[begin:stop], (row, begin),
                                  (row, stop), line))
            elif kind == _G_STRING3:
                yield make(Info, (STRING, line[begin:stop], (row, begin),
                                  (row, stop), line))
            elif kind == _G_BAD:
                yield make(Info, (ERRORTOKEN, line[begin], (row, begin),
                                  (row, begin + 1), line))
            elif kind == _G_JOIN:
                joined = True
            elif kind == _G_OPEN3 or kind == _G_OPEN1:
                open_at = (row, begin)
                open_text = line[begin:]
                open_lines = line
                if kind == _G_OPEN1:
                    needs_join = True
                    quote = line[begin:stop].lstrip('rRbBuUfF')[0]
                else:
                    # A triple-quoted string keeps needs_join as it was:
                    # set when a one-quote string broke off without a
                    # closing quote (CPython 3.11 does not reset it there).
                    quote = line[stop - 3:stop]
                closer = _STRING_ENDS[quote]
                break
            # _G_END: nothing left on the line

    if previous and previous[-1] not in '\r\n' \
            and previous.strip()[:1] != '#':
        size = len(previous)
        yield make(Info, (NEWLINE, '', (row - 1, size), (row - 1, size + 1),
                          ''))
    here = (row, 0)
    for _ in range(len(levels) - 1):
        yield make(Info, (DEDENT, '', here, here, ''))
    yield make(Info, (ENDMARKER, '', here, here, ''))


def tokenize(readline):
    """Tokenize Python source read as bytes by `readline`; the first token
    is the ENCODING the source was decoded with."""
    encoding, already = detect_encoding(readline)
    feed = _itertools.chain(already, iter(readline, b""),
                            _itertools.repeat(b""))
    return _tokenize(feed.__next__, encoding)


def generate_tokens(readline):
    """Tokenize Python source read as str by `readline`."""
    return _tokenize(readline, None)


def _generate_tokens_from_c_tokenizer(source):
    import io
    return _tokenize(io.StringIO(source).readline, None)


# ---------------------------------------------------------------------------
# Encoding detection

def _get_normal_name(orig_enc):
    """Canonical spelling of the utf-8 and latin-1 families."""
    key = orig_enc[:12].lower().replace("_", "-")
    for canonical, spellings in (("utf-8", ("utf-8",)),
                                 ("iso-8859-1", ("latin-1", "iso-8859-1",
                                                 "iso-latin-1"))):
        for spelled in spellings:
            if key == spelled or key.startswith(spelled + "-"):
                return canonical
    return orig_enc


def detect_encoding(readline):
    """Find the encoding of Python source from a bytes `readline`: a
    UTF-8 BOM or a PEP 263 coding comment on one of the first two lines.
    Returns (encoding, the lines read, at most two)."""
    try:
        source = readline.__self__.name
    except AttributeError:
        source = None
    where = "" if source is None else " for {!r}".format(source)

    def next_line():
        try:
            return readline()
        except StopIteration:
            return b''

    def declared(raw, bom):
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            raise SyntaxError("invalid or missing encoding declaration"
                              + where)
        found = cookie_re.match(text)
        if found is None:
            return None
        name = _get_normal_name(found.group(1))
        try:
            lookup(name)
        except LookupError:
            if source is None:
                raise SyntaxError("unknown encoding: " + name)
            raise SyntaxError(
                "unknown encoding for {!r}: {}".format(source, name))
        if bom:
            if name != 'utf-8':
                raise SyntaxError("encoding problem" + where + ": utf-8")
            return name + '-sig'
        return name

    first = next_line()
    bom = first.startswith(BOM_UTF8)
    fallback = 'utf-8'
    if bom:
        first = first[3:]
        fallback = 'utf-8-sig'
    if not first:
        return fallback, []
    seen = [first]
    name = declared(first, bom)
    if name:
        return name, seen
    if blank_re.match(first) is None:
        return fallback, seen
    second = next_line()
    if not second:
        return fallback, seen
    seen.append(second)
    return declared(second, bom) or fallback, seen


def open(filename):
    """Open a Python source file as text, decoded with the encoding
    detect_encoding finds."""
    raw = _builtin_open(filename, 'rb')
    try:
        encoding = detect_encoding(raw.readline)[0]
        raw.seek(0)
        wrapped = TextIOWrapper(raw, encoding, line_buffering=True)
        wrapped.mode = 'r'
    except BaseException:
        raw.close()
        raise
    return wrapped


# ---------------------------------------------------------------------------
# Untokenizing

class Untokenizer:

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        last_row, last_col = self.prev_row, self.prev_col
        if (row, col) < (last_row, last_col):
            raise ValueError("start ({},{}) precedes previous end ({},{})"
                             .format(row, col, last_row, last_col))
        if row > last_row:
            self.tokens.append("\\\n" * (row - last_row))
            last_col = self.prev_col = 0
        if col > last_col:
            self.tokens.append(" " * (col - last_col))

    def untokenize(self, iterable):
        pieces = self.tokens
        margins = []
        line_start = False
        stream = iter(iterable)
        for item in stream:
            if len(item) == 2:
                self.compat(item, stream)
                break
            kind, text, start, end, _line = item
            if kind == ENCODING:
                self.encoding = text
            elif kind == ENDMARKER:
                break
            elif kind == INDENT:
                margins.append(text)
            elif kind == DEDENT:
                margins.pop()
                self.prev_row, self.prev_col = end
            else:
                ends_line = kind == NEWLINE or kind == NL
                if ends_line:
                    line_start = True
                elif line_start and margins:
                    margin = margins[-1]
                    if start[1] >= len(margin):
                        pieces.append(margin)
                        self.prev_col = len(margin)
                    line_start = False
                self.add_whitespace(start)
                pieces.append(text)
                if ends_line:
                    self.prev_row, self.prev_col = end[0] + 1, 0
                else:
                    self.prev_row, self.prev_col = end
        return "".join(pieces)

    def compat(self, token, iterable):
        """Rebuild source from (type, string) pairs: the spacing is made
        up, the tokens come back the same."""
        margins = []
        emit = self.tokens.append
        line_start = token[0] in (NEWLINE, NL)
        after_string = False
        for item in _itertools.chain((token,), iterable):
            kind, text = item[:2]
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind == NAME or kind == NUMBER:
                text += ' '
            if kind == STRING:
                if after_string:
                    text = ' ' + text
            after_string = kind == STRING
            if kind == INDENT:
                margins.append(text)
                continue
            if kind == DEDENT:
                margins.pop()
                continue
            if kind == NEWLINE or kind == NL:
                line_start = True
            elif line_start and margins:
                emit(margins[-1])
                line_start = False
            emit(text)


def untokenize(iterable):
    """Turn tokens back into source text.  From full 5-tuples the spacing
    follows the positions; from (type, string) pairs it is made up.  The
    result is bytes when an ENCODING token is among them."""
    builder = Untokenizer()
    text = builder.untokenize(iterable)
    if builder.encoding is None:
        return text
    return text.encode(builder.encoding)


# ---------------------------------------------------------------------------
# python -m tokenize

def main():
    import argparse

    def fail(message, filename=None, location=None):
        if location:
            report = "%s:%d:%d: error: %s" % ((filename,) + tuple(location)
                                              + (message,))
        elif filename:
            report = "%s: error: %s" % (filename, message)
        else:
            report = "error: %s" % message
        sys.stderr.write(report + "\n")
        sys.exit(1)

    parser = argparse.ArgumentParser(prog='python -m tokenize')
    parser.add_argument(dest='filename', nargs='?', metavar='filename.py',
                        help='the file to tokenize; defaults to stdin')
    parser.add_argument('-e', '--exact', dest='exact', action='store_true',
                        help='display token names using the exact type')
    options = parser.parse_args()

    filename = options.filename or "<stdin>"
    try:
        if options.filename:
            with _builtin_open(options.filename, 'rb') as source:
                stream = list(tokenize(source.readline))
        else:
            stream = _tokenize(sys.stdin.readline, None)
        for item in stream:
            kind = item.exact_type if options.exact else item.type
            span = "%d,%d-%d,%d:" % (item.start + item.end)
            print("%-20s%-15s%-15r" % (span, tok_name[kind], item.string))
    except IndentationError as err:
        fail(err.args[0], filename, err.args[1][1:3])
    except TokenError as err:
        fail(err.args[0], filename, err.args[1])
    except SyntaxError as err:
        fail(err, filename)
    except OSError as err:
        fail(err)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as err:
        sys.stderr.write("unexpected error: %s\n" % err)
        raise


if __name__ == "__main__":
    main()
