# Small behaviours found by other implementations' test suites.
import _operator
import _thread
import pickle
from collections import namedtuple
from functools import partial


def show(call):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)


# compile(): func_type needs the AST flag.
show(lambda: compile("(int) -> int", "<t>", "func_type"))
show(lambda: compile("x", "<t>", "bogus"))

# An unbound method checks its receiver before its keywords.
show(lambda: list.append(1, x=1))
show(lambda: list.append([], x=1))
show(lambda: [].append(x=1))
show(lambda: list.append(x=1))
show(lambda: str.upper(1))
show(lambda: dict.fromkeys(x=1))


class D(dict):
    pass


show(lambda: D.fromkeys(x=1))

# RLock: the recursion count, and the timeout checked before re-entry.
lock = _thread.RLock()
print(lock._recursion_count())
lock.acquire()
lock.acquire()
print(lock._recursion_count())
for kwargs in [{"blocking": False, "timeout": 1}, {"timeout": -2},
               {"timeout": float("inf")}, {"timeout": float("nan")},
               {"timeout": -(2**63) / 1e9}, {"blocking": False, "timeout": 2**63 / 1e9},
               {"timeout": 10**30}, {"timeout": "x"}]:
    show(lambda: lock.acquire(**kwargs))
print(lock._recursion_count())
lock.release()
lock.release()
print(lock._recursion_count())

# Named tuple fields pickle.
Point = namedtuple("Point", "x y")
field = pickle.loads(pickle.dumps(Point.y))
print(field.__get__(Point(5, 6)), repr(field))

# A partial's __dict__ may not be deleted.
p = partial(max, 1)
p.tag = 1
print(p.tag, p(5))
show(lambda: exec("del p.__dict__", {"p": p}))

# _operator._compare_digest
for a, b in [("abc", "abc"), (b"abc", b"abd"), ("abc", b"abc"), ("é", "é"), (1, 2),
             (bytearray(b"a"), b"a")]:
    show(lambda: _operator._compare_digest(a, b))


# An unbound super is a descriptor.
class Base:
    def who(self):
        return "Base"


class Child(Base):
    def who(self):
        return "Child>" + self.__up.who()


Child._Child__up = super(Child)
print(Child().who())
unbound = super(int)
print(unbound.__get__(None, int) is unbound)
print(str(unbound.__get__(True)))
show(lambda: unbound.__get__("text"))
bound = super(int, 5)
print(bound.__get__(7) is bound)
