# A threading.local subclass with its own __init__, made and used before
# any other thread runs: each thread that touches it later gets its own
# attributes from __init__ (run with the same arguments), the main
# thread keeps its own.
import threading

inits = []


class Settings(threading.local):
    def __init__(self, level, *, name="default"):
        inits.append((threading.current_thread().name, level, name))
        self.level = level
        self.name = name
        self.seen = []


settings = Settings(1, name="main-made")
settings.level = 10
settings.seen.append("main")
print(settings.level, settings.name, settings.seen, inits)


def worker(tag):
    print(tag, settings.level, settings.name, settings.seen)
    settings.level += 5
    settings.seen.append(tag)
    print(tag, settings.level, settings.seen, sorted(vars(settings)))
    try:
        settings.__dict__ = {}
    except AttributeError as e:
        print(tag, "AttributeError", e)
    del settings.name
    print(tag, hasattr(settings, "name"))


for tag in ("t1", "t2"):
    t = threading.Thread(target=worker, args=(tag,), name=tag)
    t.start()
    t.join()

print(settings.level, settings.name, settings.seen, inits)


class Later(threading.local):
    def __init__(self):
        self.made_in = threading.current_thread().name


later = Later()
t = threading.Thread(target=lambda: print("later in thread:", later.made_in), name="t3")
t.start()
t.join()
print("later in main:", later.made_in)
