# Loops, conditionals, chained comparisons, boolean operators, for/while else.
n = 0
total = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    total += n
print("odd sum", total)

for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()

for x in [1, 3, 5]:
    if x % 2 == 0:
        print("found even", x)
        break
else:
    print("no even number")

k = 5
while k > 0:
    k -= 2
else:
    print("while-else ran, k =", k)


def classify(v):
    if v < 0:
        return "negative"
    elif v == 0:
        return "zero"
    elif 0 < v < 10:
        return "small"
    else:
        return "large"


print([classify(v) for v in (-3, 0, 7, 42)])
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, 2 in [1, 2] not in [[2]])
print(0 or "default", "" and "unreached", None or 0 or [], 5 and 6)
print(not 0, not [1], "yes" if [] else "no", bool("0"), bool(0.0))
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = "hello"
*init, last = [1, 2, 3]
print(first, rest, init, last)
(p, q), r = (1, 2), 3
print(p + q + r)
count = 0
for _ in range(1000):
    count += 1
    count -= 0
print(count, sum(range(101)), max(3, 9, 2), min("b", "a"))
x = 10
x //= 3
x **= 3
x %= 7
x <<= 2
x |= 1
print(x)
