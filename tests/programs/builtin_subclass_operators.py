# Binary operators on instances of subclasses of str, bytes, int, float,
# complex, tuple and list: the builtin operation when no class defines an
# operator, the class's own methods when one does (also when added or
# removed after the class statement), CPython's messages on errors.


class S(str):
    pass


class B(bytes):
    pass


class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


class T(tuple):
    pass


class L(list):
    pass


def show(value):
    return f"{type(value).__name__}:{value!r}"


cases = [
    ("S+str", lambda: S("ab") + "cd"),
    ("str+S", lambda: "ab" + S("cd")),
    ("S+S", lambda: S("a") + S("b")),
    ("S*I", lambda: S("ab") * I(3)),
    ("I*S", lambda: I(2) * S("xy")),
    ("B+bytes", lambda: B(b"a") + b"b"),
    ("I+I", lambda: I(2) + I(3)),
    ("I/I", lambda: I(7) / I(2)),
    ("I//int", lambda: I(7) // 2),
    ("I%I", lambda: I(7) % I(4)),
    ("I**int", lambda: I(2) ** 10),
    ("int-I", lambda: 10 - I(4)),
    ("I<<I", lambda: I(1) << I(4)),
    ("I&I|I^", lambda: (I(6) & I(3)) | (I(8) ^ I(1))),
    ("F*F", lambda: F(1.5) * F(2.0)),
    ("float+I", lambda: 1.5 + I(2)),
    ("F-int", lambda: F(2.5) - 1),
    ("C*C", lambda: C(1, 1) * C(2, -1)),
    ("T+tuple", lambda: T((1, 2)) + (3,)),
    ("tuple+T", lambda: (0,) + T((1,))),
    ("L+list", lambda: L([1]) + [2]),
    ("L*I", lambda: L([0]) * I(3)),
    ("S%tuple", lambda: S("%s-%d") % ("a", 5)),
    ("S%int", lambda: S("%05d") % 42),
]
for name, make in cases:
    print(name, show(make()))

for name, make in [
    ("S+int", lambda: S("a") + 1),
    ("int+S", lambda: 1 + S("a")),
    ("L+T", lambda: L([1]) + T((2,))),
    ("T+L", lambda: T((1,)) + L([2])),
    ("I/0", lambda: I(1) / 0),
    ("I//I0", lambda: I(1) // I(0)),
    ("S-S", lambda: S("a") - S("b")),
    ("B+S", lambda: B(b"a") + S("b")),
    ("F%0", lambda: F(1.0) % 0),
    ("I@I", lambda: I(1) @ I(2)),
]:
    try:
        print(name, show(make()))
    except Exception as e:
        print(name, type(e).__name__, e)


# In place: a list subclass extends itself and stays itself.
items = L([1])
alias = items
items += [2, 3]
print(items is alias, show(items))
items *= 2
print(items is alias, show(items))
text = S("a")
text += "b"
print(show(text))
number = I(5)
number += 1
print(show(number))


# A class that defines an operator, in itself, a base or a mixin.
class Loud(str):
    def __add__(self, other):
        return "Loud+" + str.__add__(self, other)

    def __radd__(self, other):
        return "radd:" + other + str(self)


class Quiet(Loud):
    pass


class RMixin:
    def __rmul__(self, other):
        return ("rmul", other)


class M(RMixin, int):
    pass


print(Loud("x") + "y", "y" + Loud("x"), Quiet("q") + "r", 3 * M(4), M(4) * 3)


class Aliased(str):
    __add__ = str.__add__


print(show(Aliased("p") + "q"))


# Operators added to and removed from a class after the class statement.
class Late(int):
    pass


late = Late(10)
print(show(late + 1))
Late.__add__ = lambda self, other: "late add"
print(late + 1)
Late.__radd__ = lambda self, other: "late radd"
print(1 + late)
del Late.__add__
del Late.__radd__
print(show(late + 1), show(1 + late))


class Base(list):
    pass


class Child(Base):
    pass


child = Child([1])
print(show(child + [2]))
Base.__add__ = lambda self, other: "base add"
print(child + [2])


# `%` formatting with an instance on the right: its own __str__/__repr__.
class Shown(str):
    def __str__(self):
        return "shown"

    def __repr__(self):
        return "Shown()"


class Plain(str):
    pass


print("%s %r" % (Shown("x"), Shown("x")), "%s" % Shown("y"), "%s|%r" % (Plain("p"), Plain("p")))
print("[%s]" % Plain("alone"), b"%s" % B(b"raw"))


class RMod(str):
    def __rmod__(self, other):
        return "rmod wins"


print("%s" % RMod("z"))


def loop():
    total = S("")
    count = I(0)
    for i in range(300):
        total = total + "x"
        count = count + I(i)
    return len(total), type(total).__name__, count, type(count).__name__


print(loop())


# Comparisons: the builtin values unless a class defines a comparison.
print(S("a") == "a", "a" == S("a"), S("a") != S("b"), S("a") < "b", S("b") >= S("b"),
      I(3) == 3.0, F(2.5) > I(2), B(b"x") == b"x", I(1) == S("1"), S("a") == None)
for name, make in [
    ("S<int", lambda: S("a") < 1),
    ("int>=S", lambda: 1 >= S("a")),
    ("I<S", lambda: I(1) < S("a")),
    ("B<S", lambda: B(b"a") < S("a")),
]:
    try:
        print(name, make())
    except TypeError as e:
        print(name, "TypeError", e)


class Ordered(str):
    def __lt__(self, other):
        return "custom lt"


class Equal(int):
    def __eq__(self, other):
        return "custom eq"

    __hash__ = int.__hash__


print(Ordered("b") < "a", "a" > Ordered("b"), Ordered("b") > "a", Equal(1) == 2, 2 == Equal(1),
      Equal(1) != 1)


class LateCompare(float):
    pass


value = LateCompare(1.0)
print(value <= 1, value == 1)
LateCompare.__le__ = lambda self, other: "late le"
LateCompare.__eq__ = lambda self, other: "late eq"
print(value <= 1, value == 1)
del LateCompare.__le__
del LateCompare.__eq__
print(value <= 1, value == 1)
print(sorted([S("b"), "c", S("a")]), max(I(3), 7, I(5)), S("x") in ["y", "x"])
