# `a, b = some_list` stores the list's items straight into the targets:
# the values, errors, finalizers run by the stores and lists made by
# repetition must all be as CPython's.
log = []
lst = [1, "a", None]
a, b, c = lst
print(a, b, c, lst)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        holder.append(self.name)  # the list being unpacked grows


holder = [Noisy("first"), 2]
x, y = holder
holder[0] = "only x holds it now"
x, y = holder  # the old x is released by this store: its __del__ follows
print(y, len(holder), log, holder[-1])
x = y = None
print(log, len(holder))

for bad in ([1, 2, 3], [1]):
    try:
        p, q = bad
    except ValueError as e:
        print(type(e).__name__, e)

zeros = [0] * 3
r, s, t = zeros
print(r, s, t, zeros)
flags = [True] * 2
u, v = flags
print(u, v)


def add(seq):
    first, second = seq
    return first + second


print(add([1, 2]), add((3, 4)), add(["x", "y"]))


class MyList(list):
    pass


m1, m2 = MyList([5, 6])
print(m1, m2)
rows = [[i, i * i] for i in range(4)]
print([a * b for a, b in rows])
i, j = lst[:2]
print(i, j)
