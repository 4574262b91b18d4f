# tokenize: token lists of source files and tricky snippets, untokenize both ways, encodings.
import sys, os
import io, tokenize, token

# This program's own source is the file input (by name: run from a .kbc,
# __file__ names that): the standard library's files change, and this
# golden's expected output must not.
FILES = ['stdlib_tokenize.py']

SNIPPETS = [
    'x = 1\n', 'x\n   ', 'x\n  \n', 'if x:\n    y\n  # c\n', 'a = "abc\\\n',
    '$ ! ?', 'x = 1 \\\n  + 2', 'def f():\n  pass', '# only', 'x\n\n#c',
    'if 1:\n\tx\n', '"""abc\ndef', '(1,\n', '', '\n', '   \n', '#\n',
    'f"a{b!r:>{w}}" rb"x" Rb\'y\' BR"""z\nq""" u"u" fR\'x\'\n',
    '1_000 0x_ff 0b1_0 0o7_7 1.5e-3 .5 5. 1j 3.14J 1e10 0 00 1__0 0777\n',
    'a @= b; c //= d; e **= 2; f >>= 1; g <<= 3; h := 1; ... -> != <> ~\n',
    'class A:\n    def f(self):\n        return 1\n\n    x = 2\n# end\n',
    'if a:\n        b\n    c\n',
    'x = [\n  1,  # one\n\n  2,\n]\n',
    's = "abc\\\ndef"\nt = 1\n',
    's = "abc\\\ndef\nt = 1\n',
    "s = '''a\n'b'\n''c'''\n",
    'x = 1\r\ny = 2\r\n',
    'def g():\n\tif x:\n\t\treturn\n\n\n',
    'async def f():\n    await x\n',
    'λ = 1; переменная = "ü"\n',
    'x = 1 # trailing comment',
    '\\\n',
    'x = \\\n\\\ny\n',
    'print(1)  \n\n\n   # indented comment\nz',
    'if x:\n  a\n b\n',
    '@decorator\ndef f(*a, **k) -> None: ...\n',
    'match x:\n    case [1, *rest] if rest:\n        pass\n',
    '\x0cx = 1\n',
    '  x = 1\n',
    "'unterminated\nx = 1\n",
    'x = 0xg 1.e 1_ 09\n',
]

def dump(gen):
    out = []
    try:
        for t in gen:
            out.append(repr(t) + ' exact=' + token.tok_name[t.exact_type])
    except (tokenize.TokenError, IndentationError, SyntaxError) as e:
        out.append('EXC %s %r' % (type(e).__name__, e.args))
    return out

for i, src in enumerate(SNIPPETS):
    print('--- snippet', i, repr(src))
    for l in dump(tokenize.generate_tokens(io.StringIO(src).readline)):
        print(l)
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
        print('U5', repr(tokenize.untokenize(toks)))
        print('U2', repr(tokenize.untokenize([t[:2] for t in toks])))
    except Exception as e:
        print('UEXC', type(e).__name__, e)

for name in FILES:
    path = name
    with open(path, 'rb') as f:
        data = f.read()
    toks = dump(tokenize.tokenize(io.BytesIO(data).readline))
    print('=== file', name, len(toks))
    for l in toks:
        print(l)
    toks = list(tokenize.tokenize(io.BytesIO(data).readline))
    u5 = tokenize.untokenize(toks)
    print('U5 same:', u5 == data)
    u2 = tokenize.untokenize([t[:2] for t in toks])
    import hashlib; print('U2 len', len(u2), hashlib.md5(u2).hexdigest())
    g = list(tokenize.generate_tokens(io.StringIO(data.decode()).readline))
    print('gen same', g == toks[1:])

# encoding detection
for b in [b'# -*- coding: latin-1 -*-\nx = "\xe9"\n', b'\xef\xbb\xbfx = 1\n',
          b'#!/usr/bin/python\n# vim: set fileencoding=ascii :\nx=1\n',
          b'\xef\xbb\xbf# coding: latin-1\n', b'# coding: nonexistent\n',
          b'\n\n# coding: latin-1\n', b'', b'x\n# coding: latin-1\n',
          b'# coding=UTF_8_sig\n', b'#coding:iso_8859_1\n', b'\xff\xfe\n']:
    try:
        print('DE', tokenize.detect_encoding(io.BytesIO(b).readline))
        for l in dump(tokenize.tokenize(io.BytesIO(b).readline)):
            print(l)
        print(repr(tokenize.untokenize(tokenize.tokenize(io.BytesIO(b).readline))))
    except Exception as e:
        print('EXC', type(e).__name__, e)

it = iter(['x = 1\n', 'y\n'])
def rl():
    return next(it)
print(dump(tokenize.generate_tokens(rl)))
with tokenize.open(FILES[0]) as f:
    print(f.encoding, f.mode, len(f.read()))
try:
    tokenize.untokenize([(1, 'a', (2, 0), (2, 1), ''), (1, 'b', (1, 0), (1, 1), '')])
except ValueError as e:
    print('VE', e)
t = tokenize.TokenInfo(54, '+=', (1, 0), (1, 2), 'x')
print(t, t.exact_type, t._fields, t._replace(type=1))
for n in ['Name', 'Number', 'String', 'Comment', 'Whitespace', 'Funny', 'Special', 'Triple', 'PseudoToken', 'Hexnumber', 'Floatnumber', 'Imagnumber', 'Intnumber', 'PlainToken', 'Token']:
    v = getattr(tokenize, n)
    if n in ('Triple', 'String', 'PseudoToken', 'PlainToken', 'Token', 'ContStr'):
        import re
        for s in ['x', '"a"', "rb'''x'''", 'f"\\"q"', '1_0j', '#c', '  \\\n']:
            m = re.match(v, s)
            print(n, repr(s), m and m.group(0))
    else:
        print(n, v)
print(sorted(tokenize.single_quoted) == sorted(tokenize.single_quoted), len(tokenize.single_quoted), len(tokenize.triple_quoted), len(tokenize.endpats))
print(tokenize.tabsize, tokenize.__all__)
