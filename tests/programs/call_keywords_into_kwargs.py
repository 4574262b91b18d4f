def kw(**k):
    return k


def mixed(a, b=2, *, c=3, **rest):
    return a, b, c, rest


def posonly(a, /, **k):
    return a, k


def gen(**k):
    yield k


print(kw(), kw(a=1, b=2), kw(b=1, a=2))
print(mixed(1), mixed(1, c=5, z=6, b=7), mixed(a=1, y=2), mixed(1, 2, x=1, c=4))
print(posonly(1, a=2), posonly(0, b=1, a=9))
print(next(gen(x=1, y=2)))
try:
    mixed(1, a=2)
except TypeError as e:
    print('TypeError', e)
try:
    mixed(b=2)
except TypeError as e:
    print('TypeError', e)
d = kw(p=1)
d['q'] = 2
print(d, kw(p=1))


class C:
    def m(self, x, **options):
        return x, options


print(C().m(1, verbose=True), C().m(x=2, a=1))
key = list(kw(alpha=1))[0]
print(key == 'alpha', type(key).__name__)
