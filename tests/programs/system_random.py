# os.urandom and random.SystemRandom draw from the host's entropy: only
# their shapes are deterministic.
import os
import random

data = os.urandom(16)
print(type(data).__name__, len(data), len(os.urandom(0)))
try:
    os.urandom(-1)
except ValueError as e:
    print(type(e).__name__, e)
sr = random.SystemRandom()
x = sr.random()
print(0.0 <= x < 1.0, 0 <= sr.randrange(10) < 10, sr.getrandbits(70) < 2 ** 70, len(sr.randbytes(5)))
print(sorted(sr.sample(range(5), 5)))
for f in (sr.getstate, lambda: sr.setstate(None)):
    try:
        f()
    except NotImplementedError as e:
        print(type(e).__name__, e)
print(sr.seed(5))
