# str.split() with no separator, lower() and upper(): ASCII text takes a
# byte-wise path, other text the Unicode one; both must agree with CPython.
samples = [
    "",
    "   ",
    "one",
    "  two words  ",
    "tabs\tand\nnewlines\r\nmixed\x0bvertical\x0cfeed",
    "info\x1cseparators\x1dare\x1ewhitespace\x1ftoo",
    "no\x00nul\x7fdel",
    "a" * 40 + " " + "B" * 40,
    "non-breaking\xa0space and\u3000ideographic",
    "caf\u00e9 na\u00efve \u00c9COLE",
]
for s in samples:
    print(s.split(), s.split(None, 1), s.split(maxsplit=2), s.rsplit(None, 1))
    print(s.lower(), s.upper(), s.lower().split() == s.split() or s.lower() != s)

print("Stra\u00dfe".upper(), "\u0130stanbul".lower(), len("\u0130".lower()))
print("MiXeD 123 !?".lower(), "MiXeD 123 !?".upper())
long_ascii = "The Quick Brown Fox Jumps Over The Lazy Dog " * 3
print(long_ascii.lower(), long_ascii.upper())
print(len(long_ascii.split()), long_ascii.split()[-1], long_ascii.split(None, 3)[3][:10])
words = ("alpha BETA Gamma " * 5).split()
print([w.lower() for w in words][:6], [w.upper() for w in words][-3:])
try:
    "x".lower(1)
except TypeError as e:
    print("TypeError", e)
for method in (str.upper, str.casefold, str.title, str.isdigit, str.isupper, str.isidentifier):
    try:
        method("x", 1)
    except TypeError as e:
        print("TypeError", e)

# printf-style %d: the plain case has its own path; flags, widths and other
# types take the general one.
print("%d" % 5, "%d" % -5, "%d" % True, "%d" % 2**70, "%d" % 3.7, "%d" % -0.5)
print("%5d|%-5d|%05d|%+d|% d|%d%%" % (3, 3, -3, 3, 3, 50), "%i %u" % (1, 2))
print(["w%d" % (i % 7) for i in range(10)], "%s=%d" % ("k", 10))
for bad in ("x", None, [1]):
    try:
        "%d" % bad
    except TypeError as e:
        print("TypeError", e)

# Splitting long texts (equal parts may share one object; only values and
# order are observable).
words = "the quick brown fox jumps over the lazy dog".split()
text = " ".join(words[i % len(words)] + ("" if i % 7 else str(i)) for i in range(3000))
parts = text.split()
print(len(parts), parts[:5], parts[-3:], parts.count("the"), len(set(parts)))
print(text.split(" ", 5)[:6], len(text.split(maxsplit=100)), text.split(maxsplit=2)[:2])
lines = "\n".join("line %d: %s" % (i, words[i % 9]) for i in range(2000))
split_lines = lines.split("\n")
print(len(split_lines), split_lines[1234], split_lines[-1], len(set(split_lines)))
csv = ",".join(["a", "bb", "", "a"] * 700)
fields = csv.split(",")
print(len(fields), fields[:5], fields.count(""), csv.split(",", 3)[:4])
uni = " ".join(["caf\u00e9", "na\u00efve", "\u00e9t\u00e9"] * 500)
print(len(uni.split()), uni.split()[:4], uni.split("\u00e9")[:3], len(set(uni.split())))
