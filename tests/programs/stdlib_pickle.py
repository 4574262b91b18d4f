# pickle.dumps bytes for builtin values under every protocol, and round
# trips through loads (values, shared and recursive references).
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and vars(other) == vars(self)


shared = (1, 2)
recursive_list = [1]
recursive_list.append(recursive_list)
recursive_dict = {'k': 1}
recursive_dict['self'] = recursive_dict

values = [
    None, True, False,
    0, 1, 255, 256, 65535, 65536, -1, -256, 2**31 - 1, 2**31, -2**31,
    -2**31 - 1, 2**63, -2**64, 2**100, -(2**100), 2**2100,
    0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, float('inf'), float('-inf'),
    '', 'a', 'hello world', 'caf\xe9', '\u20ac\u4e2d', '\U0001f600',
    'line\nbreak\r\\ and \0 nul \x1a', 'x' * 300,
    b'', b'abc', b'\x00\xff\n', b'x' * 300,
    bytearray(), bytearray(b'ab'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), (None, True, 'a'),
    [], [1], [1, 2], [[], [[]]], list(range(20)),
    {}, {'a': 1}, {'a': 1, 'b': [1, 2]}, {1: 'one', (1, 2): None},
    set(), {1}, frozenset(), frozenset([7]), {(1, 2)},
    1 + 2j, complex(0, -1.5), range(3), range(1, 10, 3), slice(1, 2),
    slice(None, -1, 2),
    [shared, shared], ['abc', 'abc'], [recursive_list],
    recursive_list, recursive_dict,
    Point(1, 'x'), [Point(1, 2), Point(3, 4)],
    len, abs, Point, int, object, type(None), NotImplemented, ...,
    type(NotImplemented), type(...), ValueError, KeyError('k'),
    list(range(1001)), {i: i * i for i in range(5)},
]

for index, value in enumerate(values):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            data = pickle.dumps(value, proto)
        except Exception as e:
            print(index, proto, type(e).__name__, e)
            continue
        if len(data) > 160:
            print(index, proto, len(data), data[:60], data[-40:])
        else:
            print(index, proto, data)

print('default', pickle.dumps([1, 'a']) == pickle.dumps([1, 'a'], 4))
print('negative', pickle.dumps(1, -1) == pickle.dumps(1, 5))


def same(a, b):
    if isinstance(a, float) and a != a:
        return b != b
    if type(a) in (list, tuple) and type(b) is type(a):
        return len(a) == len(b) and all(
            x is a or same(x, y) for x, y in zip(a, b))
    if type(a) is dict and type(b) is dict:
        return a.keys() == b.keys() and all(
            a[k] is a or same(a[k], b[k]) for k in a)
    if type(a) is slice:
        return (a.start, a.stop, a.step) == (b.start, b.stop, b.step)
    return type(a) is type(b) and a == b


for index, value in enumerate(values):
    results = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(value, proto))
        if value is recursive_list:
            results.append(back[1] is back)
        elif value is recursive_dict:
            results.append(back['self'] is back)
        elif isinstance(value, BaseException):
            results.append((type(back), back.args) == (type(value), value.args))
        else:
            results.append(same(value, back))
    print('roundtrip', index, results)

for proto in range(6):
    back = pickle.loads(pickle.dumps([shared, shared, [shared]], proto))
    print('shared', proto, back[0] is back[1] is back[2][0], back[0])
    a = []
    b = [a, a]
    c = {'x': b, 'y': b}
    back = pickle.loads(pickle.dumps(c, proto))
    print('nested shared', proto, back['x'] is back['y'],
          back['x'][0] is back['x'][1])
    t = ([],)
    t[0].append(t)
    back = pickle.loads(pickle.dumps(t, proto))
    print('tuple cycle', proto, back[0][0] is back)
