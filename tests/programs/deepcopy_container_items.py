# copy.deepcopy of containers whose items are atomic (kept as they are),
# mutable (copied once, sharing kept) or of user types.
import copy


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class MyInt(int):
    pass


class Token:
    """Registered as atomic: deepcopy gives it back as it is."""


copy._deepcopy_dispatch[Token] = copy._deepcopy_atomic

shared = [1, 2]
token = Token()
big = 10 ** 30
text = "".join(["tex", "t"])
original = {
    "ints": [1, 2, big, True, None, 2.5, 3j, "s", b"b", range(3)],
    "tuple": (1, "a", None),
    "nested": ([shared, shared], (shared,)),
    "points": [Point(1, 2), Point(3, 4)],
    "myint": [MyInt(7)],
    "token": [token, (token,)],
    frozenset({1, 2}): {text: text},
    (1, 2): "tuple key",
}
copied = copy.deepcopy(original)
print(copied == {k: v for k, v in original.items() if k not in ("points", "myint", "token")} | {
    "points": copied["points"], "myint": copied["myint"], "token": copied["token"]})
print([a is b for a, b in zip(original["ints"], copied["ints"])])
print(original["tuple"] is copied["tuple"])
first, second = copied["nested"][0]
print(first == shared, first is shared, first is second, copied["nested"][1][0] is first)
print(copied["points"], [p is q for p, q in zip(original["points"], copied["points"])])
print(copied["myint"], type(copied["myint"][0]).__name__, copied["myint"][0] is original["myint"][0])
print(copied["token"][0] is token, copied["token"][1] is original["token"][1])
print(copied[frozenset({1, 2})][text] is text)
print(copied[(1, 2)])

# A list that holds itself, and a tuple that holds a list.
loop = [1, "a"]
loop.append(loop)
again = copy.deepcopy(loop)
print(again[2] is again, again[:2], again is loop)
holder = (1, [2, 3])
held = copy.deepcopy(holder)
print(held == holder, held is holder, held[1] is holder[1])

# A memo given by the caller keeps its copies of mutable items.
memo = {}
inner = [9]
first_copy = copy.deepcopy([inner, 1], memo)
second_copy = copy.deepcopy([inner, 2], memo)
print(first_copy[0] is second_copy[0], first_copy[0] is inner)


# A class's __deepcopy__ is called for items too.
class Logged:
    def __deepcopy__(self, memo):
        print("deepcopy of Logged, memo is a", type(memo).__name__)
        return "replaced"


print(copy.deepcopy([Logged(), 1, (Logged(),)]))
print(copy.deepcopy({"k": Logged()}))
