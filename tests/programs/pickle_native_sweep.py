# Random nested data (atoms, containers, shared and user objects, batches
# past 1000, frames past 64 KiB) pickled with every protocol: the bytes
# must be CPython's C pickler's (checked by length and CRC-32).
import pickle, random, zlib, sys


class Plain:
    pass


class Rec:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Rec, (self.a, self.b))


class LD(dict):
    pass


class LL(list):
    pass


rng = random.Random(3)
pool_strs = ['', 'a', 'key', 'é', '€', '😀', 'x' * 300, 'line\n', 'back\\slash']
def atom():
    k = rng.randrange(10)
    if k == 0: return None
    if k == 1: return rng.random() < 0.5
    if k == 2: return rng.randrange(-300, 300)
    if k == 3: return rng.randrange(-2**70, 2**70)
    if k == 4: return rng.random() * 10 ** rng.randrange(-5, 30)
    if k == 5: return rng.choice(pool_strs)
    if k == 6: return 'k%d' % rng.randrange(1000)
    if k == 7: return bytes(rng.randrange(256) for _ in range(rng.choice([0, 2, 3, 5, 8, 19])))
    if k == 8: return rng.randrange(2**40)
    return -rng.randrange(2**33)
shared = []
def build(depth):
    if depth <= 0 or rng.random() < 0.3:
        a = atom()
        if shared and rng.random() < 0.1:
            return rng.choice(shared)
        return a
    k = rng.randrange(10)
    n = rng.randrange(0, 6)
    if rng.random() < 0.02:
        n = rng.choice([999, 1000, 1001, 2000])
    if k == 0: v = [build(depth - 1) for _ in range(n)]
    elif k == 1: v = tuple(build(depth - 1) for _ in range(n))
    elif k == 2: v = {atom() if rng.random() < 0.5 else 'k%d' % rng.randrange(50): build(depth - 1) for _ in range(n)}
    elif k == 3: v = set(rng.randrange(-1000, 1000) for _ in range(min(n, 5)))
    elif k == 4: v = frozenset(rng.randrange(100) for _ in range(min(n, 5)))
    elif k == 5: v = bytearray(rng.randrange(256) for _ in range(n if n != 1 else 2))
    elif k == 6:
        v = Plain()
        for j in range(min(n, 4)):
            setattr(v, 'f%d' % j, build(depth - 1))
    elif k == 7: v = Rec(build(depth - 1), build(depth - 1))
    elif k == 8: v = LD({'k%d' % j: build(depth - 1) for j in range(min(n, 5))})
    else: v = LL(build(depth - 1) for _ in range(min(n, 5)))
    if rng.random() < 0.3:
        shared.append(v)
    return v
for i in range(150):
    try:
        obj = build(4)
        hash(obj) if isinstance(obj, (tuple, frozenset)) and False else None
    except TypeError:
        continue
    for p in range(6):
        try:
            d = pickle.dumps(obj, p)
            back = pickle.loads(d)
            ok = type(back) is type(obj)
            print(i, p, len(d), zlib.crc32(d), ok)
        except Exception as e:
            print(i, p, 'ERR', type(e).__name__, e)
