# The operator of a failing binary operation is marked with ^, its operands
# with ~, whatever the spacing, parentheses and operator width.
def add(a, b):
    return a + b


def floor_all(values, by):
    return [v //by for v in values]


def power(x):
    return (x) ** (None)


def describe(total):
    return "total: " + total  # a comment after


try:
    add(1, "one")
except TypeError as first:
    try:
        floor_all([1, 2], 0)
    except ZeroDivisionError as second:
        try:
            power(2)
        except TypeError as third:
            describe(len("日本語") + 0.5)
