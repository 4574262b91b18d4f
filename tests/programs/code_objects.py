# Code objects and function attributes from Python.
def f(a, b=2, *args, c, d=4, **kw):
    """doc"""
    e = a + b
    return e


code = f.__code__
print(type(code).__name__, code.co_name, code.co_qualname, code.co_filename.endswith("code_objects.py"))
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_varnames, code.co_cellvars, code.co_freevars, code.co_firstlineno)
print(code.co_flags, code.co_flags & 0x04, code.co_flags & 0x08)
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__globals__ is globals(), f.__closure__, f.__annotations__, f.__code__ == code)


def outer():
    x = 1

    def inner():
        return x

    return inner


inner = outer()
print(outer.__code__.co_cellvars, inner.__code__.co_freevars, inner.__code__.co_flags & 0x10)
print(len(inner.__closure__), type(inner.__closure__[0]).__name__, inner.__closure__[0].cell_contents)


def gen():
    yield 1


print(gen.__code__.co_flags & 0x20, (lambda: 0).__code__.co_name, outer.__code__.co_consts[0] is None or True)
c = compile("x = 1\ny = 2\n", "<mod>", "exec")
print(c.co_name, c.co_filename, c.co_names, c.co_flags, c.co_argcount)
print({4, 5} <= {line for (_, _, line) in f.__code__.co_lines()})
for name in ["co_name", "co_argcount"]:
    try:
        setattr(code, name, 1)
    except AttributeError as e:
        print("AttributeError", e)
g = f.__code__.replace(co_name="renamed")
print(g.co_name, g == code, code == f.__code__, hash(code) == hash(f.__code__))
print(isinstance(code.co_code, bytes), len(code.co_code) > 0)
try:
    code.replace(co_bogus=1)
except TypeError as e:
    print("TypeError", e)
h = f.__code__.replace(co_consts=f.__code__.co_consts)
print(h == f.__code__)
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
add.__code__  # read twice
print(add(5, 3), sub(5, 3))
def f():
    pass
def gen():
    yield 1
print(f.__code__ is f.__code__, gen().gi_code is gen.__code__)
c = compile("1", "s", "eval")
print(c is c, c.replace(co_name="x") is c)
print(all(n in dir(code) for n in ["co_name", "co_varnames", "co_consts", "replace", "co_lines"]))
