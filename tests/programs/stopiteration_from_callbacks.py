import itertools
def f(x):
    if x == 0:
        raise StopIteration
    return x
print(list(filter(f, [1, 2, 0, 4])))
print(list(map(f, [1, 2, 0, 4])))
m = map(f, [1, 0, 3, 0, 5])
print(list(m), list(m), list(m))
for x in map(f, [7, 0, 9]):
    print("loop", x)
print(sum(map(f, [1, 2, 0, 4])), sorted(filter(f, [3, 1, 0, 2])))
print(list(itertools.starmap(lambda a, b: f(a) + b, [(1, 1), (0, 0), (2, 2)])))
print(list(itertools.takewhile(f, [1, 2, 0, 4])))
def g():
    yield from map(f, [1, 0, 2])
print(list(g()))
try:
    next(map(f, [0]))
except StopIteration:
    print("next raised StopIteration")
