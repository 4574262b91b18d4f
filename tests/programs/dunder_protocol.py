# The data model: operators, comparisons, containers, hashing, calls.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    __radd__ = __add__

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Money(-self.cents)

    def __abs__(self):
        return Money(abs(self.cents))

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __format__(self, spec):
        return format(self.cents / 100, spec)


a, b = Money(250), Money(199)
print(a + b, a + 1, 1 + a, 3 * b, b * 2, -a, abs(-a), sum([a, b], Money(0)))
print(a == Money(250), a != b, a < b, a <= b, a > b, a >= b, sorted([a, b, Money(5)]))
print(max(a, b), min([a, b]), bool(Money(0)), bool(a), f"{a:.1f}", "%s and %r" % (a, b))
print({a: "a", Money(250): "again"}, a in {Money(250)}, [a, b].index(Money(199)), len({a, Money(250), b}))
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except (TypeError, AttributeError) as e:
    print(type(e).__name__)


class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, value):
        self.cells[pos] = value

    def __delitem__(self, pos):
        del self.cells[pos]

    def __contains__(self, pos):
        return pos in self.cells

    def __len__(self):
        return len(self.cells)

    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))

    def __call__(self, ch):
        return sum(1 for v in self.cells.values() if v == ch)


g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "#"
g[1, 1] = "o"
print(list(g), len(g), (0, 0) in g, (1, 0) in g, g("#"))
del g[0, 0]
print(list(g), len(g), bool(g), list(reversed(list(g))))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)), sum(Countdown(5)), [x * x for x in Countdown(3)])


class Attrs:
    def __init__(self):
        self.__dict__["log"] = []

    def __getattr__(self, name):
        return name.upper()

    def __setattr__(self, name, value):
        self.log.append(name)
        super().__setattr__(name, value)


t = Attrs()
t.x = 1
t.y = 2
print(t.x, t.anything, t.log, "x" in vars(t))
