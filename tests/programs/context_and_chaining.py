# with statements and exception chaining.
class Resource:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.suppress


log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append(f"body {a.name}{b.name}")
print(log)

log = []
with Resource("outer", log, suppress=True):
    with Resource("inner", log):
        raise KeyError("lost")
print(log)

log = []
try:
    with Resource("x", log):
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e, log)


def first_item(seq):
    for item in seq:
        with Resource("loop", log):
            return item


log = []
print(first_item([7, 8]), log)


class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


try:
    try:
        {}["key"]
    except KeyError as e:
        raise AppError(404, "not found") from e
except AppError as e:
    print(e.code, e, repr(e.__cause__), e.__suppress_context__ if hasattr(e, "__suppress_context__") else "")

try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("while converting")
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)

try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args, str(e), repr(e))
print(isinstance(AppError(1, "m"), Exception), issubclass(AppError, BaseException))
