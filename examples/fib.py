def fib(n):
    """The n-th Fibonacci number, the slow way."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


squares = [i * i for i in range(10)]
print(f"fib(20) = {fib(20)}, squares = {squares}")
