# Slices of ranges small and beyond 64 bits; collecting a range too long to hold is MemoryError or OverflowError at once, as CPython's preallocation.
import sys
rs = [range(10), range(0), range(-5, 5, 3), range(10, -10, -2), range(2**62, 2**62+10), range(-2**63, 2**63-1, 2**62), range(0, sys.maxsize, 2)]
for r in rs:
    for s in [slice(None), slice(2, 5), slice(None, None, -1), slice(-3, None), slice(1, None, 3), slice(None, None, 2**62), slice(5, 1, -2), slice(-2**70, 2**70)]:
        x = r[s]
        print(r, s, x, len(x), list(x)[:4] if len(x) < 100 else "long")
r2 = range(0, sys.maxsize, 2)[:]
print(r2, len(r2))
for make in (lambda: list(r2), lambda: tuple(r2), lambda: list(range(2**64)), lambda: list(iter(range(2**64))), lambda: sorted(range(2**63, 2**63 + 3)), lambda: list(range(2**63, 2**63 + 3))):
    try:
        print(make())
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
