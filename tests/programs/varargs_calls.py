# Functions with *args called with positional arguments (bound in place
# by krait): defaults, closures over the tuple and the parameters,
# recursion, methods, dunders, callbacks from builtins, and the errors.
def collect(*args):
    return args


def head(first, second=2, *rest):
    return first, second, rest


def count_down(n, *trail):
    if n == 0:
        return trail
    return count_down(n - 1, *trail, n)


def capture(a, *rest):
    def inner():
        return a, rest, len(rest)
    return inner


print(collect(), collect(1), collect(1, 2, 3), type(collect()).__name__)
print(head(1), head(1, 5), head(1, 5, 6, 7))
print(count_down(5))
print(capture(1)(), capture(1, 2, 3)())
print(collect(*range(4)), head(*"abcd"))


class Joiner:
    def __init__(self, sep):
        self.sep = sep

    def join(self, *parts):
        return self.sep.join(str(p) for p in parts)

    def __call__(self, *parts):
        return self.join(*parts)


j = Joiner("-")
print(j.join(), j.join(1, 2, 3), j(4, 5), Joiner.join(j, 6))
bound = j.join
print(bound("x", "y"), list(map(collect, [1, 2], [3, 4])), sorted([3, 1, 2], key=lambda *a: -a[0]))


def local_after(a, *rest):
    total = a
    for r in rest:
        total += r
    return total, rest


print(local_after(1), local_after(1, 2, 3))
try:
    head()
except TypeError as e:
    print("TypeError:", e)
try:
    collect(x=1)
except TypeError as e:
    print("TypeError:", e)
print(sum(len(collect(i, i, i)) for i in range(1000)), collect(*[], *()))
