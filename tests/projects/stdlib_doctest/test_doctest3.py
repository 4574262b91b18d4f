import sys, os
import io, re, doctest, unittest
import dt_sample

here = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = re.sub(r'( *)File "[^"]*doctest(?:\.py|>)", line \d+, in (\S+)\n(?:\1  +\S.*\n)?(?:\1  +[\^~]+\n)?',
                  r'\1File "DOCTEST", line N, in \2\n', s)
    return s.replace(here, 'HERE')

def capture(fn, *a, **k):
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        r = fn(*a, **k)
    except Exception as e:
        r = 'EXC %s %s' % (type(e).__name__, e)
    finally:
        sys.stdout = old
    print(norm(buf.getvalue()))
    print('RESULT', norm(str(r)))

print('#### testfile')
capture(doctest.testfile, 'dt_file.txt')
capture(doctest.testfile, 'dt_file.txt', verbose=True)
capture(doctest.testfile, os.path.join(here, 'dt_file.txt'), module_relative=False, name='custom', optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
capture(doctest.testfile, 'dt_file_ok.txt', verbose=False)
capture(doctest.testfile, 'dt_file.txt', globs={'x': 0}, extraglobs={'y': 1}, report=False)
capture(doctest.testfile, '/abs.txt')
capture(doctest.testfile, 'dt_file.txt', package='x', module_relative=False)

print('#### master')
print(doctest.master is not None)

print('#### DocTestSuite')
suite = doctest.DocTestSuite(dt_sample)
print(suite.countTestCases())
for t in suite:
    print(repr(t), t.id(), t.shortDescription(), str(t) == object.__str__(t))
res = unittest.TestResult()
suite.run(res)
print(res.testsRun, len(res.failures), len(res.errors))
for test, tb in res.failures:
    print('FAIL', test.id())
    print(norm(tb.split('AssertionError: ', 1)[1]))

print('#### DocFileSuite')
suite = doctest.DocFileSuite('dt_file.txt', 'dt_file_ok.txt')
for t in suite:
    print(norm(repr(t)), t.id())
res = unittest.TestResult()
suite.run(res)
print(res.testsRun, len(res.failures), len(res.errors))
for test, tb in res.failures:
    print('FAIL', test.id())
    print(norm(tb.split('AssertionError: ', 1)[1]))
old = doctest.set_unittest_reportflags(doctest.REPORT_ONLY_FIRST_FAILURE)
print(old)
try:
    doctest.set_unittest_reportflags(doctest.ELLIPSIS)
except ValueError as e:
    print('VE', e)
res = unittest.TestResult()
doctest.DocFileSuite('dt_file.txt').run(res)
print(norm(res.failures[0][1].split('AssertionError: ', 1)[1]))
doctest.set_unittest_reportflags(0)
def setUp(t):
    t.globs['x'] = 100
    print('setUp', t.name)
def tearDown(t):
    print('tearDown', t.name)
s = doctest.DocFileSuite('dt_file_ok.txt', setUp=setUp, tearDown=tearDown, optionflags=doctest.ELLIPSIS)
res = unittest.TestResult(); s.run(res); print(res.testsRun, res.wasSuccessful())
print('#### TextTestRunner')
stream = io.StringIO()
r = unittest.TextTestRunner(stream=stream, verbosity=2).run(doctest.DocFileSuite('dt_file_ok.txt'))
print(re.sub(r'[\d.]+s', 'Xs', stream.getvalue()))
