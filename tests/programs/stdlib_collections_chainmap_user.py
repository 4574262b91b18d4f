import collections
from collections import ChainMap, UserDict, UserList, UserString, deque
import copy, pickle

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm.get("z"), cm.get("c", 0), len(cm), list(cm), "a" in cm, "z" in cm, bool(cm), bool(ChainMap({}, {})))
print(list(cm.keys()), list(cm.values()), list(cm.items()), dict(cm))
print(cm.maps is cm.maps, cm.maps[0] is over, ChainMap().maps)
child = cm.new_child()
child["a"] = 100
print(child, child.parents, child.parents.parents, base["a"])
print(cm.new_child({"x": 1}), cm.new_child(y=2), cm.new_child({"x": 1}, y=2))
cm["new"] = 5; print(over)
del cm["new"]; print(over)
attempt("del deep", lambda: cm.__delitem__("a"))
attempt("pop deep", lambda: cm.pop("a"))
print(cm.pop("zz", "dflt"), cm.pop("c"), over)
attempt("popitem empty", lambda: ChainMap({}, {"a": 1}).popitem())
print(ChainMap({"k": 1}).popitem())
attempt("missing", lambda: cm["nope"])
cm2 = cm.copy(); cm2["q"] = 1; print(cm2, cm, type(copy.copy(cm)).__name__)
print(ChainMap.fromkeys("ab", 0), ChainMap.fromkeys("xy"))
print(cm | {"z": 26}, {"z": 26} | cm, type({"z": 26} | cm).__name__)
cm |= {"w": 0}; print(cm)
attempt("or list", lambda: cm | [1])
c3 = ChainMap(); c3.clear(); print(c3)
cm.clear(); print(cm, base)
rec = ChainMap(); rec["me"] = rec; print(rec)
class DefaultChain(ChainMap):
    def __missing__(self, key):
        return f"<{key}>"
print(DefaultChain({"a": 1})["b"], DefaultChain({"a": 1}).get("b", "g"))
print(ChainMap({"a": 1}) == {"a": 1}, ChainMap({"a": 1}) == ChainMap({}, {"a": 1}), ChainMap() != {})
print(isinstance(cm, collections.abc.MutableMapping), issubclass(ChainMap, collections.abc.Mapping))
print(ChainMap({1: 2}).keys() == {1}, ChainMap({1: 2}).keys() == [1], ChainMap({1: 2}).items() == {(1, 2)})
print(sorted(ChainMap({1: 2, 3: 4}).keys() & {1, 5}), sorted(ChainMap({1: 2}).keys() | {7}), sorted(ChainMap({1: 2, 3: 4}).keys() - {1}))

ud = UserDict({"a": 1}, b=2)
print(ud, ud.data, len(ud), ud["a"], "b" in ud, list(ud), ud.get("z", 0), ud.keys(), ud.items(), ud.values())
attempt("ud missing", lambda: ud["z"])
attempt("ud init2", lambda: UserDict({}, {}))
print(UserDict(dict=1, self=2), UserDict([("p", 1)]), UserDict.fromkeys("ab", 1))
ud["c"] = 3; del ud["a"]; print(ud, ud.pop("c"), ud.pop("q", None), ud.setdefault("s", 9), ud)
print(ud.popitem(), ud)
ud.update({"x": 1}, y=2); ud.update([("z", 3)]); print(ud)
print(ud | {"n": 1}, {"n": 1} | ud, ud | UserDict(m=0), type({"n": 1} | ud).__name__)
ud |= {"o": 5}; print(ud)
attempt("ud or list", lambda: ud | [1])
class Missing(UserDict):
    def __missing__(self, key):
        return key * 2
ms = Missing(a=1)
print(ms["zz"], ms.get("zz"), "zz" in ms, ms.copy(), type(ms.copy()).__name__)
class Attr(UserDict):
    def __init__(self, *a, **k):
        self.tag = "t"
        super().__init__(*a, **k)
at = Attr(q=1); at2 = at.copy(); at2["r"] = 2
print(at, at2, at2.tag, copy.copy(at), copy.deepcopy(at), pickle.loads(pickle.dumps(UserDict(a=1))))
print(ud == {"x": 1, "y": 2, "z": 3, "s": 9, "o": 5}, UserDict() == UserDict(), UserDict(a=1) != {"a": 2})
ud.clear(); print(ud, UserDict[int])
attempt("ud hash", lambda: hash(UserDict()))
print(isinstance(UserDict(), collections.abc.MutableMapping))

ul = UserList([3, 1, 2])
print(ul, ul.data, len(ul), ul[0], ul[-1], ul[1:], type(ul[1:]).__name__, 2 in ul)
ul.append(5); ul.insert(0, 9); ul.extend([7]); ul.extend(UserList([8])); print(ul)
print(ul.pop(), ul.pop(0), ul.count(1), ul.index(2), ul)
ul.remove(1); ul.reverse(); print(ul)
ul.sort(); print(ul); ul.sort(reverse=True, key=lambda v: -v); print(ul)
print(ul + [0], [0] + ul, ul + UserList([4]), ul + (6,), type([0] + ul).__name__, ul * 2, 2 * ul)
ul += [11]; ul += (12,); ul *= 1; print(ul)
ul[0] = 100; del ul[1]; print(ul, ul == [100, 5, 11, 12], ul < [200], ul >= UserList([1]), ul > [100], ul <= ul)
print(list(reversed(ul)), ul.copy(), type(ul.copy()).__name__, copy.copy(ul), UserList(), UserList("abc"), UserList(UserList([1])))
attempt("ul bad", lambda: UserList(5))
attempt("ul index missing", lambda: UserList([1]).index(5))
attempt("ul hash", lambda: hash(UserList()))
ul.clear(); print(ul, UserList[int])
class Tagged(UserList):
    pass
t = Tagged([1, 2]); print(type(t + [3]).__name__, type(t[:1]).__name__, type(t * 2).__name__)

us = UserString("Hello World")
print(us, repr(us), len(us), us[0], us[1:5], type(us[1:5]).__name__, "World" in us, UserString("lo") in us)
print(us.lower(), us.upper(), us.swapcase(), us.title(), us.capitalize(), us.casefold(), us.center(15, "*"), us.ljust(13, "."), us.rjust(13), us.zfill(14))
print(us.count("o"), us.count(UserString("l")), us.find("o"), us.rfind(UserString("o")), us.index("W"), us.rindex("o"), us.startswith("He"), us.endswith(("d", "x")))
print(us.split(), us.split("o", 1), us.rsplit(None, 1), us.partition(" "), us.rpartition("o"), UserString("a\nb").splitlines(), UserString("a\nb").splitlines(True))
print(us.replace("l", "L"), us.replace(UserString("o"), UserString("0"), 1), us.strip("Hd"), us.lstrip("H"), us.rstrip("d"), UserString("\tx").expandtabs(4))
print(us.removeprefix("Hello "), us.removesuffix(UserString("World")), us.encode(), us.encode("ascii", None), us.encode(None, None))
print(UserString("-").join(["a", "b"]), UserString("{0}-{x}").format(1, x=2), UserString("{a}").format_map({"a": 5}))
print(us.isalpha(), UserString("abc").isalpha(), UserString("12").isdigit(), UserString("12").isdecimal(), UserString("x1").isalnum(), UserString("x").isascii())
print(UserString("id_1").isidentifier(), UserString("abc").islower(), UserString("Ab Cd").istitle(), UserString("AB").isupper(), UserString(" ").isspace(), UserString("x\n").isprintable(), UserString("½").isnumeric())
print(us + "!", "!" + us, us + UserString("?"), us + 5, 5 + UserString("x") if False else "skip", us * 2, 2 * UserString("ab"), UserString("%s-%s") % (1, 2), "%s" % UserString("q"))
print(us == "Hello World", us == UserString("Hello World"), us < "Z", us > UserString("A"), us <= us, us >= "Hello", hash(us) == hash("Hello World"))
print(int(UserString("42")), float(UserString("2.5")), complex(UserString("1+2j")), str(us), list(UserString("ab")), [type(x).__name__ for x in UserString("ab")])
print(UserString(42), UserString(UserString("x")), UserString.maketrans("a", "b"), UserString("abc").translate({97: "z"}), list(reversed(UserString("abc"))))
print(copy.copy(us), pickle.loads(pickle.dumps(us)), us.__getnewargs__(), UserString[int])
attempt("us isalpha arg", lambda: us.isalpha(1))
attempt("us index missing", lambda: us.index("zzz"))
attempt("us bad mod", lambda: UserString("%d") % "x")
class Shout(UserString):
    def __str__(self):
        return self.data.upper()
sh = Shout("hey")
print(str(sh), type(sh.upper()).__name__, type(sh + "x").__name__, type(sh[0]).__name__, UserString.isalpha.__qualname__, UserString.isalpha.__name__)
print(isinstance(us, collections.abc.Sequence), isinstance(ul, collections.abc.MutableSequence))

dq = deque([1, 2, 3], maxlen=4)
dq.append(4); dq.append(5); dq.appendleft(0); print(dq, dq.maxlen, list(reversed(dq)))
dq.rotate(1); print(dq); dq.extendleft([7, 8]); print(dq, dq.popleft(), dq.pop(), dq)
print(deque("abc") + deque("d"), deque() == deque(), deque([1]) * 2, 3 in deque([3]), deque([1, 2]).index(2), deque([1, 1]).count(1))
attempt("deque pop empty", lambda: deque().pop())
attempt("deque popleft empty", lambda: deque().popleft())
attempt("deque remove missing", lambda: deque([1]).remove(5))
print(copy.copy(deque([1], 3)), copy.deepcopy(deque([[1]])), pickle.loads(pickle.dumps(deque([1, 2], 5))))
print(sorted(collections.__all__), hasattr(collections, "abc"), collections.abc.Mapping.__name__)
attempt("no attr", lambda: collections.nothing_here)
