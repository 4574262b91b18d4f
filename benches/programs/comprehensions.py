# Comprehensions: list, dict and set comprehensions, nested and filtered.

N = 600

grid = [[(i * j) % 17 for j in range(N)] for i in range(N)]
transposed = [[row[i] for row in grid] for i in range(N)]
flat = [x for row in transposed for x in row if x % 3]
diag = [grid[i][i] for i in range(N)]

squares = {i: i * i % 1009 for i in range(400000)}
inverse = {v: k for k, v in squares.items()}
residues = {v for v in squares.values() if v % 2}
pairs = [(a, b) for a in range(500) for b in range(a, 200) if (a + b) % 7 == 0]
words = ["w%d" % (i % 997) for i in range(300000)]
lengths = {w: len(w) for w in words}
upper = [w.upper() for w in words if w.endswith("7")]

print("flat", len(flat), sum(flat))
print("diag", sum(diag))
print("dicts", len(squares), len(inverse), sum(inverse.values()) % 1000003)
print("residues", len(residues), sum(residues))
print("pairs", len(pairs), sum(a * b for a, b in pairs) % 1000003)
print("words", len(lengths), sum(lengths.values()), len(upper))
