# Subscripts and builtin calls take short paths for the common kinds
# (list/tuple/str with an int, an exact dict with a key whose hash and ==
# run no Python code; builtins with up to four arguments). Each case here
# sits next to one that must leave the short path.

# str[i]: ASCII, non-ASCII, astral, negative, out of range.
ascii_text = "hello world"
wide_text = "caf\u00e9 \u2603 \U0001f600!"
print(ascii_text[0], ascii_text[-1], ascii_text[4])
print(wide_text[3], wide_text[5], wide_text[7], wide_text[-1], wide_text[-2])
for text, index in ((ascii_text, 11), (ascii_text, -12), (wide_text, 9), ("", 0)):
    try:
        text[index]
    except IndexError as err:
        print("IndexError:", err)
print([c for c in (wide_text[i] for i in range(len(wide_text)))] == list(wide_text))
print(ascii_text[True], "abc"[False])


class StrChild(str):
    def __getitem__(self, index):
        return "child:" + str.__getitem__(self, index)


print(StrChild("xyz")[1])

# dict[key]: equal keys of different types, tuples, missing keys.
table = {1: "one", "two": 2, 3.5: "float", (1, "a"): "tuple", None: "none", True: "bool?"}
print(table[1], table[1.0], table["two"], table[3.5], table[(1, "a")], table[None])
print(table[True] == table[1])
nan = float("nan")
nan_table = {nan: "nan"}
print(nan_table[nan])
for key in ("three", (1, "b"), 2):
    try:
        table[key]
    except KeyError as err:
        print("KeyError:", repr(err))
try:
    table[[1]]
except TypeError as err:
    print("TypeError:", err)


class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        print("  __eq__", self.name)
        return isinstance(other, Key) and other.name == self.name


key_table = {Key("k"): "found by __eq__"}
print(key_table[Key("k")])
print({(Key("t"), 1): "tuple with a user key"}[(Key("t"), 1)])


class Defaulting(dict):
    def __missing__(self, key):
        return "missing " + repr(key)


class Upper(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key.upper())


defaulting = Defaulting(a=1)
print(defaulting["a"], defaulting["b"], defaulting[2])
print(Upper(A=10)["a"])

# User containers: the dunders get their arguments.


class Box:
    def __init__(self):
        self.items = {}

    def __getitem__(self, key):
        return self.items.get(key, "empty")

    def __setitem__(self, key, value):
        print("  set", key, value)
        self.items[key] = value

    def __delitem__(self, key):
        print("  del", key)
        del self.items[key]

    def __contains__(self, key):
        return key in self.items


box = Box()
box["x"] = 1
print(box["x"], box["y"], "x" in box, "y" in box)
del box["x"]
print("x" in box)


class Pair:
    def __divmod__(self, other):
        return ("divmod", other)

    def __rdivmod__(self, other):
        return ("rdivmod", other)


print(divmod(Pair(), 7), divmod(7, Pair()))

# Builtin calls with 0 to 6 arguments (the short path holds four).
print(max([3]), max(3, 9), max(3, 9, 4), max(3, 9, 4, 11), max(3, 9, 4, 11, 2), max(1, 2, 3, 4, 5, 6))
print(len("abc"), len([1, 2]), len({}), isinstance(3, int), isinstance("s", (int, str)))
print(abs(-4), abs(-2.5), round(2.567, 2), divmod(17, 5), pow(2, 10, 1000))
print("a", "b", "c", "d", "e", "f", sep="-")
print(int("12"), int("ff", 16), str(5), tuple([1, 2]), list("ab"))
try:
    len(5)
except TypeError as err:
    print("TypeError:", err)
try:
    len()
except TypeError as err:
    print("TypeError:", err)
try:
    isinstance(1, 2, 3, 4, 5)
except TypeError as err:
    print("TypeError:", err)
