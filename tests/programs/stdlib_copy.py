# copy: shallow and deep copies of builtins, instances (with __dict__ and
# __slots__), subclasses of builtins, hooks, and recursive structures.
import copy
import sys


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


# Atomic and builtin values.
for value in [1, 2.5, True, None, "text", b"bytes", (1, 2), frozenset({1}), range(3),
              len, print, int, Ellipsis, NotImplemented, slice(1, 2)]:
    print(repr(value) if not callable(value) or isinstance(value, type) else value.__name__,
          copy.copy(value) is value, copy.deepcopy(value) is value)


def func():
    pass


print(copy.copy(func) is func, copy.deepcopy(func) is func, copy.deepcopy(lambda: 0).__name__)
nested = [1, [2, 3], {"k": [4]}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[1] is nested[1], deep[1] is nested[1],
      deep[2]["k"] is nested[2]["k"], deep == nested)
d = {"a": [1], "b": {2}}
print(copy.copy(d) == d, copy.copy(d)["a"] is d["a"], copy.deepcopy(d)["b"] is d["b"],
      copy.deepcopy(d) == d)
s = {1, 2, (3, 4)}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s, copy.deepcopy(s) is s)
fs = frozenset({1, 2})
print(copy.copy(fs) is fs, copy.deepcopy(fs) == fs)

# Tuples are kept when nothing inside changed.
t_flat = (1, "a", (2, 3))
t_mut = (1, [2])
print(copy.deepcopy(t_flat) is t_flat, copy.deepcopy(t_mut) is t_mut,
      copy.deepcopy(t_mut) == t_mut, copy.deepcopy(t_mut)[1] is t_mut[1])

# Shared and recursive structures keep their shape.
shared = [1]
pair = [shared, shared]
pair_copy = copy.deepcopy(pair)
print(pair_copy[0] is pair_copy[1], pair_copy[0] is shared)
loop = [1]
loop.append(loop)
loop_copy = copy.deepcopy(loop)
print(loop_copy[1] is loop_copy, loop_copy is not loop, loop_copy[0])
rd = {}
rd["self"] = rd
rd_copy = copy.deepcopy(rd)
print(rd_copy["self"] is rd_copy, rd_copy is not rd)
rt = ([],)
rt[0].append(rt)
rt_copy = copy.deepcopy(rt)
print(rt_copy[0][0] is rt_copy, rt_copy is not rt)

memo = {}
one = copy.deepcopy([shared], memo)
two = copy.deepcopy([shared], memo)
print(one[0] is two[0], id(shared) in memo)


# Plain instances.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
p.tags.append("t")
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pd, pc is p, pc.tags is p.tags, pd.tags is p.tags, type(pd).__name__)


class Empty:
    pass


print(type(copy.copy(Empty())).__name__, copy.deepcopy(Empty()).__dict__)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = Slotted()
sl_copy = copy.copy(sl)
sl_deep = copy.deepcopy(sl)
print(sl_copy.a is sl.a, sl_deep.a == sl.a, sl_deep.a is sl.a, hasattr(sl_copy, "b"))


class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.extra = {"x": 1}
        self.b = "bee"


mx = copy.deepcopy(Mixed())
print(mx.a, mx.b, mx.extra, type(mx).__name__)


# Hooks.
class Custom:
    def __init__(self, value):
        self.value = value

    def __copy__(self):
        return Custom(("shallow", self.value))

    def __deepcopy__(self, memo):
        return Custom(("deep", copy.deepcopy(self.value, memo)))


print(copy.copy(Custom(1)).value, copy.deepcopy(Custom([2])).value)


class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


r = copy.deepcopy(Reduced([1], 2))
print(type(r).__name__, r.a, r.b)


class WithState:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "drop me"

    def __getstate__(self):
        return {"data": self.data}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


ws = copy.deepcopy(WithState())
print(sorted(ws.__dict__), ws.data)


class ReduceEx:
    def __reduce_ex__(self, protocol):
        return "global_name"


re_obj = ReduceEx()
print(copy.copy(re_obj) is re_obj, copy.deepcopy(re_obj) is re_obj)


class WithNewArgs:
    def __new__(cls, label):
        self = super().__new__(cls)
        self.label = label
        return self

    def __getnewargs__(self):
        return (self.label,)


wn = copy.copy(WithNewArgs("L"))
print(type(wn).__name__, wn.label)


# Subclasses of builtins.
class TaggedList(list):
    pass


tl = TaggedList([1, [2]])
tl.tag = "x"
tl_copy = copy.copy(tl)
tl_deep = copy.deepcopy(tl)
print(type(tl_copy).__name__, tl_copy, tl_copy.tag, tl_copy[1] is tl[1], tl_deep[1] is tl[1])


class TaggedDict(dict):
    pass


td = TaggedDict(a=[1])
td_deep = copy.deepcopy(td)
print(type(td_deep).__name__, td_deep, td_deep["a"] is td["a"])


class MyInt(int):
    pass


mi = MyInt(7)
mi.note = "n"
mi_copy = copy.copy(mi)
print(type(mi_copy).__name__, mi_copy, mi_copy.note, mi_copy is mi)


class MyStr(str):
    pass


print(type(copy.deepcopy(MyStr("s"))).__name__, copy.deepcopy(MyStr("s")))


class MyTuple(tuple):
    pass


mt = copy.deepcopy(MyTuple([1, [2]]))
print(type(mt).__name__, mt)


class MySet(set):
    pass


ms = copy.copy(MySet([1, 2]))
print(type(ms).__name__, sorted(ms))


# Classes and methods.
print(copy.copy(Point) is Point, copy.deepcopy(Point) is Point)
holder = Point(0, 0)
bound = holder.__repr__
bound_copy = copy.deepcopy(bound)
print(bound_copy(), bound_copy.__self__ is holder)

# Things that cannot be copied.
attempt("copy module", lambda: copy.copy(sys))
attempt("deepcopy module", lambda: copy.deepcopy(sys))


def gen():
    yield 1


attempt("copy generator", lambda: copy.copy(gen()))
print(copy.Error.__name__, issubclass(copy.Error, Exception), copy.error is copy.Error)
print(sorted(copy.__all__))
