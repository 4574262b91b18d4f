# Float formatting with e/g types and precisions over 9,000 values
# (decade boundaries, ties, tiny and huge): one digest of every text.
import random
random.seed(5)
vals = [0.0, -0.0, 1.0, 9.95, 0.095, 999.5, 1e23, 9.999999999999999e22, 1e-5, 0.0001, 0.00001234, 123456.0, 1e16, 1.5, 2.5, 0.5, 100.0, 1e100, 5e-324, 12345678901234567890.0]
for _ in range(3000):
    vals.append(random.uniform(-1e6, 1e6)); vals.append(random.random() * 10 ** random.randint(-10, 20)); vals.append(round(random.random(), random.randint(0, 6)))
out = []
for v in vals:
    for spec in ('g', '.1g', '.2g', '.3g', '.4g', '.6g', '.10g', '.15g', '.17g', '#.3g', '.3', '.10', 'e', '.0e', '.3e', '.12e', '', '.5', 'G', '#g'):
        out.append(format(v, spec))
    out.append('%g %.3g %.12g %e %.2e %#.3g' % (v, v, v, v, v, v))
import hashlib
print(len(out), hashlib.sha256("|".join(out).encode()).hexdigest())
