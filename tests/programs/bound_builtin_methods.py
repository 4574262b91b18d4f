# Builtin methods read once and called many times (`append = out.append`):
# the receiver they hold, their argument checks and errors, subclasses.

out = []
append = out.append
for i in range(5):
    append(i * i)
print(out, append(None), out[-1])

pop = out.pop
print(pop(), pop(0), out)

d = {"a": 1}
get = d.get
setdefault = d.setdefault
print(get("a"), get("zz"), get("zz", 0), setdefault("b", 2), setdefault("a", 9), d)

join = ", ".join
print(join(["x", "y", "z"]), join([]))

upper = "abc".upper
print(upper())

s = set()
add = s.add
for c in "hello":
    add(c)
print(sorted(s))


class MyList(list):
    def extra(self):
        return len(self)

ml = MyList([3, 1, 2])
ml_append = ml.append
ml_append(0)
ml_sort = ml.sort
ml_sort()
print(ml, ml.extra(), type(ml).__name__)

keyed = []
keyed_sort = keyed.sort
keyed.extend(["bb", "a", "ccc"])
keyed_sort(key=len, reverse=True)
print(keyed)

for call in [lambda: append(), lambda: append(1, 2), lambda: get(),
             lambda: pop(99), lambda: join([1]), lambda: upper(1),
             lambda: add([])]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

# A dispatch table keyed by classes (as copy and pickle keep).
table = {int: "int", str: "str", list: "list", type(None): "none"}
class Sub(int):
    pass
for v in [1, "s", [], None, Sub(3), 2.5]:
    print(table.get(type(v)), table.get(type(v), "?"), type(v) in table)
