# fnmatch: bytes names and patterns, translate() agreeing with fnmatchcase on random patterns, filter.
import fnmatch, re, random
pats = ['*.py', 'a*b*c', '[a-]', '[z-a]', 'x[', '[!z-a]', '[]]', '[!]]', '[a-c-e]', '?', '**a', 'a**', '[\\]x', '[^a]', '[&&b]', '[a-z0-9_]*.txt', '*[!.]*', '']
for p in pats:
    rx = fnmatch.translate(p)
    names = ['a.py', 'abc', 'aXbYc', '-', 'b', 'x[', ']', '!', 'd', 'e', '', 'q.txt', 'a', '\\', '^', '&']
    ok = [n for n in names if fnmatch.fnmatchcase(n, p)]
    via = [n for n in names if re.match(rx, n)]
    print(repr(p), ok, ok == via)
print(fnmatch.fnmatch(b"a.py", b"*.py"), fnmatch.filter([b"x.c", b"y.h"], b"*.c"), fnmatch.filter(["A.C", "b.c"], "*.c"))
try:
    fnmatch.fnmatch(b"a", "a")
except TypeError as e:
    print(e)
try:
    fnmatch.fnmatch("a", b"a")
except TypeError as e:
    print(e)
rng = random.Random(3)
bad = 0
for _ in range(3000):
    p = "".join(rng.choice("ab*?[]!-^\\.") for _ in range(rng.randrange(6)))
    n = "".join(rng.choice("ab-^\\.!]") for _ in range(rng.randrange(5)))
    a = fnmatch.fnmatchcase(n, p)
    b = re.match(fnmatch.translate(p), n) is not None
    if a != b: bad += 1
    print(int(a), end="")
print()
print("disagree", bad)
