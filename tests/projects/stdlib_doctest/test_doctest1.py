import sys, os
import io, re, doctest
import dt_sample

def norm(s):
    return re.sub(r'( *)File "[^"]*doctest(?:\.py|>)", line \d+, in (\S+)\n(?:\1  +\S.*\n)?(?:\1  +[\^~]+\n)?',
                  r'\1File "DOCTEST", line N, in \2\n', s)

def capture(fn, *a, **k):
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        r = fn(*a, **k)
    finally:
        sys.stdout = old
    print(norm(buf.getvalue()))
    print('RESULT', r)

for verbose in (False, True):
    print('#### testmod verbose=%s' % verbose)
    capture(doctest.testmod, dt_sample, verbose=verbose)
print('#### REPORT_ONLY_FIRST_FAILURE')
capture(doctest.testmod, dt_sample, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
print('#### FAIL_FAST')
capture(doctest.testmod, dt_sample, optionflags=doctest.FAIL_FAST)
print('#### ELLIPSIS+NDIFF global, exclude_empty')
capture(doctest.testmod, dt_sample, optionflags=doctest.ELLIPSIS | doctest.REPORT_NDIFF, exclude_empty=True, verbose=True)
print('#### report=False')
capture(doctest.testmod, dt_sample, report=False)
print('#### run_docstring_examples')
capture(doctest.run_docstring_examples, dt_sample.add, {'add': dt_sample.add})
capture(doctest.run_docstring_examples, dt_sample.add, {'add': dt_sample.add}, True, 'MyName')

finder = doctest.DocTestFinder()
tests = finder.find(dt_sample)
for t in tests:
    print(repr(t).replace(os.path.dirname(os.path.abspath(__file__)), 'DIR'), t.lineno, len(t.examples))
    for ex in t.examples:
        print('   ', repr(ex.source), repr(ex.want), repr(ex.exc_msg), ex.lineno, ex.indent, ex.options)
print(doctest.TestResults(1, 2), doctest.TestResults._fields)
print(sorted(doctest.OPTIONFLAGS_BY_NAME.items()), doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
p = doctest.DocTestParser()
for s in ['>>> x = 1\n>>> x\n1\n', 'text\n  >>> a\n  b\n\n  more\n', '>>>x\n', '  >>> a\n b\n', '>>> a  # doctest: +BOGUS\n',
          '>>> # doctest: +ELLIPSIS\n', '>>> f(\n...   1)\nout\n', '\t>>> 1\n\t1\n', '>>> 1\n...x\n']:
    try:
        print([x if isinstance(x, str) else 'EX' for x in p.parse(s, 'nm')])
        print([(e.source, e.want, e.lineno, e.indent, e.options) for e in p.get_examples(s)])
    except ValueError as e:
        print('VE', e)
print(doctest.script_from_examples('''
    Some text.
    >>> x = 1
    >>> x
    1

    More text
    >>> print('a\\nb')
    a
    b
'''))
print(doctest.testsource(dt_sample, 'dt_sample.add'))
oc = doctest.OutputChecker()
for want, got, fl in [('1\n', 'True\n', 0), ('a ... z\n', 'a b c z\n', doctest.ELLIPSIS), ('...', '', doctest.ELLIPSIS),
                      ('a...a', 'a', doctest.ELLIPSIS), ('x\n<BLANKLINE>\n', 'x\n\n', 0), ('x\n<BLANKLINE>\n', 'x\n   \n', 0),
                      ('a b', 'a\n\tb', doctest.NORMALIZE_WHITESPACE), ('é\n', '\\xe9\n', 0)]:
    print(repr(want), repr(got), oc.check_output(want, got, fl))
ex = doctest.Example('print(1)', 'x\ny\nz\nw\n')
for fl in [0, doctest.REPORT_UDIFF, doctest.REPORT_CDIFF, doctest.REPORT_NDIFF]:
    print(oc.output_difference(ex, 'x\nY\nz\nw\n\n', fl))
print(oc.output_difference(doctest.Example('f()', ''), 'x\n', 0))
print(oc.output_difference(doctest.Example('f()', 'x'), '', 0))
print(oc.output_difference(doctest.Example('f()', ''), '', 0))
# DebugRunner
t = doctest.DocTestParser().get_doctest('>>> 1\n2\n', {}, 'dbg', 'f.txt', 0)
try:
    doctest.DebugRunner(verbose=False).run(t)
except doctest.DocTestFailure as e:
    print('DTF', e, repr(e.got), e.example.want)
t = doctest.DocTestParser().get_doctest('>>> 1/0\n', {}, 'dbg2', None, 0)
try:
    doctest.DebugRunner(verbose=False).run(t)
except doctest.UnexpectedException as e:
    print('UE', e, e.exc_info[0].__name__)
# Runner with no filename ("Line N, in")
r = doctest.DocTestRunner(verbose=False)
capture(r.run, doctest.DocTestParser().get_doctest('\n\n>>> 1\n2\n>>> print(3)\n3\n', {}, 'noname', None, 0))
capture(r.run, doctest.DocTestParser().get_doctest('>>> 5\n5\n', {}, 'other', None, 0))
capture(r.run, doctest.DocTestParser().get_doctest('no examples', {}, 'empty', None, 0))
capture(r.summarize, True)
capture(r.summarize, False)
r2 = doctest.DocTestRunner(verbose=False)
capture(r2.run, doctest.DocTestParser().get_doctest('>>> 5\n6\n', {}, 'other', None, 0))
r.merge(r2)
capture(r.summarize, True)
# future flags / globs / extraglobs
capture(doctest.run_docstring_examples, '>>> y\n42\n>>> _ = 3\n', {'y': 42})
print(doctest._ellipsis_match('aXbYc', 'a...b...c'), doctest._ellipsis_match('a...b...c', 'aXbYc'))
