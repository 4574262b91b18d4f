# `-m package`: the package is imported, then its __main__ runs as __main__.
import sys
from . import helper
from .helper import twice
print("tool main", __name__, __package__, __spec__.name, sys.argv[1:], helper.X, twice(4))
print(sys.argv[0].endswith('/tool/__main__.py'), __file__ == sys.argv[0])
print(sys.modules['__main__'].__name__, 'tool.__main__' in sys.modules, 'tool' in sys.modules)
