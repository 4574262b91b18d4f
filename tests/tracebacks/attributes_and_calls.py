# Attribute errors mark the attribute access; calls mark the call; a range
# that is the whole line is not marked; multi-line calls and chains mark
# their first line (from the failing part on).
class Node:
    def __init__(self, parent=None):
        self.parent = parent

    def root(self):
        return self.parent.root()


def build(depth):
    node = Node()
    for _ in range(depth):
        node = Node(node)
    return node


def total(values):
    result = sum(
        values,
        start=0,
    )
    return result


try:
    build(2).root()
except AttributeError:
    try:
        value = total(["a",
                       "b"])
    except TypeError:
        text = "abc"
        print(text
              .upper()
              .missing())
