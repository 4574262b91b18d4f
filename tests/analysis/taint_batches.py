# krait taint --source read_secret --sink leak
# In a frame holding a labelled value, the rules that read no values (loads,
# stores, operators, COPY/SWAP, building tuples...) reach the tracker in
# batches after they ran, each with the stack's height it ran at; these
# cases put a batch where the stack changes without an instruction (an
# exception handler, a generator resumed), around Python code called from an
# operator, and across `del`. Each `leak(...)` says whether a labelled value
# reaches it (FLOW) or not (CLEAN).


def read_secret():
    return 7


def leak(tag, value):
    pass


class Box:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        # Called back by BINARY_OP in the middle of a batch.
        total = other + 1
        leak("CLEAN other", 1)
        return Box(total)


def augmented():
    s = read_secret()
    items = [0, 1]
    items[0] += s
    leak("FLOW item", items[1])
    pair = (s, 1)
    a, b = 2, 3
    c = a * b - 1
    leak("CLEAN c", c)
    x = s
    del x
    x = 5
    leak("CLEAN x", x)
    return pair


def handled():
    s = read_secret()
    try:
        y = s + 1
        raise ValueError(y)
    except ValueError:
        z = s * 2
        w = 4 + 4
    leak("FLOW z", z)
    leak("CLEAN w", w)


def operator_call():
    s = read_secret()
    box = Box(2) + s
    # Known gap (before batches too): BINARY_OP pops its operands before
    # it calls `__add__`, whose frame reuses their slots, so the result's
    # label is lost.
    leak("MISSED box", box)
    n = 3
    m = n + 1
    leak("CLEAN m", m)


def counting():
    s = read_secret()
    for i in range(3):
        v = s + i
        k = i * 2
        yield v, k


def resumed():
    total = 0
    plain = 0
    for v, k in counting():
        total = total + v
        plain = plain + 1
    leak("FLOW total", total)
    leak("CLEAN plain", plain)


def long_loop():
    s = read_secret()
    acc = 0
    clean = 0
    i = 0
    while i < 2000:
        acc = acc + s
        clean = clean + 1
        i = i + 1
    leak("FLOW acc", acc)
    leak("CLEAN clean", clean)


augmented()
handled()
operator_call()
resumed()
long_loop()
print("done")
