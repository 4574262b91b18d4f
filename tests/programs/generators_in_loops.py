def g():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        yield 2
def h():
    yield 1
    raise StopIteration
try:
    raise ValueError("outer")
except ValueError:
    for x in g():
        try:
            raise
        except ValueError as e:
            print("handled", repr(e), x)
try:
    for x in h():
        print(x)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def deep(n):
    if n:
        for v in deep(n - 1):
            yield v
    yield n
print(sum(deep(300)))
def boom():
    yield 1
    1 / 0
try:
    for v in boom():
        pass
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
