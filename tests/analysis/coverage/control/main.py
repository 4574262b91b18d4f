import asyncio


def outer(n):
    scale = 2

    def inner(x):
        if x > n:
            return x * scale
        return x

    return [inner(i) for i in range(n + 2)]


async def fetch(value):
    await asyncio.sleep(0)
    if value:
        return value
    return None


async def gather():
    results = []
    for v in (0, 1):
        result = await fetch(v)
        results.append(result)
    return results


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        return kind is ZeroDivisionError


def nested(grid):
    found = None
    for row in grid:
        for cell in row:
            if cell < 0:
                found = cell
                break
        else:
            continue
        break
    return found


def guarded(x):
    try:
        if x == 0:
            return "zero"
        value = 10 / x
    except TypeError:
        return "type"
    else:
        value += 1
    finally:
        x = None
    return value


def spin(limit):
    i = 0
    while i < limit:
        i += 1
    else:
        i = -i
    return i


table = {k: v for k, v in zip("ab", (1, 2)) if v}
unique = {len(w) for w in ("a", "bb", "cc")}
label = "odd" if len(unique) % 2 else "even"
ordered = 1 < 2 < 3
with Quiet():
    1 / 0
print(outer(2), asyncio.run(gather()), nested([[1, 2], [3, -4]]))
print(guarded(0), guarded(4), spin(3))
print(table, unique, label, ordered)
