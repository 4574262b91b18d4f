# Calling a container's comparison dunder directly compares its items
# as the operator does (their own __eq__/__lt__), and answers
# NotImplemented for operands of other types.
class E:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return self.k == o.k
    def __lt__(self, o): return self.k < o.k
a, b = E(1), E(1)
print((a,).__eq__((b,)), [a].__eq__([b]), tuple.__eq__((a,), (b,)), {1: a}.__eq__({1: b}), (a,).__ne__((b,)))
print([a].__lt__([E(2)]), (1,).__eq__([1]), (1,).__lt__("x"), [1].__eq__(None), (1,2).__le__((1,2)))
print(int.__eq__(1, 1.0), (1).__lt__(2.5), "a".__eq__(1), [1, 2].__gt__([1]))
