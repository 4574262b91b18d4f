# secrets: result types and sizes only (values are random).
import secrets
import string

print(sorted(secrets.__all__))
print(secrets.DEFAULT_ENTROPY)
for n in (None, 0, 1, 5, 16, 33):
    b = secrets.token_bytes(n)
    h = secrets.token_hex(n)
    u = secrets.token_urlsafe(n)
    print(n, type(b).__name__, len(b), type(h).__name__, len(h),
          all(c in string.hexdigits for c in h), type(u).__name__, len(u),
          all(c in string.ascii_letters + string.digits + "-_" for c in u))
for bound in (1, 2, 10, 2 ** 70):
    vals = [secrets.randbelow(bound) for _ in range(50)]
    print(bound, all(0 <= v < bound for v in vals), type(vals[0]).__name__)
print(all(0 <= secrets.randbits(8) < 256 for _ in range(50)), secrets.randbits(0))
seq = "abc"
print(all(secrets.choice(seq) in seq for _ in range(20)))
print(secrets.choice([42]), secrets.choice((7,)))
r = secrets.SystemRandom()
print(type(r).__name__, 0 <= r.random() < 1, r.randrange(1))
print(secrets.compare_digest(b"x", b"x"), secrets.compare_digest("x", "y"))
for bad in (0, -5):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    secrets.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    secrets.token_bytes(-1)
except ValueError as e:
    print("ValueError", e)
