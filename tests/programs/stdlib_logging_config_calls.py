# basicConfig and its errors, the module-level calls, LoggerAdapter,
# deprecated warn(), captured warnings, shutdown.
import io
import logging
import os
import sys
import tempfile
import warnings

out = io.StringIO()
for kwargs in [dict(stream=out, filename='x'), dict(handlers=[], stream=out),
               dict(handlers=[], filename='f'), dict(style='?'), dict(bogus=1, other=2),
               dict(level='NOPE'), dict(format='no fields')]:
    try:
        logging.basicConfig(**kwargs)
        print('ok', kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    for h in logging.root.handlers[:]:
        logging.root.removeHandler(h)
logging.root.setLevel(logging.WARNING)

logging.basicConfig(stream=out, level=logging.INFO, format='%(levelname)s %(name)s %(message)s')
print(len(logging.root.handlers), type(logging.root.handlers[0]).__name__, logging.root.level)
logging.basicConfig(stream=sys.stdout, bogus=True)
print(len(logging.root.handlers))
logging.debug('hidden')
logging.info('info %s', 1)
logging.warning('warning')
logging.error('error')
logging.critical('critical')
logging.fatal('fatal')
logging.log(logging.INFO, 'log %d', 2)
try:
    1 / 0
except ZeroDivisionError:
    logging.exception('exception')
print([l for l in out.getvalue().splitlines() if not l.startswith(' ')])
logging.basicConfig(stream=sys.stdout, format='{levelname}:{message}', style='{', force=True)
logging.warning('forced %s', 'style')
print(logging.root.level)
h1 = logging.StreamHandler(sys.stdout)
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter('own: %(message)s'))
logging.basicConfig(handlers=[h1, h2], force=True, format='$levelname $message', style='$',
                    level='DEBUG')
logging.debug('two handlers')
print(logging.root.handlers == [h1, h2], logging.root.level)
d = tempfile.mkdtemp()
path = os.path.join(d, 'basic.log')
logging.basicConfig(filename=path, filemode='w', force=True, format='%(message)s',
                    encoding='utf-8')
fh = logging.root.handlers[0]
print(type(fh).__name__, fh.mode, fh.encoding, fh.errors, fh.baseFilename == path)
logging.info('to the file é')
fh.close()
with open(path, encoding='utf-8') as f:
    print(repr(f.read()))
logging.basicConfig(filename=path, force=True)
print(logging.root.handlers[0].encoding, logging.root.handlers[0].errors,
      logging.root.handlers[0].mode)
logging.root.handlers[0].close()
os.remove(path)
os.rmdir(d)
logging.basicConfig(stream=sys.stdout, force=True)
logging.warning('default format')

# LoggerAdapter
lg = logging.getLogger('adapt')
lg.propagate = False
hh = logging.StreamHandler(sys.stdout)
class LastLine(logging.Formatter):
    def formatException(self, ei):
        return super().formatException(ei).splitlines()[-1]


hh.setFormatter(LastLine('%(name)s [%(user)s] %(levelname)s %(message)s'))
lg.addHandler(hh)
ad = logging.LoggerAdapter(lg, {'user': 'ann'})
ad.debug('not shown')
ad.info('not shown either')
ad.setLevel(logging.DEBUG)
ad.debug('debug %s', 'shown')
ad.info('info')
ad.warning('warning')
ad.error('error')
ad.critical('critical')
ad.log(logging.WARNING, 'log %d', 3)
try:
    raise ValueError('bad')
except ValueError:
    ad.exception('exception')
print(ad.isEnabledFor(5), ad.getEffectiveLevel(), ad.hasHandlers(), ad.name, repr(ad))
print(ad.manager is logging.root.manager, ad.extra)
m = logging.Manager(None)
ad.manager = m
print(lg.manager is m)
del lg.manager
print(lg.manager is logging.root.manager)


class Prefixed(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs.setdefault('extra', {})['user'] = 'pre'
        return '[%s] %s' % (self.extra, msg), kwargs


Prefixed(lg, 'ctx').warning('hello %s', 'there')
print(logging.LoggerAdapter[int], logging.LoggerAdapter(lg).extra)
print(repr(logging.LoggerAdapter(logging.LoggerAdapter(lg, {}), {})))
ad2 = logging.LoggerAdapter(logging.LoggerAdapter(lg, {'user': 'inner'}), {'user': 'outer'})
ad2.warning('nested')
ad._log(logging.ERROR, 'direct %s', ('_log',), extra={'user': 'z'})
import inspect
for name in ['debug', 'warn', 'exception', 'log', 'isEnabledFor', 'setLevel',
             'getEffectiveLevel', 'hasHandlers', '_log', 'process']:
    print(name, inspect.signature(getattr(logging.LoggerAdapter, name)))

# warn() is deprecated: the warning points at the caller.
wl = logging.getLogger('warnlg')
wl.addHandler(logging.NullHandler())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    wl.warn('logger warn')
    logging.LoggerAdapter(wl, {}).warn('adapter warn')
    logging.warn('module warn')
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)

# captured warnings go to the "py.warnings" logger.
pw = logging.getLogger('py.warnings')
print(pw.handlers)
logging.captureWarnings(True)
logging.captureWarnings(True)
print(warnings.showwarning is logging._showwarning)
buf = io.StringIO()
warnings.warn_explicit('careful', UserWarning, 'somefile.py', 7)
print(type(pw.handlers[0]).__name__)
pw.addHandler(logging.StreamHandler(buf))
warnings.warn_explicit('again', RuntimeWarning, 'other.py', 9, module='m2')
print(repr(buf.getvalue()))
logging._showwarning('to a file', UserWarning, 'f.py', 1, file=buf)
print(repr(buf.getvalue()))
logging.captureWarnings(False)
logging.captureWarnings(False)
print(warnings.showwarning is logging._showwarning, logging._warnings_showwarning)

# shutdown flushes and closes every handler it is given.


class Tracking(logging.Handler):
    def emit(self, record):
        pass

    def flush(self):
        print('flush', self.name)

    def close(self):
        print('close', self.name)
        super().close()


t1 = Tracking(); t1.name = 't1'
t2 = Tracking(); t2.name = 't2'
t2.flushOnClose = False
print(logging._handlers.get('t1') is t1, 't2' in logging._handlers)
logging.shutdown([__import__('weakref').ref(t1), __import__('weakref').ref(t2)])
print('t1' in logging._handlers, t1._closed)
t1.name = 'renamed'
print(sorted(k for k in logging._handlers.keys() if k.startswith(('t', 'r'))))
