"""The unittest framework (CPython's `unittest`), written for krait.

TestCase with setUp/tearDown, class and module fixtures, cleanups,
subTest, skips, expected failures and the assert* methods (their
failure messages and diffs as CPython's); TestSuite, TestLoader,
TestResult, TextTestRunner and main() for the command line.

Left out: test discovery (`discover`, `python -m unittest`), and
`unittest.mock`. Failure tracebacks leave out unittest's own frames as
CPython does, using a frame limit because krait's traceback objects
cannot be cut.
"""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext',
           'getTestCaseNames', 'makeSuite', 'findTestCases']

__unittest = True

from .result import TestResult
from .case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest,
                   skip, skipIf, skipUnless, expectedFailure,
                   doModuleCleanups, enterModuleContext)
from .suite import BaseTestSuite, TestSuite
from .loader import TestLoader, defaultTestLoader
from .main import TestProgram, main
from .runner import TextTestRunner, TextTestResult
from .signals import installHandler, registerResult, removeResult, removeHandler
from .loader import makeSuite, getTestCaseNames, findTestCases

# An old name.
_TextTestResult = TextTestResult


def load_tests(loader, tests, pattern):
    """The tests of the unittest package itself: none with krait."""
    return tests


def __dir__():
    return globals().keys() | {'IsolatedAsyncioTestCase'}


def __getattr__(name):
    # asyncio is only imported by the programs using the async test case.
    if name == 'IsolatedAsyncioTestCase':
        global IsolatedAsyncioTestCase
        from .async_case import IsolatedAsyncioTestCase
        return IsolatedAsyncioTestCase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
