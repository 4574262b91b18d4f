# A bound method passes attribute reads to its function; `__exit__` gets
# the traceback; generators' gi_frame / gi_suspended (and coroutines').
import functools


def tagged(function):
    function.tag = "fast"
    return function


class Service:
    @tagged
    def run(self):
        return 1

    def plain(self):
        pass


s = Service()
print(s.run.tag, getattr(s.plain, "tag", "missing"), s.run.__module__)
print(s.run.__code__.co_name, s.run.__defaults__, s.run.__dict__)
try:
    s.plain.nope
except AttributeError as e:
    print(e)
try:
    s.run.tag = "slow"
except AttributeError as e:
    print(e)


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print(kind.__name__, value, type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
        return True


def fail():
    with Manager():
        {}["key"]


fail()


def counter(limit):
    total = 0
    for i in range(limit):
        total += i
        yield total


g = counter(3)
print(g.gi_suspended, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals))
next(g)
print(g.gi_suspended, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals.items()))
list(g)
print(g.gi_suspended, g.gi_frame)


def inside():
    me = yield
    yield me.gi_frame.f_code.co_name, me.gi_suspended, me.gi_running


g = inside()
next(g)
print(g.send(g))


async def job():
    return 1


c = job()
print(c.cr_suspended, c.cr_frame.f_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value, c.cr_frame)
