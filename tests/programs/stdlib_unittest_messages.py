"""unittest: the failure messages of the assert* methods (diffs of
lists, tuples, dicts, sets and strings, truncation with maxDiff,
longMessage, msg=), assertRaises/assertWarns/assertLogs contexts and
their errors."""
import logging
import re
import unittest
import warnings


class Case(unittest.TestCase):
    def runTest(self):
        pass


t = Case()


def show(label, func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except AssertionError as e:
        print(f'--- {label}: AssertionError')
        print(str(e))
    except Exception as e:
        print(f'--- {label}: {type(e).__name__}: {e}')
    else:
        print(f'--- {label}: passed')


show('equal ints', t.assertEqual, 1, 2)
show('equal ints msg', t.assertEqual, 1, 2, 'custom')
show('equal str one line', t.assertEqual, 'hello world', 'hello there')
show('equal str multi', t.assertEqual, 'a\nb\nc\n', 'a\nB\nc\n')
show('equal str no newline', t.assertEqual, 'line1\nline2', 'line1\nline3')
show('equal long str', t.assertEqual, 'x' * 100 + 'a', 'x' * 100 + 'b')
show('equal list', t.assertEqual, [1, 2, 3], [1, 2, 4])
show('equal list longer', t.assertEqual, [1, 2, 3, 4], [1, 2])
show('equal list shorter', t.assertEqual, [1], [1, 2, 3])
show('equal tuple', t.assertEqual, (1, 'a'), (1, 'b'))
show('equal dict', t.assertEqual, {'a': 1, 'b': 2}, {'a': 1, 'b': 3})
show('equal nested dict', t.assertEqual, {'k': [1, 2, {'x': 1}]}, {'k': [1, 2, {'x': 2}]})
show('equal set', t.assertEqual, {1, 2}, {2, 3})
show('equal frozenset', t.assertEqual, frozenset([1]), frozenset([1, 5]))
show('equal list vs tuple', t.assertEqual, [1], (1,))
show('equal big list', t.assertEqual, list(range(200)), list(range(1, 201)))
show('list equal type', t.assertListEqual, (1,), [1])
show('tuple equal type', t.assertTupleEqual, [1], (1,))
show('seq equal', t.assertSequenceEqual, [1, 2], (1, 2))
show('seq equal differ', t.assertSequenceEqual, 'abc', 'abd')
show('seq no len', t.assertSequenceEqual, 5, [1])
show('dict equal non dict', t.assertDictEqual, [], {})
show('multiline non str', t.assertMultiLineEqual, 1, 'a')
show('set equal bad', t.assertSetEqual, {1}, 5)
show('set equal bad first', t.assertSetEqual, 5, {1})
show('not equal', t.assertNotEqual, 3, 3)
show('true', t.assertTrue, 0)
show('false', t.assertFalse, [1])
show('is', t.assertIs, 1, None)
show('is not', t.assertIsNot, None, None)
show('is none', t.assertIsNone, 'x')
show('is not none', t.assertIsNotNone, None)
show('in', t.assertIn, 5, [1, 2])
show('not in', t.assertNotIn, 1, [1, 2])
show('isinstance', t.assertIsInstance, 1, str)
show('isinstance tuple', t.assertIsInstance, 1, (str, bytes))
show('not isinstance', t.assertNotIsInstance, 1, int)
show('less', t.assertLess, 2, 1)
show('less equal', t.assertLessEqual, 2, 1)
show('greater', t.assertGreater, 1, 2)
show('greater equal', t.assertGreaterEqual, 1, 2)
show('almost', t.assertAlmostEqual, 1.0, 1.1)
show('almost places', t.assertAlmostEqual, 1.0, 1.01, places=3)
show('almost delta', t.assertAlmostEqual, 1.0, 1.5, delta=0.1)
show('almost both', t.assertAlmostEqual, 1.0, 1.5, places=1, delta=0.1)
show('almost ok', t.assertAlmostEqual, 1.0, 1.00000001)
show('not almost', t.assertNotAlmostEqual, 1.0, 1.00000001)
show('not almost delta', t.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
show('not almost same', t.assertNotAlmostEqual, 2, 2, delta=0.1)
show('count equal', t.assertCountEqual, [1, 1, 2], [1, 2, 2, 3])
show('count equal unhashable', t.assertCountEqual, [[1], [1]], [[1], [2]])
show('count equal ok', t.assertCountEqual, 'abc', 'cba')
show('regex', t.assertRegex, 'hello', r'\d+')
show('regex empty', t.assertRegex, 'hello', '')
show('not regex', t.assertNotRegex, 'abc123', r'\d+')
show('dict subset', lambda: (warnings.simplefilter('ignore'), t.assertDictContainsSubset({'a': 1, 'b': 2, 'c': 3}, {'a': 1, 'b': 5})))
show('fail', t.fail, 'boom')
show('fail none', t.fail)
show('skipTest', t.skipTest, 'why')

t.maxDiff = None
show('maxDiff None', t.assertEqual, list(range(100)), list(range(1, 101)))
t.maxDiff = 20
show('maxDiff 20', t.assertEqual, [1, 2, 3], [1, 2, 4])
t.maxDiff = 640
t.longMessage = False
show('longMessage off', t.assertEqual, 1, 2, 'only mine')
show('longMessage off no msg', t.assertIn, 1, [])
t.longMessage = True

# assertRaises in its forms.
show('raises ok', t.assertRaises, ValueError, int, 'x')
show('raises not raised', t.assertRaises, ValueError, int, '1')
show('raises lambda', t.assertRaises, KeyError, lambda: None)
show('raises bad type', t.assertRaises, 5, int)
show('raises bad kw', lambda: t.assertRaises(ValueError, foo=1))
with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print('exception:', type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)
def ctx_not_raised():
    with t.assertRaises(ValueError, msg='extra'):
        pass
show('raises ctx msg', ctx_not_raised)
def ctx_other():
    with t.assertRaises(ValueError):
        raise TypeError('other')
show('raises other', ctx_other)
def ctx_tuple():
    with t.assertRaises((KeyError, IndexError)):
        pass
show('raises tuple', ctx_tuple)
show('raises regex', t.assertRaisesRegex, ValueError, 'invalid literal', int, 'x')
show('raises regex mismatch', t.assertRaisesRegex, ValueError, r'^nope', int, 'x')
def regex_ctx():
    with t.assertRaisesRegex(KeyError, re.compile('k.y')):
        raise KeyError('kxy')
show('raises regex ctx', regex_ctx)

# assertWarns.
def warn_it(text='careful', cat=UserWarning):
    warnings.warn(text, cat)
show('warns ok', t.assertWarns, UserWarning, warn_it)
show('warns not', t.assertWarns, UserWarning, lambda: None)
show('warns regex mismatch', t.assertWarnsRegex, UserWarning, 'xyz', warn_it)
show('warns bad type', t.assertWarns, ValueError, warn_it)
with t.assertWarns(DeprecationWarning) as wcm:
    warn_it('old', DeprecationWarning)
print('warning:', type(wcm.warning).__name__, wcm.warning, wcm.lineno > 0)
def warns_ctx_not():
    with t.assertWarns(RuntimeWarning):
        pass
show('warns ctx not', warns_ctx_not)

# assertLogs / assertNoLogs.
with t.assertLogs('app', level='DEBUG') as lcm:
    logging.getLogger('app').debug('one %d', 1)
    logging.getLogger('app.sub').error('two')
print(lcm.output, [r.getMessage() for r in lcm.records])
with t.assertLogs() as lcm:
    logging.getLogger().warning('root message')
print(lcm.output)
def logs_none():
    with t.assertLogs('quiet', level=logging.WARNING):
        logging.getLogger('quiet').info('too low')
show('logs none', logs_none)
def nologs_some():
    with t.assertNoLogs('noisy'):
        logging.getLogger('noisy').error('oops')
show('nologs some', nologs_some)
def nologs_ok():
    with t.assertNoLogs('noisy', 'ERROR'):
        logging.getLogger('noisy').warning('fine')
show('nologs ok', nologs_ok)

# Type equality functions and subclasses.
class MyList(list):
    pass
show('subclass list', t.assertEqual, MyList([1]), MyList([2]))
t.addTypeEqualityFunc(int, lambda a, b, msg=None: print('custom int compare', a, b))
show('custom int', t.assertEqual, 3, 4)

class Strict(unittest.TestCase):
    failureException = RuntimeError
    def runTest(self):
        pass
show('failureException', Strict().assertEqual, 1, 2)
show('deprecated alias', lambda: (warnings.simplefilter('ignore'), Strict().failUnlessEqual(1, 2)))
