# Calling a builtin sequence's __add__/__mul__/__mod__ explicitly is its
# concatenation, repetition or formatting: an instance operand gets the
# sequence's error, not NotImplemented.
class R:
    def __radd__(self, other):
        return 'R'

    def __rmul__(self, other):
        return 'RM'

    def __repr__(self):
        return 'R()'


class Count:
    def __index__(self):
        return 3


calls = [
    lambda: str.__add__("a", R()),
    lambda: list.__add__([], R()),
    lambda: tuple.__add__((), R()),
    lambda: bytes.__add__(b"", R()),
    lambda: str.__mul__("a", R()),
    lambda: list.__mul__([1], R()),
    lambda: str.__mul__("ab", Count()),
    lambda: tuple.__mul__((1,), Count()),
    lambda: int.__add__(1, R()),
    lambda: "a".__add__(1),
    lambda: [].__add__(()),
    lambda: str.__mod__("%s!", R()),
    lambda: bytes.__mod__(b"%d", 5),
    lambda: "a" + R(),
    lambda: [1] * Count(),
]
for call in calls:
    try:
        print(repr(call()))
    except TypeError as e:
        print('TypeError', e)


class S(str):
    def __add__(self, other):
        return 'S:' + super().__add__(other)


print(S('x') + 'y')
try:
    S('x') + R()
except TypeError as e:
    print('TypeError', e)
