# try/except/else/finally, raise, raise from, custom exceptions.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally runs")


print(divide(6, 3), divide(1, 0))


class AppError(Exception):
    pass


try:
    try:
        [][1]
    except IndexError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

for bad in ["1", "x", None]:
    try:
        print(int(bad) + 1)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)

try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args)

try:
    undefined_name
except NameError as e:
    print(e)

try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("assert:", e)


def reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling, then re-raising")
        raise


try:
    reraise()
except Exception as e:
    print("outer got", repr(e))
