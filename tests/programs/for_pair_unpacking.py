# `for a, b in ...` over enumerate, zip and dict items: the pair's items
# reach every kind of target, the loops end, break and raise as in CPython.


def locals_targets(xs, d):
    total = 0
    for i, x in enumerate(xs):
        total += i * x
    for a, b in zip(xs, range(100)):
        total += a - b
    for k, v in d.items():
        total += len(k) * v
    return total


print(locals_targets([3, 1, 2] * 5, {"ab": 2, "cde": 4}))

# Module-level names, attributes, subscripts and starred targets.
for i, c in enumerate("xyz"):
    print(i, c)
print(i, c)


class Box:
    pass


box = Box()
cells = [None, None]
for box.key, cells[1] in {"a": 1, "b": 2}.items():
    print(box.key, cells)


def mixed(xs):
    out = {}
    for i, out[i] in enumerate(xs):
        pass
    return out


print(mixed("hello"))


def starred():
    got = []
    for i, (a, b) in enumerate(zip("ab", "cd")):
        got.append((i, a, b))
    for (i, x), y in zip(enumerate([5, 6]), [7, 8]):
        got.append((i, x, y))
    for i, (k, v) in enumerate({"q": 1}.items()):
        got.append((i, k, v))
    return got


print(starred())


def control(xs):
    seen = []
    for i, x in enumerate(xs):
        if x < 0:
            continue
        if x > 10:
            break
        seen.append((i, x))
    else:
        seen.append("no break")
    return seen


print(control([1, -2, 3]), control([1, 20, 3]))


def empty_and_start():
    out = []
    for i, x in enumerate([]):
        out.append(x)
    for a, b in zip([], [1]):
        out.append(a)
    for k, v in {}.items():
        out.append(k)
    for i, x in enumerate("ab", start=10):
        out.append((i, x))
    for i, x in enumerate("ab", -3):
        out.append((i, x))
    return out


print(empty_and_start())


def uneven():
    second = iter([10, 20, 30, 40])
    pairs = []
    for a, b in zip([1, 2], second):
        pairs.append((a, b))
    # zip stops at the shorter first without stepping the second again.
    return pairs, list(second)


print(uneven())


def changes_size():
    d = {1: 1, 2: 2}
    try:
        for k, v in d.items():
            d[k + 10] = v
    except RuntimeError as e:
        return str(e)


print(changes_size())


def values_change_ok():
    d = {1: 1, 2: 2, 3: 3}
    for k, v in d.items():
        d[k] = v * 10
    return d


print(values_change_ok())


def wrong_shape():
    try:
        for a, b in enumerate([(1, 2)]):
            pass
        for a, b, c in enumerate("xy"):
            pass
    except ValueError as e:
        return str(e)


print(wrong_shape())


def kept_items():
    # Items stay alive through the loop variables, not through a pair.
    import weakref

    class Item:
        pass

    items = [Item(), Item()]
    refs = [weakref.ref(it) for it in items]
    last = None
    for i, last in enumerate(items):
        pass
    del items
    return [r() is None for r in refs], last is not None


print(kept_items())


def pairs_escape():
    # A pair that is kept (not unpacked) is a real tuple each time.
    kept = [p for p in enumerate("ab")]
    kept += [p for p in zip("cd", "ef")]
    kept += [p for p in {"g": 1}.items()]
    return kept, [type(p).__name__ for p in kept]


print(pairs_escape())


def generator_source():
    def gen():
        yield 1
        yield 2

    out = []
    for i, x in enumerate(gen()):
        out.append(i + x)
    for a, b in zip(gen(), gen()):
        out.append(a * b)
    return out


print(generator_source())


def big():
    d = {i: i * i for i in range(1000)}
    total = 0
    for k, v in d.items():
        total += v - k
    for i, (a, b) in enumerate(zip(range(1000), range(0, 2000, 2))):
        total += i + a - b
    return total


print(big())
