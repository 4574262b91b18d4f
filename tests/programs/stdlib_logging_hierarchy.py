# The logger hierarchy: placeholders, parents fixed up when a middle
# logger appears, propagation, filters, handlers found, the last resort.
import io
import logging
import pickle
import sys


def kind(name):
    return type(logging.root.manager.loggerDict.get(name)).__name__


a_b_c = logging.getLogger('h1.b.c')
print(kind('h1'), kind('h1.b'), kind('h1.b.c'), a_b_c.parent is logging.root)
ph = logging.root.manager.loggerDict['h1.b']
print(type(ph.loggerMap).__name__, [lg.name for lg in ph.loggerMap])
a_b_d = logging.getLogger('h1.b.d')
print([lg.name for lg in ph.loggerMap])
a = logging.getLogger('h1')
print(a_b_c.parent.name, a_b_d.parent.name, kind('h1'))
a_b = logging.getLogger('h1.b')
print(a_b_c.parent.name, a_b_d.parent.name, a_b.parent.name, kind('h1.b'))
deep = logging.getLogger('h1.b.c.d.e')
print(deep.parent.name, kind('h1.b.c.d'))
mid = logging.getLogger('h1.b.c.d')
print(deep.parent.name, mid.parent.name)
print(logging.getLogger('h1.b') is a_b, logging.getLogger() is logging.root,
      logging.getLogger('root') is logging.root, logging.getLogger('') is logging.root)
print(a.getChild('b') is a_b, a.getChild('b.c') is a_b_c, logging.root.getChild('h1') is a)
for bad in [1, b'x']:
    try:
        logging.getLogger(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    a.getChild(3)
except TypeError as e:
    print('TypeError', e)
try:
    logging.root.getChild(3)
except TypeError as e:
    print('TypeError', e)
print(sorted(n for n in logging.root.manager.loggerDict if n.startswith('h1')))
print(logging.getLogger('.lead'), logging.getLogger('trail.').parent, logging.getLogger('x..y').parent)
print(sorted(n for n in logging.root.manager.loggerDict if 'lead' in n or 'trail' in n or n.startswith('x')))

out = io.StringIO()
h_top = logging.StreamHandler(out)
h_top.setFormatter(logging.Formatter('top:%(name)s:%(message)s'))
h_mid = logging.StreamHandler(out)
h_mid.setFormatter(logging.Formatter('mid:%(name)s:%(levelname)s:%(message)s'))
h_mid.setLevel(logging.ERROR)
a.addHandler(h_top)
a.addHandler(h_top)
a_b.addHandler(h_mid)
print(len(a.handlers), a_b_c.hasHandlers(), logging.getLogger('other').hasHandlers())
a_b_c.warning('w1')
a_b_c.error('e1')
a_b.propagate = False
a_b_c.error('e2')
print(a_b_c.hasHandlers())
a_b.removeHandler(h_mid)
a_b.removeHandler(h_mid)
print(a_b_c.hasHandlers())
a_b.propagate = True
print(out.getvalue(), end='')
out.truncate(0); out.seek(0)


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2


a.addFilter(OnlyOdd())
for i in range(4):
    a.warning('n=%d', i)
a.filters.clear()
h_top.addFilter(lambda r: 'skip' not in r.msg)
a.warning('keep me'); a.warning('skip me')
f = logging.Filter('h1.b')
for name in ['h1.b', 'h1.b.c', 'h1.bb', 'h1', 'h1.b.c.d', 'z']:
    print(name, f.filter(logging.makeLogRecord({'name': name})))
print(logging.Filter().filter(logging.makeLogRecord({'name': 'any'})), f.nlen, f.name)
h_top.addFilter(f)
a.warning('from a'); a_b_c.warning('from a.b.c')
print(out.getvalue(), end='')
fl = logging.Filterer()
fl.addFilter(f); fl.addFilter(f)
print(len(fl.filters))
fl.removeFilter(f); fl.removeFilter(f)
print(fl.filters, fl.filter(logging.makeLogRecord({})))

# No handler anywhere: the last resort writes to the current stderr.
saved = sys.stderr
sys.stderr = io.StringIO()
lonely = logging.getLogger('lonely')
lonely.warning('to last resort %s', 1)
lonely.info('below last resort level')
print(repr(sys.stderr.getvalue()))
logging.lastResort = None
lonely.warning('nobody')
lonely.warning('nobody again')
print(repr(sys.stderr.getvalue()))
print(logging.root.manager.emittedNoHandlerWarning)
logging.lastResort = logging._defaultLastResort
sys.stderr = saved
print(repr(logging.lastResort), repr(logging._StderrHandler()))

# Pickling loggers gives back the same logger.
print(pickle.loads(pickle.dumps(a_b_c)) is a_b_c, pickle.loads(pickle.dumps(logging.root)) is logging.root)
stray = logging.Logger('stray')
try:
    pickle.dumps(stray)
except pickle.PicklingError as e:
    print('PicklingError', e)
print(repr(stray), stray.parent, stray.getEffectiveLevel())


class MyLogger(logging.Logger):
    pass


logging.setLoggerClass(MyLogger)
print(type(logging.getLogger('h2.x')).__name__, logging.getLoggerClass().__name__)
print(type(logging.getLogger('h1.b.c')).__name__)
logging.setLoggerClass(logging.Logger)
print(type(logging.getLogger('h2')).__name__)
mgr = logging.Manager(logging.RootLogger(logging.DEBUG))
mgr.setLoggerClass(MyLogger)
x = mgr.getLogger('p.q')
print(type(x).__name__, x.parent is mgr.root, x.manager is mgr, mgr.root.name, mgr.root.level)
print(sorted(mgr.loggerDict), mgr.disable, mgr.loggerClass.__name__, mgr.logRecordFactory)
for bad in [dict, 5]:
    try:
        mgr.setLoggerClass(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    logging.setLoggerClass(str)
except TypeError as e:
    print('TypeError', e)
