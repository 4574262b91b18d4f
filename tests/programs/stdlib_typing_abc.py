# typing's abstract collections: mixin methods for user subclasses and isinstance checks.
from typing import Mapping, MutableMapping, Sequence, MutableSequence, Iterator, Iterable
class Cfg(Mapping[str, int]):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(self._d)
c = Cfg({'a': 1, 'b': 2})
print(c.get('a'), c.get('z', 0), 'a' in c, 'z' in c, sorted(c.keys()), sorted(c.items()), sorted(c.values()), c == {'a': 1, 'b': 2}, isinstance(c, Mapping), len(c))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(self._d)
s = Store(); s.update({'x': 1}, y=2); s.setdefault('z', 3)
print(dict(s.items()), s.pop('x'), s.pop('q', None), len(s), isinstance(s, MutableMapping), isinstance(s, Mapping))
class Seq(Sequence[int]):
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
    def __len__(self): return 3
q = Seq()
print(list(q), 20 in q, q.index(20), q.count(10), list(reversed(q)), isinstance(q, Sequence), isinstance(q, Iterable))
class MSeq(MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)
m = MSeq(); m.append(1); m.extend([2, 3]); m.reverse(); m += [9]
print(list(m), m.pop(), list(m), m.index(2))
class Counter3(Iterator[int]):
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Counter3()), isinstance(Counter3(), Iterator))
class Unrelated:
    def __getitem__(self, k): return 1
    def __len__(self): return 0
    def __iter__(self): return iter([])
print(isinstance(Unrelated(), Cfg), isinstance(Unrelated(), Mapping), isinstance(Unrelated(), Iterable))
