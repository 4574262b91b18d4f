"""unittest: unittest.main with argv (-v, -q, -k, test names, -h, bad
options), buffer, failfast, custom result classes, TestCase/Suite/Loader
basics."""
import unittest, io, re, sys, contextlib

def norm(s):
    s = re.sub(r'Ran (\d+ tests?) in \d+\.\d+s', r'Ran \1 in 0.000s', s)
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', s)

class Basic(unittest.TestCase):
    def test_pass(self):
        """Passes."""
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])
    def test_print(self):
        print('captured output')
        sys.stderr.write('err out')
        self.fail('with output')
    @unittest.skipIf(True, 'if true')
    def test_skipif(self): pass
    @unittest.skipUnless(False, 'unless false')
    def test_skipunless(self): pass
    @unittest.skipIf(False, 'not skipped')
    def test_notskipped(self): pass
    def helper(self): pass

def run_main(argv, **kw):
    out = io.StringIO()
    code = None
    try:
        with contextlib.redirect_stderr(out):
            prog = unittest.main(module=__name__, argv=argv, testRunner=unittest.TextTestRunner(stream=out), **kw)
    except SystemExit as e:
        code = e.args[0] if e.args else None
    print('--- main', argv[1:], kw, 'exit', code)
    print(norm(out.getvalue()))

run_main(['prog'], exit=False)
run_main(['prog', '-v', 'Basic.test_pass', 'Basic.test_skipif'])
run_main(['prog', 'Basic.test_fail'])
run_main(['prog', '-k', 'pass'])
run_main(['prog', '-q', 'Basic.test_pass'])
run_main(['prog', '-x'])
# Without a runner: a TextTestRunner on sys.stderr with the argv verbosity.
err = io.StringIO()
with contextlib.redirect_stderr(err):
    prog = unittest.main(module=__name__, exit=False,
                         argv=['prog', '-v', 'Basic.test_pass', 'Basic.test_notskipped'])
print(norm(err.getvalue()), prog.verbosity, prog.result.testsRun)
prog = unittest.main(module=__name__, argv=['p', 'Basic.test_pass'], exit=False,
                     testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(type(prog).__name__, prog.result.wasSuccessful(), prog.testNames, prog.verbosity)
run_main(['prog', 'Basic.nosuch'])
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        unittest.main(module=__name__, argv=['prog', '-h'])
    except SystemExit as e:
        print("help exit", e.args)
print(out.getvalue())

# buffer: output of a failing test is appended to its report
stream = io.StringIO()
suite = unittest.TestSuite([Basic('test_print'), Basic('test_pass')])
res = unittest.TextTestRunner(stream=stream, buffer=True).run(suite)
print(norm(stream.getvalue()))

# failfast stops at the first failure
stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Basic)
res = unittest.TextTestRunner(stream=stream, failfast=True).run(suite)
print(res.testsRun, res.shouldStop, len(res.failures))

# a custom result class
class Recorder(unittest.TestResult):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.events = []
    def startTest(self, test):
        super().startTest(test); self.events.append('start ' + test._testMethodName)
    def stopTest(self, test):
        super().stopTest(test); self.events.append('stop')
    def addSuccess(self, test):
        super().addSuccess(test); self.events.append('success')
    def addSkip(self, test, reason):
        super().addSkip(test, reason); self.events.append('skip ' + reason)
    def startTestRun(self): self.events.append('startTestRun')
    def stopTestRun(self): self.events.append('stopTestRun')
r = Recorder()
unittest.TestSuite([Basic('test_pass'), Basic('test_skipif')]).run(r)
print(r.events, r.testsRun, r.wasSuccessful(), r)
stream = io.StringIO()
res = unittest.TextTestRunner(stream=stream, resultclass=Recorder, verbosity=0).run(Basic('test_notskipped'))
print(res.events, repr(norm(stream.getvalue())))

# TestCase basics
t = Basic('test_pass')
print(str(t), repr(t), t.id(), t.shortDescription(), Basic('test_fail').shortDescription())
print(t == Basic('test_pass'), t != Basic('test_fail'), hash(t) == hash(Basic('test_pass')), t.countTestCases())
try:
    Basic('nope')
except ValueError as e:
    print('ValueError', e)
r = t.run()
print(type(r).__name__, r.testsRun, r.wasSuccessful())
try:
    Basic('test_fail').debug()
except AssertionError as e:
    print('debug raised', str(e).splitlines()[0])

# FunctionTestCase
def ft():
    "Function doc."
    raise OSError('ft')
f = unittest.FunctionTestCase(ft, description=None)
print(str(f), f.id(), f.shortDescription(), repr(unittest.FunctionTestCase(lambda: None).shortDescription()))
r = unittest.TestResult()
f.run(r)
print(len(r.errors), r.errors[0][1].splitlines()[-1])

# loader
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Basic))
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Basic))
loader = unittest.TestLoader()
loader.testMethodPrefix = 'hel'
print(loader.getTestCaseNames(Basic))
loader = unittest.TestLoader()
loader.testNamePatterns = ['*skip*']
print(loader.getTestCaseNames(Basic))
loader = unittest.TestLoader()
s = loader.loadTestsFromName('Basic.test_pass', sys.modules[__name__])
print(s, s.countTestCases())
s = loader.loadTestsFromNames(['Basic.test_pass', 'Basic'], sys.modules[__name__])
print(s.countTestCases(), [t.countTestCases() for t in s])
s = loader.loadTestsFromName('Basic.missing', sys.modules[__name__])
print(s, len(loader.errors), loader.errors[0].splitlines()[0])
print(loader.loadTestsFromModule(sys.modules[__name__]).countTestCases())
try:
    loader.loadTestsFromName('Basic.helper.__doc__', sys.modules[__name__])
except TypeError as e:
    print('TypeError', e)
suite = unittest.TestSuite()
for bad in (5, Basic):
    try:
        suite.addTest(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    suite.addTests('abc')
except TypeError as e:
    print('TypeError', e)
suite.addTests([Basic('test_pass'), unittest.TestSuite([Basic('test_fail')])])
print(suite.countTestCases(), suite == unittest.TestSuite([Basic('test_pass'), unittest.TestSuite([Basic('test_fail')])]))
res = unittest.TestResult()
suite.run(res)
print(suite.countTestCases(), list(suite), res)

class WithContext(unittest.TestCase):
    def test_ctx(self):
        @contextlib.contextmanager
        def cm():
            print('enter'); yield 'value'; print('exit')
        print(self.enterContext(cm()))
        try:
            self.enterContext(5)
        except TypeError as e:
            print('TypeError', e)
res = unittest.TestResult()
WithContext('test_ctx').run(res)
print(res.wasSuccessful())
unittest.addModuleCleanup(print, 'cleanup one')
unittest.addModuleCleanup(lambda: 1 / 0)
try:
    unittest.doModuleCleanups()
except ZeroDivisionError as e:
    print('module cleanups raised', e)
print(unittest.SkipTest.__mro__[1].__name__, unittest.TestCase.failureException.__name__, unittest.TestCase.maxDiff)
