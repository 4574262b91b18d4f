# Attribute reads and writes of instances whose class has data
# descriptors: a per-site cache may remember that a name is no data
# descriptor, and must forget it when the class changes.
class Base:
    @property
    def shape(self):
        return "base-shape"

class Node(Base):
    def __init__(self, n):
        self.n = n

def read_all(nodes):
    return [node.n for node in nodes]

def write_all(nodes, value):
    for node in nodes:
        node.n = value

nodes = [Node(i) for i in range(3)]
# An attribute put straight into the dict (not at the class's shared keys).
odd = Node.__new__(Node)
odd.__dict__["n"] = "direct"
nodes.append(odd)
print(read_all(nodes))
write_all(nodes, 7)
print(read_all(nodes))

# The name becomes a property of the class: reads and writes go through it.
def get_n(self):
    return "property-n"
def set_n(self, value):
    self.__dict__["stored"] = value
Base.n = property(get_n, set_n)
print(read_all(nodes))
write_all(nodes, 9)
print(read_all(nodes), [node.__dict__.get("stored") for node in nodes])

# And goes away again: the instances' own values show through.
del Base.n
print(read_all(nodes))
write_all(nodes, 11)
print(read_all(nodes))

# A __getattribute__ added later is asked for every read.
def loud(self, name):
    return "loud-" + name
Node.__getattribute__ = loud
print(read_all(nodes))
del Node.__getattribute__
print(read_all(nodes))

# A subclass with its own data descriptor of that name.
class Shadow(Node):
    n = property(lambda self: "shadowed", lambda self, value: None)
shadow = Shadow(5)
print(read_all(nodes + [shadow]))
