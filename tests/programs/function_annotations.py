# Function annotations, as CPython 3.11 records them.
def g(a: int, b, *args: "extra", c: float = 1.0, **kw: dict) -> str:
    return str(a)


print(g.__annotations__)
print(g.__dict__, (lambda x: x).__annotations__)


def h():
    pass


print(h.__annotations__, h.__dict__)
h.__annotations__ = {"x": 1}
print(h.__annotations__)


class K:
    def m(self, __private: int) -> "K":
        return self


print(K.m.__annotations__)
