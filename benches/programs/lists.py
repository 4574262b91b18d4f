# Lists: a sieve, building, indexing, slicing, in-place updates, reversal.


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [n for n in range(limit + 1) if flags[n]]


def prefix_sums(values):
    out = [0] * (len(values) + 1)
    for i in range(len(values)):
        out[i + 1] = out[i] + values[i]
    return out


def matmul(a, b, n):
    c = []
    for i in range(n):
        row = []
        ai = a[i]
        for j in range(n):
            s = 0
            for k in range(n):
                s += ai[k] * b[k][j]
            row.append(s)
        c.append(row)
    return c


primes = sieve(2000000)
sums = prefix_sums(primes)
window = 0
for i in range(100, len(sums)):
    window += (sums[i] - sums[i - 100]) % 1000

stack = []
for p in primes[:100000]:
    stack.append(p)
    if len(stack) > 5 and p % 3 == 1:
        stack.pop()
        stack.pop()
rev = stack[::-1]
mid = rev[len(rev) // 4: len(rev) // 2]

n = 80
a = [[(i * j + 1) % 7 for j in range(n)] for i in range(n)]
b = [[(i + 2 * j) % 5 for j in range(n)] for i in range(n)]
c = matmul(a, b, n)
trace = 0
for i in range(n):
    trace += c[i][i]

print("primes", len(primes), primes[-1])
print("window", window)
print("stack", len(stack), sum(mid), rev[0])
print("trace", trace)
