# `s += t` and `s = s + t` on a local str may extend it in place; nothing
# that holds the old str (another name, a container, a closure, an
# attribute, a dict key) may see it change, and the hash follows the text.


def alias_then_append():
    s = "start-" * 10
    t = s
    s += "x"
    u = s
    s = s + "y"
    return s, t, u


s, t, u = alias_then_append()
print(len(s), s[-3:], len(t), t[-3:], len(u), u[-3:], t is not s)


def held_by_containers():
    s = "k" * 50
    in_list = [s]
    in_tuple = (s,)
    in_dict = {"v": s}
    as_key = {s: "first"}
    for _ in range(3):
        s += "!"
    return s, in_list[0], in_tuple[0], in_dict["v"], as_key


s, a, b, c, keys = held_by_containers()
print(len(s), len(a), len(b), len(c), [len(k) for k in keys])
print(keys.get("k" * 50), keys.get(s), ("k" * 50 + "!!!") == s)


def hash_after_growth():
    s = "h" * 40
    before = hash(s)
    seen = {s: 1}
    s += "h"
    after = hash(s)
    seen[s] = 2
    return before == hash("h" * 40), after == hash("h" * 41), before != after, seen


ok_before, ok_after, differ, seen = hash_after_growth()
print(ok_before, ok_after, differ, sorted(len(k) for k in seen), seen["h" * 41])


def grow_key_in_loop():
    s = "word"
    d = {}
    for i in range(50):
        s += "é" if i % 2 else "e"
        d[s] = i
    return d


d = grow_key_in_loop()
print(len(d), all(d[k] == len(k) - 5 for k in d), d["word" + "eé" * 10])


def closure_sees_old():
    s = "c" * 45

    def inner():
        return s

    before = inner()
    t = s
    t += "d"
    return before, inner(), t


print([len(x) for x in closure_sees_old()])


def closure_cell_appends():
    s = "n" * 40

    def add(piece):
        nonlocal s
        s += piece

    snapshot = s
    for p in "abc":
        add(p)
    return s[-5:], len(snapshot)


print(closure_cell_appends())


class Box:
    def __init__(self):
        self.text = "attr" * 10


box = Box()
kept = box.text
for i in range(5):
    box.text += str(i)
print(box.text[-8:], len(kept), kept[-4:])

g = "global" * 7
g_alias = g


def grow_global():
    global g
    for i in range(3):
        g += "+"


grow_global()
print(g[-5:], len(g), len(g_alias))

m = "module" * 7
m_alias = m
for i in range(3):
    m += "-"
print(m[-5:], len(m), len(m_alias))


def same_str_twice():
    s = "dup" * 20
    s += s
    s = s + s
    return len(s), s[:6], s[-6:]


print(same_str_twice())


def empty_and_interned():
    parts = []
    s = ""
    for ch in "abc":
        s += ch
        parts.append(s)
    name = "identifier"
    n = name
    n += "_suffix"
    return parts, name, n, "" + "", "x" + ""


print(empty_and_interned())


def non_ascii_indexed_between_appends():
    s = "π" * 40
    seen = []
    for i in range(200):
        s += "€" if i % 5 == 0 else ("ab" if i % 2 else "é")
        seen.append(s[i // 2] + s[-1] + s[len(s) // 2])
        if i % 40 == 0:
            seen.append(s[35:45])
    return len(s), s[::37], seen[::23], s.find("€", 100), s.rfind("ab")


print(non_ascii_indexed_between_appends())


def ascii_then_non_ascii():
    s = "a" * 100
    first = s[50]
    s += "ü"
    s += "b"
    return first, s[99], s[100], s[101], s[-2:], len(s), s.index("ü")


print(ascii_then_non_ascii())


# Subclasses of str keep their own operators, left or right.
class Loud(str):
    def __add__(self, other):
        return Loud(str.__add__(self, other).upper())

    def __radd__(self, other):
        return Loud(("<" + other + ">") + str(self))


class Counting(str):
    calls = 0

    def __iadd__(self, other):
        Counting.calls += 1
        return Counting(str(self) + "[" + other + "]")


def subclasses():
    a = Loud("ab")
    a += "cd"
    b = "xy"
    b += Loud("z")
    c = "pq"
    c = c + Loud("r")
    d = Counting("base")
    d += "one"
    d += "two"
    e = "plain"
    e += Counting("sub")
    return a, type(a).__name__, b, type(b).__name__, c, d, type(d).__name__, e, type(e).__name__


print(subclasses(), Counting.calls)


class Tagged(str):
    pass


def plain_subclass():
    s = Tagged("tag")
    t = s
    s += "!"
    u = "x" * 40
    u += Tagged("y")
    return s, type(s).__name__, t, type(t).__name__, u[-2:], type(u).__name__


print(plain_subclass())


def errors_leave_it_alone():
    s = "safe" * 10
    t = s
    try:
        s += 5
    except TypeError as e:
        msg = str(e)
    return s == t, s is t, msg


print(errors_leave_it_alone())


def in_generator():
    s = "g" * 40
    for i in range(3):
        s += str(i)
        yield s


print([x[-3:] for x in in_generator()])
