# The order __del__ methods run in when a structure dies: depth first, as
# CPython's deallocators go (a list's items last to first, an instance's
# attributes, dicts in insertion order), including deep chains.
class Noisy:
    def __init__(self, name, *held):
        self.name = name
        self.held = list(held)

    def __del__(self):
        print("del", self.name)


def tree(name, depth):
    if depth == 0:
        return Noisy(name)
    return Noisy(name, tree(name + "L", depth - 1), tree(name + "R", depth - 1))


t = tree("t", 3)
del t
print("--")
d = {"a": Noisy("a", Noisy("a1")), "b": [Noisy("b1"), Noisy("b2", Noisy("b21"))], "c": (Noisy("c1"),)}
del d
print("--")
chain = None
for i in range(5):
    chain = Noisy(f"n{i}", chain) if chain else Noisy(f"n{i}")
del chain
print("--")
# A long chain dies without overflowing the stack; its finalizers all run.
count = 0


class Counted:
    def __init__(self, nxt):
        self.nxt = nxt

    def __del__(self):
        global count
        count += 1


head = None
for i in range(100000):
    head = Counted(head)
del head
print("counted", count)
