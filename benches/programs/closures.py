# Closures and higher-order calls: counters, composition, map/filter, callbacks.


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count
    return bump


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def adder(n):
    return lambda x: x + n


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def fold(f, acc, items):
    for item in items:
        acc = f(acc, item)
    return acc


counters = [make_counter(s) for s in range(1, 6)]
for i in range(200000):
    counters[i % 5]()
counts = [c() for c in counters]

inc_twice = compose(adder(1), adder(2))
scaled = compose(lambda x: x * 3 % 1000003, inc_twice)
value = apply_n(scaled, 800000, 1)

data = list(range(500000))
evens = list(filter(lambda v: v % 2 == 0, data))
squares = list(map(lambda v: v * v % 997, evens))
total = fold(lambda a, b: (a + b) % 1000000007, 0, squares)
biggest = max(data, key=lambda v: (v * 7919) % 10007)

handlers = {}


def on(name):
    def register(fn):
        handlers[name] = fn
        return fn
    return register


@on("double")
def double(x):
    return 2 * x


@on("square")
def square(x):
    return x * x


acc = 0
names = ["double", "square"]
for i in range(300000):
    acc = (acc + handlers[names[i & 1]](i)) % 1000003

print("counters", counts)
print("value", value)
print("fold", total, biggest)
print("handlers", acc)
