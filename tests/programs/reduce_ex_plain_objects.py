# object.__reduce_ex__ for instances of plain classes (copyreg.__newobj__,
# the class, the __dict__ or None) and what copy.deepcopy builds with it;
# classes that change the reduction keep theirs.
import copy
import copyreg
import pickle
import types
from dataclasses import dataclass

@dataclass
class A:
    text: str
    items: list
    flag: bool

a = A("hello", [1, [2, 3]], True)
r = a.__reduce_ex__(4)
print(r[0] is copyreg.__newobj__, r[1] == (A,), r[2] is a.__dict__, r[3:], len(r))
print(A.__slotnames__, a.__reduce_ex__(2)[2])

class Empty:
    pass

e = Empty()
print(e.__reduce_ex__(2)[1:], e.__reduce_ex__(1)[1:], e.__reduce_ex__(0)[1:])

class Slotted:
    __slots__ = ("x",)

s = Slotted()
s.x = 1
print(s.__reduce_ex__(4)[1:3])

class WithState:
    def __getstate__(self):
        return {"g": 1}

print(WithState().__reduce_ex__(4)[2])

class WithArgs:
    def __new__(cls, *args):
        return object.__new__(cls)
    def __getnewargs__(self):
        return (1, 2)

print(WithArgs().__reduce_ex__(4)[1][1:])

class Sub(list):
    pass

print(Sub([1]).__reduce_ex__(4)[1:3])

ns = types.SimpleNamespace(a=1)
print(ns.__reduce__(), ns.__reduce_ex__(4), copy.deepcopy(ns), pickle.loads(pickle.dumps(ns)))

class NS(types.SimpleNamespace):
    pass

print(NS(b=2), NS(b=2).__reduce_ex__(4), copy.copy(NS(b=2)))

b = copy.deepcopy(a)
print(b, b == a, b is a, b.items is a.items, b.items[1] is a.items[1])
print(pickle.loads(pickle.dumps(a)) == a)

memo = {}
data = {"a": (1, 2), "t": ([1], [1]), "s": "x", "d": {"k": a}}
c = copy.deepcopy(data, memo)
print(c == data, c["a"] is data["a"], c["t"] is data["t"], c["d"]["k"] is a)
print(len(memo), sorted(type(v).__name__ for v in memo.values()))

class Memo(dict):
    pass

m2 = Memo()
print(copy.deepcopy(data, m2) == data, len(m2))

shared = [1]
pair = (shared, shared)
copied = copy.deepcopy(pair)
print(copied[0] is copied[1], copied[0] is not shared)

class Hook:
    def __deepcopy__(self, memo):
        memo["seen"] = True
        return "hooked"

m3 = {}
print(copy.deepcopy([Hook(), (Hook(),)], m3), "seen" in m3)
