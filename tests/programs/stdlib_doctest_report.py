# doctest: failure reports (line numbers, file names), option flags,
# diffs, exceptions, verbose output and summaries, with a module written
# to a temporary folder.
import doctest
import io
import os
import re
import sys
import tempfile
import unittest

MODULE = '''"""Module doc.

>>> 1 + 1
2
"""


def ok():
    """
    >>> ok()
    'fine'
    >>> print('a\\\\nb')
    a
    b
    """
    return 'fine'


def bad():
    """
    >>> bad()
    3
    >>> print('x')
    >>> 'never'
    """
    return 4


def flags():
    """
    >>> print(list(range(20)))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print('a   b\\\\n c')  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> raise ValueError('detail one')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    pkg.ValueError: other detail
    >>> undefined_name  # doctest: +SKIP
    boom
    >>> True
    1
    >>> True  # doctest: +DONT_ACCEPT_TRUE_FOR_1
    1
    >>> print('')
    <BLANKLINE>
    >>> print('a\\\\n\\\\nb')
    a
    <BLANKLINE>
    b
    """


def raises():
    """
    >>> int('x')
    >>> def inner():
    ...     return 1 / 0
    >>> inner()
    Traceback (most recent call last):
    ZeroDivisionError: division by zero
    >>> inner() + 1
    2
    >>> raise KeyError('k')
    Traceback (most recent call last):
      ...
    KeyError: 'other'
    """


def diffs():
    """
    >>> for i in range(5): print(i)
    0
    1
    2
    3
    5
    >>> print('short')
    long
    """


class Klass:
    """
    >>> Klass().method()
    'm'
    """

    def method(self):
        """
        >>> 2 * 3
        7
        """
        return 'm'

    @staticmethod
    def helper():
        """
        >>> Klass.helper()
        """

    @property
    def prop(self):
        """
        >>> Klass().prop
        'p'
        """
        return 'p'


__test__ = {'extra': """
>>> [1, 2][5]
Traceback (most recent call last):
IndexError: list index out of range
>>> x = 5
>>> x
5
"""}
'''

TEXT = '''Some prose.

    >>> a = 1
    >>> a + 1
    3

More prose.

    >>> print('ok')
    ok
'''

folder = tempfile.mkdtemp()
with open(os.path.join(folder, 'dt_report_mod.py'), 'w') as f:
    f.write(MODULE)
with open(os.path.join(folder, 'dt_report.txt'), 'w') as f:
    f.write(TEXT)
sys.path.insert(0, folder)
import dt_report_mod


def norm(text):
    text = text.replace(folder, 'TMP')
    text = re.sub(r'( *)File "[^"]*doctest(?:\.py|>)", line \d+, in (\S+)\n'
                  r'(?:\1  +\S.*\n)?(?:\1  +[\^~]+\n)?',
                  r'\1File "DOCTEST", line N, in \2\n', text)
    return re.sub(r'0x[0-9a-f]+', '0x...', text)


def capture(label, func, *args, **kwargs):
    print('####', label)
    saved = sys.stdout
    sys.stdout = buffer = io.StringIO()
    try:
        result = func(*args, **kwargs)
    except Exception as exc:
        result = '%s: %s' % (type(exc).__name__, exc)
    finally:
        sys.stdout = saved
    print(norm(buffer.getvalue()), end='')
    print('->', norm(str(result)))


capture('testmod', doctest.testmod, dt_report_mod)
capture('testmod verbose', doctest.testmod, dt_report_mod, verbose=True)
capture('first failure only', doctest.testmod, dt_report_mod,
        optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
capture('fail fast', doctest.testmod, dt_report_mod, optionflags=doctest.FAIL_FAST)
for flag in ('REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF'):
    capture(flag, doctest.run_docstring_examples, dt_report_mod.diffs, {},
            name='diffs', optionflags=getattr(doctest, flag))
capture('no blankline', doctest.run_docstring_examples, dt_report_mod.flags,
        {}, optionflags=doctest.DONT_ACCEPT_BLANKLINE)
capture('exclude_empty', doctest.testmod, dt_report_mod, exclude_empty=True,
        report=False)
capture('name and globs', doctest.testmod, dt_report_mod, name='renamed',
        extraglobs={'x': 1})
capture('raise_on_error', doctest.testmod, dt_report_mod, raise_on_error=True)
capture('testfile', doctest.testfile, os.path.join(folder, 'dt_report.txt'),
        module_relative=False)
capture('testfile verbose', doctest.testfile,
        os.path.join(folder, 'dt_report.txt'), module_relative=False,
        verbose=True, name='Named')
capture('testfile package', doctest.testfile, 'x.txt', module_relative=False,
        package='os')
capture('testmod not module', doctest.testmod, 42)

print('#### runner pieces')
runner = doctest.DocTestRunner(verbose=False)
finder = doctest.DocTestFinder()
for test in finder.find(dt_report_mod):
    out = []
    print(norm(repr(test)), test.lineno, runner.run(test, out=out.append))
    print(norm(''.join(out)), end='')
capture('summarize', runner.summarize)
capture('summarize verbose', runner.summarize, True)
other = doctest.DocTestRunner(verbose=False)
other.run(doctest.DocTestParser().get_doctest('>>> 1\n2\n', {}, 'dt_report_mod.ok', 'f', 0), out=lambda s: None)
runner.merge(other)
capture('merged', runner.summarize, True)

print('#### debug runner')
parser = doctest.DocTestParser()
for text in ('>>> 1 + 1\n3\n', '>>> 1 / 0\n', '>>> 1\n1\n'):
    test = parser.get_doctest(text, {}, 'dbg', 'dbg.py', 10)
    try:
        print(doctest.DebugRunner(verbose=False).run(test))
    except doctest.DocTestFailure as failure:
        print('DocTestFailure', failure, repr(failure.got), failure.example.lineno)
    except doctest.UnexpectedException as problem:
        print('UnexpectedException', problem, problem.exc_info[0].__name__)

print('#### unittest')
suite = doctest.DocTestSuite(dt_report_mod)
print(suite.countTestCases(), sorted(norm(repr(case)) for case in suite))
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.failures), len(result.errors))
for case, text in sorted(result.failures, key=lambda item: item[0].id()):
    print(case.id(), case.shortDescription())
    print(norm(text.split('AssertionError: ', 1)[-1]))
fsuite = doctest.DocFileSuite(os.path.join(folder, 'dt_report.txt'),
                              module_relative=False)
result = unittest.TestResult()
fsuite.run(result)
for case, text in result.failures:
    print(case.id(), norm(repr(case)))
    print(norm(text.split('AssertionError: ', 1)[-1]))
print(doctest.set_unittest_reportflags(doctest.REPORT_NDIFF))
try:
    doctest.set_unittest_reportflags(doctest.ELLIPSIS)
except ValueError as exc:
    print('ValueError', exc)
print(doctest.set_unittest_reportflags(0))
