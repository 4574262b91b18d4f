# re: many generated patterns against many subjects (a deterministic
# generator), each result compared with CPython's.
import re

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n


atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\d", "\\s", "\\b", "^", "$", "(a)", "(b|c)",
         "(?:ab)", "(a*)", "(?=a)", "(?!b)", "(?<=a)", "(?<!c)", "\\1", "(?P<n>c)", "(?>a|ab)",
         "[a-c]", "x", "(?i:A)", "(?:a|)", "\\B", "(a|b)", "(?:)"]
quants = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{,2}?", "*+", "++", "{0}"]
subjects = ["", "a", "ab", "abc", "aab", "abcabc", "ba ab", "c a\nb", "aaaa", "cab1 2", "abab\nab", "AbA"]

for i in range(400):
    n = 1 + rand(4)
    parts = []
    for _ in range(n):
        atom = atoms[rand(len(atoms))]
        q = quants[rand(len(quants))]
        if atom in ("^", "$", "\\b", "\\B"):
            q = ""
        parts.append(atom + q)
    if rand(5) == 0:
        parts.insert(rand(len(parts) + 1), "|")
    pat = "".join(parts)
    try:
        p = re.compile(pat)
    except re.error as e:
        print(i, repr(pat), "error", e)
        continue
    out = []
    for s in subjects:
        m = p.search(s)
        out.append(None if m is None else (m.span(), m.groups()))
    print(i, repr(pat), out)
    s = subjects[rand(len(subjects))]
    print("  ", p.findall(s), p.sub("-", s), p.split(s), [m.lastindex for m in p.finditer(s)])
