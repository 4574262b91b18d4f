import code, codeop, sys, io

def cc(src, symbol="single"):
    try:
        r = codeop.compile_command(src, "<t>", symbol)
        return "None" if r is None else type(r).__name__
    except SyntaxError as e:
        return "SyntaxError"
    except (ValueError, OverflowError) as e:
        return type(e).__name__

samples = ["x = 1", "if x:", "if x:\n  y = 2", "if x:\n  y = 2\n", "def f():", "def f():\n  return 1\n",
           "(1,", "[1, 2", "{'a': ", "'''abc", '"abc', "x = ", "1 +", "for i in range(3):\n", "class A:",
           "", "# comment", "\n", "a b", "1 2 3", ")", "x = (1 2", "return 5", "print(1)", "lambda:",
           "x = [\n1,\n2]", "\\", "x = 1 \\", "@dec", "@dec\ndef f(): pass\n", "try:", "try:\n  pass\nexcept:",
           "while True:\n  break\n", "match x:", "if 1:\n  pass\nelse:", "import", "from x import (a,",
           "3 +* 4", "def f(:", "'''a\nb'''", "1e", "0b2", "x = 'abc"]
for s in samples:
    print(repr(s), cc(s), cc(s, "exec"), cc(s, "eval"))

cmp = codeop.CommandCompiler()
print(cmp("from __future__ import annotations") is not None)
print(type(cmp("x: int = 1")).__name__, cmp("if 1:") is None)
c = codeop.Compile()
print(c.flags == codeop.PyCF_DONT_IMPLY_DEDENT | codeop.PyCF_ALLOW_INCOMPLETE_INPUT, hex(codeop.PyCF_DONT_IMPLY_DEDENT), hex(codeop.PyCF_ALLOW_INCOMPLETE_INPUT))

class Capture(code.InteractiveConsole):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.out = []
    def write(self, data):
        self.out.append(data)

ns = {}
con = Capture(ns)
for line in ["x = 5", "if x > 2:", "    print('big', x)", "", "def g(a):", "    return a * 2", "", "g(21)",
             "1/0", "a b", "y = (", "1, 2)", "y", "raise KeyError('k')", "import sys", "undefined_name"]:
    more = con.push(line)
    print(repr(line), more)
print(ns["y"], sorted(k for k in ns if not k.startswith("__")), ns.get("__name__"))
txt = "".join(con.out)
for l in txt.splitlines():
    print("OUT", l.replace(sys.version, "VER"))

ii = code.InteractiveInterpreter()
print(ii.locals == {"__name__": "__console__", "__doc__": None})
err = []
ii.write = err.append
print(ii.runsource("z = 3"), ii.runsource("for"), ii.runsource("if 1:"), ii.runsource("z"), ii.locals["z"])
print(ii.runsource("1 +", symbol="eval"), ii.runsource("z + 1", symbol="eval"), ii.runsource("q", filename="<f>"))
for l in "".join(err).splitlines():
    if l.strip() and not l.strip().strip("^~"):
        continue  # caret lines depend on the compiler's error offsets
    print("ERR", l)
print(sys.last_type.__name__, type(sys.last_value).__name__)

lines = iter(["a = 1", "a + 41", "for i in range(2):", "  print(i)", ""])
def rf(prompt):
    print("PROMPT", repr(prompt))
    try:
        return next(lines)
    except StopIteration:
        raise EOFError
old = sys.stderr
sys.stderr = io.StringIO()
try:
    code.interact(banner="hello", readfunc=rf, local={}, exitmsg="bye")
    code.interact(banner="", readfunc=lambda p: (_ for _ in ()).throw(EOFError), exitmsg="")
    c2 = code.InteractiveConsole()
    c2.raw_input = lambda p: (_ for _ in ()).throw(EOFError)
    c2.interact(banner="B")
finally:
    captured = sys.stderr.getvalue()
    sys.stderr = old
print(repr(captured))
print(code.compile_command is codeop.compile_command, code.__all__)
try:
    con.push("raise SystemExit(3)")
except SystemExit as e:
    print("SystemExit", e.code)
