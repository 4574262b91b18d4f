# re.error: messages, positions, lines and columns; other exceptions for
# bad flags and arguments.
import re

patterns = [
    "(", "a)", "*", "+a", "a**", "a*?+", "(?<x)", "\\q", "[a", "[a-", "a{2,1}", "(?P<1a>x)", "(?P=x)",
    "(?P<a>x)(?P<a>y)", "(?<=a+)", "(?<!a|bc)", "\\b*", "^*", "(?i", "a(?i)b", "(?z)", "(?-i)",
    "(?i-i:a)", "\\1", "(a\\1)", "[z-a]", "[\\d-z]", "\\x4", "\\u12", "(?#abc", "(?(1)a|b|c)(a)",
    "(?(2)a)", "\\", "(?P", "(?Px)", "(?", "(a)\\2", "\\777", "(?P<a", "(?P<>a)", "(?(x)a)",
    "[\\A]", "(?:", "(?x) a b # c\n )", "a{3}{2}", "(?<", "(?P=a", "(?i:a", "x(?:a|b",
    "abc\ndef)", "(?L)a", "(?a-u:x)", "(?au)x", "(?-", "(?-:a)", "(?i-x", "\\8", "[\\9]",
    "(?(0)a)", "(?(1a)x)", "(?(1)", "(?=a", "(?P<a>(?P=a))", "(?<=(a)\\1)",
    "\\N{nope}", "\\N{}", "\\N", "\\N{LATIN SMALL LETTER A", "(?\\d)", "(?P\\d)", "(?<\\d)",
    "(?P=\\)x)", "(?P<a\\)>x)", "(?(1\\)x)", "(?-\\d:x)", "(?i\\d)", "(?-é:x)", "(?ié)", "{}", "x{}",
    "(?<=a+)(", "(?<=a|bc)x)", "(?P<a>x)(?P=é)",
]
print(re.findall(r"\N{LATIN SMALL LETTER A}|\N{em dash}", "a\u2014b"), re.findall(r"[\N{DIGIT ONE}-\N{DIGIT THREE}]+", "0123"))
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), type(e).__name__, e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)

for p in ["(?<=a+)", "\\ufffz"]:
    try:
        re.compile(p)
    except re.error as e:
        print(e.args, e.pos, e.lineno)

for pat, flags in [("a", re.L), ("a", re.A | re.U), (b"a", re.U), (b"a", re.A | re.L)]:
    try:
        re.compile(pat, flags)
        print("compiled")
    except ValueError as e:
        print("ValueError", e)
try:
    re.compile("a{99999999999}")
except OverflowError as e:
    print("OverflowError", e)
try:
    re.compile(3)
except TypeError as e:
    print("TypeError", e)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
e = re.error("custom")
print(e, e.msg, e.pos, e.pattern, e.lineno)
print(re.error("m", "ab\ncd", 4))
try:
    raise re.error("x", b"a\nb", 2)
except re.error as e:
    print(e, e.lineno, e.colno)
for n in [20, 1000]:
    try:
        print(n, re.compile("(" * n + "a" + ")" * n).groups)
    except RecursionError as e:
        print(n, "RecursionError")
for flags in ["x", None, 2.5]:
    try:
        re.compile("a", flags)
    except TypeError as e:
        print("TypeError")
