"""krait's IsolatedAsyncioTestCase: test methods, asyncSetUp,
asyncTearDown and cleanups may be coroutine functions; each test runs
on an event loop of its own, all parts sharing one context."""

import asyncio
import contextvars
import inspect
import warnings

from . import case

TestCase = case.TestCase

_NO_RUNNER = 'asyncio runner is not initialized'
_HAS_RUNNER = 'asyncio runner is already initialized'


class IsolatedAsyncioTestCase(case.TestCase):
    """A TestCase whose test runs in a fresh asyncio event loop: setUp,
    asyncSetUp, the test, asyncTearDown, tearDown and then the cleanups
    (plain or async)."""

    def __init__(
            self, methodName='runTest'):
        super().__init__(methodName)
        self._asyncioRunner = None
        # setUp, the test, tearDown and cleanups all run in this context.
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(
            self, func, /, *args, **kwargs):
        # _callCleanup awaits coroutine functions, so a plain cleanup
        # entry is enough.
        self.addCleanup(func, *args, **kwargs)

    async def enterAsyncContext(
            self, cm):
        """Enter the async context manager cm now; its exit becomes an
        async cleanup."""
        kind = type(cm)
        try:
            opener, closer = kind.__aenter__, kind.__aexit__
        except AttributeError:
            where = f"{kind.__module__}.{kind.__qualname__}"
            raise TypeError(f"'{where}' object does not support the "
                            f"asynchronous context manager protocol") from None
        value = await opener(cm)
        self.addAsyncCleanup(closer, cm, None, None, None)
        return value

    def _in_context(
            self, func, *args, **kwargs):
        return self._asyncioTestContext.run(func, *args, **kwargs)

    def _await(self, coro):
        loop_runner = self._asyncioRunner
        assert loop_runner is not None, _NO_RUNNER
        return loop_runner.run(coro, context=self._asyncioTestContext)

    def _callSetUp(self):
        # Create the loop first so that setUp sees it as the current one.
        loop_runner = self._asyncioRunner
        loop_runner.get_loop()
        self._in_context(self.setUp)
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(
            self, method):
        if self._callMaybeAsync(method) is None:
            return
        text = ("It is deprecated to return a value that is not None "
                f"from a test case ({method})")
        warnings.warn(text, DeprecationWarning, stacklevel=6)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self._in_context(self.tearDown)

    def _callCleanup(
            self, function, *args, **kwargs):
        return self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(
            self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, _NO_RUNNER
        assert inspect.iscoroutinefunction(func), \
            f'{func!r} is not an async function'
        return self._await(func(*args, **kwargs))

    def _callMaybeAsync(
            self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, _NO_RUNNER
        if not inspect.iscoroutinefunction(func):
            return self._in_context(func, *args, **kwargs)
        # Awaited right here (no helper) so that a failing test's
        # traceback has the frames CPython's has.
        loop_runner = self._asyncioRunner
        return loop_runner.run(func(*args, **kwargs),
                               context=self._asyncioTestContext)

    def _setupAsyncioRunner(self):
        assert self._asyncioRunner is None, _HAS_RUNNER
        self._asyncioRunner = asyncio.Runner(debug=True)

    def _tearDownAsyncioRunner(self):
        # As in CPython 3.11 the closed runner stays in place.
        self._asyncioRunner.close()

    def _with_runner(self, action, *args, always_close=True):
        self._setupAsyncioRunner()
        if always_close:
            try:
                return action(*args)
            finally:
                self._tearDownAsyncioRunner()
        # debug(): an error leaves the runner for __del__ to close.
        action(*args)
        self._tearDownAsyncioRunner()
        return None

    def run(self, result=None):
        return self._with_runner(super().run, result)

    def debug(self):
        self._with_runner(super().debug, always_close=False)

    def __del__(self):
        if getattr(self, '_asyncioRunner', None) is not None:
            self._tearDownAsyncioRunner()
