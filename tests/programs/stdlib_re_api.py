# re: keyword arguments, group indexes, fullmatch backtracking, reprs and
# other corners of the API.
import re
m = re.match(r"(a)(b)?(?P<c>c)", "ac")
print(m.group(True), m[False], m.start("c"), m.span(2), m.end(2), m.group(2, "c", 0))
for bad in [10, 1.5, None]:
    try:
        print(m.start(bad))
    except Exception as e:
        print(type(e).__name__, e)
p = re.compile(r"\w")
print(p.findall("abcdef", pos=1, endpos=4), p.match(string="abc"), p.search("abc", endpos=2), p.split("a b", maxsplit=1))
print(re.sub("a", "b", "aaa", count=1), re.sub("A", "b", "aaa", flags=re.I), re.split("a", "bab", maxsplit=1), re.subn("a", "b", "aa", 1))
print(re.fullmatch("a|ab", "ab"), re.fullmatch("a*?", "aaa"), re.fullmatch(r"(a|ab)(c|bcd)", "abcd"))
print(repr(re.compile("x" * 300))[:50], len(repr(re.compile("x" * 300))))
print(re.compile(r"(?x)a # comment\n b").match("ab"))
print(m.expand(r"\g<c>"), re.match(rb"(a)", b"a").expand(rb"<\1>"))
print(re.findall(r"(?m)^$", "a\n\nb\n"), re.sub(r"(?m)$", "!", "a\nb\n"))
print(re.search(r"(?s)a.*b", "a\n\nb"), re.search(r"a.*b", "a\n\nb"))
print(re.match(r"(?:(?P<x>a)|(?P<y>b))+", "ab").groupdict(), re.match(r"(?P<x>a)|(?P<y>b)", "b").lastgroup)
print(re.findall(r"\d{2,}?", "12345"), re.findall(r"[a-c-e]+", "a-e-d"), re.findall(r"[\]\[]", "[]"))
print(re.findall(r"[.*+?^${}()|]", "a.b*c+"), re.findall(r"\$\d+\.\d\d", "$12.50 $3.99"))
print(re.split(r"[\s,]+", " a, b  c,d "), re.findall(r"(?<=[a-z])(?=[A-Z])", "camelCaseWord"))
print(re.sub(r"(?<=[a-z])(?=[A-Z])", "_", "camelCaseWord").lower())
print(re.sub(r"([a-z])([A-Z])", r"\1_\2", "camelCaseWord"))
it = re.compile("a").finditer("aa")
print(iter(it) is it, next(it), list(it))
print(re.compile("a").search("xa").re, re.compile("a").search("xa").string)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError")
print(re.compile(r'\d+').sub(lambda m: m.group(0)[::-1], 'abc 123 4567'))
print(re.escape("")), print(re.findall("", ""))
print(re.match("(a)(?P<b>b)", "ab").groupdict(), re.compile("(a)(?P<b>b)").groupindex)
print([m.group() for m in re.finditer(r"\b\w+\b", "Hello, wide world!")])
print(re.compile(r"(?i)HeLLo").pattern, re.compile(r"(?i)HeLLo").flags, re.compile("a", 0).flags, re.compile("(?a)a").flags, re.compile("(?u)a").flags)
print(re.compile("b").search("abc", -10**10, 10**10), re.compile("a").findall("aaa", 10**10))
for call in [lambda: re.compile("b").search("abc", 10**30), lambda: re.split("a", "bab", maxsplit=10**30),
             lambda: re.sub("a", "x", "aaa", count=-10**30), lambda: re.compile("a").match("a", "1")]:
    try:
        print(call())
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
