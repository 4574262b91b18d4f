# Comprehensions, generators, lambdas, decorators and with statements each
# add their frame; f-string fields are marked inside the string.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@logged
def scale(values, factor):
    return {k: v * factor for k, v in values.items()}


def evens(limit):
    yield from (n for n in range(limit) if n % 2 == 0 or n.missing)


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise OSError("exit failed")


def guarded():
    with Guard():
        return 1


try:
    scale({"a": 1, "b": None}, 2)
except TypeError:
    try:
        list(evens(5))
    except AttributeError:
        try:
            guarded()
        except OSError:
            label = (lambda x: f"value: {x / 0:.2f}")
            print(label(3))
