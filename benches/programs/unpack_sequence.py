# Sequence unpacking: ten-name assignments from tuples and lists, repeated
# many times per loop iteration, plus rotations by unpacking and repacking,
# starred targets and nested targets.
#
# Checked results: each loop's total equals its closed form, and ten
# rotations of ten items give the items back.


def unpack_tuples(t, rounds):
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def unpack_lists(items, rounds):
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        a, b, c, d, e, f, g, h, i, j = items
        total += b * e
    return total


def rotate(t, rounds):
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = t
        t = b, c, d, e, f, g, h, i, j, a
        a, b, c, d, e, f, g, h, i, j = t
        t = [b, c, d, e, f, g, h, i, j, a]
    return t


def swaps(rounds):
    x, y, z = 1, 2, 3
    total = 0
    for _ in range(rounds):
        x, y, z = y, z, x
        x, y = y, x
        y, z = z, y
        x, y, z = z, x, y
        total += x
    return total


def starred_and_nested(pairs, rounds):
    heads = 0
    middles = 0
    nested = 0
    for _ in range(rounds):
        first, *middle, last = pairs
        heads += first[0] + last[1]
        middles += len(middle)
        (a, b), (c, d), *rest = pairs
        nested += a + b + c + d
        for x, y in pairs:
            nested += x - y
    return heads, middles, nested


def main():
    t = tuple(range(1, 11))
    rounds = 450000
    total = unpack_tuples(t, rounds)
    print("tuples", total, "closed form:", total == rounds * (1 + 10))
    total = unpack_lists(list(t), rounds)
    print("lists", total, "closed form:", total == rounds * 2 * 5)
    back = rotate(t, 180000)   # 360000 single rotations: a multiple of 10
    print("rotations give the items back:", list(back) == list(t), type(back).__name__)
    print("partly rotated", tuple(rotate(t, 3)))
    total = swaps(315000)
    # One round takes (x, y, z) to (y, z, x): x runs through 2, 3, 1.
    print("swaps", total, "closed form:", total == 105000 * (2 + 3 + 1))
    pairs = [(i, 2 * i) for i in range(1, 7)]
    heads, middles, nested = starred_and_nested(pairs, 225000)
    print("starred", heads, middles, "nested", nested)
    print("closed forms:", heads == 225000 * (1 + 12), middles == 225000 * 4,
          nested == 225000 * (1 + 2 + 2 + 4 - 21))
    print("checksum", (heads * 7 + middles * 11 + nested) % 1000000007)


main()
