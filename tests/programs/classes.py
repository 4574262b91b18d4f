# Classes: __init__, methods, inheritance, super(), dunders, properties,
# class and static methods, class attributes.
class Vector:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __len__(self):
        return self.dims

    @property
    def norm2(self):
        return self.x**2 + self.y**2

    @classmethod
    def zero(cls):
        return cls(0, 0)

    @staticmethod
    def describe():
        return "a 2-d vector"


v = Vector(1, 2) + Vector(3, 4) * 2
print(v, v.norm2, len(v), v == Vector(7, 10), v != Vector(0, 0), Vector.zero(), Vector.describe())
print(str(v), [v], type(v).__name__, isinstance(v, Vector), Vector.dims)


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, trick):
        super().__init__(name)
        self.trick = trick

    def speak(self):
        return super().speak() + f" and can {self.trick}"


class Puppy(Dog):
    sound = "yip"


for a in [Animal("generic"), Dog("rex", "sit"), Puppy("bit", "roll")]:
    print(a.speak())
print(issubclass(Puppy, Animal), isinstance(Puppy("p", "t"), Dog), Puppy.__mro__[1].__name__)


class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def __iter__(self):
        return iter(reversed(self._items))

    def __bool__(self):
        return bool(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __contains__(self, item):
        return item in self._items


s = Stack()
print(bool(s), list(s))
s.push(1).push(2).push(3)
print(bool(s), list(s), s[0], 2 in s, 9 in s)


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value


t = Temperature()
t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("rejected:", e)
print(getattr(t, "missing", "default"), hasattr(t, "celsius"))
t.extra = 5
print(t.extra, sorted(vars(t)))
