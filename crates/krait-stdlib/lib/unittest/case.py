"""krait's unittest.case: TestCase, FunctionTestCase, the skip
decorators and the helpers behind assertRaises/assertWarns."""

import collections
import contextlib
import difflib
import functools
import pprint
import re
import sys
import types
import warnings

from . import result
from . import util
from .util import safe_repr, strclass, _common_shorten_repr

# Tracebacks of failures leave out frames of modules that set this name.
__unittest = True

_subtest_msg_sentinel = object()

DIFF_OMITTED = "\nDiff is %s characters long. Set self.maxDiff to None to see it."


class SkipTest(Exception):
    """Raised to skip a test; its argument is the reason."""


class _ShouldStop(Exception):
    """Ends a test early without reporting anything."""


class _UnexpectedSuccess(Exception):
    """Stands for an unexpected success when the result cannot take one."""


# ---------------------------------------------------------------------------
# Reporting helpers


def _addSkip(
        result, test_case, reason):
    reporter = getattr(result, 'addSkip', None)
    if reporter is None:
        warnings.warn("TestResult has no addSkip method, skips not reported",
                      RuntimeWarning, 2)
        result.addSuccess(test_case)
        return
    reporter(test_case, reason)


def _addError(
        result, test, exc_info):
    if result is None or exc_info is None:
        return
    if issubclass(exc_info[0], test.failureException):
        result.addFailure(test, exc_info)
    else:
        result.addError(test, exc_info)


class _PartGuard:
    """The with-block guarding one step of a test run (fixture, test
    body, cleanup or subtest); it files whatever the step raised."""

    __slots__ = ('_owner', '_case', '_sub', '_before')

    def __init__(
            self, owner, case, sub):
        self._owner = owner
        self._case = case
        self._sub = sub

    def __enter__(self):
        owner = self._owner
        self._before = owner.success
        owner.success = True
        return None

    def __exit__(
            self, kind, exc, tb):
        owner = self._owner
        try:
            return self._file(owner, kind, exc)
        finally:
            owner.success = owner.success and self._before

    def _file(
            self, owner, kind, exc):
        if kind is None:
            if self._sub and owner.success:
                owner.result.addSubTest(self._case.test_case, self._case, None)
            return False
        if issubclass(kind, KeyboardInterrupt):
            return False
        if issubclass(kind, SkipTest):
            owner.success = False
            _addSkip(owner.result, self._case, str(exc))
            return True
        if issubclass(kind, _ShouldStop):
            return True
        # The exception's own traceback: krait hands __exit__ none.
        info = (kind, exc, exc.__traceback__)
        if owner.expecting_failure:
            owner.expectedFailure = info
            return True
        owner.success = False
        if self._sub:
            owner.result.addSubTest(self._case.test_case, self._case, info)
        else:
            _addError(owner.result, self._case, info)
        return True


class _Outcome(object):
    """State of one run of a test: whether all its steps passed so far,
    and the error of an expected failure once it happened."""

    def __init__(
            self, result=None):
        self.result = result
        self.success = True
        self.expecting_failure = False
        self.expectedFailure = None
        self.result_supports_subtests = hasattr(result, 'addSubTest')

    def testPartExecutor(
            self, test_case, subTest=False):
        return _PartGuard(self, test_case, subTest)


def _marker(
        obj, name, fallback):
    # Decorators put their markers on the function; ask it directly in
    # case the bound method does not forward attribute reads.
    target = getattr(obj, '__func__', obj)
    return getattr(target, name, fallback)


# ---------------------------------------------------------------------------
# Decorators


def _id(obj):
    return obj


def _skip_decorator(why):
    def apply(item):
        if not isinstance(item, type):
            original = item

            @functools.wraps(original)
            def skip_wrapper(
                    *args, **kwargs):
                raise SkipTest(why)
            item = skip_wrapper
        item.__unittest_skip__ = True
        item.__unittest_skip_why__ = why
        return item
    return apply


def skip(reason):
    """Skip the decorated test (or class) unconditionally."""
    if isinstance(reason, types.FunctionType):
        # Bare @skip: the argument is the test itself.
        return _skip_decorator('')(reason)
    return _skip_decorator(reason)


def skipIf(
        condition, reason):
    """Skip the decorated test when condition is true."""
    return skip(reason) if condition else _id


def skipUnless(
        condition, reason):
    """Skip the decorated test unless condition is true."""
    return _id if condition else skip(reason)


def expectedFailure(
        test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _is_subtype(
        expected, basetype):
    if not isinstance(expected, tuple):
        return isinstance(expected, type) and issubclass(expected, basetype)
    for member in expected:
        if not _is_subtype(member, basetype):
            return False
    return True


def _enter_context(
        cm, addcleanup):
    kind = type(cm)
    try:
        opener = kind.__enter__
        closer = kind.__exit__
    except AttributeError:
        where = f"{kind.__module__}.{kind.__qualname__}"
        raise TypeError(f"'{where}' object does not support the context "
                        f"manager protocol") from None
    value = opener(cm)
    addcleanup(closer, cm, None, None, None)
    return value


# ---------------------------------------------------------------------------
# Module-level cleanups

_module_cleanups = []


def addModuleCleanup(
        function, /, *args, **kwargs):
    """Register a call made after the tests of the module have run."""
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(
        cm):
    """Enter cm and schedule its exit as a module cleanup."""
    return _enter_context(cm, addModuleCleanup)


def doModuleCleanups():
    """Run module cleanups (newest first); re-raise the first error."""
    first_error = None
    while _module_cleanups:
        func, pargs, kwargs = _module_cleanups.pop()
        try:
            func(*pargs, **kwargs)
        except Exception as problem:
            if first_error is None:
                first_error = problem
    if first_error is not None:
        raise first_error


# ---------------------------------------------------------------------------
# Context managers of assertRaises / assertWarns


class _BaseTestCaseContext:

    def __init__(
            self, test_case):
        self.test_case = test_case

    def _raiseFailure(
            self, standardMsg):
        case = self.test_case
        raise case.failureException(case._formatMessage(self.msg, standardMsg))


class _AssertRaisesBaseContext(_BaseTestCaseContext):

    def __init__(
            self, expected, test_case, expected_regex=None):
        super().__init__(test_case)
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = (None if expected_regex is None
                               else re.compile(expected_regex))
        self.obj_name = None
        self.msg = None

    def _expected_label(self):
        try:
            return self.expected.__name__
        except AttributeError:
            return str(self.expected)

    def handle(
            self, name, args, kwargs):
        """With a callable in args, call it inside this context; without
        one, hand back the context for a with statement."""
        if not _is_subtype(self.expected, self._base_type):
            raise TypeError(f'{name}() arg 1 must be {self._base_type_str}')
        if args:
            func = args[0]
            try:
                self.obj_name = func.__name__
            except AttributeError:
                self.obj_name = str(func)
            with self:
                func(*args[1:], **kwargs)
            return None
        self.msg = kwargs.pop('msg', None)
        for bad in kwargs:
            raise TypeError(f'{bad!r} is an invalid keyword argument for '
                            f'this function')
        return self


class _AssertRaisesContext(_AssertRaisesBaseContext):
    """Returned by assertRaises; `exception` is what was caught."""

    _base_type = BaseException
    _base_type_str = 'an exception type or tuple of exception types'

    def __enter__(self):
        return self

    def __exit__(
            self, exc_type, exc_value, tb):
        if exc_type is None:
            label = self._expected_label()
            if self.obj_name:
                self._raiseFailure(f"{label} not raised by {self.obj_name}")
            self._raiseFailure(f"{label} not raised")
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value.with_traceback(None)
        pattern = self.expected_regex
        if pattern is not None:
            text = str(exc_value)
            if not pattern.search(text):
                self._raiseFailure(f'"{pattern.pattern}" does not match "{text}"')
        return True

    __class_getitem__ = classmethod(types.GenericAlias)


class _AssertWarnsContext(_AssertRaisesBaseContext):
    """Returned by assertWarns; `warning`, `filename` and `lineno`
    describe the warning that matched."""

    _base_type = Warning
    _base_type_str = 'a warning type or tuple of warning types'

    def __enter__(self):
        # Warnings shown once already would not be recorded again.
        for mod in list(sys.modules.values()):
            if getattr(mod, '__warningregistry__', None):
                mod.__warningregistry__ = {}
        self.warnings_manager = warnings.catch_warnings(record=True)
        self.warnings = self.warnings_manager.__enter__()
        warnings.simplefilter("always", self.expected)
        return self

    def __exit__(
            self, exc_type, exc_value, tb):
        self.warnings_manager.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return None
        pattern = self.expected_regex
        wrong_text = None
        for entry in self.warnings:
            found = entry.message
            if not isinstance(found, self.expected):
                continue
            if pattern is not None and not pattern.search(str(found)):
                if wrong_text is None:
                    wrong_text = str(found)
                continue
            self.warning = found
            self.filename = entry.filename
            self.lineno = entry.lineno
            return None
        if wrong_text is not None:
            self._raiseFailure(f'"{pattern.pattern}" does not match "{wrong_text}"')
        label = self._expected_label()
        if self.obj_name:
            self._raiseFailure(f"{label} not triggered by {self.obj_name}")
        self._raiseFailure(f"{label} not triggered")

    __class_getitem__ = classmethod(types.GenericAlias)


class _OrderedChainMap(collections.ChainMap):
    # Innermost mapping's keys first.
    def __iter__(self):
        done = set()
        for layer in self.maps:
            for key in layer:
                if key not in done:
                    done.add(key)
                    yield key


def _pretty_diff_lines(
        first, second):
    left = pprint.pformat(first).splitlines()
    right = pprint.pformat(second).splitlines()
    return difflib.ndiff(left, right)


def _deprecate(
        original_func):
    def deprecated_func(
            *args, **kwargs):
        warnings.warn(f'Please use {original_func.__name__} instead.',
                      DeprecationWarning, 2)
        return original_func(*args, **kwargs)
    return deprecated_func


# ---------------------------------------------------------------------------
# TestCase


class TestCase(object):
    """A single test: the method named methodName run between setUp and
    tearDown, with assert* methods to check results."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 640
    # Above this many characters strings are compared without difflib.
    _diffThreshold = 65536

    _classSetupFailed = False
    _class_cleanups = []

    def __init_subclass__(
            cls, *args, **kwargs):
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(
            self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = 'No test'
        self._cleanups = []
        self._subtest = None
        try:
            method = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                raise ValueError(f"no such test method in {self.__class__}: "
                                 f"{methodName}")
        else:
            self._testMethodDoc = method.__doc__
        self._type_equality_funcs = {}
        for kind, checker in ((dict, 'assertDictEqual'),
                              (list, 'assertListEqual'),
                              (tuple, 'assertTupleEqual'),
                              (set, 'assertSetEqual'),
                              (frozenset, 'assertSetEqual'),
                              (str, 'assertMultiLineEqual')):
            self.addTypeEqualityFunc(kind, checker)

    def addTypeEqualityFunc(
            self, typeobj, function):
        """assertEqual of two values of exactly typeobj calls function."""
        self._type_equality_funcs[typeobj] = function

    def addCleanup(
            self, function, /, *args, **kwargs):
        """Register a call made after tearDown, newest first."""
        self._cleanups.append((function, args, kwargs))

    def enterContext(
            self, cm):
        """Enter cm and schedule its exit as a cleanup."""
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def addClassCleanup(
            cls, function, /, *args, **kwargs):
        """Register a call made after tearDownClass."""
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(
            cls, cm):
        """Enter cm and schedule its exit as a class cleanup."""
        return _enter_context(cm, cls.addClassCleanup)

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return result.TestResult()

    def shortDescription(self):
        """First line of the test method's docstring, or None."""
        text = self._testMethodDoc
        if not text:
            return None
        return text.strip().split("\n")[0].strip()

    def id(self):
        return f"{strclass(self.__class__)}.{self._testMethodName}"

    def __eq__(self, other):
        if type(other) is type(self):
            return other._testMethodName == self._testMethodName
        return NotImplemented

    def __hash__(self):
        return hash((self.__class__, self._testMethodName))

    def __str__(self):
        name = self._testMethodName
        return f"{name} ({strclass(self.__class__)}.{name})"

    def __repr__(self):
        return f"<{strclass(self.__class__)} testMethod={self._testMethodName}>"

    # -- subtests ---------------------------------------------------------

    @contextlib.contextmanager
    def subTest(
            self, msg=_subtest_msg_sentinel, **params):
        """The with-block runs as a subtest: a failure inside is reported
        with msg and params and the test carries on after the block."""
        outcome = self._outcome
        if outcome is None or not outcome.result_supports_subtests:
            yield
            return
        enclosing = self._subtest
        if enclosing is None:
            layered = _OrderedChainMap(params)
        else:
            layered = enclosing.params.new_child(params)
        self._subtest = _SubTest(self, msg, layered)
        try:
            with outcome.testPartExecutor(self._subtest, subTest=True):
                yield
            if outcome.success:
                if outcome.expectedFailure:
                    # The expected failure happened; nothing more to do.
                    raise _ShouldStop
            else:
                res = outcome.result
                if res is not None and res.failfast:
                    raise _ShouldStop
        finally:
            self._subtest = enclosing

    # -- running ----------------------------------------------------------

    def _addExpectedFailure(
            self, result, exc_info):
        reporter = getattr(result, 'addExpectedFailure', None)
        if reporter is not None:
            reporter(self, exc_info)
            return
        warnings.warn("TestResult has no addExpectedFailure method, "
                      "reporting as passes", RuntimeWarning)
        result.addSuccess(self)

    def _addUnexpectedSuccess(
            self, result):
        reporter = getattr(result, 'addUnexpectedSuccess', None)
        if reporter is not None:
            reporter(self)
            return
        warnings.warn("TestResult has no addUnexpectedSuccess method, "
                      "reporting as failure", RuntimeWarning)
        try:
            raise _UnexpectedSuccess from None
        except _UnexpectedSuccess:
            result.addFailure(self, sys.exc_info())

    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(
            self, method):
        returned = method()
        if returned is not None:
            warnings.warn("It is deprecated to return a value that is not "
                          f"None from a test case ({method})",
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self.tearDown()

    def _callCleanup(
            self, function, /, *args, **kwargs):
        function(*args, **kwargs)

    def _skip_reason(
            self, method):
        """(skipped, reason) for this test's class or method."""
        cls = self.__class__
        if getattr(cls, "__unittest_skip__", False):
            pass
        elif not _marker(method, "__unittest_skip__", False):
            return False, None
        why = getattr(cls, '__unittest_skip_why__', '')
        return True, why or _marker(method, '__unittest_skip_why__', '')

    def _execute(
            self, result, method):
        expecting = bool(
            getattr(self, "__unittest_expecting_failure__", False)
            or _marker(method, "__unittest_expecting_failure__", False))
        outcome = _Outcome(result)
        self._outcome = outcome
        guard = outcome.testPartExecutor
        try:
            with guard(self):
                self._callSetUp()
            if outcome.success:
                outcome.expecting_failure = expecting
                with guard(self):
                    self._callTestMethod(method)
                outcome.expecting_failure = False
                with guard(self):
                    self._callTearDown()
            self.doCleanups()
            if not outcome.success:
                return
            if not expecting:
                result.addSuccess(self)
            elif outcome.expectedFailure:
                self._addExpectedFailure(result, outcome.expectedFailure)
            else:
                self._addUnexpectedSuccess(result)
        finally:
            # Let go of the frames the exception info keeps alive.
            outcome.expectedFailure = None
            self._outcome = None

    def run(
            self, result=None):
        """Run the test and report to result (a fresh default result,
        with startTestRun/stopTestRun around it, when None)."""
        finish = None
        if result is None:
            result = self.defaultTestResult()
            begin = getattr(result, 'startTestRun', None)
            finish = getattr(result, 'stopTestRun', None)
            if begin is not None:
                begin()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            skipped, why = self._skip_reason(method)
            if skipped:
                _addSkip(result, self, why)
            else:
                self._execute(result, method)
            return result
        finally:
            result.stopTest(self)
            if finish is not None:
                finish()

    def doCleanups(self):
        """Run the registered cleanups, newest first; True if all passed."""
        outcome = self._outcome or _Outcome()
        guard = outcome.testPartExecutor
        pending = self._cleanups
        while pending:
            func, pargs, kwargs = pending.pop()
            with guard(self):
                self._callCleanup(func, *pargs, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        """Run the class cleanups, newest first, collecting errors in
        cls.tearDown_exceptions."""
        caught = cls.tearDown_exceptions = []
        pending = cls._class_cleanups
        while pending:
            func, pargs, kwargs = pending.pop()
            try:
                func(*pargs, **kwargs)
            except Exception:
                caught.append(sys.exc_info())

    def __call__(
            self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test letting exceptions through."""
        method = getattr(self, self._testMethodName)
        skipped, why = self._skip_reason(method)
        if skipped:
            raise SkipTest(why)
        self._callSetUp()
        self._callTestMethod(method)
        self._callTearDown()
        pending = self._cleanups
        while pending:
            func, pargs, kwargs = pending.pop()
            self._callCleanup(func, *pargs, **kwargs)

    def skipTest(
            self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(
            self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return f'{standardMsg} : {msg}'
        except UnicodeDecodeError:
            return f'{safe_repr(standardMsg)} : {safe_repr(msg)}'

    def _truncateMessage(
            self, message, diff):
        limit = self.maxDiff
        if limit is not None and len(diff) > limit:
            return message + DIFF_OMITTED % len(diff)
        return message + diff

    def _report(
            self, msg, standard):
        # Raise the failure (standard message combined with the user's).
        raise self.failureException(self._formatMessage(msg, standard))

    def _flunk(
            self, msg, standard):
        # The same through self.fail, for the checks reporting that way.
        self.fail(self._formatMessage(msg, standard))

    # -- truth, identity, membership -------------------------------------

    def assertFalse(
            self, expr, msg=None):
        if expr:
            self._report(msg, f"{safe_repr(expr)} is not false")

    def assertTrue(
            self, expr, msg=None):
        if not expr:
            self._report(msg, f"{safe_repr(expr)} is not true")

    def assertIs(
            self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self._flunk(msg, f'{safe_repr(expr1)} is not {safe_repr(expr2)}')

    def assertIsNot(
            self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self._flunk(msg, f'unexpectedly identical: {safe_repr(expr1)}')

    def assertIsNone(
            self, obj, msg=None):
        if obj is not None:
            self._flunk(msg, f'{safe_repr(obj)} is not None')

    def assertIsNotNone(
            self, obj, msg=None):
        if obj is None:
            self._flunk(msg, 'unexpectedly None')

    def assertIn(
            self, member, container, msg=None):
        if member not in container:
            self._flunk(msg, f'{safe_repr(member)} not found in '
                              f'{safe_repr(container)}')

    def assertNotIn(
            self, member, container, msg=None):
        if member in container:
            self._flunk(msg, f'{safe_repr(member)} unexpectedly found in '
                              f'{safe_repr(container)}')

    def assertIsInstance(
            self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._flunk(msg, f'{safe_repr(obj)} is not an instance of {cls!r}')

    def assertNotIsInstance(
            self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._flunk(msg, f'{safe_repr(obj)} is an instance of {cls!r}')

    # -- exceptions, warnings, logs --------------------------------------

    def assertRaises(
            self, expected_exception, *args, **kwargs):
        """Check that the callable args[0] raises expected_exception when
        called with the remaining arguments; with no callable, return a
        context manager (its `exception` is the one caught)."""
        ctx = _AssertRaisesContext(expected_exception, self)
        return ctx.handle('assertRaises', args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex,
                          *args, **kwargs):
        """assertRaises whose exception text must also match the regex."""
        ctx = _AssertRaisesContext(expected_exception, self, expected_regex)
        return ctx.handle('assertRaisesRegex', args, kwargs)

    def assertWarns(
            self, expected_warning, *args, **kwargs):
        """Check that the callable (or the with-block) warns with
        expected_warning."""
        ctx = _AssertWarnsContext(expected_warning, self)
        return ctx.handle('assertWarns', args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex,
                         *args, **kwargs):
        ctx = _AssertWarnsContext(expected_warning, self, expected_regex)
        return ctx.handle('assertWarnsRegex', args, kwargs)

    def assertLogs(
            self, logger=None, level=None):
        """Context manager: fail unless the logger logs at level (INFO)
        or above inside the block; it yields a watcher with `records`
        and `output`."""
        return self._logs_context(logger, level, False)

    def assertNoLogs(
            self, logger=None, level=None):
        """Context manager: fail if the logger logs at level (INFO) or
        above inside the block."""
        return self._logs_context(logger, level, True)

    def _logs_context(self, logger, level, expect_none):
        # _log imports logging: only load it when asked for.
        from . import _log
        return _log._AssertLogsContext(self, logger, level,
                                       no_logs=expect_none)

    # -- equality ---------------------------------------------------------

    def _getAssertEqualityFunc(
            self, first, second):
        kind = type(first)
        if kind == type(second):
            checker = self._type_equality_funcs.get(kind)
            if isinstance(checker, str):
                return getattr(self, checker)
            if checker is not None:
                return checker
        return self._baseAssertEqual

    def _baseAssertEqual(
            self, first, second, msg=None):
        if not first == second:
            left, right = _common_shorten_repr(first, second)
            self._report(msg, f'{left} != {right}')

    def assertEqual(
            self, first, second, msg=None):
        """Fail unless first == second (type-specific messages for str,
        list, tuple, set and dict)."""
        checker = self._getAssertEqualityFunc(first, second)
        checker(first, second, msg=msg)

    def assertNotEqual(
            self, first, second, msg=None):
        if not first != second:
            self._report(msg, f'{safe_repr(first)} == {safe_repr(second)}')

    def _closeness(
            self, first, second, places, delta):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        gap = abs(first - second)
        if delta is not None:
            return gap, gap <= delta, None
        if places is None:
            places = 7
        return gap, round(gap, places) == 0, places

    def assertAlmostEqual(self, first, second, places=None, msg=None,
                          delta=None):
        """Fail unless first and second differ by at most delta, or (by
        default) agree when rounded to `places` (7) decimal places."""
        if first == second:
            return
        gap, close, places = self._closeness(first, second, places, delta)
        if close:
            return
        a, b, g = safe_repr(first), safe_repr(second), safe_repr(gap)
        if delta is not None:
            text = f'{a} != {b} within {safe_repr(delta)} delta ({g} difference)'
        else:
            text = f'{a} != {b} within {places!r} places ({g} difference)'
        self._report(msg, text)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None,
                             delta=None):
        gap, close, places = self._closeness(first, second, places, delta)
        if not close and not first == second:
            return
        a, b = safe_repr(first), safe_repr(second)
        if delta is not None:
            text = (f'{a} == {b} within {safe_repr(delta)} delta '
                    f'({safe_repr(gap)} difference)')
        else:
            text = f'{a} == {b} within {places!r} places'
        self._report(msg, text)

    def assertSequenceEqual(
            self, seq1, seq2, msg=None, seq_type=None):
        """Fail unless the two sequences are equal, naming the first
        difference and adding a diff."""
        if seq_type is None:
            kind = "sequence"
        else:
            kind = seq_type.__name__
            for label, seq in (('First', seq1), ('Second', seq2)):
                if not isinstance(seq, seq_type):
                    raise self.failureException(
                        f'{label} sequence is not a {kind}: {safe_repr(seq)}')
        sizes = []
        for label, seq in (('First', seq1), ('Second', seq2)):
            try:
                sizes.append(len(seq))
            except (TypeError, NotImplementedError):
                text = f'{label} {kind} has no length.    Non-sequence?'
                break
        else:
            if seq1 == seq2:
                return
            text = self._sequence_difference(seq1, seq2, kind, seq_type,
                                             sizes[0], sizes[1])
            if text is None:
                return
        diff = '\n' + '\n'.join(_pretty_diff_lines(seq1, seq2))
        self.fail(self._formatMessage(msg, self._truncateMessage(text, diff)))

    def _sequence_difference(
            self, seq1, seq2, kind, seq_type, n1, n2):
        left, right = _common_shorten_repr(seq1, seq2)
        text = f'{kind.capitalize()}s differ: {left} != {right}\n'
        mismatch_found = False
        for index in range(min(n1, n2)):
            try:
                a = seq1[index]
            except (TypeError, IndexError, NotImplementedError):
                text += f'\nUnable to index element {index} of first {kind}\n'
                mismatch_found = True
                break
            try:
                b = seq2[index]
            except (TypeError, IndexError, NotImplementedError):
                text += f'\nUnable to index element {index} of second {kind}\n'
                mismatch_found = True
                break
            if a != b:
                ra, rb = _common_shorten_repr(a, b)
                text += f'\nFirst differing element {index}:\n{ra}\n{rb}\n'
                mismatch_found = True
                break
        if (not mismatch_found and n1 == n2 and seq_type is None
                and type(seq1) != type(seq2)):
            # Same items; only the sequence types differ.
            return None
        if n1 == n2:
            return text
        if n1 > n2:
            longer, which, extra_at = seq1, 'First', n2
        else:
            longer, which, extra_at = seq2, 'Second', n1
        text += (f'\n{which} {kind} contains {abs(n1 - n2)} '
                 f'additional elements.\n')
        try:
            text += f'First extra element {extra_at}:\n{safe_repr(longer[extra_at])}\n'
        except (TypeError, IndexError, NotImplementedError):
            text += (f'Unable to index element {extra_at} of '
                     f'{which.lower()} {kind}\n')
        return text

    def assertListEqual(
            self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg=msg, seq_type=list)

    def assertTupleEqual(
            self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg=msg, seq_type=tuple)

    def assertSetEqual(
            self, set1, set2, msg=None):
        """Fail unless the sets are equal, listing the items only one of
        them holds."""
        only = []
        for which, this, other in (('first', set1, set2),
                                   ('second', set2, set1)):
            try:
                only.append(this.difference(other))
            except TypeError as problem:
                self.fail(f'invalid type when attempting set difference: '
                          f'{problem}')
            except AttributeError as problem:
                self.fail(f'{which} argument does not support set '
                          f'difference: {problem}')
        in_first, in_second = only
        if not in_first and not in_second:
            return
        out = []
        if in_first:
            out.append('Items in the first set but not the second:')
            out.extend(repr(item) for item in in_first)
        if in_second:
            out.append('Items in the second set but not the first:')
            out.extend(repr(item) for item in in_second)
        self.fail(self._formatMessage(msg, '\n'.join(out)))

    def assertDictEqual(
            self, d1, d2, msg=None):
        for value, which in ((d1, 'First'), (d2, 'Second')):
            self.assertIsInstance(value, dict,
                                  f'{which} argument is not a dictionary')
        if d1 == d2:
            return
        left, right = _common_shorten_repr(d1, d2)
        diff = '\n' + '\n'.join(_pretty_diff_lines(d1, d2))
        text = self._truncateMessage(f'{left} != {right}', diff)
        self.fail(self._formatMessage(msg, text))

    def assertDictContainsSubset(
            self, subset, dictionary, msg=None):
        """Deprecated: check that dictionary holds all items of subset."""
        warnings.warn('assertDictContainsSubset is deprecated',
                      DeprecationWarning)
        absent = []
        differing = []
        for key, wanted in subset.items():
            if key not in dictionary:
                absent.append(safe_repr(key))
                continue
            actual = dictionary[key]
            if wanted != actual:
                differing.append(f'{safe_repr(key)}, expected: '
                                 f'{safe_repr(wanted)}, actual: '
                                 f'{safe_repr(actual)}')
        if not absent and not differing:
            return
        pieces = []
        if absent:
            pieces.append('Missing: ' + ','.join(absent))
        if differing:
            pieces.append('Mismatched values: ' + ','.join(differing))
        self.fail(self._formatMessage(msg, '; '.join(pieces)))

    def assertCountEqual(
            self, first, second, msg=None):
        """Fail unless both iterables hold the same elements the same
        number of times, order aside."""
        items1 = list(first)
        items2 = list(second)
        try:
            same = collections.Counter(items1) == collections.Counter(items2)
        except TypeError:
            gaps = util._count_diff_all_purpose(items1, items2)
        else:
            if same:
                return
            gaps = util._count_diff_hashable(items1, items2)
        if not gaps:
            return
        detail = '\n'.join('First has %d, Second has %d:  %r' % gap
                           for gap in gaps)
        text = self._truncateMessage('Element counts were not equal:\n',
                                     detail)
        self.fail(self._formatMessage(msg, text))

    def assertMultiLineEqual(
            self, first, second, msg=None):
        """Fail unless the strings are equal; the message has a diff."""
        for value, which in ((first, 'First'), (second, 'Second')):
            self.assertIsInstance(value, str,
                                  f'{which} argument is not a string')
        if first == second:
            return
        limit = self._diffThreshold
        if len(first) > limit or len(second) > limit:
            self._baseAssertEqual(first, second, msg)
        if first.strip('\r\n') == first and len(first.splitlines()) == 1:
            left_lines = [first + '\n']
            right_lines = [second + '\n']
        else:
            left_lines = first.splitlines(True)
            right_lines = second.splitlines(True)
        left, right = _common_shorten_repr(first, second)
        diff = '\n' + ''.join(difflib.ndiff(left_lines, right_lines))
        text = self._truncateMessage(f'{left} != {right}', diff)
        self.fail(self._formatMessage(msg, text))

    # -- ordering and regular expressions --------------------------------

    def assertLess(
            self, a, b, msg=None):
        if not a < b:
            self._flunk(msg, f'{safe_repr(a)} not less than {safe_repr(b)}')

    def assertLessEqual(
            self, a, b, msg=None):
        if not a <= b:
            self._flunk(msg, f'{safe_repr(a)} not less than or equal to '
                              f'{safe_repr(b)}')

    def assertGreater(
            self, a, b, msg=None):
        if not a > b:
            self._flunk(msg, f'{safe_repr(a)} not greater than {safe_repr(b)}')

    def assertGreaterEqual(
            self, a, b, msg=None):
        if not a >= b:
            self._flunk(msg, f'{safe_repr(a)} not greater than or equal to '
                              f'{safe_repr(b)}')

    def assertRegex(
            self, text, expected_regex, msg=None):
        """Fail unless the regex matches somewhere in text."""
        if isinstance(expected_regex, (str, bytes)):
            assert expected_regex, "expected_regex must not be empty."
            expected_regex = re.compile(expected_regex)
        if expected_regex.search(text):
            return
        self._report(msg, f"Regex didn't match: {expected_regex.pattern!r} "
                          f"not found in {text!r}")

    def assertNotRegex(
            self, text, unexpected_regex, msg=None):
        """Fail if the regex matches somewhere in text."""
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = re.compile(unexpected_regex)
        found = unexpected_regex.search(text)
        if not found:
            return
        piece = text[found.start():found.end()]
        self._report(msg, f'Regex matched: {piece!r} matches '
                          f'{unexpected_regex.pattern!r} in {text!r}')


# The old spellings, kept as deprecated aliases.
for _old, _new in (
        ('failUnlessEqual', 'assertEqual'), ('assertEquals', 'assertEqual'),
        ('failIfEqual', 'assertNotEqual'), ('assertNotEquals', 'assertNotEqual'),
        ('failUnlessAlmostEqual', 'assertAlmostEqual'),
        ('assertAlmostEquals', 'assertAlmostEqual'),
        ('failIfAlmostEqual', 'assertNotAlmostEqual'),
        ('assertNotAlmostEquals', 'assertNotAlmostEqual'),
        ('failUnless', 'assertTrue'), ('assert_', 'assertTrue'),
        ('failUnlessRaises', 'assertRaises'), ('failIf', 'assertFalse'),
        ('assertRaisesRegexp', 'assertRaisesRegex'),
        ('assertRegexpMatches', 'assertRegex'),
        ('assertNotRegexpMatches', 'assertNotRegex')):
    setattr(TestCase, _old, _deprecate(getattr(TestCase, _new)))
del _old, _new


class FunctionTestCase(TestCase):
    """Wraps a plain test function (with optional setUp/tearDown
    functions) as a test case."""

    def __init__(
            self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._testFunc, self._description = testFunc, description
        self._setUpFunc, self._tearDownFunc = setUp, tearDown

    def setUp(self):
        hook = self._setUpFunc
        if hook is not None:
            hook()

    def tearDown(self):
        hook = self._tearDownFunc
        if hook is not None:
            hook()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def _key(self):
        return (self._setUpFunc, self._tearDownFunc, self._testFunc,
                self._description)

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self):
        return hash((type(self),) + self._key())

    def __str__(self):
        return f"{strclass(self.__class__)} ({self._testFunc.__name__})"

    def __repr__(self):
        return f"<{strclass(self.__class__)} tec={self._testFunc}>"

    def shortDescription(self):
        if self._description is None:
            text = self._testFunc.__doc__
            return text and text.split("\n")[0].strip() or None
        return self._description


class _SubTest(TestCase):
    """A subtest as the result sees it."""

    def __init__(
            self, test_case, message, params):
        super().__init__()
        self.test_case, self._message, self.params = test_case, message, params
        # A failure of the subtest is whatever fails the test.
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        shown = []
        if self._message is not _subtest_msg_sentinel:
            shown.append(f"[{self._message}]")
        if self.params:
            pairs = ', '.join(f"{k}={v!r}" for k, v in self.params.items())
            shown.append(f"({pairs})")
        return " ".join(shown) or '(<subtest>)'

    def id(self):
        return f"{self.test_case.id()} {self._subDescription()}"

    def shortDescription(self):
        parent = self.test_case
        return parent.shortDescription()

    def __str__(self):
        return f"{self.test_case} {self._subDescription()}"
