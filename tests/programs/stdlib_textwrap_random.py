import textwrap

state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n


WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog.", "Hello!",
         "well-known", "state-of-the-art", "a--b", "--", "---", "x-", "-y", "e-mail",
         "supercalifragilisticexpialidocious", "re-re-re-entrant", "co-op", "1-2-3",
         "end?", "quote.\"", "it's", "ab-cd-ef", "über-cool", "naïve", "日本語テキスト",
         "a\tb", "tab\tbed", "Mr.", "x", "--option", "foo--bar", "!--x", "9-9", "A-B",
         "word.'", "long-hyphenated-compound-word-here", "", "\u00a0nbsp"]
SEPS = [" ", " ", " ", "  ", "\t", "\n", " \n ", "\r", "\x0b", "   "]


def text():
    n = rnd(30)
    out = []
    for i in range(n):
        out.append(WORDS[rnd(len(WORDS))])
        out.append(SEPS[rnd(len(SEPS))])
    if rnd(3) == 0:
        out.insert(0, SEPS[rnd(len(SEPS))])
    return "".join(out)


for case in range(220):
    t = text()
    opts = {
        "width": [1, 2, 3, 5, 8, 10, 12, 15, 20, 30, 40, 70][rnd(12)],
        "break_long_words": rnd(4) != 0,
        "break_on_hyphens": rnd(4) != 0,
        "drop_whitespace": rnd(4) != 0,
        "expand_tabs": rnd(3) != 0,
        "tabsize": [8, 4, 1, 0][rnd(4)],
        "replace_whitespace": rnd(4) != 0,
        "fix_sentence_endings": rnd(3) == 0,
    }
    if rnd(3) == 0 and opts["width"] >= 8:
        opts["initial_indent"] = ["", "* ", ">>>> "][rnd(3)]
        opts["subsequent_indent"] = ["", "  ", "...."][rnd(3)]
    if rnd(3) == 0:
        opts["max_lines"] = rnd(4) + 1
        opts["placeholder"] = [" [...]", "...", " ~", ""][rnd(4)]
    try:
        lines = textwrap.wrap(t, **opts)
        print(case, lines)
    except ValueError as e:
        print(case, "ValueError", e)
    try:
        print(repr(textwrap.shorten(t, width=opts["width"] + 10, placeholder=[" [...]", "..."][rnd(2)])))
    except ValueError as e:
        print(case, "ValueError", e)
print(textwrap.fill("Hello there. How are you? Fine.  Good", width=20, fix_sentence_endings=True))
print(textwrap.TextWrapper.wordsep_re.split("well-known a--b"))
print(textwrap.TextWrapper.wordsep_simple_re.split("well-known a--b"))
print(textwrap.TextWrapper().unicode_whitespace_trans == dict.fromkeys(map(ord, "\t\n\x0b\x0c\r "), 32))


class Custom(textwrap.TextWrapper):
    def _split(self, text):
        return text.split("|")


print(Custom(width=6).wrap("ab|cd|ef|gh|ijklmnop|q"))
for w in (0, -1):
    try:
        textwrap.wrap("abc", width=w)
    except ValueError as e:
        print("ValueError", e)
    try:
        textwrap.wrap("", width=w)
    except ValueError as e:
        print("ValueError", e)
print(textwrap.wrap("", 5), textwrap.wrap("   ", 5), textwrap.fill("   ", 5, drop_whitespace=False))
try:
    textwrap.wrap("abc def", width=4, max_lines=1, placeholder="......")
except ValueError as e:
    print("ValueError", e)
