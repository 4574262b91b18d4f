# Handler basics, StreamHandler and FileHandler details, errors while
# emitting, NullHandler, handler names.
import io
import re
import logging
import os
import sys
import tempfile

lg = logging.getLogger('sh')
lg.propagate = False


class Named(io.StringIO):
    name = 'named-stream'


s1 = io.StringIO()
s2 = Named()
h = logging.StreamHandler(s1)
print(repr(h), repr(logging.StreamHandler(s2)), h.stream is s1, h.terminator == '\n')
print(repr(logging.StreamHandler()), logging.StreamHandler().stream is sys.stderr)
lg.addHandler(h)
lg.warning('first')
print(h.setStream(s1), h.setStream(s2) is s1, h.stream is s2)
h.terminator = ' END\n'
lg.warning('second')
h.setLevel(logging.ERROR)
lg.warning('dropped by level')
print(repr(s1.getvalue()), repr(s2.getvalue()), repr(h))


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


odd = Stream()
h.setStream(odd)
h.flush()
lg.error('no flush method')
print(odd.parts)
h.setStream(None)
h.flush()
lg.removeHandler(h)

# Errors while emitting are reported on (the current) stderr.
bad = logging.StreamHandler(io.StringIO())
lg.addHandler(bad)
saved, sys.stderr = sys.stderr, io.StringIO()
lg.error('bad %d', 'x')
lg.error('%s %s', 'one')


class Unprintable:
    def __repr__(self):
        raise RuntimeError('no repr')

    __str__ = __repr__


lg.error(Unprintable())
report = sys.stderr.getvalue()
logging.raiseExceptions = False
lg.error('quiet %d', 'x')
logging.raiseExceptions = True
quiet = sys.stderr.getvalue() == report
sys.stderr = saved
# This file's frames, by base name (a .kbc run names it relatively).
this_file = '  File "' + os.path.basename(sys._getframe().f_code.co_filename) + '"'
for line in report.splitlines():
    line = re.sub(r'^  File "[^"]*[/\\]([^"/\\]+)"', r'  File "\1"', line)
    if line.startswith(('---', 'Message', 'Arguments', 'Call', 'Unable', 'Use', 'TypeError',
                        'RuntimeError', this_file)):
        print(line)
print(quiet)
lg.removeHandler(bad)

try:
    logging.Handler().emit(None)
except NotImplementedError as e:
    print('NotImplementedError', e)
base = logging.Handler()
print(base.format(logging.makeLogRecord({'msg': 'plain %s', 'args': ('x',), 'levelname': 'L',
                                          'name': 'n'})))
print(base.handle(logging.makeLogRecord({})) if False else 'skip')
base.addFilter(lambda r: False)
print(base.handle(logging.makeLogRecord({})))


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.got = []

    def emit(self, record):
        self.got.append(self.format(record))


c = Collect()
print(c.handle(logging.makeLogRecord({'msg': 'kept', 'levelname': 'X', 'name': 'n'})), c.got)
c.setFormatter(logging.Formatter('<%(message)s>'))
c.handle(logging.makeLogRecord({'msg': 'formatted'}))
print(c.got, c.formatter._fmt)
print(c.name, c.get_name())
c.name = 'collector'
print(logging._handlers['collector'] is c, c.get_name())
c.set_name('other')
print('collector' in logging._handlers, logging._handlers['other'] is c)
c.close()
print('other' in logging._handlers, c._closed, c.name)
c.name = None
print(c.name)
print(type(c.lock).__name__ != 'NoneType', c.acquire(), c.release(), c.createLock())

n = logging.NullHandler()
print(n.lock, n.handle(None), n.emit(None), repr(n), n.acquire(), n.release())
lg.addHandler(n)
lg.error('swallowed')

# FileHandler
d = tempfile.mkdtemp()
path = os.path.join(d, 'file.log')
fh = logging.FileHandler(path, mode='w', encoding='utf-8')
print(fh.mode, fh.encoding, fh.errors, fh.delay, fh.baseFilename == path,
      repr(fh) == '<FileHandler %s (NOTSET)>' % path, fh.stream.closed)
fh.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
lg.addHandler(fh)
lg.warning('one é')
fh.close()
print(fh.stream, open(path, encoding='utf-8').read().splitlines())
lg.warning('after close, mode w')
print(fh.stream, open(path, encoding='utf-8').read().splitlines())
lg.removeHandler(fh)
fa = logging.FileHandler(path, delay=True)
print(fa.stream, fa.encoding, fa.mode, os.path.exists(path))
lg.addHandler(fa)
lg.warning('appended')
fa.close()
lg.warning('after close, mode a reopens')
fa.close()
print(open(path).read().splitlines())
lg.removeHandler(fa)
fb = logging.FileHandler(path, 'wb', delay=True)
print(fb.encoding, fb.mode)
fb.close()
from pathlib import Path
fp = logging.FileHandler(Path(path), errors='replace')
print(fp.baseFilename == path, fp.errors, fp.encoding)
fp.close()
rel = logging.FileHandler('relative.log', delay=True)
print(rel.baseFilename == os.path.abspath('relative.log'), os.path.exists('relative.log'))
rel.close()
try:
    logging.FileHandler(os.path.join(d, 'missing', 'x.log'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
os.remove(path)
os.rmdir(d)
print(logging.StreamHandler[io.StringIO])
import gc
before = len(logging._handlerList)
temp = logging.Handler()
temp.name = 'temporary'
print(len(logging._handlerList) - before, 'temporary' in logging._handlers)
del temp
gc.collect()
print(len(logging._handlerList) - before, 'temporary' in logging._handlers)
