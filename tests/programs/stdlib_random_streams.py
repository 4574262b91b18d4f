import random

def show(*a):
    print(*a)

for s in [0, 1, 2, 7, 42, 123456789, -5, 2**70 + 3, 3.5, "hello", b"bytes", bytearray(b"ba"), "", "ünï"]:
    random.seed(s)
    show("seed", repr(s))
    show(" random", [random.random() for _ in range(3)])
    show(" randint", [random.randint(-10, 10) for _ in range(8)])
    show(" randrange", random.randrange(100), random.randrange(5, 500, 7), random.randrange(50, -50, -3), random.randrange(2**80))
    show(" choice", random.choice("abcdefghij"), random.choice(range(1000)))
    show(" choices", random.choices("abcde", k=6))
    show(" wchoices", random.choices("abcde", weights=[1, 0, 3, 2.5, 1], k=6))
    show(" cwchoices", random.choices(range(4), cum_weights=[1, 2, 10, 11], k=5))
    xs = list(range(20)); random.shuffle(xs); show(" shuffle", xs)
    show(" sample", random.sample(range(30), 10), random.sample(range(10**6), 8), random.sample("abcdef", 6))
    show(" counts", random.sample(["r", "g", "b"], 5, counts=[3, 1, 4]))
    show(" uniform", random.uniform(2, 9), random.uniform(5, -5))
    show(" gauss", [random.gauss() for _ in range(3)], random.gauss(10, 2))
    show(" normal", random.normalvariate(), random.normalvariate(3, 0.5))
    show(" lognorm", random.lognormvariate(0, 1))
    show(" expo", random.expovariate(1.5))
    show(" beta", random.betavariate(2, 3), random.betavariate(0.5, 0.5))
    show(" gamma", random.gammavariate(0.3, 2), random.gammavariate(1.0, 3), random.gammavariate(7.5, 0.5))
    show(" tri", random.triangular(), random.triangular(1, 10), random.triangular(1, 10, 9), random.triangular(3, 3, 3))
    show(" vonmises", random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
    show(" pareto", random.paretovariate(2.5), "weibull", random.weibullvariate(1.0, 1.5))
    show(" bits", random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100), random.getrandbits(0))
    show(" bytes", random.randbytes(0), random.randbytes(5), random.randbytes(9))

for s in ["abc", b"abc", "", 12345]:
    random.seed(s, version=1)
    print("v1", repr(s), random.random(), random.randint(0, 99))

random.seed(None)
r = random.Random()
r.seed(99)
a = [r.random() for _ in range(5)]
state = r.getstate()
b = [r.random() for _ in range(5)]
r.setstate(state)
print(b == [r.random() for _ in range(5)], state[0], len(state[1]), state[2])
r2 = random.Random(99)
print(a == [r2.random() for _ in range(5)])
g = random.Random(5); g.gauss(); st = g.getstate(); print(st[2]); x = g.gauss(); g.setstate(st); print(x == g.gauss())

class OnlyRandom(random.Random):
    def random(self):
        return 0.3
print(OnlyRandom(1).randrange(10), OnlyRandom(1).choice("abcdef"), OnlyRandom().randint(1, 100))

class Bits(random.Random):
    def __init__(self):
        super().__init__(0)
        self.calls = 0
    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)
bb = Bits(); print(bb.randrange(1000), bb.randrange(10**30), bb.calls)

import pickle, copy
p = random.Random(77); p.random()
q = pickle.loads(pickle.dumps(p)); print(q.random() == p.random())
c = copy.copy(p); print(c.random() == p.random(), type(c).__name__)
