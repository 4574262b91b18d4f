"""unittest: TextTestRunner output at verbosity 0, 1 and 2 (dots,
FAIL/ERROR blocks with tracebacks, skips, expected failures, unexpected
successes, subTest, class and module fixture errors, cleanups, buffer,
failfast, descriptions) and unittest.main(argv, exit)."""
import io
import re
import sys
import unittest


# This file as its tracebacks name it (absolute, or relative from a .kbc).
HERE = sys._getframe().f_code.co_filename


def clean(text):
    text = text.replace(HERE, 'THIS.py')
    return re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests in T', text)


def helper(x):
    return 10 // x


class Mixed(unittest.TestCase):
    def test_ok(self):
        """Docstring line.

        More text."""
        self.assertEqual(1, 1)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3], 'lists differ')

    def test_error(self):
        helper(0)

    def test_chained(self):
        try:
            {}['k']
        except KeyError as e:
            raise ValueError('wrapped') from e

    def test_context(self):
        try:
            1 / 0
        except ZeroDivisionError:
            self.fail('during handling')

    @unittest.skip('not now')
    def test_skip(self):
        pass

    def test_skip_inside(self):
        self.skipTest('inside')

    @unittest.skipIf(True, 'cond')
    def test_skipif(self):
        pass

    @unittest.skipUnless(True, 'never shown')
    def test_skipunless_runs(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_sub_msg(self):
        with self.subTest('labelled', a=1):
            with self.subTest(b=2):
                raise KeyError('deep')
        with self.subTest():
            self.fail('plain')

    def test_cleanup_error(self):
        self.addCleanup(helper, 0)

    def test_raise_assert_directly(self):
        raise AssertionError('direct')


@unittest.skip('whole class')
class Skipped(unittest.TestCase):
    def test_a(self):
        pass


class BadSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError('class setup broke')

    def test_never(self):
        pass


class BadTearDownClass(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise RuntimeError('class teardown broke')

    def test_fine(self):
        pass


class SetUpFails(unittest.TestCase):
    def setUp(self):
        raise OSError('no resource')

    def test_x(self):
        pass

    def tearDown(self):
        print('never here')


class Printing(unittest.TestCase):
    def test_prints_fail(self):
        print('to stdout')
        sys.stderr.write('to stderr\n')
        self.fail('printed')

    def test_prints_ok(self):
        print('hidden')


def run(*tests, **kw):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for t in tests:
        if isinstance(t, str):
            suite.addTest(loader.loadTestsFromName(t, sys.modules[__name__]))
        else:
            suite.addTest(loader.loadTestsFromTestCase(t))
    out = io.StringIO()
    result = unittest.TextTestRunner(stream=out, **kw).run(suite)
    print(clean(out.getvalue()), end='')
    print('result:', result, result.wasSuccessful(), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses))
    print('=' * 10)


for v in (0, 1, 2):
    print('##### verbosity', v)
    run(Mixed, Skipped, BadSetUpClass, BadTearDownClass, SetUpFails, verbosity=v)
run(Mixed, verbosity=2, descriptions=False)
run(Mixed, failfast=True)
real_out, real_err = sys.stdout, sys.stderr
sys.stdout = capture = io.StringIO()
sys.stderr = capture_err = io.StringIO()
try:
    run(Printing, buffer=True, verbosity=2)
finally:
    sys.stdout, sys.stderr = real_out, real_err
print(capture.getvalue())
print('stderr:', capture_err.getvalue())
run('Mixed.test_ok', 'Mixed.test_fail', verbosity=2)

# A single TestCase run directly, and a FunctionTestCase.
r = unittest.TestResult()
Mixed('test_fail').run(r)
print(r, [str(t) for t, _ in r.failures])
ft = unittest.FunctionTestCase(lambda: helper(0), description='fn desc')
run_out = io.StringIO()
unittest.TextTestRunner(stream=run_out, verbosity=2).run(ft)
print(clean(run_out.getvalue()))

# unittest.main with argv and exit.
for argv in (['prog', 'Mixed.test_ok'], ['prog', '-v', 'Mixed.test_ok', 'Mixed.test_xpass'],
             ['prog', '-q', 'Mixed.test_fail'], ['prog', '-k', 'skip', 'Mixed'],
             ['prog', '-f', 'Mixed']):
    out = io.StringIO()
    try:
        prog = unittest.main(module=__name__, argv=argv,
                             testRunner=unittest.TextTestRunner(stream=out, verbosity=2 if '-v' in argv else 1))
    except SystemExit as e:
        print('SystemExit', e.code)
    print(clean(out.getvalue()))
prog = unittest.main(module=__name__, argv=['prog', 'Mixed.test_ok'], exit=False,
                     testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(prog.result, prog.testNames, prog.verbosity)
