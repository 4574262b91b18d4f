# One attribute site reading and writing through instances of several
# classes in turn: `__slots__` members (with and without a `__dict__`
# beside them), class values (shadowed by an instance's own attribute,
# replaced on the class), properties and plain attributes.

class Base:
    __slots__ = ("args", "parent")
    KIND = "base"
    TABLE = {"k": 0}

    def __init__(self, args):
        self.args = args
        self.parent = None


class Leaf(Base):
    # No __slots__: instances get a __dict__ beside the base's slots.
    KIND = "leaf"
    TABLE = {"k": 1}


class Pair(Base):
    __slots__ = ("right",)
    TABLE = {"k": 2}

    def __init__(self, args, right):
        super().__init__(args)
        self.right = right


class Named(Leaf):
    @property
    def KIND(self):
        return "named:" + str(self.args)


def read(node):
    return node.args, node.KIND, node.TABLE["k"], node.parent


def write(node, value):
    node.args = value
    node.parent = value * 2


nodes = [Base(1), Leaf(2), Pair(3, "r"), Named(4), Leaf(5), Base(6)]
for round_ in range(3):
    print(round_, [read(n) for n in nodes])
    for n in nodes:
        write(n, n.args + 10)

# An instance attribute hides the class value for that instance only.
leaf = nodes[1]
leaf.KIND = "own"
print([n.KIND for n in nodes])
del leaf.KIND
print([n.KIND for n in nodes])

# Replacing a class value is seen at once by every site.
Leaf.TABLE = {"k": 99}
print([read(n)[2] for n in nodes])
Base.KIND = "changed"
print([read(n)[1] for n in nodes])

# An unset slot still raises, whichever class the site saw before.
class Empty(Base):
    __slots__ = ()
    def __init__(self):
        pass

for n in [nodes[0], Empty(), nodes[2]]:
    try:
        print(read(n)[0])
    except AttributeError as e:
        print("AttributeError:", e)

# A slotted class without a __dict__ refuses new attributes.
try:
    nodes[0].other = 1
except AttributeError as e:
    print("AttributeError:", e)
nodes[1].other = 1
print(nodes[1].__dict__)

# The same site over classes whose attribute is a plain value, a
# property and a __getattr__ answer.
class A:
    value = 1

class B:
    @property
    def value(self):
        return 2

class C:
    def __getattr__(self, name):
        return "getattr:" + name

class D:
    def __init__(self):
        self.value = 4

def get_value(o):
    return o.value

print([get_value(o) for o in [A(), B(), C(), D(), A(), C(), B()] * 2])
