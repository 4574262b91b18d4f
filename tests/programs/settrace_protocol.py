import sys

calls = []


def local_tracer(frame, event, arg):
    if event == "line":
        names = sorted(k for k in frame.f_locals if not k.startswith("_"))
        print("  line", frame.f_code.co_name, frame.f_lineno, names)
    elif event == "return":
        print("  return", frame.f_code.co_name, frame.f_lineno, repr(arg))
    elif event == "exception":
        kind, value, tb = arg
        print("  exception", frame.f_code.co_name, kind.__name__, value)
    return local_tracer


def global_tracer(frame, event, arg):
    calls.append(frame.f_code.co_name)
    back = frame.f_back.f_code.co_name if frame.f_back else None
    print("call", frame.f_code.co_name, frame.f_lineno, "from", back)
    if frame.f_code.co_name == "skipped":
        return None
    return local_tracer


def skipped(n):
    total = 0
    for i in range(n):
        total += i
    return total


def work(a, b=2):
    c = a * b
    if c > 3:
        c = skipped(c)
    try:
        {}["missing"]
    except KeyError as e:
        c += 1
    return c


def gen(n):
    for i in range(n):
        yield i * i


def boom():
    raise ValueError("inner")


def catches():
    try:
        boom()
    except ValueError:
        return "caught"


sys.settrace(global_tracer)
print(sys.gettrace() is global_tracer)
result = work(3)
squares = list(gen(3))
caught = catches()
sys.settrace(None)
print(result, squares, caught, calls)
print(sys.gettrace())
work(1)


def frame_trace_switch(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "counted":
        frame.f_trace_lines = False
        return frame_trace_switch
    if event == "call":
        return None
    print(event, frame.f_code.co_name, frame.f_trace_lines)
    return frame_trace_switch


def counted():
    x = 1
    return x + 1


sys.settrace(frame_trace_switch)
counted()
sys.settrace(None)


def failing_tracer(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return failing_tracer


def victim():
    return 5


sys.settrace(failing_tracer)
try:
    victim()
except RuntimeError as e:
    print("error from tracer:", e, sys.gettrace())


def profiler(frame, event, arg):
    if event in ("call", "return"):
        print("profile", event, frame.f_code.co_name, arg if event == "return" else "")


sys.setprofile(profiler)
work(2)
sys.setprofile(None)
print(sys.getprofile())
