def loop_forever(items):
    for item in items:  # pragma: no branch
        if item:
            return item


def check(x):
    if x > 0:  # pragma: no branch
        x -= 1
    while x:  # pragma: no branch
        x -= 1
    if x == 0:
        return "zero"
    return x


print(loop_forever([0, 1]), check(3))
