"""krait's unittest.result: TestResult, the record of a test run, and
the formatting of a test's exception without unittest's own frames."""

import io
import sys
import traceback
from functools import wraps

from . import util

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Decorator: with result.failfast set, stop the run at this event."""
    @wraps(method)
    def inner(
            self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return inner


def _in_unittest(level):
    return '__unittest' in level.tb_frame.f_globals


def _skip_unittest_levels(
        level):
    while level is not None and _in_unittest(level):
        level = level.tb_next
    return level


def _own_depth(level):
    """How many leading frames of a traceback are the test's own, or
    None when no unittest frame follows them."""
    count = 0
    while level is not None:
        if _in_unittest(level):
            return count
        count += 1
        level = level.tb_next
    return None


def _with_newline(text):
    return text if text.endswith('\n') else text + '\n'


class TestResult(object):
    """Collects the outcome of a test run: `failures` and `errors` hold
    (test, formatted traceback) pairs, `skipped` (test, reason) pairs,
    `expectedFailures` (test, formatted traceback) pairs and
    `unexpectedSuccesses` tests."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(
            self, stream=None, descriptions=None, verbosity=None):
        for bucket in ('failures', 'errors', 'skipped', 'expectedFailures',
                       'unexpectedSuccesses'):
            setattr(self, bucket, [])
        self.testsRun = 0
        self.shouldStop = self.failfast = False
        self.buffer = self.tb_locals = False
        self._stdout_buffer = self._stderr_buffer = None
        self._original_stdout, self._original_stderr = sys.stdout, sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        pass

    def startTest(
            self, test):
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if not self.buffer:
            return
        if self._stderr_buffer is None:
            self._stdout_buffer, self._stderr_buffer = (io.StringIO(),
                                                        io.StringIO())
        sys.stdout, sys.stderr = self._stdout_buffer, self._stderr_buffer

    def startTestRun(self):
        pass

    def stopTest(self, test):
        self._restoreStdout()
        self._mirrorOutput = False

    def _captured(self):
        """The buffered (stdout, stderr) text, each ending in a newline
        unless empty."""
        texts = []
        for stream in (sys.stdout, sys.stderr):
            text = stream.getvalue()
            texts.append(_with_newline(text) if text else text)
        return texts

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._mirrorOutput:
            out_text, err_text = self._captured()
            if out_text:
                self._original_stdout.write(STDOUT_LINE % out_text)
            if err_text:
                self._original_stderr.write(STDERR_LINE % err_text)
        sys.stdout, sys.stderr = self._original_stdout, self._original_stderr
        for buf in (self._stdout_buffer, self._stderr_buffer):
            buf.seek(0)
            buf.truncate()

    def stopTestRun(self):
        pass

    def _record(
            self, bucket, test, err, report_as=None):
        entry = report_as if report_as is not None else test
        bucket.append((entry, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addError(
            self, test, err):
        """err is an exc_info triple of an unexpected exception."""
        self._record(self.errors, test, err)

    @failfast
    def addFailure(
            self, test, err):
        """err is an exc_info triple of a failed check."""
        self._record(self.failures, test, err)

    def addSubTest(
            self, test, subtest, err):
        """A subtest ended: err is None on success, else exc_info."""
        if err is None:
            return
        if getattr(self, 'failfast', False):
            self.stop()
        failed = issubclass(err[0], test.failureException)
        self._record(self.failures if failed else self.errors, test, err,
                     report_as=subtest)

    def addSuccess(
            self, test):
        pass

    def addSkip(
            self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(
            self, test, err):
        text = self._exc_info_to_string(err, test)
        self.expectedFailures.append((test, text))

    @failfast
    def addUnexpectedSuccess(
            self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """True when nothing failed, errored or unexpectedly passed."""
        if self.failures or self.errors:
            return False
        return not getattr(self, 'unexpectedSuccesses', ())

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(
            self, err, test):
        """The report of err: its traceback (unittest frames left out),
        followed by the captured output when buffering."""
        kind, value, tb = err
        tb, limit = self._clean_tracebacks(kind, value, tb, test)
        formatted = traceback.TracebackException(
            kind, value, tb, limit=limit, compact=True,
            capture_locals=self.tb_locals)
        pieces = list(formatted.format())
        if value is not None:
            # A message ending in a newline (a diff) keeps its trailing
            # empty line in CPython's report; put it back if lost.
            joined = ''.join(pieces)
            tail = ''.join(traceback.format_exception_only(value))
            if not joined.endswith(tail) and (joined + '\n').endswith(tail):
                pieces = [joined, '\n']
        if self.buffer:
            out_text, err_text = self._captured()
            if out_text:
                pieces.append(STDOUT_LINE % out_text)
            if err_text:
                pieces.append(STDERR_LINE % err_text)
        return ''.join(pieces)

    def _clean_tracebacks(
            self, exctype, value, tb, test):
        """(traceback, limit) to report: the runner's leading frames are
        skipped, and for a failure the assert* frames at the end too.

        krait cannot cut a traceback (tb_next is read-only), so the
        trailing frames go through a frame limit; that works for the
        reported exception, chained ones only lose their leading
        unittest frames."""
        head = _skip_unittest_levels(tb)
        limit = None
        if exctype is test.failureException and head is not None:
            limit = _own_depth(head)
        visited = {id(value)}
        todo = []

        def queue_chained(exc):
            if exc is None:
                return
            for linked in (exc.__cause__, exc.__context__):
                if linked is not None and id(linked) not in visited:
                    visited.add(id(linked))
                    todo.append(linked)

        queue_chained(value)
        while todo:
            exc = todo.pop()
            exc.__traceback__ = _skip_unittest_levels(exc.__traceback__)
            queue_chained(exc)
        return head, limit

    def __repr__(self):
        return (f"<{util.strclass(self.__class__)} run={self.testsRun} "
                f"errors={len(self.errors)} failures={len(self.failures)}>")
