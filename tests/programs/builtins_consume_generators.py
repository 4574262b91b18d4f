# Builtins that consume generators (list, tuple, sorted, any, all, sum...):
# what runs when, and the generator's state afterwards, as with one
# next() per item.
import sys

log = []


def noisy(values, name="g"):
    for v in values:
        log.append(f"{name} yields {v!r}")
        yield v
    log.append(f"{name} done")


class Loud:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        log.append(f"bool({self.value})")
        return bool(self.value)

    def __add__(self, other):
        log.append(f"add {self.value}+{other!r}")
        return Loud(self.value + (other.value if isinstance(other, Loud) else other))

    def __radd__(self, other):
        log.append(f"radd {other!r}+{self.value}")
        return Loud(other + self.value)

    def __repr__(self):
        return f"Loud({self.value})"


def show(label, result):
    print(label, result, log[:])
    log.clear()


show("list", list(noisy([1, 2, 3])))
show("tuple", tuple(noisy("ab")))
show("sorted", sorted(noisy([3, 1, 2])))
show("join", "-".join(noisy(["x", "y"])))

# any/all stop at the deciding item; the generator stays just after it.
g = noisy([0, 0, 5, 0, 7])
show("any", any(g))
show("rest", list(g))
g = noisy([1, "a", (), 4])
show("all", all(g))
show("rest", next(g))
show("any-loud", any(noisy([0, Loud(0), None, Loud(3), 9])))
show("all-loud", all(noisy([1, Loud(2), Loud(0), 5])))
show("any-empty", any(noisy([])))

# sum: numbers batch, anything else is added when it comes.
show("sum", sum(noisy([1, 2.5, True, 10**20, 3])))
show("sum-loud", sum(noisy([1, 2, Loud(3), 4, 5])))
show("sum-start", sum(noisy([1, 2]), Loud(10)))
show("sum-big", sum(noisy([10**400, 1, 2])))
try:
    sum(noisy([10**400, 1.5, 2]))
except OverflowError as exc:
    show("sum-overflow", exc)
try:
    sum(noisy([1, 2, "three", 4]))
except TypeError as exc:
    show("sum-type", exc)


# An exception inside the generator while it is consumed.
def failing():
    yield 1
    yield 2
    raise KeyError("inside")


for consumer in (list, sum, any, all, tuple, sorted):
    try:
        consumer(failing())
    except KeyError as exc:
        print(consumer.__name__, "KeyError", exc)


def stops():
    yield 1
    raise StopIteration("early")


try:
    list(stops())
except RuntimeError as exc:
    print("RuntimeError:", exc, repr(exc.__cause__))


# The generator re-entered while it runs.
def reenter():
    yield 1
    yield next(me)


me = reenter()
try:
    list(me)
except ValueError as exc:
    print("ValueError:", exc)


# State seen from inside the generator while a builtin consumes it.
def inspects():
    yield inspector.gi_running
    yield sys._getframe(1).f_code.co_name
    try:
        raise ValueError("handled")
    except ValueError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


inspector = inspects()


def caller():
    try:
        raise LookupError("outer")
    except LookupError:
        return list(inspector)


print(caller())


# Nested: a generator whose items are themselves consumed generators.
def rows(n):
    for i in range(n):
        yield sum(j * i for j in range(n))


print(list(rows(5)), sum(sum(range(k)) for k in range(10)))
print(any(any(x > 8 for x in range(k)) for k in range(11)))


# Partly consumed, then closed: finally blocks run once.
def guarded():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finally ran")


g = guarded()
print(any(x > 3 for x in g), next(g))
g.close()
show("closed", g.gi_frame)


# A long generator: the consumers see every item.
N = 100000
print(sum(x for x in range(N)), sum(x * 0.5 for x in range(N)), len(list(x for x in range(N))))
print(all(x >= 0 for x in range(N)), any(x == N - 1 for x in range(N)), any(x < 0 for x in range(N)))
print(sum(1 for _ in range(N)) + sum(True for _ in range(10)), max(x % 1000 for x in range(N)))


# set(): hashable builtins batch; anything else is added when it comes.
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        log.append(f"hash({self.v})")
        return hash(self.v)

    def __eq__(self, other):
        log.append(f"eq({self.v})")
        return isinstance(other, Key) and other.v == self.v

    def __repr__(self):
        return f"Key({self.v})"


show("set", sorted(set(noisy([3, 1, 3, "x"]) ), key=str))
show("set-keys", len(set(noisy([1, Key(1), 2, Key(1), 1]))))
try:
    set(noisy([1, 2, [3], 4]))
except TypeError as exc:
    show("set-unhashable", exc)
g = noisy([(1, 2), (1, [2]), 5])
try:
    set(g)
except TypeError as exc:
    show("set-nested", exc)
show("set-rest", list(g))
s = {0}
s.update(noisy([1, 2]))
show("update", sorted(s))
show("frozenset", sorted(frozenset(x * x for x in range(-3, 4))))


# Attributes added to some instances after a call site was cached.
class Node:
    def __init__(self, i):
        self.i = i

    def value(self):
        return self.i


nodes = [Node(i) for i in range(6)]
total = 0
for round_ in range(3):
    for n in nodes:
        total += n.value()
    nodes[round_].extra = round_
    nodes[round_ + 1].value = lambda: 100
print(total, [n.value() for n in nodes])
