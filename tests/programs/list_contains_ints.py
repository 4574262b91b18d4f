# `int in list`: equal ints, bools and floats are found; strs, bytes,
# containers, None and big ints never equal an int; an item whose class
# defines __eq__ is asked, in order, as CPython's list_contains does.
import array


class Loud(int):
    def __eq__(self, other):
        print("  Loud.__eq__", int(self), other)
        return int(self) == other

    __hash__ = int.__hash__


big = 2**70
cases = [
    (1, [1, 2, 3]),
    (5, [1, 2, 3]),
    (1, [True]),
    (0, [False, "a"]),
    (2, [True, 2.0]),
    (3, [1.0, 3.0]),
    (3, ["3", b"3", (3,), [3], {3: 3}, None, ...]),
    (1, [1 + 0j]),
    (2, [2j]),
    (7, [0] * 5 + [7]),
    (7, [0] * 5),
    (1, [True] * 3),
    (2, [True, False]),
    (5, [Loud(5)]),
    (5, [1, Loud(9), 5]),
    (5, [big, 5]),
    (big, [big]),
    (-1, list(range(-5, 5))),
    (2**53 + 1, [float(2**53)]),
    (10, list(range(100))),
    (3, [array.array("i", [3]), frozenset([3]), {3}]),
]
for x, items in cases:
    print(x in items, x not in items)


def grow():
    found = 0
    cells = [[] for _ in range(10)]
    for i in range(200):
        cells[i % 10].append(i % 7)
        if 3 in cells[i % 10]:
            found += 1
    return found


print(grow())
