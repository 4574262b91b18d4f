# Instance attributes and methods read through the per-site caches, where
# the value or method takes the instance's place on the stack.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)

    def method(self):
        return "method of " + self.tag


def reads():
    total = 0
    for i in range(5):
        p = Point(i, -i)
        total += p.x - p.y + p.norm1()
    print("total", total)
    # The last reference to the instance goes with the attribute read.
    for i in range(2):
        print(Noisy("t%d" % i).tag)
        print(Noisy("m%d" % i).method())
    # A value stored on the instance hides the class's method from then on.
    p = Point(1, 2)
    for i in range(3):
        if i == 1:
            p.norm1 = lambda: "instance attribute"
        print(p.norm1())
    # Deleting the attribute shows the method again.
    del p.norm1
    print(p.norm1())
    # The class's method replaced between calls.
    q = Point(3, 4)
    for i in range(3):
        if i == 2:
            Point.norm1 = lambda self: "replaced"
        print(q.norm1())
    # Attributes that go missing.
    r = Point(5, 6)
    for i in range(3):
        if i == 2:
            del r.y
        try:
            print(r.y)
        except AttributeError as e:
            print("AttributeError:", e)


class Base:
    def greet(self):
        return "base"


class Derived(Base):
    def greet(self):
        return "derived+" + super().greet()


def methods():
    d = Derived()
    for _ in range(3):
        print(d.greet())
    items = []
    for i in range(3):
        items.append(i)
        items.extend([i])
    print(items)
    s = "a-b"
    for _ in range(2):
        print(s.split("-"), s.upper())
    # A bound method object kept and called later.
    m = d.greet
    print(m())
    # An int and a float receiver at one site.
    for v in (3, 2.5, 3):
        print(v.__add__(1))


reads()
methods()
