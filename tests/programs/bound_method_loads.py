# `obj.method` read as a value, again and again at one site: each read
# binds the function the class has now, unless the instance hides it.

class Parser:
    def __init__(self, name):
        self.name = name

    def item(self):
        return "item of " + self.name

    @classmethod
    def make(cls):
        return cls.__name__

    @staticmethod
    def helper():
        return "helper"


def callbacks(p):
    return [p.item, p.make, p.helper]


p = Parser("p")
for _ in range(3):
    cbs = callbacks(p)
    print([cb() for cb in cbs], cbs[0].__self__ is p, cbs[0].__func__ is Parser.item)

print(p.item == p.item, p.item is p.item)

# Hidden by an instance attribute, then shown again.
p.item = lambda: "own"
print(callbacks(p)[0]())
del p.item
print(callbacks(p)[0]())

# Replaced on the class: every site binds the new function.
def new_item(self):
    return "new item of " + self.name

Parser.item = new_item
print(callbacks(p)[0]())

# A subclass overriding it, at the same site.
class Sub(Parser):
    def item(self):
        return "sub " + super().item()

for obj in [p, Sub("s"), p, Sub("t")]:
    print(callbacks(obj)[0]())

# A class whose __getattribute__ sees every read.
class Watched(Parser):
    def __getattribute__(self, name):
        if name == "item":
            return lambda: "watched"
        return super().__getattribute__(name)

for obj in [p, Watched("w"), p]:
    print(callbacks(obj)[0]())
