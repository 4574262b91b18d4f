# Generators resumed by a loop, by next() and by send(), where the value
# sent to a `yield` statement is dropped and the item goes to the loop's
# variable; finalizers and exceptions on the way.

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def numbers(n):
    for i in range(n):
        yield i


def relay(it):
    for x in it:
        yield x


def sent_values():
    got = []
    while True:
        value = yield len(got)
        if value is None:
            break
        got.append(value)
    yield got


def drop_statement():
    # `yield` as a statement: the value sent is dropped.
    r = yield 1
    print("received", r)
    yield 2
    yield 3


def loop_variable_finalized():
    for k in range(3):
        yield Noisy(k)


def main():
    total = 0
    for x in relay(relay(numbers(10))):
        total += x
    print("total", total)

    g = sent_values()
    print(next(g), g.send("a"), g.send("b"), g.send(None))

    d = drop_statement()
    print(next(d))
    print(d.send("hello"))
    print(next(d))
    print(next(d, "done"))

    # The loop variable's old item dies when the next one is stored.
    for item in loop_variable_finalized():
        print("got", item.name)
    del item
    print("after loop")

    # An item stored in a variable other than a plain local.
    holder = [None]
    for holder[0] in numbers(3):
        print("holder", holder[0])

    # A generator whose loop the consumer leaves early, and one that raises.
    def failing():
        yield 1
        raise ValueError("boom")

    try:
        for v in relay(failing()):
            print("v", v)
    except ValueError as e:
        print("caught", e)

    for v in relay(numbers(100)):
        if v == 2:
            break
    print("broke at", v)

    # `yield` statements inside try/except keep the exception state apart.
    def guarded():
        try:
            raise KeyError("inner")
        except KeyError:
            yield 1
            yield 2

    try:
        raise TypeError("outer")
    except TypeError:
        for v in guarded():
            import sys
            print("in loop", v, type(sys.exc_info()[1]).__name__)
        print("outer state", type(sys.exc_info()[1]).__name__)


main()
