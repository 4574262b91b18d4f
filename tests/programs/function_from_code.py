# Functions made from code objects: types.FunctionType(code, globals, ...).
def f(a, b=2):
    return a + b


F = type(f)
print(F.__name__)
g = F(f.__code__, globals())
print(g(1, 2), g.__name__, g.__defaults__)
h = F(f.__code__, {"__builtins__": __builtins__}, "h", (10,))
print(h(1), h.__name__, h.__defaults__, h.__qualname__)


def outer():
    x = 5

    def inner():
        return x

    return inner


i = outer()
j = F(i.__code__, globals(), "j", None, i.__closure__)
print(j(), j.__closure__[0].cell_contents)
code = compile("def made(n):\n    return n * k\n", "<gen>", "exec")
fn_code = [c for c in code.co_consts if type(c).__name__ == "code"][0]
m = F(fn_code, {"k": 7})
print(m(6), m.__name__, m.__globals__["k"])
for args in [(i.__code__, globals()), (1, {}), (f.__code__, []), (f.__code__, {}, 5), (f.__code__, {}, None, [1]), (i.__code__, {}, None, None, (1,))]:
    try:
        F(*args)
        print("ok")
    except TypeError as e:
        print("TypeError", e)
try:
    F(i.__code__, {}, None, None, ())
except ValueError as e:
    print("ValueError", e)
