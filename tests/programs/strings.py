# str methods, slicing, formatting.
s = "Hello, World"
print(s[0], s[-1], s[2:5], s[::-1], s[1:10:3], len(s))
print(s.upper(), s.lower(), s.swapcase(), s.title(), "abc".capitalize())
print(s.split(", "), "a b  c".split(), "a,b,,c".split(",", 2), s.find("o"), s.rfind("o"))
print("-".join(["x", "y", "z"]), s.replace("l", "L", 2), s.startswith("He"), s.endswith(("x", "ld")))
print("  pad  ".strip(), "xxhixx".strip("x"), "42".zfill(5), "ab".center(6, "*"), "ab".ljust(4) + "|")
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), repr("both ' and \""))
name, n, f = "krait", 42, 3.14159
print(f"{name!r:>10}|{n:05d}|{f:.2f}|{n:#x}|{n:,}|{f:e}|{1234567.891:,.2f}")
print(f"{n = }", f"{name=!s}", f"{'nested ' + name:^20}", f"{{literal}}")
print("%s is %d years and %.1f%%" % ("x", 3, 99.5), "%r|%5s|%-5s|" % ("a", "b", "c"))
print("{} {} {}".format(1, "two", 3.0), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("abc" * 3, "b" in "abc", "abc" < "abd", ord("A"), chr(97), "ß".upper())
print("line1\nline2".splitlines(), "a\tb".expandtabs(4), "CamelCase".partition("C"))
print(str(1.0), str(10 ** 20), repr(1e100), format(0.5, "%"), format(12, "b"))
