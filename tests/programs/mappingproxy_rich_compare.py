# A mappingproxy's six comparisons are its mapping's (whatever they return).
from types import MappingProxyType
class D(dict):
    def __lt__(self, other): return "D.__lt__"
    def __ne__(self, other): return "D.__ne__"
p = MappingProxyType(D())
print(p < {}, p != {}, p == {}, MappingProxyType({1: 2}) == {1: 2}, MappingProxyType({1: 2}) != {1: 2})
print(MappingProxyType({}) == MappingProxyType({}), MappingProxyType({1: 2}) != MappingProxyType({1: 3}))
for op in ('<', '<=', '>', '>='):
    try: eval(f"MappingProxyType({{}}) {op} {{}}")
    except TypeError as e: print(e)
print({} == MappingProxyType({}), [] != MappingProxyType({}))
