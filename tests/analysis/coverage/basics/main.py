"""A module docstring."""
import functools


def decorate(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args)
    return wrapper


@decorate
def classify(n):
    """Says what n is."""
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    if n > 100 and n % 2 == 0:
        return "big even"
    return "positive"


def never_called(x):
    y = x * 2
    return y


def loops(items):
    total = 0
    for item in items:
        if item:
            total += item
    while total > 10:
        total -= 10
    return total


class Shape:
    sides = 0

    def area(self):
        return 0

    def name(self):
        return "shape"


def risky(d):
    try:
        value = d["key"]
    except KeyError:
        value = None
    finally:
        done = True
    return value


result = [classify(n) for n in (-1, 0, 5)]
print(result,
      loops([1, 2, 0]))
print(Shape().name(), risky({"key": 1}))
squares = list(map(lambda v: v * v,
                   range(3)))
if squares:
    print(squares)
else:
    print("empty")
