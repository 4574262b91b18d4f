# Two loads followed by an operator, a subscript or a store run as one step
# in the dispatch loop; each shape here also has a case that must leave the
# fast path (overflow, wrong types, index errors, unbound locals).


def pairs(a, b):
    # LOAD_FAST + LOAD_FAST + BINARY_OP, with and without STORE_FAST after.
    s = a + b
    d = a - b
    p = a * b
    return s, d, p, a // b if b else None, a % b if b else None


print(pairs(7, 3), pairs(-7, 3), pairs(2.5, 4), pairs(2**62, 2**62))
print(pairs(2**63 - 1, 1), pairs(-2**63, -1))


def concat(a, b):
    c = a + b
    return c


print(concat("ab", "cd"), concat([1], [2]), concat((1,), ()))


def with_consts(n, x):
    # LOAD_FAST + LOAD_CONST + BINARY_OP / BINARY_SUBSCR, LOAD_CONST + LOAD_FAST + BINARY_OP.
    n = n - 1
    y = 2.0 * x
    z = 3 * n
    return n, y, z, n ** 2, x / 4


print(with_consts(10, 1.5), with_consts(-2**63, 2), with_consts(0, 7))


def subscripts(seq):
    out = []
    for k in (0, 1, -1, -2):
        out.append(seq[k])
    first = seq[0]
    last = seq[-1]
    return out, first, last


print(subscripts([10, 20, 30]), subscripts((1.5, "x")), subscripts("hey"))
print(subscripts({0: "a", 1: "b", -1: "c", -2: "d"}))
try:
    subscripts([1])
except IndexError as e:
    print("IndexError", e)
try:
    subscripts((1,))
except IndexError as e:
    print("IndexError", e)


def running_total(values):
    # The left operand already on the stack: `total + v`, `a * b + c`.
    total = 0
    for v in values:
        total = total + v
    mixed = values[0] * values[1] + values[2]
    return total, mixed


print(running_total([1, 2, 3, 4]), running_total([0.5, 2, 1]), running_total([2**62, 2**62, 1]))


def unbound_right(flag):
    if flag:
        y = 1
    x = 2
    return x + y


def unbound_left(flag):
    if flag:
        x = 1
    return x * 2


for f in (unbound_right, unbound_left):
    print(f(True))
    try:
        f(False)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)

    def __getitem__(self, i):
        return self.v * 10 + i


def dunders(a, b):
    c = a + b
    d = 1 + a
    return c.v, d.v, a[3], (b + 1).v


print(dunders(Num(1), Num(2)))


def floats(x, y):
    q = x / y
    return q, x ** 0.5, y ** 2.0, x - y, x * 1e308 * 10


print(floats(9.0, 4.0))
for x, y in ((1.0, 0.0), (1, 0), (16.0, -2.0)):
    try:
        print(floats(x, y))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
print((lambda a, b: a ** b)(-8.0, 3.0), (lambda a, b: a ** b)(0.0, 2.0))


def compares(a, b, flags):
    # Loads + COMPARE_OP (+ POP_JUMP_IF_*), from locals, constants and the
    # top of the stack; mixed int/float and other types take the general path.
    out = []
    if a < b:
        out.append("a<b")
    if not a >= 2:
        out.append("a<2")
    if a * 2 > 4.0:
        out.append("2a>4.0")
    if a + b == b + a:
        out.append("commutes")
    below = a < 3
    same = a == b
    out.append((below, same, a != 1, 2.5 < a, a <= 2.5))
    for i in range(len(flags)):
        if flags[i]:
            out.append(i)
    return out


print(compares(1, 2, [True, False, True]), compares(3, 2.5, (0, 1, "", "x")))
print(compares(2.5, 2.5, []), compares(2**63 - 1, -2**63, [None, 0.0, 1]))
try:
    compares("a", 1, [])
except TypeError as e:
    print("TypeError", e)


def augmented_items():
    # `x[i] op= y`: COPY 2, COPY 2, BINARY_SUBSCR ... SWAP 3, SWAP 2, STORE_SUBSCR.
    nums = [1, 2.5, 3, 4]
    nums[0] += 10
    nums[1] *= 2
    nums[-1] -= 1
    nums[2] **= 2
    grid = [[0] * 3 for _ in range(2)]
    for i in range(2):
        for j in range(3):
            grid[i][j] += i * 3 + j
    counts = {"a": 1}
    counts["a"] += 1
    counts.setdefault("b", 0)
    counts["b"] -= 5
    words = ["x", "y"]
    words[0] += "z"
    slices = [1, 2, 3, 4]
    slices[1:3] += [9]
    big = [2**62]
    big[0] += 2**62
    return nums, grid, counts, words, slices, big


print(augmented_items())


class Recorder:
    def __init__(self):
        self.log = []
        self.data = {}

    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data.get(key, 0)

    def __setitem__(self, key, value):
        self.log.append(("set", key, value))
        self.data[key] = value


r = Recorder()
r[1] += 5
r["k"] -= 2
print(r.log, r.data)

for container, key in (([1, 2], 5), ([1, 2], -3), ((1, 2), 0), ({}, "missing"), ("ab", 0)):
    try:
        container[key] += 1
        print(container)
    except (IndexError, TypeError, KeyError) as e:
        print(type(e).__name__, e)


# list.append runs without a call, as a statement or an expression; other
# receivers and other append methods take the general path.
def appends(n):
    out = []
    for i in range(n):
        out.append(i * i)
    results = [out.append("x"), out.append(None)]
    return out, results


print(appends(5))


class Log(list):
    def append(self, item):
        super().append(("logged", item))


log = Log()
log.append(1)
list.append(log, 2)
print(log)
for bad in ((), "s", None):
    try:
        list.append(bad, 1)
    except TypeError:
        print("TypeError for", type(bad).__name__)
grid = [[10 * r + c for c in range(3)] for r in range(3)]
print([[row[i] for row in grid] for i in range(3)])
