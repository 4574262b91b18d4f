# Reference cycles made and dropped in loops: pairs of objects pointing at
# each other, rings, and trees whose children point back at their parent.
# Reference counting frees none of them; only the cycle collector does, so
# peak memory shows whether it keeps up.


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


class TreeNode:
    def __init__(self, value, parent):
        self.value = value
        self.parent = parent
        self.children = []


def pairs(n):
    total = 0
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.other = b
        b.other = a
        total += a.other.value + b.other.value
    return total


def rings(n, size):
    total = 0
    for i in range(n):
        first = Node(i)
        node = first
        for j in range(1, size):
            nxt = Node(j)
            node.other = nxt
            node = nxt
        node.other = first
        total += first.other.other.value
    return total


def tree(depth, value, parent):
    node = TreeNode(value, parent)
    if depth > 0:
        node.children.append(tree(depth - 1, 2 * value, node))
        node.children.append(tree(depth - 1, 2 * value + 1, node))
    return node


def leaf_sum(node):
    if not node.children:
        return node.value
    return sum(leaf_sum(child) for child in node.children)


def trees(n, depth):
    total = 0
    for _ in range(n):
        root = tree(depth, 1, None)
        total += leaf_sum(root)
    return total


n = 300_000
p = pairs(n)
# sum of i + (i + 1) for i < n
print("pairs", p, p == n * n)
r = rings(30_000, 10)
# each ring's first.other.other is the node made with j == 2
print("rings", r, r == 2 * 30_000)
t = trees(300, 8)
# the leaves of a depth-8 tree rooted at 1 are 256..511
print("trees", t, t == 300 * sum(range(256, 512)))
