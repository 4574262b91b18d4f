# next() raises the StopIteration that ended the iterator itself (its
# class, args and identity), also through map/zip/enumerate/filter; a
# generator's return value travels in StopIteration.value.
class MyStop(StopIteration):
    pass

stop = MyStop(42)

class Ends:
    def __iter__(self):
        return self
    def __next__(self):
        raise stop

def returns(value):
    return value
    yield

cases = [
    ("next(Ends())", lambda: next(Ends())),
    ("next(map(abs, Ends()))", lambda: next(map(abs, Ends()))),
    ("next(zip(Ends()))", lambda: next(zip(Ends()))),
    ("next(enumerate(Ends()))", lambda: next(enumerate(Ends()))),
    ("next(filter(None, Ends()))", lambda: next(filter(None, Ends()))),
    ("next(returns(7))", lambda: next(returns(7))),
    ("next(map(abs, returns(7)))", lambda: next(map(abs, returns(7)))),
    ("next(iter([]))", lambda: next(iter([]))),
    ("next(map(abs, []))", lambda: next(map(abs, []))),
]
for text, case in cases:
    try:
        case()
    except StopIteration as e:
        print(text, type(e).__name__, e.args, e is stop, e.value)

# A default hides the exception; a plain loop ends quietly.
print(next(Ends(), "default"), next(map(abs, returns(3)), "default"))
print([x for x in Ends()], list(map(abs, returns(1))))

# An earlier iterator's StopIteration is not raised by a later next().
try:
    next(Ends())
except StopIteration:
    pass
try:
    next(iter(()))
except StopIteration as e:
    print("fresh", type(e).__name__, e.args)

# next() on a generator, many times (resumed as a frame of the loop).
def count():
    n = 0
    while True:
        yield n
        n += 1
numbers = count()
print(sum(next(numbers) for _ in range(1000)))
