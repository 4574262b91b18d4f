"""krait's unittest.suite: BaseTestSuite and TestSuite, which also runs
the class and module fixtures (setUpClass/setUpModule and teardowns)."""

import sys

from . import case
from . import util

__unittest = True


def _call_if_exists(
        parent, attr):
    hook = getattr(parent, attr, None)
    if hook is not None:
        hook()


class _FixtureOutput:
    """Buffers the output of a class or module fixture like a test's
    (when the result buffers)."""

    def __init__(self, result):
        self.result = result

    def __enter__(self):
        _call_if_exists(self.result, '_setupStdout')

    def __exit__(self, *exc_info):
        _call_if_exists(self.result, '_restoreStdout')
        return False


def _debugging(result):
    return isinstance(result, _DebugResult)


class BaseTestSuite(object):
    """Tests run one after the other, no fixtures around them."""

    _cleanup = True

    def __init__(
            self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return f"<{util.strclass(self.__class__)} tests={list(self)}>"

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return list(self) == list(other)
        return NotImplemented

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        total = self._removed_tests
        for member in self:
            if member:
                total += member.countTestCases()
        return total

    def addTest(self, test):
        if not callable(test):
            raise TypeError(f"{test!r} is not callable")
        if isinstance(test, type) and issubclass(
                test, (case.TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def addTests(
            self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for member in tests:
            self.addTest(member)

    def run(self, result):
        for position, member in enumerate(self):
            if result.shouldStop:
                break
            member(result)
            if self._cleanup:
                self._removeTestAtIndex(position)
        return result

    def _removeTestAtIndex(
            self, index):
        """Forget a test that has run (still counting it) so that it can
        be freed."""
        try:
            done = self._tests[index]
        except TypeError:
            # _tests replaced by something that cannot be indexed.
            return
        if hasattr(done, 'countTestCases'):
            self._removed_tests += done.countTestCases()
        self._tests[index] = None

    def __call__(
            self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        for member in self:
            member.debug()


class TestSuite(BaseTestSuite):
    """Tests run in order, with setUpModule/setUpClass before the first
    test of each module/class and the teardowns after its last."""

    def run(
            self, result, debug=False):
        outermost = getattr(result, '_testRunEntered', False) is False
        if outermost:
            result._testRunEntered = True
        for position, member in enumerate(self):
            if result.shouldStop:
                break
            if _isnotsuite(member):
                if not self._prepare_fixtures(member, result):
                    continue
            if debug:
                member.debug()
            else:
                member(result)
            if self._cleanup:
                self._removeTestAtIndex(position)
        if outermost:
            self._tearDownPreviousClass(None, result)
            self._handleModuleTearDown(result)
            result._testRunEntered = False
        return result

    def _prepare_fixtures(
            self, test, result):
        """Run the fixtures due before test; False if it must not run."""
        self._tearDownPreviousClass(test, result)
        self._handleModuleFixture(test, result)
        self._handleClassSetUp(test, result)
        cls = test.__class__
        result._previousTestClass = cls
        if getattr(cls, '_classSetupFailed', False):
            return False
        return not getattr(result, '_moduleSetUpFailed', False)

    def debug(self):
        self.run(_DebugResult(), True)

    def _handleClassSetUp(
            self, test, result):
        cls = test.__class__
        if cls == getattr(result, '_previousTestClass', None):
            return
        if result._moduleSetUpFailed or getattr(cls, "__unittest_skip__", False):
            return
        try:
            cls._classSetupFailed = False
        except TypeError:
            # Attributes cannot be set on a built-in type.
            pass
        hook = getattr(cls, 'setUpClass', None)
        cleanups = getattr(cls, 'doClassCleanups', None)
        if hook is None:
            return
        owner = util.strclass(cls)
        with _FixtureOutput(result):
            try:
                hook()
            except Exception as problem:
                if _debugging(result):
                    raise
                try:
                    cls._classSetupFailed = True
                except TypeError:
                    pass
                self._fixture_failed(
                    result, problem, 'setUpClass', owner)
            else:
                return
            # setUpClass failed: its class cleanups run now.
            if cleanups is not None:
                cleanups()
                for info in cls.tearDown_exceptions:
                    self._fixture_failed(
                        result, info[1], 'setUpClass', owner, info=info)

    def _get_previous_module(
            self, result):
        last = getattr(result, '_previousTestClass', None)
        return None if last is None else last.__module__

    def _handleModuleFixture(
            self, test, result):
        name = test.__class__.__module__
        if name == self._get_previous_module(result):
            return
        self._handleModuleTearDown(result)
        result._moduleSetUpFailed = False
        module = sys.modules.get(name)
        if module is None:
            return
        hook = getattr(module, 'setUpModule', None)
        if hook is None:
            return
        with _FixtureOutput(result):
            try:
                hook()
            except Exception as problem:
                if _debugging(result):
                    raise
                result._moduleSetUpFailed = True
                self._fixture_failed(
                    result, problem, 'setUpModule', name)
            if result._moduleSetUpFailed:
                try:
                    case.doModuleCleanups()
                except Exception as problem:
                    self._fixture_failed(
                        result, problem, 'setUpModule', name)

    def _fixture_failed(self, result, exc, stage, owner, info=None):
        extra = {} if info is None else {'info': info}
        self._createClassOrModuleLevelException(result, exc, stage, owner,
                                                **extra)

    def _createClassOrModuleLevelException(self, result, exc, method_name,
                                           parent, info=None):
        label = f'{method_name} ({parent})'
        self._addClassOrModuleLevelException(result, exc, label, info)

    def _addClassOrModuleLevelException(self, result, exception, errorName,
                                        info=None):
        holder = _ErrorHolder(errorName)
        skipper = getattr(result, 'addSkip', None)
        if skipper is not None and isinstance(exception, case.SkipTest):
            skipper(holder, str(exception))
            return
        if not info:
            info = (type(exception), exception, exception.__traceback__)
        result.addError(holder, info)

    def _handleModuleTearDown(
            self, result):
        name = self._get_previous_module(result)
        if name is None or result._moduleSetUpFailed:
            return
        module = sys.modules.get(name)
        if module is None:
            return
        with _FixtureOutput(result):
            hook = getattr(module, 'tearDownModule', None)
            if hook is not None:
                try:
                    hook()
                except Exception as problem:
                    if _debugging(result):
                        raise
                    self._fixture_failed(
                        result, problem, 'tearDownModule', name)
            try:
                case.doModuleCleanups()
            except Exception as problem:
                if _debugging(result):
                    raise
                self._fixture_failed(
                    result, problem, 'tearDownModule', name)

    def _tearDownPreviousClass(
            self, test, result):
        last = getattr(result, '_previousTestClass', None)
        if last is None or last == test.__class__:
            return
        if (getattr(last, '_classSetupFailed', False)
                or getattr(result, '_moduleSetUpFailed', False)
                or getattr(last, "__unittest_skip__", False)):
            return
        hook = getattr(last, 'tearDownClass', None)
        cleanups = getattr(last, 'doClassCleanups', None)
        if hook is None and cleanups is None:
            return
        owner = util.strclass(last)
        with _FixtureOutput(result):
            if hook is not None:
                try:
                    hook()
                except Exception as problem:
                    if _debugging(result):
                        raise
                    self._fixture_failed(
                        result, problem, 'tearDownClass', owner)
            if cleanups is not None:
                cleanups()
                for info in last.tearDown_exceptions:
                    if _debugging(result):
                        raise info[1]
                    self._fixture_failed(
                        result, info[1], 'tearDownClass', owner, info=info)


class _ErrorHolder(object):
    """Put in a result in place of a test when a class or module fixture
    fails; its description names the fixture."""

    failureException = None

    def __init__(
            self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return f"<ErrorHolder description={self.description!r}>"

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(
            self, result):
        return self.run(result)

    def countTestCases(self):
        return 0


def _isnotsuite(test):
    """True for a single test, False for anything iterable (a suite)."""
    try:
        iter(test)
    except TypeError:
        return True
    return False


class _DebugResult(object):
    """The stand-in result of TestSuite.debug()."""
    _previousTestClass = None
    _moduleSetUpFailed = False
    shouldStop = False
