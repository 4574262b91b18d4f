# Chained comparisons as conditions (if, elif, while, assert, ternary,
# comprehension filters, `not`, `and`/`or`): each operand evaluated once,
# links stop at the first false one, and the values are right.
calls = []


def v(name, value):
    calls.append(name)
    return value


def check(x, y):
    del calls[:]
    out = []
    if v("a", 0) <= v("x", x) < v("b", 10):
        out.append("in")
    else:
        out.append("out")
    if not v("c", 0) < v("x2", x) <= v("d", 5):
        out.append("not-small")
    if v("e", 1) < x < y < 20 or x == y:
        out.append("ordered-or-equal")
    if x < 5 < y and y < 100:
        out.append("spans-5")
    elif 0 < x == y < 50:
        out.append("same")
    out.append("t" if 0 <= x <= y <= 30 else "f")
    return out, list(calls)


for pair in [(3, 7), (-1, 4), (12, 12), (5, 5), (2, 200), (40, 41)]:
    print(pair, check(*pair))

print([n for n in range(-3, 25) if 2 < n * 2 < 15 != n])
i = 0
while 0 <= i < 4 < 10:
    i += 1
print("while stopped at", i)
try:
    assert 1 < 2 < 0, "chain failed"
except AssertionError as e:
    print("assert:", e)
assert 1 < 2 < 3


class Loud:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print(f"{self.n} < {other.n}")
        return self.n < other.n

    def __bool__(self):
        raise AssertionError("never asked for truth")


a, b, c = Loud(1), Loud(2), Loud(0)
if a < b < c:
    print("yes")
else:
    print("no")
print(not (a < b < c), [x.n for x in (a, b) if a < x < Loud(3)])
