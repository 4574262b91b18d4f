# signal: handlers set, read back and run by raise_signal; SIGINT's
# handler decides what KeyboardInterrupt the program sees.
import signal

print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print(repr(signal.SIGINT), repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.NSIG)
print(signal.Signals(6), repr(signal.Signals(29)), signal.SIGIOT == signal.SIGABRT, signal.Signals["SIGTERM"].value)
print(isinstance(signal.SIGINT, int), signal.SIGINT + 1, type(signal.SIGINT).__mro__[1].__name__)
print(signal.strsignal(2), signal.strsignal(15), len(signal.valid_signals()), 32 in signal.valid_signals())
print(signal.Sigmasks.SIG_SETMASK, signal.SIG_BLOCK, signal.Handlers.__members__.keys())
for bad in (0, 65, -1):
    try:
        signal.signal(bad, signal.SIG_DFL)
    except ValueError as e:
        print("ValueError", e)
for bad in (5, "x", None):
    try:
        signal.signal(signal.SIGUSR1, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print("OSError", e.errno, e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

seen = []


def handler(signum, frame):
    seen.append((signum, type(signum).__name__, type(frame).__name__, frame.f_code.co_name))


def fire():
    signal.raise_signal(signal.SIGUSR1)


print(signal.signal(signal.SIGUSR1, handler))
fire()
print(seen, signal.getsignal(signal.SIGUSR1) is handler)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGCHLD)
print(len(seen))

old = signal.signal(signal.SIGINT, signal.SIG_IGN)
print(old)
signal.raise_signal(signal.SIGINT)
print("ignored")
signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print(seen[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from raise_signal")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
