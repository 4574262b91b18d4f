# Review findings: super() of object's and BaseException's dunders,
# function metadata assignment, class __class__, exec of code with free
# variables.
class E(Exception):
    def __str__(self):
        return "E:" + super().__str__()

    def __repr__(self):
        return "R:" + super().__repr__()


print(str(E("boom")), Exception.__str__(E("x")), repr(E("y")))


class K(KeyError):
    def __str__(self):
        return "K:" + super().__str__()


print(str(K("k")))


class O:
    def __repr__(self):
        return "O<" + super().__repr__()[:10] + ">"

    def __eq__(self, other):
        return super().__eq__(other)

    def __hash__(self):
        return super().__hash__()


o = O()
print(repr(o), o == o, o == 1, hash(o) == object.__hash__(o))


def w(a=1):
    "old doc"
    return a


w.__name__ = "ww"
w.__qualname__ = "Q.ww"
w.__doc__ = "doc"
print(w.__name__, w.__qualname__, w.__doc__, sorted(w.__dict__), repr(w).startswith("<function Q.ww at"))
try:
    w.__name__ = 5
except TypeError as e:
    print("TypeError", e)


class Meta(type):
    pass


class A:
    pass


try:
    A.__class__ = Meta
except TypeError as e:
    print("TypeError", e)


def outer():
    x = 1

    def inner():
        return x

    return inner


for run in (exec, eval):
    try:
        run(outer().__code__)
    except TypeError as e:
        print("TypeError", e)
