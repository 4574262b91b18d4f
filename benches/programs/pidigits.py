# Big integers: digits of pi from Gibbons' streaming spigot. The state is a
# linear fractional transformation (four growing integers); each term of
# the series pi = sum (k! / (2k+1)!!) * 2 is composed in, and a digit is
# emitted (and shifted out) as soon as the bounds agree. A second, unrelated
# computation (Machin's arctangent formula in fixed point) checks them.
#
# Checked results: the first 50 digits as published, and every digit equal
# to Machin's. Only slices and digit statistics are printed (CPython refuses
# to convert ints of over 4300 digits to str).

FIRST_50 = "31415926535897932384626433832795028841971693993751"


def compose(a, b):
    q, r, s, t = a
    u, v, w, x = b
    return (q * u + r * w, q * v + r * x, s * u + t * w, s * v + t * x)


def floor_at(z, x):
    q, r, s, t = z
    return (q * x + r) // (s * x + t)


def spigot(count):
    """The first `count` decimal digits of pi (3 first)."""
    z = (1, 0, 0, 1)
    k = 0
    digits = []
    while len(digits) < count:
        y = floor_at(z, 3)
        if y == floor_at(z, 4):
            digits.append(y)
            z = compose((10, -10 * y, 0, 1), z)
        else:
            k += 1
            z = compose(z, (k, 4 * k + 2, 0, 2 * k + 1))
    return digits


def arctan_inverse(x, unity):
    """arctan(1/x) * unity, truncated term by term."""
    power = unity // x
    total = power
    x2 = x * x
    n = 1
    sign = -1
    while power:
        power //= x2
        n += 2
        total += sign * (power // n)
        sign = -sign
    return total


def machin(count):
    guard = 10
    unity = 10 ** (count - 1 + guard)
    pi = 16 * arctan_inverse(5, unity) - 4 * arctan_inverse(239, unity)
    pi //= 10 ** guard
    digits = []
    while pi:
        pi, d = divmod(pi, 10)
        digits.append(d)
    digits.reverse()
    return digits


def main():
    count = 3000
    digits = spigot(count)
    text = "".join(str(d) for d in digits)
    print("first 60", text[:60])
    print("known first 50:", text[:50] == FIRST_50)
    print("equal to Machin's:", digits == machin(count))
    for start in range(0, count, 500):
        print("digits %d-%d: %s" % (start + 1, start + 20, text[start:start + 20]))
    print("last 20", text[-20:])
    print("frequencies", [digits.count(d) for d in range(10)])
    digest = 0
    for d in digits:
        digest = (digest * 10 + d) % 1000000007
    print("checksum", digest)


main()
