# typing.NamedTuple fields are the native readers collections.namedtuple
# uses: read-only, documented, pickled and copied as CPython's.
from typing import NamedTuple
import pickle, copy
class P(NamedTuple):
    x: int
    y: str = 'd'
p = P(1)
print(p, p.x, p.y, P.x.__doc__, type(P.x).__name__, P._fields, P._field_defaults)
try: p.x = 5
except AttributeError as e: print('AttributeError', e)
try: del p.x
except AttributeError as e: print('AttributeError', e)
print(pickle.loads(pickle.dumps(p)), copy.deepcopy(p), p._replace(x=3), p._asdict(), P._make([4, 'z']))
Q = NamedTuple('Q', [('a', int), ('b', int)])
print(Q(1, 2).b, Q.a.__doc__, Q.__annotations__)
class R(P):
    def total(self): return self.x * 2
print(R(5).total(), R(5).x)
print(P.x.__get__(None, P) is P.x)
