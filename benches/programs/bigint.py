# Big integers: pi digits by a spigot, factorials, Fibonacci, powers.


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return digits


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fib_big(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


digits = pi_digits(2500)
f = factorial(8000)
g = fib_big(60000)
p = pow(3, 50000, 10 ** 40 + 7)
h = (f // g) % (10 ** 30) + (2 ** 521 - 1) % 1000003
print("pi", "".join(str(d) for d in digits[:30]), sum(digits))
print("fact", f % 1000000007, f % (10 ** 20 + 39))
print("fib", g % 998244353, g % (2 ** 61 - 1), (f // 10 ** 5000) % 1000000009)
print("mix", p, h)
