class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], list(reversed(s)), sum(s), 2 in s, isinstance(s, list), type(s).__name__)
s.extend([4, 5])
s[0] = 10
del s[1]
print(s, s + [9], sorted(s, reverse=True), bool(Stack()), repr(s), s == [10, 3, 4, 5])

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self.get(key, 0) + 1

c = Counter()
for ch in "banana":
    c.add(ch)
print(c, c["a"], len(c), sorted(c.items()), "b" in c, dict(c))

class Meters(float):
    def __str__(self):
        return f"{float(self):.1f} m"

m = Meters(3.25)
print(m, m + 1, m * 2, repr(m), m > 3, round(m), int(m))

class Upper(str):
    def shout(self):
        return self.upper() + "!"

u = Upper("hey")
print(u, u.shout(), len(u), u + " you", u[0], u == "hey", {u: 1}["hey"], u.split("e"))

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]

class Tags(set):
    pass

t = Tags(["a", "b", "a"])
print(len(t), "a" in t, sorted(t), isinstance(t, set))

class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name

n = Named("nums", [3, 1, 2])
n.sort()
print(n.name, n, len(n))

class BigNum(int):
    def double(self):
        return self * 2

b = BigNum(21)
print(b.double(), b + 1, b == 21, hash(b) == hash(21), str(b), -b, [10, 20, 30][BigNum(1)])
