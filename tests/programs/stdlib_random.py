import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 7), random.choice('abcdef'))
print(random.getrandbits(5), random.getrandbits(100), random.getrandbits(64))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 10), random.sample('abcdefghij', 3), random.sample(range(10**6), 8))
print(random.choices('abc', k=5), random.choices('abc', weights=[1, 5, 10], k=6), random.choices(range(5), cum_weights=[1,2,3,4,5], k=3))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 2), random.gauss(), random.gauss(5, 2), random.normalvariate(), random.normalvariate(1, 3))
print(random.expovariate(1.5), random.gammavariate(2.5, 1), random.gammavariate(0.5, 2), random.gammavariate(1, 3), random.betavariate(2, 3))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(6))
for s in ['hello', b'bytes', 12345678901234567890123, -5, 0, 3.14, True]:
    random.seed(s); print(repr(s), random.random(), random.randint(0, 10**30))
random.seed('abc', version=1); print(random.random())
r = random.Random(7); st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)], len(st[1]), st[0], st[2])
class MyRandom(random.Random):
    def random(self): return 0.5
print(MyRandom().randrange(100), MyRandom().choice('abc'))
class Mine(random.Random):
    pass
m = Mine(3); print(m.random(), type(m).__name__, isinstance(m, random.Random))
random.seed(1)
for f in (lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0), lambda: random.choice([]), lambda: random.sample({1,2}, 1), lambda: random.sample([1], 2), lambda: random.seed([1]), lambda: random.choices('ab', [1]), lambda: random.getrandbits(-1), lambda: random.gammavariate(0, 1), lambda: random.Random().setstate((9, (), None))):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(random.randrange(10), random.randint(-5, 5), [random.random() for _ in range(3)])
x = [random.random() for _ in range(1000)]; print(sum(x))
class Bits(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k) ^ 1
b = Bits(5); print(b.randrange(1000), b.choice(range(50)), b.randrange(10**25))
r = random.Random(9); print(r.randrange(2**64 + 7), r.randrange(2**33), r.randrange(2**32), r.randrange(2**32 + 1), r._randbelow(3))
try: random.Random([1])
except Exception as e: print(type(e).__name__, e)
class Pair(random.Random):
    def __init__(self, a, b):
        super().__init__(a + b)
print(Pair(1, 2).random(), Pair(3, 0).random() == random.Random(3).random())
import _random
print(_random.Random(7).random() == random.Random(7).random())
