# Assigning a function's __defaults__ and __kwdefaults__.
def f(a, b=1, *, c=2):
    return a, b, c


print(f(0), f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (10,)
f.__kwdefaults__ = {"c": 20}
print(f(0), f(0, 5, c=6))
f.__defaults__ = (7, 8)
print(f())
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print("TypeError", e)
f.__kwdefaults__ = None
try:
    f(0, 1)
except TypeError as e:
    print("TypeError", e)
for name, bad in [("__defaults__", [1]), ("__kwdefaults__", 5)]:
    try:
        setattr(f, name, bad)
    except TypeError as e:
        print("TypeError", e)


def decorate(fn):
    def wrapper(*args, **kw):
        return fn(*args, **kw)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__qualname__ = fn.__qualname__
    return wrapper


@decorate
def greet(name="world"):
    "Say hello."
    return "hello " + name


print(greet(), greet.__name__, greet.__doc__, greet.__qualname__)
