# Lists built by append that hold only ints (krait keeps long ones
# unboxed): every operation must see the same list as CPython does.


def built(n, start=0, step=1):
    out = []
    for i in range(n):
        out.append(start + i * step)
    return out


for n in (0, 1, 255, 256, 257, 290, 300, 1000):
    lst = built(n, -5, 3)
    print(n, len(lst), lst[:3], lst[-3:], sum(lst), lst == list(range(-5, -5 + 3 * n, 3)))

lst = built(340)
print(lst[0], lst[-1], lst[10:20:3], lst[::-25], 99 in lst, 100 in lst, lst.index(42), lst.count(7))
lst[5] = -1
lst[-1] = 10 ** 20
print(lst[4:7], lst[-1], type(lst[-1]).__name__)

lst = built(320)
lst.append(True)
lst.append(2.5)
lst.append("x")
lst.append(None)
print(lst[-5:], [type(x).__name__ for x in lst[-5:]])

lst = built(330)
lst.append(2 ** 70)
lst.append(-(2 ** 63))
lst.append(2 ** 63 - 1)
print(lst[-4:], sum(lst) % 1000)

lst = built(310)
print(lst.pop(), lst.pop(0), len(lst), lst[:2], lst[-2:])
lst.insert(3, "three")
print(lst[:5])

lst = built(315, 100, -3)
lst.sort()
print(lst[:3], lst[-3:])
lst.reverse()
print(lst[:3], sorted(lst)[:3], max(lst), min(lst))

lst = built(306)
copy = lst[:]
copy.append("tail")
print(len(lst), len(copy), lst[-1], copy[-1], list(lst) == lst, tuple(lst)[:2])
print(repr(built(305))[:30], str(built(310))[-12:])
print(built(308) + [1], (built(304) * 2)[62:66], built(304) < built(305), built(305) == built(305))

a, *rest = built(305)
print(a, len(rest), rest[-1])
lst = built(340)
del lst[10:330]
print(lst)
lst = built(304)
lst.extend([1, 2, "three"])
print(lst[-4:])
lst = built(304)
lst += built(10)
print(len(lst), lst[-1])

# Appending while iterating sees the new items, as a list of values does.
lst = built(304)
seen = 0
for x in lst:
    seen += 1
    if len(lst) < 340:
        lst.append(x * 2)
print(seen, len(lst), lst[-1])

# Bools stay bools, ints stay ints, in both directions.
lst = built(310)
lst[3] = False
print(lst[:5], lst[3] is False, type(lst[3]).__name__, type(lst[2]).__name__)


class Counter(list):
    def append(self, x):
        super().append(x * 10)


c = Counter()
for i in range(310):
    c.append(i)
print(len(c), c[-1], type(c).__name__)

# Many lists of ints, the way a bank's ledgers are kept.
ledgers = [[] for _ in range(20)]
for i in range(40000):
    ledgers[i % 20].append(i % 7 - 3)
print([sum(l) for l in ledgers[:5]], sum(len(l) for l in ledgers))

# A queue of ints around the length where appended ints are unboxed,
# pushed and popped in turn.
queue = built(280)
total = 0
for i in range(3000):
    queue.append(i)
    total += queue.pop(0)
    if i % 500 == 0:
        queue.insert(0, -i)
print(len(queue), total, queue[:3], queue[-2:])

# A stack of ints past the unboxing length: pops from either end.
stack = built(400)
popped = [stack.pop() for _ in range(50)] + [stack.pop(0), stack.pop(-3), stack.pop(100)]
stack.append(7)
print(len(stack), popped[:3], popped[-3:], stack[-3:], sum(stack))
for bad in ("x", 10 ** 30, 1000):
    try:
        stack.pop(bad)
    except (TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
for lst in ([], built(300)[:0]):
    try:
        lst.pop()
    except IndexError as e:
        print(type(e).__name__, e)
try:
    [].pop("x")
except TypeError as e:
    print(type(e).__name__, e)
