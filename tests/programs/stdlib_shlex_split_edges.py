# shlex.split on every short string over the characters it treats specially,
# in all four comments/posix modes, compared with the lexer class itself.
import itertools
import shlex


def outcome(func):
    try:
        return repr(func())
    except ValueError as exc:
        return "%s: %s" % (type(exc).__name__, exc)


def by_class(text, comments, posix):
    lexer = shlex.shlex(text, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ""
    return list(lexer)


alphabet = " '\"\\#a\n"
agree = 0
for size in range(4):
    for chars in itertools.product(alphabet, repeat=size):
        text = "".join(chars)
        row = []
        for comments in (False, True):
            for posix in (True, False):
                fast = outcome(lambda: shlex.split(text, comments, posix))
                slow = outcome(lambda: by_class(text, comments, posix))
                agree += fast == slow
                row.append(fast)
        if size < 3 or text.count("\\") + text.count("#") >= 2:
            print(repr(text), " | ".join(row))
print("agreeing", agree)
longer = [
    "ls -l 'my file' \"a \\\"q\\\" b\" c\\ d # tail",
    "echo \"$HOME\"/x 'it'\"'\"'s' \\\\n",
    "a#b c # d\ne f",
    "x\"\\a\\\\\"y '\\'",
    "\t\r\n  spaced\tout\r\n",
    "ÀÉ ümlaut ~/.cfg --opt=1",
]
for text in longer:
    for comments in (False, True):
        for posix in (True, False):
            print(comments, posix, outcome(lambda: shlex.split(text, comments, posix)))
