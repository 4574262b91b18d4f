# importlib.util: finding a spec without importing, and loading a module
# from a file by hand (the plugin-loader pattern).
import importlib
import importlib.util
import sys
print(importlib.util.find_spec('nothing_like_this'))
spec = importlib.util.find_spec('helper')
print(spec.name, spec.origin.rsplit('/', 1)[1], spec.parent == '', 'helper' in sys.modules)
print(importlib.util.find_spec('sys').origin, importlib.util.find_spec('os') is not None)
here = __file__.rsplit('/', 1)[0]
spec = importlib.util.spec_from_file_location('plugin_one', here + '/plugins/one.py')
module = importlib.util.module_from_spec(spec)
print(module.__name__, module.__file__.rsplit('/', 1)[1], hasattr(module, 'run'), 'plugin_one' in sys.modules)
spec.loader.exec_module(module)
print(module.run(), module.__name__)
sys.modules['plugin_one'] = module
import plugin_one
print(plugin_one is module)
print(importlib.import_module('helper').VALUE, 'helper' in sys.modules)
print(importlib.util.find_spec('helper').name)
