# Every way into a dict with keys whose hash and equality are Python code
# (an instance with __hash__/__eq__, alone and inside tuples and
# frozensets): all must agree with each other.
import collections, copy, pickle

class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return f'K({self.v})'

def keys():
    return [K(1), (K(1), 'x'), ('y', (K(2), 3)), frozenset({K(4)})]

class Sub(dict):
    pass

class Slotted(dict):
    __slots__ = ('a',)

for cls in (dict, Sub, Slotted, collections.OrderedDict, collections.defaultdict):
    d = cls()
    out = []
    for i, k in enumerate(keys()):
        dict.__setitem__(d, k, i) if cls is not collections.OrderedDict else d.__setitem__(k, i)
    for i, k in enumerate(keys()):
        out.append((d[k], d.get(k), dict.get(d, k), k in d, dict.__contains__(d, k),
                    dict.__getitem__(d, k), d.setdefault(k, 'new')))
    k = keys()
    d.__delitem__(k[0]) if cls is collections.OrderedDict else dict.__delitem__(d, k[0])
    out.append((k[0] in d, len(d)))
    out.append(d.pop(keys()[1]))
    d.update({keys()[2]: 'updated'})
    out.append(d[keys()[2]])
    d2 = dict.fromkeys(keys(), 0)
    out.append(all(kk in d2 for kk in keys()))
    d3 = copy.copy(d)
    out.append([d3[kk] for kk in keys()[2:]])
    d4 = {keys()[1]: 'a'} | {keys()[1]: 'b'}
    out.append((len(d4), d4[keys()[1]]))
    c = collections.Counter([K(1), K(1), (K(2),), (K(2),)])
    out.append(sorted(c.values()))
    s = {keys()[1]}
    out.append((keys()[1] in s, len(s | {keys()[1]})))
    try:
        dict.__delitem__(d, K(99)) if cls is not collections.OrderedDict else d.__delitem__(K(99))
    except KeyError as e:
        out.append(('KeyError', e.args))
    print(cls.__name__, out)
