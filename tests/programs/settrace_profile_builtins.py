# sys.setprofile's c_call / c_return / c_exception events for builtin functions
# (not for classes), with Python frames called back from inside them.
import sys

events = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, frame.f_code.co_name, getattr(arg, "__name__", None), type(arg).__name__))
    else:
        events.append((event, frame.f_code.co_name))


def work(items):
    items.append(len(items))
    total = sum(items)
    text = str.upper("abc")
    try:
        int("x")
    except ValueError:
        pass
    try:
        [].pop()
    except IndexError:
        pass
    values = sorted(items, key=lambda v: -v)
    print("in work", total, text, max(*values), end="\n")
    return list(map(abs, values))


sys.setprofile(profiler)
work([3, 1, 2])
sys.setprofile(None)
for event in events:
    print(event)


events = []


def profiler(frame, event, arg):
    name = getattr(arg, "__name__", None) if event.startswith("c_") else None
    events.append((event, frame.f_code.co_name, name))


class Box:
    def __init__(self, value):
        self.value = value

    @property
    def doubled(self):
        return self.value * 2


def gen(n):
    for i in range(n):
        yield abs(-i)


def fails():
    return int.from_bytes(5)


def work():
    items = []
    add = items.append
    add(1)
    print(len(items), sep="-", end="\n")
    joined = ",".join(str(i) for i in range(3))
    box = Box(4)
    got = getattr(box, "doubled")
    total = sum(gen(3))
    try:
        fails()
    except TypeError:
        pass
    values = dict(a=1)
    values.get("a", 0)
    isinstance(box, Box)
    return joined, got, total


sys.setprofile(profiler)
work()
sys.setprofile(None)
for event in events:
    print(event)
