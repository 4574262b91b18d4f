# Lists made by repeating one bool or int are stored unboxed until an
# operation needs general items; every operation must see the same list.
flags = [True] * 6
flags[0] = flags[1] = False
flags[-1] = False
print(flags, len(flags), flags[2], flags[-2], flags.count(True), True in flags)
print([i for i in range(len(flags)) if flags[i]], list(reversed(flags)), sum(flags))

zeros = [0] * 5
for i in range(1, 5):
    zeros[i] = zeros[i - 1] + i * i
print(zeros, zeros[::-1], zeros[1:3], max(zeros), min(zeros), sorted(zeros, reverse=True))
zeros[2] += 100
print(zeros, zeros.index(14), 14 in zeros, zeros == [0, 1, 105, 14, 30], zeros < [0, 2])

# A value of another kind turns the list into ordinary items.
mixed = [True] * 3
mixed[0] = 1
mixed[1] = None
print(mixed, [type(x).__name__ for x in mixed])
ints = [0] * 3
ints[0] = True
ints[1] = 2**70
ints[2] = 2.5
print(ints)

# Mutating methods, aliasing and copies.
a = [7] * 4
b = a
b[0] = 1
c = a.copy()
c[1] = 2
d = a[:]
d[2] = 3
print(a, b is a, c, d)
a.append(9)
a.insert(0, -1)
a.extend([5, 5])
a += [6]
del a[1]
print(a, a.pop(), a.pop(0), a)
e = [False] * 3
e *= 2
e.reverse()
print(e, e * 2, [0] * 2 + [1] * 2)
e.clear()
print(e, len(e), [True] * 0, [1] * -3)
grid = [[0] * 3] * 2
grid[0][1] = 5
print(grid, grid[0] is grid[1])
rows = [[0] * 3 for _ in range(2)]
rows[0][1] = 5
print(rows)
loop = [0] * 2
loop.append(loop)
print(loop, loop[2] is loop)
s = [3] * 3
s.sort()
s.remove(3)
print(s, list(enumerate([False] * 2)), list(zip([1] * 2, [True] * 2)), tuple([0] * 2))
try:
    [0] * 3 + None
except TypeError as err:
    print("TypeError", err)
for bad in (3, -4):
    try:
        [0] * 3
        z = [0] * 3
        z[bad] = 1
    except IndexError as err:
        print("IndexError", err)
    try:
        print(([True] * 3)[bad])
    except IndexError as err:
        print("IndexError", err)

# sorted() of many ints gives an unboxed list too.
nums = [(i * 7919) % 1000 - 500 for i in range(200)]
asc = sorted(nums)
desc = sorted(nums, reverse=True)
print(asc[:5], asc[-3:], desc[:3], len(asc), asc[100], asc[-1] == max(nums))
print(asc == sorted(asc), asc.index(asc[50]), asc.count(asc[0]), desc[::50], 0 in asc)
asc[0] = -1000
asc.append("end")
print(asc[:3], asc[-2:], len(asc))
by_key = sorted(range(100), key=lambda n: (n % 7, -n))
print(by_key[:8], sorted(range(80), key=lambda n: n % 3)[:6], sorted([2] * 70 + [1])[:3])
words = sorted(["pear", "fig", "apple", "kiwi"] * 20, key=len)
print(words[:6], words[-2:], sorted(["b", "a"] * 40, key=str.upper, reverse=True)[:3])

# No room: MemoryError, not a crash.
for make in (lambda: [0] * 2**58, lambda: [False] * 2**58, lambda: [None] * 2**60, lambda: [1, 2] * 2**59):
    try:
        make()
    except MemoryError:
        print("MemoryError")
