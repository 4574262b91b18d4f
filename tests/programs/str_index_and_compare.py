# Indexing and slicing mostly-ASCII text with a few wide characters, and
# comparisons of exact strs, str subclasses and mixed operands.

text = "a" * 70 + "é" + "b" * 40 + "😀" + "c" * 33 + "€"
print(len(text))
for i in (0, 31, 32, 69, 70, 71, 100, 110, 111, 112, 140, 144, 145, -1, -2, -75):
    print(i, repr(text[i]))
print(repr(text[60:75]), repr(text[105:115]), len(text[3:140]), repr(text[-4:]))
print(text.index("é"), text.index("😀"), text.find("c"), text.rfind("b"), text.find("€", 100))
print(repr(text[::37]), repr(text[140:200]), repr(text[150:]))
try:
    text[len(text)]
except IndexError as e:
    print("IndexError:", e)
built = ""
for k in range(200):
    built += "x" if k % 41 else "ü"
print(len(built), [built[j] for j in range(0, 200, 41)], built[199], built[120:124])

words = ["pear", "Apple", "apple", "äpfel", "zebra", "", "a", "ab", "é", "e\u0301"]
for a in words:
    print(a, [a < b for b in words], [a == b for b in words].count(True), a >= "apple")
print(sorted(words), max(words), min(words))
print("abc" != "abd", "abc" <= "abc", "abd" > "abc", "€" > "é", "😀" > "€")


class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__str__(self), other)
        return True

    def __lt__(self, other):
        print("Loud.__lt__")
        return NotImplemented

    __hash__ = str.__hash__


class Quiet(str):
    pass


print("x" == Loud("y"), Loud("y") == "x", "q" != Loud("z"))
print(Quiet("a") < "b", "b" > Quiet("a"), Quiet("a") == "a")
try:
    print("a" < 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" < Loud("b"))
except TypeError as e:
    print("TypeError:", e)
print("a" == 1, "a" != None, 1 == "1")
