"""Run the interactive examples found in docstrings and text files (krait).

Examples (``>>>`` lines and the output expected after them) are pulled out
of docstrings or text, run, and their actual output compared with the
expected one; the API and the report texts follow CPython 3.11's doctest.
"""

__docformat__ = 'reStructuredText en'

__all__ = """
    register_optionflag DONT_ACCEPT_TRUE_FOR_1 DONT_ACCEPT_BLANKLINE
    NORMALIZE_WHITESPACE ELLIPSIS SKIP IGNORE_EXCEPTION_DETAIL
    COMPARISON_FLAGS REPORT_UDIFF REPORT_CDIFF REPORT_NDIFF
    REPORT_ONLY_FIRST_FAILURE REPORTING_FLAGS FAIL_FAST
    Example DocTest DocTestParser DocTestFinder DocTestRunner OutputChecker
    DocTestFailure UnexpectedException DebugRunner
    testmod testfile run_docstring_examples
    DocTestSuite DocFileSuite set_unittest_reportflags
    script_from_examples testsource debug_src debug
""".split()

import __future__
import difflib
import inspect
import linecache
import os
import re
import sys
import traceback
import unittest
from io import StringIO
from collections import namedtuple

TestResults = namedtuple('TestResults', 'failed attempted')


# ---------------------------------------------------------------------------
# option flags: each name gets the next free bit

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    bit = OPTIONFLAGS_BY_NAME.get(name)
    if bit is None:
        bit = 1 << len(OPTIONFLAGS_BY_NAME)
        OPTIONFLAGS_BY_NAME[name] = bit
    return bit


def _bits(*names):
    return [register_optionflag(n) for n in names]


(DONT_ACCEPT_TRUE_FOR_1, DONT_ACCEPT_BLANKLINE, NORMALIZE_WHITESPACE,
 ELLIPSIS, SKIP, IGNORE_EXCEPTION_DETAIL) = _bits(
    'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE', 'NORMALIZE_WHITESPACE',
    'ELLIPSIS', 'SKIP', 'IGNORE_EXCEPTION_DETAIL')
COMPARISON_FLAGS = 0
for _bit in (DONT_ACCEPT_TRUE_FOR_1, DONT_ACCEPT_BLANKLINE,
             NORMALIZE_WHITESPACE, ELLIPSIS, SKIP, IGNORE_EXCEPTION_DETAIL):
    COMPARISON_FLAGS |= _bit

(REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF, REPORT_ONLY_FIRST_FAILURE,
 FAIL_FAST) = _bits('REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF',
                    'REPORT_ONLY_FIRST_FAILURE', 'FAIL_FAST')
REPORTING_FLAGS = 0
for _bit in (REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF,
             REPORT_ONLY_FIRST_FAILURE, FAIL_FAST):
    REPORTING_FLAGS |= _bit
del _bit, _bits

BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'


# ---------------------------------------------------------------------------
# small helpers

def _extract_future_flags(globs):
    # compiler flags for the __future__ features bound in globs
    total = 0
    for feature_name in __future__.all_feature_names:
        feature = getattr(__future__, feature_name)
        if globs.get(feature_name, None) is feature:
            total |= feature.compiler_flag
    return total


def _normalize_module(module, depth=2):
    # a module object from a module, a dotted name, or None (the caller's)
    if inspect.ismodule(module):
        return module
    if isinstance(module, str):
        return __import__(module, globals(), locals(), ["*"])
    if module is not None:
        raise TypeError("Expected a module, string, or None")
    try:
        caller = sys._getframe(depth).f_globals['__name__']
        return sys.modules[caller]
    except (AttributeError, KeyError, ValueError):
        return sys.modules.get('__main__')


def _newline_convert(data):
    return data.replace('\r\n', '\n').replace('\r', '\n')


def _load_testfile(filename, package, module_relative, encoding):
    if module_relative:
        package = _normalize_module(package, 3)
        filename = _module_relative_path(package, filename)
        loader = getattr(package, '__loader__', None)
        if loader is None:
            spec = getattr(package, '__spec__', None)
            loader = getattr(spec, 'loader', None)
        reader = getattr(loader, 'get_data', None)
        if reader is not None:
            try:
                raw = reader(filename)
            except OSError:
                raw = None
            if raw is not None:
                return _newline_convert(raw.decode(encoding)), filename
    with open(filename, encoding=encoding) as stream:
        return stream.read(), filename


def _indent(s, indent=4):
    # prefix each non-empty line with `indent` spaces
    return re.sub(r'(?m)^(?=.)', ' ' * indent, s)


_DOCTEST_FRAME_RE = re.compile(
    r'^  File "(<doctest (?P<name>.+)\[(?P<num>\d+)\]>)", line (?P<line>\d+),'
    r' in .*\n\Z')


def _frame_positions(exc_value):
    """{(filename, lineno): (end_lineno, col, end_col)} for the doctest
    frames of an exception and of the exceptions chained to it."""
    found = {}
    todo, seen = [exc_value], set()
    while todo:
        exc = todo.pop()
        if exc is None or id(exc) in seen:
            continue
        seen.add(id(exc))
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename.startswith('<doctest '):
                try:
                    pos = list(code.co_positions())[tb.tb_lasti // 2]
                    if pos[0] == tb.tb_lineno:
                        found.setdefault((code.co_filename, tb.tb_lineno),
                                         pos[1:])
                except (AttributeError, IndexError, TypeError):
                    pass
            tb = tb.tb_next
        todo.append(exc.__cause__)
        todo.append(exc.__context__)
    return found


def _char_offset(text, offset):
    return len(text.encode('utf-8')[:offset].decode('utf-8', 'replace'))


_BINARY_LEVEL = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
                 '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 8}
_NOT_TOP_LEVEL = {',', ':', '=', ':=', '<', '>', '==', '>=', '<=', '!=', '->',
                  ';', '<>'}
_EXPR_KEYWORDS = {'and', 'or', 'not', 'if', 'else', 'lambda', 'in', 'is',
                  'for', 'async', 'await', 'yield', 'from'}


def _expr_tokens(segment):
    import io
    import tokenize
    skip = (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT,
            tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT)
    toks = []
    for t in tokenize.generate_tokens(io.StringIO(segment).readline):
        if t.type in skip:
            continue
        if t.type == tokenize.ERRORTOKEN:
            return None
        if t.start[0] != 1:
            return None
        toks.append((t.type, t.string, t.start[1], t.end[1]))
    return toks


def _operand_end(tok):
    import keyword
    kind, text = tok[0], tok[1]
    if kind in (2, 3):          # NUMBER, STRING
        return True
    if kind == 1:               # NAME
        return (not keyword.iskeyword(text) or
                text in ('True', 'False', 'None'))
    return text in (')', ']', '}', '...')


def _matching(toks):
    """{index of an opening bracket: index of its closing bracket}"""
    pairs, stack = {}, []
    for i, t in enumerate(toks):
        if t[1] in '([{' and t[0] == 54:
            stack.append(i)
        elif t[1] in ')]}' and t[0] == 54:
            if not stack:
                return None
            pairs[stack.pop()] = i
    return None if stack else pairs


def _node_span(toks, lo, hi, pairs):
    """(start, end) columns of the expression made of toks[lo:hi], with
    redundant parentheses removed as the AST does."""
    while hi - lo >= 3 and toks[lo][1] == '(' and pairs.get(lo) == hi - 1:
        depth, plain = 0, True
        for t in toks[lo + 1:hi - 1]:
            if t[1] in '([{' and t[0] == 54:
                depth += 1
            elif t[1] in ')]}' and t[0] == 54:
                depth -= 1
            elif depth == 0 and (t[1] == ',' or t[1] in ('for', 'yield')):
                plain = False
                break
        if not plain:
            break
        lo, hi = lo + 1, hi - 1
    return toks[lo][2], toks[hi - 1][3]


def _caret_anchors(segment):
    """(left_end, right_start, primary, secondary) when the expression
    spanning `segment` is a binary operation or a subscript, else None."""
    toks = _expr_tokens(segment)
    if not toks:
        return None
    pairs = _matching(toks)
    if pairs is None:
        return None
    # Redundant parentheses around the whole expression are not a node.
    start_col = _node_span(toks, 0, len(toks), pairs)[0]
    while toks and toks[0][2] < start_col:
        toks = toks[1:-1]
    pairs = _matching(toks)
    if not toks or pairs is None:
        return None
    depth = 0
    binops = []
    unary_start = False
    for i, t in enumerate(toks):
        kind, text = t[0], t[1]
        if kind == 54 and text in '([{':
            depth += 1
            continue
        if kind == 54 and text in ')]}':
            depth -= 1
            continue
        if depth:
            continue
        if text in _NOT_TOP_LEVEL or (kind == 1 and text in _EXPR_KEYWORDS):
            return None
        if kind == 54 and text in _BINARY_LEVEL:
            if i > 0 and _operand_end(toks[i - 1]):
                binops.append((i, _BINARY_LEVEL[text]))
            elif text in ('+', '-') or i > 0:
                if i == 0:
                    unary_start = True
            else:
                return None
        elif kind == 54 and text == '~' and i == 0:
            unary_start = True
    if binops:
        lowest = min(level for _, level in binops)
        if lowest == 8:
            if unary_start:
                return None
            op_index = [i for i, level in binops if level == 8][0]
        else:
            op_index = [i for i, level in binops if level == lowest][-1]
        if op_index == 0 or op_index == len(toks) - 1:
            return None
        left_end = _node_span(toks, 0, op_index, pairs)[1]
        right_start = _node_span(toks, op_index + 1, len(toks), pairs)[0]
        op_text = segment[left_end:right_start]
        off = len(op_text) - len(op_text.lstrip())
        # CPython mixes byte and character offsets here; do the same so
        # that non-ASCII lines get identical indicators.
        left = len(segment[:left_end].encode('utf-8')) + off
        right = left + 1
        if off + 1 < len(op_text) and not op_text[off + 1].isspace():
            right += 1
        while left < len(segment) and (segment[left].isspace() or
                                       segment[left] in ")#"):
            left += 1
            right += 1
        return (_char_offset(segment, left), _char_offset(segment, right),
                '~', '^')
    if unary_start or toks[-1][1] != ']':
        return None
    close = len(toks) - 1
    opens = [o for o, c in pairs.items() if c == close]
    if not opens or opens[0] == 0 or not _operand_end(toks[opens[0] - 1]):
        return None
    return toks[opens[0]][2], toks[close][3], '~', '^'


def _fill_missing_source_lines(lines, exc_value=None):
    """Work around tracebacks that do not consult linecache: add the
    source line (and CPython's position indicators) under frames of
    doctest pseudo-files when it is missing."""
    positions = None
    out = []
    for i, chunk in enumerate(lines):
        out.append(chunk)
        m = _DOCTEST_FRAME_RE.match(chunk)
        if not m:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ''
        if nxt.startswith('    '):
            continue
        lineno = int(m.group('line'))
        raw = linecache.getline(m.group(1), lineno)
        if not raw.strip():
            continue
        out.append('    ' + raw.strip() + '\n')
        if positions is None:
            try:
                positions = _frame_positions(exc_value)
            except Exception:
                positions = {}
        pos = positions.get((m.group(1), lineno))
        if pos is None:
            continue
        try:
            carets = _carets(raw.rstrip('\r\n'), lineno, pos)
        except Exception:
            carets = None
        if carets:
            out.append(carets)
    return out


def _carets(raw, lineno, pos):
    end_lineno, col, end_col = pos
    if col is None or end_col is None:
        return None
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    start = _char_offset(raw, col)
    end = _char_offset(raw, end_col)
    anchors = None
    if end_lineno == lineno:
        try:
            anchors = _caret_anchors(raw[start:end])
        except Exception:
            anchors = None
    else:
        end = lead + len(stripped)
    if end - start < len(stripped) or (anchors and anchors[1] - anchors[0] > 0):
        row = '    ' + ' ' * (start - lead)
        if anchors:
            left, right, primary, secondary = anchors
            row += (primary * left + secondary * (right - left) +
                    primary * (end - start - right))
        else:
            row += '^' * (end - start)
        return row + '\n'
    return None


def _exception_traceback(exc_info):
    """The traceback text for `exc_info`, as print_exception shows it."""
    exc_type, exc_value, exc_tb = exc_info
    lines = []
    for chunk in traceback.format_exception(exc_type, exc_value, exc_tb):
        lines.extend(chunk.splitlines(keepends=True))
    return ''.join(_fill_missing_source_lines(lines, exc_value))


def _displayhook(value):
    """sys.__displayhook__ semantics, writing to the *current* sys.stdout
    (krait's built-in hook writes to the process stdout directly)."""
    if value is None:
        return
    import builtins
    builtins._ = None
    text = repr(value)
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, 'encoding', None) or 'ascii'
        sys.stdout.write(text.encode(encoding, 'backslashreplace')
                         .decode(encoding, 'strict'))
    sys.stdout.write("\n")
    builtins._ = value



class _SpoofOut(StringIO):
    # collects the examples' output; what it returns always ends a line

    def getvalue(self):
        text = super().getvalue()
        if text and text[-1] != '\n':
            text = text + '\n'
        return text

    def truncate(self, size=None):
        self.seek(size)
        super().truncate()


def _ellipsis_match(want, got):
    # does got match want, where each '...' in want stands for any text?
    pieces = want.split(ELLIPSIS_MARKER)
    if len(pieces) == 1:
        return want == got
    first, *middle, last = pieces
    if not (got.startswith(first) and got.endswith(last)):
        return False
    start = len(first)
    stop = len(got) - len(last)
    if start > stop:
        return False
    for piece in middle:
        found = got.find(piece, start, stop)
        if found < 0:
            return False
        start = found + len(piece)
    return True


def _comment_line(line):
    # a line of prose as a comment of the script form
    line = line.rstrip()
    return '# ' + line if line else '#'


def _strip_exception_details(msg):
    # 'pkg.mod.Error: detail' -> 'Error' (for IGNORE_EXCEPTION_DETAIL)
    head = msg.partition('\n')[0]
    head = head.partition(':')[0]
    return head.rpartition('.')[2]


def _module_relative_path(module, test_path):
    if not inspect.ismodule(module):
        raise TypeError('Expected a module: %r' % module)
    if test_path.startswith('/'):
        raise ValueError('Module-relative files may not have absolute paths')
    relative = os.path.join(*test_path.split('/'))
    where = getattr(module, '__file__', None)
    if where:
        return os.path.join(os.path.split(where)[0], relative)
    if module.__name__ == '__main__':
        script = sys.argv[0] if sys.argv else ''
        base = os.path.split(script)[0] if script else os.curdir
        return os.path.join(base, relative)
    for folder in getattr(module, '__path__', ()):
        candidate = os.path.join(folder, relative)
        if os.path.exists(candidate):
            return candidate
    raise ValueError("Can't resolve paths relative to the module "
                     "%r (it has no __file__)" % module.__name__)


# ---------------------------------------------------------------------------
# Example and DocTest

class Example:
    """One example: its source, expected output (want), expected exception
    message (exc_msg or None), line number, indentation and options."""

    def __init__(self, source, want, exc_msg=None,
                 lineno=0, indent=0, options=None):
        def ended(text):
            return text if text.endswith('\n') else text + '\n'
        self.source = ended(source)
        self.want = ended(want) if want else want
        self.lineno = lineno
        self.indent = indent
        self.options = options if options is not None else {}
        self.exc_msg = None if exc_msg is None else ended(exc_msg)

    def _key(self):
        return (self.source, self.want, self.lineno, self.indent,
                self.options, self.exc_msg)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent,
                     self.exc_msg))


class DocTest:
    """The examples of one docstring, run together in one namespace."""

    def __init__(self, examples, globs, name, filename,
                 lineno, docstring):
        assert not isinstance(examples, str), (
            "DocTest no longer accepts str; " "use DocTestParser instead")
        self.examples = examples
        self.docstring = docstring
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno

    def __repr__(self):
        count = len(self.examples)
        described = {0: 'no examples', 1: '1 example'}.get(
            count, '%d examples' % count)
        return '<%s %s from %s:%s (%s)>' % (
            type(self).__name__, self.name, self.filename, self.lineno,
            described)

    def _key(self):
        return (self.examples, self.docstring, self.globs, self.name,
                self.filename, self.lineno)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        mine = (self.name, self.filename, self.lineno, id(self))
        theirs = (other.name, other.filename, other.lineno, id(other))
        return mine < theirs


# ---------------------------------------------------------------------------
# reading examples out of text

class DocTestParser:
    """Splits text into prose strings and Example objects."""

    # an example: a '>>>' line, its '...' lines, then the expected output
    # (the lines up to a blank line or the next '>>>')
    _EXAMPLE_RE = re.compile(
        r'(?P<source>(?:^(?P<indent>[ ]*)>>>.*)(?:\n[ ]*\.\.\..*)*)\n?'
        r'(?P<want>(?:(?![ ]*$)(?![ ]*>>>).+$\n?)*)', re.M)

    # expected output that is a traceback: its header, then the message
    _EXCEPTION_RE = re.compile(
        r'^(?P<hdr>Traceback \((?:most recent call last|innermost last)\):)'
        r'\s*$(?P<stack>.*?)^(?P<msg>\w+.*)', re.M | re.S)

    _IS_BLANK_OR_COMMENT = re.compile(r'^ *(?:#.*)?$').match

    _OPTION_DIRECTIVE_RE = re.compile(r"#\s*doctest:\s*([^\n'\"]*)$", re.M)

    _INDENT_RE = re.compile(r'^( *)(?=\S)', re.M)

    def parse(self, string, name='<string>'):
        text = string.expandtabs()
        margin = self._min_indent(text)
        if margin:
            text = '\n'.join(row[margin:] for row in text.split('\n'))
        pieces = []
        consumed = 0
        line_number = 0
        for found in self._EXAMPLE_RE.finditer(text):
            begin, end = found.span()
            pieces.append(text[consumed:begin])
            line_number += text.count('\n', consumed, begin)
            source, options, want, exc_msg = self._parse_example(
                found, name, line_number)
            if not self._IS_BLANK_OR_COMMENT(source):
                pieces.append(Example(
                    source, want, exc_msg, lineno=line_number,
                    indent=margin + len(found.group('indent')),
                    options=options))
            line_number += text.count('\n', begin, end)
            consumed = end
        pieces.append(text[consumed:])
        return pieces

    def get_doctest(self, string, globs, name, filename, lineno):
        examples = self.get_examples(string, name)
        return DocTest(examples, globs, name, filename, lineno, string)

    def get_examples(self, string, name='<string>'):
        return [p for p in self.parse(string, name) if isinstance(p, Example)]

    def _parse_example(self, match, name, lineno):
        width = len(match.group('indent'))
        margin = ' ' * width
        source_rows = match.group('source').split('\n')
        self._check_prompt_blank(source_rows, width, name, lineno)
        self._check_prefix(source_rows[1:], margin + '.', name, lineno)
        source = '\n'.join(row[width + 4:] for row in source_rows)

        want_rows = match.group('want').split('\n')
        if len(want_rows) > 1 and not want_rows[-1].strip(' '):
            want_rows.pop()
        self._check_prefix(want_rows, margin, name,
                           lineno + len(source_rows))
        want = '\n'.join(row[width:] for row in want_rows)

        traceback_match = self._EXCEPTION_RE.match(want)
        exc_msg = traceback_match.group('msg') if traceback_match else None
        return source, self._find_options(source, name, lineno), want, exc_msg

    def _find_options(self, source, name, line):
        chosen = {}
        for directive in self._OPTION_DIRECTIVE_RE.finditer(source):
            for word in directive.group(1).replace(',', ' ').split():
                sign, flag_name = word[0], word[1:]
                if sign not in '+-' or flag_name not in OPTIONFLAGS_BY_NAME:
                    raise ValueError('line %r of the doctest for %s has an '
                                     'invalid option: %r'
                                     % (line + 1, name, word))
                chosen[OPTIONFLAGS_BY_NAME[flag_name]] = sign == '+'
        if chosen and self._IS_BLANK_OR_COMMENT(source):
            raise ValueError('line %r of the doctest for %s has an option '
                             'directive on a line with no example: %r'
                             % (line, name, source))
        return chosen

    def _min_indent(self, s):
        widths = [len(lead) for lead in self._INDENT_RE.findall(s)]
        return min(widths, default=0)

    def _check_prompt_blank(self, rows, width, name, lineno):
        for offset, row in enumerate(rows, lineno + 1):
            if len(row) > width + 3 and row[width + 3] != ' ':
                raise ValueError('line %r of the docstring for %s lacks '
                                 'blank after %s: %r'
                                 % (offset, name, row[width:width + 3], row))

    def _check_prefix(self, rows, prefix, name, lineno):
        for offset, row in enumerate(rows, lineno + 1):
            if row and not row.startswith(prefix):
                raise ValueError('line %r of the docstring for %s has '
                                 'inconsistent leading whitespace: %r'
                                 % (offset, name, row))


# ---------------------------------------------------------------------------
# collecting the docstrings of an object and what it contains

class DocTestFinder:
    """Finds the DocTests of an object (module, class, function, string)
    and, when recursing, of the objects defined in it."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True,
                 exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None,
             globs=None, extraglobs=None):
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given "
                                 "when obj.__name__ doesn't exist: %r"
                                 % (type(obj),))
        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)

        lines = self._source_lines_of(obj, module)

        namespace = {} if globs is None and module is None else (
            module.__dict__ if globs is None else globs).copy()
        if extraglobs is not None:
            namespace.update(extraglobs)
        namespace.setdefault('__name__', '__main__')

        found = []
        self._find(found, obj, name, module, lines, namespace, {})
        found.sort()
        return found

    def _source_lines_of(self, obj, module):
        # the lines of the file obj comes from, or None
        try:
            path = inspect.getsourcefile(obj)
        except TypeError:
            return None
        if not path:
            # no .py file: a pseudo-file like '<doctest ...>' may still be
            # in linecache
            try:
                path = inspect.getfile(obj)
            except TypeError:
                return None
            if not (path[:1] == '<' and path[-2:] == '>'):
                return None
        if not path:
            return None
        if module is None:
            lines = linecache.getlines(path)
        else:
            lines = linecache.getlines(path, module.__dict__)
        return lines or None

    def _from_module(self, module, obj):
        # is obj defined in module?
        if module is None:
            return True
        home = inspect.getmodule(obj)
        if home is not None:
            return home is module
        if inspect.isfunction(obj):
            return obj.__globals__ is module.__dict__
        wrapper_test = getattr(inspect, 'ismethodwrapper', None)
        if inspect.ismethoddescriptor(obj) or (wrapper_test and
                                               wrapper_test(obj)):
            owner = getattr(obj, '__objclass__', None)
            if owner is not None:
                declared = owner.__module__
            elif hasattr(obj, '__module__'):
                declared = obj.__module__
            else:
                return True
            return declared == module.__name__
        if inspect.isclass(obj) or hasattr(obj, '__module__'):
            return obj.__module__ == module.__name__
        if isinstance(obj, property):
            return True
        raise ValueError("object must be a class or function")

    def _is_routine(self, obj):
        try:
            obj = inspect.unwrap(obj)
        except ValueError:
            pass
        return inspect.isroutine(obj)

    def _find(self, tests, obj, name, module,
              source_lines, globs, seen):
        if self._verbose:
            print('Finding tests in %s' % name)
        if id(obj) in seen:
            return
        seen[id(obj)] = 1
        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return
        for child_name, child in self._children(obj, name, module):
            self._find(tests, child, child_name, module, source_lines,
                       globs, seen)

    def _children(self, obj, name, module):
        # (qualified name, object) of what to search below obj
        if inspect.ismodule(obj):
            for key, value in list(obj.__dict__.items()):
                if (self._is_routine(value) or inspect.isclass(value)) \
                        and self._from_module(module, value):
                    yield '%s.%s' % (name, key), value
            for key, value in getattr(obj, '__test__', {}).items():
                if not isinstance(key, str):
                    raise ValueError("DocTestFinder.find: __test__ keys "
                                     "must be strings: %r" % (type(key),))
                acceptable = (inspect.isroutine(value) or
                              inspect.isclass(value) or
                              inspect.ismodule(value) or
                              isinstance(value, str))
                if not acceptable:
                    raise ValueError("DocTestFinder.find: __test__ values "
                                     "must be strings, functions, methods, "
                                     "classes, or modules: %r"
                                     % (type(value),))
                yield '%s.__test__.%s' % (name, key), value
        if inspect.isclass(obj):
            for key, value in list(obj.__dict__.items()):
                if isinstance(value, (staticmethod, classmethod)):
                    value = value.__func__
                wanted = (inspect.isroutine(value) or inspect.isclass(value)
                          or isinstance(value, property))
                if wanted and self._from_module(module, value):
                    yield '%s.%s' % (name, key), value

    def _get_test(self, obj, name, module,
                  globs, source_lines):
        if isinstance(obj, str):
            text = obj
        else:
            try:
                text = obj.__doc__
            except (TypeError, AttributeError):
                text = ''
            if text is None:
                text = ''
            elif not isinstance(text, str):
                text = str(text)
        lineno = self._find_lineno(obj, source_lines)
        if not text and self._exclude_empty:
            return None
        where = None
        if module is not None:
            where = getattr(module, '__file__', None) or module.__name__
            if where.endswith('.pyc'):
                where = where[:-1]
        return self._parser.get_doctest(text, globs, name, where, lineno)

    def _find_lineno(self, obj, source_lines):
        # 0-based line of obj's docstring in source_lines (or a best guess)
        start = None
        has_doc = getattr(obj, '__doc__', None) is not None
        if has_doc and inspect.ismodule(obj):
            start = 0
        if has_doc and inspect.isclass(obj):
            if source_lines is None:
                return None
            header = re.compile(r'^\s*class\s*%s\b'
                                % re.escape(getattr(obj, '__name__', '-')))
            start = next((i for i, row in enumerate(source_lines)
                          if header.match(row)), None)
        target = obj.__func__ if inspect.ismethod(obj) else obj
        if inspect.isfunction(target) and getattr(target, '__doc__', None):
            target = target.__code__
        if inspect.istraceback(target):
            target = target.tb_frame
        if inspect.isframe(target):
            target = target.f_code
        if inspect.iscode(target):
            first = getattr(target, 'co_firstlineno', None)
            if first is not None:
                start = first - 1
        if start is None:
            return None
        if source_lines is None:
            return start + 1
        opener = re.compile(r'(^|.*:)\s*\w*("|\')')
        for index in range(start, len(source_lines)):
            if opener.match(source_lines[index]):
                return index
        return None


# ---------------------------------------------------------------------------
# running examples

_SUCCESS, _FAILURE, _BOOM = 'success', 'failure', 'boom'


def _exception_message(exc_type, exc_value):
    # the last part of the traceback text, compared with an example's
    # expected exception
    rows = traceback.format_exception_only(exc_type, exc_value)
    if issubclass(exc_type, SyntaxError):
        # only the message (and notes) count, not the caret lines
        qualified = exc_type.__qualname__ + ':'
        prefixes = (qualified, '%s.%s' % (exc_type.__module__, qualified))
        for index, row in enumerate(rows):
            if row.startswith(prefixes):
                rows = rows[index:]
                break
    return ''.join(rows)


class DocTestRunner:
    """Runs DocTests, reporting through `out` and keeping counts.

    run() returns TestResults(failed, attempted) for one DocTest;
    summarize() prints the totals of all tests run."""

    DIVIDER = "*" * 70

    def __init__(self, checker=None, verbose=None,
                 optionflags=0):
        self._checker = checker or OutputChecker()
        self._verbose = ('-v' in sys.argv) if verbose is None else verbose
        self.optionflags = self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self._name2ft = {}
        self._fakeout = _SpoofOut()

    # -- reports

    def report_start(self, out, test, example):
        if not self._verbose:
            return
        message = 'Trying:\n' + _indent(example.source)
        if example.want:
            message += 'Expecting:\n' + _indent(example.want)
        else:
            message += 'Expecting nothing\n'
        out(message)

    def report_success(self, out, test, example, got):
        if self._verbose:
            out("ok\n")

    def report_failure(self, out, test, example, got):
        detail = self._checker.output_difference(example, got,
                                                 self.optionflags)
        out(self._failure_header(test, example) + detail)

    def report_unexpected_exception(self, out, test, example, exc_info):
        shown = _indent(_exception_traceback(exc_info))
        out(self._failure_header(test, example) + 'Exception raised:\n' + shown)

    def _failure_header(self, test, example):
        if not test.filename:
            where = 'Line %s, in %s' % (example.lineno + 1, test.name)
        else:
            if test.lineno is None or example.lineno is None:
                line = '?'
            else:
                line = test.lineno + example.lineno + 1
            where = 'File "%s", line %s, in %s' % (test.filename, line,
                                                   test.name)
        return '\n'.join((self.DIVIDER, where, 'Failed example:',
                          _indent(example.source)))

    # -- running

    def _flags_for(self, example, base):
        flags = base
        for bit, enabled in example.options.items():
            flags = (flags | bit) if enabled else (flags & ~bit)
        return flags

    def _judge(self, example, got, raised):
        # -> outcome of one example whose output was `got`
        check = self._checker.check_output
        flags = self.optionflags
        if raised is None:
            return _SUCCESS if check(example.want, got, flags) else _FAILURE
        if example.exc_msg is None:
            return _BOOM
        actual = _exception_message(*raised[:2])
        if check(example.exc_msg, actual, flags):
            return _SUCCESS
        if flags & IGNORE_EXCEPTION_DETAIL and check(
                _strip_exception_details(example.exc_msg),
                _strip_exception_details(actual), flags):
            return _SUCCESS
        return _FAILURE

    def __run(self, test, compileflags, out):
        base = self.optionflags
        failed = attempted = 0
        for number, example in enumerate(test.examples):
            silent = bool(base & REPORT_ONLY_FIRST_FAILURE) and failed > 0
            self.optionflags = self._flags_for(example, base)
            if self.optionflags & SKIP:
                continue
            attempted += 1
            if not silent:
                self.report_start(out, test, example)
            pseudo_file = '<doctest %s[%d]>' % (test.name, number)
            raised = None
            try:
                code = compile(example.source, pseudo_file, "single",
                               compileflags, True)
                exec(code, test.globs)
            except KeyboardInterrupt:
                raise
            except BaseException:
                raised = sys.exc_info()
            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)
            if raised is not None and not silent:
                got += _exception_traceback(raised)
            outcome = self._judge(example, got, raised)
            if outcome is not _SUCCESS:
                failed += 1
            if not silent:
                if outcome is _SUCCESS:
                    self.report_success(out, test, example, got)
                elif outcome is _FAILURE:
                    self.report_failure(out, test, example, got)
                else:
                    self.report_unexpected_exception(out, test, example,
                                                     raised)
            if failed and self.optionflags & FAIL_FAST:
                break
        self.optionflags = base
        self.__record_outcome(test, failed, attempted)
        return TestResults(failed, attempted)

    def __record_outcome(self, test, f, t):
        old_f, old_t = self._name2ft.get(test.name, (0, 0))
        self._name2ft[test.name] = (old_f + f, old_t + t)
        self.failures += f
        self.tries += t

    _PSEUDO_FILE = re.compile(r'<doctest (?P<name>.+)\[(?P<examplenum>\d+)\]>$')

    def __patched_linecache_getlines(self, filename, module_globals=None):
        # linecache.getlines, knowing the source of the running examples
        # (the mangled name is API: sympy copies this method by name)
        hit = self._PSEUDO_FILE.match(filename)
        if hit is not None and hit.group('name') == self.test.name:
            chosen = self.test.examples[int(hit.group('examplenum'))]
            return chosen.source.splitlines(True)
        return self.save_linecache_getlines(filename, module_globals)

    def run(self, test, compileflags=None, out=None,
            clear_globs=True):
        """Run test's examples, reporting with out (default:
        sys.stdout.write); returns TestResults(failed, attempted)."""
        self.test = test
        if compileflags is None:
            compileflags = _extract_future_flags(test.globs)
        real_stdout = sys.stdout
        if out is None:
            out = self._writer_for(real_stdout)
        sys.stdout = self._fakeout

        tracer = sys.gettrace() if hasattr(sys, 'gettrace') else None
        pdb_module = sys.modules.get('pdb')
        pdb_set_trace = getattr(pdb_module, 'set_trace', None)
        self.save_linecache_getlines, linecache.getlines = (
            linecache.getlines, self.__patched_linecache_getlines)
        hook = sys.displayhook
        sys.displayhook = _displayhook
        try:
            return self.__run(test, compileflags, out)
        finally:
            sys.stdout = real_stdout
            if pdb_module is not None and pdb_set_trace is not None:
                pdb_module.set_trace = pdb_set_trace
            if hasattr(sys, 'settrace') and sys.gettrace() is not tracer:
                sys.settrace(tracer)
            linecache.getlines = self.save_linecache_getlines
            sys.displayhook = hook
            if clear_globs:
                test.globs.clear()
                import builtins
                builtins._ = None

    @staticmethod
    def _writer_for(stream):
        encoding = getattr(stream, 'encoding', None)
        if encoding is None or encoding.lower() == 'utf-8':
            return stream.write

        def write(text):
            stream.write(text.encode(encoding, 'backslashreplace')
                         .decode(encoding))
        return write

    # -- totals

    def summarize(self, verbose=None):
        """Print the totals of every test run by this runner and return
        them as TestResults(failed, attempted)."""
        if verbose is None:
            verbose = self._verbose
        empty = sorted(n for n, (f, t) in self._name2ft.items() if t == 0)
        clean = sorted((n, t) for n, (f, t) in self._name2ft.items()
                       if t and not f)
        broken = sorted((n, ft) for n, ft in self._name2ft.items()
                        if ft[1] and ft[0])
        total_tried = total_failed = 0
        for f, t in self._name2ft.values():
            assert f <= t
            total_tried += t
            total_failed += f
        if verbose and empty:
            print(len(empty), "items had no tests:")
            for item in empty:
                print("   ", item)
        if verbose and clean:
            print(len(clean), "items passed all tests:")
            for item, count in clean:
                print(" %3d tests in %s" % (count, item))
        if broken:
            print(self.DIVIDER)
            print(len(broken), "items had failures:")
            for item, (f, t) in broken:
                print(" %3d of %3d in %s" % (f, t, item))
        if verbose:
            print(total_tried, "tests in", len(self._name2ft), "items.")
            print(total_tried - total_failed, "passed and", total_failed,
                  "failed.")
        if total_failed:
            print("***Test Failed***", total_failed, "failures.")
        elif verbose:
            print("Test passed.")
        return TestResults(total_failed, total_tried)

    def merge(self, other):
        totals = self._name2ft
        for key, (f, t) in other._name2ft.items():
            old_f, old_t = totals.get(key, (0, 0))
            totals[key] = (f + old_f, t + old_t)


# ---------------------------------------------------------------------------
# comparing output

def _ndiff_rows(a, b):
    return list(difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK).compare(a, b))


# (flag, description, rows of the difference); the first flag set wins
_DIFF_STYLES = (
    (REPORT_UDIFF, 'unified diff with -expected +actual',
     lambda a, b: list(difflib.unified_diff(a, b, n=2))[2:]),
    (REPORT_CDIFF, 'context diff with expected followed by actual',
     lambda a, b: list(difflib.context_diff(a, b, n=2))[2:]),
    (REPORT_NDIFF, 'ndiff with -expected +actual', _ndiff_rows),
)


class OutputChecker:
    """Decides whether an example's output matches the expected one and
    describes the difference when it does not."""

    def _toAscii(self, s):
        return s.encode('ASCII', 'backslashreplace').decode('ASCII')

    def check_output(self, want, got, optionflags):
        want, got = self._toAscii(want), self._toAscii(got)
        if want == got:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1 and \
                (want, got) in (("1\n", "True\n"), ("0\n", "False\n")):
            return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            marker = re.escape(BLANKLINE_MARKER)
            want = re.sub(r'(?m)^' + marker + r'\s*?$', '', want)
            got = re.sub(r'(?m)^[^\S\n]+$', '', got)
            if want == got:
                return True
        if optionflags & NORMALIZE_WHITESPACE:
            want, got = ' '.join(want.split()), ' '.join(got.split())
            if want == got:
                return True
        return bool(optionflags & ELLIPSIS) and _ellipsis_match(want, got)

    def _do_a_fancy_diff(self, want, got, optionflags):
        if optionflags & REPORT_NDIFF:
            return True
        if optionflags & (REPORT_UDIFF | REPORT_CDIFF):
            return want.count('\n') > 2 and got.count('\n') > 2
        return False

    def output_difference(self, example, got, optionflags):
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = re.sub(r'(?m)^ *(?=\n)', BLANKLINE_MARKER, got)
        if self._do_a_fancy_diff(want, got, optionflags):
            expected_rows = want.splitlines(True)
            actual_rows = got.splitlines(True)
            for bit, kind, make in _DIFF_STYLES:
                if optionflags & bit:
                    break
            rows = make(expected_rows, actual_rows)
            return 'Differences (%s):\n' % kind + _indent(''.join(rows))
        first = 'Expected:\n' + _indent(want) if want else 'Expected nothing\n'
        second = 'Got:\n' + _indent(got) if got else 'Got nothing\n'
        return first + second


class DocTestFailure(Exception):
    """DebugRunner's report of an example whose output was wrong."""

    def __init__(self, test, example, got):
        self.test, self.example, self.got = test, example, got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    """DebugRunner's report of an example that raised unexpectedly."""

    def __init__(self, test, example, exc_info):
        self.test, self.example, self.exc_info = test, example, exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """Stops at the first problem, raising DocTestFailure or
    UnexpectedException; the test's globals are kept until then."""

    def run(self, test, compileflags=None, out=None,
            clear_globs=True):
        outcome = DocTestRunner.run(self, test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return outcome

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


# ---------------------------------------------------------------------------
# entry points

master = None

_PACKAGE_NEEDS_RELATIVE = ("Package may only be specified for "
                           "module-relative paths.")


def _keep_totals(runner):
    global master
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def testmod(m=None, name=None, globs=None, verbose=None,
            report=True, optionflags=0, extraglobs=None,
            raise_on_error=False, exclude_empty=False):
    """Run the examples in the docstrings of module m (default __main__);
    returns TestResults(failed, attempted)."""
    if m is None:
        m = sys.modules.get('__main__')
    if not inspect.ismodule(m):
        raise TypeError("testmod: module required; %r" % (m,))
    if name is None:
        name = m.__name__
    kind = DebugRunner if raise_on_error else DocTestRunner
    runner = kind(verbose=verbose, optionflags=optionflags)
    finder = DocTestFinder(exclude_empty=exclude_empty)
    for found in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(found)
    if report:
        runner.summarize()
    return _keep_totals(runner)


def testfile(filename, module_relative=True, name=None,
             package=None, globs=None, verbose=None, report=True,
             optionflags=0, extraglobs=None, raise_on_error=False,
             parser=DocTestParser(), encoding=None):
    """Run the examples in a text file; returns TestResults."""
    if package and not module_relative:
        raise ValueError(_PACKAGE_NEEDS_RELATIVE)
    text, filename = _load_testfile(
        filename, package, module_relative, encoding or "utf-8")
    if name is None:
        name = os.path.basename(filename)
    namespace = dict(globs) if globs is not None else {}
    if extraglobs is not None:
        namespace.update(extraglobs)
    namespace.setdefault('__name__', '__main__')
    kind = DebugRunner if raise_on_error else DocTestRunner
    runner = kind(verbose=verbose, optionflags=optionflags)
    runner.run(parser.get_doctest(text, namespace, name, filename, 0))
    if report:
        runner.summarize()
    return _keep_totals(runner)


def run_docstring_examples(f, globs, verbose=False,
                           name="NoName", compileflags=None,
                           optionflags=0):
    """Run the examples in f's own docstring (nothing below it)."""
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    finder = DocTestFinder(verbose=verbose, recurse=False)
    for found in finder.find(f, name, globs=globs):
        runner.run(found, compileflags=compileflags)


# ---------------------------------------------------------------------------
# unittest support

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Set the reporting flags DocTestCases use when given none; returns
    the previous setting."""
    global _unittest_reportflags
    if flags & ~REPORTING_FLAGS:
        raise ValueError("Only reporting flags allowed", flags)
    previous, _unittest_reportflags = _unittest_reportflags, flags
    return previous


class DocTestCase(unittest.TestCase):

    def __init__(self, test, optionflags=0, setUp=None,
                 tearDown=None, checker=None):
        unittest.TestCase.__init__(self)
        self._dt_test, self._dt_optionflags = test, optionflags
        self._dt_setUp, self._dt_tearDown = setUp, tearDown
        self._dt_checker = checker
        self._dt_globs = {} if test is None else test.globs.copy()

    def setUp(self):
        hook = self._dt_setUp
        if hook is not None:
            hook(self._dt_test)

    def tearDown(self):
        test = self._dt_test
        hook = self._dt_tearDown
        if hook is not None:
            hook(test)
        test.globs.clear()
        test.globs.update(self._dt_globs)

    def runTest(self):
        flags = self._dt_optionflags
        if not flags & REPORTING_FLAGS:
            flags |= _unittest_reportflags
        runner = DocTestRunner(optionflags=flags, checker=self._dt_checker,
                               verbose=False)
        runner.DIVIDER = "-" * 70
        report = StringIO()
        saved = sys.stdout
        try:
            failed, _ = runner.run(self._dt_test, out=report.write,
                                   clear_globs=False)
        finally:
            sys.stdout = saved
        if failed:
            raise self.failureException(self.format_failure(report.getvalue()))

    def format_failure(self, err):
        test = self._dt_test
        line = 'unknown line number' if test.lineno is None else test.lineno
        short = test.name.rsplit('.', 1)[-1]
        return 'Failed doctest test for %s\n  File "%s", line %s, in %s\n\n%s' % (
            test.name, test.filename, line, short, err)

    def debug(self):
        """Run without catching problems (see DebugRunner)."""
        self.setUp()
        DebugRunner(optionflags=self._dt_optionflags,
                    checker=self._dt_checker,
                    verbose=False).run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def _key(self):
        return (self._dt_test, self._dt_optionflags, self._dt_setUp,
                self._dt_tearDown, self._dt_checker)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key()[1:])

    def __repr__(self):
        head, _, last = self._dt_test.name.rpartition('.')
        return "%s (%s)" % (last, head)

    __str__ = object.__str__

    def shortDescription(self):
        return "Doctest: " + self._dt_test.name


class SkipDocTestCase(DocTestCase):

    def __init__(self, module):
        self.module = module
        DocTestCase.__init__(self, None)

    def setUp(self):
        self.skipTest("DocTestSuite will not work with -O2 and above")

    def test_skip(self):
        pass

    def shortDescription(self):
        return "Skipping tests from %s" % self.module.__name__

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):

    def _removeTestAtIndex(self, index):
        pass


def DocTestSuite(module=None, globs=None, extraglobs=None,
                 test_finder=None, **options):
    """A unittest suite with a DocTestCase for each docstring of module
    that has examples."""
    finder = test_finder if test_finder is not None else DocTestFinder()
    module = _normalize_module(module)
    found = finder.find(module, globs=globs, extraglobs=extraglobs)
    suite = _DocTestSuite()
    level = getattr(getattr(sys, 'flags', None), 'optimize', 0)
    if not found and level >= 2:
        suite.addTest(SkipDocTestCase(module))
        return suite
    for test in sorted(found):
        if not test.examples:
            continue
        if not test.filename:
            path = module.__file__
            test.filename = path[:-1] if path.endswith('.pyc') else path
        suite.addTest(DocTestCase(test, **options))
    return suite


class DocFileCase(DocTestCase):

    def id(self):
        return self._dt_test.name.replace('.', '_')

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        test = self._dt_test
        return 'Failed doctest test for %s\n  File "%s", line 0\n\n%s' % (
            test.name, test.filename, err)


def DocFileTest(path, module_relative=True, package=None,
                globs=None, parser=DocTestParser(), encoding=None,
                **options):
    namespace = dict(globs) if globs is not None else {}
    if package and not module_relative:
        raise ValueError(_PACKAGE_NEEDS_RELATIVE)
    text, path = _load_testfile(
        path, package, module_relative, encoding or "utf-8")
    namespace.setdefault("__file__", path)
    test = parser.get_doctest(text, namespace, os.path.basename(path),
                              path, 0)
    return DocFileCase(test, **options)


def DocFileSuite(*paths, **kw):
    """A unittest suite running the examples of the given text files."""
    suite = _DocTestSuite()
    if kw.get('module_relative', True):
        kw.update(package=_normalize_module(kw.get('package')))
    suite.addTests([DocFileTest(path, **kw) for path in paths])
    return suite


# ---------------------------------------------------------------------------
# script form and debugging

def script_from_examples(s):
    """Python source for the doctest text s: the examples as code, their
    expected output and the prose as comments."""
    rows = []
    for piece in DocTestParser().parse(s):
        if isinstance(piece, Example):
            rows.append(piece.source[:-1])
            if piece.want:
                rows.append('# Expected:')
                rows.extend('## ' + r for r in piece.want.split('\n')[:-1])
        else:
            rows.extend(_comment_line(r) for r in piece.split('\n')[:-1])
    start, stop = 0, len(rows)
    while stop > start and rows[stop - 1] == '#':
        stop -= 1
    while start < stop and rows[start] == '#':
        start += 1
    return '\n'.join(rows[start:stop]) + '\n'


def testsource(module, name):
    """The script form of the doctest called name in module."""
    module = _normalize_module(module)
    for test in DocTestFinder().find(module):
        if test.name == name:
            return script_from_examples(test.docstring)
    raise ValueError(name, "not found in tests")


def debug_src(src, pm=False, globs=None):
    """Debug the doctest text src."""
    script = script_from_examples(src)
    debug_script(script, pm, globs)


def debug_script(src, pm=False, globs=None):
    """Run the script src under pdb."""
    import pdb
    namespace = globs.copy() if globs else {}
    if not pm:
        pdb.Pdb(nosigint=True).run("exec(%r)" % src, namespace, namespace)
        return
    try:
        exec(src, namespace, namespace)
    except BaseException:
        print(sys.exc_info()[1])
        debugger = pdb.Pdb(nosigint=True)
        debugger.reset()
        debugger.interaction(None, sys.exc_info()[2])


def debug(module, name, pm=False):
    """Debug the doctest called name in module."""
    module = _normalize_module(module)
    script = testsource(module, name)
    debug_script(script, pm, module.__dict__)


# ---------------------------------------------------------------------------
# python -m doctest [-v] [-o OPTION] [-f] file...

def _test():
    import argparse

    cli = argparse.ArgumentParser(description="doctest runner")
    cli.add_argument('-v', '--verbose', action='store_true', default=False,
                     help='print very verbose output for all tests')
    cli.add_argument('-o', '--option', action='append',
                     default=[], choices=OPTIONFLAGS_BY_NAME.keys(),
                     help='specify a doctest option flag to apply to the '
                          'test run; may be specified more than once to '
                          'apply multiple options')
    cli.add_argument('-f', '--fail-fast', action='store_true',
                     help='stop running tests after first failure (this is '
                          'a shorthand for -o FAIL_FAST, and is in addition '
                          'to any other -o options)')
    cli.add_argument('file', nargs='+', help='file containing the tests '
                                             'to run')
    args = cli.parse_args()
    flags = FAIL_FAST if args.fail_fast else 0
    for option in args.option:
        flags |= OPTIONFLAGS_BY_NAME[option]
    for path in args.file:
        if path.endswith(".py"):
            folder, base = os.path.split(path)
            sys.path.insert(0, folder)
            loaded = __import__(base[:-3])
            del sys.path[0]
            failures, _ = testmod(loaded, verbose=args.verbose,
                                  optionflags=flags)
        else:
            failures, _ = testfile(path, module_relative=False,
                                   verbose=args.verbose, optionflags=flags)
        if failures:
            return 1
    return 0


def _make_output_redirecting_pdb():
    import pdb

    class _OutputRedirectingPdb(pdb.Pdb):
        """The debugger a runner offers its examples: it writes to the
        stream it was given (the real stdout, while the runner captures
        sys.stdout) and stays out of the way until set_trace is called."""

        def __init__(self, out):
            self._real_out = out
            self._entered = False
            pdb.Pdb.__init__(self, stdout=out, nosigint=True)
            self.use_rawinput = 1

        def set_trace(self, frame=None):
            self._entered = True
            pdb.Pdb.set_trace(self, frame or sys._getframe().f_back)

        def set_continue(self):
            if self._entered:
                pdb.Pdb.set_continue(self)

        def trace_dispatch(self, *args):
            captured, sys.stdout = sys.stdout, self._real_out
            try:
                return pdb.Pdb.trace_dispatch(self, *args)
            finally:
                sys.stdout = captured

    return _OutputRedirectingPdb


def __getattr__(name):
    # Made on first use, so that importing doctest does not import pdb.
    if name == '_OutputRedirectingPdb':
        cls = globals()[name] = _make_output_redirecting_pdb()
        return cls
    raise AttributeError(f"module 'doctest' has no attribute {name!r}")


if __name__ == "__main__":
    sys.exit(_test())
