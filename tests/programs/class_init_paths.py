# Instantiating classes: __init__ bound in place or through the general path.
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y


class Bad:
    def __init__(self):
        return 5


class Gen:
    def __init__(self):
        yield 1


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


p = P(1)
q = P(1, 3)
r = P(y=5, x=4)
print(p.x, p.y, q.y, r.x, r.y)
for cls in (Bad, Gen):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
d = Deep(300)
n = 0
while d:
    n += 1
    d = d.child
print(n)
try:
    Deep(5000)
except RecursionError:
    print("RecursionError")
print([P(i).x for i in range(5)])
