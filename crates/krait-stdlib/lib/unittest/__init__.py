"""krait's unittest: TestCase (fixtures, cleanups, subTest, skips,
expected failures, the assert* methods with CPython's messages),
TestSuite, TestLoader, TestResult, TextTestRunner and main().

Not available: directory discovery (`discover`, `python -m unittest
discover`). Failure tracebacks drop unittest's own frames through a
frame limit, since krait cannot cut a traceback object."""

__all__ = [
    'TestResult',
    'TestCase',
    'IsolatedAsyncioTestCase',
    'TestSuite',
    'TextTestRunner',
    'TestLoader',
    'FunctionTestCase',
    'main',
    'defaultTestLoader',
    'SkipTest',
    'skip',
    'skipIf',
    'skipUnless',
    'expectedFailure',
    'TextTestResult',
    'installHandler',
    'registerResult',
    'removeResult',
    'removeHandler',
    'addModuleCleanup',
    'doModuleCleanups',
    'enterModuleContext',
    'getTestCaseNames',
    'makeSuite',
    'findTestCases',
]

__unittest = True

from .result import TestResult
from .case import TestCase, FunctionTestCase, SkipTest
from .case import expectedFailure, skip, skipIf, skipUnless
from .case import (addModuleCleanup, enterModuleContext,
                   doModuleCleanups)
from .suite import TestSuite, BaseTestSuite
from .loader import defaultTestLoader, TestLoader
from .loader import findTestCases, getTestCaseNames, makeSuite
from .main import main, TestProgram
from .runner import TextTestResult, TextTestRunner
from .signals import (installHandler, removeHandler,
                      registerResult, removeResult)

# Former name of TextTestResult.
_TextTestResult = TextTestResult


def load_tests(
        loader, tests, pattern):
    # The package's own test suite is not shipped with krait.
    return tests


def __dir__():
    return set(globals()) | {'IsolatedAsyncioTestCase'}


def __getattr__(name):
    # Imported on first use, so that only programs using it load asyncio.
    if name != 'IsolatedAsyncioTestCase':
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import async_case
    found = globals()[name] = async_case.IsolatedAsyncioTestCase
    return found
