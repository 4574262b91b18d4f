# Generators: pipelines, infinite generators, yield from, generator expressions.


def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007


def windows(items, size):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


pipeline = sum(squares(evens(take(1000000, naturals(1))))) % 1000000007
fibs = 0
for i, f in enumerate(fib_gen()):
    if i >= 400000:
        break
    fibs ^= f
chained = sum(1 for x in chain(range(150000), take(150000, naturals(5)), "abc") if x != 7)
wsum = 0
for w in windows(range(200000), 4):
    wsum += w[0] * w[3] % 11
genexp = max(x * 37 % 1009 for x in range(500000))
nested = sum(sum(j for j in range(i % 20)) for i in range(100000))

print("pipeline", pipeline)
print("fibs", fibs)
print("chained", chained, "windows", wsum)
print("genexp", genexp, "nested", nested)
