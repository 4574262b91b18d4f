# Integers, big ints and floats as CPython computes them.
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, divmod(-17, 5))
print(2 ** 100, -2 ** 63, (-2) ** 63, 2 ** -2)
print(pow(3, 200, 1000007), pow(7, -1, 13))
print(0.1 + 0.2, 1e16, 1e-5, 1 / 3, -0.0, 2.5e-300 * 1e-300)
print(float("inf"), -float("inf"), float("nan"))
print(10 / 4, 10 // 4.0, 7.5 % 2, -7.5 % 2, round(2.675, 2), round(0.5), round(1.5))
print(1 << 70, (1 << 70) >> 69, ~5, -5 & 0xFF, 6 | 9, 6 ^ 3)
big = 1
for i in range(1, 30):
    big *= i
print(big, big % 1000000007, len(str(big)))
print(hex(255), oct(8), bin(10), hex(-(2 ** 70)))
print(True + True, abs(-3), abs(-2.5), int("  -1_000 "), int("ff", 16), int(3.99), int(-3.99))
x = 10
x += 5
x *= 2
x //= 3
x **= 2
x -= 1
print(x)
