# Exceptions raised and caught in loops: custom classes, finally, re-raise.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing %s" % key)
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    if key not in table:
        raise NotFound(key)
    value = table[key]
    if value < 0:
        raise Invalid("negative")
    return value


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def parse(s):
    try:
        return int(s)
    except ValueError:
        return 0
    finally:
        pass


def deep(n):
    if n == 0:
        raise Invalid("bottom")
    return deep(n - 1)


table = {i: (i if i % 9 else -i) for i in range(0, 1000, 2)}
found = missing = invalid = 0
keys = 0
for i in range(300000):
    k = i % 1000
    try:
        found += lookup(table, k)
    except NotFound as e:
        missing += 1
        keys += e.key
    except Invalid:
        invalid += 1

divs = sum(safe_div(i, i % 5) for i in range(250000))
parsed = sum(parse(s) for s in ["12", "x", "7", "", "-3"] * 40000)

depth_errors = 0
cleanups = 0
for i in range(15000):
    try:
        try:
            deep(i % 20)
        finally:
            cleanups += 1
    except AppError as e:
        depth_errors += len(str(e))

reraised = 0
for i in range(100000):
    try:
        try:
            if i % 2:
                raise KeyError(i)
            raise IndexError(i)
        except KeyError:
            raise
    except LookupError as e:
        reraised += 1 if isinstance(e, KeyError) else 2

print("lookup", found, missing, invalid, keys)
print("divs", divs, "parsed", parsed)
print("deep", depth_errors, cleanups)
print("reraised", reraised)
