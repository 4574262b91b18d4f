# Every class has its own __doc__ (None without a docstring), seen by its
# instances and never inherited; dir() sorts what a class's __dir__ says.


class Plain:
    x = 1


class Documented:
    "The documented class."


class Child(Documented):
    pass


class Slotted:
    __slots__ = ("a",)


print(Plain.__doc__, Plain().__doc__, Documented().__doc__, Child.__doc__, Child().__doc__)
print(list(Slotted.__dict__), "__doc__" in Plain.__dict__, Plain.__dict__["__doc__"])


class Listed:
    def __dir__(self):
        return ["zeta", "alpha", "alpha", "Mid"]


class Tupled:
    def __dir__(self):
        return ("b", "a")


print(dir(Listed()), dir(Tupled()), "x" in dir(Plain()), "__doc__" in dir(Plain))
