"""unittest: the order of setUp/tearDown, class and module fixtures and
cleanups; errors and skips in each part; chained tracebacks."""
import unittest, io, re, sys

def norm(s):
    s = re.sub(r'Ran (\d+ tests?) in \d+\.\d+s', r'Ran \1 in 0.000s', s)
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', s)

log = []
def setUpModule():
    log.append('setUpModule')
def tearDownModule():
    log.append('tearDownModule')
unittest.addModuleCleanup(log.append, 'module cleanup')

class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'class cleanup')
    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')
    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup1')
        self.addCleanup(lambda: log.append('cleanup2'))
    def tearDown(self):
        log.append('tearDown')
    def test_a(self):
        log.append('a')
    def test_b(self):
        log.append('b')
        self.fail('b failed')

class BadSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, 'bad class cleanup')
        raise ValueError('class setup broke')
    def test_never(self):
        log.append('never')

@unittest.skip('whole class')
class Skipped(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('skipped setUpClass')
    def test_one(self): pass
    def test_two(self): pass

class SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('no resources')
    def test_x(self): pass

class Parts(unittest.TestCase):
    def setUp(self):
        if self._testMethodName == 'test_setup_skip':
            self.skipTest('skip from setUp')
        if self._testMethodName == 'test_setup_error':
            raise KeyError('setup')
    def tearDown(self):
        if self._testMethodName == 'test_teardown_error':
            raise RuntimeError('teardown')
    def test_setup_skip(self): log.append('not reached')
    def test_setup_error(self): log.append('not reached')
    def test_teardown_error(self): log.append('teardown test body')
    def test_cleanup_error(self):
        self.addCleanup(lambda: 1 / 0)
        self.addCleanup(log.append, 'cleanup after error')
    def test_chained(self):
        try:
            {}['missing']
        except KeyError as e:
            raise ValueError('converted') from e
    def test_context(self):
        try:
            [][1]
        except IndexError:
            int('x')
    def test_nested_subtests(self):
        with self.subTest('outer', a=1):
            with self.subTest(b=2):
                self.assertTrue(False)
            with self.subTest():
                raise TypeError('inner error')
        with self.subTest(msg='m', c=[1]):
            pass
    def test_deep(self):
        def helper(n):
            if n == 0:
                self.assertIn('x', 'abc')
            helper(n - 1)
        helper(2)
    @unittest.expectedFailure
    def test_xfail_subtest(self):
        with self.subTest(k=1):
            self.assertEqual(1, 0)
        log.append('not after expected failure')

def load(*classes):
    loader = unittest.TestLoader()
    return unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
result = runner.run(load(Fixtures, BadSetUpClass, Skipped, SkipInSetUpClass, Parts))
print(norm(stream.getvalue()))
print(log)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
for test, reason in result.skipped:
    print('skip', test, repr(reason))
for test, tb in result.errors:
    print('error', test.id(), '|', tb.splitlines()[-1])

# dots
stream = io.StringIO()
log.clear()
result = unittest.TextTestRunner(stream=stream).run(load(Fixtures, Parts))
print(norm(stream.getvalue()))
print(log)
