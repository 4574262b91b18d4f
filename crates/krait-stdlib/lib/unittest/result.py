"""TestResult: what a test run records (failures, errors, skips,
expected failures, unexpected successes) and the formatting of a test's
exception, without the unittest frames of its traceback."""

import io
import sys
import traceback

from . import util

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Stop the run at this outcome when the result is failfast."""
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    inner.__name__ = method.__name__
    inner.__qualname__ = method.__qualname__
    inner.__doc__ = method.__doc__
    return inner


def _is_unittest_frame(tb):
    return '__unittest' in tb.tb_frame.f_globals


class TestResult(object):
    """Holds the results of a test run.

    failures and errors are lists of (test, formatted traceback) pairs,
    skipped of (test, reason), expectedFailures of (test, formatted
    traceback), unexpectedSuccesses of tests."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        "Called by TestRunner after test run"

    def startTest(self, test):
        "Called when the given test is about to be run"
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """Called once before any tests are executed."""

    def stopTest(self, test):
        """Called when the given test has been run"""
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if self.buffer:
            if self._mirrorOutput:
                output = sys.stdout.getvalue()
                error = sys.stderr.getvalue()
                if output:
                    if not output.endswith('\n'):
                        output += '\n'
                    self._original_stdout.write(STDOUT_LINE % output)
                if error:
                    if not error.endswith('\n'):
                        error += '\n'
                    self._original_stderr.write(STDERR_LINE % error)
            sys.stdout = self._original_stdout
            sys.stderr = self._original_stderr
            self._stdout_buffer.seek(0)
            self._stdout_buffer.truncate()
            self._stderr_buffer.seek(0)
            self._stderr_buffer.truncate()

    def stopTestRun(self):
        """Called once after all tests are executed."""

    @failfast
    def addError(self, test, err):
        """Called when an error has occurred. 'err' is a tuple of values as
        returned by sys.exc_info().
        """
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        """Called when an error has occurred. 'err' is a tuple of values as
        returned by sys.exc_info()."""
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """Called at the end of a subtest: err is None when it succeeded,
        else a sys.exc_info() tuple."""
        if err is not None:
            if getattr(self, 'failfast', False):
                self.stop()
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))
            self._mirrorOutput = True

    def addSuccess(self, test):
        "Called when a test has completed successfully"

    def addSkip(self, test, reason):
        """Called when a test is skipped."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """Called when an expected failure/error occurred."""
        self.expectedFailures.append(
            (test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """Called when a test was expected to fail, but succeed."""
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """Tells whether or not this result was a success."""
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Indicates that the tests should be aborted."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        """The traceback text of err, without unittest's own frames, and
        the buffered output when buffering."""
        exctype, value, tb = err
        tb, limit = self._clean_tracebacks(exctype, value, tb, test)
        tb_e = traceback.TracebackException(
            exctype, value, tb, limit=limit,
            capture_locals=self.tb_locals, compact=True)
        lines = list(tb_e.format())
        if value is not None:
            # krait's traceback formatting drops the blank line that a
            # message ending in a newline (a diff) leaves at the end;
            # put it back so the report reads as CPython's.
            text = ''.join(lines)
            only = ''.join(traceback.format_exception_only(value))
            if not text.endswith(only) and (text + '\n').endswith(only):
                lines = [text, '\n']
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                if not output.endswith('\n'):
                    output += '\n'
                lines.append(STDOUT_LINE % output)
            if error:
                if not error.endswith('\n'):
                    error += '\n'
                lines.append(STDERR_LINE % error)
        return ''.join(lines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        """(traceback, limit) of the exception to report: the frames of
        the test runner are skipped, and for a failure those of the
        assert* method too.

        krait's traceback objects cannot be cut (tb_next is read-only), so
        the assert* frames are left out by a frame limit; this applies to
        the reported exception, while chained ones only lose their
        leading unittest frames."""
        result_tb = None
        limit = None
        first = True
        pending = [(exctype, value, tb)]
        seen = {id(value)}
        while pending:
            exctype, value, tb = pending.pop()
            while tb and _is_unittest_frame(tb):
                tb = tb.tb_next
            if first:
                result_tb = tb
                first = False
                if exctype is test.failureException and tb is not None:
                    count = 0
                    level = tb
                    while level and not _is_unittest_frame(level):
                        count += 1
                        level = level.tb_next
                    if level is not None:
                        limit = count
            else:
                value.__traceback__ = tb
            if value is not None:
                for chained in (value.__cause__, value.__context__):
                    if chained is not None and id(chained) not in seen:
                        pending.append((type(chained), chained,
                                        chained.__traceback__))
                        seen.add(id(chained))
        return result_tb, limit

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
                (util.strclass(self.__class__), self.testsRun,
                 len(self.errors), len(self.failures)))
