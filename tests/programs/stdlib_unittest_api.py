"""unittest: TestLoader (names, patterns, prefixes, load errors),
TestSuite (repr, equality, counting, nesting), TestCase identity and
descriptions, cleanups and class/module fixtures, debug(), the
deprecated loader functions, and IsolatedAsyncioTestCase."""
import asyncio
import io
import os
import sys
import unittest
import warnings


class A(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        """First line.
        second"""

    def testC(self):
        pass

    def helper(self):
        pass

    test_not_callable = 5


class B(A):
    def test_more(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(A))
print(loader.getTestCaseNames(B))
loader.sortTestMethodsUsing = None
print(sorted(loader.getTestCaseNames(A)) == loader.getTestCaseNames(A) or 'unsorted ok')
loader = unittest.TestLoader()
loader.testMethodPrefix = 'testC'
print(loader.getTestCaseNames(A))
loader = unittest.TestLoader()
loader.testNamePatterns = ['*test_a*', '*.B.*']
print(loader.getTestCaseNames(A), loader.getTestCaseNames(B))

loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(A)
print(suite.countTestCases(), [t.id() for t in suite])
print(repr(suite))
print(suite == loader.loadTestsFromTestCase(A), suite == 5)
mod = sys.modules[__name__]
s2 = loader.loadTestsFromNames(['A.test_a', 'B'], mod)
print(s2.countTestCases())
for bad in ['A.nope', 'Nope', 'A.test_not_callable']:
    try:
        s = loader.loadTestsFromName(bad, mod)
        print(bad, '->', s.countTestCases(), [type(t).__name__ for t in s], len(loader.errors))
        r = unittest.TestResult()
        s.run(r)
        print('  errors:', [e.splitlines()[-1] for _, e in r.errors])
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
s = loader.loadTestsFromName('no_such_module_xyz')
print([str(t) for t in s], loader.errors[-1].splitlines()[0])
r = unittest.TestResult()
s.run(r)
print(r.errors[0][1].splitlines()[-1])
try:
    loader.loadTestsFromTestCase(unittest.TestSuite)
except TypeError as e:
    print('TypeError', e)
try:
    loader.loadTestsFromModule(mod, 1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    loader.loadTestsFromModule(mod, foo=1)
except TypeError as e:
    print('TypeError', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(unittest.makeSuite(A).countTestCases())
    print(unittest.getTestCaseNames(A, 'test'))
    print(unittest.findTestCases(mod).countTestCases())
    loader.loadTestsFromModule(mod, use_load_tests=False)
print([(x.category.__name__, str(x.message), os.path.basename(x.filename) == 'stdlib_unittest_api.py') for x in w])

# Suites.
suite = unittest.TestSuite()
for bad in (5, A, 'abc'):
    try:
        if bad == 'abc':
            suite.addTests(bad)
        else:
            suite.addTest(bad)
    except TypeError as e:
        print('TypeError', e)
inner = unittest.TestSuite([A('test_a')])
suite.addTests([inner, A('test_b')])
print(suite.countTestCases(), list(suite)[1], repr(unittest.BaseTestSuite()))
r = unittest.TestResult()
suite.run(r)
print(r.testsRun, suite.countTestCases(), list(suite))

# TestCase identity.
a1, a2 = A('test_a'), A('test_a')
print(a1 == a2, a1 == A('test_b'), hash(a1) == hash(a2), a1 != B('test_a'))
print(str(a1), repr(a1), a1.id(), a1.shortDescription(), A('test_b').shortDescription())
print(a1.countTestCases(), type(a1.defaultTestResult()).__name__)
try:
    A('missing')
except ValueError as e:
    print('ValueError', e)
print(A().id() if hasattr(A, 'runTest') else 'no runTest', unittest.TestCase().id())

def plain():
    """Plain doc."""
ft = unittest.FunctionTestCase(plain)
print(str(ft), repr(ft).split(' at ')[0], ft.id(), ft.shortDescription())
print(ft == unittest.FunctionTestCase(plain), ft == unittest.FunctionTestCase(plain, description='x'))

# Subtest descriptions.
class Sub(unittest.TestCase):
    def test_it(self):
        with self.subTest('m', x=1):
            with self.subTest(y=[2], x=3):
                self.fail('inner')
        with self.subTest():
            raise ValueError('bare')
r = unittest.TestResult()
Sub('test_it').run(r)
print([(str(t), t.id(), t.params if hasattr(t, 'params') else None) for t, _ in r.failures + r.errors])
print([dict(t.params) for t, _ in r.failures])

# Cleanups, contexts and fixtures.
log = []
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append('enter ' + self.name)
        return self.name
    def __exit__(self, *a):
        log.append('exit ' + self.name)

class WithCleanups(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'class cleanup')
        log.append(cls.enterClassContext(Ctx('class')))
    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')
    def setUp(self):
        log.append('setUp')
        self.addCleanup(log.append, 'cleanup 1')
        self.addCleanup(log.append, 'cleanup 2')
        log.append(self.enterContext(Ctx('test')))
    def tearDown(self):
        log.append('tearDown')
    def test_one(self):
        log.append('test_one')
    def test_two(self):
        log.append('test_two')
        self.addCleanup(lambda: 1 / 0)

r = unittest.TestResult()
loader.loadTestsFromTestCase(WithCleanups).run(r)
print(log)
print(r.testsRun, [(str(t), e.splitlines()[-1]) for t, e in r.errors])
try:
    unittest.TestCase().enterContext(5)
except TypeError as e:
    print('TypeError', e)
unittest.addModuleCleanup(log.append, 'module cleanup')
print(unittest.enterModuleContext(Ctx('mod')))
unittest.addModuleCleanup(lambda: 1 / 0)
try:
    unittest.doModuleCleanups()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(log[-3:])

class ClassCleanupFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(lambda: 1 / 0)
        raise ValueError('setup fails')
    def test_x(self):
        pass
r = unittest.TestResult()
loader.loadTestsFromTestCase(ClassCleanupFails).run(r)
print([(str(t), repr(t), e.splitlines()[-1]) for t, e in r.errors])

class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('no backend')
    def test_x(self):
        pass
r = unittest.TestResult()
loader.loadTestsFromTestCase(SkipInSetUpClass).run(r)
print([(str(t), why) for t, why in r.skipped], r.testsRun)

# debug() lets exceptions through.
class Dbg(unittest.TestCase):
    def test_fail(self):
        self.assertEqual(1, 2)
    @unittest.skip('skipped in debug')
    def test_skip(self):
        pass
for name in ('test_fail', 'test_skip'):
    try:
        Dbg(name).debug()
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    unittest.TestSuite([Dbg('test_fail')]).debug()
except AssertionError as e:
    print('suite debug', e)

# Skip decorators on their own.
@unittest.skip
def bare():
    pass
print(bare.__unittest_skip__, repr(bare.__unittest_skip_why__))
try:
    bare()
except unittest.SkipTest as e:
    print('SkipTest', repr(str(e)))
print(unittest.skipIf(False, 'x')(plain) is plain, unittest.skipUnless(False, 'y')(plain).__unittest_skip_why__)

# Result bookkeeping.
class Results(unittest.TestCase):
    def test_ret(self):
        return 42
    @unittest.expectedFailure
    def test_xfail(self):
        raise ValueError('expected')
r = unittest.TestResult()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    Results('test_ret').run(r)
print([(x.category.__name__, str(x.message).split(' (')[0], os.path.basename(x.filename)) for x in w])
Results('test_xfail').run(r)
print(r, len(r.expectedFailures), r.expectedFailures[0][1].splitlines()[-1], r.wasSuccessful())
r.stop()
print(r.shouldStop)

class Partial:
    def __init__(self):
        self.events = []
    def startTest(self, t): self.events.append('start')
    def stopTest(self, t): self.events.append('stop')
    def addSuccess(self, t): self.events.append('success')
    def addError(self, t, e): self.events.append('error')
    def addFailure(self, t, e): self.events.append('failure ' + e[0].__name__)
class Odd(unittest.TestCase):
    @unittest.skip('s')
    def test_skip(self): pass
    @unittest.expectedFailure
    def test_xpass(self): pass
    @unittest.expectedFailure
    def test_xfail(self): 1 / 0
    def test_sub(self):
        with self.subTest(i=1):
            self.fail('in sub')
for name in ('test_skip', 'test_xpass', 'test_xfail', 'test_sub'):
    p = Partial()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        Odd(name).run(p)
    print(name, p.events, [str(x.message) for x in w])

# Isolated async test cases.
class AsyncT(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.events = ['asyncSetUp']
    def setUp(self):
        print('setUp loop running:', asyncio.get_event_loop() is not None)
    async def test_ok(self):
        await asyncio.sleep(0)
        self.events.append('test')
        self.addAsyncCleanup(self.acleanup)
    async def acleanup(self):
        print('async cleanup', self.events)
    async def test_fail(self):
        self.assertEqual(await asyncio.sleep(0, 1), 2)
r = unittest.TestResult()
for name in ('test_ok', 'test_fail'):
    AsyncT(name).run(r)
print(r, r.failures[0][1].splitlines()[-1])
t = AsyncT('test_ok')
t.run(r)
try:
    t.run(r)
except AssertionError as e:
    print('rerun:', e)
print(unittest.IsolatedAsyncioTestCase.__module__, 'IsolatedAsyncioTestCase' in dir(unittest))
