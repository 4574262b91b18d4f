# graphlib.TopologicalSorter: static order, parallel rounds, cycles, errors.
from graphlib import TopologicalSorter, CycleError
import graphlib


def show(f, *args):
    try:
        result = f(*args)
        print(repr(result))
    except Exception as e:
        print(type(e).__name__, e)


print("== static_order")
graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
order = list(TopologicalSorter(graph).static_order())
print(order[0], order[-1], sorted(order[1:3]), len(order))
print(list(TopologicalSorter({2: [1], 3: [2], 4: [3, 1]}).static_order()))
print(list(TopologicalSorter().static_order()))
print(list(TopologicalSorter({"x": []}).static_order()))
print(list(TopologicalSorter({1: (0,), 2: (0,), 3: (1, 2), 0: ()}).static_order()))

print("== add")
ts = TopologicalSorter()
ts.add("app", "lib", "runtime")
ts.add("lib", "runtime")
ts.add("tests", "app")
ts.add("docs")
ts.add("app", "lib")  # the same edge twice
print(list(ts.static_order()))

print("== rounds")
ts = TopologicalSorter({"b": ["a"], "c": ["a"], "d": ["b", "c"], "e": ["d"],
                        "f": []})
show(ts.get_ready)
show(ts.is_active)
show(ts.done, "a")
ts.prepare()
print(bool(ts), ts.is_active())
round_no = 0
while ts.is_active():
    ready = ts.get_ready()
    print("round", round_no, ready, ts.get_ready())
    for node in ready:
        ts.done(node)
    round_no += 1
print(bool(ts), ts.get_ready())

print("== partial done")
ts = TopologicalSorter({"b": ["a"], "c": ["a", "x"]})
ts.prepare()
print(ts.get_ready())
ts.done("x")
print(ts.get_ready(), ts.is_active())
ts.done("a")
print(ts.get_ready())
ts.done("b", "c")
print(ts.is_active())

print("== errors")
ts = TopologicalSorter({"b": ["a"]})
ts.prepare()
show(ts.prepare)
show(ts.add, "c")
show(ts.done, "zz")
show(ts.done, "b")
ready = ts.get_ready()
ts.done(*ready)
show(ts.done, "a")
show(ts.done, ("t", 1))
ts2 = TopologicalSorter()
show(ts2.add, [1], 2)
show(ts2.add, 1, {})

print("== cycles")
cyclic = [
    {"a": ["b"], "b": ["a"]},
    {1: [1]},
    {1: [2], 2: [3], 3: [1]},
    {"x": ["a"], "a": ["b"], "b": ["c"], "c": ["a"]},
    {1: [0], 2: [1], 3: [2, 5], 4: [3], 5: [4]},
    {"d": ["c", "b"], "c": ["b"], "b": ["d"]},
]
for g in cyclic:
    ts = TopologicalSorter(g)
    try:
        ts.prepare()
    except CycleError as e:
        print(type(e).__name__, e.args, isinstance(e, ValueError), str(e))
    # nodes before the cycle still come out
    print("  ready:", ts.get_ready())
try:
    list(TopologicalSorter({"p": ["q"], "q": ["p"]}).static_order())
except CycleError as e:
    print("static_order:", e.args[0], e.args[1])
ts = TopologicalSorter()
ts.add(1, 2)
ts.add(2, 3)
ts.add(3, 1)
ts.add(0, 1)
try:
    ts.prepare()
except ValueError as e:
    print(repr(e))

print("== subclass")


class LoggingSorter(TopologicalSorter):
    def done(self, *nodes):
        print("  done", nodes)
        super().done(*nodes)


print(list(LoggingSorter({"b": ["a"], "c": ["b"]}).static_order()))
print(sorted(graphlib.__all__), CycleError.__mro__[1].__name__)

print("== big chain")
n = 2000
ts = TopologicalSorter({i: [i - 1] for i in range(1, n)})
print(list(ts.static_order()) == list(range(n)))
ts = TopologicalSorter({i: [i + 1] for i in range(n)})
ts.add(n, 0)
try:
    ts.prepare()
except CycleError as e:
    print(len(e.args[1]), e.args[1][:3], e.args[1][-2:])

print("== generic alias")
try:
    print(TopologicalSorter[str], TopologicalSorter[int].__origin__ is TopologicalSorter)
except TypeError as e:
    print(type(e).__name__, e)
