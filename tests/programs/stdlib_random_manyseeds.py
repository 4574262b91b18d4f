import random
rows = []
for s in range(60):
    r = random.Random(s * 7919 + 1)
    vals = [r.random(), r.randrange(3, 1000, 3), r.randint(0, 2**40), r.choice("xyzw"),
            r.choices(range(7), weights=[1, 2, 3, 0, 1, 1, 5], k=3), r.sample(range(200), 4),
            r.uniform(-1, 1), r.gauss(1, 3), r.normalvariate(), r.expovariate(0.25),
            r.betavariate(1.5, 4), r.gammavariate(0.7, 1), r.gammavariate(2.2, 1),
            r.triangular(0, 4, 1), r.getrandbits(70), r.randbytes(3), r.vonmisesvariate(2, 0.5),
            r.lognormvariate(0, 0.3), r.paretovariate(3), r.weibullvariate(2, 3)]
    deck = list("abcdefghijklmnop"); r.shuffle(deck); vals.append("".join(deck))
    print(s, vals)
for s in ["x" * n for n in range(0, 40, 7)] + [bytes(range(n)) for n in range(0, 256, 85)]:
    random.seed(s)
    print(len(s), random.random(), random.getrandbits(64))
