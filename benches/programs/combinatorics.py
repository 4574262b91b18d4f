"""itertools-heavy combinatorics: permutations, combinations, products,
groupby, accumulate and chains over small pools, as puzzle solvers use
them."""

from itertools import (permutations, combinations, product, groupby,
                       accumulate, chain, islice, combinations_with_replacement,
                       count, starmap, zip_longest)

# SEND + MORE = MONEY style: count digit assignments satisfying a sum.
solutions = 0
for a, b, c, d in permutations(range(10), 4):
    if a and c and (a * 10 + b) + (c * 10 + d) == (a + c) * 11:
        solutions += 1
print("digits", solutions)

print("triangles", sum(1 for a, b, c in combinations(range(1, 60), 3) if a + b > c))
print("dice", sum(1 for roll in product(range(1, 7), repeat=6) if sum(roll) == 21))
print("groups", [(k, len(list(g))) for k, g in groupby(sorted(map(lambda t: sum(t) % 7, combinations(range(30), 3))))])
print("running", list(islice(accumulate(chain.from_iterable(permutations(range(5)))), 10, 15)))
print("multisets", sum(sum(c) for c in combinations_with_replacement(range(12), 5)))
print("paired", sum(starmap(lambda x, y: x * y, zip(count(1), islice(accumulate(range(200000)), 200000)))) % 1000003)
print("longest", sum(1 for a, b in zip_longest(range(100000), range(0, 200000, 3)) if b is not None and (a or 0) < b))
queens = 0
for cols in permutations(range(8)):
    if len({c + i for i, c in enumerate(cols)}) == 8 == len({c - i for i, c in enumerate(cols)}):
        queens += 1
print("queens", queens)
