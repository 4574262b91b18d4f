import textwrap

cases = [
    "",
    "no indent\n  some\n",
    "    a\n    b\n",
    "    a\n\n    b\n",
    "    a\n  \n    b\n",
    "\ta\n\tb",
    "\ta\n        b",
    "  \ta\n  \tb\n  c",
    "   x\n  \t\n   y\n",
    "  a\r\n  b\r\n",
    "  a\n \t \n",
    "   \n   \n",
    "  one\n    two\n      three\n",
    "\n\n  x\n\n",
    "  \x0bx\n  y",
    "\u3000 a\n\u3000 b",
    "  a  \n  b\t\n",
]
for c in cases:
    print(repr(textwrap.dedent(c)))

for c in ["a\nb\n", "a\n\n  \nb", "", "x\r\ny\rz", "\n", "  \n\tq\n", "a\x0bb\x1cc"]:
    print(repr(textwrap.indent(c, "> ")))
    print(repr(textwrap.indent(c, "+", lambda line: True)))
    print(repr(textwrap.indent(c, "-", lambda line: "b" in line)))

print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(repr(textwrap.shorten("   ", width=5)))
print(textwrap.shorten("averyveryverylongword and more", width=10))
try:
    textwrap.shorten("Hello world", width=3)
except ValueError as e:
    print("ValueError", e)
w = textwrap.TextWrapper(width=10, max_lines=2, placeholder=" ...")
print(w.wrap("one two three four five six seven"))
print(w.fill("one two three"))
w.width = 25
w.initial_indent = "-> "
print(w.wrap("one two three four five six seven eight nine ten"))
print(textwrap.fill("a" * 30, width=7))
print(textwrap.fill("a" * 30, width=7, break_long_words=False))
print(textwrap.wrap("aaa-bbb-ccc-ddd-eee", width=9))
print(textwrap.wrap("aaa-bbb-ccc-ddd-eee", width=9, break_on_hyphens=False))
print(textwrap.wrap("---------- aa", width=4))
print(textwrap.wrap("ab " * 5, width=4, drop_whitespace=False))
print(textwrap.wrap("x" * 10 + " " + "y" * 3, 6, max_lines=2, placeholder="**"))
print(textwrap.wrap("one\ttwo\tthree", width=30, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("one\ttwo\tthree", width=30, tabsize=4))
print(sorted(textwrap.__all__))
