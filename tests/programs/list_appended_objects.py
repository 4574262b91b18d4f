# Lists built by append that hold only objects (strs, tuples, instances:
# krait keeps long ones as bare references): every operation must see
# the same list as CPython does, and objects must live and die as they do.
import gc
import weakref


def words(n, prefix="w"):
    out = []
    for i in range(n):
        out.append(prefix + str(i))
    return out


for n in (0, 1, 255, 256, 257, 290, 300, 1000):
    lst = words(n)
    print(n, len(lst), lst[:2], lst[-2:], "".join(lst)[-8:], lst == ["w" + str(i) for i in range(n)])

lst = words(340)
print(lst[0], lst[-1], lst[10:20:3], lst[::-60], "w99" in lst, "x" in lst, lst.index("w42"), lst.count("w7"))
lst[5] = "five"
lst[-1] = ("a", 1)
print(lst[4:7], lst[-1], type(lst[-1]).__name__)

# Items of other kinds appended after.
lst = words(320)
for extra in (7, 2.5, None, True, ["inner"], (1, 2), b"by"):
    lst.append(extra)
print(lst[-9:], [type(x).__name__ for x in lst[-8:]])
lst = words(320)
lst[3] = 42
lst[4] = None
print(lst[:6], sum(1 for x in lst if isinstance(x, str)))

# Slices of long lists, of every kind, and what is done to them after.
lst = words(400)
part = lst[1:]
part.append("end")
print(len(lst), len(part), part[0], part[-2:], lst[-1], lst[100:105], lst[::-1][:3], lst[-5::2])
print(lst[300:250], lst[::97], len(lst[:]), lst[:] == lst, lst[:] is lst)
ints = [0] * 500
ints[3] = 9
print(ints[:5], ints[2:400][1:3], len(ints[::3]), sum(ints[1:10]))
flags = [False] * 400
flags[7] = True
print(flags[5:9], flags[::100], len(flags[1:]))
counts = []
for i in range(400):
    counts.append(i * i)
print(counts[-3:], counts[10:13], sum(counts[::2]) % 1000)
sl = counts[100:]
sl.append("x")
sl[0] = 1.5
print(sl[:2], sl[-2:], counts[100])

lst = words(310)
print(lst.pop(), lst.pop(0), lst.pop(-3), len(lst), lst[:2], lst[-2:])
lst.insert(3, 3)
print(lst[:5])

lst = words(315)
lst.sort(key=len)
print(lst[:3], lst[-3:])
lst.reverse()
print(lst[:3], sorted(lst)[:3], max(lst), min(lst))

lst = words(306)
copy = lst[:]
copy.append(0)
print(len(lst), len(copy), lst[-1], copy[-1], list(lst) == lst, tuple(lst)[:2])
print(repr(words(305))[:30], str(words(310))[-12:])
print((words(308) + ["+"])[-2:], (words(304) * 2)[302:306], words(304) < words(305), words(305) == words(305))

a, *rest = words(305)
print(a, len(rest), rest[-1])
lst = words(340)
del lst[10:330]
print(lst)
lst = words(304)
lst.extend([1, 2, "three"])
print(lst[-4:])
lst = words(304)
lst += words(10, "v")
print(len(lst), lst[-1])
print(dict.fromkeys(words(300))["w299"], set(words(300)) == set(words(300)[::-1]))
print(list(map(len, words(300)))[-3:], list(zip(words(300), words(300)[1:]))[-1])
print(list(enumerate(words(300)))[-1], list(reversed(words(300)))[:2], "-".join(words(300)[-3:]))

# Appending while iterating sees the new items, as a list of values does.
lst = words(304)
seen = 0
for x in lst:
    seen += 1
    if len(lst) < 340:
        lst.append(x + "!")
print(seen, len(lst), lst[-1])


# Instances: each lives while a list holds it, and dies when the last
# reference goes (popped, replaced, deleted with its list).
class Tracked:
    alive = 0

    def __init__(self, n):
        self.n = n
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1

    def __repr__(self):
        return "T%d" % self.n


def alive():
    # Read through a call: krait runs the finalizers an item store
    # queued at the next call, not at the store itself.
    return Tracked.alive


objs = []
for i in range(400):
    objs.append(Tracked(i))
print(alive(), objs[-1], objs[200:202])
probe = weakref.ref(objs[10])
objs[10] = Tracked(-1)
print(alive(), probe() is None, objs[9:12])
popped = objs.pop()
print(alive(), popped)
del popped
print(alive())
half = objs[::2]
del objs
print(alive(), len(half), half[-1])
del half
print(alive())

# Cycles through such lists are collected.
gc.collect()


class Node:
    def __init__(self, owner):
        self.owner = owner


def make_cycle():
    owner = []
    for _ in range(300):
        owner.append(Node(owner))
    return weakref.ref(owner[0])


probes = [make_cycle() for _ in range(5)]
print(any(p() is None for p in probes))
found = gc.collect()
print(found >= 5 * 301, all(p() is None for p in probes))

# A list of lists of lists, each appended past the unboxing length.
grid = []
for i in range(300):
    row = []
    for j in range(300):
        row.append((i, j))
    grid.append(row)
print(grid[299][299], grid[150][:2], sum(len(r) for r in grid), grid[5][5:7])
del grid
print(gc.collect() >= 0)


class Log(list):
    def append(self, x):
        super().append(x.upper())


log = Log()
for i in range(310):
    log.append("e" + str(i))
print(len(log), log[-1], type(log).__name__, type(log[1:]).__name__)

# A queue and a stack of objects around the unboxing length.
queue = words(280)
for i in range(3000):
    queue.append("q" + str(i))
    queue.pop(0)
    if i % 500 == 0:
        queue.insert(0, "first" + str(i))
print(len(queue), queue[:3], queue[-2:])
stack = words(400)
popped = [stack.pop() for _ in range(50)] + [stack.pop(0), stack.pop(-3), stack.pop(100)]
print(len(stack), popped[:3], popped[-3:], stack[-3:])
for bad in ("x", 10 ** 30, 1000):
    try:
        stack.pop(bad)
    except (TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
empty = words(300)[:0]
try:
    empty.pop()
except IndexError as e:
    print(type(e).__name__, e)
empty.append(1)
print(empty)
