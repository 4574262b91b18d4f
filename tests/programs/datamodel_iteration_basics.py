# Iteration protocol on user classes: unpacking, builtins, old sequence protocol.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)


def f(*args):
    return args


bag = Bag(3, 1, 2)
a, b, c = bag
print("1 unpack:", a, b, c)
first, *rest = bag
print("2 star unpack:", first, rest)
*init, last = bag
print("3 star unpack end:", init, last)
print("4 call star:", f(*bag), f(0, *bag, 9))
print("5 list display:", [*bag], (*bag,), [*bag, *bag])
print("6 list/tuple:", list(bag), tuple(bag))
print("7 sorted/sum:", sorted(bag), sorted(bag, reverse=True), sum(bag), sum(bag, 10))
print("8 min/max:", min(bag), max(bag), min(bag, key=lambda v: -v))
print("9 in via iter:", 2 in bag, 5 in bag, 5 not in bag)
print("10 enumerate/zip:", list(enumerate(bag)), list(zip(bag, "xyz")))
print("11 dict/set:", dict(zip(bag, bag)), sorted(set(bag)))
print("12 str join:", "-".join(str(v) for v in bag), "".join(map(str, bag)))


class RevList(list):
    def __iter__(self):
        return iter(self[::-1])

    def __contains__(self, v):
        return v == "magic"


rl = RevList([1, 2, 3])
print("13 list sub iter:", [x for x in rl], list(rl), tuple(rl), sorted(rl))
print("14 list sub contains:", 1 in rl, "magic" in rl, rl[0], len(rl))
x, y, z = rl
print("15 list sub unpack:", x, y, z, f(*rl), [*rl])


class DoubleTuple(tuple):
    def __iter__(self):
        for i in range(len(self)):
            yield self[i] * 2

    def __contains__(self, v):
        return v < 0


dt = DoubleTuple((1, 2))
print("16 tuple sub iter:", [v for v in dt], list(dt), sum(dt), max(dt))
print("17 tuple sub contains:", 1 in dt, -5 in dt, dt[1], len(dt))


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


sq = Seq()
print("18 getitem iter:", list(sq), [v for v in sq], 9 in sq, 5 in sq)
p, q, *r = sq
print("19 getitem unpack:", p, q, r, sum(sq), sorted(sq, reverse=True))
it = iter(sq)
print("20 getitem iterator:", next(it), next(it), list(it))


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v > 0


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


items = [Truthy(1), Truthy(0), Truthy(-2), Truthy(5)]
print("22 any/all bool:", any(items), all(items), any(items[1:3]), all(items[:1]))
sizes = [Sized(0), Sized(2), Sized(0), Sized(3)]
print("23 any/all len:", any(sizes), all(sizes), any(sizes[::2]), all(sizes[1::2]))
print("24 bool():", bool(Truthy(3)), bool(Sized(0)), not Sized(1))


class NotIter:
    pass


for label, fn in [
    ("unpack int", lambda: [v for v in 5]),
    ("unpack obj", lambda: [v for v in NotIter()]),
    ("list obj", lambda: list(NotIter())),
]:
    try:
        fn()
    except TypeError as e:
        print("25", label, type(e).__name__, e)


def unpack2(obj):
    a, b = obj
    return a, b


for obj in [NotIter(), 7, Bag(1, 2, 3), Bag(1), Seq()]:
    try:
        print("26", unpack2(obj))
    except (TypeError, ValueError) as e:
        print("26", type(e).__name__, e)
try:
    a, b, *c = Bag(1)
except ValueError as e:
    print("27", type(e).__name__, e)


class Num:
    def __init__(self, v):
        self.v = v

    def __divmod__(self, other):
        return ("divmod", self.v, other)

    def __rdivmod__(self, other):
        return ("rdivmod", other, self.v)


print("28 divmod:", divmod(Num(7), 2), divmod(10, Num(3)), divmod(Num(1), Num(2))[0])
try:
    divmod(NotIter(), 2)
except TypeError as e:
    print("29", type(e).__name__, e)

# filter(None, ...) asks each item for its truth: __bool__, then __len__.
class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v > 0
    def __repr__(self): return "Truth(%d)" % self.v
class Sized:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __repr__(self): return "Sized(%d)" % self.n
print("filter bool", list(filter(None, [Truth(1), Truth(0), Truth(-2), Truth(5)])))
print("filter len", list(filter(None, [Sized(0), Sized(2), Sized(0), Sized(3)])))
class Flag(int):
    def __bool__(self): return False
print("filter int subclass", len(list(filter(None, [Flag(1), Flag(2), 3]))))
print("iter sentinel eq", list(iter(iter([1, 2, Truth(3), 4]).__next__, 4))[:2])
