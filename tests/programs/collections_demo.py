# Lists, tuples, dicts, sets and comprehensions.
nums = [5, 3, 8, 1, 9, 2]
nums.append(7)
nums.extend([0, 4])
nums.sort()
print(nums, nums[2:5], nums[::2], nums[-3:], len(nums), sum(nums), min(nums), max(nums))
nums[1:3] = ["a", "b", "c"]
del nums[0]
print(nums, nums.index("b"), nums.pop(), nums.pop(0))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
t = (1, 2, 3)
a, *rest = t
print(t, a, rest, t + (4,), t * 2, (1,), ())
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, d.get("four", 4), list(d.keys()), list(d.values()), list(d.items()))
print({k: v * v for k, v in d.items() if v > 1}, dict(zip("abc", range(3))))
s = {3, 1, 2}
s.add(2)
print(s, s | {9}, s & {1, 9}, s - {1}, {1, 2} <= s, set(), frozenset([1, 1, 2]))
print([x * y for x in range(3) for y in range(3) if x != y])
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "xy")), list(reversed(range(4))))
print(list(map(lambda v: v * 2, [1, 2])), list(filter(None, [0, 1, "", "x"])))
print(any([0, 0, 1]), all([]), isinstance(3, (str, int)), type([]) is list)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix], list(zip(*matrix)))
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"})
