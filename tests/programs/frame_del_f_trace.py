# del frame.f_trace stops a frame's local tracing (as f_trace = None);
# the other frame attributes refuse deletion with CPython's errors.
import sys

def work():
    a = 1
    b = 2
    return a + b

events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name != "work":
        return None
    events.append((event, frame.f_lineno))
    if event == "line" and frame.f_lineno == 6:
        del frame.f_trace
    return tracer

sys.settrace(tracer)
work()
sys.settrace(None)
print(events)

f = sys._getframe()
del f.f_trace
print(f.f_trace)
for name in ("f_trace_lines", "f_lineno", "f_code", "nope"):
    try:
        exec("del f." + name)
    except Exception as e:
        print(name, type(e).__name__, e)
