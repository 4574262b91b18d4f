# re.sub/subn/split/escape, templates and callable replacements, bytes
# patterns, the cache.
import re

print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"))
print(re.sub(r"(?P<a>\w)(?P<b>\w)", r"\g<b>\g<a>", "abcdef"))
print(re.sub(r"(\w)", r"\g<1>\g<1>", "abc"), re.sub(r"(\w)", r"[\g<0>]", "ab"))
print(re.sub(r"a", r"\n\t\\", "bab"), repr(re.sub(r"a", "\\n", "a")), re.sub("a", r"\-", "a"))
print(re.sub(r"(a)(b)?", r"[\2]", "a ab"), re.sub("x", r"\101\0", "x"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"\d", lambda m: None, "a1b2"))
print(re.sub("a", "b", "aaaa", 2), re.sub("a", "b", "aaaa", count=3), re.subn("a", "b", "aaaa"))
print(re.subn(r"\s+", " ", "a   b \n c"), re.subn("z", "y", "abc"))
p = re.compile(r"(\d)")
print(p.sub(r"<\1>", "a1b2c3", 2), p.subn(r"<\1>", "a1b2"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"))
print(re.sub("é", "e", "café é"), re.sub(r"\w+", "X", "naïve café"))

# Template errors.
for pat, templ in [(r"(a)", r"\2"), (r"(a)", r"\g<2>"), (r"(a)", r"\g<x>"), (r"(a)", r"\g<1"),
                   (r"(a)", r"\g<>"), (r"(a)", r"\g<a b>"), (r"a", "\\"), (r"a", r"\q"), (r"(a)", r"\g")]:
    try:
        print(re.sub(pat, templ, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", lambda m: 3, "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", lambda m: 1 / 0, "a")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# expand.
m = re.match(r"(?P<w>\w+) (\d+)", "abc 123")
print(m.expand(r"\2-\1-\g<w>-\g<2>"))

# split.
print(re.split(r",\s*", "a, b,c,   d"), re.split(r"(,)\s*", "a, b,c"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c,d", 2), re.split(r",", "a,b", maxsplit=-1), re.split("x", ""))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"(?:a)|(b)", "1a2b3"), re.compile(" ").split("a b c", 1))

# escape.
print(re.escape("a.b*c?d+e[f]g(h){i}|j^k$l\\m"), re.escape("-&~# \t\n\r\v\f"), re.escape("_azAZ09é!@%=:,<>'\"/"))
print(re.escape(b"a.b c"), re.match(re.escape("1+1=2"), "1+1=2"))

# bytes patterns.
print(re.findall(rb"\d+", b"a1b22"), re.sub(rb"a", b"x", b"banana"), re.split(rb",", b"a,b"))
m = re.search(rb"(?P<n>\w+)@(\w+)", b"mail bob@host")
print(m, m.groups(), m.group("n"), m.span(), m.groupdict())
print(re.findall(rb"(?i)ab", b"AB ab"), re.findall(rb"\w+", "é".encode() + b" x"), re.compile(b"a", re.L).flags)
print(re.sub(rb"(\w)", rb"<\1>", b"ab"), re.escape(b"\x00\xff."))
for args in [("a", b"a"), (b"a", "a")]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.search("a", 3)
except TypeError as e:
    print("TypeError", e)

# The cache.
p1 = re.compile("abc+")
re.purge()
p2 = re.compile("abc+")
print(p1 == p2, re.compile("abc+") is p2)

# Long subjects and deep repetition do not overflow the stack.
s = "a" * 200000
print(len(re.match(r"(a)*", s).group()), len(re.match(r"(?:a|b)*", s).group()), len(re.match(r"a*?$", s).group()))
print(len(re.findall(r"a", s)), re.search(r"(a+)+b", "a" * 20), len(re.sub(r"a", "bb", s)))
print(len(re.match(r"(?:(a)|b)+", "ab" * 50000).group()), re.match(r"(.)*", "xy" * 10000).group(1))
print(len(re.match(r"(?:a(?=a)|a)*", s).group()), len(re.split(r"(a)", "a" * 1000)))
print(len(re.fullmatch(r"(?:ab|a)*?c", "ab" * 30000 + "c").group()))
