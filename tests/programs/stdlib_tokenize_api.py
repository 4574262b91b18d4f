import io
import os
import sys
import tempfile
import tokenize
from tokenize import TokenInfo, TokenError, untokenize, generate_tokens


def toks(src):
    return list(tokenize.tokenize(io.BytesIO(src).readline))


def show(src, exact=False):
    try:
        for t in toks(src):
            name = tokenize.tok_name[t.exact_type if exact else t.type]
            print("  %-10s %-14r %s %s" % (name, t.string, t.start, t.end))
    except Exception as e:
        print("  ", type(e).__name__, e.args)


print("-- TokenInfo")
t = TokenInfo(tokenize.OP, "+=", (1, 2), (1, 4), "a += 1\n")
print(repr(t))
print(t.type, t.exact_type, tokenize.tok_name[t.exact_type], t._fields)
print(TokenInfo(tokenize.OP, "?", (1, 0), (1, 1), "").exact_type)
print(TokenInfo(tokenize.NAME, "x", (1, 0), (1, 1), "x").exact_type)
print(t == (tokenize.OP, "+=", (1, 2), (1, 4), "a += 1\n"), isinstance(t, tuple))
print(t._replace(string="-=").exact_type == tokenize.MINEQUAL)

print("-- streams")
show(b"def f(a, *b, **c) -> None:\n    return a @ b  # note\n", exact=True)
show(b"x = [1,\n  2]\nif x:\n\tpass\n")
show(b"s = rb'a' f\"{x}\" '''t\nq'''\n")
show(b"n = 0x_1f + 1_0.5e-3j + 0o7 + .5\n")
show(b"x = 1")
show(b"  \n\n# only\n")
show(b"a = $\n")
show(b"x = 'abc\ny\n")

print("-- errors")
show(b"x = '''abc\n")
show(b"x = (1,\n2\n")
show(b"if x:\n        a\n    b\n")
show(b"x = 1 + \\\n")

print("-- detect_encoding")
for src in [b"", b"x\n", b"\xef\xbb\xbfx\n", b"# -*- coding: latin-1 -*-\nx\n",
            b"#!/bin/py\n# coding=UTF_8\n", b"\n\n# coding: latin-1\n",
            b"x = 1\n# coding: latin-1\n", b"\xef\xbb\xbf# coding: utf-8\n",
            b"# coding: cp1252\n", b"#\n#\n#\n"]:
    enc, lines = tokenize.detect_encoding(io.BytesIO(src).readline)
    print(repr(src[:12]), enc, lines)
for src in [b"# coding: nope\n", b"\xef\xbb\xbf# coding: latin-1\n", b"\xff\n"]:
    try:
        tokenize.detect_encoding(io.BytesIO(src).readline)
    except SyntaxError as e:
        print(type(e).__name__, e)


class Named:
    name = "prog.py"

    def __init__(self, data):
        self.lines = iter(data.splitlines(True))

    def readline(self):
        return next(self.lines, b"")


for src in [b"# coding: nope\n", b"\xef\xbb\xbf# coding: latin-1\n", b"\xff\n"]:
    try:
        tokenize.detect_encoding(Named(src).readline)
    except SyntaxError as e:
        print(type(e).__name__, e)


def stopper(lines):
    it = iter(lines)
    return lambda: next(it)


print(tokenize.detect_encoding(stopper([b"x\n"])))
print(tokenize.detect_encoding(stopper([])))

print("-- generate_tokens")
for t in generate_tokens(stopper(["a = (\n", "  b)\n"])):
    print(" ", t)
print([t.string for t in generate_tokens(stopper(["x", "y\n"]))])
print([(t.type, t.string) for t in generate_tokens(io.StringIO("if a:\n  b\n").readline)])

print("-- untokenize")
src = b"# coding: latin-1\nif x:\n    y = ( 1,\n  2 )   # c\n\tz = '\xe9'\n"
tk = toks(src)
out = untokenize(tk)
print(type(out).__name__, out == src)
pairs = untokenize((t.type, t.string) for t in tk)
print(repr(pairs))
again = [(t.type, t.string) for t in toks(pairs)]
print(again == [(t.type, t.string) for t in tk])
text = "def f():\n    return 'a' 'b'\n"
gt = list(generate_tokens(io.StringIO(text).readline))
print(repr(untokenize(gt)), untokenize(gt) == text)
print(repr(untokenize([(t.type, t.string) for t in gt])))
print(repr(untokenize(gt[:3] + [(t.type, t.string) for t in gt[3:]])))
print(repr(untokenize([(tokenize.NAME, "a", (1, 0), (1, 1), ""),
                       (tokenize.NAME, "b", (3, 4), (3, 5), "")])))
try:
    untokenize([(tokenize.NAME, "a", (2, 5), (2, 6), ""),
                (tokenize.NAME, "b", (2, 1), (2, 2), "")])
except ValueError as e:
    print(type(e).__name__, e)
try:
    untokenize([(tokenize.NAME, "a", (1, 0))])
except ValueError as e:
    print(type(e).__name__, e)
u = tokenize.Untokenizer()
print(u.untokenize([(tokenize.NAME, "q", (1, 3), (1, 4), "")]), u.prev_row, u.prev_col, u.tokens)

print("-- open")
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "mod.py")
    with open(path, "wb") as f:
        f.write(b"# coding: latin-1\nx = '\xe9'\n")
    with tokenize.open(path) as f:
        print(f.encoding, f.mode, repr(f.read()))
    with open(path, "rb") as f:
        print([t.string for t in tokenize.tokenize(f.readline)][:4])
    with open(path, "wb") as f:
        f.write(b"# coding: bogus\n")
    try:
        tokenize.open(path)
    except SyntaxError as e:
        print(type(e).__name__, str(e).replace(d, "<dir>"))

print("-- main")
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "m.py")
    with open(path, "w") as f:
        f.write("x = (1 +\n  2) ** 3\n")
    bad = os.path.join(d, "bad.py")
    with open(bad, "w") as f:
        f.write("f(1,\n")
    saved = sys.argv, sys.stdout, sys.stderr
    for argv in (["tokenize", path], ["tokenize", "-e", path], ["tokenize", bad]):
        sys.argv = argv
        sys.stdout = io.StringIO()
        sys.stderr = io.StringIO()
        try:
            tokenize.main()
            code = 0
        except SystemExit as e:
            code = e.code
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()
        sys.argv, sys.stdout, sys.stderr = saved
        print(code)
        print(out.replace(d, "<dir>"), end="")
        print(err.replace(d, "<dir>"), end="")
