x = a if b else c if d else e
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: a
x = lambda *, a: a
x = lambda a, /, b: a
x = a or b or c and d and not e
x = (a or b) or c
x = a < b <= c == d != e > f >= g in h not in i is j is not k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = -a ** -b ** c
x = ~+-a
x = -2 ** 2
x = await_ = 1
x = a.b.c(d)(e)[f][g:h][::i][j:k:l][m, n:o][*p]
x = f(a, *b, c=d, **e, g=h)
x = f(x for x in y)
x = f((x for x in y), z)
x = [x for x in y if z if w for q in r]
x = {x for x in y}
x = {k: v for k, v in y}
x = (x for x in y)
x = [1, *a, 2]
x = {1, 2, *a}
x = {1: 2, **a, 3: 4}
x = {}
x = []
x = ()
x = (1,)
x = 1,
x = (1, 2)
x = ((a))
x = (yield)
x = [(yield x) for _ in []]
x = (y := 5)
if (n := len(a)) > 10: pass
while chunk := read(): pass
x = [y := 1, y ** 2]
x = f(y := 1)
x = a[b := 1]
x = ...
x = True, False, None
x = 0x_ff + 0o17 + 0b101 + 1_000_000 + 123456789012345678901234567890
x = 1.5 + 2e10 + 1e-5 + .5 + 5. + 3j + 1.5J
x = 'a' "b" '''c''' """d"""
x = u'a' 'b'
x = b'a' b"b" rb'\d'
x = r'\n' '\n'
x = 'é' + "日本"
y = 'é'; z = a
x = a[1:2, ::3]
x = a[:]
x = a[1:]
x = a[:, None]
x = a[()]
x = a[1,]
x = not a
x = a if not b else c
x = f(*a, *b)
x = f(**a, **b)
x = f(a)(b)(c)
x = (a).b
x = (a) + b
x = (
    a
    + b
)
x = [
    1,
    2,
]
s = {
  'k': [1, 2,
        3],
}
