# Records made in other threads name their thread; the caller found
# from methods, nested functions and stack_info; errors raised in a
# user-defined emit are reported with the call stack outside logging.
import io
import logging
import os
import sys
import threading

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(threadName)s|%(funcName)s|%(lineno)d|%(message)s'))
lg = logging.getLogger('threads')
lg.propagate = False
lg.addHandler(h)


def work(n):
    lg.warning('work %d', n)


threads = [threading.Thread(target=work, args=(i,), name='worker-%d' % i) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
work(9)
print(out.getvalue(), end='')
out.truncate(0); out.seek(0)
ids = []
h.addFilter(lambda r: ids.append(r.thread) or True)
t = threading.Thread(target=work, args=(5,))
t.start(); t.join()
work(6)
print(ids[0] != ids[1], ids[1] == threading.get_ident())


class Service:
    def run(self):
        lg.warning('in method')

    @staticmethod
    def static():
        lg.warning('in static')

    def nested(self):
        def inner():
            lg.warning('in inner', stack_info=True)
        inner()


Service().run()
Service.static()
Service().nested()
lines = out.getvalue().splitlines()
print(lines[2:5])
print([l.strip() for l in lines[5:] if l.strip().startswith(('lg.', 'inner()', 'Service()', 'Stack'))])
out.truncate(0); out.seek(0)


class Broken(logging.Handler):
    def emit(self, record):
        try:
            raise OSError('disk on fire')
        except OSError:
            self.handleError(record)


lg.addHandler(Broken())
saved, sys.stderr = sys.stderr, io.StringIO()
lg.warning('x')
report = sys.stderr.getvalue()
sys.stderr = saved
here = os.path.dirname(os.path.abspath(__file__)) + os.sep
print([l.replace(here, '') for l in report.splitlines()
       if not l.startswith('    ') and '__init__.py' not in l and '<frozen' not in l])


class Reporting(logging.Handler):
    def emit(self, record):
        try:
            raise ValueError('emit failed')
        except ValueError:
            self.handleError(record)

    def handleError(self, record):
        sys.stderr.write('custom handleError\n')
        super().handleError(record)


lg.handlers[:] = [Reporting()]
saved, sys.stderr = sys.stderr, io.StringIO()
lg.warning('y')
report = sys.stderr.getvalue()
sys.stderr = saved
print([l.replace(here, '') for l in report.splitlines()
       if not l.startswith('    ') and '__init__.py' not in l and '<frozen' not in l])
