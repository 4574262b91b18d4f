# Closures, defaults, keyword arguments, *args/**kwargs, decorators, recursion.
def make_counter(start=0):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


counter = make_counter(10)
counter()
print(counter(5))


def describe(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={sorted(kwargs.items())}"


print(describe(1, c=3))
print(describe(1, 2, 3, 4, c=5, e=6, f=7))
print(describe(*[1, 2], **{"c": 9, "z": 0}))


def pos_only(x, y, /, z):
    return x + y + z


print(pos_only(1, 2, z=3))


def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result

    return wrapper


@trace
def add(x, y):
    return x + y


add(2, 3)

total = 0


def accumulate(values):
    global total
    for v in values:
        total += v


accumulate(range(5))
print(total)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30), (lambda *a: len(a))(1, 2, 3))
adders = [lambda v, k=k: v + k for k in range(3)]
print([f(10) for f in adders])
