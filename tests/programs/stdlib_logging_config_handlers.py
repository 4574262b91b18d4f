# logging.config building handlers from logging.handlers, incremental
# updates, disabling existing loggers, and replacing all handlers.
import io
import logging
import logging.config
import logging.handlers
import os
import queue
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, 'cfg.log')
OUT = io.StringIO()
Q = queue.Queue()
early = logging.getLogger('early.child')
keep = logging.getLogger('kept')
logging.config.dictConfig({
    'version': 1,
    'formatters': {'plain': {'format': '%(name)s:%(levelname)s:%(message)s'},
                   'brace': {'format': '{levelname}|{message}', 'style': '{'}},
    'handlers': {
        'rot': {'class': 'logging.handlers.RotatingFileHandler', 'filename': path,
                'maxBytes': 40, 'backupCount': 1, 'formatter': 'plain', 'level': 'INFO'},
        'out': {'class': 'logging.StreamHandler', 'stream': 'ext://__main__.OUT',
                'formatter': 'brace'},
        'q': {'class': 'logging.handlers.QueueHandler', 'queue': 'ext://__main__.Q'},
        'mem': {'class': 'logging.handlers.MemoryHandler', 'capacity': 5, 'target': 'out',
                'flushLevel': 40},
    },
    'loggers': {'app': {'handlers': ['rot', 'out', 'q'], 'level': 'DEBUG', 'propagate': False},
                'early': {'level': 'WARNING'},
                'buffered': {'handlers': ['mem'], 'propagate': False, 'level': 'DEBUG'}},
    'root': {'level': 'CRITICAL'},
})
app = logging.getLogger('app')
print([type(h).__name__ for h in app.handlers], app.level, early.disabled, keep.disabled)
print(sorted(logging._handlers.keys()), len([r for r in logging._handlerList if r() is not None]) >= 4)
for i in range(4):
    app.info('info number %d', i)
app.debug('debug only to out and queue')
buf = logging.getLogger('buffered')
buf.warning('buffered 1')
print(repr(OUT.getvalue()))
buf.error('flushes')
print(OUT.getvalue().splitlines())
print(sorted(os.listdir(d)), Q.qsize(), Q.get_nowait().getMessage())
logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'out': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'WARNING'}}})
print(logging._handlers['out'].level, app.level, [type(h).__name__ for h in app.handlers])
app.warning('now filtered by out')
app.error('passes out')
print(OUT.getvalue().splitlines()[-1])
logging.config.dictConfig({'version': 1, 'disable_existing_loggers': True,
                           'handlers': {'h': {'class': 'logging.NullHandler'}},
                           'root': {'handlers': ['h']}})
print(app.disabled, [type(h).__name__ for h in app.handlers], sorted(logging._handlers.keys()))
logging.shutdown()
ini = os.path.join(d, 'cfg.ini')
with open(ini, 'w') as f:
    f.write('''[loggers]
keys=root,svc
[handlers]
keys=rf,sh
[formatters]
keys=f
[logger_root]
level=WARNING
handlers=sh
[logger_svc]
level=DEBUG
handlers=rf
qualname=svc
propagate=0
[handler_rf]
class=handlers.RotatingFileHandler
args=('%(logfile)s', 'a', 60, 2)
formatter=f
[handler_sh]
class=StreamHandler
args=(sys.stdout,)
formatter=f
[formatter_f]
format=%(levelname)s %(name)s %(message)s
''')
logging.config.fileConfig(ini, defaults={'logfile': os.path.join(d, 'file.log')})
svc = logging.getLogger('svc')
for i in range(6):
    svc.debug('svc message %d', i)
logging.getLogger('other').warning('via root')
rf = svc.handlers[0]
print(type(rf).__name__, rf.maxBytes, rf.backupCount)
logging.shutdown()
print(sorted(n for n in os.listdir(d) if n.startswith('file')))
with open(os.path.join(d, 'file.log')) as f:
    print(f.read().splitlines())
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
