# Lists built by append that hold only ints (krait keeps long ones
# unboxed): every operation must see the same list as CPython does.


def built(n, start=0, step=1):
    out = []
    for i in range(n):
        out.append(start + i * step)
    return out


for n in (0, 1, 63, 64, 65, 72, 73, 200):
    lst = built(n, -5, 3)
    print(n, len(lst), lst[:3], lst[-3:], sum(lst), lst == list(range(-5, -5 + 3 * n, 3)))

lst = built(100)
print(lst[0], lst[-1], lst[10:20:3], lst[::-25], 99 in lst, 100 in lst, lst.index(42), lst.count(7))
lst[5] = -1
lst[-1] = 10 ** 20
print(lst[4:7], lst[-1], type(lst[-1]).__name__)

lst = built(80)
lst.append(True)
lst.append(2.5)
lst.append("x")
lst.append(None)
print(lst[-5:], [type(x).__name__ for x in lst[-5:]])

lst = built(90)
lst.append(2 ** 70)
lst.append(-(2 ** 63))
lst.append(2 ** 63 - 1)
print(lst[-4:], sum(lst) % 1000)

lst = built(70)
print(lst.pop(), lst.pop(0), len(lst), lst[:2], lst[-2:])
lst.insert(3, "three")
print(lst[:5])

lst = built(75, 100, -3)
lst.sort()
print(lst[:3], lst[-3:])
lst.reverse()
print(lst[:3], sorted(lst)[:3], max(lst), min(lst))

lst = built(66)
copy = lst[:]
copy.append("tail")
print(len(lst), len(copy), lst[-1], copy[-1], list(lst) == lst, tuple(lst)[:2])
print(repr(built(65))[:30], str(built(70))[-12:])
print(built(68) + [1], (built(64) * 2)[62:66], built(64) < built(65), built(65) == built(65))

a, *rest = built(65)
print(a, len(rest), rest[-1])
lst = built(100)
del lst[10:90]
print(lst)
lst = built(64)
lst.extend([1, 2, "three"])
print(lst[-4:])
lst = built(64)
lst += built(10)
print(len(lst), lst[-1])

# Appending while iterating sees the new items, as a list of values does.
lst = built(64)
seen = 0
for x in lst:
    seen += 1
    if len(lst) < 100:
        lst.append(x * 2)
print(seen, len(lst), lst[-1])

# Bools stay bools, ints stay ints, in both directions.
lst = built(70)
lst[3] = False
print(lst[:5], lst[3] is False, type(lst[3]).__name__, type(lst[2]).__name__)


class Counter(list):
    def append(self, x):
        super().append(x * 10)


c = Counter()
for i in range(70):
    c.append(i)
print(len(c), c[-1], type(c).__name__)

# Many lists of ints, the way a bank's ledgers are kept.
ledgers = [[] for _ in range(20)]
for i in range(4000):
    ledgers[i % 20].append(i % 7 - 3)
print([sum(l) for l in ledgers[:5]], sum(len(l) for l in ledgers))
