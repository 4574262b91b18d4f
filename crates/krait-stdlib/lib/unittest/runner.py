"""krait's unittest.runner: TextTestResult and TextTestRunner, which
report a run on a text stream (dots, or a line per test with -v, then
the failures and a summary)."""

import sys
import time
import warnings

from . import result
from .case import _SubTest
from .signals import registerResult

__unittest = True


class _WritelnDecorator(object):
    """Wraps a stream, adding writeln()."""

    def __init__(
            self, stream):
        self.stream = stream

    def __getattr__(
            self, attr):
        if attr in ('stream', '__getstate__'):
            # Not forwarded (avoids recursion while unpickling/copying).
            raise AttributeError(attr)
        wrapped = self.stream
        return getattr(wrapped, attr)

    def writeln(
            self, arg=None):
        if arg:
            self.write(arg)
        self.write('\n')


class TextTestResult(result.TestResult):
    """A TestResult printing progress to a stream as the tests run."""

    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(
            self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream, self.descriptions = stream, descriptions
        self.showAll, self.dots = verbosity > 1, verbosity == 1
        # Whether the stream is at the start of a line.
        self._newline = True

    def getDescription(
            self, test):
        summary = test.shortDescription()
        if summary and self.descriptions:
            return f"{test}\n{summary}"
        return str(test)

    def startTest(
            self, test):
        super().startTest(test)
        if not self.showAll:
            return
        out = self.stream
        out.write(self.getDescription(test))
        out.write(" ... ")
        out.flush()
        self._newline = False

    def _write_status(
            self, test, status):
        out = self.stream
        nested = isinstance(test, _SubTest)
        if nested or self._newline:
            # Start a line of its own naming the (sub)test.
            if not self._newline:
                out.writeln()
            if nested:
                out.write("  ")
            out.write(self.getDescription(test))
            out.write(" ... ")
        out.writeln(status)
        out.flush()
        self._newline = True

    def _progress(
            self, long_form, mark, test=None):
        # verbosity 2 writes the long form, verbosity 1 the mark.
        if self.showAll:
            if test is None:
                self.stream.writeln(long_form)
                self.stream.flush()
            else:
                self._write_status(test, long_form)
        elif self.dots:
            self.stream.write(mark)
            self.stream.flush()

    def addSubTest(
            self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], subtest.failureException):
                self._progress("FAIL", 'F', subtest)
            else:
                self._progress("ERROR", 'E', subtest)
        super().addSubTest(test, subtest, err)

    def addSuccess(
            self, test):
        super().addSuccess(test)
        self._progress("ok", '.', test)

    def addError(
            self, test, err):
        super().addError(test, err)
        self._progress("ERROR", 'E', test)

    def addFailure(
            self, test, err):
        super().addFailure(test, err)
        self._progress("FAIL", 'F', test)

    def addSkip(
            self, test, reason):
        super().addSkip(test, reason)
        self._progress(f"skipped {reason!r}", 's', test)

    def addExpectedFailure(
            self, test, err):
        super().addExpectedFailure(test, err)
        self._progress("expected failure", 'x')

    def addUnexpectedSuccess(
            self, test):
        super().addUnexpectedSuccess(test)
        self._progress("unexpected success", 'u')

    def printErrors(self):
        out = self.stream
        if self.dots or self.showAll:
            out.writeln()
            out.flush()
        for flavour, bucket in (('ERROR', self.errors),
                                ('FAIL', self.failures)):
            self.printErrorList(flavour, bucket)
        surprises = getattr(self, 'unexpectedSuccesses', ())
        if not surprises:
            return
        out.writeln(self.separator1)
        for test in surprises:
            out.writeln(f"UNEXPECTED SUCCESS: {self.getDescription(test)}")
        out.flush()

    def printErrorList(
            self, flavour, errors):
        out = self.stream
        for test, text in errors:
            out.writeln(self.separator1)
            out.writeln(f"{flavour}: {self.getDescription(test)}")
            out.writeln(self.separator2)
            out.writeln(f"{text}")
            out.flush()


def _summary_counts(res):
    """(expected failures, unexpected successes, skipped) of a result,
    all 0 when it lacks one of those lists."""
    try:
        return (len(res.expectedFailures), len(res.unexpectedSuccesses),
                len(res.skipped))
    except AttributeError:
        return 0, 0, 0


class TextTestRunner(object):
    """Runs a test or suite, printing results to a stream (sys.stderr
    unless given)."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1,
                 failfast=False, buffer=False, resultclass=None,
                 warnings=None, *, tb_locals=False):
        self.stream = _WritelnDecorator(sys.stderr if stream is None
                                        else stream)
        self.descriptions, self.verbosity = descriptions, verbosity
        self.failfast, self.buffer = failfast, buffer
        self.tb_locals, self.warnings = tb_locals, warnings
        if resultclass is not None:
            # Otherwise the class attribute stays in effect.
            self.resultclass = resultclass

    def _makeResult(self):
        make = self.resultclass
        return make(self.stream, self.descriptions, self.verbosity)

    def _run_with_warnings(
            self, test, res):
        with warnings.catch_warnings():
            mode = self.warnings
            if mode:
                warnings.simplefilter(mode)
                if mode in ('default', 'always'):
                    # Deprecated assert aliases warn once per module.
                    warnings.filterwarnings(
                        'module', message=r'Please use assert\w+ instead.',
                        category=DeprecationWarning)
            started = time.perf_counter()
            hook = getattr(res, 'startTestRun', None)
            if hook is not None:
                hook()
            try:
                test(res)
            finally:
                hook = getattr(res, 'stopTestRun', None)
                if hook is not None:
                    hook()
            return time.perf_counter() - started

    def run(self, test):
        """Run test (a case or a suite) and return its result."""
        res = self._makeResult()
        registerResult(res)
        res.failfast = self.failfast
        res.buffer = self.buffer
        res.tb_locals = self.tb_locals
        elapsed = self._run_with_warnings(test, res)
        res.printErrors()
        out = self.stream
        if hasattr(res, 'separator2'):
            out.writeln(res.separator2)
        count = res.testsRun
        plural = "" if count == 1 else "s"
        out.writeln(f"Ran {count} test{plural} in {elapsed:.3f}s")
        out.writeln()
        xfails, xpasses, skips = _summary_counts(res)
        notes = []
        if res.wasSuccessful():
            out.write("OK")
        else:
            out.write("FAILED")
            for label, bucket in (("failures", res.failures),
                                  ("errors", res.errors)):
                if bucket:
                    notes.append(f"{label}={len(bucket)}")
        for label, number in (("skipped", skips),
                              ("expected failures", xfails),
                              ("unexpected successes", xpasses)):
            if number:
                notes.append(f"{label}={number}")
        if notes:
            out.writeln(" (" + ", ".join(notes) + ")")
        else:
            out.write("\n")
        out.flush()
        return res
