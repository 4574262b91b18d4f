# Edge cases found by review of the interpreter's fast paths and caches.


# A method cached for a class that goes away must not be called on an
# object of a type object made later (possibly at the same address).
def call(o):
    return o.foo()


def make():
    class X:
        def foo(self):
            return "X.foo called on " + type(self).__name__
    return X


def run():
    X = make()
    print(call(X()))


run()
it = iter([1, 2])
try:
    print(call(it))
except AttributeError as e:
    print("AttributeError", e)


# __init__ returning a value, the class called from native code (map),
# the TypeError caught by the caller.
class R2:
    def __init__(self, x):
        return x


def outer_init():
    try:
        return list(map(R2, [1]))
    except TypeError as e:
        return "caught " + str(e)


print(outer_init())


# Iterating a set inside an iteration of the same set.
s = {73, 128, 144, 152}
list(s)
seen = []
for x in s:
    for y in s:
        pass
    seen.append(x)
print(sorted(seen), len(seen))
print(list(s) == list(s))


# throw() into a generator that has not started: no handler applies.
def g():
    try:
        yield 1
    except KeyError:
        yield "caught"


gen = g()
try:
    print(gen.throw(KeyError))
except KeyError:
    print("propagated")
print(next(gen, "finished"))


# throw() into a generator delegating with `yield from`: it is running
# while the inner generator handles the exception.
def inner():
    try:
        yield 1
    except ValueError:
        try:
            next(o)
        except ValueError as e:
            print("inner: next(o) ->", e)
        yield 2


def outer():
    yield from inner()
    yield 3


o = outer()
print(next(o))
print(o.throw(ValueError))
print(list(o))
