import shlex

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

cases = [
    'a b c', '  lead and trail  ', "a 'b c' d", 'a "b c" d', 'a\\ b c',
    '"a\\"b"', "'a\\'b'", 'x"y z"w', "x'y z'w", '"" \'\'', 'a""b',
    'echo "hello # not a comment" # comment', 'a#b c', 'foo=bar baz',
    '"\\$HOME" \'\\$HOME\'', '"a\\\\b"', '"a\\nb"', 'a\\\\b', 'a\\nb',
    'tab\there\nnewline', 'ünïcödé wörd', 'a;b|c&&d', '~/path/*.py -x=1',
    "it's", '"unterminated', "'unterminated", 'trailing\\', '',
    '   ', 'a "" b', "--opt='x y'", '"a"\'b\'c', 'a\\"b',
]
for c in cases:
    show("posix      %r:" % c, lambda: shlex.split(c))
    show("posix+cmt  %r:" % c, lambda: shlex.split(c, comments=True))
    show("nonposix   %r:" % c, lambda: shlex.split(c, posix=False))
    show("np+cmt     %r:" % c, lambda: shlex.split(c, comments=True, posix=False))

# The raw lexer, without whitespace_split
for posix in (False, True):
    for c in ['a b', 'foo(bar)', 'x=1;y=2', "'q' \"r\"", 'a.b-c', 'w # c\nn',
              'ab12 _x $y', '"esc\\"x"', "e\\ f", 'a#b']:
        lex = shlex.shlex(c, posix=posix)
        show("lex posix=%s %r:" % (posix, c), lambda: list(lex))
        lex = shlex.shlex(c, posix=posix)
        toks = []
        while True:
            t = lex.get_token()
            if t == lex.eof:
                break
            toks.append((t, lex.lineno))
        print("  with lineno", toks, repr(lex.eof))

for posix in (False, True):
    print("wordchars", posix, shlex.shlex("", posix=posix).wordchars)
print(shlex.shlex("", punctuation_chars=True).wordchars)
print(shlex.shlex("", punctuation_chars="|;").wordchars)
