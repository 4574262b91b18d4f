# At exit, the __del__ of module-level objects runs while the module's
# names are still bound (CPython frees __main__'s namespace as cyclic
# garbage: its functions refer back to it), oldest objects first. (Objects
# held inside other containers die in an order that depends on CPython's
# collector generations: not shown here.)
import sys

PREFIX = "del"
registry = []


class Counted:
    alive = 0

    def __init__(self, name):
        self.name = name
        Counted.alive += 1

    def __del__(self):
        Counted.alive -= 1
        registry.append(self.name)
        print(PREFIX, self.name, Counted.alive, len(registry), helper(self.name), sys.maxsize > 0)


def helper(name):
    return name.upper()


first = Counted("first")
many = [Counted("item%d" % i) for i in range(3)]
last = Counted("last")
print("end of program", Counted.alive)
