# Assigning a function's __code__: the function runs the new code.
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


print(add(5, 3))
add.__code__ = sub.__code__
print(add(5, 3), add.__name__, add.__code__ is sub.__code__)


def outer():
    x = 10

    def inner():
        return x

    return inner


inner = outer()
for bad in [5, sub.__code__]:
    try:
        inner.__code__ = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def counter():
    counter.n += 1
    return counter.n


counter.n = 0


def swap():
    counter.__code__ = (lambda: "replaced").__code__
    return "swapped"


print(counter(), counter(), swap(), counter())
