# reprlib: Repr limits, repr_<type> dispatch, aRepr/repr, recursive_repr.
import reprlib
from array import array
from collections import deque

r = reprlib.Repr()
print(sorted(vars(r).items()))

print(reprlib.repr("a" * 100))
print(reprlib.repr("x\ny\n" * 30))
print(reprlib.repr("short"), reprlib.repr(""))
print(reprlib.repr(10 ** 100), reprlib.repr(-(10 ** 39)), reprlib.repr(10 ** 39))
print(reprlib.repr(list(range(10))), reprlib.repr(list(range(6))))
print(reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr(()))
print(reprlib.repr(set(range(20))), reprlib.repr(set()), reprlib.repr({"b", "a"}))
print(reprlib.repr(frozenset(range(3))), reprlib.repr(frozenset()),
      reprlib.repr(frozenset(range(100))))
print(reprlib.repr({i: str(i) * i for i in range(10)}), reprlib.repr({}))
print(reprlib.repr({"b": 1, "a": [1, 2, 3, 4, 5, 6, 7, 8]}))
print(reprlib.repr(deque(range(10))), reprlib.repr(deque()))
print(reprlib.repr(array("i")), reprlib.repr(array("i", range(10))),
      reprlib.repr(array("d", [1.5, 2.5])))
print(reprlib.repr([[[[[[[[1]]]]]]]]))
print(reprlib.repr(((((((((1,),),),),),),),)))
print(reprlib.repr({1: {2: {3: {4: {5: {6: {7: {}}}}}}}}))
print(reprlib.repr([[], [[]], [[[[[[[]]]]]]]]))
print(reprlib.repr(1.5), reprlib.repr(None), reprlib.repr(True), reprlib.repr(int))
print(reprlib.repr(b"x" * 100))
print(reprlib.repr("é" * 40))


class Long:
    def __repr__(self):
        return "<Long " + "z" * 60 + ">"


class Broken:
    def __repr__(self):
        raise ValueError("nope")


print(reprlib.repr(Long()))
print(reprlib.repr(Broken()).startswith("<Broken instance at 0x"))
print(reprlib.repr([Long(), "q" * 50]))

# Changing the limits.
r.maxlevel = 1
print(r.repr([1, [2, [3]]]), r.repr([[]]), r.repr([[1]]), r.repr({1: {2: 3}}))
r.maxlevel = 0
print(r.repr([]), r.repr([1]), r.repr({}), r.repr({1: 2}), r.repr(()),
      r.repr((1,)), r.repr({1}), r.repr(deque([1])))
r = reprlib.Repr()
r.maxlist = 2
r.maxtuple = 1
r.maxdict = 1
r.maxset = 0
r.maxstring = 10
r.maxlong = 5
r.maxother = 8
r.fillvalue = "~"
print(r.repr([1, 2, 3]), r.repr((1, 2)), r.repr({1: 2, 3: 4}), r.repr({1, 2}))
print(r.repr("abcdefghijklmnop"), r.repr(1234567), r.repr(Long()))
r.maxstring = 2
r.maxlong = 1
r.maxother = 0
print(r.repr("abcdefghijklmnop"), r.repr(1234567), r.repr(Long()))
r.maxstring = 3
print(r.repr("abcdefghijklmnop"), r.repr("abc"), r.repr("abcd"))


# Dispatch by type name; subclasses add repr_<name> methods.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class MyRepr(reprlib.Repr):
    def repr_Point(self, obj, level):
        return "Point(%s, %s)" % (self.repr1(obj.x, level - 1),
                                  self.repr1(obj.y, level - 1))

    def repr_int(self, obj, level):
        return "int:%d" % obj

    def repr_str(self, obj, level):
        return "<str of %d>" % len(obj)


m = MyRepr()
print(m.repr([Point(1, "abc"), Point(2, [3])]))
print(m.repr({"k": Point(1, 2)}))


class mylist(list):
    pass


print(m.repr(mylist([1, 2])).startswith("[") , reprlib.repr(mylist(range(50))))


# recursive_repr
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        "Node repr"
        return "Node(%s, %r)" % (self.name, self.children)


a = Node("a")
b = Node("b")
a.children.append(b)
b.children.append(a)
a.children.append(a)
print(repr(a))
print(repr(b))
print(Node.__repr__.__name__, Node.__repr__.__doc__, Node.__repr__.__qualname__)


class Tagged:
    @reprlib.recursive_repr(fillvalue="<self>")
    def __repr__(self):
        return "Tagged[%r]" % (self.items,)


t = Tagged()
t.items = [1, t, (t,)]
print(repr(t))
print(repr(t))
print(reprlib.__all__, reprlib.aRepr.maxlist, reprlib.repr.__self__ is reprlib.aRepr)
