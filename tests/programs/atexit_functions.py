# atexit: functions run at exit, newest first, with their arguments;
# unregister removes every registration of a function; they run before
# module-level objects are finalized.
import atexit


def say(*args, **kwargs):
    print("exit:", args, kwargs)


def never():
    print("never printed")


print(atexit.register(say, 1, key="a") is say)
atexit.register(never)
atexit.register(say, 2)
atexit.register(never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("exit: decorated")


try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)


class Last:
    def __del__(self):
        print("module-level object finalized after the exit functions")


last = Last()
print("end of program")
