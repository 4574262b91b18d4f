import sys
from collections import Counter

hits = Counter()
depth = [0]


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_filename != fib.__code__.co_filename:
        return None
    if event == "call":
        depth[0] += 1
    elif event == "return":
        depth[0] -= 1
    hits[(code.co_name, event, frame.f_lineno)] += 1
    return tracer


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient")
        self.balance -= amount
        return self.balance


def transfer(account, amounts):
    done = []
    for amount in amounts:
        try:
            done.append(account.withdraw(amount))
        except ValueError:
            done.append(None)
    return done


def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received


def use_echo():
    g = echo()
    next(g)
    g.send("a")
    g.send("b")
    try:
        g.send(None)
    except StopIteration as stop:
        return stop.value


class Managed:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return True


def managed():
    with Managed():
        x = [i * 2 for i in range(3)]
        raise KeyError(x[0])
    return "suppressed"


def closure():
    total = 0

    def add(v):
        nonlocal total
        total += v
        return total

    return list(map(add, [1, 2, 3]))


sys.settrace(tracer)
fib(4)
transfer(Account(10), [3, 4, 5])
use_echo()
managed()
closure()
sorted([3, 1, 2], key=lambda v: -v)
sys.settrace(None)
for key in sorted(hits, key=lambda k: (k[0], k[2], k[1])):
    print(key, hits[key])
print("depth", depth[0])
