# Lists, tuples, dicts and sets: methods, comprehensions, sorting, nesting.
stack = []
for i in range(5):
    stack.append(i * i)
stack.extend([100, 200])
stack.insert(0, -1)
print(stack, stack.pop(), stack.pop(0), stack.index(9), stack.count(4))
stack.remove(4)
stack.reverse()
print(stack, stack[1:3], stack[::-2], len(stack), 16 in stack)
stack[1:3] = ["a", "b", "c"]
del stack[0]
print(stack)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid], [x for row in grid for x in row if x % 2])
people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted([3, 1, 2], reverse=True), list(reversed("abc")), list(enumerate("xy", 1)))
print(list(zip("abc", [1, 2, 3])), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))
print(any(x > 2 for x in [1, 2, 3]), all([]), sum([0.5, 0.25]), max(people, key=lambda p: p[1]))
ages = {}
for name, age in people:
    ages.setdefault(age, []).append(name)
print(ages, ages.get(99, "none"), len(ages), 25 in ages)
inventory = {"apple": 3, "pear": 0}
inventory["fig"] = 7
inventory.update(pear=2, kiwi=1)
print(inventory, inventory.pop("apple"), inventory.pop("nope", None))
print(list(inventory), list(inventory.values()), sorted(inventory.items(), key=lambda kv: kv[1]))
print({k: v for k, v in inventory.items() if v > 1}, dict(zip("ab", range(2))), dict(a=1) | {"b": 2})
del inventory["fig"]
print(inventory, {1: "int", 1.0: "float", True: "bool"})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= a | b, {x % 3 for x in range(10)} == {0, 1, 2})
s = set()
s.add(5)
s.add(5)
s.discard(9)
print(len(s), 5 in s, sorted(frozenset("hello")))
t = (1, "two", [3])
t[2].append(4)
print(t, t[1:], t * 2, t.index("two"), (1, 2) < (1, 3), len(()))
nested = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}]}
print([u["name"] for u in nested["users"] if u["tags"]], nested["users"][0]["tags"][-1])
matrix = [[1, 2], [3, 4]]
print([list(col) for col in zip(*matrix)], [[0] * 2 for _ in range(2)], [[0] * 2] * 2)
copy = stack[:]
copy.append("new")
print(len(stack), len(copy), stack == copy[:-1], stack is copy, [1, [2]] == [1, [2]])
