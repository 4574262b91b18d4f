# A `finally` that returns or raises over a `break`/`continue` of the loop
# around it, with nothing after the loop: the loop's exit is never reached.
def returns():
    while True:
        try:
            break
        finally:
            return "returned"


def raises():
    while True:
        try:
            break
        finally:
            raise ValueError("from finally")


def continues():
    for i in range(3):
        try:
            continue
        finally:
            return i


def gen():
    while True:
        try:
            yield 1
            break
        finally:
            return


async def coro():
    while True:
        try:
            break
        finally:
            return "async"


def nested():
    while True:
        while True:
            try:
                break
            finally:
                return "inner"


print(returns())
try:
    raises()
except ValueError as e:
    print("ValueError:", e)
print(continues(), list(gen()), nested())
c = coro()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
