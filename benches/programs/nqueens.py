# Generators and sets: n-queens by brute force over permutations. Queen
# columns are produced by a recursive permutation generator written here;
# a placement is kept when set comprehensions find no two queens on one
# diagonal.
#
# Checked results: the known solution counts for boards of 1 to 8 queens
# (1, 0, 0, 2, 10, 4, 40, 92).

KNOWN = [1, 0, 0, 2, 10, 4, 40, 92]


def permutations(items):
    """Yields every ordering of `items` (a tuple), in lexicographic order of
    positions."""
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        head = items[i:i + 1]
        for rest in permutations(items[:i] + items[i + 1:]):
            yield head + rest


def queens(n):
    columns = tuple(range(n))
    for cols in permutations(columns):
        if (n == len({col + row for row, col in enumerate(cols)})
                == len({col - row for row, col in enumerate(cols)})):
            yield cols


def main():
    counts = [sum(1 for _ in queens(n)) for n in range(1, 9)]
    print("counts", counts, "known:", counts == KNOWN)
    digest = 0
    for _ in range(5):
        for solution in queens(8):
            for col in solution:
                digest = (digest * 9 + col) % 1000000007
    first = next(queens(8))
    print("first 8-queens solution", first)
    print("checksum", digest)


main()
