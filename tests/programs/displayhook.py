# sys.displayhook and builtins._ for 'single' code, as in the REPL.
import sys
import builtins

exec(compile("1 + 1", "<single>", "single"))
print("_ is", builtins._)
exec(compile("None", "<single>", "single"))
print("_ still", builtins._)
exec(compile("'text'", "<single>", "single"))
seen = []


def hook(value):
    seen.append(value)


sys.displayhook = hook
exec(compile("40 + 2", "<single>", "single"))
exec(compile("None", "<single>", "single"))
print("hook saw", seen)
sys.displayhook = sys.__displayhook__
exec(compile("[1, 2]", "<single>", "single"))
exec(compile("for i in range(2): i\n", "<single>", "single"))
print(eval(compile("7", "<single>", "single")))
builtins.made_global = "visible everywhere"


def reader():
    return made_global


print(reader(), builtins.len("abc"), builtins.__name__)
