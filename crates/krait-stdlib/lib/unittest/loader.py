"""krait's unittest.loader: TestLoader gathers tests from TestCase
classes, modules and dotted names. Directory discovery (`discover`) is
not available in krait."""

import functools
import os
import re
import sys
import traceback
import types
import warnings
from fnmatch import fnmatch, fnmatchcase

from . import case, suite, util

__unittest = True

VALID_MODULE_NAME = re.compile(r'[_a-z]\w*\.py$', re.IGNORECASE)


class _FailedTest(case.TestCase):
    """A placeholder test for something that failed to load; running it
    raises the loading error."""

    _testMethodName = None

    def __init__(
            self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(
            self, name):
        if name == self._testMethodName:
            error = self._exception

            def testFailure():
                raise error
            return testFailure
        # TestCase has no __getattr__ to defer to.
        raise AttributeError(name)


def _make_failed_test(
        methodname, exception, suiteClass, message):
    placeholder = _FailedTest(methodname, exception)
    return suiteClass((placeholder,)), message


def _make_failed_import_test(
        name, suiteClass):
    text = f'Failed to import test module: {name}\n{traceback.format_exc()}'
    return _make_failed_test(name, ImportError(text), suiteClass, text)


def _make_failed_load_tests(
        name, exception, suiteClass):
    text = 'Failed to call load_tests:\n' + traceback.format_exc()
    return _make_failed_test(name, exception, suiteClass, text)


def _make_skipped_test(
        methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    holder = type("ModuleSkipped", (case.TestCase,), {methodname: testSkipped})
    return suiteClass((holder(methodname),))


def _jython_aware_splitext(
        path):
    if path.lower().endswith('$py.class'):
        return path[:-9]
    return os.path.splitext(path)[0]


def _is_test_case_class(
        obj):
    return isinstance(obj, type) and issubclass(obj, case.TestCase)


class TestLoader(object):
    """Builds suites from TestCase classes and modules. A class's tests
    are its callables named with testMethodPrefix, in the order
    sortTestMethodsUsing gives."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running (against recursion).
        self._loading_packages = set()

    def loadTestsFromTestCase(
            self, testCaseClass):
        """A suite of every test of the TestCase class."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite."
                            " Maybe you meant to derive from TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(
            self, module, *args, pattern=None, **kws):
        """A suite of the tests of each TestCase class in the module, or
        whatever the module's load_tests returns."""
        if args or 'use_load_tests' in kws:
            warnings.warn('use_load_tests is deprecated and ignored',
                          DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            raise TypeError(f'loadTestsFromModule() takes 1 positional '
                            f'argument but {len(args) + 1} were given')
        if kws:
            raise TypeError(f"loadTestsFromModule() got an unexpected keyword"
                            f" argument '{min(kws)}'")
        found = []
        for attr in dir(module):
            candidate = getattr(module, attr)
            if _is_test_case_class(candidate):
                found.append(self.loadTestsFromTestCase(candidate))
        collected = self.suiteClass(found)
        hook = getattr(module, 'load_tests', None)
        if hook is None:
            return collected
        try:
            return hook(self, collected, pattern)
        except Exception as problem:
            placeholder, text = _make_failed_load_tests(
                module.__name__, problem, self.suiteClass)
            self.errors.append(text)
            return placeholder

    def _import_longest_prefix(
            self, parts):
        """(module, last import failure) for the longest importable
        prefix of parts; module is None when none imports."""
        trying = list(parts)
        failure = None
        while trying:
            try:
                return __import__('.'.join(trying)), failure
            except ImportError:
                dropped = trying.pop()
                failure = _make_failed_import_test(dropped, self.suiteClass)
        return None, failure

    def loadTestsFromName(
            self, name, module=None):
        """A suite for a dotted name: a module, TestCase class, test
        method, suite, or a callable returning a case or suite; looked
        up in module when one is given."""
        parts = name.split('.')
        failure = None
        if module is None:
            module, failure = self._import_longest_prefix(parts)
            if module is None:
                self.errors.append(failure[1])
                return failure[0]
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as problem:
                if (failure is not None
                        and getattr(obj, '__path__', None) is not None):
                    # In a package the import error tells more.
                    self.errors.append(failure[1])
                    return failure[0]
                detail = 'Failed to access attribute:\n' + traceback.format_exc()
                placeholder, text = _make_failed_test(
                    part, problem, self.suiteClass, detail)
                self.errors.append(text)
                return placeholder
        return self._tests_from_object(obj, parent, parts)

    def _tests_from_object(
            self, obj, parent, parts):
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if _is_test_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        if isinstance(obj, types.FunctionType) and _is_test_case_class(parent):
            method_name = parts[-1]
            instance = parent(method_name)
            # A staticmethod is reached as a plain function; it falls
            # through to being called below.
            if not isinstance(getattr(instance, method_name),
                              types.FunctionType):
                return self.suiteClass([instance])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if not callable(obj):
            raise TypeError(f"don't know how to make test from: {obj}")
        made = obj()
        if isinstance(made, suite.TestSuite):
            return made
        if isinstance(made, case.TestCase):
            return self.suiteClass([made])
        raise TypeError(f"calling {obj} returned {made}, not a test")

    def loadTestsFromNames(
            self, names, module=None):
        """A suite of the suites loadTestsFromName gives for names."""
        return self.suiteClass([self.loadTestsFromName(one, module)
                                for one in names])

    def getTestCaseNames(
            self, testCaseClass):
        """The sorted test method names of a TestCase class."""
        prefix = self.testMethodPrefix
        patterns = self.testNamePatterns
        owner = f'{testCaseClass.__module__}.{testCaseClass.__qualname__}'
        chosen = []
        for attr in dir(testCaseClass):
            if not attr.startswith(prefix):
                continue
            if not callable(getattr(testCaseClass, attr)):
                continue
            if patterns is not None:
                full = f'{owner}.{attr}'
                if not any(fnmatchcase(full, p) for p in patterns):
                    continue
            chosen.append(attr)
        order = self.sortTestMethodsUsing
        if order:
            chosen.sort(key=functools.cmp_to_key(order))
        return chosen

    def discover(
            self, start_dir, pattern='test*.py', top_level_dir=None):
        """The tests of every module under start_dir whose file name
        matches pattern, in packages too (a package's load_tests decides
        for it); top_level_dir (start_dir by default) goes first on
        sys.path, and module names are relative to it."""
        set_implicit_top = top_level_dir is None and self._top_level_dir is None
        if top_level_dir is None:
            top_level_dir = self._top_level_dir or start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir
        start = os.path.abspath(start_dir)
        if not os.path.isdir(start):
            # A dotted module or package name.
            try:
                __import__(start_dir)
            except ImportError:
                raise ImportError(
                    f'Start directory is not importable: {start_dir!r}') from None
            module = sys.modules[start_dir]
            location = getattr(module, '__file__', None)
            if location is None:
                raise TypeError('Can not use builtin modules '
                                'as dotted module names')
            start = os.path.abspath(os.path.dirname(location))
            if set_implicit_top:
                self._top_level_dir = top_level_dir = os.path.dirname(start)
                sys.path.insert(0, top_level_dir)
        elif start != top_level_dir and not os.path.isfile(
                os.path.join(start, '__init__.py')):
            raise ImportError(
                f'Start directory is not importable: {start_dir!r}')
        tests = list(self._find_tests(start, pattern))
        return self.suiteClass(tests)

    def _module_name(self, path):
        relative = os.path.relpath(os.path.splitext(path)[0], self._top_level_dir)
        return relative.replace(os.sep, '.')

    def _import_found(self, name):
        """(module, None) for a module discovery found, or (None, the
        placeholder suite of its skip or import failure)."""
        try:
            __import__(name)
        except case.SkipTest as skip:
            return None, _make_skipped_test(name, skip, self.suiteClass)
        except Exception:
            error, text = _make_failed_import_test(name, self.suiteClass)
            self.errors.append(text)
            return None, error
        return sys.modules[name], None

    def _find_tests(self, folder, pattern):
        for entry in sorted(os.listdir(folder)):
            path = os.path.join(folder, entry)
            if os.path.isfile(path):
                if not entry.endswith('.py') or not fnmatch(entry, pattern):
                    continue
            elif not (os.path.isdir(path)
                      and os.path.isfile(os.path.join(path, '__init__.py'))):
                continue
            name = self._module_name(path)
            module, placeholder = self._import_found(name)
            if module is None:
                yield placeholder
            elif os.path.isfile(path):
                yield self.loadTestsFromModule(module, pattern=pattern)
            elif (hook := getattr(module, 'load_tests', None)) is not None \
                    and name not in self._loading_packages:
                self._loading_packages.add(name)
                try:
                    yield hook(self, self.suiteClass([]), pattern)
                finally:
                    self._loading_packages.discard(name)
            else:
                yield from self._find_tests(path, pattern)

defaultTestLoader = TestLoader()


def _makeLoader(
        prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    made = TestLoader()
    made.testMethodPrefix = prefix
    made.sortTestMethodsUsing = sortUsing
    made.testNamePatterns = testNamePatterns
    if suiteClass:
        made.suiteClass = suiteClass
    return made


def _removal_warning(
        old, replacement):
    warnings.warn(f"unittest.{old}() is deprecated and will be removed in "
                  f"Python 3.13. Please use unittest.TestLoader."
                  f"{replacement}() instead.", DeprecationWarning, stacklevel=3)


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp,
                     testNamePatterns=None):
    _removal_warning('getTestCaseNames', 'getTestCaseNames')
    made = _makeLoader(prefix, sortUsing, testNamePatterns=testNamePatterns)
    return made.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    _removal_warning('makeSuite', 'loadTestsFromTestCase')
    made = _makeLoader(prefix, sortUsing, suiteClass)
    return made.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    _removal_warning('findTestCases', 'loadTestsFromModule')
    made = _makeLoader(prefix, sortUsing, suiteClass)
    return made.loadTestsFromModule(module)
