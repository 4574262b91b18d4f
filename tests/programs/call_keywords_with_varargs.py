def both(a, *args, b=1, **kw):
    return a, args, b, kw


def star(*args, sep=' '):
    return sep.join(map(str, args))


def wrapper(*args, **kwargs):
    return args, kwargs


def gen(*args, **kw):
    yield args, kw


def cells(*args, key=None):
    def inner():
        return args, key
    return inner()


print(both(1), both(1, 2, 3, b=4), both(1, 2, c=5), both(a=1, b=2), both(1, 2, 3, x=1, b=0))
print(star(1, 2, 3, sep='-'), star(sep='+'), star(1, sep=''))
print(wrapper(1, 2, k=3), wrapper(k=1), wrapper(1, a=1, b=2))
print(next(gen(1, 2, z=3)), cells(1, 2, key='k'))
for bad in [lambda: both(1, a=2), lambda: both(b=2), lambda: star(1, 2, nope=1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)


class K:
    def m(self, *items, flag=False, **extra):
        return items, flag, extra


print(K().m(1, 2, flag=True, x=1), K().m(flag=1))
