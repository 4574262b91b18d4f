# Integer loops: Collatz chain lengths, digit sums, gcd, bit twiddling.


def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


best = 0
best_n = 0
for n in range(1, 90000):
    steps = collatz_len(n)
    if steps > best:
        best = steps
        best_n = n

acc = 0
for i in range(1, 700):
    for j in range(1, 700, 7):
        acc += gcd(i, j)

bits = 0
x = 12345
for i in range(400000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    bits ^= (x >> 3) | (i << 2)
    bits &= 0xFFFFFFFF

print("collatz", best_n, best)
print("gcd sum", acc)
print("bits", bits)
