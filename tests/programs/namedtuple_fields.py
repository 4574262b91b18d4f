# Named tuple fields are `_tuplegetter` descriptors read directly by
# LOAD_ATTR: reads, errors, subclasses with properties and __getattr__,
# and a field replaced on the class after its reads were cached.
from collections import namedtuple
P = namedtuple('P', 'x y', defaults=[5])
p = P(1)
print(p, p.x, p.y, P.x.__doc__, type(P.x).__name__, P.x.__get__(p), P.x.__get__(None, P) is P.x)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    del p.x
except AttributeError as e:
    print('AttributeError', e)
q = tuple.__new__(P, [7])
try:
    q.y
except IndexError as e:
    print('IndexError', e)
class Q(P):
    @property
    def total(self):
        return self.x + self.y
    def __getattr__(self, name):
        return 'missing ' + name
q = Q(3, 4)
print(q.total, q.x, q.nothing, q._asdict(), q._replace(x=9))
try:
    P.x.__get__(5)
except TypeError as e:
    print('TypeError', e)
P.x = property(lambda self: 'replaced')
print(p.x)
for i in range(3):
    print(p.y, q.y)
