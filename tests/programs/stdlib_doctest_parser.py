# doctest: parsing examples (indents, options, tracebacks, errors), the
# Example/DocTest objects, OutputChecker, script_from_examples and the
# finder's names and line numbers.
import doctest

parser = doctest.DocTestParser()
TEXT = '''
    Prose line.
        >>> x = [1,
        ...      2]
        >>> x  # doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE
        [1,
         2]

        >>> raise ValueError('m')
        Traceback (most recent call last):
          File "<stdin>", line 1
        ValueError: m
        with more
        >>> # just a comment
        >>> print('tab\there')
        tab     here
        >>>

    End.
'''
for piece in parser.parse(TEXT, 'T'):
    if isinstance(piece, doctest.Example):
        print('EX', repr(piece.source), repr(piece.want), repr(piece.exc_msg),
              piece.lineno, piece.indent, sorted(piece.options.items()))
    else:
        print('TEXT', repr(piece))

BAD = [
    '>>>x = 1\n',
    '  >>> x = 1\n  ...y\n',
    '  >>> x = (1,\n ... 2)\n',
    '  >>> x\n  1\n 2\n',
    '>>> x  # doctest: +NOPE\n',
    '>>> x  # doctest: ELLIPSIS\n',
    '>>> # doctest: +ELLIPSIS\n',
    '>>> x # doctest: +ELLIPSIS +SKIP\n',
]
for text in BAD:
    try:
        examples = parser.get_examples(text, 'bad')
        print('ok', [(e.source, e.options) for e in examples])
    except ValueError as exc:
        print('ValueError', exc)

print('== objects')
a = doctest.Example('x', 'y')
b = doctest.Example('x\n', 'y\n')
print(a == b, hash(a) == hash(b), repr(a.source), repr(a.want), a.exc_msg,
      a.lineno, a.indent, a.options)
c = doctest.Example('x', '', exc_msg='E: m', lineno=3, indent=2, options={4: True})
print(repr(c.want), repr(c.exc_msg), c == a, c != a)
t1 = parser.get_doctest('>>> 1\n1\n', {'g': 1}, 'n', 'f.py', 5)
t2 = parser.get_doctest('>>> 1\n1\n', {'g': 1}, 'n', 'f.py', 5)
print(t1 == t2, hash(t1) == hash(t2), repr(t1), t1.docstring == '>>> 1\n1\n')
print(repr(parser.get_doctest('', {}, 'e', None, None)))
print(repr(parser.get_doctest('>>> 1\n>>> 2\n', {}, 'two', 'x', 0)))
print(sorted([parser.get_doctest('', {}, 'b', 'f', 1), parser.get_doctest('', {}, 'a', 'f', 2)]))
try:
    doctest.DocTest('>>> 1', {}, 'n', 'f', 0, '')
except AssertionError as exc:
    print('AssertionError', exc)

print('== checker')
checker = doctest.OutputChecker()
E, N, W, B, T = (doctest.ELLIPSIS, doctest.NORMALIZE_WHITESPACE, 0,
                 doctest.DONT_ACCEPT_BLANKLINE, doctest.DONT_ACCEPT_TRUE_FOR_1)
for want, got, flags in [('1\n', 'True\n', 0), ('1\n', 'True\n', T),
                         ('0\n', 'False\n', 0), ('a...c\n', 'abbbc\n', E),
                         ('a...c\n', 'abbbc\n', 0), ('...', '', E),
                         ('a...a', 'a', E), ('a ... b\n', 'a\n\n x b\n', E | N),
                         ('<BLANKLINE>\n', '\n', 0), ('<BLANKLINE>\n', '\n', B),
                         ('a\n', '  a\n', N), ('é\n', 'é\n', 0),
                         ('\\xe9\n', 'é\n', 0), ('x\n<BLANKLINE>  \n', 'x\n   \n', 0)]:
    print(repr(want), repr(got), flags, checker.check_output(want, got, flags))
ex = doctest.Example('f()', 'a\nb\nc\nd\n')
for flags in (0, doctest.REPORT_UDIFF, doctest.REPORT_CDIFF, doctest.REPORT_NDIFF):
    print(checker.output_difference(ex, 'a\nB\nc\n\nd\n', flags), end='')
print(checker.output_difference(doctest.Example('f()', ''), '', 0), end='')
print(checker.output_difference(doctest.Example('f()', ''), 'x\n', 0), end='')
print(checker.output_difference(doctest.Example('f()', 'x'), '', 0), end='')
print(checker.output_difference(doctest.Example('f()', 'x'), 'a\n\nb\n', doctest.REPORT_UDIFF), end='')
print(checker.output_difference(doctest.Example('f()', 'x'), ' \n', B), end='')
print(doctest._ellipsis_match('aXbYc', 'a...b...c'), doctest._ellipsis_match('a...b...c', 'aXbYc'))

print('== script')
print(doctest.script_from_examples('''
    Intro text.

    >>> x = 1
    >>> print(x)
    1
    >>> def f():
    ...     return 2

    Closing text.
'''), end='')
print(repr(doctest.script_from_examples('')))

print('== flags')
print(sorted(doctest.OPTIONFLAGS_BY_NAME.items(), key=lambda kv: kv[1]))
print(doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
print(doctest.register_optionflag('ELLIPSIS'), doctest.register_optionflag('MY_FLAG'))
print(parser.get_examples('>>> x  # doctest: +MY_FLAG\n')[0].options)
print(doctest.BLANKLINE_MARKER, doctest.ELLIPSIS_MARKER, doctest.TestResults(1, 2))


print('== finder')


def top():
    """
    >>> 1
    1
    """


class Outer:
    """>>> 'outer'
    'outer'
    """

    class Inner:
        """
        >>> 'inner'
        'inner'
        """

    def meth(self):
        '>>> 2\n2\n'

    @classmethod
    def cm(cls):
        """>>> 3
        3"""

    def nodoc(self):
        pass


for finder in (doctest.DocTestFinder(), doctest.DocTestFinder(exclude_empty=False),
               doctest.DocTestFinder(recurse=False)):
    for test in finder.find(Outer, 'Outer', module=False, globs={}):
        print(test.name, test.lineno, len(test.examples), test.filename)
    print('--')
for test in doctest.DocTestFinder().find(top, globs={}):
    print(test.name, test.lineno, len(test.examples))
try:
    doctest.DocTestFinder().find(3)
except ValueError as exc:
    print('ValueError', exc)
for test in doctest.DocTestFinder().find('>>> 1\n1\n', 'strname', module=False):
    print(test.name, test.lineno, test.filename, len(test.examples))
verbose_finder = doctest.DocTestFinder(verbose=True)
print(len(verbose_finder.find(Outer, 'Outer', module=False)))
try:
    doctest.testsource(doctest, 'nothing.here')
except ValueError as exc:
    print('ValueError', exc)
print(doctest.__all__)

print('== exception messages with notes and syntax errors')


def noted():
    """
    >>> e = ValueError('x'); e.add_note('note'); raise e
    Traceback (most recent call last):
    ValueError: x
    note
    >>> exec('1 +')
    Traceback (most recent call last):
    SyntaxError: invalid syntax
    >>> raise ValueError('a\\nb')
    Traceback (most recent call last):
    ValueError: a
    b
    >>> raise ValueError('a\\nb')
    Traceback (most recent call last):
    ValueError: a
    """


runner = doctest.DocTestRunner(verbose=False)
for test in doctest.DocTestFinder().find(noted, 'noted', globs={}):
    lines = []
    print(runner.run(test, out=lines.append))
    text = ''.join(lines)
    print(text[text.index('Failed example'):text.index('Got:')])
