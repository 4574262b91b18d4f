# Iterators that yield pairs reuse their last pair only when nothing else
# holds it: pairs kept by the program stay as they were.
d = {'a': 1, 'b': 2, 'c': 3}
kept = [p for p in d.items()]
print(kept, len(set(map(id, kept))) == len(kept))
it = iter(d.items())
first = next(it)
second = next(it)
print(first, second, first is not second)

a = [1, 2, 3]
b = 'xyz'
print(list(enumerate(zip(a, b))))
held = []
for pair in enumerate(zip(a, b)):
    held.append(pair)
print(held)
inner = []
for j, p in enumerate(zip(a, a)):
    inner.append(p)
print(inner, [id(p) for p in inner].count(id(inner[0])))
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
print(list(enumerate(d.items(), 10)))
print(dict(enumerate(d)))
z = zip(range(3), range(10, 13))
print(next(z), list(enumerate(z)))

try:
    for i, (k, v) in enumerate(d.items()):
        d['new%d' % i] = v
except RuntimeError as e:
    print('RuntimeError', e)

grow = {1: 1}
try:
    for k, v in grow.items():
        grow[k + 1] = v
except RuntimeError as e:
    print('RuntimeError', e)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


noisy = {'x': Noisy('first'), 'y': Noisy('second')}
for k, v in noisy.items():
    print('visit', k)
del k, v
noisy.clear()
print('cleared')
e = enumerate(zip([Noisy('p')], [Noisy('q')]))
print(next(e)[1][0].name)
del e
print('end')
