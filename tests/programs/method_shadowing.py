# A method call checks that no instance attribute of the same name hides
# the method, however the instance's attributes change between calls.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return f"{self.name}: method"


def areas(shapes):
    return [s.area() for s in shapes]


a, b, c = Shape("a"), Shape("b"), Shape("c")
for round_ in range(4):
    if round_ == 1:
        b.area = lambda: "b: instance attribute"
    if round_ == 2:
        del b.area
        c.extra = 1
        c.area = lambda: "c: instance attribute after another"
    if round_ == 3:
        vars(a)["area"] = lambda: "a: through __dict__"
    print(round_, areas([a, b, c]))


class Many:
    def ping(self):
        return "ping"


m = Many()
for k in range(40):
    setattr(m, f"attr{k}", k)
print(m.ping())
m.ping = lambda: "shadowed with many attributes"
print(m.ping(), Many().ping())
