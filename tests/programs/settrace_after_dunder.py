# sys.setprofile / sys.settrace turned on in a running frame that then runs
# Python code through an operator (a nested run) before its next call: the
# calls after it are still seen.
import sys


class V:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return V(self.n + other.n)

    def __eq__(self, other):
        return self.n == other.n

    __hash__ = None

    def double(self):
        return V(self.n * 2)


def profile_events():
    events = []

    def prof(frame, event, arg):
        if event in ("call", "return"):
            events.append((event, frame.f_code.co_name))
    return events, prof


def trace_events():
    events = []

    def tracer(frame, event, arg):
        events.append((event, frame.f_code.co_name, frame.f_lineno - first_line))
        return tracer
    return events, tracer


first_line = V.__init__.__code__.co_firstlineno
v = V(1)
events, prof = profile_events()
sys.setprofile(prof)
w = v + v
x = w.double()
y = x == w
z = w.double().double()
sys.setprofile(None)
print(events)

events, tracer = trace_events()
sys.settrace(tracer)
w = v + v
x = w.double()
for i in range(2):
    x = x + w
sys.settrace(None)
print(events)


def inside():
    events, tracer = trace_events()
    sys.settrace(tracer)
    a = v + v
    b = a.double()
    sys.settrace(None)
    return events


print(inside())
