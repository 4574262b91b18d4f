# Modules and packages beside the script: plain, dotted and relative
# imports, `as`, `from ... import *` with and without __all__, sys.modules,
# importlib, and the errors a missing name or module gives.
import helper
print(helper.VALUE, helper.__name__, helper.__file__.rsplit('/', 1)[1])
import pkg.sub.leaf as leaf
import pkg.sub
print(leaf.name(), pkg.__name__, pkg.sub.__package__, leaf.__package__)
from pkg import util
print(util.x, util.sub is pkg.sub)
from pkg.sub import leaf as again
print(again is leaf)
import sys
print('helper' in sys.modules, sys.modules['pkg.sub'] is pkg.sub, sys.modules['__main__'].__name__)
print(repr(helper).startswith("<module 'helper' from '"), repr(helper).endswith("helper.py'>"))
print(type(helper.__spec__).__name__, helper.__spec__.name, pkg.__spec__.parent, leaf.__spec__.parent)
print(helper.__spec__.origin == helper.__file__, pkg.__spec__.submodule_search_locations == pkg.__path__)
print(pkg.__file__.endswith('/pkg/__init__.py'), [p.rsplit('/', 1)[1] for p in pkg.__path__])
print(hasattr(helper, '__path__'), helper.__package__ == '', pkg.__package__)
from pkg.sub.leaf import *
print(public, '_private' in dir(), 'name' in dir())
from pkg.shapes import *
print(sorted(n for n in dir() if n[0].isupper()))
try:
    import nothere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import helper.x
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from helper import nope
except ImportError as e:
    print(str(e).split(' (')[0], e.name, e.path == helper.__file__)
try:
    from pkg import nothing_here
except ImportError as e:
    print(str(e).split(' (')[0])
import importlib
print(importlib.import_module('pkg.sub.leaf') is leaf, importlib.import_module('.util', 'pkg') is util)
print(importlib.import_module('..util', 'pkg.sub') is util)
try:
    importlib.import_module('.util')
except TypeError as e:
    print(e)
print(__import__('pkg.sub') is pkg, __import__('pkg.sub', fromlist=['leaf']) is pkg.sub)
del sys.modules['helper']
import helper as fresh
print(fresh is helper, fresh.VALUE)
print(__name__, __package__, __spec__)
