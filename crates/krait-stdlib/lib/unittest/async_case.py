"""IsolatedAsyncioTestCase: a TestCase whose test methods, fixtures
(asyncSetUp/asyncTearDown) and cleanups may be coroutine functions, run
on an event loop of its own per test.

krait has no `contextvars`: the fixtures and the test do not share a
copied context as in CPython (context variables are not isolated)."""

import asyncio
from asyncio import coroutines
import warnings

from .case import TestCase



class IsolatedAsyncioTestCase(TestCase):
    """A TestCase running each test in a fresh asyncio event loop:
    setUp, asyncSetUp, the test, asyncTearDown, tearDown, then the
    cleanups (sync or async), all on that loop."""

    def __init__(self, methodName='runTest'):
        super().__init__(methodName)
        self._asyncioRunner = None

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        # A coroutine function's cleanup is awaited by _callCleanup.
        self.addCleanup(*(func, *args), **kwargs)

    async def enterAsyncContext(self, cm):
        """Enter an asynchronous context manager now and exit it as a
        cleanup."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object "
                            f"does not support the asynchronous context "
                            f"manager protocol") from None
        result = await enter(cm)
        self.addAsyncCleanup(exit, cm, None, None, None)
        return result

    def _callSetUp(self):
        self.setUp()
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None:
            warnings.warn(f'It is deprecated to return a value that is not '
                          f'None from a test case ({method})',
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self.tearDown()

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, 'asyncio runner is not initialized'
        assert coroutines.iscoroutinefunction(func), f'{func!r} is not an async function'
        return self._asyncioRunner.run(func(*args, **kwargs))

    def _callMaybeAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, 'asyncio runner is not initialized'
        if coroutines.iscoroutinefunction(func):
            return self._asyncioRunner.run(func(*args, **kwargs))
        return func(*args, **kwargs)

    def _setupAsyncioRunner(self):
        assert self._asyncioRunner is None, 'asyncio runner is already initialized'
        self._asyncioRunner = asyncio.Runner(debug=True)

    def _tearDownAsyncioRunner(self):
        runner = self._asyncioRunner
        self._asyncioRunner = None
        runner.close()

    def run(self, result=None):
        self._setupAsyncioRunner()
        try:
            return super().run(result)
        finally:
            self._tearDownAsyncioRunner()

    def debug(self):
        self._setupAsyncioRunner()
        super().debug()
        self._tearDownAsyncioRunner()

    def __del__(self):
        if self._asyncioRunner is not None:
            self._tearDownAsyncioRunner()
