# sys.path edited by the program (insert, append, rebind), importlib.reload,
# a replaced builtins.__import__, and `import *` of a module without __all__.
import sys
import importlib
try:
    import vendored
except ModuleNotFoundError as e:
    print(e)
here = sys.path[0]
sys.path.insert(0, here + '/vendor')
import vendored
print(vendored.NAME, vendored.counter())
again = importlib.reload(vendored)
print(again is vendored, vendored.NAME, vendored.counter())
sys.path = [here + '/vendor/deps'] + sys.path
import deep_dep
print(deep_dep.VALUE)
from vendored import *
print(NAME, 'counter' in dir(), '_hidden' in dir())
import builtins, os
real_import = builtins.__import__
seen = []
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, tuple(fromlist or ()), level))
    return real_import(name, globals, locals, fromlist, level)
builtins.__import__ = tracing_import
import math
from os import path as p
builtins.__import__ = real_import
print(seen)
print(__import__('math').floor(3.7), __import__('os.path', fromlist=['join']).join('a', 'b'))
