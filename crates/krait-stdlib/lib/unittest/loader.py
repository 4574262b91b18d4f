"""TestLoader: collects tests from TestCase classes, modules and dotted
names into suites. Test discovery in directories (`discover`) is left
out."""

import functools
import sys
import traceback
import types
import warnings
from fnmatch import fnmatchcase

from . import case, suite, util

__unittest = True


class _FailedTest(case.TestCase):
    """Stands for a test that could not be loaded: running it raises the
    loading error."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            # No base class defines __getattr__ (and krait's super() would
            # find this one again): a plain missing attribute.
            raise AttributeError(name)

        def testFailure():
            raise self._exception
        return testFailure


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (
        name, traceback.format_exc())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = 'Failed to call load_tests:\n%s' % (traceback.format_exc(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    attrs = {methodname: testSkipped}
    TestClass = type("ModuleSkipped", (case.TestCase,), attrs)
    return suiteClass((TestClass(methodname),))


class TestLoader(object):
    """Creates test suites from classes and modules: the tests of a
    class are its methods whose names start with testMethodPrefix,
    ordered by sortTestMethodsUsing."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of all the tests of a TestCase class."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of the tests of every TestCase class in the module
        (or what its load_tests function returns)."""
        if len(args) > 0 or 'use_load_tests' in kws:
            warnings.warn('use_load_tests is deprecated and ignored',
                          DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            complaint = len(args) + 1
            raise TypeError('loadTestsFromModule() takes 1 positional '
                            'argument but {} were given'.format(complaint))
        if len(kws) != 0:
            complaint = sorted(kws)[0]
            raise TypeError("loadTestsFromModule() got an unexpected "
                            "keyword argument '{}'".format(complaint))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, case.TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case, error_message = _make_failed_load_tests(
                    module.__name__, e, self.suiteClass)
                self.errors.append(error_message)
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """A suite of the tests a dotted name designates: a module, a
        TestCase class, a test method, a suite, or a callable returning
        a test or suite; relative to module when given."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            parts_copy = parts[:]
            while parts_copy:
                try:
                    module_name = '.'.join(parts_copy)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = parts_copy.pop()
                    # The error of the last module tried is the one to
                    # report if no attribute is found either.
                    error_case, error_message = _make_failed_import_test(
                        next_attribute, self.suiteClass)
                    if not parts_copy:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    # A package whose submodule failed to import.
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (
                        traceback.format_exc(),))
                self.errors.append(error_message)
                return error_case

        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        if (isinstance(obj, types.FunctionType) and
                isinstance(parent, type) and
                issubclass(parent, case.TestCase)):
            name = parts[-1]
            inst = parent(name)
            # A static method is not a test method.
            if not isinstance(getattr(inst, name), types.FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            if isinstance(test, case.TestCase):
                return self.suiteClass([test])
            raise TypeError("calling %s returned %s, not a test" %
                            (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        """A suite of the suites of each name (see loadTestsFromName)."""
        suites = [self.loadTestsFromName(name, module) for name in names]
        return self.suiteClass(suites)

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of the test methods of a TestCase class."""
        prefix = self.testMethodPrefix
        patterns = self.testNamePatterns

        def should_include(attrname):
            if not attrname.startswith(prefix):
                return False
            if not callable(getattr(testCaseClass, attrname)):
                return False
            if patterns is None:
                return True
            full_name = '%s.%s.%s' % (testCaseClass.__module__,
                                      testCaseClass.__qualname__, attrname)
            return any(fnmatchcase(full_name, p) for p in patterns)

        names = [name for name in dir(testCaseClass) if should_include(name)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        raise NotImplementedError("test discovery is not supported by krait")


defaultTestLoader = TestLoader()


def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp,
                     testNamePatterns=None):
    """Deprecated: TestLoader.getTestCaseNames with these settings."""
    warnings.warn("unittest.getTestCaseNames() is deprecated and will be "
                  "removed in Python 3.13. Please use "
                  "unittest.TestLoader.getTestCaseNames() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing,
                       testNamePatterns=testNamePatterns
                       ).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    """Deprecated: TestLoader.loadTestsFromTestCase with these settings."""
    warnings.warn("unittest.makeSuite() is deprecated and will be removed "
                  "in Python 3.13. Please use "
                  "unittest.TestLoader.loadTestsFromTestCase() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass
                       ).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    """Deprecated: TestLoader.loadTestsFromModule with these settings."""
    warnings.warn("unittest.findTestCases() is deprecated and will be "
                  "removed in Python 3.13. Please use "
                  "unittest.TestLoader.loadTestsFromModule() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass
                       ).loadTestsFromModule(module)
