# Dict and set lookups: the very same key is found without asking __eq__,
# an equal key of the same hash asks it, and keys equal across types (1,
# 1.0, True) or equal strs that are distinct objects find each other, in
# small and large tables.

calls = []


class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        calls.append((self.name, getattr(other, 'name', other)))
        return isinstance(other, Key) and self.h == other.h and self.name[0] == other.name[0]


for size in (3, 40):
    calls.clear()
    d = {i: i for i in range(size)}
    a = Key('a1', 7)
    d[a] = 'A'
    print(size, 'same key:', d[a], a in d, calls)
    a2 = Key('a2', 7)
    print(size, 'equal key:', d[a2], a2 in d, calls)
    calls.clear()
    b = Key('b1', 7)
    print(size, 'same hash, unequal:', b in d, d.get(b), calls)
    calls.clear()
    d[b] = 'B'
    print(size, 'inserted beside:', d[b], d[a], len(d), calls)
    print(size, 'numbers:', d[1.0], d[True], 1.0 in d, 2.5 in d, d.get(-1))
    s1 = ''.join(['ab', 'cd'])
    s2 = ''.join(['a', 'bcd'])
    d[s1] = 'S'
    print(size, 'equal strs:', s1 is s2, d[s2], s2 in d, 'abce' in d)

    class S(str):
        def __eq__(self, other):
            calls.append(('S', other))
            return str.__eq__(self, other)

        __hash__ = str.__hash__

    calls.clear()
    print(size, 'str subclass key:', d[S('abcd')], S('zz') in d, calls)
    nan = float('nan')
    d[nan] = 'N'
    print(size, 'nan:', d[nan], nan in d, float('nan') in d)
    del d[a]
    print(size, 'after del:', a in d, d.get(a2), len(d))
    calls.clear()
    st = set(d) | {a}
    print(size, 'set:', a in st, a2 in st, b in st, 'abcd' in st, 1.0 in st, calls[:3])


class Boom:
    def __hash__(self):
        return 1005

    def __eq__(self, other):
        raise RuntimeError('compared')


x = Boom()
d = {5: 'five', x: 'boom'}
print('identical boom key:', d[x], x in d)
try:
    Boom() in d
except RuntimeError as e:
    print('other boom key raises:', e)
