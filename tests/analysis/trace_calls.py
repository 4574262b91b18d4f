# krait trace --calls
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def evens(limit):
    for i in range(limit):
        if i % 2 == 0:
            yield i


def risky(d, key):
    return d[key]


def safe(d, key, default=None):
    try:
        return risky(d, key)
    except KeyError:
        return default


print(fact(3))
print(list(evens(5)))
print(safe({'a': 1}, 'a'), safe({}, 'b', default='none'))
