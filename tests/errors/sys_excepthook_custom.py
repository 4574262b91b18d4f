# An uncaught exception goes to the sys.excepthook the program set: it gets
# the type, the value and the traceback, and the process still exits 1.
import sys


def hook(exc_type, value, tb):
    print("hook got", exc_type.__name__, repr(value), type(tb).__name__)
    print("last line of the traceback:", tb.tb_lineno if tb else None)
    print("is the default kept:", sys.__excepthook__ is not hook)


sys.excepthook = hook
print("before")
raise KeyError("handled by hook")
