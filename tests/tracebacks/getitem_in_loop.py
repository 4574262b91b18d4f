# Subscripting instances whose class statement defines __getitem__ (the
# method's frame runs in the dispatch loop): results, errors with their
# tracebacks, generators, recursion, subclasses of builtins, slices.
class Grid:
    def __init__(self, w):
        self.w = w
    def __getitem__(self, key):
        r, c = key
        if r < 0:
            raise IndexError("row %d" % r)
        return r * self.w + c

g = Grid(10)
print([g[r, c] for r in range(3) for c in range(2)])
try:
    g[-1, 0]
except IndexError as e:
    print("IndexError", e)

class Lazy:
    def __getitem__(self, n):
        yield n
        yield n + 1
print(list(Lazy()[5]))

class Fib:
    def __getitem__(self, n):
        return n if n < 2 else self[n - 1] + self[n - 2]
print(Fib()[15])

class Upper(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.upper())
u = Upper(A=1, B=2)
print(u["a"], u["b"], [u[k] for k in "ab"])

class Sliced:
    def __getitem__(self, s):
        return (s.start, s.stop, s.step) if isinstance(s, slice) else s
print(Sliced()[1:5], Sliced()[::2], Sliced()["k"])

class Swap:
    def __getitem__(self, k):
        return "first"
s = Swap()
print(s[0])
Swap.__getitem__ = lambda self, k: "replaced"
print(s[0])
del Swap.__getitem__
try:
    s[0]
except TypeError as e:
    print("TypeError", e)

class Deep:
    def __getitem__(self, n):
        return self[n + 1]
try:
    Deep()[0]
except RecursionError:
    print("RecursionError")

class Loud:
    def __getitem__(self, k):
        return 1 / k
Loud()[0]
