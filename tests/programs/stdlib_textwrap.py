# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper options.
import textwrap
from textwrap import TextWrapper

SAMPLES = [
    "The quick brown fox jumps over the lazy dog.",
    "Hello there.  How are you? I am fine! Thanks.",
    "A well-known long-winded speech by a self-made man-about-town.",
    "Supercalifragilisticexpialidocious is quite a long word indeed.",
    "Em--dashes--everywhere and some---triple ones, plus -leading and trailing- hyphens.",
    "tabs\there\tand\nnewlines\nand  double  spaces   too.",
    "   leading and trailing whitespace   ",
    "numbers 123-456 and x-ray and 3-d and e-mail-address",
    "",
    "     ",
    "short",
    "Mr. Smith went to Washington. He said 'hello.' Then \"bye!\" Done.",
    "this-is-a-very-long-hyphenated-compound-word-that-must-break somewhere",
    "\u00e9l\u00e8ve-mod\u00e8le caf\u00e9 na\u00efve r\u00e9sum\u00e9-ready \u00fcber-cool",
]

for width in [1, 5, 10, 12, 20, 30, 45]:
    print("=== width", width)
    for text in SAMPLES:
        print(textwrap.wrap(text, width))

print("=== fill with indents")
for text in SAMPLES[:6]:
    print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="    "))

print("=== options")
text = SAMPLES[4] + " " + SAMPLES[2]
for options in [
    dict(break_on_hyphens=False),
    dict(break_long_words=False),
    dict(break_long_words=False, break_on_hyphens=False),
    dict(drop_whitespace=False),
    dict(fix_sentence_endings=True),
    dict(expand_tabs=False),
    dict(replace_whitespace=False),
    dict(tabsize=4),
    dict(max_lines=2),
    dict(max_lines=1, placeholder="..."),
    dict(max_lines=3, placeholder=" (more)"),
]:
    print(options)
    for width in [8, 16, 27]:
        print(" ", TextWrapper(width=width, **options).wrap(text))
        print(" ", TextWrapper(width=width, **options).wrap(SAMPLES[1] + "\t" + SAMPLES[5]))

w = TextWrapper(width=15, fix_sentence_endings=True)
print(w.wrap(SAMPLES[11]))
print(w.fill(SAMPLES[1]))
w.width = 30
w.initial_indent = "> "
print(w.wrap(SAMPLES[0]))
print(TextWrapper().width, TextWrapper().placeholder, TextWrapper().tabsize)

print("=== errors")
for call in [
    lambda: textwrap.wrap("abc", 0),
    lambda: textwrap.wrap("abc", -3),
    lambda: textwrap.wrap("abc def", 5, max_lines=1, placeholder=" [......]"),
    lambda: textwrap.shorten("hello world", 3),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print("=== shorten")
for text in SAMPLES:
    for width in [10, 15, 30]:
        print(repr(textwrap.shorten(text, width)))
print(repr(textwrap.shorten("Hello  world!", width=12)))
print(repr(textwrap.shorten("Hello  world!", width=11)))
print(repr(textwrap.shorten("Hello world", width=10, placeholder="...")))

print("=== dedent")
for text in [
    "    hello\n      world\n    !",
    "  a\n\tb\n",
    "\t\tx\n\t\ty\n\t  z",
    "   \n  a\n    \n  b\n",
    "no indent\n  here",
    "  only line",
    "",
    "  \n  \n",
    "    def f():\n        return 1\n",
    "  a\r\n  b\r\n",
    " \t x\n \t y\n  \t z",
]:
    print(repr(textwrap.dedent(text)))

print("=== indent")
print(repr(textwrap.indent("a\nb\n\nc  \n  \n", "> ")))
print(repr(textwrap.indent("a\nb\n\nc", "+", lambda line: True)))
print(repr(textwrap.indent("x\r\ny\rz", "- ")))
print(repr(textwrap.indent("one\ntwo", "  ", lambda line: line.startswith("t"))))


class Bulleted(TextWrapper):
    def wrap(self, text):
        return ["- " + line for line in super().wrap(text)]


print(Bulleted(width=20).fill(SAMPLES[0]))
