# `__subclasses__()` of builtin types lists the builtin types made on them
# and the program's classes (only classes still alive).
import gc


class MyError(Exception):
    pass


class Plain:
    pass


class Number(int):
    pass


class Small(Number):
    pass


print(MyError in Exception.__subclasses__(), Plain in object.__subclasses__())
print(Number in int.__subclasses__(), bool in int.__subclasses__(), Small in int.__subclasses__())
print(Number.__subclasses__() == [Small], MyError.__subclasses__())
for base, names in ((Exception, ("TypeError", "ValueError", "ArithmeticError", "LookupError")),
                    (LookupError, ("IndexError", "KeyError")),
                    (ArithmeticError, ("ZeroDivisionError", "OverflowError", "FloatingPointError")),
                    (OSError, ("FileNotFoundError", "PermissionError", "ConnectionError")),
                    (ConnectionError, ("BrokenPipeError", "ConnectionResetError"))):
    found = {c.__name__ for c in base.__subclasses__()}
    print(base.__name__, [name in found for name in names])
print(all(issubclass(c, Exception) for c in Exception.__subclasses__()))
del MyError
gc.collect()
print([c.__name__ for c in Exception.__subclasses__() if c.__name__ == "MyError"])
