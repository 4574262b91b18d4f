# Records: attributes, mapping arguments, extra, exc_info forms, the
# caller found with stacklevel, record factories, makeLogRecord.
import io
import logging
import os
import sys

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter(
    '%(levelname)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s|%(message)s'))
lg = logging.getLogger('rec')
lg.propagate = False
lg.addHandler(h)
lg.setLevel(logging.DEBUG)
seen = []
h.addFilter(lambda r: seen.append(r) or True)


def helper():
    lg.info('from helper')
    lg.info('one up', stacklevel=2)
    lg.info('way up', stacklevel=50)


def outer():
    helper()


outer()
lg.debug('dict %(a)s %(b)s', {'a': 1, 'b': 2})
lg.debug('empty dict %s', {})
lg.debug('two dicts %s %s', {'a': 1}, {'b': 2})
lg.debug('tuple %s', (1, 2))
lg.debug('no args %s')
lg.debug(12345)
lg.debug(['list', 'msg'])
r = seen[-1]
keys = sorted(vars(r))
print(keys)
print(list(vars(r))[:20])
print(r.name, r.levelno, r.levelname, r.args, r.exc_info, r.exc_text, r.stack_info,
      r.threadName, r.processName, r.process == os.getpid(), type(r.msecs).__name__,
      r.relativeCreated > 0, type(r.created).__name__)
print(out.getvalue().replace(os.path.basename(sys._getframe().f_code.co_filename)[:-3], "THIS"), end="")
out.truncate(0); out.seek(0)

rr = logging.LogRecord('n', 25, 'p/q/file.txt', 3, 'm %s', ('x',), None)
print(repr(rr), rr.getMessage(), rr.funcName, rr.module, rr.filename, rr.levelname)
rr = logging.LogRecord('n', 20, None, 3, 'm', (), None)
print(rr.filename, rr.module)
rr = logging.LogRecord('n', 20, '', 3, 'm', ({'k': 1},), None)
print(rr.args, rr.filename, repr(rr.module))
print(logging.LogRecord('n', 20, 'f', 1, 'x %(k)s', ({'k': 'v'},), None).getMessage())
try:
    logging.LogRecord('n', 20, 'f', 1, 'x %d', ('s',), None).getMessage()
except TypeError as e:
    print('TypeError', e)

mr = logging.makeLogRecord({'msg': 'made %s', 'args': (7,), 'custom': True})
print(mr.getMessage(), mr.custom, mr.name, mr.levelno, mr.levelname, mr.lineno, mr.pathname)
print(logging.makeLogRecord({}).getMessage() == '')

try:
    lg.info('x', extra={'message': 1})
except KeyError as e:
    print('KeyError', e)
for key in ['asctime', 'name', 'lineno']:
    try:
        lg.info('x', extra={key: 1})
    except KeyError as e:
        print('KeyError', e)
lg.info('extra %s', 'ok', extra={'user': 'bob'})
print(seen[-1].user)

lg.handlers[0].setFormatter(logging.Formatter('%(message)s'))
try:
    1 / 0
except ZeroDivisionError as exc:
    lg.error('true', exc_info=True)
    lg.error('instance', exc_info=exc)
    lg.exception('exception()')
    lg.exception('exception(exc_info=False)', exc_info=False)
    saved = sys.exc_info()
lg.error('tuple', exc_info=saved)
lg.error('false', exc_info=False)
lg.error('zero', exc_info=0)
lg.error('outside handler', exc_info=True)
for rec in seen[-8:]:
    ei = rec.exc_info
    print(rec.msg, repr(ei) if not isinstance(ei, tuple) else (ei[0] and ei[0].__name__, type(ei[1]).__name__))
lines = [l for l in out.getvalue().splitlines() if not l.startswith('  ')]
print(lines)
out.truncate(0); out.seek(0)

lg.info('with stack', stack_info=True)
print(seen[-1].stack_info.splitlines()[0], seen[-1].stack_info.endswith('\n'))
print(out.getvalue().splitlines()[0:2])
out.truncate(0); out.seek(0)

print(lg.findCaller()[2], lg.findCaller(stacklevel=1)[2])


def finder():
    return lg.findCaller(stack_info=False)


print(finder()[2:])
old = logging.getLogRecordFactory()


def factory(*args, **kwargs):
    record = old(*args, **kwargs)
    record.tag = 'T'
    return record


logging.setLogRecordFactory(factory)
lg.handlers[0].setFormatter(logging.Formatter('%(tag)s %(message)s'))
lg.warning('tagged')
print(logging.makeLogRecord({}).tag)
logging.setLogRecordFactory(old)
print(logging.getLogRecordFactory() is logging.LogRecord)


class Custom(logging.Logger):
    def makeRecord(self, *args, **kwargs):
        record = super().makeRecord(*args, **kwargs)
        record.name = record.name.upper()
        return record


c = Custom('custom')
c.addHandler(lg.handlers[0])
lg.handlers[0].setFormatter(logging.Formatter('%(name)s %(message)s'))
c.warning('made by subclass')
c.log(5, 'below')
c.setLevel(1)
c.log(5, 'custom level %d', 5)
c.fatal('fatal')
c.critical('critical')
print(out.getvalue(), end='')
print(logging.Logger.fatal.__name__, logging.Logger.debug.__name__, logging.Logger.info.__qualname__)
import inspect
for name in ['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log',
             'findCaller', 'makeRecord', '_log']:
    print(name, inspect.signature(getattr(logging.Logger, name)))
