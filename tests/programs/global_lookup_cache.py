# LOAD_GLOBAL remembers where a name was found; every change that moves the
# answer must be seen: a global shadowing a builtin and going away again,
# builtins replaced, globals deleted, and one code object run in several
# globals dicts (each dict its own answers).
import builtins


def size(x):
    return len(x)


print(size("abc"))
len = lambda x: "shadowed"
print(size("abc"))
del len
print(size("abc"))

original_len = builtins.len
builtins.len = lambda x: "replaced builtin"
print(size("abc"))
builtins.len = original_len
print(size("abc"))

counter = 0


def bump():
    return counter + 1


print(bump())
counter = 41
print(bump())
del counter
try:
    bump()
except NameError as e:
    print("NameError:", e)
counter = 7
print(bump())

code = compile("result = base * 2 + len(items)", "<shared>", "exec")
spaces = [{"base": n, "items": [0] * n} for n in range(4)]
for _ in range(2):
    for space in spaces:
        exec(code, space)
print([space["result"] for space in spaces])
spaces[2]["len"] = lambda items: 100
for space in spaces:
    exec(code, space)
print([space["result"] for space in spaces])

# Many globals added after the first lookups (the globals dict grows and
# its positions are rebuilt) while a function keeps reading one.
def read():
    return anchor


anchor = "first"
print(read())
for i in range(200):
    globals()["g%d" % i] = i
print(read(), g199)
for i in range(0, 200, 2):
    del globals()["g%d" % i]
anchor = "after deletes"
print(read(), g199)
