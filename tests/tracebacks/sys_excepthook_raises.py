# A sys.excepthook that raises: CPython shows the hook's error, then the
# original exception.
import sys


def hook(exc_type, value, tb):
    print("hook called with", exc_type.__name__)
    return {}[value.args[0]]


sys.excepthook = hook


def fail():
    raise ValueError("original")


fail()
