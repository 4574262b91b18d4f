# pprint's shortcuts: dict sorting by plain keys, the readable and
# recursive answers, subclasses that override format()/_safe_repr().
import pprint


class Key:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f'Key({self.n})'

    def __lt__(self, other):
        return self.n > other.n  # reversed order


class MyInt(int):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


class Shouty(list):
    def __repr__(self):
        return 'SHOUTY'


samples = [
    {3: 'c', 1: 'a', 2: 'b'},
    {'b': 1, 'a': 2, 'c': [3, {'z': 1, 'y': 2}]},
    {1: 'int', 'a': 'str', None: 'none', (1, 2): 'tuple', 2.5: 'float'},
    {True: 'bool', 2: 'int', 1.5: 'float'},
    {Key(1): 1, Key(3): 3, Key(2): 2},
    {MyInt(5): 'five', 3: 'three', MyInt(4): 'four'},
    {float('nan'): 1, 0.5: 2, -1.0: 3},
    {(2, 1): 'a', (1, 2): 'b', (1,): 'c'},
    [MyInt(7), MyList([1, 2]), MyDict(b=1, a=2), Shouty([1])],
    ('single',), (), [], {}, set(), frozenset({3, 1, 2}),
    [10 ** 12, -3, 2.0, 'x', b'y', None, True],
    {'deep': [[[[['bottom']]]]], 'k' * 30: 'v' * 30, 'z': list(range(30))},
]

for obj in samples:
    print(pprint.saferepr(obj))
    print(pprint.isreadable(obj), pprint.isrecursive(obj))
    print(pprint.pformat(obj, width=30))
    print(pprint.pformat(obj, depth=2, sort_dicts=False))
    print(pprint.pformat(obj, underscore_numbers=True, compact=True, width=20))

loop = [1, 2]
loop.append(loop)
d = {'self': None}
d['self'] = d
for obj in (loop, d, [loop, d], (loop,)):
    text = pprint.saferepr(obj)
    print(text.split(' with id=')[0], pprint.isreadable(obj),
          pprint.isrecursive(obj))

shared = [1, 2]
print(pprint.saferepr([shared, shared, {'a': shared}]))


class HexInts(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if type(object) is int:
            return hex(object), True, False
        return super().format(object, context, maxlevels, level)


class Tagged(pprint.PrettyPrinter):
    def _safe_repr(self, object, context, maxlevels, level):
        rep, readable, recursive = super()._safe_repr(object, context,
                                                      maxlevels, level)
        if isinstance(object, str):
            rep = 'S' + rep
        return rep, readable, recursive


class Plain(pprint.PrettyPrinter):
    pass


data = {'nums': [255, 16, (1, 2)], 'name': 'x', 'sub': {10: 'ten'}}
for cls in (HexInts, Tagged, Plain):
    printer = cls(width=24)
    print(cls.__name__, printer.pformat(data))
    print(cls.__name__, printer.isreadable(data), printer.isrecursive(data))
    print(cls.__name__, printer._safe_repr(data, {}, None, 0))
