# str.join over a deque reads its items in place: both halves of its ring
# buffer, in order, with join's own errors.
from collections import deque

d = deque()
print(repr(", ".join(d)))
d.append("only")
print(", ".join(d) is d[0])
for i in range(5):
    d.append(f"b{i}")
    d.appendleft(f"f{i}")
print("-".join(d))
print("".join(deque("abc", maxlen=2)))
d.rotate(3)
print("|".join(d))


class S(str):
    pass


print("+".join(deque([S("x"), "y", S("z")])))
for bad in (deque(["a", 1]), deque([b"x"]), deque(["a", "b", None])):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError", e)


class D(deque):
    def __iter__(self):
        return iter(["sub", "class"])


print(" ".join(D(["not", "these"])))
big = deque(str(i) for i in range(100000))
print(len("".join(big)), "".join(big)[-10:])
