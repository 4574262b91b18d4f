# logging.config.fileConfig with file names, file objects and ConfigParser.
import io
import os
import sys
import tempfile
import configparser
import logging
import logging.config

INI = """
[loggers]
keys=root,app,quiet

[handlers]
keys=out,mem

[formatters]
keys=simple,braced

[logger_root]
level=WARNING
handlers=out

[logger_app]
level=DEBUG
handlers=out
propagate=0
qualname=app

[logger_quiet]
level=ERROR
handlers=
qualname=quiet.part

[handler_out]
class=StreamHandler
level=DEBUG
formatter=simple
args=(sys.stdout,)

[handler_mem]
class=handlers.MemoryHandler
args=(10,)
kwargs={'flushLevel': ERROR}
target=out
formatter=braced

[formatter_simple]
format=%(levelname)s %(name)s: %(message)s

[formatter_braced]
format={levelname}/{message}
style={
class=logging.Formatter
"""

existing = logging.getLogger('existing')
child = logging.getLogger('app.child')
child.setLevel(logging.CRITICAL)

d = tempfile.mkdtemp()
path = os.path.join(d, 'log.ini')
with open(path, 'w') as f:
    f.write(INI)

logging.config.fileConfig(path)
logging.getLogger('app').debug('app debug')
logging.getLogger('app.child').info('child info')
logging.getLogger().info('root info hidden')
logging.getLogger().warning('root warning')
logging.getLogger('quiet.part').warning('hidden')
logging.getLogger('quiet.part').error('quiet error')
print('existing disabled:', existing.disabled, 'child level:', child.level)
print(sorted(logging.getLogger('app').handlers[0].name for _ in [0]))
print(logging.getLogger('quiet.part').propagate, logging.getLogger('app').propagate)

# again from a file object, keeping existing loggers
existing2 = logging.getLogger('existing2')
with open(path) as f:
    logging.config.fileConfig(f, disable_existing_loggers=False)
print('existing2 disabled:', existing2.disabled)
existing2.warning('through root')

# from a ConfigParser, with defaults
cp = configparser.ConfigParser({'lvl': 'INFO'})
cp.read_string("""
[loggers]
keys=root

[handlers]
keys=h

[formatters]
keys=

[logger_root]
level=%(lvl)s
handlers=h

[handler_h]
class=logging.StreamHandler
args=(sys.stdout,)
""")
logging.config.fileConfig(cp)
logging.info('plain info message')
logging.debug('not shown')
print(logging.getLogger().level)

for bad in [os.path.join(d, 'missing.ini')]:
    try:
        logging.config.fileConfig(bad)
    except Exception as e:
        print(type(e).__name__, str(e).replace(d, 'DIR'))
empty = os.path.join(d, 'empty.ini')
open(empty, 'w').close()
try:
    logging.config.fileConfig(empty)
except Exception as e:
    print(type(e).__name__, str(e).replace(d, 'DIR'))
junk = os.path.join(d, 'junk.ini')
with open(junk, 'w') as f:
    f.write('[loggers]\nkeys=root\n')
try:
    logging.config.fileConfig(junk)
except Exception as e:
    print(type(e).__name__, e)
try:
    logging.config.fileConfig(io.StringIO('no header\n'))
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0].split('>')[-1])
print(callable(logging.config.listen), logging.config.stopListening())
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
