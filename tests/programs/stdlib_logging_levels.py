# Levels: names and numbers, registering names, checking levels, the
# effective level and the cache, disable().
import logging

print(logging.getLevelNamesMapping())
print(list(logging._levelToName.items()))
for value in [0, 10, 20, 30, 40, 50, 'DEBUG', 'WARN', 'FATAL', 25, 'nope', None]:
    print(repr(value), '->', repr(logging.getLevelName(value)))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))
print(logging.getLevelNamesMapping()['NOTICE'], logging._levelToName[25])
m = logging.getLevelNamesMapping()
m['X'] = 1
print('X' in logging._nameToLevel)

for bad in ['NOPE', None, 1.5, [10], 'debug']:
    try:
        print(logging._checkLevel(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(logging._checkLevel('INFO'), logging._checkLevel(7), logging._checkLevel(True))

lg = logging.getLogger('levels.a')
child = logging.getLogger('levels.a.b')
print(lg.level, lg.getEffectiveLevel(), child.getEffectiveLevel())
lg.setLevel('INFO')
print(lg.level, child.getEffectiveLevel(), child.isEnabledFor(10), child.isEnabledFor(20))
print(sorted(child._cache.items()))
lg.setLevel(logging.ERROR)
print(child._cache, child.isEnabledFor(30), child.isEnabledFor(40))
for bad in ['LOUD', object]:
    try:
        lg.setLevel(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at ')[0])
print(repr(lg), repr(child), repr(logging.getLogger()))
logging.disable()
print(logging.root.manager.disable, child.isEnabledFor(50))
logging.disable(logging.WARNING)
print(child.isEnabledFor(40), child.isEnabledFor(30))
logging.disable(logging.NOTSET)
print(child.isEnabledFor(40))
try:
    logging.disable('LOUD')
except ValueError as e:
    print('ValueError', e)
logging.root.manager.disable = 'INFO'
print(logging.root.manager.disable)
logging.disable(0)
child.disabled = True
print(child.isEnabledFor(50))
child.disabled = False
h = logging.Handler('WARNING')
print(h.level, repr(h))
h.setLevel(5)
print(repr(h))
try:
    logging.Handler('SOFT')
except ValueError as e:
    print(e)
try:
    lg.log('INFO', 'x')
except TypeError as e:
    print('TypeError', e)
logging.raiseExceptions = False
print(lg.log('INFO', 'x'))
logging.raiseExceptions = True
print(logging.WARN, logging.FATAL, logging.NOTSET)
