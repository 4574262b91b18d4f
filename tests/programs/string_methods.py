# str methods, slicing, escapes, f-string format specs, % and str.format.
s = "  Hello, World!  "
t = s.strip()
print(repr(t), t.lower(), t.upper(), t.swapcase(), len(s))
print(t.split(", "), "a,b,,c".split(","), "  x  y ".split(), "k=v=w".split("=", 1))
print("-".join(["a", "b", "c"]), t.replace("l", "L", 2), t.find("o"), t.rfind("o"), t.find("z"))
print(t.startswith("Hell"), t.endswith("!"), t.count("l"), t.index("W"), "abc".isalpha(), "12".isdigit())
print(t[0], t[-1], t[2:5], t[::-1], t[::3], t[100:], t[-3:-1])
print("ab" * 3, "x" in "xyz", "%s|%5d|%-5s|%.2f|%x|%r" % ("s", 42, "ab", 3.14159, 255, "q"))
print("{} {} {}".format(1, "two", 3.0), "{1}{0}".format("a", "b"), "{name}!".format(name="hi"))
width, value = 8, 3.14159
print(f"[{value:.3f}] [{value:{width}.2f}] [{42:>6}] [{42:<6}] [{42:^6}] [{42:06d}]")
print(f"{1234567:,} {255:#x} {255:08b} {0.5:%} {1e10:.2e} {'s'!r} {3 + 4 = }")
print(f"{'nested ' + f'{1 + 1}'}", f"{{literal}}", f"{'x':*^9}")
print("tab\there", "quote\"s", 'single\'s', "back\\slash", len("\n\t\\"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\x00\x7f\u00e9\n"))
print("é", len("héllo"), "héllo".upper(), "ß".upper(), ord("A"), chr(955), "€"[0])
print(str(12), str(1.5), str(None), str(True), repr(1.0), repr(1e100), repr(0.1 + 0.2))
print("a" < "b", "abc" < "abd", "Z" < "a", sorted(["pear", "Apple", "fig"]), min("hello"))
print("Title case words".title(), "cap".capitalize(), "x".center(5, "."), "7".zfill(3), "ab".ljust(4) + "|")
print("a\nb\r\nc".splitlines(), "xxhixx".strip("x"), "hello".partition("l"), "hello".rpartition("l"))
lines = []
for word in "the quick brown fox".split():
    lines.append(f"{word:<6}|{len(word):>2}")
print("\n".join(lines))
print(str.upper("direct"), "abc".encode(), b"bytes" + b"!", list(b"hi"))
