# Classes: method calls, attribute access, inheritance, super(), dunders.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return self.name + ":" + str(self.area())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True

    @property
    def activity(self):
        return len(self.history)


acc = Vec(0, 0)
for i in range(240000):
    v = Vec(i % 7, i % 11)
    acc = acc + v * 2
    if v.dot(acc) % 13 == 0:
        acc = Vec(acc.x % 1000, acc.y % 1000)

shapes = []
for i in range(100000):
    k = i % 3
    if k == 0:
        shapes.append(Rect(i % 10 + 1, i % 7 + 1))
    elif k == 1:
        shapes.append(Square(i % 9 + 1))
    else:
        shapes.append(Circle(i % 5 + 1))
total_area = 0
kinds = {}
for s in shapes:
    total_area += s.area()
    d = s.describe()
    kinds[s.name] = kinds.get(s.name, 0) + len(d)

accounts = [Account("user%d" % i) for i in range(50)]
refused = 0
for i in range(300000):
    a = accounts[i % 50]
    if i % 3 == 0:
        if not a.withdraw(i % 40):
            refused += 1
    else:
        a.deposit(i % 25)
activity = sum(a.activity for a in accounts)
richest = max(accounts, key=lambda a: a.balance)

print("vec", acc)
print("shapes", Shape.count, total_area, sorted(kinds.items()))
print("accounts", refused, activity, richest.owner, richest.balance)
