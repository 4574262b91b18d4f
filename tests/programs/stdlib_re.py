# The re module: matching, searching, groups, flags, Match and Pattern
# objects.
import re

def show(m):
    if m is None:
        print(None)
    else:
        print(repr(m), m.groups(), m.span())

# Basic matching.
show(re.match(r"a+", "aaab"))
show(re.match(r"b", "ab"))
show(re.search(r"b+", "abbbc"))
show(re.fullmatch(r"a.c", "abc"))
show(re.fullmatch(r"a.c", "abcd"))
show(re.search(r"x", ""))
show(re.search(r"", ""))
show(re.search(r"a|ab", "ab"))
show(re.search(r"(a|ab)(c|bcd)(d*)", "abcd"))

# Quantifiers: greedy, lazy, possessive, bounded.
for pat in [r"a*", r"a*?", r"a+?", r"a{2}", r"a{2,}", r"a{,2}", r"a{1,2}?", r"a{2,3}",
            r"a*+a", r"(?>a*)a", r"(?>a|ab)c", r"a++b", r"a?+a", r"x{,}", r"a{1", r"a{,3}b"]:
    show(re.search(pat, "xaaaab"))

# Groups.
m = re.match(r"(\w+) (\w+)(?: (\w+))?", "hello world")
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3), m.group(1, 2))
print(m.groups(), m.groups("dflt"), m.start(2), m.end(2), m.span(3), m[1], m[0])
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re)
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m.group("first"), m["last"], m.groupdict(), m.lastgroup, m.lastindex)
print(m.start("last"), m.span("first"), m.regs)
print(re.compile(r"(?P<a>x)(?P<b>y)?").match("x").groupdict("-"))
m = re.match(r"((a)b)", "ab")
print(m.lastindex, m.groups())
m = re.match(r"(a)(b)", "ab")
print(m.lastindex)
print(re.match(r"(a)|b", "b").lastindex)
for bad in [3, "nope", -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(bool(re.match("", "")))

# Alternation order and backtracking.
print(re.findall(r"a|ab|abc", "abcabc"))
print(re.match(r"(a+)(a+)", "aaaa").groups())
print(re.match(r"(a+?)(a+)", "aaaa").groups())
print(re.match(r"(a*)*b", "aaab").groups())
print(re.match(r"(a*)+b", "aaab").groups())
print(re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match(r"(a|b)*c", "ababc").groups())
print(re.match(r"((a)|(b))*", "ab").groups())
print(re.match(r"(?:a|())*", "aa").groups())
print(re.match(r"(x?)*y", "xxy").groups())
print(re.match(r"(a{2})*", "aaaaa").span())
print(re.match(r"(?:a{2,3}?)+?b", "aaaaab"))

# Backreferences and conditionals.
print(re.search(r"(\w)\1", "abccd"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now"))
print(re.search(r"(?i)(a)\1", "aA"))
print(re.match(r"(<)?\w+(?(1)>|$)", "<abc>"), re.match(r"(<)?\w+(?(1)>|$)", "abc"))
print(re.match(r"(<)?\w+(?(1)>|$)", "<abc"))
print(re.match(r"(?P<n>a)?(?(n)b|c)", "c"))
print(re.search(r"(a)|\1", "x"))

# Lookaround.
print(re.findall(r"\w+(?=,)", "a, bb, ccc"))
print(re.findall(r"\w+(?!\w|,)", "a, bb, ccc"))
print(re.findall(r"(?<=\$)\d+", "cost $30 or $45"))
print(re.findall(r"(?<!\$)\b\d+", "cost $30 or 45"))
print(re.search(r"(?=(\w+))\w", "abc").groups())
print(re.search(r"(?<=(a)b)c", "abc").groups())
print(re.search(r"(?<=ab|cd)e", "cde"))
print(re.search(r"(?<!^)x", "xx"))
print(re.search(r"(?!a)", "aab"))

# Anchors.
print(re.findall(r"^\w+", "one\ntwo\nthree"))
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M))
print(re.findall(r"\w+$", "one\ntwo\nthree\n"))
print(re.findall(r"\w+$", "one\ntwo\nthree\n", re.MULTILINE))
print(re.search(r"a$", "a\n"), re.search(r"a\Z", "a\n"), re.search(r"\Aa", "ba"))
print(re.findall(r"\b\w", "hello big world"), re.findall(r"\B\w", "ab cd"))
print(re.findall(r"$", "a\nb\n"), re.findall(r"$", "a\nb\n", re.M))
print(re.findall(r"^", "a\nb\n", re.M))
print(re.search(r"\b", ""), re.search(r"\B", ""), re.search(r"\B", "a"))

# Dot and DOTALL.
print(re.findall(r".", "a\nb"), re.findall(r".", "a\nb", re.S), re.findall(r"(?s).", "a\nb"))

# Character classes.
print(re.findall(r"[a-c]+", "abcdcba"), re.findall(r"[^a-c]+", "abcdcba"))
print(re.findall(r"[]a]+", "a]b]"), re.findall(r"[^]a]+", "a]b]"), re.findall(r"[a-]+", "a-b-"))
print(re.findall(r"[\d.]+", "pi is 3.14"), re.findall(r"[\w-]+", "foo-bar baz"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"\D+", "a1b22c333"))
print(re.findall(r"\s+", "a b\t\nc"), re.findall(r"\S+", "a b\t\nc"))
print(re.findall(r"\w+", "héllo wörld_1 ×"), re.findall(r"\W+", "héllo wörld_1 ×"))
print(re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"(?a)\w+", "héllo"))
print(re.findall(r"[\s\d]+", "a 1 2b"), re.findall(r"[^\W\d]+", "ab12cd"))
print(re.findall(r"\d", "١٢٣ 45"), re.findall(r"\d", "١٢٣ 45", re.ASCII))
print(re.findall(r"[\x41-\x43]", "ABCD"), re.findall(r"\u00e9", "café"), re.findall(r"[\0-\x1f]", "a\tb\x00"))
print(re.findall(r"[\b]", "a\bb"), re.findall(r"\x41\101\0", "AA\0"))

# Case-insensitive.
print(re.findall(r"abc", "ABC abc AbC", re.I))
print(re.findall(r"[a-z]+", "Hello WORLD", re.IGNORECASE))
print(re.findall(r"(?i)straße", "STRASSE Straße"))
print(re.findall(r"é", "É é", re.I), re.findall(r"[à-ÿ]+", "ÀÉÎ", re.I))
print(re.findall(r"a(?i:b)c", "aBc ABC abc"), re.findall(r"(?i)a(?-i:b)c", "AbC ABC"))
print(re.match(r"[^a]", "A", re.I))

# Verbose.
pat = re.compile(r"""
    (\d{3})   # area
    [-\s]?    # separator
    (\d{4})   # number
    \#        # literal hash
""", re.VERBOSE)
print(pat.match("555 1234#").groups())
print(re.match(r"(?x) a b c  # comment", "abc"))
print(re.match(r"(?x)[ ]a", " a"))

# findall with groups, finditer.
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"(\w)\d", "a1 b2"), re.findall(r"(a)|b", "ab"))
for m in re.finditer(r"\d+", "a1 b22 c333"):
    print(m.group(), m.span())
it = re.finditer(r"x*", "axb")
print(type(it).__name__, [m.span() for m in it])
print([m.span() for m in re.compile(r"\w").finditer("abcde", 1, 4)])

# Empty matches.
print(re.findall(r"x*", "axxb"), re.findall(r"\b", "a b"), re.findall(r"", "ab"))
print(re.sub(r"x*", "-", "abxd"), re.sub(r"", "-", "abc"), re.sub(r"(?=b)|b", "-", "abc"))
print(re.split(r"x*", "axbc"), re.split(r"\b", "a b"), re.split(r"(?=x)", "axbxc"))
print(re.subn(r"a|", "-", "bab"))

# Pattern methods with pos and endpos.
p = re.compile(r"\w+")
print(p.match("  ab", 2), p.search("abc def", 3), p.search("abc def", 4, 6), p.search("abc", 2, 1))
print(p.fullmatch("abc def", 4), p.fullmatch("abcdef", 0, 3), p.findall("ab cd ef", 1, 7))
print(p.match("abc", pos=1, endpos=2), p.search("abc", -5, 99))
print(re.compile(r"^a").search("ba", 1), re.compile(r"^a", re.M).search("b\na", 1))
print(re.compile(r"$").search("ab", 0, 1).span(), re.compile(r"\b").search("ab", 1))

# Pattern attributes, repr, equality.
p = re.compile(r"(?P<x>a)(b)(?P<y>c)", re.I | re.M)
print(p.pattern, p.flags, p.groups, p.groupindex, repr(p))
print(repr(re.compile("a")), repr(re.compile(b"a+", re.I)), repr(re.compile("a", re.S | re.X)))
print(repr(re.compile("a", re.A)), repr(re.compile("'\"")), re.compile("(?i)a").flags, re.compile(b"a").flags)
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), re.compile("a") == re.compile(b"a"))
print(hash(re.compile("ab")) == hash(re.compile("ab")), re.compile("a") is re.compile("a"))
print(type(p).__name__, type(p.match("abc")).__name__, re.Pattern, re.Match)
print(isinstance(p, re.Pattern), isinstance(p.match("abc"), re.Match))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print("ValueError", e)

# Flags.
print(re.I, re.IGNORECASE, repr(re.M), re.I | re.M, re.A | re.I | re.M, int(re.I), re.S == 16)
print(re.I | re.X, type(re.I | re.X).__name__, re.I.value, re.I.name, re.I & 2, re.X | 0)
print(re.U, re.VERBOSE, re.DOTALL, re.NOFLAG)

# Match repr and strings.
print(re.search("é+", "café"), re.search(r"\n", "a\nb"), re.match("'", "'x"))
m = re.search(r"(b+)", "ab\u00e9bbc")
print(m, m.span(), m.string)
print(re.search(r"(?<=é)b+", "abébbc"))

# Case folding beyond ASCII.
for pat, text in [("(?i)straße", "STRAẞE"), ("(?i)ß", "ẞ"), ("(?i)ẞ", "ß"), ("(?i)k", "\u212a"),
                  ("(?i)s", "ſ"), ("(?i)[a-z]", "ſ"), ("(?i)[ſ]", "S"), ("(?i)µ", "Μ"), ("(?i)σ", "ς"),
                  ("(?i)[^σ]", "Σ"), ("(?i)(.)\\1", "ſS"), ("(?ia)k", "\u212a"), ("(?i)[k-l]", "\u212a"),
                  ("(?i)ǅ", "ǆ"), ("(?i)[Α-Ω]+", "αβγ"), ("(?i)é", "É")]:
    print(pat, repr(text), re.match(pat, text))

# The types in annotations.
print(re.Pattern[str], re.Match[bytes])


def first_word(p: re.Pattern[str], s: str) -> "re.Match[str] | None":
    return p.match(s)


print(first_word(re.compile(r"\w+"), "hi there"))
