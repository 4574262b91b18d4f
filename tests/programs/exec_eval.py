# compile(), exec(), eval(), globals(), locals(), vars() from Python.
g = {}
exec("x = 1\ny = x + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["y"], "__builtins__" in g)
print(eval("  1 + 2"), eval("x * 10", {"x": 4}), eval("a + b", {"a": 1}, {"b": 2}))
code = compile("3 * 7", "<expr>", "eval")
print(type(code).__name__, eval(code))
c2 = compile("z = 5\nprint('in exec', z)", "<prog>", "exec")
exec(c2)
print(z)
exec(compile("1 + 1", "<s>", "single")); exec(compile("None", "<s>", "single")); exec(compile("if 1:\n  'abc'\n  5\n", "<s>", "single"))
def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
print("__builtins__" in globals(), globals() is globals())
print(vars() is globals())
class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        if k in self.d: return self.d[k]
        raise KeyError(k)
    def __setitem__(self, k, v): print("set", k); self.d[k] = v
m = M()
exec("q = 3\nr = q + 1", {}, m)
print(m.d)
print(eval("len('abc')"))
for bad in ["1 +", "  x = 1", "x = (1,", "a b", "\n\nif x\n  pass"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text), "|", e, "|", e.args[0])
for call in [lambda: exec(123), lambda: eval("x", []), lambda: compile("1", "s", "bad"), lambda: compile("a\0b", "s", "exec"), lambda: compile(b"\xff", "s", "exec"), lambda: exec("1", None, 5), lambda: eval("undefined_name")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
def rec(n):
    return eval("rec(n - 1)") if n else 0
try:
    rec(10000)
except RecursionError as e:
    print("RecursionError")
print(eval(compile("x = 3", "s", "exec")))
print(eval(b"1 + 1"), exec("pass"))
def g():
    y = 5
    return eval("y + 1")
print(g())

ns = {"__builtins__": {"len": len}}
print(eval("len('ab')", ns))
src = "def sq(v):\n    return v * v\nresult = [sq(i) for i in range(4)]\n"
env = {}
exec(src, env)
print(env["result"], env["sq"].__name__)
class Namespace(dict):
    def __missing__(self, key):
        return key.upper()
print(eval("abc + '!'", {}, Namespace()))
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    eval("(")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
