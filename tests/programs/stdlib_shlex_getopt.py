# shlex (posix/non-posix, punctuation_chars, whitespace_split, comments,
# quotes, escapes, pushback, sources, errors), split/join/quote; getopt.
import getopt
import shlex


def tokens(text, **kwargs):
    options = {k: kwargs.pop(k) for k in ("posix", "punctuation_chars")
               if k in kwargs}
    lex = shlex.shlex(text, **options)
    for name, value in kwargs.items():
        setattr(lex, name, value)
    try:
        return list(lex)
    except ValueError as e:
        return "ValueError: %s (line %d)" % (e, lex.lineno)


samples = [
    "foo bar baz",
    "foo 'bar baz' \"qux quux\"",
    "a\\ b c\\\\d 'e\\f' \"g\\\"h\\i\\$\"",
    "x=1 y='2 3';echo $x>out 2>&1",
    "ls -l | grep foo && echo 'done' # trailing comment",
    "one#two three\nfour # five\n six",
    "ab'cd'ef \"gh\"ij",
    "'' \"\" a''b",
    "'unterminated",
    "ends with escape\\",
    "a(b)c;d<e>f|g&h",
    "cat < in.txt > out.txt ; echo ~/x.py *.c -v --opt=val",
    "ÀÉÎõü ßeta naïve",
    "\ttab\r\ncrlf\n\nend",
    "semi;;colons&&and||or",
]
for text in samples:
    print(repr(text))
    print("  nonposix", tokens(text))
    print("  posix   ", tokens(text, posix=True))
    print("  ws_split", tokens(text, posix=True, whitespace_split=True))
    print("  punct   ", tokens(text, posix=True, punctuation_chars=True))
    print("  punct ws", tokens(text, punctuation_chars=";|&",
                                whitespace_split=True))
    print("  split   ", tokens(text, posix=True, whitespace_split=True,
                                commenters=""))

print(tokens("a-b.c/d e", wordchars="abcde"))
print(tokens("a:b:c", posix=True, whitespace=":", whitespace_split=True))
print(tokens("%comment\nx y", commenters="%"))
print(tokens("|a b| 'c d'", posix=True, quotes="|"))
print(tokens("'a\\'b' \"a\\'b\"", posix=True, escapedquotes="'\""))
print(tokens("^a ^^ b", posix=True, escape="^"))

lex = shlex.shlex("first second\nthird 'fourth\nline' fifth", posix=True)
print(lex.get_token(), lex.lineno)
lex.push_token("pushed")
lex.push_token("again")
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno)
print(lex.get_token(), lex.lineno, lex.get_token(), lex.lineno)
print(repr(lex.get_token()), repr(lex.get_token()), lex.state)
lex = shlex.shlex("a b")
print(repr(lex.eof), lex.get_token(), lex.get_token(), repr(lex.get_token()),
      repr(lex.get_token()))
print(lex.error_leader(), lex.error_leader("file.sh", 7))
lex = shlex.shlex("outer1 outer2", infile="main")
print(lex.get_token())
lex.push_source("inner1 inner2", "inc")
print(lex.infile, lex.lineno, list(lex), lex.infile)
lex = shlex.shlex("x", posix=True, punctuation_chars="<>")
print(lex.punctuation_chars, shlex.shlex("y", punctuation_chars=True).punctuation_chars)
try:
    lex.punctuation_chars = ";"
except AttributeError:
    print("punctuation_chars is read-only")
print("~" in shlex.shlex("", punctuation_chars=True).wordchars,
      "(" in shlex.shlex("", punctuation_chars="(").wordchars,
      "é" in shlex.shlex("", posix=True).wordchars,
      "é" in shlex.shlex("").wordchars)


class Upper(shlex.shlex):
    def read_token(self):
        token = super().read_token()
        return token.upper() if token else token


print(list(Upper("make it 'loud'", posix=True)))

print(shlex.split("foo bar"), shlex.split(" foo  'bar baz' "))
print(shlex.split("a # b c"), shlex.split("a # b c", comments=True))
print(shlex.split("a 'b c' d\\ e", posix=False))
print(shlex.split(""), shlex.split("''"), shlex.split("a''"))
print(shlex.split("x=\"$HOME/a b\" \\\n y"))
for bad in ("'oops", '"oops', "oops\\"):
    try:
        shlex.split(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for s in ["", "plain", "with space", "it's", "a\"b", "$x", "-_@%+=:,./",
          "tab\there", "ünï", "a\nb", "*.py"]:
    print(repr(s), shlex.quote(s), shlex.split(shlex.quote(s)) == [s])
print(shlex.join(["echo", "hello world", "it's", "", "$HOME"]))
print(shlex.split(shlex.join(["a b", "c'd", "e\"f"])))
for bad in (b"bytes", 42):
    try:
        shlex.quote(bad)
    except TypeError as e:
        print(type(e).__name__)
print(shlex.__all__)

# getopt
args = "-a -b -cfoo -d bar a1 a2".split()
print(getopt.getopt(args, "abc:d:"))
print(getopt.getopt(["-abcVAL", "-c", "x", "--", "-a"], "abc:"))
print(getopt.getopt(["x", "-a"], "a"), getopt.getopt(["-", "-a"], "a"))
longs = ["condition=", "output-file=", "testing", "verbose"]
args = ["--condition=foo", "--testing", "--output-file", "abc.def", "-x",
        "a1", "a2"]
print(getopt.getopt(args, "x", longs))
print(getopt.getopt(["--cond", "1", "--out=o", "--test", "--verb"], "", longs))
print(getopt.getopt(["--verbose"], "", "verbose"))
print(getopt.getopt(["--condition="], "", longs))
print(getopt.gnu_getopt(["a1", "-a", "a2", "--testing", "-bv", "--", "-a"],
                        "ab:", longs))
print(getopt.gnu_getopt(["a1", "-a", "a2"], "+ab"))
print(getopt.gnu_getopt(["-", "-a", "--", "x"], "a"))
print(getopt.gnu_getopt(["--test", "--output-file=x", "f"], "", longs))
cases = [
    (["-z"], "ab", []),
    (["-b"], "ab:", []),
    (["-:"], "a:", []),
    (["--nope"], "", longs),
    (["--t=1"], "", longs),
    (["--condition"], "", longs),
    (["--verbose=yes"], "", longs),
    (["--o"], "", ["one", "other"]),
    (["--on"], "", ["one", "only="]),
]
for args, shortopts, longopts in cases:
    for func in (getopt.getopt, getopt.gnu_getopt):
        try:
            print(func(args, shortopts, longopts))
        except getopt.GetoptError as e:
            print(type(e).__name__, "%s|%s|%s|%r" % (e, e.msg, e.opt, e.args))
print(getopt.getopt(["--o"], "", ["one"]), getopt.getopt(["--one"], "", ["one", "onex"]))
err = getopt.GetoptError("message")
print(str(err), repr(err.opt), err.args, getopt.error is getopt.GetoptError,
      issubclass(getopt.GetoptError, Exception))
print(getopt.__all__)
