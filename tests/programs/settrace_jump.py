# Jumps by setting frame.f_lineno from a trace function (as a debugger's
# "jump" command does): where they land, what they leave on the stack, and
# CPython's errors for the jumps it refuses.
import sys


def run(function, plan, *args):
    """Runs function under a tracer that, at the line events named in
    plan ({line offset from the def: new line offset}), sets f_lineno."""
    first = function.__code__.co_firstlineno
    events = []
    done = set()

    def tracer(frame, event, arg):
        if frame.f_code is not function.__code__:
            return tracer
        offset = frame.f_lineno - first
        events.append((event, offset))
        if event == "line" and offset in plan and offset not in done:
            done.add(offset)
            try:
                frame.f_lineno = first + plan[offset]
                events.append(("jumped", frame.f_lineno - first))
            except ValueError as e:
                events.append(("refused", str(e).replace(str(first), "FIRST")))
        return tracer

    sys.settrace(tracer)
    try:
        result = function(*args)
    except Exception as e:
        result = type(e).__name__
    finally:
        sys.settrace(None)
    print(function.__name__, result)
    print("   ", events)


def skip_ahead():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out


def go_back():
    out = []
    out.append(1)
    out.append(2)
    return out


def leave_loop():
    out = []
    for i in range(5):
        out.append(i)
        out.append(-i)
    out.append("after")
    return out


def enter_loop():
    out = []
    for i in range(2):
        out.append(i)
    out.append("after")
    return out


def blank_line():
    out = []
    out.append(1)

    # a comment

    out.append(2)
    return out


def out_of_range():
    x = 1
    return x


def in_while():
    n = 0
    total = 0
    while n < 3:
        n += 1
        total += n
    return total


def from_handler():
    try:
        raise ValueError
    except ValueError:
        x = 1
        x = 2
    return x


def into_handler():
    x = 0
    try:
        x = 1
    except ValueError:
        x = 2
    return x


def in_with():
    import contextlib
    out = []
    with contextlib.nullcontext():
        out.append(1)
        out.append(2)
    out.append(3)
    return out


run(skip_ahead, {2: 4})
run(go_back, {3: 2})
run(leave_loop, {4: 6})
run(enter_loop, {1: 3})
run(blank_line, {2: 4})
run(out_of_range, {1: 100})
run(out_of_range, {1: -5})
run(in_while, {5: 2})
run(from_handler, {5: 7})
run(into_handler, {1: 5})
run(in_with, {5: 7})


def call_event(frame, event, arg):
    if event == "call" and frame.f_code is skip_ahead.__code__:
        try:
            frame.f_lineno = frame.f_lineno + 2
        except ValueError as e:
            print("call:", e)
    return None


sys.settrace(call_event)
skip_ahead()
sys.settrace(None)


def not_an_int(frame, event, arg):
    if event == "line" and frame.f_code is go_back.__code__:
        try:
            frame.f_lineno = "3"
        except ValueError as e:
            print("str:", e)
        return None
    return not_an_int


sys.settrace(not_an_int)
go_back()
sys.settrace(None)


def leave_handler():
    try:
        raise KeyError("inner")
    except KeyError:
        x = sys.exc_info()[0].__name__
        x = x + "!"
    return x, sys.exc_info()


def loop_back_out():
    out = []
    for i in range(3):
        out.append(i)
    for j in range(2):
        out.append(j * 10)
    return out


def into_with():
    import contextlib
    out = []
    out.append(0)
    with contextlib.nullcontext():
        out.append(1)
    return out


def generator():
    yield 1
    yield 2
    yield 3


run(leave_handler, {5: 6})
run(loop_back_out, {5: 2})
run(into_with, {3: 5})
run(lambda: list(generator()), {})


def gen_tracer(frame, event, arg):
    if frame.f_code is generator.__code__ and event == "line" and frame.f_lineno == generator.__code__.co_firstlineno + 1:
        frame.f_lineno = generator.__code__.co_firstlineno + 3
    return gen_tracer


sys.settrace(gen_tracer)
print(list(generator()))
sys.settrace(None)
