import faulthandler
import os
import re
import signal
import sys
import tempfile


def capture(action):
    """Run action(file) and return what it wrote, with paths and ids hidden."""
    with tempfile.TemporaryFile("w+") as file:
        action(file)
        file.seek(0)
        text = file.read()
    text = re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text)
    text = re.sub(r'File "([^"]*)"',
                  lambda m: 'File "%s"' % os.path.basename(m.group(1)), text)
    return text


def innermost(file, all_threads):
    faulthandler.dump_traceback(file, all_threads)


def middle(file, all_threads):
    innermost(file, all_threads=all_threads)


class Holder:
    def method(self, file):
        middle(file, False)


print(capture(lambda f: middle(f, False)), end="")
print(capture(lambda f: middle(f, True)), end="")
print(capture(lambda f: Holder().method(f)), end="")
print(capture(lambda f: faulthandler.dump_traceback(file=f.fileno(), all_threads=0)), end="")


def recurse(n, file):
    if n == 0:
        faulthandler.dump_traceback(file, all_threads=False)
    else:
        recurse(n - 1, file)


deep = capture(lambda f: recurse(150, f)).splitlines()
print(len(deep), deep[0], deep[-2], deep[-1])

namespace = {"faulthandler": faulthandler}
exec(compile("def caf\u00e9_\u4e00(f):\n    faulthandler.dump_traceback(f, False)\n",
             "long" + "x" * 600 + ".py", "exec"), namespace)
lines = capture(lambda f: namespace["caf\u00e9_\u4e00"](f)).splitlines()
print(lines[0])
print(len(lines[1]), lines[1][:20], lines[1][-40:])

# State of the (recorded) fault handler.
print(faulthandler.is_enabled(), faulthandler.disable())
print(faulthandler.enable(), faulthandler.is_enabled())
print(faulthandler.enable(file=sys.stdout, all_threads=False), faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

# Argument checking.
def show_error(call):
    try:
        print("returned", call())
    except Exception as exc:
        print(type(exc).__name__ + ":", exc)


class BadFileno:
    def fileno(self):
        return -3


show_error(lambda: faulthandler.dump_traceback(-1))
show_error(lambda: faulthandler.dump_traceback("name"))
show_error(lambda: faulthandler.dump_traceback(BadFileno()))
show_error(lambda: faulthandler.dump_traceback(sys.stdout, all_threads="yes"))
show_error(lambda: faulthandler.enable(all_threads=1.5))
show_error(lambda: faulthandler.dump_traceback_later(0))
show_error(lambda: faulthandler.dump_traceback_later(-2.5))
show_error(lambda: faulthandler.dump_traceback_later("soon"))
show_error(lambda: faulthandler.dump_traceback_later(3600, repeat=True))
show_error(lambda: faulthandler.cancel_dump_traceback_later())
show_error(lambda: faulthandler.cancel_dump_traceback_later())
show_error(lambda: faulthandler.register(signal.SIGSEGV))
show_error(lambda: faulthandler.register(signal.SIGFPE))
show_error(lambda: faulthandler.register(0))
show_error(lambda: faulthandler.register(1000))
show_error(lambda: faulthandler.unregister(signal.SIGUSR2))


# register(): the signal dumps the stack of the code it interrupts.
def raiser():
    signal.raise_signal(signal.SIGUSR1)


def registered_dump(file):
    print("register", faulthandler.register(signal.SIGUSR1, file=file, all_threads=False))
    raiser()
    print("unregister", faulthandler.unregister(signal.SIGUSR1),
          faulthandler.unregister(signal.SIGUSR1))


print(capture(registered_dump), end="")

# chain=True also calls the handler that was there before.
def previous_handler(signum, frame):
    print("previous handler called for", signal.Signals(signum).name)


signal.signal(signal.SIGUSR2, previous_handler)


def chained_dump(file):
    faulthandler.register(signal.SIGUSR2, file=file, all_threads=False, chain=True)
    signal.raise_signal(signal.SIGUSR2)
    faulthandler.unregister(signal.SIGUSR2)


print(capture(chained_dump), end="")
signal.raise_signal(signal.SIGUSR2)
