# Method lookups cached per call site must follow every change of a class.


class Base:
    def greet(self):
        return "base"


class Child(Base):
    pass


def call_greet(obj):
    return obj.greet()


c = Child()
print(call_greet(c))
Child.greet = lambda self: "child"
print(call_greet(c))
del Child.greet
print(call_greet(c))
Base.greet = lambda self: "new base"
print(call_greet(c))
c.greet = lambda: "instance"
print(call_greet(c))
del c.greet
print(call_greet(c))
Base.greet = 42
try:
    call_greet(c)
except TypeError as e:
    print("TypeError:", e)
del Base.greet
try:
    call_greet(c)
except AttributeError as e:
    print("AttributeError:", e)


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


k = Counter()
print([k.bump() for _ in range(5)])
setattr(Counter, "bump", lambda self: -1)
print(k.bump())


def shout(self):
    return "shout"


for cls in (Base, Child):
    setattr(cls, "greet", shout)
    print(call_greet(c), call_greet(Base()))


class Other:
    def greet(self):
        return "other"


for obj in [c, Other(), c, Base(), Other()]:
    print(call_greet(obj))
words = ["a", "b"]
for w in words:
    print(w.upper(), "x,y".split(","), [1].copy())
