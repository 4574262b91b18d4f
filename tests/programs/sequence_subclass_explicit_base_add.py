# A subclass of a builtin sequence that stores the base's own __add__
# (`__add__ = str.__add__`) keeps the base's behaviour: the other
# operand's __radd__ is asked first, as for a subclass that inherits it;
# assigning the base's wrapper over an override restores concatenation.
import operator
class Reflected:
    def __init__(self, result): self.result = result; self.calls = 0
    def __radd__(self, other):
        self.calls += 1
        return self.result
for base, left in ((str, "a"), (bytes, b"a"), (tuple, (1,)), (list, [1]), (bytearray, b"a")):
    class Native(base): pass
    class Child(Native): pass
    class Explicit(base):
        __add__ = base.__add__
    for cls in (Native, Child, Explicit):
        for result in ("reflected", NotImplemented):
            other = Reflected(result)
            try:
                r = operator.add(cls(left), other)
            except TypeError as e:
                r = 'TypeError'
            print(base.__name__, cls.__name__, result, r, other.calls)
class Override(str):
    def __add__(self, other):
        return NotImplemented
Override.__add__ = str.__add__
print(operator.add(Override('a'), 'b'))
class N(str): pass
print(N('a') + 'b')
