import helper
from helper import Counter


def search(items, target):
    for index, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return index


def numbers(limit):
    n = 0
    while n < limit:
        n += 1
        if n % 3 == 0:
            continue
        yield n


def describe(value):
    match value:
        case 0:
            return "zero"
        case [x, y]:
            return f"pair {x} {y}"
        case str():
            return "text"
        case _:
            return "other"


def cleanup(flag):
    try:
        if flag:
            raise ValueError("bad")
        result = "ok"
    except ValueError as err:
        result = str(err)
    else:
        result += "!"
    finally:
        pass
    return result


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


with Resource() as r:
    value = helper.clamp(15, 0, 10)

assert value == 10, "clamped"
evens = [n for n in numbers(10) if n % 2 == 0]
total = sum(x * 2 for x in evens)
found = search([1, 2, 3], 2), search([], 9)
kinds = [describe(v) for v in (0, [1, 2], "s")]
c = Counter().bump().bump(by=3)
outcome = (cleanup(True), cleanup(False))
check = (lambda a:
         a + 1)(c.doubled)
while True:
    total -= 1
    if total < 5:
        break
if total > 100:
    print("big")
elif total < 0:
    print("negative")
print(evens, total, found, kinds, c.count, outcome, check,
      Counter.label(3))
