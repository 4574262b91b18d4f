# The locals of frames an exception ended, as their traceback entries'
# frames show them (tb_frame.f_locals, traceback's capture_locals).
import traceback


def inner(n):
    scale = n * 2
    label = "inner"
    return scale / (n - n)


def middle(values):
    total = 0
    for v in values:
        total += inner(v)
    return total


def deeper_frames(tb):
    """The frames below the one that caught (that one still runs)."""
    out = []
    tb = tb.tb_next
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code.co_name, tb.tb_lineno, sorted(f.f_locals.items())))
        tb = tb.tb_next
    return out


def catch(values):
    try:
        middle(values)
    except ZeroDivisionError as e:
        return e


for entry in deeper_frames(catch([3, 4]).__traceback__):
    print(entry)

err = catch([5])
summary = traceback.StackSummary.extract(
    traceback.walk_tb(err.__traceback__.tb_next), capture_locals=True
)
for frame in summary:
    print(frame.name, frame.lineno, sorted(frame.locals.items()))


def reraises(x):
    note = "before"
    try:
        inner(x)
    except ZeroDivisionError:
        note = "handled"
        raise


try:
    reraises(7)
except ZeroDivisionError as e:
    for entry in deeper_frames(e.__traceback__):
        print(entry)


def unpacked(pair):
    a, b = pair
    del a
    raise KeyError(b)


try:
    unpacked((1, 2))
except KeyError as e:
    for entry in deeper_frames(e.__traceback__):
        print(entry)


def closure_frame():
    shared = [1]

    def use():
        return shared[5]

    return use()


try:
    closure_frame()
except IndexError as e:
    for entry in deeper_frames(e.__traceback__):
        print(entry[0], entry[1], [name for name, _ in entry[2]])


# The frame that caught (still running) shows its locals as they are when
# the traceback is read (CPython: when f_locals is read).
def catcher(n):
    marker = "before"
    try:
        inner(n)
    except ZeroDivisionError as e:
        marker = "caught"
        summary = traceback.StackSummary.extract(
            traceback.walk_tb(e.__traceback__), capture_locals=True
        )
        for frame in summary:
            shown = {k: v for k, v in frame.locals.items() if k not in ("e",)}
            print(frame.name, frame.lineno, sorted(shown.items()))
        return sys.exc_info()[2].tb_frame.f_locals["marker"]


import sys

print(catcher(11))
