"""unittest: the TextTestRunner report at each verbosity (dots, one line
per test, subtests, skips, expected failures), failfast, and the errors of
class and module fixtures."""
import io
import re
import sys
import types
import unittest

def norm(s):
    s = re.sub(r'Ran (\d+) tests? in \d+\.\d+s', lambda m: m.group(0).split(' in ')[0] + ' in 0.000s', s)
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', s)

class T(unittest.TestCase):
    def test_ok(self): pass
    def test_fail(self):
        """Doc line one.

        more"""
        self.assertEqual(1, 2)
    def test_err(self):
        x = 1
        return x / 0
    @unittest.skip("nope")
    def test_skip(self): pass
    @unittest.expectedFailure
    def test_xf(self): self.assertTrue(False)
    @unittest.expectedFailure
    def test_us(self): pass
    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

for v in (0, 1, 2):
    s = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
    r = unittest.TextTestRunner(stream=s, verbosity=v).run(suite)
    print(norm(s.getvalue()))
    print(r, r.testsRun, len(r.failures), len(r.errors), r.wasSuccessful())

print("=" * 20, "fixtures and subtests")

def run(*tests, verbosity=2, **kw):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kw).run(unittest.TestSuite(tests))
    print(norm(stream.getvalue()))
    return result

fake = types.ModuleType('fakemod')
sys.modules['fakemod'] = fake
def bad_setup_module():
    raise OSError('no module setup')
fake.setUpModule = bad_setup_module

class InFake(unittest.TestCase):
    def test_x(self): print('never')
InFake.__module__ = 'fakemod'

fake2 = types.ModuleType('fakemod2')
sys.modules['fakemod2'] = fake2
def bad_teardown_module():
    raise LookupError('no module teardown')
fake2.tearDownModule = bad_teardown_module
class InFake2(unittest.TestCase):
    def test_y(self): pass
InFake2.__module__ = 'fakemod2'

class BadTearDownClass(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        cls.addClassCleanup(lambda: {}['cc'])
        raise ArithmeticError('tdc')
    def test_z(self):
        """Docstring shown."""

class Subs(unittest.TestCase):
    def test_sub_skip(self):
        for i in range(3):
            with self.subTest('item', i=i):
                if i == 1:
                    self.skipTest('one is skipped')
                self.assertLess(i, 2)
    def test_sub_pass(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertGreaterEqual(i, 0)
    def test_sub_then_fail(self):
        with self.subTest(x='a'):
            self.assertEqual('a', 'b')
        self.fail('after')

class SetupCleanup(unittest.TestCase):
    def setUp(self):
        self.addCleanup(print, 'cleanup ran despite setUp error')
        raise ValueError('in setUp')
    def test_it(self): pass

r = run(InFake('test_x'), InFake2('test_y'), BadTearDownClass('test_z'))
for test, tb in r.errors:
    print(repr(test), str(test), test.id(), test.shortDescription())
run(BadTearDownClass('test_z'), descriptions=False)
run(Subs('test_sub_skip'), Subs('test_sub_pass'), Subs('test_sub_then_fail'))
run(Subs('test_sub_skip'), Subs('test_sub_pass'), Subs('test_sub_then_fail'), verbosity=1)
r = run(Subs('test_sub_then_fail'), Subs('test_sub_pass'), failfast=True)
print(r.testsRun, r.shouldStop)
run(SetupCleanup('test_it'), verbosity=0)
