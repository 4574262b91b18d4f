"""unittest: the failure message (str of the AssertionError) of every
assert method, with longMessage, maxDiff and custom msg."""
import unittest, warnings, logging

class C(unittest.TestCase):
    def runTest(self): pass
t = C()

def check(label, func, *args, **kw):
    try:
        func(*args, **kw)
    except AssertionError as e:
        print(label, '->', type(e).__name__, repr(str(e)))
    except Exception as e:
        print(label, '-> ERR', type(e).__name__, e)
    else:
        print(label, '-> ok')

check('eq int', t.assertEqual, 1, 2)
check('eq msg', t.assertEqual, 1, 2, 'boom')
check('eq str', t.assertEqual, 'a', 'b')
check('eq str ml', t.assertEqual, 'a\nb\nc\n', 'a\nB\nc\n')
check('eq str long', t.assertEqual, 'x' * 100 + 'a', 'x' * 100 + 'b')
check('eq list', t.assertEqual, [1, 2, 3], [1, 2, 4])
check('eq list len', t.assertEqual, [1, 2, 3], [1, 2])
check('eq list len2', t.assertEqual, [1], [1, 2, 3])
check('eq tuple', t.assertEqual, (1, 2), (1, 3))
check('eq dict', t.assertEqual, {'a': 1, 'b': 2}, {'a': 1, 'b': 3})
check('eq set', t.assertEqual, {1, 2}, {2, 3})
check('eq frozenset', t.assertEqual, frozenset([1]), frozenset())
check('eq mixed', t.assertEqual, [1], (1,))
check('eq long list', t.assertEqual, list(range(100)), list(range(1, 101)))
check('ne', t.assertNotEqual, 3, 3)
check('true', t.assertTrue, 0)
check('false', t.assertFalse, [1])
check('is', t.assertIs, 1, None)
check('isnot', t.assertIsNot, None, None)
check('isnone', t.assertIsNone, 5)
check('isnotnone', t.assertIsNotNone, None)
check('in', t.assertIn, 5, [1, 2])
check('notin', t.assertNotIn, 1, [1, 2])
check('isinstance', t.assertIsInstance, 1, str)
check('notisinstance', t.assertNotIsInstance, 1, int)
check('almost', t.assertAlmostEqual, 1.0, 1.1)
check('almost places', t.assertAlmostEqual, 1.0, 1.01, places=1)
check('almost places fail', t.assertAlmostEqual, 1.0, 1.01, places=3)
check('almost delta', t.assertAlmostEqual, 10, 12, delta=1)
check('almost both', t.assertAlmostEqual, 10, 12, delta=1, places=2)
check('notalmost', t.assertNotAlmostEqual, 1.0, 1.00000001)
check('notalmost delta', t.assertNotAlmostEqual, 10, 10.5, delta=1)
check('greater', t.assertGreater, 1, 2)
check('greatereq', t.assertGreaterEqual, 1, 2)
check('less', t.assertLess, 2, 1)
check('lesseq', t.assertLessEqual, 2, 1, msg='m')
check('regex', t.assertRegex, 'hello', 'x+')
check('notregex', t.assertNotRegex, 'hello', 'l+')
check('count', t.assertCountEqual, [1, 1, 2], [1, 2, 2, 3])
check('count unhash', t.assertCountEqual, [[1], [1]], [[1], [2]])
check('count ok', t.assertCountEqual, 'abc', 'cba')
check('multiline', t.assertMultiLineEqual, 'one\ntwo\n', 'one\nthree\n')
check('multiline type', t.assertMultiLineEqual, 1, 'a')
check('seq', t.assertSequenceEqual, [1, 2], (1, 3))
check('seq nolen', t.assertSequenceEqual, 1, [1])
check('list type', t.assertListEqual, (1,), [1])
check('tuple type', t.assertTupleEqual, (1,), [1])
check('set bad', t.assertSetEqual, 1, {1})
check('dict type', t.assertDictEqual, [], {})
check('raises none', t.assertRaises, ValueError, lambda: None)
check('raises named', t.assertRaises, ValueError, len, [1])
check('raises tuple', t.assertRaises, (ValueError, TypeError), len, [])
check('raises wrong', t.assertRaises, ValueError, int, None)
check('raises badarg', t.assertRaises, 5, len)
check('raisesregex', t.assertRaisesRegex, ValueError, 'abc', int, 'x')
check('raisesregex ok', t.assertRaisesRegex, ValueError, 'invalid', int, 'x')
with t.assertRaises(KeyError) as cm:
    {}['k']
print(type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)
try:
    with t.assertRaises(KeyError, msg='custom'):
        pass
except AssertionError as e:
    print(e)
try:
    t.assertRaises(KeyError, foo=1)
except TypeError as e:
    print(e)
def warner():
    warnings.warn('careful', UserWarning)
check('warns', t.assertWarns, UserWarning, warner)
check('warns none', t.assertWarns, UserWarning, lambda: None)
check('warns none2', t.assertWarns, DeprecationWarning, warner)
check('warnsregex', t.assertWarnsRegex, UserWarning, 'xyz', warner)
with t.assertWarns(UserWarning) as cm:
    warner()
print(cm.warning, type(cm.warning).__name__, cm.lineno)
check('warns badarg', t.assertWarns, ValueError, warner)
log = logging.getLogger('foo')
with t.assertLogs('foo', level='INFO') as cm:
    log.info('first')
    log.warning('second %d', 2)
    log.debug('hidden')
print(cm.output, len(cm.records))
try:
    with t.assertLogs('foo'):
        log.debug('x')
except AssertionError as e:
    print(e)
try:
    with t.assertNoLogs('foo'):
        log.error('bad')
except AssertionError as e:
    print(e)
with t.assertNoLogs():
    pass
t.longMessage = False
check('nolong', t.assertEqual, 1, 2, 'only msg')
check('nolong2', t.assertEqual, 1, 2)
t.longMessage = True
t.maxDiff = None
check('maxdiff none', t.assertEqual, list(range(30)), list(range(1, 31)))
t.maxDiff = 10
check('maxdiff 10', t.assertEqual, [1, 2], [1, 3])
check('fail', t.fail, 'stop')
check('fail none', t.fail)
class X:
    def __repr__(self): raise RuntimeError
try:
    t.assertIsNone(X())
except AssertionError as e:
    print('safe repr', str(e).startswith('<__main__.X object at 0x'), str(e).endswith('> is not None'))
check('long repr', t.assertEqual, 'a' * 200, 'b' * 200)
check('long repr2', t.assertEqual, list(range(60)), list(range(59)) + [99])
t.addTypeEqualityFunc(int, lambda a, b, msg=None: print('custom eq', a, b))
t.assertEqual(3, 4)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    t.assertEquals(3, 3)
    print(w[0].category.__name__, w[0].message)
check('dictsubset', t.assertDictContainsSubset, {'a': 1, 'c': 3}, {'a': 2})
