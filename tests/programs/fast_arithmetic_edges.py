# Small-int operators and float powers on the dispatch loop's fast paths,
# including the edges where they must defer to the general path.
def product(xs, ys):
    return [(x, y) for x in xs for y in ys]
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 63, 64, -64, 100, 2**62, -2**62, 2**63-1, -2**63, 12345678901]
out = []
for a, b in product(vals, vals):
    for name, f in (("%", lambda a, b: a % b), ("//", lambda a, b: a // b), ("&", lambda a, b: a & b),
                    ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b), ("<<", lambda a, b: a << b if 0 <= b < 200 else None),
                    (">>", lambda a, b: a >> b)):
        try:
            out.append((a, name, b, f(a, b)))
        except Exception as e:
            out.append((a, name, b, type(e).__name__))
fl = [0.5, 2.0, 1e-300, 1e300, 3.0, 0.1]
for a, b in product(fl, [0.5, 2.0, -1.0, 400.0, -400.0, 0.0]):
    try:
        out.append((a, "**", b, a ** b))
    except Exception as e:
        out.append((a, "**", b, type(e).__name__))
for o in out:
    print(o)
x = 5
x %= 3; x //= -2; x <<= 3; x >>= 1; x ^= 6; x |= 1; x &= 13
print(x)
