import dis


def gen():
    x = yield 1
    yield x


g = gen()
print(g.gi_code.co_name, g.gi_running, g.gi_code is not None, g.gi_code == gen.__code__)
print(g.gi_code.co_flags & 0x20, g.gi_code.co_varnames)
print(next(g), g.send(5), g.gi_running)
print([i.opname for i in dis.get_instructions(g)] == [i.opname for i in dis.get_instructions(gen)])
