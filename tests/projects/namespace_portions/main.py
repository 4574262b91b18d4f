# A namespace package with portions in two sys.path entries (PEP 420), and
# a relative import in a script (no parent package).
import sys
sys.path += ['p1', 'p2']
import nsp.a, nsp.b
print(nsp.a.A, nsp.b.B, [p.rsplit('/', 2)[-2:] for p in nsp.__path__], all(p.startswith('/') for p in nsp.__path__))
try:
    from . import x
except ImportError as e:
    print(e, e.name)
