import copy
import pickle

for make in [lambda: iter('abc'), lambda: iter('héllo'), lambda: iter([1, 2, 3]), lambda: iter((1, 2)),
             lambda: iter(b'ab'), lambda: reversed([1, 2, 3]), lambda: iter({1: 2, 3: 4}),
             lambda: iter({1: 2, 3: 4}.values()), lambda: iter({1: 2, 3: 4}.items()), lambda: iter({5})]:
    it = make()
    next(it)
    reduced = it.__reduce__()
    print(type(it).__name__, reduced[0] is iter, reduced[1:])
    again = pickle.loads(pickle.dumps(it))
    print(' ', list(again), list(copy.copy(it)), list(it))
    print(' ', it.__reduce__()[1:])

r = iter(range(2, 20, 3))
next(r)
print(list(pickle.loads(pickle.dumps(r))), list(r))

s = "你好"
i = iter(s)
i.__setstate__(1)
print(next(i), i.__reduce__()[1:])
it = iter('abcd')
it.__setstate__(-3)
print(next(it))
it.__setstate__(99)
print(list(it))
it = iter([1, 2])
list(it)
it.__setstate__(0)
print(list(it))
for bad in ['x', 1.5]:
    try:
        iter('ab').__setstate__(bad)
    except TypeError as e:
        print('TypeError', e)
it = reversed([1, 2, 3])
it.__setstate__(0)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(1)
print(list(it))
done = iter('ab')
print(list(done), done.__reduce__()[1:], list(iter([])), iter([]).__reduce__()[1:])
e = iter(range(3))
list(e)
print(list(pickle.loads(pickle.dumps(e))))
