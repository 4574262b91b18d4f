# Folded constants take the position of the expression they replace; the
# parts that do not fold keep theirs, so the markers fall where python3's do.
LIMITS = (1, -2, 3 ** 2)


def scale(values):
    return values[0] + (2 ** 8) * (-1 / 0)


def pick(index):
    return ('a', 'b') * 2 + (index,) + LIMITS[index]


try:
    scale(LIMITS)
except ZeroDivisionError as e:
    print("caught", e)
print(pick(1))
