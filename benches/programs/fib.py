# Recursive calls: naive Fibonacci.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for n in range(25, 32):
    total += fib(n)
print("fib checksum", total)
