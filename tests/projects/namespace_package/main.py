# A folder without __init__.py is a namespace package (PEP 420).
import nsp
print(nsp.__file__, [p.rsplit('/', 1)[1] for p in nsp.__path__])
print(nsp.__spec__.origin, nsp.__package__, nsp.__spec__.submodule_search_locations is not None)
import nsp.mod
print(nsp.mod.Y, nsp.mod.__package__)
from nsp.inner import deep
print(deep.Z, deep.__name__)
try:
    from nsp import nothing
except ImportError as e:
    print(e)
