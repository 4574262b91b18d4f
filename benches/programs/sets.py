"""Sets: many small sets built from lists, membership tests, and the
algebra of large sets (checksums only: no set order is printed)."""

# Small sets from iterables, as `len(set(window))` does.
lists = [[(i * 7 + j * 13) % 97 for j in range(50)] for i in range(40)]
words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()
texts = [[words[(i + j * j) % len(words)] for j in range(50)] for i in range(40)]
total = 0
for round_ in range(1500):
    total += len(set(lists[round_ % 40]))
    total += len(set(texts[round_ % 40]))
print("small", total)

# Membership.
evens = set(range(0, 20000, 2))
hits = 0
for i in range(300000):
    if i % 20000 in evens:
        hits += 1
print("member", hits)

# Adds and discards.
s = set()
for i in range(200000):
    s.add(i * 31 % 65536)
    if i % 3 == 0:
        s.discard(i * 17 % 65536)
print("churn", len(s), sum(s) % 1000003)

# Algebra of large sets.
a = set(range(0, 300000, 3))
b = set(range(0, 300000, 5))
acc = 0
for _ in range(5):
    acc += len(a & b) + len(a | b) + len(a - b) + len(b - a) + len(a ^ b)
    c = set(a)
    c &= b
    c |= {1, 2, 3}
    acc += len(c) + a.isdisjoint(b) + (c <= a)
print("algebra", acc)

# Comprehensions of sets.
acc = 0
for i in range(30):
    acc += len({x * x % 1009 for x in range(i, i + 5000)})
print("comprehension", acc)
