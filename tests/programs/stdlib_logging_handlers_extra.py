# logging.handlers: rotation by size (namer, rotator), by time (fixed
# instants computed in UTC, files to delete), watched files, memory
# buffers, queues and listeners.
import datetime
import io
import logging
import logging.handlers as H
import os
import queue
import shutil
import tempfile

d = tempfile.mkdtemp()


def listing():
    return sorted(os.listdir(d))


def content(name):
    with open(os.path.join(d, name)) as f:
        return f.read().splitlines()


lg = logging.getLogger('hx')
lg.propagate = False
base = os.path.join(d, 'app.log')

r = H.RotatingFileHandler(base, mode='w', maxBytes=30, backupCount=3)
print(r.mode, r.maxBytes, r.backupCount, r.encoding, r.namer, r.rotator, repr(r).endswith('app.log (NOTSET)>'))
r.namer = lambda name: name + '.old'
moves = []


def rotator(src, dst):
    moves.append((os.path.basename(src), os.path.basename(dst)))
    os.rename(src, dst)


r.rotator = rotator
r.setFormatter(logging.Formatter('%(message)s'))
lg.addHandler(r)
for i in range(9):
    lg.warning('record number %d', i)
print(listing(), moves)
print(content('app.log'), content('app.log.1.old'))
print(r.rotation_filename('x'), r.shouldRollover(logging.makeLogRecord({'msg': 'y' * 40})),
      r.shouldRollover(logging.makeLogRecord({'msg': ''})))
r.close()
lg.removeHandler(r)
for name in listing():
    os.remove(os.path.join(d, name))

r0 = H.RotatingFileHandler(base, maxBytes=20, backupCount=0, delay=True)
print(r0.stream)
r0.setFormatter(logging.Formatter('%(message)s'))
lg.addHandler(r0)
for i in range(4):
    lg.warning('no backups %d', i)
r0.close()
lg.removeHandler(r0)
print(listing(), content('app.log'))
r1 = H.RotatingFileHandler(base, maxBytes=0)
print(r1.shouldRollover(logging.makeLogRecord({'msg': 'z' * 1000})))
r1.close()
rd = H.RotatingFileHandler(base, maxBytes=10, backupCount=1, delay=True)
rd.doRollover()
print(rd.stream, listing())
rd.close()
for name in listing():
    os.remove(os.path.join(d, name))
print(H.RotatingFileHandler(base, 'w', maxBytes=0).mode, H.RotatingFileHandler(base, 'w').mode)

# Timed rotation
for when in ['S', 'm', 'h', 'D', 'midnight', 'W0', 'w5']:
    t = H.TimedRotatingFileHandler(base, when=when, interval=3, utc=True, delay=True)
    print(when, t.when, t.interval, t.suffix, t.extMatch.pattern, t.extMatch.flags & 256,
          getattr(t, 'dayOfWeek', '-'), t.encoding, t.mode, t.utc, t.atTime)
for when in ['W', 'W7', 'W01', 'Q', 'x']:
    try:
        H.TimedRotatingFileHandler(base, when=when, delay=True)
    except ValueError as e:
        print('ValueError', e)

start = 1700000000  # Tuesday 2023-11-14 22:13:20 UTC
for when, at in [('S', None), ('H', None), ('MIDNIGHT', None),
                 ('MIDNIGHT', datetime.time(23, 0, 0)), ('MIDNIGHT', datetime.time(3, 30)),
                 ('W1', None), ('W1', datetime.time(23)), ('W0', None), ('W6', datetime.time(1)),
                 ('W3', datetime.time(12))]:
    t = H.TimedRotatingFileHandler(base, when=when, utc=True, atTime=at, delay=True)
    print(when, at, t.computeRollover(start) - start, t.computeRollover(start + 7200) - start)

for name in ['app.log', 'app.log.2023-11-01', 'app.log.2023-11-02', 'app.log.2023-11-03',
             'app.log.2023-11-04.gz', 'app.log.garbage', 'app.log.2023-11', 'other.log.2023-11-01',
             'app.2023-11-05.log', 'app.log.2023-11-06_10']:
    open(os.path.join(d, name), 'w').close()
t = H.TimedRotatingFileHandler(base, when='D', backupCount=2, utc=True, delay=True)
print([os.path.basename(p) for p in t.getFilesToDelete()])
t.backupCount = 10
print(t.getFilesToDelete())
t.namer = lambda n: n.replace('.log.', '.') + '.log'
t.backupCount = 1
print([os.path.basename(p) for p in t.getFilesToDelete()])
th = H.TimedRotatingFileHandler(base, when='H', backupCount=0, utc=True, delay=True)
print(th.shouldRollover(None))
th.rolloverAt = start
print(th.shouldRollover(None))
th.doRollover()
print(sorted(n for n in listing() if n.startswith('app.log.2023-11-14')), th.stream,
      th.rolloverAt > start)
tw = H.TimedRotatingFileHandler(base, when='S', backupCount=1, utc=True)
tw.setFormatter(logging.Formatter('%(message)s'))
tw.rolloverAt = start
lg.addHandler(tw)
lg.warning('timed record')
lg.removeHandler(tw)
tw.close()
print(sorted(n for n in listing() if n.startswith('app.log.2023-11-14_')), content('app.log'))
shutil.rmtree(d)
os.mkdir(d)

# Watched files are reopened after being moved away.
w = H.WatchedFileHandler(base)
print(w.dev != -1, w.ino != -1, w.encoding, w.mode)
w.setFormatter(logging.Formatter('%(message)s'))
lg.addHandler(w)
lg.warning('before move')
os.rename(base, base + '.moved')
lg.warning('after move')
os.remove(base)
lg.warning('after delete')
lg.removeHandler(w)
w.close()
print(listing(), content('app.log'), content('app.log.moved'))
wd = H.WatchedFileHandler(base, delay=True)
print(wd.dev, wd.ino, wd.stream)
wd.reopenIfNeeded()
print(wd.stream)
wd.close()
shutil.rmtree(d)

# Buffers
out = io.StringIO()
target = logging.StreamHandler(out)
target.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
mem = H.MemoryHandler(3, target=None, flushOnClose=False)
print(mem.capacity, mem.flushLevel, mem.target, mem.flushOnClose, mem.buffer)
lg.addHandler(mem)
for i in range(5):
    lg.warning('m%d', i)
print(len(mem.buffer), out.getvalue())
mem.setTarget(target)
lg.info('ignored (level)')
lg.error('flush now')
print(len(mem.buffer), out.getvalue().splitlines())
lg.warning('left in buffer')
mem.close()
print(len(mem.buffer), mem.target, out.getvalue().splitlines()[-1])
lg.removeHandler(mem)
m2 = H.MemoryHandler(10, flushLevel=logging.CRITICAL, target=target)
lg.addHandler(m2)
lg.error('waits')
print(out.getvalue().splitlines()[-1])
m2.close()
print(out.getvalue().splitlines()[-1], m2.target)
lg.removeHandler(m2)


class EveryOther(H.BufferingHandler):
    def shouldFlush(self, record):
        return len(self.buffer) % 2 == 0


b = EveryOther(100)
for i in range(3):
    b.handle(logging.makeLogRecord({'msg': i}))
print(len(b.buffer))
b.close()
print(len(b.buffer), b._closed)

# Queues
q = queue.Queue()
qh = H.QueueHandler(q)
qh.setFormatter(logging.Formatter('%(name)s! %(message)s'))
lg.addHandler(qh)
lg.warning('queued %s', 'one')
try:
    1 / 0
except ZeroDivisionError:
    lg.exception('with exc')
lg.warning('with stack', stack_info=True)
items = []
while not q.empty():
    items.append(q.get_nowait())
for it in items:
    print(it.msg.splitlines()[0], it.args, it.exc_info, it.exc_text, it.message.splitlines()[0],
          it.stack_info is not None)
lg.removeHandler(qh)

seen = io.StringIO()
sink = logging.StreamHandler(seen)
sink.setFormatter(logging.Formatter('L %(levelname)s %(message)s'))
sink.setLevel(logging.ERROR)
listener = H.QueueListener(q, sink)
print(listener.handlers == (sink,), listener.respect_handler_level, listener._thread)
listener.start()
lg.addHandler(qh)
lg.warning('through listener')
lg.error('error through listener')
listener.stop()
print(seen.getvalue().splitlines(), listener._thread, q.empty())
listener2 = H.QueueListener(q, sink, respect_handler_level=True)
listener2.start()
lg.warning('filtered by level')
lg.critical('kept by level')
listener2.stop()
lg.removeHandler(qh)
print(seen.getvalue().splitlines()[-1], len(seen.getvalue().splitlines()))


class ListQueue(list):
    def put_nowait(self, item):
        self.append(item)

    def get(self, block):
        return self.pop(0)


lq = ListQueue()
H.QueueHandler(lq).handle(logging.makeLogRecord({'msg': 'x %s', 'args': ('y',)}))
print(lq[0].msg, lq[0].args)
got = []


class Recorder(logging.Handler):
    def emit(self, record):
        got.append(record.msg)


ql = H.QueueListener(lq, Recorder())
ql.enqueue_sentinel()
ql._monitor()
print(got, lq)
print(H.DEFAULT_TCP_LOGGING_PORT, H.DEFAULT_UDP_LOGGING_PORT, H.DEFAULT_HTTP_LOGGING_PORT,
      H.DEFAULT_SOAP_LOGGING_PORT, H.SYSLOG_UDP_PORT, H.SYSLOG_TCP_PORT, H._MIDNIGHT)
import inspect
for cls in [H.BaseRotatingHandler, H.RotatingFileHandler, H.TimedRotatingFileHandler,
            H.WatchedFileHandler, H.BufferingHandler, H.MemoryHandler, H.QueueHandler,
            H.QueueListener]:
    print(cls.__name__, inspect.signature(cls), [c.__name__ for c in cls.__mro__[1:]])
